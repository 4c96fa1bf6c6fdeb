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

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::{Deserialize, Serialize};

use crate::collection::Collection;
use crate::model::{Language, Page, Task};

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

    /// Compile once, then test many tasks.
    pub fn matcher(&self) -> Matcher {
        Matcher::new(self)
    }

    /// Convenience for a single test; prefer [`Filter::matcher`] in loops.
    pub fn matches(&self, page: &Page, task: &Task) -> bool {
        self.matcher().matches(page, task)
    }
}

/// Sort ranges and merge the ones that overlap or touch (`3`, `4-6` → `3-6`).
fn merge_ranges(mut ranges: Vec<WeekRange>) -> Vec<WeekRange> {
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

/// Lower-case ASCII slug of a name: `Security, Identity & Compliance` →
/// `security-identity-compliance`. Category names in URLs use it.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// Compare a name with a slug ignoring case and punctuation, without allocating: only the
/// alphanumeric characters count (`Security, Identity & Compliance` == `security-identity-compliance`).
fn loose_eq(name: &str, slug: &str) -> bool {
    let mut a = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut b = slug
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// What the filter needs from the service catalogue, in one place.
mod catalogue_view {
    use crate::services::{catalogue, Category};

    /// The parent of an entry (`security-group` → `vpc`). Tasks already carry their
    /// entries' ancestors (`services::annotate`); this covers pages built by other means.
    pub fn parent(id: &str) -> Option<&'static str> {
        catalogue().get(id).and_then(|e| e.parent)
    }

    /// The category of an entry.
    pub fn category(id: &str) -> Option<&'static Category> {
        catalogue().category_of(id)
    }
}

/// Selected ids plus every catalogue entry below one of them, sorted and deduplicated.
fn expand_services(selected: &[String]) -> Vec<String> {
    let catalogue = crate::services::catalogue();
    let mut ids: Vec<String> = selected.to_vec();
    for entry in catalogue.entries() {
        let mut at = entry.parent;
        // Bounded walk up the parent chain (the catalogue is a tree; the bound guards data).
        for _ in 0..8 {
            let Some(parent) = at else { break };
            if selected.iter().any(|s| s == parent) {
                ids.push(entry.id.to_string());
                break;
            }
            at = catalogue.get(parent).and_then(|p| p.parent);
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Catalogue ids whose category is one of `selected` (slugs, or names compared loosely).
fn category_members(selected: &[String]) -> Vec<&'static str> {
    let catalogue = crate::services::catalogue();
    let mut ids: Vec<&'static str> = catalogue
        .entries()
        .iter()
        .filter(|e| {
            catalogue.category(e.category).is_some_and(|cat| {
                selected
                    .iter()
                    .any(|c| c == cat.id || loose_eq(cat.name, c))
            })
        })
        .map(|e| e.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The category of a service id from the catalogue: what category filters and facets use
/// (`id` is the slug that goes into the URL, `name` what people read).
pub fn service_category(id: &str) -> Option<&'static crate::services::Category> {
    catalogue_view::category(id)
}

/// The parent service of a feature id (`security-group` → `ec2`), if it is a feature.
pub fn service_parent(id: &str) -> Option<&'static str> {
    catalogue_view::parent(id)
}

/// A compiled [`Filter`]: everything per-task is a comparison or a SIMD-accelerated search,
/// never an allocation.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Selected service ids plus every catalogue entry under them (features of a selected
    /// service), sorted for binary search; `None` when services do not filter.
    service_ids: Option<Vec<String>>,
    /// Catalogue ids of the selected categories, sorted; `None` when categories do not filter.
    category_ids: Option<Vec<&'static str>>,
    weeks: Vec<WeekRange>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// Search terms, each must occur.
    terms: Vec<Term>,
    language: Option<Language>,
    sources: Vec<String>,
}

/// One search term, compiled.
#[derive(Debug, Clone)]
struct Term {
    /// The term lower-cased.
    lower: String,
    /// ASCII term: finds the term itself, ignoring ASCII case (exact). Other terms: finds the
    /// candidates, i.e. the first character in lower or upper case, verified by [`Term::at`].
    finder: AhoCorasick,
    ascii: bool,
}

impl Term {
    fn new(lower: String) -> Option<Term> {
        let ascii = lower.is_ascii();
        let patterns: Vec<String> = if ascii {
            vec![lower.clone()]
        } else {
            let first = lower.chars().next()?;
            let mut variants = vec![first.to_lowercase().collect::<String>()];
            let upper: String = first.to_uppercase().collect();
            if !variants.contains(&upper) {
                variants.push(upper);
            }
            variants
        };
        let finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .ok()?;
        Some(Term {
            lower,
            finder,
            ascii,
        })
    }

    fn occurs_in(&self, haystack: &str) -> bool {
        if self.ascii {
            return self.finder.is_match(haystack);
        }
        self.finder
            .find_iter(haystack)
            .any(|m| self.at(&haystack[m.start()..]))
    }

    /// Does `text` start with the term, ignoring case?
    fn at(&self, text: &str) -> bool {
        let mut hay = text.chars().flat_map(char::to_lowercase);
        self.lower.chars().all(|c| hay.next() == Some(c))
    }
}

/// Which kinds of a [`Matcher`] a task satisfies; facets need them one by one.
#[derive(Debug, Clone, Copy)]
struct KindMatches {
    service: bool,
    category: bool,
    week: bool,
    date: bool,
    text: bool,
    language: bool,
    source: bool,
}

impl KindMatches {
    fn all(&self) -> bool {
        self.service
            && self.category
            && self.week
            && self.date
            && self.text
            && self.language
            && self.source
    }
}

impl Matcher {
    pub fn new(filter: &Filter) -> Self {
        let mut f = filter.clone();
        f.normalize();
        Matcher {
            service_ids: (!f.services.is_empty()).then(|| expand_services(&f.services)),
            category_ids: (!f.categories.is_empty()).then(|| category_members(&f.categories)),
            terms: f
                .text
                .split_whitespace()
                .filter_map(|t| Term::new(t.to_lowercase()))
                .collect(),
            weeks: f.weeks,
            from: f.from,
            to: f.to,
            language: f.language,
            sources: f.sources,
        }
    }

    /// Does `task` of `page` pass every kind of the filter?
    pub fn matches(&self, page: &Page, task: &Task) -> bool {
        self.page_matches(page) && self.task_matches(page, task)
    }

    /// The page-level kinds (week, language, source): lets a caller skip a whole page early.
    pub fn page_matches(&self, page: &Page) -> bool {
        self.week_ok(page) && self.language_ok(page) && self.source_ok(&page.source)
    }

    /// The task-level kinds (service, category, week, date, text), assuming the page passed.
    pub fn task_matches(&self, _page: &Page, task: &Task) -> bool {
        self.service_ok(task)
            && self.category_ok(task)
            && self.task_week_ok(task)
            && self.date_ok(task)
            && self.text_ok(task)
    }

    fn kinds(&self, page: &Page, task: &Task) -> KindMatches {
        KindMatches {
            service: self.service_ok(task),
            category: self.category_ok(task),
            week: self.week_ok(page) && self.task_week_ok(task),
            date: self.date_ok(task),
            text: self.text_ok(task),
            language: self.language_ok(page),
            source: self.source_ok(&page.source),
        }
    }

    fn service_ok(&self, task: &Task) -> bool {
        let Some(ids) = &self.service_ids else {
            return true;
        };
        task.services
            .iter()
            .any(|s| ids.binary_search_by(|id| id.as_str().cmp(&s.id)).is_ok())
    }

    fn category_ok(&self, task: &Task) -> bool {
        let Some(ids) = &self.category_ids else {
            return true;
        };
        task.services
            .iter()
            .any(|s| ids.binary_search(&s.id.as_str()).is_ok())
    }

    /// Page level: some week of the page is wanted (a quick skip; a page covering several
    /// weeks is then narrowed task by task, [`Self::task_week_ok`]).
    fn week_ok(&self, page: &Page) -> bool {
        self.weeks.is_empty() || page_weeks(page).any(|w| self.week_wanted(w))
    }

    /// Task level: the task's own week is wanted. Tasks without one (pages parsed before
    /// tasks had weeks) are judged by their page alone.
    fn task_week_ok(&self, task: &Task) -> bool {
        self.weeks.is_empty() || task.week.is_none_or(|w| self.week_wanted(w))
    }

    fn week_wanted(&self, week: u32) -> bool {
        self.weeks.iter().any(|r| r.contains(week))
    }

    fn date_ok(&self, task: &Task) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some((start, end)) = task_span(task) else {
            return false;
        };
        self.from.is_none_or(|from| end >= from) && self.to.is_none_or(|to| start <= to)
    }

    fn text_ok(&self, task: &Task) -> bool {
        self.terms.iter().all(|term| term.occurs_in(&task.text))
    }

    fn language_ok(&self, page: &Page) -> bool {
        self.language.is_none_or(|l| page.language == Some(l))
    }

    fn source_ok(&self, source: &str) -> bool {
        self.sources.is_empty() || self.sources.iter().any(|s| path_within(source, s))
    }
}

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

/// The screen the app shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Weeks,
    Tasks,
    Timeline,
    Services,
    Diagnostics,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Weeks,
        View::Tasks,
        View::Timeline,
        View::Services,
        View::Diagnostics,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Weeks => "weeks",
            View::Tasks => "tasks",
            View::Timeline => "timeline",
            View::Services => "services",
            View::Diagnostics => "diagnostics",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        View::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// A column of the task table the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortColumn {
    Week,
    Day,
    Start,
    End,
    Task,
    Services,
    References,
    Source,
}

impl SortColumn {
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Week,
        SortColumn::Day,
        SortColumn::Start,
        SortColumn::End,
        SortColumn::Task,
        SortColumn::Services,
        SortColumn::References,
        SortColumn::Source,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortColumn::Week => "week",
            SortColumn::Day => "day",
            SortColumn::Start => "start",
            SortColumn::End => "end",
            SortColumn::Task => "task",
            SortColumn::Services => "services",
            SortColumn::References => "references",
            SortColumn::Source => "source",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        SortColumn::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Sort order of the task table: `sort=start` ascending, `sort=-start` descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (descending, name) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        SortColumn::parse(name).map(|column| Sort { column, descending })
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.descending {
            f.write_str("-")?;
        }
        f.write_str(self.column.as_str())
    }
}

/// Grouping of the task table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    #[default]
    None,
    Week,
    Service,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::None => "none",
            Group::Week => "week",
            Group::Service => "service",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Group::None, Group::Week, Group::Service]
            .into_iter()
            .find(|g| g.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One timeline lane per week or per service.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lanes {
    #[default]
    Week,
    Service,
}

impl Lanes {
    pub fn as_str(self) -> &'static str {
        match self {
            Lanes::Week => "week",
            Lanes::Service => "service",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Lanes::Week, Lanes::Service]
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// Everything the URL query string holds: copying the URL reproduces the same screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewState {
    /// `src`: URLs of pages or manifests to load, in the order given (order is kept: it is the
    /// load order, not a set).
    pub sources: Vec<String>,
    pub view: View,
    pub filter: Filter,
    /// `None`: the view's natural order (weeks, then day).
    pub sort: Option<Sort>,
    pub group: Group,
    pub lanes: Lanes,
}

/// Characters escaped in query values: controls, space, non-ASCII and what would end or split
/// a parameter (`& = + #`) or is unsafe in a URL; `/ : , @ ( ) ! * ' ~ ;` stay readable so
/// shared links of `src=https://...` remain legible.
const QUERY_VALUE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b'+')
    .add(b'<')
    .add(b'=')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Longest value taken from a query; longer ones are junk (or an attack) and are ignored.
const MAX_VALUE_LEN: usize = 4096;
/// Most values of one repeatable parameter kept; the rest are ignored.
const MAX_VALUES: usize = 256;

impl ViewState {
    /// Read a URL query string (with or without the leading `?`). Tolerant: unknown parameters,
    /// invalid values and empty values are ignored; it never fails and never panics.
    pub fn from_query(query: &str) -> ViewState {
        let query = query.trim();
        let query = query.strip_prefix('?').unwrap_or(query);
        // A fragment is not part of the query.
        let query = query.split('#').next().unwrap_or("");
        let mut state = ViewState::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if value.len() > MAX_VALUE_LEN {
                continue;
            }
            let value = value.trim();
            match key.as_ref() {
                "src" if !value.is_empty() && state.sources.len() < MAX_VALUES => {
                    state.sources.push(value.to_string());
                }
                "view" => {
                    if let Some(v) = View::parse(value) {
                        state.view = v;
                    }
                }
                "service" => push_list(&mut state.filter.services, value),
                "category" => push_list(&mut state.filter.categories, value),
                "week" => {
                    for part in value.split(',') {
                        if let Ok(r) = part.parse::<WeekRange>() {
                            if state.filter.weeks.len() < MAX_VALUES {
                                state.filter.weeks.push(r);
                            }
                        }
                    }
                }
                "from" => {
                    if let Some(d) = parse_date(value) {
                        state.filter.from = Some(d);
                    }
                }
                "to" => {
                    if let Some(d) = parse_date(value) {
                        state.filter.to = Some(d);
                    }
                }
                "q" => state.filter.text = value.to_string(),
                "lang" => {
                    state.filter.language = match value.to_ascii_lowercase().as_str() {
                        "en" => Some(Language::En),
                        "vi" => Some(Language::Vi),
                        _ => state.filter.language,
                    }
                }
                "source" => push_list(&mut state.filter.sources, value),
                "sort" => {
                    if let Some(s) = Sort::parse(value) {
                        state.sort = Some(s);
                    }
                }
                "group" => {
                    if let Some(g) = Group::parse(value) {
                        state.group = g;
                    }
                }
                "lanes" => {
                    if let Some(l) = Lanes::parse(value) {
                        state.lanes = l;
                    }
                }
                _ => {}
            }
        }
        state.filter.normalize();
        state
    }

    /// The canonical query string (without `?`): parameters in a fixed order, defaults omitted,
    /// set values sorted, values percent-encoded. `from_query(to_query(s)) == s` for any state
    /// whose filter is normalised (every state `from_query` returns is).
    pub fn to_query(&self) -> String {
        let mut filter = self.filter.clone();
        filter.normalize();
        let mut out = String::new();
        let mut push = |key: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            out.extend(utf8_percent_encode(value, QUERY_VALUE));
        };
        for src in &self.sources {
            let src = src.trim();
            if !src.is_empty() {
                push("src", src);
            }
        }
        if self.view != View::default() {
            push("view", self.view.as_str());
        }
        for s in &filter.services {
            push("service", s);
        }
        for c in &filter.categories {
            push("category", c);
        }
        for w in &filter.weeks {
            push("week", &w.to_string());
        }
        if let Some(d) = filter.from {
            push("from", &d.format("%Y-%m-%d").to_string());
        }
        if let Some(d) = filter.to {
            push("to", &d.format("%Y-%m-%d").to_string());
        }
        if !filter.text.is_empty() {
            push("q", &filter.text);
        }
        if let Some(l) = filter.language {
            push("lang", l.code());
        }
        for s in &filter.sources {
            push("source", s);
        }
        if let Some(sort) = self.sort {
            push("sort", &sort.to_string());
        }
        if self.group != Group::default() {
            push("group", self.group.as_str());
        }
        if self.lanes != Lanes::default() {
            push("lanes", self.lanes.as_str());
        }
        out
    }
}

/// Add the comma-separated values of one parameter occurrence to a list.
fn push_list(list: &mut Vec<String>, value: &str) {
    for part in value.split(',') {
        let part = part.trim();
        if !part.is_empty() && list.len() < MAX_VALUES {
            list.push(part.to_string());
        }
    }
}

/// `YYYY-MM-DD` only: the one unambiguous form, used in URLs and CLI flags.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// One option of a facet with the number of tasks it would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount<T> {
    /// What goes into the filter (service id, category slug, week number, ...).
    pub value: T,
    /// What a person reads (service name, category name); equals the value when there is none.
    pub label: String,
    pub count: usize,
    /// Whether this option is part of the current filter.
    pub selected: bool,
}

/// Counts for each facet kind. Each kind is counted under the filter *without* its own
/// selection, so selecting more options of one kind is an OR the counts predict.
/// String facets are sorted by count (descending) then label; weeks by number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub services: Vec<FacetCount<String>>,
    pub categories: Vec<FacetCount<String>>,
    pub weeks: Vec<FacetCount<u32>>,
    pub languages: Vec<FacetCount<Language>>,
    pub sources: Vec<FacetCount<String>>,
    /// Tasks matching the whole filter.
    pub total: usize,
}

/// The internship key a page lies within: the longest key equal to its path or to a folder of
/// it. A few hash lookups per page, whatever the number of internships.
fn longest_source(path: &str, keys: &HashMap<&str, usize>) -> Option<usize> {
    if keys.is_empty() {
        return None;
    }
    if let Some(&i) = keys.get(path) {
        return Some(i);
    }
    path.char_indices()
        .rev()
        .filter(|&(_, c)| c == '/' || c == '\\')
        .find_map(|(at, _)| keys.get(&path[..at]).copied())
        .or_else(|| keys.get("").copied())
}

/// A service seen while counting facets, with its catalogue facts looked up once.
#[derive(Debug)]
struct SeenService<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<usize>,
    category: Option<usize>,
    count: usize,
    stamp: Option<(usize, usize)>,
}

#[derive(Debug)]
struct SeenCategory {
    id: &'static str,
    name: &'static str,
    count: usize,
    stamp: Option<(usize, usize)>,
}

/// Facet tallies with interned ids: one hash lookup per task service, catalogue lookups once
/// per distinct id.
#[derive(Debug, Default)]
struct Tally<'a> {
    index: HashMap<&'a str, usize>,
    services: Vec<SeenService<'a>>,
    category_index: HashMap<&'static str, usize>,
    categories: Vec<SeenCategory>,
}

impl<'a> Tally<'a> {
    /// Intern a service id (and its ancestors), returning its index.
    fn service(&mut self, id: &'a str, name: &'a str, depth: usize) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.services.len();
        self.index.insert(id, i);
        let category = catalogue_view::category(id).map(|c| {
            *self.category_index.entry(c.id).or_insert_with(|| {
                self.categories.push(SeenCategory {
                    id: c.id,
                    name: c.name,
                    count: 0,
                    stamp: None,
                });
                self.categories.len() - 1
            })
        });
        self.services.push(SeenService {
            id,
            name,
            parent: None,
            category,
            count: 0,
            stamp: None,
        });
        // The catalogue is a shallow tree; the depth bound only guards against bad data.
        if depth < 8 {
            if let Some(parent) = catalogue_view::parent(id) {
                let parent_name = crate::services::catalogue()
                    .get(parent)
                    .map_or(parent, |e| e.short);
                let p = self.service(parent, parent_name, depth + 1);
                self.services[i].parent = Some(p);
            }
        }
        i
    }

    /// Count a task once for each of its services and their ancestors.
    fn count_services(&mut self, task_services: &[usize], stamp: (usize, usize)) {
        for &start in task_services {
            let mut at = Some(start);
            for _ in 0..8 {
                let Some(i) = at else { break };
                let seen = &mut self.services[i];
                if seen.stamp != Some(stamp) {
                    seen.stamp = Some(stamp);
                    seen.count += 1;
                }
                at = seen.parent;
            }
        }
    }

    /// Count a task once for each category among its services.
    fn count_categories(&mut self, task_services: &[usize], stamp: (usize, usize)) {
        for &i in task_services {
            if let Some(c) = self.services[i].category {
                let seen = &mut self.categories[c];
                if seen.stamp != Some(stamp) {
                    seen.stamp = Some(stamp);
                    seen.count += 1;
                }
            }
        }
    }
}

/// Facet counts over a collection's pages; sources are its internships.
pub fn facets(collection: &Collection, filter: &Filter) -> Facets {
    let keys: Vec<(String, String)> = collection
        .internships()
        .iter()
        .map(|i| (i.key.clone(), i.name.clone()))
        .collect();
    facets_of(collection.pages(), &keys, filter)
}

/// Facet counts over pages; `sources` lists `(key, label)` of the internships (path prefixes),
/// each page counting under the longest key it lies within.
pub fn facets_of(pages: &[Page], sources: &[(String, String)], filter: &Filter) -> Facets {
    let m = filter.matcher();
    let mut tally = Tally::default();
    let mut weeks: BTreeMap<u32, usize> = BTreeMap::new();
    let mut languages: BTreeMap<Language, usize> = BTreeMap::new();
    let mut source_counts: BTreeMap<usize, usize> = BTreeMap::new();
    let mut total = 0;
    let source_keys: HashMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.trim_end_matches(['/', '\\']), i))
        .collect();
    // Interned services of the current task, reused across tasks.
    let mut task_services: Vec<usize> = Vec::new();

    for (page_no, page) in pages.iter().enumerate() {
        let source_index = longest_source(&page.source, &source_keys);
        for (task_no, task) in page.tasks.iter().enumerate() {
            let k = m.kinds(page, task);
            if k.all() {
                total += 1;
            }
            let count_services = (KindMatches { service: true, ..k }).all();
            let count_categories = (KindMatches {
                category: true,
                ..k
            })
            .all();
            if count_services || count_categories {
                task_services.clear();
                for s in &task.services {
                    task_services.push(tally.service(&s.id, &s.name, 0));
                }
                // A stamp unique to this task makes each value count once per task.
                let stamp = (page_no, task_no);
                if count_services {
                    tally.count_services(&task_services, stamp);
                }
                if count_categories {
                    tally.count_categories(&task_services, stamp);
                }
            }
            if (KindMatches { week: true, ..k }).all() {
                let mut last = None;
                for w in task_weeks(page, task) {
                    if last != Some(w) {
                        *weeks.entry(w).or_default() += 1;
                    }
                    last = Some(w);
                }
            }
            if (KindMatches {
                language: true,
                ..k
            })
            .all()
            {
                if let Some(l) = page.language {
                    *languages.entry(l).or_default() += 1;
                }
            }
            if (KindMatches { source: true, ..k }).all() {
                if let Some(i) = source_index {
                    *source_counts.entry(i).or_default() += 1;
                }
            }
        }
    }
    let services: Vec<(&str, (usize, &str))> = tally
        .services
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| (s.id, (s.count, s.name)))
        .collect();
    let categories: Vec<(&str, (usize, &str))> = tally
        .categories
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| (c.id, (c.count, c.name)))
        .collect();

    let mut f = filter.clone();
    f.normalize();

    let mut service_facets: Vec<FacetCount<String>> = services
        .into_iter()
        .map(|(id, (count, name))| FacetCount {
            value: id.to_string(),
            label: name.to_string(),
            count,
            selected: f.services.iter().any(|s| s == id),
        })
        .collect();
    add_missing_selected(&mut service_facets, &f.services);
    sort_facets(&mut service_facets);

    let mut category_facets: Vec<FacetCount<String>> = categories
        .into_iter()
        .map(|(value, (count, name))| FacetCount {
            selected: f.categories.iter().any(|c| c == value),
            value: value.to_string(),
            label: name.to_string(),
            count,
        })
        .collect();
    add_missing_selected(&mut category_facets, &f.categories);
    sort_facets(&mut category_facets);

    let week_facets = weeks
        .into_iter()
        .map(|(w, count)| FacetCount {
            value: w,
            label: w.to_string(),
            count,
            selected: f.weeks.iter().any(|r| r.contains(w)),
        })
        .collect();

    let language_facets = languages
        .into_iter()
        .map(|(l, count)| FacetCount {
            value: l,
            label: l.code().to_string(),
            count,
            selected: f.language == Some(l),
        })
        .collect();

    let mut source_facets: Vec<FacetCount<String>> = source_counts
        .into_iter()
        .filter_map(|(i, count)| {
            let (key, name) = sources.get(i)?;
            Some(FacetCount {
                value: key.clone(),
                label: name.clone(),
                count,
                selected: f.sources.iter().any(|s| s == key.trim_end_matches('/')),
            })
        })
        .collect();
    add_missing_selected(&mut source_facets, &f.sources);
    sort_facets(&mut source_facets);

    Facets {
        services: service_facets,
        categories: category_facets,
        weeks: week_facets,
        languages: language_facets,
        sources: source_facets,
        total,
    }
}

/// A selected option that no task has still appears (with 0) so the user can unselect it.
fn add_missing_selected(facets: &mut Vec<FacetCount<String>>, selected: &[String]) {
    for s in selected {
        if !facets.iter().any(|f| &f.value == s) {
            facets.push(FacetCount {
                value: s.clone(),
                label: s.clone(),
                count: 0,
                selected: true,
            });
        }
    }
}

fn sort_facets(facets: &mut [FacetCount<String>]) {
    facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PageKind, ServiceRef};

    fn date(s: &str) -> NaiveDate {
        parse_date(s).expect("test date")
    }

    fn task(text: &str, services: &[&str], start: Option<&str>, end: Option<&str>) -> Task {
        Task {
            line: 1,
            week: None,
            day: None,
            weekday: None,
            start: start.map(date),
            end: end.map(date),
            start_text: None,
            end_text: None,
            text: text.to_string(),
            items: Vec::new(),
            references: Vec::new(),
            services: services
                .iter()
                .map(|id| ServiceRef {
                    id: id.to_string(),
                    name: id.to_uppercase(),
                })
                .collect(),
            extra: Vec::new(),
        }
    }

    fn page(source: &str, week: u32, language: Option<Language>, tasks: Vec<Task>) -> Page {
        Page {
            kind: PageKind::Week,
            language,
            week: Some(week),
            weeks: vec![week],
            tasks,
            ..Page::new(source)
        }
    }

    fn sample() -> Vec<Page> {
        vec![
            page(
                "alice/week1/_index.md",
                1,
                Some(Language::En),
                vec![
                    task(
                        "Set up IAM users",
                        &["iam"],
                        Some("2025-09-08"),
                        Some("2025-09-08"),
                    ),
                    task(
                        "Launch EC2 and S3 bucket",
                        &["ec2", "s3"],
                        Some("2025-09-09"),
                        Some("2025-09-10"),
                    ),
                ],
            ),
            page(
                "alice/week2/_index.vi.md",
                2,
                Some(Language::Vi),
                vec![
                    task(
                        "Tìm hiểu Amazon S3",
                        &["s3"],
                        Some("2025-09-15"),
                        Some("2025-09-15"),
                    ),
                    task("Ôn tập", &[], None, None),
                ],
            ),
            page(
                "bob/week3.md",
                3,
                Some(Language::En),
                vec![task(
                    "KMS keys and CloudTrail",
                    &["kms", "cloudtrail"],
                    Some("2025-09-22"),
                    None,
                )],
            ),
        ]
    }

    fn count(pages: &[Page], filter: &Filter) -> usize {
        let m = filter.matcher();
        pages
            .iter()
            .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
            .filter(|(p, t)| m.matches(p, t))
            .count()
    }

    #[test]
    fn week_filter_picks_tasks_of_a_multi_week_page() {
        let mut multi = page("carol/week12/_index.md", 12, None, Vec::new());
        multi.kind = PageKind::MultiWeek;
        multi.weeks = vec![12, 13, 14];
        for (week, text) in [(12, "plan"), (13, "build"), (13, "test"), (14, "present")] {
            let mut t = task(text, &[], None, None);
            t.week = Some(week);
            multi.tasks.push(t);
        }
        // A task parsed before tasks had weeks goes by its page.
        multi.tasks.push(task("legacy", &[], None, None));
        let pages = vec![multi];
        let mut f = Filter {
            weeks: vec![WeekRange::single(13)],
            ..Filter::default()
        };
        assert_eq!(count(&pages, &f), 3, "build, test, legacy");
        f.weeks = vec![WeekRange::single(15)];
        assert_eq!(count(&pages, &f), 0);
        let facets = facets_of(&pages, &[], &Filter::default());
        let weeks: Vec<(u32, usize)> = facets.weeks.iter().map(|w| (w.value, w.count)).collect();
        assert_eq!(weeks, vec![(12, 2), (13, 3), (14, 2)]);
    }

    #[test]
    fn empty_filter_matches_everything() {
        let pages = sample();
        assert!(Filter::default().is_empty());
        assert_eq!(count(&pages, &Filter::default()), 5);
    }

    #[test]
    fn or_within_a_kind_and_across_kinds() {
        let pages = sample();
        let mut f = Filter {
            services: vec!["s3".into(), "kms".into()],
            ..Filter::default()
        };
        assert_eq!(count(&pages, &f), 3, "s3 OR kms");
        f.weeks = vec![WeekRange::single(2), WeekRange::single(3)];
        assert_eq!(count(&pages, &f), 2, "(s3 OR kms) AND week in {{2,3}}");
        f.language = Some(Language::En);
        assert_eq!(count(&pages, &f), 1, "... AND lang=en");
        f.text = "cloudtrail".into();
        assert_eq!(count(&pages, &f), 1);
        f.text = "nothing-like-this".into();
        assert_eq!(count(&pages, &f), 0);
    }

    #[test]
    fn text_search_is_case_insensitive_and_all_terms() {
        let pages = sample();
        let f = |q: &str| Filter {
            text: q.into(),
            ..Filter::default()
        };
        assert_eq!(count(&pages, &f("ec2")), 1);
        assert_eq!(count(&pages, &f("LAUNCH bucket")), 1);
        assert_eq!(count(&pages, &f("launch iam")), 0);
        assert_eq!(count(&pages, &f("TÌM HIỂU")), 1, "non-ASCII folding");
        assert_eq!(count(&pages, &f("ôn")), 1);
    }

    #[test]
    fn dates_overlap_and_undated_tasks_excluded() {
        let pages = sample();
        let f = Filter {
            from: Some(date("2025-09-10")),
            to: Some(date("2025-09-15")),
            ..Filter::default()
        };
        // The 09-09..09-10 task overlaps; the 09-15 task is inside; undated excluded.
        assert_eq!(count(&pages, &f), 2);
        let open_end = Filter {
            from: Some(date("2025-09-20")),
            ..Filter::default()
        };
        assert_eq!(
            count(&pages, &open_end),
            1,
            "start-only task counts as one day"
        );
    }

    #[test]
    fn sources_are_path_prefixes() {
        let pages = sample();
        let f = Filter {
            sources: vec!["alice/".into()],
            ..Filter::default()
        };
        assert_eq!(count(&pages, &f), 4);
        assert!(path_within("alice/week1/_index.md", "alice"));
        assert!(!path_within("alicia/week1.md", "alice"));
        assert!(path_within("bob/week3.md", "bob/week3.md"));
        assert!(path_within(r"C:\logs\a.md", r"C:\logs"));
    }

    #[test]
    fn week_ranges_parse_and_merge() {
        assert_eq!("3".parse::<WeekRange>(), Ok(WeekRange::single(3)));
        assert_eq!("7-5".parse::<WeekRange>(), Ok(WeekRange::new(5, 7)));
        assert_eq!("Week 4".parse::<WeekRange>(), Ok(WeekRange::single(4)));
        assert_eq!("w2..w3".parse::<WeekRange>(), Ok(WeekRange::new(2, 3)));
        assert!("x".parse::<WeekRange>().is_err());
        assert!("99999999999".parse::<WeekRange>().is_err());
        assert!("-".parse::<WeekRange>().is_err());
        let merged = merge_ranges(vec![
            WeekRange::new(5, 7),
            WeekRange::single(3),
            WeekRange::single(4),
            WeekRange::single(10),
        ]);
        assert_eq!(merged, vec![WeekRange::new(3, 7), WeekRange::single(10)]);
    }

    #[test]
    fn query_round_trip() {
        let state = ViewState {
            sources: vec![
                "https://example.org/a b/index.json".into(),
                "weeks/w1.md".into(),
            ],
            view: View::Tasks,
            filter: Filter {
                services: vec!["kms".into(), "ec2".into()],
                categories: vec!["Security, Identity & Compliance".into()],
                weeks: vec![WeekRange::single(3), WeekRange::new(5, 7)],
                from: Some(date("2025-09-01")),
                to: Some(date("2025-10-31")),
                text: "a&b=c+d #x 100%".into(),
                language: Some(Language::Vi),
                sources: vec!["alice".into()],
            },
            sort: Some(Sort {
                column: SortColumn::Start,
                descending: true,
            }),
            group: Group::Service,
            lanes: Lanes::Service,
        };
        let q = state.to_query();
        assert_eq!(
            q,
            "src=https://example.org/a%20b/index.json&src=weeks/w1.md&view=tasks\
             &service=ec2&service=kms&category=security-identity-compliance&week=3&week=5-7\
             &from=2025-09-01&to=2025-10-31&q=a%26b%3Dc%2Bd%20%23x%20100%25&lang=vi&source=alice\
             &sort=-start&group=service&lanes=service"
        );
        let back = ViewState::from_query(&q);
        let mut expected = state.clone();
        expected.filter.normalize();
        assert_eq!(back, expected);
        assert_eq!(back.to_query(), q, "canonical form is a fixed point");
        assert_eq!(ViewState::from_query(&format!("?{q}")), expected);
    }

    #[test]
    fn defaults_are_omitted() {
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        let s = ViewState::from_query("view=weeks&group=none&lanes=week");
        assert_eq!(s, ViewState::default());
        assert_eq!(s.to_query(), "");
    }

    #[test]
    fn comma_lists_and_plus_spaces() {
        let s = ViewState::from_query("service=s3,EC2&service=kms&week=1,3-4&q=hello+world");
        assert_eq!(s.filter.services, vec!["ec2", "kms", "s3"]);
        assert_eq!(
            s.filter.weeks,
            vec![WeekRange::single(1), WeekRange::new(3, 4)]
        );
        assert_eq!(s.filter.text, "hello world");
    }

    #[test]
    fn junk_queries_are_tolerated() {
        let junk = [
            "&&&==&",
            "view=nope&sort=sideways&group=??&lanes=&lang=fr",
            "from=2025-13-45&to=yesterday&week=abc&week=5-&week=-&week=99999999999999",
            "%%%%&%ZZ=%GG&=x&src=",
            "q=%E0%A4%A&service=%FF%FE",
            "src=a&src=a&view=TIMELINE&sort=-START",
            "#view=tasks",
        ];
        for q in junk {
            let s = ViewState::from_query(q);
            // Whatever was kept must round-trip.
            assert_eq!(ViewState::from_query(&s.to_query()), s, "query {q:?}");
        }
        let s = ViewState::from_query("view=TIMELINE&sort=-START&src=a&src=a");
        assert_eq!(s.view, View::Timeline);
        assert_eq!(
            s.sort,
            Some(Sort {
                column: SortColumn::Start,
                descending: true
            })
        );
        assert_eq!(s.sources, vec!["a", "a"], "src keeps order and repeats");
        let s = ViewState::from_query("from=2025-13-45&week=abc&lang=fr");
        assert_eq!(s, ViewState::default());
    }

    #[test]
    fn from_after_to_is_swapped() {
        let s = ViewState::from_query("from=2025-10-01&to=2025-09-01");
        assert_eq!(s.filter.from, Some(date("2025-09-01")));
        assert_eq!(s.filter.to, Some(date("2025-10-01")));
    }

    #[test]
    fn slug_and_loose_eq() {
        assert_eq!(
            slug("Security, Identity & Compliance"),
            "security-identity-compliance"
        );
        assert_eq!(slug("  Compute "), "compute");
        assert!(loose_eq(
            "Security, Identity & Compliance",
            "security-identity-compliance"
        ));
        assert!(!loose_eq("Compute", "containers"));
    }

    #[test]
    fn facets_exclude_their_own_selection() {
        let pages = sample();
        let sources = vec![
            ("alice".to_string(), "Alice".to_string()),
            ("bob".to_string(), "Bob".to_string()),
        ];
        let filter = Filter {
            services: vec!["s3".into()],
            language: Some(Language::En),
            ..Filter::default()
        };
        let f = facets_of(&pages, &sources, &filter);
        assert_eq!(f.total, 1, "s3 AND en");
        // Service facet ignores the service selection but keeps lang=en: 3 English tasks.
        let get = |v: &[FacetCount<String>], id: &str| {
            v.iter()
                .find(|c| c.value == id)
                .map(|c| (c.count, c.selected))
        };
        assert_eq!(get(&f.services, "s3"), Some((1, true)));
        assert_eq!(get(&f.services, "iam"), Some((1, false)));
        assert_eq!(get(&f.services, "kms"), Some((1, false)));
        // Language facet ignores lang but keeps s3: one en, one vi.
        let langs: Vec<_> = f.languages.iter().map(|c| (c.value, c.count)).collect();
        assert_eq!(langs, vec![(Language::En, 1), (Language::Vi, 1)]);
        // Weeks facet under s3 AND en: week 1 only.
        let weeks: Vec<_> = f.weeks.iter().map(|c| (c.value, c.count)).collect();
        assert_eq!(weeks, vec![(1, 1)]);
        let srcs: Vec<_> = f
            .sources
            .iter()
            .map(|c| (c.label.as_str(), c.count))
            .collect();
        assert_eq!(srcs, vec![("Alice", 1)]);
    }

    #[test]
    fn catalogue_parents_and_categories() {
        let pages = vec![page(
            "c/w1.md",
            1,
            Some(Language::En),
            vec![
                task(
                    "Open port 22 in a security group",
                    &["security-group"],
                    None,
                    None,
                ),
                task("Rotate keys", &["kms"], None, None),
                task("Launch an instance", &["ec2"], None, None),
            ],
        )];
        let by_service = |id: &str| Filter {
            services: vec![id.into()],
            ..Filter::default()
        };
        assert_eq!(
            count(&pages, &by_service("vpc")),
            1,
            "feature under its parent"
        );
        assert_eq!(count(&pages, &by_service("security-group")), 1);
        let by_category = |c: &str| Filter {
            categories: vec![c.into()],
            ..Filter::default()
        };
        assert_eq!(
            count(&pages, &by_category("security-identity-compliance")),
            1
        );
        assert_eq!(
            count(&pages, &by_category("Security, Identity & Compliance")),
            1,
            "category names are accepted"
        );
        let f = facets_of(&pages, &[], &by_category("security-identity-compliance"));
        let sic = f
            .categories
            .iter()
            .find(|c| c.value == "security-identity-compliance")
            .map(|c| (c.count, c.selected, c.label.as_str()));
        assert_eq!(sic, Some((1, true, "Security, Identity & Compliance")));
        // Services are counted under the category selection: only KMS is left.
        assert_eq!(f.services.len(), 1);
        let all = facets_of(&pages, &[], &Filter::default());
        assert!(all
            .services
            .iter()
            .any(|c| c.value == "vpc" && c.count == 1));
    }

    #[test]
    fn selected_but_absent_options_still_listed() {
        let pages = sample();
        let filter = Filter {
            services: vec!["lambda".into()],
            ..Filter::default()
        };
        let f = facets_of(&pages, &[], &filter);
        assert_eq!(f.total, 0);
        assert!(f
            .services
            .iter()
            .any(|c| c.value == "lambda" && c.selected && c.count == 0));
    }
}
