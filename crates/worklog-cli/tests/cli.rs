//! The real `worklog` binary on fixture folders: output, files written and exit codes.
//!
//! Fixtures (tests/fixtures/): `clean/` is a small Hugo site (week 1 in English and
//! Vietnamese, week 2 in English) with ISO dates, so its expected reading is obvious;
//! `problems/` holds pages with known mistakes (completion before start, a date in another
//! week, a template placeholder, week 2 missing).

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn clean() -> PathBuf {
    fixtures().join("clean")
}

fn problems() -> PathBuf {
    fixtures().join("problems")
}

fn worklog() -> Command {
    let mut cmd = Command::cargo_bin("worklog").expect("the worklog binary is built");
    // Reproducible DTSTAMP in calendars.
    cmd.env("SOURCE_DATE_EPOCH", "1760000000");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run worklog");
    assert!(
        output.status.success(),
        "worklog failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

// ---- general ----------------------------------------------------------------------------

#[test]
fn version_and_help_with_examples() {
    worklog()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    for command in ["lint", "export", "stats", "site"] {
        worklog()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains(format!("worklog {command}")));
    }
}

#[test]
fn missing_arguments_are_usage_errors() {
    worklog().arg("lint").assert().code(2);
    worklog()
        .args(["export", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
    worklog()
        .args(["export", "x", "--format", "pdf"])
        .assert()
        .code(2);
    worklog()
        .args(["export", "x", "--format", "csv", "--from", "10/06/2025"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

// ---- lint -------------------------------------------------------------------------------

#[test]
fn lint_clean_site_passes() {
    worklog()
        .arg("lint")
        .arg(clean())
        .assert()
        .success()
        .stdout(predicate::str::contains("3 files checked: 0 errors"));
}

#[test]
fn lint_reports_problems_with_locations() {
    let week1 = problems().join("worklog/week-1.md");
    let shown = week1.display().to_string();
    // Only warnings: the run passes unless warnings are denied.
    worklog()
        .arg("lint")
        .arg(problems())
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{shown}:18:1: warning[end-before-start]:"
        )))
        .stdout(predicate::str::contains(format!(
            "{shown}:19:1: warning[date-outside-week]:"
        )))
        .stdout(predicate::str::contains(format!(
            "{shown}:10:1: warning[template-placeholder]:"
        )))
        .stdout(predicate::str::contains(
            "warning[week-gap]: Week 2 is missing",
        ))
        .stdout(predicate::str::contains("2 files checked: 0 errors"));
    worklog()
        .args(["lint", "--deny", "warnings"])
        .arg(problems())
        .assert()
        .code(1);
}

#[test]
fn lint_fails_on_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("week-1.md");
    // Front matter that is never closed is an error.
    fs::write(&page, "---\ntitle: \"Week 1\"\nweight: 1\n").expect("write page");
    let output = worklog()
        .args(["lint", "--format", "json"])
        .arg(&page)
        .output()
        .expect("run");
    let report: Value = serde_json::from_slice(&output.stdout).expect("lint JSON");
    assert!(
        report["errors"].as_u64().is_some_and(|n| n >= 1),
        "{report}"
    );
    assert_eq!(output.status.code(), Some(1));
    worklog()
        .arg("lint")
        .arg(&page)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(":1:1: error["));
}

#[test]
fn lint_deny_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("week-1.md");
    let text = fs::read_to_string(clean().join("content/1-Worklog/1.2-Week2/_index.md"))
        .expect("fixture")
        .replace(
            "* Queried CloudTrail logs with Athena.",
            "* Queried CloudTrail logs with Athena.\n* ...",
        );
    fs::write(&page, text).expect("write page");
    worklog().arg("lint").arg(&page).assert().success();
    worklog()
        .args(["lint", "--deny", "warnings"])
        .arg(&page)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning[template-placeholder]"));
}

#[test]
fn lint_json_format() {
    let out = stdout_of(
        worklog()
            .args(["lint", "--format", "json", "--level", "info"])
            .arg(clean()),
    );
    let report: Value = serde_json::from_str(&out).expect("lint JSON");
    assert_eq!(report["schema"], 1);
    assert_eq!(report["files"], 3);
    assert_eq!(report["errors"], 0);
    assert!(report["diagnostics"].is_array());

    let output = worklog()
        .args(["lint", "--format", "json"])
        .arg(problems())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).expect("lint JSON");
    let diagnostics = report["diagnostics"].as_array().expect("array");
    let reversed = diagnostics
        .iter()
        .find(|d| d["code"] == "end-before-start")
        .expect("end-before-start reported");
    assert_eq!(reversed["line"], 18);
    assert_eq!(reversed["column"], Value::Null);
    assert_eq!(reversed["severity"], "warning");
}

#[test]
fn lint_github_annotations() {
    let out = stdout_of(
        worklog()
            .current_dir(fixtures())
            .args(["lint", "--format", "github", "problems"]),
    );
    assert!(
        out.contains("::warning file=problems/worklog/week-1.md,line=10,col=1,title=template-placeholder::Placeholder"),
        "{out}"
    );
    assert!(out.contains("title=end-before-start::"), "{out}");
}

#[test]
fn unreadable_paths_and_binary_files_do_not_abort() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("image.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .expect("write");
    fs::copy(
        clean().join("content/1-Worklog/1.2-Week2/_index.md"),
        dir.path().join("week-2.md"),
    )
    .expect("copy");
    // A binary file is reported and skipped; the rest is checked.
    worklog()
        .arg("lint")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "image.md: warning: not a text file, skipped",
        ))
        .stdout(predicate::str::contains("1 file checked"));
    // A path that does not exist: clear message, exit 2, the other paths still processed.
    let missing = dir.path().join("no-such-folder");
    worklog()
        .arg("lint")
        .arg(&missing)
        .arg(dir.path().join("week-2.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no-such-folder: error: cannot read",
        ))
        .stdout(predicate::str::contains("1 file checked"));
    worklog()
        .args(["export", "--format", "json"])
        .arg(&missing)
        .assert()
        .code(2);
}

// ---- export -----------------------------------------------------------------------------

#[test]
fn export_json_contract() {
    let out = stdout_of(worklog().args(["export", "--format", "json"]).arg(clean()));
    let doc: Value = serde_json::from_str(&out).expect("export JSON");
    assert_eq!(doc["schema"], 1);
    let pages = doc["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 3);
    let tasks: usize = pages
        .iter()
        .map(|p| p["tasks"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(tasks, 8);
    let first = &pages[0];
    assert!(first["source"]
        .as_str()
        .is_some_and(|s| s.ends_with("1.1-Week1/_index.md")));
    assert_eq!(first["tasks"][0]["start"], "2025-09-08");
    assert_eq!(first["tasks"][2]["end"], "2025-09-11");
    assert_eq!(
        first["tasks"][0]["references"][0]["url"],
        "https://aws.amazon.com/iam/"
    );
    for key in ["kind", "language", "week", "weeks", "title", "diagnostics"] {
        assert!(first.get(key).is_some(), "page has `{key}`");
    }
}

#[test]
fn export_filters_match_the_shared_model() {
    let run = |args: &[&str]| -> Value {
        let out = stdout_of(
            worklog()
                .args(["export", "--format", "json"])
                .arg(clean())
                .args(args),
        );
        serde_json::from_str(&out).expect("export JSON")
    };
    let task_count = |doc: &Value| -> usize {
        doc["pages"].as_array().map_or(0, |p| {
            p.iter()
                .map(|p| p["tasks"].as_array().map_or(0, Vec::len))
                .sum()
        })
    };
    // Dates: tasks overlapping the range (the 09-10..09-11 tasks overlap 09-11).
    let doc = run(&["--from", "2025-09-11", "--to", "2025-09-15"]);
    assert_eq!(task_count(&doc), 3);
    // Free text, case-insensitive, all words.
    assert_eq!(task_count(&run(&["--q", "CLOUDTRAIL athena"])), 1);
    assert_eq!(task_count(&run(&["--q", "bucket"])), 2, "EN and VI rows");
    // Language and source prefix are page-level.
    assert_eq!(task_count(&run(&["--lang", "vi"])), 3);
    let week2 = clean().join("content/1-Worklog/1.2-Week2");
    assert_eq!(
        task_count(&run(&["--source", &week2.display().to_string()])),
        2
    );
    // Weeks: ranges and lists.
    assert_eq!(task_count(&run(&["--week", "2"])), 2);
    assert_eq!(task_count(&run(&["--week", "1-2"])), 8);
    assert_eq!(task_count(&run(&["--week", "1", "--lang", "en"])), 3);
}

#[test]
fn export_csv_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tasks.csv");
    worklog()
        .args(["export", "--format", "csv", "-o"])
        .arg(&file)
        .arg(clean())
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let mut reader = csv::Reader::from_path(&file).expect("open CSV");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        &header[..7],
        ["week", "day", "weekday", "start", "end", "task", "services"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 8);
    let ec2 = rows
        .iter()
        .find(|r| r.get(5).is_some_and(|t| t.contains("web, test")))
        .expect("the row with a comma and quotes survives quoting");
    assert!(ec2.get(5).is_some_and(|t| t.contains("\"web, test\"")));
    assert_eq!(ec2.get(3), Some("2025-09-09"));
    assert_eq!(ec2.get(1), Some("3"));
    let multi = rows
        .iter()
        .find(|r| r.get(5).is_some_and(|t| t.contains("IAM users")))
        .expect("multi-line task");
    assert!(
        multi.get(5).is_some_and(|t| t.contains('\n')),
        "items stay on separate lines inside one quoted cell"
    );
}

#[test]
fn export_ics_parses_back() {
    let out = stdout_of(
        worklog()
            .args(["export", "--format", "ics", "--lang", "en"])
            .arg(clean()),
    );
    assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
    for line in out.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n'), "bare LF inside a line");
    }
    let unfolded = icalendar::parser::unfold(&out);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 5, "one event per English task");
    let prop = |event: &icalendar::parser::Component, name: &str| -> String {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
            .unwrap_or_default()
    };
    let s3 = events
        .iter()
        .find(|e| prop(e, "SUMMARY").contains("S3 bucket"))
        .expect("the S3 task");
    assert_eq!(prop(s3, "DTSTART"), "20250910");
    assert_eq!(prop(s3, "DTEND"), "20250912", "DTEND is exclusive");
    assert!(prop(s3, "SUMMARY").starts_with("Week 1: "));
    // The parser may or may not unescape TEXT values: the raw output must be escaped, the
    // parsed value must carry the text.
    assert!(
        out.contains("bucket\\; enable versioning"),
        "TEXT escaping of ';'"
    );
    assert!(prop(s3, "SUMMARY").contains("enable versioning"));
    let ec2 = events
        .iter()
        .find(|e| prop(e, "SUMMARY").contains("EC2"))
        .expect("the EC2 task");
    assert!(out.contains("\"web\\, test\""), "TEXT escaping of ','");
    assert!(prop(ec2, "SUMMARY").contains("test\""));
    let start_param = ec2
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .and_then(|p| p.params.first())
        .map(|p| (p.key.to_string(), p.val.as_ref().map(|v| v.to_string())));
    assert_eq!(
        start_param,
        Some(("VALUE".to_string(), Some("DATE".to_string())))
    );
    // UIDs: unique, and the same on another run.
    let uids: Vec<String> = events.iter().map(|e| prop(e, "UID")).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    let again = stdout_of(
        worklog()
            .args(["export", "--format", "ics", "--lang", "en"])
            .arg(clean()),
    );
    assert_eq!(again, out, "same input, same calendar");
}

#[test]
fn export_markdown_summary() {
    let out = stdout_of(worklog().args(["export", "--format", "md"]).arg(clean()));
    assert!(out.starts_with("# Worklog summary"));
    assert!(out.contains("| Week | Dates | Language | Tasks | Top services | Source |"));
    assert!(out.contains("2025-09-08 – 2025-09-11"));
    assert!(out.contains("## Tasks"));
    assert!(out.contains("[https://aws.amazon.com/ec2/](<https://aws.amazon.com/ec2/>)"));
}

// ---- stats ------------------------------------------------------------------------------

#[test]
fn stats_table() {
    let out = stdout_of(worklog().arg("stats").arg(clean()));
    assert!(
        out.contains("Tasks         8 (8 with dates; en 5, vi 3; 3 in language twins)"),
        "{out}"
    );
    assert!(
        out.contains("Dates         2025-09-08 – 2025-09-16"),
        "{out}"
    );
    assert!(out.contains("Days covered  6"), "{out}");
    assert!(out.contains("Weeks         2 (1–2)"), "{out}");
    let json = stdout_of(worklog().args(["stats", "--format", "json"]).arg(clean()));
    let v: Value = serde_json::from_str(&json).expect("stats JSON");
    assert_eq!(v["tasks"], 8);
    assert_eq!(v["days_covered"], 6);
}

// ---- site -------------------------------------------------------------------------------

fn fake_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir_all(dist.join("worklogs/content")).expect("mkdir");
    fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><html><head><base href=\"/\" /><script type=\"module\" src=\"./app.js\"></script></head><body></body></html>",
    )
    .expect("write");
    fs::write(dist.join("app.js"), "// app").expect("write");
    fs::write(dist.join("app_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    fs::write(
        dist.join("worklogs/index.json"),
        "{\"files\": [\"content/demo.md\"]}",
    )
    .expect("write");
    fs::write(dist.join("worklogs/content/demo.md"), "# demo").expect("write");
    dist
}

#[test]
fn site_bundles_viewer_and_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = fake_dist(dir.path());
    let out = dir.path().join("_site");
    worklog()
        .arg("site")
        .arg(clean().join("content"))
        .arg("--out")
        .arg(&out)
        .arg("--dist")
        .arg(&dist)
        .args(["--base-url", "my-repo"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 worklog pages"));
    let html = fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("<base href=\"/my-repo/\" />"), "{html}");
    assert!(out.join("app_bg.wasm").is_file());
    assert!(out.join(".nojekyll").is_file());
    assert!(
        !out.join("worklogs/content/demo.md").exists(),
        "demo replaced"
    );
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(out.join("worklogs/index.json")).expect("manifest"),
    )
    .expect("manifest JSON");
    assert_eq!(manifest["schema"], 2);
    let interns = manifest["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 1, "{manifest}");
    assert_eq!(interns[0]["name"], "clean");
    assert_eq!(interns[0]["key"], clean().display().to_string());
    let files: Vec<&str> = interns[0]["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        files,
        [
            "clean/content/1-Worklog/1.1-Week1/_index.md",
            "clean/content/1-Worklog/1.1-Week1/_index.vi.md",
            "clean/content/1-Worklog/1.2-Week2/_index.md",
        ]
    );
    for f in files {
        assert_eq!(
            fs::read(out.join("worklogs").join(f)).expect("copied page"),
            fs::read(clean().join(f.trim_start_matches("clean/"))).expect("original page")
        );
    }
}

#[test]
fn site_without_a_built_viewer_explains() {
    let dir = tempfile::tempdir().expect("temp dir");
    worklog()
        .current_dir(dir.path())
        .arg("site")
        .arg(clean())
        .arg("--out")
        .arg(dir.path().join("_site"))
        .arg("--dist")
        .arg(dir.path().join("nothing"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("trunk build --release"));
}

#[test]
fn hugo_site_root_reads_only_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("my-site");
    let week = root.join("content/1-Worklog/1.2-Week2");
    fs::create_dir_all(&week).expect("mkdir");
    fs::create_dir_all(root.join("themes/hugo-theme-learn/exampleSite")).expect("mkdir");
    fs::write(root.join("hugo.toml"), "baseURL = '/'\n").expect("write");
    fs::write(root.join("README.md"), "# My site\n").expect("write");
    fs::write(
        root.join("themes/hugo-theme-learn/exampleSite/intro.md"),
        "# Theme docs\n",
    )
    .expect("write");
    fs::copy(
        clean().join("content/1-Worklog/1.2-Week2/_index.md"),
        week.join("_index.md"),
    )
    .expect("copy");
    worklog()
        .arg("lint")
        .arg(&root)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 file checked"));
    let dist = fake_dist(dir.path());
    let out = dir.path().join("_site");
    worklog()
        .arg("site")
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .arg("--dist")
        .arg(&dist)
        .assert()
        .success();
    let manifest = fs::read_to_string(out.join("worklogs/index.json")).expect("manifest");
    assert!(
        manifest.contains("\"my-site/content/1-Worklog/1.2-Week2/_index.md\""),
        "{manifest}"
    );
}

#[test]
fn site_output_inside_the_input_is_not_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let logs = dir.path().join("logs");
    fs::create_dir_all(&logs).expect("mkdir");
    fs::copy(
        clean().join("content/1-Worklog/1.2-Week2/_index.md"),
        logs.join("week-2.md"),
    )
    .expect("copy");
    let dist = fake_dist(dir.path());
    for _ in 0..2 {
        worklog()
            .current_dir(&logs)
            .args(["site", ".", "--out", "_site", "--dist"])
            .arg(&dist)
            .assert()
            .success()
            .stdout(predicate::str::contains("1 worklog page "));
    }
    let manifest = fs::read_to_string(logs.join("_site/worklogs/index.json")).expect("manifest");
    assert!(manifest.contains("\"logs/week-2.md\""), "{manifest}");
}
