//! The cohort matrix: one line per intern, one cell per week, each cell a state with the counts
//! behind it, and summaries per intern and per week. Computed from a [`Collection`] and what
//! the cohort says (start, weeks, the interns expected) plus the date "today" — given by the
//! caller, never read from a clock here. See `docs/cohort.md` for every definition.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::Cohort;
use crate::collection::{Collection, Internship};
use crate::labs::{InternLab, Lab, Labs};
use crate::model::{Page, PageKind, Severity};
use crate::query::{page_weeks, task_span};
use crate::similar::Similarity;

/// Version of the matrix's JSON form (`worklog stats --cohort --format json`, the app's export).
pub const MATRIX_SCHEMA: u32 = 1;

/// A task spanning more days than this counts this many dated days (a typo is not work).
const MAX_TASK_DAYS: u64 = 7;

/// What the cohort knows beyond the pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day of week 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Weeks the internship lasts; default: the highest week number of any page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    /// The day the matrix is for: weeks that end after it are not yet due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
    /// The interns expected (a cohort's): each gets a line, pages or not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster: Vec<Internship>,
}

impl MatrixOptions {
    /// A cohort file's name, start, weeks and interns, for the day `today`.
    pub fn from_cohort(cohort: &Cohort, today: Option<NaiveDate>) -> Self {
        MatrixOptions {
            name: cohort.name.clone(),
            start: cohort.start,
            weeks: cohort.weeks,
            today,
            roster: cohort
                .interns
                .iter()
                .map(|i| Internship {
                    key: i.key.clone(),
                    name: i.name.clone(),
                })
                .collect(),
        }
    }
}

/// The state of one intern's week, first matching wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    /// At least one real task with a date that fits the week.
    Dated,
    /// Real tasks, but every date among them contradicts the week (flagged rows only).
    Misdated,
    /// Real tasks, none dated.
    Undated,
    /// Task rows, all of them template leftovers (`...`, `Doing task A...`).
    Template,
    /// A page for the week with no task rows.
    Empty,
    /// No page, and the week is due.
    Missing,
    /// No page, and the week has not ended yet.
    NotDue,
    /// No page for a week beyond the cohort's weeks (another intern has one).
    Extra,
}

impl CellState {
    pub const ALL: [CellState; 8] = [
        CellState::Dated,
        CellState::Misdated,
        CellState::Undated,
        CellState::Template,
        CellState::Empty,
        CellState::Missing,
        CellState::NotDue,
        CellState::Extra,
    ];

    /// The JSON / CSV name (`not-due`).
    pub fn code(self) -> &'static str {
        match self {
            CellState::Dated => "dated",
            CellState::Misdated => "misdated",
            CellState::Undated => "undated",
            CellState::Template => "template",
            CellState::Empty => "empty",
            CellState::Missing => "missing",
            CellState::NotDue => "not-due",
            CellState::Extra => "extra",
        }
    }

    /// One character for text output (`worklog stats --cohort`).
    pub fn symbol(self) -> char {
        match self {
            CellState::Dated => '#',
            CellState::Misdated => '!',
            CellState::Undated => 'u',
            CellState::Template => 't',
            CellState::Empty => 'e',
            CellState::Missing => 'x',
            CellState::NotDue => '.',
            CellState::Extra => '-',
        }
    }

    /// What it means, in words (legends, tooltips).
    pub fn label(self) -> &'static str {
        match self {
            CellState::Dated => "tasks with dates",
            CellState::Misdated => "dates contradict the week",
            CellState::Undated => "tasks without dates",
            CellState::Template => "template only",
            CellState::Empty => "page without tasks",
            CellState::Missing => "missing",
            CellState::NotDue => "not yet due",
            CellState::Extra => "beyond the cohort's weeks",
        }
    }

    /// Is there a page for the week?
    pub fn has_page(self) -> bool {
        !matches!(
            self,
            CellState::Missing | CellState::NotDue | CellState::Extra
        )
    }
}

impl fmt::Display for CellState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One intern's week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub week: u32,
    pub state: CellState,
    /// The week has ended (and is one of the cohort's weeks).
    pub due: bool,
    /// The week's pages (indices into [`Collection::pages`]), English first.
    pub pages: Vec<u32>,
    /// Task rows of pages shown in their own right (one language of a bilingual week).
    pub tasks: u32,
    /// Task rows of pages folded under their language twin.
    pub twin_tasks: u32,
    /// Rows (all languages) that are template leftovers.
    pub template_tasks: u32,
    /// Distinct days covered by the real, unflagged rows (all languages).
    pub dated_days: u32,
    /// Rows (all languages) whose date contradicts the week.
    pub flagged: u32,
    /// Warnings and errors of the week's pages.
    pub diagnostics: u32,
    /// Rows (all languages) similar to another intern's.
    pub similar: u32,
    /// Labs the week's rows link, by id.
    pub labs: Vec<u32>,
}

/// One intern's line of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InternLine {
    pub key: String,
    pub name: String,
    /// Index into [`Collection::internships`]; `None` for an intern of the roster with no
    /// page at all.
    pub intern: Option<u32>,
    /// One per [`Matrix::columns`].
    pub cells: Vec<Cell>,
    pub summary: InternSummary,
}

/// The summary column of an intern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InternSummary {
    /// `dated_weeks / due_weeks`; `None` while no week is due.
    pub progress: Option<f64>,
    /// Due weeks in the state [`CellState::Dated`].
    pub dated_weeks: u32,
    pub due_weeks: u32,
    /// The latest day of a real, unflagged, dated row.
    pub last_dated: Option<NaiveDate>,
    /// `diagnostics + missing + unfilled`: what a mentor has to chase.
    pub problems: u32,
    /// Weeks [`CellState::Missing`].
    pub missing: u32,
    /// Weeks [`CellState::Empty`] or [`CellState::Template`].
    pub unfilled: u32,
    /// Warnings and errors of all the intern's worklog pages (the index too).
    pub diagnostics: u32,
    pub flagged: u32,
    pub similar: u32,
    pub tasks: u32,
    /// Labs done, with the weeks that link them.
    pub labs: Vec<InternLab>,
}

/// The summary row of a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekSummary {
    pub week: u32,
    pub due: bool,
    /// Interns per state (states with none left out).
    pub states: BTreeMap<CellState, u32>,
    pub tasks: u32,
    pub flagged: u32,
    pub diagnostics: u32,
    pub similar: u32,
    /// Interns who linked each lab this week: (lab id, interns).
    pub labs: Vec<(u32, u32)>,
}

/// Interns × weeks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    pub schema: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The cohort's weeks (given, else the highest week number seen).
    pub weeks: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<NaiveDate>,
    /// The week `today` falls in, when the start is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_week: Option<u32>,
    /// Week numbers, in order: 1 to `weeks`, and any other week a page has.
    pub columns: Vec<u32>,
    pub interns: Vec<InternLine>,
    /// One per column.
    pub week_summaries: Vec<WeekSummary>,
    /// Every lab linked, with its title from the pages' link texts.
    pub labs: Vec<Lab>,
    /// Groups of similar rows in the collection ([`Similarity::groups`]).
    #[serde(default)]
    pub similar_groups: u32,
}

/// What the matrix can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    /// Display name.
    Intern,
    Progress,
    LastDated,
    Problems,
}

impl SortKey {
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Intern => "intern",
            SortKey::Progress => "progress",
            SortKey::LastDated => "last-dated",
            SortKey::Problems => "problems",
        }
    }
}

impl FromStr for SortKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "intern" | "name" => Ok(SortKey::Intern),
            "progress" => Ok(SortKey::Progress),
            "last-dated" | "last" | "last_dated" => Ok(SortKey::LastDated),
            "problems" => Ok(SortKey::Problems),
            _ => Err(format!(
                "unknown sort `{s}`: expected intern, progress, last-dated or problems"
            )),
        }
    }
}

/// Accumulated facts of one (intern, week).
#[derive(Default)]
struct Acc {
    pages: BTreeSet<usize>,
    tasks: u32,
    twin_tasks: u32,
    template_tasks: u32,
    real: u32,
    real_dated_ok: u32,
    real_flagged: u32,
    days: BTreeSet<NaiveDate>,
    flagged: u32,
    diagnostics: u32,
    similar: u32,
    labs: BTreeSet<u32>,
}

fn is_cell_page(page: &Page) -> bool {
    matches!(
        page.kind,
        PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile | PageKind::Stub
    )
}

/// Is a row's text a template leftover (or nothing)?
fn is_template_row(text: &str) -> bool {
    text.trim().is_empty() || crate::lint::is_template_text(text)
}

/// The week a diagnostic of `page` belongs to: the page's week, or on a page covering several
/// weeks, the week of the last task at or above its line.
fn diagnostic_week(page: &Page, line: Option<u32>) -> Option<u32> {
    let weeks: Vec<u32> = page_weeks(page).collect();
    if weeks.len() <= 1 {
        return weeks.first().copied();
    }
    line.and_then(|l| {
        page.tasks
            .iter()
            .filter(|t| t.line <= l)
            .max_by_key(|t| t.line)
            .and_then(|t| t.week)
    })
    .or(page.week)
    .or(weeks.first().copied())
}

fn counts_as_problem(severity: Severity) -> bool {
    matches!(severity, Severity::Warning | Severity::Error)
}

impl Matrix {
    /// The matrix of `collection`, with its similar rows and labs computed here.
    pub fn compute(collection: &Collection, options: &MatrixOptions) -> Matrix {
        let similarity = Similarity::compute(collection);
        let labs = Labs::compute(collection);
        Self::build(collection, options, &similarity, &labs)
    }

    /// The matrix of `collection`, reusing similar rows and labs already computed for it.
    pub fn build(
        collection: &Collection,
        options: &MatrixOptions,
        similarity: &Similarity,
        labs: &Labs,
    ) -> Matrix {
        let pages = collection.pages();
        let internships = collection.internships();
        let mut cells: HashMap<(usize, u32), Acc> = HashMap::new();
        let mut intern_diagnostics = vec![0u32; internships.len()];
        let mut last_dated: Vec<Option<NaiveDate>> = vec![None; internships.len()];
        let mut seen_weeks: BTreeSet<u32> = BTreeSet::new();

        // Pages: which weeks have one, and their warnings and errors.
        for (p, page) in pages.iter().enumerate() {
            if page.kind == PageKind::OtherSection {
                continue;
            }
            let Some(intern) = collection.intern_index(p) else {
                continue;
            };
            let problems = page
                .diagnostics
                .iter()
                .filter(|d| counts_as_problem(d.severity));
            if !is_cell_page(page) {
                intern_diagnostics[intern] += problems.count() as u32;
                continue;
            }
            for w in page_weeks(page) {
                seen_weeks.insert(w);
                cells.entry((intern, w)).or_default().pages.insert(p);
            }
            for d in problems {
                intern_diagnostics[intern] += 1;
                if let Some(w) = diagnostic_week(page, d.line) {
                    cells.entry((intern, w)).or_default().diagnostics += 1;
                }
            }
        }

        // Rows.
        for (r, row) in collection.rows().iter().enumerate() {
            let Some((page, task)) = row.resolve(collection) else {
                continue;
            };
            let intern = row.intern as usize;
            let template = is_template_row(&task.text);
            let span = if template { None } else { task_span(task) };
            if let (Some((_, end)), false) = (span, row.date_flagged) {
                let last = &mut last_dated[intern];
                *last = (*last).max(Some(end));
            }
            let Some(week) = row.week else { continue };
            seen_weeks.insert(week);
            let acc = cells.entry((intern, week)).or_default();
            if is_cell_page(page) {
                acc.pages.insert(row.page as usize);
            }
            if row.twin_of.is_some() {
                acc.twin_tasks += 1;
            } else {
                acc.tasks += 1;
            }
            if row.date_flagged {
                acc.flagged += 1;
            }
            if similarity.is_similar(r) {
                acc.similar += 1;
            }
            acc.labs.extend(labs.of_row(r).iter().copied());
            if template {
                acc.template_tasks += 1;
                continue;
            }
            acc.real += 1;
            if row.date_flagged {
                acc.real_flagged += 1;
            } else if let Some((start, end)) = span {
                acc.real_dated_ok += 1;
                let days = (end - start)
                    .num_days()
                    .unsigned_abs()
                    .min(MAX_TASK_DAYS - 1);
                for offset in 0..=days {
                    if let Some(day) = start.checked_add_days(Days::new(offset)) {
                        acc.days.insert(day);
                    }
                }
            }
        }

        let planned = options.weeks.unwrap_or_else(|| {
            seen_weeks
                .iter()
                .copied()
                .filter(|&w| w > 0)
                .max()
                .unwrap_or(0)
        });
        let columns: Vec<u32> = (1..=planned)
            .chain(seen_weeks.iter().copied())
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .collect();
        let due = |w: u32| -> bool {
            if w == 0 || w > planned {
                return false;
            }
            match (options.start, options.today) {
                (Some(start), Some(today)) => start
                    .checked_add_days(Days::new(7 * u64::from(w)))
                    .is_some_and(|end| today >= end),
                _ => true,
            }
        };
        let current_week = match (options.start, options.today) {
            (Some(start), Some(today)) if today >= start => {
                Some(((today - start).num_days() / 7 + 1) as u32)
            }
            _ => None,
        };

        // Lines: the collection's interns and the roster's others, by name.
        let mut lines: Vec<(String, String, Option<usize>)> = internships
            .iter()
            .enumerate()
            .map(|(i, intern)| (intern.key.clone(), intern.name.clone(), Some(i)))
            .collect();
        let known: BTreeSet<&str> = internships.iter().map(|i| i.key.as_str()).collect();
        for expected in &options.roster {
            if !known.contains(expected.key.as_str()) {
                lines.push((expected.key.clone(), expected.name.clone(), None));
            }
        }
        lines.sort_by(|a, b| {
            a.1.to_lowercase()
                .cmp(&b.1.to_lowercase())
                .then_with(|| a.0.cmp(&b.0))
        });

        let interns: Vec<InternLine> = lines
            .into_iter()
            .map(|(key, name, intern)| {
                let cells: Vec<Cell> = columns
                    .iter()
                    .map(|&week| {
                        let acc = intern.and_then(|i| cells.get(&(i, week)));
                        cell(week, due(week), planned, acc)
                    })
                    .collect();
                let summary = summarise(
                    &cells,
                    intern.map_or(0, |i| intern_diagnostics[i]),
                    intern.and_then(|i| last_dated[i]),
                    intern.map_or_else(Vec::new, |i| labs.by_intern(collection, i)),
                );
                InternLine {
                    key,
                    name,
                    intern: intern.map(|i| i as u32),
                    cells,
                    summary,
                }
            })
            .collect();

        let week_summaries = columns
            .iter()
            .enumerate()
            .map(|(c, &week)| {
                let mut summary = WeekSummary {
                    week,
                    due: due(week),
                    states: BTreeMap::new(),
                    tasks: 0,
                    flagged: 0,
                    diagnostics: 0,
                    similar: 0,
                    labs: Vec::new(),
                };
                let mut week_labs: BTreeMap<u32, u32> = BTreeMap::new();
                for line in &interns {
                    let cell = &line.cells[c];
                    *summary.states.entry(cell.state).or_default() += 1;
                    summary.tasks += cell.tasks;
                    summary.flagged += cell.flagged;
                    summary.diagnostics += cell.diagnostics;
                    summary.similar += cell.similar;
                    for &lab in &cell.labs {
                        *week_labs.entry(lab).or_default() += 1;
                    }
                }
                summary.labs = week_labs.into_iter().collect();
                summary
            })
            .collect();

        Matrix {
            schema: MATRIX_SCHEMA,
            name: options.name.clone(),
            start: options.start,
            weeks: planned,
            today: options.today,
            current_week,
            columns,
            interns,
            week_summaries,
            labs: labs.labs.clone(),
            similar_groups: similarity.groups.len() as u32,
        }
    }

    /// Line indices in the order of `key` (ties keep the name order); `descending` reverses
    /// the key, not the ties. No value (no progress, no dated task) sorts lowest.
    pub fn order(&self, key: SortKey, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.interns.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&self.interns[a], &self.interns[b]);
            let by_key = match key {
                SortKey::Intern => x
                    .name
                    .to_lowercase()
                    .cmp(&y.name.to_lowercase())
                    .then_with(|| x.key.cmp(&y.key)),
                SortKey::Progress => {
                    let p = |l: &InternLine| l.summary.progress.map(|p| (p * 1e9) as i64);
                    p(x).cmp(&p(y))
                }
                SortKey::LastDated => x.summary.last_dated.cmp(&y.summary.last_dated),
                SortKey::Problems => x.summary.problems.cmp(&y.summary.problems),
            };
            let by_key = if descending { by_key.reverse() } else { by_key };
            by_key.then(a.cmp(&b))
        });
        order
    }

    /// Sort the lines (see [`Matrix::order`]).
    pub fn sort(&mut self, key: SortKey, descending: bool) {
        let order = self.order(key, descending);
        let mut lines: Vec<Option<InternLine>> = std::mem::take(&mut self.interns)
            .into_iter()
            .map(Some)
            .collect();
        self.interns = order.into_iter().filter_map(|i| lines[i].take()).collect();
    }

    /// The cell of intern `key` in week `week`.
    pub fn cell(&self, key: &str, week: u32) -> Option<&Cell> {
        let column = self.columns.iter().position(|&w| w == week)?;
        self.interns
            .iter()
            .find(|l| l.key == key)
            .and_then(|l| l.cells.get(column))
    }
}

fn cell(week: u32, due: bool, planned: u32, acc: Option<&Acc>) -> Cell {
    let empty = Acc::default();
    let acc = acc.unwrap_or(&empty);
    let has_page = !acc.pages.is_empty() || acc.tasks + acc.twin_tasks > 0;
    let state = if !has_page {
        if week == 0 || week > planned {
            CellState::Extra
        } else if due {
            CellState::Missing
        } else {
            CellState::NotDue
        }
    } else if acc.tasks + acc.twin_tasks == 0 {
        CellState::Empty
    } else if acc.real == 0 {
        CellState::Template
    } else if acc.real_dated_ok > 0 {
        CellState::Dated
    } else if acc.real_flagged > 0 {
        CellState::Misdated
    } else {
        CellState::Undated
    };
    Cell {
        week,
        state,
        due,
        pages: acc.pages.iter().map(|&p| p as u32).collect(),
        tasks: acc.tasks,
        twin_tasks: acc.twin_tasks,
        template_tasks: acc.template_tasks,
        dated_days: acc.days.len() as u32,
        flagged: acc.flagged,
        diagnostics: acc.diagnostics,
        similar: acc.similar,
        labs: acc.labs.iter().copied().collect(),
    }
}

fn summarise(
    cells: &[Cell],
    diagnostics: u32,
    last_dated: Option<NaiveDate>,
    labs: Vec<InternLab>,
) -> InternSummary {
    let due_weeks = cells.iter().filter(|c| c.due).count() as u32;
    let dated_weeks = cells
        .iter()
        .filter(|c| c.due && c.state == CellState::Dated)
        .count() as u32;
    let missing = cells
        .iter()
        .filter(|c| c.state == CellState::Missing)
        .count() as u32;
    let unfilled = cells
        .iter()
        .filter(|c| matches!(c.state, CellState::Empty | CellState::Template))
        .count() as u32;
    InternSummary {
        progress: (due_weeks > 0).then(|| f64::from(dated_weeks) / f64::from(due_weeks)),
        dated_weeks,
        due_weeks,
        last_dated,
        problems: diagnostics + missing + unfilled,
        missing,
        unfilled,
        diagnostics,
        flagged: cells.iter().map(|c| c.flagged).sum(),
        similar: cells.iter().map(|c| c.similar).sum(),
        tasks: cells.iter().map(|c| c.tasks).sum(),
        labs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intern::{Identity, Origin};
    use crate::parse_page;

    /// A bilingual-or-not week page of intern `who` with rows `(day label, date, task)`.
    fn week(who: &str, n: u32, vi: bool, rows: &[(&str, &str, &str)]) -> Page {
        let mut text = format!(
            "### Week {n}\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n"
        );
        for (day, date, task) in rows {
            text.push_str(&format!("| {day} | {task} | {date} | {date} |\n"));
        }
        let suffix = if vi { ".vi" } else { "" };
        parse_page(
            &format!("{who}/content/1-Worklog/1.{n}-Week{n}/_index{suffix}.md"),
            text.as_bytes(),
        )
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn states(m: &Matrix, key: &str) -> String {
        m.interns
            .iter()
            .find(|l| l.key == key)
            .expect("intern")
            .cells
            .iter()
            .map(|c| c.state.symbol())
            .collect()
    }

    fn sample() -> (Collection, MatrixOptions) {
        let pages = vec![
            // Alice: weeks 1 and 2 in two languages, week 3 template, week 4 a date typo.
            week(
                "alice",
                1,
                false,
                &[
                    ("2", "2025-09-08", "Set up the AWS account and IAM users"),
                    ("3", "2025-09-09", "Read about VPC subnets"),
                ],
            ),
            week(
                "alice",
                1,
                true,
                &[
                    ("2", "2025-09-08", "Tạo tài khoản AWS và người dùng IAM"),
                    ("3", "2025-09-09", "Đọc về VPC"),
                ],
            ),
            week(
                "alice",
                2,
                false,
                &[(
                    "2",
                    "2025-09-15",
                    "Launched an EC2 instance [lab](https://000004.awsstudygroup.com/vi/)",
                )],
            ),
            week(
                "alice",
                3,
                false,
                &[
                    ("2", "2025-09-22", "..."),
                    ("3", "2025-09-23", "Doing task C..."),
                ],
            ),
            week(
                "alice",
                4,
                false,
                &[
                    ("2", "2025-09-29", "Built the S3 static site"),
                    ("3", "2025-09-30", "Added CloudFront"),
                    ("4", "2025-11-05", "Wrote the report"),
                    ("5", "2025-10-02", "Cleaned up"),
                ],
            ),
            // Bob: week 1 with no dates, week 2 a page with no table.
            week("bob", 1, false, &[("", "", "Studied IAM policies")]),
            parse_page(
                "bob/content/1-Worklog/1.2-Week2/_index.md",
                b"### Week 2 Objectives\n- Learn things\n",
            ),
        ];
        let c = Collection::new(pages);
        let options = MatrixOptions {
            name: Some("Test".into()),
            start: Some(date("2025-09-08")),
            weeks: Some(6),
            today: Some(date("2025-10-14")),
            roster: vec![Internship {
                key: "chi".into(),
                name: "Chi".into(),
            }],
        };
        (c, options)
    }

    #[test]
    fn cell_states_and_counts() {
        let (c, options) = sample();
        let m = Matrix::compute(&c, &options);
        assert_eq!(m.columns, [1, 2, 3, 4, 5, 6]);
        assert_eq!(m.current_week, Some(6));
        // Weeks 1-5 have ended on 2025-10-14 (week 5 ends 2025-10-12); week 6 has not.
        let due: Vec<bool> = m.week_summaries.iter().map(|w| w.due).collect();
        assert_eq!(due, [true, true, true, true, true, false]);
        assert_eq!(states(&m, "alice"), "##t#x.");
        assert_eq!(states(&m, "bob"), "uexxx.");
        assert_eq!(states(&m, "chi"), "xxxxx.");
        let a1 = m.cell("alice", 1).expect("cell");
        assert_eq!((a1.tasks, a1.twin_tasks, a1.dated_days), (2, 2, 2));
        assert_eq!(a1.pages.len(), 2);
        let a3 = m.cell("alice", 3).expect("cell");
        assert_eq!((a3.tasks, a3.template_tasks, a3.dated_days), (2, 2, 0));
        let a4 = m.cell("alice", 4).expect("cell");
        assert_eq!((a4.flagged, a4.diagnostics, a4.dated_days), (1, 1, 3));
        assert_eq!(m.cell("alice", 2).map(|c| c.labs.clone()), Some(vec![4]));
        let alice = &m
            .interns
            .iter()
            .find(|l| l.key == "alice")
            .expect("alice")
            .summary;
        assert_eq!((alice.dated_weeks, alice.due_weeks), (3, 5));
        assert_eq!(alice.progress, Some(0.6));
        assert_eq!(alice.last_dated, Some(date("2025-10-02")));
        assert_eq!(
            (alice.missing, alice.unfilled, alice.diagnostics),
            (1, 1, 1)
        );
        assert_eq!(alice.problems, 3);
        assert_eq!(
            alice.labs,
            [InternLab {
                lab: 4,
                weeks: vec![2]
            }]
        );
        let chi = &m.interns.iter().find(|l| l.key == "chi").expect("chi");
        assert_eq!(chi.intern, None);
        assert_eq!((chi.summary.progress, chi.summary.problems), (Some(0.0), 5));
        let w1 = &m.week_summaries[0];
        assert_eq!(w1.states.get(&CellState::Dated), Some(&1));
        assert_eq!(w1.states.get(&CellState::Undated), Some(&1));
        assert_eq!(w1.states.get(&CellState::Missing), Some(&1));
        assert_eq!(m.labs.len(), 1);
    }

    #[test]
    fn without_a_start_every_planned_week_is_due() {
        let (c, _) = sample();
        let m = Matrix::compute(&c, &MatrixOptions::default());
        assert_eq!(m.weeks, 4);
        assert_eq!(states(&m, "alice"), "##t#");
        assert_eq!(states(&m, "bob"), "uexx");
        assert!(m.week_summaries.iter().all(|w| w.due));
        assert_eq!(m.current_week, None);
    }

    #[test]
    fn extra_weeks_and_misdated_weeks() {
        let pages = vec![
            week("a", 1, false, &[("2", "2025-09-08", "Did the first thing")]),
            // Every date of week 2 is before week 1's: the week is out of order.
            week(
                "a",
                2,
                false,
                &[
                    ("2", "2025-08-11", "Did the template thing"),
                    ("3", "2025-08-12", "And another"),
                ],
            ),
            week("a", 3, false, &[("2", "2025-09-22", "Third")]),
            week("b", 13, false, &[("2", "2025-12-01", "Late week")]),
        ];
        let c = Collection::new(pages);
        let m = Matrix::compute(
            &c,
            &MatrixOptions {
                weeks: Some(12),
                ..MatrixOptions::default()
            },
        );
        assert_eq!(m.columns.len(), 13);
        assert_eq!(&states(&m, "a")[..3], "#!#");
        assert!(states(&m, "a").ends_with("x-"));
        assert!(states(&m, "b").ends_with("x#"));
        let b = &m.interns.iter().find(|l| l.key == "b").expect("b").summary;
        assert_eq!((b.dated_weeks, b.due_weeks), (0, 12));
    }

    #[test]
    fn sorting() {
        let (c, options) = sample();
        let mut m = Matrix::compute(&c, &options);
        let names = |m: &Matrix, o: Vec<usize>| -> Vec<String> {
            o.into_iter().map(|i| m.interns[i].name.clone()).collect()
        };
        assert_eq!(
            names(&m, m.order(SortKey::Intern, false)),
            ["alice", "bob", "Chi"]
        );
        assert_eq!(
            names(&m, m.order(SortKey::Progress, true)),
            ["alice", "bob", "Chi"]
        );
        assert_eq!(
            names(&m, m.order(SortKey::Problems, true)),
            ["Chi", "bob", "alice"]
        );
        assert_eq!(
            names(&m, m.order(SortKey::LastDated, false)),
            ["bob", "Chi", "alice"]
        );
        m.sort(SortKey::Problems, true);
        assert_eq!(m.interns[0].name, "Chi");
        assert_eq!("last".parse::<SortKey>(), Ok(SortKey::LastDated));
        assert!("size".parse::<SortKey>().is_err());
    }

    #[test]
    fn a_cohort_names_interns_and_sets_the_calendar() {
        let cohort = Cohort::parse(
            r#"{"schema": 2, "name": "C", "start": "2025-09-08", "weeks": 2,
                "interns": [{"key": "k1", "name": "Lan", "src": "x"}, {"key": "k2", "name": "Minh", "src": "y"}]}"#,
        )
        .expect("cohort");
        let page = week(
            "anywhere",
            1,
            false,
            &[("2", "2025-09-08", "A task of week one")],
        );
        let origin = Origin {
            batch: "cohort".into(),
            intern: Some(Identity {
                key: "k1".into(),
                name: Some("Lan".into()),
            }),
        };
        let c = Collection::with_origins(vec![page], vec![origin]);
        let m = Matrix::compute(
            &c,
            &MatrixOptions::from_cohort(&cohort, Some(date("2025-09-16"))),
        );
        let lines: Vec<(&str, String)> = m
            .interns
            .iter()
            .map(|l| {
                (
                    l.name.as_str(),
                    l.cells.iter().map(|c| c.state.symbol()).collect(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [("Lan", "#.".to_string()), ("Minh", "x.".to_string())]
        );
        let json = serde_json::to_string(&m).expect("serialise");
        let back: Matrix = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, m);
        assert!(json.contains("\"state\":\"not-due\""), "{json}");
    }
}
