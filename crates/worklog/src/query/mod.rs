//! The filter model shared by the app (URL query string) and the CLI (flags).
//!
//! One implementation of "which tasks are shown" so that a shared link, the app's facets and
//! `worklog export --service kms` always agree:
//!
//! - [`Filter`]: the selection. AND across kinds, OR within one kind; an empty kind does not
//!   filter. [`Filter::matcher`] compiles it once (lower-cased needles, normalised sets) so that
//!   [`Matcher::matches`] runs over 20,000 tasks without allocating per task.
//! - [`ViewState`]: everything the URL holds (sources, view, filter, sort, grouping, lanes), with
//!   a tolerant [`ViewState::from_query`] and a canonical [`ViewState::to_query`]. Parameter
//!   names are a public, versioned interface documented in `docs/url-parameters.md`.
//! - [`facets`]: per-facet counts under the current filter, excluding the facet's own selection
//!   (standard faceted search), so every option shows how many tasks it would add.

mod facets;
mod filter;
mod matcher;
mod view;

pub use facets::*;
pub use filter::*;
pub use matcher::*;
pub use view::*;

use chrono::NaiveDate;

use crate::model::{Page, Task};

/// The weeks a page covers: `weeks` when the parser listed them, else `week`.
pub fn page_weeks(page: &Page) -> impl Iterator<Item = u32> + '_ {
    let fallback = if page.weeks.is_empty() {
        page.week
    } else {
        None
    };
    page.weeks.iter().copied().chain(fallback)
}

/// The weeks a task belongs to: its own week when the parser set one, else its page's weeks.
pub fn task_weeks<'a>(page: &'a Page, task: &Task) -> impl Iterator<Item = u32> + 'a {
    let own = task.week;
    let page_level = if own.is_none() {
        Some(page_weeks(page))
    } else {
        None
    };
    own.into_iter().chain(page_level.into_iter().flatten())
}

/// `(start, end)` of a task, either bound standing in for a missing other; `end >= start`.
pub fn task_span(task: &Task) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = match (task.start, task.end) {
        (Some(s), Some(e)) => (s, e),
        (Some(s), None) => (s, s),
        (None, Some(e)) => (e, e),
        (None, None) => return None,
    };
    Some((start.min(end), start.max(end)))
}

/// Is `path` equal to `prefix` or inside it (path-component aware: `a/bc` is not inside `a/b`)?
/// Backslashes count as separators so Windows paths given to the CLI work too.
pub fn path_within(path: &str, prefix: &str) -> bool {
    let prefix = prefix.trim_end_matches(['/', '\\']);
    if prefix.is_empty() {
        return true;
    }
    match path.strip_prefix(prefix) {
        Some("") => true,
        Some(rest) => rest.starts_with(['/', '\\']),
        None => false,
    }
}

#[cfg(test)]
mod tests;
