//! What the collection set aside, one click away: pages of other site sections (proposal,
//! blogs, workshop, ...), which are never weeks, with their sections and paths.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::i18n::{messages, num, text, tr, use_lang, Msg};
use crate::state::AppState;

/// Set-aside pages by section: (section, paths); `None` is the site's home page.
fn by_section(collection: &worklog::Collection) -> Vec<(Option<String>, Vec<String>)> {
    let mut sections: BTreeMap<Option<String>, Vec<String>> = BTreeMap::new();
    for i in collection.set_aside() {
        let page = &collection.pages()[i];
        let section = match page.section.as_deref() {
            Some(worklog::parse::site::SITE_HOME) | None => None,
            Some(name) => Some(name.to_string()),
        };
        sections
            .entry(section)
            .or_default()
            .push(page.source.clone());
    }
    sections.into_iter().collect()
}

#[component]
pub fn SetAside() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let sections = Memo::new(move |_| state.collection.with(|c| by_section(c)));
    let total = move || sections.with(|s| s.iter().map(|(_, p)| p.len()).sum::<usize>());
    view! {
        <Show when=move || { total() > 0 }>
            <details class="sources set-aside" data-testid="set-aside">
                <summary>
                    <span data-testid="set-aside-count">{move || num(total(), lang.get())}</span>
                    {move || messages::pages_set_aside(lang.get(), total())}
                </summary>
                <p class="muted small">{tr(Msg::SetAsideNote)}</p>
                <ul>
                    {move || {
                        sections
                            .get()
                            .into_iter()
                            .map(|(section, pages)| {
                                let lang = lang.get();
                                let section = section
                                    .unwrap_or_else(|| text(Msg::SiteHomePage, lang).to_string());
                                view! {
                                    <li data-testid="set-aside-section">
                                        <details>
                                            <summary>{format!("{section} · {}", num(pages.len(), lang))}</summary>
                                            <ul class="small">
                                                {pages.into_iter().map(|p| view! { <li class="source-path">{p}</li> }).collect_view()}
                                            </ul>
                                        </details>
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
