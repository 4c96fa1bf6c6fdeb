//! Application state: what is loaded, and the screen (a [`ViewState`] mirrored in the URL).
//!
//! Only sources and pages are stored; the collection, the filtered rows and the facet counts
//! are derived with `Memo`s so that they are computed once per change and never disagree.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;
use worklog::collection::WeekEntry;
use worklog::query::{self, Facets, Filter, ViewState};
use worklog::{Collection, Page, Task};

use crate::url;

/// An `Arc` compared by identity, so a `Memo` holding a big value does not deep-compare it
/// on every recomputation (a new value is always a change).
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Identifier of one loaded source (a URL, the demo, a set of opened files, a paste).
pub type SourceId = u32;

/// Where a source came from; decides how it is restored after a reload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    /// The bundled `worklogs/index.json`, loaded when no `src` is given.
    Demo,
    /// A `src` URL parameter; restored from the URL itself.
    Url(String),
    /// Files, a folder, a drop or a paste; restored from IndexedDB under this key.
    Local(String),
}

/// One loaded source as the sources list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub id: SourceId,
    pub kind: SourceKind,
    pub label: String,
    /// Pages parsed from it.
    pub pages: usize,
    /// Files ignored (not markdown, outside a Hugo `content/` folder, hidden folders).
    pub skipped: usize,
    /// Problems that stopped some or all of it from loading (HTTP status, CORS, unreadable file).
    pub errors: Vec<String>,
    /// Still fetching or parsing.
    pub loading: bool,
}

/// One parsed page with what the app needs beside the model.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub source: SourceId,
    pub page: Page,
    /// The raw bytes, for the source lines shown next to diagnostics.
    pub bytes: Arc<[u8]>,
}

/// Progress of the parse currently running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// A task addressed by page index (in [`Collection::pages`]) and task index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaskRef {
    pub page: u32,
    pub task: u32,
}

impl TaskRef {
    pub fn resolve<'a>(&self, collection: &'a Collection) -> Option<(&'a Page, &'a Task)> {
        let page = collection.pages().get(self.page as usize)?;
        let task = page.tasks.get(self.task as usize)?;
        Some((page, task))
    }
}

/// The whole app state, `Copy` so every component and closure can hold it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The screen: view, filter, sort, grouping, lanes and `src` list; mirrored in the URL.
    pub vs: RwSignal<ViewState>,
    pub sources: RwSignal<Vec<SourceInfo>>,
    pub loaded: RwSignal<Shared<Vec<Loaded>>>,
    pub progress: RwSignal<Option<Progress>>,
    /// Progress of the downloads in flight (URL sources).
    pub fetching: RwSignal<Option<Progress>>,
    /// The initial load has finished (tests wait for it through `body[data-ready]`).
    pub ready: RwSignal<bool>,
    /// The task opened in the detail panel.
    pub selected: RwSignal<Option<TaskRef>>,
    pub next_source: StoredValue<SourceId>,
    pub collection: Memo<Shared<Collection>>,
    /// For each collection page, its index in `loaded` (the collection may reorder pages).
    pub origin: Memo<Shared<Vec<Option<usize>>>>,
    pub filter: Memo<Filter>,
    /// Matching tasks in natural order (week, start date, page, line).
    pub rows: Memo<Shared<Vec<TaskRef>>>,
    /// Pages left out of rows and counts (second-language twins while no language is chosen).
    pub hidden: Memo<Shared<Vec<bool>>>,
    pub facets: Memo<Facets>,
}

impl AppState {
    pub fn new(initial: ViewState) -> Self {
        let vs = RwSignal::new(initial);
        let loaded = RwSignal::new(Shared::new(Vec::<Loaded>::new()));
        let collection = Memo::new(move |_| {
            loaded
                .with(|l| Shared::new(Collection::new(l.iter().map(|l| l.page.clone()).collect())))
        });
        let origin = Memo::new(move |_| {
            let collection = collection.get();
            loaded.with(|l| Shared::new(origin_indices(&collection, l)))
        });
        let filter = Memo::new(move |_| vs.with(|v| v.filter.clone()));
        let twins = Memo::new(move |_| Shared::new(secondary_twins(&collection.get())));
        // Twins are folded only while no language is chosen.
        let hidden = Memo::new(move |_| {
            if filter.with(|f| f.language.is_some()) {
                Shared::new(Vec::new())
            } else {
                twins.get()
            }
        });
        let rows = Memo::new(move |_| {
            let collection = collection.get();
            let hidden = hidden.get();
            let started = now_ms();
            let rows = filter.with(|f| Shared::new(matching_rows(&collection, f, &hidden)));
            // Measured where it happens and published on <body> for benchmarks and tests.
            record_timing("data-filter-ms", now_ms() - started);
            rows
        });
        // The pages counted by the facets while twins are folded, copied once per change of
        // the collection (not per keystroke).
        let shown_pages = Memo::new(move |_| {
            let hidden = twins.get();
            hidden.iter().any(|h| *h).then(|| {
                let collection = collection.get();
                Shared::new(
                    collection
                        .pages()
                        .iter()
                        .zip(hidden.iter())
                        .filter(|(_, h)| !**h)
                        .map(|(p, _)| p.clone())
                        .collect::<Vec<Page>>(),
                )
            })
        });
        // Facet counts follow the filter one paint later: the table, which the user is looking
        // at, updates first and the counts (a second pass over every task) right after.
        let facet_filter = RwSignal::new(filter.get_untracked());
        Effect::new(move |_| {
            let f = filter.get();
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if facet_filter.with_untracked(|current| *current != f) {
                            facet_filter.set(f);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        });
        let facets = Memo::new(move |_| {
            let collection = collection.get();
            let folding = facet_filter.with(|f| f.language.is_none());
            let started = now_ms();
            let facets = facet_filter.with(|f| {
                let all = query::facets(&collection, f);
                let Some(shown) = shown_pages.get().filter(|_| folding) else {
                    return all;
                };
                // Counts over the pages shown; the language facet counts every page, since
                // choosing a language shows all of its pages.
                let keys: Vec<(String, String)> = collection
                    .internships()
                    .iter()
                    .map(|i| (i.key.clone(), i.name.clone()))
                    .collect();
                let mut folded = query::facets_of(&shown, &keys, f);
                folded.languages = all.languages;
                folded
            });
            record_timing("data-facets-ms", now_ms() - started);
            facets
        });
        AppState {
            vs,
            sources: RwSignal::new(Vec::new()),
            loaded,
            progress: RwSignal::new(None),
            fetching: RwSignal::new(None),
            ready: RwSignal::new(false),
            selected: RwSignal::new(None),
            next_source: StoredValue::new(1),
            collection,
            origin,
            filter,
            rows,
            hidden,
            facets,
        }
    }

    /// Change the screen state and record it in the URL: `push` for a deliberate step the user
    /// may want to go back to (a click), replace for continuous edits (typing).
    pub fn navigate(&self, push: bool, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.vs.get_untracked();
        change(&mut next);
        next.filter.normalize();
        if next == self.vs.get_untracked() {
            return;
        }
        url::write(&next, push);
        self.vs.set(next);
    }

    /// Reserve an id for a new source.
    pub fn new_source_id(&self) -> SourceId {
        let id = self.next_source.get_value();
        self.next_source.set_value(id + 1);
        id
    }

    /// The loaded entry (source id, bytes) of a page, by collection index.
    pub fn loaded_of(&self, page: usize) -> Option<Loaded> {
        let i = self
            .origin
            .with_untracked(|o| o.get(page).copied().flatten())?;
        self.loaded.with_untracked(|l| l.get(i).cloned())
    }

    /// The source a page (by collection index) came from.
    pub fn source_of(&self, page: usize) -> Option<SourceInfo> {
        let id = self.loaded_of(page)?.source;
        self.sources
            .with_untracked(|s| s.iter().find(|s| s.id == id).cloned())
    }
}

/// Match collection pages to loaded entries by source path, in order (a path loaded twice
/// maps to its occurrences in turn).
fn origin_indices(collection: &Collection, loaded: &[Loaded]) -> Vec<Option<usize>> {
    let mut by_source: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, l) in loaded.iter().enumerate() {
        by_source.entry(&l.page.source).or_default().push_back(i);
    }
    collection
        .pages()
        .iter()
        .map(|p| {
            by_source
                .get_mut(p.source.as_str())
                .and_then(|q| q.pop_front())
        })
        .collect()
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Publish a duration (milliseconds) as an attribute of `<body>`.
fn record_timing(attribute: &str, ms: f64) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute(attribute, &format!("{ms:.2}"));
    }
}

/// The week entries to show: the collection's, or one per page with a week when the collection
/// has not grouped any (so pages never vanish).
pub fn week_entries(collection: &Collection) -> Vec<WeekEntry> {
    if !collection.weeks().is_empty() {
        return collection.weeks().to_vec();
    }
    // Twins share a folder; the internship is what lies above the week folders.
    let mut by_week: BTreeMap<(u32, String), Vec<usize>> = BTreeMap::new();
    for (i, page) in collection.pages().iter().enumerate() {
        if let Some(w) = page.week {
            let folder = page.source.rsplit_once('/').map_or("", |(d, _)| d);
            by_week.entry((w, folder.to_string())).or_default().push(i);
        }
    }
    by_week
        .into_iter()
        .map(|((number, folder), pages)| {
            let dates = pages
                .iter()
                .flat_map(|&i| collection.pages()[i].tasks.iter())
                .flat_map(|t| t.start.into_iter().chain(t.end));
            let (start, end) = dates.fold((None, None), |(lo, hi), d| {
                (
                    Some(lo.map_or(d, |x: chrono::NaiveDate| x.min(d))),
                    Some(hi.map_or(d, |x: chrono::NaiveDate| x.max(d))),
                )
            });
            let internship = folder.rsplit_once('/').map_or("", |(d, _)| d);
            WeekEntry {
                internship: internship.to_string(),
                number,
                pages,
                start,
                end,
            }
        })
        .collect()
}

/// Pages hidden as the second language of a week: a bilingual site writes every task twice,
/// and counting both would double the weeks that have a twin in tables, timeline and heat map.
/// The first twin (English first) stands for the week unless a language is chosen.
pub fn secondary_twins(collection: &Collection) -> Vec<bool> {
    let mut hidden = vec![false; collection.pages().len()];
    for entry in week_entries(collection) {
        for &i in entry.pages.iter().skip(1) {
            if let Some(h) = hidden.get_mut(i) {
                *h = true;
            }
        }
    }
    hidden
}

/// Every task of `collection` that `filter` selects, in natural order.
/// Pages marked in `hidden` are skipped.
pub fn matching_rows(collection: &Collection, filter: &Filter, hidden: &[bool]) -> Vec<TaskRef> {
    let matcher = filter.matcher();
    let mut rows = Vec::new();
    for (p, page) in collection.pages().iter().enumerate() {
        if hidden.get(p).copied().unwrap_or(false) || !matcher.page_matches(page) {
            continue;
        }
        for (t, task) in page.tasks.iter().enumerate() {
            if matcher.task_matches(page, task) {
                rows.push(TaskRef {
                    page: p as u32,
                    task: t as u32,
                });
            }
        }
    }
    let pages = collection.pages();
    rows.sort_by(|a, b| natural_order(pages, *a, *b));
    rows
}

/// Week, then start date (undated last), then page, then line.
pub fn natural_order(pages: &[Page], a: TaskRef, b: TaskRef) -> Ordering {
    let (pa, pb) = (&pages[a.page as usize], &pages[b.page as usize]);
    let (ta, tb) = (&pa.tasks[a.task as usize], &pb.tasks[b.task as usize]);
    let week = |p: &Page| p.week.unwrap_or(u32::MAX);
    week(pa)
        .cmp(&week(pb))
        .then_with(|| match (ta.start, tb.start) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| a.page.cmp(&b.page))
        .then_with(|| ta.line.cmp(&tb.line))
}

/// Small pages for the app's unit tests: one table row per `(day, date, task)`.
#[cfg(test)]
pub mod fixtures {
    use worklog::{parse_page, Collection, Page};

    pub fn page(path: &str, rows: &[(&str, &str, &str)]) -> Page {
        let mut text = String::from(
            "### Tasks to be carried out this week:\n| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n",
        );
        for (day, date, task) in rows {
            text.push_str(&format!("| {day} | {task} | {date} | {date} | |\n"));
        }
        parse_page(path, text.as_bytes())
    }

    pub fn week(n: u32, lang: &str, dates: &[&str], task: &str) -> Page {
        let suffix = if lang == "vi" { ".vi" } else { "" };
        let rows: Vec<(&str, &str, &str)> = dates.iter().map(|d| ("2", *d, task)).collect();
        page(
            &format!("site/content/1-Worklog/1.{n}-Week{n}/_index{suffix}.md"),
            &rows,
        )
    }

    pub fn collection(pages: Vec<Page>) -> Collection {
        Collection::new(pages)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use worklog::Language;

    #[test]
    fn second_language_twins_are_folded_until_a_language_is_chosen() {
        let c = collection(vec![
            week(1, "en", &["2025-09-08", "2025-09-09"], "Learn Amazon S3"),
            week(1, "vi", &["2025-09-08", "2025-09-09"], "Học Amazon S3"),
            week(2, "en", &["2025-09-15"], "Learn AWS Lambda"),
        ]);
        let hidden = secondary_twins(&c);
        assert_eq!(hidden.iter().filter(|h| **h).count(), 1);
        let all = matching_rows(&c, &Filter::default(), &hidden);
        assert_eq!(all.len(), 3, "English week 1 (2) + week 2 (1)");
        let vi = Filter {
            language: Some(Language::Vi),
            ..Filter::default()
        };
        let rows = matching_rows(&c, &vi, &[]);
        assert_eq!(rows.len(), 2);
        assert!(rows
            .iter()
            .all(|r| c.pages()[r.page as usize].language == Some(Language::Vi)));
    }

    #[test]
    fn rows_come_in_week_then_date_order() {
        let c = collection(vec![
            week(2, "en", &["2025-09-16", "2025-09-15"], "b"),
            week(1, "en", &["2025-09-08"], "a"),
        ]);
        let rows = matching_rows(&c, &Filter::default(), &[]);
        let starts: Vec<String> = rows
            .iter()
            .filter_map(|r| r.resolve(&c))
            .filter_map(|(_, t)| t.start.map(|d| d.to_string()))
            .collect();
        assert_eq!(starts, ["2025-09-08", "2025-09-15", "2025-09-16"]);
    }
}
