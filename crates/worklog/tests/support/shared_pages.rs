//! The pages of `shared/corpus` and `shared/repos` as one collection, every intern keyed by its
//! repository: what the similar-rows tests run on; and the corpus repeated under N interns as
//! the browser bench serves it (`examples/similar_memory.rs`). Included with `#[path]`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use worklog::intern::{Identity, Origin};

#[path = "shared.rs"]
pub mod shared;
use shared::markdown_files;
use worklog::{parse_page, Collection};

/// `folder → OWNER/REPO` from a `SOURCES.tsv` whose first column starts with the folder.
fn repositories(tsv: &Path, column: usize) -> HashMap<String, String> {
    let text = fs::read_to_string(tsv).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let folder = cells.first()?.split('/').next()?;
            Some((folder.to_string(), cells.get(column)?.to_string()))
        })
        .collect()
}

/// Every page of `shared/corpus` and `shared/repos`, each intern keyed by its repository (a
/// repository in both folders is one intern, so its pages never match themselves); with
/// `copies` > 1, the whole of it that many times, each copy's interns keyed apart
/// (`owner/repo#2`, ...), as the browser bench repeats the corpus.
pub fn load(shared: &Path, copies: usize) -> Collection {
    let mut pages = Vec::new();
    let mut origins = Vec::new();
    for copy in 1..=copies.max(1) {
        for (folder, column) in [("corpus", 1), ("repos", 1)] {
            let root = shared.join(folder);
            let repos = repositories(&root.join("SOURCES.tsv"), column);
            for file in markdown_files(&root) {
                let rel = file
                    .strip_prefix(shared)
                    .unwrap_or(&file)
                    .to_string_lossy()
                    .replace('\\', "/");
                let local = rel.split('/').nth(1).unwrap_or("").to_string();
                let mut key = repos
                    .get(&local)
                    .cloned()
                    .unwrap_or_else(|| local.clone())
                    .to_lowercase();
                if copy > 1 {
                    key = format!("{key}#{copy}");
                }
                let Ok(bytes) = fs::read(&file) else { continue };
                pages.push(parse_page(&rel, &bytes));
                origins.push(Origin {
                    batch: folder.to_string(),
                    intern: Some(Identity {
                        key: key.clone(),
                        name: Some(key),
                    }),
                });
            }
        }
    }
    Collection::with_origins(pages, origins)
}

/// The pages below `root` (the corpus) repeated under `interns` interns keyed `intern-00`, ...:
/// what `tests/bench/corpus-site.mjs` serves to the browser benches.
pub fn repeated(root: &Path, interns: usize) -> Collection {
    let files = markdown_files(root);
    let mut pages = Vec::new();
    let mut origins = Vec::new();
    for copy in 0..interns {
        let key = format!("intern-{copy:02}");
        for file in &files {
            let Ok(bytes) = fs::read(file) else { continue };
            let relative = file.strip_prefix(root).unwrap_or(file).to_string_lossy();
            pages.push(parse_page(&format!("{key}/{relative}"), &bytes));
            origins.push(Origin {
                batch: key.clone(),
                intern: Some(Identity {
                    key: key.clone(),
                    name: None,
                }),
            });
        }
    }
    Collection::with_origins(pages, origins)
}
