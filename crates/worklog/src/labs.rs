//! Labs done: links to the FCJ labs (`https://000017.awsstudygroup.com/`, with its `/vi/` and
//! `/en/` paths and any page below them) are recognised as lab ids, so a mentor sees which labs
//! each intern did, week by week.
//!
//! A lab id is the number of the host (`000017` → 17), whatever the path or language. Links are
//! read where the model keeps them: a task's references (its Reference cell) and the links of
//! its task cell, plus lab addresses written as plain text in the task.
//!
//! **Titles are never invented**: a lab's title is the most common link text the loaded pages
//! give it (`[000017 - CI/CD with ECS](https://000017.awsstudygroup.com/)` → `CI/CD with ECS`;
//! the lab number in front is dropped). A text that is only an address, a number or `Lab 17`
//! names nothing; a lab no page names has no title, and views show its number.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::collection::Collection;
use crate::model::{Inline, Item, Task};

const HOST: &str = ".awsstudygroup.com";

/// One lab seen in the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lab {
    pub id: u32,
    /// The lab's number as its address writes it (`000017`).
    pub code: String,
    /// `https://000017.awsstudygroup.com/`.
    pub url: String,
    /// The most common title the pages' link texts give it; `None` when no link text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Rows mentioning it (both languages of a week count).
    pub rows: u32,
    /// Interns who mention it.
    pub interns: u32,
}

/// A lab an intern did, and the weeks whose rows link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InternLab {
    pub lab: u32,
    pub weeks: Vec<u32>,
}

/// The labs of a collection: every lab seen, and the labs of every row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labs {
    /// By id.
    pub labs: Vec<Lab>,
    /// For each row of [`Collection::rows`] that links labs: (row index, lab ids), by row.
    pub rows: Vec<(u32, Vec<u32>)>,
}

/// The six-digit form of a lab id (`17` → `000017`).
pub fn lab_code(id: u32) -> String {
    format!("{id:06}")
}

/// The lab an address points to: `https://000017.awsstudygroup.com/vi/3-x/` → 17. The host
/// must be a number followed by `.awsstudygroup.com` (other subdomains, such as
/// `cloudjourney.`, are not labs).
pub fn lab_id(url: &str) -> Option<u32> {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map_or(url, |(scheme, rest)| {
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
                rest
            } else {
                ""
            }
        })
        .trim_start_matches('/');
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
    let host = host.to_ascii_lowercase();
    let number = host.strip_suffix(HOST)?;
    number_id(number)
}

fn number_id(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Lab addresses written in plain text (`see 000017.awsstudygroup.com/vi/`).
pub fn lab_ids_in_text(text: &str) -> Vec<u32> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(HOST) {
        let at = from + at;
        let digits_start = bytes[..at]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let before_ok = digits_start == 0 || !bytes[digits_start - 1].is_ascii_alphanumeric();
        if before_ok {
            if let Some(id) = number_id(&lower[digits_start..at]) {
                out.push(id);
            }
        }
        from = at + HOST.len();
    }
    out
}

/// The labs a task links: (lab id, the link's text when it may be a title), in order.
pub fn task_lab_links(task: &Task) -> Vec<(u32, Option<String>)> {
    let mut out: Vec<(u32, Option<String>)> = Vec::new();
    for reference in &task.references {
        match reference.url.as_deref().and_then(lab_id) {
            Some(id) => out.push((id, title_candidate(&reference.text, id))),
            None => {
                out.extend(
                    lab_ids_in_text(&reference.text)
                        .into_iter()
                        .map(|id| (id, None)),
                );
            }
        }
    }
    for item in &task.items {
        item_links(item, &mut out);
    }
    out.extend(lab_ids_in_text(&task.text).into_iter().map(|id| (id, None)));
    out
}

fn item_links(item: &Item, out: &mut Vec<(u32, Option<String>)>) {
    fn inline_links(inline: &Inline, out: &mut Vec<(u32, Option<String>)>) {
        match inline {
            Inline::Link { url, content } => {
                if let Some(id) = lab_id(url) {
                    let mut text = String::new();
                    content.iter().for_each(|c| c.write_plain(&mut text));
                    out.push((id, title_candidate(&text, id)));
                }
            }
            Inline::Strong { content } | Inline::Emphasis { content } => {
                content.iter().for_each(|c| inline_links(c, out))
            }
            Inline::Text { .. } | Inline::Code { .. } => {}
        }
    }
    item.content.iter().for_each(|c| inline_links(c, out));
    item.children.iter().for_each(|c| item_links(c, out));
}

/// A link text as a lab title: the lab's number in front dropped (`000017 - `, `Lab 17: `);
/// `None` when what is left names nothing (an address, a number, `Part 2`).
pub fn title_candidate(text: &str, id: u32) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = text.to_lowercase();
    if lower.contains("awsstudygroup.com") || lower.contains("://") || lower.starts_with("www.") {
        return None;
    }
    let separators =
        |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | '|' | '#');
    let mut rest = text.as_str();
    // `Lab`, `Lab #`, then the number.
    if rest.len() >= 3
        && rest.is_char_boundary(3)
        && rest[..3].eq_ignore_ascii_case("lab")
        && rest[3..].starts_with(|c: char| separators(c) || c.is_ascii_digit())
    {
        let number = rest[3..].trim_start_matches(separators);
        if number.starts_with(|c: char| c.is_ascii_digit()) {
            rest = number;
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    // The lab's own number, ending there (`17 - x`; not `170 x`, not `3D printing`).
    if digits > 0
        && rest[..digits].parse::<u32>().ok() == Some(id)
        && (after.is_empty() || after.starts_with(separators))
    {
        rest = after.trim_start_matches(separators);
    }
    let rest = rest.trim();
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    let part = {
        let l = rest.to_lowercase();
        let word_end = l.find(|c: char| !c.is_alphabetic()).unwrap_or(l.len());
        matches!(&l[..word_end], "part" | "phần" | "p")
            && l[word_end..].trim().chars().all(|c| c.is_ascii_digit())
    };
    if letters < 3 || part || lower == "lab" {
        return None;
    }
    Some(rest.to_string())
}

impl Labs {
    /// Every lab the collection's rows link, with titles from their link texts.
    pub fn compute(collection: &Collection) -> Labs {
        let pages = collection.pages();
        // id → (title counts, first seen order), rows, interns.
        #[derive(Default)]
        struct Seen {
            titles: HashMap<String, (u32, usize)>,
            rows: u32,
            interns: BTreeSet<u32>,
        }
        let mut seen: BTreeMap<u32, Seen> = BTreeMap::new();
        let mut rows = Vec::new();
        let mut order = 0usize;
        for (r, row) in collection.rows().iter().enumerate() {
            let Some(task) = pages
                .get(row.page as usize)
                .and_then(|p| p.tasks.get(row.task as usize))
            else {
                continue;
            };
            let links = task_lab_links(task);
            if links.is_empty() {
                continue;
            }
            let mut ids: Vec<u32> = links.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            for (id, title) in links {
                if let Some(title) = title {
                    let entry = seen.entry(id).or_default();
                    let t = entry.titles.entry(title).or_insert((0, order));
                    t.0 += 1;
                    order += 1;
                }
            }
            for &id in &ids {
                let entry = seen.entry(id).or_default();
                entry.rows += 1;
                entry.interns.insert(row.intern);
            }
            rows.push((r as u32, ids));
        }
        let labs = seen
            .into_iter()
            .map(|(id, s)| {
                // Most common; ties go to the text seen first.
                let title = s
                    .titles
                    .into_iter()
                    .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                    .map(|(t, _)| t);
                Lab {
                    id,
                    code: lab_code(id),
                    url: format!("https://{}{HOST}/", lab_code(id)),
                    title,
                    rows: s.rows,
                    interns: s.interns.len() as u32,
                }
            })
            .collect();
        Labs { labs, rows }
    }

    /// The labs a row links (row index into [`Collection::rows`]).
    pub fn of_row(&self, row: usize) -> &[u32] {
        self.rows
            .binary_search_by_key(&(row as u32), |(r, _)| *r)
            .map_or(&[], |i| self.rows[i].1.as_slice())
    }

    pub fn get(&self, id: u32) -> Option<&Lab> {
        self.labs
            .binary_search_by_key(&id, |l| l.id)
            .ok()
            .map(|i| &self.labs[i])
    }

    /// The labs of intern `intern` (index into [`Collection::internships`]), by id, each with
    /// the weeks whose rows link it.
    pub fn by_intern(&self, collection: &Collection, intern: usize) -> Vec<InternLab> {
        let mut weeks: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
        for (r, ids) in &self.rows {
            let Some(row) = collection.rows().get(*r as usize) else {
                continue;
            };
            if row.intern as usize != intern {
                continue;
            }
            for &id in ids {
                let entry = weeks.entry(id).or_default();
                entry.extend(row.week);
            }
        }
        weeks
            .into_iter()
            .map(|(lab, weeks)| InternLab {
                lab,
                weeks: weeks.into_iter().collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_page;

    #[test]
    fn lab_ids_from_addresses() {
        assert_eq!(lab_id("https://000017.awsstudygroup.com/vi/"), Some(17));
        assert_eq!(
            lab_id("https://000017.awsstudygroup.com/en/2-prerequisite/"),
            Some(17)
        );
        assert_eq!(lab_id("http://000003.AWSStudyGroup.com"), Some(3));
        assert_eq!(lab_id("000045.awsstudygroup.com/"), Some(45));
        assert_eq!(lab_id("https://cloudjourney.awsstudygroup.com/"), None);
        assert_eq!(
            lab_id("https://000017.awsstudygroup.com.evil.example/"),
            None
        );
        assert_eq!(lab_id("https://x000017.awsstudygroup.com/"), None);
        assert_eq!(lab_id("ftp://000017.awsstudygroup.com/"), None);
        assert_eq!(
            lab_ids_in_text("Lab 000017.awsstudygroup.com/vi and https://000002.awsstudygroup.com"),
            [17, 2]
        );
        assert!(lab_ids_in_text("a000017.awsstudygroup.com").is_empty());
    }

    #[test]
    fn titles_come_from_link_texts_only() {
        assert_eq!(
            title_candidate("000017 - CI/CD with ECS", 17).as_deref(),
            Some("CI/CD with ECS")
        );
        assert_eq!(
            title_candidate("Lab 17: Deploy with ECS", 17).as_deref(),
            Some("Deploy with ECS")
        );
        assert_eq!(
            title_candidate("Quản lý chi phí với AWS Budgets", 7).as_deref(),
            Some("Quản lý chi phí với AWS Budgets")
        );
        assert_eq!(title_candidate("Lab 48", 48), None);
        assert_eq!(
            title_candidate("Laboratory setup", 4).as_deref(),
            Some("Laboratory setup")
        );
        assert_eq!(
            title_candidate("Lab work on IAM", 2).as_deref(),
            Some("Lab work on IAM")
        );
        assert_eq!(title_candidate("Lab 14 Part 2", 14), None);
        assert_eq!(
            title_candidate("https://000007.awsstudygroup.com/en/", 7),
            None
        );
        assert_eq!(title_candidate("000007", 7), None);
        assert_eq!(
            title_candidate("170 things", 17).as_deref(),
            Some("170 things")
        );
        assert_eq!(
            title_candidate("3D printing lab", 3).as_deref(),
            Some("3D printing lab")
        );
    }

    #[test]
    fn labs_by_intern_and_week_with_the_common_title() {
        let week = |n: u32, rows: &str| {
            format!(
                "### Week {n}\n| Day | Task | Start Date | Completion Date | Reference |\n| --- | --- | --- | --- | --- |\n{rows}"
            )
        };
        let a1 = week(
            1,
            "| 2 | Did the budget lab | 2025-09-08 | 2025-09-08 | [000007 - Budgets and cost](https://000007.awsstudygroup.com/vi/) |\n| 3 | Read about [the ECS lab](https://000017.awsstudygroup.com/en/) | 2025-09-09 | 2025-09-09 | |\n",
        );
        let a2 = week(
            2,
            "| 2 | Again | 2025-09-15 | 2025-09-15 | <https://000007.awsstudygroup.com/> |\n",
        );
        let b1 = week(
            1,
            "| 2 | Budget | 2025-09-08 | 2025-09-08 | [Budgets and cost](https://000007.awsstudygroup.com/) [Lab 7](https://000007.awsstudygroup.com/) |\n| 3 | Plain 000033.awsstudygroup.com/vi | 2025-09-09 | 2025-09-09 | |\n",
        );
        let pages = vec![
            parse_page("a/content/1-Worklog/1.1-Week1/_index.md", a1.as_bytes()),
            parse_page("a/content/1-Worklog/1.2-Week2/_index.md", a2.as_bytes()),
            parse_page("b/content/1-Worklog/1.1-Week1/_index.md", b1.as_bytes()),
        ];
        let c = Collection::new(pages);
        let labs = Labs::compute(&c);
        let ids: Vec<u32> = labs.labs.iter().map(|l| l.id).collect();
        assert_eq!(ids, [7, 17, 33]);
        let budget = labs.get(7).expect("lab 7");
        assert_eq!(budget.title.as_deref(), Some("Budgets and cost"));
        assert_eq!((budget.rows, budget.interns), (3, 2));
        assert_eq!(budget.code, "000007");
        assert_eq!(
            labs.get(17).and_then(|l| l.title.as_deref()),
            Some("the ECS lab")
        );
        assert_eq!(labs.get(33).and_then(|l| l.title.clone()), None);
        let a = c
            .internships()
            .iter()
            .position(|i| i.key == "a")
            .expect("a");
        assert_eq!(
            labs.by_intern(&c, a),
            [
                InternLab {
                    lab: 7,
                    weeks: vec![1, 2]
                },
                InternLab {
                    lab: 17,
                    weeks: vec![1]
                }
            ]
        );
        let first = labs.rows[0].0 as usize;
        assert!(!labs.of_row(first).is_empty());
    }
}
