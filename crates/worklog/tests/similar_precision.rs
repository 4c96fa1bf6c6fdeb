//! Precision of "similar rows" on real pages: the corpus and the six whole repositories of
//! `../shared`, every intern at once, against pairs labelled by hand.
//!
//! The labels (`tests/fixtures/similar/labels.tsv`) hold no page text: each line names two
//! rows by file (relative to `shared/`) and line, and a judgement made by reading both rows in
//! their pages — `yes` when one is a near-verbatim copy of the other (the same sentence(s),
//! small edits allowed), `no` when they only share a topic or a few set phrases. See the file's
//! header for how pairs were chosen.
//!
//! The test reports precision (yes / labelled pairs found) and how many found pairs carry a
//! label, and asserts the floors justified in `docs/cohort.md`. Without `../shared` it is
//! skipped loudly (`support/shared.rs`).
//!
//! `WORKLOG_SIMILAR_DUMP=1` prints every pair found, with both texts and its label if any (the
//! tool used to label them); `WORKLOG_SIMILAR_THRESHOLD=0.4`, `WORKLOG_SIMILAR_MIN_WORDS=4`
//! `WORKLOG_SIMILAR_SHINGLE=2`, `WORKLOG_SIMILAR_CONTAINMENT=1.1` (off) and
//! `WORKLOG_SIMILAR_BANDS=20x3` (bands × rows) try other options
//! (reported, not asserted); `WORKLOG_SIMILAR_ANALYSE=1` prints the overlap measures of every
//! labelled pair.

#[path = "support/shared_pages.rs"]
mod shared_pages;
use shared_pages::shared;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use worklog::similar::{Similarity, SimilarityOptions};
use worklog::Collection;

const LABELS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/similar/labels.tsv"
);

/// Least precision accepted on the labelled pairs (see `docs/cohort.md`).
const PRECISION_FLOOR: f64 = 0.9;
/// Least share of the pairs found that must carry a label (the rest would be unmeasured).
const COVERAGE_FLOOR: f64 = 0.9;

type Place = (String, u32);

fn labels() -> BTreeMap<(Place, Place), (bool, String)> {
    let text = fs::read_to_string(LABELS).expect("labels file");
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(cells.len() >= 5, "labels.tsv line {}: 5 columns", n + 1);
        let place =
            |p: &str, l: &str| -> Place { (p.to_string(), l.parse().expect("line number")) };
        let a = place(cells[0], cells[1]);
        let b = place(cells[2], cells[3]);
        let yes = match cells[4] {
            "yes" => true,
            "no" => false,
            other => panic!("labels.tsv line {}: `{other}` is not yes/no", n + 1),
        };
        let note = cells.get(5).unwrap_or(&"").to_string();
        out.insert((a.clone().min(b.clone()), a.max(b)), (yes, note));
    }
    out
}

#[test]
fn similar_rows_precision_on_labelled_real_pairs() {
    let Some(shared) =
        shared::shared_path("corpus", "similar_rows_precision_on_labelled_real_pairs")
            .and_then(|p| p.parent().map(Path::to_path_buf))
    else {
        return;
    };
    let collection = shared_pages::load(&shared, 1);
    let mut options = SimilarityOptions::default();
    let var = |name: &str| std::env::var(name).ok();
    if let Some(t) = var("WORKLOG_SIMILAR_THRESHOLD").and_then(|t| t.parse().ok()) {
        options.threshold = t;
    }
    if let Some(n) = var("WORKLOG_SIMILAR_MIN_WORDS").and_then(|n| n.parse().ok()) {
        options.min_words = n;
    }
    if let Some(n) = var("WORKLOG_SIMILAR_SHINGLE").and_then(|n| n.parse().ok()) {
        options.shingle_words = n;
    }
    if let Some(c) = var("WORKLOG_SIMILAR_CONTAINMENT").and_then(|c| c.parse().ok()) {
        options.containment = c;
    }
    if let Some((b, r)) = var("WORKLOG_SIMILAR_BANDS").and_then(|v| {
        let (b, r) = v.split_once('x')?;
        Some((b.parse().ok()?, r.parse().ok()?))
    }) {
        options.bands = b;
        options.band_rows = r;
    }
    let started = std::time::Instant::now();
    let similarity = Similarity::compute_with(&collection, &options);
    let elapsed = started.elapsed();
    let rows = collection.rows();
    let place = |r: u32| -> Place {
        let row = rows[r as usize];
        let (page, task) = row.resolve(&collection).expect("row");
        (page.source.clone(), task.line)
    };
    let text = |r: u32| -> String {
        let (_, task) = rows[r as usize].resolve(&collection).expect("row");
        task.text.replace('\n', " / ")
    };
    let labels = labels();
    if std::env::var("WORKLOG_SIMILAR_ANALYSE").is_ok_and(|v| v == "1") {
        analyse(&collection, &labels);
        return;
    }
    let dump = std::env::var("WORKLOG_SIMILAR_DUMP").is_ok_and(|v| v == "1");
    let (mut found, mut yes, mut no) = (0usize, 0usize, 0usize);
    let mut unlabelled = Vec::new();
    for similar in &similarity.rows {
        for m in similarity.matches(similar.row as usize) {
            if m.row < similar.row {
                continue;
            }
            found += 1;
            let (a, b) = (place(similar.row), place(m.row));
            let key = (a.clone().min(b.clone()), a.clone().max(b.clone()));
            let label = labels.get(&key);
            match label {
                Some((true, _)) => yes += 1,
                Some((false, _)) => no += 1,
                None => unlabelled.push(key.clone()),
            }
            if dump {
                eprintln!(
                    "PAIR {:.3} {}\t{}\t{}\t{}\t{}\n  A: {}\n  B: {}",
                    m.score,
                    key.0 .0,
                    key.0 .1,
                    key.1 .0,
                    key.1 .1,
                    label.map_or("?", |(y, _)| if *y { "yes" } else { "no" }),
                    text(similar.row),
                    text(m.row)
                );
            }
        }
    }
    let labelled = yes + no;
    let precision = if labelled == 0 {
        0.0
    } else {
        yes as f64 / labelled as f64
    };
    let coverage = if found == 0 {
        1.0
    } else {
        labelled as f64 / found as f64
    };
    let known_yes = labels.values().filter(|(y, _)| *y).count();
    let line = format!(
        "similar rows on ../shared: {} rows, {} interns, {} groups, {found} pairs found in {elapsed:?}; labelled {labelled} ({:.0}%): {yes} yes, {no} no → precision {:.3}; {yes} of the {known_yes} pairs labelled yes found ({options:?})",
        rows.len(),
        collection.internships().len(),
        similarity.groups.len(),
        coverage * 100.0,
        precision,
    );
    // Straight to stderr: the figure is the point of the test.
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    if dump || options != SimilarityOptions::default() {
        return;
    }
    assert!(found > 0, "no similar pairs found: {line}");
    assert!(
        coverage >= COVERAGE_FLOOR,
        "{line}\nunlabelled pairs (label them in {LABELS}): {unlabelled:#?}"
    );
    assert!(precision >= PRECISION_FLOOR, "{line}");
}

/// For each labelled pair: the label and the overlap measures of both rows, to choose options.
fn analyse(collection: &Collection, labels: &BTreeMap<(Place, Place), (bool, String)>) {
    use worklog::similar::{containment, jaccard, shingles};
    let mut at: HashMap<Place, String> = HashMap::new();
    for row in collection.rows() {
        let (page, task) = row.resolve(collection).expect("row");
        at.insert((page.source.clone(), task.line), task.text.clone());
    }
    for ((a, b), (yes, _)) in labels {
        let (Some(ta), Some(tb)) = (at.get(a), at.get(b)) else {
            eprintln!("MISSING {a:?} {b:?}");
            continue;
        };
        let mut line = (if *yes { "yes" } else { "no " }).to_string();
        for k in [1usize, 2, 3] {
            let o = SimilarityOptions {
                shingle_words: k,
                min_words: 1,
                ..SimilarityOptions::default()
            };
            let (sa, sb) = (
                shingles(ta, &o).unwrap_or_default(),
                shingles(tb, &o).unwrap_or_default(),
            );
            line.push_str(&format!(
                "  k{k} J {:.2} C {:.2} n {:>2}/{:>2}",
                jaccard(&sa, &sb),
                containment(&sa, &sb),
                sa.len(),
                sb.len()
            ));
        }
        eprintln!("{line}");
    }
}
