//! Cross-page pass: dates that contradict their week.
//!
//! Real interns leave the template's dates in, or mistype a month. Two rules, each naming the
//! evidence that disagrees:
//! - `date-outside-week`: a week page (not multi-week, not single-file) whose rows span more than
//!   13 days: the rows more than 6 days from the middle of the page's dates are flagged.
//! - `week-out-of-order`: within one intern and language, a week whose first date is earlier
//!   than the previous week's. Of the two weeks, the one further from where the intern's other
//!   weeks put it (a line through all their first dates, 7 days a week) is the one flagged; with
//!   fewer than three dated weeks, the later one.
//!
//! Flagged rows keep their written dates: views draw them where written, marked, and leave
//! them out of automatic date ranges.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use crate::message::{Message, Relation};
use crate::model::{Diagnostic, Language, Page, PageKind};
use crate::query::task_span;

pub const DATE_OUTSIDE_WEEK: &str = "date-outside-week";
pub const WEEK_OUT_OF_ORDER: &str = "week-out-of-order";

/// A week page's rows may span this many days (a week, and a weekend either side).
const MAX_WEEK_SPAN_DAYS: i64 = 13;
/// Rows further than this from the middle of their page's dates are the ones outside.
const WEEK_TOLERANCE_DAYS: i64 = 6;

/// Flag the rows whose dates contradict their week; returns (page, task) of each.
pub fn check(pages: &mut [Arc<Page>], interns: &[usize]) -> HashSet<(usize, usize)> {
    let mut flagged = HashSet::new();
    let ours = |d: &Diagnostic| d.code == DATE_OUTSIDE_WEEK || d.code == WEEK_OUT_OF_ORDER;
    // Pages are shared with the caller: one is copied only when this pass changes it.
    for page in pages.iter_mut() {
        if page.diagnostics.iter().any(ours) {
            Arc::make_mut(page).diagnostics.retain(|d| !ours(d));
        }
    }
    for (p, page) in pages.iter_mut().enumerate() {
        if page.kind == PageKind::Week && span_days(page) > MAX_WEEK_SPAN_DAYS {
            for t in outside_week(Arc::make_mut(page)) {
                flagged.insert((p, t));
            }
        }
    }
    out_of_order(pages, interns, &mut flagged);
    flagged
}

/// The middle of a page's start dates (a row's completion date when it has no start): start
/// dates are what interns fill in first, so a mistyped completion date does not move it.
fn middle_date(page: &Page) -> Option<NaiveDate> {
    let mut starts: Vec<NaiveDate> = page
        .tasks
        .iter()
        .filter_map(|task| task.start.or(task.end))
        .collect();
    starts.sort();
    starts.get(starts.len().checked_sub(1)? / 2).copied()
}

/// Days from a page's first to its last date (0 without dates).
fn span_days(page: &Page) -> i64 {
    let spans = page.tasks.iter().filter_map(task_span);
    let (low, high) = spans.fold(
        (None, None),
        |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), (s, e)| {
            (
                Some(lo.map_or(s, |l| l.min(s))),
                Some(hi.map_or(e, |h| h.max(e))),
            )
        },
    );
    match (low, high) {
        (Some(low), Some(high)) => (high - low).num_days(),
        _ => 0,
    }
}

/// Rule 1: rows far from the middle of a week page whose rows span more than 13 days.
fn outside_week(page: &mut Page) -> Vec<usize> {
    let spans: Vec<(usize, NaiveDate, NaiveDate)> = page
        .tasks
        .iter()
        .enumerate()
        .filter_map(|(t, task)| task_span(task).map(|(s, e)| (t, s, e)))
        .collect();
    let (Some(low), Some(high)) = (
        spans.iter().map(|s| s.1).min(),
        spans.iter().map(|s| s.2).max(),
    ) else {
        return Vec::new();
    };
    let span = (high - low).num_days();
    if span <= MAX_WEEK_SPAN_DAYS {
        return Vec::new();
    }
    let Some(middle) = middle_date(page) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &(t, start, end) in &spans {
        let far = |d: NaiveDate| (d - middle).num_days().abs() > WEEK_TOLERANCE_DAYS;
        let date = if far(start) {
            start
        } else if far(end) {
            end
        } else {
            continue;
        };
        let task = &page.tasks[t];
        let message = Message::DateOutsideWeek {
            date,
            week: page.week,
            span,
            low,
            high,
            middle,
            front_matter: page.date,
        };
        page.diagnostics.push(message.warning(Some(task.line)));
        out.push(t);
    }
    out
}

/// One week page of an intern and language, for the order rule.
struct Dated {
    page: usize,
    week: u32,
    first: NaiveDate,
}

/// Rule 2: a week dated before the week it follows.
fn out_of_order(pages: &mut [Arc<Page>], interns: &[usize], flagged: &mut HashSet<(usize, usize)>) {
    let mut groups: BTreeMap<(usize, Option<Language>), Vec<Dated>> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        let (PageKind::Week, Some(week)) = (page.kind, page.week) else {
            continue;
        };
        let first = page
            .tasks
            .iter()
            .enumerate()
            .filter(|(t, _)| !flagged.contains(&(p, *t)))
            .filter_map(|(_, task)| task.start)
            .min();
        if let Some(first) = first {
            groups
                .entry((interns[p], page.language))
                .or_default()
                .push(Dated {
                    page: p,
                    week,
                    first,
                });
        }
    }
    for mut weeks in groups.into_values() {
        weeks.sort_by_key(|d| (d.week, d.page));
        // Where the other weeks put week 0: the median of (first date - 7 days × week).
        let mut bases: Vec<NaiveDate> = weeks
            .iter()
            .filter_map(|d| d.first.checked_sub_days(Days::new(7 * u64::from(d.week))))
            .collect();
        bases.sort();
        let Some(&base) = bases.get(bases.len().saturating_sub(1) / 2) else {
            continue;
        };
        let expected = |week: u32| base.checked_add_days(Days::new(7 * u64::from(week)));
        let deviation = |d: &Dated| expected(d.week).map_or(0, |e| (d.first - e).num_days().abs());
        for pair in weeks.windows(2) {
            let (prev, cur) = (&pair[0], &pair[1]);
            if cur.week == prev.week || cur.first >= prev.first {
                continue;
            }
            // With fewer than three weeks there is no majority to fit a line through: the
            // later week is the one that breaks the order.
            let prev_is_off = weeks.len() >= 3 && deviation(prev) > deviation(cur);
            let (culprit, other, too_early) = if prev_is_off {
                (prev, cur, false)
            } else {
                (cur, prev, true)
            };
            let around = expected(culprit.week);
            let other_source = pages[other.page].source.clone();
            let page = &mut pages[culprit.page];
            let mut found = Vec::new();
            for (t, task) in page.tasks.iter().enumerate() {
                let Some(start) = task.start else { continue };
                let wrong = if too_early {
                    start < other.first
                } else {
                    start > other.first
                };
                if !wrong || !flagged.insert((culprit.page, t)) {
                    continue;
                }
                let (week, other_week, other_date) = (culprit.week, other.week, other.first);
                let message = Message::WeekOutOfOrder {
                    week,
                    date: start,
                    relation: if too_early {
                        Relation::Before
                    } else {
                        Relation::After
                    },
                    other_week,
                    other_date,
                    other_page: other_source.clone(),
                    expected: around,
                };
                found.push(message.warning(Some(task.line)));
            }
            if !found.is_empty() {
                Arc::make_mut(page).diagnostics.extend(found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Collection;
    use crate::parse_page;

    fn week(n: u32, dates: &[&str]) -> Page {
        let mut text = String::from(
            "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n",
        );
        for d in dates {
            text.push_str(&format!("| 2 | Study AWS | {d} | {d} |\n"));
        }
        parse_page(
            &format!("r/content/1-Worklog/1.{n}-Week{n}/_index.md"),
            text.as_bytes(),
        )
    }

    fn codes(page: &Page) -> Vec<&str> {
        page.diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .filter(|c| *c == DATE_OUTSIDE_WEEK || *c == WEEK_OUT_OF_ORDER)
            .collect()
    }

    #[test]
    fn a_template_date_left_in_a_week_is_flagged() {
        let c = Collection::new(vec![week(
            3,
            &["2025-09-22", "2025-09-23", "2025-08-04", "2025-09-24"],
        )]);
        assert_eq!(codes(&c.pages()[0]), [DATE_OUTSIDE_WEEK]);
        let flagged: Vec<u32> = c
            .rows()
            .iter()
            .filter(|r| r.date_flagged)
            .map(|r| r.task)
            .collect();
        assert_eq!(flagged, [2]);
    }

    #[test]
    fn mistyped_completion_dates_do_not_move_the_week() {
        // The start dates are right (29 Sep - 3 Oct); three completion dates say August.
        let mut text = String::from(
            "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n",
        );
        for (start, end) in [
            ("2025-09-29", "2025-08-29"),
            ("2025-09-30", "2025-08-30"),
            ("2025-10-01", "2025-09-01"),
            ("2025-10-02", "2025-10-02"),
            ("2025-10-03", "2025-10-03"),
        ] {
            text.push_str(&format!("| 2 | Study VPC | {start} | {end} |\n"));
        }
        let page = parse_page("r/content/1-Worklog/1.4-Week4/_index.md", text.as_bytes());
        let c = Collection::new(vec![page]);
        let flagged: Vec<u32> = c
            .rows()
            .iter()
            .filter(|r| r.date_flagged)
            .map(|r| r.task)
            .collect();
        assert_eq!(
            flagged,
            [0, 1, 2],
            "the rows with a mistyped date, not the others"
        );
    }

    #[test]
    fn the_week_off_the_line_is_the_one_flagged() {
        // Week 3 carries a mistyped month (July instead of September): it is week 3 that is
        // out of place, not week 4.
        let c = Collection::new(vec![
            week(1, &["2025-09-08"]),
            week(2, &["2025-09-15"]),
            week(3, &["2025-07-22"]),
            week(4, &["2025-09-29"]),
            week(5, &["2025-10-06"]),
        ]);
        let flagged: Vec<&str> = c
            .pages()
            .iter()
            .filter(|p| !codes(p).is_empty())
            .map(|p| p.source.as_str())
            .collect();
        assert_eq!(flagged, ["r/content/1-Worklog/1.3-Week3/_index.md"]);
        // Week 12 dated before week 1 (template dates left in the last week).
        let c = Collection::new(vec![
            week(1, &["2025-09-08"]),
            week(2, &["2025-09-15"]),
            week(3, &["2025-09-22"]),
            week(12, &["2025-08-04"]),
        ]);
        assert_eq!(codes(&c.pages()[3]), [WEEK_OUT_OF_ORDER]);
        assert!(c.pages()[..3].iter().all(|p| codes(p).is_empty()));
    }

    #[test]
    fn with_two_weeks_the_later_one_is_flagged() {
        // Week 12 still holds the template's week-1 dates.
        let c = Collection::new(vec![week(3, &["2025-09-22"]), week(12, &["2025-08-11"])]);
        assert!(codes(&c.pages()[0]).is_empty());
        assert_eq!(codes(&c.pages()[1]), [WEEK_OUT_OF_ORDER]);
    }

    #[test]
    fn a_tidy_internship_has_no_flags() {
        let c = Collection::new(vec![
            week(1, &["2025-09-08", "2025-09-12"]),
            week(2, &["2025-09-15", "2025-09-19"]),
            // A holiday week in between: later than the line, but in order.
            week(3, &["2025-10-06", "2025-10-10"]),
        ]);
        assert!(c.rows().iter().all(|r| !r.date_flagged));
    }
}
