//! Dates as the browser's `Intl` writes them for the interface language, and counts grouped
//! as `Intl` groups them.
//!
//! Locales: `vi-VN` for Vietnamese, `en-GB` for English. English is British on purpose: day
//! before month (`Mon, 6 Oct 2025`), as the worklogs write their dates and as Vietnamese does,
//! so no date on screen ever reads month-first (the very ambiguity the parser has to resolve
//! in `ambiguous-date-order`), and switching language never reorders a date.
//!
//! Vietnamese dates are numeric (`Thứ 2, 06/10/2025`), as Vietnamese pages and forms write them;
//! English ones name the month. `Intl` chooses the words, separators and the order.
//! (Chromium's `vi-VN` writes a two-digit day and month without a year as `06-10`, so the short
//! form asks for plain numbers, `6/10`.)
//!
//! Formatters are built once per language and style; formatted dates are remembered (a
//! collection has a few hundred distinct dates, a timeline of 20,000 bars asks for each many
//! times). Outside the browser (native unit tests) dates are ISO, so pure functions that
//! format stay testable.
//!
//! Counts are grouped here, not by `Intl.NumberFormat`: for whole numbers `en-GB` and `vi-VN`
//! only put `,` / `.` between groups of three digits, and the first `NumberFormat` a page
//! builds costs ~26 ms of locale data, a long task at start-up (the progress line's first
//! count).

use chrono::NaiveDate;
use worklog::Weekday;

use super::Lang;

/// The BCP 47 locale of a language for `Intl`.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-GB",
        Lang::Vi => "vi-VN",
    }
}

/// How much of a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// Weekday and full date: `Mon, 6 Oct 2025` / `Thứ 2, 06/10/2025`.
    Full,
    /// Full date without the weekday: `6 Oct 2025` / `06/10/2025`.
    Medium,
    /// Day and month: `6 Oct` / `6/10` (axes, ranges inside one year).
    Short,
    /// The weekday alone, short: `Mon` / `Thứ 2`.
    Weekday,
}

/// Build `lang`'s date formatters now. The first `Intl` formatter of a page loads the locale
/// data (~26 ms); called in a task of its own at start-up, while the pages are still on their
/// way, that cost is not added to the task that draws the first rows.
pub fn warm_up(lang: Lang) {
    imp::warm_up(lang)
}

/// `date` written in `lang`.
pub fn format_date(date: NaiveDate, style: DateStyle, lang: Lang) -> String {
    imp::format_date(date, style, lang)
}

/// The short name of a weekday in `lang` (`Mon`, `Thứ 2`).
pub fn weekday(day: Weekday, lang: Lang) -> String {
    // 2024-01-01 is a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let date = monday + chrono::Duration::days(day as i64);
    format_date(date, DateStyle::Weekday, lang)
}

/// A count written in `lang`: `1,234` / `1.234`, as `Intl.NumberFormat` writes it.
pub fn num(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use chrono::{Datelike, NaiveDate};
    use js_sys::Intl::{
        DateTimeFormat, DateTimeFormatOptions, DayFormat, MonthFormat, WeekdayFormat, YearFormat,
    };
    use js_sys::{Array, Date, Function, Object};
    use wasm_bindgen::JsValue;

    use super::{locale, DateStyle, Lang};

    thread_local! {
        static DATE_FORMATS: RefCell<HashMap<(Lang, DateStyle), Function>> = RefCell::new(HashMap::new());
        static DATES: RefCell<HashMap<(Lang, DateStyle, NaiveDate), String>> = RefCell::new(HashMap::new());
    }

    fn options(style: DateStyle, lang: Lang) -> DateTimeFormatOptions {
        let o = DateTimeFormatOptions::new();
        // Dates are calendar days: formatted at UTC midnight, in UTC, so no time zone moves them.
        o.set_time_zone("UTC");
        let numeric = lang == Lang::Vi;
        let (day, month) = if numeric {
            (DayFormat::TwoDigit, MonthFormat::TwoDigit)
        } else {
            (DayFormat::Numeric, MonthFormat::Short)
        };
        match style {
            DateStyle::Full => {
                o.set_weekday(WeekdayFormat::Short);
                o.set_day(day);
                o.set_month(month);
                o.set_year(YearFormat::Numeric);
            }
            DateStyle::Medium => {
                o.set_day(day);
                o.set_month(month);
                o.set_year(YearFormat::Numeric);
            }
            DateStyle::Short if numeric => {
                o.set_day(DayFormat::Numeric);
                o.set_month(MonthFormat::Numeric);
            }
            DateStyle::Short => {
                o.set_day(day);
                o.set_month(month);
            }
            DateStyle::Weekday => o.set_weekday(WeekdayFormat::Short),
        }
        o
    }

    fn locales(lang: Lang) -> Array {
        Array::of1(&JsValue::from_str(locale(lang)))
    }

    fn formatter(style: DateStyle, lang: Lang) -> Function {
        DATE_FORMATS.with(|f| {
            f.borrow_mut()
                .entry((lang, style))
                .or_insert_with(|| {
                    let options: &Object = &options(style, lang);
                    DateTimeFormat::new(&locales(lang), options).format()
                })
                .clone()
        })
    }

    pub fn warm_up(lang: Lang) {
        for style in [
            DateStyle::Full,
            DateStyle::Medium,
            DateStyle::Short,
            DateStyle::Weekday,
        ] {
            formatter(style, lang);
        }
    }

    pub fn format_date(date: NaiveDate, style: DateStyle, lang: Lang) -> String {
        if let Some(s) = DATES.with(|d| d.borrow().get(&(lang, style, date)).cloned()) {
            return s;
        }
        let format = formatter(style, lang);
        let millis = Date::utc(date.year() as f64, date.month0() as f64)
            + f64::from(date.day() - 1) * 86_400_000.0;
        let js_date = Date::new(&JsValue::from_f64(millis));
        let text = format
            .call1(&JsValue::NULL, &js_date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| date.format("%Y-%m-%d").to_string());
        DATES.with(|d| d.borrow_mut().insert((lang, style, date), text.clone()));
        text
    }
}

/// Outside the browser there is no `Intl`: ISO dates and weekday abbreviations, for the unit
/// tests of pure functions that format.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use chrono::{Datelike, NaiveDate};

    use super::{DateStyle, Lang};

    pub fn warm_up(_: Lang) {}

    pub fn format_date(date: NaiveDate, style: DateStyle, lang: Lang) -> String {
        let i = date.weekday().num_days_from_monday() as usize;
        let weekday = match lang {
            Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
            Lang::Vi => ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"][i],
        };
        match style {
            DateStyle::Full => format!("{weekday}, {}", date.format("%Y-%m-%d")),
            DateStyle::Medium => date.format("%Y-%m-%d").to_string(),
            DateStyle::Short => date.format("%m-%d").to_string(),
            DateStyle::Weekday => weekday.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_language() {
        assert_eq!(num(7, Lang::En), "7");
        assert_eq!(num(1234, Lang::En), "1,234");
        assert_eq!(num(20000, Lang::Vi), "20.000");
        assert_eq!(num(1234567, Lang::Vi), "1.234.567");
    }

    #[test]
    fn weekdays_by_language() {
        assert_eq!(weekday(Weekday::Mon, Lang::En), "Mon");
        assert_eq!(weekday(Weekday::Sun, Lang::Vi), "CN");
    }
}
