//! The filter panel: every facet with its count under the current filter (computed once by
//! `worklog::query::facets`), edits written straight into the URL state.

use std::time::Duration;

use leptos::prelude::*;
use worklog::query::{parse_date, FacetCount, Facets, Filter, WeekRange};
use worklog::Language;

use super::chips::short_name;
use super::date::iso;
use crate::i18n::{language_name, messages, num, text, tr, use_lang, Msg};
use crate::state::AppState;

/// How many services are listed before "show all".
const SERVICES_SHOWN: usize = 12;

#[component]
pub fn Filters() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_filter = move || state.filter.with(|f| !f.is_empty());
    let lang = use_lang();
    // Open on wide screens; folded on a phone so the results come first.
    let wide = window()
        .match_media("(min-width: 861px)")
        .ok()
        .flatten()
        .is_none_or(|m| m.matches());
    view! {
        <details class="filters" open=wide>
            <summary>
                <h2 id="filters-heading">{tr(Msg::Filters)}</h2>
                <span class="muted small">{move || if has_filter() { text(Msg::FiltersActive, lang.get()) } else { "" }}</span>
            </summary>
            <div class="filters-head">
                <button
                    type="button"
                    class="link"
                    id="clear-filters"
                    disabled=move || !has_filter()
                    on:click=move |_| state.navigate(true, |vs| vs.filter = Default::default())
                >
                    {tr(Msg::Reset)}
                </button>
            </div>
            <SearchBox />
            <ServiceFacet />
            <CheckboxFacet
                legend=Msg::Category
                testid="facet-categories"
                name="category"
                options=|f| &f.categories
                selection=|f| &mut f.categories
            />
            <WeekFacet />
            <DateFacet />
            <LanguageFacet />
            // Internships (author / repository), only when several are loaded.
            <CheckboxFacet
                legend=Msg::Internship
                testid="facet-sources"
                name="source"
                options=|f| &f.sources
                selection=|f| &mut f.sources
                min_options=2
                value_title=true
            />
            <crate::components::similar::SimilarFilter />
        </details>
    }
}

/// Pause in typing after which the search applies: each keystroke stays instant, and a
/// 20,000-task collection is filtered and re-rendered once per word rather than per letter.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(140);

/// Free text over task text. `/` focuses it and `Esc` clears it (see `app.rs`).
///
/// The box owns its text: what the user typed stays exactly as typed (spaces between and after
/// words, half-typed words, a syllable being composed by an input method). After a pause the
/// filter and the URL get the normalised text (`Filter::normalize`); the box itself is written
/// only when the search changes from elsewhere (back/forward, `Esc`, Reset, a shared link).
/// While an input method composes (Vietnamese Telex/VNI, CJK), nothing is searched: the text
/// applies when the composition is committed.
#[component]
fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<leptos::html::Input>::new();
    // Only the latest keystroke's timer applies its text.
    let generation = StoredValue::new(0u64);
    let composing = StoredValue::new(false);
    let apply_later = move |text: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    state.navigate(false, move |vs| vs.filter.text = text);
                }
            },
            SEARCH_DEBOUNCE,
        );
    };
    // The search as the filter has it; changes only when the normalised text does.
    let searched = Memo::new(move |_| state.filter.with(|f| f.text.clone()));
    Effect::new(move |_| {
        let text = searched.get();
        let Some(el) = input.get_untracked() else {
            return;
        };
        // The box already says this (perhaps with more spaces): leave the user's text alone.
        if composing.get_value() || normalized(&el.value()) == text {
            return;
        }
        // Changed from elsewhere: show it, and drop an edit still waiting to apply.
        generation.update_value(|g| *g += 1);
        el.set_value(&text);
    });
    let initial = searched.get_untracked();
    view! {
        <div class="field">
            <label for="search">{tr(Msg::SearchTasks)} <kbd>"/"</kbd></label>
            <input
                id="search"
                type="search"
                placeholder=tr(Msg::SearchPlaceholder)
                autocomplete="off"
                node_ref=input
                prop:value=initial
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |ev| {
                    composing.set_value(false);
                    apply_later(event_target_value(&ev));
                }
                on:input=move |ev| {
                    if !composing.get_value() {
                        apply_later(event_target_value(&ev));
                    }
                }
            />
        </div>
    }
}

/// The text as the filter stores it (what `Filter::normalize` makes of it).
fn normalized(text: &str) -> String {
    let mut filter = Filter {
        text: text.to_string(),
        ..Filter::default()
    };
    filter.normalize();
    filter.text
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if let Some(i) = list.iter().position(|x| *x == value) {
        list.remove(i);
    } else {
        list.push(value);
    }
}

#[component]
fn ServiceFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let (needle, set_needle) = signal(String::new());
    let (show_all, set_show_all) = signal(false);
    let options = Memo::new(move |_| {
        let needle = needle.get().to_lowercase();
        state.facets.with(|f| {
            f.services
                .iter()
                .filter(|o| {
                    needle.is_empty()
                        || o.label.to_lowercase().contains(&needle)
                        || o.value.contains(&needle)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = move || state.facets.with(|f| f.services.len());
    view! {
        <fieldset class="facet" data-testid="facet-services">
            <legend>{tr(Msg::ViewServices)}</legend>
            <Show
                when=move || { total() > 0 }
                fallback=|| view! { <p class="muted small">{tr(Msg::NoServicesYet)}</p> }
            >
                <label class="visually-hidden" for="service-search">{tr(Msg::FindService)}</label>
                <input
                    id="service-search"
                    type="search"
                    placeholder=tr(Msg::FindService)
                    autocomplete="off"
                    prop:value=needle
                    on:input=move |ev| set_needle.set(event_target_value(&ev))
                />
                <ul class="options">
                    <For
                        each=move || {
                            let limit = if show_all.get() || !needle.with(|n| n.is_empty()) {
                                usize::MAX
                            } else {
                                SERVICES_SHOWN
                            };
                            let ui = lang.get();
                            options
                                .get()
                                .into_iter()
                                .enumerate()
                                .filter(|(i, o)| *i < limit || o.selected)
                                .map(|(_, o)| (ui, o))
                                .collect::<Vec<_>>()
                        }
                        key=|(ui, o)| (*ui, o.value.clone(), o.count, o.selected)
                        children=move |(ui, o)| {
                            let id = o.value.clone();
                            view! {
                                <li>
                                    <label>
                                        <input
                                            type="checkbox"
                                            name="service"
                                            data-service=o.value.clone()
                                            value=o.value.clone()
                                            prop:checked=o.selected
                                            on:change=move |_| {
                                                let id = id.clone();
                                                state.navigate(true, move |vs| toggle(&mut vs.filter.services, id));
                                            }
                                        />
                                        <span class="option-label" title=o.label.clone()>
                                            {short_name(&o.label).to_string()}
                                        </span>
                                        <span class="count">{num(o.count, ui)}</span>
                                    </label>
                                </li>
                            }
                        }
                    />
                </ul>
                <Show when=move || { total() > SERVICES_SHOWN && needle.with(|n| n.is_empty()) }>
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| set_show_all.update(|v| *v = !*v)
                    >
                        {move || if show_all.get() { text(Msg::ShowFewer, lang.get()).to_string() } else { messages::show_all(lang.get(), total()) }}
                    </button>
                </Show>
            </Show>
        </fieldset>
    }
}

/// A facet of string options as checkboxes with counts (categories, internships): each box
/// toggles its value in one list of the filter. One component, so the facets keep the same markup.
#[component]
fn CheckboxFacet(
    /// The fieldset's legend.
    legend: Msg,
    /// The fieldset's `data-testid`.
    testid: &'static str,
    /// The `name` of every checkbox.
    name: &'static str,
    /// The facet's options in display order.
    options: fn(&Facets) -> &[FacetCount<String>],
    /// The filter list the checkboxes toggle.
    selection: fn(&mut Filter) -> &mut Vec<String>,
    /// Fewest options for which the facet is worth showing.
    #[prop(default = 1)]
    min_options: usize,
    /// Give each label its raw value as a tooltip (internship keys are paths the label shortens).
    #[prop(optional)]
    value_title: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    view! {
        <Show when=move || state.facets.with(|f| options(f).len() >= min_options)>
            <fieldset class="facet" data-testid=testid>
                <legend>{tr(legend)}</legend>
                <ul class="options">
                    <For
                        each=move || {
                            let ui = lang.get();
                            state
                                .facets
                                .with(|f| options(f).iter().map(|o| (ui, o.clone())).collect::<Vec<_>>())
                        }
                        key=|(ui, o)| (*ui, o.value.clone(), o.label.clone(), o.count, o.selected)
                        children=move |(ui, o)| {
                            let value = o.value.clone();
                            let title = value_title.then(|| o.value.clone());
                            view! {
                                <li>
                                    <label>
                                        <input
                                            type="checkbox"
                                            name=name
                                            value=o.value.clone()
                                            prop:checked=o.selected
                                            on:change=move |_| {
                                                let value = value.clone();
                                                state.navigate(true, move |vs| toggle(selection(&mut vs.filter), value));
                                            }
                                        />
                                        <span class="option-label" title=title>{o.label}</span>
                                        <span class="count">{num(o.count, ui)}</span>
                                    </label>
                                </li>
                            }
                        }
                    />
                </ul>
            </fieldset>
        </Show>
    }
}

/// Weeks: toggle single weeks, or type a range.
#[component]
fn WeekFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let range_from = NodeRef::<leptos::html::Input>::new();
    let range_to = NodeRef::<leptos::html::Input>::new();
    let apply_range = move || {
        let read = |r: NodeRef<leptos::html::Input>| {
            r.get_untracked()
                .and_then(|i| i.value().trim().parse::<u32>().ok())
        };
        let (a, b) = (read(range_from), read(range_to));
        if let Some(range) = match (a, b) {
            (Some(a), Some(b)) => Some(WeekRange::new(a, b)),
            (Some(a), None) | (None, Some(a)) => Some(WeekRange::single(a)),
            _ => None,
        } {
            state.navigate(true, move |vs| vs.filter.weeks = vec![range]);
        }
    };
    // The inputs show the selection when it is one range, and are empty otherwise.
    let range_bound = move |start: bool| {
        state.filter.with(|f| match f.weeks.as_slice() {
            [r] => (if start { r.start } else { r.end }).to_string(),
            _ => String::new(),
        })
    };
    view! {
        <Show when=move || state.facets.with(|f| !f.weeks.is_empty())>
            <fieldset class="facet" data-testid="facet-weeks">
                <legend>{tr(Msg::ViewWeeks)}</legend>
                <ul class="week-toggles">
                    {move || {
                        state
                            .facets
                            .with(|f| f.weeks.clone())
                            .into_iter()
                            .map(|o| {
                                let week = o.value;
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="week-toggle"
                                            data-week=week
                                            aria-pressed=o.selected.to_string()
                                            title=move || messages::week_tasks(lang.get(), week, o.count)
                                            on:click=move |_| {
                                                state
                                                    .navigate(
                                                        true,
                                                        move |vs| {
                                                            let single = WeekRange::single(week);
                                                            if vs.filter.weeks.iter().any(|r| r.contains(week)) {
                                                                vs.filter.weeks = split_out(&vs.filter.weeks, week);
                                                            } else {
                                                                vs.filter.weeks.push(single);
                                                            }
                                                        },
                                                    )
                                            }
                                        >
                                            {week}
                                            <span class="count">{num(o.count, lang.get())}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <div class="range">
                    <label for="week-from">{tr(Msg::FromWeek)}</label>
                    <input
                        id="week-from"
                        type="number"
                        min="0"
                        max="60"
                        node_ref=range_from
                        prop:value=move || range_bound(true)
                        on:change=move |_| apply_range()
                    />
                    <label for="week-to">{tr(Msg::ToWeek)}</label>
                    <input
                        id="week-to"
                        type="number"
                        min="0"
                        max="60"
                        node_ref=range_to
                        prop:value=move || range_bound(false)
                        on:change=move |_| apply_range()
                    />
                </div>
            </fieldset>
        </Show>
    }
}

/// Remove one week from a set of ranges, splitting the range that holds it.
fn split_out(ranges: &[WeekRange], week: u32) -> Vec<WeekRange> {
    let mut out = Vec::new();
    for r in ranges {
        if !r.contains(week) {
            out.push(*r);
            continue;
        }
        if r.start < week {
            out.push(WeekRange::new(r.start, week - 1));
        }
        if r.end > week {
            out.push(WeekRange::new(week + 1, r.end));
        }
    }
    out
}

#[component]
fn DateFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <fieldset class="facet">
            <legend>{tr(Msg::Dates)}</legend>
            <div class="range">
                <label for="date-from">{tr(Msg::DateFrom)}</label>
                <input
                    id="date-from"
                    type="date"
                    prop:value=move || state.filter.with(|f| f.from.map(iso).unwrap_or_default())
                    on:change=move |ev| {
                        let d = parse_date(&event_target_value(&ev));
                        state.navigate(true, move |vs| vs.filter.from = d);
                    }
                />
                <label for="date-to">{tr(Msg::DateTo)}</label>
                <input
                    id="date-to"
                    type="date"
                    prop:value=move || state.filter.with(|f| f.to.map(iso).unwrap_or_default())
                    on:change=move |ev| {
                        let d = parse_date(&event_target_value(&ev));
                        state.navigate(true, move |vs| vs.filter.to = d);
                    }
                />
            </div>
        </fieldset>
    }
}

#[component]
fn LanguageFacet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = use_lang();
    let count = move |lang: Language| {
        state.facets.with(|f| {
            f.languages
                .iter()
                .find(|o| o.value == lang)
                .map(|o| o.count)
                .unwrap_or(0)
        })
    };
    let set =
        move |lang: Option<Language>| state.navigate(true, move |vs| vs.filter.language = lang);
    // One language's radio with its task count ("All" has no count, so it is written out).
    let language = move |lang: Language| {
        view! {
            <label class="inline">
                <input
                    type="radio"
                    name="lang"
                    value=lang.code()
                    prop:checked=move || state.filter.with(|f| f.language == Some(lang))
                    on:change=move |_| set(Some(lang))
                />
                {move || language_name(lang, ui.get())}
                " "
                <span class="count">{move || num(count(lang), ui.get())}</span>
            </label>
        }
    };
    view! {
        <Show when=move || state.facets.with(|f| !f.languages.is_empty())>
            <fieldset class="facet" data-testid="facet-language">
                <legend>{tr(Msg::Language)}</legend>
                <label class="inline">
                    <input
                        type="radio"
                        name="lang"
                        value=""
                        prop:checked=move || state.filter.with(|f| f.language.is_none())
                        on:change=move |_| set(None)
                    />
                    {tr(Msg::AllLanguages)}
                </label>
                {language(Language::En)}
                {language(Language::Vi)}
            </fieldset>
        </Show>
    }
}
