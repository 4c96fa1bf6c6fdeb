//! The app shell: header with load controls, filter panel, view tabs, the current view, and the
//! wiring to the outside world (URL, back/forward, keyboard shortcuts, drag and drop, the
//! `body[data-ready]` flag tests wait for).

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use worklog::query::View;

use crate::components::after_paint::AfterPaint;
use crate::components::detail::TaskDetail;
use crate::components::export::ExportMenu;
use crate::components::filters::Filters;
use crate::components::loader::{load_demo, LoadControls, ProgressBar};
use crate::components::set_aside::SetAside;
use crate::components::similar::SimilarDialog;
use crate::components::sources::{SourceErrors, SourceList};
use crate::components::ui_lang::UiLanguageSwitch;
use crate::i18n::{self, messages, text, tr, Msg};
use crate::load::{self, drop, files};
use crate::state::AppState;
use crate::url;
use crate::views::cohort::{provide_cohort_data, CohortView};
use crate::views::{
    diagnostics::DiagnosticsView, services::ServicesView, tasks::TasksView, timeline::TimelineView,
    weeks::WeeksView,
};

fn view_label(v: View) -> Msg {
    match v {
        View::Weeks => Msg::ViewWeeks,
        View::Tasks => Msg::ViewTasks,
        View::Timeline => Msg::ViewTimeline,
        View::Services => Msg::ViewServices,
        View::Diagnostics => Msg::ViewDiagnostics,
        View::Cohort => Msg::ViewCohort,
    }
}

fn set_body_attr(name: &str, value: &str) {
    if let Some(body) = document().body() {
        let _ = body.set_attribute(name, value);
    }
}

/// Is the keyboard focus in a text field (where `/` must type a slash)?
fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            let text_input = el.tag_name() == "INPUT"
                && !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("checkbox" | "radio" | "button" | "submit" | "file")
                );
            text_input
                || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        })
}

/// Is the event from inside a dialog (whose own Esc handling closes it)?
fn in_dialog(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("dialog").ok().flatten())
        .is_some()
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(url::read());
    provide_context(state);
    provide_cohort_data(state);
    // The interface language: `ui=`, else the browser's; `<html lang>` follows it.
    let lang = i18n::provide(state.vs);

    // Normalise the address once (canonical parameter order), without a history entry.
    url::write(&state.vs.get_untracked(), false);
    spawn_local(load::initial_load(state));
    // The date formatters' locale data, loaded while the first pages are on their way.
    let first_lang = lang.get_untracked();
    set_timeout(
        move || i18n::intl::warm_up(first_lang),
        std::time::Duration::ZERO,
    );

    Effect::new(move |_| {
        if state.ready.get() && state.similar_ready.get() && state.facets_current.get() {
            // Time from navigation start to everything loaded and parsed.
            if let Some(ms) = window().performance().map(|p| p.now()) {
                set_body_attr("data-load-ms", &format!("{ms:.0}"));
            }
            set_body_attr("data-ready", "true");
        }
    });
    Effect::new(move |_| {
        let busy = state.progress.with(|p| p.is_some())
            || state.sources.with(|s| s.iter().any(|i| i.loading));
        set_body_attr("data-busy", if busy { "true" } else { "false" });
    });

    // Back/forward: the address is the state.
    let popstate = window_event_listener(ev::popstate, move |_| {
        state.vs.set(url::read());
        load::sync_url_sources(state);
    });
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "/" && !typing_in_field(&ev) && !ev.ctrl_key() && !ev.meta_key() {
            if let Some(input) = document()
                .get_element_by_id("search")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                ev.prevent_default();
                let _ = input.focus();
            }
        } else if ev.key() == "Escape" && !in_dialog(&ev) {
            if state.selected.get_untracked().is_some() {
                state.selected.set(None);
            } else if state.filter.with_untracked(|f| !f.text.is_empty()) {
                state.navigate(true, |vs| vs.filter.text.clear());
            }
        }
    });
    on_cleanup(move || {
        popstate.remove();
        keys.remove();
    });

    let (dragging, set_dragging) = signal(false);
    let on_drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        set_dragging.set(false);
        let Some(data) = ev.data_transfer() else {
            return;
        };
        let dropped = drop::capture(&data);
        if dropped.is_empty() {
            return;
        }
        spawn_local(async move {
            let (found, mut errors) = drop::walk(dropped).await;
            let roots: Vec<String> = {
                let mut r: Vec<String> = found
                    .iter()
                    .filter_map(|(p, _)| p.split('/').next().map(str::to_string))
                    .collect();
                r.sort();
                r.dedup();
                r
            };
            let lang = lang.get_untracked();
            let label = match roots.as_slice() {
                [one] => messages::dropped(lang, one),
                _ => messages::dropped_items(lang, roots.len()),
            };
            let (raw, read_errors) = files::read_all(found).await;
            errors.extend(read_errors);
            let (raw, skipped) = load::select_markdown(raw);
            load::load_local(state, label, raw, skipped, errors).await;
        });
    };

    let current = Memo::new(move |_| state.vs.with(|v| v.view));
    // The tab title names the view, so history entries and bookmarks read well.
    Effect::new(move |_| {
        let view = text(view_label(current.get()), lang.get());
        document().set_title(&format!("{view} · Worklog Viewer"));
    });
    let has_pages = move || state.loaded.with(|l| !l.is_empty());
    // Rows shown with no filter: every task once, folded language twins counted apart.
    let total_tasks = move || {
        state.collection.with(|c| {
            let fold = state.filter.with(|f| f.language.is_none());
            c.rows()
                .iter()
                .filter(|r| !(fold && r.twin_of.is_some()))
                .count()
        })
    };

    view! {
        <div
            class="app"
            class:dragging=dragging
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                set_dragging.set(true);
            }
            on:dragleave=move |ev: ev::DragEvent| {
                if ev.related_target().is_none() {
                    set_dragging.set(false);
                }
            }
            on:drop=on_drop
        >
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <header class="topbar">
                <h1>
                    <span class="logo" aria-hidden="true">"▦"</span>
                    " Worklog Viewer"
                </h1>
                <LoadControls />
                <UiLanguageSwitch />
            </header>
            <ProgressBar />
            <SourceErrors />
            <Show when=has_pages fallback=move || view! { <EmptyState /> }>
                <div class="layout">
                    <aside class="sidebar">
                        <AfterPaint>
                            <Filters />
                        </AfterPaint>
                    </aside>
                    <main id="main" tabindex="-1">
                        <nav class="tabs" aria-label=tr(Msg::Views)>
                            {View::ALL
                                .into_iter()
                                .map(|v| {
                                    let href = move || {
                                        let mut s = state.vs.get();
                                        s.view = v;
                                        format!("?{}", s.to_query())
                                    };
                                    view! {
                                        <a
                                            href=href
                                            data-view=v.as_str()
                                            aria-current=move || (current.get() == v).then_some("page")
                                            on:click=move |ev: ev::MouseEvent| {
                                                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                                    return;
                                                }
                                                ev.prevent_default();
                                                state.navigate(true, move |vs| vs.view = v);
                                            }
                                        >
                                            {tr(view_label(v))}
                                        </a>
                                    }
                                })
                                .collect_view()}
                        </nav>
                        <div class="status">
                            <p role="status" aria-live="polite">
                                <strong data-testid="task-count">{move || i18n::num(state.rows.with(|r| r.len()), lang.get())}</strong>
                                {move || messages::of_total_tasks(lang.get(), total_tasks())}
                                {move || {
                                    let folded = state.folded.get();
                                    (folded > 0)
                                        .then(|| {
                                            view! {
                                                <span class="muted" data-testid="folded-count" title=tr(Msg::FoldedTitle)>
                                                    {move || messages::more_in_translations(lang.get(), folded)}
                                                </span>
                                            }
                                        })
                                }}
                            </p>
                            <div class="status-actions">
                                <AfterPaint>
                                    <ExportMenu />
                                    <SourceList />
                                    <SetAside />
                                </AfterPaint>
                            </div>
                        </div>
                        {move || match current.get() {
                            View::Weeks => view! { <WeeksView /> }.into_any(),
                            View::Tasks => view! { <TasksView /> }.into_any(),
                            View::Timeline => view! { <TimelineView /> }.into_any(),
                            View::Services => view! { <ServicesView /> }.into_any(),
                            View::Diagnostics => view! { <DiagnosticsView /> }.into_any(),
                            View::Cohort => view! { <CohortView /> }.into_any(),
                        }}
                    </main>
                </div>
            </Show>
            <TaskDetail />
            <SimilarDialog />
            <div class="drop-overlay" aria-hidden="true">
                <p>{tr(Msg::DropHint)}</p>
            </div>
        </div>
    }
}

/// What the page says when nothing is loaded: how to load worklogs.
#[component]
fn EmptyState() -> impl IntoView {
    let state = expect_context::<AppState>();
    let loading = move || !state.ready.get() || state.sources.with(|s| s.iter().any(|i| i.loading));
    view! {
        <main id="main" class="empty-state" data-testid="empty-state">
            <Show
                when=move || !loading()
                fallback=|| view! { <p class="loading" role="status">{tr(Msg::LoadingWorklogs)}</p> }
            >
                <h2>{tr(Msg::NoWorklogsLoaded)}</h2>
                <p>
                    {tr(Msg::EmptyIntroBefore)}
                    <code>"content/1-Worklog/…/_index.md"</code>
                    {tr(Msg::EmptyIntroAfter)}
                </p>
                <ul>
                    <li><strong>{tr(Msg::OpenFiles)}</strong>{tr(Msg::EmptyOr)}<strong>{tr(Msg::OpenFolder)}</strong>{tr(Msg::EmptyOpenAbove)}<code>"content/"</code>{tr(Msg::EmptyAreFound)}</li>
                    <li>{tr(Msg::EmptyDragDrop)}</li>
                    <li><strong>{tr(Msg::Paste)}</strong>{tr(Msg::EmptyPasteAfter)}</li>
                    <li>{tr(Msg::EmptyUrlBefore)}<code>"{\"files\": [...]}"</code>{tr(Msg::EmptyUrlLink)}<code>"?src=<url>"</code>"."</li>
                </ul>
                <button type="button" class="primary" id="load-demo" on:click=move |_| load_demo(state)>
                    {tr(Msg::LoadDemo)}
                </button>
                <SourceList />
            </Show>
        </main>
    }
}
