//! Weeks: one card per week in date order, language twins as one card with a switch, gaps
//! between weeks shown.

use std::collections::HashMap;

use leptos::prelude::*;
use worklog::collection::WeekEntry;
use worklog::query::{Matcher, SimilarRows, WeekRange};
use worklog::{Collection, Language, Page, ServiceRef};

use crate::components::chips::ServiceChips;
use crate::components::date::DateRange;
use crate::components::item_tree::item_list;
use crate::components::page_sections::page_sections;
use crate::i18n::{messages, num, text, tr, use_lang, Msg};
use crate::state::AppState;

/// A week card's data: the entry and how many of its tasks pass the filter.
#[derive(Clone, PartialEq)]
struct Card {
    entry: WeekEntry,
    /// A page and its language twins, English first (indices into the collection's pages).
    /// Pages of the same week that are not twins get cards of their own.
    pages: Vec<usize>,
    /// Matching tasks per twin.
    counts: Vec<usize>,
    /// Weeks missing before this one in the same internship (`[6, 7]`).
    gap_before: Vec<u32>,
    /// The intern's name, shown when several are loaded.
    internship: Option<String>,
    /// The intern's key, so the card's task link selects this intern only.
    intern_key: String,
    /// The page's path when the week has several cards of one intern (not twins).
    source: Option<String>,
}

/// Matching rows per page (folded twins included: each twin counts its own rows).
fn counts_per_page(collection: &Collection, matcher: &Matcher) -> Vec<usize> {
    let mut counts = vec![0; collection.pages().len()];
    for row in collection.rows() {
        if row.week.is_some() && matcher.row_matches(collection, row) {
            counts[row.page as usize] += 1;
        }
    }
    counts
}

fn cards(collection: &Collection, matcher: &Matcher, filtering: bool) -> Vec<Card> {
    let names: HashMap<&str, &str> = collection
        .internships()
        .iter()
        .map(|i| (i.key.as_str(), i.name.as_str()))
        .collect();
    let several = collection.internships().len() > 1;
    let per_page = counts_per_page(collection, matcher);
    let mut out: Vec<Card> = Vec::new();
    let mut last: Option<(String, u32)> = None;
    for entry in collection.weeks() {
        // One group per page shown in its own right, with the twins folded under it.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &entry.pages {
            let head = collection.twin_of(i).unwrap_or(i);
            match groups.iter_mut().find(|g| g[0] == head) {
                Some(group) => group.push(i),
                None if head == i => groups.push(vec![i]),
                None => groups.push(vec![head, i]),
            }
        }
        let separate = groups.len() > 1;
        for group in groups {
            let pages: Vec<usize> = group
                .into_iter()
                .filter(|&i| matcher.page_matches_in(collection, i))
                .collect();
            // A page covering several weeks counts only this week's rows.
            let counts: Vec<usize> = pages
                .iter()
                .map(|&i| {
                    let page = &collection.pages()[i];
                    if page.weeks.len() > 1 {
                        collection
                            .rows()
                            .iter()
                            .filter(|r| r.page as usize == i && r.week == Some(entry.number))
                            .filter(|r| matcher.row_matches(collection, r))
                            .count()
                    } else {
                        per_page[i]
                    }
                })
                .collect();
            if pages.is_empty() || (filtering && counts.iter().all(|&c| c == 0)) {
                continue;
            }
            let gap_before = match &last {
                Some((internship, prev))
                    if *internship == entry.internship && entry.number > prev + 1 =>
                {
                    (prev + 1..entry.number).collect()
                }
                _ => Vec::new(),
            };
            last = Some((entry.internship.clone(), entry.number));
            out.push(Card {
                internship: several
                    .then(|| names.get(entry.internship.as_str()).map(|n| n.to_string()))
                    .flatten(),
                intern_key: entry.internship.clone(),
                source: separate.then(|| collection.pages()[pages[0]].source.clone()),
                entry: entry.clone(),
                pages,
                counts,
                gap_before,
            });
        }
    }
    out
}

/// Services of a page (tasks, objectives, achievements), most mentioned first.
fn page_services(page: &Page) -> Vec<ServiceRef> {
    worklog::services::page_services(page)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// Week cards rendered per batch.
const WEEKS_BATCH: usize = 60;

#[component]
pub fn WeeksView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cards = Memo::new(move |_| {
        let collection = state.collection.get();
        // With a filter set, weeks without a matching task are left out.
        state.filter.with(|f| {
            // The similar rows, only when the filter needs them (`similar=hide|only`).
            let similar = (f.similar != SimilarRows::Show).then(|| state.similarity.get());
            let matcher = f.matcher_in(&collection, similar.as_deref());
            cards(&collection, &matcher, !f.is_empty())
        })
    });
    // Cards are built in batches: a collection of a thousand weeks opens at once, and the
    // rest is one click away.
    let (shown, set_shown) = signal(WEEKS_BATCH);
    let hidden = move || cards.with(|c| c.len().saturating_sub(shown.get()));
    let lang = use_lang();
    view! {
        <section class="weeks-view" aria-label=tr(Msg::ViewWeeks)>
            <Show
                when=move || cards.with(|c| !c.is_empty())
                fallback=|| view! { <p class="empty-note">{tr(Msg::NoWeekMatches)}</p> }
            >
                <ol class="week-list">
                    <For
                        each=move || {
                            let n = shown.get();
                            cards.with(|c| c.iter().take(n).cloned().collect::<Vec<_>>())
                        }
                        key=|c| (c.entry.internship.clone(), c.entry.number, c.pages.clone(), c.counts.clone(), c.internship.clone(), c.source.clone(), c.gap_before.clone())
                        children=move |card| view! { <WeekCard card=card /> }
                    />
                </ol>
                <Show when=move || { hidden() > 0 }>
                    <p class="more">
                        <button type="button" id="more-weeks" on:click=move |_| set_shown.update(|n| *n += WEEKS_BATCH)>
                            {move || messages::show_more_weeks(lang.get(), hidden().min(WEEKS_BATCH), hidden())}
                        </button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn WeekCard(card: Card) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let number = card.entry.number;
    let gap = card.gap_before.clone();
    let twins: Vec<(usize, Option<Language>)> = card
        .pages
        .iter()
        .enumerate()
        .map(|(slot, &i)| {
            (
                slot,
                state
                    .collection
                    .with_untracked(|c| c.pages().get(i).and_then(|p| p.language)),
            )
        })
        .collect();
    // The twin shown: the one clicked, else the page in the chosen page language (`lang=`),
    // else the page in the interface language (`ui=`), else the first (docs/url-parameters.md).
    let (picked, set_shown) = signal(None::<usize>);
    let languages: Vec<Option<Language>> = twins.iter().map(|&(_, l)| l).collect();
    let shown = Memo::new(move |_| {
        picked.get().unwrap_or_else(|| {
            let preferred = state
                .filter
                .with(|f| f.language)
                .unwrap_or_else(|| lang.get());
            languages
                .iter()
                .position(|&l| l == Some(preferred))
                .unwrap_or(0)
        })
    });
    let pages = card.pages.clone();
    let counts = card.counts.clone();
    let twin_counts = card.counts.clone();
    let entry = card.entry.clone();
    let intern_key = card.intern_key.clone();
    let several = card.internship.is_some();
    let body = move || {
        let slot = shown.get();
        let index = *pages.get(slot).or(pages.first())?;
        let count = counts.get(slot).copied().unwrap_or(0);
        let collection = state.collection.get();
        let page = collection.pages().get(index)?.clone();
        let page_lang = page.language;
        let ui = lang.get();
        let intern_key = intern_key.clone();
        Some(view! {
            <div class="week-body" lang=page_lang.map(|l| l.code())>
                {page.title.clone().map(|t| view! { <p class="week-title">{t}</p> })}
                // Said when the reader opened a folded twin; not when the card opened on it
                // because it is in the interface language.
                {(slot > 0 && picked.get().is_some()).then(|| view! { <p class="muted small" lang=ui.code()>{text(Msg::TwinNote, ui)}</p> })}
                <p class="week-dates">
                    <DateRange start=entry.start end=entry.end />
                </p>
                {(!page.objectives.is_empty())
                    .then(|| view! { <h4 lang=ui.code()>{text(Msg::Objectives, ui)}</h4> {item_list(&page.objectives)} })}
                {(!page.achievements.is_empty())
                    .then(|| view! { <h4 lang=ui.code()>{text(Msg::Achievements, ui)}</h4> {item_list(&page.achievements)} })}
                {page_sections(&page.sections, page_lang, ui)}
                <p class="week-count">
                    <button
                        type="button"
                        class="link"
                        on:click=move |_| {
                            let key = intern_key.clone();
                            state.navigate(true, move |vs| {
                                vs.view = worklog::query::View::Tasks;
                                vs.filter.weeks = vec![WeekRange::single(number)];
                                if several {
                                    vs.filter.sources = vec![key];
                                }
                            })
                        }
                    >
                        <span data-testid="week-task-count">{num(count, ui)}</span>
                        <span lang=ui.code()>{messages::tasks_word(ui, count)}</span>
                    </button>
                </p>
                <ServiceChips services=page_services(&page) />
            </div>
        })
    };
    view! {
        {(!gap.is_empty())
            .then(|| {
                let (first, last) = (gap[0], gap[gap.len() - 1]);
                view! { <li class="week-gap" data-testid="week-gap" >{move || messages::no_worklog_for(lang.get(), first, last)}</li> }
            })}
        <li class="week-card" data-testid="week-card" data-week=number>
            <header>
                <h3>{move || messages::week_n(lang.get(), number)}</h3>
                {card.internship.clone().map(|n| view! { <span class="muted small" data-testid="week-intern">{n}</span> })}
                {card.source.clone().map(|s| view! { <span class="muted small source-path" title=tr(Msg::SeparatePage)>{s}</span> })}
                {(twins.len() > 1)
                    .then(|| {
                        view! {
                            <div class="lang-switch" role="group" aria-label=tr(Msg::Language)>
                                {twins
                                    .iter()
                                    .map(|&(slot, twin_lang)| {
                                        // Each twin shows its own task count: a fold hides no task.
                                        let code = twin_lang.map(|l| l.code().to_uppercase()).unwrap_or_else(|| "?".into());
                                        let n = twin_counts.get(slot).copied().unwrap_or(0);
                                        let label = move || format!("{code} · {}", num(n, lang.get()));
                                        view! {
                                            <button
                                                type="button"
                                                data-lang=twin_lang.map(|l| l.code())
                                                aria-pressed=move || (shown.get() == slot).to_string()
                                                on:click=move |_| set_shown.set(Some(slot))
                                            >
                                                {label}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })}
            </header>
            {body}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixtures::{collection, week};
    use worklog::query::Filter;

    #[test]
    fn missing_weeks_show_as_a_gap() {
        let c = collection(vec![
            week(1, "en", &["2025-09-08"], "a"),
            week(2, "en", &["2025-09-15"], "b"),
            week(5, "en", &["2025-10-06"], "c"),
        ]);
        let cards = cards(&c, &Filter::default().matcher(), false);
        assert_eq!(cards.len(), 3);
        assert_eq!(cards[2].gap_before, vec![3, 4]);
        assert!(cards[1].gap_before.is_empty());
    }

    #[test]
    fn twins_make_one_card() {
        let c = collection(vec![
            week(1, "en", &["2025-09-08"], "a"),
            week(1, "vi", &["2025-09-08"], "a"),
        ]);
        let cards = cards(&c, &Filter::default().matcher(), false);
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].pages.len(), 2);
    }
}
