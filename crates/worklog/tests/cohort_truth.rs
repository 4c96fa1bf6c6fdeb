//! The cohort matrix of a generated cohort of 60 interns against the generator's own truth
//! (`tests/lib/cohort-gen.mjs`): every cell (state, due, pages, tasks, twin tasks, template
//! tasks, dated days, flagged rows, diagnostics, similar rows, labs), every intern's summary
//! (progress, last dated task, problems, labs by week), the similar groups (each copy matches its
//! source) and the lab titles. The core never computes the expected values.

#[path = "support/cohort_gen.rs"]
mod cohort_gen;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;
use worklog::cohort::{Cohort, InternSource, Matrix, MatrixOptions};
use worklog::intern::Origin;
use worklog::labs::Labs;
use worklog::similar::Similarity;
use worklog::{parse_page, Collection};

/// Pages of every intern of `cohort.json` in `dir`, each with its intern's identity.
fn load(dir: &Path) -> (Cohort, Collection) {
    let cohort = Cohort::parse(&fs::read_to_string(dir.join("cohort.json")).expect("cohort.json"))
        .expect("a valid cohort file");
    let mut pages = Vec::new();
    let mut origins = Vec::new();
    for intern in &cohort.interns {
        let InternSource::Files { files } = &intern.source else {
            panic!("cohort.json lists files");
        };
        for file in files {
            let bytes = fs::read(dir.join(file)).expect("generated page");
            pages.push(parse_page(file, &bytes));
            origins.push(Origin {
                batch: intern.key.clone(),
                intern: Some(intern.identity()),
            });
        }
    }
    (cohort, Collection::with_origins(pages, origins))
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("truth date"))
}

fn u(v: &Value) -> u32 {
    v.as_u64().expect("number") as u32
}

#[test]
fn the_matrix_of_a_generated_cohort_matches_the_generators_truth() {
    let dir = cohort_gen::scratch("truth");
    let test = "the_matrix_of_a_generated_cohort_matches_the_generators_truth";
    // `WORKLOG_COHORT_SEED=7` checks another cohort (the default one is seed 1).
    let seed = std::env::var("WORKLOG_COHORT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let Some(truth) = cohort_gen::generate(&dir, 60, seed, test) else {
        return;
    };
    let (cohort, collection) = load(&dir);
    let today = date(&truth["cohort"]["today"]);
    let options = MatrixOptions::from_cohort(&cohort, today);
    let similarity = Similarity::compute(&collection);
    let labs = Labs::compute(&collection);
    let matrix = Matrix::build(&collection, &options, &similarity, &labs);

    let mut problems: Vec<String> = Vec::new();
    let columns: Vec<u32> = truth["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(u)
        .collect();
    assert_eq!(matrix.columns, columns, "columns");
    assert_eq!(matrix.interns.len(), 60, "one line per intern");
    assert_eq!(matrix.weeks, u(&truth["cohort"]["weeks"]));
    assert_eq!(matrix.current_week, Some(12));

    let (mut cells, mut states) = (0, BTreeMap::<String, usize>::new());
    for expected in truth["interns"].as_array().expect("interns") {
        let key = expected["key"].as_str().expect("key");
        let Some(line) = matrix.interns.iter().find(|l| l.key == key) else {
            problems.push(format!("{key}: no line"));
            continue;
        };
        if line.name != expected["name"].as_str().expect("name") {
            problems.push(format!("{key}: name {} ≠ {}", line.name, expected["name"]));
        }
        for (c, &week) in matrix.columns.iter().enumerate() {
            let want = &expected["cells"][week.to_string()];
            let got = &line.cells[c];
            cells += 1;
            *states.entry(got.state.code().to_string()).or_default() += 1;
            let labs: Vec<u32> = want["labs"]
                .as_array()
                .expect("labs")
                .iter()
                .map(u)
                .collect();
            let pairs = [
                (
                    "state",
                    got.state.code().to_string(),
                    want["state"].as_str().unwrap_or("").to_string(),
                ),
                ("due", got.due.to_string(), want["due"].to_string()),
                (
                    "pages",
                    got.pages.len().to_string(),
                    want["pages"].to_string(),
                ),
                ("tasks", got.tasks.to_string(), want["tasks"].to_string()),
                (
                    "twin_tasks",
                    got.twin_tasks.to_string(),
                    want["twin_tasks"].to_string(),
                ),
                (
                    "template_tasks",
                    got.template_tasks.to_string(),
                    want["template_tasks"].to_string(),
                ),
                (
                    "dated_days",
                    got.dated_days.to_string(),
                    want["dated_days"].to_string(),
                ),
                (
                    "flagged",
                    got.flagged.to_string(),
                    want["flagged"].to_string(),
                ),
                (
                    "diagnostics",
                    got.diagnostics.to_string(),
                    want["diagnostics"].to_string(),
                ),
                (
                    "similar",
                    got.similar.to_string(),
                    want["similar"].to_string(),
                ),
                ("labs", format!("{:?}", got.labs), format!("{labs:?}")),
            ];
            for (what, g, w) in pairs {
                if g != w {
                    problems.push(format!("{key} week {week} {what}: core {g}, truth {w}"));
                }
            }
        }
        let s = &line.summary;
        let want = &expected["summary"];
        let labs: Vec<(u32, Vec<u32>)> = want["labs"]
            .as_array()
            .expect("labs")
            .iter()
            .map(|l| {
                (
                    u(&l["lab"]),
                    l["weeks"]
                        .as_array()
                        .expect("weeks")
                        .iter()
                        .map(u)
                        .collect(),
                )
            })
            .collect();
        let got_labs: Vec<(u32, Vec<u32>)> =
            s.labs.iter().map(|l| (l.lab, l.weeks.clone())).collect();
        let progress = f64::from(u(&want["dated_weeks"])) / f64::from(u(&want["due_weeks"]));
        let pairs = [
            (
                "dated_weeks",
                s.dated_weeks.to_string(),
                want["dated_weeks"].to_string(),
            ),
            (
                "due_weeks",
                s.due_weeks.to_string(),
                want["due_weeks"].to_string(),
            ),
            (
                "progress",
                format!("{:?}", s.progress),
                format!("{:?}", Some(progress)),
            ),
            (
                "last_dated",
                format!("{:?}", s.last_dated),
                format!("{:?}", date(&want["last_dated"])),
            ),
            (
                "problems",
                s.problems.to_string(),
                want["problems"].to_string(),
            ),
            (
                "missing",
                s.missing.to_string(),
                want["missing"].to_string(),
            ),
            (
                "unfilled",
                s.unfilled.to_string(),
                want["unfilled"].to_string(),
            ),
            (
                "diagnostics",
                s.diagnostics.to_string(),
                want["diagnostics"].to_string(),
            ),
            (
                "flagged",
                s.flagged.to_string(),
                want["flagged"].to_string(),
            ),
            (
                "similar",
                s.similar.to_string(),
                want["similar"].to_string(),
            ),
            ("tasks", s.tasks.to_string(), want["tasks"].to_string()),
            ("labs", format!("{got_labs:?}"), format!("{labs:?}")),
        ];
        for (what, g, w) in pairs {
            if g != w {
                problems.push(format!("{key} summary {what}: core {g}, truth {w}"));
            }
        }
    }

    // Similar groups: every planted row is similar, each copy matches its source, and no other
    // row of the cohort is similar.
    let rows = collection.rows();
    let mut at: HashMap<(String, u32), usize> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        let (page, task) = row.resolve(&collection).expect("row");
        at.insert((page.source.clone(), task.line), r);
    }
    let place = |v: &Value| -> Option<usize> {
        at.get(&(v["file"].as_str().expect("file").to_string(), u(&v["line"])))
            .copied()
    };
    let mut planted = 0;
    for group in truth["similar"].as_array().expect("similar") {
        let source = place(&group["source"]).expect("the source row is a row");
        for member in group["rows"].as_array().expect("rows") {
            planted += 1;
            let Some(r) = place(member) else {
                problems.push(format!("similar: no row at {member}"));
                continue;
            };
            if !similarity.is_similar(r) {
                problems.push(format!("similar: {member} is not marked similar"));
            }
            if r != source
                && !similarity
                    .matches(r)
                    .iter()
                    .any(|m| m.row as usize == source)
            {
                problems.push(format!("similar: {member} does not match its source"));
            }
            if similarity.group_of(r) != similarity.group_of(source) {
                problems.push(format!("similar: {member} is not in its source's group"));
            }
        }
    }
    if similarity.rows.len() != planted {
        problems.push(format!(
            "similar: {} rows marked, {planted} planted",
            similarity.rows.len()
        ));
    }

    // Labs and their titles.
    let want_labs: Vec<(u32, Option<String>, u32)> = truth["labs"]
        .as_array()
        .expect("labs")
        .iter()
        .map(|l| {
            (
                u(&l["id"]),
                l["title"].as_str().map(str::to_string),
                u(&l["interns"]),
            )
        })
        .collect();
    let got_labs: Vec<(u32, Option<String>, u32)> = labs
        .labs
        .iter()
        .map(|l| (l.id, l.title.clone(), l.interns))
        .collect();
    if got_labs != want_labs {
        problems.push(format!(
            "labs: core {got_labs:?}\n      truth {want_labs:?}"
        ));
    }

    let _ = fs::remove_dir_all(&dir);
    assert!(
        problems.is_empty(),
        "{} differences between the matrix and the generator's truth (first 40):\n{}",
        problems.len(),
        problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!("{cells} cells checked: {states:?}; {planted} similar rows planted");
    for state in [
        "dated", "misdated", "undated", "template", "empty", "missing", "not-due", "extra",
    ] {
        assert!(
            states.contains_key(state),
            "no `{state}` cell in the generated cohort"
        );
    }
}
