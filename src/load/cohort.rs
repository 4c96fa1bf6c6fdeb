//! A cohort given by URL (`?cohort=<url>`): the cohort file (`worklog::cohort::Cohort`, the
//! site manifest plus the cohort's name, start and weeks), then every intern it lists, each
//! page named as that intern's (`Origin.intern`: the cohort's key and name), whatever the path
//! or a manifest inside says.
//!
//! An intern is given by `files` (paths or URLs relative to the cohort file: fetched six at a
//! time, as a manifest's) or by `src` (a page, a manifest or a folder listing, fetched as a
//! `?src=` value is, by `super::url`). The whole cohort is one source in the sources list;
//! an intern whose pages fail is reported there (the file's path or the intern's name, and
//! why), and never stops the others. The cohort's name, start and weeks go to
//! `AppState::cohort` for the cohort view.

use futures::StreamExt;
use leptos::prelude::*;
use worklog::cohort::{Cohort, InternSource};
use worklog::intern::Identity;

use super::{finish, ingest_stream, is_markdown, register, remove_sources, report_error, url};
use crate::state::{AppState, Shared, SourceId, SourceKind};

/// Interns given by `src` whose listings are walked at once.
const PARALLEL_INTERNS: usize = 3;

/// Load the cohort file at `src` (relative to the page, or absolute) and its interns.
pub async fn load(state: AppState, src: String) {
    let id = register(state, SourceKind::Cohort(src.clone()), src.clone());
    let Some(address) = url::resolve_url(&src, None) else {
        report_error(
            state,
            id,
            crate::i18n::load::Problem::NotAValidUrl { src: &src }.text(),
        );
        finish(state, id, 0);
        return;
    };
    let (bytes, base) = match url::fetch_bytes(&address).await {
        Ok(fetched) => fetched,
        Err(error) => {
            report_error(state, id, error);
            finish(state, id, 0);
            return;
        }
    };
    let cohort = match Cohort::parse(&String::from_utf8_lossy(&bytes)) {
        Ok(cohort) => cohort,
        Err(error) => {
            report_error(state, id, format!("{}: {error}", url::shown_path(&address)));
            finish(state, id, 0);
            return;
        }
    };
    // Removed while its file was on the way (back, or another cohort): nothing more to do.
    if state
        .sources
        .with_untracked(|s| !s.iter().any(|i| i.id == id))
    {
        return;
    }
    if let Some(name) = cohort.name.clone() {
        state.sources.update(|s| {
            if let Some(info) = s.iter_mut().find(|i| i.id == id) {
                info.label = name;
            }
        });
    }
    state.cohort.set(Some(Shared::new(cohort.clone())));

    let (tx, rx) = futures::channel::mpsc::unbounded();
    let fetching = async move {
        let mut skipped = 0;
        let mut errors = Vec::new();
        let (listed, sources) = plan(&cohort, &base, &mut skipped, &mut errors);
        let pages = url::fetch_pages(state, listed, tx.clone());
        let walks = futures::stream::iter(sources)
            .map(|(address, identity)| {
                let tx = tx.clone();
                async move {
                    let name = identity
                        .name
                        .clone()
                        .unwrap_or_else(|| identity.key.clone());
                    let (skipped, errors) = url::collect_as(state, &address, identity, tx).await;
                    (name, skipped, errors)
                }
            })
            .buffer_unordered(PARALLEL_INTERNS)
            .collect::<Vec<_>>();
        let (page_errors, walked) = futures::join!(pages, walks);
        errors.extend(page_errors);
        for (name, n, walk_errors) in walked {
            skipped += n;
            errors.extend(walk_errors.into_iter().map(|e| format!("{name}: {e}")));
        }
        // The last sender goes here: the parser then finishes.
        drop(tx);
        (skipped, errors)
    };
    let ((skipped, errors), ()) = futures::join!(fetching, ingest_stream(state, id, rx));
    for error in errors {
        report_error(state, id, error);
    }
    finish(state, id, skipped);
}

/// What to fetch for each intern: the pages of interns given by `files` (markdown only,
/// resolved against the cohort file), and the addresses of interns given by `src`.
#[allow(clippy::type_complexity)]
fn plan(
    cohort: &Cohort,
    base: &str,
    skipped: &mut usize,
    errors: &mut Vec<String>,
) -> (Vec<(String, Option<Identity>)>, Vec<(String, Identity)>) {
    let mut listed = Vec::new();
    let mut sources = Vec::new();
    for intern in &cohort.interns {
        let identity = intern.identity();
        match &intern.source {
            InternSource::Files { files } => {
                for file in files {
                    if !is_markdown(file) {
                        *skipped += 1;
                        continue;
                    }
                    match url::resolve_url(file, Some(base)) {
                        Some(address) => listed.push((address, Some(identity.clone()))),
                        None => errors.push(
                            crate::i18n::load::Problem::NotAValidInternPath {
                                intern: &intern.name,
                                file,
                            }
                            .text(),
                        ),
                    }
                }
            }
            InternSource::Src { src } => match url::resolve_url(src, Some(base)) {
                Some(address) => sources.push((address, identity)),
                None => errors.push(
                    crate::i18n::load::Problem::NotAValidInternUrl {
                        intern: &intern.name,
                        src,
                    }
                    .text(),
                ),
            },
        }
    }
    (listed, sources)
}

/// Bring the loaded cohort in line with `cohort=` (after back/forward or an edit): unload a
/// cohort no longer named, load the one named.
pub fn sync(state: AppState) {
    let wanted = state.vs.with_untracked(|v| v.cohort.clone());
    let present: Vec<(SourceId, String)> = state.sources.with_untracked(|s| {
        s.iter()
            .filter_map(|i| match &i.kind {
                SourceKind::Cohort(u) => Some((i.id, u.clone())),
                _ => None,
            })
            .collect()
    });
    let gone: Vec<SourceId> = present
        .iter()
        .filter(|(_, u)| Some(u) != wanted.as_ref())
        .map(|(id, _)| *id)
        .collect();
    if !gone.is_empty() {
        remove_sources(state, &gone);
        state.cohort.set(None);
    }
    if let Some(src) = wanted {
        if !present.iter().any(|(_, u)| *u == src) {
            leptos::task::spawn_local(load(state, src));
        }
    }
}

/// Forget the cohort: its source and pages go, and `cohort=` leaves the URL.
pub fn unload(state: AppState) {
    let ids: Vec<SourceId> = state.sources.with_untracked(|s| {
        s.iter()
            .filter(|i| matches!(i.kind, SourceKind::Cohort(_)))
            .map(|i| i.id)
            .collect()
    });
    remove_sources(state, &ids);
    state.cohort.set(None);
    state.navigate(true, |vs| vs.cohort = None);
}
