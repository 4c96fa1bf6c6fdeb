//! What a diagnostic says, as data: a typed [`Message`] per wording (one per code, or several
//! where a code has distinct wordings: its *variant*), with named arguments. The core builds
//! every diagnostic from a `Message` ([`Message::warning`], ...): the English `message` is
//! [`Message::english`], and the diagnostic carries the code, the variant and the arguments
//! ([`Args`]), so an interface can word it in another language from the same data
//! ([`Message::from_parts`] gives the typed message back; the viewer's Vietnamese wording
//! matches on it, so a new wording does not build there until it is translated).
//!
//! Arguments are JSON strings or numbers (dates ISO `YYYY-MM-DD`, weekdays `mon`..`sun`, date
//! orders `dmy`/`mdy`/`ymd`, languages `en`/`vi`, keywords kebab-case) or booleans; an optional
//! argument is absent when it has no value. The JSON form is documented in
//! `docs/json-schema.md`; the variants and arguments of each code in `docs/diagnostics.md`.
//!
//! Adding a wording: a line in the `messages!` list below (name, fields, code, variant), its
//! English in [`Message::english`] and its Vietnamese in the app (`src/i18n/diagnostics.rs`).

use crate::model::{DateOrder, Diagnostic, Language, Severity, Weekday, Wording};
use chrono::NaiveDate;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One argument value: a JSON boolean, integer or string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Flag(bool),
    Num(i64),
    Text(String),
}

/// The named arguments of a diagnostic, in the order its wording names them; a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(pub Vec<(String, Arg)>);

impl Args {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
    fn push(&mut self, name: &str, value: Option<Arg>) {
        if let Some(value) = value {
            self.0.push((name.to_string(), value));
        }
    }
}

impl Serialize for Args {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Args {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = Args;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of diagnostic arguments")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Args, M::Error> {
                let mut out = Vec::new();
                while let Some((name, value)) = map.next_entry::<String, Arg>()? {
                    out.push((name, value));
                }
                Ok(Args(out))
            }
        }
        deserializer.deserialize_map(Ordered)
    }
}

/// A type a message field can have: how it is written as an argument and read back.
pub trait ArgValue: Sized {
    fn to_arg(&self) -> Option<Arg>;
    fn from_arg(arg: Option<&Arg>) -> Option<Self>;
    /// A value for tests that word every message.
    fn sample() -> Self;
}

impl ArgValue for String {
    fn to_arg(&self) -> Option<Arg> {
        Some(Arg::Text(self.clone()))
    }
    fn from_arg(arg: Option<&Arg>) -> Option<Self> {
        match arg? {
            Arg::Text(s) => Some(s.clone()),
            Arg::Num(n) => Some(n.to_string()),
            Arg::Flag(_) => None,
        }
    }
    fn sample() -> Self {
        "x".to_string()
    }
}

impl ArgValue for bool {
    fn to_arg(&self) -> Option<Arg> {
        Some(Arg::Flag(*self))
    }
    fn from_arg(arg: Option<&Arg>) -> Option<Self> {
        match arg? {
            Arg::Flag(b) => Some(*b),
            _ => None,
        }
    }
    fn sample() -> Self {
        true
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl ArgValue for $t {
            fn to_arg(&self) -> Option<Arg> {
                Some(Arg::Num(i64::try_from(*self).unwrap_or(i64::MAX)))
            }
            fn from_arg(arg: Option<&Arg>) -> Option<Self> {
                match arg? {
                    Arg::Num(n) => <$t>::try_from(*n).ok(),
                    _ => None,
                }
            }
            fn sample() -> Self {
                2
            }
        }
    )*};
}
numbers!(u32, i32, usize, i64);

impl ArgValue for NaiveDate {
    fn to_arg(&self) -> Option<Arg> {
        Some(Arg::Text(self.to_string()))
    }
    fn from_arg(arg: Option<&Arg>) -> Option<Self> {
        match arg? {
            Arg::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        }
    }
    fn sample() -> Self {
        NaiveDate::from_ymd_opt(2025, 9, 15).unwrap_or_default()
    }
}

impl<T: ArgValue> ArgValue for Option<T> {
    fn to_arg(&self) -> Option<Arg> {
        self.as_ref().and_then(T::to_arg)
    }
    fn from_arg(arg: Option<&Arg>) -> Option<Self> {
        match arg {
            None => Some(None),
            Some(_) => T::from_arg(arg).map(Some),
        }
    }
    fn sample() -> Self {
        Some(T::sample())
    }
}

/// Enums written as keyword arguments.
macro_rules! keywords {
    ($( $(#[$doc:meta])* $t:ident { $($v:ident => $kw:literal),* $(,)? } )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $t { $($v,)* }
        keywords!(@impl $t { $($v => $kw),* });
    )*};
    (@impl $t:ident { $($v:ident => $kw:literal),* }) => {
        impl ArgValue for $t {
            fn to_arg(&self) -> Option<Arg> {
                Some(Arg::Text(match self { $($t::$v => $kw,)* }.to_string()))
            }
            fn from_arg(arg: Option<&Arg>) -> Option<Self> {
                match arg? {
                    Arg::Text(s) => match s.as_str() { $($kw => Some($t::$v),)* _ => None },
                    _ => None,
                }
            }
            fn sample() -> Self {
                [$($t::$v),*][0]
            }
        }
    };
}

keywords! {
    /// Which date cell of a row.
    DateCell { Start => "start", End => "end" }
    /// Where a week is dated relative to the week it is compared with.
    Relation { Before => "before", After => "after" }
    /// The source that gave a page its week.
    WeekSource {
        Path => "path",
        Pre => "pre",
        Title => "title",
        Heading => "heading",
        Weight => "weight",
    }
    /// A YAML feature the front-matter reader does not read.
    YamlFeature {
        Directive => "directive",
        MultilineKey => "multiline-key",
        NotKeyValue => "not-key-value",
        EmptyKey => "empty-key",
        ValueAfterColon => "value-after-colon",
        AnchorAliasTag => "anchor-alias-tag",
        NestedSequence => "nested-sequence",
        FlowFeature => "flow-feature",
        SpecialKey => "special-key",
        IndicatorKey => "indicator-key",
    }
}
keywords!(@impl Weekday {
    Mon => "mon", Tue => "tue", Wed => "wed", Thu => "thu", Fri => "fri", Sat => "sat", Sun => "sun"
});
keywords!(@impl DateOrder { Dmy => "dmy", Mdy => "mdy", Ymd => "ymd" });
keywords!(@impl Language { En => "en", Vi => "vi" });

impl YamlFeature {
    /// As the English message names it.
    pub fn english(self) -> &'static str {
        match self {
            YamlFeature::Directive => "a directive",
            YamlFeature::MultilineKey => "a key over several lines",
            YamlFeature::NotKeyValue => "a line that is not `key: value`",
            YamlFeature::EmptyKey => "an empty key",
            YamlFeature::ValueAfterColon => "a value right after `:`",
            YamlFeature::AnchorAliasTag => "an anchor, alias or tag",
            YamlFeature::NestedSequence => "a sequence inside a sequence item",
            YamlFeature::FlowFeature => "an anchor, alias, tag or `?` in a flow",
            YamlFeature::SpecialKey => "an anchor, alias, tag or `?` key",
            YamlFeature::IndicatorKey => "a key starting with an indicator",
        }
    }
}

/// A wording the core can emit: its code, variant and argument names (for docs and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub code: &'static str,
    pub variant: Option<&'static str>,
    pub args: &'static [&'static str],
}

macro_rules! variant {
    () => {
        None
    };
    ($v:literal) => {
        Some($v)
    };
}

macro_rules! messages {
    ($(#[$enum_doc:meta])* enum $enum:ident;
     $( $(#[$doc:meta])* $name:ident { $($field:ident : $ty:ty),* $(,)? } => $code:literal $(/ $variant:literal)?; )*) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $enum {
            $( $(#[$doc])* $name { $($field: $ty),* }, )*
        }

        impl $enum {
            /// Every wording, in the order of the list.
            pub const KINDS: &'static [Kind] = &[
                $( Kind { code: $code, variant: variant!($($variant)?), args: &[$(stringify!($field)),*] }, )*
            ];

            /// The stable code (`day-label-mismatch`).
            pub fn code(&self) -> &'static str {
                match self { $( $enum::$name { .. } => $code, )* }
            }

            /// Which wording of the code, where it has several.
            pub fn variant(&self) -> Option<&'static str> {
                match self { $( $enum::$name { .. } => variant!($($variant)?), )* }
            }

            /// The named arguments (optional ones only when present).
            #[allow(unused_mut)]
            pub fn args(&self) -> Args {
                match self {
                    $( $enum::$name { $($field),* } => {
                        let mut args = Args::default();
                        $( args.push(stringify!($field), ArgValue::to_arg($field)); )*
                        args
                    } )*
                }
            }

            /// The typed message of a diagnostic's code, variant and arguments; `None` for a
            /// wording this version does not know or arguments that do not fit it.
            pub fn from_parts(code: &str, variant: Option<&str>, args: &Args) -> Option<$enum> {
                let _ = args;
                $(
                    if code == $code && variant == variant!($($variant)?) {
                        return Some($enum::$name {
                            $( $field: ArgValue::from_arg(args.get(stringify!($field)))?, )*
                        });
                    }
                )*
                None
            }

            /// One message of every wording, with sample arguments (tests of translations).
            pub fn samples() -> Vec<$enum> {
                vec![ $( $enum::$name { $( $field: <$ty as ArgValue>::sample(), )* }, )* ]
            }
        }
    };
}

messages! {
    /// Every wording of a diagnostic, with its arguments.
    enum Message;
    // Bytes (`parse/decode.rs`).
    NotText {} => "not-text";
    InvalidUtf8 { count: usize } => "invalid-utf8" / "utf8";
    InvalidUtf16 { count: usize } => "invalid-utf8" / "utf16";
    /// `endian`: `little-endian` or `big-endian`.
    Utf16 { endian: String } => "utf16-encoding";
    // Front matter (`parse/front_matter.rs`).
    UnclosedFrontMatter { delimiter: String, line: u32 } => "unclosed-front-matter";
    FrontMatterTooLarge {} => "front-matter-syntax" / "too-large";
    FrontMatterWeight { weight: String } => "front-matter-syntax" / "weight";
    /// `problem`: the YAML reader's own (English) words.
    FrontMatterYaml { problem: String } => "front-matter-syntax" / "yaml";
    FrontMatterYamlUnsupported { feature: YamlFeature } => "front-matter-syntax" / "yaml-unsupported";
    /// `problem`: the TOML parser's own (English) words.
    FrontMatterToml { problem: String } => "front-matter-syntax" / "toml";
    InvalidFrontMatterDate { date: String } => "invalid-front-matter-date" / "not-a-date";
    RMarkdownFrontMatterDate { date: String } => "invalid-front-matter-date" / "r-markdown";
    // Language, kind and week.
    LanguageMismatch { declared: Language, found: Language } => "language-mismatch";
    EmptyPage {} => "empty-page";
    PlaceholderWeek { week: u32 } => "stub-page" / "placeholder";
    AlmostEmptyPage {} => "stub-page" / "almost-empty";
    /// `found`: the week numbers the source names, joined with `-`; `source_line`: the line
    /// of the heading when `source` is `heading`.
    WeekConflictPre { found: String, source: WeekSource, source_line: Option<u32>, week: u32 } => "week-conflict" / "pre";
    WeekConflictTitle { found: String, source: WeekSource, source_line: Option<u32>, week: u32 } => "week-conflict" / "title";
    WeekConflictHeading { heading: String, found: String, source: WeekSource, source_line: Option<u32>, week: u32 } => "week-conflict" / "heading";
    WeekFromWeight { week: u32 } => "week-from-weight";
    // Sections and cells.
    /// `url`: the link, cut to 80 characters; `scheme`: as written (`javascript:`).
    UnsafeUrl { url: String, scheme: String } => "unsafe-url";
    /// `lines`: the lines of text kept (one per block-level element).
    HtmlBlockAsText { lines: usize } => "html-block-as-text";
    // Tables (`parse/tables.rs`).
    RowCellsMissing { cells: usize, expected: usize } => "row-cell-count" / "missing-cells";
    RowCellsExtraFilled { cells: usize, expected: usize } => "row-cell-count" / "extra-filled";
    RowCellsExtraEmpty { cells: usize, expected: usize } => "row-cell-count" / "extra-empty";
    GluedTableSeparator {} => "glued-table" / "second-separator";
    GluedTableExtraCells {} => "glued-table" / "extra-cells";
    HeaderMergedCells {} => "header-merged-cells";
    TableNamedColumns {} => "table-without-separator" / "named-columns";
    TableGuessedColumns {} => "table-without-separator" / "guessed-columns";
    /// `first`, `last`: the continuation lines.
    RowContinuationLines { first: u32, last: u32 } => "row-continuation-lines";
    /// `header`: the header cells joined with ` | ` (cut to 80 characters); `hint`: the table
    /// looks like a worklog, so the message says how to name its columns.
    TableWeeksOrPhases { header: String, hint: bool } => "table-not-read" / "weeks-or-phases";
    TableNoDayOrDate { header: String, hint: bool } => "table-not-read" / "no-day-or-date";
    TableNoTaskColumn { header: String, hint: bool } => "table-not-read" / "no-task-column";
    TableHeaderNotRecognised { header: String, hint: bool } => "table-not-read" / "header-not-recognised";
    TableLooseHeader { header: String, hint: bool } => "table-not-read" / "loose-header";
    TableLooseNoHeader { header: String, hint: bool } => "table-not-read" / "loose-no-header";
    TableEmptyRows {} => "table-not-read" / "empty-rows";
    TableNoRows {} => "table-not-read" / "no-rows";
    /// `table`: the line of the table that looks like the worklog.
    NoTasksRead { table: u32 } => "no-tasks-read";
    // Days and dates (`parse/dates.rs`).
    /// `example`: a date as written; `why`: `tie` (equally plausible) or `plausible`.
    AmbiguousDateOrderTie { example: String, order: DateOrder } => "ambiguous-date-order" / "tie";
    AmbiguousDateOrderPlausible { example: String, order: DateOrder } => "ambiguous-date-order" / "plausible";
    ConflictingDateOrder { dmy: String, dmy_line: u32, mdy: String, mdy_line: u32, order: DateOrder, minority: String } => "conflicting-date-order";
    /// `label`: the day label as written; `expected`, `actual`: weekdays.
    DayLabelMismatch { label: String, expected: Weekday, date: NaiveDate, actual: Weekday } => "day-label-mismatch";
    /// `line`: the dated row the date is counted from.
    DateFromNeighbour { date: NaiveDate, line: u32 } => "date-from-day-label" / "neighbour";
    DateFromMonday { date: NaiveDate } => "date-from-day-label" / "monday";
    EndBeforeStart { end: NaiveDate, start: NaiveDate } => "end-before-start" / "end-date";
    CompletionBeforeStart { end: NaiveDate, start: NaiveDate } => "end-before-start" / "completion-date";
    /// `text`: the cell as written (cut to 60 characters).
    DateNotUnderstood { cell: DateCell, text: String } => "unparsed-date" / "not-understood";
    NotCalendarDate { cell: DateCell, text: String } => "unparsed-date" / "not-calendar";
    MissingYear {} => "missing-year";
    /// `front_matter_year`: present when the front matter names a year that fits fewer rows.
    YearFromWeekdays { year: i32, matched: usize, compared: usize, front_matter_year: Option<i32> } => "year-from-weekdays";
    /// `line`: the line of the full date.
    YearFromPageLine { year: i32, line: u32 } => "year-from-page" / "line";
    /// The intern's week `week` (page `page`, first date `date`) gave the year.
    YearFromOtherWeek { year: i32, week: u32, page: String, date: NaiveDate } => "year-from-page" / "other-week";
    // Across pages (`collection/`).
    /// `language` absent: undetermined; `count`: unnamed interns of this load.
    InternSplit { week: u32, language: Option<Language>, count: usize } => "intern-split";
    /// `week` absent: a page without a week number; `front_matter` the page's front-matter date.
    DateOutsideWeek { date: NaiveDate, week: Option<u32>, span: i64, low: NaiveDate, high: NaiveDate, middle: NaiveDate, front_matter: Option<NaiveDate> } => "date-outside-week";
    /// `relation`: `before` or `after` the other week; `expected`: where the intern's other
    /// weeks put this week.
    WeekOutOfOrder { week: u32, date: NaiveDate, relation: Relation, other_week: u32, other_date: NaiveDate, other_page: String, expected: Option<NaiveDate> } => "week-out-of-order";
    // Lint (`lint.rs`).
    WeekGapOne { missing: u32, previous: u32, week: u32 } => "week-gap" / "one";
    WeekGapSeveral { first: u32, last: u32, previous: u32, week: u32 } => "week-gap" / "several";
    DuplicateWeek { week: u32, other: String } => "duplicate-week";
    /// `language`, `twin_language` absent: undetermined.
    TwinTaskCount { language: Option<Language>, tasks: usize, twin_language: Option<Language>, twin: String, twin_tasks: usize } => "twin-task-count";
    /// `only_here`, `only_there`: up to five dates joined with `, ` (empty: none); `*_more`:
    /// how many more.
    TwinDates { twin: String, only_here: String, only_here_more: usize, only_there: String, only_there_more: usize } => "twin-dates";
    EmptySection { title: String } => "empty-section";
    TemplatePlaceholder {} => "template-placeholder";
    TemplateText {} => "template-text";
    TemplateNotice {} => "template-notice";
}

messages! {
    /// Why a page's numeric dates are read in the order they are: `Page::date_order_reason`
    /// in English, `Page::date_order_basis` as data (the same code, variant and arguments
    /// scheme as a diagnostic's), so an interface can word it in another language.
    enum OrderReason;
    YearFirst {} => "year-first";
    /// `date`: a date as written whose first part is above 12; `line`: its line.
    OnlyDayFirst { date: String, line: u32 } => "proof" / "day-first";
    OnlyMonthFirst { date: String, line: u32 } => "proof" / "month-first";
    /// Both kinds of proof: the majority order is used.
    MixedOrders { dmy_count: usize, mdy_count: usize, order: DateOrder } => "mixed-orders";
    SameEitherWay {} => "same-either-way";
    /// `front_matter`: the front-matter date, when it agrees with the order too.
    Weekdays { order: DateOrder, matched: usize, compared: usize, other_matched: usize, front_matter: Option<NaiveDate> } => "weekdays";
    VaryingPart { order: DateOrder, front_matter: Option<NaiveDate> } => "varying-part";
    /// `near`, `far`: days from the front-matter `date` to the closest date read each way.
    FrontMatterDate { date: NaiveDate, near: i64, order: DateOrder, far: i64 } => "front-matter-date";
    OtherPages { order: DateOrder } => "other-pages";
    GuessTie {} => "guess" / "tie";
    GuessPlausible { order: DateOrder } => "guess" / "plausible";
    /// `twins`: the twin pages joined with `, `; `matched`: this page's dates that are theirs.
    Twin { twins: String, order: DateOrder, matched: usize } => "twin";
    /// The neighbouring week `week` (page `page`, first date `date`) puts this week
    /// (`this_week`) `distance` days from the first date read in `order`.
    Neighbour { week: u32, page: String, date: NaiveDate, order: DateOrder, distance: i64, this_week: u32 } => "neighbour";
}

impl OrderReason {
    /// The reason in English: the page's `date_order_reason`.
    pub fn english(&self) -> String {
        use OrderReason as R;
        let agrees = |front_matter: &Option<NaiveDate>| {
            front_matter
                .map(|d| format!(" The front-matter date {d} agrees."))
                .unwrap_or_default()
        };
        match self {
            R::YearFirst {} => "Dates are written year first (YYYY-MM-DD), which is never ambiguous.".into(),
            R::OnlyDayFirst { date, line } => format!(
                "{date} (line {line}) has a first part above 12, so it can only be day/month."
            ),
            R::OnlyMonthFirst { date, line } => format!(
                "{date} (line {line}) has a second part above 12, so it can only be month/day."
            ),
            R::MixedOrders { dmy_count, mdy_count, order } => format!(
                "The page mixes both orders: {dmy_count} date(s) can only be day/month, {mdy_count} only month/day; the majority ({}) is used.",
                order_english(*order)
            ),
            R::SameEitherWay {} => "Every date reads the same either way (day and month are equal).".into(),
            R::Weekdays { order, matched, compared, other_matched, front_matter } => format!(
                "The day column matches the weekdays of the dates read {} on {matched} of {compared} rows ({} would match {other_matched}).{}",
                order_english(*order),
                order_english(other_order(*order)),
                agrees(front_matter)
            ),
            R::VaryingPart { order, front_matter } => {
                let (part, stays) = if *order == DateOrder::Mdy {
                    ("second", "first")
                } else {
                    ("first", "second")
                };
                format!(
                    "From date to date the {part} part changes while the {stays} stays the same, so the {part} part is the day: {}.{}",
                    order_english(*order),
                    agrees(front_matter)
                )
            }
            R::FrontMatterDate { date, near, order, far } => format!(
                "The front-matter date {date} is {near} day(s) from the dates read {} and {far} days from them read {}.",
                order_english(*order),
                order_english(other_order(*order))
            ),
            R::OtherPages { order } => format!(
                "Nothing on the page decides; other pages of this internship (language twin or neighbouring weeks) write dates {}.",
                order_english(*order)
            ),
            R::GuessTie {} => "Guessed: nothing on the page proves the order; both readings are equally plausible, day/month is the more common.".into(),
            R::GuessPlausible { order } => format!(
                "Guessed: nothing on the page proves the order; {} gives the more plausible week (first date on a Monday, dates in sequence).",
                order_english(*order)
            ),
            R::Twin { twins, order, matched } => format!(
                "Decided from the language twin ({twins}): read {}, {matched} of this page's dates are the twin's dates.",
                order_english(*order)
            ),
            R::Neighbour { week, page, date, order, distance, this_week } => format!(
                "Decided from the neighbouring week {week} ({page}, starting {date}): read {}, this week starts {distance} day(s) from where week {this_week} is expected.",
                order_english(*order)
            ),
        }
    }

    /// The order this reason decides.
    pub fn order(&self) -> DateOrder {
        use OrderReason as R;
        match self {
            R::YearFirst {} => DateOrder::Ymd,
            R::OnlyDayFirst { .. } | R::SameEitherWay {} | R::GuessTie {} => DateOrder::Dmy,
            R::OnlyMonthFirst { .. } => DateOrder::Mdy,
            R::MixedOrders { order, .. }
            | R::Weekdays { order, .. }
            | R::VaryingPart { order, .. }
            | R::FrontMatterDate { order, .. }
            | R::OtherPages { order }
            | R::GuessPlausible { order }
            | R::Twin { order, .. }
            | R::Neighbour { order, .. } => *order,
        }
    }

    /// The reason as data, as `Page::date_order_basis` carries it.
    pub fn wording(&self) -> Wording {
        Wording {
            code: self.code().to_string(),
            variant: self.variant().map(str::to_string),
            args: self.args(),
        }
    }

    /// The typed reason of a page's `date_order_basis`; `None` for one this version does not
    /// know.
    pub fn from_wording(wording: &Wording) -> Option<OrderReason> {
        OrderReason::from_parts(&wording.code, wording.variant.as_deref(), &wording.args)
    }
}

/// The other of day/month and month/day.
pub fn other_order(order: DateOrder) -> DateOrder {
    match order {
        DateOrder::Dmy => DateOrder::Mdy,
        _ => DateOrder::Dmy,
    }
}

/// The English name of a weekday.
pub fn weekday_english(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// How the English messages name a date order.
pub fn order_english(order: DateOrder) -> &'static str {
    match order {
        DateOrder::Dmy => "day/month",
        DateOrder::Mdy => "month/day",
        DateOrder::Ymd => "year-month-day",
    }
}

fn language_english(language: Language) -> &'static str {
    match language {
        Language::En => "English",
        Language::Vi => "Vietnamese",
    }
}

fn source_english(source: WeekSource, line: Option<u32>) -> String {
    match source {
        WeekSource::Path => "the folder or file name".into(),
        WeekSource::Pre => "the front-matter `pre`".into(),
        WeekSource::Title => "the title".into(),
        WeekSource::Heading => format!("the heading on line {}", line.unwrap_or(0)),
        WeekSource::Weight => "the front-matter weight".into(),
    }
}

/// A list of up to five items and how many more, as the English messages write it.
fn list_english(items: &str, more: usize) -> String {
    if items.is_empty() {
        return "none".to_string();
    }
    if more > 0 {
        format!("{items} and {more} more")
    } else {
        items.to_string()
    }
}

impl Message {
    /// The diagnostic with this message.
    pub fn at(self, severity: Severity, line: Option<u32>) -> Diagnostic {
        let args = self.args();
        Diagnostic {
            severity,
            line,
            column: None,
            code: self.code().to_string(),
            message: self.english(),
            variant: self.variant().map(str::to_string),
            args,
        }
    }
    pub fn error(self, line: Option<u32>) -> Diagnostic {
        self.at(Severity::Error, line)
    }
    pub fn warning(self, line: Option<u32>) -> Diagnostic {
        self.at(Severity::Warning, line)
    }
    pub fn info(self, line: Option<u32>) -> Diagnostic {
        self.at(Severity::Info, line)
    }

    /// The message in English: the `message` of the diagnostic (CLI, JSON export).
    pub fn english(&self) -> String {
        use Message as M;
        let table_not_read = |why: &str, header: &str, hint: bool| {
            if hint {
                format!(
                    "This table is not read as tasks: {why} (header `{header}`). If it is the week's \
                     worklog, name its columns like `Day | Task | Start Date | Completion Date`."
                )
            } else {
                format!("This table is not read as tasks: {why} (header `{header}`).")
            }
        };
        let week_conflict =
            |what: &str, found: &str, source: &WeekSource, line: &Option<u32>, week: &u32| {
                format!(
                    "{what} says week {found} but {} says week {week}; week {week} is used.",
                    source_english(*source, *line)
                )
            };
        match self {
            M::NotText {} => "This is not a text page (it contains NUL or other binary bytes); nothing was read from it.".into(),
            M::InvalidUtf8 { count } => format!(
                "The file is not valid UTF-8: {count} undecodable byte sequence(s), shown as �. \
                 Save the file as UTF-8."
            ),
            M::InvalidUtf16 { count } => {
                format!("The UTF-16 file has {count} undecodable unit(s), shown as �.")
            }
            M::Utf16 { endian } => {
                format!("The file is UTF-16 ({endian}); it was converted to UTF-8 for reading.")
            }
            M::UnclosedFrontMatter { delimiter, line } => format!(
                "The front matter opened with `{delimiter}` on line {line} is never closed; \
                 add a `{delimiter}` line after the last key."
            ),
            M::FrontMatterTooLarge {} => "The front matter is unusually large; only its simple `key: value` lines were read.".into(),
            M::FrontMatterWeight { weight } => {
                format!("The front-matter weight {weight:?} is not a number; it was ignored.")
            }
            M::FrontMatterYaml { problem } => format!(
                "The YAML front matter does not parse ({problem}); its simple `key: value` \
                 lines were read instead."
            ),
            M::FrontMatterYamlUnsupported { feature } => format!(
                "The YAML front matter uses {}, which the viewer does not read; its \
                 simple `key: value` lines were read instead.",
                feature.english()
            ),
            M::FrontMatterToml { problem } => format!(
                "The TOML front matter does not parse ({problem}); its simple `key = value` \
                 lines were read instead."
            ),
            M::InvalidFrontMatterDate { date } => format!(
                "The front-matter date {date:?} is not a calendar date; it was ignored. \
                 Write it as YYYY-MM-DD."
            ),
            M::RMarkdownFrontMatterDate { date } => format!(
                "The front-matter date {date:?} is not a calendar date (an R Markdown leftover); it was ignored. \
                 Write it as YYYY-MM-DD."
            ),
            M::LanguageMismatch { declared, found } => format!(
                "The file name says {} but the text reads as {}.",
                language_english(*declared),
                language_english(*found)
            ),
            M::EmptyPage {} => "The page is empty.".into(),
            M::PlaceholderWeek { week } => format!(
                "Week {week} has no worklog table and almost no text yet (a placeholder page)."
            ),
            M::AlmostEmptyPage {} => "The page has almost no content.".into(),
            M::WeekConflictPre { found, source, source_line, week } => {
                week_conflict("The front-matter `pre`", found, source, source_line, week)
            }
            M::WeekConflictTitle { found, source, source_line, week } => {
                week_conflict("The title", found, source, source_line, week)
            }
            M::WeekConflictHeading { heading, found, source, source_line, week } => {
                week_conflict(&format!("The heading {heading:?}"), found, source, source_line, week)
            }
            M::WeekFromWeight { week } => format!(
                "Week {week} was taken from the front-matter weight, the least reliable source; \
                 name the folder or file after the week or put \"Week {week}\" in the title."
            ),
            M::UnsafeUrl { url, scheme } => format!(
                "The link to {url:?} was dropped: only http, https and mailto links are allowed, not {scheme}."
            ),
            M::HtmlBlockAsText { lines } => format!(
                "An HTML block is read as its text ({lines} line(s)); its tags, links and images are not shown."
            ),
            M::RowCellsMissing { cells, expected } => format!(
                "This row has {cells} cells but the table header has {expected}; the missing cells are read as empty."
            ),
            M::RowCellsExtraFilled { cells, expected } => format!(
                "This row has {cells} cells but the table header has {expected}; the extra cells are kept as extra columns."
            ),
            M::RowCellsExtraEmpty { cells, expected } => format!(
                "This row has {cells} cells but the table header has {expected}; the extra cells are empty and ignored."
            ),
            M::GluedTableSeparator {} => "A second separator row starts another table without a header; its \
                 columns were guessed from their contents. Separate the tables with a \
                 blank line and give the second one a header row."
                .into(),
            M::GluedTableExtraCells {} => "These rows have more cells than the table header: another table seems \
                 glued on without its header; its columns were guessed from their contents."
                .into(),
            M::HeaderMergedCells {} => "The header row has fewer cells than the separator row (a `|` is missing); \
                 labels run together were split apart."
                .into(),
            M::TableNamedColumns {} | M::TableGuessedColumns {} => {
                let how = if matches!(self, M::TableNamedColumns {}) {
                    "with the columns its first line names"
                } else {
                    "with its columns guessed from their contents"
                };
                format!(
                    "These lines start with `|` but no separator row (`| --- |`) follows the header, so \
                     markdown shows them as plain text; they were read as a table {how}. Add a \
                     separator row under the header."
                )
            }
            M::RowContinuationLines { first, last } => format!(
                "Lines {first}–{last} continue this row without a leading `|`, so markdown ends the \
                 table there; they were read as part of the row's task. Keep a row on one \
                 line and join its items with `<br>`."
            ),
            M::TableWeeksOrPhases { header, hint } => {
                table_not_read("it lists weeks or phases, not days", header, *hint)
            }
            M::TableNoDayOrDate { header, hint } => {
                table_not_read("no day or date column", header, *hint)
            }
            M::TableNoTaskColumn { header, hint } => table_not_read("no task column", header, *hint),
            M::TableHeaderNotRecognised { header, hint } => table_not_read(
                "header not recognised as a worklog (no task, day or date column)",
                header,
                *hint,
            ),
            M::TableLooseHeader { header, hint } => table_not_read(
                "its lines start with `|` but have no separator row, and neither the header nor a column of dates shows a worklog",
                header,
                *hint,
            ),
            M::TableLooseNoHeader { header, hint } => table_not_read(
                "its lines start with `|` but have no header, no separator row and no column of dates",
                header,
                *hint,
            ),
            M::TableEmptyRows {} => "This worklog table gives no task: every row is empty.".into(),
            M::TableNoRows {} => "This worklog table gives no task: it has a header but no rows.".into(),
            M::NoTasksRead { table } => format!(
                "No task was read from this week page although the table on line \
                 {table} looks like its worklog; see why it was not read."
            ),
            M::AmbiguousDateOrderTie { example, order } | M::AmbiguousDateOrderPlausible { example, order } => {
                let why = if matches!(self, M::AmbiguousDateOrderTie { .. }) {
                    "both readings are equally plausible, day/month is the more common".to_string()
                } else {
                    format!(
                        "{} gives the more plausible week (first date on a Monday, dates in sequence)",
                        order_english(*order)
                    )
                };
                format!(
                    "Dates such as {example} read both as day/month and month/day and nothing on the page decides; \
                     they are read {} ({why}). A day column or a date with a day above 12 would settle it.",
                    order_english(*order)
                )
            }
            M::ConflictingDateOrder { dmy, dmy_line, mdy, mdy_line, order, minority } => format!(
                "This page mixes day/month dates ({dmy} on line {dmy_line}) and month/day dates ({mdy} on line {mdy_line}); \
                 ambiguous dates are read {} like most of them, {minority} as written.",
                order_english(*order)
            ),
            M::DayLabelMismatch { label, expected, date, actual } => format!(
                "The day label \"{label}\" means {} but {date} is a {}; the date is used.",
                weekday_english(*expected),
                weekday_english(*actual)
            ),
            M::DateFromNeighbour { date, line } => format!(
                "This row has no date; {date} follows from the day label and the date of line {line}."
            ),
            M::DateFromMonday { date } => format!(
                "This row has no date; {date} follows from the day label and the week's Monday (front-matter date)."
            ),
            M::EndBeforeStart { end, start } => {
                format!("The end date {end} is before the start date {start}.")
            }
            M::CompletionBeforeStart { end, start } => {
                format!("The completion date {end} is before the start date {start}.")
            }
            M::DateNotUnderstood { cell, text } => format!(
                "The {} date \"{text}\" is not a date this reader understands (expected e.g. 06/10/2025 or 2025-10-06).",
                cell_english(*cell)
            ),
            M::NotCalendarDate { cell, text } => format!(
                "The {} date \"{text}\" is not a calendar date.",
                cell_english(*cell)
            ),
            M::MissingYear {} => "Dates here have no year and the page gives none (no other dated row, \
                 no front-matter date); write the year, e.g. 06/10/2025."
                .into(),
            M::YearFromWeekdays { year, matched, compared, front_matter_year } => {
                let fm_note = front_matter_year
                    .map(|y| format!(" (the front-matter year {y} matches fewer)"))
                    .unwrap_or_default();
                format!(
                    "No year is written in the table; {year} is used because there the day \
                     labels match the dates ({matched} of {compared} rows){fm_note}."
                )
            }
            M::YearFromPageLine { year, line } => format!(
                "No year is written in the table; {year} is taken from the date on line {line}."
            ),
            M::YearFromOtherWeek { year, week, page, date } => format!(
                "No year is written on this page; {year} is taken from week {week} ({page}, {date})."
            ),
            M::InternSplit { week, language, count } => format!(
                "Another loose page of this load is also week {week} ({}); with no folder or URL to tell whose each is, this page is kept as a separate intern ({count} in this load).",
                language.map_or("undetermined", |l| l.code())
            ),
            M::DateOutsideWeek { date, week, span, low, high, middle, front_matter } => {
                let week = week.map_or_else(|| "this week".to_string(), |w| format!("week {w}"));
                let front = front_matter
                    .map(|d| format!(" The front matter dates the page {d}."))
                    .unwrap_or_default();
                format!(
                    "The date {date} does not fit {week}: the page's dates span {span} days ({low} to {high}) and its rows start around {middle}.{front}"
                )
            }
            M::WeekOutOfOrder { week, date, relation, other_week, other_date, other_page, expected } => {
                let relation = match relation {
                    Relation::Before => "before",
                    Relation::After => "after",
                };
                let around = expected
                    .map(|e| format!(" The intern's other weeks put week {week} around {e}."))
                    .unwrap_or_default();
                format!(
                    "Week {week} is dated {date}, {relation} week {other_week} which starts {other_date} ({other_page}).{around}"
                )
            }
            M::WeekGapOne { missing, previous, week } => {
                format!("Week {missing} is missing between week {previous} and week {week}.")
            }
            M::WeekGapSeveral { first, last, previous, week } => format!(
                "Weeks {first}–{last} are missing between week {previous} and week {week}."
            ),
            M::DuplicateWeek { week, other } => format!("Week {week} is also the week of {other}."),
            M::TwinTaskCount { language, tasks, twin_language, twin, twin_tasks } => format!(
                "This {} page has {tasks} tasks but its {} twin {twin} has {twin_tasks}.",
                language.map_or("undetermined-language", language_english),
                twin_language.map_or("undetermined-language", language_english)
            ),
            M::TwinDates { twin, only_here, only_here_more, only_there, only_there_more } => format!(
                "Task dates differ from the twin {twin}: only here {}; only there {}.",
                list_english(only_here, *only_here_more),
                list_english(only_there, *only_there_more)
            ),
            M::EmptySection { title } => {
                format!("The section \"{title}\" is empty: nothing before the next heading.")
            }
            M::TemplatePlaceholder {} => "Placeholder item left from the template: replace it or remove it.".into(),
            M::TemplateText {} => "Template text `Doing task ...` left unchanged.".into(),
            M::TemplateNotice {} => "The template's \"do not copy verbatim\" notice is still on the page.".into(),
        }
    }
}

fn cell_english(cell: DateCell) -> &'static str {
    match cell {
        DateCell::Start => "start",
        DateCell::End => "end",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_round_trips_through_its_parts() {
        for message in Message::samples() {
            let args = message.args();
            let back = Message::from_parts(message.code(), message.variant(), &args);
            assert_eq!(back.as_ref(), Some(&message), "{message:?}");
            let json = serde_json::to_string(&args).unwrap();
            let read: Args = serde_json::from_str(&json).unwrap();
            assert_eq!(read, args, "{json}");
            assert!(!message.english().is_empty());
        }
        assert_eq!(Message::samples().len(), Message::KINDS.len());
    }

    #[test]
    fn kinds_are_distinct_and_variants_name_every_wording_of_a_shared_code() {
        let kinds = Message::KINDS;
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                assert!((a.code, a.variant) != (b.code, b.variant), "{a:?} twice");
                if a.code == b.code {
                    assert!(a.variant.is_some() && b.variant.is_some(), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn the_codes_named_as_constants_are_wordings() {
        for code in [
            crate::collection::DATE_OUTSIDE_WEEK,
            crate::collection::WEEK_OUT_OF_ORDER,
            crate::parse::inline::UNSAFE_URL,
            crate::parse::tables::TABLE_NOT_READ,
            crate::parse::tables::NO_TASKS_READ,
            crate::parse::dates::YEAR_FROM_PAGE,
        ] {
            assert!(Message::KINDS.iter().any(|k| k.code == code), "{code}");
        }
    }

    #[test]
    fn every_order_reason_round_trips_through_its_wording() {
        for reason in OrderReason::samples() {
            let wording = reason.wording();
            let json = serde_json::to_string(&wording).unwrap();
            let read: Wording = serde_json::from_str(&json).unwrap();
            assert_eq!(
                OrderReason::from_wording(&read),
                Some(reason.clone()),
                "{json}"
            );
            assert!(reason.english().ends_with('.'), "{reason:?}");
        }
        assert_eq!(OrderReason::samples().len(), OrderReason::KINDS.len());
        let agreeing = OrderReason::Weekdays {
            order: DateOrder::Dmy,
            matched: 5,
            compared: 5,
            other_matched: 1,
            front_matter: NaiveDate::from_ymd_opt(2025, 9, 15),
        };
        assert_eq!(
            agreeing.english(),
            "The day column matches the weekdays of the dates read day/month on 5 of 5 rows \
             (month/day would match 1). The front-matter date 2025-09-15 agrees."
        );
    }

    #[test]
    fn every_wording_is_documented_with_its_arguments() {
        let doc = include_str!("../../../docs/diagnostics.md");
        let (_, table) = doc
            .split_once("## Wordings and arguments")
            .expect("the section of docs/diagnostics.md");
        let rows = Message::samples()
            .iter()
            .zip(Message::KINDS)
            .map(|(sample, kind)| {
                documented_row(kind, &sample.args(), |args| {
                    Message::from_parts(kind.code, kind.variant, args).is_some()
                })
            })
            .collect::<Vec<_>>();
        for row in rows {
            assert!(
                table.contains(&row),
                "docs/diagnostics.md lacks the row {row}"
            );
        }
    }

    #[test]
    fn every_order_reason_is_documented_with_its_arguments() {
        let doc = include_str!("../../../docs/json-schema.md");
        let (_, table) = doc
            .split_once("## Date-order reasons")
            .expect("the section of docs/json-schema.md");
        for (sample, kind) in OrderReason::samples().iter().zip(OrderReason::KINDS) {
            let row = documented_row(kind, &sample.args(), |args| {
                OrderReason::from_parts(kind.code, kind.variant, args).is_some()
            });
            assert!(
                table.contains(&row),
                "docs/json-schema.md lacks a row starting {row}"
            );
        }
    }

    /// The start of a wording's row in a documentation table: `| code | variant | args |`,
    /// optional arguments (those `reads` still accepts without) marked `?`.
    fn documented_row(kind: &Kind, present: &Args, reads: impl Fn(&Args) -> bool) -> String {
        let quoted = |s: &str| format!("`{s}`");
        let args: Vec<String> = kind
            .args
            .iter()
            .map(|a| {
                // Optional arguments (absent when `None`) are marked `?`.
                let optional = reads(&{
                    let mut without = present.clone();
                    without.0.retain(|(n, _)| n != a);
                    without
                });
                if optional {
                    format!("`{a}`?")
                } else {
                    quoted(a)
                }
            })
            .collect();
        format!(
            "| {} | {} | {} |",
            quoted(kind.code),
            kind.variant.map_or("—".to_string(), quoted),
            if args.is_empty() {
                "—".to_string()
            } else {
                args.join(", ")
            }
        )
    }

    #[test]
    fn unknown_wordings_and_mistyped_arguments_give_none() {
        assert_eq!(
            Message::from_parts("no-such-code", None, &Args::default()),
            None
        );
        assert_eq!(
            Message::from_parts("invalid-utf8", None, &Args::default()),
            None
        );
        let text = Args(vec![("count".into(), Arg::Text("many".into()))]);
        assert_eq!(
            Message::from_parts("invalid-utf8", Some("utf8"), &text),
            None
        );
        let read: Args = serde_json::from_str(r#"{"count": 3, "a": "x", "b": true}"#).unwrap();
        assert_eq!(read.get("b"), Some(&Arg::Flag(true)));
        assert_eq!(read.get("a"), Some(&Arg::Text("x".into())));
        let num = Args(vec![("count".into(), Arg::Num(3))]);
        assert_eq!(
            Message::from_parts("invalid-utf8", Some("utf8"), &num),
            Some(Message::InvalidUtf8 { count: 3 })
        );
    }
}
