//! `worklog stats`: a readable summary of a set of pages.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

use chrono::{Days, NaiveDate};
use serde::Serialize;
use worklog::query::{page_weeks, service_category, task_span};
use worklog::{Page, PageKind, Severity};

/// Longest task span counted day by day; longer spans are typos, not work.
const MAX_SPAN_DAYS: i64 = 62;

#[derive(Debug, Serialize)]
pub struct Summary {
    pub pages: usize,
    pub week_pages: usize,
    pub index_pages: usize,
    pub other_pages: usize,
    /// Pages per language code (`en`, `vi`, `unknown`).
    pub languages: BTreeMap<String, usize>,
    pub weeks: Vec<u32>,
    /// Week numbers between the first and the last that no page covers.
    pub missing_weeks: Vec<u32>,
    pub tasks: usize,
    pub dated_tasks: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Distinct calendar days with at least one task.
    pub days_covered: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub top_services: Vec<Count>,
    pub top_categories: Vec<Count>,
}

#[derive(Debug, Serialize)]
pub struct Count {
    pub id: String,
    pub name: String,
    /// Tasks mentioning it (language twins count separately).
    pub tasks: usize,
}

pub fn compute(pages: &[Page], top: usize) -> Summary {
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut weeks: BTreeSet<u32> = BTreeSet::new();
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut services: HashMap<&str, (&str, usize)> = HashMap::new();
    // Category id → (name, tasks).
    let mut categories: HashMap<&'static str, (&'static str, usize)> = HashMap::new();
    let (mut week_pages, mut index_pages, mut other_pages) = (0, 0, 0);
    let (mut tasks, mut dated) = (0, 0);
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);

    for page in pages {
        match page.kind {
            PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile => {
                week_pages += 1;
                weeks.extend(page_weeks(page));
            }
            PageKind::Index => index_pages += 1,
            PageKind::Stub | PageKind::Other => other_pages += 1,
        }
        let lang = page.language.map_or("unknown", |l| l.code());
        *languages.entry(lang.to_string()).or_default() += 1;
        for d in &page.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
        }
        for task in &page.tasks {
            tasks += 1;
            if let Some((start, end)) = task_span(task) {
                dated += 1;
                let span = (end - start).num_days().min(MAX_SPAN_DAYS);
                for offset in 0..=span {
                    if let Some(day) = start.checked_add_days(Days::new(offset.unsigned_abs())) {
                        days.insert(day);
                    }
                }
            }
            let mut task_categories = BTreeSet::new();
            for s in &task.services {
                services.entry(&s.id).or_insert((&s.name, 0)).1 += 1;
                if let Some(c) = service_category(&s.id) {
                    task_categories.insert((c.id, c.name));
                }
            }
            for (id, name) in task_categories {
                categories.entry(id).or_insert((name, 0)).1 += 1;
            }
        }
    }

    let missing_weeks = match (weeks.first(), weeks.last()) {
        (Some(&lo), Some(&hi)) => (lo..=hi).filter(|w| !weeks.contains(w)).collect(),
        _ => Vec::new(),
    };
    let top_services = ranked(services, top);
    let top_categories = ranked(categories, top);

    Summary {
        pages: pages.len(),
        week_pages,
        index_pages,
        other_pages,
        languages,
        weeks: weeks.into_iter().collect(),
        missing_weeks,
        tasks,
        dated_tasks: dated,
        first_date: days.first().copied(),
        last_date: days.last().copied(),
        days_covered: days.len(),
        errors,
        warnings,
        infos,
        top_services,
        top_categories,
    }
}

/// `1-4, 6, 8-12`: week numbers as compact ranges.
fn ranges(weeks: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < weeks.len() {
        let start = weeks[i];
        let mut end = start;
        while i + 1 < weeks.len() && weeks[i + 1] == end + 1 {
            i += 1;
            end = weeks[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

pub fn write_text<W: Write>(s: &Summary, out: &mut W) -> io::Result<()> {
    let row = |out: &mut W, label: &str, value: String| writeln!(out, "{label:<14}{value}");
    row(
        out,
        "Pages",
        format!(
            "{} ({} week, {} index, {} other)",
            s.pages, s.week_pages, s.index_pages, s.other_pages
        ),
    )?;
    row(
        out,
        "Languages",
        s.languages
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(", "),
    )?;
    let weeks = if s.weeks.is_empty() {
        "none".to_string()
    } else {
        format!("{} ({})", s.weeks.len(), ranges(&s.weeks))
    };
    row(out, "Weeks", weeks)?;
    if !s.missing_weeks.is_empty() {
        row(out, "Missing weeks", ranges(&s.missing_weeks))?;
    }
    row(
        out,
        "Tasks",
        format!("{} ({} with dates)", s.tasks, s.dated_tasks),
    )?;
    if let (Some(a), Some(b)) = (s.first_date, s.last_date) {
        row(out, "Dates", format!("{a} – {b}"))?;
    }
    row(out, "Days covered", s.days_covered.to_string())?;
    row(
        out,
        "Diagnostics",
        format!(
            "{} errors, {} warnings, {} infos",
            s.errors, s.warnings, s.infos
        ),
    )?;
    table(out, "Top services", &s.top_services)?;
    table(out, "Top categories", &s.top_categories)?;
    Ok(())
}

fn table<W: Write>(out: &mut W, title: &str, rows: &[Count]) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(title.chars().count());
    writeln!(out)?;
    writeln!(out, "{title:<width$}  Tasks")?;
    for r in rows {
        writeln!(out, "{:<width$}  {:>5}", r.name, r.tasks)?;
    }
    Ok(())
}

/// The `top` largest task counts of `(id → (name, tasks))`, most tasks first, ties by name.
fn ranked(counts: HashMap<&str, (&str, usize)>, top: usize) -> Vec<Count> {
    let mut ranked: Vec<Count> = counts
        .into_iter()
        .map(|(id, (name, tasks))| Count {
            id: id.to_string(),
            name: name.to_string(),
            tasks,
        })
        .collect();
    ranked.sort_by(|a, b| b.tasks.cmp(&a.tasks).then_with(|| a.name.cmp(&b.name)));
    ranked.truncate(top);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_ranges_are_compact() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(ranges(&[]), "");
    }
}
