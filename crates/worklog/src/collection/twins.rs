//! Cross-page pass: language twins, by evidence only.
//!
//! Two pages are twins when they belong to the same intern and week, are in different
//! languages, and sit at twin paths: one week folder (`_index.md` / `_index.vi.md` /
//! `_index.en.md`), one file name in two languages (`week-3.en.md` / `week-3.vi.md`), or the
//! same path under `content/en/` and `content/vi/`. The English page (else the first) stands
//! for the week; its twins fold under it. Pages that share a week without that evidence (two
//! English week-5 pages, pages of other interns) are never folded.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::model::{Language, Page, PageKind};

/// What twin paths share: the folder for `_index*.md`/`index*.md`, else folder + file stem
/// without language suffix; a language folder right under `content/` is ignored.
pub fn twin_id(source: &str) -> String {
    let mut parts: Vec<String> = source
        .split(['/', '\\'])
        .filter(|c| !c.is_empty() && *c != ".")
        .map(|c| c.to_lowercase())
        .collect();
    if let Some(at) = parts.iter().position(|c| c == "content") {
        if parts.get(at + 1).is_some_and(|c| c == "en" || c == "vi") {
            parts.remove(at + 1);
        }
    }
    let Some(file) = parts.pop() else {
        return String::new();
    };
    let stem = file.split('.').next().unwrap_or("");
    let bare = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    if bare == "_index" || bare == "index" {
        parts.join("/")
    } else {
        format!("{}/{stem}", parts.join("/"))
    }
}

fn language_rank(language: Option<Language>) -> u8 {
    match language {
        Some(Language::En) => 0,
        None => 1,
        Some(Language::Vi) => 2,
    }
}

/// For every page, the page it folds under as a language twin.
pub fn fold(pages: &[Arc<Page>], interns: &[usize], ids: &[String]) -> Vec<Option<usize>> {
    let mut groups: BTreeMap<(usize, &str, u32), Vec<usize>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let is_week = matches!(
            page.kind,
            PageKind::Week | PageKind::MultiWeek | PageKind::SingleFile
        );
        if let (true, Some(week)) = (is_week, page.week) {
            groups
                .entry((interns[i], ids[i].as_str(), week))
                .or_default()
                .push(i);
        }
    }
    let mut twin_of = vec![None; pages.len()];
    for mut members in groups.into_values() {
        members.sort_by_key(|&i| (language_rank(pages[i].language), i));
        let head = members[0];
        let Some(head_language) = pages[head].language else {
            continue;
        };
        let mut seen = vec![head_language];
        for &i in &members[1..] {
            if let Some(language) = pages[i].language.filter(|l| !seen.contains(l)) {
                seen.push(language);
                twin_of[i] = Some(head);
            }
        }
    }
    twin_of
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twin_paths() {
        assert_eq!(
            twin_id("r/content/1-Worklog/1.5-Week5/_index.vi.md"),
            twin_id("r/content/1-Worklog/1.5-Week5/_index.md")
        );
        assert_eq!(
            twin_id("r/content/worklog/week-3.en.md"),
            twin_id("r/content/worklog/week-3.vi.md")
        );
        assert_eq!(
            twin_id("r/content/en/1-worklog/week_3/_index.en.md"),
            twin_id("r/content/vi/1-worklog/week_3/_index.vi.md")
        );
        assert_ne!(
            twin_id("r/content/worklog/week-3.en.md"),
            twin_id("r/content/worklog/week-4.en.md")
        );
    }
}
