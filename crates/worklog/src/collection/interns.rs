//! Cross-page pass: the intern of every page (see [`crate::intern`] for what names one).
//!
//! Pages whose path and loader name nobody are "loose": the loose pages of one load are one
//! unnamed intern's, except that one intern never has two pages of the same week and language.
//! Such a page is moved to a further unnamed intern of that load, with an `intern-split`
//! diagnostic, so two interns' `week-5.md` opened together never become one week.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::collection::Internship;
use crate::intern::{self, Identity, Origin};
use crate::model::{Diagnostic, Language, Page, PageKind};

pub const INTERN_SPLIT: &str = "intern-split";

/// Loose pages of each load: per unnamed intern of the load, its index and the (week,
/// language) pairs it already has.
type LooseInterns = BTreeMap<String, Vec<(usize, HashSet<(u32, Option<Language>)>)>>;

/// Who every page of a set belongs to, before display names and order are decided (those
/// depend on every intern of the collection, see [`order`]).
pub struct Identified {
    /// Interns in order of their first page.
    pub identities: Vec<Identity>,
    /// For every page, its index into `identities`.
    pub page_identity: Vec<usize>,
}

/// The identity of every page: the loader's, else the path's, else its load's loose intern.
pub fn identify(pages: &mut [Arc<Page>], origins: &[Origin]) -> Identified {
    let default = Origin::default();
    let mut identities: Vec<Identity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut page_identity: Vec<usize> = Vec::with_capacity(pages.len());
    // Loose pages of each load: (week, language) → already claimed, per sub-intern.
    let mut loose: LooseInterns = BTreeMap::new();
    for (i, page) in pages.iter_mut().enumerate() {
        let origin = origins.get(i).unwrap_or(&default);
        let id = match named(page, origin) {
            Some(identity) => intern_index(&mut identities, &mut index, identity),
            None => loose_intern(page, &origin.batch, &mut loose, &mut identities, &mut index),
        };
        page_identity.push(id);
    }
    Identified {
        identities,
        page_identity,
    }
}

/// The intern a page's loader or path names, if any.
pub fn named(page: &Page, origin: &Origin) -> Option<Identity> {
    origin
        .intern
        .clone()
        .or_else(|| intern::from_source(&page.source))
}

/// The group of pages whose cross-page passes can only depend on each other: one named
/// intern's pages, or all the loose pages of one load (split among unnamed interns by week).
pub fn group_key(page: &Page, origin: &Origin) -> String {
    match named(page, origin) {
        Some(identity) => identity.key,
        // NUL never occurs in a path or URL key, so a load never shares a group with a name.
        None => format!("\0loose\0{}", origin.batch),
    }
}

/// Display names (namesakes told apart) and display order of every intern: the interns as
/// listed, and each identity's rank in that list.
pub fn order(identities: &[Identity]) -> (Vec<Internship>, Vec<usize>) {
    let names = intern::display_names(identities);
    let mut order: Vec<usize> = (0..identities.len()).collect();
    order.sort_by(|&a, &b| {
        names[a]
            .to_lowercase()
            .cmp(&names[b].to_lowercase())
            .then_with(|| identities[a].key.cmp(&identities[b].key))
    });
    let mut rank = vec![0; identities.len()];
    for (position, &id) in order.iter().enumerate() {
        rank[id] = position;
    }
    let internships = order
        .iter()
        .map(|&id| Internship {
            key: identities[id].key.clone(),
            name: names[id].clone(),
        })
        .collect();
    (internships, rank)
}

fn intern_index(
    identities: &mut Vec<Identity>,
    index: &mut HashMap<String, usize>,
    identity: Identity,
) -> usize {
    if let Some(&i) = index.get(&identity.key) {
        // A later page may name an intern the first one left unnamed (a manifest entry).
        if identities[i].name.is_none() {
            identities[i].name = identity.name;
        }
        return i;
    }
    index.insert(identity.key.clone(), identities.len());
    identities.push(identity);
    identities.len() - 1
}

/// The unnamed intern of `batch` that does not yet have this page's week and language.
fn loose_intern(
    page: &mut Arc<Page>,
    batch: &str,
    loose: &mut LooseInterns,
    identities: &mut Vec<Identity>,
    index: &mut HashMap<String, usize>,
) -> usize {
    let claims: Vec<(u32, Option<Language>)> = match page.kind {
        PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile => page
            .weeks
            .iter()
            .chain(page.week.iter().filter(|_| page.weeks.is_empty()))
            .map(|&w| (w, page.language))
            .collect(),
        _ => Vec::new(),
    };
    // A key is never empty: URLs carry it (`source=`), and an empty value means "none".
    let batch = if batch.is_empty() { "loose" } else { batch };
    let subs = loose.entry(batch.to_string()).or_default();
    let free = subs
        .iter()
        .position(|(_, taken)| claims.iter().all(|c| !taken.contains(c)));
    let slot = match free {
        Some(slot) => slot,
        None => {
            let key = if subs.is_empty() {
                batch.to_string()
            } else {
                format!("{batch}#{}", subs.len() + 1)
            };
            let id = intern_index(identities, index, Identity { key, name: None });
            subs.push((id, HashSet::new()));
            if subs.len() > 1 {
                let (week, language) = claims[0];
                let split: Diagnostic = crate::message::Message::InternSplit {
                    week,
                    language,
                    count: subs.len(),
                }
                .warning(None);
                Arc::make_mut(page).diagnostics.push(split);
            }
            subs.len() - 1
        }
    };
    let (id, taken) = &mut subs[slot];
    taken.extend(claims);
    *id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_page;

    /// Interns in display order and each page's index into them.
    fn assign(pages: &mut [Arc<Page>], origins: &[Origin]) -> (Vec<Internship>, Vec<usize>) {
        let found = identify(pages, origins);
        let (internships, rank) = order(&found.identities);
        let page_interns = found.page_identity.iter().map(|&i| rank[i]).collect();
        (internships, page_interns)
    }

    fn week5(path: &str, task: &str) -> Page {
        let text = format!(
            "### Week 5 tasks\n| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | {task} | 08/09/2025 | 08/09/2025 |\n"
        );
        parse_page(path, text.as_bytes())
    }

    #[test]
    fn two_loose_week_pages_of_one_language_are_two_interns() {
        let mut pages = vec![
            Arc::new(week5("week-5.md", "Learn Amazon S3")),
            Arc::new(week5("week-5.md", "Learn AWS Lambda")),
        ];
        let origins = vec![
            Origin {
                batch: "drop-1".into(),
                intern: None,
            };
            2
        ];
        let (internships, page_interns) = assign(&mut pages, &origins);
        assert_eq!(internships.len(), 2);
        assert_ne!(page_interns[0], page_interns[1]);
        assert!(pages[0].diagnostics.iter().all(|d| d.code != INTERN_SPLIT));
        assert!(pages[1].diagnostics.iter().any(|d| d.code == INTERN_SPLIT));
    }

    #[test]
    fn folders_and_manifests_name_interns() {
        let mut pages = vec![
            Arc::new(week5("a/alice-report/content/worklog/week-5.md", "x")),
            Arc::new(week5("b/content/worklog/week-5.md", "y")),
        ];
        let origins = vec![
            Origin::default(),
            Origin {
                batch: "site".into(),
                intern: Some(Identity {
                    key: "bob/fcj".into(),
                    name: Some("Bob".into()),
                }),
            },
        ];
        let (internships, page_interns) = assign(&mut pages, &origins);
        let names: Vec<&str> = internships.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["alice-report", "Bob"]);
        assert_eq!(page_interns, [0, 1]);
    }
}
