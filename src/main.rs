//! Worklog Viewer: the Leptos CSR app. A thin shell over the `worklog` core: it loads pages
//! (files, folders, drops, pastes, URLs), parses them with `worklog::parse_page` in a worker
//! (`src/bin/parse_worker.rs`), and shows the
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
mod worker_protocol;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
