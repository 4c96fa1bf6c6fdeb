//! The cohort files shown in the documentation are valid and mean what the text says:
//! `docs/cohort.md` (the example of "The cohort file") and `docs/cli.md` (the file of "A cohort
//! on GitHub Actions").

use worklog::cohort::{Cohort, InternSource};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The first ```json block after `heading` in `doc`.
fn json_after(doc: &str, heading: &str) -> String {
    let text = std::fs::read_to_string(format!("{ROOT}/{doc}")).expect("doc");
    let from = text
        .find(heading)
        .unwrap_or_else(|| panic!("{doc}: no heading {heading}"));
    let rest = &text[from..];
    let start = rest.find("```json\n").expect("a json block") + "```json\n".len();
    let end = rest[start..].find("```").expect("its end");
    rest[start..start + end].to_string()
}

#[test]
fn the_cohort_file_example_of_cohort_md() {
    let c = Cohort::parse(&json_after("docs/cohort.md", "## The cohort file")).expect("valid");
    assert_eq!(c.weeks, Some(12));
    assert_eq!(
        c.start.map(|d| d.to_string()).as_deref(),
        Some("2025-09-08")
    );
    let ids: Vec<(&str, &str)> = c
        .interns
        .iter()
        .map(|i| (i.key.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("alice/fcj-report", "Nguyễn Thị Alice"),
            ("repos/binh-fcj-report", "Trần Văn Bình"),
            ("chi", "Lê Chi"),
        ]
    );
    assert!(matches!(&c.interns[2].source, InternSource::Files { files } if files.len() == 2));
}

#[test]
fn the_github_actions_cohort_of_cli_md() {
    let c =
        Cohort::parse(&json_after("docs/cli.md", "### A cohort on GitHub Actions")).expect("valid");
    for intern in &c.interns {
        // The workflow clones https://github.com/KEY into SRC.
        let InternSource::Src { src } = &intern.source else {
            panic!("by src");
        };
        assert_eq!(src, &format!("repos/{}", intern.key));
    }
    assert_eq!(c.interns.len(), 2);
}
