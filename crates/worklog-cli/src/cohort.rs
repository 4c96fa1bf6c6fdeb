//! `--cohort cohort.json` for `stats`, `export` and `site`: the interns of a cohort file, each
//! read from its local `src` folder (or its `files`), every page named by the intern's key and
//! name from the file — never by its folders. Paths are relative to the cohort file. The CLI has
//! no HTTP client: an intern whose `src` is a URL is reported (clone the repository first, see
//! docs/cli.md) and the others are read.
//!
//! `worklog stats --cohort` prints the matrix (core: [`worklog::cohort::Matrix`]) as text, CSV
//! or JSON.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use worklog::cohort::{is_url, CellState, Cohort, InternSource, Matrix, SortKey};
use worklog::intern::Origin;

use crate::input::{self, Found, FoundFile, Problem};

/// A cohort file read, and the files of its interns found on disk.
pub struct CohortInput {
    pub cohort: Cohort,
    pub found: Found,
}

/// Read the cohort file at `path` and find every intern's files. A file that cannot be read or
/// is not a valid cohort is an error; an intern whose pages cannot be found is a problem of
/// the run (exit status 2), the other interns are still read.
pub fn find(path: &Path) -> Result<CohortInput> {
    let text = fs::read_to_string(path)
        .with_context(|| format!("cannot read the cohort file {}", path.display()))?;
    let cohort = Cohort::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("")).to_path_buf();
    let mut found = Found::default();
    for intern in &cohort.interns {
        let origin = Origin {
            batch: format!("cohort:{}", intern.key),
            intern: Some(intern.identity()),
        };
        let who = format!("{} ({})", intern.name, intern.key);
        match &intern.source {
            InternSource::Src { src } => {
                if is_url(src) {
                    found.problems.push(Problem {
                        path: src.clone(),
                        message: format!(
                            "{who}: the CLI reads local folders only; clone the repository and give its folder as `src` (docs/cli.md, \"Cohorts\")"
                        ),
                        fatal: true,
                    });
                    continue;
                }
                let dir = base.join(src);
                let mut own = input::find(std::slice::from_ref(&dir));
                for problem in &mut own.problems {
                    problem.message = format!("{who}: {}", problem.message);
                }
                for file in &mut own.files {
                    file.origin = origin.clone();
                }
                found.files.extend(own.files);
                found.problems.extend(own.problems);
            }
            InternSource::Files { files } => {
                let mut paths = Vec::new();
                for f in files {
                    if is_url(f) {
                        found.problems.push(Problem {
                            path: f.clone(),
                            message: format!("{who}: the CLI reads local files only"),
                            fatal: true,
                        });
                        continue;
                    }
                    let p = base.join(f);
                    if !p.is_file() {
                        found.problems.push(Problem {
                            path: p.to_string_lossy().into_owned(),
                            message: format!("{who}: cannot read: no such file"),
                            fatal: true,
                        });
                        continue;
                    }
                    paths.push(p);
                }
                let relatives = below_root(&paths);
                for (p, relative) in paths.into_iter().zip(relatives) {
                    found.files.push(FoundFile {
                        display: p.to_string_lossy().into_owned(),
                        path: p,
                        relative,
                        origin: origin.clone(),
                    });
                }
            }
        }
    }
    Ok(CohortInput { cohort, found })
}

/// Each file's path below its intern's root: from the last `content/` folder on when the path
/// has one (a Hugo site), else below the folder all the files share.
fn below_root(paths: &[PathBuf]) -> Vec<PathBuf> {
    let parts = |p: &Path| -> Vec<String> {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect()
    };
    let all: Vec<Vec<String>> = paths.iter().map(|p| parts(p)).collect();
    // Folders every file shares (never the file name itself).
    let mut common = all.first().map_or(0, |p| p.len().saturating_sub(1));
    for p in &all {
        common = common.min(p.len().saturating_sub(1));
        let first = &all[0];
        common = (0..common).take_while(|&i| first[i] == p[i]).count();
    }
    all.iter()
        .map(|p| {
            let from = p
                .iter()
                .rposition(|s| s.eq_ignore_ascii_case("content"))
                .filter(|&at| at + 1 < p.len())
                .unwrap_or(common);
            p[from..].iter().collect()
        })
        .collect()
}

/// Where `--sort` puts first what needs a mentor first: the least progress, the stalest last
/// dated task, the most problems; names A to Z. `--reverse` flips it.
pub fn descending(key: SortKey) -> bool {
    key == SortKey::Problems
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `1–4, 6`: week numbers as compact ranges.
fn ranges(weeks: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < weeks.len() {
        let (start, mut end) = (weeks[i], weeks[i]);
        while i + 1 < weeks.len() && weeks[i + 1] == end + 1 {
            i += 1;
            end = weeks[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

fn percent(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{:.0}%", p * 100.0))
}

/// The matrix as text: a heading, one line per intern (a character per week, then progress,
/// last dated task, problems, similar rows, labs), a line of interns with dated tasks per week,
/// and the legend.
pub fn write_text<W: Write>(m: &Matrix, out: &mut W) -> io::Result<()> {
    let mut heading = format!(
        "Cohort    {}",
        m.name.clone().unwrap_or_else(|| "(unnamed)".to_string())
    );
    if let Some(start) = m.start {
        heading.push_str(&format!(" · start {start}"));
    }
    heading.push_str(&format!(" · {}", plural(m.weeks, "week", "weeks")));
    if let Some(today) = m.today {
        heading.push_str(&format!(" · today {today}"));
        if let Some(w) = m.current_week {
            heading.push_str(&format!(" (week {w})"));
        }
    }
    writeln!(out, "{heading}")?;
    let due: Vec<u32> = m
        .week_summaries
        .iter()
        .filter(|w| w.due)
        .map(|w| w.week)
        .collect();
    let similar: u32 = m.interns.iter().map(|l| l.summary.similar).sum();
    writeln!(
        out,
        "Interns   {} · weeks due {} · {} in {} · {}",
        m.interns.len(),
        if due.is_empty() {
            "none".to_string()
        } else {
            ranges(&due)
        },
        plural(similar, "similar row", "similar rows"),
        plural(m.similar_groups, "group", "groups"),
        plural(m.labs.len() as u32, "lab linked", "labs linked"),
    )?;
    writeln!(out)?;

    let name_width = m
        .interns
        .iter()
        .map(|l| l.name.chars().count())
        .chain(["Intern".len(), "Dated per week".len()])
        .max()
        .unwrap_or(6);
    let widths: Vec<usize> = m
        .columns
        .iter()
        .map(|w| w.to_string().len().max(2))
        .collect();
    let weeks_head: Vec<String> = m
        .columns
        .iter()
        .zip(&widths)
        .map(|(w, &n)| format!("{w:>n$}"))
        .collect();
    writeln!(
        out,
        "{:<name_width$}  {}  {:>9}  {:>10}  {:>8}  {:>7}  {:>4}",
        "Intern",
        weeks_head.join(" "),
        "Progress",
        "Last dated",
        "Problems",
        "Similar",
        "Labs"
    )?;
    for line in &m.interns {
        let cells: Vec<String> = line
            .cells
            .iter()
            .zip(&widths)
            .map(|(c, &n)| format!("{:>n$}", c.state.symbol()))
            .collect();
        let s = &line.summary;
        let progress = format!(
            "{:>5} {:>3}",
            format!("{}/{}", s.dated_weeks, s.due_weeks),
            percent(s.progress)
        );
        writeln!(
            out,
            "{:<name_width$}  {}  {:>9}  {:>10}  {:>8}  {:>7}  {:>4}",
            line.name,
            cells.join(" "),
            progress,
            s.last_dated
                .map_or_else(|| "–".to_string(), |d| d.to_string()),
            s.problems,
            s.similar,
            s.labs.len()
        )?;
    }
    let dated: Vec<String> = m
        .week_summaries
        .iter()
        .zip(&widths)
        .map(|(w, &n)| {
            let count = w.states.get(&CellState::Dated).copied().unwrap_or(0);
            format!("{count:>n$}")
        })
        .collect();
    writeln!(
        out,
        "{:<name_width$}  {}",
        "Dated per week",
        dated.join(" ")
    )?;
    writeln!(out)?;
    let legend: Vec<String> = CellState::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), s.label()))
        .collect();
    writeln!(out, "Legend: {}", legend.join(" · "))?;
    writeln!(
        out,
        "Progress: due weeks with a dated task. Problems: warnings and errors, missing weeks, empty or template-only weeks."
    )?;
    if !m.labs.is_empty() {
        let labs: Vec<String> = m
            .labs
            .iter()
            .map(|l| match &l.title {
                Some(t) => format!(
                    "{} {t} ({})",
                    l.code,
                    plural(l.interns, "intern", "interns")
                ),
                None => format!("{} ({})", l.code, plural(l.interns, "intern", "interns")),
            })
            .collect();
        writeln!(out, "Labs: {}", labs.join("; "))?;
    }
    Ok(())
}

/// The matrix as CSV: the core's format ([`worklog::cohort::csv`], the app's export too), one
/// record per intern. Write errors come back as the `io::Error` they are (a closed pipe stays
/// recognisable).
pub fn write_csv<W: Write>(m: &Matrix, out: &mut W) -> io::Result<()> {
    worklog::cohort::csv::write(m, None, out).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_below_their_root() {
        let got = below_root(&[
            PathBuf::from("c/interns/lan/content/1-Worklog/1.1-Week1/_index.md"),
            PathBuf::from("c/interns/lan/content/1-Worklog/_index.md"),
        ]);
        assert_eq!(
            got,
            [
                PathBuf::from("content/1-Worklog/1.1-Week1/_index.md"),
                PathBuf::from("content/1-Worklog/_index.md")
            ]
        );
        let got = below_root(&[
            PathBuf::from("logs/minh/week-1.md"),
            PathBuf::from("logs/minh/w2/week-2.md"),
        ]);
        assert_eq!(
            got,
            [PathBuf::from("week-1.md"), PathBuf::from("w2/week-2.md")]
        );
        assert_eq!(
            below_root(&[PathBuf::from("a.md")]),
            [PathBuf::from("a.md")]
        );
    }

    #[test]
    fn week_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
    }
}
