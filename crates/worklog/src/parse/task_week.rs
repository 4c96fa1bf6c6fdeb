//! Pass: the week of every task, so a week filter can pick single weeks out of pages that
//! cover several.
//!
//! A week page gives its week to all its tasks. On a whole-internship page a task belongs to
//! the `## Week N` section it is written under. On a multi-week page (`Week 12-13-14`) a task
//! belongs to the week whose date range holds its start date: ranges written under week
//! headings first, else the page's weeks laid end to end from the Monday of its earliest
//! date; a task under a heading naming one of the weeks takes that week when its date does
//! not decide; the page's first week otherwise.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{Language, PageKind, Task};
use crate::parse::sections::Outline;
use crate::parse::single_file::{self, WeekSection};

/// What the pass needs to know about the page.
pub struct PageWeeks<'a> {
    pub kind: PageKind,
    pub week: Option<u32>,
    pub weeks: &'a [u32],
    pub language: Option<Language>,
}

/// Fill `week` of every task that has none yet.
pub fn assign(tasks: &mut [Task], page: &PageWeeks<'_>, text: &str, outline: &Outline) {
    let first = page.week.or_else(|| page.weeks.first().copied());
    let several = matches!(page.kind, PageKind::SingleFile | PageKind::MultiWeek);
    if !several || page.weeks.len() < 2 {
        for task in tasks.iter_mut().filter(|t| t.week.is_none()) {
            task.week = first;
        }
        return;
    }
    let own: BTreeSet<u32> = page.weeks.iter().copied().collect();
    let sections: Vec<WeekSection> = single_file::week_sections(text, outline, page.language)
        .into_iter()
        .map(|mut s| {
            // Only weeks of this page count (a heading may mention another week).
            s.weeks.retain(|w| own.contains(w));
            s
        })
        .collect();
    // The first written range of each week: at most one per week of the page, so looking a
    // date up stays cheap however many headings repeat a week.
    let mut ranges: Vec<(u32, NaiveDate, NaiveDate)> = Vec::new();
    for section in &sections {
        if let ([week], Some((from, to))) = (section.weeks.as_slice(), section.dates) {
            if !ranges.iter().any(|(w, _, _)| w == week) {
                ranges.push((*week, from, to));
            }
        }
    }
    let laid_out = consecutive_weeks(page.weeks, tasks);
    for task in tasks.iter_mut().filter(|t| t.week.is_none()) {
        let by_section = section_week(&sections, task.line);
        let by_date = task.start.and_then(|start| {
            ranges
                .iter()
                .find(|(_, from, to)| *from <= start && start <= *to)
                .map(|(week, _, _)| *week)
                .or_else(|| laid_out.and_then(|(monday, weeks)| week_of(start, monday, weeks)))
        });
        task.week = match page.kind {
            // Written under its week's section: the section decides.
            PageKind::SingleFile => by_section.or(by_date),
            _ => by_date.or(by_section),
        }
        .or(first);
    }
}

/// The week named by the last week heading above `line`, when it names exactly one.
fn section_week(sections: &[WeekSection], line: u32) -> Option<u32> {
    let above = sections.partition_point(|s| s.line <= line);
    let section = sections.get(above.checked_sub(1)?)?;
    match section.weeks.as_slice() {
        [week] => Some(*week),
        _ => None,
    }
}

/// The Monday of the page's earliest task date, when the page's weeks run without a gap
/// (`12, 13, 14`): week k of the page then starts k·7 days later.
fn consecutive_weeks<'a>(weeks: &'a [u32], tasks: &[Task]) -> Option<(NaiveDate, &'a [u32])> {
    let run = weeks.windows(2).all(|w| w[1] == w[0] + 1);
    let earliest = tasks.iter().filter_map(|t| t.start).min()?;
    let monday = earliest.checked_sub_days(Days::new(u64::from(
        earliest.weekday().num_days_from_monday(),
    )))?;
    run.then_some((monday, weeks))
}

fn week_of(start: NaiveDate, monday: NaiveDate, weeks: &[u32]) -> Option<u32> {
    let days = (start - monday).num_days();
    let index = usize::try_from(days / 7).ok()?;
    weeks.get(index).copied()
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_page;

    fn weeks(source: &str, page: &str) -> Vec<Option<u32>> {
        parse_page(source, page.as_bytes())
            .tasks
            .iter()
            .map(|t| t.week)
            .collect()
    }

    const TABLE: &str = "| Day | Task | Start Date |\n| --- | --- | --- |\n";

    #[test]
    fn week_page_gives_its_week() {
        let page =
            format!("---\ntitle: Week 5\n---\n{TABLE}| 2 | a | 06/10/2025 |\n| 3 | b |  |\n");
        assert_eq!(weeks("week-5.en.md", &page), vec![Some(5), Some(5)]);
    }

    #[test]
    fn multi_week_ranges_under_headings_decide() {
        // The ranges written under the week headings place the dates, whatever the order.
        let page = format!(
            "---\ntitle: Week 12-13-14 Worklog\n---\n### Week 13\n\n27/07/2026 - 31/07/2026\n\n### Week 12\n\n20/07/2026 - 24/07/2026\n\n### Tasks\n\n{TABLE}| 3 | a | 28/07/2026 |\n| 2 | b | 21/07/2026 |\n| 4 | c | 12/08/2026 |\n| 4 | d |  |\n"
        );
        // c is after every range: laid end to end from the earliest date (Mon 20/07) it is
        // in the fourth week, which the page does not have; d is undated: the first week.
        assert_eq!(
            weeks("content/1-Worklog/1.12-Week12/_index.md", &page),
            vec![Some(13), Some(12), Some(12), Some(12)]
        );
    }

    #[test]
    fn multi_week_undated_task_under_a_week_heading() {
        let page = format!(
            "---\ntitle: Week 12-13-14 Worklog\n---\n### Week 14 tasks\n\n{TABLE}| 2 | a |  |\n"
        );
        assert_eq!(
            weeks("content/1-Worklog/1.12-Week12/_index.md", &page),
            vec![Some(14)]
        );
    }
}
