//! Whole repositories and several interns through the real `worklog` binary: only the worklog
//! section makes weeks, one named intern per repository, every task once — in `stats`,
//! `export` and `site`.
//!
//! Fixtures: `tests/fixtures/sites/lan-fcj-report/` is a whole Hugo site written for these
//! tests (every usual section: a proposal with tables, translated blogs, events, a workshop
//! tree of `5.N-…/_index.md` pages, self-evaluation, feedback, the home `_index.md` /
//! `_index.vi.md`, a theme with markdown of its own) around a 3-week bilingual worklog of
//! 5 + 4 + 5 rows per language. Cohorts of two and five interns are generated below, with the
//! same week numbers and languages for everyone.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/lan-fcj-report")
}

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

fn json_of(cmd: &mut Command) -> Value {
    let (out, _) = run(cmd);
    serde_json::from_str(&out).expect("JSON output")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_string())
        .collect()
}

fn numbers(v: &Value) -> Vec<u64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|n| n.as_u64().expect("number"))
        .collect()
}

/// The site's pages of other sections, by section (what `set_aside_sections` must say).
fn site_set_aside() -> BTreeMap<String, u64> {
    [
        ("/", 2),
        ("2-Proposal", 2),
        ("3-BlogsTranslated", 3),
        ("4-EventParticipated", 2),
        ("5-Workshop", 6),
        ("6-Self-evaluation", 2),
        ("7-Feedback", 2),
    ]
    .into_iter()
    .map(|(s, n)| (s.to_string(), n))
    .collect()
}

/// Rows per week of the fixture site, in each language.
const SITE_ROWS: [usize; 3] = [5, 4, 5];

fn fake_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    fs::create_dir_all(dist.join("worklogs")).expect("mkdir");
    fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><html><head><base href=\"/\" /></head><body></body></html>",
    )
    .expect("write");
    fs::write(
        dist.join("worklogs/index.json"),
        "{\"schema\": 2, \"interns\": []}",
    )
    .expect("write");
    dist
}

// ---- one whole site ------------------------------------------------------------------------

#[test]
fn whole_site_stats_counts_only_worklog_weeks() {
    let v = json_of(worklog().args(["stats", "--format", "json"]).arg(site()));
    // content/ only: the README and the theme's markdown are not read.
    assert_eq!(v["pages"], 27, "{v:#}");
    assert_eq!(v["week_pages"], 6);
    assert_eq!(v["index_pages"], 2);
    assert_eq!(v["other_pages"], 0);
    assert_eq!(v["set_aside"], 19);
    let sections: BTreeMap<String, u64> =
        serde_json::from_value(v["set_aside_sections"].clone()).expect("sections");
    assert_eq!(sections, site_set_aside());
    assert_eq!(
        numbers(&v["weeks"]),
        [1, 2, 3],
        "no week from weights or titles of other sections"
    );
    let per_language: usize = SITE_ROWS.iter().sum();
    assert_eq!(
        v["tasks"],
        2 * per_language as u64,
        "the proposal's and workshop's tables are no tasks"
    );
    assert_eq!(v["twin_tasks"], per_language as u64);
    assert_eq!(v["tasks_by_language"]["en"], per_language as u64);
    assert_eq!(v["tasks_by_language"]["vi"], per_language as u64);
    assert_eq!(v["first_date"], "2025-09-15");
    assert_eq!(v["last_date"], "2025-10-03");
    let interns = v["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 1);
    assert_eq!(interns[0]["name"], "lan-fcj-report");
    assert_eq!(interns[0]["key"], site().display().to_string());
    assert_eq!(numbers(&interns[0]["weeks"]), [1, 2, 3]);
    assert_eq!(interns[0]["tasks"], 2 * per_language as u64);
    assert_eq!(interns[0]["set_aside"], 19);

    let (text, _) = run(worklog().arg("stats").arg(site()));
    assert!(
        text.contains("19 pages set aside (other sections: home page ×2, 2-Proposal ×2, 3-BlogsTranslated ×3, 4-EventParticipated ×2, 5-Workshop ×6, 6-Self-evaluation ×2, 7-Feedback ×2)"),
        "{text}"
    );
    assert!(text.contains("Weeks         3 (1–3)"), "{text}");
    assert!(
        text.contains("Tasks         28 (28 with dates; en 14, vi 14; 14 in language twins)"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("lan-fcj-report "))
        .expect("the intern's line");
    assert!(
        line.contains("3 (1–3)") && line.contains("28 (14 in language twins)"),
        "{line}"
    );
}

#[test]
fn whole_site_export_gives_worklog_rows_only() {
    // JSON: every page read is there; other sections keep their kind and section, no week.
    let doc = json_of(worklog().args(["export", "--format", "json"]).arg(site()));
    assert_eq!(doc["schema"], 1);
    let key = site().display().to_string();
    assert_eq!(
        doc["interns"],
        serde_json::json!([{"key": key, "name": "lan-fcj-report"}])
    );
    assert_eq!(doc["set_aside"]["pages"], 19);
    let pages = doc["pages"].as_array().expect("pages");
    assert_eq!(pages.len(), 27);
    let mut week_pages = BTreeMap::new();
    for page in pages {
        let source = page["source"].as_str().expect("source");
        assert_eq!(page["intern"], key.as_str(), "{source}");
        if source.contains("/content/1-Worklog/") {
            assert_ne!(page["kind"], "other-section", "{source}");
            assert_eq!(page["section"], "1-Worklog", "{source}");
            if page["kind"] == "week" {
                week_pages.insert(
                    source.to_string(),
                    (
                        page["week"].as_u64(),
                        page["tasks"].as_array().map_or(0, Vec::len),
                    ),
                );
            }
        } else {
            assert_eq!(page["kind"], "other-section", "{source}");
            assert!(page["section"].is_string(), "{source}");
            assert_eq!(page["week"], Value::Null, "{source}");
            assert_eq!(page["weeks"], serde_json::json!([]), "{source}");
            assert_eq!(page["tasks"], serde_json::json!([]), "{source}");
        }
    }
    assert_eq!(week_pages.len(), 6);
    for (n, rows) in SITE_ROWS.iter().enumerate() {
        for suffix in ["_index.md", "_index.vi.md"] {
            let source = format!("{key}/content/1-Worklog/1.{w}-Week{w}/{suffix}", w = n + 1);
            assert_eq!(
                week_pages.get(&source),
                Some(&(Some(n as u64 + 1), *rows)),
                "{source}"
            );
        }
    }

    // CSV: one row per task, every task once, each with its intern.
    let (csv_text, stderr) = run(worklog().args(["export", "--format", "csv"]).arg(site()));
    assert!(
        stderr.contains("19 pages set aside (other sections: home page ×2, 2-Proposal ×2"),
        "the set-aside pages are said, not dropped silently: {stderr}"
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header.last().map(String::as_str), Some("intern"));
    let (source, line, intern) = (9, 10, 11);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 28);
    let mut seen = HashSet::new();
    for r in &records {
        assert!(r[source].contains("/content/1-Worklog/1."), "{r:?}");
        assert_eq!(&r[intern], "lan-fcj-report");
        assert!(
            seen.insert((r[source].to_string(), r[line].to_string())),
            "twice: {r:?}"
        );
    }
    assert!(!csv_text.contains("Room booking") && !csv_text.contains("Create the Lambda function"));

    // Markdown: an intern column, only worklog pages as rows, the set-aside pages counted.
    let (md, _) = run(worklog().args(["export", "--format", "md"]).arg(site()));
    assert!(md.contains("8 pages, 28 tasks."), "{md}");
    assert!(
        md.contains("19 pages set aside (other sections: home page ×2, 2-Proposal ×2"),
        "{md}"
    );
    assert!(
        md.contains("| Intern | Week | Dates | Language | Tasks | Top services | Source |"),
        "{md}"
    );
    assert!(
        md.contains("| Intern | Week | Day | Start | End | Task | Services | References |"),
        "{md}"
    );
    assert_eq!(md.matches("| lan-fcj-report | ").count(), 8 + 28, "{md}");
    assert!(!md.contains("2-Proposal/_index.md"), "{md}");
}

#[test]
fn whole_site_lint_checks_only_the_worklog() {
    let (out, _) = run(worklog().args(["lint", "--level", "info"]).arg(site()));
    // The translated blog keeps a `* ...` line: not a worklog, not a template placeholder.
    assert!(!out.contains("3-BlogsTranslated"), "{out}");
    assert!(
        out.contains("27 files checked: 0 errors, 0 warnings")
            && out.contains("19 pages of other sections set aside"),
        "{out}"
    );
}

#[test]
fn whole_site_deploys_only_the_worklog_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = fake_dist(dir.path());
    let out = dir.path().join("_site");
    let (stdout, _) = run(worklog()
        .arg("site")
        .arg(site())
        .arg("--out")
        .arg(&out)
        .arg("--dist")
        .arg(&dist));
    assert!(stdout.contains("8 worklog pages of 1 intern"), "{stdout}");
    assert!(
        stdout.contains("19 pages of other sections not deployed (home page ×2, 2-Proposal ×2, 3-BlogsTranslated ×3, 4-EventParticipated ×2, 5-Workshop ×6, 6-Self-evaluation ×2, 7-Feedback ×2)"),
        "{stdout}"
    );
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(out.join("worklogs/index.json")).expect("manifest"),
    )
    .expect("manifest JSON");
    assert_eq!(manifest["schema"], 2);
    // schema, interns and the one-request bundle of the pages.
    assert_eq!(manifest.as_object().map(|o| o.len()), Some(3), "{manifest}");
    assert_eq!(manifest["bundle"], "bundle.json.gz");
    let interns = manifest["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 1);
    assert_eq!(interns[0]["key"], site().display().to_string());
    assert_eq!(interns[0]["name"], "lan-fcj-report");
    let files = strings(&interns[0]["files"]);
    assert_eq!(files.len(), 8);
    for f in &files {
        let below = f
            .strip_prefix("lan-fcj-report/content/1-Worklog/")
            .unwrap_or_else(|| panic!("{f}: not in the intern's folder and worklog section"));
        assert_eq!(
            fs::read(out.join("worklogs").join(f)).expect("copied"),
            fs::read(site().join("content/1-Worklog").join(below)).expect("original"),
        );
    }
    let mut deployed = Vec::new();
    for entry in walkdir(&out.join("worklogs")) {
        deployed.push(entry);
    }
    assert_eq!(
        deployed.len(),
        10,
        "8 pages, the manifest and the bundle: {deployed:?}"
    );
    assert!(!out
        .join("worklogs/lan-fcj-report/content/2-Proposal")
        .exists());
}

/// Every file under `dir`, relative, sorted.
fn walkdir(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                out.push(
                    path.strip_prefix(base)
                        .expect("below")
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

// ---- cohorts -------------------------------------------------------------------------------

/// A generated intern repository: `rows[w]` rows in week `w + 1`, in English and Vietnamese,
/// plus a proposal with a task-like table and a workshop page (set aside: 3 pages).
fn write_repo(root: &Path, intern: &str, rows: &[usize]) {
    let put = |rel: &str, text: String| {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    };
    for (w, &n) in rows.iter().enumerate() {
        let week = w + 1;
        for (suffix, head) in [
            ("_index.md", "| Day | Task | Start Date | Completion Date |"),
            (
                "_index.vi.md",
                "| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành |",
            ),
        ] {
            let mut text = format!(
                "---\ntitle: \"Week {week}\"\nweight: 1\n---\n\n### Week {week} tasks\n\n{head}\n| --- | --- | --- | --- |\n"
            );
            for k in 0..n {
                let day = 15 + 7 * w + k;
                let (month, day) = if day > 30 { (10, day - 30) } else { (9, day) };
                text.push_str(&format!(
                    "| {d} | {intern} practised lab {k} of week {week} | 2025-{month:02}-{day:02} | 2025-{month:02}-{day:02} |\n",
                    d = k + 2
                ));
            }
            put(
                &format!("content/1-Worklog/1.{week}-Week{week}/{suffix}"),
                text,
            );
        }
    }
    put(
        "content/2-Proposal/_index.md",
        format!("---\ntitle: \"Proposal\"\nweight: 1\n---\n\n| Week | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 1 | {intern} plans the project | 2025-09-15 | 2025-09-19 |\n"),
    );
    put(
        "content/5-Workshop/5.1-Week1-Setup/_index.md",
        "---\ntitle: \"Week 1 setup\"\nweight: 1\n---\n\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | Workshop step | 2025-09-15 | 2025-09-15 |\n".to_string(),
    );
    put(
        "content/_index.md",
        "---\ntitle: \"Report\"\n---\n\nHome.\n".to_string(),
    );
}

const COHORT: [(&str, [usize; 3]); 5] = [
    ("an-fcj-report", [3, 4, 2]),
    ("binh-aws-internship", [5, 5, 5]),
    ("chi-worklog-2025", [1, 2, 3]),
    ("dung-report", [4, 1, 4]),
    ("em-fcj", [2, 3, 5]),
];

#[test]
fn cohorts_of_two_and_five_interns() {
    for size in [2, 5] {
        let dir = tempfile::tempdir().expect("temp dir");
        let cohort = dir.path().join("cohort");
        for (name, rows) in &COHORT[..size] {
            write_repo(&cohort.join(name), name, rows);
        }
        fs::write(cohort.join("README.md"), "# Our cohort\n").expect("write");
        let total: usize = COHORT[..size]
            .iter()
            .map(|(_, r)| 2 * r.iter().sum::<usize>())
            .sum();

        // stats over the folder of repositories: one named intern per repository.
        let output = worklog()
            .args(["stats", "--format", "json"])
            .arg(&cohort)
            .output()
            .expect("run");
        assert!(output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("1 markdown file right in this folder of repositories")
                && stderr.contains("README.md"),
            "the README beside the repositories is said: {stderr}"
        );
        let v: Value = serde_json::from_slice(&output.stdout).expect("stats JSON");
        let interns = v["interns"].as_array().expect("interns");
        assert_eq!(interns.len(), size, "{v:#}");
        for (intern, (name, rows)) in interns.iter().zip(&COHORT[..size]) {
            assert_eq!(intern["name"], *name);
            assert_eq!(intern["key"], cohort.join(name).display().to_string());
            assert_eq!(numbers(&intern["weeks"]), [1, 2, 3], "{name}");
            assert_eq!(
                intern["tasks"],
                2 * rows.iter().sum::<usize>() as u64,
                "{name}"
            );
            assert_eq!(
                intern["twin_tasks"],
                rows.iter().sum::<usize>() as u64,
                "{name}"
            );
            assert_eq!(intern["set_aside"], 3, "{name}");
        }
        assert_eq!(v["tasks"], total as u64);
        assert_eq!(v["set_aside"], 3 * size as u64);
        assert_eq!(numbers(&v["weeks"]), [1, 2, 3]);

        // export: every task once, with its own intern.
        let (csv_text, _) = run(worklog().args(["export", "--format", "csv"]).arg(&cohort));
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let records: Vec<csv::StringRecord> =
            reader.records().map(|r| r.expect("record")).collect();
        assert_eq!(records.len(), total);
        let mut seen = HashSet::new();
        for r in &records {
            let owner = r[9]
                .strip_prefix(&format!("{}/", cohort.display()))
                .and_then(|rest| rest.split('/').next())
                .expect("source under the cohort");
            assert_eq!(&r[11], owner, "{r:?}");
            assert!(
                r[5].starts_with(owner),
                "a task of {owner} under another intern: {r:?}"
            );
            assert!(
                seen.insert((r[9].to_string(), r[10].to_string())),
                "twice: {r:?}"
            );
        }

        // site with one argument per repository: a folder per intern, no numbered folders.
        let dist = fake_dist(dir.path());
        let out = dir.path().join("_site");
        let mut cmd = worklog();
        cmd.current_dir(&cohort).arg("site");
        for (name, _) in &COHORT[..size] {
            cmd.arg(name);
        }
        let (stdout, _) = run(cmd.arg("--out").arg(&out).arg("--dist").arg(&dist));
        assert!(
            stdout.contains(&format!("of {size} interns"))
                && stdout.contains(&format!(
                    "{} pages of other sections not deployed",
                    3 * size
                )),
            "{stdout}"
        );
        let manifest: Value = serde_json::from_str(
            &fs::read_to_string(out.join("worklogs/index.json")).expect("manifest"),
        )
        .expect("manifest JSON");
        assert_eq!(manifest["schema"], 2);
        let interns = manifest["interns"].as_array().expect("interns");
        assert_eq!(interns.len(), size);
        let mut folders = BTreeSet::new();
        for (intern, (name, rows)) in interns.iter().zip(&COHORT[..size]) {
            assert_eq!(intern["key"], *name, "the key is the folder as given");
            assert_eq!(intern["name"], *name);
            let files = strings(&intern["files"]);
            assert_eq!(
                files.len(),
                2 * rows.len(),
                "{name}: week pages in both languages only"
            );
            for f in &files {
                let below = f
                    .strip_prefix(&format!("{name}/"))
                    .unwrap_or_else(|| panic!("{f}: not in {name}/"));
                assert!(below.starts_with("content/1-Worklog/"), "{f}");
                assert_eq!(
                    fs::read(out.join("worklogs").join(f)).expect("copied"),
                    fs::read(cohort.join(name).join(below)).expect("original"),
                );
            }
            folders.insert(name.to_string());
        }
        let top: BTreeSet<String> = fs::read_dir(out.join("worklogs"))
            .expect("worklogs")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n != "index.json" && n != "bundle.json.gz")
            .collect();
        assert_eq!(top, folders, "one folder per intern, nothing numbered");
    }
}

#[test]
fn namesakes_keep_their_keys_and_get_distinct_names_and_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_repo(&dir.path().join("alice/fcj-workshop"), "alice", &[2, 2]);
    write_repo(&dir.path().join("bob/fcj-workshop"), "bob", &[3, 1]);
    let v = json_of(worklog().current_dir(dir.path()).args([
        "stats",
        "--format",
        "json",
        "alice/fcj-workshop",
        "bob/fcj-workshop",
    ]));
    let interns = v["interns"].as_array().expect("interns");
    let pairs: Vec<(&str, &str)> = interns
        .iter()
        .map(|i| {
            (
                i["key"].as_str().unwrap_or(""),
                i["name"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("alice/fcj-workshop", "fcj-workshop (alice)"),
            ("bob/fcj-workshop", "fcj-workshop (bob)")
        ]
    );
    assert_eq!(interns[0]["tasks"], 8);
    assert_eq!(interns[1]["tasks"], 8);

    let dist = fake_dist(dir.path());
    let out = dir.path().join("_site");
    run(worklog()
        .current_dir(dir.path())
        .args(["site", "alice/fcj-workshop", "bob/fcj-workshop", "--out"])
        .arg(&out)
        .arg("--dist")
        .arg(&dist));
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(out.join("worklogs/index.json")).expect("manifest"),
    )
    .expect("manifest JSON");
    let firsts: Vec<String> = manifest["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .map(|i| {
            strings(&i["files"])[0]
                .split('/')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(firsts, ["fcj-workshop", "bob-fcj-workshop"]);
}

#[test]
fn a_content_folder_or_an_absolute_folder_is_named_by_its_repository() {
    // `content/` given itself: the folder above it names the intern.
    let v = json_of(
        worklog()
            .args(["stats", "--format", "json"])
            .arg(site().join("content")),
    );
    assert_eq!(v["interns"][0]["name"], "lan-fcj-report");
    assert_eq!(v["interns"][0]["key"], site().display().to_string());
    assert_eq!(v["set_aside"], 19);
    // Run from inside it, as `.`.
    let v = json_of(
        worklog()
            .current_dir(site().join("content/1-Worklog"))
            .args(["stats", "--format", "json", "."]),
    );
    assert_eq!(v["interns"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["interns"][0]["name"], "lan-fcj-report");
    assert_eq!(v["tasks"], 28);

    // A plain folder of weeks (no repository marker), by absolute path: the folder itself, not
    // the top of the path (`/tmp`).
    let dir = tempfile::tempdir().expect("temp dir");
    let logs = dir.path().join("minh-logs");
    fs::create_dir_all(logs.join("week-1")).expect("mkdir");
    fs::create_dir_all(logs.join("week-2")).expect("mkdir");
    for w in [1, 2] {
        fs::write(
            logs.join(format!("week-{w}/index.md")),
            format!("### Week {w}\n\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | Minh task of week {w} | 2025-09-{d} | 2025-09-{d} |\n", d = 8 + 7 * w),
        )
        .expect("write");
    }
    let v = json_of(worklog().args(["stats", "--format", "json"]).arg(&logs));
    let interns = v["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 1, "{v:#}");
    assert_eq!(interns[0]["name"], "minh-logs");
    assert_eq!(numbers(&interns[0]["weeks"]), [1, 2]);
    // The same pages as files: still the folder above the week folders.
    let v = json_of(
        worklog()
            .args(["stats", "--format", "json"])
            .arg(logs.join("week-1/index.md"))
            .arg(logs.join("week-2/index.md")),
    );
    let interns = v["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 1, "{v:#}");
    assert_eq!(interns[0]["name"], "minh-logs");
}

#[test]
fn files_of_two_interns_with_the_same_week_stay_two_interns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let week5 = |who: &str| {
        format!("---\ntitle: \"Week 5\"\n---\n\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | {who} studied Amazon SQS | 2025-10-06 | 2025-10-06 |\n| 3 | {who} studied Amazon SNS | 2025-10-07 | 2025-10-07 |\n")
    };
    for who in ["quang", "thu"] {
        fs::create_dir_all(dir.path().join(who)).expect("mkdir");
        fs::write(dir.path().join(format!("{who}/week-5.md")), week5(who)).expect("write");
        fs::write(dir.path().join(format!("{who}-week-5.md")), week5(who)).expect("write");
    }
    // In their folders: named by them.
    let v = json_of(worklog().current_dir(dir.path()).args([
        "stats",
        "--format",
        "json",
        "quang/week-5.md",
        "thu/week-5.md",
    ]));
    let names: Vec<&str> = v["interns"]
        .as_array()
        .expect("interns")
        .iter()
        .map(|i| i["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["quang", "thu"]);
    // Bare files of one invocation: one load, split because the week repeats, with a
    // diagnostic.
    let v = json_of(worklog().current_dir(dir.path()).args([
        "stats",
        "--format",
        "json",
        "quang-week-5.md",
        "thu-week-5.md",
    ]));
    let interns = v["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 2, "{v:#}");
    assert!(interns
        .iter()
        .all(|i| i["tasks"] == 2 && numbers(&i["weeks"]) == [5]));
    let (lint, _) =
        run(worklog()
            .current_dir(dir.path())
            .args(["lint", "quang-week-5.md", "thu-week-5.md"]));
    assert!(lint.contains("warning[intern-split]"), "{lint}");

    // Five interns' week 5 (English) and week 6 (Vietnamese) as bare files: five interns,
    // each week once per intern, every task once.
    let mut names = Vec::new();
    for who in ["an", "binh", "chi", "dung", "em"] {
        fs::write(dir.path().join(format!("{who}-w5.md")), week5(who)).expect("write");
        let vi = week5(who)
            .replace("Week 5", "Tuần 6")
            .replace(
                "| Day | Task | Start Date | Completion Date |",
                "| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành |",
            )
            .replace("studied", "đã học")
            .replace("2025-10-0", "2025-10-1");
        fs::write(dir.path().join(format!("{who}-tuan-6.vi.md")), vi).expect("write");
        names.push(format!("{who}-w5.md"));
        names.push(format!("{who}-tuan-6.vi.md"));
    }
    let v = json_of(
        worklog()
            .current_dir(dir.path())
            .args(["stats", "--format", "json"])
            .args(&names),
    );
    let interns = v["interns"].as_array().expect("interns");
    assert_eq!(interns.len(), 5, "{v:#}");
    assert_eq!(v["tasks"], 20);
    for intern in interns {
        assert_eq!(numbers(&intern["weeks"]), [5, 6], "{intern}");
        assert_eq!(intern["tasks"], 4, "{intern}");
    }
}
