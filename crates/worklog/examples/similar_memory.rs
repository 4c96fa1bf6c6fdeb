//! Peak heap and time of the similar-rows job at the browser bench's scale: the corpus pages
//! (`../shared/corpus`) repeated under N interns (default 51: 9,996 pages), the rows given to
//! `similar::compute_texts` as the parse worker gets them. A counting allocator reports the
//! heap's high-water mark during the job (above what the rows already held), the result's size
//! and its JSON on the wire (`SimilarityWire`'s shape), and what the parsed pages and their
//! collection hold.
//!
//! `cargo run --release -p worklog --example similar_memory [-- <interns> [<folder of pages>]]`

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use worklog::similar::{compute_texts, SimilarityOptions};
use worklog::Language;

#[path = "../tests/support/shared_pages.rs"]
mod shared_pages;

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let interns: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(51);
    let root = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"));
    let loaded = NOW.load(Ordering::Relaxed);
    let collection = shared_pages::repeated(&root, interns);
    // What the parsed pages and the collection hold (the app keeps this much, 64-bit here).
    let held_by_collection = NOW.load(Ordering::Relaxed) - loaded;
    if collection.pages().is_empty() {
        eprintln!(
            "no pages under {} (give a folder of worklog pages)",
            root.display()
        );
        return;
    }
    // The rows as the worker receives them: owned texts.
    let rows: Vec<(u32, Option<Language>, String)> = collection
        .rows()
        .iter()
        .map(|row| {
            let text = row
                .resolve(&collection)
                .map_or("", |(_, t)| t.text.as_str());
            (row.intern, row.language, text.to_string())
        })
        .collect();
    let texts: Vec<(u32, Option<Language>, &str)> =
        rows.iter().map(|(i, l, t)| (*i, *l, t.as_str())).collect();
    let before = NOW.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let similarity = compute_texts(&texts, &SimilarityOptions::default());
    let elapsed = started.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let held = NOW.load(Ordering::Relaxed) - before;
    let matches: usize = similarity.rows.iter().map(|r| r.matches as usize).sum();
    let json = serde_json::to_string(&similarity).map_or(0, |j| j.len());
    let input = serde_json::to_string(&texts).map_or(0, |j| j.len());
    println!(
        "{} pages, {} rows ({} interns): {} similar rows in {} groups, {} classes, {matches} matches, {} pairs checked",
        collection.pages().len(),
        texts.len(),
        collection.internships().len(),
        similarity.rows.len(),
        similarity.groups.len(),
        similarity.classes.len(),
        similarity.checked
    );
    println!(
        "compute_texts: {:.0} ms, peak heap {:.1} MB above the rows, result {:.1} MB, as JSON {:.1} MB",
        elapsed.as_secs_f64() * 1000.0,
        mb(peak),
        mb(held),
        mb(json)
    );
    println!("the rows as the app sends them (JSON): {:.1} MB", mb(input));
    println!(
        "the parsed pages and their collection hold {:.1} MB ({:.1} KB a page)",
        mb(held_by_collection),
        held_by_collection as f64 / 1024.0 / collection.pages().len().max(1) as f64
    );
}
