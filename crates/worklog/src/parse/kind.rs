//! Pass: what kind of page this is, and its week number(s).
//!
//! - whole-internship page: two or more `## Week N: topic` headings and no week in the path;
//! - worklog index: an `_index.md`/`index.md` without a week of its own that lists weeks;
//! - week / multi-week page: a week number from the path, `pre`, title, headings or weight;
//! - stub: empty or placeholder content; other: anything else (notes, unrelated markdown).

use crate::message::Message;
use crate::model::{Diagnostic, PageKind};
use crate::parse::front_matter::FrontMatter;
use crate::parse::sections::Outline;
use crate::parse::week;

pub const EMPTY_PAGE: &str = "empty-page";
pub const STUB_PAGE: &str = "stub-page";

/// A week page with no table and less body text than this may be a placeholder.
const STUB_TEXT_CHARS: usize = 300;

pub struct Found {
    pub kind: PageKind,
    pub week: Option<u32>,
    pub weeks: Vec<u32>,
    pub diagnostics: Vec<Diagnostic>,
}

/// File name without folders, lower-cased.
fn file_name(source: &str) -> String {
    source
        .replace('\\', "/")
        .rsplit('/')
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// `_index.md`, `_index.vi.md`, `index.en.md`, `_index2.md`: a Hugo section or bundle page.
fn is_index_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    stem == "_index" || stem == "index"
}

/// Does [`classify`] read `Outline::linked_weeks` for this page? Only for an index page
/// with no week in its path (the outline skips collecting them otherwise).
pub fn reads_linked_weeks(source: &str) -> bool {
    week::number_in_path(source).is_none() && is_index_name(&file_name(source))
}

/// Could this file be a whole worklog? (A notes file at a repository root is not.)
fn may_be_worklog(source: &str) -> bool {
    let lower = source.to_lowercase().replace('\\', "/");
    let name = file_name(source);
    lower.contains("content/") || is_index_name(&name) || name.contains("worklog")
}

/// Template filler left in a page that was never written.
const PLACEHOLDERS: [&str; 8] = [
    "describe the goal",
    "write the result",
    "task 1",
    "doing task",
    "lorem ipsum",
    "todo",
    "tbd",
    "mô tả mục tiêu",
];

/// No table and (nothing under objectives/achievements and almost no text, or little
/// text that is template filler).
fn is_placeholder(text: &str, outline: &Outline) -> bool {
    if outline.text_chars < 40 && outline.objectives.is_empty() && outline.achievements.is_empty() {
        return true;
    }
    if outline.text_chars >= STUB_TEXT_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    PLACEHOLDERS.iter().any(|p| lower.contains(p))
}

pub fn classify(
    source: &str,
    text: &str,
    front: &FrontMatter,
    outline: &Outline,
    tasks: usize,
) -> Found {
    let mut found = Found {
        kind: PageKind::Other,
        week: None,
        weeks: Vec::new(),
        diagnostics: Vec::new(),
    };
    let path_week = week::number_in_path(source);

    if text.trim().is_empty() {
        found.kind = PageKind::Stub;
        found.week = path_week;
        found.weeks = path_week.into_iter().collect();
        found.diagnostics.push(Message::EmptyPage {}.info(None));
        return found;
    }

    if path_week.is_none() {
        let weeks = week::single_file_weeks(&outline.headings);
        if !weeks.is_empty() {
            if may_be_worklog(source) {
                found.kind = PageKind::SingleFile;
                found.week = weeks.first().copied();
                found.weeks = weeks;
            }
            // Otherwise notes about several weeks (`WEEK_UPDATE_CONTENT.md`): not a page of
            // the site, kind "other".
            return found;
        }
    }

    let resolved = week::resolve(source, front, &outline.headings);
    let index_name = is_index_name(&file_name(source));
    // An index lists weeks and has no content of its own (a week page dropped alone as
    // `_index.md` also has no week in its path, but has tasks or sections).
    let own_content =
        tasks > 0 || !outline.objectives.is_empty() || !outline.achievements.is_empty();
    let no_own_week = resolved.week.is_none() || resolved.from_weight;
    // `linked_weeks` is read only past the first two conditions: `reads_linked_weeks`.
    if path_week.is_none()
        && index_name
        && !own_content
        && (outline.linked_weeks.len() >= 2
            || (no_own_week && source.to_lowercase().contains("log")))
    {
        found.kind = PageKind::Index;
        return found;
    }

    match resolved.week {
        Some(n) => {
            found.week = Some(n);
            found.weeks = resolved.weeks;
            found.diagnostics = resolved.diagnostics;
            found.kind = if tasks == 0 && is_placeholder(text, outline) {
                found
                    .diagnostics
                    .push(Message::PlaceholderWeek { week: n }.info(None));
                PageKind::Stub
            } else if found.weeks.len() > 1 {
                PageKind::MultiWeek
            } else {
                PageKind::Week
            };
        }
        None if tasks == 0 && outline.text_chars < 40 => {
            found.kind = PageKind::Stub;
            found
                .diagnostics
                .push(Message::AlmostEmptyPage {}.info(None));
        }
        None => {}
    }
    found
}
