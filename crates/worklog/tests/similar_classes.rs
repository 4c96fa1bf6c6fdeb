//! Similar rows computed by class (rows with the same words compared once, `similar::compute_texts`)
//! give exactly what comparing every candidate pair of rows gave before (the algorithm up to
//! 2026-12-06, kept below as `reference`): the same groups, the same similar rows, the same
//! matches with the same scores in the same order, the same count of pairs checked. On hand-made
//! rows with identical copies, on random rows drawn from a few sentences (proptest), and on the
//! real pages of `../shared` once and repeated as the browser bench repeats them.

#[path = "support/shared_pages.rs"]
mod shared_pages;
use shared_pages::shared;

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;
use worklog::similar::{
    band_keys, compute_texts, containment, jaccard, shingles, Match, SimilarGroup, Similarity,
    SimilarityOptions,
};
use worklog::{Collection, Language};

/// What the row-by-row algorithm gave: the groups, (row, group, matches) per similar row, the
/// pairs checked.
#[derive(Debug, PartialEq)]
struct Expanded {
    groups: Vec<SimilarGroup>,
    rows: Vec<(u32, u32, Vec<Match>)>,
    checked: u32,
}

fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The algorithm before rows were grouped by class: every candidate pair of rows (N² for a row
/// copied by N interns), every match listed per row.
fn reference(rows: &[(u32, Option<Language>, &str)], options: &SimilarityOptions) -> Expanded {
    let sets: Vec<Option<Vec<u64>>> = rows.iter().map(|(_, _, t)| shingles(t, options)).collect();
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    for (r, set) in sets.iter().enumerate() {
        let Some(set) = set else { continue };
        for key in band_keys(set, rows[r].1, options) {
            keyed.push((key, r as u32));
        }
    }
    keyed.sort_unstable();
    let mut pairs: Vec<u64> = Vec::new();
    for bucket in keyed.chunk_by(|x, y| x.0 == y.0).filter(|b| b.len() > 1) {
        for (i, &(_, a)) in bucket.iter().enumerate() {
            for &(_, b) in &bucket[i + 1..] {
                if rows[a as usize].0 != rows[b as usize].0 {
                    pairs.push((u64::from(a.min(b)) << 32) | u64::from(a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut matches: HashMap<u32, Vec<Match>> = HashMap::new();
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    let checked = u32::try_from(pairs.len()).unwrap_or(u32::MAX);
    for pair in pairs {
        let (a, b) = ((pair >> 32) as u32, pair as u32);
        let (Some(sa), Some(sb)) = (&sets[a as usize], &sets[b as usize]) else {
            continue;
        };
        let (score, contained) = (jaccard(sa, sb), containment(sa, sb));
        let contains = contained >= options.containment
            && sa.len().min(sb.len()) >= options.min_contained_shingles;
        if score < options.threshold && !contains {
            continue;
        }
        let m = |row| Match {
            row,
            score,
            contained,
        };
        matches.entry(a).or_default().push(m(b));
        matches.entry(b).or_default().push(m(a));
        let (ra, rb) = (root(&mut parent, a as usize), root(&mut parent, b as usize));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut similar: Vec<u32> = matches.keys().copied().collect();
    similar.sort_unstable();
    let mut by_root: HashMap<usize, Vec<u32>> = HashMap::new();
    for &r in &similar {
        by_root
            .entry(root(&mut parent, r as usize))
            .or_default()
            .push(r);
    }
    let mut groups: Vec<SimilarGroup> = by_root
        .into_values()
        .map(|members| {
            let mut interns: Vec<u32> = members.iter().map(|&r| rows[r as usize].0).collect();
            interns.sort_unstable();
            interns.dedup();
            SimilarGroup {
                language: rows[members[0] as usize].1,
                rows: members,
                interns,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        b.interns
            .len()
            .cmp(&a.interns.len())
            .then(b.rows.len().cmp(&a.rows.len()))
            .then(a.rows[0].cmp(&b.rows[0]))
    });
    let mut group_of: HashMap<u32, u32> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &r in &group.rows {
            group_of.insert(r, g as u32);
        }
    }
    let rows_out = similar
        .into_iter()
        .map(|r| {
            let mut m = matches.remove(&r).unwrap_or_default();
            m.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then(b.contained.total_cmp(&a.contained))
                    .then(a.row.cmp(&b.row))
            });
            (r, group_of[&r], m)
        })
        .collect();
    Expanded {
        groups,
        rows: rows_out,
        checked,
    }
}

/// The grouped result listed as the row-by-row one was, every accessor checked against it.
fn expand(s: &Similarity, rows: usize) -> Expanded {
    for r in 0..rows {
        assert_eq!(s.match_count(r), s.matches(r).len(), "row {r}");
        assert_eq!(s.is_similar(r), !s.matches(r).is_empty(), "row {r}");
    }
    Expanded {
        groups: s.groups.clone(),
        rows: s
            .rows
            .iter()
            .map(|r| (r.row, r.group, s.matches(r.row as usize)))
            .collect(),
        checked: s.checked,
    }
}

fn assert_same(rows: &[(u32, Option<Language>, &str)], options: &SimilarityOptions) -> Similarity {
    let grouped = compute_texts(rows, options);
    let want = reference(rows, options);
    let got = expand(&grouped, rows.len());
    assert_eq!(got.groups, want.groups, "groups");
    assert_eq!(got.checked, want.checked, "pairs checked");
    assert_eq!(got.rows.len(), want.rows.len(), "similar rows");
    for (g, w) in got.rows.iter().zip(&want.rows) {
        assert_eq!(g, w, "similar row");
    }
    grouped
}

fn texts(collection: &Collection) -> Vec<(u32, Option<Language>, &str)> {
    collection
        .rows()
        .iter()
        .map(|row| {
            let text = row.resolve(collection).map_or("", |(_, t)| t.text.as_str());
            (row.intern, row.language, text)
        })
        .collect()
}

const SHARED: &str = "Deployed the sample web application on Amazon ECS with an Application Load Balancer and checked the target group health";

#[test]
fn identical_copies_give_the_matches_they_gave_row_by_row() {
    let en = Some(Language::En);
    let vi = Some(Language::Vi);
    let edited = SHARED.replace("sample", "demo");
    let longer = format!("{SHARED} then wrote down the steps for the team");
    let mut rows: Vec<(u32, Option<Language>, &str)> = Vec::new();
    // Eight interns with the very same row, one of them twice; case and punctuation aside.
    for intern in 0..8 {
        rows.push((intern, en, SHARED));
    }
    rows.push((3, en, SHARED));
    rows.push((9, en, "DEPLOYED the sample web application on Amazon ECS, with an Application Load Balancer and checked the target group health!"));
    // The same words in Vietnamese pages: another language, never a match of the English.
    rows.push((1, vi, SHARED));
    rows.push((2, vi, SHARED));
    // One intern's row twice only: not copied.
    rows.push((
        10,
        en,
        "Wrote unit tests for the order service and fixed the failing date parsing helper",
    ));
    rows.push((
        10,
        en,
        "Wrote unit tests for the order service and fixed the failing date parsing helper",
    ));
    // One intern's identical rows linked to another's edit: all connected through it.
    rows.push((11, en, edited.as_str()));
    rows.push((11, en, edited.as_str()));
    rows.push((12, en, longer.as_str()));
    rows.push((13, en, "Too short to compare"));
    let s = assert_same(&rows, &SimilarityOptions::default());
    // Row 0: the other seven interns' copies (intern 3 twice), the restyled one, all at 1.0,
    // then the edit (twice) and the longer row.
    let m = s.matches(0);
    assert_eq!(
        m.iter().map(|m| m.row).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15, 16]
    );
    assert!(m[..9].iter().all(|m| m.score == 1.0 && m.contained == 1.0));
    let m3: Vec<u32> = s.matches(3).iter().map(|m| m.row).collect();
    assert_eq!(m3.len(), 11, "{m3:?}");
    assert!(!m3.contains(&8), "intern 3's own other copy is not a match");
    assert_eq!(s.groups.len(), 2, "{s:?}");
    assert_eq!(s.groups[0].rows, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 14, 15, 16]);
    assert_eq!(s.groups[1].rows, [10, 11]);
    assert!(!s.is_similar(12) && !s.is_similar(13) && !s.is_similar(17));
    // The copies are one class each (English, Vietnamese, the edit, the longer row): the
    // result holds each distinct row once.
    assert_eq!(s.classes.len(), 4, "{:?}", s.classes);
}

#[test]
fn a_class_of_one_intern_links_only_through_others() {
    let en = Some(Language::En);
    let edited = SHARED.replace("checked", "verified");
    // Intern 0 wrote it three times, intern 1 an edit twice, intern 0 the edit once too.
    let rows = [
        (0, en, SHARED),
        (0, en, SHARED),
        (0, en, SHARED),
        (1, en, edited.as_str()),
        (1, en, edited.as_str()),
        (0, en, edited.as_str()),
    ];
    let s = assert_same(&rows, &SimilarityOptions::default());
    assert_eq!(
        s.matches(5).len(),
        2,
        "the edit of intern 0 matches intern 1's two"
    );
}

/// Rows drawn from a few sentences, lightly edited, by a few interns in three languages: many
/// identical copies, near copies and unrelated rows.
fn row_strategy() -> impl Strategy<Value = (u32, u8, usize, usize, usize)> {
    (0u32..6, 0u8..3, 0usize..5, 0usize..4, 0usize..24)
}

const BASES: [&str; 5] = [
    SHARED,
    "Configured an S3 bucket policy so that only the reporting role could read the exported billing files",
    "Read the FCJ internship rules and took notes on the working hours and the reporting schedule",
    "Created a VPC with two public subnets and two private subnets and a NAT gateway for the private ones",
    "Team meeting about the workshop",
];
const WORDS: [&str; 4] = ["demo", "lab", "carefully", "AWS"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn grouped_equals_row_by_row_on_random_rows(
        spec in prop::collection::vec(row_strategy(), 0..60),
        threshold in prop_oneof![Just(0.5f32), Just(0.3), Just(1.1)],
    ) {
        let texts: Vec<String> = spec
            .iter()
            .map(|&(_, _, base, edit, at)| {
                let mut words: Vec<&str> = BASES[base].split(' ').collect();
                let at = at % words.len();
                match edit {
                    0 => {}
                    1 => words[at] = WORDS[at % WORDS.len()],
                    2 => {
                        words.remove(at);
                    }
                    _ => words.insert(at, WORDS[at % WORDS.len()]),
                }
                words.join(" ")
            })
            .collect();
        let rows: Vec<(u32, Option<Language>, &str)> = spec
            .iter()
            .zip(&texts)
            .map(|(&(intern, language, ..), text)| {
                let language = [None, Some(Language::En), Some(Language::Vi)][language as usize];
                (intern, language, text.as_str())
            })
            .collect();
        let options = SimilarityOptions { threshold, ..SimilarityOptions::default() };
        assert_same(&rows, &options);
    }
}

/// The real pages, once and repeated under `copies` sets of interns.
fn on_shared(copies: usize, test: &str) {
    let Some(shared) =
        shared::shared_path("corpus", test).and_then(|p| p.parent().map(Path::to_path_buf))
    else {
        return;
    };
    let collection = shared_pages::load(&shared, copies);
    let rows = texts(&collection);
    let s = assert_same(&rows, &SimilarityOptions::default());
    assert!(!s.rows.is_empty());
}

#[test]
fn grouped_equals_row_by_row_on_the_shared_pages() {
    on_shared(1, "grouped_equals_row_by_row_on_the_shared_pages");
}

#[test]
fn grouped_equals_row_by_row_on_the_shared_pages_repeated() {
    on_shared(6, "grouped_equals_row_by_row_on_the_shared_pages_repeated");
}
