//! Application state: what is loaded, and the screen (a [`ViewState`] mirrored in the URL).
//!
//! Only sources and pages are stored; the collection, the filtered rows and the facet counts
//! are derived with `Memo`s so that they are computed once per change and never disagree.

use std::ops::Deref;
use std::sync::Arc;

use leptos::prelude::*;
use worklog::cohort::Cohort;
use worklog::intern::Origin;
use worklog::query::{self, Facets, Filter, SimilarRows, ViewState};
use worklog::similar::Similarity;
use worklog::{Collection, Page};

use crate::components::after_paint::after_next_paint;
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
    /// A `cohort` URL parameter: a cohort file and every intern it lists
    /// (`src/load/cohort.rs`); restored from the URL itself.
    Cohort(String),
}

impl SourceKind {
    /// A key that names this source across reloads: the loose files of one source are one
    /// intern's, and that intern's key (in `source=` links) must not change on reload.
    pub fn key(&self) -> String {
        match self {
            SourceKind::Demo => "demo".to_string(),
            SourceKind::Url(url) => url.clone(),
            SourceKind::Local(key) => key.clone(),
            SourceKind::Cohort(url) => url.clone(),
        }
    }
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
    /// The load it came in and the intern a manifest names for it.
    pub origin: Origin,
    /// Shared with the collection, which copies only the pages its passes change.
    pub page: Arc<Page>,
    /// The raw bytes, for the source lines shown next to diagnostics.
    pub bytes: Arc<[u8]>,
}

/// Progress of the parse currently running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// Tasks found in the pages done so far.
    pub tasks: usize,
}

/// A task row of the collection: page and task index, the task's own week, its intern, whether
/// it is a folded language twin's and whether its date contradicts its week.
pub type TaskRef = worklog::Row;

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
    /// The collection of every loaded page: `pages()[i]` is `loaded[i]`'s page.
    pub collection: Memo<Shared<Collection>>,
    pub filter: Memo<Filter>,
    /// Matching rows in the collection's order (intern, week, start date, page, line); rows
    /// of folded language twins are left out while no language is chosen.
    pub rows: Memo<Shared<Vec<TaskRef>>>,
    /// Rows the filter matches in folded language twins (shown once a language is chosen).
    pub folded: Memo<usize>,
    pub facets: Memo<Facets>,
    /// The facets are counted for the collection and filter of now (they follow a paint later).
    pub facets_current: Memo<bool>,
    /// The cohort file loaded through `cohort=` (name, start, weeks, interns expected).
    pub cohort: RwSignal<Option<Shared<Cohort>>>,
    /// Rows similar to another intern's (`worklog::similar`), computed once loading is over
    /// (empty while sources still load: the comparison is over the whole collection).
    pub similarity: Memo<Shared<Similarity>>,
    /// The similar rows of the current collection are known.
    pub similar_ready: Memo<bool>,
}

impl AppState {
    pub fn new(initial: ViewState) -> Self {
        let vs = RwSignal::new(initial);
        let loaded = RwSignal::new(Shared::new(Vec::<Loaded>::new()));
        let collection = Memo::new(move |previous: Option<&Shared<Collection>>| {
            loaded.with(|l| {
                // While sources load, pages are only appended: the collection grows by the
                // new pages, and only their interns are settled again. A removed source
                // starts it afresh.
                let (mut next, from) = match previous {
                    Some(p) if p.is_prefix_of(l.iter().map(|l| &l.page)) => {
                        (Collection::clone(p), p.pages().len())
                    }
                    _ => (Collection::default(), 0),
                };
                let (pages, origins) = l[from..]
                    .iter()
                    .map(|l| (Arc::clone(&l.page), l.origin.clone()))
                    .unzip();
                next.extend(pages, origins);
                Shared::new(next)
            })
        });
        let filter = Memo::new(move |_| vs.with(|v| v.filter.clone()));
        let sources = RwSignal::new(Vec::<SourceInfo>::new());
        let progress = RwSignal::new(None::<Progress>);
        // Similar rows are found by the parse worker once loading is over (a pass over every
        // row: at cohort scale too long for the main thread), for one collection: they count
        // only while that collection is the current one (row indices change with it).
        let similar_found = RwSignal::new(None::<(Shared<Collection>, Shared<Similarity>)>);
        let similarity = Memo::new(move |previous: Option<&Shared<Similarity>>| {
            let current = collection.get();
            similar_found.with(|found| match found {
                Some((of, similarity)) if *of == current => similarity.clone(),
                // The same empty value until then: nothing downstream recomputes for it.
                _ => match previous {
                    Some(p) if p.rows.is_empty() => p.clone(),
                    _ => Shared::new(Similarity::default()),
                },
            })
        });
        let similar_ready = Memo::new(move |_| {
            let current = collection.get();
            similar_found.with(|found| found.as_ref().is_some_and(|(of, _)| *of == current))
        });
        Effect::new(move |_| {
            let busy =
                progress.with(|p| p.is_some()) || sources.with(|s| s.iter().any(|i| i.loading));
            let current = collection.get();
            if busy || similar_ready.get_untracked() {
                return;
            }
            leptos::task::spawn_local(async move {
                let started = now_ms();
                // Without the worker nothing was parsed either (its failure is reported on
                // the sources); the comparison is not linked into the app to stand in for it.
                let similarity =
                    crate::load::worker::similar(&current)
                        .await
                        .unwrap_or_else(|error| {
                            leptos::logging::warn!("similar rows not compared: {error}");
                            Similarity::default()
                        });
                record_timing("data-similar-ms", now_ms() - started);
                if collection.get_untracked() == current {
                    similar_found.set(Some((current, Shared::new(similarity))));
                }
            });
        });
        // The rows shown and the count folded away as translations, in one pass over the rows.
        let selection = Memo::new(move |_| {
            let collection = collection.get();
            let started = now_ms();
            let selection = filter.with(|f| {
                // Read only when the filter needs it: computing it is a pass over every row.
                let similar = (f.similar != SimilarRows::Show).then(|| similarity.get());
                let all = collection.rows();
                let selection = query::select_with(&collection, f, similar.as_deref());
                let rows: Vec<TaskRef> = selection.rows.iter().map(|&i| all[i as usize]).collect();
                (Shared::new(rows), selection.folded)
            });
            // Measured where it happens and published on <body> for benchmarks and tests.
            record_timing("data-filter-ms", now_ms() - started);
            selection
        });
        let rows = Memo::new(move |_| selection.with(|(rows, _)| rows.clone()));
        let folded = Memo::new(move |_| selection.with(|&(_, folded)| folded));
        // Facet counts follow the filter and the collection one paint later: the table, which
        // the user is looking at, updates first and the counts (a second pass over every task,
        // and the filter panel drawn again) right after, in a task of their own.
        let facet_basis = RwSignal::new((collection.get_untracked(), filter.get_untracked()));
        Effect::new(move |_| {
            let next = (collection.get(), filter.get());
            after_next_paint(move || {
                // `try_`: the app may be gone by then (tests unmount it).
                if facet_basis
                    .try_with_untracked(|current| *current != next)
                    .unwrap_or(false)
                {
                    facet_basis.set(next);
                }
            });
        });
        let facets_current = Memo::new(move |_| {
            facet_basis.with(|(c, f)| *c == collection.get() && *f == filter.get())
        });
        let facets = Memo::new(move |_| {
            let started = now_ms();
            let facets = facet_basis.with(|(collection, f)| {
                let similar = (f.similar != SimilarRows::Show).then(|| similarity.get());
                query::facets_with(collection, f, similar.as_deref())
            });
            record_timing("data-facets-ms", now_ms() - started);
            facets
        });
        AppState {
            vs,
            sources,
            loaded,
            progress,
            fetching: RwSignal::new(None),
            ready: RwSignal::new(false),
            selected: RwSignal::new(None),
            next_source: StoredValue::new(1),
            collection,
            filter,
            rows,
            folded,
            facets,
            facets_current,
            cohort: RwSignal::new(None),
            similarity,
            similar_ready,
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

    /// The loaded entry (source id, bytes) of a page, by collection index (the collection
    /// keeps the loaded order).
    pub fn loaded_of(&self, page: usize) -> Option<Loaded> {
        self.loaded.with_untracked(|l| l.get(page).cloned())
    }

    /// The source a page (by collection index) came from.
    pub fn source_of(&self, page: usize) -> Option<SourceInfo> {
        let id = self.loaded_of(page)?.source;
        self.sources
            .with_untracked(|s| s.iter().find(|s| s.id == id).cloned())
    }
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
    use worklog::query::select_rows;
    use worklog::Language;

    use super::*;

    fn shown(c: &Collection, f: &Filter) -> Vec<TaskRef> {
        select_rows(c, f)
            .into_iter()
            .map(|i| c.rows()[i as usize])
            .collect()
    }

    #[test]
    fn second_language_twins_are_folded_until_a_language_is_chosen() {
        let c = collection(vec![
            week(1, "en", &["2025-09-08", "2025-09-09"], "Learn Amazon S3"),
            week(1, "vi", &["2025-09-08", "2025-09-09"], "Học Amazon S3"),
            week(2, "en", &["2025-09-15"], "Learn AWS Lambda"),
        ]);
        let all = shown(&c, &Filter::default());
        assert_eq!(all.len(), 3, "English week 1 (2) + week 2 (1)");
        assert_eq!(query::folded_rows(&c, &Filter::default()), 2);
        let vi = Filter {
            language: Some(Language::Vi),
            ..Filter::default()
        };
        let rows = shown(&c, &vi);
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
        let starts: Vec<String> = shown(&c, &Filter::default())
            .iter()
            .filter_map(|r| r.resolve(&c))
            .filter_map(|(_, t)| t.start.map(|d| d.to_string()))
            .collect();
        assert_eq!(starts, ["2025-09-08", "2025-09-15", "2025-09-16"]);
    }
}
