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
//! Rows with the very same words (the same shingle set, same language) are compared once, as
//! one [`SimilarClass`], and keep their matches as links between classes: a cohort where each
//! row is copied by N interns costs memory in the rows and the similar pairs of distinct rows,
//! not in the N² pairs of rows (listed on demand).
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarRow {
    /// Index into [`Collection::rows`].
    pub row: u32,
    /// Index into [`Similarity::groups`].
    pub group: u32,
    /// Index into [`Similarity::classes`]: the rows with this row's very words.
    pub class: u32,
    /// How many other interns' rows are directly similar to this one
    /// (`Similarity::matches(row).len()`).
    pub matches: u32,
}

/// Rows of one language with the same shingle set (the same words in the same order, case and
/// punctuation aside): compared once, their matches shared. A row copied by fifty interns is
/// one class of fifty rows, not fifty rows with forty-nine matches each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimilarClass {
    /// (row index into [`Collection::rows`], intern index) of its rows, in row order.
    pub rows: Vec<(u32, u32)>,
    /// The classes similar to this one, by class index; this class itself among them when
    /// its rows are several interns'. Every row of a linked class written by another intern
    /// than a row is a match of that row, with the link's scores.
    pub links: Vec<ClassLink>,
}

/// A class similar to another, with the scores every pair of their rows shares.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClassLink {
    /// Index into [`Similarity::classes`].
    pub class: u32,
    /// As [`Match::score`].
    pub score: f32,
    /// As [`Match::contained`].
    pub contained: f32,
}

/// The similar rows of a collection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Largest first (most interns, then most rows).
    pub groups: Vec<SimilarGroup>,
    /// Every similar row, by row index.
    pub rows: Vec<SimilarRow>,
    /// The classes of the similar rows and of their matches.
    #[serde(default)]
    pub classes: Vec<SimilarClass>,
    /// Candidate pairs of rows the LSH step proposed and the exact check decided (the rows of
    /// two classes are checked as one pair).
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

    /// Other interns' rows similar to `row`, best first (highest score, then containment,
    /// then row order; empty when none).
    pub fn matches(&self, row: usize) -> Vec<Match> {
        let Some(similar) = self.find(row) else {
            return Vec::new();
        };
        let Some(class) = self.classes.get(similar.class as usize) else {
            return Vec::new();
        };
        let Some(intern) = class
            .rows
            .binary_search_by_key(&similar.row, |&(r, _)| r)
            .ok()
            .map(|i| class.rows[i].1)
        else {
            return Vec::new();
        };
        let mut out: Vec<Match> = Vec::with_capacity(similar.matches as usize);
        for link in &class.links {
            let Some(other) = self.classes.get(link.class as usize) else {
                continue;
            };
            out.extend(
                other
                    .rows
                    .iter()
                    .filter(|&&(_, i)| i != intern)
                    .map(|&(row, _)| Match {
                        row,
                        score: link.score,
                        contained: link.contained,
                    }),
            );
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.contained.total_cmp(&a.contained))
                .then(a.row.cmp(&b.row))
        });
        out
    }

    /// How many rows [`Similarity::matches`] lists for `row`, without listing them.
    pub fn match_count(&self, row: usize) -> usize {
        self.find(row).map_or(0, |r| r.matches as usize)
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

/// Join the sets of `a` and `b` (the smaller root stays).
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// The number that stands for a language in the band keys.
fn language_code(language: Option<Language>) -> u64 {
    match language {
        None => 0,
        Some(Language::En) => 1,
        Some(Language::Vi) => 2,
    }
}

/// The LSH band keys of a shingle set (as [`shingles`] gives it) of a row in `language`: one
/// key per band, the band and the language mixed in, so two rows are candidates when they
/// share a key.
pub fn band_keys(set: &[u64], language: Option<Language>, options: &SimilarityOptions) -> Vec<u64> {
    let hashes = (options.bands * options.band_rows).max(1);
    let seeds: Vec<u64> = (0..hashes as u64).map(|i| mix(i + 1)).collect();
    let mut signature = vec![u64::MAX; hashes];
    for &s in set {
        for (slot, &seed) in signature.iter_mut().zip(&seeds) {
            let h = mix(s ^ seed);
            if h < *slot {
                *slot = h;
            }
        }
    }
    let language = language_code(language);
    signature
        .chunks(options.band_rows.max(1))
        .enumerate()
        .map(|(band, values)| {
            values
                .iter()
                .fold(mix(band as u64 ^ (language << 32)), |h, &v| mix(h ^ v))
        })
        .collect()
}

/// A bucket (rows sharing a band key) of more classes than this is not compared pairwise:
/// each of its classes, in an order drawn from the key, is compared with the next
/// [`BUCKET_WINDOW`] only. Rows with the very same words are one class, so this takes
/// thousands of different rows all alike (no real cohort has them; the corpus repeated under
/// 51 interns has buckets of at most a few classes); until then the result is exact.
pub const BUCKET_CAP: usize = 256;
/// See [`BUCKET_CAP`].
pub const BUCKET_WINDOW: usize = BUCKET_CAP / 2;

/// Rows of one language with the same shingle set, while computing.
struct Class {
    /// Row indices, in row order.
    rows: Vec<u32>,
    /// (intern, how many of the rows are that intern's), by intern: a class's *cells*.
    interns: Vec<(u32, u32)>,
}

impl Class {
    /// How many of its rows are `intern`'s.
    fn count_of(&self, intern: u32) -> u64 {
        self.interns
            .binary_search_by_key(&intern, |&(i, _)| i)
            .map_or(0, |i| u64::from(self.interns[i].1))
    }

    /// Pairs of its rows written by two different interns.
    fn pairs_within(&self) -> u64 {
        let n = self.rows.len() as u64;
        let same: u64 = self.interns.iter().map(|&(_, k)| u64::from(k).pow(2)).sum();
        (n * n - same) / 2
    }

    /// Pairs of a row of it and a row of `other` written by two different interns.
    fn pairs_with(&self, other: &Class) -> u64 {
        let all = self.rows.len() as u64 * other.rows.len() as u64;
        let same: u64 = self
            .interns
            .iter()
            .map(|&(i, k)| u64::from(k) * other.count_of(i))
            .sum();
        all - same
    }
}

/// The similarity of rows given as (intern, language, text), indexed as given.
///
/// Rows with the same shingle set in the same language are one [`SimilarClass`]: they have
/// the same band keys (so the same candidates) and the same scores against any row, so each
/// candidate pair of classes is checked once and their rows share the result. Memory and time
/// grow with the distinct rows and the similar pairs of classes, not with the pairs of rows (a
/// row copied by N interns is N² − N matches, listed on demand by [`Similarity::matches`]).
/// The result is what comparing every candidate pair of rows gives, unless a bucket holds more
/// than [`BUCKET_CAP`] classes.
pub fn compute_texts(
    rows: &[(u32, Option<Language>, &str)],
    options: &SimilarityOptions,
) -> Similarity {
    // Classes: rows of one language with the same shingle set, in order of their first row.
    let mut index: HashMap<(u64, Vec<u64>), u32> = HashMap::new();
    let mut classes: Vec<Class> = Vec::new();
    for (r, &(_, language, text)) in rows.iter().enumerate() {
        let Some(set) = shingles(text, options) else {
            continue;
        };
        let next = classes.len() as u32;
        let c = *index.entry((language_code(language), set)).or_insert(next);
        if c == next {
            classes.push(Class {
                rows: Vec::new(),
                interns: Vec::new(),
            });
        }
        classes[c as usize].rows.push(r as u32);
    }
    let mut sets: Vec<Vec<u64>> = vec![Vec::new(); classes.len()];
    for ((_, set), c) in index {
        sets[c as usize] = set;
    }
    for class in &mut classes {
        let mut interns: Vec<u32> = class.rows.iter().map(|&r| rows[r as usize].0).collect();
        interns.sort_unstable();
        class.interns = interns
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect();
    }

    // Candidates: classes sharing a band key (same language). Every (band key, class),
    // sorted: a run of one key is a bucket.
    let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(classes.len() * options.bands.max(1));
    for (c, class) in classes.iter().enumerate() {
        let language = rows[class.rows[0] as usize].1;
        keyed.extend(
            band_keys(&sets[c], language, options)
                .into_iter()
                .map(|key| (key, c as u32)),
        );
    }
    keyed.sort_unstable();
    let pair = |a: u32, b: u32| (u64::from(a.min(b)) << 32) | u64::from(a.max(b));
    let mut pairs: Vec<u64> = Vec::new();
    for bucket in keyed.chunk_by(|x, y| x.0 == y.0).filter(|b| b.len() > 1) {
        if bucket.len() <= BUCKET_CAP {
            for (i, &(_, a)) in bucket.iter().enumerate() {
                for &(_, b) in &bucket[i + 1..] {
                    if a != b {
                        pairs.push(pair(a, b));
                    }
                }
            }
        } else {
            // An order drawn from the key: (hash, class) in one number, sorted.
            let key = bucket[0].0;
            let mut order: Vec<u64> = bucket
                .iter()
                .map(|&(_, c)| (mix(u64::from(c) ^ key) << 32) | u64::from(c))
                .collect();
            order.sort_unstable();
            for (i, &a) in order.iter().enumerate() {
                let a = a as u32;
                for d in 1..=BUCKET_WINDOW {
                    let b = order[(i + d) % order.len()] as u32;
                    if a != b {
                        pairs.push(pair(a, b));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();

    // Check each candidate on the exact shingle sets: the rows of one class with each other
    // (all of them candidates: they share every band), and each candidate pair of classes.
    // Only pairs of rows of two different interns count.
    let similar_sets = |a: &[u64], b: &[u64]| {
        let (score, contained) = overlap(a, b);
        let contains = contained >= options.containment
            && a.len().min(b.len()) >= options.min_contained_shingles;
        (score >= options.threshold || contains).then_some((score, contained))
    };
    let mut links: Vec<Vec<ClassLink>> = vec![Vec::new(); classes.len()];
    // A cell is a class's rows of one intern (they have the same matches); the rows of two
    // cells of different interns in linked classes are all similar pairs, so the groups are
    // the connected cells.
    let mut cell_base: Vec<usize> = Vec::with_capacity(classes.len());
    let mut cells = 0;
    for class in &classes {
        cell_base.push(cells);
        cells += class.interns.len();
    }
    let mut parent: Vec<usize> = (0..cells).collect();
    let mut checked: u64 = 0;
    for (c, class) in classes.iter().enumerate() {
        let within = class.pairs_within();
        if within == 0 {
            continue;
        }
        checked += within;
        if let Some((score, contained)) = similar_sets(&sets[c], &sets[c]) {
            links[c].push(ClassLink {
                class: c as u32,
                score,
                contained,
            });
            for cell in 1..class.interns.len() {
                union(&mut parent, cell_base[c], cell_base[c] + cell);
            }
        }
    }
    for pair in pairs {
        let (a, b) = ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize);
        let across = classes[a].pairs_with(&classes[b]);
        if across == 0 {
            continue;
        }
        checked += across;
        let Some((score, contained)) = similar_sets(&sets[a], &sets[b]) else {
            continue;
        };
        for (x, y) in [(a, b), (b, a)] {
            links[x].push(ClassLink {
                class: y as u32,
                score,
                contained,
            });
        }
        for (i, &(intern_a, _)) in classes[a].interns.iter().enumerate() {
            for (j, &(intern_b, _)) in classes[b].interns.iter().enumerate() {
                if intern_a != intern_b {
                    union(&mut parent, cell_base[a] + i, cell_base[b] + j);
                }
            }
        }
    }
    drop(sets);

    // The similar rows: those with a match. Per cell its class and number of matches (the
    // same for each of its rows), per row its cell when it has matches.
    let mut cell_class: Vec<u32> = vec![0; cells];
    let mut cell_matches: Vec<u32> = vec![0; cells];
    let mut row_cell: Vec<u32> = vec![u32::MAX; rows.len()];
    for (c, class) in classes.iter().enumerate() {
        if links[c].is_empty() {
            continue;
        }
        for (k, &(intern, _)) in class.interns.iter().enumerate() {
            let count: u64 = links[c]
                .iter()
                .map(|l| {
                    let other = &classes[l.class as usize];
                    other.rows.len() as u64 - other.count_of(intern)
                })
                .sum();
            cell_class[cell_base[c] + k] = c as u32;
            cell_matches[cell_base[c] + k] = u32::try_from(count).unwrap_or(u32::MAX);
        }
        for &r in &class.rows {
            let intern = rows[r as usize].0;
            let k = class
                .interns
                .binary_search_by_key(&intern, |&(i, _)| i)
                .unwrap_or_default();
            if cell_matches[cell_base[c] + k] > 0 {
                row_cell[r as usize] = (cell_base[c] + k) as u32;
            }
        }
    }
    let similar: Vec<(u32, usize)> = row_cell
        .iter()
        .enumerate()
        .filter(|&(_, &cell)| cell != u32::MAX)
        .map(|(r, &cell)| (r as u32, cell as usize))
        .collect();

    // Groups: the connected rows, largest first.
    let mut by_root: HashMap<usize, Vec<u32>> = HashMap::new();
    for &(r, cell) in &similar {
        by_root.entry(root(&mut parent, cell)).or_default().push(r);
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

    // The classes kept: those with links (the similar rows' and their matches').
    let mut kept: Vec<u32> = vec![u32::MAX; classes.len()];
    let mut out_classes: Vec<SimilarClass> = Vec::new();
    for (c, class) in classes.iter().enumerate() {
        if !links[c].is_empty() {
            kept[c] = out_classes.len() as u32;
            out_classes.push(SimilarClass {
                rows: class
                    .rows
                    .iter()
                    .map(|&r| (r, rows[r as usize].0))
                    .collect(),
                links: Vec::new(),
            });
        }
    }
    for (c, class_links) in links.into_iter().enumerate() {
        if kept[c] == u32::MAX {
            continue;
        }
        // In the order found (itself first, then by class): `matches` sorts what it lists.
        out_classes[kept[c] as usize].links = class_links
            .into_iter()
            .map(|l| ClassLink {
                class: kept[l.class as usize],
                ..l
            })
            .collect();
    }
    let rows_out = similar
        .into_iter()
        .map(|(row, cell)| SimilarRow {
            row,
            group: group_of[&row],
            class: kept[cell_class[cell] as usize],
            matches: cell_matches[cell],
        })
        .collect();
    Similarity {
        groups,
        rows: rows_out,
        classes: out_classes,
        checked: u32::try_from(checked).unwrap_or(u32::MAX),
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
