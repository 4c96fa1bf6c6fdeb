//! CSV: one row per task, RFC 4180 quoting by the `csv` crate (cells hold commas, quotes and
//! newlines), UTF-8, a header row. Spreadsheet-friendly: dates are ISO `YYYY-MM-DD`, and page
//! text that would start a formula is neutralised.

use std::io::Write;

use crate::model::{Page, Task};
use crate::query::task_weeks;

/// Column names, in order. Part of the export interface (`docs/cli.md`); new columns are added
/// at the end.
pub const HEADER: [&str; 12] = [
    "week",
    "day",
    "weekday",
    "start",
    "end",
    "task",
    "services",
    "references",
    "language",
    "source",
    "line",
    "intern",
];

/// Write the header and one record per task of `pages`, with an empty `intern` column (see
/// [`write_with_interns`]).
pub fn write<W: Write>(pages: &[Page], out: W) -> Result<(), ::csv::Error> {
    write_with_interns(pages, &[], out)
}

/// Write the header and one record per task of `pages`; `interns[i]` is the display name of
/// the intern of `pages[i]` (missing names are empty).
pub fn write_with_interns<W: Write>(
    pages: &[Page],
    interns: &[String],
    out: W,
) -> Result<(), ::csv::Error> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for (i, page) in pages.iter().enumerate() {
        let intern = interns.get(i).map_or("", String::as_str);
        for task in &page.tasks {
            writer.write_record(record(page, task, intern))?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// Characters that make a spreadsheet evaluate a cell as a formula (CSV injection): OWASP's
/// list, and the full-width forms some spreadsheets fold to them.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Page text opened in a spreadsheet must stay text: where a cell may start with a formula
/// character, a `'` goes before it (spaces included), which spreadsheets hide at a cell's start.
///
/// A cell may start at the field's start, and also after each `;` and line break: a
/// spreadsheet whose list separator is `;` (many locales) splits a comma-separated line there
/// and, once its quoting is misread, breaks records at line breaks inside a field. So
/// `Learn S3;=HYPERLINK(…)` becomes `Learn S3;'=HYPERLINK(…)`.
pub(crate) fn neutralize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    // Where in `out` a cell may start, while only spaces followed it.
    let mut start = Some(0);
    for c in text.chars() {
        if let Some(at) = start {
            if FORMULA_STARTS.contains(&c) {
                out.insert(at, '\'');
                start = None;
            } else if c != ' ' {
                start = None;
            }
        }
        out.push(c);
        if matches!(c, ';' | '\n' | '\r') {
            start = Some(out.len());
        }
    }
    out
}

fn record(page: &Page, task: &Task, intern: &str) -> [String; 12] {
    // The task's own week; a task that has none lists every week of its page.
    let weeks = task_weeks(page, task)
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let weekday = task
        .weekday
        .map(|w| {
            serde_json::to_value(w)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let references = task
        .references
        .iter()
        .map(|r| match &r.url {
            Some(url) if r.text.is_empty() || r.text == *url => url.clone(),
            Some(url) => format!("{} <{}>", r.text, url),
            None => r.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    [
        weeks,
        neutralize(task.day.as_deref().unwrap_or_default()),
        weekday,
        date(task.start),
        date(task.end),
        neutralize(&task.text),
        neutralize(&super::service_names(&task.services)),
        neutralize(&references),
        page.language
            .map(|l| l.code().to_string())
            .unwrap_or_default(),
        neutralize(&page.source),
        task.line.to_string(),
        neutralize(intern),
    ]
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralize("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralize("- item"), "'- item");
        assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralize("Learn S3"), "Learn S3");
        assert_eq!(neutralize(""), "");
        assert_eq!(neutralize("  =1+1"), "'  =1+1");
        assert_eq!(neutralize("＝1+1"), "'＝1+1");
        assert_eq!(neutralize("\t=1"), "'\t=1");
    }

    #[test]
    fn formulas_after_a_semicolon_or_a_line_break_are_neutralised() {
        assert_eq!(
            neutralize("Learn S3;=HYPERLINK(\"x\")"),
            "Learn S3;'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralize("EC2; +cmd and -1"), "EC2;' +cmd and -1");
        assert_eq!(neutralize("Learn\n  -2+3"), "Learn\n'  -2+3");
        assert_eq!(neutralize("\r=1+3"), "'\r'=1+3");
        assert_eq!(neutralize("S3; EC2\nLambda"), "S3; EC2\nLambda");
    }
}
