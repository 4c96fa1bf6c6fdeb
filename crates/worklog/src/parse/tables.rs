//! Pass: find worklog tables in the text and turn their rows into tasks.
//!
//! The scan is line based and deliberately more forgiving than GFM, because real worklogs
//! break table syntax in ways a renderer forgives or a reader sees through: a first row with
//! 4 of 5 cells, extra trailing cells, two tables glued by a second separator row, a cell
//! continued on a line without a leading pipe, a header with a missing pipe, pipes inside
//! inline code. Tables are recognised by their header keywords ([`columns`]); tables with no
//! task column (comparisons, metrics, summaries) are left alone.
//!
//! Every line is visited a bounded number of times (content-based column guessing looks at
//! most [`GUESS_ROWS`] rows ahead), so time is linear in the page size.

pub mod columns;
pub mod scan;

use chrono::NaiveDate;

use crate::message::{Message, OrderReason};
use crate::model::{DateOrder, Diagnostic, Language, Page, PageKind, Severity, Task};
use crate::parse::cells;
use crate::parse::dates::{self, DateContext, RowDates};
use crate::parse::days::{self, DayLabel};
use columns::Role;
use scan::{cell_count, is_separator, separator_cells, split_row, split_row_at, Layout};

/// What the page knows that helps read its table (from earlier passes).
#[derive(Debug, Clone, Default)]
pub struct TableContext {
    pub language: Option<Language>,
    /// The front-matter date, when real: evidence for the date order and the year.
    pub front_matter_date: Option<NaiveDate>,
    /// A date order decided elsewhere (twin page, neighbouring weeks) to use when the page
    /// itself is ambiguous.
    pub date_order_hint: Option<DateOrder>,
}

#[derive(Debug, Clone, Default)]
pub struct TableOutput {
    pub tasks: Vec<Task>,
    /// Why the dates read in their order ([`TableOutput::date_order`]).
    pub date_order_reason: Option<OrderReason>,
    pub diagnostics: Vec<Diagnostic>,
    /// `unsafe-url` warnings for links dropped from task rows' cells other than the
    /// reference cell (whose warnings are in `diagnostics`). Kept apart because a row that
    /// markdown itself does not read as a table is also read by the sections pass, which
    /// reports the same link: the pipeline keeps one report per link and line.
    pub link_diagnostics: Vec<Diagnostic>,
}

impl TableOutput {
    /// The order the tables' numeric dates are read in, when they have any.
    pub fn date_order(&self) -> Option<DateOrder> {
        self.date_order_reason.as_ref().map(OrderReason::order)
    }
}

/// How many rows after a header-less separator are looked at to guess the columns.
const GUESS_ROWS: usize = 40;

/// Lines that can never hold a table: front matter, fenced code, HTML comments.
fn skipped_lines(lines: &[&str]) -> Vec<bool> {
    let mut skip = vec![false; lines.len()];
    // Front matter: `---` or `+++` first (after a BOM and blank lines), up to its closing line.
    let first = lines
        .iter()
        .position(|l| !l.trim_start_matches('\u{feff}').trim().is_empty());
    if let Some(first) = first {
        let marker = lines[first].trim_start_matches('\u{feff}').trim();
        if marker == "---" || marker == "+++" {
            let close = lines
                .iter()
                .enumerate()
                .skip(first + 1)
                .find(|(_, l)| {
                    let t = l.trim();
                    t == marker || (marker == "---" && t == "...")
                })
                .map(|(i, _)| i);
            if let Some(close) = close {
                skip[..=close].iter_mut().for_each(|s| *s = true);
            }
        }
    }
    // Fenced code blocks (also indented inside list items) and HTML comments.
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    for (i, line) in lines.iter().enumerate() {
        if skip[i] {
            continue;
        }
        let t = line.trim_start();
        if let Some((ch, len)) = fence {
            skip[i] = true;
            let run = t.chars().take_while(|&c| c == ch).count();
            if run >= len && t[run * ch.len_utf8()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if in_comment {
            skip[i] = true;
            if t.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        let ch = t.chars().next().unwrap_or(' ');
        if ch == '`' || ch == '~' {
            let run = t.chars().take_while(|&c| c == ch).count();
            if run >= 3 && !(ch == '`' && t[run..].contains('`')) {
                fence = Some((ch, run));
                skip[i] = true;
                continue;
            }
        }
        if t.starts_with("<!--") && !t.contains("-->") {
            in_comment = true;
            skip[i] = true;
        }
    }
    skip
}

/// Column mapping of one table part (a table, or the rows after a glued separator).
#[derive(Debug, Clone)]
struct Mapping {
    headers: Vec<String>,
    roles: Vec<Role>,
}

impl Mapping {
    fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == role)
    }
}

/// A row being collected: its first line and its raw text (continuation lines appended).
struct PendingRow {
    line: u32,
    raw: String,
    cells_estimate: usize,
    closing_pipe: bool,
    /// Lines after the row's last cell (`- created users`, `+ attached policies |`): more of
    /// its task cell.
    task_lines: Vec<String>,
    /// Last line of the row, and whether markdown ends the table before it (a list line or a
    /// line after the closed row), which is reported.
    last_line: u32,
    outside: bool,
    /// The pipes of `raw` as first read, kept for splitting it until a line is added to it.
    layout: Option<Layout>,
}

impl PendingRow {
    fn new(line: u32, raw: String) -> Self {
        let layout = Layout::of(&raw);
        PendingRow {
            line,
            cells_estimate: layout.cell_count(),
            closing_pipe: split_row_closing(&raw),
            raw,
            task_lines: Vec::new(),
            last_line: line,
            outside: false,
            layout: Some(layout),
        }
    }

    /// `raw` with `more` appended after `separator` (the layout read first no longer holds).
    fn append(&mut self, separator: char, more: &str) {
        self.raw.push(separator);
        self.raw.push_str(more);
        self.layout = None;
    }

    /// The row's cells, lines after its last cell added to the task cell.
    fn cells(self, task_col: Option<usize>, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
        let mut cells = match self.layout {
            Some(layout) => split_row_at(&self.raw, layout).cells,
            None => split_row(&self.raw).cells,
        };
        if let (false, Some(col)) = (self.task_lines.is_empty(), task_col) {
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            let cell = &mut cells[col];
            for line in &self.task_lines {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(line);
            }
        }
        if self.outside {
            diagnostics.push(
                Message::RowContinuationLines {
                    first: self.line + 1,
                    last: self.last_line,
                }
                .info(Some(self.line)),
            );
        }
        cells
    }
}

/// Code of the info for a row continued on lines without a leading pipe.
pub const ROW_CONTINUATION: &str = "row-continuation-lines";
/// Code of the report of a table that is not read as tasks.
pub const TABLE_NOT_READ: &str = "table-not-read";
/// Code of the warning for pipe rows read as a table without their separator row.
pub const TABLE_WITHOUT_SEPARATOR: &str = "table-without-separator";

/// A table part: its mapping and rows (already split).
struct Part {
    mapping: Mapping,
    rows: Vec<(u32, Vec<String>)>,
    /// Column the dates come from when no header names one (content-detected).
    date_column: Option<usize>,
    /// First line of the table the part belongs to.
    table: u32,
}

/// A line that starts a list item (`- x`, `+ x`, `* x`, `• x`, `1. x`): in a continuation it
/// is a new item of the cell, not more words of the previous one.
fn starts_item(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some('-' | '+' | '*' | '•') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && t.len() - rest.len() <= 3
        }
        _ => false,
    }
}

/// A line that ends a table body: blank, a heading, a quote, a thematic break, a shortcode,
/// a bold line standing as a heading (`**Week 3 Achievements:**`).
fn ends_table(t: &str) -> bool {
    t.is_empty()
        || t.starts_with('#')
        || t.starts_with('>')
        || t.starts_with("{{")
        || (t.len() >= 3
            && (t.bytes().all(|b| b == b'*' || b == b' ')
                || t.bytes().all(|b| b == b'_' || b == b' ')))
        || (t.starts_with("**") && t.ends_with("**") && !t.contains('|'))
        || (t.len() >= 3 && t.bytes().all(|b| b == b'-' || b == b' '))
}

/// The header cells, with cells split where a missing pipe merged two labels.
fn split_merged_header(
    mut headers: Vec<String>,
    expected: usize,
    line: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    if headers.len() >= expected {
        return headers;
    }
    let before = headers.len();
    let mut k = 0;
    while headers.len() < expected && k < headers.len() {
        let parts: Vec<String> = headers[k]
            .split("  ")
            .flat_map(|p| p.split('\t'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if parts.len() > 1 {
            let room = expected - headers.len() + 1;
            let mut take: Vec<String> = parts.iter().take(room - 1).cloned().collect();
            take.push(parts[room.min(parts.len()) - 1..].join(" "));
            let added = take.len();
            headers.splice(k..=k, take);
            k += added;
        } else {
            k += 1;
        }
    }
    if headers.len() > before {
        diagnostics.push(Message::HeaderMergedCells {}.info(Some(line)));
    }
    headers
}

fn is_task_id(cell: &str) -> bool {
    let t = cell.trim();
    let letters = t.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    (1..=4).contains(&letters)
        && t.len() > letters
        && t[letters..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '_')
        && t[letters..].starts_with(|c: char| c.is_ascii_digit())
}

fn looks_like_status(cell: &str) -> bool {
    let t = crate::chars::to_lowercase(&days::strip_markup(cell));
    t.len() < 40
        && [
            "done",
            "completed",
            "complete",
            "in progress",
            "ongoing",
            "pending",
            "finished",
            "hoàn thành",
            "đang",
            "chưa",
            "xong",
            "✅",
            "✔",
        ]
        .iter()
        .any(|k| t.contains(k))
}

fn has_link(cell: &str) -> bool {
    cell.contains("http://") || cell.contains("https://") || cell.contains("](")
}

/// Guess the roles of a header-less table part from its rows.
fn guess_roles(rows: &[Vec<String>]) -> Vec<Role> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut roles = vec![Role::Other; columns];
    let share = |col: usize, test: &dyn Fn(&str) -> bool| -> f64 {
        let cells: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get(col).map(String::as_str))
            .filter(|c| !c.trim().is_empty())
            .collect();
        if cells.is_empty() {
            return 0.0;
        }
        cells.iter().filter(|c| test(c)).count() as f64 / cells.len() as f64
    };
    let mut date_cols = 0;
    for (col, role) in roles.iter_mut().enumerate() {
        if share(col, &|c| {
            !dates::scan(c).is_empty() && c.chars().count() < 40
        }) >= 0.5
        {
            *role = match date_cols {
                0 => Role::Start,
                1 => Role::End,
                _ => Role::Other,
            };
            date_cols += 1;
        } else if share(col, &is_task_id) >= 0.5 {
            *role = Role::TaskId;
        }
    }
    let pick = |roles: &mut Vec<Role>, role: Role, test: &dyn Fn(&str) -> bool| {
        if let Some(col) = (0..columns).find(|&c| roles[c] == Role::Other && share(c, test) >= 0.5)
        {
            roles[col] = role;
        }
    };
    pick(&mut roles, Role::Day, &|c| {
        c.chars().count() <= 24 && days::parse_label(c).first.is_some()
    });
    pick(&mut roles, Role::Reference, &has_link);
    pick(&mut roles, Role::Status, &looks_like_status);
    // The task is the column with the longest text on average.
    let mut best: Option<(usize, usize)> = None;
    for (col, role) in roles.iter().enumerate() {
        if *role != Role::Other {
            continue;
        }
        let total: usize = rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(|c| c.chars().count())
            .sum();
        if best.is_none_or(|(_, b)| total > b) {
            best = Some((col, total));
        }
    }
    if let Some((col, _)) = best {
        roles[col] = Role::Task;
    }
    roles
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Day => "Day",
        Role::Sequence => "No.",
        Role::Task => "Task",
        Role::TaskId => "Task ID",
        Role::Start => "Start date",
        Role::End => "End date",
        Role::Date => "Date",
        Role::Reference => "Reference",
        Role::Status => "Status",
        Role::Result => "Result",
        Role::Time => "Time",
        Role::Notes => "Notes",
        Role::Week => "Week",
        Role::Other => "Column",
    }
}

/// Read the body of one table from line `body` (after the separator, or after the header of
/// a table without one); `table` is the table's first line. Returns the parts found and the
/// index of the first line after the table.
fn read_table(
    lines: &[&str],
    skip: &[bool],
    body: usize,
    table: u32,
    mapping: Mapping,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Part>, usize) {
    let mut parts: Vec<Part> = Vec::new();
    let mut mapping = mapping;
    let mut rows: Vec<(u32, Vec<String>)> = Vec::new();
    let mut pending: Option<PendingRow> = None;
    let finish = |pending: &mut Option<PendingRow>,
                  rows: &mut Vec<(u32, Vec<String>)>,
                  mapping: &Mapping,
                  diagnostics: &mut Vec<Diagnostic>| {
        if let Some(p) = pending.take() {
            let line = p.line;
            rows.push((line, p.cells(mapping.column(Role::Task), diagnostics)));
        }
    };
    let mut j = body;
    while j < lines.len() && !skip[j] {
        let line = lines[j];
        let t = line.trim();
        let line_no = (j + 1) as u32;
        if ends_table(t) {
            break;
        }
        if is_separator(line) {
            // Two tables glued together: a second separator row inside the body.
            finish(&mut pending, &mut rows, &mapping, diagnostics);
            let header_candidate = rows.last().map(|(_, cells)| columns::roles_of(cells));
            let new_mapping = match header_candidate {
                Some(roles) if columns::is_worklog(&roles) => {
                    let (_, cells) = rows.pop().unwrap_or_default();
                    Mapping {
                        headers: cells,
                        roles,
                    }
                }
                _ => {
                    // Guess from the rows that follow.
                    let ahead: Vec<Vec<String>> = lines[j + 1..]
                        .iter()
                        .take(GUESS_ROWS)
                        .take_while(|l| {
                            let t = l.trim();
                            t.starts_with('|') && !is_separator(l)
                        })
                        .map(|l| split_row(l).cells)
                        .collect();
                    let roles = guess_roles(&ahead);
                    let headers = roles.iter().map(|r| role_name(*r).to_string()).collect();
                    diagnostics.push(Message::GluedTableSeparator {}.info(Some(line_no)));
                    Mapping { headers, roles }
                }
            };
            if !rows.is_empty() {
                parts.push(Part {
                    mapping: mapping.clone(),
                    rows: std::mem::take(&mut rows),
                    date_column: None,
                    table,
                });
            }
            mapping = new_mapping;
            j += 1;
            continue;
        }
        if t.starts_with('|') {
            finish(&mut pending, &mut rows, &mapping, diagnostics);
            pending = Some(PendingRow::new(line_no, t.to_string()));
            j += 1;
            continue;
        }
        let expected = mapping.roles.len();
        let task_col = mapping.column(Role::Task);
        let Some(p) = pending.as_mut() else { break };
        let item = starts_item(t);
        let incomplete = p.cells_estimate < expected && p.task_lines.is_empty();
        if incomplete && !p.closing_pipe {
            let open_cell = p.cells_estimate.saturating_sub(1);
            if Some(open_cell) == task_col || !item || t.contains('|') {
                // A cell broken by a hard line break: the line continues the open cell (a
                // list item as a new line of it).
                p.append(if item { '\n' } else { ' ' }, t);
                p.cells_estimate += cell_count(t).saturating_sub(1);
                p.closing_pipe = split_row_closing(t);
                p.outside |= item;
            } else {
                // The open cell is not the task (`| 2 | Learn IAM | 08/09/2025` then
                // `- made users`): the item is more of the task.
                p.task_lines.push(t.to_string());
                p.outside = true;
            }
        } else if incomplete && task_col == Some(p.cells_estimate) {
            // `| 2 |` and the task on the next lines, the other cells after it: the line
            // opens the task cell.
            p.append('\n', t);
            p.cells_estimate += cell_count(t);
            p.closing_pipe = split_row_closing(t);
            p.outside = true;
        } else if incomplete && Some(p.cells_estimate.saturating_sub(1)) == task_col {
            // `| 2 | Learn IAM |` and more of the task on the next lines: the task cell is
            // reopened.
            if p.raw.ends_with('|') {
                p.raw.pop();
            }
            p.append('\n', t);
            p.cells_estimate += cell_count(t).saturating_sub(1);
            p.closing_pipe = split_row_closing(t);
            p.outside = true;
        } else if p.cells_estimate >= expected && cell_count(t) >= 2 && !item {
            // A row without its leading pipe (valid GFM).
            finish(&mut pending, &mut rows, &mapping, diagnostics);
            pending = Some(PendingRow::new(line_no, format!("| {t}")));
            j += 1;
            continue;
        } else {
            // Lines after the row's last cell (`- created users`, `+ attached policies |`):
            // more of its task.
            let text = t
                .strip_suffix('|')
                .filter(|_| !t.ends_with("\\|"))
                .unwrap_or(t);
            p.task_lines.push(text.trim_end().to_string());
            p.outside = true;
        }
        p.last_line = line_no;
        j += 1;
    }
    finish(&mut pending, &mut rows, &mapping, diagnostics);
    if !rows.is_empty() {
        parts.push(Part {
            mapping,
            rows,
            date_column: None,
            table,
        });
    }
    (parts, j)
}

/// Rows with at least two more (filled) cells than the header belong to another table glued
/// on without a separator (`T4.3 | 3 | task | date | …` under a `Day | Activities` header):
/// each run of such rows becomes its own part with columns guessed from the contents.
fn split_overwide(parts: Vec<Part>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Part> {
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        let width = part.mapping.roles.len();
        let overwide = |cells: &Vec<String>| {
            cells.len() >= width + 2 && cells.iter().skip(width).any(|c| !c.trim().is_empty())
        };
        if !part.rows.iter().any(|(_, cells)| overwide(cells)) {
            out.push(part);
            continue;
        }
        let mut current: Vec<(u32, Vec<String>)> = Vec::new();
        let mut current_wide = false;
        let flush = |rows: Vec<(u32, Vec<String>)>,
                     wide: bool,
                     out: &mut Vec<Part>,
                     diagnostics: &mut Vec<Diagnostic>| {
            if rows.is_empty() {
                return;
            }
            let mapping = if wide {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .take(GUESS_ROWS)
                    .map(|(_, c)| c.clone())
                    .collect();
                let roles = guess_roles(&cells);
                diagnostics.push(Message::GluedTableExtraCells {}.info(Some(rows[0].0)));
                Mapping {
                    headers: roles.iter().map(|r| role_name(*r).to_string()).collect(),
                    roles,
                }
            } else {
                part.mapping.clone()
            };
            out.push(Part {
                mapping,
                rows,
                date_column: None,
                table: part.table,
            });
        };
        for (line, cells) in part.rows.iter().cloned() {
            let wide = overwide(&cells);
            if wide != current_wide && !current.is_empty() {
                flush(
                    std::mem::take(&mut current),
                    current_wide,
                    &mut out,
                    diagnostics,
                );
            }
            current_wide = wide;
            current.push((line, cells));
        }
        flush(current, current_wide, &mut out, diagnostics);
    }
    out
}

/// Whether a line ends with a cell-closing pipe (cheap check used while collecting).
fn split_row_closing(t: &str) -> bool {
    t.ends_with('|') && !t.ends_with("\\|") && t.len() > 1
}

/// The first column that is not task/reference and holds dates in at least half its cells:
/// dates written under `Thời gian`, `Date` used as the day column, etc.
fn detect_date_column(part: &Part) -> Option<usize> {
    if part
        .mapping
        .roles
        .iter()
        .any(|r| matches!(r, Role::Start | Role::End | Role::Date))
    {
        return None;
    }
    let columns = part.mapping.roles.len();
    (0..columns).find(|&col| {
        if matches!(part.mapping.roles[col], Role::Task | Role::Reference) {
            return false;
        }
        let cells: Vec<&String> = part
            .rows
            .iter()
            .filter_map(|(_, r)| r.get(col))
            .filter(|c| !c.trim().is_empty())
            .collect();
        !cells.is_empty()
            && cells.iter().filter(|c| !dates::scan(c).is_empty()).count() * 2 >= cells.len()
    })
}

/// A table with a task column but no day or date header (`Task | Time | Notes`) is a
/// worklog when one of its other columns holds dates in at least half its cells (`21 July`
/// under `Time`, `Period`, `Thời hạn`).
fn dated_tasks(roles: &[Role], lines: &[&str], skip: &[bool], body: usize) -> bool {
    if !roles.contains(&Role::Task) {
        return false;
    }
    let rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .skip(body)
        .take(GUESS_ROWS)
        .take_while(|(j, l)| !skip[*j] && !ends_table(l.trim()))
        .filter(|(_, l)| l.trim().starts_with('|') && !is_separator(l))
        .map(|(_, l)| split_row(l).cells)
        .collect();
    (0..roles.len()).any(|col| {
        if matches!(roles[col], Role::Task | Role::Reference) {
            return false;
        }
        let cells: Vec<&String> = rows
            .iter()
            .filter_map(|r| r.get(col))
            .filter(|c| !c.trim().is_empty())
            .collect();
        !cells.is_empty()
            && cells.iter().filter(|c| !dates::scan(c).is_empty()).count() * 2 >= cells.len()
    })
}

/// The index of the first line after a table body starting at `body`.
fn table_end(lines: &[&str], skip: &[bool], body: usize) -> usize {
    let mut j = body;
    while j < lines.len() && !skip[j] && !ends_table(lines[j].trim()) {
        j += 1;
    }
    j
}

/// Why a table whose header is known is not a worklog, and whether it looks like one (a day,
/// date or task column: then the report is a warning).
fn not_worklog(roles: &[Role]) -> (Unread, bool) {
    let has_task = roles.contains(&Role::Task);
    let has_day_or_date = roles
        .iter()
        .any(|r| matches!(r, Role::Day | Role::Start | Role::End | Role::Date));
    if roles.contains(&Role::Week) && !has_day_or_date {
        // A summary by week or phase (`Week | Main Activities`) is evidently not the daily
        // worklog: reported as info even with a task-like column.
        return (Unread::WeeksOrPhases, false);
    }
    let why = if has_task {
        Unread::NoDayOrDate
    } else if has_day_or_date {
        Unread::NoTaskColumn
    } else {
        Unread::HeaderNotRecognised
    };
    (why, has_task || has_day_or_date)
}

/// Why a table is not read as tasks.
#[derive(Debug, Clone, Copy)]
enum Unread {
    WeeksOrPhases,
    NoDayOrDate,
    NoTaskColumn,
    HeaderNotRecognised,
    /// Lines starting with `|` without a separator row, under an unrecognised header.
    LooseHeader,
    /// Lines starting with `|` without a header or a separator row.
    LooseNoHeader,
}

/// Report a table that is not read as tasks: a warning when it looks like a worklog.
fn report_unread(
    diagnostics: &mut Vec<Diagnostic>,
    line: u32,
    why: Unread,
    headers: &[String],
    task_like: bool,
) {
    let header: Vec<String> = headers.iter().map(|h| days::strip_markup(h)).collect();
    let mut header = header.join(" | ");
    if header.chars().count() > 80 {
        header = header.chars().take(80).collect::<String>() + "…";
    }
    let hint = task_like;
    let message = match why {
        Unread::WeeksOrPhases => Message::TableWeeksOrPhases { header, hint },
        Unread::NoDayOrDate => Message::TableNoDayOrDate { header, hint },
        Unread::NoTaskColumn => Message::TableNoTaskColumn { header, hint },
        Unread::HeaderNotRecognised => Message::TableHeaderNotRecognised { header, hint },
        Unread::LooseHeader => Message::TableLooseHeader { header, hint },
        Unread::LooseNoHeader => Message::TableLooseNoHeader { header, hint },
    };
    diagnostics.push(if task_like {
        message.warning(Some(line))
    } else {
        message.info(Some(line))
    });
}

/// Lines starting with `|` with no separator row under a header: markdown shows them as
/// text, but they are a table to a reader. Read them when the first line is a worklog header
/// or a column holds dates (columns then guessed from the contents), else report them.
/// Returns the index of the first line after them.
fn read_loose_table(
    lines: &[&str],
    skip: &[bool],
    start: usize,
    parts: &mut Vec<Part>,
    tables: &mut Vec<u32>,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let table = (start + 1) as u32;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut end = start;
    while end < lines.len() && !skip[end] {
        let t = lines[end].trim();
        let separator_next = end + 1 < lines.len() && is_separator(lines[end + 1]);
        if ends_table(t) || (end > start && separator_next) {
            break;
        }
        if t.starts_with('|') && rows.len() < GUESS_ROWS && !is_separator(t) {
            rows.push(split_row(t).cells);
        }
        end += 1;
    }
    let header = rows.first().cloned().unwrap_or_default();
    let roles = columns::roles_of(&header);
    let (mapping, body, how) =
        if columns::is_worklog(&roles) || dated_tasks(&roles, lines, skip, start + 1) {
            let mapping = Mapping {
                headers: header,
                roles,
            };
            (mapping, start + 1, Message::TableNamedColumns {})
        } else {
            // No recognised header: a first line without dates is taken for an unrecognised
            // header; the columns are guessed from the rows.
            let header_like = rows.len() >= 2 && header.iter().all(|c| dates::scan(c).is_empty());
            let sample = if header_like { &rows[1..] } else { &rows[..] };
            let guessed = guess_roles(sample);
            if !(guessed.contains(&Role::Start) && guessed.contains(&Role::Task)) {
                let why = if header_like {
                    Unread::LooseHeader
                } else {
                    Unread::LooseNoHeader
                };
                let (_, task_like) = not_worklog(&roles);
                report_unread(diagnostics, table, why, &header, task_like);
                return end.max(start + 1);
            }
            let headers = if header_like {
                header
            } else {
                guessed.iter().map(|r| role_name(*r).to_string()).collect()
            };
            let mapping = Mapping {
                headers,
                roles: guessed,
            };
            let body = if header_like { start + 1 } else { start };
            (mapping, body, Message::TableGuessedColumns {})
        };
    diagnostics.push(how.warning(Some(table)));
    tables.push(table);
    let (found, next) = read_table(lines, skip, body, table, mapping, diagnostics);
    parts.extend(found);
    next.max(start + 1)
}

/// Labels of a line that gives the week's dates: `**Period:** …`, `Thời gian: …`,
/// `Week Duration: …`.
const PERIOD_LABELS: [&str; 10] = [
    "period",
    "duration",
    "date",
    "time",
    "week",
    "thời gian",
    "thời hạn",
    "ngày",
    "tuần",
    "timeline",
];

/// The first full date (with a year) written outside the tables in a heading, a labelled
/// period line (`**Period:** 21/07/2025 – 25/07/2025`, `Owner: … | Thời gian: …`) or a 📅
/// line: the year for table dates written without one.
fn page_date(lines: &[&str], skip: &[bool]) -> Option<dates::PageDate> {
    let full_date = |text: &str| {
        dates::scan(text).into_iter().find_map(|f| {
            f.token.year()?;
            f.token.read(DateOrder::Dmy, None)
        })
    };
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if skip[i] || t.is_empty() || t.starts_with('|') || !t.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let found = if t.starts_with('#') || t.contains('📅') || t.contains('🗓') {
            full_date(t)
        } else {
            t.split('|').find_map(|segment| {
                let (label, rest) = segment.split_once(':')?;
                let label = label.replace(['*', '_'], "").trim().to_lowercase();
                (label.chars().count() <= 40 && PERIOD_LABELS.iter().any(|k| label.contains(k)))
                    .then(|| full_date(rest))
                    .flatten()
            })
        };
        if let Some(date) = found {
            return Some(dates::PageDate {
                date,
                line: Some((i + 1) as u32),
            });
        }
    }
    None
}

/// Code of the warning for a week page with a worklog-like table and no task.
pub const NO_TASKS_READ: &str = "no-tasks-read";

/// The last check of a page, once its kind and tasks are known: a week page with a table
/// that looks like its worklog but no task gets a warning; on pages that are not weeks
/// (index, stub, other sections of a site) unread tables are only info.
pub fn check_unread(page: &mut Page) {
    match page.kind {
        PageKind::Week | PageKind::MultiWeek => {
            if !page.tasks.is_empty() {
                return;
            }
            let table = page
                .diagnostics
                .iter()
                .find(|d| d.code == TABLE_NOT_READ && d.severity == Severity::Warning)
                .and_then(|d| d.line);
            if let Some(line) = table {
                page.diagnostics
                    .push(Message::NoTasksRead { table: line }.warning(Some(line)));
            }
        }
        PageKind::SingleFile => {}
        _ => {
            for d in page.diagnostics.iter_mut() {
                if d.code == TABLE_NOT_READ {
                    d.severity = Severity::Info;
                }
            }
        }
    }
}

/// Find the worklog tables of `text` (the whole decoded page; line numbers are 1-based lines
/// of it) and read their rows.
pub fn extract_tasks(text: &str, context: &TableContext) -> TableOutput {
    let mut out = TableOutput::default();
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let skip = skipped_lines(&lines);

    let mut parts: Vec<Part> = Vec::new();
    // First lines of the tables read as worklogs; each must give a task or be reported.
    let mut tables: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if skip[i] {
            i += 1;
            continue;
        }
        let line = lines[i];
        let t = line.trim();
        let separator_next = i + 1 < lines.len() && !skip[i + 1] && is_separator(lines[i + 1]);
        if t.contains('|') && separator_next && !is_separator(line) {
            let header_line = (i + 1) as u32;
            // A missing pipe may have merged two labels into one header cell: split them first.
            let mut notes = Vec::new();
            let headers = split_merged_header(
                split_row(line).cells,
                separator_cells(lines[i + 1]),
                header_line,
                &mut notes,
            );
            let roles = columns::roles_of(&headers);
            if !columns::is_worklog(&roles) && !dated_tasks(&roles, &lines, &skip, i + 2) {
                // Comparison, metric or summary table: not tasks, but said so.
                let (why, task_like) = not_worklog(&roles);
                report_unread(&mut out.diagnostics, header_line, why, &headers, task_like);
                i = table_end(&lines, &skip, i + 2);
                continue;
            }
            out.diagnostics.extend(notes);
            tables.push(header_line);
            let (found, next) = read_table(
                &lines,
                &skip,
                i + 2,
                header_line,
                Mapping { headers, roles },
                &mut out.diagnostics,
            );
            parts.extend(found);
            i = next.max(i + 2);
            continue;
        }
        if t.starts_with('|') && !is_separator(t) && cell_count(t) >= 2 {
            i = read_loose_table(
                &lines,
                &skip,
                i,
                &mut parts,
                &mut tables,
                &mut out.diagnostics,
            );
            continue;
        }
        i += 1;
    }

    let mut parts = split_overwide(parts, &mut out.diagnostics);

    // Rows → tasks, and what the date pass needs.
    let mut date_rows: Vec<RowDates> = Vec::new();
    for part in parts.iter_mut() {
        part.date_column = detect_date_column(part);
    }
    let mut tables_with_tasks: Vec<u32> = Vec::new();
    for part in &parts {
        let mapping = &part.mapping;
        let day_col = mapping
            .column(Role::Day)
            .or_else(|| mapping.column(Role::Sequence));
        let sequence = mapping.column(Role::Day).is_none() && day_col.is_some();
        let labels: Vec<Option<DayLabel>> = part
            .rows
            .iter()
            .map(|(_, cells)| {
                day_col
                    .and_then(|c| cells.get(c))
                    .filter(|c| !c.trim().is_empty())
                    .map(|c| days::parse_label(c))
            })
            .collect();
        let convention = if sequence {
            days::NumberConvention::NotWeekdays
        } else {
            days::column_convention(labels.iter().flatten())
        };
        let expected = mapping.roles.len();
        for ((line, cells), label) in part.rows.iter().zip(labels) {
            let line = *line;
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if cells.len() != expected {
                let extra_filled = cells.iter().skip(expected).any(|c| !c.trim().is_empty());
                let cells = cells.len();
                let diagnostic = if cells < expected {
                    Message::RowCellsMissing { cells, expected }.info(Some(line))
                } else if extra_filled {
                    Message::RowCellsExtraFilled { cells, expected }.warning(Some(line))
                } else {
                    Message::RowCellsExtraEmpty { cells, expected }.info(Some(line))
                };
                out.diagnostics.push(diagnostic);
            }
            let cell =
                |role: Role| -> Option<&String> { mapping.column(role).and_then(|c| cells.get(c)) };
            let task_col = mapping.column(Role::Task);
            let reference_col = mapping.column(Role::Reference);
            let mut items = Vec::new();
            let mut references = Vec::new();
            // Left to right, so a row's link warnings come in the order the links are written.
            for (col, value) in cells.iter().enumerate() {
                if Some(col) == task_col {
                    items = cells::task_cell(value, line, &mut out.link_diagnostics);
                } else if Some(col) == reference_col {
                    references = cells::references(value, line, &mut out.diagnostics);
                } else {
                    cells::unsafe_links(value, line, &mut out.link_diagnostics);
                }
            }
            let text = cells::plain_text(&items);
            let mut extra = Vec::new();
            for (col, value) in cells.iter().enumerate() {
                let role = mapping.roles.get(col).copied().unwrap_or(Role::Other);
                let keep = matches!(
                    role,
                    Role::TaskId
                        | Role::Status
                        | Role::Result
                        | Role::Time
                        | Role::Notes
                        | Role::Week
                        | Role::Other
                ) && part.date_column != Some(col)
                    || col >= expected;
                if !keep {
                    continue;
                }
                let plain = days::strip_markup(value);
                if !plain.is_empty() {
                    let header = mapping
                        .headers
                        .get(col)
                        .map(|h| days::strip_markup(h))
                        .filter(|h| !h.is_empty())
                        .unwrap_or_else(|| format!("Column {}", col + 1));
                    extra.push((header, plain));
                }
            }
            let non_empty = |c: Option<&String>| c.filter(|c| !c.trim().is_empty()).cloned();
            let mut start_text = non_empty(cell(Role::Start));
            let end_text = non_empty(cell(Role::End));
            if start_text.is_none() && end_text.is_none() {
                start_text = non_empty(cell(Role::Date))
                    .or_else(|| non_empty(part.date_column.and_then(|c| cells.get(c))))
                    .or_else(|| {
                        label
                            .as_ref()
                            .filter(|l| l.has_date)
                            .and_then(|_| non_empty(day_col.and_then(|c| cells.get(c))))
                    });
            }
            // One date cell (or an empty end cell): a one-day task, unless the cell is a range.
            let single = end_text.is_none();
            // A cell that is only a date (`13/07/2026` under `Date`) is a date, not a day label.
            let day = label
                .as_ref()
                .filter(|l| l.first.is_some() || l.full_week || !l.has_date)
                .map(|l| l.text.clone())
                .filter(|t| !t.is_empty());
            date_rows.push(RowDates {
                line,
                label: label.map(|l| (l, convention)),
                start_text: start_text.clone(),
                end_text: end_text.clone(),
                single,
            });
            if tables_with_tasks.last() != Some(&part.table) {
                tables_with_tasks.push(part.table);
            }
            out.tasks.push(Task {
                line,
                week: None,
                day,
                weekday: None,
                start: None,
                end: None,
                start_text,
                end_text,
                text,
                items,
                references,
                services: Vec::new(),
                extra,
            });
        }
    }

    // A worklog table that gave no task: a header alone, or only empty rows.
    for table in tables {
        if tables_with_tasks.contains(&table) {
            continue;
        }
        let rows = parts.iter().any(|p| p.table == table);
        out.diagnostics.push(
            if rows {
                Message::TableEmptyRows {}
            } else {
                Message::TableNoRows {}
            }
            .warning(Some(table)),
        );
    }

    let date_context = DateContext {
        front_matter_date: context.front_matter_date,
        hint: context.date_order_hint,
        forced: None,
        page_date: page_date(&lines, &skip),
    };
    let read = dates::read_rows(&date_rows, &date_context);
    for (task, row) in out.tasks.iter_mut().zip(read.rows) {
        task.start = row.start;
        task.end = row.end;
        task.weekday = row.weekday;
    }
    out.date_order_reason = read.reason;
    out.diagnostics.extend(read.diagnostics);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tasks(text: &str) -> TableOutput {
        extract_tasks(text, &TableContext::default())
    }

    #[test]
    fn template_table() {
        let page = "---\ntitle: x\n---\n| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n| 2 | - a <br> - b | 08/11/2025 | 08/11/2025 |\n| 3 | c | 08/12/2025 | 08/12/2025 | <https://x.org/> |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 2);
        assert_eq!(out.tasks[0].line, 6);
        assert_eq!(out.tasks[0].day.as_deref(), Some("2"));
        assert_eq!(out.tasks[0].start, NaiveDate::from_ymd_opt(2025, 8, 11));
        assert_eq!(out.date_order(), Some(DateOrder::Mdy));
        assert!(out
            .diagnostics
            .iter()
            .any(|d| d.code == "row-cell-count" && d.line == Some(6)));
    }

    #[test]
    fn hint_settles_an_ambiguous_page_without_warning() {
        let page = "| Task | Start Date |\n| --- | --- |\n| A | 05/06/2025 |\n";
        let context = TableContext {
            date_order_hint: Some(DateOrder::Mdy),
            ..TableContext::default()
        };
        let out = extract_tasks(page, &context);
        assert_eq!(out.date_order(), Some(DateOrder::Mdy));
        assert_eq!(out.tasks[0].start, NaiveDate::from_ymd_opt(2025, 5, 6));
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        // A proof on the page beats the hint.
        let page = "| Task | Start Date |\n| --- | --- |\n| A | 25/06/2025 |\n";
        assert_eq!(
            extract_tasks(page, &context).date_order(),
            Some(DateOrder::Dmy)
        );
    }

    #[test]
    fn unsafe_links_reported_from_every_cell() {
        let page = "| Day | Task | Notes | Reference |\n| --- | --- | --- | --- |\n| 2 | [a](javascript:alert(1)) | <vbscript:x> | [r](data:x) |\n";
        let out = tasks(page);
        let codes: Vec<_> = out
            .link_diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line))
            .collect();
        assert_eq!(
            codes,
            vec![("unsafe-url", Some(3)), ("unsafe-url", Some(3))]
        );
        assert!(out
            .diagnostics
            .iter()
            .any(|d| d.code == "unsafe-url" && d.message.contains("data:")));
        assert_eq!(out.tasks[0].text, "a");
    }

    #[test]
    fn skips_code_and_front_matter() {
        let page = "---\n| Day | Task |\n| --- | --- |\n| 2 | x |\n---\n```\n| Day | Task |\n| --- | --- |\n| 2 | y |\n```\n";
        assert!(tasks(page).tasks.is_empty());
    }

    #[test]
    fn continuation_and_glued() {
        let page = "| Day | Task | Start Date | End Date |\n| --- | --- | --- | --- |\n| 2 | first part &\nsecond part | 06/10/2025 | 06/10/2025 |\n| 3 | next | 07/10/2025 | 07/10/2025 |\n| --- | --- |\n| T1.1 | 4 | **x** long task text here | 08/10/2025 | 08/10/2025 | Done | <https://a.b/> |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 3);
        assert!(out.tasks[0].text.contains("second part"));
        assert_eq!(out.tasks[2].day.as_deref(), Some("4"));
        assert_eq!(out.tasks[2].start, NaiveDate::from_ymd_opt(2025, 10, 8));
    }

    fn codes(out: &TableOutput) -> Vec<(&str, Option<u32>, Severity)> {
        out.diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.severity))
            .collect()
    }

    #[test]
    fn pipe_rows_without_header_or_separator() {
        // No header at all: the columns come from the contents (a column of dates).
        let page =
            "Notes\n\n| 2 | Read about IAM | 08/09/2025 |\n| 3 | Install the CLI | 09/09/2025 |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 2);
        assert_eq!(out.tasks[1].text, "Install the CLI");
        assert_eq!(out.tasks[1].start, NaiveDate::from_ymd_opt(2025, 9, 9));
        assert_eq!(
            codes(&out),
            vec![(TABLE_WITHOUT_SEPARATOR, Some(3), Severity::Warning)]
        );
        // Pipe lines with no dates and no worklog header: reported, not read.
        let page = "| Metric | Value |\n| p95 | 120 ms |\n";
        let out = tasks(page);
        assert!(out.tasks.is_empty());
        assert_eq!(codes(&out), vec![(TABLE_NOT_READ, Some(1), Severity::Info)]);
        // One cell is text that starts with a pipe, not a table.
        assert!(tasks("| just a note\n").diagnostics.is_empty());
    }

    #[test]
    fn worklog_header_without_rows_is_reported() {
        let page = "| Day | Task |\n| --- | --- |\n\nText.\n";
        let out = tasks(page);
        assert!(out.tasks.is_empty());
        assert_eq!(
            codes(&out),
            vec![(TABLE_NOT_READ, Some(1), Severity::Warning)]
        );
        let page = "| Day | Task |\n| --- | --- |\n| | |\n";
        assert_eq!(
            codes(&tasks(page)),
            vec![(TABLE_NOT_READ, Some(1), Severity::Warning)]
        );
    }

    #[test]
    fn a_column_of_dates_makes_a_task_table_a_worklog() {
        let page =
            "| Task | Time |\n| --- | --- |\n| Lab | 21 July 2025 |\n| Review | 22–23 July |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 2);
        assert_eq!(out.tasks[1].start, NaiveDate::from_ymd_opt(2025, 7, 22));
        assert_eq!(out.tasks[1].end, NaiveDate::from_ymd_opt(2025, 7, 23));
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        // Without dates it stays a list of things, reported.
        let page = "| Task | Owner |\n| --- | --- |\n| Lab | me |\n";
        assert_eq!(
            codes(&tasks(page)),
            vec![(TABLE_NOT_READ, Some(1), Severity::Warning)]
        );
    }

    #[test]
    fn continuation_into_the_task_cell() {
        // The open cell is a date cell: a list line still belongs to the task.
        let page = "| Day | Task | Start Date | End Date |\n| --- | --- | --- | --- |\n| 2 | Learn IAM | 08/09/2025\n- made users\n| 3 | Next | 09/09/2025 | 09/09/2025 |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 2);
        assert!(
            out.tasks[0].text.contains("made users"),
            "{:?}",
            out.tasks[0]
        );
        assert_eq!(out.tasks[0].start, NaiveDate::from_ymd_opt(2025, 9, 8));
        // `| 2 |` and the task on the next lines: they open the task cell, the dates follow.
        let page = "| Day | Task | Start Date | End Date |\n| --- | --- | --- | --- |\n| 2 |\n- made users\n+ gave them a group | 08/09/2025 | 08/09/2025 |\n";
        let out = tasks(page);
        assert_eq!(out.tasks.len(), 1);
        assert_eq!(out.tasks[0].text, "made users\n  gave them a group");
        assert_eq!(out.tasks[0].end, NaiveDate::from_ymd_opt(2025, 9, 8));
        // `| 2 | Learn IAM |` and more of the task: the task cell is reopened.
        let page = "| Day | Task | Start Date | End Date |\n| --- | --- | --- | --- |\n| 2 | Learn IAM |\n- made users | 08/09/2025 | 08/09/2025 |\n";
        let out = tasks(page);
        assert_eq!(out.tasks[0].text, "Learn IAM\n  made users");
        assert_eq!(out.tasks[0].start, NaiveDate::from_ymd_opt(2025, 9, 8));
        // A bold heading line ends the table instead.
        let page = "| Day | Task |\n| --- | --- |\n| 2 | a |\n**Week 1 Achievements:**\n";
        let out = tasks(page);
        assert_eq!(out.tasks[0].text, "a");
    }

    #[test]
    fn year_from_a_period_line() {
        let page = "**Thời gian:** 04/08/2025 - 08/08/2025\n\n| Thứ | Công việc | Ngày |\n| --- | --- | --- |\n| Thứ 2 | RDS | 4 tháng 8 |\n";
        let out = tasks(page);
        assert_eq!(out.tasks[0].start, NaiveDate::from_ymd_opt(2025, 8, 4));
        assert_eq!(
            codes(&out),
            vec![(dates::YEAR_FROM_PAGE, Some(5), Severity::Info)]
        );
    }

    /// Random pages built from the pieces tables, labels and dates are made of (multi-byte
    /// letters next to every delimiter) must never panic.
    #[test]
    fn random_table_soup_does_not_panic() {
        const PIECES: [&str; 40] = [
            "|",
            "|",
            "| ",
            " |",
            "-",
            "---",
            ":---:",
            "`",
            "``",
            "\\",
            "\n",
            "\n",
            "\r\n",
            "2",
            "/",
            "Thứ",
            "ạ",
            "<br>",
            "<br",
            "**",
            "(",
            ")",
            "2025",
            "12",
            "31",
            "Jan",
            "tháng",
            "Day",
            "Task",
            "Start Date",
            "Completion Date",
            "Ngày",
            "CN",
            "6-7",
            ",",
            ".",
            "&emsp;",
            "```",
            "\u{feff}",
            "🎯",
        ];
        let mut next = crate::parse::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..3000 {
            let len = (next() % 120) as usize;
            let mut page = String::from(
                "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n",
            );
            for _ in 0..len {
                page.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let out = tasks(&page);
            for task in &out.tasks {
                assert!(task.line >= 1);
            }
            let _ = days::parse_label(&page);
            let _ = dates::scan(&page);
        }
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        let row = format!("| Day | Task |\n| --- | --- |\n{}\n", "| x ".repeat(10_000));
        assert_eq!(tasks(&row).tasks.len(), 1);
        let pipes = "|\n".repeat(100_000);
        assert!(tasks(&pipes).tasks.is_empty());
        let body = format!(
            "| Day | Task |\n| --- | --- |\n{}",
            "| 2 | ` x |\n".repeat(50_000)
        );
        assert_eq!(tasks(&body).tasks.len(), 50_000);
        for text in [
            "|",
            "|\n|-|",
            "| Thứ |\n|---|\n| ạ",
            "\u{feff}---\n",
            "```\n| a |",
        ] {
            let _ = tasks(text);
        }
    }
}
