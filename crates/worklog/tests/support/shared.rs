//! `shared/` beside the repository (the corpus and the seed pages): present on the maintainers'
//! machine and in CI, absent from a clone of this repository alone. The one place that decides
//! what a test needing it does when it is missing:
//!
//! - absent: print a loud `SKIPPED (../shared not found): <test>` line on stderr (straight to the
//!   terminal, not through the test harness's capture) and skip;
//! - absent while `WORKLOG_REQUIRE_SHARED=1` (`.ci/run` sets it): fail, so CI never passes on a
//!   skip.
//!
//! Included with `#[path]` by each test crate that needs it (tests are separate crates).

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

/// The `shared` folder beside the repository.
pub const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

/// Set to `1` to make a missing `shared/` a failure instead of a skip.
pub const REQUIRE_VAR: &str = "WORKLOG_REQUIRE_SHARED";

/// Is a missing `shared/` a failure in this run?
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|v| v == "1")
}

/// `shared/<sub>` (a folder or a file) for the test named `test`, or `None` after a loud skip
/// line when it is absent. Panics when it is absent and `WORKLOG_REQUIRE_SHARED=1`.
pub fn shared_path(sub: &str, test: &str) -> Option<PathBuf> {
    let path = Path::new(SHARED).join(sub);
    if path.exists() {
        return Some(path);
    }
    if required() {
        panic!(
            "{test}: {} not found, and {REQUIRE_VAR}=1 makes the shared tests mandatory",
            path.display()
        );
    }
    // Written to the process's stderr, not through `eprintln!`, which the harness captures
    // for passing tests.
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED (../shared not found): {test} (needs {}; set {REQUIRE_VAR}=1 to fail instead)",
        path.display()
    );
    None
}

/// Every `.md` file below `root`, sorted by path (the tests and examples that read folders of
/// pages all walk them this way).
pub fn markdown_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort();
    out
}
