//! Cross-page pass: the day/month order of pages whose own slash dates read both ways.
//!
//! A page whose slash dates read both ways (`ambiguous-date-order`) is re-read in the order
//! whose dates match its twin's dates, else the order that puts it where its neighbouring
//! weeks (same intern) expect it. Twins often use *different* orders (the English template
//! writes MM/DD, the Vietnamese one DD/MM), so the twin's dates are compared, never its order
//! copied.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use crate::message::OrderReason;
use crate::model::{DateOrder, Page, PageKind};
use crate::parse::dates::{self, AMBIGUOUS_DATE_ORDER};

/// Days a resolved first date may be away from where the neighbours expect it.
const NEIGHBOUR_TOLERANCE_DAYS: i64 = 45;

pub(super) fn is_ambiguous(page: &Page) -> bool {
    page.diagnostics
        .iter()
        .any(|d| d.code == AMBIGUOUS_DATE_ORDER)
}

fn start_dates(page: &Page) -> HashSet<NaiveDate> {
    page.tasks.iter().filter_map(|t| t.start).collect()
}

pub(super) fn first_date(page: &Page) -> Option<NaiveDate> {
    page.tasks.iter().filter_map(|t| t.start).min()
}

/// Re-read ambiguous pages from their twins' dates, then from their neighbouring weeks;
/// repeated while that settles more pages (a settled page is evidence for its neighbours).
pub(super) fn resolve(pages: &mut [Arc<Page>], interns: &[usize], ids: &[String]) {
    let mut by_internship: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &intern) in interns.iter().enumerate() {
        by_internship.entry(intern).or_default().push(i);
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
                    let mut copy = Page::clone(&pages[i]);
                    // Trial readings are only compared; their reason is never shown.
                    dates::reread_dates(&mut copy, OrderReason::OtherPages { order });
                    readings.push((order, copy));
                }
                let decision = from_twins(pages, members, ids, i, &readings)
                    .or_else(|| from_neighbours(pages, members, i, &readings));
                if let Some(reason) = decision {
                    dates::reread_dates(Arc::make_mut(&mut pages[i]), reason);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// Give a year to pages whose dates have none (`missing-year`: `20 July` in a table, no year on
/// the page) from the nearest dated week of the same intern: its twin first, else the closest
/// week number, moved by 7 days a week.
pub(super) fn years_from_neighbours(pages: &mut [Arc<Page>], interns: &[usize]) {
    let missing: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].week.is_some())
        .filter(|&i| {
            pages[i]
                .diagnostics
                .iter()
                .any(|d| d.code == "missing-year")
        })
        .collect();
    for i in missing {
        let week = pages[i].week.unwrap_or(0);
        let nearest = (0..pages.len())
            .filter(|&j| j != i && interns[j] == interns[i])
            .filter(|&j| matches!(pages[j].kind, PageKind::Week | PageKind::MultiWeek))
            .filter(|&j| {
                !pages[j]
                    .diagnostics
                    .iter()
                    .any(|d| d.code == "missing-year")
            })
            .filter_map(|j| Some((j, pages[j].week?, first_date(&pages[j])?)))
            .min_by_key(|&(j, n, _)| (n.abs_diff(week), pages[j].language == pages[i].language));
        let Some((j, n, date)) = nearest else {
            continue;
        };
        let near = if n <= week {
            date.checked_add_days(Days::new(7 * u64::from(week - n)))
        } else {
            date.checked_sub_days(Days::new(7 * u64::from(n - week)))
        };
        if let Some(near) = near {
            let source = dates::YearSource {
                week: n,
                page: pages[j].source.clone(),
                date,
            };
            dates::reread_year(Arc::make_mut(&mut pages[i]), near, source);
        }
    }
}

/// The order whose dates coincide with more of the twin pages' (settled) dates.
fn from_twins(
    pages: &[Arc<Page>],
    members: &[usize],
    ids: &[String],
    i: usize,
    readings: &[(DateOrder, Page)],
) -> Option<OrderReason> {
    let twins: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&j| {
            j != i
                && ids[j] == ids[i]
                && pages[j].language != pages[i].language
                && !is_ambiguous(&pages[j])
        })
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
    Some(OrderReason::Twin {
        twins: twin,
        order,
        matched: scores[best],
    })
}

/// The order that puts the page's first date where the neighbouring weeks expect it.
fn from_neighbours(
    pages: &[Arc<Page>],
    members: &[usize],
    i: usize,
    readings: &[(DateOrder, Page)],
) -> Option<OrderReason> {
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
    Some(OrderReason::Neighbour {
        week: n,
        page: source.to_string(),
        date,
        order,
        distance: best_distance,
        this_week: week,
    })
}
