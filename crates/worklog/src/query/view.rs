//! [`ViewState`]: everything the URL holds (sources, view, filter, sort, grouping, lanes, the
//! interface language).
//! Parameter names are a public, versioned interface (`docs/url-parameters.md`).

use std::fmt;

use chrono::NaiveDate;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::{Deserialize, Serialize};

use super::{Filter, SimilarRows, WeekRange};
use crate::cohort::SortKey;
use crate::model::Language;

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
    /// Interns × weeks of a cohort (or of the loaded interns).
    Cohort,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Weeks,
        View::Tasks,
        View::Timeline,
        View::Services,
        View::Diagnostics,
        View::Cohort,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            View::Weeks => "weeks",
            View::Tasks => "tasks",
            View::Timeline => "timeline",
            View::Services => "services",
            View::Diagnostics => "diagnostics",
            View::Cohort => "cohort",
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
    /// One group per intern.
    Intern,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::None => "none",
            Group::Week => "week",
            Group::Service => "service",
            Group::Intern => "intern",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Group::None, Group::Week, Group::Service, Group::Intern]
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

/// Order of the cohort matrix: `csort=progress` ascending, `csort=-progress` descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CohortSort {
    pub key: SortKey,
    pub descending: bool,
}

impl CohortSort {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (descending, name) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        name.parse::<SortKey>()
            .ok()
            .map(|key| CohortSort { key, descending })
    }
}

impl fmt::Display for CohortSort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.descending {
            f.write_str("-")?;
        }
        f.write_str(self.key.code())
    }
}

/// The part of the cohort view shown: the interns × weeks matrix or the labs each intern did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CohortTab {
    #[default]
    Matrix,
    Labs,
}

impl CohortTab {
    pub fn as_str(self) -> &'static str {
        match self {
            CohortTab::Matrix => "matrix",
            CohortTab::Labs => "labs",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [CohortTab::Matrix, CohortTab::Labs]
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The columns of the services heat map: weeks (services × weeks) or interns (interns ×
/// service categories).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeatAxis {
    #[default]
    Weeks,
    Interns,
}

impl HeatAxis {
    pub fn as_str(self) -> &'static str {
        match self {
            HeatAxis::Weeks => "weeks",
            HeatAxis::Interns => "interns",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [HeatAxis::Weeks, HeatAxis::Interns]
            .into_iter()
            .find(|h| h.as_str().eq_ignore_ascii_case(s.trim()))
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
    /// `ui`: the language of the app's own words (labels, messages, dates, numbers). `None`:
    /// the browser's language. Not a filter: pages of both languages stay shown (`lang` is the
    /// filter).
    #[serde(default)]
    pub ui: Option<Language>,
    /// `cohort`: the URL of a cohort file (`crate::cohort::Cohort`) whose interns are loaded,
    /// and whose name, start and weeks the cohort view uses.
    #[serde(default)]
    pub cohort: Option<String>,
    /// `csort`: the order of the cohort matrix; `None`: by intern name.
    #[serde(default)]
    pub cohort_sort: Option<CohortSort>,
    /// `ctab`: the matrix or the labs in the cohort view.
    #[serde(default)]
    pub cohort_tab: CohortTab,
    /// `heat`: the columns of the services heat map.
    #[serde(default)]
    pub heat: HeatAxis,
    /// `today`: the day the cohort view is for (weeks ending after it are not yet due);
    /// `None`: the browser's clock. Lets a shared link or a test show the same matrix any day.
    #[serde(default)]
    pub today: Option<NaiveDate>,
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
                    if let Some(l) = parse_language(value) {
                        state.filter.language = Some(l);
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
                "ui" => {
                    if let Some(l) = parse_language(value) {
                        state.ui = Some(l);
                    }
                }
                "cohort" if !value.is_empty() => state.cohort = Some(value.to_string()),
                "csort" => {
                    if let Some(s) = CohortSort::parse(value) {
                        state.cohort_sort = Some(s);
                    }
                }
                "ctab" => {
                    if let Some(t) = CohortTab::parse(value) {
                        state.cohort_tab = t;
                    }
                }
                "similar" => {
                    if let Some(v) = SimilarRows::parse(value) {
                        state.filter.similar = v;
                    }
                }
                "heat" => {
                    if let Some(h) = HeatAxis::parse(value) {
                        state.heat = h;
                    }
                }
                "today" => {
                    if let Some(d) = parse_date(value) {
                        state.today = Some(d);
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
        if let Some(cohort) = self.cohort.as_deref().map(str::trim) {
            if !cohort.is_empty() {
                push("cohort", cohort);
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
            push("from", &d.to_string());
        }
        if let Some(d) = filter.to {
            push("to", &d.to_string());
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
        if let Some(l) = self.ui {
            push("ui", l.code());
        }
        if let Some(s) = self.cohort_sort {
            push("csort", &s.to_string());
        }
        if self.cohort_tab != CohortTab::default() {
            push("ctab", self.cohort_tab.as_str());
        }
        if filter.similar != SimilarRows::default() {
            push("similar", filter.similar.as_str());
        }
        if self.heat != HeatAxis::default() {
            push("heat", self.heat.as_str());
        }
        if let Some(d) = self.today {
            push("today", &d.to_string());
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

/// `en` / `vi` (any case), the values of `lang` and `ui`.
fn parse_language(s: &str) -> Option<Language> {
    match s.to_ascii_lowercase().as_str() {
        "en" => Some(Language::En),
        "vi" => Some(Language::Vi),
        _ => None,
    }
}

/// `YYYY-MM-DD` only: the one unambiguous form, used in URLs and CLI flags.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::parse::scalars::parse_ymd(s.trim())
}
