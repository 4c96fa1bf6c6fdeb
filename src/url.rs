//! The URL query string as the home of the screen state: read on start and on back/forward,
//! written (pushState/replaceState) on every change. The parameter set is `worklog::query`'s.

use wasm_bindgen::JsValue;
use worklog::query::ViewState;

/// The current query string, without `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The state the current URL describes.
pub fn read() -> ViewState {
    ViewState::from_query(&current_query())
}

/// Record `state` in the address bar; the path and fragment are kept, only the query changes.
pub fn write(state: &ViewState, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = state.to_query();
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        == query
    {
        return;
    }
    if let Ok(history) = window.history() {
        let result = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if let Err(err) = result {
            leptos::logging::warn!("could not update the address: {err:?}");
        }
    }
}
