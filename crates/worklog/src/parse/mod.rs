//! Parsing one page: a pipeline of passes, each a module with one job.
//!
//! decode → front matter → language → site section → sections → tables (cells, days and dates of each row) →
//! week & kind (→ week tasks of a whole-internship page) → week of each task → services.
//!
//! Every pass takes what the earlier ones found and returns plain values plus diagnostics, so
//! a page that breaks one pass still gets everything the others can read. Every pass is
//! linear (or n·log n) in the size of the page.

pub mod cells;
pub mod dates;
pub mod days;
pub mod decode;
pub mod front_matter;
pub mod heading;
pub mod html_text;
pub mod inline;
pub mod kind;
pub mod language;
pub mod scalars;
pub mod sections;
pub mod single_file;
pub mod site;
pub mod tables;
pub mod task_week;
pub mod week;

use crate::model::{Page, PageKind};

/// Parse one page. Never fails and never panics: whatever cannot be understood becomes a
/// diagnostic on the returned page.
pub fn parse_page(source: &str, bytes: &[u8]) -> Page {
    let mut page = Page::new(source);

    // 1. Bytes → text.
    let decoded = decode::decode(bytes);
    page.diagnostics.extend(decoded.diagnostics);
    if decoded.binary {
        return page;
    }
    let text = decoded.text;
    let lines = sections::LineIndex::new(&text);

    // 2. Front matter.
    let front = front_matter::parse(&text);
    page.diagnostics.extend(front.diagnostics.iter().cloned());
    page.title = front.title.as_ref().map(|t| t.value.clone());
    page.date = front.date.as_ref().map(|d| d.value);
    let body = text.get(front.body_offset..).unwrap_or("");

    // 3. Language: file suffix or folder, else the text itself.
    page.language = language::detect(source, body, &mut page.diagnostics);

    // 3b. Site section: a page of another section of a Hugo site (proposal, blogs, workshop,
    //     the home page) is set aside here, before any week evidence is read from it.
    let place = site::place(source);
    page.section = place.section().map(str::to_string);
    if let site::Place::OtherSection(_) = place {
        page.kind = PageKind::OtherSection;
        return page;
    }

    // 4. Sections: headings, objectives, achievements and the other recognised sections.
    let linked = kind::reads_linked_weeks(source);
    let outline = sections::outline_with(&text, front.body_offset, &lines, linked);
    if page.title.is_none() {
        page.title = outline
            .headings
            .iter()
            .find(|h| h.level == 1)
            .map(|h| h.text.clone())
            .filter(|t| !t.is_empty());
    }

    // 5. Tables: worklog rows → tasks, their cells, day labels and dates.
    let context = tables::TableContext {
        language: page.language,
        front_matter_date: page.date,
        date_order_hint: None,
    };
    let tables = tables::extract_tasks(&text, &context);
    page.tasks = tables.tasks;
    if let Some(reason) = &tables.date_order_reason {
        dates::set_order(&mut page, reason);
    }

    // 6. Week number(s) and page kind, which need the outline and the tasks.
    let found = kind::classify(source, &text, &front, &outline, page.tasks.len());
    page.kind = found.kind;
    page.week = found.week;
    page.weeks = found.weeks;
    page.diagnostics.extend(found.diagnostics);
    if page.kind == PageKind::SingleFile && page.tasks.is_empty() {
        // A whole internship without tables: one dated task per week section.
        page.tasks = single_file::week_tasks(&text, &outline, page.language);
    } else if page.tasks.is_empty() && matches!(page.kind, PageKind::Week | PageKind::MultiWeek) {
        // A week without a table, written as daily sub-headings: one task per day.
        page.tasks = single_file::daily_tasks(&outline, page.language);
    }

    // The week of each task (pages that cover several weeks split them by task).
    let weeks = task_week::PageWeeks {
        kind: page.kind,
        week: page.week,
        weeks: &page.weeks,
        language: page.language,
    };
    task_week::assign(&mut page.tasks, &weeks, &text, &outline);

    page.objectives = outline.objectives;
    page.achievements = outline.achievements;
    page.sections = outline.sections;
    page.diagnostics.extend(outline.diagnostics);
    page.diagnostics.extend(tables.diagnostics);

    // A link dropped from a task row is reported once per line, also when the sections pass
    // read the same row as a paragraph and reported it first.
    let mut reported: std::collections::HashSet<(Option<u32>, String)> = page
        .diagnostics
        .iter()
        .filter(|d| d.code == inline::UNSAFE_URL)
        .map(|d| (d.line, d.message.clone()))
        .collect();
    for d in tables.link_diagnostics {
        if reported.insert((d.line, d.message.clone())) {
            page.diagnostics.push(d);
        }
    }

    // 7. Services named in the tasks.
    crate::services::annotate(&mut page);

    // 8. Nothing lost silently: a week page whose worklog-like table gave no task is told so.
    tables::check_unread(&mut page);

    page.diagnostics
        .sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    page
}

/// A small seeded pseudo-random sequence (xorshift64) for the randomised parser tests: the
/// same cases on every run, no dependency.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
