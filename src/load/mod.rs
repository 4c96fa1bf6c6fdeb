//! Getting worklog files into the app, from every kind of source, and parsing them without
//! freezing the page.
//!
//! Each source module turns its input into [`RawFile`]s (path + bytes); [`ingest`] parses them
//! in time-sliced chunks that yield to the browser between slices, updates the progress bar,
//! and adds the pages to the state in one step per source.

pub mod cohort;
pub mod drop;
pub mod files;
pub mod github;
pub mod store;
pub mod url;
pub mod worker;

use std::sync::Arc;

use futures::StreamExt;
use leptos::prelude::*;

use worklog::intern::Origin;
use worklog::Page;

use crate::state::{AppState, Loaded, Progress, Shared, SourceId, SourceInfo, SourceKind};

/// One file as read from its source, before parsing.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// The path as the source names it (relative folder path, URL path, file name). It carries
    /// week numbers and twin relationships, so it is kept as given.
    pub path: String,
    pub bytes: Vec<u8>,
    /// The intern a manifest names for this file (else the path decides, in the core).
    pub intern: Option<worklog::intern::Identity>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Is this the name of a markdown file?
pub fn is_markdown(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Keep the worklog pages of a folder: markdown only, hidden folders and `node_modules`
/// ignored, and when the folder is a Hugo site (it has a `content/` folder) only what lies
/// under `content/`, so the README, theme docs and archetypes of a repository are not pages.
/// Returns the kept files and how many were skipped.
pub fn select_markdown(files: Vec<RawFile>) -> (Vec<RawFile>, usize) {
    let total = files.len();
    let ignored_dir = |seg: &str| {
        (seg.starts_with('.') && seg.len() > 1 && seg != "..")
            || seg == "node_modules"
            || seg == "themes"
            || seg == "archetypes"
    };
    let mut kept: Vec<RawFile> = files
        .into_iter()
        .filter(|f| {
            let segments: Vec<&str> = f.path.split('/').collect();
            let dirs = &segments[..segments.len().saturating_sub(1)];
            is_markdown(&f.path) && !dirs.iter().any(|s| ignored_dir(s))
        })
        .collect();
    let under_content = |path: &str| {
        let segments: Vec<&str> = path.split('/').collect();
        segments[..segments.len().saturating_sub(1)].contains(&"content")
    };
    if kept.iter().any(|f| under_content(&f.path)) {
        kept.retain(|f| under_content(&f.path));
    }
    let skipped = total - kept.len();
    (kept, skipped)
}

/// Add a source to the list, marked as loading, and return its id.
pub fn register(state: AppState, kind: SourceKind, label: String) -> SourceId {
    let id = state.new_source_id();
    state.sources.update(|s| {
        s.push(SourceInfo {
            id,
            kind,
            label,
            pages: 0,
            skipped: 0,
            errors: Vec::new(),
            loading: true,
        })
    });
    id
}

/// Record an error of a source (the rest of it, and the other sources, still load).
pub fn report_error(state: AppState, id: SourceId, error: String) {
    state.sources.update(|s| {
        if let Some(info) = s.iter_mut().find(|i| i.id == id) {
            info.errors.push(error);
        }
    });
}

/// Parse `files` into pages of source `id` and mark the source loaded. `skipped` is the count
/// of files the source ignored.
pub async fn ingest(state: AppState, id: SourceId, files: Vec<RawFile>, skipped: usize) {
    let mut pending = Pending::default();
    ingest_part(state, id, files, &mut pending).await;
    pending.flush(state, id);
    finish(state, id, skipped);
}

/// Parse files as they arrive on `files` (downloads still running), a batch at a time.
pub async fn ingest_stream(
    state: AppState,
    id: SourceId,
    mut files: futures::channel::mpsc::UnboundedReceiver<RawFile>,
) {
    /// Files sent to the worker at once, at most.
    const BATCH: usize = 400;
    let mut pending = Pending::default();
    loop {
        // Wait for more files, but not past the moment the pages already parsed are due on
        // screen (receiving is cancel-safe: a file is never lost to the timeout).
        let next = if pending.pages.is_empty() {
            files.next().await
        } else {
            let wait = pending.wait_ms(state).ceil() as u32;
            let timeout = gloo_timers::future::TimeoutFuture::new(wait);
            match futures::future::select(files.next(), timeout).await {
                futures::future::Either::Left((next, _)) => next,
                futures::future::Either::Right(((), _)) => {
                    pending.flush(state, id);
                    continue;
                }
            }
        };
        let Some(first) = next else { break };
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match files.try_recv() {
                Ok(file) => batch.push(file),
                // Closed, or nothing more yet: parse what has come.
                Err(_) => break,
            }
        }
        ingest_part(state, id, batch, &mut pending).await;
    }
    pending.flush(state, id);
}

/// The source has no more files coming (also when it had none: everything failed or was
/// skipped).
pub fn finish(state: AppState, id: SourceId, skipped: usize) {
    state.sources.update(|s| {
        if let Some(info) = s.iter_mut().find(|i| i.id == id) {
            info.skipped += skipped;
            info.loading = false;
        }
    });
}

/// Parse `files` of source `id` in the parse worker; their pages join `pending`, which adds
/// them to the state when due.
async fn ingest_part(
    state: AppState,
    id: SourceId,
    mut files: Vec<RawFile>,
    pending: &mut Pending,
) {
    let total = files.len();
    state.progress.update(|p| {
        let p = p.get_or_insert_with(Progress::default);
        p.total += total;
    });
    // Loose files of one source are one intern's: the source's stable key names that intern.
    let batch = state
        .sources
        .with_untracked(|s| s.iter().find(|i| i.id == id).map(|i| i.kind.key()))
        .unwrap_or_default();
    let mut received = 0;
    match worker::parse(&files).await {
        Ok(mut chunks) => {
            while let Some(chunk) = chunks.next().await {
                let (start, json, done) = match chunk {
                    worker::Chunk::Pages { start, json, done } => (start, json, done),
                    worker::Chunk::Failed(error) => {
                        report_error(state, id, error);
                        break;
                    }
                    // Never sent for a parse job.
                    worker::Chunk::Similarity(_) => break,
                };
                let pages: Vec<Page> = match serde_json::from_str(&json) {
                    Ok(pages) => pages,
                    Err(err) => {
                        report_error(
                            state,
                            id,
                            crate::i18n::load::Problem::WorkerPagesUnreadable {
                                error: &err.to_string(),
                            }
                            .text(),
                        );
                        break;
                    }
                };
                let tasks: usize = pages.iter().map(|p| p.tasks.len()).sum();
                advance(state, pages.len(), tasks);
                for (k, page) in pages.into_iter().enumerate() {
                    let Some(file) = files.get_mut(start + k) else {
                        continue;
                    };
                    pending.pages.push(Loaded {
                        source: id,
                        origin: Origin {
                            batch: batch.clone(),
                            intern: file.intern.take(),
                        },
                        page: Arc::new(page),
                        bytes: Arc::from(std::mem::take(&mut file.bytes)),
                    });
                    received += 1;
                }
                if pending.wait_ms(state) <= 0.0 {
                    pending.flush(state, id);
                }
                if done {
                    break;
                }
            }
        }
        Err(error) => report_error(state, id, error),
    }
    // Whatever the worker did not return is no longer in progress.
    advance(state, total.saturating_sub(received), 0);
}

/// Milliseconds between two additions of pages while a source loads, at first.
const COMMIT_MS: f64 = 300.0;
/// ... and more per page already loaded: each addition filters, sorts and counts every row
/// again, so additions thin out as the collection grows and a load of thousands of pages
/// costs the main thread time linear in its size (2,000 pages: one addition a second).
const COMMIT_MS_PER_PAGE: f64 = 0.35;

/// Parsed pages not yet in the state: the first join at once (first rows early), then at
/// most one addition per [`COMMIT_MS`] + [`COMMIT_MS_PER_PAGE`] × pages loaded.
#[derive(Default)]
struct Pending {
    pages: Vec<Loaded>,
    /// When the last addition was made.
    last: Option<f64>,
}

impl Pending {
    /// Milliseconds until the next addition is due (0 or less: due now).
    fn wait_ms(&self, state: AppState) -> f64 {
        let Some(last) = self.last else { return 0.0 };
        let loaded = state.loaded.with_untracked(|l| l.len()) as f64;
        last + COMMIT_MS + COMMIT_MS_PER_PAGE * loaded - now_ms()
    }

    fn flush(&mut self, state: AppState, id: SourceId) {
        if self.pages.is_empty() {
            return;
        }
        commit(state, id, std::mem::take(&mut self.pages));
        self.last = Some(now_ms());
    }
}

/// Add parsed pages to the state and count them on their source, unless the source was removed
/// meanwhile.
fn commit(state: AppState, id: SourceId, parsed: Vec<Loaded>) {
    let count = parsed.len();
    // A source cleared while it was parsing is not resurrected.
    let still_wanted = state
        .sources
        .with_untracked(|s| s.iter().any(|i| i.id == id));
    if !still_wanted || count == 0 {
        return;
    }
    state.loaded.update(|l| {
        let mut next: Vec<Loaded> = Vec::with_capacity(l.len() + count);
        next.extend(l.iter().cloned());
        next.extend(parsed);
        *l = Shared::new(next);
    });
    state.sources.update(|s| {
        if let Some(info) = s.iter_mut().find(|i| i.id == id) {
            info.pages += count;
        }
    });
}

/// Count parsed files (and the tasks they hold) in the progress bar; it disappears when
/// everything queued is done.
fn advance(state: AppState, n: usize, tasks: usize) {
    state.progress.update(|p| {
        if let Some(progress) = p {
            progress.done += n;
            progress.tasks += tasks;
            if progress.done >= progress.total {
                *p = None;
            }
        }
    });
}

/// Load files the user gave (open, folder, drop, paste): parse them and remember them in
/// IndexedDB so a reload restores them.
/// `errors` are problems met while reading (unreadable files), shown on the new source.
pub async fn load_local(
    state: AppState,
    label: String,
    files: Vec<RawFile>,
    skipped: usize,
    errors: Vec<String>,
) {
    let key = format!(
        "local-{:015}-{}",
        js_sys::Date::now() as u64,
        state.new_source_id()
    );
    let id = register(state, SourceKind::Local(key.clone()), label.clone());
    for error in errors {
        report_error(state, id, error);
    }
    if files.is_empty() {
        finish(state, id, skipped);
        return;
    }
    if let Err(err) = store::save(&key, &label, &files, skipped).await {
        report_error(
            state,
            id,
            crate::i18n::load::Problem::NotRemembered { error: &err }.text(),
        );
    }
    ingest(state, id, files, skipped).await;
}

/// Remove every source and page, and forget the stored files.
pub fn clear_all(state: AppState) {
    state.sources.set(Vec::new());
    state.loaded.set(Shared::new(Vec::new()));
    state.progress.set(None);
    state.fetching.set(None);
    state.selected.set(None);
    store::set_demo_hidden(true);
    state.cohort.set(None);
    state.navigate(true, |vs| {
        vs.sources.clear();
        vs.cohort = None;
    });
    leptos::task::spawn_local(async move {
        if let Err(err) = store::clear().await {
            leptos::logging::warn!("could not clear stored files: {err}");
        }
    });
}

/// The initial load: `src` URLs from the address (else the bundled demo, unless the user
/// cleared it), plus the files the user opened on earlier visits.
pub async fn initial_load(state: AppState) {
    let mut srcs = state.vs.with_untracked(|v| v.sources.clone());
    // The same URL twice would load its pages twice.
    let mut seen = std::collections::HashSet::new();
    srcs.retain(|s| seen.insert(s.clone()));
    use futures::FutureExt;
    let mut tasks = Vec::new();
    let cohort_src = state.vs.with_untracked(|v| v.cohort.clone());
    if let Some(src) = cohort_src.clone() {
        tasks.push(cohort::load(state, src).boxed_local());
    }
    if srcs.is_empty() && cohort_src.is_some() {
        // A cohort names its own interns: no demo beside them.
    } else if srcs.is_empty() {
        if !store::demo_hidden() {
            tasks.push(url::load_demo(state).boxed_local());
        }
    } else {
        for src in srcs {
            tasks.push(url::load_src(state, src).boxed_local());
        }
    }
    let restore = restore_local(state);
    futures::future::join(futures::future::join_all(tasks), restore).await;
    state.ready.set(true);
}

/// Re-add the files stored by earlier visits.
async fn restore_local(state: AppState) {
    match store::load_all().await {
        Ok(stored) => {
            for source in stored {
                let id = register(state, SourceKind::Local(source.key), source.label);
                ingest(state, id, source.files, source.skipped).await;
            }
        }
        Err(err) => leptos::logging::warn!("could not read stored files: {err}"),
    }
}

/// Bring the loaded URL sources in line with the `src` list (after back/forward or an edit):
/// unload the ones no longer listed, load the new ones.
pub fn sync_url_sources(state: AppState) {
    let wanted = state.vs.with_untracked(|v| v.sources.clone());
    let present: Vec<(SourceId, String)> = state.sources.with_untracked(|s| {
        s.iter()
            .filter_map(|i| match &i.kind {
                SourceKind::Url(u) => Some((i.id, u.clone())),
                _ => None,
            })
            .collect()
    });
    let gone: Vec<SourceId> = present
        .iter()
        .filter(|(_, u)| !wanted.contains(u))
        .map(|(id, _)| *id)
        .collect();
    if !gone.is_empty() {
        remove_sources(state, &gone);
    }
    let mut started: Vec<String> = Vec::new();
    for src in wanted {
        if !present.iter().any(|(_, u)| *u == src) && !started.contains(&src) {
            started.push(src.clone());
            leptos::task::spawn_local(url::load_src(state, src));
        }
    }
    cohort::sync(state);
}

/// Drop sources and their pages.
pub fn remove_sources(state: AppState, ids: &[SourceId]) {
    state.sources.update(|s| s.retain(|i| !ids.contains(&i.id)));
    state.selected.set(None);
    state.loaded.update(|l| {
        *l = Shared::new(
            l.iter()
                .filter(|p| !ids.contains(&p.source))
                .cloned()
                .collect(),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str) -> RawFile {
        RawFile {
            path: path.into(),
            bytes: Vec::new(),
            intern: None,
        }
    }

    #[test]
    fn hugo_root_keeps_content_pages_only() {
        let (kept, skipped) = select_markdown(vec![
            f("site/README.md"),
            f("site/content/1-Worklog/1.1-Week1/_index.md"),
            f("site/content/1-Worklog/1.1-Week1/_index.vi.md"),
            f("site/static/img/a.png"),
            f("site/.git/HEAD"),
            f("site/themes/x/README.md"),
        ]);
        assert_eq!(kept.len(), 2);
        assert_eq!(skipped, 4);
    }

    #[test]
    fn plain_folder_keeps_markdown() {
        let (kept, skipped) =
            select_markdown(vec![f("w/week1.md"), f("w/notes.txt"), f("w/b.MARKDOWN")]);
        assert_eq!(kept.len(), 2);
        assert_eq!(skipped, 1);
    }
}
