//! The six screens, one module each; `view=` in the URL picks one.

pub mod cohort;
pub mod diagnostics;
pub mod services;
pub mod tasks;
pub mod timeline;
pub mod weeks;
