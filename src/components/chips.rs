//! Service chips: a compact, clickable list of the services a task or week mentions.

use leptos::prelude::*;
use worklog::ServiceRef;

use crate::i18n::{messages, tr, use_lang, Msg};
use crate::state::AppState;

/// `Amazon S3` → `S3`, `AWS Key Management Service` → `Key Management Service`: chips are small.
pub fn short_name(name: &str) -> &str {
    name.strip_prefix("Amazon ")
        .or_else(|| name.strip_prefix("AWS "))
        .unwrap_or(name)
}

/// One chip per service; clicking one toggles it in the service filter.
#[component]
pub fn ServiceChips(services: Vec<ServiceRef>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    if services.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="chips" aria-label=tr(Msg::ViewServices)>
            {services
                .into_iter()
                .map(|s| {
                    let id = s.id.clone();
                    let name = s.name.clone();
                    let selected = {
                        let id = id.clone();
                        move || state.filter.with(|f| f.services.contains(&id))
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="chip"
                                data-service=s.id.clone()
                                title=move || messages::filter_by_service(lang.get(), &name)
                                aria-pressed=move || selected().to_string()
                                on:click=move |_| {
                                    let id = id.clone();
                                    state
                                        .navigate(
                                            true,
                                            move |vs| {
                                                if let Some(i) = vs.filter.services.iter().position(|x| *x == id) {
                                                    vs.filter.services.remove(i);
                                                } else {
                                                    vs.filter.services.push(id);
                                                }
                                            },
                                        )
                                }
                            >
                                {short_name(&s.name).to_string()}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
