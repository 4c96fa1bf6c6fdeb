//! The cohort generator (`tests/lib/cohort-gen.mjs`, Node) run from the Rust tests and benches:
//! it writes a cohort (pages, `cohort.json`, `cohort-src.json`) and the truth it computed itself
//! (`truth.json`). Included with `#[path]` by the test crates and benches that need it.
//!
//! Node is part of the test toolchain (the browser tests run on it; `scripts/setup.sh` installs
//! it). Without it a test prints a loud `SKIPPED (node not found)` line and passes, unless
//! `WORKLOG_REQUIRE_SHARED=1` (CI) makes every such test mandatory.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The generator script.
pub const GENERATOR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/lib/cohort-gen.mjs"
);

/// A fresh, empty folder for one test's cohort, under the target's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("worklog-cohort-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Generate `interns` interns with `seed` into `out` for the test named `test`; `None` after a
/// loud skip line when Node is missing (a failure when `WORKLOG_REQUIRE_SHARED=1`).
pub fn generate(out: &Path, interns: usize, seed: u64, test: &str) -> Option<serde_json::Value> {
    let run = Command::new("node")
        .arg(GENERATOR)
        .arg("--out")
        .arg(out)
        .arg("--interns")
        .arg(interns.to_string())
        .arg("--seed")
        .arg(seed.to_string())
        .output();
    let output = match run {
        Ok(o) => o,
        Err(e) => {
            if std::env::var("WORKLOG_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
                panic!(
                    "{test}: node not found ({e}), and WORKLOG_REQUIRE_SHARED=1 makes it mandatory"
                );
            }
            let _ = writeln!(
                std::io::stderr().lock(),
                "SKIPPED (node not found): {test} (needs node to run {GENERATOR})"
            );
            return None;
        }
    };
    assert!(
        output.status.success(),
        "{test}: the generator failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let truth = std::fs::read_to_string(out.join("truth.json")).expect("truth.json");
    Some(serde_json::from_str(&truth).expect("truth.json is JSON"))
}
