//! A collection grown batch by batch (`Collection::extend`, as the app adds pages while they
//! download) is exactly the collection built from all its pages at once, whatever the batches;
//! and with every page named by its path or loader, the order pages arrive in changes nothing
//! a user sees: interns, twins, dates settled from twins and neighbouring weeks, flags, rows.

#[path = "support/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use worklog::intern::Origin;
use worklog::{parse_page, Collection, Page};

type Pool = Vec<(Arc<Page>, Origin)>;

/// Every page of the collection fixture cases, each case one load (its loose pages are one
/// intern's), with the sources its `sources.json` gives.
fn fixture_pool() -> Pool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collections");
    let mut pool = Pool::new();
    let mut cases: Vec<_> = fs::read_dir(&root)
        .expect("the collection fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    for case in cases {
        let batch = case.file_name().unwrap().to_string_lossy().into_owned();
        let sources: serde_json::Map<String, serde_json::Value> =
            fs::read(case.join("sources.json"))
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_default();
        let mut files = Vec::new();
        collect_md(&case, &case, &mut files);
        files.sort();
        for (relative, bytes) in files {
            let source = sources
                .get(&relative)
                .and_then(|v| v.as_str())
                .unwrap_or(&relative)
                .to_string();
            let origin = Origin {
                batch: batch.clone(),
                intern: None,
            };
            pool.push((Arc::new(parse_page(&source, &bytes)), origin));
        }
    }
    assert!(pool.len() > 40, "the fixtures hold {} pages", pool.len());
    pool
}

fn collect_md(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).expect("a fixture folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_md(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((relative, fs::read(&path).expect("a fixture page")));
        }
    }
}

fn pools() -> &'static (Pool, Option<Pool>) {
    static POOLS: OnceLock<(Pool, Option<Pool>)> = OnceLock::new();
    POOLS.get_or_init(|| {
        let corpus =
            corpus::corpus_pages_for("collection_incremental (corpus pool)").map(|pages| {
                pages
                    .into_iter()
                    .map(|(path, bytes)| (Arc::new(parse_page(&path, &bytes)), Origin::default()))
                    .collect()
            });
        (fixture_pool(), corpus)
    })
}

/// `pool` in the order `order` gives, cut into batches after the positions in `cuts`.
fn grown(pool: &Pool, order: &[usize], cuts: &BTreeSet<usize>) -> (Collection, Collection) {
    let pages: Vec<Arc<Page>> = order.iter().map(|&i| Arc::clone(&pool[i].0)).collect();
    let origins: Vec<Origin> = order.iter().map(|&i| pool[i].1.clone()).collect();
    let at_once = Collection::from_shared(pages.clone(), origins.clone());
    let mut step = Collection::default();
    let mut from = 0;
    for &cut in cuts.iter().chain(std::iter::once(&order.len())) {
        let cut = cut.min(order.len());
        if cut > from {
            step.extend(pages[from..cut].to_vec(), origins[from..cut].to_vec());
            from = cut;
        }
    }
    (step, at_once)
}

/// What a user sees of a collection, independent of the order pages were given in.
fn seen(c: &Collection) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for intern in c.internships() {
        seen.insert(format!("intern {} {}", intern.key, intern.name));
    }
    for (i, page) in c.pages().iter().enumerate() {
        let twin = c.twin_of(i).map(|t| c.pages()[t].source.clone());
        let codes: Vec<&str> = page.diagnostics.iter().map(|d| d.code.as_str()).collect();
        seen.insert(format!(
            "page {} intern {:?} twin_of {:?} order {:?} diagnostics {:?}",
            page.source,
            c.internship_of(i),
            twin,
            page.date_order,
            codes
        ));
    }
    for row in c.rows() {
        let (page, task) = row.resolve(c).expect("a row resolves");
        seen.insert(format!(
            "row {} {} {:?} {:?} {:?} {:?} {} {}",
            c.internships()[row.intern as usize].key,
            page.source,
            task.line,
            row.week,
            task.start,
            task.end,
            row.date_flagged,
            row.twin_of.is_some()
        ));
    }
    for week in c.weeks() {
        let pages: Vec<&str> = week
            .pages
            .iter()
            .map(|&p| c.pages()[p].source.as_str())
            .collect();
        seen.insert(format!(
            "week {} {} {:?} {:?} {:?}",
            week.internship, week.number, pages, week.start, week.end
        ));
    }
    seen
}

fn order_and_cuts(len: usize) -> impl Strategy<Value = (Vec<usize>, BTreeSet<usize>)> {
    (
        Just((0..len).collect::<Vec<usize>>()).prop_shuffle(),
        proptest::collection::btree_set(0..len, 0..12),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn batches_give_the_collection_built_at_once((order, cuts) in order_and_cuts(pools().0.len())) {
        let pool = &pools().0;
        let (step, at_once) = grown(pool, &order, &cuts);
        prop_assert!(step == at_once, "batches {:?} over order {:?} differ", cuts, order);
    }

    #[test]
    fn arrival_order_changes_nothing_for_named_pages((order, cuts) in order_and_cuts(pools().0.len())) {
        // Loose pages are told apart by arrival (the first `week-5.md` of a load is the load's
        // intern, the second a further one): only named pages are order-free.
        let named: Pool = pools()
            .0
            .iter()
            .filter(|(page, origin)| worklog::intern::from_source(&page.source).is_some() || origin.intern.is_some())
            .cloned()
            .collect();
        let order: Vec<usize> = order.into_iter().filter(|&i| i < named.len()).collect();
        let (step, _) = grown(&named, &order, &cuts);
        let in_order: Vec<usize> = (0..named.len()).collect();
        let (reference, _) = grown(&named, &in_order, &BTreeSet::new());
        prop_assert_eq!(seen(&step), seen(&reference));
    }
}

/// The corpus (196 pages of 61 repositories), in random batches: same as all at once.
#[test]
fn corpus_in_batches_is_the_corpus_at_once() {
    let Some(pool) = &pools().1 else { return };
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(16));
    runner
        .run(&order_and_cuts(pool.len()), |(order, cuts)| {
            let (step, at_once) = grown(pool, &order, &cuts);
            prop_assert!(step == at_once);
            Ok(())
        })
        .unwrap();
}
