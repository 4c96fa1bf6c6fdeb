//! Work done one paint after the present task: the screen updates first, and what the eye
//! reaches second follows in a task of its own.
//!
//! When the first pages arrive the whole layout is built at once: filter panel, tabs, status,
//! table. Built in one task that was a long task (> 50 ms) at every start-up. The same
//! scheduling puts the facet counts after a filter change's paint (`state.rs`) and a table's
//! overscan lines after its lines in sight (`views/tasks.rs`).

use std::time::Duration;

use leptos::prelude::*;

/// Run `f` once the next frame is painted: a timer started from the frame callback runs after
/// that frame's paint. `f` may find the view gone by then: read reactive values with `try_`.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// `children`, drawn one paint after this component is.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    after_next_paint(move || {
        let _ = shown.try_set(true);
    });
    move || shown.get().then(|| children())
}
