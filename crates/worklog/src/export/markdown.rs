//! Markdown: a per-week summary table followed by a task table (GitHub-flavoured tables), for
//! pasting into a report, an issue or a pull request.
//!
//! Page text is untrusted: cells escape `|`, `<`, `>` and `&`, so nothing in a worklog becomes
//! HTML or breaks the table where the Markdown is rendered; line breaks become `<br>`, the only
//! HTML written (generated here, never copied from the page).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{Page, PageKind, Reference};
use crate::query::{page_weeks, task_span};

/// Most services listed per week in the summary.
const TOP_SERVICES: usize = 5;

pub fn write<W: Write>(pages: &[Page], title: &str, mut out: W) -> io::Result<()> {
    out.write_all(to_string(pages, title).as_bytes())
}

/// [`write`] with an `Intern` column: `interns[i]` is the display name of the intern of
/// `pages[i]`.
pub fn write_with_interns<W: Write>(
    pages: &[Page],
    interns: &[String],
    title: &str,
    mut out: W,
) -> io::Result<()> {
    out.write_all(to_string_with_interns(pages, interns, title).as_bytes())
}

pub fn to_string(pages: &[Page], title: &str) -> String {
    render(pages, None, title)
}

/// [`to_string`] with an `Intern` column (see [`write_with_interns`]).
pub fn to_string_with_interns(pages: &[Page], interns: &[String], title: &str) -> String {
    render(pages, Some(interns), title)
}

/// Pages of other site sections are not weeks: they get no row, only a count by section.
fn render(pages: &[Page], interns: Option<&[String]>, title: &str) -> String {
    let mut s = String::new();
    let intern_of = |i: usize| -> Option<String> {
        interns.map(|names| escape_cell(names.get(i).map_or("", String::as_str)))
    };
    let shown: Vec<(usize, &Page)> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != PageKind::OtherSection)
        .collect();
    let task_count: usize = shown.iter().map(|(_, p)| p.tasks.len()).sum();
    let _ = writeln!(s, "# {}\n", escape_cell(title));
    let _ = writeln!(s, "{} pages, {} tasks.\n", shown.len(), task_count);
    let set_aside = super::set_aside_sections(pages);
    if !set_aside.is_empty() {
        let n: usize = set_aside.iter().map(|(_, n)| n).sum();
        let _ = writeln!(
            s,
            "{n} {} set aside (other sections: {}).\n",
            if n == 1 { "page" } else { "pages" },
            escape_cell(&super::set_aside_summary(&set_aside))
        );
    }

    let intern_head = if interns.is_some() { "| Intern " } else { "" };
    let intern_rule = if interns.is_some() { "|---" } else { "" };
    let _ = writeln!(
        s,
        "{intern_head}| Week | Dates | Language | Tasks | Top services | Source |"
    );
    let _ = writeln!(s, "{intern_rule}|---:|---|---|---:|---|---|");
    for &(i, page) in &shown {
        let weeks = page_weeks(page)
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let spans = page.tasks.iter().filter_map(task_span);
        let (first, last) = spans.fold((None, None), |(lo, hi), (s, e)| {
            (
                Some(lo.map_or(s, |lo: chrono::NaiveDate| lo.min(s))),
                Some(hi.map_or(e, |hi: chrono::NaiveDate| hi.max(e))),
            )
        });
        let dates = match (first, last) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        };
        let mut services: BTreeMap<&str, usize> = BTreeMap::new();
        for task in &page.tasks {
            for svc in &task.services {
                *services.entry(svc.name.as_str()).or_default() += 1;
            }
        }
        let mut top: Vec<(&str, usize)> = services.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top = top
            .iter()
            .take(TOP_SERVICES)
            .map(|(name, n)| format!("{name} ({n})"))
            .collect::<Vec<_>>()
            .join(", ");
        let intern = intern_of(i).map(|n| format!("| {n} ")).unwrap_or_default();
        let _ = writeln!(
            s,
            "{intern}| {} | {} | {} | {} | {} | {} |",
            escape_cell(&weeks),
            dates,
            page.language.map(|l| l.code()).unwrap_or(""),
            page.tasks.len(),
            escape_cell(&top),
            escape_cell(&page.source),
        );
    }

    if task_count > 0 {
        s.push_str("\n## Tasks\n\n");
        let _ = writeln!(
            s,
            "{intern_head}| Week | Day | Start | End | Task | Services | References |"
        );
        let _ = writeln!(s, "{intern_rule}|---:|---|---|---|---|---|---|");
        for &(i, page) in &shown {
            let intern = intern_of(i).map(|n| format!("| {n} ")).unwrap_or_default();
            for task in &page.tasks {
                let date =
                    |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "{intern}| {} | {} | {} | {} | {} | {} | {} |",
                    task.week
                        .or(page.week)
                        .map(|w| w.to_string())
                        .unwrap_or_default(),
                    escape_cell(task.day.as_deref().unwrap_or("")),
                    date(task.start),
                    date(task.end),
                    escape_cell(&task.text),
                    escape_cell(&super::service_names(&task.services)),
                    references(&task.references),
                );
            }
        }
    }
    s
}

/// Text for one table cell: no raw HTML, no cell breaks, line breaks kept as `<br>`.
fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        for c in line.chars() {
            match c {
                '|' => out.push_str("\\|"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

/// References as Markdown links; the URL in `<...>` form so spaces and parentheses are safe.
fn references(refs: &[Reference]) -> String {
    refs.iter()
        .map(|r| match &r.url {
            Some(url) => {
                let url = url
                    .replace('<', "%3C")
                    .replace('>', "%3E")
                    .replace('|', "%7C")
                    .replace(['\n', '\r'], "");
                let text = if r.text.is_empty() {
                    url.as_str()
                } else {
                    r.text.as_str()
                };
                format!(
                    "[{}](<{}>)",
                    escape_cell(text).replace('[', "\\[").replace(']', "\\]"),
                    url
                )
            }
            None => escape_cell(&r.text),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_inject_html_or_split_the_table() {
        assert_eq!(
            escape_cell("a | b\n<script>alert(1)</script> & c"),
            "a \\| b<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; c"
        );
    }

    #[test]
    fn reference_links_are_wrapped() {
        let refs = vec![
            Reference {
                text: "Docs [v2]".into(),
                url: Some("https://example.org/a b>".into()),
            },
            Reference {
                text: "Book".into(),
                url: None,
            },
        ];
        assert_eq!(
            references(&refs),
            "[Docs \\[v2\\]](<https://example.org/a b%3E>), Book"
        );
    }
}
