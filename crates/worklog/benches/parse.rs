//! Throughput of `parse_page` over the corpus, beside pulldown-cmark alone parsing the same
//! bytes with no extraction (the floor), and their ratio. Also the time of the pathological
//! 10 MB page, to show parsing stays linear.
//!
//! Run: `cargo bench -p worklog --bench parse` (needs `shared/corpus` next to the repository).

use std::hint::black_box;
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser};
use worklog::parse_page;

#[path = "../tests/support/corpus.rs"]
mod support;
use support::{corpus_pages, CORPUS};
const MIN_TIME: Duration = Duration::from_secs(3);

/// Runs `work` over all pages repeatedly for at least `MIN_TIME`; returns MB/s.
fn measure(pages: &[(String, Vec<u8>)], mut work: impl FnMut(&str, &[u8])) -> f64 {
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    // Warm-up round.
    for (name, data) in pages {
        work(name, data);
    }
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < MIN_TIME {
        for (name, data) in pages {
            work(name, data);
        }
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    (bytes as f64 * f64::from(rounds)) / seconds / 1_000_000.0
}

fn main() {
    let pages = corpus_pages().unwrap_or_default();
    if pages.is_empty() {
        println!("SKIPPED parse bench: no corpus at {CORPUS}");
        return;
    }
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    println!(
        "corpus: {} pages, {:.2} MB",
        pages.len(),
        bytes as f64 / 1_000_000.0
    );

    let floor = measure(&pages, |_, data| {
        let text = String::from_utf8_lossy(data);
        let mut options = Options::empty();
        options.insert(Options::ENABLE_TABLES);
        let events = Parser::new_ext(&text, options).count();
        black_box(events);
    });
    let full = measure(&pages, |name, data| {
        black_box(parse_page(name, data));
    });
    println!("pulldown-cmark alone (floor): {floor:>8.1} MB/s");
    println!("parse_page (full model):      {full:>8.1} MB/s");
    println!(
        "ratio: parse_page takes {:.2}× the time of pulldown-cmark alone",
        floor / full
    );

    let mut big = String::from("---\ntitle: \"Week 1 Worklog\"\n---\n");
    big.push_str("| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n");
    while big.len() < 10 * 1024 * 1024 {
        big.push_str("| 2 | - Learn **EC2** <br>&emsp; + `aws ec2` | 08/11/2025 | 08/11/2025 | <https://cloudjourney.awsstudygroup.com/> |\n");
    }
    let start = Instant::now();
    let page = parse_page("week-1.en.md", big.as_bytes());
    let elapsed = start.elapsed();
    println!(
        "10 MB page ({} tasks): {:.2} s, {:.1} MB/s",
        page.tasks.len(),
        elapsed.as_secs_f64(),
        big.len() as f64 / elapsed.as_secs_f64() / 1_000_000.0
    );
}
