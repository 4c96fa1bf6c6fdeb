//! Who a page belongs to: one identity per internship.
//!
//! An intern has a stable **key**, carried in URLs (`source=`), and a **name** for people.
//!
//! - A Hugo site (a path with `content/`): the key is the folder that holds `content/`, the
//!   name that folder's name (`cohort/alice-fcj-report/content/...` → `alice-fcj-report`).
//! - A URL: `github.com/OWNER/REPO/...`, `raw.githubusercontent.com/OWNER/REPO/BRANCH/...`
//!   and `OWNER.github.io/REPO/...` give the key `OWNER/REPO` and the name `REPO` (never the
//!   branch); other hosts give the URL up to `content/` (or the page's folder).
//! - A site manifest or cohort file names interns itself ([`Origin`]).
//! - A folder without `content/`: the folder the page sits in, above week and worklog folders.
//! - Loose files (no folder at all) have no identity of their own: the loose pages of one load
//!   belong to one unnamed intern of that load.
//!
//! Names never are a branch, a bare number or a scheme; names that collide are told apart by
//! their owner or parent folder, without touching anyone's key.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What the loader knows about a page beyond its path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// The load the page arrived in (one drop, one folder, one `src`): loose pages of one load
    /// are one intern's.
    #[serde(default)]
    pub batch: String,
    /// The intern named by a manifest or cohort file: wins over the path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intern: Option<Identity>,
}

/// An intern's key and (base) name, before collisions are resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identity {
    pub key: String,
    /// `None` when nothing names the intern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The identity a page's path or URL gives, if it gives one.
pub fn from_source(source: &str) -> Option<Identity> {
    let normalised = source.replace('\\', "/");
    if let Some((scheme, rest)) = normalised.split_once("://") {
        if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
            return from_url(rest);
        }
    }
    from_path(&normalised)
}

/// `host/segments...` (scheme removed).
fn from_url(rest: &str) -> Option<Identity> {
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next()?.to_ascii_lowercase();
    let segments: Vec<&str> = parts.collect();
    let repo = |owner: &str, repo: &str| Identity {
        key: format!("{owner}/{repo}"),
        name: Some(repo.to_string()),
    };
    match host.as_str() {
        "github.com" | "www.github.com" | "raw.githubusercontent.com" => {
            if let [owner, name, ..] = segments.as_slice() {
                return Some(repo(owner, name.trim_end_matches(".git")));
            }
            None
        }
        _ if host.ends_with(".github.io") => {
            let owner = host.trim_end_matches(".github.io");
            match segments.as_slice() {
                // A project site: `OWNER.github.io/REPO/...`; a user site serves its files at
                // the root (`OWNER.github.io/content/...`, `OWNER.github.io/index.json`).
                [first, _, ..] if !is_site_folder(first) => Some(repo(owner, first)),
                _ => Some(repo(owner, &host)),
            }
        }
        _ => {
            let folders = &segments[..segments.len().saturating_sub(1)];
            let end = folders
                .iter()
                .position(|s| s.eq_ignore_ascii_case("content"))
                .unwrap_or(folders.len());
            let root = &folders[..end];
            let key = std::iter::once(host.as_str())
                .chain(root.iter().copied())
                .collect::<Vec<_>>()
                .join("/");
            let name = root
                .iter()
                .rev()
                .find(|s| is_meaningful_name(s))
                .map(|s| s.to_string())
                .or_else(|| Some(host.clone()));
            Some(Identity { key, name })
        }
    }
}

/// Folders a deployment writes at a site's root, which are not repository names.
fn is_site_folder(segment: &str) -> bool {
    let lower = segment.to_ascii_lowercase();
    lower == "content" || lower == "worklogs" || lower == "interns" || lower.contains('.')
}

/// A local path: the folder holding `content/`; else the folder the file sits in, above any
/// week folder (`week-03/`) and worklog folder (`worklog/`, `1-Worklog/`); nothing for a loose
/// file. So `cohort/alice/worklog/week-1.md` is alice's, and `cohort/bob/week-1.md` bob's.
fn from_path(path: &str) -> Option<Identity> {
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let root = match parts
        .iter()
        .rposition(|p| p.eq_ignore_ascii_case("content"))
    {
        Some(content) => &parts[..content],
        None => {
            let mut end = parts.len().saturating_sub(1);
            while end > 0 && is_week_or_worklog_folder(parts[end - 1]) {
                end -= 1;
            }
            &parts[..end]
        }
    };
    if root.is_empty() {
        return None;
    }
    let key = format!("{}{}", if absolute { "/" } else { "" }, root.join("/"));
    let name = root
        .iter()
        .rev()
        .find(|s| is_meaningful_name(s))
        .map(|s| s.to_string());
    Some(Identity { key, name })
}

fn is_week_or_worklog_folder(name: &str) -> bool {
    crate::parse::site::names_worklog(name) || crate::parse::week::number_in_path(name).is_some()
}

/// Words that are never a person's or repository's name: branches, deployment folders.
const GENERIC_NAMES: [&str; 12] = [
    "main", "master", "gh-pages", "refs", "heads", "blob", "tree", "raw", "worklogs", "worklog",
    "public", "dist",
];

/// Can `segment` stand as a display name?
pub fn is_meaningful_name(segment: &str) -> bool {
    let s = segment.trim();
    !(s.is_empty()
        || s.ends_with(':')
        || s == ".."
        || s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '_')
        || GENERIC_NAMES.iter().any(|g| s.eq_ignore_ascii_case(g)))
}

/// Display names for `identities` (in order): each intern's base name, told apart where two
/// differ in key but share a name, by the owner or parent folder, else a number.
pub fn display_names(identities: &[Identity]) -> Vec<String> {
    let base: Vec<String> = identities
        .iter()
        .map(|i| {
            i.name
                .clone()
                .unwrap_or_else(|| "Unnamed intern".to_string())
        })
        .collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for name in &base {
        *count.entry(name.as_str()).or_default() += 1;
    }
    let mut names: Vec<String> = identities
        .iter()
        .zip(&base)
        .map(|(identity, name)| {
            if count[name.as_str()] < 2 {
                return name.clone();
            }
            match qualifier(&identity.key, name) {
                Some(q) => format!("{name} ({q})"),
                None => name.clone(),
            }
        })
        .collect();
    // Still equal (same owner twice, or nothing to go on): number them in order.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let totals = {
        let mut t: HashMap<String, usize> = HashMap::new();
        for n in &names {
            *t.entry(n.clone()).or_default() += 1;
        }
        t
    };
    for name in names.iter_mut() {
        if totals[name.as_str()] > 1 {
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            *name = format!("{name} {n}");
        }
    }
    names
}

/// What tells an intern apart from a namesake: the component of the key before its name.
fn qualifier(key: &str, name: &str) -> Option<String> {
    let parts: Vec<&str> = key.split('/').filter(|p| !p.is_empty()).collect();
    let at = parts.iter().rposition(|p| *p == name)?;
    parts[..at]
        .iter()
        .rev()
        .find(|p| is_meaningful_name(p))
        .map(|p| p.trim_end_matches(".github.io").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(source: &str) -> Option<(String, Option<String>)> {
        from_source(source).map(|i| (i.key, i.name))
    }

    fn named(key: &str, name: &str) -> Option<(String, Option<String>)> {
        Some((key.to_string(), Some(name.to_string())))
    }

    #[test]
    fn urls_give_owner_and_repository() {
        assert_eq!(
            id("https://github.com/Alice/fcj-report/blob/main/content/1-Worklog/1.1-Week1/_index.md"),
            named("Alice/fcj-report", "fcj-report")
        );
        assert_eq!(
            id("https://raw.githubusercontent.com/Alice/fcj-report/main/content/1-Worklog/_index.md"),
            named("Alice/fcj-report", "fcj-report")
        );
        assert_eq!(
            id("https://alice.github.io/fcj-report/content/1-Worklog/1.1-Week1/_index.md"),
            named("alice/fcj-report", "fcj-report")
        );
        assert_eq!(
            id("https://alice.github.io/worklogs/content/1-Worklog/1.1-Week1/_index.md"),
            named("alice/alice.github.io", "alice.github.io")
        );
        assert_eq!(
            id("https://example.org/cohort/bob-report/content/worklog/week-1.md"),
            named("example.org/cohort/bob-report", "bob-report")
        );
        assert_eq!(
            id("https://example.org/2/content/worklog/week-1.md"),
            named("example.org/2", "example.org")
        );
    }

    #[test]
    fn folders_holding_content_name_the_intern() {
        assert_eq!(
            id("cohort/alice-report/content/1-Worklog/1.1-Week1/_index.md"),
            named("cohort/alice-report", "alice-report")
        );
        assert_eq!(
            id("/home/me/alice-report/content/worklog/week-1.md"),
            named("/home/me/alice-report", "alice-report")
        );
        assert_eq!(
            id("alice-report/main/content/worklog/week-1.md"),
            named("alice-report/main", "alice-report")
        );
        assert_eq!(id("3/content/worklog/week-1.md"), Some(("3".into(), None)));
        assert_eq!(id("content/worklog/week-1.md"), None);
        assert_eq!(id("week-1.md"), None);
        assert_eq!(
            id("worklogs/week-1.md"),
            None,
            "a worklog folder alone names nobody"
        );
        assert_eq!(
            id("alice-log/worklog/week-1.md"),
            named("alice-log", "alice-log")
        );
        assert_eq!(
            id("cohort/bob/week-03/index.md"),
            named("cohort/bob", "bob")
        );
        assert_eq!(id("/tmp/a/notes/week-5.md"), named("/tmp/a/notes", "notes"));
    }

    #[test]
    fn namesakes_are_told_apart_without_changing_keys() {
        let ids = [
            Identity {
                key: "alice/fcj-workshop".into(),
                name: Some("fcj-workshop".into()),
            },
            Identity {
                key: "bob/fcj-workshop".into(),
                name: Some("fcj-workshop".into()),
            },
            Identity {
                key: "carol-report".into(),
                name: Some("carol-report".into()),
            },
            Identity {
                key: "drop-1".into(),
                name: None,
            },
            Identity {
                key: "drop-2".into(),
                name: None,
            },
        ];
        assert_eq!(
            display_names(&ids),
            [
                "fcj-workshop (alice)",
                "fcj-workshop (bob)",
                "carol-report",
                "Unnamed intern 1",
                "Unnamed intern 2"
            ]
        );
    }
}
