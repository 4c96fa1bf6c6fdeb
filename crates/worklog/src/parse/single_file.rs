//! Pass (pages without a worklog table): dated entries that stand in for table rows, so such
//! worklogs still show on the timeline.
//!
//! - A whole-internship page gets one task per `## Week N: topic` section, dated from the
//!   section's date line (`**📅 April 17–21, 2026**`, `6 - 12 tháng 10, 2025`). Each task
//!   carries its week as the extra column `("Week", "N")`, which the collection uses to date
//!   each week.
//! - A week page whose tasks section has daily sub-headings (`### Ngày 17/04/2026`) gets one
//!   task per day, its bullets as items and its links as references.

use chrono::{Datelike, NaiveDate};

use crate::model::{Inline, Item, Language, Reference, SectionKind, Task, Weekday};
use crate::parse::dates::{scan, DateToken};
use crate::parse::sections::Outline;
use crate::parse::week;

/// Lines after a week heading searched for its date line.
const DATE_LINE_WINDOW: usize = 6;

/// The week sections of the page: (heading line, heading text, week).
fn week_headings(outline: &Outline) -> Vec<(u32, String, u32)> {
    outline
        .headings
        .iter()
        .filter(|h| h.kind.is_none() && h.level <= 4)
        .filter_map(|h| {
            let text = h
                .text
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if !(text.starts_with("week") || text.starts_with("tuần") || text.starts_with("tuan"))
            {
                return None;
            }
            let n = *week::first_mention(&text)?.first()?;
            Some((h.line, h.text.clone(), n))
        })
        .collect()
}

/// A date range on one line: numeric (`17/04/2026 – 21/04/2026`, order from a part above 12,
/// else the page language) or with month names (`April 17–21, 2026`).
fn date_range(line: &str, language: Option<Language>) -> Option<(NaiveDate, NaiveDate)> {
    let found = scan(line);
    let numeric: Vec<(u32, u32, i32)> = found
        .iter()
        .filter_map(|f| match f.token {
            DateToken::Numeric {
                first,
                second,
                year: Some(year),
                ..
            } => Some((first, second, year)),
            DateToken::Ymd { year, month, day } => Some((day, month, year)),
            _ => None,
        })
        .collect();
    if !numeric.is_empty() {
        let month_first = numeric.iter().any(|(_, s, _)| *s > 12)
            || (!numeric.iter().any(|(f, _, _)| *f > 12) && language != Some(Language::Vi));
        let read = |(f, s, y): (u32, u32, i32)| {
            let (day, month) = if month_first { (s, f) } else { (f, s) };
            NaiveDate::from_ymd_opt(y, month, day)
        };
        // Ymd tokens were stored day-first already.
        let dates: Vec<NaiveDate> = found
            .iter()
            .filter_map(|f| match f.token {
                DateToken::Ymd { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
                DateToken::Numeric {
                    first,
                    second,
                    year: Some(year),
                    ..
                } => read((first, second, year)),
                _ => None,
            })
            .collect();
        let start = *dates.first()?;
        let end = dates
            .get(1)
            .copied()
            .filter(|e| *e >= start)
            .unwrap_or(start);
        return Some((start, end));
    }
    let named: Vec<(u32, u32, Option<i32>, std::ops::Range<usize>)> = found
        .iter()
        .filter_map(|f| match f.token {
            DateToken::Named { month, day, year } => Some((month, day, year, f.span.clone())),
            _ => None,
        })
        .collect();
    let (month, day, year, span) = named.first()?.clone();
    let year = year
        .or_else(|| named.iter().find_map(|n| n.2))
        .or_else(|| four_digit_year(line.get(span.end..).unwrap_or("")))?;
    let mut start = (month, day);
    let mut end = (month, day);
    if let Some((m2, d2, _, _)) = named.get(1) {
        end = (*m2, *d2);
    } else if let Some(d2) = leading_day_after_dash(line.get(span.end..).unwrap_or("")) {
        end = (month, d2);
    } else if let Some(d0) = trailing_day_before_dash(line.get(..span.start).unwrap_or("")) {
        // `6 - 12 tháng 10`: the token is the end day, the number before the dash the start.
        start = (month, d0);
    }
    let start = NaiveDate::from_ymd_opt(year, start.0, start.1)?;
    let end = NaiveDate::from_ymd_opt(year, end.0, end.1).filter(|e| *e >= start)?;
    Some((start, end))
}

fn four_digit_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// `–21, 2026` → 21.
fn leading_day_after_dash(text: &str) -> Option<u32> {
    let rest = text.trim_start();
    let rest = rest
        .strip_prefix('–')
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix('—'))?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `6 - ` → 6.
fn trailing_day_before_dash(text: &str) -> Option<u32> {
    let rest = text.trim_end();
    let rest = rest
        .strip_suffix('–')
        .or_else(|| rest.strip_suffix('-'))
        .or_else(|| rest.strip_suffix('—'))?
        .trim_end();
    let digits: String = rest
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// One task per week section of a whole-internship page.
pub fn week_tasks(text: &str, outline: &Outline, language: Option<Language>) -> Vec<Task> {
    let headings = week_headings(outline);
    let lines: Vec<&str> = text.lines().collect();
    let mut tasks = Vec::with_capacity(headings.len());
    for (k, (line, heading, n)) in headings.iter().enumerate() {
        let next = headings.get(k + 1).map_or(u32::MAX, |h| h.0);
        let range = date_line_range(*line, next, lines.len());
        let dates = lines
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter(|l| !l.trim().is_empty())
            .take(DATE_LINE_WINDOW)
            .find_map(|l| date_range(l, language));
        let children: Vec<Item> = outline
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Tasks && s.line > *line && s.line < next)
            .flat_map(|s| s.items.iter().cloned())
            .collect();
        let items = vec![Item {
            content: vec![Inline::Text {
                text: heading.clone(),
            }],
            children,
        }];
        tasks.push(Task {
            line: *line,
            week: Some(*n),
            day: None,
            weekday: dates.map(|(s, _)| Weekday::from(s.weekday())),
            start: dates.map(|(s, _)| s),
            end: dates.map(|(_, e)| e),
            start_text: None,
            end_text: None,
            text: crate::parse::cells::plain_text(&items),
            items,
            references: Vec::new(),
            services: Vec::new(),
            extra: vec![("Week".to_string(), n.to_string())],
        });
    }
    tasks
}

/// One task per dated sub-heading of the tasks section (`### Ngày 17/04/2026`, `### Monday,
/// Oct 6, 2025`) of a page without a worklog table.
pub fn daily_tasks(outline: &Outline, language: Option<Language>) -> Vec<Task> {
    let mut tasks = Vec::new();
    for section in outline
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Tasks)
    {
        let mut from_heading = 0;
        for item in &section.items {
            let heading = crate::parse::inline::plain(&item.content);
            let Some((start, end)) = date_range(&heading, language) else {
                continue;
            };
            // The sub-heading's line: the next heading after the section with this text.
            let line = outline.headings[from_heading..]
                .iter()
                .position(|h| h.line > section.line && h.text == heading)
                .map(|k| {
                    from_heading += k + 1;
                    outline.headings[from_heading - 1].line
                })
                .unwrap_or(section.line);
            let mut references = Vec::new();
            collect_links(&item.children, &mut references);
            tasks.push(Task {
                line,
                week: None,
                day: None,
                weekday: Some(Weekday::from(start.weekday())),
                start: Some(start),
                end: Some(end),
                start_text: None,
                end_text: None,
                text: crate::parse::cells::plain_text(&item.children),
                items: item.children.clone(),
                references,
                services: Vec::new(),
                extra: Vec::new(),
            });
        }
    }
    tasks
}

fn collect_links(items: &[Item], out: &mut Vec<Reference>) {
    fn walk(content: &[Inline], out: &mut Vec<Reference>) {
        for inline in content {
            match inline {
                Inline::Link { url, content } => {
                    if !out.iter().any(|r| r.url.as_deref() == Some(url.as_str())) {
                        out.push(Reference {
                            text: crate::parse::inline::plain(content),
                            url: Some(url.clone()),
                        });
                    }
                }
                Inline::Strong { content } | Inline::Emphasis { content } => walk(content, out),
                Inline::Text { .. } | Inline::Code { .. } => {}
            }
        }
    }
    for item in items {
        walk(&item.content, out);
        collect_links(&item.children, out);
    }
}

/// A heading that names weeks (`### Week 13 (13/07 - 17/07/2026)`, `## Tuần 2`), with the
/// date range written in it or on the lines just after it.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSection {
    pub line: u32,
    /// Every week the heading names (`Week 12-13-14 Objectives` names three).
    pub weeks: Vec<u32>,
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

/// The headings of the page that name weeks, in page order.
pub fn week_sections(
    text: &str,
    outline: &Outline,
    language: Option<Language>,
) -> Vec<WeekSection> {
    let named: Vec<(u32, &str, Vec<u32>)> = outline
        .headings
        .iter()
        .filter(|h| h.level <= 4)
        .filter_map(|h| Some((h.line, h.text.as_str(), week::first_mention(&h.text)?)))
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    let lines: Vec<&str> = text.lines().collect();
    named
        .iter()
        .map(|(line, heading, weeks)| {
            // Headings are in page order: the next one is found by bisection.
            let after = outline.headings.partition_point(|h| h.line <= *line);
            let next = outline.headings.get(after).map_or(u32::MAX, |h| h.line);
            let dates = date_range(heading, language).or_else(|| {
                lines
                    .get(date_line_range(*line, next, lines.len()))
                    .unwrap_or(&[])
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .take(DATE_LINE_WINDOW)
                    .find_map(|l| date_range(l, language))
            });
            WeekSection {
                line: *line,
                weeks: weeks.clone(),
                dates,
            }
        })
        .collect()
}

/// 0-based line indices after the heading (1-based `line`) and before the next heading.
fn date_line_range(line: u32, next: u32, len: usize) -> std::ops::Range<usize> {
    let start = (line as usize).min(len);
    let end = (next.saturating_sub(1) as usize).clamp(start, len);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            date_range("**📅 April 17–21, 2026**", None),
            Some((d(2026, 4, 17), d(2026, 4, 21)))
        );
        assert_eq!(
            date_range("**Week Duration: October 6 - 12, 2025**", None),
            Some((d(2025, 10, 6), d(2025, 10, 12)))
        );
        assert_eq!(
            date_range("6 - 12 tháng 10, 2025", Some(Language::Vi)),
            Some((d(2025, 10, 6), d(2025, 10, 12)))
        );
        assert_eq!(date_range("no date here", None), None);
        assert_eq!(
            date_range("**📅 17/04/2026 – 21/04/2026**", Some(Language::Vi)),
            Some((d(2026, 4, 17), d(2026, 4, 21)))
        );
        assert_eq!(
            date_range("📅 03/04/2026 - 03/08/2026", Some(Language::En)),
            Some((d(2026, 3, 4), d(2026, 3, 8)))
        );
    }
}
