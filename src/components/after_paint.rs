//! Drawing a part of the page one paint after the rest.
//!
//! When the first pages arrive the whole layout is built at once: filter panel, tabs, status,
//! table. Built in one task that was a long task (> 50 ms) at every start-up; parts the eye
//! reaches second are drawn in a task of their own, right after the first paint.

use std::time::Duration;

use leptos::prelude::*;

/// `children`, drawn one paint after this component is.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    request_animation_frame(move || {
        // A timer after the frame: its callback runs after the frame is painted.
        set_timeout(
            move || {
                // `try_`: the view may be gone by then.
                let _ = shown.try_set(true);
            },
            Duration::ZERO,
        )
    });
    move || shown.get().then(|| children())
}
