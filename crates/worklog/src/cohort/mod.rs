//! A cohort: many interns' worklogs seen together, as a mentor reviews an intake.
//!
//! - [`file`]: the cohort file (`cohort.json`), the site manifest plus the cohort's name, start
//!   and number of weeks; read into a [`Cohort`] or a [`CohortError`] saying where and why.
//! - [`csv`]: the matrix as CSV, one record per intern (the app's export).
//! - [`matrix`]: interns × weeks, each cell a [`CellState`] with its counts (tasks, dated days,
//!   dates contradicting the week, diagnostics, similar rows, labs), a summary per intern
//!   (progress, last dated task, problems) and per week; sortable by [`SortKey`].
//!
//! Similar rows ([`crate::similar`]) and labs ([`crate::labs`]) are computed over the whole
//! collection and counted in the matrix. Nothing here reads a clock: "today" is an argument.
//! The definitions are in `docs/cohort.md`.

pub mod csv;
pub mod file;
pub mod matrix;

pub use file::{is_url, Cohort, CohortError, CohortIntern, InternSource, COHORT_SCHEMA};
pub use matrix::{
    Cell, CellState, InternLine, InternSummary, Matrix, MatrixOptions, SortKey, WeekSummary,
    MATRIX_SCHEMA,
};
