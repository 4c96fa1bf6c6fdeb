//! The task detail panel, opened by clicking a timeline bar.
//!
//! A non-modal dialog (`role="dialog"`, `aria-modal="false"`): it floats beside the timeline,
//! which stays usable (another bar replaces its content). Opening moves the focus into it so a
//! screen reader announces it; closing (× or Esc) gives the focus back to the bar that opened
//! it, so keyboard users keep their place.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::chips::ServiceChips;
use super::date::{weekday_name, DateRange};
use super::item_tree::{item_list, reference_list};
use crate::i18n::{messages, text, use_lang, Msg};
use crate::state::{AppState, TaskRef};

#[component]
pub fn TaskDetail() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ui = use_lang();
    let close = move || state.selected.set(None);
    let panel = NodeRef::<leptos::html::Div>::new();
    // The element that had the focus when the panel opened (the bar), to give it back.
    let opener: Rc<RefCell<Option<web_sys::Element>>> = Rc::default();
    // The selection the focus was last moved into the panel for: a re-render of the same
    // selection (pages still loading) never pulls the focus from wherever the user put it.
    let focused_for: Rc<Cell<Option<TaskRef>>> = Rc::default();
    Effect::new(move |_| {
        let selected = state.selected.get();
        let panel = panel.get();
        let active = document().active_element();
        let on_body = active.as_ref().is_none_or(|a| a.tag_name() == "BODY");
        let Some(row) = selected else {
            focused_for.set(None);
            // Only when the focus went down with the panel (on the body now).
            if let Some(opener) = opener.borrow_mut().take() {
                if on_body && opener.is_connected() {
                    focus(&opener);
                }
            }
            return;
        };
        // The panel of this selection, once mounted (the node ref changes with each new panel,
        // which runs this again).
        let Some(panel) = panel.filter(|p| p.is_connected()) else {
            return;
        };
        if focused_for.get() == Some(row) && !on_body {
            return;
        }
        let inside = active.as_ref().is_some_and(|a| panel.contains(Some(a)));
        if !inside {
            if !on_body {
                *opener.borrow_mut() = active;
            }
            let _ = panel.focus();
        }
        focused_for.set(Some(row));
    });
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
            <div class="detail" role="dialog" aria-modal="false" aria-labelledby="detail-heading" tabindex="-1" node_ref=panel data-testid="task-detail">
                <div class="detail-head">
                    <h2 id="detail-heading">
                        {selected.week.map(|w| messages::week_n(lang, w)).unwrap_or_else(|| text(Msg::Task, lang).to_string())}
                        {task.weekday.map(|d| format!(" · {}", weekday_name(d, lang)))}
                    </h2>
                    <button type="button" class="close" aria-label=text(Msg::Close, lang) on:click=move |_| close()>"×"</button>
                </div>
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
            </div>
        })
    }
}

/// Focus an element, HTML or SVG (a timeline bar is an SVG `rect`), through its own `focus`
/// method: `HTMLElement.prototype.focus` refuses an SVG element.
fn focus(element: &web_sys::Element) {
    let method = js_sys::Reflect::get(element, &JsValue::from_str("focus"));
    if let Ok(method) = method.and_then(|m| m.dyn_into::<js_sys::Function>()) {
        let _ = method.call0(element);
    }
}
