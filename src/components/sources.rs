//! The loaded sources: what each brought (pages, skipped files) and what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{count, messages, text, tr, use_lang, Lang, Msg, Noun};
use crate::load::{self, store};
use crate::state::{AppState, SourceInfo, SourceKind};

/// How a source is named on screen: the demo by its name in the interface language, the
/// others by the label they were loaded with (a path, a URL, a folder name).
fn shown_label(info: &SourceInfo, lang: Lang) -> String {
    match info.kind {
        SourceKind::Demo => text(Msg::DemoWorklog, lang).to_string(),
        _ => info.label.clone(),
    }
}

/// Remove one source: its pages go, and it is forgotten where it was remembered.
fn remove(state: AppState, info: &SourceInfo) {
    load::remove_sources(state, &[info.id]);
    match &info.kind {
        SourceKind::Demo => store::set_demo_hidden(true),
        SourceKind::Url(src) => {
            let src = src.clone();
            state.navigate(true, move |vs| vs.sources.retain(|s| *s != src));
        }
        SourceKind::Cohort(_) => load::cohort::unload(state),
        SourceKind::Local(key) => {
            let key = key.clone();
            spawn_local(async move {
                if let Err(err) = store::delete(&key).await {
                    leptos::logging::warn!("could not forget {key}: {err}");
                }
            });
        }
    }
}

/// Errors of every source, always visible above the views.
#[component]
pub fn SourceErrors() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let errors = Memo::new(move |_| {
        let lang = lang.get();
        state.sources.with(|s| {
            s.iter()
                .flat_map(|i| {
                    i.errors
                        .iter()
                        .map(move |e| (shown_label(i, lang), e.clone()))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="source-errors" role="alert">
                <h2 class="visually-hidden">{tr(Msg::LoadingProblems)}</h2>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(label, error)| {
                                // Errors name the file they concern; the source's own label is
                                // only added when it says something more.
                                let prefix = (!error.starts_with(&label)).then(|| view! { <strong>{label}</strong> ": " });
                                view! { <li data-testid="source-error">{prefix}{error}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The list of sources with counts and a remove button each.
#[component]
pub fn SourceList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    view! {
        <Show when=move || state.sources.with(|s| !s.is_empty())>
            <details class="sources" data-testid="sources">
                <summary>
                    {move || {
                        state
                            .sources
                            .with(|s| {
                                let pages: usize = s.iter().map(|i| i.pages).sum();
                                let skipped: usize = s.iter().map(|i| i.skipped).sum();
                                messages::sources_summary(lang.get(), s.len(), pages, skipped)
                            })
                    }}
                </summary>
                <ul>
                    {move || {
                        state
                            .sources
                            .get()
                            .into_iter()
                            .map(|info| {
                                let lang = lang.get();
                                let kind = match &info.kind {
                                    SourceKind::Demo => Msg::SourceDemo,
                                    SourceKind::Url(_) => Msg::SourceUrl,
                                    SourceKind::Local(_) => Msg::SourceLocal,
                                    SourceKind::Cohort(_) => Msg::SourceCohort,
                                };
                                let label = shown_label(&info, lang);
                                let remembered = info.clone();
                                view! {
                                    <li class="source" data-testid="source">
                                        <span class="badge">{text(kind, lang)}</span>
                                        <span class="source-label" title=label.clone()>{label.clone()}</span>
                                        <span class="muted" data-testid="source-pages">
                                            {if info.loading {
                                                text(Msg::SourceLoading, lang).to_string()
                                            } else {
                                                count(lang, info.pages, Noun::Page)
                                            }}
                                        </span>
                                        {(info.skipped > 0)
                                            .then(|| {
                                                view! {
                                                    <span class="muted" data-testid="source-skipped">
                                                        {messages::skipped_files(lang, info.skipped)}
                                                    </span>
                                                }
                                            })}
                                        <button
                                            type="button"
                                            class="link"
                                            aria-label=messages::remove_source(lang, &label)
                                            on:click=move |_| remove(state, &remembered)
                                        >
                                            {text(Msg::Remove, lang)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
    }
}
