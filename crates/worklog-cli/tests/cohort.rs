//! `--cohort cohort.json` through the real binary: `stats` prints the matrix (text, CSV, JSON)
//! of a generated cohort of 60 interns as the generator's truth has it
//! (`tests/lib/cohort-gen.mjs`), whether the interns are given by `files` or by `src` folder;
//! `export` and `site` read the same interns with the names and keys of the file; bad files and
//! remote `src` are reported.

#[path = "../../worklog/tests/support/cohort_gen.rs"]
mod cohort_gen;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn worklog() -> Command {
    let mut cmd = Command::cargo_bin("worklog").expect("the worklog binary is built");
    cmd.env("SOURCE_DATE_EPOCH", "1760000000");
    cmd
}

fn run(cmd: &mut Command) -> (String, String) {
    let output = cmd.output().expect("run worklog");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "worklog failed: {stderr}");
    (
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr,
    )
}

/// The generated cohort, once per test binary run (each test gets its own folder).
fn generated(name: &str, test: &str) -> Option<(PathBuf, Value)> {
    let dir = cohort_gen::scratch(name);
    let truth = cohort_gen::generate(&dir, 60, 1, test)?;
    Some((dir, truth))
}

/// key → [state of each column] from the truth.
fn truth_states(truth: &Value) -> BTreeMap<String, Vec<String>> {
    let columns: Vec<String> = truth["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.to_string())
        .collect();
    truth["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .map(|i| {
            let states = columns
                .iter()
                .map(|c| i["cells"][c]["state"].as_str().expect("state").to_string())
                .collect();
            (i["key"].as_str().expect("key").to_string(), states)
        })
        .collect()
}

fn symbol(state: &str) -> char {
    match state {
        "dated" => '#',
        "misdated" => '!',
        "undated" => 'u',
        "template" => 't',
        "empty" => 'e',
        "missing" => 'x',
        "not-due" => '.',
        "extra" => '-',
        other => panic!("unknown state {other}"),
    }
}

#[test]
fn stats_cohort_json_matches_the_generators_truth_from_files_and_from_src() {
    let test = "stats_cohort_json_matches_the_generators_truth_from_files_and_from_src";
    let Some((dir, truth)) = generated("cli-json", test) else {
        return;
    };
    let today = truth["cohort"]["today"].as_str().expect("today");
    let want = truth_states(&truth);
    for file in ["cohort.json", "cohort-src.json"] {
        let (out, _) = run(worklog()
            .args(["stats", "--format", "json", "--today", today, "--cohort"])
            .arg(dir.join(file)));
        let m: Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(m["schema"], 1);
        assert_eq!(m["weeks"], 13);
        assert_eq!(m["current_week"], 12);
        let lines = m["interns"].as_array().expect("interns");
        assert_eq!(lines.len(), 60, "{file}");
        for line in lines {
            let key = line["key"].as_str().expect("key");
            let states: Vec<String> = line["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .map(|c| c["state"].as_str().expect("state").to_string())
                .collect();
            assert_eq!(Some(&states), want.get(key), "{file}: {key}");
            let expected = truth["interns"]
                .as_array()
                .expect("interns")
                .iter()
                .find(|i| i["key"] == line["key"])
                .expect("in truth");
            assert_eq!(line["name"], expected["name"], "{file}: {key}");
            for field in [
                "dated_weeks",
                "due_weeks",
                "problems",
                "similar",
                "tasks",
                "last_dated",
            ] {
                assert_eq!(
                    line["summary"][field], expected["summary"][field],
                    "{file}: {key} {field}"
                );
            }
        }
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn stats_cohort_text_is_one_line_per_intern_with_a_legend() {
    let test = "stats_cohort_text_is_one_line_per_intern_with_a_legend";
    let Some((dir, truth)) = generated("cli-text", test) else {
        return;
    };
    let today = truth["cohort"]["today"].as_str().expect("today");
    let (out, _) = run(worklog()
        .args(["stats", "--today", today, "--cohort"])
        .arg(dir.join("cohort.json")));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Cohort    Generated cohort (60 interns, seed 1) · start 2025-09-08 · 13 weeks · today 2025-11-26 (week 12)"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("Interns   60 · weeks due 1–11 · "),
        "{}",
        lines[1]
    );
    assert!(lines[3].starts_with("Intern "), "{}", lines[3]);
    assert!(out.contains("\nLegend: # tasks with dates · ! dates contradict the week · u tasks without dates · t template only · e page without tasks · x missing · . not yet due · - beyond the cohort's weeks\n"));
    // Each intern's line: the name, then one symbol per week as the truth has it.
    for intern in truth["interns"].as_array().expect("interns") {
        let name = intern["name"].as_str().expect("name");
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{name}  ")))
            .unwrap_or_else(|| panic!("no line for {name}"));
        let symbols: String = truth_states(&truth)[intern["key"].as_str().expect("key")]
            .iter()
            .map(|s| symbol(s))
            .collect();
        let shown: String = line[name.len()..]
            .split_whitespace()
            .take(symbols.chars().count())
            .collect();
        assert_eq!(shown, symbols, "{name}");
        let s = &intern["summary"];
        assert!(
            line.contains(&format!("{}/{}", s["dated_weeks"], s["due_weeks"])),
            "{line}"
        );
    }
    // Sorted by problems, the most first.
    let (out, _) = run(worklog()
        .args(["stats", "--today", today, "--sort", "problems", "--cohort"])
        .arg(dir.join("cohort.json")));
    let most = truth["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .max_by_key(|i| i["summary"]["problems"].as_u64())
        .expect("an intern");
    let first = out.lines().nth(4).expect("first intern");
    assert_eq!(
        most["summary"]["problems"],
        first
            .split_whitespace()
            .rev()
            .nth(2)
            .expect("problems")
            .parse::<u64>()
            .expect("n"),
        "{first}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn stats_cohort_csv_has_a_record_per_intern_and_a_column_per_week() {
    let test = "stats_cohort_csv_has_a_record_per_intern_and_a_column_per_week";
    let Some((dir, truth)) = generated("cli-csv", test) else {
        return;
    };
    let today = truth["cohort"]["today"].as_str().expect("today");
    let (out, _) = run(worklog()
        .args(["stats", "--format", "csv", "--today", today, "--cohort"])
        .arg(dir.join("cohort.json")));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let columns = truth["columns"].as_array().expect("columns").len();
    assert_eq!(&headers[0], "intern_key");
    assert_eq!(&headers[2], "week_1");
    assert_eq!(&headers[1 + columns], "week_14");
    assert_eq!(&headers[2 + columns], "progress");
    let want = truth_states(&truth);
    let mut records = 0;
    for record in reader.records() {
        let record = record.expect("record");
        let states: Vec<String> = (0..columns).map(|c| record[2 + c].to_string()).collect();
        assert_eq!(Some(&states), want.get(&record[0]), "{record:?}");
        records += 1;
    }
    assert_eq!(records, 60);
    let _ = fs::remove_dir_all(&dir);
}

/// The week symbols of `name`'s line in the text matrix.
fn symbols_of(out: &str, name: &str, weeks: usize) -> String {
    let line = out
        .lines()
        .find(|l| l.starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("no line for {name} in\n{out}"));
    line[name.len()..].split_whitespace().take(weeks).collect()
}

fn fake_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir_all(&dist).expect("mkdir");
    fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><html><head><base href=\"/\" /></head><body></body></html>",
    )
    .expect("write");
    dist
}

/// A small cohort by hand: two interns with a week each, one with no pages yet.
fn small_cohort(dir: &Path) -> PathBuf {
    let week = |who: &str, task: &str| {
        let page = dir.join(format!("repos/{who}/content/1-Worklog/1.1-Week1/_index.md"));
        fs::create_dir_all(page.parent().expect("parent")).expect("mkdir");
        fs::write(
            &page,
            format!("### Week 1\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | {task} | 2025-09-08 | 2025-09-08 |\n"),
        )
        .expect("write");
    };
    week("lan-repo", "Set up the account and the first IAM users");
    week("minh-repo", "Read about regions and availability zones");
    fs::create_dir_all(dir.join("repos/new-repo")).expect("mkdir");
    let file = dir.join("cohort.json");
    fs::write(
        &file,
        r#"{"schema": 2, "name": "Autumn", "start": "2025-09-08", "weeks": 2,
           "interns": [
             {"key": "lan/fcj", "name": "Lan", "src": "repos/lan-repo"},
             {"key": "minh/fcj", "name": "Minh", "src": "repos/minh-repo"},
             {"key": "nga/fcj", "name": "Nga", "src": "repos/new-repo"}]}"#,
    )
    .expect("write");
    file
}

#[test]
fn export_similar_only_and_hide_split_the_rows_as_the_truth_counts_them() {
    let test = "export_similar_only_and_hide_split_the_rows_as_the_truth_counts_them";
    let Some((dir, truth)) = generated("cli-similar", test) else {
        return;
    };
    let rows = |similar: &str| -> usize {
        let (out, _) = run(worklog()
            .args([
                "export",
                "--format",
                "csv",
                "--similar",
                similar,
                "--cohort",
            ])
            .arg(dir.join("cohort-src.json")));
        // A header, then one record per task (no field of the generated rows spans lines).
        out.lines().count() - 1
    };
    let similar: u64 = truth["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .map(|i| i["summary"]["similar"].as_u64().expect("similar"))
        .sum();
    let (all, only, hide) = (rows("show"), rows("only"), rows("hide"));
    assert!(similar > 0);
    assert_eq!(
        only as u64, similar,
        "--similar only: the truth's similar rows"
    );
    assert_eq!(only + hide, all, "--similar hide: the others");
    let (_, err) = {
        let output = worklog()
            .args(["stats", "--similar", "hide", "--cohort"])
            .arg(dir.join("cohort-src.json"))
            .output()
            .expect("run worklog");
        assert!(!output.status.success());
        ((), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    assert!(err.contains("filters"), "{err}");
}

#[test]
fn export_and_site_take_names_and_keys_from_the_cohort() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = small_cohort(dir.path());
    let (out, _) = run(worklog()
        .args(["export", "--format", "csv", "--cohort"])
        .arg(&file));
    assert!(
        out.lines().nth(1).is_some_and(|l| l.ends_with(",Lan")),
        "{out}"
    );
    assert!(
        out.lines().nth(2).is_some_and(|l| l.ends_with(",Minh")),
        "{out}"
    );

    let (out, err) = run(worklog()
        .args(["stats", "--today", "2025-09-22", "--cohort"])
        .arg(&file));
    assert!(err.contains("no .md or .markdown files"), "{err}");
    assert_eq!(symbols_of(&out, "Lan", 2), "#x");
    assert_eq!(symbols_of(&out, "Nga", 2), "xx");

    let site = dir.path().join("_site");
    let (out, _) = run(worklog()
        .args(["site", "--out"])
        .arg(&site)
        .arg("--dist")
        .arg(fake_dist(dir.path()))
        .arg("--cohort")
        .arg(&file));
    assert!(out.contains("2 worklog pages of 3 interns"), "{out}");
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(site.join("worklogs/index.json")).expect("manifest"),
    )
    .expect("JSON");
    assert_eq!(manifest["schema"], 2);
    assert_eq!(manifest["name"], "Autumn");
    assert_eq!(manifest["start"], "2025-09-08");
    assert_eq!(manifest["weeks"], 2);
    let interns: Vec<(String, String, usize)> = manifest["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .map(|i| {
            (
                i["key"].as_str().expect("key").to_string(),
                i["name"].as_str().expect("name").to_string(),
                i["files"].as_array().expect("files").len(),
            )
        })
        .collect();
    assert_eq!(
        interns,
        [
            ("lan/fcj".to_string(), "Lan".to_string(), 1),
            ("minh/fcj".to_string(), "Minh".to_string(), 1),
            ("nga/fcj".to_string(), "Nga".to_string(), 0)
        ]
    );
    let page = &manifest["interns"][0]["files"][0];
    // Folders are slugs of the keys (`fcj`, then `minh-fcj` for the namesake repository).
    assert_eq!(page, "fcj/content/1-Worklog/1.1-Week1/_index.md");
}

#[test]
fn bad_cohort_files_and_remote_sources_are_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.json");
    fs::write(
        &bad,
        r#"{"schema": 2, "interns": [{"name": "A", "src": 3}]}"#,
    )
    .expect("write");
    let out = worklog()
        .args(["stats", "--cohort"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("interns[0].src: `src` must be a string"),
        "{err}"
    );

    let file = small_cohort(dir.path());
    let text = fs::read_to_string(&file).expect("read").replace(
        r#""src": "repos/minh-repo""#,
        r#""src": "https://github.com/minh/fcj""#,
    );
    fs::write(&file, text).expect("write");
    let out = worklog()
        .args(["stats", "--today", "2025-09-22", "--cohort"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "a remote src is a problem of the run"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "https://github.com/minh/fcj: error: Minh (minh/fcj): the CLI reads local folders only"
        ),
        "{err}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        symbols_of(&stdout, "Lan", 2),
        "#x",
        "the other interns are still shown"
    );
    assert_eq!(symbols_of(&stdout, "Minh", 2), "xx");

    let out = worklog()
        .args(["stats", "--week", "3", "--cohort"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = worklog()
        .args(["stats", "--cohort"])
        .arg(&file)
        .arg("other/")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "paths and --cohort do not mix");
}
