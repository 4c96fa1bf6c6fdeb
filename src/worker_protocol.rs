//! The messages between the app and its parse worker (`src/worker.rs`, the same wasm run by
//! `src/parse-worker.js`). Messages are plain JS objects; both sides check [`PROTOCOL`], so a
//! worker script cached by the browser from an older deployment never feeds its pages to a
//! newer app.
//!
//! - app → worker, first: `{boot: {js: "<URL of the app's JS glue>", module: WebAssembly.Module}}`;
//!   worker → app: `{ready: PROTOCOL}` once the module runs there, or `{bootError: "<message>"}`.
//! - app → worker: `{v: PROTOCOL, job, paths: [string], bytes: [Uint8Array]}`.
//! - worker → app, per chunk of parsed pages in input order:
//!   `{v: PROTOCOL, job, start, pages: "<JSON array of Page>", done: bool}`, or
//!   `{v: PROTOCOL, job, error: "<message>"}`.
//! - app → worker: `{v: PROTOCOL, job, similar: "<JSON array of [intern, language, text]>"}`
//!   (a collection's rows, see `worklog::similar::compute_texts`);
//!   worker → app: `{v: PROTOCOL, job, similarity: "<JSON SimilarityWire>"}` or the error form.

/// Bump on any change to the messages or to the JSON form of `Page` they carry.
pub const PROTOCOL: u32 = 6;

pub const BOOT: &str = "boot";
pub const BOOT_ERROR: &str = "bootError";
pub const BOOT_JS: &str = "js";
pub const BOOT_MODULE: &str = "module";
pub const READY: &str = "ready";
pub const VERSION: &str = "v";
pub const JOB: &str = "job";
pub const PATHS: &str = "paths";
pub const BYTES: &str = "bytes";
pub const START: &str = "start";
pub const PAGES: &str = "pages";
pub const DONE: &str = "done";
pub const ERROR: &str = "error";
pub const SIMILAR: &str = "similar";
pub const SIMILARITY: &str = "similarity";

/// A property of a message (`undefined` when absent).
pub fn get(object: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// Set a property of a message.
pub fn set(object: &js_sys::Object, key: &str, value: &wasm_bindgen::JsValue) {
    // Setting a property of a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

/// A new message of job `job` (either way), stamped with [`PROTOCOL`].
pub fn message(job: &wasm_bindgen::JsValue) -> js_sys::Object {
    let message = js_sys::Object::new();
    set(&message, VERSION, &PROTOCOL.into());
    set(&message, JOB, job);
    message
}

/// The worker's script, copied by Trunk next to `index.html` (`src/parse-worker.js`).
pub const SCRIPT: &str = "parse-worker.js";

/// Similar rows as the worker sends them: scores in ten-thousandths, so that neither the worker
/// nor the app links float formatting or parsing (tens of KB of wasm) for two numbers a match.
/// Matches travel as links between classes of identical rows (`worklog::similar::SimilarClass`),
/// as the worker computed them: a row copied by N interns is one class of N rows, not N lists of
/// N − 1 matches.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct SimilarityWire {
    /// (language, rows, interns) per group.
    groups: Vec<(Option<worklog::Language>, Vec<u32>, Vec<u32>)>,
    /// (row, group, class, number of matches) per similar row.
    rows: Vec<(u32, u32, u32, u32)>,
    classes: Vec<ClassWire>,
    checked: u32,
}

/// ((row, intern) per row, links) of a class.
type ClassWire = (Vec<(u32, u32)>, Vec<LinkWire>);

/// (class, score, contained) of a link between classes, scores in [`SCORE_UNIT`]s.
type LinkWire = (u32, u32, u32);

const SCORE_UNIT: f32 = 10_000.0;

impl From<&worklog::similar::Similarity> for SimilarityWire {
    fn from(s: &worklog::similar::Similarity) -> Self {
        let unit = |x: f32| (x * SCORE_UNIT).round() as u32;
        SimilarityWire {
            groups: s
                .groups
                .iter()
                .map(|g| (g.language, g.rows.clone(), g.interns.clone()))
                .collect(),
            rows: s
                .rows
                .iter()
                .map(|r| (r.row, r.group, r.class, r.matches))
                .collect(),
            classes: s
                .classes
                .iter()
                .map(|c| {
                    let links = c
                        .links
                        .iter()
                        .map(|l| (l.class, unit(l.score), unit(l.contained)))
                        .collect();
                    (c.rows.clone(), links)
                })
                .collect(),
            checked: s.checked,
        }
    }
}

impl From<SimilarityWire> for worklog::similar::Similarity {
    fn from(w: SimilarityWire) -> Self {
        use worklog::similar::{ClassLink, SimilarClass, SimilarGroup, SimilarRow};
        let score = |x: u32| x as f32 / SCORE_UNIT;
        worklog::similar::Similarity {
            groups: w
                .groups
                .into_iter()
                .map(|(language, rows, interns)| SimilarGroup {
                    language,
                    rows,
                    interns,
                })
                .collect(),
            rows: w
                .rows
                .into_iter()
                .map(|(row, group, class, matches)| SimilarRow {
                    row,
                    group,
                    class,
                    matches,
                })
                .collect(),
            classes: w
                .classes
                .into_iter()
                .map(|(rows, links)| SimilarClass {
                    rows,
                    links: links
                        .into_iter()
                        .map(|(class, s, c)| ClassLink {
                            class,
                            score: score(s),
                            contained: score(c),
                        })
                        .collect(),
                })
                .collect(),
            checked: w.checked,
        }
    }
}
