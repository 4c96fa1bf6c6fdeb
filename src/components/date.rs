//! Dates as people of the page's language read them, inside `<time datetime="YYYY-MM-DD">`
//! so machines and assistive tools read them exactly.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use worklog::{Language, Weekday};

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Short weekday name: `Mon` in English, `T2` (thứ hai) … `CN` in Vietnamese.
pub fn weekday_name(day: Weekday, lang: Option<Language>) -> &'static str {
    let i = day as usize;
    match lang {
        Some(Language::Vi) => ["T2", "T3", "T4", "T5", "T6", "T7", "CN"][i],
        _ => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// `Mon, Oct 6, 2025` in English, `T2, 06/10/2025` in Vietnamese.
pub fn human_date(date: NaiveDate, lang: Option<Language>) -> String {
    let weekday = weekday_name(date.weekday().into(), lang);
    match lang {
        Some(Language::Vi) => format!(
            "{weekday}, {:02}/{:02}/{}",
            date.day(),
            date.month(),
            date.year()
        ),
        _ => format!(
            "{weekday}, {} {}, {}",
            EN_MONTHS[date.month0() as usize],
            date.day(),
            date.year()
        ),
    }
}

/// `Oct 6, 2025` / `06/10/2025`: for tables that show the weekday in a column of its own.
pub fn medium_date(date: NaiveDate, lang: Option<Language>) -> String {
    match lang {
        Some(Language::Vi) => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        _ => format!(
            "{} {}, {}",
            EN_MONTHS[date.month0() as usize],
            date.day(),
            date.year()
        ),
    }
}

/// `Oct 6` / `06/10`: compact, for axes and ranges inside one year.
pub fn short_date(date: NaiveDate, lang: Option<Language>) -> String {
    match lang {
        Some(Language::Vi) => format!("{:02}/{:02}", date.day(), date.month()),
        _ => format!("{} {}", EN_MONTHS[date.month0() as usize], date.day()),
    }
}

pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date in a `<time>` element.
#[component]
pub fn DateTime(date: NaiveDate, lang: Option<Language>) -> impl IntoView {
    view! { <time datetime=iso(date)>{human_date(date, lang)}</time> }
}

/// A date in a `<time>` element, without the weekday; the full form is its tooltip.
#[component]
pub fn DateMedium(date: NaiveDate, lang: Option<Language>) -> impl IntoView {
    view! { <time datetime=iso(date) title=human_date(date, lang)>{medium_date(date, lang)}</time> }
}

/// `start – end`, or one date when both are the same day.
#[component]
pub fn DateRange(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    lang: Option<Language>,
) -> impl IntoView {
    match (start, end) {
        (Some(s), Some(e)) if s != e => view! {
            <span class="date-range">
                <DateTime date=s lang=lang /> " – "
                <DateTime date=e lang=lang />
            </span>
        }
        .into_any(),
        (Some(d), _) | (None, Some(d)) => view! { <DateTime date=d lang=lang /> }.into_any(),
        (None, None) => view! { <span class="muted">"no dates"</span> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_language() {
        let d = NaiveDate::from_ymd_opt(2025, 10, 6).unwrap_or_default();
        assert_eq!(human_date(d, Some(Language::En)), "Mon, Oct 6, 2025");
        assert_eq!(human_date(d, Some(Language::Vi)), "T2, 06/10/2025");
    }
}
