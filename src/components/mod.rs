//! Small reusable pieces: one concern each.

pub mod after_paint;
pub mod chips;
pub mod date;
pub mod detail;
pub mod export;
pub mod filters;
pub mod github_token;
pub mod intern_heat;
pub mod item_tree;
pub mod loader;
pub mod page_sections;
pub mod set_aside;
pub mod similar;
pub mod sort_header;
pub mod sources;
pub mod ui_lang;
