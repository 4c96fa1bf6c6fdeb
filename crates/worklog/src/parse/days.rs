//! Pass: the day column (`2`, `Thứ Hai`, `Mon`, `Day 3`, `6-7`, `Full week`) → weekdays.
//!
//! A label is parsed on its own into a first and last day reference; whether a bare number is
//! a Vietnamese weekday number (2 = Monday … 7 = Saturday), a 1-based day (1 = Monday) or
//! neither is a property of the whole column ([`column_convention`]). Labels never override
//! real dates: the date pass uses them as evidence and to fill rows that have no date.

use crate::model::Weekday;
use crate::parse::dates;

/// One day reference inside a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    /// A named weekday (`Monday`, `Thứ Hai`, `T2`, `CN`).
    Weekday(Weekday),
    /// A bare number; its meaning depends on the column's [`NumberConvention`].
    Number(u32),
    /// `Day N` / `Ngày N`: a position in a sequence, not a weekday.
    Sequence(u32),
}

/// A parsed day label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayLabel {
    /// The label as written, markup stripped.
    pub text: String,
    pub first: Option<DayRef>,
    /// The last day of a range or list (`6-7`, `Mon, Tue, Wed`), when different from `first`.
    pub last: Option<DayRef>,
    /// `Full week` / `Toàn tuần`.
    pub full_week: bool,
    /// `6 (continued)`: the row carries on the previous day's work.
    pub continued: bool,
    /// The label also holds a date (`Monday (01/12)`, `13/07/2026`).
    pub has_date: bool,
}

/// How bare numbers of a day column are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberConvention {
    /// Vietnamese weekday numbers: 2 = Monday … 7 = Saturday (Sunday is `CN`).
    #[default]
    Vietnamese,
    /// The column starts at 1: 1 = Monday … 7 = Sunday.
    OneBased,
    /// Numbers that are neither (sequence numbers, days of the month): no weekday.
    NotWeekdays,
}

fn weekday_from_index(index: u32) -> Option<Weekday> {
    Some(match index {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        6 => Weekday::Sun,
        _ => return None,
    })
}

fn weekday_index(day: Weekday) -> i64 {
    match day {
        Weekday::Mon => 0,
        Weekday::Tue => 1,
        Weekday::Wed => 2,
        Weekday::Thu => 3,
        Weekday::Fri => 4,
        Weekday::Sat => 5,
        Weekday::Sun => 6,
    }
}

impl DayRef {
    fn weekday(self, convention: NumberConvention) -> Option<Weekday> {
        match self {
            DayRef::Weekday(day) => Some(day),
            DayRef::Number(n) => match convention {
                NumberConvention::Vietnamese if (2..=8).contains(&n) => weekday_from_index(n - 2),
                NumberConvention::OneBased if (1..=7).contains(&n) => weekday_from_index(n - 1),
                _ => None,
            },
            DayRef::Sequence(_) => None,
        }
    }

    /// (offset, is_weekday): Monday-based weekday index, or the sequence number.
    fn offset(self, convention: NumberConvention) -> Option<(i64, bool)> {
        match self {
            DayRef::Sequence(n) => Some((i64::from(n), false)),
            _ => self
                .weekday(convention)
                .map(|day| (weekday_index(day), true)),
        }
    }
}

impl DayLabel {
    /// The (first) weekday the label names, if any.
    pub fn weekday(&self, convention: NumberConvention) -> Option<Weekday> {
        if self.full_week {
            return None;
        }
        self.first?.weekday(convention)
    }

    /// Position of the (first) day: weekday index (Monday = 0) or sequence number, and
    /// whether it is a weekday.
    pub fn offset(&self, convention: NumberConvention) -> Option<(i64, bool)> {
        if self.full_week {
            return None;
        }
        self.first?.offset(convention)
    }

    /// Position of the last day of a range or list, same kind as [`DayLabel::offset`].
    pub fn last_offset(&self, convention: NumberConvention) -> Option<(i64, bool)> {
        let first = self.offset(convention)?;
        let last = self.last?.offset(convention)?;
        (first.1 == last.1).then_some(last)
    }
}

/// Markup of a table cell reduced to plain words: bold/italic/code markers, `<br>`, HTML
/// entities for spaces. Used for labels, not for task text (that keeps its structure).
pub fn strip_markup(cell: &str) -> String {
    let mut text = String::with_capacity(cell.len());
    let bytes = cell.as_bytes();
    // Ordinary text is copied in runs; only the ASCII markup bytes below stop the copy.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'<' | b'&' | b'_' | b'*' | b'`' | b'~') {
            i += 1;
            continue;
        }
        text.push_str(&cell[run..i]);
        let rest = &cell[i..];
        let mut skip = 1;
        match bytes[i] {
            b'<' => {
                // Look for the `>` only nearby: `<br/>`, `<br />`; a far one is not this tag's.
                let end = rest.bytes().take(8).position(|b| b == b'>');
                match end {
                    Some(end)
                        if rest.as_bytes()[..3.min(rest.len())].eq_ignore_ascii_case(b"<br") =>
                    {
                        text.push(' ');
                        skip = end + 1;
                    }
                    _ => text.push('<'),
                }
            }
            b'&' => {
                let entity = ["&nbsp;", "&emsp;", "&ensp;", "&thinsp;"]
                    .into_iter()
                    .find(|e| {
                        rest.len() >= e.len()
                            && rest.as_bytes()[..e.len()].eq_ignore_ascii_case(e.as_bytes())
                    });
                match entity {
                    Some(entity) => {
                        text.push(' ');
                        skip = entity.len();
                    }
                    None => text.push('&'),
                }
            }
            b'_' if !is_emphasis_underscore(&text, rest) => text.push('_'),
            // `*`, `` ` ``, `~` and emphasis `_`: markers, dropped.
            _ => {}
        }
        i += skip;
        run = i;
    }
    text.push_str(&cell[run..]);
    if crate::parse::inline::needs_collapse(&text) || text.starts_with(' ') || text.ends_with(' ') {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text
    }
}

/// `_` used as emphasis at a word edge, not inside `snake_case`.
fn is_emphasis_underscore(before: &str, rest: &str) -> bool {
    let prev_word = before.chars().last().is_some_and(|c| c.is_alphanumeric());
    let next_word = rest.chars().nth(1).is_some_and(|c| c.is_alphanumeric());
    !(prev_word && next_word)
}

/// Remove `( … )` notes, remembering `continued`; the dates inside were found separately.
fn drop_parentheses(text: &str, continued: &mut bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut note = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                out.push(' ');
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if note.contains("continu") || note.contains("tiếp") {
                        *continued = true;
                    }
                    note.clear();
                }
            }
            _ if depth > 0 => {
                if note.len() < 64 {
                    note.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Vietnamese weekday words after `thứ` (or alone, as in `**Hai**`).
fn vietnamese_word(word: &str) -> Option<Weekday> {
    Some(match word {
        "hai" => Weekday::Mon,
        "ba" => Weekday::Tue,
        "tư" | "tu" => Weekday::Wed,
        "năm" | "nam" => Weekday::Thu,
        "sáu" | "sau" => Weekday::Fri,
        "bảy" | "bay" => Weekday::Sat,
        _ => return None,
    })
}

fn english_word(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn small_number(word: &str) -> Option<u32> {
    if word.is_empty() || word.len() > 3 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// One part of a range or list: the day reference it starts with.
fn parse_part(part: &str) -> Option<DayRef> {
    let words: Vec<&str> = part
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let first = *words.first()?;
    let second = words.get(1).copied().unwrap_or("");
    if let Some(n) = small_number(first) {
        return Some(DayRef::Number(n));
    }
    if matches!(first, "day" | "ngày" | "buổi") {
        return small_number(second).map(DayRef::Sequence);
    }
    if first == "thứ" || first == "thu" && !second.is_empty() && small_number(second).is_some() {
        if let Some(n) = small_number(second) {
            return match n {
                2..=7 => DayRef::Number(n)
                    .weekday(NumberConvention::Vietnamese)
                    .map(DayRef::Weekday),
                8 => Some(DayRef::Weekday(Weekday::Sun)),
                _ => None,
            };
        }
        return vietnamese_word(second).map(DayRef::Weekday);
    }
    if first == "chủ" || first == "chu" {
        return matches!(second, "nhật" | "nhat").then_some(DayRef::Weekday(Weekday::Sun));
    }
    if first == "cn" {
        return Some(DayRef::Weekday(Weekday::Sun));
    }
    // `T2` … `T7` (but not task ids such as `T3.1`: the split above keeps `.` out of words,
    // so check the raw part).
    if let Some(rest) = first.strip_prefix('t') {
        if let Some(n @ 2..=7) = small_number(rest) {
            let raw_next = part.trim_start().chars().nth(first.chars().count());
            if raw_next.is_none_or(|c| !c.is_alphanumeric() && c != '.') {
                return DayRef::Number(n)
                    .weekday(NumberConvention::Vietnamese)
                    .map(DayRef::Weekday);
            }
        }
    }
    if let Some(day) = english_word(first) {
        return Some(DayRef::Weekday(day));
    }
    if words.len() == 1 {
        return vietnamese_word(first).map(DayRef::Weekday);
    }
    None
}

/// Parse a day cell.
pub fn parse_label(cell: &str) -> DayLabel {
    let text = strip_markup(cell);
    let mut label = DayLabel {
        text: text.clone(),
        ..DayLabel::default()
    };
    // Blank out dates so their numbers are not taken for day numbers.
    let found = dates::scan(&text);
    label.has_date = !found.is_empty();
    let mut without_dates = String::with_capacity(text.len());
    let mut cursor = 0;
    for f in &found {
        if f.span.start >= cursor
            && text.is_char_boundary(f.span.start)
            && text.is_char_boundary(f.span.end)
        {
            without_dates.push_str(&text[cursor..f.span.start]);
            without_dates.push(' ');
            cursor = f.span.end;
        }
    }
    without_dates.push_str(text.get(cursor..).unwrap_or(""));
    let lower = crate::chars::to_lowercase(&drop_parentheses(&without_dates, &mut label.continued));
    if lower.contains("continu") || lower.contains("(tiếp") {
        label.continued = true;
    }
    if [
        "full week",
        "whole week",
        "all week",
        "entire week",
        "toàn tuần",
        "cả tuần",
        "suốt tuần",
    ]
    .iter()
    .any(|k| lower.contains(k))
    {
        label.full_week = true;
        return label;
    }
    // Ranges (`6-7`, `Tue–Wed`, `Mon to Fri`) and lists (`Mon, Tue`, `4 ,5`, `2 & 3`).
    // Most labels hold none of the joining words: then no copy.
    const JOINS: [(&str, &str); 4] = [(" to ", "-"), (" đến ", "-"), (" and ", ","), (" và ", ",")];
    let normalised = if JOINS.iter().any(|(word, _)| lower.contains(word)) {
        JOINS
            .iter()
            .fold(lower, |text, (word, by)| text.replace(word, by))
    } else {
        lower
    };
    let parts: Vec<&str> = normalised
        .split(['-', '–', '—', '~', ',', '&', '/', '+'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    label.first = parts.first().and_then(|p| parse_part(p));
    if parts.len() > 1 && label.first.is_some() {
        label.last = parts.last().and_then(|p| parse_part(p));
        if label.last == label.first {
            label.last = None;
        }
    }
    label
}

/// Decide how a column's bare numbers are read, from all its labels: a column that uses 1 is
/// 1-based; numbers above 8 mean the column is not weekday numbers at all.
pub fn column_convention<'a>(labels: impl IntoIterator<Item = &'a DayLabel>) -> NumberConvention {
    let mut min = u32::MAX;
    let mut max = 0;
    for label in labels {
        for r in [label.first, label.last].into_iter().flatten() {
            if let DayRef::Number(n) = r {
                min = min.min(n);
                max = max.max(n);
            }
        }
    }
    if max == 0 && min == u32::MAX {
        NumberConvention::Vietnamese
    } else if min == 0 || max > 8 {
        NumberConvention::NotWeekdays
    } else if min == 1 {
        if max > 7 {
            NumberConvention::NotWeekdays
        } else {
            NumberConvention::OneBased
        }
    } else {
        NumberConvention::Vietnamese
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wd(cell: &str) -> Option<Weekday> {
        parse_label(cell).weekday(NumberConvention::Vietnamese)
    }

    #[test]
    fn vietnamese_and_english() {
        assert_eq!(wd("2"), Some(Weekday::Mon));
        assert_eq!(wd("**3**"), Some(Weekday::Tue));
        assert_eq!(wd("Thứ 2"), Some(Weekday::Mon));
        assert_eq!(wd("Thứ Hai"), Some(Weekday::Mon));
        assert_eq!(wd("thứ bảy"), Some(Weekday::Sat));
        assert_eq!(wd("**Hai**"), Some(Weekday::Mon));
        assert_eq!(wd("Chủ Nhật"), Some(Weekday::Sun));
        assert_eq!(wd("CN"), Some(Weekday::Sun));
        assert_eq!(wd("T5"), Some(Weekday::Thu));
        assert_eq!(wd("T3.1"), None);
        assert_eq!(wd("Monday"), Some(Weekday::Mon));
        assert_eq!(wd("**Fri**"), Some(Weekday::Fri));
        assert_eq!(wd("Monday (Office visit)"), Some(Weekday::Mon));
        assert_eq!(wd("Thứ Hai (Lên văn phòng)"), Some(Weekday::Mon));
        assert_eq!(wd("Mon (Jan 05)"), Some(Weekday::Mon));
        assert_eq!(wd("Monday (01/12)"), Some(Weekday::Mon));
        assert_eq!(wd("2 (30/03)"), Some(Weekday::Mon));
        assert_eq!(wd("13/07/2026"), None);
        assert!(parse_label("13/07/2026").has_date);
    }

    #[test]
    fn ranges_lists_sequences() {
        let l = parse_label("6-CN");
        assert_eq!(l.first, Some(DayRef::Number(6)));
        assert_eq!(l.last, Some(DayRef::Weekday(Weekday::Sun)));
        let l = parse_label("Mon, Tue, Wed");
        assert_eq!(l.first, Some(DayRef::Weekday(Weekday::Mon)));
        assert_eq!(l.last, Some(DayRef::Weekday(Weekday::Wed)));
        let l = parse_label("4 ,5");
        assert_eq!(l.last, Some(DayRef::Number(5)));
        let l = parse_label("Thu - Fri");
        assert_eq!(l.last, Some(DayRef::Weekday(Weekday::Fri)));
        assert_eq!(parse_label("Day 3").first, Some(DayRef::Sequence(3)));
        assert_eq!(parse_label("Ngày 1").first, Some(DayRef::Sequence(1)));
        assert!(parse_label("Full week").full_week);
        assert!(parse_label("Toàn tuần").full_week);
        let l = parse_label("6 (continued)");
        assert!(l.continued);
        assert_eq!(l.first, Some(DayRef::Number(6)));
    }

    #[test]
    fn conventions() {
        let labels: Vec<DayLabel> = ["1", "2", "3"].iter().map(|c| parse_label(c)).collect();
        assert_eq!(column_convention(&labels), NumberConvention::OneBased);
        assert_eq!(
            labels[0].weekday(NumberConvention::OneBased),
            Some(Weekday::Mon)
        );
        let labels: Vec<DayLabel> = ["19", "20"].iter().map(|c| parse_label(c)).collect();
        assert_eq!(column_convention(&labels), NumberConvention::NotWeekdays);
        let labels: Vec<DayLabel> = ["3", "4", "6-7"].iter().map(|c| parse_label(c)).collect();
        assert_eq!(column_convention(&labels), NumberConvention::Vietnamese);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for cell in [
            "", "(", ")", "((", "**", "<br", "&nbsp", "đ-", "thứ", "—", "ngày", "Thứ 9", "t",
        ] {
            let _ = parse_label(cell);
        }
    }
}
