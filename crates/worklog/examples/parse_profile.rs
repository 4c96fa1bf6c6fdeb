//! `parse_page` over the corpus a fixed number of times, for a profiler (callgrind counts
//! instructions reliably on a busy machine; the timed figures come from `benches/parse.rs`):
//!
//! ```sh
//! cargo build --profile bench -p worklog --example parse_profile
//! valgrind --tool=callgrind target/release/examples/parse_profile 3
//! ```

use std::hint::black_box;

#[path = "../tests/support/corpus.rs"]
mod support;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let Some(pages) = support::corpus_pages() else {
        println!("SKIPPED: no corpus at {}", support::CORPUS);
        return;
    };
    // Warm the lazily built matchers once, so a profile of one round shows parsing only.
    for (name, data) in pages.iter().take(1) {
        black_box(worklog::parse_page(name, data));
    }
    let mut tasks = 0;
    for _ in 0..rounds {
        for (name, data) in &pages {
            tasks += black_box(worklog::parse_page(name, data)).tasks.len();
        }
    }
    println!("{} pages × {rounds}: {tasks} tasks", pages.len());
}
