//! Dates in the interface language, written by the browser's `Intl` (see `i18n::intl`),
//! inside `<time datetime="YYYY-MM-DD">` so machines and assistive tools read them exactly.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use worklog::Weekday;

use crate::i18n::intl::{self, DateStyle};
use crate::i18n::{tr, use_lang, Lang, Msg};

/// Short weekday name: `Mon` in English, `Thứ 2` … `CN` in Vietnamese.
pub fn weekday_name(day: Weekday, lang: Lang) -> String {
    intl::weekday(day, lang)
}

/// `Mon, 6 Oct 2025` in English, `Thứ 2, 06/10/2025` in Vietnamese.
pub fn human_date(date: NaiveDate, lang: Lang) -> String {
    intl::format_date(date, DateStyle::Full, lang)
}

/// `6 Oct 2025` / `06/10/2025`: for tables that show the weekday in a column of its own.
pub fn medium_date(date: NaiveDate, lang: Lang) -> String {
    intl::format_date(date, DateStyle::Medium, lang)
}

/// `6 Oct` / `6/10`: compact, for axes and ranges inside one year.
pub fn short_date(date: NaiveDate, lang: Lang) -> String {
    intl::format_date(date, DateStyle::Short, lang)
}

/// The machine form, for `datetime` and `data-*` attributes: always ISO.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date in a `<time>` element, in the interface language (its `lang`, since it may sit in a
/// page's text of the other language).
#[component]
pub fn DateTime(date: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    view! {
        <time datetime=iso(date) lang=move || lang.get().code()>
            {move || human_date(date, lang.get())}
        </time>
    }
}

/// A date in a `<time>` element, without the weekday; the full form is its tooltip. Not
/// reactive: long lists (the task table) render it again when the language changes, and
/// thousands of cells each watching the language would make every re-render quadratic.
pub fn date_medium(date: NaiveDate, lang: Lang) -> impl IntoView {
    view! {
        <time datetime=iso(date) lang=lang.code() title=human_date(date, lang)>
            {medium_date(date, lang)}
        </time>
    }
}

/// `start – end`, or one date when both are the same day.
#[component]
pub fn DateRange(start: Option<NaiveDate>, end: Option<NaiveDate>) -> impl IntoView {
    match (start, end) {
        (Some(s), Some(e)) if s != e => view! {
            <span class="date-range">
                <DateTime date=s /> " – "
                <DateTime date=e />
            </span>
        }
        .into_any(),
        (Some(d), _) | (None, Some(d)) => view! { <DateTime date=d /> }.into_any(),
        (None, None) => view! { <span class="muted">{tr(Msg::NoDates)}</span> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_dates_stay_iso() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 6).unwrap_or_default();
        assert_eq!(iso(d), "2025-10-06");
        // Outside the browser `Intl` is absent: the fallback keeps the weekday by language.
        assert!(human_date(d, Lang::En).starts_with("Mon"));
        assert!(human_date(d, Lang::Vi).starts_with("Thứ 2"));
    }
}
