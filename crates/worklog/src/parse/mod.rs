//! Parsing one page: a pipeline of passes, each a module with one job.
//!
//! decode → front matter → sections → tables → cells → dates → services.

pub mod cells;
pub mod dates;
pub mod days;
pub mod decode;
pub mod tables;

use crate::model::{Page, PageKind};

/// Parse one page. Never fails and never panics: whatever cannot be understood becomes a
/// diagnostic on the returned page.
pub fn parse_page(source: &str, bytes: &[u8]) -> Page {
    let decoded = decode::decode(bytes);
    let mut page = Page {
        source: source.to_string(),
        kind: PageKind::Other,
        language: None,
        week: None,
        weeks: Vec::new(),
        title: None,
        date_order: None,
        date_order_reason: None,
        date: None,
        objectives: Vec::new(),
        achievements: Vec::new(),
        sections: Vec::new(),
        tasks: Vec::new(),
        diagnostics: decoded.diagnostics,
    };
    let tables = tables::extract_tasks(&decoded.text, &tables::TableContext::default());
    page.tasks = tables.tasks;
    page.date_order = tables.date_order;
    page.date_order_reason = tables.date_order_reason;
    page.diagnostics.extend(tables.diagnostics);
    page
}
