//! Conformance over the real corpus (`shared/corpus`, 196 pages from 61 repositories).
//!
//! Asserts: no panic on any page; every week page (a week number in its path) gets that
//! week and at least one of objectives, tasks, achievements; every page whose task dates contain slash dates gets a date order; at least 98 % of
//! worklog-table body rows become tasks and at least 95 % of those tasks get a start date.
//! Prints a per-repository summary. Skipped, with a loud message, when the corpus folder
//! is absent; mandatory with `WORKLOG_REQUIRE_SHARED=1` (CI).
//!
//! The expected counts are computed here independently of the parser (a plain line scan for
//! `| header |` + `| --- |` tables whose header names a day/date and a task column), so the
//! test does not grade the parser with its own reading.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use worklog::message::OrderReason;
use worklog::{parse_page, Collection, Page, PageKind, Severity};

#[path = "support/corpus.rs"]
mod support;
use support::corpus_pages_for;

/// Week number written in a path, read independently of the parser: a folder or file name
/// with `week`/`tuan` followed by digits, or `1.N-…` under a worklog folder.
fn path_week(relative: &str) -> Option<u32> {
    let parts: Vec<String> = relative.split('/').map(str::to_lowercase).collect();
    for (i, part) in parts.iter().enumerate().skip(1).rev() {
        for key in ["week", "tuan"] {
            if let Some(at) = part.find(key) {
                let digits: String = part[at + key.len()..]
                    .trim_start_matches(['-', '_', ' '])
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if let Ok(n) = digits.parse() {
                    return Some(n);
                }
            }
        }
        if parts[i - 1].contains("worklog") {
            if let Some(rest) = part.strip_prefix("1.") {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(n) = digits.parse() {
                    return Some(n);
                }
            }
        }
    }
    None
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Body rows of worklog tables, by a plain line scan outside code fences.
fn worklog_rows(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut fenced = vec![false; lines.len()];
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            open = !open;
            fenced[i] = true;
        } else {
            fenced[i] = open;
        }
    }
    let day = ["day", "thứ", "ngày", "date", "weekday"];
    let task = [
        "task",
        "công việc",
        "nhiệm vụ",
        "work",
        "nội dung",
        "activit",
        "topic",
        "chủ đề",
    ];
    let mut rows = 0;
    let mut i = 0;
    while i + 1 < lines.len() {
        let header = lines[i].to_lowercase();
        if fenced[i] || !header.contains('|') || !is_separator(lines[i + 1]) {
            i += 1;
            continue;
        }
        let worklog =
            day.iter().any(|k| header.contains(k)) && task.iter().any(|k| header.contains(k));
        let mut j = i + 2;
        while j < lines.len() && lines[j].trim_start().starts_with('|') && !fenced[j] {
            let cells_filled = lines[j]
                .split('|')
                .any(|c| !c.trim().is_empty() && !c.trim().chars().all(|c| c == '-' || c == ':'));
            if worklog && !is_separator(lines[j]) && cells_filled {
                rows += 1;
            }
            j += 1;
        }
        i = j;
    }
    rows
}

fn has_slash_date(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'/' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

#[derive(Default)]
struct RepoSummary {
    pages: usize,
    week_pages: usize,
    week_ok: usize,
    rows: usize,
    tasks_from_rows: usize,
    tasks: usize,
    dated: usize,
    slash_pages: usize,
    ordered: usize,
    warnings: usize,
    errors: usize,
}

#[test]
fn corpus_conformance() {
    let Some(files) = corpus_pages_for("corpus::corpus_conformance") else {
        return;
    };
    let mut failures: Vec<String> = Vec::new();
    let mut repos: BTreeMap<String, RepoSummary> = BTreeMap::new();
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages: Vec<Page> = Vec::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();

    for (relative, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let repo = relative.split('/').next().unwrap_or("").to_string();
        let summary = repos.entry(repo).or_default();
        summary.pages += 1;
        let page = match catch_unwind(AssertUnwindSafe(|| parse_page(relative, bytes))) {
            Ok(page) => page,
            Err(_) => {
                failures.push(format!("{relative}: parse_page panicked"));
                continue;
            }
        };
        for d in &page.diagnostics {
            *codes.entry(d.code.clone()).or_default() += 1;
            match d.severity {
                Severity::Warning => summary.warnings += 1,
                Severity::Error => summary.errors += 1,
                Severity::Info => {}
            }
        }
        if let Some(n) = path_week(relative) {
            summary.week_pages += 1;
            if page.week == Some(n) {
                summary.week_ok += 1;
            } else {
                failures.push(format!(
                    "{relative}: week {:?}, expected {n} (kind {:?})",
                    page.week, page.kind
                ));
            }
        }
        let rows = worklog_rows(&text);
        if rows > 0 {
            summary.rows += rows;
            summary.tasks_from_rows += page.tasks.len().min(rows);
            summary.tasks += page.tasks.len();
            summary.dated += page.tasks.iter().filter(|t| t.start.is_some()).count();
        }
        let slash = page.tasks.iter().any(|t| {
            t.start_text.as_deref().is_some_and(has_slash_date)
                || t.end_text.as_deref().is_some_and(has_slash_date)
        });
        if slash {
            summary.slash_pages += 1;
            if page.date_order.is_some() {
                summary.ordered += 1;
            } else {
                failures.push(format!("{relative}: slash dates but no date order"));
            }
        }
        // Survey §6: every week page has at least one of objectives, tasks, achievements.
        let has_section = !page.objectives.is_empty()
            || !page.achievements.is_empty()
            || !page.tasks.is_empty()
            || page
                .sections
                .iter()
                .any(|s| s.kind == worklog::SectionKind::Tasks);
        if matches!(page.kind, PageKind::Week | PageKind::MultiWeek) && !has_section {
            failures.push(format!(
                "{relative}: week page without objectives, tasks or achievements"
            ));
        }
        if page.kind == PageKind::Other && path_week(relative).is_some() {
            failures.push(format!("{relative}: week page classified as other"));
        }
        *kinds.entry(format!("{:?}", page.kind)).or_default() += 1;
        pages.push(page);
    }

    // The collection passes must not panic either.
    let ambiguous = |pages: &mut dyn Iterator<Item = &Page>| {
        pages
            .filter(|p| {
                p.diagnostics
                    .iter()
                    .any(|d| d.code == "ambiguous-date-order")
            })
            .count()
    };
    let ambiguous_alone = ambiguous(&mut pages.iter());
    match catch_unwind(AssertUnwindSafe(|| Collection::new(pages))) {
        Ok(collection) => {
            println!(
                "ambiguous date order: {ambiguous_alone} page(s) alone, {} after the collection passes (twins, neighbouring weeks); {} weeks in {} internships",
                ambiguous(&mut collection.pages().iter().map(|p| &**p)),
                collection.weeks().len(),
                collection.internships().len()
            );
            // The reason shown in words and the one another language words must be the same.
            let mut bases: BTreeMap<String, usize> = BTreeMap::new();
            for page in collection.pages() {
                let basis = page.date_order_basis.as_ref();
                let reason = basis.and_then(OrderReason::from_wording);
                if page.date_order.is_some() != reason.is_some()
                    || reason.map(|r| r.english()) != page.date_order_reason
                {
                    failures.push(format!(
                        "{}: date order {:?}, reason {:?}, basis {basis:?}",
                        page.source, page.date_order, page.date_order_reason
                    ));
                }
                if let Some(basis) = basis {
                    let key = format!("{}/{}", basis.code, basis.variant.as_deref().unwrap_or("-"));
                    *bases.entry(key).or_default() += 1;
                }
            }
            println!("date-order reasons: {bases:?}");
        }
        Err(_) => failures.push("Collection::new panicked".into()),
    }

    println!(
        "\n{:<48} {:>5} {:>7} {:>6} {:>6} {:>6} {:>7} {:>5}",
        "repository", "pages", "weeks", "rows", "tasks", "dated", "orders", "warn"
    );
    let mut total = RepoSummary::default();
    for (repo, s) in &repos {
        println!(
            "{:<48} {:>5} {:>3}/{:<3} {:>6} {:>6} {:>6} {:>3}/{:<3} {:>5}",
            repo,
            s.pages,
            s.week_ok,
            s.week_pages,
            s.rows,
            s.tasks_from_rows,
            s.dated,
            s.ordered,
            s.slash_pages,
            s.warnings
        );
        total.pages += s.pages;
        total.week_pages += s.week_pages;
        total.week_ok += s.week_ok;
        total.rows += s.rows;
        total.tasks_from_rows += s.tasks_from_rows;
        total.tasks += s.tasks;
        total.dated += s.dated;
        total.slash_pages += s.slash_pages;
        total.ordered += s.ordered;
        total.warnings += s.warnings;
        total.errors += s.errors;
    }
    let row_share = total.tasks_from_rows as f64 / total.rows.max(1) as f64;
    let dated_share = total.dated as f64 / total.tasks.max(1) as f64;
    println!(
        "TOTAL: {} pages, week pages {}/{}, worklog rows {} → tasks {} ({:.1} %), tasks with a start date {}/{} ({:.1} %), date order on {}/{} slash-date pages, {} warnings, {} errors",
        total.pages,
        total.week_ok,
        total.week_pages,
        total.rows,
        total.tasks_from_rows,
        row_share * 100.0,
        total.dated,
        total.tasks,
        dated_share * 100.0,
        total.ordered,
        total.slash_pages,
        total.warnings,
        total.errors
    );
    println!("page kinds: {kinds:?}");
    println!("diagnostic codes: {codes:?}");

    if row_share < 0.98 {
        failures.push(format!(
            "only {:.1} % of worklog-table body rows became tasks (need ≥ 98 %)",
            row_share * 100.0
        ));
    }
    if dated_share < 0.95 {
        failures.push(format!(
            "only {:.1} % of tasks got a start date (need ≥ 95 %)",
            dated_share * 100.0
        ));
    }
    assert!(
        failures.is_empty(),
        "{} conformance failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
