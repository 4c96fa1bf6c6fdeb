//! The AWS service catalogue and recognition of services in free text.
//!
//! - [`catalogue()`]: ~270 entries (services, features such as Security Group, tools such as
//!   the AWS CLI) with ids, names, categories and parents, from `catalogue.toml`.
//! - [`recognise`]: the mentions in a text, with byte spans.
//! - [`annotate`]: fills `Task::services` (last pass of the parser).
//! - [`count_services`], [`page_services`]: unions with counts for the views.
//!
//! A task is tagged with each entry it mentions *and that entry's parents*, so filtering on
//! `vpc` finds a task that only says "Security Group", and filtering on `security-group`
//! finds exactly those tasks. The rules are documented in `docs/services.md`.

mod catalogue;
mod recognise;

use std::collections::HashMap;

pub use catalogue::{catalogue, Catalogue, Category, Entry, Kind};
pub use recognise::{
    build_matcher, mentioned_ids, pattern_count, recognise, recognise_command, Match,
};

use crate::model::{Inline, Item, Page, ServiceRef, Task};

/// Fill `services` of every task of `page` from the text it mentions. Called as the last
/// pass of `parse_page`.
pub fn annotate(page: &mut Page) {
    for task in &mut page.tasks {
        task.services = task_services(task);
    }
}

/// The services of one task: everything its cell mentions, with parents, in order of first
/// mention (a parent right after its first child unless mentioned earlier).
pub fn task_services(task: &Task) -> Vec<ServiceRef> {
    let ids = if task.items.is_empty() {
        text_ids(&task.text)
    } else {
        items_ids(&task.items)
    };
    with_parents(&ids)
        .into_iter()
        .filter_map(|id| catalogue().service_ref(id))
        .collect()
}

/// The entries mentioned directly by a list of items (no parents added). Inline code counts
/// only as a command (`aws s3 ls`); links count by their text, never their URL.
pub fn items_ids(items: &[Item]) -> Vec<&'static str> {
    let mut ids = Vec::new();
    for item in items {
        collect_item(item, &mut ids);
    }
    ids
}

fn collect_item(item: &Item, ids: &mut Vec<&'static str>) {
    // Code is blanked (same length, so spans stay meaningful) and read as a command.
    let mut text = String::new();
    let mut commands = Vec::new();
    for inline in &item.content {
        flatten(inline, &mut text, &mut commands);
    }
    let mut found = mentioned_ids(&text);
    for code in commands {
        found.extend(recognise_command(&code));
    }
    for id in found {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for child in &item.children {
        collect_item(child, ids);
    }
}

/// The entries mentioned by a plain text that may still hold markdown code spans
/// (`` `aws s3 ls` ``): code is read only as a command, like `Inline::Code`.
pub fn text_ids(text: &str) -> Vec<&'static str> {
    let mut plain = String::with_capacity(text.len());
    let mut commands = Vec::new();
    push_text(text, &mut plain, &mut commands);
    let mut ids = mentioned_ids(&plain);
    for code in commands {
        for id in recognise_command(&code) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// Appends `t` to `text`, moving balanced `` `code` `` spans to `commands` (a cell the parser
/// left as raw text must not read `` `lambda_function.py` `` as Lambda).
fn push_text(t: &str, text: &mut String, commands: &mut Vec<String>) {
    if !t.contains('`') {
        text.push_str(t);
        return;
    }
    let parts: Vec<&str> = t.split('`').collect();
    if parts.len() < 3 || parts.len().is_multiple_of(2) {
        text.push_str(t);
        return;
    }
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            text.push_str(CODE_GAP);
            commands.push((*part).to_string());
        } else {
            text.push_str(part);
        }
    }
}

/// What stands in for code in the text: a separator that no rule reads as part of a sentence
/// or a list.
const CODE_GAP: &str = " \u{2022} ";

fn flatten(inline: &Inline, text: &mut String, commands: &mut Vec<String>) {
    match inline {
        Inline::Text { text: t } => push_text(t, text, commands),
        Inline::Code { text: code } => {
            text.push_str(CODE_GAP);
            commands.push(code.clone());
        }
        Inline::Strong { content } | Inline::Emphasis { content } => {
            content.iter().for_each(|i| flatten(i, text, commands))
        }
        Inline::Link { content, .. } => {
            text.push(' ');
            content.iter().for_each(|i| flatten(i, text, commands));
            text.push(' ');
        }
    }
}

/// `ids` plus the parents of each, without duplicates.
pub fn with_parents(ids: &[&'static str]) -> Vec<&'static str> {
    let cat = catalogue();
    let mut out: Vec<&'static str> = Vec::with_capacity(ids.len() * 2);
    for &id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
        for parent in cat.ancestors(id) {
            if !out.contains(&parent.id) {
                out.push(parent.id);
            }
        }
    }
    out
}

/// Services of a set of tasks (a page, a week, a filter result) with the number of tasks
/// that mention each, most frequent first (ties by name).
pub fn count_services<'a>(tasks: impl Iterator<Item = &'a Task>) -> Vec<(ServiceRef, usize)> {
    let mut counts: HashMap<ServiceRef, usize> = HashMap::new();
    for task in tasks {
        for service in &task.services {
            *counts.entry(service.clone()).or_default() += 1;
        }
    }
    sorted(counts)
}

/// Services of a whole page: its tasks (as annotated) and every top-level objective,
/// achievement and section item. The count is the number of tasks and items that mention
/// the service (with parents, like tasks).
pub fn page_services(page: &Page) -> Vec<(ServiceRef, usize)> {
    let mut counts: HashMap<ServiceRef, usize> = HashMap::new();
    for task in &page.tasks {
        let services = if task.services.is_empty() {
            task_services(task)
        } else {
            task.services.clone()
        };
        for service in services {
            *counts.entry(service).or_default() += 1;
        }
    }
    let items = page
        .objectives
        .iter()
        .chain(&page.achievements)
        .chain(page.sections.iter().flat_map(|s| s.items.iter()));
    for item in items {
        for id in with_parents(&items_ids(std::slice::from_ref(item))) {
            if let Some(service) = catalogue().service_ref(id) {
                *counts.entry(service).or_default() += 1;
            }
        }
    }
    sorted(counts)
}

fn sorted(counts: HashMap<ServiceRef, usize>) -> Vec<(ServiceRef, usize)> {
    let mut out: Vec<(ServiceRef, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    out
}

/// The category of an entry id.
pub fn category_of(id: &str) -> Option<&'static Category> {
    catalogue().category_of(id)
}

/// All categories.
pub fn categories() -> &'static [Category] {
    catalogue().categories()
}

/// Catalogue entries (with parents) that `text` mentions: convenience for search boxes.
pub fn services_in(text: &str) -> Vec<ServiceRef> {
    with_parents(&mentioned_ids(text))
        .into_iter()
        .filter_map(|id| catalogue().service_ref(id))
        .collect()
}
