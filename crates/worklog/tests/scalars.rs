//! `parse::scalars` reads numbers and dates exactly as the libraries it keeps out of the
//! bundle: `str::parse::<f64>` (bit for bit within its documented exact range, the same
//! accept/reject everywhere) and `NaiveDate::parse_from_str(_, "%Y-%m-%d")`, and
//! `NaiveDate::to_string` writes what `format("%Y-%m-%d")` wrote.

use chrono::NaiveDate;
use proptest::prelude::*;
use worklog::parse::scalars::{parse_f64, parse_ymd};

fn same_f64(text: &str) -> Result<(), TestCaseError> {
    let expected = text.parse::<f64>().ok();
    let actual = parse_f64(text);
    prop_assert_eq!(
        expected.map(f64::to_bits).or(expected.map(|_| 0)),
        actual.map(f64::to_bits).or(actual.map(|_| 0)),
        "{:?}: {:?} vs {:?}",
        text,
        expected,
        actual
    );
    Ok(())
}

#[test]
fn numbers_as_written_in_pages() {
    for text in [
        "0",
        "-0",
        "+0",
        "1",
        "13",
        "007",
        "1.5",
        "-2.5",
        ".5",
        "3.",
        "1e3",
        "1E-2",
        "2.5e+1",
        "inf",
        "-inf",
        "+Infinity",
        "NaN",
        "nan",
        "1_000",
        "",
        "-",
        ".",
        "e5",
        "1e",
        "1.2.3",
        "0x10",
        " 1",
        "1 ",
        "3.14",
        "0.1",
        "0.2",
        "0.3",
        "123456789012345",
        "1e22",
        "1e-22",
        "9007199254740992",
        "4.0",
        "99.99",
    ] {
        let expected = text.parse::<f64>().ok();
        let actual = parse_f64(text);
        assert_eq!(
            expected.map(|f| if f.is_nan() { 0 } else { f.to_bits() }),
            actual.map(|f| if f.is_nan() { 0 } else { f.to_bits() }),
            "{text:?}"
        );
    }
}

#[test]
fn iso_dates() {
    for text in [
        "2025-09-22",
        "2025-9-2",
        "0001-01-01",
        "+2025-09-22",
        "-0001-01-01",
        "2025-02-29",
        "2024-02-29",
        "2025-13-01",
        "2025-09-22 ",
        " 2025-09-22",
        "2025/09/22",
        "20250922",
        "2025-09-222",
        "12345-01-01",
        "2025- 9- 2",
        " +2025-1-1",
        "2025 -09-22",
        "+12345-01-01",
        "2025-09-",
        "2025--09-22",
        "",
        "2025-0x-01",
        // Found by `dates_read_alike`: a space between a year's sign and its digits.
        "- 0-1-1",
        "+ 2025-01-01",
        "-\t5-3-4",
    ] {
        assert_eq!(
            parse_ymd(text),
            NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
            "{text:?}"
        );
    }
    for (y, m, d) in [
        (2025, 9, 22),
        (1, 1, 1),
        (9999, 12, 31),
        (-5, 3, 4),
        (10000, 1, 1),
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(date.to_string(), date.format("%Y-%m-%d").to_string());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// Up to 15 significant digits, the exponent within ±22 of the integer mantissa:
    /// bit-identical.
    #[test]
    fn decimals_are_bit_identical(
        sign in prop::sample::select(vec!["", "-", "+"]),
        int in "[0-9]{0,8}",
        frac in prop::option::of("[0-9]{0,7}"),
        exp in prop::option::of(-15i32..=15),
    ) {
        let mut text = format!("{sign}{int}");
        if let Some(frac) = &frac {
            text.push('.');
            text.push_str(frac);
        }
        if let Some(exp) = exp {
            text.push_str(&format!("e{exp}"));
        }
        same_f64(&text)?;
    }

    /// Anything: accepted and rejected alike.
    #[test]
    fn junk_is_rejected_alike(text in "[0-9.eE+\\-_infaINFAy ]{0,10}") {
        prop_assert_eq!(text.parse::<f64>().is_ok(), parse_f64(&text).is_some(), "{:?}", text);
    }

    #[test]
    fn dates_read_alike(text in "[0-9+\\- T/\t]{0,13}") {
        prop_assert_eq!(
            parse_ymd(&text),
            NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(),
            "{:?}", text
        );
    }

    #[test]
    fn date_shaped_read_alike(y in 0u32..13000, m in 0u32..14, d in 0u32..33, pad in any::<bool>()) {
        let text = if pad { format!("{y:04}-{m:02}-{d:02}") } else { format!("{y}-{m}-{d}") };
        prop_assert_eq!(parse_ymd(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(), "{:?}", text);
    }
}
