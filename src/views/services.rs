//! Services: a heat map of services (rows, grouped by category, sorted by total) × weeks
//! (columns) with task counts; a cell click filters the tasks to that service and week. And a
//! bar chart of the most mentioned services. With several interns, `heat=interns` shows interns ×
//! service categories instead (`components::intern_heat`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use leptos::prelude::*;
use worklog::query::{HeatAxis, View, WeekRange};
use worklog::Collection;

use crate::components::chips::short_name;
use crate::components::intern_heat::InternHeatMap;
use crate::i18n::{messages, num, text, tr, use_lang, Msg};
use crate::state::{AppState, TaskRef};

/// The group of services the catalogue puts in no category (shown translated).
const OTHER_CATEGORY: &str = "Other";

/// How many services the bar chart shows.
const TOP: usize = 15;

#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: String,
    name: String,
    total: usize,
    /// Count per week column.
    cells: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Heat {
    weeks: Vec<u32>,
    /// (category, rows) in order of category total.
    groups: Vec<(String, Vec<Row>)>,
    max: usize,
}

fn heat(collection: &Collection, rows: &[TaskRef]) -> Heat {
    let mut weeks = BTreeSet::new();
    let mut counts: HashMap<(String, u32), usize> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut totals: HashMap<String, usize> = HashMap::new();
    for r in rows {
        let Some((_, task)) = r.resolve(collection) else {
            continue;
        };
        // The task's own week: a single-file or multi-week page spreads over many.
        let Some(week) = r.week else { continue };
        weeks.insert(week);
        let mut seen = BTreeSet::new();
        for s in &task.services {
            if !seen.insert(&s.id) {
                continue;
            }
            names.entry(s.id.clone()).or_insert_with(|| s.name.clone());
            *counts.entry((s.id.clone(), week)).or_default() += 1;
            *totals.entry(s.id.clone()).or_default() += 1;
        }
    }
    let weeks: Vec<u32> = weeks.into_iter().collect();
    let mut by_category: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut max = 0;
    for (id, total) in totals {
        let cells: Vec<usize> = weeks
            .iter()
            .map(|w| counts.get(&(id.clone(), *w)).copied().unwrap_or(0))
            .collect();
        max = max.max(cells.iter().copied().max().unwrap_or(0));
        let category = crate::catalogue::category_of(&id)
            .unwrap_or(OTHER_CATEGORY)
            .to_string();
        by_category.entry(category).or_default().push(Row {
            name: names.get(&id).cloned().unwrap_or_else(|| id.clone()),
            id,
            total,
            cells,
        });
    }
    let mut groups: Vec<(String, Vec<Row>)> = by_category
        .into_iter()
        .map(|(c, mut rows)| {
            rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
            (c, rows)
        })
        .collect();
    let group_total = |rows: &Vec<Row>| rows.iter().map(|r| r.total).sum::<usize>();
    groups.sort_by(|a, b| {
        group_total(&b.1)
            .cmp(&group_total(&a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    Heat { weeks, groups, max }
}

#[component]
pub fn ServicesView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let data = Memo::new(move |_| {
        let collection = state.collection.get();
        let rows = state.rows.get();
        heat(&collection, &rows)
    });
    let open = move |id: String, week: u32| {
        state.navigate(true, move |vs| {
            vs.filter.services = vec![id];
            vs.filter.weeks = vec![WeekRange::single(week)];
            vs.view = View::Tasks;
        })
    };
    let filter_service = move |id: String| {
        state.navigate(true, move |vs| {
            vs.filter.services = vec![id];
            vs.view = View::Tasks;
        })
    };

    let table = move || {
        let h = data.get();
        let lang = lang.get();
        if h.groups.is_empty() {
            return view! {
                <p class="empty-note">{text(Msg::NoServiceMentioned, lang)}</p>
            }
            .into_any();
        }
        let max = h.max.max(1) as f64;
        let weeks = h.weeks.clone();
        view! {
            <div class="heatmap-wrap">
                <table class="heatmap" data-testid="heatmap">
                    <caption class="visually-hidden">{text(Msg::HeatmapCaption, lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(Msg::Service, lang)}</th>
                            {weeks.iter().map(|&w| view! { <th scope="col" class="week-col" title=messages::week_n(lang, w)>{messages::week_short(lang, w)}</th> }).collect_view()}
                            <th scope="col">{text(Msg::Total, lang)}</th>
                        </tr>
                    </thead>
                    {h
                        .groups
                        .into_iter()
                        .map(|(category, rows)| {
                            let weeks = weeks.clone();
                            // Category names are the catalogue's (AWS's, in English); only the
                            // catch-all group is translated.
                            let category = if category == OTHER_CATEGORY {
                                text(Msg::OtherCategory, lang).to_string()
                            } else {
                                category
                            };
                            view! {
                                <tbody>
                                    <tr class="category-row">
                                        <th scope="colgroup" colspan=weeks.len() + 2>{category}</th>
                                    </tr>
                                    {rows
                                        .into_iter()
                                        .map(|row| {
                                            let cells = row
                                                .cells
                                                .iter()
                                                .zip(weeks.iter())
                                                .map(|(&count, &week)| {
                                                    if count == 0 {
                                                        return view! { <td class="heat empty"></td> }.into_any();
                                                    }
                                                    let id = row.id.clone();
                                                    let level = 0.15 + 0.85 * (count as f64 / max);
                                                    view! {
                                                        <td
                                                            class={ if level > 0.6 { "heat hot" } else { "heat" } }
                                                            data-testid="heatmap-cell"
                                                            data-service=row.id.clone()
                                                            data-week=week
                                                            // A custom property set through the CSSOM: allowed by the strict CSP (no inline style).
                                                            style=("--heat", format!("{level:.2}"))
                                                        >
                                                            <button
                                                                type="button"
                                                                title=messages::heat_title(lang, &row.name, count, week)
                                                                aria-label=messages::heat_label(lang, &row.name, count, week)
                                                                on:click=move |_| open(id.clone(), week)
                                                            >
                                                                {num(count, lang)}
                                                            </button>
                                                        </td>
                                                    }
                                                    .into_any()
                                                })
                                                .collect_view();
                                            view! {
                                                <tr data-service=row.id.clone()>
                                                    <th scope="row" title=row.name.clone()>{short_name(&row.name).to_string()}</th>
                                                    {cells}
                                                    <td class="total">{num(row.total, lang)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            }
                        })
                        .collect_view()}
                </table>
            </div>
        }
        .into_any()
    };

    let bars = move || {
        let mut all: Vec<(String, String, usize)> = data.with(|h| {
            h.groups
                .iter()
                .flat_map(|(_, rows)| rows.iter().map(|r| (r.id.clone(), r.name.clone(), r.total)))
                .collect()
        });
        all.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        all.truncate(TOP);
        let lang = lang.get();
        let max = all.first().map(|a| a.2).unwrap_or(1).max(1) as f64;
        all.into_iter()
            .map(|(id, name, total)| {
                let pct = 100.0 * total as f64 / max;
                let key = id.clone();
                view! {
                    <li data-testid="top-service" data-service=id.clone()>
                        <button type="button" class="bar-row" title=name.clone() on:click=move |_| filter_service(key.clone())>
                            <span class="bar-label">{short_name(&name).to_string()}</span>
                            <span class="bar-track">
                                <span class="bar-fill" style=("--fill", format!("{pct:.1}%"))></span>
                            </span>
                            <span class="bar-value">{num(total, lang)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    let axis = Memo::new(move |_| state.vs.with(|v| v.heat));
    view! {
        <section class="services-view" aria-label=tr(Msg::ViewServices)>
            <HeatAxisSwitch axis=axis />
            {move || match axis.get() {
                HeatAxis::Weeks => view! { <h2>{tr(Msg::ServicesByWeek)}</h2> {table} }.into_any(),
                HeatAxis::Interns => view! { <h2>{tr(Msg::ServicesByIntern)}</h2> <InternHeatMap /> }.into_any(),
            }}
            <h2>{tr(Msg::MostMentioned)}</h2>
            <ol class="top-services">{bars}</ol>
        </section>
    }
}

/// Services × weeks or interns × categories (`heat=`); shown when several interns are loaded
/// (or `heat=interns` is in the URL).
#[component]
fn HeatAxisSwitch(axis: Memo<HeatAxis>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let several = move || state.collection.with(|c| c.internships().len() > 1);
    view! {
        <Show when=move || several() || axis.get() != HeatAxis::Weeks>
            <fieldset class="heat-axis" data-testid="heat-axis">
                <legend>{tr(Msg::HeatColumns)}</legend>
                {[(HeatAxis::Weeks, Msg::HeatWeeks), (HeatAxis::Interns, Msg::HeatInterns)]
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <label class="inline">
                                <input
                                    type="radio"
                                    name="heat"
                                    value=value.as_str()
                                    prop:checked=move || axis.get() == value
                                    on:change=move |_| state.navigate(true, move |vs| vs.heat = value)
                                />
                                {tr(label)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </Show>
    }
}
