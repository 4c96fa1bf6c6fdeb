//! The parse worker: `worklog::parse_page` off the main thread, so the page stays responsive
//! while thousands of pages load. It runs the app's own wasm (one build, one download): the
//! worker script `src/parse-worker.js` instantiates the module the app hands it and calls
//! [`parse_worker_main`]. It receives files, parses them in order and posts the pages
//! back in chunks (the first ones soon, so rows show before the last page is parsed). Once a
//! load is over it also finds the rows several interns share (`worklog::similar`), a pass over
//! every row that would hold the main thread for a noticeable time at cohort scale.

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::worker_protocol::{self as protocol, get, set};

/// Milliseconds of parsing per posted chunk after the first (a few pages, posted at once).
const CHUNK_MS: f64 = 40.0;
const FIRST_CHUNK_PAGES: usize = 8;

fn now() -> f64 {
    js_sys::Date::now()
}

fn post(scope: &DedicatedWorkerGlobalScope, message: &Object) {
    if let Err(err) = scope.post_message(message) {
        web_sys::console::error_2(&"parse worker: cannot post".into(), &err);
    }
}

/// Parse one job's files and post the pages in chunks.
fn run(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let job = get(data, protocol::JOB);
    if get(data, protocol::VERSION).as_f64() != Some(f64::from(protocol::PROTOCOL)) {
        let message = protocol::message(&job);
        set(
            &message,
            protocol::ERROR,
            &JsValue::from_str("the app and its parse worker are different versions"),
        );
        post(scope, &message);
        return;
    }
    if let Some(rows) = get(data, protocol::SIMILAR).as_string() {
        similar(scope, &job, &rows);
        return;
    }
    let paths: Array = get(data, protocol::PATHS).unchecked_into();
    let bytes: Array = get(data, protocol::BYTES).unchecked_into();
    let total = paths.length().min(bytes.length()) as usize;
    let mut chunk: Vec<worklog::Page> = Vec::new();
    let mut start = 0;
    let mut since = now();
    for i in 0..total {
        let path = paths.get(i as u32).as_string().unwrap_or_default();
        let content = Uint8Array::new(&bytes.get(i as u32)).to_vec();
        chunk.push(worklog::parse_page(&path, &content));
        let first = start == 0 && chunk.len() >= FIRST_CHUNK_PAGES;
        if first || now() - since > CHUNK_MS {
            send(scope, &job, start, &chunk, false);
            start += chunk.len();
            chunk.clear();
            since = now();
        }
    }
    send(scope, &job, start, &chunk, true);
}

/// The similar rows of rows given as JSON `[[intern, language, text], ...]`.
fn similar(scope: &DedicatedWorkerGlobalScope, job: &JsValue, rows: &str) {
    let message = protocol::message(job);
    let result = serde_json::from_str::<Vec<(u32, Option<worklog::Language>, String)>>(rows)
        .and_then(|rows| {
            let rows: Vec<(u32, Option<worklog::Language>, &str)> = rows
                .iter()
                .map(|(intern, language, text)| (*intern, *language, text.as_str()))
                .collect();
            let options = worklog::similar::SimilarityOptions::default();
            let similarity = worklog::similar::compute_texts(&rows, &options);
            serde_json::to_string(&protocol::SimilarityWire::from(&similarity))
        });
    match result {
        Ok(json) => set(&message, protocol::SIMILARITY, &JsValue::from_str(&json)),
        Err(err) => set(
            &message,
            protocol::ERROR,
            &JsValue::from_str(&err.to_string()),
        ),
    }
    post(scope, &message);
}

fn send(
    scope: &DedicatedWorkerGlobalScope,
    job: &JsValue,
    start: usize,
    pages: &[worklog::Page],
    done: bool,
) {
    let message = protocol::message(job);
    match serde_json::to_string(pages) {
        Ok(json) => {
            set(&message, protocol::START, &JsValue::from(start as u32));
            set(&message, protocol::PAGES, &JsValue::from_str(&json));
            set(&message, protocol::DONE, &JsValue::from_bool(done));
        }
        Err(err) => set(
            &message,
            protocol::ERROR,
            &JsValue::from_str(&err.to_string()),
        ),
    }
    post(scope, &message);
}

/// Take over the worker's messages and say so (`{ready: PROTOCOL}`). Called by
/// `src/parse-worker.js` once the app's wasm runs in the worker.
#[wasm_bindgen]
pub fn parse_worker_main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker_scope = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        run(&worker_scope, &event.data());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    let ready = Object::new();
    set(&ready, protocol::READY, &JsValue::from(protocol::PROTOCOL));
    post(&scope, &ready);
}
