//! Short titles of the core's diagnostic codes, in English and Vietnamese.
//!
//! A diagnostic's `code` is stable (`docs/diagnostics.md`, lint codes in `docs/cli.md`); its
//! `message` is an English sentence built by the core with the page's values. With a
//! Vietnamese interface the diagnostics view shows the Vietnamese title of the code beside the
//! English message. A code the app does not know yet (a newer core) shows the message alone.
//!
//! Adding a code: one line `Name => ("code", "English title", "Tiêu đề tiếng Việt"),`. The tests
//! fail while a code of the docs or of `worklog::lint::CODES` has no line here.

use super::Lang;

macro_rules! codes {
    ($( $name:ident => ($code:literal, $en:literal, $vi:literal), )*) => {
        /// A documented diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum DiagCode {
            $( $name, )*
        }

        impl DiagCode {
            pub const ALL: &'static [DiagCode] = &[$(DiagCode::$name,)*];

            /// The code as the core writes it (`day-label-mismatch`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $( DiagCode::$name => $code, )*
                }
            }

            /// (English title, Vietnamese title).
            fn titles(self) -> (&'static str, &'static str) {
                match self {
                    $( DiagCode::$name => ($en, $vi), )*
                }
            }
        }
    };
}

codes! {
    // Bytes.
    NotText => ("not-text", "Not a text file", "Không phải tệp văn bản"),
    InvalidUtf8 => ("invalid-utf8", "Invalid UTF-8", "Mã hoá UTF-8 không hợp lệ"),
    Utf16Encoding => ("utf16-encoding", "UTF-16 file converted", "Tệp UTF-16 đã được chuyển đổi"),
    // Front matter.
    UnclosedFrontMatter => ("unclosed-front-matter", "Front matter not closed", "Phần front matter chưa được đóng"),
    FrontMatterSyntax => ("front-matter-syntax", "Front matter syntax", "Lỗi cú pháp front matter"),
    InvalidFrontMatterDate => ("invalid-front-matter-date", "Invalid front-matter date", "Ngày trong front matter không hợp lệ"),
    // Language, kind and week.
    LanguageMismatch => ("language-mismatch", "Language differs from the file name", "Ngôn ngữ khác với tên tệp"),
    EmptyPage => ("empty-page", "Empty page", "Trang trống"),
    StubPage => ("stub-page", "Page not written yet", "Trang chưa được viết"),
    WeekConflict => ("week-conflict", "Conflicting week numbers", "Số tuần mâu thuẫn"),
    WeekFromWeight => ("week-from-weight", "Week taken from weight", "Số tuần lấy từ weight"),
    // Sections and cells.
    UnsafeUrl => ("unsafe-url", "Unsafe link removed", "Đã bỏ liên kết không an toàn"),
    // Tables.
    RowCellCount => ("row-cell-count", "Wrong number of cells", "Số ô trong hàng không khớp"),
    GluedTable => ("glued-table", "Two tables glued together", "Hai bảng bị dính liền"),
    HeaderMergedCells => ("header-merged-cells", "Merged header cells", "Ô tiêu đề bị gộp"),
    TableWithoutSeparator => ("table-without-separator", "Table without separator row", "Bảng thiếu hàng phân cách"),
    RowContinuationLines => ("row-continuation-lines", "Row continued on more lines", "Hàng được viết tiếp trên dòng sau"),
    TableNotRead => ("table-not-read", "Table not read as tasks", "Bảng không được đọc thành công việc"),
    NoTasksRead => ("no-tasks-read", "No task read", "Không đọc được công việc nào"),
    // Days and dates.
    AmbiguousDateOrder => ("ambiguous-date-order", "Ambiguous date order", "Thứ tự ngày/tháng không rõ"),
    ConflictingDateOrder => ("conflicting-date-order", "Conflicting date orders", "Thứ tự ngày/tháng mâu thuẫn"),
    DayLabelMismatch => ("day-label-mismatch", "Day label and date disagree", "Thứ và ngày không khớp"),
    DateFromDayLabel => ("date-from-day-label", "Date from the day label", "Ngày suy ra từ thứ"),
    EndBeforeStart => ("end-before-start", "Ends before it starts", "Ngày kết thúc trước ngày bắt đầu"),
    UnparsedDate => ("unparsed-date", "Date not understood", "Không hiểu được ngày"),
    MissingYear => ("missing-year", "Year missing", "Thiếu năm"),
    YearFromWeekdays => ("year-from-weekdays", "Year from the weekdays", "Năm suy ra từ các thứ"),
    YearFromPage => ("year-from-page", "Year from elsewhere on the page", "Năm lấy từ chỗ khác trên trang"),
    // Across pages (collection).
    InternSplit => ("intern-split", "Same week twice in one load", "Một tuần xuất hiện hai lần"),
    DateOutsideWeek => ("date-outside-week", "Date outside its week", "Ngày nằm ngoài tuần"),
    WeekOutOfOrder => ("week-out-of-order", "Week out of order", "Tuần sai thứ tự"),
    // Lint (`worklog lint`).
    WeekGap => ("week-gap", "Missing week", "Thiếu tuần"),
    DuplicateWeek => ("duplicate-week", "Week written twice", "Tuần bị trùng"),
    TwinTaskCount => ("twin-task-count", "Translations differ in tasks", "Hai bản ngôn ngữ khác số công việc"),
    TwinDates => ("twin-dates", "Translations differ in dates", "Hai bản ngôn ngữ khác ngày"),
    EmptySection => ("empty-section", "Empty section", "Mục trống"),
    TemplatePlaceholder => ("template-placeholder", "Template placeholder left", "Còn mục giữ chỗ của mẫu"),
    TemplateText => ("template-text", "Template text left", "Còn chữ mẫu chưa sửa"),
    TemplateNotice => ("template-notice", "Template notice left", "Còn ghi chú của mẫu"),
}

impl DiagCode {
    /// The typed code of a diagnostic's `code`; `None` for a code this app does not know.
    pub fn parse(code: &str) -> Option<DiagCode> {
        DiagCode::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    /// The short title in a language.
    pub fn title(self, lang: Lang) -> &'static str {
        let (en, vi) = self.titles();
        match lang {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes of the tables of a doc: the first cell, in backquotes.
    fn documented(doc: &str) -> Vec<&str> {
        doc.lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .filter(|c| {
                c.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-' || ch.is_ascii_digit())
            })
            .collect()
    }

    #[test]
    fn every_documented_code_has_titles() {
        let diagnostics = documented(include_str!("../../docs/diagnostics.md"));
        assert!(diagnostics.len() >= 30, "the code tables were read");
        let lint: Vec<&str> = worklog::lint::CODES.iter().map(|(c, _, _)| *c).collect();
        let cli = documented(include_str!("../../docs/cli.md"));
        for code in diagnostics.iter().chain(&lint) {
            assert!(DiagCode::parse(code).is_some(), "no title for `{code}`");
        }
        // The lint table of cli.md (its other tables are flags, not codes).
        for code in cli
            .iter()
            .filter(|c| !c.starts_with('-') && c.contains('-'))
        {
            assert!(
                DiagCode::parse(code).is_some(),
                "no title for `{code}` (cli.md)"
            );
        }
        // The codes the core names as constants.
        for code in [
            worklog::collection::DATE_OUTSIDE_WEEK,
            worklog::collection::WEEK_OUT_OF_ORDER,
            worklog::parse::inline::UNSAFE_URL,
            worklog::parse::tables::TABLE_NOT_READ,
            worklog::parse::tables::NO_TASKS_READ,
            worklog::parse::dates::YEAR_FROM_PAGE,
        ] {
            assert!(DiagCode::parse(code).is_some(), "no title for `{code}`");
        }
    }

    #[test]
    fn titles_are_written_in_both_languages() {
        for &code in DiagCode::ALL {
            let (en, vi) = (code.title(Lang::En), code.title(Lang::Vi));
            assert!(!en.is_empty() && !vi.is_empty(), "{code:?}");
            assert_ne!(en, vi, "{code:?} is not translated");
            assert_eq!(DiagCode::parse(code.as_str()), Some(code));
        }
        assert_eq!(DiagCode::parse("no-such-code"), None);
    }
}
