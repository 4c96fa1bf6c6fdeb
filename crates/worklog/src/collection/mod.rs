//! A set of pages, and what can only be decided by looking at several of them: the language
//! twins of a week, neighbouring weeks of one internship, the date order of pages whose own
//! dates are ambiguous, one author per root folder.
//!
//! - An internship is the part of a path before `content/` (a Hugo site), else its top
//!   folder: `repo/content/1-Worklog/1.5-Week5/_index.md` belongs to `repo`.
//! - Language twins are the pages of one week folder (`_index.md`, `_index.vi.md`,
//!   `_index.en.md`), one file name in two languages (`week-3.en.md`, `week-3.vi.md`), or the
//!   same path under `content/en/` and `content/vi/`.
//! - A page whose slash dates read both ways (`ambiguous-date-order`) is re-read in the order
//!   whose dates match its twin's dates, else the order that puts it where its neighbouring
//!   weeks expect it. Twins often use *different* orders (the English template writes MM/DD,
//!   the Vietnamese one DD/MM), so the twin's dates are compared, never its order copied.
//!
//! Pages stay in the order given: `pages()[i]` is the i-th input page.

use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{DateOrder, Export, Language, Page, PageKind, SCHEMA_VERSION};
use crate::parse::dates::{self, AMBIGUOUS_DATE_ORDER};

/// One week of one internship: the language twins of a folder, seen as one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekEntry {
    /// Key of the internship (root folder) this week belongs to.
    pub internship: String,
    pub number: u32,
    /// Indices into [`Collection::pages`], twins of this week, English first.
    pub pages: Vec<usize>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One internship: the pages under one root folder (repository or Hugo site).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Internship {
    pub key: String,
    /// A display name: the author or repository folder.
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    pages: Vec<Page>,
    weeks: Vec<WeekEntry>,
    internships: Vec<Internship>,
}

/// Days a resolved first date may be away from where the neighbours expect it.
const NEIGHBOUR_TOLERANCE_DAYS: i64 = 45;

impl Collection {
    /// Build a collection and run the cross-page passes over it.
    pub fn new(mut pages: Vec<Page>) -> Self {
        let keys: Vec<String> = pages.iter().map(|p| internship_key(&p.source)).collect();
        resolve_date_orders(&mut pages, &keys);
        let internships = internships(&keys);
        let weeks = weeks(&pages, &keys);
        Collection {
            pages,
            weeks,
            internships,
        }
    }

    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Weeks in (internship, start date, number) order.
    pub fn weeks(&self) -> &[WeekEntry] {
        &self.weeks
    }

    pub fn internships(&self) -> &[Internship] {
        &self.internships
    }

    /// Key of the internship a page belongs to.
    pub fn internship_of(&self, page: usize) -> Option<String> {
        self.pages.get(page).map(|p| internship_key(&p.source))
    }

    /// Indices of the language twins of `page` (same week folder or file name), itself
    /// excluded.
    pub fn twins_of(&self, page: usize) -> Vec<usize> {
        let Some(source) = self.pages.get(page).map(|p| &p.source) else {
            return Vec::new();
        };
        let key = internship_key(source);
        let id = twin_id(source);
        self.pages
            .iter()
            .enumerate()
            .filter(|(j, p)| {
                *j != page && internship_key(&p.source) == key && twin_id(&p.source) == id
            })
            .map(|(j, _)| j)
            .collect()
    }

    pub fn to_export(&self) -> Export {
        Export {
            schema: SCHEMA_VERSION,
            pages: self.pages.clone(),
        }
    }
}

fn components(source: &str) -> Vec<&str> {
    source
        .split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .collect()
}

/// The internship of a path: what comes before `content/`, else the top folder, else "".
pub fn internship_key(source: &str) -> String {
    let parts = components(source);
    if let Some(at) = parts.iter().position(|c| c.eq_ignore_ascii_case("content")) {
        let prefix = if source.starts_with('/') { "/" } else { "" };
        return format!("{prefix}{}", parts[..at].join("/"));
    }
    if parts.len() > 1 {
        parts[0].to_string()
    } else {
        String::new()
    }
}

/// What twins share: the folder for `_index*.md`/`index*.md`, else folder + file stem
/// without language suffix; a language folder right under `content/` is ignored.
fn twin_id(source: &str) -> String {
    let mut parts: Vec<String> = components(source)
        .iter()
        .map(|c| c.to_lowercase())
        .collect();
    if let Some(at) = parts.iter().position(|c| c == "content") {
        if parts.get(at + 1).is_some_and(|c| c == "en" || c == "vi") {
            parts.remove(at + 1);
        }
    }
    let Some(file) = parts.pop() else {
        return String::new();
    };
    let stem = file.split('.').next().unwrap_or("");
    let bare = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    if bare == "_index" || bare == "index" {
        parts.join("/")
    } else {
        format!("{}/{stem}", parts.join("/"))
    }
}

fn internships(keys: &[String]) -> Vec<Internship> {
    let mut unique: Vec<&String> = keys.iter().collect();
    unique.sort();
    unique.dedup();
    unique
        .into_iter()
        .map(|key| Internship {
            key: key.clone(),
            name: key
                .rsplit('/')
                .find(|c| !c.is_empty())
                .unwrap_or("worklog")
                .to_string(),
        })
        .collect()
}

fn is_ambiguous(page: &Page) -> bool {
    page.diagnostics
        .iter()
        .any(|d| d.code == AMBIGUOUS_DATE_ORDER)
}

fn start_dates(page: &Page) -> HashSet<NaiveDate> {
    page.tasks.iter().filter_map(|t| t.start).collect()
}

fn first_date(page: &Page) -> Option<NaiveDate> {
    page.tasks.iter().filter_map(|t| t.start).min()
}

fn order_words(order: DateOrder) -> &'static str {
    dates::order_words(order)
}

/// Re-read ambiguous pages from their twins' dates, then from their neighbouring weeks;
/// repeated while that settles more pages (a settled page is evidence for its neighbours).
fn resolve_date_orders(pages: &mut [Page], keys: &[String]) {
    let ids: Vec<String> = pages.iter().map(|p| twin_id(&p.source)).collect();
    let mut by_internship: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        by_internship.entry(key.as_str()).or_default().push(i);
    }
    for _round in 0..4 {
        let mut changed = false;
        for members in by_internship.values() {
            for &i in members {
                if !is_ambiguous(&pages[i]) || pages[i].tasks.is_empty() {
                    continue;
                }
                let mut readings: Vec<(DateOrder, Page)> = Vec::new();
                for order in [DateOrder::Dmy, DateOrder::Mdy] {
                    let mut copy = pages[i].clone();
                    dates::reread_dates(&mut copy, order, String::new());
                    readings.push((order, copy));
                }
                let decision = from_twins(pages, members, &ids, i, &readings)
                    .or_else(|| from_neighbours(pages, members, i, &readings));
                if let Some((order, reason)) = decision {
                    dates::reread_dates(&mut pages[i], order, reason);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The order whose dates coincide with more of the twin pages' (settled) dates.
fn from_twins(
    pages: &[Page],
    members: &[usize],
    ids: &[String],
    i: usize,
    readings: &[(DateOrder, Page)],
) -> Option<(DateOrder, String)> {
    let twins: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&j| j != i && ids[j] == ids[i] && !is_ambiguous(&pages[j]))
        .collect();
    let twin_dates: HashSet<NaiveDate> =
        twins.iter().flat_map(|&j| start_dates(&pages[j])).collect();
    if twin_dates.is_empty() {
        return None;
    }
    let scores: Vec<usize> = readings
        .iter()
        .map(|(_, p)| start_dates(p).intersection(&twin_dates).count())
        .collect();
    let best = (0..readings.len()).max_by_key(|&k| scores[k])?;
    let unique = scores.iter().filter(|&&s| s == scores[best]).count() == 1;
    if scores[best] == 0 || !unique {
        return None;
    }
    let order = readings[best].0;
    let twin = twins
        .iter()
        .map(|&j| pages[j].source.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Some((
        order,
        format!(
            "Decided from the language twin ({twin}): read {}, {} of this page's dates are the twin's dates.",
            order_words(order),
            scores[best]
        ),
    ))
}

/// The order that puts the page's first date where the neighbouring weeks expect it.
fn from_neighbours(
    pages: &[Page],
    members: &[usize],
    i: usize,
    readings: &[(DateOrder, Page)],
) -> Option<(DateOrder, String)> {
    let week = pages[i].week?;
    // Settled neighbours: (week number, first date).
    let mut known: Vec<(u32, NaiveDate, &str)> = members
        .iter()
        .copied()
        .filter(|&j| j != i && !is_ambiguous(&pages[j]))
        .filter(|&j| matches!(pages[j].kind, PageKind::Week | PageKind::MultiWeek))
        .filter_map(|j| {
            Some((
                pages[j].week?,
                first_date(&pages[j])?,
                pages[j].source.as_str(),
            ))
        })
        .filter(|(n, _, _)| *n != week)
        .collect();
    known.sort_by_key(|(n, _, _)| n.abs_diff(week));
    let (n, date, source) = *known.first()?;
    let expected = if n < week {
        date.checked_add_days(Days::new(7 * u64::from(week - n)))?
    } else {
        date.checked_sub_days(Days::new(7 * u64::from(n - week)))?
    };
    let distances: Vec<Option<i64>> = readings
        .iter()
        .map(|(_, p)| first_date(p).map(|d| (d - expected).num_days().abs()))
        .collect();
    let best = (0..readings.len())
        .filter(|&k| distances[k].is_some())
        .min_by_key(|&k| distances[k])?;
    let best_distance = distances[best]?;
    let unique = distances
        .iter()
        .enumerate()
        .all(|(k, d)| k == best || d.is_none_or(|d| d > best_distance));
    if best_distance > NEIGHBOUR_TOLERANCE_DAYS || !unique {
        return None;
    }
    let order = readings[best].0;
    Some((
        order,
        format!(
            "Decided from the neighbouring week {n} ({source}, starting {date}): read {}, this week starts {} day(s) from where week {week} is expected.",
            order_words(order),
            best_distance
        ),
    ))
}

/// Week entries of Week, MultiWeek and SingleFile pages, twins grouped, in date order.
fn weeks(pages: &[Page], keys: &[String]) -> Vec<WeekEntry> {
    let mut groups: BTreeMap<(String, u32), Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if !matches!(
            page.kind,
            PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile
        ) {
            continue;
        }
        for &n in &page.weeks {
            groups.entry((keys[i].clone(), n)).or_default().push(i);
        }
    }
    let language_rank = |p: &Page| match p.language {
        Some(Language::En) => 0,
        None => 1,
        Some(Language::Vi) => 2,
    };
    let mut entries: Vec<WeekEntry> = groups
        .into_iter()
        .map(|((internship, number), mut members)| {
            members.sort_by_key(|&i| (language_rank(&pages[i]), pages[i].source.clone()));
            // A page covering several weeks dates each week by that week's tasks only.
            let dated = members
                .iter()
                .flat_map(|&i| {
                    pages[i]
                        .tasks
                        .iter()
                        .filter(move |t| t.week.is_none_or(|w| w == number))
                })
                .collect::<Vec<_>>();
            let start = dated.iter().filter_map(|t| t.start).min();
            let end = dated.iter().filter_map(|t| t.end.or(t.start)).max();
            WeekEntry {
                internship,
                number,
                pages: members,
                start,
                end,
            }
        })
        .collect();
    // Undated weeks are placed where their number puts them among the dated ones of the same
    // internship (entries are grouped by internship, so each lookup stays within its group).
    let mut dated: BTreeMap<&str, Vec<(u32, NaiveDate)>> = BTreeMap::new();
    for e in &entries {
        if let Some(start) = e.start {
            dated
                .entry(e.internship.as_str())
                .or_default()
                .push((e.number, start));
        }
    }
    let estimated: Vec<Option<NaiveDate>> = entries
        .iter()
        .map(|e| {
            e.start.or_else(|| {
                let (number, base) = *dated
                    .get(e.internship.as_str())?
                    .iter()
                    .min_by_key(|(n, _)| n.abs_diff(e.number))?;
                if number < e.number {
                    base.checked_add_days(Days::new(7 * u64::from(e.number - number)))
                } else {
                    base.checked_sub_days(Days::new(7 * u64::from(number - e.number)))
                }
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        let ea = &entries[a];
        let eb = &entries[b];
        (
            ea.internship.as_str(),
            estimated[a].unwrap_or(NaiveDate::MAX),
            ea.number,
        )
            .cmp(&(
                eb.internship.as_str(),
                estimated[b].unwrap_or(NaiveDate::MAX),
                eb.number,
            ))
    });
    let mut sorted = Vec::with_capacity(entries.len());
    let mut slots: Vec<Option<WeekEntry>> = entries.drain(..).map(Some).collect();
    for k in order {
        if let Some(entry) = slots[k].take() {
            sorted.push(entry);
        }
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_twins() {
        assert_eq!(
            internship_key("repo/content/1-Worklog/1.5-Week5/_index.md"),
            "repo"
        );
        assert_eq!(
            internship_key("/home/a/site/content/worklog/week-3.en.md"),
            "/home/a/site"
        );
        assert_eq!(internship_key("repo/Worklogs/tuan-01-x.md"), "repo");
        assert_eq!(internship_key("page.md"), "");
        assert_eq!(
            twin_id("r/content/1-Worklog/1.5-Week5/_index.vi.md"),
            twin_id("r/content/1-Worklog/1.5-Week5/_index.md")
        );
        assert_eq!(
            twin_id("r/content/worklog/week-3.en.md"),
            twin_id("r/content/worklog/week-3.vi.md")
        );
        assert_eq!(
            twin_id("r/content/en/1-worklog/week_3/_index.en.md"),
            twin_id("r/content/vi/1-worklog/week_3/_index.vi.md")
        );
        assert_ne!(
            twin_id("r/content/worklog/week-3.en.md"),
            twin_id("r/content/worklog/week-4.en.md")
        );
    }

    #[test]
    fn twin_settles_an_ambiguous_page() {
        let en = "| Task | Start Date | Completion Date |\n| --- | --- | --- |\n| Set up IAM | 03/11/2025 | 03/11/2025 |\n| Review | 03/11/2025 | 03/11/2025 |\n";
        let vi = "| Công việc | Ngày bắt đầu | Ngày hoàn thành |\n| --- | --- | --- |\n| IAM | 11/03/2025 | 11/03/2025 |\n| Ôn tập | 14/03/2025 | 14/03/2025 |\n";
        let alone = crate::parse_page("s/content/1-Worklog/1.3-Week3/_index.md", en.as_bytes());
        assert!(
            is_ambiguous(&alone),
            "the fixture page must be ambiguous alone"
        );
        let vi = crate::parse_page("s/content/1-Worklog/1.3-Week3/_index.vi.md", vi.as_bytes());
        let c = Collection::new(vec![alone, vi]);
        assert!(!is_ambiguous(&c.pages()[0]));
        assert_eq!(c.pages()[0].date_order, Some(DateOrder::Mdy));
        assert_eq!(
            c.pages()[0].tasks[0].start,
            NaiveDate::from_ymd_opt(2025, 3, 11)
        );
        assert_eq!(c.twins_of(0), vec![1]);
    }
}
