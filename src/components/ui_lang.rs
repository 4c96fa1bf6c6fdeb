//! The EN/VI switch of the header: the language of the interface, written to the URL (`ui=`).

use leptos::prelude::*;

use crate::i18n::{language_name, tr, use_lang, Msg, LANGS};
use crate::state::AppState;

#[component]
pub fn UiLanguageSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    view! {
        <div class="ui-lang" role="group" aria-label=tr(Msg::InterfaceLanguage) data-testid="ui-lang">
            {LANGS
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            data-ui-lang=choice.code()
                            lang=choice.code()
                            // Each language named in itself, as language menus do.
                            title=language_name(choice, choice)
                            aria-pressed=move || (lang.get() == choice).to_string()
                            on:click=move |_| state.navigate(true, move |vs| vs.ui = Some(choice))
                        >
                            {choice.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
