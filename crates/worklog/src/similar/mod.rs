//! Similar rows: task rows written near-verbatim by several interns.
//!
//! Interns copy: from a shared guide, from the template, from each other. A row is **similar**
//! when another intern has a row in the same language whose words are nearly the same — a word
//! changed, added or dropped, punctuation or case changed. Nothing here knows any template or
//! guide text: the evidence is only that two interns wrote the same thing.
//!
//! How (all in this module, no dependency):
//! 1. **Words**: a row's task text, lower-cased, split on anything that is not a letter or a
//!    digit. Rows of fewer than [`SimilarityOptions::min_words`] words are left out: "Team
//!    meeting" or "Learn EC2" written by two interns is a coincidence, not a copy.
//! 2. **Shingles**: every run of [`SimilarityOptions::shingle_words`] consecutive words, hashed.
//! 3. **MinHash + LSH**: a signature of `bands × band_rows` minimum hashes per row; rows that
//!    agree on a whole band (same language) are candidates. With 32 bands of 2, a pair whose
//!    shingle sets have a Jaccard index of 0.5 is a candidate with probability 0.9999, of 0.3
//!    with 0.95, of 0.2 with 0.73.
//! 4. **Check**, on the exact shingle sets of a candidate pair of two different interns: it is
//!    similar when their Jaccard index reaches [`SimilarityOptions::threshold`] (the same
//!    words, small edits), or when nearly all of the shorter row is in the longer one
//!    ([`SimilarityOptions::containment`], a row copied and then added to) and the shorter row
//!    is long enough for that to be no coincidence
//!    ([`SimilarityOptions::min_contained_shingles`]).
//!
//! Groups are the connected pairs (a row copied by five interns is one group of five rows).
//! Per row, [`Similarity::matches`] lists the other interns' rows directly similar to it, best
//! first, for a side-by-side view; [`diff::diff_words`] highlights the differences.
//!
//! Rows are addressed by their index in [`Collection::rows`].

pub mod diff;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::collection::Collection;
use crate::model::Language;

pub use diff::{diff_words, DiffSpan, WordDiff};

/// Tuning of [`Similarity::compute`]; the defaults are the measured ones (`docs/cohort.md`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SimilarityOptions {
    /// Words per shingle.
    pub shingle_words: usize,
    /// Rows with fewer words are not compared.
    pub min_words: usize,
    /// Least Jaccard index of two rows' shingle sets for them to be similar.
    pub threshold: f32,
    /// Least share of the shorter row's shingles found in the longer row for them to be
    /// similar (when the Jaccard index is lower).
    pub containment: f32,
    /// The shorter row needs this many shingles for containment to count.
    pub min_contained_shingles: usize,
    pub bands: usize,
    pub band_rows: usize,
}

impl Default for SimilarityOptions {
    fn default() -> Self {
        SimilarityOptions {
            shingle_words: 3,
            min_words: 6,
            threshold: 0.5,
            containment: 0.8,
            min_contained_shingles: 6,
            bands: 32,
            band_rows: 2,
        }
    }
}

/// Another intern's row similar to a row.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// Index into [`Collection::rows`].
    pub row: u32,
    /// Jaccard index of the two rows' shingle sets (1 = the same words in the same order).
    pub score: f32,
    /// Share of the shorter row's shingles found in the other row (1 = all of it).
    pub contained: f32,
}

/// Rows shared by several interns: connected similar pairs, of one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarGroup {
    pub language: Option<Language>,
    /// Indices into [`Collection::rows`], in row order.
    pub rows: Vec<u32>,
    /// Intern indices (into [`Collection::internships`]), sorted; at least two.
    pub interns: Vec<u32>,
}

/// A row that is similar to other interns' rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarRow {
    /// Index into [`Collection::rows`].
    pub row: u32,
    /// Index into [`Similarity::groups`].
    pub group: u32,
    /// Other interns' rows directly similar to this one, best first.
    pub matches: Vec<Match>,
}

/// The similar rows of a collection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Largest first (most interns, then most rows).
    pub groups: Vec<SimilarGroup>,
    /// Every similar row, by row index.
    pub rows: Vec<SimilarRow>,
    /// Candidate pairs the LSH step proposed and the exact check looked at.
    #[serde(default)]
    pub checked: u32,
}

impl Similarity {
    /// Similar rows of `collection` with the default options.
    pub fn compute(collection: &Collection) -> Similarity {
        Self::compute_with(collection, &SimilarityOptions::default())
    }

    pub fn compute_with(collection: &Collection, options: &SimilarityOptions) -> Similarity {
        let pages = collection.pages();
        let texts: Vec<(u32, Option<Language>, &str)> = collection
            .rows()
            .iter()
            .map(|row| {
                let text = pages
                    .get(row.page as usize)
                    .and_then(|p| p.tasks.get(row.task as usize))
                    .map_or("", |t| t.text.as_str());
                (row.intern, row.language, text)
            })
            .collect();
        compute_texts(&texts, options)
    }

    /// Is this row (index into [`Collection::rows`]) similar to another intern's?
    pub fn is_similar(&self, row: usize) -> bool {
        self.find(row).is_some()
    }

    /// Other interns' rows similar to `row`, best first (empty when none).
    pub fn matches(&self, row: usize) -> &[Match] {
        self.find(row).map_or(&[], |r| r.matches.as_slice())
    }

    /// The group `row` belongs to.
    pub fn group_of(&self, row: usize) -> Option<&SimilarGroup> {
        self.find(row)
            .and_then(|r| self.groups.get(r.group as usize))
    }

    fn find(&self, row: usize) -> Option<&SimilarRow> {
        let row = u32::try_from(row).ok()?;
        self.rows
            .binary_search_by_key(&row, |r| r.row)
            .ok()
            .map(|i| &self.rows[i])
    }
}

/// 64-bit mixer (splitmix64's finaliser): spreads the bits of a hash.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a of a word's lower-case letters and digits.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            in_word = true;
        } else if in_word {
            out.push(h);
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
    out
}

/// The sorted, distinct shingle hashes of a text; `None` when it has too few words.
pub fn shingles(text: &str, options: &SimilarityOptions) -> Option<Vec<u64>> {
    let words = word_hashes(text);
    if words.len() < options.min_words.max(1) {
        return None;
    }
    let k = options.shingle_words.clamp(1, words.len());
    let mut out: Vec<u64> = words
        .windows(k)
        .map(|w| w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, &x| mix(h ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// Jaccard index of two sorted, distinct sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    overlap(a, b).0
}

/// Share of the smaller of two sorted, distinct sets found in the other.
pub fn containment(a: &[u64], b: &[u64]) -> f32 {
    overlap(a, b).1
}

/// (Jaccard index, containment of the smaller set) of two sorted, distinct sets.
fn overlap(a: &[u64], b: &[u64]) -> (f32, f32) {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        return (0.0, 0.0);
    }
    (
        common as f32 / union as f32,
        common as f32 / a.len().min(b.len()).max(1) as f32,
    )
}

/// Union-find with path halving.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The similarity of rows given as (intern, language, text), indexed as given.
pub fn compute_texts(
    rows: &[(u32, Option<Language>, &str)],
    options: &SimilarityOptions,
) -> Similarity {
    let hashes = (options.bands * options.band_rows).max(1);
    let seeds: Vec<u64> = (0..hashes as u64).map(|i| mix(i + 1)).collect();
    let sets: Vec<Option<Vec<u64>>> = rows
        .iter()
        .map(|(_, _, text)| shingles(text, options))
        .collect();

    // Candidates: rows agreeing on a whole band, of the same language, of different interns.
    // Every (band key, row), sorted: a run of one key is a bucket.
    let band_rows = options.band_rows.max(1);
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(rows.len() * options.bands.max(1));
    let mut signature = vec![0u64; hashes];
    for (r, set) in sets.iter().enumerate() {
        let Some(set) = set else { continue };
        signature.fill(u64::MAX);
        for &s in set {
            for (slot, &seed) in signature.iter_mut().zip(&seeds) {
                let h = mix(s ^ seed);
                if h < *slot {
                    *slot = h;
                }
            }
        }
        let language = match rows[r].1 {
            None => 0u64,
            Some(Language::En) => 1,
            Some(Language::Vi) => 2,
        };
        for (band, values) in signature.chunks(band_rows).enumerate() {
            let key = values
                .iter()
                .fold(mix(band as u64 ^ (language << 32)), |h, &v| mix(h ^ v));
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

    // Check each candidate on the exact shingle sets.
    let mut matches: HashMap<u32, Vec<Match>> = HashMap::new();
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    let checked = u32::try_from(pairs.len()).unwrap_or(u32::MAX);
    for pair in pairs {
        let (a, b) = ((pair >> 32) as u32, pair as u32);
        let (Some(sa), Some(sb)) = (&sets[a as usize], &sets[b as usize]) else {
            continue;
        };
        let (score, contained) = overlap(sa, sb);
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

    // Groups: the connected rows, largest first.
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
            SimilarRow {
                row: r,
                group: group_of[&r],
                matches: m,
            }
        })
        .collect();
    Similarity {
        groups,
        rows: rows_out,
        checked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHARED: &str = "Deployed the sample web application on Amazon ECS with an Application Load Balancer and checked the target group health";

    fn run(rows: &[(u32, Option<Language>, &str)]) -> Similarity {
        compute_texts(rows, &SimilarityOptions::default())
    }

    #[test]
    fn small_edits_still_match_and_other_rows_do_not() {
        let en = Some(Language::En);
        let edited = SHARED.replace("sample", "demo");
        let dropped = SHARED.replace(" and checked the target group health", "");
        let other_half = "Deployed the sample web application on Amazon ECS after fixing the broken Dockerfile from last week";
        let rows = [
            (0, en, SHARED),
            (1, en, edited.as_str()),
            (2, en, "deployed the SAMPLE web application on Amazon ECS, with an Application Load Balancer; and checked the target group health."),
            (3, en, dropped.as_str()),
            (7, en, other_half),
            (4, en, "Configured an S3 bucket policy so that only the reporting role could read the exported billing files"),
            (5, en, "Team meeting"),
            (5, en, "Team meeting"),
            // The same text by the same intern twice is not "several interns".
            (6, en, "Wrote unit tests for the order service and fixed the failing date parsing helper"),
            (6, en, "Wrote unit tests for the order service and fixed the failing date parsing helper"),
        ];
        let s = run(&rows);
        assert_eq!(s.groups.len(), 1, "{s:?}");
        // A clause dropped is still a copy; the same opening with another ending is not.
        assert_eq!(s.groups[0].rows, [0, 1, 2, 3]);
        assert_eq!(s.groups[0].interns, [0, 1, 2, 3]);
        assert!(s.is_similar(1));
        assert!(!s.is_similar(4), "the same opening, another task");
        assert!(!s.is_similar(6) && !s.is_similar(8) && !s.is_similar(9));
        let m = s.matches(0);
        assert_eq!(m[0].row, 2);
        assert!((m[0].score - 1.0).abs() < 1e-6);
        assert_eq!(s.group_of(2).map(|g| g.rows.len()), Some(4));
    }

    #[test]
    fn languages_are_compared_apart() {
        let rows = [
            (0, Some(Language::En), SHARED),
            (1, Some(Language::Vi), SHARED),
            (2, None, SHARED),
        ];
        assert!(run(&rows).groups.is_empty());
    }

    #[test]
    fn shingles_and_jaccard() {
        let o = SimilarityOptions::default();
        assert!(shingles("Team meeting today", &o).is_none());
        let a = shingles("one two three four five six seven", &o).expect("7 words");
        assert_eq!(a.len(), 5);
        let b = shingles("ONE two three, four five six seven!", &o).expect("7 words");
        assert_eq!(jaccard(&a, &b), 1.0);
        let c = shingles("one two three four five six eight", &o).expect("7 words");
        assert!((jaccard(&a, &c) - 4.0 / 6.0).abs() < 1e-6);
        // Letters of any script are words.
        assert_eq!(word_hashes("Tìm hiểu về Amazon S3").len(), 5);
    }
}
