//! Download what is on screen: the pages and tasks the current filter selects, in the core's
//! export formats (JSON contract, CSV, iCalendar, Markdown), built in the browser.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use worklog::export;
use worklog::{Collection, Page};

use crate::i18n::{text, tr, use_lang, Lang, Msg};
use crate::state::AppState;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    Ics,
    Markdown,
}

impl Format {
    const ALL: [Format; 4] = [Format::Json, Format::Csv, Format::Ics, Format::Markdown];

    /// Format names are the same in every language, except the calendar's.
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Ics => text(Msg::ExportCalendar, lang),
            Format::Markdown => "Markdown",
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Json => ("worklog.json", "application/json"),
            Format::Csv => ("worklog.csv", "text/csv"),
            Format::Ics => ("worklog.ics", "text/calendar"),
            Format::Markdown => ("worklog.md", "text/markdown"),
        }
    }
}

/// The rows on screen (folded language twins left out as in the views), as pages holding only
/// those tasks, in page order, each with its index in the collection.
fn selected_pages(state: AppState) -> Vec<(usize, Page)> {
    let collection = state.collection.get_untracked();
    let rows = state.rows.get_untracked();
    let mut chosen: Vec<Vec<usize>> = vec![Vec::new(); collection.pages().len()];
    for r in rows.iter() {
        chosen[r.page as usize].push(r.task as usize);
    }
    collection
        .pages()
        .iter()
        .zip(chosen)
        .enumerate()
        .filter(|(_, (_, tasks))| !tasks.is_empty())
        .map(|(i, (page, mut tasks))| {
            tasks.sort_unstable();
            let mut p = Page::clone(page);
            p.tasks = tasks.iter().map(|&t| page.tasks[t].clone()).collect();
            (i, p)
        })
        .collect()
}

fn render(
    format: Format,
    collection: &Collection,
    indexed: Vec<(usize, Page)>,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    // Each page's intern by display name, for the intern column of CSV and Markdown.
    let interns: Vec<String> = indexed
        .iter()
        .map(|(i, _)| {
            collection
                .intern_index(*i)
                .and_then(|k| collection.internships().get(k))
                .map(|intern| intern.name.clone())
                .unwrap_or_default()
        })
        .collect();
    if format == Format::Json {
        export::json::write_with_interns(collection, &indexed, &mut out)
            .map_err(|e| e.to_string())?;
        return Ok(out);
    }
    let pages: Vec<Page> = indexed.into_iter().map(|(_, p)| p).collect();
    match format {
        Format::Json => {}
        Format::Csv => export::csv::write_with_interns(&pages, &interns, &mut out)
            .map_err(|e| e.to_string())?,
        Format::Ics => {
            let now = js_sys::Date::new_0();
            let dtstamp = chrono::DateTime::from_timestamp_millis(now.get_time() as i64)
                .map(|d| d.naive_utc())
                .unwrap_or_default();
            let options = export::ics::Options {
                calendar_name: "Worklog".to_string(),
                dtstamp,
            };
            export::ics::write(&pages, &options, &mut out).map_err(|e| e.to_string())?;
        }
        Format::Markdown => {
            export::markdown::write_with_interns(&pages, &interns, "Worklog", &mut out)
                .map_err(|e| e.to_string())?
        }
    }
    Ok(out)
}

/// Hand bytes to the browser as a file download.
pub(crate) fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

#[component]
pub fn ExportMenu() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let (error, set_error) = signal(None::<String>);
    view! {
        <details class="export">
            <summary>{tr(Msg::Export)}</summary>
            <ul>
                {Format::ALL
                    .into_iter()
                    .map(|format| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    data-format=format.file().0
                                    on:click=move |_| {
                                        let (name, mime) = format.file();
                                        let result = render(format, &state.collection.get_untracked(), selected_pages(state))
                                            .and_then(|bytes| {
                                                download(name, mime, &bytes)
                                                    .map_err(|e| format!("{e:?}"))
                                            });
                                        set_error.set(result.err());
                                    }
                                >
                                    {move || format.label(lang.get())}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="note" role="alert">{tr(Msg::ExportFailed)} {e}</p> })}
        </details>
    }
}
