//! Pass: the page language. The `.vi.md` / `.en.md` suffix (or a `content/vi/` folder) says
//! it; without one the page is the site's default language, which is not always English, so
//! the content decides: Vietnamese writes most words with diacritics.

use crate::message::Message;
use crate::model::{Diagnostic, Language};

pub const LANGUAGE_MISMATCH: &str = "language-mismatch";

/// Below this many letters the content says nothing reliable.
const MIN_LETTERS: usize = 40;

/// Language from the path alone: file suffix, then a language folder under `content/`.
pub fn from_path(source: &str) -> Option<Language> {
    let lower = source.to_lowercase().replace('\\', "/");
    let file = lower.rsplit('/').next().unwrap_or(&lower);
    let stem = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".markdown"))
        .unwrap_or(file);
    if stem.ends_with(".vi") {
        return Some(Language::Vi);
    }
    if stem.ends_with(".en") {
        return Some(Language::En);
    }
    let parts: Vec<&str> = lower.split('/').collect();
    parts.windows(2).find_map(|pair| match pair {
        ["content", "vi"] => Some(Language::Vi),
        ["content", "en"] => Some(Language::En),
        _ => None,
    })
}

/// Letters, and letters carrying Vietnamese marks (combining marks of decomposed text count
/// as marked).
fn counts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // ASCII letters summed as bytes in blocks of 255 (no overflow), which vectorises.
    let mut letters: usize = bytes
        .chunks(255)
        .map(|block| {
            let ascii = block.iter().map(|&b| u8::from(b.is_ascii_alphabetic()));
            usize::from(ascii.fold(0u8, u8::wrapping_add))
        })
        .sum();
    let mut marked = 0usize;
    if text.is_ascii() {
        return (letters, marked);
    }
    // A character of several bytes is read at its first byte (0xC0 and up); the ASCII runs of
    // English text are passed over block by block.
    for (start, block) in crate::chars::blocks_holding(bytes, |b| b >= 0xC0) {
        for (j, &b) in block.iter().enumerate() {
            if b < 0xC0 {
                continue;
            }
            let Some(c) = text[start + j..].chars().next() else {
                continue;
            };
            // Cheapest tests first: the Vietnamese letters (all alphabetic), and only other
            // non-ASCII characters pay for the Unicode table lookup.
            if is_vietnamese_letter(c) {
                letters += 1;
                marked += 1;
            } else if crate::chars::is_alphabetic(c) {
                letters += 1;
            } else if ('\u{300}'..='\u{323}').contains(&c) {
                marked += 1;
            }
        }
    }
    (letters, marked)
}

/// Language from content: the share of letters that carry Vietnamese-only marks.
pub fn from_content(text: &str) -> Option<Language> {
    reading(counts(text))
}

fn reading((letters, marked): (usize, usize)) -> Option<Language> {
    if letters < MIN_LETTERS {
        return None;
    }
    // Vietnamese prose has roughly a third of its letters marked; English pages that quote a
    // few Vietnamese names stay far below 4 %.
    Some(if marked * 25 >= letters {
        Language::Vi
    } else {
        Language::En
    })
}

/// Letters with marks used by Vietnamese (not plain ASCII).
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c,
        'à'..='ã' | 'è'..='ê' | 'ì' | 'í' | 'ò'..='õ' | 'ù' | 'ú' | 'ý' |
        'À'..='Ã' | 'È'..='Ê' | 'Ì' | 'Í' | 'Ò'..='Õ' | 'Ù' | 'Ú' | 'Ý' |
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' |
        '\u{1EA0}'..='\u{1EF9}')
}

/// The page language: the path when it says, else the content. A suffix that contradicts
/// clearly Vietnamese or clearly English content is reported (the suffix still wins: it is
/// what the site generator uses).
pub fn detect(source: &str, body: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Language> {
    let (letters, marked) = counts(body);
    let content = reading((letters, marked));
    // English pages often keep Vietnamese headings and vice versa: only near-monolingual
    // text contradicts a file name.
    let strongly = |language: Language| match language {
        Language::Vi => marked * 6 >= letters,
        Language::En => marked * 200 < letters,
    };
    match from_path(source) {
        Some(declared) => {
            if let Some(found) = content.filter(|&c| c != declared && strongly(c)) {
                diagnostics.push(Message::LanguageMismatch { declared, found }.info(None));
            }
            Some(declared)
        }
        None => content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_and_folder() {
        assert_eq!(
            from_path("content/1-Worklog/1.5-Week5/_index.vi.md"),
            Some(Language::Vi)
        );
        assert_eq!(from_path("week-3.en.md"), Some(Language::En));
        assert_eq!(
            from_path("content/vi/worklog/week-01/index.md"),
            Some(Language::Vi)
        );
        assert_eq!(from_path("content/1-Worklog/_index.md"), None);
    }

    #[test]
    fn content() {
        assert_eq!(
            from_content("Tìm hiểu về các dịch vụ cơ bản của AWS và thực hành tạo máy ảo EC2 trên nền tảng đám mây"),
            Some(Language::Vi)
        );
        assert_eq!(
            from_content("Learn about the basic AWS services and practise creating EC2 virtual machines in the cloud"),
            Some(Language::En)
        );
        assert_eq!(from_content("| 2 | x |"), None);
    }
}
