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

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::intern::{Identity, Origin};
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
    /// The pages as given, for the passes to run again when a group gains pages.
    given: Vec<Arc<Page>>,
    origins: Vec<Origin>,
    /// Pages after the cross-page passes. Shared with whoever built the collection: the passes
    /// copy only the pages they change, so a collection of thousands of pages copies almost none.
    pages: Vec<Arc<Page>>,
    /// Groups of pages the passes settle together ([`interns::group_key`]), in order of first
    /// page, and each group's index by its key.
    groups: Vec<Group>,
    group_index: HashMap<String, usize>,
    internships: Vec<Internship>,
    /// Intern index of every page.
    page_interns: Vec<usize>,
    /// For every page, the page it is folded under as a language twin.
    twin_of: Vec<Option<usize>>,
    weeks: Vec<WeekEntry>,
    rows: Vec<Row>,
}

/// The pages of one named intern, or the loose pages of one load, with what the passes decided
/// for them: nothing in it depends on pages of other groups, so adding pages re-runs the passes
/// of the groups they join only.
#[derive(Debug, Clone, Default, PartialEq)]
struct Group {
    /// Collection indices of its pages, ascending.
    pages: Vec<usize>,
    /// Its interns (a loose load may split into several), in order of first page.
    interns: Vec<GroupIntern>,
    /// For each of its pages (in `pages` order), the index into `interns`.
    page_intern: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
struct GroupIntern {
    identity: Identity,
    /// Collection index of its first page: interns are numbered in that order, as if every
    /// page had come at once.
    first_page: usize,
    /// Its rows, in collection order; `intern` is filled in when the collection is assembled.
    rows: Vec<Row>,
    /// Its weeks in number order.
    weeks: Vec<WeekEntry>,
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

    /// [`Self::with_origins`] over shared pages: a caller that keeps its pages (the app) hands
    /// them over without copying them.
    pub fn from_shared(pages: Vec<Arc<Page>>, origins: Vec<Origin>) -> Self {
        let mut collection = Collection::default();
        collection.extend(pages, origins);
        collection
    }

    /// Add pages (with their origins, as in [`Self::with_origins`]) after those already in the
    /// collection. The result is exactly the collection built from all the pages at once, but
    /// only the interns the new pages belong to are settled again: while thousands of pages
    /// arrive in batches, each batch costs what its own interns cost.
    pub fn extend(&mut self, pages: Vec<Arc<Page>>, mut origins: Vec<Origin>) {
        if pages.is_empty() {
            return;
        }
        origins.resize(pages.len(), Origin::default());
        let mut touched: Vec<usize> = Vec::new();
        for (page, origin) in pages.into_iter().zip(origins) {
            let index = self.given.len();
            let key = interns::group_key(&page, &origin);
            let group = *self.group_index.entry(key).or_insert_with(|| {
                self.groups.push(Group::default());
                self.groups.len() - 1
            });
            self.groups[group].pages.push(index);
            if touched.last() != Some(&group) && !touched.contains(&group) {
                touched.push(group);
            }
            self.pages.push(Arc::clone(&page));
            self.given.push(page);
            self.origins.push(origin);
            self.page_interns.push(0);
            self.twin_of.push(None);
        }
        for group in touched {
            self.settle(group);
        }
        self.assemble();
    }

    /// Run the cross-page passes over one group's pages, as given, and keep their results.
    fn settle(&mut self, group: usize) {
        let members = std::mem::take(&mut self.groups[group].pages);
        let mut pages: Vec<Arc<Page>> = members
            .iter()
            .map(|&i| Arc::clone(&self.given[i]))
            .collect();
        let origins: Vec<Origin> = members.iter().map(|&i| self.origins[i].clone()).collect();
        let found = interns::identify(&mut pages, &origins);
        let local = &found.page_identity;
        let ids: Vec<String> = pages.iter().map(|p| twins::twin_id(&p.source)).collect();
        date_order::resolve(&mut pages, local, &ids);
        date_order::years_from_neighbours(&mut pages, local);
        let twin_of = twins::fold(&pages, local, &ids);
        let flagged = sanity::check(&mut pages, local);
        // Keys only: names and order are the collection's to decide.
        let keyed: Vec<Internship> = found
            .identities
            .iter()
            .map(|identity| Internship {
                key: identity.key.clone(),
                name: String::new(),
            })
            .collect();
        let weeks = weeks::entries(&pages, local, &keyed);
        let rows = rows(&pages, local, &twin_of, &flagged);

        let mut interns: Vec<GroupIntern> = found
            .identities
            .into_iter()
            .map(|identity| GroupIntern {
                identity,
                first_page: usize::MAX,
                rows: Vec::new(),
                weeks: Vec::new(),
            })
            .collect();
        for (k, &id) in local.iter().enumerate() {
            interns[id].first_page = interns[id].first_page.min(members[k]);
        }
        for mut row in rows {
            let id = row.intern as usize;
            row.page = members[row.page as usize] as u32;
            row.twin_of = row.twin_of.map(|t| members[t as usize] as u32);
            interns[id].rows.push(row);
        }
        for mut week in weeks {
            let id = local[week.pages[0]];
            for page in &mut week.pages {
                *page = members[*page];
            }
            interns[id].weeks.push(week);
        }
        for (k, page) in pages.into_iter().enumerate() {
            self.pages[members[k]] = page;
            self.twin_of[members[k]] = twin_of[k].map(|t| members[t]);
        }
        self.groups[group] = Group {
            pages: members,
            interns,
            page_intern: found.page_identity,
        };
    }

    /// Put the groups together: intern names and order over the whole collection, then rows
    /// and weeks in that order.
    fn assemble(&mut self) {
        // Interns numbered by first page, as a single pass over all pages numbers them.
        let mut all: Vec<(usize, usize, usize)> = Vec::new();
        for (g, group) in self.groups.iter().enumerate() {
            for (k, intern) in group.interns.iter().enumerate() {
                all.push((intern.first_page, g, k));
            }
        }
        all.sort_unstable();
        let identities: Vec<Identity> = all
            .iter()
            .map(|&(_, g, k)| self.groups[g].interns[k].identity.clone())
            .collect();
        let (internships, rank) = interns::order(&identities);
        let mut by_rank: Vec<(usize, usize)> = vec![(0, 0); all.len()];
        let mut group_rank: Vec<Vec<usize>> = self
            .groups
            .iter()
            .map(|g| vec![0; g.interns.len()])
            .collect();
        for (id, &(_, g, k)) in all.iter().enumerate() {
            by_rank[rank[id]] = (g, k);
            group_rank[g][k] = rank[id];
        }
        for (group, ranks) in self.groups.iter().zip(&group_rank) {
            for (&page, &local) in group.pages.iter().zip(&group.page_intern) {
                self.page_interns[page] = ranks[local];
            }
        }
        self.rows.clear();
        self.weeks.clear();
        for (position, &(g, k)) in by_rank.iter().enumerate() {
            let intern = &self.groups[g].interns[k];
            self.rows.extend(intern.rows.iter().map(|row| Row {
                intern: position as u32,
                ..*row
            }));
            self.weeks.extend(intern.weeks.iter().cloned());
        }
        self.internships = internships;
    }

    /// Were these collection's pages given as the first pages of `pages` (the same shared
    /// pages, in the same order)? Then [`Self::extend`] with the rest gives the collection of
    /// all of `pages`.
    pub fn is_prefix_of<'a>(&self, pages: impl ExactSizeIterator<Item = &'a Arc<Page>>) -> bool {
        self.given.len() <= pages.len()
            && self.given.iter().zip(pages).all(|(a, b)| Arc::ptr_eq(a, b))
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
