//! [`Matcher`]: a [`Filter`] compiled once, then run over many tasks or rows.

use chrono::NaiveDate;

use super::{page_weeks, path_within, task_span, Filter, SimilarRows, WeekRange};
use crate::collection::{Collection, Row};
use crate::model::{Language, Page, Task};
use crate::similar::Similarity;

/// Lower-case ASCII slug of a name: `Security, Identity & Compliance` →
/// `security-identity-compliance`. Category names in URLs use it.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// Compare a name with a slug ignoring case and punctuation, without allocating: only the
/// alphanumeric characters count (`Security, Identity & Compliance` == `security-identity-compliance`).
pub(super) fn loose_eq(name: &str, slug: &str) -> bool {
    let mut a = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut b = slug
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// What the filter needs from the service catalogue, in one place.
pub(super) mod catalogue_view {
    use crate::services::{catalogue, Category};

    /// The parent of an entry (`security-group` → `vpc`). Tasks already carry their
    /// entries' ancestors (`services::annotate`); this covers pages built by other means.
    pub fn parent(id: &str) -> Option<&'static str> {
        catalogue().get(id).and_then(|e| e.parent)
    }

    /// The category of an entry.
    pub fn category(id: &str) -> Option<&'static Category> {
        catalogue().category_of(id)
    }
}

/// Selected ids plus every catalogue entry below one of them, sorted and deduplicated.
fn expand_services(selected: &[String]) -> Vec<String> {
    let catalogue = crate::services::catalogue();
    let mut ids: Vec<String> = selected.to_vec();
    for entry in catalogue.entries() {
        let mut at = entry.parent;
        // Bounded walk up the parent chain (the catalogue is a tree; the bound guards data).
        for _ in 0..8 {
            let Some(parent) = at else { break };
            if selected.iter().any(|s| s == parent) {
                ids.push(entry.id.to_string());
                break;
            }
            at = catalogue.get(parent).and_then(|p| p.parent);
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Catalogue ids whose category is one of `selected` (slugs, or names compared loosely).
fn category_members(selected: &[String]) -> Vec<&'static str> {
    let catalogue = crate::services::catalogue();
    let mut ids: Vec<&'static str> = catalogue
        .entries()
        .iter()
        .filter(|e| {
            catalogue.category(e.category).is_some_and(|cat| {
                selected
                    .iter()
                    .any(|c| c == cat.id || loose_eq(cat.name, c))
            })
        })
        .map(|e| e.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The category of a service id from the catalogue: what category filters and facets use
/// (`id` is the slug that goes into the URL, `name` what people read).
pub fn service_category(id: &str) -> Option<&'static crate::services::Category> {
    catalogue_view::category(id)
}

/// The parent service of a feature id (`security-group` → `ec2`), if it is a feature.
pub fn service_parent(id: &str) -> Option<&'static str> {
    catalogue_view::parent(id)
}

/// A compiled [`Filter`]: everything per-task is a comparison or a SIMD-accelerated search,
/// never an allocation.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Selected service ids plus every catalogue entry under them (features of a selected
    /// service), sorted for binary search; `None` when services do not filter.
    service_ids: Option<Vec<String>>,
    /// Catalogue ids of the selected categories, sorted; `None` when categories do not filter.
    category_ids: Option<Vec<&'static str>>,
    weeks: Vec<WeekRange>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// Search terms, each must occur.
    terms: Vec<Term>,
    language: Option<Language>,
    sources: Vec<String>,
    similar: SimilarRows,
    /// `(page, task)` of every row similar to another intern's, sorted; empty until
    /// [`Matcher::with_similarity`] (and not needed while `similar` is `show`).
    similar_rows: Vec<(u32, u32)>,
}

/// One search term, compiled.
#[derive(Debug, Clone)]
struct Term {
    /// The term lower-cased.
    lower: String,
    /// ASCII term: the term itself, found ignoring ASCII case (exact). Other terms: where a
    /// match can start, i.e. the first character in lower or upper case (ASCII letters in
    /// either case), each candidate verified by [`Term::at`].
    starts: Vec<String>,
    ascii: bool,
}

impl Term {
    fn new(lower: String) -> Option<Term> {
        let ascii = lower.is_ascii();
        let starts: Vec<String> = if ascii {
            if lower.is_empty() {
                return None;
            }
            vec![lower.clone()]
        } else {
            let first = lower.chars().next()?;
            let mut variants = vec![first.to_lowercase().collect::<String>()];
            let upper: String = first.to_uppercase().collect();
            if !variants.contains(&upper) {
                variants.push(upper);
            }
            variants
        };
        Some(Term {
            lower,
            starts,
            ascii,
        })
    }

    fn occurs_in(&self, haystack: &str) -> bool {
        let hay = haystack.as_bytes();
        let starts_here = |at: usize| {
            self.starts.iter().any(|s| {
                hay.get(at..at + s.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(s.as_bytes()))
            })
        };
        if self.ascii {
            let first = self.starts[0].as_bytes()[0];
            return (0..hay.len())
                .any(|at| hay[at].eq_ignore_ascii_case(&first) && starts_here(at));
        }
        (0..hay.len())
            .any(|at| haystack.is_char_boundary(at) && starts_here(at) && self.at(&haystack[at..]))
    }

    /// Does `text` start with the term, ignoring case?
    fn at(&self, text: &str) -> bool {
        let mut hay = text.chars().flat_map(char::to_lowercase);
        self.lower.chars().all(|c| hay.next() == Some(c))
    }
}

/// Which kinds of a [`Matcher`] a task satisfies; facets need them one by one.
#[derive(Debug, Clone, Copy)]
pub(super) struct KindMatches {
    pub service: bool,
    pub category: bool,
    pub week: bool,
    pub date: bool,
    pub text: bool,
    pub language: bool,
    pub source: bool,
    pub similar: bool,
}

impl KindMatches {
    pub fn all(&self) -> bool {
        self.service
            && self.category
            && self.week
            && self.date
            && self.text
            && self.language
            && self.source
            && self.similar
    }
}

impl Matcher {
    pub fn new(filter: &Filter) -> Self {
        let mut f = filter.clone();
        f.normalize();
        Matcher {
            service_ids: (!f.services.is_empty()).then(|| expand_services(&f.services)),
            category_ids: (!f.categories.is_empty()).then(|| category_members(&f.categories)),
            terms: f
                .text
                .split_whitespace()
                .filter_map(|t| Term::new(t.to_lowercase()))
                .collect(),
            weeks: f.weeks,
            from: f.from,
            to: f.to,
            language: f.language,
            sources: f.sources,
            similar: f.similar,
            similar_rows: Vec::new(),
        }
    }

    /// Give the matcher the similar rows of `collection` (computed over that same collection:
    /// [`Similarity`] holds row indices), which the `similar` kind needs.
    pub fn with_similarity(mut self, collection: &Collection, similarity: &Similarity) -> Self {
        let rows = collection.rows();
        let mut similar: Vec<(u32, u32)> = similarity
            .rows
            .iter()
            .filter_map(|r| rows.get(r.row as usize))
            .map(|row| (row.page, row.task))
            .collect();
        similar.sort_unstable();
        similar.dedup();
        self.similar_rows = similar;
        self
    }

    /// The similar-rows kind for task `task` of page `page` (indices into the collection's
    /// pages and that page's tasks): a row-level kind, which [`Self::matches`] and
    /// [`Self::task_matches`] (given a page, not its index) leave out.
    pub fn similar_ok(&self, page: u32, task: u32) -> bool {
        match self.similar {
            SimilarRows::Show => true,
            mode => {
                let similar = self.similar_rows.binary_search(&(page, task)).is_ok();
                similar == (mode == SimilarRows::Only)
            }
        }
    }

    /// Does `task` of `page` pass every kind of the filter (but the row-level similar kind:
    /// [`Self::similar_ok`], [`Self::row_matches`])?
    pub fn matches(&self, page: &Page, task: &Task) -> bool {
        self.page_matches(page) && self.task_matches(page, task)
    }

    /// The page-level kinds (week, language, source): lets a caller skip a whole page early.
    pub fn page_matches(&self, page: &Page) -> bool {
        self.week_ok(page) && self.language_ok(page) && self.source_ok(&page.source)
    }

    /// The task-level kinds (service, category, week, date, text), assuming the page passed.
    pub fn task_matches(&self, _page: &Page, task: &Task) -> bool {
        self.service_ok(task)
            && self.category_ok(task)
            && self.task_week_ok(task)
            && self.date_ok(task)
            && self.text_ok(task)
    }

    fn service_ok(&self, task: &Task) -> bool {
        let Some(ids) = &self.service_ids else {
            return true;
        };
        task.services
            .iter()
            .any(|s| ids.binary_search_by(|id| id.as_str().cmp(&s.id)).is_ok())
    }

    fn category_ok(&self, task: &Task) -> bool {
        let Some(ids) = &self.category_ids else {
            return true;
        };
        task.services
            .iter()
            .any(|s| ids.binary_search(&s.id.as_str()).is_ok())
    }

    /// Page level: some week of the page is wanted (a quick skip; a page covering several
    /// weeks is then narrowed task by task, [`Self::task_week_ok`]).
    fn week_ok(&self, page: &Page) -> bool {
        self.weeks.is_empty() || page_weeks(page).any(|w| self.week_wanted(w))
    }

    /// Task level: the task's own week is wanted. Tasks without one (pages parsed before
    /// tasks had weeks) are judged by their page alone.
    fn task_week_ok(&self, task: &Task) -> bool {
        self.weeks.is_empty() || task.week.is_none_or(|w| self.week_wanted(w))
    }

    fn week_wanted(&self, week: u32) -> bool {
        self.weeks.iter().any(|r| r.contains(week))
    }

    fn date_ok(&self, task: &Task) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some((start, end)) = task_span(task) else {
            return false;
        };
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }

    fn text_ok(&self, task: &Task) -> bool {
        self.terms.iter().all(|term| term.occurs_in(&task.text))
    }

    fn language_ok(&self, page: &Page) -> bool {
        self.language.is_none_or(|l| page.language == Some(l))
    }

    fn source_ok(&self, source: &str) -> bool {
        self.sources.is_empty() || self.sources.iter().any(|s| path_within(source, s))
    }

    /// The page-level kinds for page `page` of `collection`, the source kind by its intern's
    /// key or a path prefix (what [`Self::page_matches`] cannot know from the page alone).
    pub fn page_matches_in(&self, collection: &Collection, page: usize) -> bool {
        let Some(p) = collection.pages().get(page) else {
            return false;
        };
        let key = intern_key(collection, collection.intern_index(page));
        self.week_ok(p) && self.language_ok(p) && self.intern_source_ok(key, &p.source)
    }

    /// The source kind for a page of the intern keyed `key` at path `source`: the key itself
    /// (what the app's intern facet writes) or a path prefix.
    fn intern_source_ok(&self, key: &str, source: &str) -> bool {
        self.sources.is_empty()
            || self
                .sources
                .iter()
                .any(|s| s == key || path_within(source, s))
    }

    /// The week kind of a row: its own week, else (pages parsed before tasks had weeks) any
    /// of its page's.
    fn row_week_ok(&self, row: &Row, page: &Page) -> bool {
        self.weeks.is_empty()
            || match row.week {
                Some(w) => self.week_wanted(w),
                None => page_weeks(page).any(|w| self.week_wanted(w)),
            }
    }

    /// Does a row of `collection` pass every kind? The week is the row's own; the source kind
    /// accepts the row's intern key (what the app's intern facet writes) or a path prefix.
    ///
    /// The same answer as every kind of [`Self::row_kinds`], checked cheapest first and
    /// stopping at the first that fails: the row's own fields first, its task last (a filter
    /// change runs this over every row of the collection).
    pub fn row_matches(&self, collection: &Collection, row: &Row) -> bool {
        if self.language.is_some_and(|l| row.language != Some(l))
            || !self.similar_ok(row.page, row.task)
        {
            return false;
        }
        let Some(page) = collection.pages().get(row.page as usize) else {
            return false;
        };
        if !self.row_week_ok(row, page) {
            return false;
        }
        let Some(task) = page.tasks.get(row.task as usize) else {
            return false;
        };
        self.service_ok(task)
            && self.category_ok(task)
            && self.date_ok(task)
            && self.text_ok(task)
            && self.intern_source_ok(
                intern_key(collection, Some(row.intern as usize)),
                &page.source,
            )
    }

    pub(super) fn row_kinds(&self, collection: &Collection, row: &Row) -> Option<KindMatches> {
        let page = collection.pages().get(row.page as usize)?;
        let task = page.tasks.get(row.task as usize)?;
        let key = intern_key(collection, Some(row.intern as usize));
        Some(KindMatches {
            service: self.service_ok(task),
            category: self.category_ok(task),
            week: self.row_week_ok(row, page),
            date: self.date_ok(task),
            text: self.text_ok(task),
            language: self.language.is_none_or(|l| row.language == Some(l)),
            source: self.intern_source_ok(key, &page.source),
            similar: self.similar_ok(row.page, row.task),
        })
    }

    /// Whether second-language twins are folded: only while no language is chosen.
    pub fn folds_twins(&self) -> bool {
        self.language.is_none()
    }
}

/// The key of intern `index` of `collection` (`""` when there is none).
fn intern_key(collection: &Collection, index: Option<usize>) -> &str {
    index
        .and_then(|i| collection.internships().get(i))
        .map_or("", |i| i.key.as_str())
}

/// Indices into `collection.rows()` of the rows `filter` shows, in the collection's order.
/// While no language is chosen, rows of a folded language twin are left out (the same work is
/// shown once, in the first language); [`folded_rows`] counts them. The similar rows, when
/// `filter.similar` needs them, are computed: [`select_rows_with`] takes them computed.
pub fn select_rows(collection: &Collection, filter: &Filter) -> Vec<u32> {
    select_rows_with(collection, filter, None)
}

/// [`select_rows`] with the collection's similar rows already computed (`None`: computed
/// when the filter needs them).
pub fn select_rows_with(
    collection: &Collection,
    filter: &Filter,
    similarity: Option<&Similarity>,
) -> Vec<u32> {
    select_with(collection, filter, similarity).rows
}

/// What a filter selects: the rows shown and the count of those folded away.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// [`select_rows`].
    pub rows: Vec<u32>,
    /// [`folded_rows`].
    pub folded: usize,
}

/// [`select_rows_with`] and [`folded_rows_with`] in one pass over the rows, for a view that
/// shows both (the task table and its "+N in translations").
pub fn select_with(
    collection: &Collection,
    filter: &Filter,
    similarity: Option<&Similarity>,
) -> Selection {
    let matcher = filter.matcher_in(collection, similarity);
    let fold = matcher.folds_twins();
    let mut selection = Selection::default();
    for (i, row) in collection.rows().iter().enumerate() {
        if matcher.row_matches(collection, row) {
            if fold && row.twin_of.is_some() {
                selection.folded += 1;
            } else {
                selection.rows.push(i as u32);
            }
        }
    }
    selection
}

/// Rows `filter` would show but that are folded away as a language twin's (0 once a language
/// is chosen): what a "+N in the other language" note counts.
pub fn folded_rows(collection: &Collection, filter: &Filter) -> usize {
    folded_rows_with(collection, filter, None)
}

/// [`folded_rows`] with the collection's similar rows already computed.
pub fn folded_rows_with(
    collection: &Collection,
    filter: &Filter,
    similarity: Option<&Similarity>,
) -> usize {
    select_with(collection, filter, similarity).folded
}
