//! The catalogue as static data: entries, categories, and the tables the matcher is built
//! from. The data comes from `catalogue.toml`, compiled by `build.rs`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::model::ServiceRef;

/// What an entry is. Features and tools are written like services in worklogs, so they are
/// recognised the same way, but the app can tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An AWS service (`Amazon EC2`).
    Service,
    /// A part of a service that interns name on its own (`Security Group`, `NAT Gateway`,
    /// `Parameter Store`); always has a parent.
    Feature,
    /// Not a service but named like one (`AWS CLI`, `Management Console`, `Free Tier`).
    Tool,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Feature => "feature",
            Kind::Tool => "tool",
        }
    }
}

/// An AWS product category (AWS's own grouping: Compute, Storage, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Category {
    /// Stable slug (`compute`, `security-identity-compliance`).
    pub id: &'static str,
    /// Display name (`Security, Identity & Compliance`).
    pub name: &'static str,
}

/// One catalogue entry. Serialises as the catalogue's JSON form (for `--list`-style output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Entry {
    /// Stable slug, part of the JSON export (`ec2`, `security-group`).
    pub id: &'static str,
    /// Official name (`Amazon Elastic Compute Cloud`).
    pub name: &'static str,
    /// Short official name, what the app shows (`Amazon EC2`).
    pub short: &'static str,
    /// Category id, see [`Catalogue::categories`].
    pub category: &'static str,
    pub kind: Kind,
    /// The entry this one is part of (`vpc` for `security-group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<&'static str>,
    /// Other spellings listed in the catalogue (without generated variants).
    pub aliases: &'static [&'static str],
}

impl Entry {
    /// The reference stored on tasks: id plus the short name.
    pub fn service_ref(&self) -> ServiceRef {
        ServiceRef {
            id: self.id.to_string(),
            name: self.short.to_string(),
        }
    }
}

/// One spelling the matcher looks for.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub text: &'static str,
    /// `text` in ASCII lower case: what the automaton holds.
    pub key: &'static str,
    /// Index into `ENTRIES`.
    pub entry: u16,
    /// Match only with exactly this capitalisation.
    pub exact: bool,
    /// Index into `RULES` when the spelling is an ordinary word that needs context.
    pub rule: Option<u16>,
}

/// Context rule for ordinary-word names; the fields are documented in `catalogue.toml`.
#[derive(Debug)]
pub(crate) struct Rule {
    #[allow(dead_code)] // kept for debugging output and symmetry with the data file
    pub entry: u16,
    pub after: &'static [&'static str],
    pub before: &'static [&'static str],
    pub never_after: &'static [&'static str],
    pub proper: bool,
    pub capital: bool,
    pub default: bool,
    /// Whether a neighbouring service in a list vouches for the word.
    pub list: bool,
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// The whole catalogue, with lookups by id.
pub struct Catalogue {
    by_id: HashMap<&'static str, usize>,
}

/// The catalogue, built on first use (an id index only; the data itself is static).
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue {
        by_id: ENTRIES.iter().enumerate().map(|(i, e)| (e.id, i)).collect(),
    })
}

impl Catalogue {
    /// All entries, in catalogue order (grouped by category in the data file).
    pub fn entries(&self) -> &'static [Entry] {
        ENTRIES
    }

    /// All categories, in alphabetical order of their names.
    pub fn categories(&self) -> &'static [Category] {
        CATEGORIES
    }

    pub fn get(&self, id: &str) -> Option<&'static Entry> {
        self.by_id.get(id).map(|&i| &ENTRIES[i])
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn category(&self, id: &str) -> Option<&'static Category> {
        CATEGORIES.iter().find(|c| c.id == id)
    }

    /// The category of an entry.
    pub fn category_of(&self, id: &str) -> Option<&'static Category> {
        self.get(id).and_then(|e| self.category(e.category))
    }

    /// Parent, grandparent, ... of an entry (nearest first); empty for top-level entries.
    pub fn ancestors(&self, id: &str) -> Vec<&'static Entry> {
        let mut out = Vec::new();
        let mut at = self.index_of(id);
        while let Some(i) = at {
            match PARENTS.get(i).copied().flatten() {
                Some(p) if out.len() < ENTRIES.len() => {
                    out.push(&ENTRIES[usize::from(p)]);
                    at = Some(usize::from(p));
                }
                _ => break,
            }
        }
        out
    }

    /// Entries whose parent is `id` (Security Group, NAT Gateway, ... for `vpc`).
    pub fn children(&self, id: &str) -> Vec<&'static Entry> {
        ENTRIES.iter().filter(|e| e.parent == Some(id)).collect()
    }

    /// Entries of one category.
    pub fn in_category(&self, category: &str) -> Vec<&'static Entry> {
        ENTRIES.iter().filter(|e| e.category == category).collect()
    }

    /// The reference stored on tasks for `id`.
    pub fn service_ref(&self, id: &str) -> Option<ServiceRef> {
        self.get(id).map(Entry::service_ref)
    }
}

pub(crate) fn entry_at(index: usize) -> &'static Entry {
    &ENTRIES[index]
}

pub(crate) fn patterns() -> &'static [Pattern] {
    PATTERNS
}

pub(crate) fn rules() -> &'static [Rule] {
    RULES
}

/// The entry named by an AWS CLI namespace (`s3` in `aws s3 ls`).
pub(crate) fn cli_entry(namespace: &str) -> Option<usize> {
    CLI.binary_search_by(|(name, _)| (*name).cmp(namespace))
        .ok()
        .map(|i| usize::from(CLI[i].1))
}
