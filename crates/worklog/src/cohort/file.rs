//! The cohort file: the site manifest (schema 2) plus what a mentor knows about the intake.
//!
//! ```json
//! {"schema": 2, "name": "FCJ Fall 2025", "start": "2025-09-08", "weeks": 12,
//!  "interns": [{"key": "alice/fcj-report", "name": "Alice", "src": "https://github.com/alice/fcj-report"},
//!              {"name": "Bob", "src": "repos/bob-report"},
//!              {"key": "chi", "name": "Chi", "files": ["chi/content/1-Worklog/1.1-Week1/_index.md"]}]}
//! ```
//!
//! Reading never panics and never guesses silently: every problem is a [`CohortError`] saying
//! where (`interns[2].src`, or a line and column for JSON syntax) and what was expected. Keys
//! the reader does not know are ignored, as in every manifest. See `docs/cohort.md`.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::intern::{self, Identity};

/// The manifest schema a cohort file extends (`{"schema": 2, "interns": [...]}`).
pub const COHORT_SCHEMA: u32 = 2;

/// Most weeks a cohort may plan; more is a typo, not an internship.
pub const MAX_WEEKS: u32 = 104;

/// A cohort file, read and checked: every intern has a unique key and a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort {
    pub schema: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The Monday (usually) of week 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// How many weeks the internship lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    pub interns: Vec<CohortIntern>,
}

/// One intern of a cohort: where their worklog is and who they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CohortIntern {
    /// Stable key (URLs carry it): as written, else derived from `src` (`OWNER/REPO` for a
    /// GitHub address, the path for a folder), else the name.
    pub key: String,
    /// Display name: as written, else what `src` names (the repository), else the key.
    pub name: String,
    #[serde(flatten)]
    pub source: InternSource,
}

/// Where an intern's pages are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum InternSource {
    /// A URL (repository, folder, deployed site) or a local path (folder or file).
    Src { src: String },
    /// The pages themselves, as in a site manifest (paths relative to the file, or URLs).
    Files { files: Vec<String> },
}

impl CohortIntern {
    /// The identity the loader gives every page of this intern ([`crate::intern::Origin`]).
    pub fn identity(&self) -> Identity {
        Identity {
            key: self.key.clone(),
            name: Some(self.name.clone()),
        }
    }
}

/// Why a cohort file could not be read: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortError {
    /// `line 3, column 14`, `start`, `interns[2].src`, ... (empty for the whole file).
    pub at: String,
    pub message: String,
}

impl fmt::Display for CohortError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            write!(f, "cohort file: {}", self.message)
        } else {
            write!(f, "cohort file, {}: {}", self.at, self.message)
        }
    }
}

impl std::error::Error for CohortError {}

fn error(at: impl Into<String>, message: impl Into<String>) -> CohortError {
    CohortError {
        at: at.into(),
        message: message.into(),
    }
}

/// Is `src` a web address rather than a local path?
pub fn is_url(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What a value is, for messages (`a number`, `a list`).
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A trimmed, non-empty string field; `None` when absent, null or blank.
fn text_field(
    obj: &Map<String, Value>,
    field: &str,
    at: &str,
) -> Result<Option<String>, CohortError> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let s = s.trim();
            Ok((!s.is_empty()).then(|| s.to_string()))
        }
        Some(other) => Err(error(
            at,
            format!("`{field}` must be a string, found {}", kind(other)),
        )),
    }
}

impl Cohort {
    /// Read a cohort file (JSON text). Errors say where and what was expected.
    pub fn parse(text: &str) -> Result<Cohort, CohortError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            error(
                format!("line {}, column {}", e.line(), e.column()),
                format!("not valid JSON ({e})"),
            )
        })?;
        let Value::Object(top) = value else {
            return Err(error(
                "",
                format!(
                    "expected an object {{\"schema\": 2, \"interns\": [...]}}, found {}",
                    kind(&value)
                ),
            ));
        };
        let schema = match top.get("schema") {
            Some(Value::Number(n)) => n.as_u64(),
            None => {
                return Err(error(
                    "schema",
                    if top.contains_key("files") {
                        "missing: this looks like a schema-1 site manifest ({\"files\": [...]}), which names no interns; a cohort file is {\"schema\": 2, \"interns\": [...]}".to_string()
                    } else {
                        "missing: a cohort file starts with \"schema\": 2".to_string()
                    },
                ))
            }
            Some(other) => {
                return Err(error(
                    "schema",
                    format!("must be the number 2, found {}", kind(other)),
                ))
            }
        };
        match schema {
            Some(2) => {}
            Some(n) if n > u64::from(COHORT_SCHEMA) => {
                return Err(error(
                    "schema",
                    format!("schema {n} is newer than this reader (schema {COHORT_SCHEMA}): update Worklog Viewer"),
                ))
            }
            _ => {
                return Err(error(
                    "schema",
                    format!("must be {COHORT_SCHEMA} (the site manifest's schema, which a cohort file extends)"),
                ))
            }
        }
        let name = text_field(&top, "name", "name")?;
        let start = match text_field(&top, "start", "start")? {
            None => None,
            Some(s) => Some(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
                error(
                    "start",
                    format!("`{s}` is not a date: expected YYYY-MM-DD, the first day of week 1"),
                )
            })?),
        };
        let weeks = match top.get("weeks") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(w) if (1..=u64::from(MAX_WEEKS)).contains(&w) => Some(w as u32),
                _ => {
                    return Err(error(
                        "weeks",
                        format!("`{n}` is not a number of weeks: expected a whole number from 1 to {MAX_WEEKS}"),
                    ))
                }
            },
            Some(other) => {
                return Err(error(
                    "weeks",
                    format!("must be a whole number of weeks, found {}", kind(other)),
                ))
            }
        };
        let list = match top.get("interns") {
            Some(Value::Array(list)) => list,
            None => return Err(error("interns", "missing: a cohort lists its interns")),
            Some(other) => {
                return Err(error(
                    "interns",
                    format!("must be a list of interns, found {}", kind(other)),
                ))
            }
        };
        let mut interns = Vec::with_capacity(list.len());
        let mut keys: HashMap<String, usize> = HashMap::new();
        for (i, entry) in list.iter().enumerate() {
            let at = format!("interns[{i}]");
            let intern = read_intern(entry, &at)?;
            if let Some(first) = keys.insert(intern.key.clone(), i) {
                return Err(error(
                    format!("{at}.key"),
                    format!(
                        "the key `{}` is also interns[{first}]'s: each intern needs a key of their own (add \"key\")",
                        intern.key
                    ),
                ));
            }
            interns.push(intern);
        }
        Ok(Cohort {
            schema: COHORT_SCHEMA,
            name,
            start,
            weeks,
            interns,
        })
    }

    /// The file's JSON text (pretty, keys resolved): what [`Cohort::parse`] reads back.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn read_intern(entry: &Value, at: &str) -> Result<CohortIntern, CohortError> {
    let Value::Object(obj) = entry else {
        return Err(error(
            at,
            format!(
                "expected an object {{\"name\", \"src\"}}, found {}",
                kind(entry)
            ),
        ));
    };
    let key = text_field(obj, "key", &format!("{at}.key"))?;
    let name = text_field(obj, "name", &format!("{at}.name"))?;
    let src = text_field(obj, "src", &format!("{at}.src"))?;
    let files = match obj.get("files") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => {
            let mut files = Vec::with_capacity(items.len());
            for (j, item) in items.iter().enumerate() {
                match item {
                    Value::String(s) if !s.trim().is_empty() => files.push(s.trim().to_string()),
                    other => {
                        return Err(error(
                            format!("{at}.files[{j}]"),
                            format!("must be a file path or URL, found {}", kind(other)),
                        ))
                    }
                }
            }
            Some(files)
        }
        Some(other) => {
            return Err(error(
                format!("{at}.files"),
                format!("must be a list of file paths, found {}", kind(other)),
            ))
        }
    };
    let source =
        match (src, files) {
            (Some(_), Some(_)) => return Err(error(
                at,
                "give either `src` (a repository, folder or site) or `files` (its pages), not both",
            )),
            (Some(src), None) => InternSource::Src { src },
            (None, Some(files)) => InternSource::Files { files },
            (None, None) => {
                return Err(error(
                    at,
                    "no pages: give `src` (a repository URL or a folder) or `files`",
                ))
            }
        };
    // What the source names: `OWNER/REPO` for a GitHub address, the folder for a path.
    let named = match &source {
        InternSource::Src { src } => source_identity(src),
        InternSource::Files { .. } => None,
    };
    let key = key
        .or_else(|| named.as_ref().map(|n| n.key.clone()))
        .or_else(|| name.clone())
        .ok_or_else(|| {
            error(
                at,
                "no key: an intern given by `files` needs a `key` or a `name`",
            )
        })?;
    let name = name
        .or_else(|| named.and_then(|n| n.name))
        .unwrap_or_else(|| key.clone());
    Ok(CohortIntern { key, name, source })
}

/// The identity a `src` gives: a URL's (see [`crate::intern`]), or a path's folder.
fn source_identity(src: &str) -> Option<Identity> {
    if is_url(src) {
        // A repository or site address names its owner and repository; a deeper URL still
        // has the repository in it.
        // `from_source` reads a page's URL: give a folder address a page inside it.
        let src = src.trim();
        let lower = src.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".json") {
            return intern::from_source(src);
        }
        return intern::from_source(&format!("{}/index.json", src.trim_end_matches('/')));
    }
    let path = src.replace('\\', "/");
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.is_empty() {
        return None;
    }
    let key = format!(
        "{}{}",
        if path.starts_with('/') { "/" } else { "" },
        parts.join("/")
    );
    let name = parts
        .iter()
        .rev()
        .find(|p| intern::is_meaningful_name(p) && !p.eq_ignore_ascii_case("content"))
        .map(|s| s.trim_end_matches(".md").to_string());
    Some(Identity { key, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_cohort_file() {
        let text = r#"{
          "schema": 2, "name": "FCJ Fall 2025", "start": "2025-09-08", "weeks": 12,
          "unknown": "ignored",
          "interns": [
            {"name": "Alice", "src": "https://github.com/alice/fcj-report"},
            {"src": "https://github.com/bob/fcj-report/tree/main/content"},
            {"key": "chi", "name": "Chi", "files": ["chi/week-1.md", "chi/week-2.md"]},
            {"src": "./cohort/dan-report/"},
            {"name": "Eve", "src": "https://eve.github.io/worklog/"}
          ]}"#;
        let c = Cohort::parse(text).expect("valid");
        assert_eq!(c.name.as_deref(), Some("FCJ Fall 2025"));
        assert_eq!(c.start, NaiveDate::from_ymd_opt(2025, 9, 8));
        assert_eq!(c.weeks, Some(12));
        let ids: Vec<(&str, &str)> = c
            .interns
            .iter()
            .map(|i| (i.key.as_str(), i.name.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("alice/fcj-report", "Alice"),
                ("bob/fcj-report", "fcj-report"),
                ("chi", "Chi"),
                ("cohort/dan-report", "dan-report"),
                ("eve/worklog", "Eve"),
            ]
        );
        assert_eq!(
            c.interns[2].source,
            InternSource::Files {
                files: vec!["chi/week-1.md".into(), "chi/week-2.md".into()]
            }
        );
        // Written back and read again: the same cohort.
        assert_eq!(Cohort::parse(&c.to_json()), Ok(c));
    }

    #[test]
    fn a_site_manifest_is_a_cohort_without_dates() {
        let text = r#"{"schema": 2, "interns": [{"key": "cohort/alice-report", "name": "alice-report", "files": ["alice-report/content/1-Worklog/_index.md"]}]}"#;
        let c = Cohort::parse(text).expect("valid");
        assert_eq!((c.start, c.weeks, c.name.clone()), (None, None, None));
        assert_eq!(c.interns[0].key, "cohort/alice-report");
    }

    fn fails(text: &str) -> (String, String) {
        let e = Cohort::parse(text).expect_err("invalid");
        (e.at, e.message)
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(
            fails("{\"schema\": 2,\n \"interns\": [}").0,
            "line 2, column 14"
        );
        assert!(fails("[1]").1.contains("expected an object"));
        assert!(fails(r#"{"files": ["a.md"]}"#)
            .1
            .contains("schema-1 site manifest"));
        assert!(fails(r#"{"schema": 3, "interns": []}"#).1.contains("newer"));
        assert_eq!(fails(r#"{"schema": "2", "interns": []}"#).0, "schema");
        let (at, message) = fails(r#"{"schema": 2, "start": "08/09/2025", "interns": []}"#);
        assert_eq!(at, "start");
        assert!(message.contains("YYYY-MM-DD"), "{message}");
        assert_eq!(
            fails(r#"{"schema": 2, "weeks": 0, "interns": []}"#).0,
            "weeks"
        );
        assert_eq!(
            fails(r#"{"schema": 2, "weeks": 12.5, "interns": []}"#).0,
            "weeks"
        );
        assert_eq!(fails(r#"{"schema": 2}"#).0, "interns");
        assert_eq!(
            fails(r#"{"schema": 2, "interns": [{"name": "A", "src": 3}]}"#).0,
            "interns[0].src"
        );
        assert!(fails(r#"{"schema": 2, "interns": [{"name": "A"}]}"#)
            .1
            .contains("no pages"));
        assert!(
            fails(r#"{"schema": 2, "interns": [{"name": "A", "src": "a", "files": []}]}"#)
                .1
                .contains("not both")
        );
        assert_eq!(
            fails(r#"{"schema": 2, "interns": [{"name": "A", "files": ["x.md", 2]}]}"#).0,
            "interns[0].files[1]"
        );
        let (at, message) = fails(
            r#"{"schema": 2, "interns": [{"src": "a/rep"}, {"name": "B", "src": "b/rep", "key": "a/rep"}]}"#,
        );
        assert_eq!(at, "interns[1].key");
        assert!(message.contains("interns[0]"), "{message}");
        assert!(fails(r#"{"schema": 2, "interns": [{"files": ["a.md"]}]}"#)
            .1
            .contains("needs a `key` or a `name`"));
        let e = Cohort::parse(r#"{"schema": 2, "weeks": "x", "interns": []}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cohort file, weeks: must be a whole number of weeks, found a string"
        );
    }
}
