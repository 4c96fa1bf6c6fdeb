//! Service recognition figures: matcher build cost (it runs once at browser start-up) and
//! recognition throughput over the real corpus. Run: `cargo bench -p worklog --bench services`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use worklog::services;

#[path = "../tests/support/corpus.rs"]
mod support;
use support::{corpus_pages, CORPUS};

fn main() {
    // Start-up: the id index of the catalogue and the automaton, each built once per process.
    let t = Instant::now();
    let catalogue = services::catalogue();
    let index_time = t.elapsed();
    let builds: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            black_box(services::build_matcher());
            t.elapsed()
        })
        .collect();
    let first_recognise = {
        let t = Instant::now();
        black_box(services::recognise("warm-up: EC2"));
        t.elapsed()
    };
    println!(
        "catalogue: {} entries, {} categories, {} patterns",
        catalogue.entries().len(),
        catalogue.categories().len(),
        services::pattern_count()
    );
    println!("catalogue id index:     {:>8.3} ms", ms(index_time));
    println!(
        "matcher build (NFA):    {:>8.3} ms median, {:.3} ms min, {:.3} ms max over {} builds",
        ms(median(&builds)),
        ms(*builds.iter().min().unwrap_or(&Duration::ZERO)),
        ms(*builds.iter().max().unwrap_or(&Duration::ZERO)),
        builds.len()
    );
    println!(
        "first recognise (incl. build): {:>8.3} ms",
        ms(first_recognise)
    );

    // Throughput over every corpus page, line by line (task cells and list items are lines).
    let mut texts: Vec<String> = corpus_pages()
        .unwrap_or_default()
        .iter()
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    if texts.is_empty() {
        println!("corpus not found at {CORPUS}: using a synthetic text");
        texts.push(
            "- Learn about AWS Glue crawlers, Amazon S3 and IAM roles <br> + Create VPCs, \
             Security Groups and a NAT Gateway; configure the config file\n"
                .repeat(2000),
        );
    }
    let lines: Vec<&str> = texts.iter().flat_map(|t| t.lines()).collect();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let mut mentions = 0;
    let runs = 5;
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        mentions = 0;
        for line in &lines {
            mentions += black_box(services::recognise(line)).len();
        }
        times.push(t.elapsed());
    }
    let best = *times.iter().min().unwrap_or(&Duration::ZERO);
    println!(
        "recognise over {} pages ({:.2} MB, {} lines): {:.1} ms best of {runs}, {:.1} MB/s, {} mentions",
        texts.len(),
        bytes as f64 / 1e6,
        lines.len(),
        ms(best),
        bytes as f64 / 1e6 / best.as_secs_f64().max(1e-9),
        mentions
    );
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
