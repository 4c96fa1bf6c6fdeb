//! The app in English and Vietnamese: which language the interface speaks, its words
//! ([`messages`]: a typed catalogue, a missing translation does not build), dates and numbers
//! through the browser's `Intl` ([`intl`]), and short titles of the core's diagnostic codes
//! ([`diagnostics`]).
//!
//! The interface language is `ui=` of the URL (`ViewState::ui`) when given, else the browser's
//! (`navigator.languages`), else English. It is one reactive value, provided as a context by
//! the app shell ([`provide`]) and read by components with [`use_lang`] / [`tr`]. It never
//! filters pages (that is `lang=`); it only picks the language of the app's own words, dates
//! and numbers, and the language twin a week card opens on.
//!
//! In a component:
//!
//! ```ignore
//! let lang = use_lang();                       // Memo<Lang>, reactive
//! view! {
//!     <h2>{tr(Msg::Filters)}</h2>              // a fixed label, follows the language
//!     <p>{move || count(lang.get(), n, Noun::Task)}</p>   // a formatted message
//!     <button aria-label=tr(Msg::Close)>"×"</button>
//! }
//! ```

pub mod cohort;
pub mod diagnostics;
pub mod github;
pub mod intl;
pub mod load;
pub mod messages;

use leptos::prelude::*;
use worklog::query::ViewState;

pub use intl::num;
pub use messages::{count, text, Msg, Noun};
/// The languages of the interface: the core's page languages, so `ui=` and `lang=` share
/// their values (`en`, `vi`).
pub use worklog::Language as Lang;

/// Every language of the interface, in the order of the header switch.
pub const LANGS: [Lang; 2] = [Lang::En, Lang::Vi];

/// The interface language as a context value.
#[derive(Clone, Copy)]
struct UiLang(Memo<Lang>);

thread_local! {
    /// The interface language for code outside components ([`current`]).
    static CURRENT: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The interface language now, for code outside components and without the app state (a
/// loader wording a problem): as [`provide`] last decided, else the browser's.
pub fn current() -> Lang {
    CURRENT
        .with(|c| c.get())
        .unwrap_or_else(|| preferred(&browser_tags()))
}

/// The language a list of BCP 47 tags (most preferred first, as `navigator.languages`) asks
/// for: the first Vietnamese or English tag decides; none of them means English.
pub fn preferred(tags: &[String]) -> Lang {
    tags.iter()
        .find_map(|tag| {
            let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
            match primary.as_str() {
                "vi" => Some(Lang::Vi),
                "en" => Some(Lang::En),
                _ => None,
            }
        })
        .unwrap_or(Lang::En)
}

/// The browser's languages (`navigator.languages`, else `navigator.language`).
fn browser_tags() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// Provide the interface language to every component below, from `ui=` of the view state and
/// the browser's languages, and keep `<html lang>` equal to it.
pub fn provide(vs: RwSignal<ViewState>) -> Memo<Lang> {
    let browser = preferred(&browser_tags());
    let lang = Memo::new(move |_| vs.with(|v| v.ui).unwrap_or(browser));
    provide_context(UiLang(lang));
    CURRENT.with(|c| c.set(Some(lang.get_untracked())));
    Effect::new(move |_| {
        CURRENT.with(|c| c.set(Some(lang.get())));
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    lang
}

/// The interface language (reactive). Needs [`provide`] above the component.
pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

/// A fixed message in the interface language, as a reactive value for a view or an attribute:
/// `{tr(Msg::Filters)}`, `aria-label=tr(Msg::Close)`.
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text(msg, lang.get())
}

/// The name of a language in the interface language (`English`, `Tiếng Anh`).
pub fn language_name(of: Lang, lang: Lang) -> &'static str {
    match of {
        Lang::En => text(Msg::LanguageEnglish, lang),
        Lang::Vi => text(Msg::LanguageVietnamese, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_known_browser_language_decides() {
        assert_eq!(preferred(&tags(&["vi-VN", "en-US"])), Lang::Vi);
        assert_eq!(preferred(&tags(&["vi"])), Lang::Vi);
        assert_eq!(preferred(&tags(&["en-US", "vi"])), Lang::En);
        assert_eq!(preferred(&tags(&["fr-FR", "VI_vn", "en"])), Lang::Vi);
        assert_eq!(preferred(&tags(&["fr-FR", "de"])), Lang::En);
        assert_eq!(preferred(&[]), Lang::En);
        // A tag that only starts with the letters is another language.
        assert_eq!(preferred(&tags(&["vec", "en-GB"])), Lang::En);
    }
}
