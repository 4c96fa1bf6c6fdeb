//! The data model: plain serde data shaped for the views (weeks, tasks with dates, services,
//! text), not a mirror of the markdown. Its JSON form is the public export contract
//! (`docs/json-schema.md`, [`SCHEMA_VERSION`]); change field names only on purpose.

use crate::message::Args;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Version of the JSON export contract. Bump on any incompatible change to these types.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything found in one source file, plus what went wrong while reading it.
/// Parsing never fails: a broken page is a `Page` with diagnostics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The path or name the page was loaded from, as given.
    pub source: String,
    pub kind: PageKind,
    /// The Hugo section the page sits in (`1-Worklog`, `2-Proposal`, `/` for the site's home
    /// page), when its path has a `content/` folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub language: Option<Language>,
    /// The week this page is about (first of `weeks` for a multi-week page).
    pub week: Option<u32>,
    /// All weeks the page covers: `[5]`, `[12, 13, 14]`, every `## Week N` of a single-file log.
    pub weeks: Vec<u32>,
    pub title: Option<String>,
    /// Day/month order used for the page's slash dates.
    pub date_order: Option<DateOrder>,
    /// Why `date_order` was chosen, in English words (evidence used), for the diagnostics view.
    pub date_order_reason: Option<String>,
    /// The same reason as data ([`crate::message::OrderReason`]), so an interface can word it
    /// in another language. Set together with `date_order_reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order_basis: Option<Wording>,
    /// The front-matter `date`, when it is a real calendar date.
    pub date: Option<NaiveDate>,
    pub objectives: Vec<Item>,
    pub achievements: Vec<Item>,
    /// Other recognised sections (learnings, challenges, plan, notes, references).
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Page {
    /// An empty page of kind `Other`: the starting point the parser fills pass by pass (and
    /// that tests build on).
    pub fn new(source: impl Into<String>) -> Self {
        Page {
            source: source.into(),
            kind: PageKind::Other,
            section: None,
            language: None,
            week: None,
            weeks: Vec::new(),
            title: None,
            date_order: None,
            date_order_reason: None,
            date_order_basis: None,
            date: None,
            objectives: Vec::new(),
            achievements: Vec::new(),
            sections: Vec::new(),
            tasks: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}

/// A wording as data: which one (`code`, and `variant` where the code has several) and the
/// values it words (`args`). Diagnostics carry these fields inline; a page's date-order reason
/// carries one of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// One week's worklog.
    Week,
    /// One page covering several weeks (`Week 12-13-14`).
    MultiWeek,
    /// The worklog index that lists the weeks; not a week itself.
    Index,
    /// A whole internship in one page, one `## Week N` section per week.
    SingleFile,
    /// Empty or placeholder page.
    Stub,
    /// Text that is none of the above (notes, unrelated markdown, binary data).
    Other,
    /// A page of another section of the Hugo site (proposal, blogs, events, workshop, the
    /// home page, ...): set aside, never a week, never a twin. `Page::section` names it.
    OtherSection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Vi,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Vi => "vi",
        }
    }
}

/// How a page writes its numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// `DD/MM/YYYY` (also `DD-MM-YYYY`, `DD.MM.YYYY`).
    Dmy,
    /// `MM/DD/YYYY`.
    Mdy,
    /// `YYYY-MM-DD`.
    Ymd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<chrono::Weekday> for Weekday {
    fn from(day: chrono::Weekday) -> Self {
        match day {
            chrono::Weekday::Mon => Weekday::Mon,
            chrono::Weekday::Tue => Weekday::Tue,
            chrono::Weekday::Wed => Weekday::Wed,
            chrono::Weekday::Thu => Weekday::Thu,
            chrono::Weekday::Fri => Weekday::Fri,
            chrono::Weekday::Sat => Weekday::Sat,
            chrono::Weekday::Sun => Weekday::Sun,
        }
    }
}

/// One row of a worklog table (or one dated entry of a table-less page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// 1-based line of the row in the source file.
    pub line: u32,
    /// The week this task belongs to: the page's week, the `## Week N` section of a
    /// whole-internship page, or on a multi-week page the week its start date falls in (else
    /// the page's first week). `None` only when the page has no week. Lets a week filter
    /// pick single weeks out of pages that cover several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<u32>,
    /// The day label as written (`"2"`, `"Monday"`, `"Thứ 2"`, `"6-7"`), trimmed of markup.
    pub day: Option<String>,
    /// The weekday: from the start date when known, else from the day label.
    pub weekday: Option<Weekday>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The start/end cells as written, so a cross-page pass (twin, neighbouring weeks) can
    /// re-read them in another day/month order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_text: Option<String>,
    /// Plain text of the task cell, items joined by newlines; what search runs over.
    pub text: String,
    /// The task cell as a tree of items.
    pub items: Vec<Item>,
    pub references: Vec<Reference>,
    pub services: Vec<ServiceRef>,
    /// Other columns kept verbatim as (header, plain text): status, result, notes, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
}

/// A list item: inline content plus nested items.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Item {
    pub content: Vec<Inline>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Item>,
}

/// Inline content kept structured so the app renders it with its own elements (never raw HTML).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// Only safe URLs (http, https, mailto, or relative) ever become links.
    Link {
        url: String,
        content: Vec<Inline>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub text: String,
    /// `None` for a plain-text reference (`AWS Documentation`).
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ServiceRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Objectives,
    Tasks,
    Achievements,
    Learnings,
    Challenges,
    Plan,
    Notes,
    References,
    /// Content under a heading no keyword names (`## 3.3 Understanding Subnets`), or before
    /// the page's first heading: kept so nothing the intern wrote is dropped unseen.
    Other,
}

impl SectionKind {
    /// The name the JSON export gives the kind (`learnings`, `other`).
    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Objectives => "objectives",
            SectionKind::Tasks => "tasks",
            SectionKind::Achievements => "achievements",
            SectionKind::Learnings => "learnings",
            SectionKind::Challenges => "challenges",
            SectionKind::Plan => "plan",
            SectionKind::Notes => "notes",
            SectionKind::References => "references",
            SectionKind::Other => "other",
        }
    }
}

/// A section other than objectives/achievements (those have their own fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The heading as written, markup stripped.
    pub heading: String,
    pub line: u32,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A problem found in a page, with where it is, so an intern can fix the worklog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// 1-based line; `None` when the problem concerns the whole file.
    pub line: Option<u32>,
    /// 1-based column (in characters) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Stable kebab-case code (`ambiguous-date-order`, `week-conflict`, `unsafe-url`, ...):
    /// part of the public interface, see `docs/diagnostics.md`.
    pub code: String,
    /// English, built from the wording (code, `variant`) and `args`.
    pub message: String,
    /// Which wording of `code`, where the code has several (`row-cell-count`:
    /// `missing-cells`, `extra-filled`, `extra-empty`); see [`crate::message::Message`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The values the message words (`{"label": "2", "expected": "mon", ...}`), so an
    /// interface can word it in another language; empty for a wording without values.
    #[serde(default, skip_serializing_if = "Args::is_empty")]
    pub args: Args,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        line: Option<u32>,
        code: &str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            line,
            column: None,
            code: code.to_string(),
            message: message.into(),
            variant: None,
            args: Args::default(),
        }
    }
    pub fn error(line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, line, code, message)
    }
    pub fn warning(line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, line, code, message)
    }
    pub fn info(line: Option<u32>, code: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, line, code, message)
    }
    pub fn at_column(mut self, column: u32) -> Self {
        self.column = Some(column);
        self
    }
}

/// The export document: `{"schema": 1, "pages": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub schema: u32,
    pub pages: Vec<Page>,
}

impl Item {
    /// Plain text of this item and its children, children indented on their own lines.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.write_plain(&mut out, 0);
        out
    }

    fn write_plain(&self, out: &mut String, depth: usize) {
        if !out.is_empty() {
            out.push('\n');
        }
        for _ in 0..depth {
            out.push_str("  ");
        }
        for inline in &self.content {
            inline.write_plain(out);
        }
        for child in &self.children {
            child.write_plain(out, depth + 1);
        }
    }
}

impl Inline {
    pub fn write_plain(&self, out: &mut String) {
        match self {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Strong { content }
            | Inline::Emphasis { content }
            | Inline::Link { content, .. } => {
                content.iter().for_each(|inline| inline.write_plain(out))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SectionKind;

    #[test]
    fn section_kind_codes_are_the_json_names() {
        use SectionKind::*;
        let all = [
            Objectives,
            Tasks,
            Achievements,
            Learnings,
            Challenges,
            Plan,
            Notes,
            References,
            Other,
        ];
        for kind in all {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code());
        }
    }
}
