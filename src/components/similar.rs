//! Similar rows (`worklog::similar`): a row several interns wrote near-verbatim.
//!
//! - [`SimilarBadge`]: the "similar" mark of a task row, a button opening the comparison.
//! - [`SimilarDialog`]: the row and each other intern's matching row side by side, the words
//!   that differ highlighted (`worklog::similar::diff_words`; classes only, no inline style).
//! - [`SimilarFilter`]: show, hide or show only the similar rows (`similar=` in the URL).

use std::collections::HashMap;

use leptos::prelude::*;
use worklog::query::SimilarRows;
use worklog::similar::{diff_words, DiffSpan};

use crate::i18n::cohort::{match_heading, similar_badge_label};
use crate::i18n::{messages, text, tr, use_lang, Msg};
use crate::state::{AppState, Shared};

/// (page, task) → (row index, number of matches) of the rows that are similar.
pub type SimilarByTask = HashMap<(u32, u32), (u32, usize)>;

/// The similar row whose comparison is open (index into `Collection::rows`), and where to find
/// a table row's similar entry.
#[derive(Clone, Copy)]
pub struct SimilarState {
    pub open: RwSignal<Option<u32>>,
    /// (page, task) → (row index, number of matches), for the rows that are similar.
    pub by_task: Memo<Shared<SimilarByTask>>,
}

/// Provide [`SimilarState`] to every component below.
pub fn provide(state: AppState) -> SimilarState {
    let by_task = Memo::new(move |_| {
        let similarity = state.similarity.get();
        let collection = state.collection.get();
        let rows = collection.rows();
        Shared::new(
            similarity
                .rows
                .iter()
                .filter_map(|s| {
                    let row = rows.get(s.row as usize)?;
                    Some(((row.page, row.task), (s.row, s.matches as usize)))
                })
                .collect(),
        )
    });
    let similar = SimilarState {
        open: RwSignal::new(None),
        by_task,
    };
    provide_context(similar);
    similar
}

/// The "similar" mark of a row: opens the comparison.
#[component]
pub fn SimilarBadge(row: u32, matches: usize) -> impl IntoView {
    let similar = expect_context::<SimilarState>();
    let lang = use_lang();
    view! {
        <button
            type="button"
            class="similar-badge"
            data-testid="similar-badge"
            data-row=row
            aria-label=move || similar_badge_label(lang.get(), matches)
            title=move || similar_badge_label(lang.get(), matches)
            on:click=move |_| similar.open.set(Some(row))
        >
            <span aria-hidden="true">"≈ "</span>
            {tr(Msg::SimilarBadge)}
        </button>
    }
}

fn spans(parts: &[DiffSpan]) -> impl IntoView {
    parts
        .iter()
        .map(|p| {
            if p.changed {
                view! { <mark class="diff-changed">{p.text.clone()}</mark> }.into_any()
            } else {
                view! { <span>{p.text.clone()}</span> }.into_any()
            }
        })
        .collect_view()
}

/// The comparison of the open similar row with each other intern's matching row.
#[component]
pub fn SimilarDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let similar = expect_context::<SimilarState>();
    let lang = use_lang();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = similar.open.get().is_some();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let content = move || {
        let row = similar.open.get()?;
        let collection = state.collection.get();
        let similarity = state.similarity.get();
        let lang = lang.get();
        let this = *collection.rows().get(row as usize)?;
        let (this_page, this_task) = this.resolve(&collection)?;
        let name = |intern: u32| {
            collection
                .internships()
                .get(intern as usize)
                .map(|i| i.name.clone())
                .unwrap_or_default()
        };
        let this_name = name(this.intern);
        let matches = similarity
            .matches(row as usize)
            .iter()
            .filter_map(|m| {
                let other = *collection.rows().get(m.row as usize)?;
                let (page, task) = other.resolve(&collection)?;
                let diff = diff_words(&this_task.text, &task.text);
                let lang_attr = page.language.map(|l| l.code());
                Some(view! {
                    <li class="similar-match" data-testid="similar-match" data-row=m.row data-intern=name(other.intern)>
                        <h3>{match_heading(lang, &name(other.intern), other.week, m.score)}</h3>
                        <div class="side-by-side">
                            <div class="side" lang=this_page.language.map(|l| l.code())>
                                <p class="side-label">{format!("{} · {}", text(Msg::ThisRow, lang), this_name)}</p>
                                <p class="side-text" data-testid="similar-left">{spans(&diff.left)}</p>
                            </div>
                            <div class="side" lang=lang_attr>
                                <p class="side-label">{format!("{} · {}", text(Msg::OtherRow, lang), name(other.intern))}</p>
                                <p class="side-text" data-testid="similar-right">{spans(&diff.right)}</p>
                                <p class="muted small">{messages::source_line(lang, &page.source, task.line)}</p>
                            </div>
                        </div>
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <p class="muted small">
                {this_name.clone()}
                {this.week.map(|w| format!(" · {}", messages::week_n(lang, w)))}
                " · "
                {messages::source_line(lang, &this_page.source, this_task.line)}
            </p>
            <p class="muted small">{text(Msg::SimilarDiffNote, lang)}</p>
            <ol class="similar-matches">{matches}</ol>
        })
    };
    view! {
        <dialog
            node_ref=dialog
            class="similar-dialog"
            aria-labelledby="similar-heading"
            data-testid="similar-dialog"
            on:close=move |_| similar.open.set(None)
        >
            <header>
                <h2 id="similar-heading">{tr(Msg::SimilarDialogTitle)}</h2>
                <button type="button" class="close" aria-label=tr(Msg::Close) on:click=move |_| similar.open.set(None)>"×"</button>
            </header>
            {content}
        </dialog>
    }
}

/// Show, hide or show only the rows similar to another intern's (`similar=`); shown only when
/// several interns are loaded.
#[component]
pub fn SimilarFilter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let current = Memo::new(move |_| state.vs.with(|v| v.filter.similar));
    let several = move || state.collection.with(|c| c.internships().len() > 1);
    let busy = move || state.sources.with(|s| s.iter().any(|i| i.loading));
    view! {
        <Show when=move || several() || current.get() != SimilarRows::Show>
            <fieldset class="facet similar-filter" data-testid="similar-filter">
                <legend>{tr(Msg::SimilarFilter)}</legend>
                {[
                    (SimilarRows::Show, Msg::SimilarShow),
                    (SimilarRows::Hide, Msg::SimilarHide),
                    (SimilarRows::Only, Msg::SimilarOnly),
                ]
                    .into_iter()
                    .map(|(value, label)| {
                        view! {
                            <label class="inline">
                                <input
                                    type="radio"
                                    name="similar"
                                    value=value.as_str()
                                    prop:checked=move || current.get() == value
                                    on:change=move |_| state.navigate(true, move |vs| vs.filter.similar = value)
                                />
                                {move || text(label, lang.get())}
                            </label>
                        }
                    })
                    .collect_view()}
                <Show when=busy>
                    <p class="muted small">{tr(Msg::SimilarComputing)}</p>
                </Show>
            </fieldset>
        </Show>
    }
}
