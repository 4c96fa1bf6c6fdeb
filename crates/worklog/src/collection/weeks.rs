//! Cross-page pass: the weeks of every intern, each with its pages, in intern then week-number
//! order (a week whose dates disagree with its number is flagged by [`super::sanity`], not
//! moved).

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::collection::{Internship, WeekEntry};
use crate::model::{Language, Page, PageKind};

/// Week entries of Week, MultiWeek and SingleFile pages, twins grouped.
pub(super) fn entries(
    pages: &[Arc<Page>],
    interns: &[usize],
    internships: &[Internship],
) -> Vec<WeekEntry> {
    let mut groups: BTreeMap<(usize, u32), Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        if !matches!(
            page.kind,
            PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile
        ) {
            continue;
        }
        for &n in &page.weeks {
            groups.entry((interns[i], n)).or_default().push(i);
        }
    }
    let language_rank = |p: &Page| match p.language {
        Some(Language::En) => 0,
        None => 1,
        Some(Language::Vi) => 2,
    };
    // Keys are (intern rank, number): the map already gives the order.
    groups
        .into_iter()
        .map(|((intern, number), mut members)| {
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
                internship: internships[intern].key.clone(),
                number,
                pages: members,
                start,
                end,
            }
        })
        .collect()
}
