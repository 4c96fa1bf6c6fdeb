//! Numbers and ISO dates read by hand, as `str::parse::<f64>` and
//! `NaiveDate::parse_from_str(_, "%Y-%m-%d")` read them, so that neither core's float parser
//! (its tables are ~30 KB of wasm) nor chrono's format-string machinery is in the app's bundle.
//! `tests/scalars.rs` checks both against the library readings.

use chrono::NaiveDate;

/// Powers of ten that are exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number written as Rust reads an `f64` (`1`, `-2.5`, `.5`, `3.`, `1e3`, `inf`, `NaN`):
/// `None` where `str::parse::<f64>` fails. The value is the correctly rounded one whenever
/// the significant digits fit 2^53 and the exponent is within ±22 (every weight and TOML
/// float a page holds); beyond that it can be one unit in the last place away.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    for (word, value) in [
        ("inf", f64::INFINITY),
        ("infinity", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if body.eq_ignore_ascii_case(word) {
            return Some(sign * value);
        }
    }
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut digit = |d: u8, fraction: bool| {
        if mantissa <= (u64::MAX - 9) / 10 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
            if fraction {
                exponent -= 1;
            }
        } else if !fraction {
            // Digits past what a u64 holds count as a power of ten.
            exponent += 1;
        }
    };
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        digit(bytes[i], false);
        digits += 1;
        i += 1;
    }
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digit(bytes[i], true);
            digits += 1;
            i += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        let negative_exp = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            e = (e * 10 + i64::from(bytes[i] - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if negative_exp { -e } else { e };
    }
    if i != bytes.len() {
        return None;
    }
    if mantissa == 0 {
        return Some(sign * 0.0);
    }
    let mut value = mantissa as f64;
    if exponent >= 0 {
        let mut e = exponent;
        while e > 22 && value.is_finite() {
            value *= 1e22;
            e -= 22;
        }
        value *= POW10[e.min(22) as usize];
    } else {
        let mut e = -exponent;
        while e > 22 && value != 0.0 {
            value /= 1e22;
            e -= 22;
        }
        value /= POW10[e.min(22) as usize];
    }
    Some(sign * value)
}

/// A date as `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads it: a year of 1 to 4 digits
/// (or any number of digits after a `+` or `-`), `-`, a month of 1 or 2 digits, `-`, a day of
/// 1 or 2 digits, nothing else; whitespace is allowed before each number.
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    fn number(s: &str, max: usize) -> Option<(i64, &str)> {
        let s = s.trim_start();
        let len = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        let mut n: i64 = 0;
        for b in s[..len].bytes() {
            n = n.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some((n, &s[len..]))
    }
    let text = text.trim_start();
    // A signed year's digits follow its sign directly (`- 0-1-1` is not a date), as chrono reads it.
    if matches!(text.as_bytes().first(), Some(b'+' | b'-'))
        && !text.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let (year, rest) = match text.as_bytes().first()? {
        b'+' => number(&text[1..], usize::MAX)?,
        b'-' => {
            let (y, rest) = number(&text[1..], usize::MAX)?;
            (-y, rest)
        }
        _ => number(text, 4)?,
    };
    let (month, rest) = number(rest.strip_prefix('-')?, 2)?;
    let (day, rest) = number(rest.strip_prefix('-')?, 2)?;
    if !rest.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )
}
