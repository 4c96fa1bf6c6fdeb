//! The JSON contract: `{"schema": 1, "pages": [...]}` (see `docs/json-schema.md`).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::collection::Collection;
use crate::model::{Export, Page, SCHEMA_VERSION};

/// Write the export document, pretty-printed (people read it too) with a final newline.
pub fn write<W: Write>(export: &Export, mut out: W) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(&mut out, export)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The export document of pages of a collection, with who each page belongs to (additive to
/// schema 1): every page gains `intern` (its intern's key); the document gains `interns`
/// (`[{"key", "name"}]`, the interns of these pages in the collection's order) and `set_aside`
/// (`{"pages": N, "sections": {"2-Proposal": 2, ...}}`: pages of other site sections, which
/// stay in `pages` with kind `other-section` and their `section`).
///
/// `pages` are `(index in collection.pages(), page)`, as [`super::filtered_indexed`] gives them.
pub fn write_with_interns<W: Write>(
    collection: &Collection,
    pages: &[(usize, Page)],
    mut out: W,
) -> serde_json::Result<()> {
    #[derive(Serialize)]
    struct Document<'a> {
        schema: u32,
        pages: Vec<PageOut<'a>>,
        interns: Vec<&'a crate::collection::Internship>,
        set_aside: SetAside,
    }
    #[derive(Serialize)]
    struct PageOut<'a> {
        #[serde(flatten)]
        page: &'a Page,
        intern: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct SetAside {
        pages: usize,
        sections: BTreeMap<String, usize>,
    }
    let all = collection.internships();
    let mut used = vec![false; all.len()];
    let pages_out: Vec<PageOut> = pages
        .iter()
        .map(|(i, page)| {
            let intern = collection.intern_index(*i).and_then(|k| {
                used[k] = true;
                all.get(k)
            });
            PageOut {
                page,
                intern: intern.map(|i| i.key.as_str()),
            }
        })
        .collect();
    let sections: BTreeMap<String, usize> =
        super::set_aside_sections_of(pages.iter().map(|(_, p)| p))
            .into_iter()
            .collect();
    let document = Document {
        schema: SCHEMA_VERSION,
        pages: pages_out,
        interns: all
            .iter()
            .zip(&used)
            .filter(|(_, &u)| u)
            .map(|(i, _)| i)
            .collect(),
        set_aside: SetAside {
            pages: sections.values().sum(),
            sections,
        },
    };
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The export document as a string.
pub fn to_string(export: &Export) -> String {
    let mut buf = Vec::new();
    // Writing plain data to a Vec cannot fail: every model type serialises infallibly.
    if write(export, &mut buf).is_err() {
        return String::new();
    }
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SCHEMA_VERSION;

    #[test]
    fn empty_export_has_schema_and_pages() {
        let text = to_string(&Export {
            schema: SCHEMA_VERSION,
            pages: Vec::new(),
        });
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value["schema"], 1);
        assert_eq!(value["pages"], serde_json::json!([]));
        assert!(text.ends_with('\n'));
    }
}
