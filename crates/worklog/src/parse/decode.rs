//! Pass 1: bytes → text. BOMs, UTF-16, CRLF, invalid UTF-8 and binary data.
//!
//! Real pages are UTF-8, sometimes with a BOM and CRLF endings; people also drop UTF-16 files
//! (Windows editors) or images into a worklog folder. Everything later works on one `\n`-only
//! string whose line numbers are those an editor shows for the original file.

use std::borrow::Cow;

use crate::message::Message;
use crate::model::Diagnostic;

/// Diagnostic code for bytes that are not text (NUL bytes, binary data).
pub const NOT_TEXT: &str = "not-text";
/// Diagnostic code for bytes that are not valid UTF-8 (decoded lossily).
pub const INVALID_UTF8: &str = "invalid-utf8";
/// Diagnostic code for a UTF-16 file (decoded; informational).
pub const UTF16: &str = "utf16-encoding";

pub struct Decoded {
    /// The text with BOM removed and line endings normalised to `\n`; line numbers are kept.
    pub text: String,
    /// True when the bytes are not a text page (NUL bytes, binary data).
    pub binary: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decode a page. Never fails: undecodable bytes become U+FFFD plus a diagnostic.
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut diagnostics = Vec::new();
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest, &mut diagnostics)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        diagnostics.push(
            Message::Utf16 {
                endian: "little-endian".into(),
            }
            .info(None),
        );
        Cow::Owned(utf16(rest, u16::from_le_bytes, &mut diagnostics))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        diagnostics.push(
            Message::Utf16 {
                endian: "big-endian".into(),
            }
            .info(None),
        );
        Cow::Owned(utf16(rest, u16::from_be_bytes, &mut diagnostics))
    } else {
        utf8(bytes, &mut diagnostics)
    };

    // NUL never occurs in a text page; a few per cent of control characters means binary.
    let nul_line = text.find('\0').map(|at| line_of(&text, at));
    // Summed as bytes in blocks of 255 (no overflow), which vectorises.
    let controls: usize = text
        .as_bytes()
        .chunks(255)
        .map(|block| {
            let control = block
                .iter()
                .map(|&b| u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)));
            usize::from(control.fold(0u8, u8::wrapping_add))
        })
        .sum();
    let binary = nul_line.is_some() || (text.len() >= 64 && controls * 20 > text.len());
    if binary {
        // Encoding details of binary data mean nothing to the reader.
        diagnostics.clear();
        diagnostics.push(Message::NotText {}.error(nul_line.or(Some(1))));
        return Decoded {
            text: String::new(),
            binary: true,
            diagnostics,
        };
    }

    Decoded {
        text: normalise_newlines(&text),
        binary: false,
        diagnostics,
    }
}

/// UTF-8, lossily: the first invalid sequence is reported with its line and column.
fn utf8<'a>(bytes: &'a [u8], diagnostics: &mut Vec<Diagnostic>) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The valid prefix is UTF-8 by construction.
            let prefix = String::from_utf8_lossy(valid);
            let line = 1 + prefix.bytes().filter(|&b| b == b'\n').count();
            let column = 1 + prefix
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count());
            let text = String::from_utf8_lossy(bytes);
            let count = text.matches('\u{FFFD}').count();
            diagnostics.push(
                Message::InvalidUtf8 { count }
                    .warning(Some(line as u32))
                    .at_column(column as u32),
            );
            Cow::Owned(text.into_owned())
        }
    }
}

fn utf16(bytes: &[u8], to_unit: fn([u8; 2]) -> u16, diagnostics: &mut Vec<Diagnostic>) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| to_unit([pair[0], pair[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut bad = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => out.push(c),
            Err(_) => {
                bad += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        bad += 1;
        out.push('\u{FFFD}');
    }
    if bad > 0 {
        diagnostics.push(Message::InvalidUtf16 { count: bad }.warning(None));
    }
    out
}

/// `\r\n` and lone `\r` become `\n`, so line numbers match what an editor shows.
fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    // `\r` is ASCII, so the text is cut at it without looking at the other characters.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// 1-based line of byte offset `at`.
fn line_of(text: &str, at: usize) -> u32 {
    let end = at.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody\rlast");
        assert_eq!(d.text, "---\ntitle: x\n---\nbody\nlast");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn utf16_both_endians() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("Tuần 1\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).text, "Tuần 1\n");
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Week".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).text, "Week");
    }

    #[test]
    fn invalid_utf8_reports_position() {
        let d = decode(b"ok\nab\xFFcd");
        assert_eq!(d.text, "ok\nab\u{FFFD}cd");
        assert_eq!(d.diagnostics[0].code, INVALID_UTF8);
        assert_eq!(d.diagnostics[0].line, Some(2));
        assert_eq!(d.diagnostics[0].column, Some(3));
    }

    #[test]
    fn nul_is_binary() {
        let d = decode(b"PNG\0\0\x01");
        assert!(d.binary);
        assert_eq!(d.diagnostics[0].code, NOT_TEXT);
    }
}
