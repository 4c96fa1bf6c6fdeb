//! The app's side of the parse worker: started once, on first use; each parse is a job whose
//! pages come back in chunks, in input order, through a channel. The worker's messages are
//! described in `src/worker_protocol.rs`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::{mpsc, oneshot};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use super::RawFile;
use crate::worker_protocol::{self as protocol, get, set};

/// What the worker sends for a job.
pub enum Chunk {
    /// Pages of `files[start..]`, in order, as JSON; `done` on the job's last chunk.
    Pages {
        start: usize,
        json: String,
        done: bool,
    },
    /// The similar rows asked for, as JSON.
    Similarity(String),
    /// The job failed (a different worker version, a worker error).
    Failed(String),
}

struct Client {
    worker: Worker,
    jobs: RefCell<HashMap<u32, mpsc::UnboundedSender<Chunk>>>,
    next_job: Cell<u32>,
}

thread_local! {
    /// The started worker, or why it could not start (kept: one failure is reported, not retried).
    static CLIENT: RefCell<Option<Result<Rc<Client>, String>>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
extern "C" {
    /// The URL of this app's JavaScript glue (`import.meta.url` of the module wasm-bindgen
    /// writes), which the worker imports to run the same wasm.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

/// The worker script's URL, against the document's base (deployments under a sub-path). Its
/// name carries no hash, so the protocol version is in the query: a browser holding an older
/// deployment's script in its HTTP cache fetches this one's.
fn script_url() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    let script = format!("{}?v={}", protocol::SCRIPT, protocol::PROTOCOL);
    web_sys::Url::new_with_base(&script, &base)
        .ok()
        .map(|u| u.href())
}

/// How long the worker may take to say it is ready before the app gives up on it: a script
/// that never answers (not the one this app expects) must not leave a load waiting forever.
const READY_TIMEOUT_MS: u32 = 30_000;

/// Start the worker on this app's own wasm and wait for its ready message.
async fn start() -> Result<Rc<Client>, String> {
    let url = script_url().ok_or_else(|| crate::i18n::load::Problem::NoWorkerUrl.text())?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let not_started = |e: JsValue| {
        crate::i18n::load::Problem::WorkerNotStarted {
            error: &format!("{e:?}"),
        }
        .text()
    };
    let worker = Worker::new_with_options(&url, &options).map_err(not_started)?;
    let client = Rc::new(Client {
        worker,
        jobs: RefCell::new(HashMap::new()),
        next_job: Cell::new(1),
    });
    let (ready_tx, ready_rx) = oneshot::channel::<Result<(), String>>();
    let ready_tx = RefCell::new(Some(ready_tx));
    let weak = Rc::downgrade(&client);
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if let Some(error) = get(&data, protocol::BOOT_ERROR).as_string() {
            let problem = crate::i18n::load::Problem::WorkerNotStarted { error: &error }.text();
            if let Some(tx) = ready_tx.borrow_mut().take() {
                let _ = tx.send(Err(problem));
            }
            return;
        }
        if let Some(version) = get(&data, protocol::READY).as_f64() {
            let result = (version == f64::from(protocol::PROTOCOL))
                .then_some(())
                .ok_or_else(|| {
                    crate::i18n::load::Problem::WorkerVersion {
                        version,
                        needed: protocol::PROTOCOL,
                    }
                    .text()
                });
            if let Some(tx) = ready_tx.borrow_mut().take() {
                let _ = tx.send(result);
            }
            return;
        }
        let Some(client) = weak.upgrade() else { return };
        let Some(job) = get(&data, protocol::JOB).as_f64().map(|j| j as u32) else {
            return;
        };
        let chunk = match (
            get(&data, protocol::ERROR).as_string(),
            get(&data, protocol::SIMILARITY).as_string(),
        ) {
            (Some(error), _) => Chunk::Failed(error),
            (None, Some(json)) => Chunk::Similarity(json),
            (None, None) => Chunk::Pages {
                start: get(&data, protocol::START).as_f64().unwrap_or(0.0) as usize,
                json: get(&data, protocol::PAGES).as_string().unwrap_or_default(),
                done: get(&data, protocol::DONE).as_bool().unwrap_or(true),
            },
        };
        let finished = !matches!(chunk, Chunk::Pages { done: false, .. });
        let mut jobs = client.jobs.borrow_mut();
        if let Some(tx) = jobs.get(&job) {
            let _ = tx.unbounded_send(chunk);
        }
        if finished {
            jobs.remove(&job);
        }
    });
    client
        .worker
        .set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // Lives as long as the worker, which lives as long as the page.
    onmessage.forget();
    let weak = Rc::downgrade(&client);
    let onerror = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        let Some(client) = weak.upgrade() else { return };
        let message = crate::i18n::load::Problem::WorkerFailed {
            error: &event.message(),
        }
        .text();
        for (_, tx) in client.jobs.borrow_mut().drain() {
            let _ = tx.unbounded_send(Chunk::Failed(message.clone()));
        }
    });
    client
        .worker
        .set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onerror.forget();
    // The compiled module travels as is: the worker instantiates it without fetching or
    // compiling the wasm again.
    let boot = js_sys::Object::new();
    set(
        &boot,
        protocol::BOOT_JS,
        &JsValue::from(GLUE_URL.with(String::clone)),
    );
    set(&boot, protocol::BOOT_MODULE, &wasm_bindgen::module());
    let message = js_sys::Object::new();
    set(&message, protocol::BOOT, &boot);
    client.worker.post_message(&message).map_err(not_started)?;
    let timeout = gloo_timers::future::TimeoutFuture::new(READY_TIMEOUT_MS);
    let ready = match futures::future::select(ready_rx, timeout).await {
        futures::future::Either::Left((ready, _)) => ready,
        futures::future::Either::Right(_) => {
            Ok(Err(crate::i18n::load::Problem::WorkerSilent.text()))
        }
    };
    match ready {
        Ok(Ok(())) => Ok(client),
        Ok(Err(e)) => {
            client.worker.terminate();
            Err(e)
        }
        Err(_) => Err(crate::i18n::load::Problem::WorkerStopped.text()),
    }
}

async fn client() -> Result<Rc<Client>, String> {
    if let Some(known) = CLIENT.with(|c| c.borrow().clone()) {
        return known;
    }
    let started = start().await;
    CLIENT.with(|c| {
        // Two loads may have raced to start it: keep the first.
        c.borrow_mut().get_or_insert(started).clone()
    })
}

/// A new job of the worker: its number, and the channel its answers arrive on.
async fn new_job() -> Result<(Rc<Client>, u32, mpsc::UnboundedReceiver<Chunk>), String> {
    let client = client().await?;
    let job = client.next_job.get();
    client.next_job.set(job.wrapping_add(1));
    let (tx, rx) = mpsc::unbounded();
    client.jobs.borrow_mut().insert(job, tx);
    Ok((client, job, rx))
}

/// The rows of `collection` several interns share, found by the worker.
pub async fn similar(
    collection: &worklog::Collection,
) -> Result<worklog::similar::Similarity, String> {
    use futures::StreamExt;
    let rows: Vec<(u32, Option<worklog::Language>, &str)> = collection
        .rows()
        .iter()
        .map(|row| {
            let text = row
                .resolve(collection)
                .map_or("", |(_, task)| task.text.as_str());
            (row.intern, row.language, text)
        })
        .collect();
    let json = serde_json::to_string(&rows).map_err(|e| e.to_string())?;
    let (client, job, mut rx) = new_job().await?;
    let message = protocol::message(&JsValue::from(job));
    set(&message, protocol::SIMILAR, &JsValue::from_str(&json));
    client.worker.post_message(&message).map_err(|e| {
        crate::i18n::load::Problem::RowsNotSent {
            error: &format!("{e:?}"),
        }
        .text()
    })?;
    match rx.next().await {
        Some(Chunk::Similarity(json)) => serde_json::from_str::<protocol::SimilarityWire>(&json)
            .map(worklog::similar::Similarity::from)
            .map_err(|e| e.to_string()),
        Some(Chunk::Failed(error)) => Err(error),
        _ => Err(crate::i18n::load::Problem::WorkerSilent.text()),
    }
}

/// Send `files` to the worker; their pages arrive on the returned channel, in order.
pub async fn parse(files: &[RawFile]) -> Result<mpsc::UnboundedReceiver<Chunk>, String> {
    let (client, job, rx) = new_job().await?;
    let paths = Array::new();
    let bytes = Array::new();
    for file in files {
        paths.push(&JsValue::from_str(&file.path));
        bytes.push(&Uint8Array::from(file.bytes.as_slice()));
    }
    let message = protocol::message(&JsValue::from(job));
    set(&message, protocol::PATHS, &paths);
    set(&message, protocol::BYTES, &bytes);
    // The byte arrays are copies: hand their buffers over instead of cloning them again.
    let transfer = Array::new();
    for b in bytes.iter() {
        transfer.push(&b.unchecked_into::<Uint8Array>().buffer());
    }
    client
        .worker
        .post_message_with_transfer(&message, &transfer)
        .map_err(|e| {
            crate::i18n::load::Problem::PagesNotSent {
                error: &format!("{e:?}"),
            }
            .text()
        })?;
    Ok(rx)
}
