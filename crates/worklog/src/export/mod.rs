//! Output formats: JSON (the versioned contract), CSV, iCalendar, Markdown.
//!
//! Every format takes the pages already narrowed by [`filtered`], so the CLI's `--service`,
//! `--week`, ... flags and the app's filters select exactly the same tasks (one implementation,
//! in [`crate::query`]).

pub mod csv;
pub mod ics;
pub mod json;
pub mod markdown;

use crate::collection::Collection;
use crate::model::{Export, Page, PageKind, ServiceRef, Task, SCHEMA_VERSION};
use crate::query::{Filter, Matcher, SimilarRows};
use crate::similar::Similarity;
use std::borrow::Borrow;

/// The collection's pages narrowed to a filter, in the collection's order.
///
/// Page-level kinds (week, language, source) keep or drop whole pages; task-level kinds
/// (service, category, dates, text) keep the matching tasks and drop pages left with none.
/// With an empty filter every page is kept, including stubs and pages without tasks, so that
/// their diagnostics are exported too.
pub fn filtered<P: Borrow<Page>>(pages: &[P], filter: &Filter) -> Vec<Page> {
    if filter.is_empty() {
        return pages.iter().map(|p| p.borrow().clone()).collect();
    }
    filtered_indexed(pages, filter)
        .into_iter()
        .map(|(_, page)| page)
        .collect()
}

/// [`filtered`], each kept page with its index in `pages` (to find its intern in the
/// collection: [`Collection::intern_index`]). The similar-rows kind is row-level: pages alone
/// cannot tell it, so it is not applied here ([`filtered_in`] applies it).
pub fn filtered_indexed<P: Borrow<Page>>(pages: &[P], filter: &Filter) -> Vec<(usize, Page)> {
    if filter.is_empty() {
        return pages
            .iter()
            .map(|p| p.borrow().clone())
            .enumerate()
            .collect();
    }
    let mut filter = filter.clone();
    filter.similar = SimilarRows::Show;
    keep(pages, &filter, &filter.matcher())
}

/// [`filtered_indexed`] over the pages of a collection, every kind applied, the similar rows
/// too (`similarity` when given, else computed when the filter needs them).
pub fn filtered_in(
    collection: &Collection,
    filter: &Filter,
    similarity: Option<&Similarity>,
) -> Vec<(usize, Page)> {
    if filter.similar == SimilarRows::Show {
        return filtered_indexed(collection.pages(), filter);
    }
    keep(
        collection.pages(),
        filter,
        &filter.matcher_in(collection, similarity),
    )
}

fn keep<P: Borrow<Page>>(pages: &[P], filter: &Filter, matcher: &Matcher) -> Vec<(usize, Page)> {
    let task_level = has_task_level_kinds(filter);
    pages
        .iter()
        .map(|p| p.borrow())
        .enumerate()
        .filter(|(_, page)| matcher.page_matches(page))
        .filter_map(|(i, page)| {
            let tasks: Vec<Task> = page
                .tasks
                .iter()
                .enumerate()
                .filter(|(t, task)| {
                    matcher.task_matches(page, task) && matcher.similar_ok(i as u32, *t as u32)
                })
                .map(|(_, task)| task.clone())
                .collect();
            if task_level && tasks.is_empty() {
                return None;
            }
            let mut out = Page::clone(page);
            out.tasks = tasks;
            Some((i, out))
        })
        .collect()
}

/// Pages of other site sections (kind `other-section`) among `pages`, counted per section
/// name, in name order: what every export and count reports instead of dropping them
/// silently.
pub fn set_aside_sections(pages: &[Page]) -> Vec<(String, usize)> {
    set_aside_sections_of(pages.iter())
}

/// [`set_aside_sections`] over any pages.
pub fn set_aside_sections_of<'a>(pages: impl Iterator<Item = &'a Page>) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for page in pages.filter(|p| p.kind == PageKind::OtherSection) {
        *counts
            .entry(page.section.as_deref().unwrap_or("?"))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(section, n)| (section.to_string(), n))
        .collect()
}

/// `2-Proposal ×2, 3-BlogsTranslated ×24, home page ×2`: [`set_aside_sections`] in words.
pub fn set_aside_summary(sections: &[(String, usize)]) -> String {
    sections
        .iter()
        .map(|(section, n)| {
            let name = if section == crate::parse::site::SITE_HOME {
                "home page"
            } else {
                section.as_str()
            };
            format!("{name} ×{n}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The JSON export document of a collection under a filter: `{"schema": 1, "pages": [...]}`.
pub fn filtered_export(collection: &Collection, filter: &Filter) -> Export {
    Export {
        schema: SCHEMA_VERSION,
        pages: filtered(collection.pages(), filter),
    }
}

fn has_task_level_kinds(filter: &Filter) -> bool {
    !filter.services.is_empty()
        || !filter.categories.is_empty()
        || filter.from.is_some()
        || filter.to.is_some()
        || !filter.text.trim().is_empty()
        || filter.similar != SimilarRows::Show
}

/// Every `(page, task)` pair in order, the unit all tabular formats write.
pub(crate) fn tasks(pages: &[Page]) -> impl Iterator<Item = (&Page, &Task)> {
    pages
        .iter()
        .flat_map(|page| page.tasks.iter().map(move |task| (page, task)))
}

/// Service names of a task, `; `-separated (names may contain commas).
pub(crate) fn service_names(services: &[ServiceRef]) -> String {
    services
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}
