//! Pass: where a page sits in its Hugo site, from its path alone.
//!
//! What users hand the viewer is a whole repository: beside the worklog section
//! (`content/1-Worklog/`, `content/worklog/`, `content/vi/1-worklog/`, a single-file
//! `content/worklog.md`) sit the proposal, translated blogs, events, workshop, self-evaluation
//! and feedback sections and the site's home page. Only the worklog section holds weeks; every
//! other page is set aside before any week evidence (headings, `weight`) is read from it.
//!
//! A path without a `content/` folder (a worklog folder opened on its own, loose files) gives
//! no section evidence: such pages are read as worklog pages, as before sections existed.

use crate::parse::week;

/// The section name given to the site's own home page (`content/_index.md`).
pub const SITE_HOME: &str = "/";

/// A page's place in its site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// In the worklog section; carries the section folder (or file) name as written.
    Worklog(String),
    /// In another section of a Hugo site (or the site's home page, [`SITE_HOME`]).
    OtherSection(String),
    /// No `content/` folder in the path: nothing says which section this is.
    Unknown,
}

impl Place {
    /// The section name, when the path has one.
    pub fn section(&self) -> Option<&str> {
        match self {
            Place::Worklog(name) | Place::OtherSection(name) => Some(name),
            Place::Unknown => None,
        }
    }
}

/// Sections of the FCJ report template other than the worklog: a page under one of these is
/// never a week, even when a path component below it names a week.
const OTHER_SECTION_WORDS: [&str; 12] = [
    "proposal",
    "blog",
    "event",
    "workshop",
    "evaluation",
    "feedback",
    "translated",
    "about",
    "project",
    "certificate",
    "dexuat",
    "sukien",
];

/// Words that name a worklog section, once numbering, case and separators are removed.
const WORKLOG_SECTION_WORDS: [&str; 6] = [
    "worklog",
    "weeklylog",
    "weeklyreport",
    "nhatky",
    "baocaotuan",
    "nhatkycongviec",
];

/// The place of `source` (a relative path, an absolute path or a URL).
pub fn place(source: &str) -> Place {
    let normalised = source.replace('\\', "/");
    let path = normalised.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let Some(content) = parts
        .iter()
        .rposition(|p| p.eq_ignore_ascii_case("content"))
    else {
        return Place::Unknown;
    };
    let mut below = &parts[content + 1..];
    // `content/en/...`, `content/vi/...`: a language tree, the section is one level down.
    if below.len() > 1 && is_language_folder(below[0]) {
        below = &below[1..];
    }
    match below {
        [] => Place::Unknown,
        // A file right under `content/`: the home page, or a single-file section.
        [file] => {
            let stem = file_stem(file);
            if is_index_stem(stem) {
                Place::OtherSection(SITE_HOME.to_string())
            } else if names_worklog(stem) {
                Place::Worklog((*file).to_string())
            } else {
                Place::OtherSection((*file).to_string())
            }
        }
        [section, rest @ ..] => {
            if names_worklog(section) {
                Place::Worklog((*section).to_string())
            } else if !names_other_section(section)
                && week::number_in_path(&format!("worklog/{}", rest.join("/"))).is_some()
            {
                // An unusual section name (`content/2-Weekly/week-3.md`) with week folders or
                // files below it and no other section's name: the weeks are the evidence.
                Place::Worklog((*section).to_string())
            } else {
                Place::OtherSection((*section).to_string())
            }
        }
    }
}

fn is_language_folder(name: &str) -> bool {
    matches!(name.to_ascii_lowercase().as_str(), "en" | "vi")
}

fn file_stem(file: &str) -> &str {
    file.split('.').next().unwrap_or(file)
}

fn is_index_stem(stem: &str) -> bool {
    let bare = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    bare == "_index" || bare == "index"
}

/// The name without chapter numbering, case, separators or Vietnamese tone marks:
/// `1-Worklog` → `worklog`, `3.Nhật-ký` → `nhatky`.
fn bare_name(name: &str) -> String {
    let name = file_stem(name.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .map(fold_vietnamese)
        .collect()
}

/// Vietnamese letters to their base Latin letter (enough for section names).
fn fold_vietnamese(c: char) -> char {
    const GROUPS: [(&str, char); 7] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
    ];
    GROUPS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// Does a folder or file name name a worklog section (`1-Worklog`, `worklogs`, `Nhật ký`)?
pub fn names_worklog(name: &str) -> bool {
    let bare = bare_name(name);
    WORKLOG_SECTION_WORDS.iter().any(|w| bare.starts_with(w))
}

fn names_other_section(name: &str) -> bool {
    let bare = bare_name(name);
    OTHER_SECTION_WORDS.iter().any(|w| bare.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worklog(source: &str) -> bool {
        matches!(place(source), Place::Worklog(_))
    }

    #[test]
    fn worklog_sections_in_every_spelling() {
        for source in [
            "r/content/1-Worklog/1.5-Week5/_index.md",
            "r/content/1-worklog/1.5-week5/_index.vi.md",
            "r/content/worklog/week-3.en.md",
            "r/content/Worklogs/week-3.md",
            "r/content/en/1-worklog/week_3/_index.en.md",
            "r/content/vi/worklog/week-01/index.md",
            "r/content/worklog/_index.md",
            "r/content/worklog.md",
            "r/content/2-Weekly/week-3.md",
            "https://raw.githubusercontent.com/o/r/main/content/1-Worklog/1.2-Week2/_index.md",
        ] {
            assert!(worklog(source), "{source}");
        }
    }

    #[test]
    fn other_sections_and_the_home_page_are_set_aside() {
        for (source, section) in [
            ("r/content/2-Proposal/_index.md", "2-Proposal"),
            (
                "r/content/3-BlogsTranslated/3.1-Blog1/_index.vi.md",
                "3-BlogsTranslated",
            ),
            ("r/content/5-Workshop/5.3-Week-lab/_index.md", "5-Workshop"),
            ("r/content/6-Self-evaluation/_index.md", "6-Self-evaluation"),
            ("r/content/_index.md", SITE_HOME),
            ("r/content/_index.vi.md", SITE_HOME),
            ("r/content/en/_index.md", SITE_HOME),
            ("r/content/about.md", "about.md"),
        ] {
            assert_eq!(
                place(source),
                Place::OtherSection(section.into()),
                "{source}"
            );
        }
    }

    #[test]
    fn paths_without_a_site_give_no_evidence() {
        assert_eq!(place("Worklogs/tuan-01-iam.md"), Place::Unknown);
        assert_eq!(place("week-5.md"), Place::Unknown);
        assert_eq!(place("r/content"), Place::Unknown);
    }
}
