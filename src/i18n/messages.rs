//! The app's words, in English and Vietnamese. Typed: a message is a [`Msg`] variant or a
//! function with typed arguments, never a string key looked up at run time.
//!
//! HOW TO ADD A MESSAGE
//!
//! - A fixed text: one line in the `messages!` list below, `Name => ("English", "Tiếng Việt"),`,
//!   then `tr(Msg::Name)` in a view (reactive) or `text(Msg::Name, lang)` in code. A line
//!   without its Vietnamese text does not build; `text` matches every variant (no `_` arm).
//! - A text with a count: add a [`Noun`] (English singular and plural, Vietnamese has no
//!   plural) and call `count(lang, n, Noun::Task)` → `1 task`, `3 tasks`, `3 công việc`.
//! - Any other text with values: a function below, `pub fn x(lang: Lang, ...typed args) ->
//!   String`, with `match lang { Lang::En => format!(..), Lang::Vi => format!(..) }` and counts
//!   written with `num` (grouped as `Intl.NumberFormat` groups them). A new language then fails
//!   to build until every function has its arm.
//! - Keep names of things the same in both (Worklog Viewer, JSON, AWS service and category
//!   names, file paths); the test `vietnamese_differs_from_english` lists the few fixed texts
//!   that are the same by design.
//! - Group messages by the screen that shows them (the comment lines), so a new view (cohorts)
//!   adds its own block.

use super::intl::num;
use super::Lang;

/// Defines [`Msg`], `Msg::ALL` and the exhaustive table of texts from one list, so a message
/// is added in one place and cannot lack a language.
macro_rules! messages {
    ($( $(#[$doc:meta])* $name:ident => ($en:literal, $vi:literal), )*) => {
        /// A fixed text of the interface. Its words: [`text`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $( $(#[$doc])* $name, )*
        }

        impl Msg {
            /// Every message, in catalogue order (for the completeness tests).
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];
        }

        /// The English and the Vietnamese text of a message.
        fn texts(msg: Msg) -> (&'static str, &'static str) {
            match msg {
                $( Msg::$name => ($en, $vi), )*
            }
        }
    };
}

/// The text of a message in a language.
pub fn text(msg: Msg, lang: Lang) -> &'static str {
    let (en, vi) = texts(msg);
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

messages! {
    // The shell: header, views, status line, empty state.
    SkipToContent => ("Skip to content", "Chuyển đến nội dung chính"),
    InterfaceLanguage => ("Interface language", "Ngôn ngữ giao diện"),
    LanguageEnglish => ("English", "Tiếng Anh"),
    LanguageVietnamese => ("Vietnamese", "Tiếng Việt"),
    Views => ("Views", "Các chế độ xem"),
    ViewWeeks => ("Weeks", "Tuần"),
    ViewTasks => ("Tasks", "Công việc"),
    ViewTimeline => ("Timeline", "Dòng thời gian"),
    ViewServices => ("Services", "Dịch vụ"),
    ViewDiagnostics => ("Diagnostics", "Chẩn đoán"),
    FoldedTitle => (
        "The same weeks written in the other language: choose a language in the filters to see them",
        "Các tuần giống vậy được viết bằng ngôn ngữ kia: chọn một ngôn ngữ trong bộ lọc để xem"
    ),
    DropHint => ("Drop worklog files or folders to add them", "Thả tệp hoặc thư mục nhật ký vào đây để thêm"),
    LoadingWorklogs => ("Loading worklogs…", "Đang tải nhật ký…"),
    NoWorklogsLoaded => ("No worklogs loaded", "Chưa có nhật ký nào được tải"),
    EmptyIntroBefore => (
        "Worklog Viewer reads the weekly worklog pages of an FCJ internship site (the ",
        "Worklog Viewer đọc các trang nhật ký công việc hằng tuần của một trang web thực tập FCJ (các tệp "
    ),
    EmptyIntroAfter => (
        " files) and shows them as weeks, a task table, a timeline and service charts. Everything stays in your browser.",
        ") và hiển thị chúng theo tuần, thành bảng công việc, dòng thời gian và biểu đồ dịch vụ. Mọi thứ đều ở lại trong trình duyệt của bạn."
    ),
    EmptyOr => (" or ", " hoặc "),
    EmptyOpenAbove => (
        " above (a whole Hugo site works: the pages under ",
        " ở trên (mở được cả một trang Hugo: các trang trong "
    ),
    EmptyAreFound => (" are found).", " sẽ được tìm thấy)."),
    EmptyDragDrop => (
        "Drag and drop files or folders anywhere on this page.",
        "Kéo và thả tệp hoặc thư mục vào bất kỳ đâu trên trang này."
    ),
    EmptyPasteAfter => (" the markdown of one page.", " nội dung markdown của một trang."),
    EmptyUrlBefore => ("Load a URL: a page, or a manifest ", "Tải một URL: một trang, hoặc một tệp danh sách "),
    EmptyUrlLink => ("; or link to ", "; hoặc dùng liên kết "),
    LoadDemo => ("Load the demo worklog", "Tải nhật ký mẫu"),

    // Load controls and sources.
    LoadWorklogs => ("Load worklogs", "Tải nhật ký"),
    OpenFiles => ("Open files", "Mở tệp"),
    OpenFolder => ("Open folder", "Mở thư mục"),
    Paste => ("Paste", "Dán"),
    WorklogUrl => ("Worklog URL", "URL của nhật ký"),
    UrlPlaceholder => ("github.com/OWNER/REPO, https://…/index.json or page.md", "github.com/CHỦ/KHO, https://…/index.json hoặc trang.md"),
    LoadUrl => ("Load URL", "Tải URL"),
    Clear => ("Clear", "Xoá hết"),
    PasteHeading => ("Paste a worklog page", "Dán một trang nhật ký"),
    PastePathLabel => (
        "File path (optional; it tells the week and language)",
        "Đường dẫn tệp (không bắt buộc; cho biết tuần và ngôn ngữ)"
    ),
    PasteMarkdown => ("Markdown", "Nội dung markdown"),
    Cancel => ("Cancel", "Huỷ"),
    Load => ("Load", "Tải"),
    Folder => ("Folder", "Thư mục"),
    LoadingProblems => ("Loading problems", "Sự cố khi tải"),
    SourceDemo => ("demo", "mẫu"),
    SourceUrl => ("URL", "URL"),
    SourceLocal => ("local", "trên máy"),
    SourceLoading => ("loading…", "đang tải…"),
    Remove => ("Remove", "Gỡ"),
    DemoWorklog => ("Demo worklog", "Nhật ký mẫu"),
    SiteHomePage => ("site home page", "trang chủ của trang web"),
    SetAsideNote => (
        "Pages of other sections of the site (not the worklog): never read as weeks.",
        "Các trang thuộc mục khác của trang web (không phải nhật ký công việc): không bao giờ được đọc như các tuần."
    ),
    Export => ("Export", "Xuất"),
    ExportCalendar => ("Calendar (.ics)", "Lịch (.ics)"),
    ExportFailed => ("Export failed: ", "Xuất thất bại: "),

    // Filters.
    Filters => ("Filters", "Bộ lọc"),
    FiltersActive => (" (active)", " (đang lọc)"),
    Reset => ("Reset", "Đặt lại"),
    SearchTasks => ("Search tasks ", "Tìm công việc "),
    SearchPlaceholder => ("e.g. athena query", "vd. athena truy vấn"),
    NoServicesYet => ("No services recognised yet.", "Chưa nhận ra dịch vụ nào."),
    FindService => ("Find a service", "Tìm dịch vụ"),
    ShowFewer => ("Show fewer", "Thu gọn"),
    Category => ("Category", "Danh mục"),
    Internship => ("Internship", "Kỳ thực tập"),
    FromWeek => ("From week", "Từ tuần"),
    ToWeek => ("to", "đến"),
    Dates => ("Dates", "Ngày"),
    DateFrom => ("From", "Từ"),
    DateTo => ("To", "Đến"),
    Language => ("Language", "Ngôn ngữ"),
    AllLanguages => ("All", "Tất cả"),

    // Dates and the task detail.
    NoDates => ("no dates", "không có ngày"),
    Task => ("Task", "Công việc"),
    Close => ("Close", "Đóng"),
    DateContradictsWeek => ("⚠ The date contradicts its week. ", "⚠ Ngày này mâu thuẫn với tuần của nó. "),
    References => ("References", "Tài liệu tham khảo"),

    // Weeks.
    NoWeekMatches => ("No week matches the filter.", "Không có tuần nào khớp với bộ lọc."),
    TwinNote => (
        "Translation of the first page of this week (folded twin).",
        "Bản dịch của trang đầu tiên của tuần này (trang song ngữ được gộp)."
    ),
    Objectives => ("Objectives", "Mục tiêu"),
    Achievements => ("Achievements", "Kết quả đạt được"),
    /// A section of the page with text before its first heading.
    NoHeading => ("(no heading)", "(không có tiêu đề)"),
    SeparatePage => (
        "Another page of this intern is also this week and language: shown separately, not as a translation",
        "Một trang khác của thực tập sinh này cũng thuộc tuần và ngôn ngữ này: hiển thị riêng, không phải bản dịch"
    ),

    // Tasks.
    NoWeek => ("No week", "Không có tuần"),
    NoServiceRecognised => ("No service recognised", "Không nhận ra dịch vụ"),
    GroupBy => ("Group by", "Nhóm theo"),
    GroupNothing => ("Nothing", "Không nhóm"),
    Week => ("Week", "Tuần"),
    Service => ("Service", "Dịch vụ"),
    RowsPerPage => ("Rows per page", "Số dòng mỗi trang"),
    TasksCaption => (
        "Tasks matching the filter; the column headers sort the table",
        "Các công việc khớp với bộ lọc; bấm tiêu đề cột để sắp xếp bảng"
    ),
    ColumnDay => ("Day", "Thứ"),
    ColumnStart => ("Start", "Bắt đầu"),
    ColumnEnd => ("End", "Kết thúc"),
    ColumnSource => ("Source", "Nguồn"),
    NoTaskMatches => ("No task matches the filter.", "Không có công việc nào khớp với bộ lọc."),
    TablePages => ("Table pages", "Các trang của bảng"),
    PreviousPage => ("Previous page", "Trang trước"),
    NextPage => ("Next page", "Trang sau"),
    DateContradictsReason => ("the date contradicts its week", "ngày này mâu thuẫn với tuần của nó"),

    // Timeline.
    NoService => ("No service", "Không có dịch vụ"),
    Today => ("today", "hôm nay"),
    TimelineOfTasks => ("Timeline of tasks", "Dòng thời gian các công việc"),
    Lanes => ("Lanes", "Làn"),
    PerWeek => ("Per week", "Theo tuần"),
    PerService => ("Per service", "Theo dịch vụ"),
    NoDatedTask => ("No dated task matches the filter.", "Không có công việc có ngày nào khớp với bộ lọc."),
    TimelineHint => (
        "Hover or focus a bar to see the task; click or press Enter to open it.",
        "Di chuột hoặc chọn một thanh để xem công việc; bấm hoặc nhấn Enter để mở."
    ),
    BarDateFlag => ("⚠ date contradicts its week; ", "⚠ ngày mâu thuẫn với tuần; "),

    // Services.
    NoServiceMentioned => (
        "No AWS service is mentioned by the matching tasks.",
        "Các công việc khớp bộ lọc không nhắc đến dịch vụ AWS nào."
    ),
    HeatmapCaption => ("Tasks per service and week", "Số công việc theo dịch vụ và tuần"),
    Total => ("Total", "Tổng"),
    OtherCategory => ("Other", "Khác"),
    ServicesByWeek => ("Services by week", "Dịch vụ theo tuần"),
    MostMentioned => ("Most mentioned services", "Các dịch vụ được nhắc đến nhiều nhất"),

    // Diagnostics.
    SeverityError => ("error", "lỗi"),
    SeverityWarning => ("warning", "cảnh báo"),
    SeverityInfo => ("info", "ghi chú"),
    KindWeek => ("week", "tuần"),
    KindMultiWeek => ("multi-week", "nhiều tuần"),
    KindIndex => ("index", "trang mục lục"),
    KindSingleFile => ("single-file", "một tệp"),
    KindStub => ("stub", "trang nháp"),
    KindOther => ("other", "khác"),
    KindOtherSection => ("other section", "mục khác"),
    ShowNotes => ("Show notes (info)", "Hiện ghi chú (info)"),
    NoProblems => ("No problems found in the loaded pages.", "Không tìm thấy vấn đề nào trong các trang đã tải."),
    IndexNote => ("worklog index (lists the weeks)", "mục lục nhật ký (liệt kê các tuần)"),
    IndexNoTasks => (
        "The worklog index page: it lists the weeks and has no tasks of its own.",
        "Trang mục lục của nhật ký: liệt kê các tuần và không có công việc riêng."
    ),
    NoTaskFound => ("No task was found on this page.", "Không tìm thấy công việc nào trên trang này."),
    DateOrder => ("Date order: ", "Thứ tự ngày tháng: "),
    WholeFile => ("whole file", "cả tệp"),

    // GitHub: the token field of the load controls (messages with values: `super::github`).
    GithubToken => ("GitHub token", "Token GitHub"),
    GithubTokenLabel => ("GitHub token (optional)", "Token GitHub (không bắt buộc)"),
    GithubTokenHint => (
        "Raises GitHub's limit of 60 repository listings an hour. Kept in this tab only, sent to api.github.com only.",
        "Nâng giới hạn 60 lần liệt kê kho mã mỗi giờ của GitHub. Chỉ lưu trong thẻ này, chỉ gửi đến api.github.com."
    ),

    // Cohort: the interns × weeks matrix, labs, similar rows, per-intern views.
    ViewCohort => ("Cohort", "Khoá thực tập"),
    SourceCohort => ("cohort", "khoá"),
    CohortSections => ("Cohort sections", "Các phần của khoá thực tập"),
    CohortWeeksTab => ("Weeks", "Các tuần"),
    CohortLabsTab => ("Labs", "Bài lab"),
    MatrixCaption => (
        "Interns × weeks: the state of each intern's week; a cell opens that week",
        "Thực tập sinh × tuần: tình trạng từng tuần của mỗi thực tập sinh; bấm một ô để mở tuần đó"
    ),
    Intern => ("Intern", "Thực tập sinh"),
    Progress => ("Progress", "Tiến độ"),
    LastDated => ("Last dated", "Ngày gần nhất"),
    Problems => ("Problems", "Vấn đề"),
    SimilarColumn => ("Similar", "Tương tự"),
    WeekSummaryRow => ("With dated tasks", "Có công việc kèm ngày"),
    Legend => ("Legend", "Chú thích"),
    ExportCsv => ("Export CSV", "Xuất CSV"),
    NoInternLoaded => ("No intern is loaded.", "Chưa tải thực tập sinh nào."),
    NoCohortFile => (
        "No cohort file: the weeks come from the pages and every week counts as due. Open one with ?cohort=<url>.",
        "Chưa có tệp khoá thực tập: các tuần lấy từ các trang và mọi tuần đều tính là đã đến hạn. Mở một tệp bằng ?cohort=<url>."
    ),
    StateDated => ("tasks with dates", "có công việc kèm ngày"),
    StateMisdated => ("dates contradict the week", "ngày mâu thuẫn với tuần"),
    StateUndated => ("tasks without dates", "công việc không có ngày"),
    StateTemplate => ("template only", "chỉ có nội dung mẫu"),
    StateEmpty => ("page without tasks", "trang không có công việc"),
    StateMissing => ("missing", "thiếu"),
    StateNotDue => ("not yet due", "chưa đến hạn"),
    StateExtra => ("beyond the cohort's weeks", "ngoài số tuần của khoá"),
    SimilarMark => ("≈ rows similar to another intern's", "≈ dòng tương tự của thực tập sinh khác"),
    LabsCaption => ("FCJ labs each intern linked, with the weeks that link them", "Các bài lab FCJ mỗi thực tập sinh đã dẫn liên kết, kèm các tuần có liên kết"),
    NoLabs => ("No FCJ lab is linked in the loaded pages.", "Các trang đã tải không dẫn liên kết đến bài lab FCJ nào."),
    LabsDone => ("Labs", "Số bài lab"),
    LabTitles => ("Lab titles (the most common link text in the pages)", "Tên các bài lab (chữ liên kết phổ biến nhất trong các trang)"),
    LabNoTitle => ("no title in the pages", "các trang không ghi tên"),

    // Similar rows.
    SimilarBadge => ("similar", "tương tự"),
    SimilarFilter => ("Rows similar to another intern's", "Dòng tương tự của thực tập sinh khác"),
    SimilarShow => ("Show", "Hiện"),
    SimilarHide => ("Hide", "Ẩn"),
    SimilarOnly => ("Only these", "Chỉ những dòng này"),
    SimilarDialogTitle => ("Similar rows of other interns", "Các dòng tương tự của thực tập sinh khác"),
    SimilarDiffNote => (
        "Words that differ are highlighted on each side; the rest is the same.",
        "Các từ khác nhau được tô sáng ở mỗi bên; phần còn lại giống nhau."
    ),
    ThisRow => ("This row", "Dòng này"),
    OtherRow => ("Other intern's row", "Dòng của thực tập sinh khác"),
    SimilarComputing => ("Similar rows are compared once loading is over.", "Các dòng tương tự được so sánh khi tải xong."),

    // Services by intern.
    HeatColumns => ("Heat map", "Bản đồ nhiệt"),
    HeatWeeks => ("Services × weeks", "Dịch vụ × tuần"),
    HeatInterns => ("Interns × categories", "Thực tập sinh × danh mục"),
    InternHeatCaption => ("Tasks per intern and service category", "Số công việc theo thực tập sinh và danh mục dịch vụ"),
    ServicesByIntern => ("Service categories by intern", "Danh mục dịch vụ theo thực tập sinh"),
}

/// Something counted: English has a singular and a plural, Vietnamese one form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Task,
    Page,
    Source,
    File,
    Item,
    Week,
    Problem,
    Error,
    Warning,
    Note,
    Section,
}

impl Noun {
    #[cfg(test)]
    pub const ALL: [Noun; 11] = [
        Noun::Task,
        Noun::Page,
        Noun::Source,
        Noun::File,
        Noun::Item,
        Noun::Week,
        Noun::Problem,
        Noun::Error,
        Noun::Warning,
        Noun::Note,
        Noun::Section,
    ];

    /// (English singular, English plural, Vietnamese).
    fn forms(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Noun::Task => ("task", "tasks", "công việc"),
            Noun::Page => ("page", "pages", "trang"),
            Noun::Source => ("source", "sources", "nguồn"),
            Noun::File => ("file", "files", "tệp"),
            Noun::Item => ("item", "items", "mục"),
            Noun::Week => ("week", "weeks", "tuần"),
            Noun::Problem => ("problem", "problems", "vấn đề"),
            Noun::Error => ("error", "errors", "lỗi"),
            Noun::Warning => ("warning", "warnings", "cảnh báo"),
            Noun::Note => ("note", "notes", "ghi chú"),
            Noun::Section => ("section", "sections", "phần"),
        }
    }

    /// The word for `n` of them.
    pub fn word(self, lang: Lang, n: usize) -> &'static str {
        let (one, other, vi) = self.forms();
        match lang {
            Lang::En if n == 1 => one,
            Lang::En => other,
            Lang::Vi => vi,
        }
    }
}

/// `3 tasks`, `1 task`, `3 công việc`; the number grouped by `num`.
pub fn count(lang: Lang, n: usize, noun: Noun) -> String {
    format!("{} {}", num(n, lang), noun.word(lang, n))
}

// ---- Messages with values -------------------------------------------------------------------

/// `Week 5` / `Tuần 5`.
pub fn week_n(lang: Lang, week: u32) -> String {
    match lang {
        Lang::En => format!("Week {week}"),
        Lang::Vi => format!("Tuần {week}"),
    }
}

/// A heat-map column: `W5` / `T5` (`tuần`).
pub fn week_short(lang: Lang, week: u32) -> String {
    match lang {
        Lang::En => format!("W{week}"),
        Lang::Vi => format!("T{week}"),
    }
}

/// After the count of rows shown: ` of 40 tasks` / ` / 40 công việc`.
pub fn of_total_tasks(lang: Lang, total: usize) -> String {
    match lang {
        Lang::En => format!(" of {}", count(lang, total, Noun::Task)),
        Lang::Vi => format!(" / {}", count(lang, total, Noun::Task)),
    }
}

/// ` · 12 more in translations`.
pub fn more_in_translations(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(" · {} more in translations", num(n, lang)),
        Lang::Vi => format!(" · thêm {} trong bản dịch", num(n, lang)),
    }
}

/// The label of a dropped folder or file.
pub fn dropped(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Dropped {name}"),
        Lang::Vi => format!("Đã thả {name}"),
    }
}

/// The label of several dropped folders and files.
pub fn dropped_items(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Dropped {}", count(lang, n, Noun::Item)),
        Lang::Vi => format!("Đã thả {}", count(lang, n, Noun::Item)),
    }
}

/// The label of an opened folder.
pub fn folder(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Folder {name}"),
        Lang::Vi => format!("Thư mục {name}"),
    }
}

/// The label of a pasted page.
pub fn pasted(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Pasted {name}"),
        Lang::Vi => format!("Đã dán {name}"),
    }
}

/// What a progress bar is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Downloading,
    Parsing,
}

/// `Downloading 3 / 12 files`, `Parsing 3 / 12 files`.
pub fn progress(lang: Lang, activity: Activity, done: usize, total: usize) -> String {
    let (done, of) = (num(done, lang), count(lang, total, Noun::File));
    match (lang, activity) {
        (Lang::En, Activity::Downloading) => format!("Downloading {done} / {of}"),
        (Lang::En, Activity::Parsing) => format!("Parsing {done} / {of}"),
        (Lang::Vi, Activity::Downloading) => format!("Đang tải xuống {done} / {of}"),
        (Lang::Vi, Activity::Parsing) => format!("Đang đọc {done} / {of}"),
    }
}

/// After a progress line: ` · 120 tasks so far`.
pub fn tasks_so_far(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(" · {} so far", count(lang, n, Noun::Task)),
        Lang::Vi => format!(" · đã có {}", count(lang, n, Noun::Task)),
    }
}

/// The sources summary: `2 sources · 14 pages · 3 skipped`.
pub fn sources_summary(lang: Lang, sources: usize, pages: usize, skipped: usize) -> String {
    let mut text = format!(
        "{} · {}",
        count(lang, sources, Noun::Source),
        count(lang, pages, Noun::Page)
    );
    if skipped > 0 {
        text.push_str(&match lang {
            Lang::En => format!(" · {} skipped", num(skipped, lang)),
            Lang::Vi => format!(" · bỏ qua {}", num(skipped, lang)),
        });
    }
    text
}

/// Files of one source that were not read.
pub fn skipped_files(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} skipped (not markdown worklog pages)", num(n, lang)),
        Lang::Vi => format!(
            "bỏ qua {} (không phải trang nhật ký markdown)",
            num(n, lang)
        ),
    }
}

/// The accessible name of a source's remove button.
pub fn remove_source(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("Remove {label}"),
        Lang::Vi => format!("Gỡ {label}"),
    }
}

/// After the count of pages set aside: ` page set aside` / ` trang được để riêng`.
pub fn pages_set_aside(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(" {} set aside", Noun::Page.word(lang, n)),
        Lang::Vi => " trang được để riêng".to_string(),
    }
}

/// The tooltip of a service chip.
pub fn filter_by_service(lang: Lang, service: &str) -> String {
    match lang {
        Lang::En => format!("{service} — filter by this service"),
        Lang::Vi => format!("{service} — lọc theo dịch vụ này"),
    }
}

/// `Show all 40` (services of the filter).
pub fn show_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Show all {}", num(n, lang)),
        Lang::Vi => format!("Hiện tất cả {}", num(n, lang)),
    }
}

/// The tooltip of a week toggle: `Week 5: 12 tasks`.
pub fn week_tasks(lang: Lang, week: u32, n: usize) -> String {
    format!("{}: {}", week_n(lang, week), count(lang, n, Noun::Task))
}

/// The detail panel's source line: `content/…/_index.md line 12`.
pub fn source_line(lang: Lang, source: &str, line: u32) -> String {
    match lang {
        Lang::En => format!("{source} line {line}"),
        Lang::Vi => format!("{source} dòng {line}"),
    }
}

/// ` · from Demo worklog`.
pub fn from_source(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!(" · from {label}"),
        Lang::Vi => format!(" · từ {label}"),
    }
}

/// `Show 60 more weeks (140 not shown)`.
pub fn show_more_weeks(lang: Lang, next: usize, hidden: usize) -> String {
    match lang {
        Lang::En => format!(
            "Show {} more {} ({} not shown)",
            num(next, lang),
            Noun::Week.word(lang, next),
            num(hidden, lang)
        ),
        Lang::Vi => format!(
            "Hiện thêm {} tuần (còn {} tuần chưa hiện)",
            num(next, lang),
            num(hidden, lang)
        ),
    }
}

/// After the count of a week card's tasks: ` task` / ` tasks` / ` công việc`.
pub fn tasks_word(lang: Lang, n: usize) -> String {
    format!(" {}", Noun::Task.word(lang, n))
}

/// The fold holding a week page's other sections (learnings, plan, headings of its own).
pub fn more_from_page(lang: Lang, sections: usize) -> String {
    let counted = count(lang, sections, Noun::Section);
    match lang {
        Lang::En => format!("More from this page: {counted}"),
        Lang::Vi => format!("Thêm từ trang này: {counted}"),
    }
}

/// Weeks missing between two week cards.
pub fn no_worklog_for(lang: Lang, first: u32, last: u32) -> String {
    match (lang, first == last) {
        (Lang::En, true) => format!("No worklog for week {first}"),
        (Lang::En, false) => format!("No worklog for weeks {first}–{last}"),
        (Lang::Vi, true) => format!("Không có nhật ký cho tuần {first}"),
        (Lang::Vi, false) => format!("Không có nhật ký cho các tuần {first}–{last}"),
    }
}

/// `Page 2 of 5`.
pub fn page_of(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::En => format!("Page {} of {}", num(page, lang), num(pages, lang)),
        Lang::Vi => format!("Trang {} / {}", num(page, lang), num(pages, lang)),
    }
}

/// The accessible name of a task row's date flag.
pub fn date_contradicts(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("Date contradicts its week: {why}"),
        Lang::Vi => format!("Ngày mâu thuẫn với tuần của nó: {why}"),
    }
}

/// Tasks the timeline does not draw.
pub fn undated_not_drawn(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} without dates {} not drawn",
            count(lang, n, Noun::Task),
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Vi => format!(
            "{} không có ngày nên không được vẽ",
            count(lang, n, Noun::Task)
        ),
    }
}

/// Dated tasks the timeline does not draw.
pub fn out_of_range_not_drawn(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} outside the range {} not drawn (dates far from the rest, or contradicting their week)",
            count(lang, n, Noun::Task),
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Vi => format!(
            "{} nằm ngoài khoảng nên không được vẽ (ngày cách xa phần còn lại, hoặc mâu thuẫn với tuần của nó)",
            count(lang, n, Noun::Task)
        ),
    }
}

/// A heat-map cell's tooltip: `Amazon S3: 3 tasks in week 5`.
pub fn heat_title(lang: Lang, service: &str, n: usize, week: u32) -> String {
    match lang {
        Lang::En => format!("{service}: {} in week {week}", count(lang, n, Noun::Task)),
        Lang::Vi => format!(
            "{service}: {} trong tuần {week}",
            count(lang, n, Noun::Task)
        ),
    }
}

/// A heat-map cell's accessible name: `Amazon S3, week 5: 3 tasks`.
pub fn heat_label(lang: Lang, service: &str, n: usize, week: u32) -> String {
    match lang {
        Lang::En => format!("{service}, week {week}: {}", count(lang, n, Noun::Task)),
        Lang::Vi => format!("{service}, tuần {week}: {}", count(lang, n, Noun::Task)),
    }
}

/// The diagnostics summary: `4 pages · 1 error · 3 warnings · 2 notes`.
pub fn diagnostics_totals(
    lang: Lang,
    pages: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
) -> String {
    [
        count(lang, pages, Noun::Page),
        count(lang, errors, Noun::Error),
        count(lang, warnings, Noun::Warning),
        count(lang, notes, Noun::Note),
    ]
    .join(" · ")
}

/// `3 pages without tasks and without problems`.
pub fn quiet_pages(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} without tasks and without problems",
            count(lang, n, Noun::Page)
        ),
        Lang::Vi => format!(
            "{} không có công việc và không có vấn đề",
            count(lang, n, Noun::Page)
        ),
    }
}

/// `line 12`, `line 12:5` / `dòng 12`.
pub fn line_at(lang: Lang, line: u32, column: Option<u32>) -> String {
    let word = match lang {
        Lang::En => "line",
        Lang::Vi => "dòng",
    };
    match column {
        Some(c) => format!("{word} {line}:{c}"),
        None => format!("{word} {line}"),
    }
}

/// The accessible name of a diagnostic's source line: `Source line 12` / `Dòng nguồn 12`.
pub fn source_line_label(lang: Lang, line: Option<u32>) -> String {
    let words = match lang {
        Lang::En => "Source line",
        Lang::Vi => "Dòng nguồn",
    };
    match line {
        Some(l) => format!("{words} {l}"),
        None => words.to_string(),
    }
}

/// A page's line in the diagnostics: `week · week 5 · 2 problems · 6 tasks`.
pub fn page_summary(
    lang: Lang,
    kind: &str,
    week: Option<u32>,
    problems: usize,
    tasks: usize,
) -> String {
    let week = week
        .map(|w| match lang {
            Lang::En => format!("week {w} · "),
            Lang::Vi => format!("tuần {w} · "),
        })
        .unwrap_or_default();
    format!(
        "{kind} · {week}{} · {}",
        count(lang, problems, Noun::Problem),
        count(lang, tasks, Noun::Task)
    )
}

/// The timeline bar's text: `[⚠ …; ]Week 5, Mon, 6 Oct 2025: task text`.
pub fn bar_label(lang: Lang, flagged: bool, week: Option<u32>, when: &str, task: &str) -> String {
    format!(
        "{}{}{when}: {task}",
        if flagged {
            text(Msg::BarDateFlag, lang)
        } else {
            ""
        },
        week.map(|w| format!("{}, ", week_n(lang, w)))
            .unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LANGS;

    /// Fixed texts that are the same in both languages by design: names and abbreviations.
    const SAME_IN_BOTH: &[Msg] = &[Msg::SourceUrl];

    #[test]
    fn every_message_has_words_in_every_language() {
        for &msg in Msg::ALL {
            for lang in LANGS {
                let t = text(msg, lang);
                assert!(!t.trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
        }
        for noun in Noun::ALL {
            for lang in LANGS {
                for n in [0, 1, 2, 1000] {
                    assert!(!noun.word(lang, n).is_empty());
                }
            }
        }
    }

    #[test]
    fn vietnamese_differs_from_english() {
        for &msg in Msg::ALL {
            let (en, vi) = (text(msg, Lang::En), text(msg, Lang::Vi));
            if SAME_IN_BOTH.contains(&msg) {
                assert_eq!(en, vi, "{msg:?} is listed as the same in both");
            } else {
                assert_ne!(en, vi, "{msg:?} is not translated");
            }
        }
        for noun in Noun::ALL {
            assert_ne!(noun.word(Lang::En, 2), noun.word(Lang::Vi, 2), "{noun:?}");
        }
    }

    #[test]
    fn messages_are_distinct_variants_once_each() {
        let mut seen = std::collections::HashSet::new();
        for &msg in Msg::ALL {
            assert!(seen.insert(msg), "{msg:?} listed twice");
        }
    }

    #[test]
    fn english_counts_have_plurals_vietnamese_has_none() {
        assert_eq!(count(Lang::En, 1, Noun::Task), "1 task");
        assert_eq!(count(Lang::En, 0, Noun::Task), "0 tasks");
        assert_eq!(count(Lang::En, 2000, Noun::Task), "2,000 tasks");
        assert_eq!(count(Lang::Vi, 1, Noun::Task), "1 công việc");
        assert_eq!(count(Lang::Vi, 2000, Noun::Task), "2.000 công việc");
        assert_eq!(pages_set_aside(Lang::En, 1), " page set aside");
        assert_eq!(pages_set_aside(Lang::En, 3), " pages set aside");
        assert_eq!(
            sources_summary(Lang::En, 1, 14, 2),
            "1 source · 14 pages · 2 skipped"
        );
        assert_eq!(sources_summary(Lang::Vi, 2, 1, 0), "2 nguồn · 1 trang");
        assert_eq!(
            diagnostics_totals(Lang::En, 4, 1, 3, 0),
            "4 pages · 1 error · 3 warnings · 0 notes"
        );
        assert_eq!(
            diagnostics_totals(Lang::Vi, 4, 1, 3, 0),
            "4 trang · 1 lỗi · 3 cảnh báo · 0 ghi chú"
        );
        assert_eq!(no_worklog_for(Lang::En, 6, 6), "No worklog for week 6");
        assert_eq!(
            no_worklog_for(Lang::Vi, 6, 7),
            "Không có nhật ký cho các tuần 6–7"
        );
    }

    #[test]
    fn formatted_messages_differ_by_language() {
        let pairs: Vec<(String, String)> = vec![
            (week_n(Lang::En, 3), week_n(Lang::Vi, 3)),
            (of_total_tasks(Lang::En, 9), of_total_tasks(Lang::Vi, 9)),
            (
                progress(Lang::En, Activity::Parsing, 1, 2),
                progress(Lang::Vi, Activity::Parsing, 1, 2),
            ),
            (page_of(Lang::En, 1, 2), page_of(Lang::Vi, 1, 2)),
            (line_at(Lang::En, 3, Some(2)), line_at(Lang::Vi, 3, Some(2))),
            (
                undated_not_drawn(Lang::En, 1),
                undated_not_drawn(Lang::Vi, 1),
            ),
            (
                bar_label(Lang::En, true, Some(2), "x", "t"),
                bar_label(Lang::Vi, true, Some(2), "x", "t"),
            ),
        ];
        for (en, vi) in pairs {
            assert!(!en.is_empty() && !vi.is_empty());
            assert_ne!(en, vi);
        }
        assert_eq!(
            undated_not_drawn(Lang::En, 1),
            "1 task without dates is not drawn"
        );
    }
}
