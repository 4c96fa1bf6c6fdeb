//! The hostile-page corpus (`tests/fixtures/hostile/`, written by `tests/lib/hostile.mjs`: one
//! page per payload, the payload in every place page text lands): parsing never panics, every
//! page keeps exactly the tasks it was written with, no link survives with a scheme a browser
//! would run, and every export keeps the payloads inert (CSV cells never start a formula,
//! Markdown carries no page HTML, iCalendar no injected property, JSON only safe URLs).
//! The browser side of the same corpus is `tests/e2e/hostile.test.mjs`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde_json::Value;
use worklog::export::{csv as csv_export, ics, markdown};
use worklog::{parse_page, Inline, Item, Page};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hostile");

/// One page of the corpus.
struct Case {
    /// Relative to the fixture folder: `<intern folder>/content/1-Worklog/1.N-WeekN/_index.md`.
    path: String,
    payload: String,
    family: String,
    /// Rows the generator wrote (not what the parser found).
    tasks: usize,
    /// The intern's display name in the site manifest (hostile too).
    intern: String,
    bytes: Vec<u8>,
}

/// The corpus, in the manifest's order.
fn corpus() -> Vec<Case> {
    let read_json = |name: &str| -> Value {
        let text = std::fs::read_to_string(Path::new(DIR).join(name))
            .unwrap_or_else(|e| panic!("{DIR}/{name}: {e} (node tests/lib/hostile.mjs --write)"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let manifest = read_json("index.json");
    let expected = read_json("expected.json");
    let mut out = Vec::new();
    for intern in manifest["interns"].as_array().expect("interns") {
        let name = intern["name"].as_str().expect("intern name").to_string();
        for file in intern["files"].as_array().expect("files") {
            let path = file.as_str().expect("file path").to_string();
            let page = &expected["pages"][&path];
            let tasks = page["tasks"].as_u64().expect("expected tasks") as usize;
            let text = |key: &str| page[key].as_str().expect(key).to_string();
            let bytes = std::fs::read(Path::new(DIR).join(&path)).expect("page");
            out.push(Case {
                payload: text("payload"),
                family: text("family"),
                path,
                tasks,
                intern: name.clone(),
                bytes,
            });
        }
    }
    assert_eq!(
        Some(out.len() as u64),
        expected["payloads"].as_u64(),
        "one page per payload"
    );
    out
}

fn parsed() -> Vec<(Case, Page)> {
    corpus()
        .into_iter()
        .map(|case| {
            let page = parse_page(&case.path, &case.bytes);
            (case, page)
        })
        .collect()
}

/// The scheme a browser reads from an `href` (WHATWG URL parser): leading and trailing C0
/// controls and spaces stripped, tabs and newlines removed anywhere, then an ASCII letter
/// followed by letters, digits, `+`, `-`, `.` up to a `:`. `None` for a relative URL.
fn browser_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

fn is_safe_url(url: &str) -> bool {
    browser_scheme(url).is_none_or(|s| matches!(s.as_str(), "http" | "https" | "mailto"))
}

fn inline_urls<'a>(content: &'a [Inline], out: &mut Vec<&'a str>) {
    for inline in content {
        match inline {
            Inline::Link { url, content } => {
                out.push(url);
                inline_urls(content, out);
            }
            Inline::Strong { content } | Inline::Emphasis { content } => inline_urls(content, out),
            Inline::Text { .. } | Inline::Code { .. } => {}
        }
    }
}

fn item_urls<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
    for item in items {
        inline_urls(&item.content, out);
        item_urls(&item.children, out);
    }
}

/// Every URL the page keeps: links in objectives, achievements, sections and task cells, and
/// the references.
fn page_urls(page: &Page) -> Vec<&str> {
    let mut out = Vec::new();
    item_urls(&page.objectives, &mut out);
    item_urls(&page.achievements, &mut out);
    for section in &page.sections {
        item_urls(&section.items, &mut out);
    }
    for task in &page.tasks {
        item_urls(&task.items, &mut out);
        out.extend(task.references.iter().filter_map(|r| r.url.as_deref()));
    }
    out
}

#[test]
fn the_corpus_is_large_and_covers_every_family() {
    let corpus = corpus();
    assert!(corpus.len() >= 100, "{} payloads", corpus.len());
    let families: std::collections::BTreeSet<&str> =
        corpus.iter().map(|c| c.family.as_str()).collect();
    assert!(families.len() >= 10, "families: {families:?}");
    println!(
        "hostile corpus: {} payloads in {} families",
        corpus.len(),
        families.len()
    );
}

#[test]
fn every_page_parses_and_keeps_exactly_its_tasks() {
    let mut wrong = Vec::new();
    for Case {
        path,
        payload,
        tasks,
        bytes,
        ..
    } in corpus()
    {
        let page = match catch_unwind(AssertUnwindSafe(|| parse_page(&path, &bytes))) {
            Ok(page) => page,
            Err(_) => {
                wrong.push(format!("{payload}: parsing panicked"));
                continue;
            }
        };
        if page.tasks.len() != tasks {
            wrong.push(format!(
                "{payload}: {} tasks, expected {tasks} ({path})",
                page.tasks.len()
            ));
        }
        if page.week.is_none() {
            wrong.push(format!("{payload}: no week ({path})"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_unsafe_url_survives_parsing() {
    let mut unsafe_kept = Vec::new();
    let mut reported = 0;
    for (case, page) in parsed() {
        for url in page_urls(&page) {
            if !is_safe_url(url) {
                unsafe_kept.push(format!("{}: {url:?} ({})", case.payload, case.path));
            }
        }
        let dropped = page
            .diagnostics
            .iter()
            .filter(|d| d.code == "unsafe-url")
            .count();
        // Pages of the families that are not URLs link to a plain `javascript:` URL in every
        // link slot; the drops are reported, never silent. (Usually three: the objective, the
        // first row's cells, one diagnostic per line, and the second row's autolink; a markdown
        // payload can swallow some slots. Images are never links, and reference-style links
        // inside a cell are text: the cell is read alone. A URL payload may not be a link at
        // all for markdown, e.g. with control characters, or may be a relative URL.)
        let url_family = matches!(case.family.as_str(), "url" | "obfuscated");
        assert!(
            url_family || dropped >= 1,
            "{}: {dropped} unsafe-url diagnostics ({})",
            case.payload,
            case.path
        );
        reported += dropped;
    }
    assert!(unsafe_kept.is_empty(), "{}", unsafe_kept.join("\n"));
    println!("hostile corpus: {reported} unsafe links dropped and reported, 0 kept");
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list, with the
/// full-width forms some spreadsheets fold to them).
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Where a spreadsheet may start a cell inside one CSV field: the field's start, and, for a
/// spreadsheet that splits on `;` (the list separator of many locales) and so misreads the
/// quoting, each `;` and line break. Returns the text from such a start that reads as a formula.
fn formula_in(field: &str) -> Option<String> {
    let mut starts = vec![0];
    starts.extend(
        field
            .char_indices()
            .filter(|(_, c)| matches!(c, ';' | '\n' | '\r'))
            .map(|(i, c)| i + c.len_utf8()),
    );
    starts.into_iter().find_map(|i| {
        let rest = field[i..].trim_start_matches(' ');
        rest.starts_with(FORMULA_STARTS)
            .then(|| rest.chars().take(40).collect())
    })
}

#[test]
fn csv_export_neutralises_every_formula() {
    let corpus = corpus();
    let interns: Vec<String> = corpus.iter().map(|c| c.intern.clone()).collect();
    let pages: Vec<Page> = corpus
        .iter()
        .map(|c| parse_page(&c.path, &c.bytes))
        .collect();
    let mut out = Vec::new();
    csv_export::write_with_interns(&pages, &interns, &mut out).expect("CSV");
    let mut reader = ::csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().expect("header").clone();
    let mut records = 0;
    let mut formulas = Vec::new();
    for record in reader.records() {
        let record = record.expect("record");
        records += 1;
        for (column, field) in header.iter().zip(record.iter()) {
            if let Some(formula) = formula_in(field) {
                formulas.push(format!("{column}: {formula:?}"));
            }
        }
    }
    let tasks: usize = corpus.iter().map(|c| c.tasks).sum();
    assert_eq!(records, tasks, "one record per task");
    assert!(formulas.is_empty(), "{}", formulas.join("\n"));
    // The payloads are still there, as text.
    let text = String::from_utf8(out).expect("UTF-8");
    for needle in [
        "'=HYPERLINK(",
        "'+cmd",
        "'-2+3",
        "'@SUM(1+1)",
        "Learn S3;'=HYPERLINK",
    ] {
        assert!(text.contains(needle), "{needle} is kept, neutralised");
    }
    println!("hostile corpus: CSV {records} records, 0 formulas");
}

#[test]
fn formula_detection_is_not_hollow() {
    assert!(formula_in("=1+1").is_some());
    assert!(formula_in("Learn S3;=1").is_some());
    assert!(formula_in("a\n -1").is_some());
    assert!(formula_in("'=1+1").is_none());
    assert!(formula_in("Learn S3; '=1").is_none());
    assert!(!is_safe_url("  JAVA\tSCRIPT:x"));
    assert!(
        is_safe_url("ｊａｖａｓｃｒｉｐｔ:x"),
        "not a scheme for a browser"
    );
    assert!(is_safe_url("https://docs.aws.amazon.com/"));
}

#[test]
fn markdown_ics_and_json_exports_keep_payloads_inert() {
    let (cases, pages): (Vec<Case>, Vec<Page>) = parsed().into_iter().unzip();
    let interns: Vec<String> = cases.into_iter().map(|c| c.intern).collect();

    // Markdown: the only HTML is the `<br>` it writes and `<url>` link destinations.
    let md = markdown::to_string_with_interns(&pages, &interns, "Hostile");
    let mut rest = md.replace("<br>", "");
    while let Some(start) = rest.find("](<") {
        let Some(len) = rest[start..].find(">)") else {
            break;
        };
        let url = rest[start + 3..start + len].to_string();
        assert!(is_safe_url(&url), "markdown link {url:?}");
        rest.replace_range(start..start + len + 2, "]");
    }
    assert!(!rest.contains('<'), "page HTML in the Markdown export");
    assert!(
        md.contains("&lt;script&gt;"),
        "the payloads are shown as text"
    );

    // iCalendar: one event per dated task, and only the properties the writer writes.
    let options = ics::Options {
        calendar_name: "<script>window.__pwned='calname'</script>".into(),
        dtstamp: chrono::NaiveDate::from_ymd_opt(2025, 9, 8)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .expect("date"),
    };
    let mut out = Vec::new();
    let summary = ics::write(&pages, &options, &mut out).expect("ICS");
    let text = String::from_utf8(out).expect("UTF-8").replace("\r\n ", "");
    const PROPERTIES: [&str; 15] = [
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "METHOD",
        "X-WR-CALNAME",
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "CATEGORIES",
        "TRANSP",
    ];
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        let name = line.split([':', ';']).next().unwrap_or_default();
        assert!(PROPERTIES.contains(&name), "injected line {line:?}");
    }
    assert_eq!(text.matches("BEGIN:VEVENT").count(), summary.events);
    let dated = pages
        .iter()
        .flat_map(|p| &p.tasks)
        .filter(|t| t.start.is_some() || t.end.is_some())
        .count();
    assert_eq!(summary.events, dated);

    // JSON: every link and reference `url` is safe (diagnostics name the dropped ones).
    let json = serde_json::to_value(&pages).expect("JSON");
    let mut urls = Vec::new();
    collect_urls(&json, &mut urls);
    assert!(urls.len() > pages.len(), "the safe links are kept");
    for url in urls {
        assert!(is_safe_url(&url), "JSON url {url:?}");
    }
}

fn collect_urls(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("url", Value::String(url)) => out.push(url.clone()),
                    ("diagnostics", _) => {}
                    _ => collect_urls(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_urls(v, out)),
        _ => {}
    }
}
