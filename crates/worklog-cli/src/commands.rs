//! `lint`, `export` and `stats`: read the paths, run the core, print.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use worklog::export;
use worklog::{Diagnostic, Severity};

use crate::cohort;
use crate::input::{load, load_found, Input};
use crate::{
    stats as stats_mod, Deny, ExportArgs, ExportFormat, Level, LintArgs, LintFormat, StatsArgs,
    StatsFormat,
};

/// `lint` found what it was asked to fail on.
pub const EXIT_FAILED: u8 = 1;
/// A path could not be read, or the command could not complete.
pub const EXIT_TROUBLE: u8 = 2;

/// One line of `lint` output.
#[derive(Debug, Serialize)]
struct LintRow<'a> {
    path: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    severity: Severity,
    code: &'a str,
    message: &'a str,
}

#[derive(Debug, Default, Serialize)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn level_severity(level: Level) -> Severity {
    match level {
        Level::Info => Severity::Info,
        Level::Warning => Severity::Warning,
        Level::Error => Severity::Error,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `3 files checked: 0 errors, 2 warnings, 1 info`: the lint summary every format ends with.
fn checked_summary(files: usize, counts: &Counts) -> String {
    format!(
        "{} checked: {}, {}, {}",
        plural(files, "file", "files"),
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
        plural(counts.infos, "info", "infos"),
    )
}

pub fn lint(args: &LintArgs) -> Result<ExitCode> {
    let input = load(&args.paths, true);
    input.report_problems();

    // Every page's parser diagnostics, the cross-page findings and the text checks, per page.
    let pages = input.collection.pages();
    let mut per_page: Vec<Vec<Diagnostic>> = pages.iter().map(|p| p.diagnostics.clone()).collect();
    for finding in worklog::lint::check_collection(&input.collection) {
        if let Some(list) = per_page.get_mut(finding.page) {
            list.push(finding.diagnostic);
        }
    }
    for ((list, text), page) in per_page.iter_mut().zip(&input.texts).zip(pages) {
        // Pages of other sections (proposal, blogs, ...) are not worklogs: no template checks.
        if page.kind != worklog::PageKind::OtherSection {
            list.extend(worklog::lint::check_text(text));
        }
        list.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    }

    let set_aside = input.collection.set_aside().count();
    let set_aside_note = if set_aside > 0 {
        format!(
            "; {} of other sections set aside (not worklog pages)",
            plural(set_aside, "page", "pages")
        )
    } else {
        String::new()
    };
    let mut counts = Counts::default();
    let min = level_severity(args.level);
    let mut rows = Vec::new();
    for (page, list) in pages.iter().zip(&per_page) {
        for d in list {
            counts.add(d.severity);
            if d.severity >= min {
                rows.push(LintRow {
                    path: &page.source,
                    line: d.line,
                    column: d.column,
                    severity: d.severity,
                    code: &d.code,
                    message: &d.message,
                });
            }
        }
    }

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        LintFormat::Text => {
            for r in &rows {
                let place = match (r.line, r.column) {
                    (Some(line), Some(col)) => format!("{}:{line}:{col}", r.path),
                    (Some(line), None) => format!("{}:{line}:1", r.path),
                    (None, _) => r.path.to_string(),
                };
                writeln!(
                    out,
                    "{place}: {}[{}]: {}",
                    severity_name(r.severity),
                    r.code,
                    r.message.replace('\n', " ")
                )?;
            }
            let hidden = rows.len() < counts.errors + counts.warnings + counts.infos;
            writeln!(
                out,
                "{}{}{}{}",
                checked_summary(pages.len(), &counts),
                set_aside_note,
                if input.problems.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", {} skipped",
                        plural(input.problems.len(), "path", "paths")
                    )
                },
                if hidden {
                    " (some hidden by --level)"
                } else {
                    ""
                },
            )?;
        }
        LintFormat::Github => {
            for r in &rows {
                let command = match r.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let mut props = format!("file={}", github_property(r.path));
                if let Some(line) = r.line {
                    props.push_str(&format!(",line={line}"));
                    if let Some(col) = r.column {
                        props.push_str(&format!(",col={col}"));
                    }
                }
                props.push_str(&format!(",title={}", github_property(r.code)));
                writeln!(out, "::{command} {props}::{}", github_data(r.message))?;
            }
            writeln!(
                out,
                "{}{set_aside_note}",
                checked_summary(pages.len(), &counts)
            )?;
        }
        LintFormat::Json => {
            #[derive(Serialize)]
            struct Skipped<'a> {
                path: &'a str,
                message: &'a str,
            }
            #[derive(Serialize)]
            struct Report<'a> {
                /// Version of this report's shape (bumped on incompatible changes).
                schema: u32,
                files: usize,
                /// Files of other site sections, read but not worklog pages.
                set_aside: usize,
                #[serde(flatten)]
                counts: &'a Counts,
                diagnostics: &'a [LintRow<'a>],
                skipped: Vec<Skipped<'a>>,
            }
            let report = Report {
                schema: 1,
                files: pages.len(),
                set_aside,
                counts: &counts,
                diagnostics: &rows,
                skipped: input
                    .problems
                    .iter()
                    .map(|p| Skipped {
                        path: &p.path,
                        message: &p.message,
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;

    let failed = counts.errors > 0 || (args.deny == Some(Deny::Warnings) && counts.warnings > 0);
    Ok(if input.has_fatal() {
        ExitCode::from(EXIT_TROUBLE)
    } else if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Escape the message of a GitHub Actions workflow command.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a GitHub Actions workflow command.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Where output goes: a file (`-o`) or standard output.
fn open_output(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) if p != Path::new("-") => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        _ => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// The exit status once the work is done: path problems still make it non-zero.
fn finish(input: &Input) -> ExitCode {
    if input.has_fatal() {
        ExitCode::from(EXIT_TROUBLE)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let (input, cohort_name) = match &args.cohort {
        Some(file) => {
            let found = cohort::find(file)?;
            let name = found.cohort.name.clone();
            (load_found(found.found, false), name)
        }
        None => (load(&args.paths, false), None),
    };
    input.report_problems();
    let filter = args.filter.to_filter();
    let collection = &input.collection;
    let kept = export::filtered_in(collection, &filter, None);
    // Who each kept page belongs to, by display name (CSV and Markdown columns).
    let interns: Vec<String> = kept
        .iter()
        .map(|(i, _)| {
            collection
                .intern_index(*i)
                .and_then(|k| collection.internships().get(k))
                .map(|intern| intern.name.clone())
                .unwrap_or_default()
        })
        .collect();
    let pages: Vec<worklog::Page> = kept.iter().map(|(_, p)| p.clone()).collect();
    let target = args.output.as_deref();
    let mut out = open_output(target)?;
    let what = target
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "standard output".to_string());
    match args.format {
        ExportFormat::Json => {
            // Other-section pages stay in the document with their kind and section, and are
            // counted in `set_aside`.
            export::json::write_with_interns(collection, &kept, &mut out)
                .with_context(|| format!("writing {what}"))?;
        }
        ExportFormat::Csv => {
            export::csv::write_with_interns(&pages, &interns, &mut out)
                .with_context(|| format!("writing {what}"))?;
            note_set_aside(&pages);
        }
        ExportFormat::Ics => {
            let options = export::ics::Options {
                calendar_name: match &cohort_name {
                    Some(name) => format!("Worklog – {name}"),
                    None => calendar_name(&args.paths),
                },
                dtstamp: dtstamp(),
            };
            let summary = export::ics::write(&pages, &options, &mut out)
                .with_context(|| format!("writing {what}"))?;
            let has = |l: worklog::Language| pages.iter().any(|p| p.language == Some(l));
            if args.filter.lang.is_none()
                && has(worklog::Language::En)
                && has(worklog::Language::Vi)
            {
                eprintln!(
                    "worklog: note: English and Vietnamese twins describe the same days; add --lang en (or vi) for one event per task"
                );
            }
            if summary.skipped_undated > 0 {
                eprintln!(
                    "worklog: {} written; {} without a date skipped (a calendar event needs one)",
                    plural(summary.events, "event", "events"),
                    plural(summary.skipped_undated, "task", "tasks"),
                );
            }
            note_set_aside(&pages);
        }
        ExportFormat::Md => {
            export::markdown::write_with_interns(&pages, &interns, "Worklog summary", &mut out)
                .with_context(|| format!("writing {what}"))?;
        }
    }
    out.flush().with_context(|| format!("writing {what}"))?;
    Ok(finish(&input))
}

/// `worklog: note: 52 pages set aside (other sections: ...)` on standard error, for the
/// formats that have no place to say it.
fn note_set_aside(pages: &[worklog::Page]) {
    let sections = export::set_aside_sections(pages);
    if sections.is_empty() {
        return;
    }
    let n: usize = sections.iter().map(|(_, n)| n).sum();
    eprintln!(
        "worklog: note: {} set aside (other sections: {}); they are not worklog weeks and have no rows here",
        plural(n, "page", "pages"),
        export::set_aside_summary(&sections)
    );
}

/// A calendar name from the first path: its folder name (`content` is skipped for its parent).
fn calendar_name(paths: &[std::path::PathBuf]) -> String {
    let name = paths
        .first()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .and_then(|p| {
            p.ancestors()
                .filter_map(|a| a.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .find(|n| {
                    !n.eq_ignore_ascii_case("content") && !n.to_lowercase().contains("worklog")
                })
        });
    match name {
        Some(n) => format!("Worklog – {n}"),
        None => "Worklog".to_string(),
    }
}

/// `DTSTAMP`: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
fn dtstamp() -> chrono::NaiveDateTime {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now)
        .naive_utc()
}

pub fn stats(args: &StatsArgs) -> Result<ExitCode> {
    if let Some(file) = &args.cohort {
        return cohort_stats(args, file);
    }
    if args.format == StatsFormat::Csv {
        bail!("--format csv is the cohort matrix's: add --cohort FILE, or use `worklog export --format csv`");
    }
    let input = load(&args.paths, false);
    input.report_problems();
    let filter = args.filter.to_filter();
    let summary = stats_mod::compute(&input.collection, &filter, args.top);
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        StatsFormat::Text => stats_mod::write_text(&summary, &mut out)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &summary)?;
            writeln!(out)?;
        }
        StatsFormat::Csv => unreachable!("refused above"),
    }
    out.flush()?;
    Ok(finish(&input))
}

/// `worklog stats --cohort FILE`: the matrix of interns × weeks.
fn cohort_stats(args: &StatsArgs, file: &Path) -> Result<ExitCode> {
    if !args.filter.to_filter().is_empty() {
        bail!("--cohort shows the whole cohort: the filters (--week, --service, --lang, ...) do not apply to it");
    }
    let cohort::CohortInput { cohort, found } = cohort::find(file)?;
    let input = load_found(found, false);
    input.report_problems();
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let options = worklog::cohort::MatrixOptions::from_cohort(&cohort, Some(today));
    let mut matrix = worklog::cohort::Matrix::compute(&input.collection, &options);
    let key = args.sort.key();
    matrix.sort(key, cohort::descending(key) != args.reverse);
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        StatsFormat::Text => cohort::write_text(&matrix, &mut out)?,
        StatsFormat::Csv => cohort::write_csv(&matrix, &mut out)?,
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &matrix)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(finish(&input))
}

/// Did writing fail only because the reader of our output went away?
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                == Some(io::ErrorKind::BrokenPipe)
    })
}
