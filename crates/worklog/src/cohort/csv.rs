//! The cohort matrix as CSV: one record per intern, one column per week (the cell's state
//! code, `dated`, `missing`, `not-due`, ...), then the intern's summary. The app's "Export CSV"
//! of the cohort view writes this, in the order and with the interns it shows.
//!
//! ```text
//! intern_key,intern,week_1,...,week_13,progress,dated_weeks,due_weeks,last_dated,problems,missing,unfilled,diagnostics,flagged,similar,tasks,labs
//! an/fcj-report,Nguyễn Văn An,dated,...,not-due,0.91,10,11,2025-11-21,2,1,0,1,1,3,58,000001;000017
//! ```
//!
//! Columns are added at the end only. Names and keys that would start a spreadsheet formula
//! are neutralised as in [`crate::export::csv`].

use std::io::Write;

use super::Matrix;
use crate::export::csv::neutralize;
use crate::labs::lab_code;

/// Summary column names, after `intern_key`, `intern` and one `week_N` per column.
pub const SUMMARY_COLUMNS: [&str; 12] = [
    "progress",
    "dated_weeks",
    "due_weeks",
    "last_dated",
    "problems",
    "missing",
    "unfilled",
    "diagnostics",
    "flagged",
    "similar",
    "tasks",
    "labs",
];

/// The header record of `matrix`.
pub fn header(matrix: &Matrix) -> Vec<String> {
    let mut header = vec!["intern_key".to_string(), "intern".to_string()];
    header.extend(matrix.columns.iter().map(|w| format!("week_{w}")));
    header.extend(SUMMARY_COLUMNS.iter().map(|c| c.to_string()));
    header
}

/// The record of the intern on line `line` of `matrix`.
pub fn record(matrix: &Matrix, line: usize) -> Option<Vec<String>> {
    let l = matrix.interns.get(line)?;
    let s = &l.summary;
    let mut record = vec![neutralize(&l.key), neutralize(&l.name)];
    record.extend(l.cells.iter().map(|c| c.state.code().to_string()));
    record.extend([
        s.progress.map(|p| format!("{p:.2}")).unwrap_or_default(),
        s.dated_weeks.to_string(),
        s.due_weeks.to_string(),
        s.last_dated.map(|d| d.to_string()).unwrap_or_default(),
        s.problems.to_string(),
        s.missing.to_string(),
        s.unfilled.to_string(),
        s.diagnostics.to_string(),
        s.flagged.to_string(),
        s.similar.to_string(),
        s.tasks.to_string(),
        s.labs
            .iter()
            .map(|l| lab_code(l.lab))
            .collect::<Vec<_>>()
            .join(";"),
    ]);
    Some(record)
}

/// Write the header and the records of `lines` (indices into [`Matrix::interns`], in the order
/// given; every line when `None`).
pub fn write<W: Write>(
    matrix: &Matrix,
    lines: Option<&[usize]>,
    out: W,
) -> Result<(), ::csv::Error> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(header(matrix))?;
    let all: Vec<usize> = (0..matrix.interns.len()).collect();
    for &line in lines.unwrap_or(&all) {
        if let Some(record) = record(matrix, line) {
            writer.write_record(record)?;
        }
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cohort::MatrixOptions;
    use crate::{parse_page, Collection};

    #[test]
    fn one_record_per_intern_in_the_order_given() {
        let page = |who: &str, n: u32, date: &str| {
            parse_page(
                &format!("{who}/content/1-Worklog/1.{n}-Week{n}/_index.md"),
                format!(
                    "| Day | Task | Start Date | Completion Date |\n| --- | --- | --- | --- |\n| 2 | Set up the account | {date} | {date} |\n"
                )
                .as_bytes(),
            )
        };
        let c = Collection::new(vec![
            page("alice", 1, "2025-09-08"),
            page("alice", 2, "2025-09-15"),
            page("=bob", 2, "2025-09-16"),
        ]);
        let m = Matrix::compute(&c, &MatrixOptions::default());
        let mut out = Vec::new();
        write(&m, Some(&[1, 0]), &mut out).expect("csv");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "intern_key,intern,week_1,week_2,progress,dated_weeks,due_weeks,last_dated,problems,missing,unfilled,diagnostics,flagged,similar,tasks,labs"
        );
        assert!(
            lines[1].starts_with("alice,alice,dated,dated,1.00,2,2,2025-09-15,"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("'=bob,'=bob,missing,dated,0.50,1,2,"),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 3);
    }
}
