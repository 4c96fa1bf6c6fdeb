//! Finding date tokens in a piece of text (a table cell, a day label).
//!
//! The text is first cut into a flat list of lexical tokens (numbers, words, punctuation, with
//! a flag for "whitespace before"), then date shapes are matched over that list. Working on
//! tokens rather than characters keeps the matching linear and free of byte-offset slicing,
//! so arbitrary Unicode input cannot hit a char boundary.

use std::ops::Range;

/// A date as written, before the page's day/month order is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateToken {
    /// `06/10/2025`, `6-10-2025`, `06.10.2025`, `06/10` (no year): which part is the day
    /// depends on the page's order.
    Numeric {
        first: u32,
        second: u32,
        year: Option<i32>,
        sep: char,
    },
    /// `2025-10-06` (also `2025/10/06`): year first is never ambiguous.
    Ymd { year: i32, month: u32, day: u32 },
    /// `January 10, 2026`, `Jan 05`, `10 Jan 2026`, `6 tháng 10, 2025`.
    Named {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
}

/// A token found in a text, with its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub token: DateToken,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LexKind {
    /// Digits; `value` is `None` when the run is too long to be any date part.
    Number {
        value: Option<u32>,
        digits: usize,
    },
    Word,
    Punct(char),
}

/// The lower-cased text of a word lexeme, held inline (no allocation per word). Only its
/// equality with the month names and keywords matters, all shorter than `Word::CAP` bytes: a
/// longer word reads as empty, which matches none of them either.
#[derive(Debug, Clone, Copy)]
struct Word {
    bytes: [u8; Word::CAP],
    /// Bytes used; `u8::MAX` once the word outgrew the buffer.
    len: u8,
}

impl Word {
    const CAP: usize = 16;
    const LONG: u8 = u8::MAX;

    const EMPTY: Word = Word {
        bytes: [0; Word::CAP],
        len: 0,
    };

    /// Appends the lower case of `c`.
    fn push_lower(&mut self, c: char) {
        if self.len == Self::LONG {
            return;
        }
        for lower in c.to_lowercase() {
            let at = usize::from(self.len);
            let width = lower.len_utf8();
            if at + width > Self::CAP {
                self.len = Self::LONG;
                return;
            }
            lower.encode_utf8(&mut self.bytes[at..at + width]);
            self.len += width as u8;
        }
    }

    fn as_str(&self) -> &str {
        if self.len == Self::LONG {
            return "";
        }
        // Whole characters only are ever written.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.len != Self::LONG && self.bytes[..usize::from(self.len)] == *other.as_bytes()
    }
}

#[derive(Debug, Clone)]
struct Lex {
    kind: LexKind,
    /// Lower-cased text for words (empty for others).
    word: Word,
    span: Range<usize>,
    space_before: bool,
}

fn lex(text: &str) -> Vec<Lex> {
    // Sized once rather than grown one push at a time (a lexeme is at least a byte; long
    // texts may still grow past the first 64).
    let mut out: Vec<Lex> = Vec::with_capacity(text.len().min(64));
    let mut space_before = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start + 1;
            let mut digits = 1usize;
            let mut value: Option<u32> = c.to_digit(10);
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                chars.next();
                end = i + 1;
                digits += 1;
                value = if digits > 6 {
                    None
                } else {
                    value.map(|v| v * 10 + d.to_digit(10).unwrap_or(0))
                };
            }
            out.push(Lex {
                kind: LexKind::Number { value, digits },
                word: Word::EMPTY,
                span: start..end,
                space_before,
            });
        } else if crate::chars::is_alphabetic(c) {
            let mut end = start + c.len_utf8();
            let mut word = Word::EMPTY;
            word.push_lower(c);
            while let Some(&(i, d)) = chars.peek() {
                if !crate::chars::is_alphabetic(d) {
                    break;
                }
                chars.next();
                end = i + d.len_utf8();
                word.push_lower(d);
            }
            out.push(Lex {
                kind: LexKind::Word,
                word,
                span: start..end,
                space_before,
            });
        } else {
            out.push(Lex {
                kind: LexKind::Punct(c),
                word: Word::EMPTY,
                span: start..start + c.len_utf8(),
                space_before,
            });
        }
        space_before = false;
    }
    out
}

/// Month number of an English month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let month = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

fn number(lex: Option<&Lex>, min_digits: usize, max_digits: usize) -> Option<u32> {
    match lex?.kind {
        LexKind::Number {
            value: Some(v),
            digits,
        } if (min_digits..=max_digits).contains(&digits) => Some(v),
        _ => None,
    }
}

fn is_punct(lex: Option<&Lex>, c: char) -> bool {
    matches!(lex, Some(l) if l.kind == LexKind::Punct(c))
}

fn adjacent(lex: Option<&Lex>) -> bool {
    matches!(lex, Some(l) if !l.space_before)
}

fn year_of(value: u32, digits: usize) -> i32 {
    let value = value as i32;
    if digits == 2 {
        2000 + value
    } else {
        value
    }
}

/// Every date token of `text`, left to right, not overlapping. A range of days gives two
/// tokens, its first and its last day (`23–24 July`, `July 23 - 24`, `17-18/10/2025`).
pub fn scan(text: &str) -> Vec<Found> {
    // Every date shape holds a number, and numbers are ASCII digits.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let lexes = lex(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < lexes.len() {
        let range = day_range_at(&lexes, i).or_else(|| named_range_at(&lexes, i));
        if let Some((a, b, used)) = range {
            let span = lexes[i].span.start..lexes[i + used - 1].span.end;
            found.push(Found {
                token: a,
                span: span.clone(),
            });
            found.push(Found { token: b, span });
            i += used;
            continue;
        }
        match match_at(&lexes, i) {
            Some((token, used)) => {
                let span = lexes[i].span.start..lexes[i + used - 1].span.end;
                found.push(Found { token, span });
                i += used;
            }
            None => i += 1,
        }
    }
    share_range_year(text, &mut found);
    found
}

/// `28 July – 1 Aug 2025`: the first date of a range between two months takes the year
/// written after the second (the year before when the range crosses New Year).
fn share_range_year(text: &str, found: &mut [Found]) {
    for k in 1..found.len() {
        let (head, tail) = found.split_at_mut(k);
        let (first, second) = (&mut head[k - 1], &tail[0]);
        let (
            DateToken::Named {
                month: m1,
                day: d1,
                year: year @ None,
            },
            DateToken::Named {
                month: m2,
                day: d2,
                year: Some(y2),
            },
        ) = (&mut first.token, second.token)
        else {
            continue;
        };
        let between = text
            .get(first.span.end..second.span.start)
            .unwrap_or("")
            .trim();
        if is_range_word(&between.to_lowercase()) || matches!(between, "-" | "–" | "—" | "~") {
            *year = Some(if (*m1, *d1) > (m2, d2) { y2 - 1 } else { y2 });
        }
    }
}

/// Words that join the two ends of a range: `23 to 24 July`, `20 đến 24 tháng 7`.
fn is_range_word(word: &str) -> bool {
    matches!(word, "to" | "until" | "till" | "through" | "đến" | "tới")
}

/// The separator of a range at lexeme `k`: a dash or a range word.
fn range_separator(lex: Option<&Lex>) -> bool {
    match lex {
        Some(l) => match l.kind {
            LexKind::Punct(p) => matches!(p, '-' | '–' | '—' | '~'),
            LexKind::Word => is_range_word(&l.word),
            LexKind::Number { .. } => false,
        },
        None => false,
    }
}

/// Number of lexemes of an ordinal suffix glued to a day number (`23rd`): 0 or 1.
fn ordinal(lex: Option<&Lex>) -> usize {
    usize::from(matches!(lex, Some(l) if l.kind == LexKind::Word
        && !l.space_before
        && matches!(l.word.as_str(), "st" | "nd" | "rd" | "th")))
}

/// The month named at lexeme `k`: an English month (`July`, `Aug`) or `tháng 7`; returns the
/// month and how many lexemes it used.
fn month_at(lx: &[Lex], k: usize) -> Option<(u32, usize)> {
    let word = lx.get(k).filter(|l| l.kind == LexKind::Word)?;
    if word.word == "tháng" {
        let month = number(lx.get(k + 1), 1, 2).filter(|m| (1..=12).contains(m))?;
        return Some((month, 2));
    }
    month_number(&word.word).map(|m| (m, 1))
}

/// An optional year after a date at lexeme `k` (`, 2025`, ` 2025`, `năm 2025`, `/2025`):
/// the year and how many lexemes it used.
fn year_after(lx: &[Lex], k: usize) -> (Option<i32>, usize) {
    let mut j = k;
    let joined = matches!(lx.get(j), Some(l) if l.kind == LexKind::Punct(',')
        || l.kind == LexKind::Punct('/')
        || (l.kind == LexKind::Word && l.word == "năm"));
    if joined {
        j += 1;
    }
    match number(lx.get(j), 4, 4) {
        Some(y) if !glued_more(lx, j + 1) => (Some(y as i32), j + 1 - k),
        _ => (None, 0),
    }
}

/// A range of days in one month: `23–24 July`, `23 - 24 Jul 2025`, `6 - 12 tháng 10, 2025`,
/// `20 đến 24 tháng 7`, `July 23 - 24`, `April 17–21, 2026`. Gives the first and the last day.
/// A number right after a weekday word (`Thứ 2 - 20 July`) is a weekday, not a range start.
fn named_range_at(lx: &[Lex], i: usize) -> Option<(DateToken, DateToken, usize)> {
    let at = |k: usize| lx.get(i + k);
    if i > 0 {
        let previous = &lx[i - 1];
        if adjacent(at(0)) && matches!(previous.kind, LexKind::Punct('/' | '.' | ':' | '-' | '_')) {
            return None;
        }
        if previous.kind == LexKind::Word
            && (adjacent(at(0))
                || matches!(previous.word.as_str(), "thứ" | "day" | "week" | "tuần"))
        {
            return None;
        }
    }
    let pair = |a: u32, b: u32| (1..=31).contains(&a) && (a..=31).contains(&b);
    match at(0)?.kind {
        // `23–24 July`
        LexKind::Number { .. } => {
            let a = number(at(0), 1, 2)?;
            let mut k = 1 + ordinal(at(1));
            if !range_separator(at(k)) {
                return None;
            }
            k += 1;
            let b = number(at(k), 1, 2)?;
            k += 1;
            k += ordinal(at(k));
            let (month, used) = month_at(lx, i + k)?;
            k += used;
            if !pair(a, b) || glued_more(lx, i + k) {
                return None;
            }
            let (year, used) = year_after(lx, i + k);
            let token = |day| DateToken::Named { month, day, year };
            Some((token(a), token(b), k + used))
        }
        // `July 23 - 24`
        LexKind::Word => {
            let (month, mut k) = month_at(lx, i)?;
            if at(0)?.word == "tháng" {
                return None;
            }
            if is_punct(at(k), '.') && adjacent(at(k)) {
                k += 1;
            }
            let a = number(at(k), 1, 2)?;
            k += 1;
            k += ordinal(at(k));
            if !range_separator(at(k)) {
                return None;
            }
            k += 1;
            let b = number(at(k), 1, 2)?;
            k += 1;
            k += ordinal(at(k));
            // `July 28 – 1 Aug` is two dates in two months, `July 28 - 1/8` something else.
            if !pair(a, b) || month_at(lx, i + k).is_some() || glued_more(lx, i + k) {
                return None;
            }
            if is_punct(at(k), '/') || is_punct(at(k), '.') && adjacent(at(k)) {
                return None;
            }
            let (year, used) = year_after(lx, i + k);
            let token = |day| DateToken::Named { month, day, year };
            Some((token(a), token(b), k + used))
        }
        LexKind::Punct(_) => None,
    }
}

/// `17-18/10/2025`: two days sharing one month and year (a two-day row), read as the two
/// dates `17/10/2025` and `18/10/2025`.
fn day_range_at(lx: &[Lex], i: usize) -> Option<(DateToken, DateToken, usize)> {
    let at = |k: usize| lx.get(i + k);
    if i > 0 && adjacent(at(0)) && !matches!(lx[i - 1].kind, LexKind::Punct('(' | '[')) {
        return None;
    }
    let a = number(at(0), 1, 2)?;
    at(1).filter(|l| matches!(l.kind, LexKind::Punct('-' | '–')))?;
    let b = number(at(2), 1, 2)?;
    if !(is_punct(at(3), '/') && adjacent(at(3)) && adjacent(at(4))) {
        return None;
    }
    let middle = number(at(4), 1, 2)?;
    let with_year = is_punct(at(5), '/') && adjacent(at(5)) && adjacent(at(6));
    let (year, used) = if with_year {
        let year_digits = match at(6).map(|l| l.kind) {
            Some(LexKind::Number { digits, .. }) if digits == 2 || digits == 4 => digits,
            _ => return None,
        };
        (Some(year_of(number(at(6), 2, 4)?, year_digits)), 7)
    } else {
        (None, 5)
    };
    if glued_more(lx, i + used) {
        return None;
    }
    let token = |first| DateToken::Numeric {
        first,
        second: middle,
        year,
        sep: '/',
    };
    Some((token(a), token(b), used))
}

/// Try every date shape starting at lexeme `i`; returns the token and how many lexemes it used.
fn match_at(lx: &[Lex], i: usize) -> Option<(DateToken, usize)> {
    let at = |k: usize| lx.get(i + k);
    // Numbers glued to a preceding `/`, `.` or digit-ish context are part of something else
    // (a URL path, a version, an IP address).
    if i > 0 && adjacent(at(0)) {
        if let LexKind::Punct(p) = lx[i - 1].kind {
            if matches!(p, '/' | '.' | ':' | '-' | '_')
                && matches!(at(0)?.kind, LexKind::Number { .. })
            {
                return None;
            }
        }
        if lx[i - 1].kind == LexKind::Word && matches!(at(0)?.kind, LexKind::Number { .. }) {
            return None;
        }
    }
    match at(0)?.kind {
        LexKind::Number { digits, .. } => {
            // Year first: 2025-10-06, 2025/10/06.
            if digits == 4 {
                let year = number(at(0), 4, 4)?;
                for sep in ['-', '/', '.'] {
                    if is_punct(at(1), sep)
                        && adjacent(at(1))
                        && adjacent(at(2))
                        && is_punct(at(3), sep)
                        && adjacent(at(3))
                        && adjacent(at(4))
                    {
                        let month = number(at(2), 1, 2)?;
                        let day = number(at(4), 1, 2)?;
                        if glued_more(lx, i + 5) {
                            return None;
                        }
                        return Some((
                            DateToken::Ymd {
                                year: year as i32,
                                month,
                                day,
                            },
                            5,
                        ));
                    }
                }
                return None;
            }
            if !(1..=2).contains(&digits) {
                return None;
            }
            let first = number(at(0), 1, 2)?;
            // Numeric day-month with a separator.
            for sep in ['/', '-', '.'] {
                if !(is_punct(at(1), sep) && adjacent(at(1)) && adjacent(at(2))) {
                    continue;
                }
                let Some(second) = number(at(2), 1, 2) else {
                    continue;
                };
                if is_punct(at(3), sep) && adjacent(at(3)) && adjacent(at(4)) {
                    let year_digits = match at(4).map(|l| l.kind) {
                        Some(LexKind::Number { digits, .. }) => digits,
                        _ => 0,
                    };
                    if let Some(year) = number(at(4), 2, 4).filter(|_| year_digits != 3) {
                        if glued_more(lx, i + 5) {
                            return None;
                        }
                        return Some((
                            DateToken::Numeric {
                                first,
                                second,
                                year: Some(year_of(year, year_digits)),
                                sep,
                            },
                            5,
                        ));
                    }
                    return None;
                }
                // Without a year only slashes: `6-7` is a day range, `1.2` a number.
                if sep == '/' && !glued_more(lx, i + 3) {
                    return Some((
                        DateToken::Numeric {
                            first,
                            second,
                            year: None,
                            sep,
                        },
                        3,
                    ));
                }
                return None;
            }
            // `10 Jan 2026`, `10th of January`, `6 tháng 10, 2025`.
            let mut k = 1;
            if let Some(l) = at(k) {
                if l.kind == LexKind::Word
                    && matches!(l.word.as_str(), "st" | "nd" | "rd" | "th")
                    && !l.space_before
                {
                    k += 1;
                }
            }
            if matches!(at(k), Some(l) if l.kind == LexKind::Word && l.word == "of") {
                k += 1;
            }
            let word = at(k).filter(|l| l.kind == LexKind::Word)?;
            if word.word == "tháng" {
                let month = number(at(k + 1), 1, 2)?;
                let mut used = k + 2;
                let mut year = None;
                let mut j = used;
                let year_word =
                    matches!(at(j), Some(l) if l.kind == LexKind::Word && l.word == "năm");
                if is_punct(at(j), ',') || is_punct(at(j), '/') || year_word {
                    j += 1;
                }
                if let Some(y) = number(at(j), 4, 4) {
                    year = Some(y as i32);
                    used = j + 1;
                }
                return Some((
                    DateToken::Named {
                        month,
                        day: first,
                        year,
                    },
                    used,
                ));
            }
            let month = month_number(&word.word)?;
            let mut used = k + 1;
            let mut j = used;
            if is_punct(at(j), ',') {
                j += 1;
            }
            let mut year = None;
            if let Some(y) = number(at(j), 4, 4) {
                year = Some(y as i32);
                used = j + 1;
            }
            Some((
                DateToken::Named {
                    month,
                    day: first,
                    year,
                },
                used,
            ))
        }
        LexKind::Word => {
            let month = month_number(&at(0)?.word)?;
            let mut k = 1;
            if is_punct(at(k), '.') && adjacent(at(k)) {
                k += 1; // `Jan. 5`
            }
            let day = number(at(k), 1, 2)?;
            let mut used = k + 1;
            if let Some(l) = at(used) {
                if l.kind == LexKind::Word
                    && matches!(l.word.as_str(), "st" | "nd" | "rd" | "th")
                    && !l.space_before
                {
                    used += 1;
                }
            }
            // `Jan 27, 2026` or `Jan 27 2026`, but not the `12` of `Jan 5 - 12`.
            let mut j = used;
            if is_punct(at(j), ',') {
                j += 1;
            }
            let mut year = None;
            if let Some(y) = number(at(j), 4, 4) {
                year = Some(y as i32);
                used = j + 1;
            }
            Some((DateToken::Named { month, day, year }, used))
        }
        LexKind::Punct(_) => None,
    }
}

/// True when lexeme `k` continues the match without a space (`10.0.0.1`, `1/2/3/4`,
/// `06/10/2025abc`): then what looked like a date is something else.
fn glued_more(lx: &[Lex], k: usize) -> bool {
    match lx.get(k) {
        Some(l) if !l.space_before => match l.kind {
            LexKind::Number { .. } | LexKind::Word => true,
            LexKind::Punct(p) => {
                matches!(p, '/' | '.' | '-' | ':')
                    && matches!(lx.get(k + 1), Some(n) if !n.space_before && matches!(n.kind, LexKind::Number { .. }))
            }
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<DateToken> {
        scan(text).into_iter().map(|f| f.token).collect()
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(
            tokens("06/10/2025"),
            vec![DateToken::Numeric {
                first: 6,
                second: 10,
                year: Some(2025),
                sep: '/'
            }]
        );
        assert_eq!(
            tokens("6/10/25 and 13.07.2026"),
            vec![
                DateToken::Numeric {
                    first: 6,
                    second: 10,
                    year: Some(2025),
                    sep: '/'
                },
                DateToken::Numeric {
                    first: 13,
                    second: 7,
                    year: Some(2026),
                    sep: '.'
                }
            ]
        );
        assert_eq!(
            tokens("2025-10-06"),
            vec![DateToken::Ymd {
                year: 2025,
                month: 10,
                day: 6
            }]
        );
        assert_eq!(
            tokens("Monday (01/12)"),
            vec![DateToken::Numeric {
                first: 1,
                second: 12,
                year: None,
                sep: '/'
            }]
        );
    }

    #[test]
    fn two_day_range() {
        assert_eq!(tokens("17-18/03").len(), 2);
        let found = tokens("17-18/10/2025");
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            DateToken::Numeric {
                first: 18,
                second: 10,
                year: Some(2025),
                sep: '/'
            }
        );
    }

    #[test]
    fn not_dates() {
        assert!(tokens("6-7").is_empty());
        assert!(tokens("10.0.0.1").is_empty());
        assert!(tokens("https://x.com/2025/10/06/").is_empty());
        assert!(tokens("v1.2").is_empty());
        assert!(tokens("T3.1").is_empty());
        assert!(tokens("may be").is_empty());
    }

    fn named(month: u32, day: u32, year: Option<i32>) -> DateToken {
        DateToken::Named { month, day, year }
    }

    #[test]
    fn named_day_ranges() {
        let july = |a, b| vec![named(7, a, None), named(7, b, None)];
        assert_eq!(tokens("23–24 July"), july(23, 24));
        assert_eq!(tokens("23-24 July"), july(23, 24));
        assert_eq!(tokens("23 - 24 Jul"), july(23, 24));
        assert_eq!(tokens("July 23 - 24"), july(23, 24));
        assert_eq!(tokens("Jul. 23–24"), july(23, 24));
        assert_eq!(tokens("20 đến 24 tháng 7"), july(20, 24));
        assert_eq!(tokens("23rd to 24th July"), july(23, 24));
        assert_eq!(
            tokens("6 - 12 tháng 10, 2025"),
            vec![named(10, 6, Some(2025)), named(10, 12, Some(2025))]
        );
        assert_eq!(
            tokens("April 17–21, 2026"),
            vec![named(4, 17, Some(2026)), named(4, 21, Some(2026))]
        );
        assert_eq!(
            tokens("ngày 20 tháng 7 năm 2025"),
            vec![named(7, 20, Some(2025))]
        );
        // Two months: two dates; the first takes the year written after the second.
        assert_eq!(
            tokens("28 July – 1 Aug"),
            vec![named(7, 28, None), named(8, 1, None)]
        );
        assert_eq!(
            tokens("July 28 – Aug 1, 2025"),
            vec![named(7, 28, Some(2025)), named(8, 1, Some(2025))]
        );
        assert_eq!(
            tokens("29 Dec - 2 Jan 2026"),
            vec![named(12, 29, Some(2025)), named(1, 2, Some(2026))]
        );
        // Not ranges: a weekday number before a date, a backwards pair, day ranges alone.
        assert_eq!(tokens("Thứ 2 - 20 July"), vec![named(7, 20, None)]);
        assert!(tokens("24-23 July").len() < 2);
        assert!(tokens("6-7").is_empty());
        assert!(tokens("5 - 7").is_empty());
    }

    #[test]
    fn month_names() {
        assert_eq!(
            tokens("January 10, 2026"),
            vec![DateToken::Named {
                month: 1,
                day: 10,
                year: Some(2026)
            }]
        );
        assert_eq!(
            tokens("Mon (Jan 05)"),
            vec![DateToken::Named {
                month: 1,
                day: 5,
                year: None
            }]
        );
        assert_eq!(
            tokens("10 Jan 2026"),
            vec![DateToken::Named {
                month: 1,
                day: 10,
                year: Some(2026)
            }]
        );
        assert_eq!(
            tokens("6 tháng 10, 2025"),
            vec![DateToken::Named {
                month: 10,
                day: 6,
                year: Some(2025)
            }]
        );
    }
}
