//! How long filtering and facet counting take over 20,000 tasks (the app's target: within one
//! frame). Prints figures; asserts nothing about time (machines differ).
//!
//! `cargo test --release -p worklog --test query_speed -- --ignored --nocapture`

use std::time::Instant;

use chrono::{Days, NaiveDate};
use worklog::query::{facets, select_rows, Filter, WeekRange};
use worklog::{Collection, Language, Page, PageKind, ServiceRef, Task};

const PAGES: usize = 2_000;
const TASKS_PER_PAGE: usize = 10;
const SERVICES: [(&str, &str); 8] = [
    ("ec2", "Amazon EC2"),
    ("s3", "Amazon S3"),
    ("iam", "AWS IAM"),
    ("kms", "AWS KMS"),
    ("vpc", "Amazon VPC"),
    ("security-group", "Security Group"),
    ("cloudtrail", "AWS CloudTrail"),
    ("athena", "Amazon Athena"),
];

fn pages() -> Vec<Page> {
    let start = NaiveDate::from_ymd_opt(2025, 9, 8).expect("date");
    (0..PAGES)
        .map(|p| {
            let week = (p % 12) as u32 + 1;
            let monday = start
                .checked_add_days(Days::new(7 * u64::from(week - 1)))
                .expect("date");
            let tasks = (0..TASKS_PER_PAGE)
                .map(|t| {
                    let day = monday.checked_add_days(Days::new((t % 5) as u64)).expect("date");
                    let (id, name) = SERVICES[(p + t) % SERVICES.len()];
                    Task {
                        line: 20 + t as u32,
                        week: None,
                        day: Some(((t % 5) + 2).to_string()),
                        weekday: None,
                        start: Some(day),
                        end: Some(day),
                        start_text: None,
                        end_text: None,
                        text: format!(
                            "- Learn about {name} and its pricing model\n- Practice: create resources, review the console and the CLI ({p}-{t})"
                        ),
                        items: Vec::new(),
                        references: Vec::new(),
                        services: vec![ServiceRef { id: id.into(), name: name.into() }],
                        extra: Vec::new(),
                    }
                })
                .collect();
            Page {
                kind: PageKind::Week,
                language: Some(if p % 2 == 0 { Language::En } else { Language::Vi }),
                week: Some(week),
                weeks: vec![week],
                tasks,
                ..Page::new(format!(
                    "intern-{:03}/content/1-Worklog/1.{week}-Week{week}/_index.md",
                    p / 12
                ))
            }
        })
        .collect()
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut result = f();
    let t = Instant::now();
    for _ in 0..runs {
        result = f();
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{label:<44} {per:>8.3} ms");
    result
}

#[test]
#[ignore = "prints timings; run with --release -- --ignored --nocapture"]
fn filter_and_facets_over_20000_tasks() {
    let pages = pages();
    let tasks: usize = pages.iter().map(|p| p.tasks.len()).sum();
    println!("{} pages, {tasks} tasks", pages.len());
    let collection = time("collection build", 3, || Collection::new(pages.clone()));
    let filters = [
        ("no filter", Filter::default()),
        (
            "service=kms",
            Filter {
                services: vec!["kms".into()],
                ..Filter::default()
            },
        ),
        (
            "q=pricing console (ASCII text)",
            Filter {
                text: "pricing console".into(),
                ..Filter::default()
            },
        ),
        (
            "q=tìm hiểu (non-ASCII text)",
            Filter {
                text: "tìm hiểu".into(),
                ..Filter::default()
            },
        ),
        (
            "service+category+week+dates+lang+text",
            Filter {
                services: vec!["vpc".into(), "s3".into()],
                categories: vec!["networking-content-delivery".into()],
                weeks: vec![WeekRange::new(2, 6)],
                from: NaiveDate::from_ymd_opt(2025, 9, 1),
                to: NaiveDate::from_ymd_opt(2025, 12, 1),
                text: "learn".into(),
                language: Some(Language::En),
                sources: Vec::new(),
                similar: Default::default(),
            },
        ),
    ];
    for (name, filter) in &filters {
        let matched = time(&format!("filter   {name}"), 20, || {
            select_rows(&collection, filter).len()
        });
        let facets = time(&format!("facets   {name}"), 10, || {
            facets(&collection, filter)
        });
        assert_eq!(facets.total, matched, "facets count what the filter shows");
    }
}
