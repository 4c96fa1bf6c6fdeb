//! Pass: date tokens → calendar dates, and the page's day/month order from all the evidence.
//!
//! A third of real pages write only dates like `06/10/2025` that read either way, so the
//! order is decided once per page from everything available, strongest evidence first:
//!
//! 1. a part above 12 proves the order (`16/09/2025` is day/month);
//! 2. the day column agrees with the weekday of one reading (`2` = Monday = 6 Oct 2025);
//! 3. the part that changes from row to row is the day of the month;
//! 4. the front-matter date is close to one reading only (the template default 2024-01-01 is
//!    ignored);
//! 5. a hint from other pages (language twin, neighbouring weeks);
//! 6. otherwise the more plausible reading (first date on a Monday, dates in sequence), with
//!    an `ambiguous-date-order` warning.
//!
//! The reason is kept on the page in words (`date_order_reason`) and as data
//! (`date_order_basis`, an [`OrderReason`]) for the diagnostics view.

pub mod scan;

use chrono::{Datelike, Duration, NaiveDate};

use crate::message::{DateCell, Message, OrderReason};
use crate::model::{DateOrder, Diagnostic, Page, Weekday};
use crate::parse::days::{self, DayLabel, NumberConvention};
pub use scan::{scan, DateToken, Found};

/// Code of the warning for a page whose day/month order could only be guessed.
pub const AMBIGUOUS_DATE_ORDER: &str = "ambiguous-date-order";

/// The template's default front-matter date: says nothing about the page.
fn template_default_date() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 1, 1)
}

/// What the date pass knows besides the rows themselves.
#[derive(Debug, Clone, Default)]
pub struct DateContext {
    pub front_matter_date: Option<NaiveDate>,
    /// Order suggested by other pages.
    pub hint: Option<DateOrder>,
    /// Order imposed by the caller (the collection re-reading a page), with why.
    pub forced: Option<OrderReason>,
    /// A full date written on the page outside the table: the year for table dates written
    /// without one.
    pub page_date: Option<PageDate>,
}

/// Code of the info for table dates whose year comes from elsewhere on the page.
pub const YEAR_FROM_PAGE: &str = "year-from-page";

/// A full date written on the page outside the table (`**Period:** 21/07/2025 – …`, a heading
/// `### Week 3 (July 21, 2025)`): dates in the table written without a year take its year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDate {
    pub date: NaiveDate,
    /// Where it is written (`None` when it comes from an earlier reading of the page).
    pub line: Option<u32>,
}

/// Where a row's dates come from.
#[derive(Debug, Clone, Default)]
pub struct RowDates {
    pub line: u32,
    /// The parsed day label and the numbering convention of its column.
    pub label: Option<(DayLabel, NumberConvention)>,
    /// Text of the start (or single) date cell.
    pub start_text: Option<String>,
    /// Text of the end date cell.
    pub end_text: Option<String>,
    /// True when the row has one date cell (start = end unless the cell is a range).
    pub single: bool,
}

/// The dates read for one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadRow {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// From the start date when known, else from the day label.
    pub weekday: Option<Weekday>,
}

/// The outcome of reading every row of a page.
#[derive(Debug, Clone, Default)]
pub struct PageDates {
    pub rows: Vec<ReadRow>,
    /// Why the dates read in their order (which [`OrderReason::order`] gives).
    pub reason: Option<OrderReason>,
    pub diagnostics: Vec<Diagnostic>,
}

impl PageDates {
    /// The order the page's numeric dates are read in, when it has any.
    pub fn order(&self) -> Option<DateOrder> {
        self.reason.as_ref().map(OrderReason::order)
    }
}

/// Record the order of `page`'s dates and why, in words and as data.
pub fn set_order(page: &mut Page, reason: &OrderReason) {
    page.date_order = Some(reason.order());
    page.date_order_reason = Some(reason.english());
    page.date_order_basis = Some(reason.wording());
}

impl DateToken {
    /// The order this token proves on its own: a part above 12 can only be the day.
    pub fn proves(&self) -> Option<DateOrder> {
        match *self {
            DateToken::Numeric { first, second, .. } => {
                if first > 12 && (1..=12).contains(&second) && first <= 31 {
                    Some(DateOrder::Dmy)
                } else if second > 12 && (1..=12).contains(&first) && second <= 31 {
                    Some(DateOrder::Mdy)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// True when the two readings give two different valid dates.
    pub fn is_ambiguous(&self) -> bool {
        matches!(*self, DateToken::Numeric { first, second, .. }
            if first != second && (1..=12).contains(&first) && (1..=12).contains(&second))
    }

    fn is_numeric(&self) -> bool {
        matches!(self, DateToken::Numeric { .. })
    }

    pub fn year(&self) -> Option<i32> {
        match *self {
            DateToken::Numeric { year, .. } | DateToken::Named { year, .. } => year,
            DateToken::Ymd { year, .. } => Some(year),
        }
    }

    /// (month, day) in `order`; a token that proves the other order is read that way.
    fn month_day(&self, order: DateOrder) -> (u32, u32) {
        match *self {
            DateToken::Numeric { first, second, .. } => {
                let order = self.proves().unwrap_or(order);
                if order == DateOrder::Mdy {
                    (first, second)
                } else {
                    (second, first)
                }
            }
            DateToken::Ymd { month, day, .. } | DateToken::Named { month, day, .. } => (month, day),
        }
    }

    /// The calendar date in `order`; a token without a year takes the year that puts it
    /// closest to `near`.
    pub fn read(&self, order: DateOrder, near: Option<NaiveDate>) -> Option<NaiveDate> {
        let (month, day) = self.month_day(order);
        match self.year() {
            Some(year) => NaiveDate::from_ymd_opt(year, month, day),
            None => {
                let near = near?;
                let mut best: Option<NaiveDate> = None;
                for year in [near.year() - 1, near.year(), near.year() + 1] {
                    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                        let closer = best.is_none_or(|b| {
                            (date - near).num_days().abs() < (b - near).num_days().abs()
                        });
                        if closer {
                            best = Some(date);
                        }
                    }
                }
                best
            }
        }
    }
}

/// Texts that mean "no date" rather than a date we failed to read.
fn is_placeholder(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '~'))
        .collect::<String>()
        .trim()
        .to_lowercase();
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '.' | '…' | '/' | '?' | ' '))
        || matches!(
            t.as_str(),
            "n/a" | "na" | "none" | "tbd" | "tba" | "x" | "<br>" | "&nbsp;" | "không" | "chưa"
        )
}

/// One row's tokens, scanned once.
struct Scanned {
    start: Vec<DateToken>,
    end: Vec<DateToken>,
    label_weekday: Option<Weekday>,
    label_offset: Option<(i64, bool)>,
}

/// Weekday of the label, when the label names one (not for `Day N` sequences).
fn label_weekday(row: &RowDates) -> Option<Weekday> {
    let (label, convention) = row.label.as_ref()?;
    label.weekday(*convention)
}

/// Read every row's dates, deciding the page's day/month order on the way.
pub fn read_rows(rows: &[RowDates], context: &DateContext) -> PageDates {
    let mut out = PageDates::default();
    let fm_date = context
        .front_matter_date
        .filter(|d| Some(*d) != template_default_date());

    let scanned: Vec<Scanned> = rows
        .iter()
        .map(|row| {
            let start: Vec<DateToken> = row
                .start_text
                .as_deref()
                .map(|t| scan(t).into_iter().map(|f| f.token).collect())
                .unwrap_or_default();
            let end: Vec<DateToken> = row
                .end_text
                .as_deref()
                .map(|t| scan(t).into_iter().map(|f| f.token).collect())
                .unwrap_or_default();
            Scanned {
                start,
                end,
                label_weekday: label_weekday(row),
                label_offset: row.label.as_ref().and_then(|(l, c)| l.offset(*c)),
            }
        })
        .collect();

    // A year for tokens written without one: from the page's own dates, else the year in which
    // the day labels fall on the written dates (front-matter years are often mistyped, so they
    // only win when the labels do not point elsewhere), else the front-matter year.
    let written_year = scanned
        .iter()
        .flat_map(|s| s.start.iter().chain(s.end.iter()))
        .find_map(|t| t.year());
    let mut year_guess: Option<NaiveDate> = None;
    let any_token = scanned
        .iter()
        .any(|s| !s.start.is_empty() || !s.end.is_empty());
    let page_year = match (written_year, &context.page_date) {
        (Some(year), _) => Some(year),
        (None, Some(page_date)) => {
            year_guess = Some(page_date.date);
            let line = rows
                .iter()
                .zip(&scanned)
                .find(|(_, s)| !s.start.is_empty() || !s.end.is_empty())
                .map(|(r, _)| r.line);
            if let (Some(written), true) = (page_date.line, any_token) {
                out.diagnostics.push(
                    Message::YearFromPageLine {
                        year: page_date.date.year(),
                        line: written,
                    }
                    .info(line),
                );
            }
            Some(page_date.date.year())
        }
        (None, None) => {
            let fm_matches = fm_date.map(|d| label_matches_in(&scanned, d.year()));
            let guess = year_from_weekdays(&scanned)
                .filter(|&(_, matched, _)| fm_matches.is_none_or(|m| matched > m));
            if let Some((year, matched, compared)) = guess {
                year_guess = NaiveDate::from_ymd_opt(year, 7, 1);
                let line = rows
                    .iter()
                    .zip(&scanned)
                    .find(|(_, s)| !s.start.is_empty())
                    .map(|(r, _)| r.line);
                out.diagnostics.push(
                    Message::YearFromWeekdays {
                        year,
                        matched,
                        compared,
                        front_matter_year: fm_date.map(|d| d.year()),
                    }
                    .info(line),
                );
            }
            guess.map(|g| g.0).or(fm_date.map(|d| d.year()))
        }
    };

    let reason = decide_order(rows, &scanned, context, fm_date, page_year, &mut out);
    let order = reason.as_ref().map(OrderReason::order);
    out.reason = reason;
    let read_order = match order {
        Some(DateOrder::Mdy) => DateOrder::Mdy,
        _ => DateOrder::Dmy,
    };

    // First pass: tokens with a year. Second pass: tokens without, from the nearest row.
    let mut starts: Vec<Option<NaiveDate>> = vec![None; rows.len()];
    let mut ends: Vec<Option<NaiveDate>> = vec![None; rows.len()];
    for (i, s) in scanned.iter().enumerate() {
        starts[i] = s
            .start
            .first()
            .filter(|t| t.year().is_some())
            .and_then(|t| t.read(read_order, None));
        let end_token = s.end.last().or(if rows[i].single || s.start.len() > 1 {
            s.start.last()
        } else {
            None
        });
        ends[i] = end_token
            .filter(|t| t.year().is_some())
            .and_then(|t| t.read(read_order, None));
    }
    let mut missing_year_reported = false;
    let mut last_known: Option<NaiveDate> = None;
    let first_known = starts.iter().chain(ends.iter()).flatten().next().copied();
    for (i, s) in scanned.iter().enumerate() {
        let near = last_known.or(first_known).or(year_guess).or(fm_date);
        if starts[i].is_none() {
            if let Some(t) = s.start.first().filter(|t| t.year().is_none()) {
                starts[i] = t.read(read_order, near);
                if near.is_none() && !missing_year_reported {
                    missing_year_reported = true;
                    out.diagnostics
                        .push(Message::MissingYear {}.warning(Some(rows[i].line)));
                }
            }
        }
        if ends[i].is_none() {
            let end_token = s.end.last().or(if rows[i].single || s.start.len() > 1 {
                s.start.last()
            } else {
                None
            });
            if let Some(t) = end_token.filter(|t| t.year().is_none()) {
                ends[i] = t.read(read_order, starts[i].or(near));
            }
        }
        if let Some(d) = starts[i].or(ends[i]) {
            last_known = Some(d);
        }
    }

    // Cells with text that is no date, or a date that does not exist.
    for (i, row) in rows.iter().enumerate() {
        for (text, tokens, date, what) in [
            (
                &row.start_text,
                &scanned[i].start,
                starts[i],
                DateCell::Start,
            ),
            (&row.end_text, &scanned[i].end, ends[i], DateCell::End),
        ] {
            let Some(text) = text else { continue };
            if tokens.is_empty() {
                if !is_placeholder(text) {
                    out.diagnostics.push(
                        Message::DateNotUnderstood {
                            cell: what,
                            text: short(text),
                        }
                        .warning(Some(row.line)),
                    );
                }
            } else if date.is_none() && (tokens[0].year().is_some() || !missing_year_reported) {
                out.diagnostics.push(
                    Message::NotCalendarDate {
                        cell: what,
                        text: short(text),
                    }
                    .warning(Some(row.line)),
                );
            }
        }
    }

    // Rows without a date: the day label and a dated neighbour (or the week's Monday).
    derive_from_labels(rows, &scanned, &mut starts, &mut ends, fm_date, &mut out);

    for (i, row) in rows.iter().enumerate() {
        let (start, end) = (starts[i], ends[i]);
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                out.diagnostics
                    .push(Message::EndBeforeStart { end: e, start: s }.warning(Some(row.line)));
            }
        }
        let label_day = scanned[i].label_weekday;
        let has_own_date = !scanned[i].start.is_empty();
        if let (Some(s), Some(expected), true) = (start, label_day, has_own_date) {
            let actual: Weekday = s.weekday().into();
            if actual != expected {
                let label = row
                    .label
                    .as_ref()
                    .map(|(l, _)| l.text.clone())
                    .unwrap_or_default();
                out.diagnostics.push(
                    Message::DayLabelMismatch {
                        label: short(&label),
                        expected,
                        date: s,
                        actual,
                    }
                    .warning(Some(row.line)),
                );
            }
        }
        out.rows.push(ReadRow {
            start,
            end,
            weekday: start.map(|d| d.weekday().into()).or(label_day),
        });
    }
    out
}

fn short(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.chars().count() > 60 {
        let cut: String = trimmed.chars().take(60).collect();
        format!("{cut}…")
    } else {
        trimmed.to_string()
    }
}

/// Fill rows that have no date from their day label and a dated row of the same table part,
/// else from a front-matter date that is a Monday. Each filled row gets an info diagnostic
/// naming what the date came from.
fn derive_from_labels(
    rows: &[RowDates],
    scanned: &[Scanned],
    starts: &mut [Option<NaiveDate>],
    ends: &mut [Option<NaiveDate>],
    fm_date: Option<NaiveDate>,
    out: &mut PageDates,
) {
    let anchors_of = |weekday: bool| -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| {
                starts[i].is_some() && scanned[i].label_offset.map(|o| o.1) == Some(weekday)
            })
            .collect()
    };
    let weekday_anchors = anchors_of(true);
    let sequence_anchors = anchors_of(false);
    let fm_monday = fm_date.filter(|d| d.weekday() == chrono::Weekday::Mon);
    for i in 0..rows.len() {
        if starts[i].is_some() || !scanned[i].start.is_empty() || !scanned[i].end.is_empty() {
            continue;
        }
        let Some((offset, is_weekday)) = scanned[i].label_offset else {
            continue;
        };
        let Some(label) = rows[i].label.as_ref() else {
            continue;
        };
        if label.0.full_week {
            continue;
        }
        // Nearest dated row before, else after, with the same kind of label (binary search:
        // pages with many undated rows stay linear-logarithmic).
        let same_kind = if is_weekday {
            &weekday_anchors
        } else {
            &sequence_anchors
        };
        let split = same_kind.partition_point(|&a| a < i);
        let before = split.checked_sub(1).and_then(|k| same_kind.get(k));
        let after = same_kind.get(split);
        let derived = if let Some(&a) = before.or(after) {
            let (anchor_offset, _) = scanned[a].label_offset.unwrap_or((0, is_weekday));
            let mut diff = offset - anchor_offset;
            if is_weekday {
                if a < i && diff < 0 {
                    diff += 7;
                } else if a > i && diff > 0 {
                    diff -= 7;
                }
            }
            starts[a]
                .and_then(|d| d.checked_add_signed(Duration::days(diff)))
                .map(|d| (d, Some(rows[a].line)))
        } else if let (Some(monday), true) = (fm_monday, is_weekday) {
            monday
                .checked_add_signed(Duration::days(offset))
                .map(|d| (d, None))
        } else {
            None
        };
        if let Some((date, source)) = derived {
            starts[i] = Some(date);
            let span_end = label
                .0
                .last_offset(label.1)
                .map(|(o, _)| o - offset)
                .filter(|d| (0..=7).contains(d))
                .and_then(|d| date.checked_add_signed(Duration::days(d)));
            ends[i] = Some(span_end.unwrap_or(date));
            out.diagnostics.push(
                match source {
                    Some(line) => Message::DateFromNeighbour { date, line },
                    None => Message::DateFromMonday { date },
                }
                .info(Some(rows[i].line)),
            );
        }
    }
}

/// How many labelled year-less rows fall on their weekday in `year` (best of both orders).
fn label_matches_in(scanned: &[Scanned], year: i32) -> usize {
    let near = NaiveDate::from_ymd_opt(year, 7, 1);
    [DateOrder::Dmy, DateOrder::Mdy]
        .into_iter()
        .map(|order| {
            scanned
                .iter()
                .filter_map(|s| Some((s.label_weekday?, *s.start.first()?)))
                .filter(|(_, t)| t.year().is_none())
                .filter(|(day, token)| {
                    token
                        .read(order, near)
                        .filter(|d| d.year() == year)
                        .is_some_and(|d| Weekday::from(d.weekday()) == *day)
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// For a page whose dates have no year and no context gives one: the year (near the
/// programme's years) in which the most labelled rows fall on their weekday, with the count of
/// matching and compared rows. Weekday patterns repeat, so ties go to the year closest to 2025.
fn year_from_weekdays(scanned: &[Scanned]) -> Option<(i32, usize, usize)> {
    let labelled: Vec<(Weekday, DateToken)> = scanned
        .iter()
        .filter_map(|s| Some((s.label_weekday?, *s.start.first()?)))
        .filter(|(_, t)| t.year().is_none())
        .collect();
    if labelled.is_empty() {
        return None;
    }
    let mut best: Option<(i32, usize)> = None;
    for year in 2015..=2035 {
        let near = NaiveDate::from_ymd_opt(year, 7, 1);
        for order in [DateOrder::Dmy, DateOrder::Mdy] {
            let matched = labelled
                .iter()
                .filter(|(day, token)| {
                    token
                        .read(order, near)
                        .filter(|d| d.year() == year)
                        .is_some_and(|d| Weekday::from(d.weekday()) == *day)
                })
                .count();
            let better = match best {
                None => matched > 0,
                Some((best_year, best_matched)) => {
                    matched > best_matched
                        || (matched == best_matched
                            && (year - 2025).abs() < (best_year - 2025).abs())
                }
            };
            if better {
                best = Some((year, matched));
            }
        }
    }
    let (year, matched) = best?;
    (matched * 2 > labelled.len()).then_some((year, matched, labelled.len()))
}

/// The evidence of one reading: how many labelled rows agree with it.
fn weekday_votes(scanned: &[Scanned], page_year: Option<i32>) -> (usize, usize, usize) {
    let (mut dmy, mut mdy, mut compared) = (0, 0, 0);
    for s in scanned {
        let (Some(expected), Some(token)) = (s.label_weekday, s.start.first()) else {
            continue;
        };
        if !token.is_ambiguous() {
            continue;
        }
        let near = page_year.and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1));
        let a = token.read(DateOrder::Dmy, near);
        let b = token.read(DateOrder::Mdy, near);
        if a.is_none() || b.is_none() {
            continue;
        }
        compared += 1;
        if a.map(|d| Weekday::from(d.weekday())) == Some(expected) {
            dmy += 1;
        }
        if b.map(|d| Weekday::from(d.weekday())) == Some(expected) {
            mdy += 1;
        }
    }
    (dmy, mdy, compared)
}

fn decide_order(
    rows: &[RowDates],
    scanned: &[Scanned],
    context: &DateContext,
    fm_date: Option<NaiveDate>,
    page_year: Option<i32>,
    out: &mut PageDates,
) -> Option<OrderReason> {
    let tokens_with_line = || {
        scanned
            .iter()
            .zip(rows)
            .flat_map(|(s, r)| s.start.iter().chain(s.end.iter()).map(move |t| (t, r.line)))
    };
    let any_numeric = tokens_with_line().any(|(t, _)| t.is_numeric());
    if !any_numeric {
        let any_ymd = tokens_with_line().any(|(t, _)| matches!(t, DateToken::Ymd { .. }));
        return if any_ymd {
            Some(OrderReason::YearFirst {})
        } else {
            None
        };
    }
    if let Some(reason) = &context.forced {
        return Some(reason.clone());
    }

    // 1. Proof: a part above 12.
    let mut dmy_proof: Option<(DateToken, u32)> = None;
    let mut mdy_proof: Option<(DateToken, u32)> = None;
    let (mut dmy_count, mut mdy_count) = (0usize, 0usize);
    for (t, line) in tokens_with_line() {
        match t.proves() {
            Some(DateOrder::Dmy) => {
                dmy_count += 1;
                dmy_proof.get_or_insert((*t, line));
            }
            Some(DateOrder::Mdy) => {
                mdy_count += 1;
                mdy_proof.get_or_insert((*t, line));
            }
            _ => {}
        }
    }
    let written = |t: &DateToken| match *t {
        DateToken::Numeric {
            first,
            second,
            year,
            sep,
        } => match year {
            Some(y) => format!("{first:02}{sep}{second:02}{sep}{y}"),
            None => format!("{first:02}{sep}{second:02}"),
        },
        _ => String::new(),
    };
    match (dmy_proof, mdy_proof) {
        (Some((dt, dl)), Some((mt, ml))) => {
            let order = if mdy_count > dmy_count {
                DateOrder::Mdy
            } else {
                DateOrder::Dmy
            };
            let (minority_line, minority_text) = if order == DateOrder::Dmy {
                (ml, written(&mt))
            } else {
                (dl, written(&dt))
            };
            out.diagnostics.push(
                Message::ConflictingDateOrder {
                    dmy: written(&dt),
                    dmy_line: dl,
                    mdy: written(&mt),
                    mdy_line: ml,
                    order,
                    minority: minority_text,
                }
                .warning(Some(minority_line)),
            );
            return Some(OrderReason::MixedOrders {
                dmy_count,
                mdy_count,
                order,
            });
        }
        (Some((t, line)), None) => {
            return Some(OrderReason::OnlyDayFirst {
                date: written(&t),
                line,
            })
        }
        (None, Some((t, line))) => {
            return Some(OrderReason::OnlyMonthFirst {
                date: written(&t),
                line,
            })
        }
        (None, None) => {}
    }

    let first_ambiguous = tokens_with_line().find(|(t, _)| t.is_ambiguous());
    let Some((example, example_line)) = first_ambiguous else {
        return Some(OrderReason::SameEitherWay {});
    };
    let example = written(example);

    // The front-matter date's verdict: decisive at step 4, and named as support earlier.
    let fm_choice: Option<OrderReason> = fm_date.and_then(|fm| {
        let distance = |order: DateOrder| {
            tokens_with_line()
                .filter(|(t, _)| t.is_ambiguous())
                .filter_map(|(t, _)| t.read(order, Some(fm)))
                .map(|d| (d - fm).num_days().abs())
                .min()
        };
        let (a, b) = (distance(DateOrder::Dmy)?, distance(DateOrder::Mdy)?);
        let close = 10;
        if (a <= close) == (b <= close) {
            return None;
        }
        let (order, near, far) = if a <= close {
            (DateOrder::Dmy, a, b)
        } else {
            (DateOrder::Mdy, b, a)
        };
        Some(OrderReason::FrontMatterDate {
            date: fm,
            near,
            order,
            far,
        })
    });
    // The front-matter date, when it supports `order` (named in the reasons of steps 2 and 3).
    let support = |order: DateOrder| match &fm_choice {
        Some(OrderReason::FrontMatterDate {
            date,
            order: fm_order,
            ..
        }) if *fm_order == order => Some(*date),
        _ => None,
    };

    // 2. Weekday agreement with the day column.
    let (dmy_votes, mdy_votes, compared) = weekday_votes(scanned, page_year);
    if dmy_votes != mdy_votes {
        let (order, win, lose) = if dmy_votes > mdy_votes {
            (DateOrder::Dmy, dmy_votes, mdy_votes)
        } else {
            (DateOrder::Mdy, mdy_votes, dmy_votes)
        };
        if win * 2 > compared {
            return Some(OrderReason::Weekdays {
                order,
                matched: win,
                compared,
                other_matched: lose,
                front_matter: support(order),
            });
        }
    }

    // 3. Which part varies between consecutive rows (and from a row's start to its end).
    let (mut first_varies, mut second_varies) = (0usize, 0usize);
    let mut vote = |a: (u32, u32), b: (u32, u32)| {
        if a.0 != b.0 && a.1 == b.1 {
            first_varies += 1;
        } else if a.0 == b.0 && a.1 != b.1 {
            second_varies += 1;
        }
    };
    let parts = |t: Option<&DateToken>| match t {
        Some(DateToken::Numeric { first, second, .. }) => Some((*first, *second)),
        _ => None,
    };
    let mut previous: Option<(u32, u32)> = None;
    for s in scanned {
        let Some(start) = parts(s.start.first()) else {
            continue;
        };
        if let Some(prev) = previous {
            vote(prev, start);
        }
        if let Some(end) = parts(s.end.last()) {
            vote(start, end);
        }
        previous = Some(start);
    }
    if first_varies != second_varies {
        let order = if first_varies > second_varies {
            DateOrder::Dmy
        } else {
            DateOrder::Mdy
        };
        return Some(OrderReason::VaryingPart {
            order,
            front_matter: support(order),
        });
    }

    // 4. Closeness to the front-matter date.
    if let Some(reason) = fm_choice {
        return Some(reason);
    }

    // 5. Other pages.
    if let Some(order) = context.hint {
        return Some(OrderReason::OtherPages { order });
    }

    // 6. The more plausible reading, with a warning.
    let score = |order: DateOrder| {
        let near = page_year.and_then(|y| NaiveDate::from_ymd_opt(y, 7, 1));
        let dates: Vec<NaiveDate> = scanned
            .iter()
            .filter_map(|s| s.start.first().and_then(|t| t.read(order, near)))
            .collect();
        let mut score = 0i64;
        if dates.first().map(|d| d.weekday()) == Some(chrono::Weekday::Mon) {
            score += 3;
        }
        score += dates
            .windows(2)
            .filter(|w| (0..=3).contains(&(w[1] - w[0]).num_days()))
            .count() as i64;
        score
    };
    let (dmy_score, mdy_score) = (score(DateOrder::Dmy), score(DateOrder::Mdy));
    let order = if mdy_score > dmy_score {
        DateOrder::Mdy
    } else {
        DateOrder::Dmy
    };
    out.diagnostics.push(
        if dmy_score == mdy_score {
            Message::AmbiguousDateOrderTie { example, order }
        } else {
            Message::AmbiguousDateOrderPlausible { example, order }
        }
        .warning(Some(example_line)),
    );
    let reason = if dmy_score == mdy_score {
        OrderReason::GuessTie {}
    } else {
        OrderReason::GuessPlausible { order }
    };
    Some(reason)
}

/// Re-read every task of `page` in `order` (decided from other pages: the language twin,
/// neighbouring weeks), update weekdays, the page's order and reason, and drop the page's
/// `ambiguous-date-order` warning. Rows keep their day labels; label mismatches are
/// re-checked under the new reading.
pub fn reread_dates(page: &mut Page, reason: OrderReason) {
    // A year taken from the page's text the first time stays: the re-read starts near the
    // dates read then.
    let page_date = page
        .diagnostics
        .iter()
        .any(|d| d.code == YEAR_FROM_PAGE)
        .then(|| page.tasks.iter().find_map(|t| t.start.or(t.end)))
        .flatten()
        .map(|date| PageDate { date, line: None });
    let context = DateContext {
        front_matter_date: page.date,
        hint: None,
        forced: Some(reason),
        page_date,
    };
    reread(page, &context);
}

/// The week of the same intern that gives a page its year ([`reread_year`]).
#[derive(Debug, Clone)]
pub struct YearSource {
    pub week: u32,
    /// The page of that week.
    pub page: String,
    /// Its first date.
    pub date: NaiveDate,
}

/// For a cross-page pass: give a year to a page whose table dates have none and nothing on
/// the page gives one (`missing-year`; the cells as written are kept in `start_text` and
/// `end_text`). The dates are re-read near `near`, a date of the same intern's neighbouring
/// weeks; `source` names that week (its number, page and first date) in the `year-from-page`
/// info that replaces the warning. The page's day/month order is kept. Does nothing to a
/// page without `missing-year`.
pub fn reread_year(page: &mut Page, near: NaiveDate, source: YearSource) {
    if !page.diagnostics.iter().any(|d| d.code == "missing-year") {
        return;
    }
    let context = DateContext {
        front_matter_date: page.date,
        hint: None,
        forced: page
            .date_order_basis
            .as_ref()
            .and_then(OrderReason::from_wording),
        page_date: Some(PageDate {
            date: near,
            line: None,
        }),
    };
    reread(page, &context);
    let line = page
        .tasks
        .iter()
        .find(|t| t.start_text.is_some() || t.end_text.is_some())
        .map(|t| t.line);
    page.diagnostics.push(
        Message::YearFromOtherWeek {
            year: near.year(),
            week: source.week,
            page: source.page,
            date: source.date,
        }
        .info(line),
    );
}

/// Re-read every task of `page` with `context`, replacing the diagnostics of the date pass on
/// its rows.
fn reread(page: &mut Page, context: &DateContext) {
    let labels: Vec<Option<DayLabel>> = page
        .tasks
        .iter()
        .map(|t| t.day.as_deref().map(days::parse_label))
        .collect();
    let convention = days::column_convention(labels.iter().flatten());
    let rows: Vec<RowDates> = page
        .tasks
        .iter()
        .zip(labels)
        .map(|(task, label)| RowDates {
            line: task.line,
            label: label.map(|l| (l, convention)),
            start_text: task.start_text.clone(),
            end_text: task.end_text.clone(),
            single: task.end_text.is_none(),
        })
        .collect();
    let read = read_rows(&rows, context);
    let lines: std::collections::HashSet<u32> = page.tasks.iter().map(|t| t.line).collect();
    const REREAD_CODES: [&str; 7] = [
        AMBIGUOUS_DATE_ORDER,
        "year-from-weekdays",
        "day-label-mismatch",
        "end-before-start",
        "date-from-day-label",
        "unparsed-date",
        "missing-year",
    ];
    page.diagnostics.retain(|d| {
        !(d.code == AMBIGUOUS_DATE_ORDER
            || (REREAD_CODES.contains(&d.code.as_str())
                && d.line.is_some_and(|l| lines.contains(&l))))
    });
    for (task, row) in page.tasks.iter_mut().zip(read.rows) {
        task.start = row.start;
        task.end = row.end;
        task.weekday = row.weekday;
    }
    if let Some(reason) = &read.reason {
        set_order(page, reason);
    }
    page.diagnostics.extend(read.diagnostics);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::days::parse_label;

    fn row(line: u32, day: &str, start: &str, end: &str) -> RowDates {
        RowDates {
            line,
            label: Some((parse_label(day), NumberConvention::Vietnamese)),
            start_text: Some(start.into()),
            end_text: Some(end.into()),
            single: false,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn weekday_agreement_decides_mdy() {
        let rows: Vec<RowDates> = (0..5)
            .map(|i| {
                let d = format!("10/{:02}/2025", 6 + i);
                row(10 + i, &(2 + i).to_string(), &d, &d)
            })
            .collect();
        let out = read_rows(&rows, &DateContext::default());
        assert_eq!(out.order(), Some(DateOrder::Mdy));
        assert_eq!(out.rows[0].start, date(2025, 10, 6));
        assert_eq!(out.rows[4].end, date(2025, 10, 10));
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    }

    #[test]
    fn proof_and_mismatch() {
        let rows: Vec<RowDates> = (0..5)
            .map(|i| {
                let d = format!("{}/09/2025", 16 + i);
                row(10 + i, &(2 + i).to_string(), &d, &d)
            })
            .collect();
        let out = read_rows(&rows, &DateContext::default());
        assert_eq!(out.order(), Some(DateOrder::Dmy));
        assert_eq!(out.rows[0].start, date(2025, 9, 16));
        assert_eq!(
            out.diagnostics
                .iter()
                .filter(|d| d.code == "day-label-mismatch")
                .count(),
            5
        );
    }

    #[test]
    fn ambiguous_guess_warns() {
        let rows = vec![row(3, "", "05/06/2025", "05/06/2025")];
        let out = read_rows(&rows, &DateContext::default());
        assert_eq!(out.order(), Some(DateOrder::Dmy));
        assert!(out
            .diagnostics
            .iter()
            .any(|d| d.code == AMBIGUOUS_DATE_ORDER));
    }

    #[test]
    fn year_from_context_and_rollover() {
        let rows = vec![row(1, "", "30/12/2025", ""), row(2, "", "02/01", "")];
        let out = read_rows(&rows, &DateContext::default());
        assert_eq!(out.rows[1].start, date(2026, 1, 2));
    }

    #[test]
    fn reread_switches_order_and_drops_the_warning() {
        let text = "| Task | Start Date | Completion Date |\n| --- | --- | --- |\n| A | 05/06/2025 | 05/06/2025 |\n";
        let mut page =
            crate::parse::parse_page("content/1-Worklog/1.1-Week1/_index.md", text.as_bytes());
        assert_eq!(page.date_order, Some(DateOrder::Dmy));
        assert!(page
            .diagnostics
            .iter()
            .any(|d| d.code == AMBIGUOUS_DATE_ORDER));
        let reason = OrderReason::OtherPages {
            order: DateOrder::Mdy,
        };
        reread_dates(&mut page, reason.clone());
        assert_eq!(page.date_order, Some(DateOrder::Mdy));
        assert_eq!(page.date_order_reason, Some(reason.english()));
        assert_eq!(page.date_order_basis, Some(reason.wording()));
        assert_eq!(page.tasks[0].start, date(2025, 5, 6));
        assert_eq!(page.tasks[0].end, date(2025, 5, 6));
        assert_eq!(page.tasks[0].weekday, Some(Weekday::Tue));
        assert!(!page
            .diagnostics
            .iter()
            .any(|d| d.code == AMBIGUOUS_DATE_ORDER));
    }

    #[test]
    fn yearless_page_takes_a_year_from_elsewhere() {
        let text = "| Day | Task | Time |\n| --- | --- | --- |\n| Mon | A | 20 July |\n| Tue | B | 21–22 July |\n";
        let mut page =
            crate::parse::parse_page("content/1-Worklog/1.4-Week4/_index.md", text.as_bytes());
        // The weekdays alone give a year (2025, 2031, ... match): take a page with no labels.
        let text = text.replace("| Mon |", "| |").replace("| Tue |", "| |");
        let mut bare =
            crate::parse::parse_page("content/1-Worklog/1.4-Week4/_index.md", text.as_bytes());
        assert_eq!(bare.tasks[0].start, None);
        assert!(bare.diagnostics.iter().any(|d| d.code == "missing-year"));
        let source = |week: u32, d: NaiveDate| YearSource {
            week,
            page: "week-3.md".into(),
            date: d,
        };
        let july = date(2025, 7, 14).unwrap();
        reread_year(&mut bare, july, source(3, july));
        assert_eq!(bare.tasks[0].start, date(2025, 7, 20));
        assert_eq!(bare.tasks[1].start, date(2025, 7, 21));
        assert_eq!(bare.tasks[1].end, date(2025, 7, 22));
        let codes: Vec<&str> = bare.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, vec![YEAR_FROM_PAGE]);
        assert_eq!(
            bare.diagnostics[0].message,
            "No year is written on this page; 2025 is taken from week 3 (week-3.md, 2025-07-14)."
        );
        // A page that has its year is left alone.
        let before = page.clone();
        let new_year = date(2020, 1, 1).unwrap();
        reread_year(&mut page, new_year, source(1, new_year));
        assert_eq!(page, before);
    }

    #[test]
    fn label_derivation() {
        let rows = vec![row(1, "2", "06/10/2025", ""), row(2, "4", "", "")];
        let out = read_rows(&rows, &DateContext::default());
        assert_eq!(out.rows[1].start, date(2025, 10, 8));
        assert!(out
            .diagnostics
            .iter()
            .any(|d| d.code == "date-from-day-label"));
    }
}
