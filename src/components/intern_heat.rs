//! The services heat map by intern (`view=services&heat=interns`): interns (rows) × service
//! categories (columns), each cell the number of matching tasks naming a service of that
//! category; a cell opens those tasks (`view=tasks&source=<key>&category=<category>`).

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use worklog::query::View;
use worklog::Collection;

use crate::i18n::cohort::intern_heat_label;
use crate::i18n::{num, text, use_lang, Msg};
use crate::state::{AppState, TaskRef};

/// The group of services the catalogue puts in no category (shown translated).
const OTHER_CATEGORY: &str = "Other";

#[derive(Debug, Clone, PartialEq, Default)]
struct InternHeat {
    /// Categories with at least one task, most tasks first.
    categories: Vec<String>,
    /// (intern key, intern name, count per category, total), by name.
    interns: Vec<(String, String, Vec<usize>, usize)>,
    max: usize,
}

fn intern_heat(collection: &Collection, rows: &[TaskRef]) -> InternHeat {
    let mut counts: BTreeMap<(u32, &'static str), usize> = BTreeMap::new();
    let mut totals: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut interns: BTreeSet<u32> = BTreeSet::new();
    for r in rows {
        let Some((_, task)) = r.resolve(collection) else {
            continue;
        };
        // A task naming two services of one category counts once for it.
        let categories: BTreeSet<&'static str> = task
            .services
            .iter()
            .map(|s| crate::catalogue::category_of(&s.id).unwrap_or(OTHER_CATEGORY))
            .collect();
        for category in categories {
            interns.insert(r.intern);
            *counts.entry((r.intern, category)).or_default() += 1;
            *totals.entry(category).or_default() += 1;
        }
    }
    let mut categories: Vec<(&'static str, usize)> = totals.into_iter().collect();
    categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut max = 0;
    let mut lines: Vec<(String, String, Vec<usize>, usize)> = interns
        .into_iter()
        .filter_map(|i| {
            let intern = collection.internships().get(i as usize)?;
            let cells: Vec<usize> = categories
                .iter()
                .map(|(c, _)| counts.get(&(i, *c)).copied().unwrap_or(0))
                .collect();
            max = max.max(cells.iter().copied().max().unwrap_or(0));
            let total = cells.iter().sum();
            Some((intern.key.clone(), intern.name.clone(), cells, total))
        })
        .collect();
    lines.sort_by(|a, b| {
        a.1.to_lowercase()
            .cmp(&b.1.to_lowercase())
            .then_with(|| a.0.cmp(&b.0))
    });
    InternHeat {
        categories: categories.into_iter().map(|(c, _)| c.to_string()).collect(),
        interns: lines,
        max,
    }
}

#[component]
pub fn InternHeatMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let data = Memo::new(move |_| intern_heat(&state.collection.get(), &state.rows.get()));
    let open = move |key: String, category: String| {
        state.navigate(true, move |vs| {
            vs.filter.sources = vec![key];
            vs.filter.categories = vec![category];
            vs.view = View::Tasks;
        })
    };
    move || {
        let h = data.get();
        let lang = lang.get();
        if h.interns.is_empty() {
            return view! { <p class="empty-note">{text(Msg::NoServiceMentioned, lang)}</p> }
                .into_any();
        }
        let max = h.max.max(1) as f64;
        let shown = |c: &str| {
            if c == OTHER_CATEGORY {
                text(Msg::OtherCategory, lang).to_string()
            } else {
                c.to_string()
            }
        };
        let header = h
            .categories
            .iter()
            .map(|c| view! { <th scope="col" class="cat-col"><span>{shown(c)}</span></th> })
            .collect_view();
        let categories = h.categories.clone();
        let rows = h
            .interns
            .into_iter()
            .map(|(key, name, cells, total)| {
                let cells = cells
                    .into_iter()
                    .zip(categories.iter())
                    .map(|(count, category)| {
                        if count == 0 {
                            return view! { <td class="heat empty"></td> }.into_any();
                        }
                        let level = 0.15 + 0.85 * (count as f64 / max);
                        let label = intern_heat_label(lang, &name, &shown(category), count);
                        let (key, category) = (key.clone(), category.clone());
                        view! {
                            <td
                                class={ if level > 0.6 { "heat hot" } else { "heat" } }
                                data-testid="intern-heat-cell"
                                // A custom property set through the CSSOM: allowed by the strict CSP (no inline style).
                                style=("--heat", format!("{level:.2}"))
                            >
                                <button
                                    type="button"
                                    title=label.clone()
                                    aria-label=label
                                    on:click=move |_| open(key.clone(), category.clone())
                                >
                                    {num(count, lang)}
                                </button>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                view! {
                    <tr data-testid="intern-heat-row" data-key=key.clone()>
                        <th scope="row" title=key.clone()>{name.clone()}</th>
                        {cells}
                        <td class="total">{num(total, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="heatmap-wrap">
                <table class="heatmap intern-heatmap" data-testid="intern-heatmap">
                    <caption class="visually-hidden">{text(Msg::InternHeatCaption, lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(Msg::Intern, lang)}</th>
                            {header}
                            <th scope="col">{text(Msg::Total, lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixtures::{collection, page};

    #[test]
    fn one_line_per_intern_one_column_per_category() {
        let c = collection(vec![
            page(
                "alice/content/1-Worklog/1.1-Week1/_index.md",
                &[
                    (
                        "2",
                        "2025-09-08",
                        "Created an Amazon S3 bucket and an Amazon EC2 instance",
                    ),
                    ("3", "2025-09-09", "Uploaded files to Amazon S3"),
                ],
            ),
            page(
                "bob/content/1-Worklog/1.1-Week1/_index.md",
                &[("2", "2025-09-08", "Wrote an AWS Lambda function")],
            ),
        ]);
        let rows: Vec<TaskRef> = c.rows().to_vec();
        let h = intern_heat(&c, &rows);
        assert_eq!(h.interns.len(), 2);
        let alice = &h.interns[0];
        assert_eq!(alice.1, "alice");
        // Storage twice (two tasks), compute once: a task counts once per category.
        let storage = h
            .categories
            .iter()
            .position(|c| c == "Storage")
            .expect("storage");
        assert_eq!(alice.2[storage], 2);
        assert_eq!(h.max, 2);
    }
}
