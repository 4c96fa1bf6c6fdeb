//! Precision and recall of service recognition against hand-labelled task rows of the real
//! corpus: `tests/fixtures/services/labels.toml` (used while building the recogniser) and
//! `labels-heldout.toml` (written afterwards, never used to tune it), reported separately.
//!
//! Each label names a corpus file and a 1-based line. The row's task text comes from the
//! parser when it yields a task on that line, otherwise from the table line itself (the
//! cell under the task header), so the measure does not depend on the parser's progress.
//! Labels and predictions are compared as `annotate` stores them: with parents added.

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde::Deserialize;
use worklog::services;

#[path = "support/shared.rs"]
mod shared;

const LABELS: &str = include_str!("fixtures/services/labels.toml");
const HELD_OUT: &str = include_str!("fixtures/services/labels-heldout.toml");

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.92;

#[derive(Deserialize)]
struct Labels {
    page: Vec<LabelledPage>,
}

#[derive(Deserialize)]
struct LabelledPage {
    path: String,
    rows: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    line: u32,
    ids: Vec<String>,
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, expected: &BTreeSet<&str>, found: &BTreeSet<&str>) {
        self.tp += expected.intersection(found).count();
        self.fp += found.difference(expected).count();
        self.fn_ += expected.difference(found).count();
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[test]
fn labels_reference_catalogue_ids() {
    let catalogue = services::catalogue();
    for file in [LABELS, HELD_OUT] {
        let labels: Labels = toml::from_str(file).expect("labels parse");
        for page in &labels.page {
            for row in &page.rows {
                for id in &row.ids {
                    assert!(
                        catalogue.get(id).is_some(),
                        "{}:{}: unknown id `{id}`",
                        page.path,
                        row.line
                    );
                }
            }
        }
    }
}

/// Figures of one label file.
struct Measured {
    rows: usize,
    from_parser: usize,
    with_parents: Score,
    direct: Score,
    errors: Vec<String>,
    repos: BTreeSet<String>,
    pages: usize,
}

fn measure(corpus: &Path, labels: &Labels) -> Measured {
    let mut m = Measured {
        rows: 0,
        from_parser: 0,
        with_parents: Score::default(),
        direct: Score::default(),
        errors: Vec::new(),
        repos: BTreeSet::new(),
        pages: labels.page.len(),
    };
    for page in &labels.page {
        m.repos
            .insert(page.path.split('/').next().unwrap_or_default().to_string());
        let bytes =
            std::fs::read(corpus.join(&page.path)).unwrap_or_else(|e| panic!("{}: {e}", page.path));
        let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split('\n').collect();
        // The parser is optional here: a panic in it must not hide the recogniser's figures.
        let parsed =
            catch_unwind(AssertUnwindSafe(|| worklog::parse_page(&page.path, &bytes))).ok();
        for row in &page.rows {
            m.rows += 1;
            let task = parsed
                .as_ref()
                .and_then(|p| p.tasks.iter().find(|t| t.line == row.line));
            let found_direct: Vec<&'static str> = match task {
                Some(task) => {
                    m.from_parser += 1;
                    if task.items.is_empty() {
                        services::text_ids(&task.text)
                    } else {
                        services::items_ids(&task.items)
                    }
                }
                None => {
                    let line = lines
                        .get(row.line as usize - 1)
                        .unwrap_or_else(|| panic!("{}:{} out of range", page.path, row.line));
                    row_ids(task_cell(&lines, row.line as usize - 1, line))
                }
            };
            let expected_direct: BTreeSet<&str> = row.ids.iter().map(String::as_str).collect();
            let found_direct_set: BTreeSet<&str> = found_direct.iter().copied().collect();
            m.direct.add(&expected_direct, &found_direct_set);
            let expected_ids: Vec<&'static str> = row
                .ids
                .iter()
                .filter_map(|id| services::catalogue().get(id).map(|e| e.id))
                .collect();
            let expected: BTreeSet<&str> =
                services::with_parents(&expected_ids).into_iter().collect();
            let found: BTreeSet<&str> = services::with_parents(&found_direct).into_iter().collect();
            m.with_parents.add(&expected, &found);
            let missed: Vec<&str> = expected.difference(&found).copied().collect();
            let extra: Vec<&str> = found.difference(&expected).copied().collect();
            if !missed.is_empty() || !extra.is_empty() {
                m.errors.push(format!(
                    "    {}:{}  missed {missed:?}  extra {extra:?}",
                    page.path, row.line
                ));
            }
        }
    }
    m
}

fn describe(name: &str, m: &Measured) -> String {
    format!(
        "  {name}: {} rows, {} pages, {} repositories ({} rows from parser tasks)\n    \
         precision {:.3}  recall {:.3}  (tp {}, fp {}, fn {}; with parents, as annotated)\n    \
         direct mentions only: precision {:.3}  recall {:.3}\n{}",
        m.rows,
        m.pages,
        m.repos.len(),
        m.from_parser,
        m.with_parents.precision(),
        m.with_parents.recall(),
        m.with_parents.tp,
        m.with_parents.fp,
        m.with_parents.fn_,
        m.direct.precision(),
        m.direct.recall(),
        m.errors.join("\n")
    )
}

#[test]
fn precision_and_recall_on_labelled_corpus_rows() {
    let Some(corpus) = shared::shared_path(
        "corpus",
        "services_quality::precision_and_recall_on_labelled_corpus_rows",
    ) else {
        return;
    };
    let corpus = corpus.as_path();
    let dev: Labels = toml::from_str(LABELS).expect("labels.toml parses");
    let held_out: Labels = toml::from_str(HELD_OUT).expect("labels-heldout.toml parses");
    let dev = measure(corpus, &dev);
    let held_out = measure(corpus, &held_out);
    let mut all = Score::default();
    for m in [&dev, &held_out] {
        all.tp += m.with_parents.tp;
        all.fp += m.with_parents.fp;
        all.fn_ += m.with_parents.fn_;
    }
    let repos: BTreeSet<&String> = dev.repos.iter().chain(&held_out.repos).collect();
    let rows = dev.rows + held_out.rows;
    let report = format!(
        "services quality: precision {:.3}  recall {:.3} over {rows} hand-labelled task rows \
         from {} repositories\n{}\n{}",
        all.precision(),
        all.recall(),
        repos.len(),
        describe("labels.toml (used while building the recogniser)", &dev),
        describe("labels-heldout.toml (never used to tune)", &held_out),
    );
    println!("{report}");
    assert!(rows >= 300, "at least 300 labelled rows");
    assert!(
        repos.len() >= 30,
        "labelled rows from at least 30 repositories"
    );
    assert!(
        all.precision() >= MIN_PRECISION && all.recall() >= MIN_RECALL,
        "below precision {MIN_PRECISION} / recall {MIN_RECALL}:\n{report}"
    );
}

/// The task cell of the table row at `index`: the column whose header names the task, found
/// by walking up to the table's first line; the longest cell when no header says so.
fn task_cell<'a>(lines: &[&'a str], index: usize, line: &'a str) -> String {
    if !line.trim_start().starts_with('|') {
        return line.to_string();
    }
    let mut top = index;
    while top > 0 && lines[top - 1].trim_start().starts_with('|') {
        top -= 1;
    }
    let header = split_cells(lines[top]);
    let cells = split_cells(line);
    let column = header.iter().position(|h| {
        let h = h.to_lowercase().replace('*', "");
        let h = h.trim();
        [
            "task",
            "công việc",
            "nhiệm vụ",
            "nội dung",
            "work",
            "activities",
            "chủ đề",
            "topic",
        ]
        .iter()
        .any(|k| h.contains(k))
            && h != "task id"
    });
    match column.and_then(|c| cells.get(c)) {
        Some(cell) => cell.clone(),
        None => cells
            .into_iter()
            .max_by_key(String::len)
            .unwrap_or_default(),
    }
}

/// Table cells, not splitting on pipes inside inline code.
fn split_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for ch in line.chars() {
        match ch {
            '`' => {
                in_code = !in_code;
                current.push(ch);
            }
            '|' if !in_code => cells.push(std::mem::take(&mut current).trim().to_string()),
            _ => current.push(ch),
        }
    }
    cells.push(current.trim().to_string());
    cells
}

/// Entries named by a raw cell: `<br>` as line breaks, code only as commands.
fn row_ids(cell: String) -> Vec<&'static str> {
    let mut cell = cell;
    for br in ["<br />", "<br/>", "<br>", "<BR>"] {
        cell = cell.replace(br, "\n");
    }
    for (from, to) in [
        ("&emsp;", " "),
        ("&nbsp;", " "),
        ("<strong>", ""),
        ("</strong>", ""),
        ("<b>", ""),
        ("</b>", ""),
    ] {
        cell = cell.replace(from, to);
    }
    services::text_ids(&cell)
}
