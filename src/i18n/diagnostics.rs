//! The core's diagnostics in English and Vietnamese: short titles of the codes ([`DiagCode`])
//! and whole messages ([`message`]).
//!
//! A diagnostic's `code` is stable (`docs/diagnostics.md`, lint codes in `docs/cli.md`); its
//! `message` is an English sentence built by the core from a typed [`Message`] (the code, a
//! `variant` where the code has several wordings, and `args`). [`message`] words it in the
//! interface language: the core's English, or the Vietnamese of [`vietnamese`], which matches
//! every `Message` exhaustively (a wording added to the core does not build here until it is
//! translated). A wording this app does not know (a newer core, a hand-made export) shows the
//! English message.
//!
//! Adding a code: one line `Name => ("code", "English title", "Tiêu đề tiếng Việt"),` and its
//! wordings in [`vietnamese`]. The tests fail while a code of the docs or of
//! `worklog::lint::CODES` has no line here.

use super::Lang;
use chrono::NaiveDate;
use worklog::message::{
    other_order, DateCell, Message, OrderReason, Relation, WeekSource, YamlFeature,
};
use worklog::{DateOrder, Diagnostic, Language, Weekday, Wording};

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
    HtmlBlockAsText => ("html-block-as-text", "HTML read as text", "HTML được đọc thành văn bản"),
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

/// A diagnostic's message in `lang`, with the language it is written in: Vietnamese from its
/// code, variant and arguments, else the core's English message.
pub fn message(d: &Diagnostic, lang: Lang) -> (String, Lang) {
    match lang {
        Lang::En => (d.message.clone(), Lang::En),
        Lang::Vi => match Message::from_parts(&d.code, d.variant.as_deref(), &d.args) {
            Some(m) => (vietnamese(&m), Lang::Vi),
            None => (d.message.clone(), Lang::En),
        },
    }
}

/// Why a page's dates are read in their order (`Page::date_order_basis`), in `lang`, with the
/// language it is written in: Vietnamese from the typed reason, else the core's English
/// (`english`, the page's `date_order_reason`) for a reason this app does not know.
pub fn order_reason(basis: Option<&Wording>, english: &str, lang: Lang) -> (String, Lang) {
    match (lang, basis.and_then(OrderReason::from_wording)) {
        (Lang::Vi, Some(reason)) => (vietnamese_reason(&reason), Lang::Vi),
        _ => (english.to_string(), Lang::En),
    }
}

/// A date-order reason in Vietnamese. Exhaustive: a reason the core adds fails to build here.
pub fn vietnamese_reason(r: &OrderReason) -> String {
    use OrderReason as R;
    let agrees = |front_matter: &Option<NaiveDate>| {
        front_matter
            .map(|d| format!(" Ngày {} trong front matter cũng phù hợp.", date(&d)))
            .unwrap_or_default()
    };
    match r {
        R::YearFirst {} => "Ngày được viết năm trước (YYYY-MM-DD), cách viết không bao giờ gây nhầm lẫn.".into(),
        R::OnlyDayFirst { date, line } => format!(
            "{date} (dòng {line}) có phần đầu lớn hơn 12 nên chỉ có thể là ngày/tháng."
        ),
        R::OnlyMonthFirst { date, line } => format!(
            "{date} (dòng {line}) có phần thứ hai lớn hơn 12 nên chỉ có thể là tháng/ngày."
        ),
        R::MixedOrders { dmy_count, mdy_count, order: o } => format!(
            "Trang dùng lẫn cả hai kiểu: {dmy_count} ngày chỉ có thể là ngày/tháng, {mdy_count} ngày \
             chỉ có thể là tháng/ngày; kiểu chiếm đa số ({}) được dùng.",
            order(o)
        ),
        R::SameEitherWay {} => "Mọi ngày đều đọc như nhau theo cả hai kiểu (số ngày bằng số tháng).".into(),
        R::Weekdays { order: o, matched, compared, other_matched, front_matter } => format!(
            "Cột thứ khớp với thứ của các ngày đọc theo kiểu {} ở {matched} trên {compared} hàng \
             (kiểu {} chỉ khớp {other_matched}).{}",
            order(o),
            order(&other_order(*o)),
            agrees(front_matter)
        ),
        R::VaryingPart { order: o, front_matter } => {
            let (part, stays) = if *o == DateOrder::Mdy {
                ("phần thứ hai", "phần đầu")
            } else {
                ("phần đầu", "phần thứ hai")
            };
            format!(
                "Từ ngày này sang ngày khác, {part} thay đổi còn {stays} giữ nguyên, nên {part} \
                 là ngày: {}.{}",
                order(o),
                agrees(front_matter)
            )
        }
        R::FrontMatterDate { date: d, near, order: o, far } => format!(
            "Ngày {} trong front matter cách các ngày đọc theo kiểu {} {near} ngày, và cách các \
             ngày đọc theo kiểu {} {far} ngày.",
            date(d),
            order(o),
            order(&other_order(*o))
        ),
        R::OtherPages { order: o } => format!(
            "Trên trang không có gì giúp phân định; các trang khác của kỳ thực tập này (bản song \
             ngữ hoặc các tuần lân cận) viết ngày theo kiểu {}.",
            order(o)
        ),
        R::GuessTie {} => "Phỏng đoán: trên trang không có gì chứng minh thứ tự; hai cách đọc hợp lý \
                           như nhau, và ngày/tháng là kiểu phổ biến hơn."
            .into(),
        R::GuessPlausible { order: o } => format!(
            "Phỏng đoán: trên trang không có gì chứng minh thứ tự; kiểu {} cho một tuần hợp lý hơn \
             (ngày đầu là Thứ Hai, các ngày nối tiếp nhau).",
            order(o)
        ),
        R::Twin { twins, order: o, matched } => format!(
            "Quyết định dựa trên bản song ngữ ({twins}): đọc theo kiểu {}, {matched} ngày của trang \
             này trùng với ngày của bản song ngữ.",
            order(o)
        ),
        R::Neighbour { week, page, date: d, order: o, distance, this_week } => format!(
            "Quyết định dựa trên tuần lân cận {week} ({page}, bắt đầu {}): đọc theo kiểu {}, tuần \
             này bắt đầu cách {distance} ngày so với vị trí dự kiến của tuần {this_week}.",
            date(d),
            order(o)
        ),
    }
}

/// A date as Vietnamese writes it: `16/09/2025`.
fn date(d: &NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn weekday(day: &Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

fn order(order: &DateOrder) -> &'static str {
    match order {
        DateOrder::Dmy => "ngày/tháng",
        DateOrder::Mdy => "tháng/ngày",
        DateOrder::Ymd => "năm-tháng-ngày",
    }
}

fn language(language: &Option<Language>) -> &'static str {
    match language {
        Some(Language::En) => "tiếng Anh",
        Some(Language::Vi) => "tiếng Việt",
        None => "chưa rõ ngôn ngữ",
    }
}

fn cell(cell: &DateCell) -> &'static str {
    match cell {
        DateCell::Start => "bắt đầu",
        DateCell::End => "kết thúc",
    }
}

fn yaml_feature(feature: &YamlFeature) -> &'static str {
    match feature {
        YamlFeature::Directive => "một chỉ thị (directive)",
        YamlFeature::MultilineKey => "một khoá viết trên nhiều dòng",
        YamlFeature::NotKeyValue => "một dòng không có dạng `khoá: giá trị`",
        YamlFeature::EmptyKey => "một khoá rỗng",
        YamlFeature::ValueAfterColon => "một giá trị viết liền ngay sau `:`",
        YamlFeature::AnchorAliasTag => "anchor, alias hoặc tag",
        YamlFeature::NestedSequence => "một danh sách lồng trong một mục danh sách",
        YamlFeature::FlowFeature => "anchor, alias, tag hoặc `?` trong một cấu trúc flow",
        YamlFeature::SpecialKey => "một khoá là anchor, alias, tag hoặc `?`",
        YamlFeature::IndicatorKey => "một khoá bắt đầu bằng ký tự đặc biệt",
    }
}

fn week_source(source: &WeekSource, line: &Option<u32>) -> String {
    match source {
        WeekSource::Path => "tên thư mục hoặc tên tệp".into(),
        WeekSource::Pre => "trường `pre` trong front matter".into(),
        WeekSource::Title => "tiêu đề".into(),
        WeekSource::Heading => format!("đề mục ở dòng {}", line.unwrap_or(0)),
        WeekSource::Weight => "trường weight trong front matter".into(),
    }
}

/// Up to five dates and how many more (`twin-dates`).
fn dates_list(items: &str, more: &usize) -> String {
    match (items.is_empty(), more) {
        (true, _) => "không có".into(),
        (false, 0) => items.to_string(),
        (false, n) => format!("{items} và {n} ngày khác"),
    }
}

fn table_not_read(why: &str, header: &str, hint: &bool) -> String {
    let hint = if *hint {
        " Nếu đây là bảng nhật ký của tuần, hãy đặt tên các cột như \
         `Day | Task | Start Date | Completion Date`."
    } else {
        ""
    };
    format!("Bảng này không được đọc thành công việc: {why} (tiêu đề `{header}`).{hint}")
}

fn week_conflict(
    what: &str,
    found: &str,
    source: &WeekSource,
    line: &Option<u32>,
    week: &u32,
) -> String {
    format!(
        "{what} ghi tuần {found} nhưng {} ghi tuần {week}; tuần {week} được dùng.",
        week_source(source, line)
    )
}

fn without_separator(how: &str) -> String {
    format!(
        "Các dòng này bắt đầu bằng `|` nhưng dưới tiêu đề không có hàng phân cách (`| --- |`), \
         nên markdown hiển thị chúng như văn bản thường; chúng đã được đọc thành bảng {how}. \
         Hãy thêm một hàng phân cách dưới tiêu đề."
    )
}

fn row_cells(cells: &usize, expected: &usize, then: &str) -> String {
    format!("Hàng này có {cells} ô nhưng tiêu đề bảng có {expected} ô; {then}")
}

fn ambiguous(example: &str, o: &DateOrder, why: &str) -> String {
    format!(
        "Các ngày như {example} đọc được cả theo kiểu ngày/tháng lẫn tháng/ngày và trên trang \
         không có gì giúp phân định; chúng được đọc theo kiểu {} ({why}). Một cột thứ hoặc một \
         ngày có số ngày lớn hơn 12 sẽ giúp phân định.",
        order(o)
    )
}

/// A message in Vietnamese. Exhaustive: a wording the core adds fails to build here.
pub fn vietnamese(m: &Message) -> String {
    use Message as M;
    match m {
        M::NotText {} => "Đây không phải là trang văn bản (tệp chứa byte NUL hoặc byte nhị phân khác); \
                         không đọc được gì từ tệp này."
            .into(),
        M::InvalidUtf8 { count } => format!(
            "Tệp không phải UTF-8 hợp lệ: có {count} chuỗi byte không giải mã được, hiển thị là �. \
             Hãy lưu tệp ở dạng UTF-8."
        ),
        M::InvalidUtf16 { count } => {
            format!("Tệp UTF-16 có {count} đơn vị không giải mã được, hiển thị là �.")
        }
        M::Utf16 { endian } => {
            format!("Tệp được mã hoá UTF-16 ({endian}); đã được chuyển sang UTF-8 để đọc.")
        }
        M::UnclosedFrontMatter { delimiter, line } => format!(
            "Phần front matter mở bằng `{delimiter}` ở dòng {line} chưa bao giờ được đóng; \
             hãy thêm một dòng `{delimiter}` sau khoá cuối cùng."
        ),
        M::FrontMatterTooLarge {} => "Phần front matter lớn bất thường; chỉ các dòng \
                                     `khoá: giá trị` đơn giản được đọc."
            .into(),
        M::FrontMatterWeight { weight } => {
            format!("Giá trị weight {weight:?} trong front matter không phải là số; đã bỏ qua.")
        }
        M::FrontMatterYaml { problem } => format!(
            "Không phân tích được phần front matter YAML ({problem}); thay vào đó, các dòng \
             `khoá: giá trị` đơn giản đã được đọc."
        ),
        M::FrontMatterYamlUnsupported { feature } => format!(
            "Phần front matter YAML dùng {}, là cú pháp trình xem không đọc được; thay vào đó, \
             các dòng `khoá: giá trị` đơn giản đã được đọc.",
            yaml_feature(feature)
        ),
        M::FrontMatterToml { problem } => format!(
            "Không phân tích được phần front matter TOML ({problem}); thay vào đó, các dòng \
             `khoá = giá trị` đơn giản đã được đọc."
        ),
        M::InvalidFrontMatterDate { date } => format!(
            "Ngày {date:?} trong front matter không phải là một ngày hợp lệ nên đã bị bỏ qua. \
             Hãy viết theo dạng YYYY-MM-DD."
        ),
        M::RMarkdownFrontMatterDate { date } => format!(
            "Ngày {date:?} trong front matter không phải là một ngày hợp lệ (phần còn sót lại từ \
             R Markdown) nên đã bị bỏ qua. Hãy viết theo dạng YYYY-MM-DD."
        ),
        M::LanguageMismatch { declared, found } => format!(
            "Tên tệp cho biết trang viết bằng {} nhưng nội dung lại là {}.",
            language(&Some(*declared)),
            language(&Some(*found))
        ),
        M::EmptyPage {} => "Trang trống.".into(),
        M::PlaceholderWeek { week } => format!(
            "Tuần {week} chưa có bảng nhật ký và gần như chưa có nội dung (một trang giữ chỗ)."
        ),
        M::AlmostEmptyPage {} => "Trang gần như không có nội dung.".into(),
        M::WeekConflictPre { found, source, source_line, week } => week_conflict(
            "Trường `pre` trong front matter",
            found,
            source,
            source_line,
            week,
        ),
        M::WeekConflictTitle { found, source, source_line, week } => {
            week_conflict("Tiêu đề", found, source, source_line, week)
        }
        M::WeekConflictHeading { heading, found, source, source_line, week } => week_conflict(
            &format!("Đề mục {heading:?}"),
            found,
            source,
            source_line,
            week,
        ),
        M::WeekFromWeight { week } => format!(
            "Số tuần {week} được lấy từ trường weight trong front matter, nguồn kém tin cậy nhất; \
             hãy đặt tên thư mục hoặc tệp theo tuần, hoặc ghi \"Week {week}\" trong tiêu đề."
        ),
        M::UnsafeUrl { url, scheme } => format!(
            "Liên kết tới {url:?} đã bị bỏ: chỉ cho phép liên kết http, https và mailto, \
             không cho phép {scheme}."
        ),
        M::HtmlBlockAsText { lines } => format!(
            "Một khối HTML được đọc thành văn bản ({lines} dòng); các thẻ, liên kết và hình ảnh \
             trong đó không được hiển thị."
        ),
        M::RowCellsMissing { cells, expected } => {
            row_cells(cells, expected, "các ô còn thiếu được coi là trống.")
        }
        M::RowCellsExtraFilled { cells, expected } => {
            row_cells(cells, expected, "các ô thừa được giữ lại thành cột bổ sung.")
        }
        M::RowCellsExtraEmpty { cells, expected } => {
            row_cells(cells, expected, "các ô thừa đều trống và được bỏ qua.")
        }
        M::GluedTableSeparator {} => "Một hàng phân cách thứ hai mở đầu một bảng khác không có \
                                     tiêu đề; các cột của bảng đó được đoán từ nội dung. Hãy tách \
                                     hai bảng bằng một dòng trống và thêm hàng tiêu đề cho bảng \
                                     thứ hai."
            .into(),
        M::GluedTableExtraCells {} => "Các hàng này có nhiều ô hơn tiêu đề bảng: có vẻ một bảng \
                                      khác bị dính vào mà không có tiêu đề; các cột của bảng đó \
                                      được đoán từ nội dung."
            .into(),
        M::HeaderMergedCells {} => "Hàng tiêu đề có ít ô hơn hàng phân cách (thiếu một dấu `|`); \
                                   các nhãn bị viết liền nhau đã được tách ra."
            .into(),
        M::TableNamedColumns {} => without_separator("theo các cột mà dòng đầu tiên đặt tên"),
        M::TableGuessedColumns {} => without_separator("với các cột được đoán từ nội dung"),
        M::RowContinuationLines { first, last } => format!(
            "Các dòng {first}–{last} viết tiếp hàng này mà không có dấu `|` ở đầu, nên markdown \
             kết thúc bảng tại đó; chúng đã được đọc như một phần công việc của hàng. Hãy viết \
             mỗi hàng trên một dòng và nối các ý bằng `<br>`."
        ),
        M::TableWeeksOrPhases { header, hint } => table_not_read(
            "bảng liệt kê các tuần hoặc giai đoạn, không phải các ngày",
            header,
            hint,
        ),
        M::TableNoDayOrDate { header, hint } => {
            table_not_read("không có cột thứ hoặc cột ngày", header, hint)
        }
        M::TableNoTaskColumn { header, hint } => {
            table_not_read("không có cột công việc", header, hint)
        }
        M::TableHeaderNotRecognised { header, hint } => table_not_read(
            "tiêu đề không được nhận ra là bảng nhật ký (không có cột công việc, thứ hay ngày)",
            header,
            hint,
        ),
        M::TableLooseHeader { header, hint } => table_not_read(
            "các dòng bắt đầu bằng `|` nhưng không có hàng phân cách, và cả tiêu đề lẫn một cột \
             ngày tháng đều không cho thấy đây là bảng nhật ký",
            header,
            hint,
        ),
        M::TableLooseNoHeader { header, hint } => table_not_read(
            "các dòng bắt đầu bằng `|` nhưng không có tiêu đề, không có hàng phân cách và không \
             có cột ngày tháng",
            header,
            hint,
        ),
        M::TableEmptyRows {} => {
            "Bảng nhật ký này không cho công việc nào: mọi hàng đều trống.".into()
        }
        M::TableNoRows {} => {
            "Bảng nhật ký này không cho công việc nào: bảng có tiêu đề nhưng không có hàng nào."
                .into()
        }
        M::NoTasksRead { table } => format!(
            "Không đọc được công việc nào từ trang tuần này, dù bảng ở dòng {table} trông giống \
             bảng nhật ký của tuần; hãy xem lý do bảng đó không được đọc."
        ),
        M::AmbiguousDateOrderTie { example, order: o } => ambiguous(
            example,
            o,
            "hai cách đọc hợp lý như nhau, kiểu ngày/tháng phổ biến hơn",
        ),
        M::AmbiguousDateOrderPlausible { example, order: o } => ambiguous(
            example,
            o,
            &format!(
                "đọc theo kiểu {} cho một tuần hợp lý hơn: ngày đầu tiên là Thứ Hai, các ngày nối tiếp nhau",
                order(o)
            ),
        ),
        M::ConflictingDateOrder { dmy, dmy_line, mdy, mdy_line, order: o, minority } => format!(
            "Trang này trộn lẫn ngày viết theo kiểu ngày/tháng ({dmy} ở dòng {dmy_line}) và kiểu \
             tháng/ngày ({mdy} ở dòng {mdy_line}); các ngày không rõ ràng được đọc theo kiểu {} \
             như phần lớn các ngày, còn {minority} được đọc đúng như đã viết.",
            order(o)
        ),
        M::DayLabelMismatch { label, expected, date: d, actual } => format!(
            "Nhãn thứ \"{label}\" nghĩa là {} nhưng ngày {} lại là {}; ngày ghi trong bảng được dùng.",
            weekday(expected),
            date(d),
            weekday(actual)
        ),
        M::DateFromNeighbour { date: d, line } => format!(
            "Hàng này không có ngày; ngày {} được suy ra từ nhãn thứ và ngày ở dòng {line}.",
            date(d)
        ),
        M::DateFromMonday { date: d } => format!(
            "Hàng này không có ngày; ngày {} được suy ra từ nhãn thứ và ngày Thứ Hai của tuần \
             (ngày trong front matter).",
            date(d)
        ),
        M::EndBeforeStart { end, start } => format!(
            "Ngày kết thúc {} sớm hơn ngày bắt đầu {}.",
            date(end),
            date(start)
        ),
        M::CompletionBeforeStart { end, start } => format!(
            "Ngày hoàn thành {} sớm hơn ngày bắt đầu {}.",
            date(end),
            date(start)
        ),
        M::DateNotUnderstood { cell: c, text } => format!(
            "Ngày {} \"{text}\" không phải là ngày mà trình đọc hiểu được (hãy viết ví dụ như \
             06/10/2025 hoặc 2025-10-06).",
            cell(c)
        ),
        M::NotCalendarDate { cell: c, text } => format!(
            "Ngày {} \"{text}\" không phải là một ngày có thật trên lịch.",
            cell(c)
        ),
        M::MissingYear {} => "Các ngày ở đây không có năm và trang cũng không cho biết năm \
                             (không có hàng nào khác ghi ngày, không có ngày trong front matter); \
                             hãy ghi cả năm, ví dụ 06/10/2025."
            .into(),
        M::YearFromWeekdays { year, matched, compared, front_matter_year } => {
            let note = front_matter_year
                .map(|y| format!(" (năm {y} trong front matter khớp ít hàng hơn)"))
                .unwrap_or_default();
            format!(
                "Bảng không ghi năm; năm {year} được dùng vì với năm đó các nhãn thứ khớp với ngày \
                 ({matched} trên {compared} hàng){note}."
            )
        }
        M::YearFromPageLine { year, line } => {
            format!("Bảng không ghi năm; năm {year} được lấy từ ngày ở dòng {line}.")
        }
        M::YearFromOtherWeek { year, week, page, date: d } => format!(
            "Trang này không ghi năm; năm {year} được lấy từ tuần {week} ({page}, {}).",
            date(d)
        ),
        M::InternSplit { week, language: l, count } => format!(
            "Một trang rời khác trong lần tải này cũng là tuần {week} ({}); vì không có thư mục \
             hay URL cho biết trang nào của ai, trang này được tính là một thực tập sinh riêng \
             (lần tải này có {count} thực tập sinh như vậy).",
            language(l)
        ),
        M::DateOutsideWeek { date: d, week, span, low, high, middle, front_matter } => {
            let week = week.map_or_else(|| "tuần này".to_string(), |w| format!("tuần {w}"));
            let front = front_matter
                .map(|f| format!(" Front matter ghi ngày của trang là {}.", date(&f)))
                .unwrap_or_default();
            format!(
                "Ngày {} không khớp với {week}: các ngày của trang trải dài {span} ngày (từ {} đến \
                 {}) và các hàng bắt đầu vào khoảng {}.{front}",
                date(d),
                date(low),
                date(high),
                date(middle)
            )
        }
        M::WeekOutOfOrder {
            week,
            date: d,
            relation,
            other_week,
            other_date,
            other_page,
            expected,
        } => {
            let relation = match relation {
                Relation::Before => "sớm hơn",
                Relation::After => "muộn hơn",
            };
            let around = expected
                .map(|e| {
                    format!(
                        " Theo các tuần khác của thực tập sinh, tuần {week} lẽ ra vào khoảng {}.",
                        date(&e)
                    )
                })
                .unwrap_or_default();
            format!(
                "Tuần {week} ghi ngày {}, {relation} tuần {other_week} bắt đầu từ {} ({other_page}).{around}",
                date(d),
                date(other_date)
            )
        }
        M::WeekGapOne { missing, previous, week } => {
            format!("Thiếu tuần {missing} giữa tuần {previous} và tuần {week}.")
        }
        M::WeekGapSeveral { first, last, previous, week } => {
            format!("Thiếu các tuần {first}–{last} giữa tuần {previous} và tuần {week}.")
        }
        M::DuplicateWeek { week, other } => format!("Tuần {week} cũng là tuần của trang {other}."),
        M::TwinTaskCount { language: l, tasks, twin_language, twin, twin_tasks } => format!(
            "Trang {} này có {tasks} công việc nhưng bản {} tương ứng {twin} có {twin_tasks}.",
            language(l),
            language(twin_language)
        ),
        M::TwinDates { twin, only_here, only_here_more, only_there, only_there_more } => format!(
            "Ngày của các công việc khác với bản ngôn ngữ kia {twin}: chỉ có ở đây {}; chỉ có ở \
             bản kia {}.",
            dates_list(only_here, only_here_more),
            dates_list(only_there, only_there_more)
        ),
        M::EmptySection { title } => {
            format!("Mục \"{title}\" trống: không có nội dung nào trước đề mục tiếp theo.")
        }
        M::TemplatePlaceholder {} => {
            "Mục giữ chỗ còn sót lại từ mẫu: hãy thay bằng nội dung của bạn hoặc xoá đi.".into()
        }
        M::TemplateText {} => "Chữ mẫu `Doing task ...` vẫn chưa được sửa.".into(),
        M::TemplateNotice {} => {
            "Ghi chú \"do not copy verbatim\" của mẫu vẫn còn trên trang.".into()
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

    #[test]
    fn every_wording_the_core_can_emit_has_vietnamese() {
        // `vietnamese` matches every `Message` (no `_` arm), so a wording without Vietnamese
        // does not build; this checks that each one reaches it from a diagnostic's parts and
        // reads differently from the English.
        let samples = Message::samples();
        assert_eq!(samples.len(), Message::KINDS.len());
        for m in samples {
            let d = m.clone().warning(Some(3));
            let (vi, in_lang) = message(&d, Lang::Vi);
            assert_eq!(
                in_lang,
                Lang::Vi,
                "no Vietnamese for {} / {:?}",
                d.code,
                d.variant
            );
            assert!(!vi.is_empty());
            assert_ne!(
                vi, d.message,
                "{} / {:?} is not translated",
                d.code, d.variant
            );
            assert_eq!(message(&d, Lang::En), (d.message.clone(), Lang::En));
            // Every wording belongs to a code with a title.
            assert!(
                DiagCode::parse(&d.code).is_some(),
                "no title for `{}`",
                d.code
            );
            // A diagnostic read back from JSON words the same.
            let json = serde_json::to_string(&d).unwrap();
            let back: Diagnostic = serde_json::from_str(&json).unwrap();
            assert_eq!(message(&back, Lang::Vi).0, vi, "{json}");
        }
    }

    #[test]
    fn every_date_order_reason_has_vietnamese() {
        let samples = OrderReason::samples();
        assert_eq!(samples.len(), OrderReason::KINDS.len());
        for reason in samples {
            let english = reason.english();
            let (vi, in_lang) = order_reason(Some(&reason.wording()), &english, Lang::Vi);
            assert_eq!(in_lang, Lang::Vi, "{reason:?}");
            assert_ne!(vi, english, "{reason:?} is not translated");
            assert!(vi.ends_with('.'), "{vi}");
            assert_eq!(
                order_reason(Some(&reason.wording()), &english, Lang::En),
                (english.clone(), Lang::En)
            );
        }
        // A page read before reasons were data, or a reason this app does not know.
        assert_eq!(
            order_reason(None, "Old words.", Lang::Vi),
            ("Old words.".to_string(), Lang::En)
        );
        let newer = Wording {
            code: "a-newer-reason".into(),
            variant: None,
            args: Default::default(),
        };
        assert_eq!(order_reason(Some(&newer), "New.", Lang::Vi).1, Lang::En);
    }

    #[test]
    fn vietnamese_words_the_date_order_of_a_real_page() {
        let page = worklog::parse_page(
            "content/1-Worklog/1.2-Week2/_index.vi.md",
            "| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành |\n| --- | --- | --- | --- |\n| 3 | Học EC2 | 16/09/2025 | 17/09/2025 |\n"
                .as_bytes(),
        );
        let english = page.date_order_reason.clone().unwrap_or_default();
        assert_eq!(
            order_reason(page.date_order_basis.as_ref(), &english, Lang::Vi).0,
            "16/09/2025 (dòng 3) có phần đầu lớn hơn 12 nên chỉ có thể là ngày/tháng."
        );
    }

    #[test]
    fn vietnamese_words_the_values_of_a_real_page() {
        let page = worklog::parse_page(
            "content/1-Worklog/1.2-Week2/_index.vi.md",
            "| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành |\n| --- | --- | --- | --- |\n| 2 | Học EC2 | 16/09/2025 | 16/09/2025 |\n"
                .as_bytes(),
        );
        let d = page
            .diagnostics
            .iter()
            .find(|d| d.code == "day-label-mismatch")
            .expect("a day-label-mismatch");
        assert_eq!(
            message(d, Lang::Vi).0,
            "Nhãn thứ \"2\" nghĩa là Thứ Hai nhưng ngày 16/09/2025 lại là Thứ Ba; ngày ghi trong bảng được dùng."
        );
    }

    #[test]
    fn an_unknown_wording_falls_back_to_the_english_message() {
        let mut d = Diagnostic::warning(Some(1), "no-such-code", "Something new.");
        assert_eq!(
            message(&d, Lang::Vi),
            ("Something new.".to_string(), Lang::En)
        );
        // A known code with a variant or arguments this app does not know.
        d.code = "row-cell-count".into();
        d.variant = Some("a-newer-variant".into());
        assert_eq!(message(&d, Lang::Vi).1, Lang::En);
        d.variant = Some("missing-cells".into());
        assert_eq!(message(&d, Lang::Vi).1, Lang::En, "arguments are missing");
    }
}
