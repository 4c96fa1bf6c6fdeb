//! The JSON contract: `{"schema": 1, "pages": [...]}` (see `docs/json-schema.md`).

use std::io::Write;

use crate::model::Export;

/// Write the export document, pretty-printed (people read it too) with a final newline.
pub fn write<W: Write>(export: &Export, mut out: W) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(&mut out, export)?;
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
