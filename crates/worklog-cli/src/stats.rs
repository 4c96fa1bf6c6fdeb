//! `worklog stats`: a readable summary of a set of pages.
//!
//! What counts: only worklog pages make weeks; pages of other site sections (proposal, blogs,
//! workshop, ...) are counted as set aside, by section, never as weeks. Tasks are the
//! collection's rows ([`worklog::Collection::rows`]): every task of every worklog page once,
//! with its own week. A week written in two languages has two pages, and each page's rows
//! count: the rows of the page folded under its twin (the second language) are counted on
//! their own (`twin_tasks`, and per language), never merged into the first language's.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{self, Write};

use chrono::{Days, NaiveDate};
use serde::Serialize;
use worklog::export::{filtered_in, set_aside_sections_of, set_aside_summary};
use worklog::query::{page_weeks, service_category, task_span, Filter, SimilarRows};
use worklog::similar::Similarity;
use worklog::{Collection, PageKind, Severity};

/// Longest task span counted day by day; longer spans are typos, not work.
const MAX_SPAN_DAYS: i64 = 62;

#[derive(Debug, Serialize)]
pub struct Summary {
    /// Every page read (that the filter keeps), set-aside pages included.
    pub pages: usize,
    pub week_pages: usize,
    pub index_pages: usize,
    pub other_pages: usize,
    /// Pages of other site sections (proposal, blogs, workshop, the home page, ...): never
    /// weeks, counted here and per section.
    pub set_aside: usize,
    /// Set-aside pages per section name (`/` is the site's home page).
    pub set_aside_sections: BTreeMap<String, usize>,
    /// Worklog pages (set-aside pages excluded) per language code (`en`, `vi`, `unknown`).
    pub languages: BTreeMap<String, usize>,
    /// Week numbers of every intern together.
    pub weeks: Vec<u32>,
    /// Week numbers between the first and the last that no page covers (every intern
    /// together; per intern in `interns`).
    pub missing_weeks: Vec<u32>,
    /// Task rows: every task of every worklog page once (both languages of a week count).
    pub tasks: usize,
    /// Of `tasks`, the rows of pages folded under their language twin (the second language).
    pub twin_tasks: usize,
    /// Task rows per language code.
    pub tasks_by_language: BTreeMap<String, usize>,
    pub dated_tasks: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Distinct calendar days with at least one task.
    pub days_covered: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// One entry per intern, in the collection's (display-name) order.
    pub interns: Vec<InternSummary>,
    pub top_services: Vec<Count>,
    pub top_categories: Vec<Count>,
}

#[derive(Debug, Serialize)]
pub struct InternSummary {
    /// Stable key (the repository folder as given, `owner/repo`, ...).
    pub key: String,
    /// Display name, unique among the interns.
    pub name: String,
    pub weeks: Vec<u32>,
    pub missing_weeks: Vec<u32>,
    /// Week pages (week, multi-week, single-file), both languages.
    pub week_pages: usize,
    pub tasks: usize,
    pub twin_tasks: usize,
    pub tasks_by_language: BTreeMap<String, usize>,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Pages of other sections of this intern's site, set aside.
    pub set_aside: usize,
}

#[derive(Debug, Serialize)]
pub struct Count {
    pub id: String,
    pub name: String,
    /// Tasks mentioning it (language twins count separately).
    pub tasks: usize,
}

fn is_week_kind(kind: PageKind) -> bool {
    matches!(
        kind,
        PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile
    )
}

fn lang_code(language: Option<worklog::Language>) -> String {
    language.map_or("unknown", |l| l.code()).to_string()
}

/// Week numbers missing between the first and the last.
fn gaps(weeks: &BTreeSet<u32>) -> Vec<u32> {
    match (weeks.first(), weeks.last()) {
        (Some(&lo), Some(&hi)) => (lo..=hi).filter(|w| !weeks.contains(w)).collect(),
        _ => Vec::new(),
    }
}

#[derive(Default)]
struct InternTally {
    weeks: BTreeSet<u32>,
    week_pages: usize,
    tasks: usize,
    twin_tasks: usize,
    languages: BTreeMap<String, usize>,
    days: BTreeSet<NaiveDate>,
    set_aside: usize,
}

pub fn compute(collection: &Collection, filter: &Filter, top: usize) -> Summary {
    let all_pages = collection.pages();
    // The pages the filter keeps (the same rule as `export`), by index.
    let similarity = (filter.similar != SimilarRows::Show).then(|| Similarity::compute(collection));
    let kept = filtered_in(collection, filter, similarity.as_ref());
    let kept_index: HashSet<usize> = kept.iter().map(|(i, _)| *i).collect();
    let matcher = filter.matcher_in(collection, similarity.as_ref());

    let mut interns: Vec<InternTally> = collection
        .internships()
        .iter()
        .map(|_| InternTally::default())
        .collect();
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut weeks: BTreeSet<u32> = BTreeSet::new();
    let (mut week_pages, mut index_pages, mut other_pages) = (0, 0, 0);
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for (i, page) in &kept {
        let tally = collection.intern_index(*i).and_then(|k| interns.get_mut(k));
        match page.kind {
            PageKind::OtherSection => {
                if let Some(t) = tally {
                    t.set_aside += 1;
                }
            }
            kind => {
                if is_week_kind(kind) {
                    week_pages += 1;
                    weeks.extend(page_weeks(page));
                    if let Some(t) = tally {
                        t.week_pages += 1;
                        t.weeks.extend(page_weeks(page));
                    }
                } else if kind == PageKind::Index {
                    index_pages += 1;
                } else {
                    other_pages += 1;
                }
                *languages.entry(lang_code(page.language)).or_default() += 1;
            }
        }
        for d in &page.diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
        }
    }
    let set_aside: BTreeMap<String, usize> = set_aside_sections_of(kept.iter().map(|(_, p)| p))
        .into_iter()
        .collect();

    // Tasks: the collection's rows whose page and task the filter keeps.
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut services: HashMap<&str, (&str, usize)> = HashMap::new();
    // Category id → (name, tasks).
    let mut categories: HashMap<&'static str, (&'static str, usize)> = HashMap::new();
    let mut tasks_by_language: BTreeMap<String, usize> = BTreeMap::new();
    let (mut tasks, mut twin_tasks, mut dated) = (0, 0, 0);
    for row in collection.rows() {
        let p = row.page as usize;
        if !kept_index.contains(&p) {
            continue;
        }
        let page = &all_pages[p];
        let Some(task) = page.tasks.get(row.task as usize) else {
            continue;
        };
        if !matcher.task_matches(page, task) || !matcher.similar_ok(row.page, row.task) {
            continue;
        }
        let tally = interns.get_mut(row.intern as usize);
        let lang = lang_code(row.language);
        tasks += 1;
        *tasks_by_language.entry(lang.clone()).or_default() += 1;
        let twin = row.twin_of.is_some();
        if twin {
            twin_tasks += 1;
        }
        let mut task_days = Vec::new();
        if let Some((start, end)) = task_span(task) {
            dated += 1;
            let span = (end - start).num_days().min(MAX_SPAN_DAYS);
            for offset in 0..=span {
                if let Some(day) = start.checked_add_days(Days::new(offset.unsigned_abs())) {
                    task_days.push(day);
                }
            }
        }
        days.extend(task_days.iter().copied());
        if let Some(t) = tally {
            t.tasks += 1;
            if twin {
                t.twin_tasks += 1;
            }
            *t.languages.entry(lang).or_default() += 1;
            t.days.extend(task_days);
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

    let intern_summaries = collection
        .internships()
        .iter()
        .zip(interns)
        .filter(|(_, t)| t.week_pages + t.tasks + t.set_aside > 0 || filter.is_empty())
        .map(|(intern, t)| InternSummary {
            key: intern.key.clone(),
            name: intern.name.clone(),
            missing_weeks: gaps(&t.weeks),
            weeks: t.weeks.into_iter().collect(),
            week_pages: t.week_pages,
            tasks: t.tasks,
            twin_tasks: t.twin_tasks,
            tasks_by_language: t.languages,
            first_date: t.days.first().copied(),
            last_date: t.days.last().copied(),
            set_aside: t.set_aside,
        })
        .collect();

    Summary {
        pages: kept.len(),
        week_pages,
        index_pages,
        other_pages,
        set_aside: set_aside.values().sum(),
        set_aside_sections: set_aside,
        languages,
        missing_weeks: gaps(&weeks),
        weeks: weeks.into_iter().collect(),
        tasks,
        twin_tasks,
        tasks_by_language,
        dated_tasks: dated,
        first_date: days.first().copied(),
        last_date: days.last().copied(),
        days_covered: days.len(),
        errors,
        warnings,
        infos,
        interns: intern_summaries,
        top_services: ranked(services, top),
        top_categories: ranked(categories, top),
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

/// `en 60, vi 60`.
fn per_language(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `12 (1–12)`, or `none`.
fn week_list(weeks: &[u32]) -> String {
    if weeks.is_empty() {
        "none".to_string()
    } else {
        format!("{} ({})", weeks.len(), ranges(weeks))
    }
}

/// `120 (60 in language twins)`: every row, and how many of them belong to folded twins.
fn task_count(tasks: usize, twin_tasks: usize) -> String {
    if twin_tasks == 0 {
        tasks.to_string()
    } else {
        format!("{tasks} ({twin_tasks} in language twins)")
    }
}

pub fn write_text<W: Write>(s: &Summary, out: &mut W) -> io::Result<()> {
    let row = |out: &mut W, label: &str, value: String| writeln!(out, "{label:<14}{value}");
    row(
        out,
        "Pages",
        format!(
            "{} ({} week, {} index, {} other, {} set aside)",
            s.pages, s.week_pages, s.index_pages, s.other_pages, s.set_aside
        ),
    )?;
    if s.set_aside > 0 {
        let sections: Vec<(String, usize)> = s
            .set_aside_sections
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        row(
            out,
            "Set aside",
            format!(
                "{} set aside (other sections: {})",
                plural(s.set_aside, "page", "pages"),
                set_aside_summary(&sections)
            ),
        )?;
    }
    row(out, "Interns", s.interns.len().to_string())?;
    row(out, "Languages", per_language(&s.languages))?;
    row(out, "Weeks", week_list(&s.weeks))?;
    if !s.missing_weeks.is_empty() {
        row(out, "Missing weeks", ranges(&s.missing_weeks))?;
    }
    let mut tasks = format!("{} ({} with dates", s.tasks, s.dated_tasks);
    if s.tasks_by_language.len() > 1 {
        tasks.push_str(&format!("; {}", per_language(&s.tasks_by_language)));
    }
    if s.twin_tasks > 0 {
        tasks.push_str(&format!("; {} in language twins", s.twin_tasks));
    }
    tasks.push(')');
    row(out, "Tasks", tasks)?;
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
    interns_table(out, &s.interns)?;
    table(out, "Top services", &s.top_services)?;
    table(out, "Top categories", &s.top_categories)?;
    Ok(())
}

/// One line per intern: name, key, weeks, tasks.
fn interns_table<W: Write>(out: &mut W, interns: &[InternSummary]) -> io::Result<()> {
    if interns.is_empty() {
        return Ok(());
    }
    let cells: Vec<[String; 4]> = interns
        .iter()
        .map(|i| {
            [
                i.name.clone(),
                i.key.clone(),
                week_list(&i.weeks),
                task_count(i.tasks, i.twin_tasks),
            ]
        })
        .collect();
    let head = ["Intern", "Key", "Weeks", "Tasks"];
    let width = |c: usize| {
        cells
            .iter()
            .map(|r| r[c].chars().count())
            .chain([head[c].len()])
            .max()
            .unwrap_or(0)
    };
    let (w0, w1, w2) = (width(0), width(1), width(2));
    writeln!(out)?;
    writeln!(
        out,
        "{:<w0$}  {:<w1$}  {:<w2$}  {}",
        head[0], head[1], head[2], head[3]
    )?;
    for r in &cells {
        writeln!(out, "{:<w0$}  {:<w1$}  {:<w2$}  {}", r[0], r[1], r[2], r[3])?;
    }
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
