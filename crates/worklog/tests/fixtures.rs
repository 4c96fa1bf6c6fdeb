//! Fixture-driven spec suite for the page parser and the collection passes.
//!
//! Layout (one directory per case, named after the variant it pins down):
//!
//! - `tests/fixtures/pages/<case>/` holds exactly one input page at a realistic relative path
//!   (`content/1-Worklog/1.5-Week5/_index.vi.md`, `week-3.en.md`, `page.md`, ...) and an
//!   `expected.json`. The page is parsed with `parse_page(<relative path>, bytes)` and the
//!   result serialised to JSON.
//! - `tests/fixtures/collections/<case>/` holds several pages (any files other than
//!   `expected.json`, at any depth) that are parsed the same way and gathered into one
//!   `Collection`; its JSON form is `{"pages": [...], "weeks": [...], "internships": [...],
//!   "rows": [...]}` with pages in path order. An optional `sources.json`
//!   (`{"<relative path>": "<URL>"}`) loads a page under another source, as if fetched from it.
//!
//! `expected.json` is a *subset* matcher, so each fixture states only what it is about:
//! objects compare only the keys present in the expected object; arrays compare their length
//! and then element by element. One extension: an expected array whose first element is the
//! string `"..."` matches when each following element matches some actual element, in order
//! (use it for "the diagnostics include a `week-conflict`" without listing all of them).
//!
//! `BLESS=1 cargo test -p worklog --test fixtures` writes the actual JSON of every case whose
//! `expected.json` is missing (existing files are never overwritten). Review the blessed
//! output by hand and trim it down to the keys that matter for the case.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use worklog::{parse_page, Collection};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const EXPECTED: &str = "expected.json";

/// One mismatch between expected and actual JSON, at a JSON-pointer-like path.
struct Mismatch {
    path: String,
    expected: String,
    actual: String,
}

/// Every input file of a case directory (recursively), excluding `expected.json`, sorted by
/// relative path so runs are deterministic.
fn input_files(case_dir: &Path) -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path != root.join(EXPECTED) {
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((relative, path));
            }
        }
    }
    let mut out = Vec::new();
    walk(case_dir, case_dir, &mut out);
    out.sort();
    out
}

fn case_dirs(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(Path::new(FIXTURES).join(kind))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 300 {
        let cut: String = text.chars().take(300).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// Subset comparison; pushes every mismatch found (does not stop at the first).
fn compare(expected: &Value, actual: &Value, path: &str, out: &mut Vec<Mismatch>) {
    match (expected, actual) {
        (Value::Object(exp), Value::Object(act)) => {
            for (key, exp_value) in exp {
                let child = format!("{path}/{key}");
                match act.get(key) {
                    Some(act_value) => compare(exp_value, act_value, &child, out),
                    // Fields skipped when empty/none serialise as absent.
                    None if exp_value.is_null()
                        || exp_value.as_array().is_some_and(|a| a.is_empty()) => {}
                    None => out.push(Mismatch {
                        path: child,
                        expected: short(exp_value),
                        actual: "<missing>".into(),
                    }),
                }
            }
        }
        (Value::Array(exp), Value::Array(act))
            if exp.first() == Some(&Value::String("...".into())) =>
        {
            let mut from = 0;
            for (i, exp_item) in exp.iter().enumerate().skip(1) {
                let found = (from..act.len()).find(|&j| {
                    let mut scratch = Vec::new();
                    compare(exp_item, &act[j], "", &mut scratch);
                    scratch.is_empty()
                });
                match found {
                    Some(j) => from = j + 1,
                    None => out.push(Mismatch {
                        path: format!("{path}/{i} (contains)"),
                        expected: short(exp_item),
                        actual: format!(
                            "no matching element among {} after index {from}",
                            act.len()
                        ),
                    }),
                }
            }
        }
        (Value::Array(exp), Value::Array(act)) => {
            if exp.len() != act.len() {
                out.push(Mismatch {
                    path: format!("{path} (length)"),
                    expected: exp.len().to_string(),
                    actual: format!("{} {}", act.len(), short(actual)),
                });
            }
            for (i, (e, a)) in exp.iter().zip(act.iter()).enumerate() {
                compare(e, a, &format!("{path}/{i}"), out);
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        (e, a) if e == a => {}
        (e, a) => out.push(Mismatch {
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            expected: short(e),
            actual: short(a),
        }),
    }
}

fn parse_file(relative: &str, path: &Path) -> Result<worklog::Page, String> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(parse_page(relative, &bytes))
}

fn page_case(case_dir: &Path) -> Result<Value, String> {
    let files = input_files(case_dir);
    if files.len() != 1 {
        return Err(format!(
            "a page case holds exactly one input page besides expected.json, found {}: {:?}",
            files.len(),
            files.iter().map(|(r, _)| r).collect::<Vec<_>>()
        ));
    }
    let (relative, path) = &files[0];
    let page = parse_file(relative, path)?;
    serde_json::to_value(&page).map_err(|e| format!("cannot serialise page: {e}"))
}

/// A collection case's optional `sources.json`: `{"<relative path>": "<source>"}` gives a page
/// the source it was loaded from (a URL, say) instead of its path in the case directory.
const SOURCES: &str = "sources.json";

fn collection_case(case_dir: &Path) -> Result<Value, String> {
    let sources: serde_json::Map<String, Value> = match fs::read(case_dir.join(SOURCES)) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("{SOURCES}: {e}"))?,
        Err(_) => serde_json::Map::new(),
    };
    let files: Vec<(String, PathBuf)> = input_files(case_dir)
        .into_iter()
        .filter(|(relative, _)| relative != SOURCES)
        .collect();
    if files.is_empty() {
        return Err("a collection case holds at least one page".into());
    }
    let pages = files
        .iter()
        .map(|(relative, path)| {
            let source = sources
                .get(relative)
                .and_then(Value::as_str)
                .unwrap_or(relative);
            parse_file(source, path)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let collection = Collection::new(pages);
    Ok(json!({
        "pages": serde_json::to_value(collection.pages().iter().map(|p| &**p).collect::<Vec<&worklog::Page>>()).map_err(|e| e.to_string())?,
        "weeks": serde_json::to_value(collection.weeks()).map_err(|e| e.to_string())?,
        "internships": serde_json::to_value(collection.internships()).map_err(|e| e.to_string())?,
        "rows": serde_json::to_value(collection.rows()).map_err(|e| e.to_string())?,
    }))
}

/// Runs every case of one kind and panics once at the end with all failures and counts.
fn run_cases(kind: &str, build: fn(&Path) -> Result<Value, String>) {
    let bless = std::env::var_os("BLESS").is_some_and(|v| v == "1");
    let dirs = case_dirs(kind);
    let mut report = String::new();
    let (mut passed, mut failed, mut blessed) = (0usize, 0usize, 0usize);
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let actual = match build(dir) {
            Ok(value) => value,
            Err(message) => {
                failed += 1;
                let _ = writeln!(report, "\n✗ {kind}/{name}: {message}");
                continue;
            }
        };
        let pretty = serde_json::to_string_pretty(&actual).unwrap_or_default();
        let expected_path = dir.join(EXPECTED);
        let expected_text = match fs::read_to_string(&expected_path) {
            Ok(text) => text,
            Err(_) if bless => {
                match fs::write(&expected_path, format!("{pretty}\n")) {
                    Ok(()) => {
                        blessed += 1;
                        let _ = writeln!(
                            report,
                            "\n✎ {kind}/{name}: blessed {EXPECTED} (review and trim it)"
                        );
                    }
                    Err(e) => {
                        failed += 1;
                        let _ = writeln!(report, "\n✗ {kind}/{name}: cannot write {EXPECTED}: {e}");
                    }
                }
                continue;
            }
            Err(_) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "\n✗ {kind}/{name}: no {EXPECTED} (run with BLESS=1 to write it)\nactual:\n{pretty}"
                );
                continue;
            }
        };
        let expected: Value = match serde_json::from_str(&expected_text) {
            Ok(value) => value,
            Err(e) => {
                failed += 1;
                let _ = writeln!(
                    report,
                    "\n✗ {kind}/{name}: {EXPECTED} is not valid JSON: {e}"
                );
                continue;
            }
        };
        let mut mismatches = Vec::new();
        compare(&expected, &actual, "", &mut mismatches);
        if mismatches.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            let _ = writeln!(
                report,
                "\n✗ {kind}/{name}: {} mismatch(es)",
                mismatches.len()
            );
            for m in &mismatches {
                let _ = writeln!(
                    report,
                    "  at {}\n    expected: {}\n    actual:   {}",
                    m.path, m.expected, m.actual
                );
            }
            let _ = writeln!(report, "  full actual JSON:\n{pretty}");
        }
    }
    let summary = format!(
        "{kind} fixtures: {} cases, {passed} passed, {failed} failed{}",
        dirs.len(),
        if blessed > 0 {
            format!(", {blessed} blessed")
        } else {
            String::new()
        }
    );
    eprintln!("{report}\n{summary}");
    assert!(failed == 0, "{summary}\n{report}");
}

#[test]
fn page_fixtures() {
    run_cases("pages", page_case);
}

#[test]
fn collection_fixtures() {
    run_cases("collections", collection_case);
}

#[test]
fn subset_matcher_semantics() {
    let actual = json!({"a": 1, "b": [1, 2, 3], "c": {"d": "x", "e": null}});
    let mut out = Vec::new();
    compare(&json!({"a": 1, "c": {"d": "x"}}), &actual, "", &mut out);
    assert!(out.is_empty());
    compare(&json!({"b": [1, 2]}), &actual, "", &mut out);
    assert_eq!(out.len(), 1, "length mismatch reported");
    out.clear();
    compare(&json!({"b": ["...", 3]}), &actual, "", &mut out);
    assert!(out.is_empty(), "contains matcher");
    compare(&json!({"b": ["...", 3, 1]}), &actual, "", &mut out);
    assert_eq!(out.len(), 1, "contains matcher keeps order");
    out.clear();
    compare(&json!({"z": null, "y": []}), &actual, "", &mut out);
    assert!(out.is_empty(), "absent optional fields match null/empty");
}

/// Every diagnostic code the fixtures produce is documented in `docs/diagnostics.md` (codes
/// are part of the public interface).
#[test]
fn every_diagnostic_code_is_documented() {
    let docs_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/diagnostics.md");
    let Ok(docs) = fs::read_to_string(docs_path) else {
        println!("SKIPPED: no {docs_path}");
        return;
    };
    let mut missing = std::collections::BTreeSet::new();
    for kind in ["pages", "collections"] {
        for dir in case_dirs(kind) {
            for (relative, path) in input_files(&dir) {
                let Ok(page) = parse_file(&relative, &path) else {
                    continue;
                };
                for d in &page.diagnostics {
                    if !docs.contains(&format!("`{}`", d.code)) {
                        missing.insert(d.code.clone());
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "diagnostic codes missing from docs/diagnostics.md: {missing:?}"
    );
}
