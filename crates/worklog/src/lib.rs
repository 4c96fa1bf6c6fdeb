//! `worklog`: the pure core of Worklog Viewer.
//!
//! It turns weekly worklog markdown pages (FCJ internship Hugo sites) into a plain data model
//! that the browser app, the CLI and the tests share. No web dependencies: everything here
//! builds and tests natively.
//!
//! - [`parse`]: one page, bytes in, [`Page`] out; never fails, problems become diagnostics.
//! - [`collection`]: what needs several pages: interns, language twins, date order, dates that
//!   contradict their week, and the task rows every view reads.
//! - [`intern`]: who a page belongs to (folder, URL, manifest).
//! - [`services`]: the AWS service catalogue and recognition in free text.
//! - [`query`]: the filter model shared by the app (URL query) and the CLI (flags).
//! - [`export`]: JSON, CSV, iCalendar and Markdown output.
//! - [`cohort`]: the cohort file and the interns × weeks matrix; [`similar`]: rows several
//!   interns wrote near-verbatim; [`labs`]: FCJ lab links as lab ids.

mod chars;
pub mod cohort;
pub mod collection;
pub mod export;
pub mod intern;
pub mod labs;
pub mod lint;
pub mod message;
pub mod model;
pub mod parse;
pub mod query;
pub mod services;
pub mod similar;

pub use collection::{Collection, Row};
pub use model::*;
pub use parse::parse_page;
