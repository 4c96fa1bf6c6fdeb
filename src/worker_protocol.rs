//! The messages between the app and its parse worker (`src/bin/parse_worker.rs`), shared by both
//! binaries. Messages are plain JS objects; both sides check [`PROTOCOL`], so a worker cached by
//! the browser from an older deployment never feeds its pages to a newer app.
//!
//! - worker → app, once started: `{ready: PROTOCOL}`.
//! - app → worker: `{v: PROTOCOL, job, paths: [string], bytes: [Uint8Array]}`.
//! - worker → app, per chunk of parsed pages in input order:
//!   `{v: PROTOCOL, job, start, pages: "<JSON array of Page>", done: bool}`, or
//!   `{v: PROTOCOL, job, error: "<message>"}`.
//! - app → worker: `{v: PROTOCOL, job, similar: "<JSON array of [intern, language, text]>"}`
//!   (a collection's rows, see `worklog::similar::compute_texts`);
//!   worker → app: `{v: PROTOCOL, job, similarity: "<JSON Similarity>"}` or the error form.

/// Bump on any change to the messages or to the JSON form of `Page` they carry.
pub const PROTOCOL: u32 = 3;

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

/// The worker's loader script, emitted by Trunk next to `index.html` (`data-loader-shim`).
#[allow(dead_code)] // used by the app only
pub const LOADER: &str = "parse-worker_loader.js";
