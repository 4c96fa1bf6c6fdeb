//! Worklog Viewer: the Leptos CSR app. A thin shell over the `worklog` core: it loads pages
//! (files, folders, drops, pastes, URLs), parses them with `worklog::parse_page` in a worker
//! that runs this same wasm (`src/worker.rs`), and shows the
//! collection as weeks, tasks, a timeline, services and diagnostics. The URL query string
//! (`worklog::query::ViewState`) holds the whole screen state.

mod app;
mod catalogue;
mod components;
mod i18n;
mod load;
mod state;
mod url;
mod views;
mod worker;
mod worker_protocol;

fn main() {
    console_error_panic_hook::set_once();
    // Instantiated in the parse worker there is no window: `src/parse-worker.js` calls
    // `worker::parse_worker_main` instead.
    if web_sys::window().is_none() {
        return;
    }
    // In a task of its own: instantiating the wasm and building the first view in one task
    // made a long task (> 50 ms) at every start.
    leptos::prelude::set_timeout(
        || {
            // index.html's font warm-up has done its job by now.
            if let Some(warmup) = leptos::prelude::document()
                .query_selector(".font-warmup")
                .ok()
                .flatten()
            {
                warmup.remove();
            }
            leptos::mount::mount_to_body(app::App)
        },
        std::time::Duration::ZERO,
    );
}
