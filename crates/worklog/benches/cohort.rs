//! Cohort figures: the matrix of a generated cohort (`tests/lib/cohort-gen.mjs`, Node) — similar
//! rows, labs, the matrix itself and all of it together — for 60 interns (the size:
//! ~13 weeks × 2 languages × ~5 rows) and 180. Run: `cargo bench -p worklog --bench cohort`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use worklog::cohort::{Cohort, InternSource, Matrix, MatrixOptions};
use worklog::intern::Origin;
use worklog::labs::Labs;
use worklog::similar::Similarity;
use worklog::{parse_page, Collection};

#[path = "../tests/support/cohort_gen.rs"]
mod cohort_gen;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and minimum of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[0])
}

fn main() {
    for interns in [60, 180] {
        let dir = cohort_gen::scratch(&format!("bench-{interns}"));
        if cohort_gen::generate(&dir, interns, 1, "cohort bench").is_none() {
            return;
        }
        let text = std::fs::read_to_string(dir.join("cohort.json")).expect("cohort.json");
        let cohort = Cohort::parse(&text).expect("cohort");
        let mut files = Vec::new();
        for intern in &cohort.interns {
            if let InternSource::Files { files: list } = &intern.source {
                for f in list {
                    let bytes = std::fs::read(dir.join(f)).expect("page");
                    files.push((f.clone(), bytes, intern.identity()));
                }
            }
        }
        let build = || {
            let pages = files.iter().map(|(f, b, _)| parse_page(f, b)).collect();
            let origins = files
                .iter()
                .map(|(_, _, id)| Origin {
                    batch: id.key.clone(),
                    intern: Some(id.clone()),
                })
                .collect();
            Collection::with_origins(pages, origins)
        };
        let collection = build();
        let options =
            MatrixOptions::from_cohort(&cohort, cohort.start.map(|s| s + chrono::Days::new(79)));
        let runs = 15;
        let (parse, _) = time(3, build);
        let (similar, similar_min) = time(runs, || Similarity::compute(&collection));
        let (labs_time, _) = time(runs, || Labs::compute(&collection));
        let similarity = Similarity::compute(&collection);
        let labs = Labs::compute(&collection);
        let (matrix_only, _) = time(runs, || {
            Matrix::build(&collection, &options, &similarity, &labs)
        });
        let (all, all_min) = time(runs, || Matrix::compute(&collection, &options));
        let matrix = Matrix::compute(&collection, &options);
        let json = serde_json::to_string(&matrix).expect("json");
        println!(
            "{interns} interns: {} pages, {} rows, {} similar rows in {} groups, {} labs",
            collection.pages().len(),
            collection.rows().len(),
            similarity.rows.len(),
            similarity.groups.len(),
            labs.labs.len()
        );
        println!("  parse + collection (for scale):  {:>8.2} ms", ms(parse));
        println!(
            "  similar rows:                    {:>8.2} ms median ({:.2} min)",
            ms(similar),
            ms(similar_min)
        );
        println!(
            "  labs:                            {:>8.2} ms median",
            ms(labs_time)
        );
        println!(
            "  matrix (given the two above):    {:>8.2} ms median",
            ms(matrix_only)
        );
        println!(
            "  Matrix::compute (all three):     {:>8.2} ms median ({:.2} min); JSON {} KB",
            ms(all),
            ms(all_min),
            json.len() / 1024
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
