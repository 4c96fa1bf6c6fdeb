//! The heading type shared by the sections pass (which finds headings) and the week pass (which
//! reads week numbers from them): kept apart so neither pass depends on the other's module.

use crate::model::SectionKind;

/// A heading as found in the page (real heading, or bold paragraph used as one).
#[derive(Debug, Clone)]
pub struct Heading {
    /// 1–6 for `#` headings; [`BOLD_LEVEL`] for a bold paragraph.
    pub level: u8,
    /// Plain text, markup stripped.
    pub text: String,
    pub line: u32,
    /// The recognised section, if any.
    pub kind: Option<SectionKind>,
}

/// Level given to bold-paragraph headings: below every `#` heading.
pub const BOLD_LEVEL: u8 = 7;
