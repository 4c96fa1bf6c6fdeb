//! A set of pages, and what can only be decided by looking at several of them: the language
//! twins of a week, neighbouring weeks of one internship, the date order of pages whose own
//! dates are ambiguous, one author per root folder.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Export, Page, SCHEMA_VERSION};

/// One week of one internship: the language twins of a folder, seen as one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekEntry {
    /// Key of the internship (root folder) this week belongs to.
    pub internship: String,
    pub number: u32,
    /// Indices into [`Collection::pages`], twins of this week, English first.
    pub pages: Vec<usize>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One internship: the pages under one root folder (repository or Hugo site).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Internship {
    pub key: String,
    /// A display name: the author or repository folder.
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    pages: Vec<Page>,
    weeks: Vec<WeekEntry>,
    internships: Vec<Internship>,
}

impl Collection {
    /// Build a collection and run the cross-page passes over it.
    pub fn new(pages: Vec<Page>) -> Self {
        Collection {
            pages,
            weeks: Vec::new(),
            internships: Vec::new(),
        }
    }

    pub fn pages(&self) -> &[Page] {
        &self.pages
    }

    /// Weeks in (internship, start date, number) order.
    pub fn weeks(&self) -> &[WeekEntry] {
        &self.weeks
    }

    pub fn internships(&self) -> &[Internship] {
        &self.internships
    }

    pub fn to_export(&self) -> Export {
        Export {
            schema: SCHEMA_VERSION,
            pages: self.pages.clone(),
        }
    }
}
