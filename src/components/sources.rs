//! The loaded sources: what each brought (pages, skipped files) and what went wrong.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::load::{self, store};
use crate::state::{AppState, SourceInfo, SourceKind};

/// Remove one source: its pages go, and it is forgotten where it was remembered.
fn remove(state: AppState, info: &SourceInfo) {
    load::remove_sources(state, &[info.id]);
    match &info.kind {
        SourceKind::Demo => store::set_demo_hidden(true),
        SourceKind::Url(src) => {
            let src = src.clone();
            state.navigate(true, move |vs| vs.sources.retain(|s| *s != src));
        }
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
    let errors = Memo::new(move |_| {
        state.sources.with(|s| {
            s.iter()
                .flat_map(|i| i.errors.iter().map(move |e| (i.label.clone(), e.clone())))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="source-errors" role="alert">
                <h2 class="visually-hidden">"Loading problems"</h2>
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
                                let mut text = format!(
                                    "{} source{} · {} page{}",
                                    s.len(),
                                    if s.len() == 1 { "" } else { "s" },
                                    pages,
                                    if pages == 1 { "" } else { "s" },
                                );
                                if skipped > 0 {
                                    text.push_str(&format!(" · {skipped} skipped"));
                                }
                                text
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
                                let kind = match &info.kind {
                                    SourceKind::Demo => "demo",
                                    SourceKind::Url(_) => "URL",
                                    SourceKind::Local(_) => "local",
                                };
                                let label = info.label.clone();
                                let remembered = info.clone();
                                view! {
                                    <li class="source" data-testid="source">
                                        <span class="badge">{kind}</span>
                                        <span class="source-label" title=label.clone()>{label.clone()}</span>
                                        <span class="muted" data-testid="source-pages">
                                            {if info.loading {
                                                "loading…".to_string()
                                            } else {
                                                format!("{} pages", info.pages)
                                            }}
                                        </span>
                                        {(info.skipped > 0)
                                            .then(|| {
                                                view! {
                                                    <span class="muted" data-testid="source-skipped">
                                                        {format!("{} skipped (not markdown worklog pages)", info.skipped)}
                                                    </span>
                                                }
                                            })}
                                        <button
                                            type="button"
                                            class="link"
                                            aria-label=format!("Remove {label}")
                                            on:click=move |_| remove(state, &remembered)
                                        >
                                            "Remove"
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
