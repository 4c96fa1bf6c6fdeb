//! Facet counts: per option, how many rows the filter would show with that option added.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::matcher::{catalogue_view, KindMatches};
use super::{task_weeks, Filter};
use crate::collection::Collection;
use crate::model::Language;
use crate::similar::Similarity;

/// One option of a facet with the number of tasks it would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount<T> {
    /// What goes into the filter (service id, category slug, week number, ...).
    pub value: T,
    /// What a person reads (service name, category name); equals the value when there is none.
    pub label: String,
    pub count: usize,
    /// Whether this option is part of the current filter.
    pub selected: bool,
}

/// Counts for each facet kind. Each kind is counted under the filter *without* its own
/// selection, so selecting more options of one kind is an OR the counts predict.
/// String facets are sorted by count (descending) then label; weeks by number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub services: Vec<FacetCount<String>>,
    pub categories: Vec<FacetCount<String>>,
    pub weeks: Vec<FacetCount<u32>>,
    pub languages: Vec<FacetCount<Language>>,
    pub sources: Vec<FacetCount<String>>,
    /// Tasks matching the whole filter.
    pub total: usize,
}

/// A service seen while counting facets, with its catalogue facts looked up once.
#[derive(Debug)]
struct SeenService<'a> {
    id: &'a str,
    name: &'a str,
    parent: Option<usize>,
    category: Option<usize>,
    count: usize,
    stamp: Option<(usize, usize)>,
}

#[derive(Debug)]
struct SeenCategory {
    id: &'static str,
    name: &'static str,
    count: usize,
    stamp: Option<(usize, usize)>,
}

/// Facet tallies with interned ids: one hash lookup per task service, catalogue lookups once
/// per distinct id.
#[derive(Debug, Default)]
struct Tally<'a> {
    index: HashMap<&'a str, usize>,
    services: Vec<SeenService<'a>>,
    category_index: HashMap<&'static str, usize>,
    categories: Vec<SeenCategory>,
}

impl<'a> Tally<'a> {
    /// Intern a service id (and its ancestors), returning its index.
    fn service(&mut self, id: &'a str, name: &'a str, depth: usize) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.services.len();
        self.index.insert(id, i);
        let category = catalogue_view::category(id).map(|c| {
            *self.category_index.entry(c.id).or_insert_with(|| {
                self.categories.push(SeenCategory {
                    id: c.id,
                    name: c.name,
                    count: 0,
                    stamp: None,
                });
                self.categories.len() - 1
            })
        });
        self.services.push(SeenService {
            id,
            name,
            parent: None,
            category,
            count: 0,
            stamp: None,
        });
        // The catalogue is a shallow tree; the depth bound only guards against bad data.
        if depth < 8 {
            if let Some(parent) = catalogue_view::parent(id) {
                let parent_name = crate::services::catalogue()
                    .get(parent)
                    .map_or(parent, |e| e.short);
                let p = self.service(parent, parent_name, depth + 1);
                self.services[i].parent = Some(p);
            }
        }
        i
    }

    /// Count a task once for each of its services and their ancestors.
    fn count_services(&mut self, task_services: &[usize], stamp: (usize, usize)) {
        for &start in task_services {
            let mut at = Some(start);
            for _ in 0..8 {
                let Some(i) = at else { break };
                let seen = &mut self.services[i];
                if seen.stamp != Some(stamp) {
                    seen.stamp = Some(stamp);
                    seen.count += 1;
                }
                at = seen.parent;
            }
        }
    }

    /// Count a task once for each category among its services.
    fn count_categories(&mut self, task_services: &[usize], stamp: (usize, usize)) {
        for &i in task_services {
            if let Some(c) = self.services[i].category {
                let seen = &mut self.categories[c];
                if seen.stamp != Some(stamp) {
                    seen.stamp = Some(stamp);
                    seen.count += 1;
                }
            }
        }
    }
}

/// Facet counts over a collection's rows; the source facet lists its interns (key, name).
/// While no language is chosen, folded language twins count only in the language facet
/// (choosing a language shows all of its rows).
/// The similar-rows kind (`filter.similar`) narrows every facet like any other kind; the
/// similar rows are computed when it needs them ([`facets_with`] takes them computed).
pub fn facets(collection: &Collection, filter: &Filter) -> Facets {
    facets_with(collection, filter, None)
}

/// [`facets`] with the collection's similar rows already computed (`None`: computed when the
/// filter needs them).
pub fn facets_with(
    collection: &Collection,
    filter: &Filter,
    similarity: Option<&Similarity>,
) -> Facets {
    let m = filter.matcher_in(collection, similarity);
    let fold = m.folds_twins();
    let mut tally = Tally::default();
    let mut weeks: BTreeMap<u32, usize> = BTreeMap::new();
    let mut languages: BTreeMap<Language, usize> = BTreeMap::new();
    let mut source_counts: BTreeMap<usize, usize> = BTreeMap::new();
    let mut total = 0;
    // Interned services of the current task, reused across tasks.
    let mut task_services: Vec<usize> = Vec::new();
    let pages = collection.pages();

    for (row_no, row) in collection.rows().iter().enumerate() {
        let Some(k) = m.row_kinds(collection, row) else {
            continue;
        };
        let page = &pages[row.page as usize];
        let task = &page.tasks[row.task as usize];
        if (KindMatches {
            language: true,
            ..k
        })
        .all()
        {
            if let Some(l) = row.language {
                *languages.entry(l).or_default() += 1;
            }
        }
        if fold && row.twin_of.is_some() {
            continue;
        }
        if k.all() {
            total += 1;
        }
        let count_services = (KindMatches { service: true, ..k }).all();
        let count_categories = (KindMatches {
            category: true,
            ..k
        })
        .all();
        if count_services || count_categories {
            task_services.clear();
            for s in &task.services {
                task_services.push(tally.service(&s.id, &s.name, 0));
            }
            // A stamp unique to this row makes each value count once per row.
            let stamp = (row_no, 0);
            if count_services {
                tally.count_services(&task_services, stamp);
            }
            if count_categories {
                tally.count_categories(&task_services, stamp);
            }
        }
        if (KindMatches { week: true, ..k }).all() {
            match row.week {
                Some(w) => *weeks.entry(w).or_default() += 1,
                None => {
                    let mut last = None;
                    for w in task_weeks(page, task) {
                        if last != Some(w) {
                            *weeks.entry(w).or_default() += 1;
                        }
                        last = Some(w);
                    }
                }
            }
        }
        if (KindMatches { source: true, ..k }).all() {
            *source_counts.entry(row.intern as usize).or_default() += 1;
        }
    }
    let sources: Vec<(String, String)> = collection
        .internships()
        .iter()
        .map(|i| (i.key.clone(), i.name.clone()))
        .collect();
    let services: Vec<(&str, (usize, &str))> = tally
        .services
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| (s.id, (s.count, s.name)))
        .collect();
    let categories: Vec<(&str, (usize, &str))> = tally
        .categories
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| (c.id, (c.count, c.name)))
        .collect();

    let mut f = filter.clone();
    f.normalize();

    let mut service_facets: Vec<FacetCount<String>> = services
        .into_iter()
        .map(|(id, (count, name))| FacetCount {
            value: id.to_string(),
            label: name.to_string(),
            count,
            selected: f.services.iter().any(|s| s == id),
        })
        .collect();
    add_missing_selected(&mut service_facets, &f.services);
    sort_facets(&mut service_facets);

    let mut category_facets: Vec<FacetCount<String>> = categories
        .into_iter()
        .map(|(value, (count, name))| FacetCount {
            selected: f.categories.iter().any(|c| c == value),
            value: value.to_string(),
            label: name.to_string(),
            count,
        })
        .collect();
    add_missing_selected(&mut category_facets, &f.categories);
    sort_facets(&mut category_facets);

    let week_facets = weeks
        .into_iter()
        .map(|(w, count)| FacetCount {
            value: w,
            label: w.to_string(),
            count,
            selected: f.weeks.iter().any(|r| r.contains(w)),
        })
        .collect();

    let language_facets = languages
        .into_iter()
        .map(|(l, count)| FacetCount {
            value: l,
            label: l.code().to_string(),
            count,
            selected: f.language == Some(l),
        })
        .collect();

    let mut source_facets: Vec<FacetCount<String>> = source_counts
        .into_iter()
        .filter_map(|(i, count)| {
            let (key, name) = sources.get(i)?;
            Some(FacetCount {
                value: key.clone(),
                label: name.clone(),
                count,
                selected: f.sources.iter().any(|s| s == key.trim_end_matches('/')),
            })
        })
        .collect();
    add_missing_selected(&mut source_facets, &f.sources);
    sort_facets(&mut source_facets);

    Facets {
        services: service_facets,
        categories: category_facets,
        weeks: week_facets,
        languages: language_facets,
        sources: source_facets,
        total,
    }
}

/// A selected option that no task has still appears (with 0) so the user can unselect it.
fn add_missing_selected(facets: &mut Vec<FacetCount<String>>, selected: &[String]) {
    for s in selected {
        if !facets.iter().any(|f| &f.value == s) {
            facets.push(FacetCount {
                value: s.clone(),
                label: s.clone(),
                count: 0,
                selected: true,
            });
        }
    }
}

fn sort_facets(facets: &mut [FacetCount<String>]) {
    facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
}
