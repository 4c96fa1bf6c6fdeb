//! The task detail panel, opened by clicking a timeline bar.

use leptos::prelude::*;

use super::chips::ServiceChips;
use super::date::{weekday_name, DateRange};
use super::item_tree::{item_list, reference_list};
use crate::i18n::{messages, text, use_lang, Msg};
use crate::state::AppState;

#[component]
pub fn TaskDetail() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = use_lang();
    let close = move || state.selected.set(None);
    move || {
        let selected = state.selected.get()?;
        let collection = state.collection.get();
        let (page, task) = selected.resolve(&collection)?;
        let lang = ui.get();
        let source = state.source_of(selected.page as usize).map(|s| {
            if s.kind == crate::state::SourceKind::Demo {
                text(Msg::DemoWorklog, lang).to_string()
            } else {
                s.label
            }
        });
        Some(view! {
            <aside class="detail" role="dialog" aria-modal="false" aria-labelledby="detail-heading" data-testid="task-detail">
                <header>
                    <h2 id="detail-heading">
                        {selected.week.map(|w| messages::week_n(lang, w)).unwrap_or_else(|| text(Msg::Task, lang).to_string())}
                        {task.weekday.map(|d| format!(" · {}", weekday_name(d, lang)))}
                    </h2>
                    <button type="button" class="close" aria-label=text(Msg::Close, lang) on:click=move |_| close()>"×"</button>
                </header>
                <p><DateRange start=task.start end=task.end /></p>
                {selected.date_flagged.then(|| {
                    let (why, why_lang) = page
                        .diagnostics
                        .iter()
                        .filter(|d| d.line == Some(task.line))
                        .find(|d| {
                            d.code == worklog::collection::DATE_OUTSIDE_WEEK
                                || d.code == worklog::collection::WEEK_OUT_OF_ORDER
                        })
                        .map(|d| crate::i18n::diagnostics::message(d, lang))
                        .unwrap_or((String::new(), lang));
                    // In the interface language, from the diagnostic's code and arguments.
                    view! { <p class="date-flag-note" data-testid="date-flag-note">{text(Msg::DateContradictsWeek, lang)} <span lang=why_lang.code()>{why}</span></p> }
                })}
                {collection.internships().get(selected.intern as usize).filter(|_| collection.internships().len() > 1).map(|i| view! { <p class="muted small">{i.name.clone()}</p> })}
                {if task.items.is_empty() {
                    view! { <p class="task-text">{task.text.clone()}</p> }.into_any()
                } else {
                    item_list(&task.items)
                }}
                {(!task.references.is_empty()).then(|| view! { <h3>{text(Msg::References, lang)}</h3> {reference_list(&task.references)} })}
                <ServiceChips services=task.services.clone() />
                <p class="muted small">
                    {messages::source_line(lang, &page.source, task.line)}
                    {source.map(|s| messages::from_source(lang, &s))}
                </p>
            </aside>
        })
    }
}
