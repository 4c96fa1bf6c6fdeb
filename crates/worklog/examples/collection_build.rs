//! Prints how long building a `Collection` takes at cohort scale: the corpus pages (`../shared`)
//! repeated under 12 intern folders, from shared pages (as the app rebuilds it while pages
//! arrive) and with a deep copy first (as before pages were shared); then grown in batches of 50
//! pages as downloads deliver them (`Collection::extend`), against rebuilding the whole
//! collection for every batch (as the app did before).
//!
//! `cargo run --release -p worklog --example collection_build [-- <folder of pages>]`

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use worklog::intern::Origin;
use worklog::{parse_page, Collection, Page};

#[path = "../tests/support/shared.rs"]
mod shared;

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let files = shared::markdown_files(&root);
    if files.is_empty() {
        eprintln!(
            "no pages under {} (give a folder of worklog pages)",
            root.display()
        );
        return;
    }
    let mut pages: Vec<Page> = Vec::new();
    for copy in 0..12 {
        for file in &files {
            let Ok(bytes) = std::fs::read(file) else {
                continue;
            };
            let relative = file.strip_prefix(&root).unwrap_or(file).to_string_lossy();
            pages.push(parse_page(&format!("intern-{copy}/{relative}"), &bytes));
        }
    }
    let shared: Vec<Arc<Page>> = pages.iter().cloned().map(Arc::new).collect();
    let origins = vec![Origin::default(); shared.len()];
    let runs = 5;
    let mut rows = 0;
    let started = Instant::now();
    for _ in 0..runs {
        rows = Collection::from_shared(shared.clone(), origins.clone())
            .rows()
            .len();
    }
    let from_shared = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let started = Instant::now();
    for _ in 0..runs {
        let copied: Vec<Page> = pages.clone();
        let _ = Collection::with_origins(copied, origins.clone());
    }
    let with_copy = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{} pages, {rows} rows", pages.len());
    println!("collection from shared pages      {from_shared:>8.1} ms");
    println!("collection after a deep copy      {with_copy:>8.1} ms");

    // Arrival orders: one intern after another, and every batch mixing all interns (downloads
    // of a whole cohort in flight at once: each batch touches every intern).
    let per_intern = shared.len() / 12;
    let interleaved: Vec<usize> = (0..per_intern)
        .flat_map(|k| (0..12).map(move |copy| copy * per_intern + k))
        .collect();
    let sequential: Vec<usize> = (0..shared.len()).collect();
    for (name, order) in [
        ("intern by intern", &sequential),
        ("interleaved", &interleaved),
    ] {
        let (mut total, mut worst, mut rebuilt) = (0.0, 0.0f64, 0.0);
        let mut grown = Collection::default();
        for batch in order.chunks(50) {
            let pages: Vec<Arc<Page>> = batch.iter().map(|&i| Arc::clone(&shared[i])).collect();
            let started = Instant::now();
            grown.extend(pages, vec![Origin::default(); batch.len()]);
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            total += ms;
            worst = worst.max(ms);
            let so_far: Vec<Arc<Page>> = order[..grown.pages().len()]
                .iter()
                .map(|&i| Arc::clone(&shared[i]))
                .collect();
            let started = Instant::now();
            let _ = Collection::from_shared(so_far, vec![Origin::default(); grown.pages().len()]);
            rebuilt += started.elapsed().as_secs_f64() * 1000.0;
        }
        println!(
            "batches of 50, {name:<17} extend: {total:>7.1} ms in all, {worst:>6.1} ms worst batch; rebuild per batch: {rebuilt:>7.1} ms in all"
        );
    }
}
