//! The front matter is read exactly as it was read with `yaml-rust2` and `toml` (kept as
//! dev-dependencies for this oracle only; the bundle has neither): on every page of the corpus,
//! the six real repositories and the fixtures, on a list of hand-written shapes (YAML and TOML,
//! quoted and unquoted, escapes, lists, nested tables, block scalars, comments, broken blocks),
//! and on generated blocks.
//!
//! Compared: format, title, date, weight and `pre` with their lines, the body offset, and the
//! diagnostics (severity, line, code, and the message except for the library's wording inside
//! a syntax warning). Known, deliberate differences are listed in `DIFFERENT`.

use std::path::Path;

use proptest::prelude::*;
use worklog::parse::front_matter;

#[path = "support/old_front_matter.rs"]
mod old;

#[path = "support/shared.rs"]
mod shared;

fn describe_new(fm: &front_matter::FrontMatter, lines: bool) -> String {
    let mut out = format!(
        "format {:?}, title {:?}, date {:?}, weight {:?}, pre {:?}, body at {}\n",
        fm.format.map(|f| format!("{f:?}")),
        fm.title.as_ref().map(|f| (&f.value, f.line)),
        fm.date.as_ref().map(|f| (f.value, f.line)),
        fm.weight.as_ref().map(|f| (f.value, f.line)),
        fm.pre.as_ref().map(|f| (&f.value, f.line)),
        fm.body_offset,
    );
    for d in &fm.diagnostics {
        out.push_str(&diagnostic(d, lines));
    }
    out
}

fn describe_old(fm: &old::FrontMatter, lines: bool) -> String {
    let mut out = format!(
        "format {:?}, title {:?}, date {:?}, weight {:?}, pre {:?}, body at {}\n",
        fm.format.map(|f| format!("{f:?}")),
        fm.title.as_ref().map(|f| (&f.value, f.line)),
        fm.date.as_ref().map(|f| (f.value, f.line)),
        fm.weight.as_ref().map(|f| (f.value, f.line)),
        fm.pre.as_ref().map(|f| (&f.value, f.line)),
        fm.body_offset,
    );
    for d in &fm.diagnostics {
        out.push_str(&diagnostic(d, lines));
    }
    out
}

/// A diagnostic as compared: the library's own words in a syntax warning are left out, and
/// its line too unless `lines`.
fn diagnostic(d: &worklog::Diagnostic, lines: bool) -> String {
    let message = if d.code == front_matter::FRONT_MATTER_SYNTAX {
        // "The YAML front matter does not parse (…)" / "… uses …": the format is compared.
        d.message
            .split(" front matter")
            .next()
            .unwrap_or("")
            .to_string()
    } else {
        d.message.clone()
    };
    let line = if lines || d.code != front_matter::FRONT_MATTER_SYNTAX {
        d.line
    } else {
        None
    };
    format!("  {:?} line {line:?} {}: {message}\n", d.severity, d.code)
}

/// Inputs whose reading changed on purpose (YAML the new reader does not handle; the old
/// reading was a library's), with the reason.
const DIFFERENT: &[(&str, &str)] = &[];

/// Both readings of `text` agree (with `lines`, also on where a syntax problem is).
fn check_lines(text: &str, lines: bool) -> Result<(), String> {
    let new = describe_new(&front_matter::parse(text), lines);
    let old = describe_old(&old::parse(text), lines);
    if new == old || DIFFERENT.iter().any(|(t, _)| *t == text) {
        Ok(())
    } else {
        Err(format!(
            "front matter read differently:\n{text}\n--- before:\n{old}--- now:\n{new}"
        ))
    }
}

fn check(text: &str) -> Result<(), String> {
    check_lines(text, true)
}

fn pages_under(root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for path in shared::markdown_files(root) {
        if let Ok(bytes) = std::fs::read(&path) {
            out.push((path.display().to_string(), bytes));
        }
    }
}

#[test]
fn every_real_page_and_fixture_reads_as_before() {
    let mut pages = Vec::new();
    pages_under(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut pages,
    );
    let fixtures = pages.len();
    assert!(fixtures > 100, "fixtures not found");
    for sub in ["corpus", "repos"] {
        if let Some(path) = shared::shared_path(sub, "front_matter::every_real_page") {
            pages_under(&path, &mut pages);
        }
    }
    let mut failures = Vec::new();
    let mut with_front_matter = 0;
    for (name, bytes) in &pages {
        let text = worklog::parse::decode::decode(bytes).text;
        if front_matter::parse(&text).format.is_some() {
            with_front_matter += 1;
        }
        if let Err(e) = check(&text) {
            failures.push(format!("{name}: {e}"));
        }
    }
    println!(
        "{} pages ({fixtures} fixtures), {with_front_matter} with front matter",
        pages.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every shape of front matter the viewer has met or could plausibly meet.
const SHAPES: &[&str] = &[
    // YAML: the template and its hand-edited variants.
    "---\ntitle: \"Week 3 Worklog\"\ndate: 2025-09-22\nweight: 3\nchapter: false\npre: \" <b> 1.3. </b> \"\n---\n",
    "---\ntitle : \"Tuần 3\"\ndate :  \"2025-09-22\"\nweight : 3 \npre : \" <b> 1.3. </b> \"\n---\n",
    "\n\n---\ntitle: Week 3 Worklog\ndate: 2024-01-01T00:00:00+07:00 \nweight: 3\n---\nbody\n",
    "---\ntitle: 'It''s week 3'\ndate: '2025-09-22'\n---\n",
    "---\ntitle: \"Tab\\tand \\\"quotes\\\" \\u00e9 \\x41\"\n---\n",
    "---\ntitle: \"Bad escape \\q\"\nweight: 2\n---\n",
    "---\ntitle: Week 3 # a comment\n# a whole-line comment\nweight: 3 # three\n---\n",
    "---\ntitle: Week#3\nweight: 0x10\n---\n",
    "---\ntitle: C# and F#\nweight: +7\n---\n",
    "---\ntitle: ~\nweight: null\ndate:\n---\n",
    "---\ntitle: true\nweight: 1.5\n---\n",
    "---\ntitle: 2025\nweight: 007\n---\n",
    "---\ntitle: 1e3\nweight: -4\npre: 0o17\n---\n",
    "---\ntitle: Week 3: Networking: VPC\nweight: 3\n---\n",
    "---\ntitle: \"Week 3\"\ntitle: \"Again\"\n---\n",
    "---\nTitle: \"Upper\"\ntitle: \"lower\"\n---\n",
    "---\ntags: [aws, \"ec2\", 'vpc']\ncategories:\n  - cloud\n  - \"aws\"\ntitle: After lists\n---\n",
    "---\ntags:\n- same-indent\n- list\ntitle: After\n---\n",
    "---\nmenu:\n  main:\n    weight: 5\n    parent: worklog\ntitle: Nested\nweight: 9\n---\n",
    "---\nparams: {a: 1, b: [2, 3]}\ntitle: Flow\n---\n",
    "---\ntags: [a, b\n---\n",
    "---\ntitle: |\n  Line one\n  Line two\nweight: 1\n---\n",
    "---\ntitle: >\n  Folded one\n  folded two\n\n  new paragraph\nweight: 1\n---\n",
    "---\ntitle: |-\n  Stripped\n\nweight: 1\n---\n",
    "---\ntitle: |+\n  Kept\n\nweight: 1\n---\n",
    "---\ntitle: A long title\n  that goes on\n  over lines\nweight: 2\n---\n",
    "---\ntitle: \"A quoted title\n  over two lines\"\n---\n",
    "---\ndate: \"`r Sys.Date()`\"\ntitle: R\n---\n",
    "---\ndate: `r Sys.Date()`\ntitle: R\n---\n",
    "---\ndate: 2025-13-45\ntitle: Bad date\n---\n",
    "---\ndate: 22/09/2025\n---\n",
    "---\nweight: three\n---\n",
    "---\nweight: \"4\"\n---\n",
    "---\nweight: 1e2\n---\n",
    "---\n\"title\": \"Quoted key\"\n---\n",
    "---\n  title: indented mapping\n  weight: 2\n---\n",
    "---\ntitle: a\n  weight: 2\n---\n",
    "---\ntitle:\n---\n",
    "---\n---\n",
    "---\n# only a comment\n---\n",
    "---\ntitle: x\n",
    "---\ntitle: x\nweight: 1\n\n# Week 3\ntext\n",
    "---\n\n## Heading\n\ntext\n---\n",
    "# Week 3\n\n---\n\ntext\n",
    "---\ntitle: \"unclosed\n---\n",
    "---\ntitle: Week 3\n...\nbody\n",
    "---\ntitle: [Week 3]\n---\n",
    "---\n- a\n- b\n---\n",
    "---\ntitle: \"x\" trailing\n---\n",
    "---\ntitle: @home\n---\n",
    "---\ntitle: x\n\ttabbed: y\n---\n",
    "---\nempty_value:\nnext: 1\ntitle: T\n---\n",
    "---\ntitle: \"Week 3 — Monitoring + Drift Detection\"\ndescription: \"A: b\"\n---\n",
    "---\ntitle: Tuần 3: Phân tích & Thiết kế\n---\n",
    "---\npre: \"<b> 5.4.2 </b>\"\ntitle: \"Bản đề xuất\"\nweight: 5\n---\n",
    "---\ntitle: 'single\n  over lines'\n---\n",
    "---\nweight: |\n---\n",
    "---\nweight: |\ntitle: x\n---\n",
    "---\npre: |\n\n---\n",
    "---\npre: |-\n---\n",
    "---\npre: |+\n---\n",
    "---\npre: >\n---\n",
    "---\npre: |+\n\nweight: 1\n---\n",
    "---\ntitle:\n  \"On the next line\"\nweight:\n  3\n---\n",
    // TOML.
    "+++\ntitle = \"Week 3 Worklog\"\ndate = 2025-09-15\nweight = 13\n\n[params]\n  collapsibleMenu = true\n+++\n",
    "+++\ntitle = 'Literal \\n'\ndate = \"2025-09-15\"\nweight = 1_000\n+++\n",
    "+++\ntitle = \"\"\"\nMulti\nline\"\"\"\nweight = 0x1F\n+++\n",
    "+++\ntitle = '''\nRaw\\n multi'''\nweight = +3\n+++\n",
    "+++\ntitle = \"Week \\u00e9 \\\"q\\\"\"\nweight = 3.0\n+++\n",
    "+++\nweight = 2.5\ndate = 2025-09-15T10:00:00+07:00\n+++\n",
    "+++\ndate = 2025-09-15 10:00:00Z\ntitle = 2025-09-15T10:00:00.500\n+++\n",
    "+++\ntitle = true\nweight = -0\n+++\n",
    "+++\ntags = [\"a\", 'b', [1, 2],\n  # comment\n  \"c\",\n]\ntitle = \"After array\"\n+++\n",
    "+++\nmenu = { main = { weight = 3 } }\ntitle = \"Inline\"\n+++\n",
    "+++\nTitle = \"Upper\"\ntitle = \"lower\"\n+++\n",
    "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n",
    "+++\ntitle = Week 3\nweight = 3\n+++\n",
    "+++\ntitle = \"unclosed\nweight = 3\n+++\n",
    "+++\n\"title\" = \"Quoted key\"\nsite.weight = 3\n+++\n",
    "+++\n[[menu.main]]\nweight = 1\n[[menu.main]]\nweight = 2\n+++\ntitle = \"not front matter\"\n",
    "+++\ntitle = \"x\" # comment\nweight = 1 # one\n# only comment\n+++\n",
    "+++\nweight = inf\ntitle = nan\n+++\n",
    "+++\nweight = 1e3\ntitle = 3.14\n+++\n",
    "+++\ndate = 2025-02-30\n+++\n",
    "+++\ntitle = \"x\"\n[params]\ntitle = \"shadow\"\n[params]\nx = 1\n+++\n",
    "+++\ntitle = \"x\"\n",
    "+++\n+++\n",
];

#[test]
fn every_shape_reads_as_before() {
    let failures: Vec<String> = SHAPES.iter().filter_map(|s| check(s).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// One line of a generated YAML block.
fn yaml_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "title",
        "date",
        "weight",
        "pre",
        "Title",
        "draft",
        "tags",
        "'title'",
        "\"date\"",
        "'it''s'",
        "\"weight\" ",
    ]);
    let value = prop::sample::select(vec![
        "\"Week 3\"",
        "Week 3",
        "'Week 3'",
        "2025-09-22",
        "\"2025-09-22\"",
        "3",
        "0x1f",
        "+2",
        "1.5",
        "true",
        "~",
        "",
        "Week 3 # note",
        "\"a: b\"",
        "[a, b]",
        "{a: 1}",
        "\"\"",
        "\" <b> 1.3. </b> \"",
        "Tuần 3",
        "a: b",
        "2024-01-01T00:00:00+07:00",
        "|",
        "'it''s'",
        "\"\\u00e9\"",
        "null",
        "`r x`",
        "- a",
    ]);
    let space = prop::sample::select(vec!["", " ", "  "]);
    let line = (key, space, value).prop_map(|(k, s, v)| {
        if v.is_empty() {
            format!("{k}{s}:")
        } else {
            format!("{k}{s}: {v}")
        }
    });
    prop_oneof![
        8 => line,
        1 => Just("# comment".to_string()),
        1 => Just(String::new()),
        1 => Just("  - item".to_string()),
        1 => Just("  nested: 1".to_string()),
        1 => Just("  continued text".to_string()),
    ]
}

fn toml_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "title",
        "date",
        "weight",
        "pre",
        "Title",
        "draft",
        "\"title\"",
        "'date'",
        "\"we ight\"",
    ]);
    let value = prop::sample::select(vec![
        "\"Week 3\"",
        "'Week 3'",
        "2025-09-22",
        "\"2025-09-22\"",
        "3",
        "0x1f",
        "+2",
        "1.5",
        "true",
        "[1, 2]",
        "{ a = 1 }",
        "Week 3",
        "\"\\u00e9\"",
        "1_000",
        "2025-09-22T10:00:00Z",
        "-0.0",
        "\"a\" # c",
    ]);
    let line = (key, value).prop_map(|(k, v)| format!("{k} = {v}"));
    prop_oneof![
        8 => line,
        1 => Just("# comment".to_string()),
        1 => Just(String::new()),
        1 => Just("[params]".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn generated_yaml_reads_as_before(lines in prop::collection::vec(yaml_line(), 0..8)) {
        let text = format!("---\n{}\n---\nbody\n", lines.join("\n"));
        let checked = check_lines(&text, false);
        prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }

    #[test]
    fn generated_toml_reads_as_before(lines in prop::collection::vec(toml_line(), 0..8)) {
        let text = format!("+++\n{}\n+++\nbody\n", lines.join("\n"));
        let checked = check_lines(&text, false);
        prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }
}
