//! The selection of tasks ([`Filter`]) and the week ranges it holds.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{slug, Matcher};
use crate::collection::Collection;
use crate::model::{Language, Page, Task};
use crate::similar::Similarity;

/// Version of the URL parameter set documented in `docs/url-parameters.md`. Bump only when a
/// parameter changes meaning; adding a parameter keeps the version.
pub const URL_PARAMETERS_VERSION: u32 = 1;

/// Highest week number accepted from a query or a flag; larger values are junk, not weeks.
const MAX_WEEK: u32 = 1000;

/// An inclusive range of week numbers (`5-7`), or a single week (`3`, start == end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct WeekRange {
    pub start: u32,
    pub end: u32,
}

impl WeekRange {
    pub fn single(week: u32) -> Self {
        WeekRange {
            start: week,
            end: week,
        }
    }

    /// A range in either order (`7-5` is read as `5-7`).
    pub fn new(a: u32, b: u32) -> Self {
        WeekRange {
            start: a.min(b),
            end: a.max(b),
        }
    }

    pub fn contains(&self, week: u32) -> bool {
        self.start <= week && week <= self.end
    }
}

impl fmt::Display for WeekRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// Why a week range could not be read; the CLI shows it, the URL reader ignores the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekRangeError(String);

impl fmt::Display for WeekRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid week `{}`: expected a number or a range like 5-7 (0..={MAX_WEEK})",
            self.0
        )
    }
}

impl std::error::Error for WeekRangeError {}

impl FromStr for WeekRange {
    type Err = WeekRangeError;

    /// `3`, `5-7`, `5..7`, `w5`, `Week 5` (case-insensitive), surrounding spaces allowed.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || WeekRangeError(s.to_string());
        let t = s.trim();
        let t = strip_prefix_ci(t, "week").unwrap_or(t);
        let t = strip_prefix_ci(t.trim_start(), "w").unwrap_or(t).trim();
        let number = |part: &str| -> Result<u32, WeekRangeError> {
            let part = part.trim();
            let part = strip_prefix_ci(part, "week").unwrap_or(part);
            let part = strip_prefix_ci(part.trim_start(), "w")
                .unwrap_or(part)
                .trim();
            match part.parse::<u32>() {
                Ok(n) if n <= MAX_WEEK => Ok(n),
                _ => Err(err()),
            }
        };
        let (a, b) = if let Some((a, b)) = t.split_once("..") {
            (a, b)
        } else if let Some((a, b)) = t.split_once('-') {
            (a, b)
        } else {
            return number(t).map(WeekRange::single);
        };
        Ok(WeekRange::new(number(a)?, number(b)?))
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The selection of tasks. Every field is one filter kind; an empty kind selects everything.
/// Kinds combine with AND, values within a kind with OR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Service ids (`kms`, `ec2`). A feature entry (`security-group`) also matches when its
    /// parent service is selected.
    pub services: Vec<String>,
    /// Category slugs (`security-identity-compliance`); names are accepted and compared loosely.
    pub categories: Vec<String>,
    pub weeks: Vec<WeekRange>,
    /// Tasks whose [start, end] overlaps [from, to]; tasks without dates are excluded while a
    /// date bound is set.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Free text: every whitespace-separated term must occur in the task text (case-insensitive).
    pub text: String,
    pub language: Option<Language>,
    /// Internship keys or path prefixes (`alice-fcj`, `repos/alice/content`): a page matches when
    /// its source is that path or lies under it.
    pub sources: Vec<String>,
    /// Rows similar to another intern's ([`crate::similar`]): shown with the rest (the
    /// default), hidden, or shown alone. A row-level kind: it needs the collection's similar
    /// rows ([`Filter::matcher_in`], [`super::select_rows`]).
    #[serde(default)]
    pub similar: SimilarRows,
}

impl Filter {
    /// True when nothing is selected, i.e. every task matches.
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
            && self.categories.is_empty()
            && self.weeks.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.text.trim().is_empty()
            && self.language.is_none()
            && self.sources.is_empty()
            && self.similar == SimilarRows::Show
    }

    /// Canonical form: ids lower-cased, sets sorted and deduplicated, week ranges merged,
    /// `from <= to`. Two filters selecting the same tasks by the same means compare equal after it,
    /// which is what makes [`ViewState::to_query`] stable.
    pub fn normalize(&mut self) {
        for id in &mut self.services {
            *id = id.trim().to_lowercase();
        }
        self.services.retain(|s| !s.is_empty());
        self.services.sort();
        self.services.dedup();

        for c in &mut self.categories {
            *c = slug(c);
        }
        self.categories.retain(|s| !s.is_empty());
        self.categories.sort();
        self.categories.dedup();

        self.weeks = merge_ranges(std::mem::take(&mut self.weeks));

        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                self.from = Some(to);
                self.to = Some(from);
            }
        }

        self.text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");

        for s in &mut self.sources {
            *s = s.trim().trim_end_matches('/').to_string();
        }
        self.sources.retain(|s| !s.is_empty());
        self.sources.sort();
        self.sources.dedup();
    }

    /// Compile once, then test many tasks. The similar-rows kind needs the collection's
    /// similar rows, which a bare matcher does not have: until
    /// [`Matcher::with_similarity`] gives them, no row counts as similar (`similar=only`
    /// selects nothing). Prefer [`Filter::matcher_in`] for rows of a collection.
    pub fn matcher(&self) -> Matcher {
        Matcher::new(self)
    }

    /// The matcher for the rows of `collection`, with the similar rows when this filter's
    /// `similar` kind needs them: `similarity` when given (the app computes it once), else
    /// computed here ([`Similarity::compute`]).
    pub fn matcher_in(&self, collection: &Collection, similarity: Option<&Similarity>) -> Matcher {
        let matcher = Matcher::new(self);
        if self.similar == SimilarRows::Show {
            return matcher;
        }
        match similarity {
            Some(s) => matcher.with_similarity(collection, s),
            None => matcher.with_similarity(collection, &Similarity::compute(collection)),
        }
    }

    /// Convenience for a single test; prefer [`Filter::matcher`] in loops.
    pub fn matches(&self, page: &Page, task: &Task) -> bool {
        self.matcher().matches(page, task)
    }
}

/// Rows similar to another intern's ([`crate::similar`]): shown with the others, hidden, or
/// shown alone (`similar=` in the URL, `--similar` of the CLI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SimilarRows {
    #[default]
    Show,
    Hide,
    Only,
}

impl SimilarRows {
    pub fn as_str(self) -> &'static str {
        match self {
            SimilarRows::Show => "show",
            SimilarRows::Hide => "hide",
            SimilarRows::Only => "only",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [SimilarRows::Show, SimilarRows::Hide, SimilarRows::Only]
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Sort ranges and merge the ones that overlap or touch (`3`, `4-6` → `3-6`).
pub(super) fn merge_ranges(mut ranges: Vec<WeekRange>) -> Vec<WeekRange> {
    ranges.sort();
    let mut out: Vec<WeekRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end.saturating_add(1) => {
                last.end = last.end.max(r.end);
            }
            _ => out.push(r),
        }
    }
    out
}
