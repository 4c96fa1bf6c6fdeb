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

/// Page text opened in a spreadsheet must stay text: a cell starting with `=`, `+`, `-`, `@`
/// (or a tab / carriage return) would be evaluated as a formula (CSV injection), so it gets a
/// leading `'`, which spreadsheets hide.
pub(crate) fn neutralize(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
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
        page.source.clone(),
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
    }
}
