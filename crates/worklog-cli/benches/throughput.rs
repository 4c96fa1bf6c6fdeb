//! Throughput of the real `worklog` binary on 10,000 generated pages: lint and every export
//! format, in pages per second (figures for BENCHMARKS.md).
//!
//! `cargo bench -p worklog-cli --bench throughput` (optionally `-- 2000` for another page
//! count). Pages are generated into a temporary folder from the test fixtures: 500 internships
//! (Hugo sites) × 10 weeks × English and Vietnamese twins, with dates shifted week by week.
//! Set `WORKLOG_BENCH_DIR` to keep the generated pages in that folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use chrono::{Days, NaiveDate};

const DEFAULT_PAGES: usize = 10_000;
const WEEKS: usize = 10;

fn main() {
    let pages: usize = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .find_map(|a| a.parse().ok())
        .unwrap_or(DEFAULT_PAGES);
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean/content/1-Worklog");
    let en = read(&fixtures.join("1.1-Week1/_index.md"));
    let vi = read(&fixtures.join("1.1-Week1/_index.vi.md"));

    // WORKLOG_BENCH_DIR keeps the generated pages there (to profile or rerun by hand).
    let dir = tempfile::tempdir().expect("temp dir");
    let root = std::env::var_os("WORKLOG_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("sites"));
    let started = Instant::now();
    let bytes = generate(&root, pages, &en, &vi);
    println!(
        "generated {pages} pages ({:.1} MB) in {:.2} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let bin = env!("CARGO_BIN_EXE_worklog");
    let runs: [(&str, Vec<&str>); 5] = [
        ("lint", vec!["lint", "--format", "json"]),
        ("export json", vec!["export", "--format", "json"]),
        ("export csv", vec!["export", "--format", "csv"]),
        ("export ics", vec!["export", "--format", "ics"]),
        ("export md", vec!["export", "--format", "md"]),
    ];
    println!(
        "{:<12} {:>9} {:>12} {:>9}",
        "command", "seconds", "pages/s", "MB/s"
    );
    for (name, args) in runs {
        let t = Instant::now();
        let status = Command::new(bin)
            .args(&args)
            .arg(&root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run worklog");
        let secs = t.elapsed().as_secs_f64();
        // lint exits 1 when it finds errors; anything else is a failure of the run.
        assert!(
            matches!(status.code(), Some(0 | 1)),
            "{name} failed with {status}"
        );
        println!(
            "{name:<12} {secs:>9.2} {:>12.0} {:>9.1}",
            pages as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Write `pages` pages; returns the bytes written.
fn generate(root: &Path, pages: usize, en: &str, vi: &str) -> usize {
    let first_monday = NaiveDate::from_ymd_opt(2025, 9, 8).expect("date");
    let mut written = 0;
    let mut bytes = 0;
    let mut site = 0;
    while written < pages {
        for week in 1..=WEEKS {
            let folder: PathBuf = root
                .join(format!("intern-{site:04}"))
                .join("content/1-Worklog")
                .join(format!("1.{week}-Week{week}"));
            fs::create_dir_all(&folder).expect("mkdir");
            let monday = first_monday
                .checked_add_days(Days::new(7 * (week as u64 - 1)))
                .expect("date");
            for (name, template) in [("_index.md", en), ("_index.vi.md", vi)] {
                if written == pages {
                    return bytes;
                }
                let text = shift(template, week, monday);
                fs::write(folder.join(name), &text).expect("write page");
                bytes += text.len();
                written += 1;
            }
        }
        site += 1;
    }
    bytes
}

/// The week-1 fixture turned into week `week` starting on `monday`.
fn shift(template: &str, week: usize, monday: NaiveDate) -> String {
    let mut text = template
        .replace("Week 1", &format!("Week {week}"))
        .replace("Tuần 1", &format!("Tuần {week}"))
        .replace("tuần 1", &format!("tuần {week}"))
        .replace("1.1. ", &format!("1.{week}. "))
        .replace("weight: 1", &format!("weight: {week}"));
    let base = NaiveDate::from_ymd_opt(2025, 9, 8).expect("date");
    for offset in (0..7u64).rev() {
        let from = base.checked_add_days(Days::new(offset)).expect("date");
        let to = monday.checked_add_days(Days::new(offset)).expect("date");
        text = text.replace(&from.to_string(), &to.to_string());
    }
    text
}
