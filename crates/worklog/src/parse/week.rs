//! Pass: which week(s) a page is about, by the precedence of survey §5:
//! folder/file name → front-matter `pre` (`<b> 1.5. </b>`) → `title` → first `Week N` /
//! `Tuần N` heading → `weight` (last resort: the template ships `weight: 1`).
//! Sources that disagree with the chosen number are reported as `week-conflict`.

use crate::message::{Message, WeekSource};
use crate::model::{Diagnostic, SectionKind};
use crate::parse::front_matter::FrontMatter;
use crate::parse::heading::Heading;

pub const WEEK_CONFLICT: &str = "week-conflict";
pub const WEEK_FROM_WEIGHT: &str = "week-from-weight";

/// Highest plausible week number of an internship (a 12–14 week programme, with margin).
const MAX_WEEK: u32 = 60;
/// At most this many heading conflicts are reported per page.
const MAX_HEADING_CONFLICTS: usize = 5;

/// One `Week N` / `Tuần N` / `Week 12-13-14` mention in a text.
fn mentions(text: &str) -> Vec<Vec<u32>> {
    if !may_mention(text) {
        return Vec::new();
    }
    // The lower-cased text is read by bytes: every byte compared is ASCII (or the whole of
    // `ầ`, `–`, `—`, U+00A0), so byte offsets stay on character boundaries.
    let lower = crate::chars::to_lowercase(text);
    let b = lower.as_bytes();
    let char_at = |at: usize| lower.get(at..).and_then(|rest| rest.chars().next());
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // The keyword first: most positions fail on their first letter, and the word-start
        // check (a Unicode class lookup) only runs where a keyword is.
        let keyword_len = match b[i] {
            b'w' if b[i..].starts_with(b"week") => 4,
            b't' if b[i..].starts_with(b"tuan") => 4,
            b't' if b[i..].starts_with("tuần".as_bytes()) => "tuần".len(),
            _ => 0,
        };
        if keyword_len == 0
            || lower[..i]
                .chars()
                .next_back()
                .is_some_and(crate::chars::is_alphanumeric)
        {
            i += 1;
            continue;
        }
        let mut j = i + keyword_len;
        if b.get(j) == Some(&b's') {
            j += 1; // "Weeks 12-14"
        }
        if char_at(j).is_some_and(crate::chars::is_alphabetic) {
            i = j; // "weekly", "tuanh"
            continue;
        }
        // Separators between the keyword and the number: space, `-`, `_`, `#`, `.` (not `:`:
        // Vietnamese "tuần: 6 - 12 tháng 10" is a date range, not weeks).
        let mut skipped = 0;
        while skipped < 3 {
            match char_at(j) {
                Some(c @ (' ' | '-' | '_' | '#' | '.' | '\u{a0}')) => j += c.len_utf8(),
                _ => break,
            }
            skipped += 1;
        }
        match read_number(b, j) {
            Some((first, end)) => {
                let mut numbers = vec![first];
                let mut k = end;
                // Chain: `12-13-14`, `12–14`, `1, 2`, `3 & 4`.
                loop {
                    let mut m = k;
                    while b.get(m) == Some(&b' ') {
                        m += 1;
                    }
                    match char_at(m) {
                        Some(c @ ('-' | '–' | '—' | ',' | '&' | '+')) => m += c.len_utf8(),
                        _ => break,
                    }
                    while b.get(m) == Some(&b' ') {
                        m += 1;
                    }
                    match read_number(b, m) {
                        Some((n, end)) => {
                            numbers.push(n);
                            k = end;
                        }
                        None => break,
                    }
                }
                let numbers = expand(numbers);
                if !numbers.is_empty() {
                    out.push(numbers);
                }
                i = k;
            }
            None => i = j,
        }
    }
    out
}

/// A 1–3 digit number at byte `at` that is not part of a date (`10/06`, `1.5`), within range.
fn read_number(b: &[u8], at: usize) -> Option<(u32, usize)> {
    let mut end = at;
    while end < b.len() && b[end].is_ascii_digit() && end - at < 4 {
        end += 1;
    }
    if end == at || end - at > 3 {
        return None;
    }
    let next = b.get(end).copied();
    let after = b.get(end + 1).copied();
    if matches!(next, Some(b'/') | Some(b'.')) && after.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = b[at..end]
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    (1..=MAX_WEEK).contains(&n).then_some((n, end))
}

/// `[12, 14]` is the range 12–14; longer chains are lists. Duplicates removed.
fn expand(numbers: Vec<u32>) -> Vec<u32> {
    let numbers = match numbers.as_slice() {
        [a, b] if b > a && b - a <= 3 => (*a..=*b).collect(),
        _ => numbers,
    };
    let mut out: Vec<u32> = Vec::with_capacity(numbers.len());
    for n in numbers {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Cheap pre-check run on every text of a page, without lower-casing it: `week`, `tuan` or
/// `tuần` in any case (`ầ`/`Ầ` are the only letters whose lower case is the `ầ` of `tuần`;
/// the Kelvin sign `K`, whose lower case is `k`, sends the text to the full check).
fn may_mention(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A pass without branches (vectorised) for the first two bytes of each spelling: most
    // texts have no `we`, `tu` (any case) or Kelvin sign at all.
    let start = |a: u8, b: u8| {
        (a | 0x20 == b'w') & (b | 0x20 == b'e')
            | (a | 0x20 == b't') & (b | 0x20 == b'u')
            | (a == 0xE2) & (b == 0x84)
    };
    if !bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |any, (&a, &b)| any | start(a, b))
    {
        return false;
    }
    (0..bytes.len()).any(|i| {
        let rest = &bytes[i + 1..];
        match bytes[i] {
            // U+212A KELVIN SIGN.
            0xE2 => rest.starts_with(&[0x84, 0xAA]),
            b => match b | 0x20 {
                b'w' => rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"eek"),
                b't' => {
                    rest.first().is_some_and(|u| u | 0x20 == b'u')
                        && (rest.len() >= 3 && rest[1..3].eq_ignore_ascii_case(b"an")
                            || rest.len() >= 4
                                && rest[1..3] == [0xE1, 0xBA]
                                && matches!(rest[3], 0xA6 | 0xA7))
                }
                _ => false,
            },
        }
    })
}

/// Every week number mentioned in a text.
pub fn numbers_in_text(text: &str) -> Vec<u32> {
    mentions(text).into_iter().flatten().collect()
}

/// The week(s) of the first mention in a text.
pub fn first_mention(text: &str) -> Option<Vec<u32>> {
    mentions(text).into_iter().next()
}

/// The week number in a path: the file name first (`week-3.en.md`, `tuan-01-x.md`), then
/// the folders upwards (`1.5-Week5`, `week_3`, `week-03`, `1.06-Week6`).
pub fn number_in_path(path: &str) -> Option<u32> {
    let normalised = path.replace('\\', "/");
    let parts: Vec<&str> = normalised.split('/').filter(|p| !p.is_empty()).collect();
    for (index, part) in parts.iter().enumerate().rev() {
        let part = part
            .strip_suffix(".md")
            .or_else(|| part.strip_suffix(".markdown"))
            .unwrap_or(part);
        if let Some(numbers) = first_mention(part) {
            return numbers.first().copied();
        }
        // `1.5-Something` inside a worklog folder: chapter 1, week 5.
        let in_worklog = index > 0 && parts[index - 1].to_lowercase().contains("worklog");
        if in_worklog {
            if let Some(n) = chapter_week(part) {
                return Some(n);
            }
        }
    }
    None
}

/// `1.N` (optionally `1.N.` / `1.N-…`) → N.
fn chapter_week(text: &str) -> Option<u32> {
    let text = text.trim();
    let (chapter, rest) = text.split_once('.')?;
    if chapter.is_empty() || !chapter.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = rest[digits.len()..].chars().next();
    if digits.is_empty() || after.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1..=MAX_WEEK).contains(&n).then_some(n)
}

/// The week of a Hugo menu prefix: `" <b> 1.5. </b> "` → 5; `" <b> 1. </b> "` → none.
pub fn pre_week(pre: &str) -> Option<u32> {
    let mut plain = String::with_capacity(pre.len());
    let mut in_tag = false;
    for c in pre.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain.split_whitespace().find_map(chapter_week)
}

/// The outcome of the week pass.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub week: Option<u32>,
    pub weeks: Vec<u32>,
    /// True when the folder or file name gave the number.
    pub from_path: bool,
    /// True when only the front-matter weight gave it (the weakest evidence).
    pub from_weight: bool,
    pub diagnostics: Vec<Diagnostic>,
}

/// Resolve the week of a page from all sources, reporting disagreements.
pub fn resolve(source: &str, front: &FrontMatter, headings: &[Heading]) -> Resolved {
    let path = number_in_path(source);
    let pre = front
        .pre
        .as_ref()
        .and_then(|f| pre_week(&f.value).map(|n| (n, f.line)));
    let title = front
        .title
        .as_ref()
        .and_then(|f| first_mention(&f.value).map(|n| (n, f.line)));
    let heading = headings
        .iter()
        .filter(|h| h.kind != Some(SectionKind::Plan))
        .find_map(|h| first_mention(&h.text).map(|n| (n, h.line)));
    let weight = front
        .weight
        .as_ref()
        .filter(|w| (1..=i64::from(MAX_WEEK)).contains(&w.value))
        .map(|w| (w.value as u32, w.line));

    let (week, source, source_line) = if let Some(n) = path {
        (n, WeekSource::Path, None)
    } else if let Some((n, _)) = pre {
        (n, WeekSource::Pre, None)
    } else if let Some((n, _)) = &title {
        (n[0], WeekSource::Title, None)
    } else if let Some((n, line)) = &heading {
        (n[0], WeekSource::Heading, Some(*line))
    } else if let Some((n, _)) = weight {
        (n, WeekSource::Weight, None)
    } else {
        return Resolved::default();
    };

    let mut out = Resolved {
        week: Some(week),
        from_path: path.is_some(),
        ..Resolved::default()
    };
    // Multi-week pages: the title or first week heading lists several weeks.
    out.weeks = match (&title, &heading) {
        (Some((n, _)), _) if n.len() > 1 && n.contains(&week) => n.clone(),
        (_, Some((n, _))) if n.len() > 1 && n.contains(&week) => n.clone(),
        _ => vec![week],
    };

    if path.is_none() && pre.is_none() && title.is_none() && heading.is_none() {
        out.from_weight = true;
        if let Some((n, line)) = weight {
            out.diagnostics
                .push(Message::WeekFromWeight { week: n }.info(Some(line)));
        }
    }

    let weeks = out.weeks.clone();
    // Which source disagrees: the front-matter `pre` (`None`), the title (`Some(None)`) or a
    // heading (`Some(Some(text))`).
    let conflict = |found: &[u32], line: u32, what: Option<Option<&str>>, out: &mut Resolved| {
        if found.iter().any(|n| !weeks.contains(n)) {
            let found = join(found);
            let message = match what {
                None => Message::WeekConflictPre {
                    found,
                    source,
                    source_line,
                    week,
                },
                Some(None) => Message::WeekConflictTitle {
                    found,
                    source,
                    source_line,
                    week,
                },
                Some(Some(heading)) => Message::WeekConflictHeading {
                    heading: heading.to_string(),
                    found,
                    source,
                    source_line,
                    week,
                },
            };
            out.diagnostics.push(message.warning(Some(line)));
        }
    };
    if let Some((n, line)) = pre {
        conflict(&[n], line, None, &mut out);
    }
    if let Some((n, line)) = &title {
        conflict(n, *line, Some(None), &mut out);
    }
    let mut reported = 0;
    for h in headings
        .iter()
        .filter(|h| h.kind != Some(SectionKind::Plan))
    {
        if reported >= MAX_HEADING_CONFLICTS {
            break;
        }
        if let Some(n) = first_mention(&h.text) {
            let before = out.diagnostics.len();
            conflict(&n, h.line, Some(Some(&h.text)), &mut out);
            reported += usize::from(out.diagnostics.len() > before);
        }
    }
    out
}

fn join(numbers: &[u32]) -> String {
    numbers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join("-")
}

/// The weeks of a whole-internship page: distinct `## Week N: topic` headings that are not
/// section headings. Two or more make a single-file worklog.
pub fn single_file_weeks(headings: &[Heading]) -> Vec<u32> {
    let mut weeks: Vec<u32> = Vec::new();
    for h in headings.iter().filter(|h| h.kind.is_none() && h.level <= 4) {
        let text = h
            .text
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        if !(text.starts_with("week") || text.starts_with("tuần") || text.starts_with("tuan")) {
            continue;
        }
        if let Some(numbers) = first_mention(&text) {
            for n in numbers {
                if !weeks.contains(&n) {
                    weeks.push(n);
                }
            }
        }
    }
    if weeks.len() >= 2 {
        weeks.sort_unstable();
        weeks
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_numbers() {
        assert_eq!(
            number_in_path("content/1-Worklog/1.5-Week5/_index.vi.md"),
            Some(5)
        );
        assert_eq!(
            number_in_path("content/1-Worklog/1.06-Week6/_index.md"),
            Some(6)
        );
        assert_eq!(number_in_path("content/worklog/week-03.en.md"), Some(3));
        assert_eq!(number_in_path("content/worklog/week-03/index.md"), Some(3));
        assert_eq!(
            number_in_path("content/en/1-worklog/week_3/_index.en.md"),
            Some(3)
        );
        assert_eq!(
            number_in_path("Worklogs/tuan-01-nen-tang-cloud-iam-vpc.md"),
            Some(1)
        );
        assert_eq!(
            number_in_path("content/1-Worklog/1.7-Networking/_index.md"),
            Some(7)
        );
        assert_eq!(number_in_path("content/1-Worklog/_index.md"), None);
        assert_eq!(number_in_path("weekly/notes.md"), None);
    }

    #[test]
    fn text_mentions() {
        assert_eq!(
            first_mention("Week 12-13-14 Worklog"),
            Some(vec![12, 13, 14])
        );
        assert_eq!(first_mention("Worklog Tuần 3"), Some(vec![3]));
        assert_eq!(first_mention("MỤC TIÊU TRONG WEEK 5:"), Some(vec![5]));
        assert_eq!(first_mention("Week 5 - 10/06/2025"), Some(vec![5]));
        assert_eq!(first_mention("Weekly notes"), None);
        // The pre-check misses no text the lower-cased reading would match.
        assert_eq!(first_mention("WEE\u{212A} 5"), Some(vec![5]));
        assert_eq!(first_mention("TUẦN 7"), Some(vec![7]));
        assert_eq!(
            first_mention("Week 13 Objectives (13/07/2026 - 17/07/2026):"),
            Some(vec![13])
        );
        assert_eq!(first_mention("# Tuần 01 - Nền tảng"), Some(vec![1]));
    }

    #[test]
    fn pre_numbers() {
        assert_eq!(pre_week(" <b> 1.5. </b> "), Some(5));
        assert_eq!(pre_week("<b>1.13. </b>"), Some(13));
        assert_eq!(pre_week(" <b> 1.4 </b> "), Some(4));
        assert_eq!(pre_week(" <b> 1. </b> "), None);
    }
}
