//! A set of pages, and what can only be decided by looking at several of them: who each page
//! belongs to, which pages are language twins, the date order of pages whose own dates are
//! ambiguous, which dates contradict their week, and the task rows every view reads.
//!
//! The passes, in order:
//! 1. [`interns`]: one identity per internship (folder, URL, manifest; loose files per load).
//! 2. [`twins`]: twins by evidence only — same intern, same week, different languages, twin
//!    paths. Anything else stays separate and visible.
//! 3. [`date_order`]: ambiguous slash dates settled from twins, then neighbouring weeks; dates
//!    written without a year (`20 July`) take it from the intern's nearest dated week.
//! 4. [`sanity`]: dates that contradict their week are flagged, with the evidence named.
//! 5. [`weeks`] and rows.
//!
//! Pages stay in the order given: `pages()[i]` is the i-th input page. Pages of other site
//! sections (kind `other-section`) stay in the collection, set aside: no week, no twin, no row.

mod date_order;
pub mod interns;
mod sanity;
pub mod twins;
mod weeks;

use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::intern::Origin;
use crate::model::{Export, Language, Page, PageKind, Task, SCHEMA_VERSION};

pub use sanity::{DATE_OUTSIDE_WEEK, WEEK_OUT_OF_ORDER};

/// One week of one internship: its pages (language twins and any other page claiming it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekEntry {
    /// Key of the intern this week belongs to.
    pub internship: String,
    pub number: u32,
    /// Indices into [`Collection::pages`], English first.
    pub pages: Vec<usize>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One intern: a stable key (URLs carry it) and a display name, unique in the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Internship {
    pub key: String,
    pub name: String,
}

/// One task as every view, export and count sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Row {
    /// Index into [`Collection::internships`].
    pub intern: u32,
    /// Index into [`Collection::pages`] and into that page's tasks.
    pub page: u32,
    pub task: u32,
    /// The task's own week (a multi-week or single-file page splits by task).
    pub week: Option<u32>,
    pub language: Option<Language>,
    /// The page this row's page is folded under as its language twin (the same work written in
    /// the other language); `None` for a page shown in its own right.
    pub twin_of: Option<u32>,
    /// The row's date contradicts its week (see `date-outside-week`, `week-out-of-order`):
    /// views draw it where written, flagged, and keep it out of automatic date ranges.
    pub date_flagged: bool,
}

impl Row {
    /// The page and task this row stands for.
    pub fn resolve<'a>(&self, collection: &'a Collection) -> Option<(&'a Page, &'a Task)> {
        let page = collection.pages.get(self.page as usize)?;
        let task = page.tasks.get(self.task as usize)?;
        Some((page, task))
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    /// Shared with whoever built the collection: the cross-page passes copy only the pages
    /// they change, so rebuilding a collection of thousands of pages copies almost none.
    pages: Vec<Arc<Page>>,
    internships: Vec<Internship>,
    /// Intern index of every page.
    page_interns: Vec<usize>,
    /// For every page, the page it is folded under as a language twin.
    twin_of: Vec<Option<usize>>,
    weeks: Vec<WeekEntry>,
    rows: Vec<Row>,
}

impl Collection {
    /// Build a collection from pages whose paths are all there is to go on (one load).
    pub fn new(pages: Vec<Page>) -> Self {
        let origins = vec![Origin::default(); pages.len()];
        Self::with_origins(pages, origins)
    }

    /// Build a collection from pages and what their loaders know of them (`origins[i]` is
    /// page `i`'s; missing entries count as [`Origin::default`]).
    pub fn with_origins(pages: Vec<Page>, origins: Vec<Origin>) -> Self {
        Self::from_shared(pages.into_iter().map(Arc::new).collect(), origins)
    }

    /// [`Self::with_origins`] over shared pages: a caller that keeps its pages (the app, which
    /// rebuilds the collection as pages arrive) hands them over without copying them.
    pub fn from_shared(mut pages: Vec<Arc<Page>>, origins: Vec<Origin>) -> Self {
        let assigned = interns::assign(&mut pages, &origins);
        let page_interns = assigned.page_interns;
        let ids: Vec<String> = pages.iter().map(|p| twins::twin_id(&p.source)).collect();
        date_order::resolve(&mut pages, &page_interns, &ids);
        date_order::years_from_neighbours(&mut pages, &page_interns);
        let twin_of = twins::fold(&pages, &page_interns, &ids);
        let flagged = sanity::check(&mut pages, &page_interns);
        let weeks = weeks::entries(&pages, &page_interns, &assigned.internships);
        let rows = rows(&pages, &page_interns, &twin_of, &flagged);
        Collection {
            pages,
            internships: assigned.internships,
            page_interns,
            twin_of,
            weeks,
            rows,
        }
    }

    pub fn pages(&self) -> &[Arc<Page>] {
        &self.pages
    }

    /// Weeks in (intern, start date, number) order.
    pub fn weeks(&self) -> &[WeekEntry] {
        &self.weeks
    }

    /// Interns in display-name order.
    pub fn internships(&self) -> &[Internship] {
        &self.internships
    }

    /// Every task of every worklog page, in (intern, week, start date, page, line) order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Index of the intern a page belongs to.
    pub fn intern_index(&self, page: usize) -> Option<usize> {
        self.page_interns.get(page).copied()
    }

    /// Key of the intern a page belongs to.
    pub fn internship_of(&self, page: usize) -> Option<String> {
        let i = self.intern_index(page)?;
        self.internships.get(i).map(|i| i.key.clone())
    }

    /// The page `page` is folded under as a language twin, if it is one.
    pub fn twin_of(&self, page: usize) -> Option<usize> {
        self.twin_of.get(page).copied().flatten()
    }

    /// Indices of the language twins of `page` (the page it folds under and the pages folded
    /// under it, or under the same page), itself excluded.
    pub fn twins_of(&self, page: usize) -> Vec<usize> {
        let Some(&own) = self.twin_of.get(page) else {
            return Vec::new();
        };
        let head = own.unwrap_or(page);
        (0..self.pages.len())
            .filter(|&j| j != page && (j == head || self.twin_of[j] == Some(head)))
            .collect()
    }

    /// Pages set aside as belonging to other sections of a site (not the worklog).
    pub fn set_aside(&self) -> impl Iterator<Item = usize> + '_ {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PageKind::OtherSection)
            .map(|(i, _)| i)
    }

    pub fn to_export(&self) -> Export {
        Export {
            schema: SCHEMA_VERSION,
            pages: self.pages.iter().map(|p| Page::clone(p)).collect(),
        }
    }
}

/// The rows of every worklog page: by intern, week, start date (undated last), page, line.
fn rows(
    pages: &[Arc<Page>],
    page_interns: &[usize],
    twin_of: &[Option<usize>],
    flagged: &HashSet<(usize, usize)>,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        if matches!(
            page.kind,
            PageKind::OtherSection | PageKind::Index | PageKind::Other
        ) && page.tasks.is_empty()
        {
            continue;
        }
        for (t, task) in page.tasks.iter().enumerate() {
            rows.push(Row {
                intern: page_interns[p] as u32,
                page: p as u32,
                task: t as u32,
                week: task.week.or(page.week),
                language: page.language,
                twin_of: twin_of[p].map(|h| h as u32),
                date_flagged: flagged.contains(&(p, t)),
            });
        }
    }
    rows.sort_by(|a, b| {
        let (ta, tb) = (
            &pages[a.page as usize].tasks[a.task as usize],
            &pages[b.page as usize].tasks[b.task as usize],
        );
        (a.intern, a.week.unwrap_or(u32::MAX))
            .cmp(&(b.intern, b.week.unwrap_or(u32::MAX)))
            .then_with(|| match (ta.start, tb.start) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.page.cmp(&b.page))
            .then_with(|| ta.line.cmp(&tb.line))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateOrder;

    #[test]
    fn twin_settles_an_ambiguous_page() {
        let en = "| Task | Start Date | Completion Date |\n| --- | --- | --- |\n| Set up IAM | 03/11/2025 | 03/11/2025 |\n| Review | 03/11/2025 | 03/11/2025 |\n";
        let vi = "| Công việc | Ngày bắt đầu | Ngày hoàn thành |\n| --- | --- | --- |\n| IAM | 11/03/2025 | 11/03/2025 |\n| Ôn tập | 14/03/2025 | 14/03/2025 |\n";
        let alone = crate::parse_page("s/content/1-Worklog/1.3-Week3/_index.md", en.as_bytes());
        assert!(
            date_order::is_ambiguous(&alone),
            "the fixture page must be ambiguous alone"
        );
        let vi = crate::parse_page("s/content/1-Worklog/1.3-Week3/_index.vi.md", vi.as_bytes());
        let c = Collection::new(vec![alone, vi]);
        assert!(!date_order::is_ambiguous(&c.pages()[0]));
        assert_eq!(c.pages()[0].date_order, Some(DateOrder::Mdy));
        assert_eq!(
            c.pages()[0].tasks[0].start,
            NaiveDate::from_ymd_opt(2025, 3, 11)
        );
        assert_eq!(c.twins_of(0), vec![1]);
        assert_eq!(c.twin_of(1), Some(0));
        assert_eq!(c.rows().len(), 4);
        assert_eq!(c.rows().iter().filter(|r| r.twin_of.is_some()).count(), 2);
    }
}
