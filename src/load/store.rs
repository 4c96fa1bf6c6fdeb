//! Remembering what the user loaded from disk, so a reload loses nothing.
//!
//! Opened files, folders, drops and pastes are kept in IndexedDB (one record per source:
//! label, skipped count, and every file's path and bytes); URL sources live in the address.
//! IndexedDB rather than localStorage because a folder of worklogs easily exceeds its quota.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

use super::RawFile;

const DB_NAME: &str = "worklog-viewer";
const DB_VERSION: u32 = 1;
const STORE: &str = "sources";
/// localStorage key set when the user cleared everything, so the demo does not come back.
const DEMO_HIDDEN_KEY: &str = "worklog-viewer.demo-hidden";

/// One stored source.
pub struct StoredSource {
    pub key: String,
    pub label: String,
    pub skipped: usize,
    pub files: Vec<RawFile>,
}

pub(super) fn describe(err: JsValue) -> String {
    err.as_string()
        .or_else(|| {
            err.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{err:?}"))
}

/// Wait for an IndexedDB request.
pub(super) async fn request(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let target = req.clone();
        let success = Closure::once_into_js(move |_event: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &target.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let target = req.clone();
        let failure = Closure::once_into_js(move |_event: web_sys::Event| {
            let message = target
                .error()
                .ok()
                .flatten()
                .map(|e| e.message())
                .unwrap_or_else(|| "IndexedDB request failed".to_string());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&message));
        });
        req.set_onsuccess(Some(success.unchecked_ref()));
        req.set_onerror(Some(failure.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(describe)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(describe)?
        .ok_or("IndexedDB is not available")?;
    let open: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(describe)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(target) = event.target() else { return };
        let req: IdbOpenDbRequest = target.unchecked_into();
        if let Ok(db) = req.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                if let Err(err) = db.create_object_store(STORE) {
                    leptos::logging::warn!("could not create the store: {err:?}");
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&open).await;
    open.set_onupgradeneeded(None);
    drop(upgrade);
    Ok(db?.unchecked_into())
}

fn object_store(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<web_sys::IdbObjectStore, String> {
    db.transaction_with_str_and_mode(STORE, mode)
        .and_then(|t| t.object_store(STORE))
        .map_err(describe)
}

/// Remember one source's files under `key`.
pub async fn save(key: &str, label: &str, files: &[RawFile], skipped: usize) -> Result<(), String> {
    let record = Object::new();
    let set =
        |k: &str, v: &JsValue| Reflect::set(&record, &JsValue::from_str(k), v).map_err(describe);
    set("key", &JsValue::from_str(key))?;
    set("label", &JsValue::from_str(label))?;
    set("skipped", &JsValue::from_f64(skipped as f64))?;
    let list = Array::new();
    for f in files {
        let entry = Object::new();
        Reflect::set(&entry, &"path".into(), &JsValue::from_str(&f.path)).map_err(describe)?;
        let bytes = Uint8Array::from(f.bytes.as_slice());
        Reflect::set(&entry, &"bytes".into(), &bytes).map_err(describe)?;
        list.push(&entry);
    }
    set("files", &list)?;
    let db = open().await?;
    let store = object_store(&db, IdbTransactionMode::Readwrite)?;
    let req = store
        .put_with_key(&record, &JsValue::from_str(key))
        .map_err(describe)?;
    request(&req).await.map(|_| ())
}

/// Every stored source, oldest first.
pub async fn load_all() -> Result<Vec<StoredSource>, String> {
    let db = open().await?;
    let store = object_store(&db, IdbTransactionMode::Readonly)?;
    let req = store.get_all().map_err(describe)?;
    let all: Array = request(&req).await?.unchecked_into();
    let get =
        |o: &JsValue, k: &str| Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let mut out = Vec::new();
    for record in all.iter() {
        let key = get(&record, "key").as_string().unwrap_or_default();
        let label = get(&record, "label").as_string().unwrap_or_default();
        let skipped = get(&record, "skipped").as_f64().unwrap_or(0.0) as usize;
        let files_js = get(&record, "files");
        let files = files_js
            .dyn_ref::<Array>()
            .map(|a| {
                a.iter()
                    .filter_map(|f| {
                        let path = get(&f, "path").as_string()?;
                        let bytes = get(&f, "bytes").dyn_into::<Uint8Array>().ok()?.to_vec();
                        Some(RawFile {
                            path,
                            bytes,
                            intern: None,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(StoredSource {
            key,
            label,
            skipped,
            files,
        });
    }
    // Keys start with the time the source was added.
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}

/// Forget one stored source.
pub async fn delete(key: &str) -> Result<(), String> {
    let db = open().await?;
    let store = object_store(&db, IdbTransactionMode::Readwrite)?;
    let req = store.delete(&JsValue::from_str(key)).map_err(describe)?;
    request(&req).await.map(|_| ())
}

/// Forget every stored source.
pub async fn clear() -> Result<(), String> {
    let db = open().await?;
    let store = object_store(&db, IdbTransactionMode::Readwrite)?;
    let req = store.clear().map_err(describe)?;
    request(&req).await.map(|_| ())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Has the user cleared the demo away?
pub fn demo_hidden() -> bool {
    local_storage()
        .and_then(|s| s.get_item(DEMO_HIDDEN_KEY).ok().flatten())
        .is_some()
}

pub fn set_demo_hidden(hidden: bool) {
    if let Some(storage) = local_storage() {
        let _ = if hidden {
            storage.set_item(DEMO_HIDDEN_KEY, "1")
        } else {
            storage.remove_item(DEMO_HIDDEN_KEY)
        };
    }
}
