//! The shared corpus (`shared/corpus` beside the repository), read the same way by the tests
//! and the benches that use it. Included with `#[path]`, since tests and benches are separate
//! crates.

use std::fs;
use std::path::Path;

#[path = "shared.rs"]
pub mod shared;

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

/// The corpus pages for the test named `test`: `None` after a loud skip line when the corpus
/// is absent, a failure when `WORKLOG_REQUIRE_SHARED=1` (see `shared.rs`).
#[allow(dead_code)]
pub fn corpus_pages_for(test: &str) -> Option<Vec<(String, Vec<u8>)>> {
    shared::shared_path("corpus", test)?;
    corpus_pages()
}

/// Every `.md` page of the corpus as (path relative to the corpus with `/` separators, bytes),
/// sorted by path; `None` when the corpus is absent.
pub fn corpus_pages() -> Option<Vec<(String, Vec<u8>)>> {
    let root = Path::new(CORPUS);
    if !root.is_dir() {
        return None;
    }
    let mut out: Vec<(String, Vec<u8>)> = shared::markdown_files(root)
        .into_iter()
        .filter_map(|path| {
            let bytes = fs::read(&path).ok()?;
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            Some((relative, bytes))
        })
        .collect();
    out.sort();
    Some(out)
}
