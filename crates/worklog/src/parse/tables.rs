//! Pass: find worklog tables in the text and turn their rows into tasks.

use chrono::NaiveDate;

use crate::model::{DateOrder, Diagnostic, Language, Task};

/// What the page knows that helps read its table (from earlier passes).
#[derive(Debug, Clone, Default)]
pub struct TableContext {
    pub language: Option<Language>,
    /// The front-matter date, when real: evidence for the date order and the year.
    pub front_matter_date: Option<NaiveDate>,
    /// A date order decided elsewhere (twin page, neighbouring weeks) to use when the page
    /// itself is ambiguous.
    pub date_order_hint: Option<DateOrder>,
}

#[derive(Debug, Clone, Default)]
pub struct TableOutput {
    pub tasks: Vec<Task>,
    pub date_order: Option<DateOrder>,
    pub date_order_reason: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Find the worklog tables of `text` (the whole decoded page; line numbers are 1-based lines
/// of it) and read their rows.
pub fn extract_tasks(text: &str, context: &TableContext) -> TableOutput {
    let _ = (text, context);
    TableOutput::default()
}
