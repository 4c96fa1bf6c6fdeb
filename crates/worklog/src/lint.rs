//! Checks beyond parsing, for `worklog lint`: what only makes sense across a page's rows, across
//! pages (twins, week sequences), or on the raw text (template leftovers).
//!
//! Parsing already reports what it meets while reading (`day-label-mismatch`,
//! `end-before-start`, `unparsed-date`, ...); these checks add to those diagnostics and never
//! repeat one the page already carries. Every code is stable and documented in `docs/cli.md`.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;

use crate::collection::Collection;
use crate::message::Message;
use crate::model::{Diagnostic, Language, Page, PageKind, Severity};
use crate::query::page_weeks;

/// The codes these checks emit, with their severity and meaning (for docs and `--help`).
pub const CODES: &[(&str, Severity, &str)] = &[
    (
        "end-before-start",
        Severity::Warning,
        "a task's completion date is before its start date",
    ),
    (
        "week-gap",
        Severity::Warning,
        "a week number is missing from an internship's sequence of weeks",
    ),
    (
        "duplicate-week",
        Severity::Warning,
        "two pages of one internship and language claim the same week",
    ),
    (
        "twin-task-count",
        Severity::Warning,
        "the language twins of a week have different numbers of tasks",
    ),
    (
        "twin-dates",
        Severity::Warning,
        "the language twins of a week have different task dates",
    ),
    (
        "empty-section",
        Severity::Warning,
        "a heading with nothing under it before the next heading of the same or a higher level",
    ),
    (
        "template-placeholder",
        Severity::Warning,
        "a `* ...` / `- ...` placeholder item left from the template",
    ),
    (
        "template-text",
        Severity::Warning,
        "template text left unchanged (`Doing task A...`)",
    ),
    (
        "template-notice",
        Severity::Info,
        "the template's \"do not copy verbatim\" notice is still on the page",
    ),
];

/// One lint result: a diagnostic about `collection.pages()[page]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub page: usize,
    pub diagnostic: Diagnostic,
}

/// Model-based checks over a whole collection: within pages (dates, sections) and across
/// pages (twins, week sequences). Findings come in page order.
pub fn check_collection(collection: &Collection) -> Vec<Finding> {
    let pages = collection.pages();
    let mut findings = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        for diagnostic in check_page(page) {
            findings.push(Finding {
                page: index,
                diagnostic,
            });
        }
    }
    check_twins(collection, &mut findings);
    check_sequences(collection, &mut findings);
    findings.retain(|f| !already_reported(&pages[f.page], &f.diagnostic));
    findings.sort_by_key(|f| (f.page, f.diagnostic.line.unwrap_or(0)));
    findings
}

/// Checks that need one page only.
pub fn check_page(page: &Page) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for task in &page.tasks {
        if let (Some(start), Some(end)) = (task.start, task.end) {
            if end < start {
                out.push(Message::CompletionBeforeStart { end, start }.warning(Some(task.line)));
            }
        }
    }
    out
}

/// Don't repeat what the parser already said about the same line.
fn already_reported(page: &Page, d: &Diagnostic) -> bool {
    page.diagnostics
        .iter()
        .any(|p| p.code == d.code && p.line == d.line)
}

/// Pages that count for week sequences: any page with a week number except the index and the
/// other sections of a site (a stub page for week 4 still means week 4 exists).
fn is_week_page(page: &Page) -> bool {
    !matches!(page.kind, PageKind::Index | PageKind::OtherSection)
}

/// Language twins (as the collection pairs them) should describe the same work.
fn check_twins(collection: &Collection, findings: &mut Vec<Finding>) {
    let pages = collection.pages();
    for other in 0..pages.len() {
        let Some(first) = collection.twin_of(other) else {
            continue;
        };
        let a = &pages[first];
        {
            let b = &pages[other];
            if !a.tasks.is_empty() && !b.tasks.is_empty() && a.tasks.len() != b.tasks.len() {
                findings.push(Finding {
                    page: other,
                    diagnostic: Message::TwinTaskCount {
                        language: b.language,
                        tasks: b.tasks.len(),
                        twin_language: a.language,
                        twin: a.source.clone(),
                        twin_tasks: a.tasks.len(),
                    }
                    .warning(None),
                });
            }
            let dates = |p: &Page| -> BTreeSet<NaiveDate> {
                p.tasks.iter().filter_map(|t| t.start).collect()
            };
            let (da, db) = (dates(a), dates(b));
            if !da.is_empty() && !db.is_empty() && da != db {
                let only_b: Vec<String> = db.difference(&da).map(|d| d.to_string()).collect();
                let only_a: Vec<String> = da.difference(&db).map(|d| d.to_string()).collect();
                let line = b
                    .tasks
                    .iter()
                    .find(|t| t.start.is_some_and(|s| !da.contains(&s)))
                    .map(|t| t.line);
                findings.push(Finding {
                    page: other,
                    diagnostic: Message::TwinDates {
                        twin: a.source.clone(),
                        only_here: shown(&only_b),
                        only_here_more: more(&only_b),
                        only_there: shown(&only_a),
                        only_there_more: more(&only_a),
                    }
                    .warning(line),
                });
            }
        }
    }
}

/// Dates a twin has and the other not: up to this many are named.
const SHOWN: usize = 5;

/// The first dates of a list, joined (empty: none).
fn shown(items: &[String]) -> String {
    items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many dates of a list [`shown`] leaves out.
fn more(items: &[String]) -> usize {
    items.len().saturating_sub(SHOWN)
}

/// Within one internship and language: no week number missing between the first and the last,
/// and no week claimed twice.
fn check_sequences(collection: &Collection, findings: &mut Vec<Finding>) {
    let pages = collection.pages();
    // (intern, language) → week → pages claiming it.
    let mut groups: BTreeMap<(usize, Option<Language>), BTreeMap<u32, Vec<usize>>> =
        BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if !is_week_page(page) {
            continue;
        }
        let weeks: BTreeSet<u32> = page_weeks(page).collect();
        let group = groups
            .entry((collection.intern_index(i).unwrap_or(0), page.language))
            .or_default();
        for w in weeks {
            group.entry(w).or_default().push(i);
        }
    }
    for weeks in groups.values() {
        let mut previous: Option<u32> = None;
        for (&week, claimants) in weeks {
            if let Some(prev) = previous {
                if week > prev + 1 {
                    let message = if week == prev + 2 {
                        Message::WeekGapOne {
                            missing: prev + 1,
                            previous: prev,
                            week,
                        }
                    } else {
                        Message::WeekGapSeveral {
                            first: prev + 1,
                            last: week - 1,
                            previous: prev,
                            week,
                        }
                    };
                    findings.push(Finding {
                        page: claimants[0],
                        diagnostic: message.warning(None),
                    });
                }
            }
            previous = Some(week);
            let distinct: HashSet<usize> = claimants.iter().copied().collect();
            if distinct.len() > 1 {
                for &other in &claimants[1..] {
                    findings.push(Finding {
                        page: other,
                        diagnostic: Message::DuplicateWeek {
                            week,
                            other: pages[claimants[0]].source.clone(),
                        }
                        .warning(None),
                    });
                }
            }
        }
    }
}

/// Template leftovers found in the raw text, with line and column: placeholder items, the
/// `Doing task A...` sample text, the template's notice. Skips fenced code blocks.
pub fn check_text(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    // The last heading seen with nothing under it yet: (line, level, title).
    let mut open_heading: Option<(u32, usize, &str)> = None;
    let (mut seen_heading, mut first_heading) = (false, false);
    let front_matter_end = front_matter_end(text);
    for (index, line) in text.lines().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if index < front_matter_end {
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if let Some((level, title)) = atx_heading(line) {
            if let Some((at, open_level, open_title)) = open_heading {
                // The page's first heading directly followed by another is a title.
                if level <= open_level && !first_heading {
                    out.push(empty_section(at, open_title));
                }
            }
            first_heading = open_heading.is_none() && !seen_heading;
            seen_heading = true;
            open_heading = Some((number, level, title));
            continue;
        }
        if !trimmed.is_empty() {
            open_heading = None;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if trimmed.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        if is_placeholder_item(trimmed) {
            out.push(
                Message::TemplatePlaceholder {}
                    .warning(Some(number))
                    .at_column(column_of(line, indent)),
            );
        }
        if let Some(at) = find_ascii_ci(line, "doing task ") {
            out.push(
                Message::TemplateText {}
                    .warning(Some(number))
                    .at_column(column_of(line, at)),
            );
        }
        if let Some(at) = find_ascii_ci(line, "do not copy verbatim") {
            out.push(
                Message::TemplateNotice {}
                    .info(Some(number))
                    .at_column(column_of(line, at)),
            );
        }
    }
    if let Some((at, _, title)) = open_heading {
        out.push(empty_section(at, title));
    }
    out.sort_by_key(|d| (d.line, d.column));
    out
}

fn empty_section(line: u32, title: &str) -> Diagnostic {
    Message::EmptySection {
        title: title.to_string(),
    }
    .warning(Some(line))
    .at_column(1)
}

/// `## Title` (up to three spaces of indent, 1–6 `#`, then a space or the end): level and
/// title without closing `#`s.
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let after = &rest[level..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    Some((level, after.trim().trim_end_matches('#').trim_end()))
}

/// Number of lines of a leading YAML (`---`) or TOML (`+++`) front matter block, 0 if none.
fn front_matter_end(text: &str) -> usize {
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let Some((start, first)) = lines.next() else {
        return 0;
    };
    let marker = first.trim_end();
    if marker != "---" && marker != "+++" {
        return 0;
    }
    lines
        .find(|(_, l)| l.trim_end() == marker)
        .map_or(0, |(end, _)| end.max(start) + 1)
}

/// Is this task or item text nothing but template leftovers, the same ones [`check_text`]
/// reports: every non-blank line is a placeholder (`...`, `…`, `- ...`), or the text is the
/// template's `Doing task A...` sample. Empty text is not template text (it is empty). Used by
/// the cohort matrix to tell a template-only week from real work.
pub fn is_template_text(text: &str) -> bool {
    if find_ascii_ci(text, "doing task ").is_some() {
        return true;
    }
    let mut any = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        any = true;
        if !(matches!(line, "..." | "…" | "....") || is_placeholder_item(line)) {
            return false;
        }
    }
    any
}

/// `* ...`, `- …`, `+ ...`, `1. ...`: a list item whose only content is an ellipsis.
fn is_placeholder_item(trimmed: &str) -> bool {
    let rest = if let Some(r) = trimmed
        .strip_prefix("* ")
        .or_else(|| trimmed.strip_prefix("- "))
        .or_else(|| trimmed.strip_prefix("+ "))
    {
        r
    } else {
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        match trimmed[digits..].strip_prefix(". ") {
            Some(r) if digits > 0 => r,
            _ => return false,
        }
    };
    matches!(rest.trim(), "..." | "…" | "....")
}

/// 1-based character column of a byte offset.
fn column_of(line: &str, byte: usize) -> u32 {
    let chars = line.get(..byte).map_or(0, |s| s.chars().count());
    u32::try_from(chars + 1).unwrap_or(u32::MAX)
}

/// Byte offset of an ASCII needle, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Task;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn task(line: u32, start: &str, end: &str) -> Task {
        Task {
            line,
            week: None,
            day: None,
            weekday: None,
            start: Some(date(start)),
            end: Some(date(end)),
            start_text: None,
            end_text: None,
            text: format!("task {line}"),
            items: Vec::new(),
            references: Vec::new(),
            services: Vec::new(),
            extra: Vec::new(),
        }
    }

    fn page(source: &str, week: u32, language: Language, tasks: Vec<Task>) -> Page {
        Page {
            kind: PageKind::Week,
            language: Some(language),
            week: Some(week),
            weeks: vec![week],
            tasks,
            ..Page::new(source)
        }
    }

    fn codes(findings: &[Finding]) -> Vec<(usize, &str)> {
        findings
            .iter()
            .map(|f| (f.page, f.diagnostic.code.as_str()))
            .collect()
    }

    #[test]
    fn dates_outside_the_week_and_reversed() {
        let p = page(
            "c/1-Worklog/1.1-Week1/_index.md",
            1,
            Language::En,
            vec![
                task(10, "2025-09-08", "2025-09-08"),
                task(11, "2025-09-09", "2025-09-09"),
                task(12, "2025-10-10", "2025-10-10"),
                task(13, "2025-09-11", "2025-09-10"),
            ],
        );
        let d = check_page(&p);
        let got: Vec<_> = d.iter().map(|d| (d.line, d.code.as_str())).collect();
        assert_eq!(got, vec![(Some(13), "end-before-start")]);
        // The date far from its week is the collection's finding (the views flag it too).
        let c = Collection::new(vec![p]);
        let outside: Vec<_> = c.pages()[0]
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::collection::DATE_OUTSIDE_WEEK)
            .map(|d| d.line)
            .collect();
        assert_eq!(outside, vec![Some(12)]);
    }

    #[test]
    fn twins_disagreeing_and_week_gaps() {
        let pages = vec![
            page(
                "s/content/1-Worklog/1.1-Week1/_index.md",
                1,
                Language::En,
                vec![
                    task(5, "2025-09-08", "2025-09-08"),
                    task(6, "2025-09-09", "2025-09-09"),
                ],
            ),
            page(
                "s/content/1-Worklog/1.1-Week1/_index.vi.md",
                1,
                Language::Vi,
                vec![task(5, "2025-08-09", "2025-08-09")],
            ),
            page(
                "s/content/1-Worklog/1.3-Week3/_index.md",
                3,
                Language::En,
                vec![task(5, "2025-09-22", "2025-09-22")],
            ),
        ];
        let findings = check_collection(&Collection::new(pages));
        assert_eq!(
            codes(&findings),
            vec![(1, "twin-task-count"), (1, "twin-dates"), (2, "week-gap")]
        );
        assert!(findings[2].diagnostic.message.contains("Week 2 is missing"));
    }

    #[test]
    fn duplicate_weeks_and_parser_duplicates_skipped() {
        let mut a = page("w/week-1.md", 1, Language::En, vec![]);
        let b = page("w/week-01-copy.md", 1, Language::En, vec![]);
        a.tasks.push(task(7, "2025-09-10", "2025-09-09"));
        a.diagnostics.push(Diagnostic::warning(
            Some(7),
            "end-before-start",
            "already said",
        ));
        let findings = check_collection(&Collection::new(vec![a, b]));
        assert_eq!(codes(&findings), vec![(1, "duplicate-week")]);
    }

    #[test]
    fn empty_sections() {
        let text = "---\ntitle: x\n---\n# Week 1\n# Week 1 again\n## Objectives\n\n- a\n## Learnings\n\n### Achievements ###\n\n## Plan\n```\n## not a heading\n```\n## Notes\n\n";
        let got: Vec<_> = check_text(text)
            .iter()
            .map(|d| (d.line, d.code.clone(), d.message.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some(11),
                    "empty-section".to_string(),
                    "The section \"Achievements\" is empty: nothing before the next heading."
                        .to_string()
                ),
                (
                    Some(17),
                    "empty-section".to_string(),
                    "The section \"Notes\" is empty: nothing before the next heading.".to_string()
                ),
            ]
        );
        assert_eq!(front_matter_end("\n---\na: 1\n---\nbody"), 4);
        assert_eq!(front_matter_end("# title\n---\n"), 0);
    }

    #[test]
    fn template_task_text() {
        assert!(is_template_text("..."));
        assert!(is_template_text("- ...\n  + …"));
        assert!(is_template_text("Doing task C..."));
        assert!(!is_template_text(""));
        assert!(!is_template_text("Set up IAM users\n..."));
        assert!(!is_template_text("Learn about AWS ..."));
    }

    #[test]
    fn template_leftovers_with_columns() {
        let text = "---\ntitle: x\n---\n* ...\n  - …\n* real item\n**Week 2:** [Doing task A...](1.2-week2/)\n```\n* ...\n```\n⚠️ **Note:** Please **do not copy verbatim** for your report\n1. ...\n";
        let d = check_text(text);
        let got: Vec<_> = d
            .iter()
            .map(|d| (d.line, d.column, d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(4), Some(1), "template-placeholder"),
                (Some(5), Some(3), "template-placeholder"),
                (Some(7), Some(14), "template-text"),
                (Some(11), Some(23), "template-notice"),
                (Some(12), Some(1), "template-placeholder"),
            ]
        );
    }
}
