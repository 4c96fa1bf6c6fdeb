//! The load controls: open files, open a folder, paste, load a URL, the demo, clear; and the
//! progress bar of the parse in flight.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::components::github_token::GithubToken;
use crate::i18n::messages::{self, Activity};
use crate::i18n::{count, tr, use_lang, Lang, Msg, Noun};
use crate::load::{self, files, store, url, RawFile};
use crate::state::{AppState, Progress, SourceKind};

/// Read the files of an input and load them as one local source.
/// The source's label is written in `lang`, the interface language when it was loaded.
fn load_from_input(state: AppState, input: &web_sys::HtmlInputElement, folder: bool, lang: Lang) {
    let Some(list) = input.files() else { return };
    let picked: Vec<(String, web_sys::File)> = files::files_of(&list)
        .into_iter()
        .map(|f| (files::file_path(&f), f))
        .collect();
    // Let the same selection be picked again later.
    input.set_value("");
    if picked.is_empty() {
        return;
    }
    let label = if folder {
        picked
            .first()
            .and_then(|(p, _)| p.split('/').next())
            .map(|root| messages::folder(lang, root))
            .unwrap_or_else(|| crate::i18n::text(Msg::Folder, lang).to_string())
    } else if picked.len() == 1 {
        picked[0].0.clone()
    } else {
        count(lang, picked.len(), Noun::File)
    };
    spawn_local(async move {
        let (raw, errors) = files::read_all(picked).await;
        // A folder brings everything in it; single files were chosen one by one.
        let (raw, skipped) = if folder {
            load::select_markdown(raw)
        } else {
            (raw, 0)
        };
        load::load_local(state, label, raw, skipped, errors).await;
    });
}

#[component]
pub fn LoadControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let paste_dialog = NodeRef::<leptos::html::Dialog>::new();
    let paste_text = NodeRef::<leptos::html::Textarea>::new();
    let paste_name = NodeRef::<leptos::html::Input>::new();
    let url_input = NodeRef::<leptos::html::Input>::new();
    let paste_count = StoredValue::new(0u32);
    // `webkitdirectory` is not an attribute the view macro knows; set it on the element.
    let folder_input = NodeRef::<leptos::html::Input>::new();
    folder_input.on_load(|input| {
        let _ = input.set_attribute("webkitdirectory", "");
    });

    let open_paste = move |_| {
        if let Some(d) = paste_dialog.get() {
            let _ = d.show_modal();
            if let Some(t) = paste_text.get() {
                let _ = t.focus();
            }
        }
    };
    let submit_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = paste_text.get().map(|t| t.value()).unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        paste_count.update_value(|n| *n += 1);
        let name = paste_name
            .get()
            .map(|i| i.value().trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("pasted-{}.md", paste_count.get_value()));
        if let Some(t) = paste_text.get() {
            t.set_value("");
        }
        if let Some(d) = paste_dialog.get() {
            d.close();
        }
        let files = vec![RawFile {
            path: name.clone(),
            bytes: text.into_bytes(),
            intern: None,
        }];
        spawn_local(load::load_local(
            state,
            messages::pasted(lang.get_untracked(), &name),
            files,
            0,
            Vec::new(),
        ));
    };
    // Ctrl+V outside a text field opens the paste dialog with the clipboard's markdown.
    let paste_listener = window_event_listener(leptos::ev::paste, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA")
                    || el.has_attribute("contenteditable")
            });
        if in_field {
            return;
        }
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        ev.prevent_default();
        if let (Some(d), Some(t)) = (paste_dialog.get_untracked(), paste_text.get_untracked()) {
            t.set_value(&text);
            let _ = d.show_modal();
            let _ = t.focus();
        }
    });
    on_cleanup(move || paste_listener.remove());
    let submit_url = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = url_input.get() else { return };
        let src = input.value().trim().to_string();
        if src.is_empty() {
            return;
        }
        input.set_value("");
        add_url_source(state, src);
    };

    view! {
        <div class="load-controls" role="group" aria-label=tr(Msg::LoadWorklogs)>
            <input
                id="file-input"
                class="visually-hidden"
                type="file"
                multiple
                accept=".md,.markdown,text/markdown,text/plain"
                on:change=move |ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        load_from_input(state, &input, false, lang.get_untracked());
                    }
                }
            />
            <label class="button" for="file-input">{tr(Msg::OpenFiles)}</label>
            <input
                id="folder-input"
                class="visually-hidden"
                type="file"
                multiple
                node_ref=folder_input
                on:change=move |ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        load_from_input(state, &input, true, lang.get_untracked());
                    }
                }
            />
            <label class="button" for="folder-input">{tr(Msg::OpenFolder)}</label>
            <button type="button" id="paste-button" on:click=open_paste>{tr(Msg::Paste)}</button>
            <form class="url-form" on:submit=submit_url>
                <label class="visually-hidden" for="url-input">{tr(Msg::WorklogUrl)}</label>
                <input id="url-input" type="text" inputmode="url" spellcheck="false" placeholder=tr(Msg::UrlPlaceholder) node_ref=url_input />
                <button type="submit">{tr(Msg::LoadUrl)}</button>
            </form>
            <GithubToken />
            <button
                type="button"
                id="clear-button"
                class="danger"
                disabled=move || state.sources.with(|s| s.is_empty())
                on:click=move |_| load::clear_all(state)
            >
                {tr(Msg::Clear)}
            </button>
            <dialog node_ref=paste_dialog class="paste-dialog" aria-labelledby="paste-heading">
                <form on:submit=submit_paste>
                    <h2 id="paste-heading">{tr(Msg::PasteHeading)}</h2>
                    <label for="paste-name">{tr(Msg::PastePathLabel)}</label>
                    <input id="paste-name" type="text" placeholder="content/1-Worklog/1.3-Week3/_index.md" node_ref=paste_name />
                    <label for="paste-text">{tr(Msg::PasteMarkdown)}</label>
                    <textarea id="paste-text" rows="14" node_ref=paste_text></textarea>
                    <div class="dialog-actions">
                        <button
                            type="button"
                            on:click=move |_| {
                                if let Some(d) = paste_dialog.get() {
                                    d.close();
                                }
                            }
                        >
                            {tr(Msg::Cancel)}
                        </button>
                        <button type="submit" class="primary" id="paste-submit">{tr(Msg::Load)}</button>
                    </div>
                </form>
            </dialog>
        </div>
    }
}

/// Add a `src` URL: it goes into the address (so the link reproduces it) and loads. When the
/// demo was shown implicitly, it becomes an explicit `src` so the address still describes the
/// whole set.
pub fn add_url_source(state: AppState, src: String) {
    let demo_shown = state
        .sources
        .with_untracked(|s| s.iter().any(|i| i.kind == SourceKind::Demo));
    if demo_shown {
        state.sources.update(|s| {
            for i in s.iter_mut().filter(|i| i.kind == SourceKind::Demo) {
                i.kind = SourceKind::Url(url::DEMO_MANIFEST.to_string());
                i.label = url::DEMO_MANIFEST.to_string();
            }
        });
    }
    let already = state.vs.with_untracked(|v| v.sources.contains(&src));
    state.navigate(true, |vs| {
        if demo_shown && vs.sources.is_empty() {
            vs.sources.push(url::DEMO_MANIFEST.to_string());
        }
        if !vs.sources.contains(&src) {
            vs.sources.push(src.clone());
        }
    });
    if !already {
        spawn_local(url::load_src(state, src));
    }
}

/// Bring the demo back after a clear.
pub fn load_demo(state: AppState) {
    store::set_demo_hidden(false);
    if state.vs.with_untracked(|v| v.sources.is_empty()) {
        spawn_local(url::load_demo(state));
    } else {
        add_url_source(state, url::DEMO_MANIFEST.to_string());
    }
}

/// Count and bar while files are downloaded, then while pages are parsed.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ProgressLine progress=state.fetching testid="fetch-progress" activity=Activity::Downloading />
        <ProgressLine progress=state.progress testid="progress" activity=Activity::Parsing />
    }
}

/// One progress line: a bar and "`activity` done / total files". Drawn once per load and
/// updated in place: it changes with every file, and redrawing it would lay the page out again
/// each time.
#[component]
fn ProgressLine(
    progress: RwSignal<Option<Progress>>,
    testid: &'static str,
    activity: Activity,
) -> impl IntoView {
    let lang = use_lang();
    let current = move || progress.get().unwrap_or_default();
    view! {
        <Show when=move || progress.with(|p| p.is_some())>
            <div class="progress" role="status" data-testid=testid>
                <progress max=move || current().total value=move || current().done></progress>
                <span>
                    {move || {
                        let p = current();
                        let lang = lang.get();
                        let tasks = (p.tasks > 0).then(|| messages::tasks_so_far(lang, p.tasks));
                        format!("{}{}", messages::progress(lang, activity, p.done, p.total), tasks.unwrap_or_default())
                    }}
                </span>
            </div>
        </Show>
    }
}
