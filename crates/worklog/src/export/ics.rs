//! iCalendar (RFC 5545): one all-day event per dated task, so an internship opens in any
//! calendar app.
//!
//! Written by hand rather than with a crate: the format needed here is small (VCALENDAR +
//! VEVENTs with DATE values), and the calendar crates pull in random UID generation that does
//! not build for the browser target without extra features. The rules that matter are all
//! here and tested (and the CLI tests parse the output back with an independent parser):
//! CRLF line ends, TEXT escaping (`\\ \; \, \n`), folding at 75 octets without splitting a
//! UTF-8 sequence, `DTEND` exclusive (the day after the last day), a stable `UID` per task.

use std::io::{self, Write};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};

use crate::model::{Page, Task};
use crate::query::task_span;

/// Calendar-level settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// `X-WR-CALNAME`, the name calendar apps show.
    pub calendar_name: String,
    /// `DTSTAMP` of every event (UTC). Passed in so that output is reproducible.
    pub dtstamp: NaiveDateTime,
}

/// What was written: tasks without any date cannot be calendar events and are counted apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub events: usize,
    pub skipped_undated: usize,
}

/// Longest SUMMARY text in characters; the full task is in DESCRIPTION.
const SUMMARY_CHARS: usize = 120;

pub fn write<W: Write>(pages: &[Page], options: &Options, out: W) -> io::Result<Summary> {
    let mut w = IcsWriter { out };
    let mut summary = Summary::default();
    w.line("BEGIN:VCALENDAR")?;
    w.line("VERSION:2.0")?;
    w.line(&format!(
        "PRODID:-//Worklog Viewer//worklog {}//EN",
        env!("CARGO_PKG_VERSION")
    ))?;
    w.line("CALSCALE:GREGORIAN")?;
    w.line("METHOD:PUBLISH")?;
    w.line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(&options.calendar_name)
    ))?;
    let stamp = options.dtstamp;
    let dtstamp = format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    );
    for (page, task) in super::tasks(pages) {
        let Some((start, end)) = task_span(task) else {
            summary.skipped_undated += 1;
            continue;
        };
        write_event(&mut w, page, task, start, end, &dtstamp)?;
        summary.events += 1;
    }
    w.line("END:VCALENDAR")?;
    Ok(summary)
}

/// `YYYYMMDD`, as chrono's `%Y%m%d` writes it (a sign before a year outside 0–9999), without
/// its format-string machinery in the bundle.
fn basic_date(date: NaiveDate) -> String {
    let year = date.year();
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    };
    format!("{year}{:02}{:02}", date.month(), date.day())
}

fn write_event<W: Write>(
    w: &mut IcsWriter<W>,
    page: &Page,
    task: &Task,
    start: NaiveDate,
    end: NaiveDate,
    dtstamp: &str,
) -> io::Result<()> {
    // DTEND of an all-day event is exclusive: the day after the last day.
    let end_exclusive = end.checked_add_days(Days::new(1)).unwrap_or(end);
    w.line("BEGIN:VEVENT")?;
    w.line(&format!("UID:{}", uid(page, task)))?;
    w.line(&format!("DTSTAMP:{dtstamp}"))?;
    w.line(&format!("DTSTART;VALUE=DATE:{}", basic_date(start)))?;
    w.line(&format!("DTEND;VALUE=DATE:{}", basic_date(end_exclusive)))?;
    w.line(&format!(
        "SUMMARY:{}",
        escape_text(&summary_text(page, task))
    ))?;
    w.line(&format!(
        "DESCRIPTION:{}",
        escape_text(&description(page, task))
    ))?;
    if !task.services.is_empty() {
        let categories = task
            .services
            .iter()
            .map(|s| escape_text(&s.name))
            .collect::<Vec<_>>()
            .join(",");
        w.line(&format!("CATEGORIES:{categories}"))?;
    }
    // A task is a note of work done, not a meeting: it must not block the day as busy.
    w.line("TRANSP:TRANSPARENT")?;
    w.line("END:VEVENT")
}

/// Stable across runs for the same file and row: hash of the source path plus the line.
fn uid(page: &Page, task: &Task) -> String {
    format!(
        "{:016x}-{}@worklog-viewer",
        fnv1a64(page.source.as_bytes()),
        task.line
    )
}

/// FNV-1a: a fixed, dependency-free hash (std's hasher is randomised per process).
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn summary_text(page: &Page, task: &Task) -> String {
    let first = task
        .text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '+', '*', '•']).trim())
        .find(|l| !l.is_empty())
        .unwrap_or("Task");
    let mut text: String = first.chars().take(SUMMARY_CHARS).collect();
    if first.chars().count() > SUMMARY_CHARS {
        text.push('…');
    }
    match page.week {
        Some(week) => format!("Week {week}: {text}"),
        None => text,
    }
}

fn description(page: &Page, task: &Task) -> String {
    let mut d = task.text.clone();
    if !task.services.is_empty() {
        d.push_str("\n\nServices: ");
        d.push_str(&super::service_names(&task.services));
    }
    let refs: Vec<String> = task
        .references
        .iter()
        .map(|r| match &r.url {
            Some(url) if r.text.is_empty() || r.text == *url => url.clone(),
            Some(url) => format!("{} <{}>", r.text, url),
            None => r.text.clone(),
        })
        .collect();
    if !refs.is_empty() {
        d.push_str("\n\nReferences:\n");
        d.push_str(&refs.join("\n"));
    }
    d.push_str(&format!("\n\nSource: {} line {}", page.source, task.line));
    d
}

/// RFC 5545 §3.3.11 TEXT escaping; other control characters (never meaningful here) dropped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes content lines with CRLF and folding (RFC 5545 §3.1).
struct IcsWriter<W: Write> {
    out: W,
}

impl<W: Write> IcsWriter<W> {
    fn line(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(fold(line).as_bytes())
    }
}

/// Fold one content line: at most 75 octets per physical line (CRLF excluded), continuation
/// lines starting with one space, never splitting a UTF-8 sequence. Ends with CRLF.
fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_dates_as_chrono_wrote_them() {
        for (y, m, d) in [
            (2025, 9, 22),
            (1, 1, 1),
            (9999, 12, 31),
            (-5, 3, 4),
            (10000, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(basic_date(date), date.format("%Y%m%d").to_string());
        }
        let stamp = NaiveDate::from_ymd_opt(2025, 9, 22)
            .unwrap()
            .and_hms_opt(7, 5, 9)
            .unwrap();
        let written = format!(
            "{}T{:02}{:02}{:02}Z",
            basic_date(stamp.date()),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        );
        assert_eq!(written, stamp.format("%Y%m%dT%H%M%SZ").to_string());
    }

    #[test]
    fn folding_respects_75_octets_and_utf8() {
        let long = format!(
            "DESCRIPTION:{}",
            "Tìm hiểu Amazon S3 và CloudTrail, ".repeat(10)
        );
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        for (i, physical) in folded.trim_end_matches("\r\n").split("\r\n").enumerate() {
            assert!(
                physical.len() <= 75,
                "line {i} has {} octets",
                physical.len()
            );
            if i > 0 {
                assert!(physical.starts_with(' '));
            }
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn text_escaping() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn uid_is_stable() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
