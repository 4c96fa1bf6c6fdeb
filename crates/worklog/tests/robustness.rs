//! Parsing never panics and finishes on hostile input: property tests over arbitrary bytes
//! and over mutated corpus pages, and pathological pages (10 MB, a 10,000-cell row, 10,000
//! nested bullets, 100,000 lines of pipes). These assert completion and sane output, not
//! timing; throughput is measured by `benches/parse.rs`.

use proptest::prelude::*;
use worklog::{parse_page, Collection, Page};

#[path = "support/corpus.rs"]
mod support;
use support::{corpus_pages, corpus_pages_for};

/// Every page must serialise (the JSON contract) and keep its invariants.
fn check(page: &Page) {
    let json = serde_json::to_string(page).expect("page serialises");
    assert!(json.starts_with('{'));
    for d in &page.diagnostics {
        assert!(!d.code.is_empty() && !d.message.is_empty());
        assert!(d.line.is_none_or(|l| l >= 1), "lines are 1-based: {d:?}");
    }
    for t in &page.tasks {
        assert!(t.line >= 1);
    }
}

/// The corpus pages, read once for all property cases (empty when the corpus is absent: then
/// `corpus_is_there_for_mutations` says so loudly, or fails with `WORKLOG_REQUIRE_SHARED=1`).
fn corpus() -> &'static [(String, Vec<u8>)] {
    static PAGES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    PAGES.get_or_init(|| corpus_pages().unwrap_or_default())
}

/// `mutated_corpus_pages_never_panic` has pages to mutate: skipped loudly without the corpus, a
/// failure without it in CI (checked here, outside the property, so a failure is one message).
#[test]
fn corpus_is_there_for_mutations() {
    if let Some(pages) = corpus_pages_for("robustness::mutated_corpus_pages_never_panic") {
        assert!(!pages.is_empty(), "the corpus has pages to mutate");
        assert_eq!(pages.len(), corpus().len());
    }
}

/// 512 cases per property by default; `PROPTEST_CASES=20000` fuzzes deeper locally.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&parse_page("content/1-Worklog/1.1-Week1/_index.md", &bytes));
    }

    #[test]
    fn markdownish_text_never_panics(text in "[-|+*#`<>\\[\\]()!:/ \t\n0-9a-zA-Zàáạăâđêôơưữ&;_=~.]{0,600}") {
        check(&parse_page("week-3.vi.md", text.as_bytes()));
    }

    #[test]
    fn mutated_corpus_pages_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..24),
    ) {
        let pages = corpus();
        if pages.is_empty() {
            return Ok(());
        }
        let (name, original) = &pages[pick.index(pages.len())];
        let mut bytes = original.clone();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                bytes.push(byte);
                continue;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 => { bytes.remove(i); }
                // Insert markdown-significant bytes: pipes, newlines, backticks, `<br>`.
                _ => {
                    let snippet: &[u8] = match byte % 6 {
                        0 => b"|",
                        1 => b"\n",
                        2 => b"`",
                        3 => b"<br>",
                        4 => b"\r\n---\r\n",
                        _ => b"&emsp;+ ",
                    };
                    for (k, b) in snippet.iter().enumerate() {
                        bytes.insert(i + k, *b);
                    }
                }
            }
        }
        let page = parse_page(name, &bytes);
        check(&page);
        let _ = Collection::new(vec![page, parse_page(name, original)]);
    }
}

#[test]
fn ten_megabyte_page() {
    let mut text = String::from("---\ntitle: \"Week 1 Worklog\"\n---\n### Week 1 Objectives:\n");
    let row = "| 2 | - Learn **EC2** <br>&emsp; + `aws ec2` <br> - [docs](https://docs.aws.amazon.com/) | 08/11/2025 | 08/11/2025 | <https://cloudjourney.awsstudygroup.com/> |\n";
    text.push_str("| Day | Task | Start Date | Completion Date | Reference Material |\n| --- | --- | --- | --- | --- |\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(row);
        text.push_str("* achievement with `code` and **bold** text, Tuần 1, 10/06/2025\n");
    }
    let page = parse_page("content/1-Worklog/1.1-Week1/_index.md", text.as_bytes());
    check(&page);
    assert_eq!(page.week, Some(1));
    assert!(!page.tasks.is_empty());
}

#[test]
fn ten_thousand_cell_row() {
    let mut text = String::from(
        "| Day | Task | Start Date | Completion Date | Reference |\n|---|---|---|---|---|\n",
    );
    text.push('|');
    for i in 0..10_000 {
        text.push_str(&format!(" c{i} <br> - x |"));
    }
    text.push('\n');
    let page = parse_page("week-1.en.md", text.as_bytes());
    check(&page);
}

#[test]
fn ten_thousand_nested_bullets() {
    // As a markdown list in the achievements: `- + - + … item` opens one list per marker on
    // a single line (linear input size, unlike indentation)…
    let mut list = String::from("### Week 1 Achievements:\n");
    list.push_str(&"- + ".repeat(5_000));
    list.push_str("item\n");
    let page = parse_page("week-1.en.md", list.as_bytes());
    check(&page);
    assert!(!page.achievements.is_empty());
    // …by indentation (1,000 levels: the input grows with the square of the depth)…
    let mut list = String::from("### Week 1 Achievements:\n");
    for depth in 0..1_000usize {
        list.push_str(&" ".repeat(depth * 2));
        list.push_str("* item\n");
    }
    let page = parse_page("week-1.en.md", list.as_bytes());
    check(&page);
    // …and as `&emsp;` bullets inside one task cell.
    let mut cell = String::new();
    for depth in 0..10_000usize {
        cell.push_str(&"&emsp;".repeat(depth % 50));
        cell.push_str("+ step <br>");
    }
    let text = format!(
        "| Day | Task | Start Date | Completion Date |\n|---|---|---|---|\n| 2 | {cell} | 08/11/2025 | 08/11/2025 |\n"
    );
    let page = parse_page("week-1.en.md", text.as_bytes());
    check(&page);
    assert_eq!(page.tasks.len(), 1);
}

#[test]
fn hundred_thousand_lines_of_pipes() {
    let mut text = String::with_capacity(1_000_000);
    text.push_str("| Day | Task | Date |\n| --- | --- | --- |\n");
    for i in 0..100_000 {
        text.push_str(match i % 4 {
            0 => "|||||\n",
            1 => "| | |\n",
            2 => "|\n",
            _ => "| --- |\n",
        });
    }
    check(&parse_page("week-1.en.md", text.as_bytes()));
    let only_pipes = "|\n".repeat(100_000);
    check(&parse_page("week-1.en.md", only_pipes.as_bytes()));
}

#[test]
fn deep_brackets_and_emphasis() {
    let mut text = String::from("### Objectives\n- ");
    text.push_str(&"[".repeat(50_000));
    text.push_str(&"*".repeat(50_000));
    text.push_str(&"`".repeat(50_000));
    text.push('\n');
    text.push_str("---\n");
    text.push_str(&"[[[[{{{".repeat(10_000));
    check(&parse_page("week-1.en.md", text.as_bytes()));
    // Deeply nested YAML flow collections in the front matter.
    let front = format!("---\ntitle: {}\n---\n", "[".repeat(100_000));
    check(&parse_page("week-1.en.md", front.as_bytes()));
}
