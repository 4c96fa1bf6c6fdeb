//! The optional GitHub token: a field of the load controls, kept in this tab's
//! `sessionStorage` only (`src/load/github.rs` sends it to api.github.com only).

use leptos::prelude::*;

use crate::i18n::{tr, Msg};
use crate::load::github;

/// A disclosure with the token field; its summary shows ✓ while a token is kept.
#[component]
pub fn GithubToken() -> impl IntoView {
    let kept = RwSignal::new(github::token().is_some());
    view! {
        <details class="github-token" data-testid="github-token">
            <summary>
                {tr(Msg::GithubToken)}
                {move || kept.get().then_some(" ✓")}
            </summary>
            <div class="github-token-body">
                <label for="github-token-input">{tr(Msg::GithubTokenLabel)}</label>
                <input
                    id="github-token-input"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="github-token-hint"
                    prop:value=github::token().unwrap_or_default()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        github::set_token(&value);
                        kept.set(!value.trim().is_empty());
                    }
                />
                <p id="github-token-hint" class="muted small">{tr(Msg::GithubTokenHint)}</p>
            </div>
        </details>
    }
}
