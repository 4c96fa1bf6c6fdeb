//! Character classes with fast paths for the scripts worklogs are written in (ASCII,
//! Vietnamese, other Latin letters): `char::is_alphanumeric` and `char::is_alphabetic` look
//! every non-ASCII character up in Unicode tables (hundreds of instructions each), and the
//! parser asks them for most characters of Vietnamese text. Same answers for every `char`.

/// `c.is_alphabetic()`.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    latin_letter(c) || c.is_alphabetic()
}

/// `c.is_alphanumeric()`.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    latin_letter(c) || c.is_alphanumeric()
}

/// Letters of Latin-1 (but `×` and `÷`), Latin Extended-A and B, and Latin Extended
/// Additional (the Vietnamese letters with two marks): all alphabetic.
#[inline]
fn latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(c, '\u{D7}' | '\u{F7}')
}

/// `text.to_lowercase()`, with the letters of ASCII, Latin-1, Latin Extended-A and
/// Vietnamese mapped without the Unicode table lookup std makes for every non-ASCII
/// character. A text holding any other character goes to std whole (its context rule for
/// `Σ` included).
pub(crate) fn to_lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match lower_latin(c) {
            Some(lower) => out.push(lower),
            None => return text.to_lowercase(),
        }
    }
    out
}

/// The lower case of `c` when it is one character and `c` is in the ranges worklogs are
/// written in, else `None`.
#[inline]
fn lower_latin(c: char) -> Option<char> {
    let code = u32::from(c);
    let lower = match code {
        0..=0x7F => u32::from(c.to_ascii_lowercase() as u8),
        // `À`–`Þ` but `×`.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x80..=0xFF => code,
        // Latin Extended-A pairs (capital even, small odd): `Ā`–`į`, `Ĳ`–`ķ`, `Ŋ`–`ŷ`
        // (`Ă`, `Đ`, `Ĩ`, `Ũ`), and the pairs of Latin Extended Additional (`Ạ`–`ỹ`).
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => {
            code | 1
        }
        // `Ơ` `ơ`, `Ư` `ư`.
        0x1A0 | 0x1A1 => 0x1A1,
        0x1AF | 0x1B0 => 0x1B0,
        // Combining marks, general punctuation, pictographs: no case.
        0x300..=0x344 | 0x346..=0x36F | 0x2000..=0x206F | 0x1F300..=0x1FAFF => code,
        _ => return None,
    };
    char::from_u32(lower)
}

/// `text.chars().filter(|c| !c.is_whitespace()).count()`, read as bytes.
pub(crate) fn non_whitespace_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    // First bytes of characters (UTF-8 continuation bytes are 0x80–0xBF) but ASCII spaces.
    // Summed as bytes in blocks of 255 (no overflow), which the compiler vectorises.
    let count: usize = bytes
        .chunks(255)
        .map(|block| {
            let kept = block.iter().map(|&b| {
                u8::from((b as i8) >= -0x40 && b != b' ' && !(b'\t'..=b'\r').contains(&b))
            });
            usize::from(kept.fold(0u8, u8::wrapping_add))
        })
        .sum();
    // Non-ASCII spaces start 0xC2, 0xE1 0x9A, 0xE2 or 0xE3: looked for without branches
    // first (Vietnamese letters start 0xE1 0xBA / 0xE1 0xBB).
    let may_hold_spaces = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |any, (&a, &b)| {
            any | (a == 0xC2) | (a == 0xE1) & (b == 0x9A) | (a == 0xE2) | (a == 0xE3)
        });
    if !may_hold_spaces {
        return count;
    }
    let spaces = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| matches!(b, 0xC2 | 0xE1..=0xE3) && non_ascii_space(&bytes[i..]))
        .count();
    count - spaces
}

/// Whether `bytes` (valid UTF-8) start with a non-ASCII white space character (Unicode
/// `White_Space`, what `char::is_whitespace` answers): U+0085, U+00A0, U+1680,
/// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. Compared as bytes, so the
/// Vietnamese letters (also lead byte 0xE1) cost no decoding.
pub(crate) fn non_ascii_space(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// Width of the blocks [`blocks_holding`] tests at once.
const BLOCK: usize = 16;

/// The 16-byte blocks of `bytes` that hold a byte `wanted` accepts, each with its offset. A
/// block is tested by a fold without a branch per byte, so long runs without such a byte (most
/// of a line, the ASCII of English text) are passed over quickly; the caller reads the blocks
/// found byte by byte. (`wanted` should not branch either: `|` rather than `||`.)
#[inline]
pub(crate) fn blocks_holding(
    bytes: &[u8],
    wanted: impl Fn(u8) -> bool + Copy,
) -> impl Iterator<Item = (usize, &[u8])> {
    bytes
        .chunks(BLOCK)
        .enumerate()
        .filter(move |(_, block)| block.iter().fold(false, |any, &b| any | wanted(b)))
        .map(|(k, block)| (k * BLOCK, block))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_case_as_std_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(lower) = super::lower_latin(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "{c:?}"
                );
            }
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(super::to_lowercase(text), text.to_lowercase(), "{c:?}");
        }
        for text in [
            "Tuần 5: KẾT QUẢ ĐẠT ĐƯỢC",
            "ΟΔΟΣ Week",
            "İstanbul",
            "Σ",
            "AΣ B",
            "WEEK 3 — Ơ Ư",
            "",
            "\u{212A}elvin",
        ] {
            assert_eq!(super::to_lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn same_answers_as_std_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(
                super::non_whitespace_count(text),
                usize::from(!c.is_whitespace()),
                "{c:?}"
            );
            if !c.is_ascii() {
                assert_eq!(
                    super::non_ascii_space(text.as_bytes()),
                    c.is_whitespace(),
                    "{c:?}"
                );
            }
        }
    }
}
