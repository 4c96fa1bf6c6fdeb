//! Pass 2: the front matter (`---` YAML or `+++` TOML) at the top of a page.
//!
//! Only a delimiter at the very start (after blank lines) opens front matter: a later `---` is
//! a thematic break. Values are read as YAML / TOML read them ([`yaml`], [`toml`]: the few
//! top-level keys this pass needs, without a general YAML/TOML library in the bundle); when the
//! block does not parse (hand-edited pages), a line-based `key: value` reading keeps the page
//! usable and the syntax problem becomes a diagnostic. Junk values
//! (`` date: "`r Sys.Date()`" ``) are reported, never fatal.

mod toml;
mod yaml;

use chrono::NaiveDate;

use crate::message::Message;
use crate::model::Diagnostic;

/// Front matter larger than this is not handed to the YAML/TOML parsers (bounded work on
/// hostile input); the line-based reading still applies.
const MAX_PARSED_BYTES: usize = 64 * 1024;

pub const FRONT_MATTER_SYNTAX: &str = "front-matter-syntax";
pub const UNCLOSED_FRONT_MATTER: &str = "unclosed-front-matter";
pub const INVALID_FRONT_MATTER_DATE: &str = "invalid-front-matter-date";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// A front-matter value with the 1-based line of its key, for diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub value: T,
    pub line: u32,
}

#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub format: Option<Format>,
    pub title: Option<Field<String>>,
    /// The `date` when it is a real calendar date.
    pub date: Option<Field<NaiveDate>>,
    pub weight: Option<Field<i64>>,
    /// Hugo menu prefix such as `" <b> 1.5. </b> "`, as written.
    pub pre: Option<Field<String>>,
    /// Byte offset of the first body byte in the decoded text.
    pub body_offset: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Raw scalar values of the keys the parser cares about, before interpretation.
#[derive(Default)]
struct RawValues {
    title: Option<String>,
    date: Option<String>,
    weight: Option<String>,
    pre: Option<String>,
}

/// Read the front matter at the start of `text` (already decoded: no BOM, `\n` endings).
pub fn parse(text: &str) -> FrontMatter {
    let mut out = FrontMatter::default();
    // Skip leading blank lines; remember where the delimiter line starts.
    let mut offset = 0;
    let mut line_no = 1u32;
    let mut lines = text.split_inclusive('\n');
    let opening = loop {
        match lines.next() {
            Some(line) if line.trim().is_empty() => {
                offset += line.len();
                line_no += 1;
            }
            Some(line) => break Some(line),
            None => break None,
        }
    };
    let Some(opening) = opening else {
        return out;
    };
    let format = match opening.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return out,
    };
    let delimiter = opening.trim_end();
    let block_start = offset + opening.len();
    let first_line = line_no + 1;

    // Find the closing delimiter (`...` also closes YAML).
    let mut cursor = block_start;
    let mut close = None;
    for line in lines {
        let trimmed = line.trim_end();
        if trimmed == delimiter || (format == Format::Yaml && trimmed == "...") {
            close = Some((cursor, cursor + line.len()));
            break;
        }
        cursor += line.len();
    }
    let block = &text[block_start..close.map_or(text.len(), |(start, _)| start)];
    if !looks_like_front_matter(block, format) {
        // `---` followed by prose is a thematic break, not metadata.
        return out;
    }
    let Some((_, body_offset)) = close else {
        out.diagnostics.push(
            Message::UnclosedFrontMatter {
                delimiter: delimiter.to_string(),
                line: line_no,
            }
            .error(Some(line_no)),
        );
        // Read the leading `key: value` lines only (the rest is the body, which would not
        // parse as YAML), and keep the whole rest as body so no content is lost.
        let separator = if format == Format::Yaml { ':' } else { '=' };
        let keys_len: usize = block
            .split_inclusive('\n')
            .take_while(|l| split_key(l.trim(), separator).is_some())
            .map(str::len)
            .sum();
        let raw = line_values(&block[..keys_len], format);
        apply(raw, block, format, first_line, &mut out);
        out.format = Some(format);
        out.body_offset = block_start;
        return out;
    };
    out.format = Some(format);
    out.body_offset = body_offset;
    read_block(block, format, first_line, &mut out);
    out
}

/// The first meaningful line of a front-matter block is a `key: value` (YAML) or
/// `key = value` / `[table]` (TOML) line.
fn looks_like_front_matter(block: &str, format: Format) -> bool {
    let Some(first) = block
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
    else {
        // An empty block (`---\n---`) is valid, empty front matter.
        return true;
    };
    match format {
        Format::Yaml => split_key(first, ':').is_some(),
        Format::Toml => split_key(first, '=').is_some() || first.starts_with('['),
    }
}

/// `key <sep> value` with a plausible key (letters, digits, `_`, `-`), spaces allowed before
/// the separator (`title : "x"` occurs in real pages). The key may be quoted, as YAML and TOML
/// both allow (`'title': x`, `"date" = 2025-09-15`); it is returned without its quotes.
/// (Public for the oracle test, which shares this pre-check and lets the libraries judge the
/// values.)
pub fn split_key(line: &str, separator: char) -> Option<(&str, &str)> {
    let (key, value) = match line.strip_prefix(['"', '\'']) {
        Some(rest) => {
            let quote = line.as_bytes()[0] as char;
            let (key, after) = rest.split_once(quote)?;
            let value = after.trim_start().strip_prefix(separator)?;
            (key, value)
        }
        None => line.split_once(separator)?,
    };
    let key = key.trim();
    let plausible = !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
        && key
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_');
    plausible.then_some((key, value.trim()))
}

fn read_block(block: &str, format: Format, first_line: u32, out: &mut FrontMatter) {
    let raw = if block.len() > MAX_PARSED_BYTES {
        out.diagnostics
            .push(Message::FrontMatterTooLarge {}.warning(Some(first_line)));
        line_values(block, format)
    } else {
        match format {
            Format::Yaml => read_yaml(block, first_line, &mut out.diagnostics),
            Format::Toml => read_toml(block, first_line, &mut out.diagnostics),
        }
        .unwrap_or_else(|| line_values(block, format))
    };
    apply(raw, block, format, first_line, out);
}

/// Interpret the raw values of the keys the parser uses.
fn apply(raw: RawValues, block: &str, format: Format, first_line: u32, out: &mut FrontMatter) {
    let key_lines = key_lines(block, format, first_line);
    let line_of = |key: &str| {
        key_lines
            .iter()
            .find(|(k, _)| k == key)
            .map_or(first_line, |(_, l)| *l)
    };

    if let Some(title) = raw.title.filter(|t| !t.trim().is_empty()) {
        out.title = Some(Field {
            value: title.trim().to_string(),
            line: line_of("title"),
        });
    }
    if let Some(pre) = raw.pre {
        out.pre = Some(Field {
            value: pre,
            line: line_of("pre"),
        });
    }
    if let Some(weight) = raw.weight {
        let line = line_of("weight");
        match parse_weight(&weight) {
            Some(value) => out.weight = Some(Field { value, line }),
            None => out
                .diagnostics
                .push(Message::FrontMatterWeight { weight }.info(Some(line))),
        }
    }
    if let Some(date) = raw.date {
        let line = line_of("date");
        let shown = date.trim();
        match parse_date(shown) {
            Some(value) => out.date = Some(Field { value, line }),
            None if shown.is_empty() => {}
            None => out.diagnostics.push(
                if shown.contains("Sys.Date") {
                    Message::RMarkdownFrontMatterDate {
                        date: shown.to_string(),
                    }
                } else {
                    Message::InvalidFrontMatterDate {
                        date: shown.to_string(),
                    }
                }
                .warning(Some(line)),
            ),
        }
    }
}

/// First line of each top-level key, lower-cased.
fn key_lines(block: &str, format: Format, first_line: u32) -> Vec<(String, u32)> {
    let separator = if format == Format::Yaml { ':' } else { '=' };
    let mut out: Vec<(String, u32)> = Vec::new();
    for (i, line) in block.lines().enumerate() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        if let Some((key, _)) = split_key(line, separator) {
            let key = key.to_lowercase();
            if !out.iter().any(|(k, _)| *k == key) {
                out.push((key, first_line + i as u32));
            }
        }
    }
    out
}

fn read_yaml(block: &str, first_line: u32, diagnostics: &mut Vec<Diagnostic>) -> Option<RawValues> {
    let entries = match yaml::read(block) {
        yaml::Read::Entries(entries) => entries,
        yaml::Read::Error(line, problem) => {
            diagnostics.push(
                Message::FrontMatterYaml {
                    problem: problem.to_string(),
                }
                .warning(Some(first_line + line as u32)),
            );
            return None;
        }
        yaml::Read::Unsupported(what) => {
            diagnostics.push(
                Message::FrontMatterYamlUnsupported { feature: what }.warning(Some(first_line)),
            );
            return None;
        }
    };
    let mut raw = RawValues::default();
    for (key, value) in entries {
        assign(&mut raw, &key.trim().to_lowercase(), value);
    }
    Some(raw)
}

fn read_toml(block: &str, first_line: u32, diagnostics: &mut Vec<Diagnostic>) -> Option<RawValues> {
    let entries = match toml::read(block) {
        Ok(entries) => entries,
        Err((line, problem)) => {
            diagnostics.push(
                Message::FrontMatterToml {
                    problem: problem.to_string(),
                }
                .warning(Some(first_line + line as u32)),
            );
            return None;
        }
    };
    let mut raw = RawValues::default();
    for (key, value) in entries {
        assign(&mut raw, &key.to_lowercase(), value);
    }
    Some(raw)
}

fn assign(raw: &mut RawValues, key: &str, value: Option<String>) {
    let slot = match key {
        "title" => &mut raw.title,
        "date" => &mut raw.date,
        "weight" => &mut raw.weight,
        "pre" => &mut raw.pre,
        _ => return,
    };
    if slot.is_none() {
        *slot = value;
    }
}

/// The fallback reading: top-level `key: value` lines, quotes removed.
fn line_values(block: &str, format: Format) -> RawValues {
    let separator = if format == Format::Yaml { ':' } else { '=' };
    let mut raw = RawValues::default();
    for line in block.lines() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        if let Some((key, value)) = split_key(line, separator) {
            assign(
                &mut raw,
                &key.to_lowercase(),
                Some(unquote(value).to_string()),
            );
        }
    }
    raw
}

fn unquote(value: &str) -> &str {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

fn parse_weight(text: &str) -> Option<i64> {
    let text = unquote(text);
    text.parse::<i64>().ok().or_else(|| {
        super::scalars::parse_f64(text)
            .filter(|f| f.is_finite())
            .map(|f| f as i64)
    })
}

/// `YYYY-MM-DD`, optionally followed by a time (`T10:00:00+07:00` or ` 10:00`).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = unquote(text).trim();
    let head = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    super::scalars::parse_ymd(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_with_space_before_colon_and_blank_lines() {
        let fm =
            parse("\n\n---\ntitle : \"Tuần 3\"\ndate :  \"2025-09-22\"\nweight: 3\n---\nbody\n");
        assert_eq!(fm.format, Some(Format::Yaml));
        assert_eq!(fm.title.as_ref().map(|t| t.value.as_str()), Some("Tuần 3"));
        assert_eq!(fm.title.as_ref().map(|t| t.line), Some(4));
        assert_eq!(
            fm.date.map(|d| d.value),
            NaiveDate::from_ymd_opt(2025, 9, 22)
        );
        assert_eq!(fm.weight.map(|w| w.value), Some(3));
        assert!(fm.diagnostics.is_empty(), "{:?}", fm.diagnostics);
    }

    #[test]
    fn toml_with_table() {
        let fm = parse("+++\ntitle = \"Week 3\"\nweight = 3\ndate = 2025-09-22\n[params]\ncollapsibleMenu = true\n+++\n# x\n");
        assert_eq!(fm.format, Some(Format::Toml));
        assert_eq!(fm.weight.map(|w| w.value), Some(3));
        assert_eq!(
            fm.date.map(|d| d.value),
            NaiveDate::from_ymd_opt(2025, 9, 22)
        );
    }

    #[test]
    fn rmarkdown_date_is_reported() {
        let fm = parse("---\ntitle: x\ndate: \"`r Sys.Date()`\"\n---\n");
        assert!(fm.date.is_none());
        assert_eq!(fm.diagnostics[0].code, INVALID_FRONT_MATTER_DATE);
        assert_eq!(fm.diagnostics[0].line, Some(3));
    }

    #[test]
    fn thematic_break_is_not_front_matter() {
        let fm = parse("# Week 3\n\n---\n\ntext\n");
        assert_eq!(fm.format, None);
        let fm = parse("---\n\n## Heading\n\ntext\n---\n");
        assert_eq!(fm.format, None);
        assert_eq!(fm.body_offset, 0);
    }

    #[test]
    fn broken_yaml_falls_back_to_lines() {
        let fm = parse("---\ntitle: Week 1: Intro: more\nweight: 1\n---\n");
        assert_eq!(
            fm.title.as_ref().map(|t| t.value.as_str()),
            Some("Week 1: Intro: more")
        );
        assert_eq!(fm.weight.map(|w| w.value), Some(1));
    }

    #[test]
    fn unclosed_is_error() {
        let fm = parse("---\ntitle: x\n");
        assert_eq!(fm.diagnostics[0].code, UNCLOSED_FRONT_MATTER);
    }
}
