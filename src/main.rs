//! Worklog Viewer: the Leptos CSR app. A thin shell over the `worklog` core.

fn main() {}
