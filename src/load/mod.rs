//! Getting worklog files into the app, from every kind of source, and parsing them without
//! freezing the page.
//!
//! Each source module turns its input into [`RawFile`]s (path + bytes); [`ingest`] parses them
//! in time-sliced chunks that yield to the browser between slices, updates the progress bar,
//! and adds the pages to the state in one step per source.

pub mod drop;
pub mod files;
pub mod store;
pub mod url;

use std::sync::Arc;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use worklog::intern::Origin;

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

/// Milliseconds of parsing between two yields to the browser: well under a 60 Hz frame.
const SLICE_MS: f64 = 12.0;

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

/// Parse `files` into pages of source `id`, in slices that keep the page responsive, then add
/// them to the state. `skipped` is the count of files the source ignored.
pub async fn ingest(state: AppState, id: SourceId, files: Vec<RawFile>, skipped: usize) {
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
    let mut parsed = Vec::with_capacity(total);
    let mut slice_start = now_ms();
    let mut since_report = 0;
    for file in files {
        let page = worklog::parse_page(&file.path, &file.bytes);
        parsed.push(Loaded {
            source: id,
            origin: Origin {
                batch: batch.clone(),
                intern: file.intern,
            },
            page,
            bytes: Arc::from(file.bytes),
        });
        since_report += 1;
        if now_ms() - slice_start > SLICE_MS {
            advance(state, since_report);
            since_report = 0;
            TimeoutFuture::new(0).await;
            slice_start = now_ms();
        }
    }
    advance(state, since_report);
    let count = parsed.len();
    // A source cleared while it was parsing is not resurrected.
    let still_wanted = state
        .sources
        .with_untracked(|s| s.iter().any(|i| i.id == id));
    if still_wanted && count > 0 {
        state.loaded.update(|l| {
            let mut next: Vec<Loaded> = Vec::with_capacity(l.len() + count);
            next.extend(l.iter().cloned());
            next.extend(parsed);
            *l = Shared::new(next);
        });
    }
    state.sources.update(|s| {
        if let Some(info) = s.iter_mut().find(|i| i.id == id) {
            info.pages += count;
            info.skipped += skipped;
            info.loading = false;
        }
    });
}

/// Count parsed files in the progress bar; it disappears when everything queued is done.
fn advance(state: AppState, n: usize) {
    state.progress.update(|p| {
        if let Some(progress) = p {
            progress.done += n;
            if progress.done >= progress.total {
                *p = None;
            }
        }
    });
}

/// Mark a source finished without pages (everything failed or was skipped).
pub fn finish_empty(state: AppState, id: SourceId, skipped: usize) {
    state.sources.update(|s| {
        if let Some(info) = s.iter_mut().find(|i| i.id == id) {
            info.skipped += skipped;
            info.loading = false;
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
        finish_empty(state, id, skipped);
        return;
    }
    if let Err(err) = store::save(&key, &label, &files, skipped).await {
        report_error(
            state,
            id,
            format!("Could not remember these files for the next visit: {err}"),
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
    state.navigate(true, |vs| vs.sources.clear());
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
    if srcs.is_empty() {
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
