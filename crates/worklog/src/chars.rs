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

#[cfg(test)]
mod tests {
    #[test]
    fn same_answers_as_std_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
