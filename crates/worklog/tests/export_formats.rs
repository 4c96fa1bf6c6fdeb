//! Export formats on pages built directly (independent of the parser): the JSON contract reads
//! back, CSV quoting survives every awkward cell, iCalendar follows RFC 5545's rules, Markdown
//! never carries page HTML, and filters pick the same tasks in every format.

use chrono::NaiveDate;
use worklog::export::{self, csv as csv_export, ics, json, markdown};
use worklog::query::{Filter, WeekRange};
use worklog::{
    Diagnostic, Export, Item, Language, Page, PageKind, Reference, ServiceRef, Task, SCHEMA_VERSION,
};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn task(
    line: u32,
    text: &str,
    start: Option<&str>,
    end: Option<&str>,
    services: &[(&str, &str)],
) -> Task {
    Task {
        line,
        week: None,
        day: Some("2".into()),
        weekday: Some(worklog::Weekday::Mon),
        start: start.map(date),
        end: end.map(date),
        start_text: None,
        end_text: None,
        text: text.into(),
        items: text
            .lines()
            .map(|l| Item {
                content: vec![worklog::Inline::Text { text: l.into() }],
                children: Vec::new(),
            })
            .collect(),
        references: vec![Reference {
            text: "Docs, \"v2\"".into(),
            url: Some("https://docs.aws.amazon.com/kms/".into()),
        }],
        services: services
            .iter()
            .map(|(id, name)| ServiceRef {
                id: (*id).into(),
                name: (*name).into(),
            })
            .collect(),
        extra: Vec::new(),
    }
}

fn page(source: &str, week: u32, language: Language, tasks: Vec<Task>) -> Page {
    Page {
        kind: PageKind::Week,
        language: Some(language),
        week: Some(week),
        weeks: vec![week],
        title: Some(format!("Week {week}")),
        tasks,
        diagnostics: vec![Diagnostic::warning(Some(3), "ambiguous-date-order", "test")],
        ..Page::new(source)
    }
}

fn sample() -> Vec<Page> {
    vec![
        page(
            "site/content/1-Worklog/1.1-Week1/_index.md",
            1,
            Language::En,
            vec![
                task(
                    18,
                    "Learn KMS, \"envelope\" encryption; rotate keys\nPractice: encrypt an S3 object",
                    Some("2025-09-08"),
                    Some("2025-09-09"),
                    &[("kms", "AWS KMS"), ("s3", "Amazon S3")],
                ),
                task(19, "Undated | review <script>alert(1)</script>", None, None, &[]),
            ],
        ),
        page(
            "site/content/1-Worklog/1.2-Week2/_index.vi.md",
            2,
            Language::Vi,
            vec![task(
                17,
                "Tìm hiểu CloudTrail và Athena — truy vấn nhật ký sự kiện trong nhiều ngày liên tiếp để kiểm tra",
                Some("2025-09-15"),
                Some("2025-09-15"),
                &[("cloudtrail", "AWS CloudTrail")],
            )],
        ),
    ]
}

#[test]
fn json_reads_back_identically() {
    let doc = Export {
        schema: SCHEMA_VERSION,
        pages: sample(),
    };
    let text = json::to_string(&doc);
    let back: Export = serde_json::from_str(&text).expect("the contract deserialises");
    assert_eq!(back, doc);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["schema"], 1);
    assert_eq!(value["pages"][0]["tasks"][0]["start"], "2025-09-08");
    assert_eq!(
        value["pages"][0]["tasks"][1]["start"],
        serde_json::Value::Null
    );
    assert_eq!(value["pages"][1]["language"], "vi");
}

#[test]
fn csv_quotes_every_awkward_cell() {
    let mut buf = Vec::new();
    csv_export::write(&sample(), &mut buf).expect("write CSV");
    let mut reader = csv::Reader::from_reader(buf.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header, csv_export::HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    let first = &rows[0];
    assert_eq!(first.get(0), Some("1"));
    assert_eq!(first.get(3), Some("2025-09-08"));
    assert_eq!(first.get(4), Some("2025-09-09"));
    assert_eq!(
        first.get(5),
        Some("Learn KMS, \"envelope\" encryption; rotate keys\nPractice: encrypt an S3 object")
    );
    assert_eq!(first.get(6), Some("AWS KMS; Amazon S3"));
    assert_eq!(
        first.get(7),
        Some("Docs, \"v2\" <https://docs.aws.amazon.com/kms/>")
    );
    assert_eq!(
        first.get(9),
        Some("site/content/1-Worklog/1.1-Week1/_index.md")
    );
    assert_eq!(first.get(10), Some("18"));
    assert_eq!(rows[1].get(3), Some(""), "no date, empty cell");
}

/// Unfold RFC 5545 content lines (CRLF followed by one space or tab continues a line).
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        if let Some(rest) = physical.strip_prefix([' ', '\t']) {
            if let Some(last) = lines.last_mut() {
                last.push_str(rest);
                continue;
            }
        }
        lines.push(physical.to_string());
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

#[test]
fn ics_follows_rfc5545() {
    let options = ics::Options {
        calendar_name: "Worklog, test".into(),
        dtstamp: date("2025-10-01").and_hms_opt(12, 0, 0).expect("time"),
    };
    let mut buf = Vec::new();
    let summary = ics::write(&sample(), &options, &mut buf).expect("write ICS");
    assert_eq!(summary.events, 2);
    assert_eq!(summary.skipped_undated, 1);
    let text = String::from_utf8(buf).expect("UTF-8");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for physical in text.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
    }
    let lines = unfold(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.contains(&"X-WR-CALNAME:Worklog\\, test".to_string()));
    let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(count("BEGIN:VEVENT"), 2);
    assert_eq!(count("END:VEVENT"), 2);
    assert_eq!(count("DTSTAMP:20251001T120000Z"), 2);
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20250908".to_string()));
    assert!(
        lines.contains(&"DTEND;VALUE=DATE:20250910".to_string()),
        "exclusive end: the day after 2025-09-09"
    );
    assert!(lines.contains(&"CATEGORIES:AWS KMS,Amazon S3".to_string()));
    let summary_line = lines
        .iter()
        .find(|l| l.starts_with("SUMMARY:Week 1"))
        .expect("summary");
    assert_eq!(
        summary_line,
        "SUMMARY:Week 1: Learn KMS\\, \"envelope\" encryption\\; rotate keys"
    );
    let description = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:Learn KMS"))
        .expect("description");
    assert!(description.contains("rotate keys\\nPractice: encrypt an S3 object"));
    assert!(description.contains("Source: site/content/1-Worklog/1.1-Week1/_index.md line 18"));
    // The long Vietnamese summary was folded without splitting a UTF-8 sequence.
    assert!(lines
        .iter()
        .any(|l| l.starts_with("SUMMARY:Week 2: Tìm hiểu CloudTrail")));
    // UIDs are unique and depend only on the source and line.
    let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
    let mut again = Vec::new();
    ics::write(&sample(), &options, &mut again).expect("write ICS");
    assert_eq!(String::from_utf8(again).expect("UTF-8"), text);
}

#[test]
fn markdown_escapes_page_content() {
    let md = markdown::to_string(&sample(), "Worklog <b>summary</b>");
    assert!(md.starts_with("# Worklog &lt;b&gt;summary&lt;/b&gt;\n"));
    assert!(!md.contains("<script>"));
    assert!(md.contains("Undated \\| review &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(md.contains("| 1 | 2025-09-08 – 2025-09-09 | en | 2 | AWS KMS (1), Amazon S3 (1) |"));
    assert!(md.contains("rotate keys<br>Practice"));
    // Every table row has the same number of unescaped cell separators as its header.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 7 || cells == 8, "{line}");
    }
}

#[test]
fn filters_select_the_same_tasks_everywhere() {
    let pages = sample();
    let filter = Filter {
        services: vec!["kms".into()],
        ..Filter::default()
    };
    let kept = export::filtered(&pages, &filter);
    assert_eq!(kept.len(), 1, "pages left without a task are dropped");
    assert_eq!(kept[0].tasks.len(), 1);
    assert_eq!(kept[0].tasks[0].line, 18);
    assert_eq!(
        kept[0].diagnostics.len(),
        1,
        "the page keeps its diagnostics"
    );

    // Page-level kinds keep pages whole (even without matching tasks).
    let by_week = Filter {
        weeks: vec![WeekRange::single(2)],
        ..Filter::default()
    };
    let kept = export::filtered(&pages, &by_week);
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].week, Some(2));

    // No filter: everything, including task-less pages.
    let mut with_stub = pages.clone();
    with_stub.push(page("site/x.md", 3, Language::En, Vec::new()));
    assert_eq!(export::filtered(&with_stub, &Filter::default()).len(), 3);

    // The same selection in CSV.
    let mut buf = Vec::new();
    csv_export::write(&export::filtered(&pages, &filter), &mut buf).expect("CSV");
    let rows = csv::Reader::from_reader(buf.as_slice()).records().count();
    assert_eq!(rows, 1);
}

#[test]
fn csv_and_markdown_give_each_task_of_a_multi_week_page_its_own_week() {
    let mut first = task(10, "Wrap up week 12", Some("2025-11-24"), None, &[]);
    first.week = Some(12);
    let mut second = task(11, "Final report", Some("2025-12-01"), None, &[]);
    second.week = Some(13);
    let mut multi = page(
        "site/content/1-Worklog/1.12-Week12/_index.md",
        12,
        Language::En,
        vec![first, second],
    );
    multi.kind = PageKind::MultiWeek;
    multi.weeks = vec![12, 13];

    let mut buf = Vec::new();
    csv_export::write(std::slice::from_ref(&multi), &mut buf).expect("write CSV");
    let mut reader = csv::Reader::from_reader(buf.as_slice());
    let weeks: Vec<String> = reader
        .records()
        .map(|r| r.expect("CSV record")[0].to_string())
        .collect();
    assert_eq!(weeks, ["12", "13"]);

    let md = markdown::to_string(std::slice::from_ref(&multi), "Worklog");
    assert!(md.contains("| 13 | 2 | 2025-12-01 |"), "{md}");
}
