//! What the collection set aside, one click away: pages of other site sections (proposal,
//! blogs, workshop, ...), which are never weeks, with their sections and paths.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::state::AppState;

/// Set-aside pages by section: (section, paths).
fn by_section(collection: &worklog::Collection) -> Vec<(String, Vec<String>)> {
    let mut sections: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in collection.set_aside() {
        let page = &collection.pages()[i];
        let section = match page.section.as_deref() {
            Some(worklog::parse::site::SITE_HOME) | None => "site home page".to_string(),
            Some(name) => name.to_string(),
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
    let sections = Memo::new(move |_| state.collection.with(|c| by_section(c)));
    let total = move || sections.with(|s| s.iter().map(|(_, p)| p.len()).sum::<usize>());
    view! {
        <Show when=move || { total() > 0 }>
            <details class="sources set-aside" data-testid="set-aside">
                <summary>
                    <span data-testid="set-aside-count">{total}</span>
                    {move || if total() == 1 { " page set aside" } else { " pages set aside" }}
                </summary>
                <p class="muted small">
                    "Pages of other sections of the site (not the worklog): never read as weeks."
                </p>
                <ul>
                    {move || {
                        sections
                            .get()
                            .into_iter()
                            .map(|(section, pages)| {
                                view! {
                                    <li data-testid="set-aside-section">
                                        <details>
                                            <summary>{format!("{section} · {}", pages.len())}</summary>
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
