//! The TOML (1.0) that `+++` front matter is written in: `key = value` lines, `[table]` and
//! `[[array]]` headers, strings (basic, literal, multi-line), integers, floats, booleans,
//! datetimes, arrays and inline tables, comments. Read the way the `toml` crate read it before
//! (`tests/front_matter.rs` checks both agree), keeping only the root table's scalars, in the
//! key order `toml::Table` gave (sorted).

use chrono::NaiveDate;

/// Root `(key, scalar)` pairs sorted by key, or the 0-based line of a syntax error and the
/// problem.
pub(super) type Read = Result<Vec<(String, Option<String>)>, (usize, &'static str)>;

const INVALID_KEY: &str = "invalid key";
const INVALID_VALUE: &str = "invalid value";
const EXPECTED_NEWLINE: &str = "expected newline, `#`";
const INVALID_STRING: &str = "invalid string";
const INVALID_ESCAPE: &str = "invalid escape sequence";
const DUPLICATE_KEY: &str = "duplicate key";
const INVALID_TABLE: &str = "invalid table header";

pub(super) fn read(block: &str) -> Read {
    let mut parser = Parser {
        text: block,
        pos: 0,
        defined: Vec::new(),
    };
    let mut root: Vec<(String, Option<String>)> = Vec::new();
    let mut table: Option<Vec<String>> = None;
    loop {
        parser.skip_blank_lines()?;
        if parser.pos >= block.len() {
            break;
        }
        if parser.peek() == Some(b'[') {
            let array = parser.text[parser.pos..].starts_with("[[");
            parser.pos += if array { 2 } else { 1 };
            parser.skip_spaces();
            let path = parser.key_path()?;
            let close = if array { "]]" } else { "]" };
            if !parser.rest().starts_with(close) {
                return Err((parser.line(), INVALID_TABLE));
            }
            parser.pos += close.len();
            parser.end_of_line()?;
            let name = path.join("\u{1f}");
            if array {
                // A new element of an array of tables: its keys start afresh.
                let prefix = format!("{name}\u{1f}");
                parser.defined.retain(|d| !d.starts_with(&prefix));
            } else {
                parser.define(format!("[{name}"))?;
            }
            table = Some(path);
            continue;
        }
        let path = parser.key_path()?;
        if parser.peek() != Some(b'=') {
            return Err((parser.line(), EXPECTED_NEWLINE));
        }
        parser.pos += 1;
        parser.skip_spaces();
        let value = parser.value()?;
        parser.end_of_line()?;
        let mut full = table.clone().unwrap_or_default();
        full.extend(path.iter().cloned());
        parser.define(full.join("\u{1f}"))?;
        if table.is_none() && path.len() == 1 {
            root.push((path.into_iter().next().unwrap_or_default(), value));
        }
    }
    root.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(root)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// Every key path defined so far (and `[`-prefixed table headers), for duplicates.
    defined: Vec<String>,
}

type Step<T> = Result<T, (usize, &'static str)>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }
    fn line(&self) -> usize {
        self.text[..self.pos].matches('\n').count()
    }
    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }
    fn skip_comment(&mut self) -> Step<()> {
        if self.peek() == Some(b'#') {
            let end = self
                .rest()
                .find('\n')
                .map_or(self.text.len(), |i| self.pos + i);
            if self.text[self.pos..end]
                .chars()
                .any(|c| (c < ' ' && c != '\t') || c == '\x7f')
            {
                return Err((self.line(), "invalid comment"));
            }
            self.pos = end;
        }
        Ok(())
    }
    fn skip_blank_lines(&mut self) -> Step<()> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if self.rest().starts_with("\r\n") => self.pos += 2,
                _ => return Ok(()),
            }
        }
    }
    /// Spaces, an optional comment, then the end of the line (or of the block).
    fn end_of_line(&mut self) -> Step<()> {
        self.skip_spaces();
        self.skip_comment()?;
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.pos += 1;
                Ok(())
            }
            _ => Err((self.line(), EXPECTED_NEWLINE)),
        }
    }
    fn define(&mut self, path: String) -> Step<()> {
        if self.defined.contains(&path) {
            return Err((self.line().saturating_sub(1), DUPLICATE_KEY));
        }
        self.defined.push(path);
        Ok(())
    }

    /// `a`, `"a b"`, `'a'`, `a.b.c` (spaces around dots allowed).
    fn key_path(&mut self) -> Step<Vec<String>> {
        let mut path = Vec::new();
        loop {
            let key = match self.peek() {
                Some(b'"') => {
                    if self.rest().starts_with("\"\"\"") {
                        return Err((self.line(), INVALID_KEY));
                    }
                    self.basic_string()?
                }
                Some(b'\'') => {
                    if self.rest().starts_with("'''") {
                        return Err((self.line(), INVALID_KEY));
                    }
                    self.literal_string()?
                }
                _ => {
                    let len = self
                        .rest()
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
                        .count();
                    if len == 0 {
                        return Err((self.line(), INVALID_KEY));
                    }
                    let key = self.rest()[..len].to_string();
                    self.pos += len;
                    key
                }
            };
            path.push(key);
            self.skip_spaces();
            if self.peek() == Some(b'.') {
                self.pos += 1;
                self.skip_spaces();
            } else {
                return Ok(path);
            }
        }
    }

    /// A value; `Some(text)` for a scalar as `toml::Value` printed it, `None` for an array or
    /// an inline table.
    fn value(&mut self) -> Step<Option<String>> {
        let rest = self.rest();
        match self.peek() {
            Some(b'"') if rest.starts_with("\"\"\"") => self.multiline(true).map(Some),
            Some(b'\'') if rest.starts_with("'''") => self.multiline(false).map(Some),
            Some(b'"') => self.basic_string().map(Some),
            Some(b'\'') => self.literal_string().map(Some),
            Some(b'[') => {
                self.array()?;
                Ok(None)
            }
            Some(b'{') => {
                self.inline_table()?;
                Ok(None)
            }
            _ => {
                let len = rest
                    .bytes()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.' | b':')
                    })
                    .count();
                // A datetime may have one space between its date and its time.
                let mut token = &rest[..len];
                if token.len() == 10 && rest[len..].starts_with(' ') {
                    let time_len = rest[len + 1..]
                        .bytes()
                        .take_while(|b| {
                            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.' | b':')
                        })
                        .count();
                    if time_len > 0 && datetime(&rest[..len + 1 + time_len]).is_some() {
                        token = &rest[..len + 1 + time_len];
                    }
                }
                let line = self.line();
                let text = scalar(token).ok_or((line, INVALID_VALUE))?;
                self.pos += token.len();
                Ok(Some(text))
            }
        }
    }

    fn basic_string(&mut self) -> Step<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err((self.line(), INVALID_STRING));
            };
            self.pos += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => out.push(self.escape()?),
                '\n' => return Err((self.line().saturating_sub(1), INVALID_STRING)),
                c if (c < ' ' && c != '\t') || c == '\x7f' => {
                    return Err((self.line(), INVALID_STRING))
                }
                c => out.push(c),
            }
        }
    }

    fn escape(&mut self) -> Step<char> {
        let line = self.line();
        let Some(e) = self.peek() else {
            return Err((line, INVALID_ESCAPE));
        };
        self.pos += 1;
        Ok(match e {
            b'b' => '\x08',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\x0c',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' | b'U' => {
                let len = if e == b'u' { 4 } else { 8 };
                let code = self
                    .rest()
                    .get(..len)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .ok_or((line, INVALID_ESCAPE))?;
                self.pos += len;
                code
            }
            _ => return Err((line, INVALID_ESCAPE)),
        })
    }

    fn literal_string(&mut self) -> Step<String> {
        self.pos += 1;
        let line = self.line();
        let end = self
            .rest()
            .find(['\'', '\n'])
            .ok_or((line, INVALID_STRING))?;
        if self.rest().as_bytes()[end] != b'\'' {
            return Err((line, INVALID_STRING));
        }
        let out = &self.rest()[..end];
        if out.chars().any(|c| (c < ' ' && c != '\t') || c == '\x7f') {
            return Err((line, INVALID_STRING));
        }
        self.pos += end + 1;
        Ok(out.to_string())
    }

    /// `"""…"""` (escapes, `\` at a line end trims the break and the next whitespace) or
    /// `'''…'''`; a first line break right after the opening quotes is dropped.
    fn multiline(&mut self, basic: bool) -> Step<String> {
        let quote = if basic { '"' } else { '\'' };
        let delimiter = if basic { "\"\"\"" } else { "'''" };
        self.pos += 3;
        if self.rest().starts_with('\n') {
            self.pos += 1;
        }
        let mut out = String::new();
        loop {
            if self.rest().starts_with(delimiter) {
                // Up to two more quotes belong to the content.
                let extra = self.rest()[3..]
                    .bytes()
                    .take_while(|&b| b == quote as u8)
                    .count();
                if extra > 2 {
                    return Err((self.line(), INVALID_STRING));
                }
                out.extend(std::iter::repeat_n(quote, extra));
                self.pos += 3 + extra;
                return Ok(out);
            }
            let Some(c) = self.rest().chars().next() else {
                return Err((self.line(), INVALID_STRING));
            };
            self.pos += c.len_utf8();
            match c {
                '\\' if basic => {
                    let after = self.rest();
                    let ws = after
                        .bytes()
                        .take_while(|b| matches!(b, b' ' | b'\t'))
                        .count();
                    if after[ws..].starts_with('\n') {
                        // Line-ending backslash: skip all whitespace and breaks.
                        let skip = after
                            .bytes()
                            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n'))
                            .count();
                        self.pos += skip;
                    } else {
                        out.push(self.escape()?);
                    }
                }
                c if (c < ' ' && c != '\t' && c != '\n') || c == '\x7f' => {
                    return Err((self.line(), INVALID_STRING))
                }
                c => out.push(c),
            }
        }
    }

    /// `[ v, v, ]` over any number of lines, comments allowed between values.
    fn array(&mut self) -> Step<()> {
        self.pos += 1;
        loop {
            self.skip_blank_lines()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(());
            }
            self.value()?;
            self.skip_blank_lines()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err((self.line(), INVALID_VALUE)),
            }
        }
    }

    /// `{ k = v, k = v }` on one line.
    fn inline_table(&mut self) -> Step<()> {
        self.pos += 1;
        self.skip_spaces();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        let mut keys: Vec<Vec<String>> = Vec::new();
        loop {
            self.skip_spaces();
            let key = self.key_path()?;
            if keys.contains(&key) {
                return Err((self.line(), DUPLICATE_KEY));
            }
            keys.push(key);
            if self.peek() != Some(b'=') {
                return Err((self.line(), INVALID_VALUE));
            }
            self.pos += 1;
            self.skip_spaces();
            self.value()?;
            self.skip_spaces();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err((self.line(), INVALID_VALUE)),
            }
        }
    }
}

/// A bare scalar (boolean, integer, float, datetime) as `toml::Value`'s `to_string` wrote it.
fn scalar(token: &str) -> Option<String> {
    match token {
        "true" | "false" => return Some(token.to_string()),
        "inf" | "+inf" => return Some("inf".into()),
        "-inf" => return Some("-inf".into()),
        "nan" | "+nan" | "-nan" => return Some("NaN".into()),
        _ => {}
    }
    if let Some(text) = datetime(token) {
        return Some(text);
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = token.strip_prefix(prefix) {
            let clean = underscores(digits, |b| (b as char).is_digit(radix))?;
            return i64::from_str_radix(&clean, radix)
                .ok()
                .map(|i| i.to_string());
        }
    }
    let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
    let int_len = unsigned
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'_')
        .count();
    let int_part = &unsigned[..int_len];
    let int_clean = underscores(int_part, |b| b.is_ascii_digit())?;
    if int_clean.len() > 1 && int_clean.starts_with('0') {
        return None;
    }
    let tail = &unsigned[int_len..];
    if tail.is_empty() {
        let sign = if token.starts_with('-') { "-" } else { "" };
        return format!("{sign}{int_clean}")
            .parse::<i64>()
            .ok()
            .map(|i| i.to_string());
    }
    // A float: `.digits`, then an optional exponent; or directly an exponent.
    let mut rest = tail;
    let mut clean = String::from(if token.starts_with('-') { "-" } else { "" });
    clean.push_str(&int_clean);
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'_')
            .count();
        clean.push('.');
        clean.push_str(&underscores(&frac[..len], |b| b.is_ascii_digit())?);
        rest = &frac[len..];
    }
    if let Some(exp) = rest.strip_prefix(['e', 'E']) {
        let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        clean.push('e');
        if exp.starts_with('-') {
            clean.push('-');
        }
        clean.push_str(&underscores(digits, |b| b.is_ascii_digit())?);
        rest = "";
    }
    if !rest.is_empty() {
        return None;
    }
    crate::parse::scalars::parse_f64(&clean).map(|f| f.to_string())
}

/// Digits with single `_` between them, without the underscores.
fn underscores(text: &str, digit: impl Fn(u8) -> bool) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !digit(bytes[0]) || !digit(bytes[bytes.len() - 1]) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            if !digit(bytes[i - 1]) || !digit(bytes[i + 1]) {
                return None;
            }
        } else if digit(b) {
            out.push(b as char);
        } else {
            return None;
        }
    }
    Some(out)
}

/// `YYYY-MM-DD`, `YYYY-MM-DD[T t ]HH:MM:SS[.frac][Z z ±HH:MM]` or `HH:MM:SS[.frac]`, printed
/// the way `toml_datetime` prints it (`T`, `Z`, fraction without trailing zeros).
fn datetime(token: &str) -> Option<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str, len: usize| {
        (s.len() == len && digits(s))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let time = |s: &str| -> Option<String> {
        let (hms, frac) = match s.split_once('.') {
            Some((hms, frac)) if !frac.is_empty() && digits(frac) => (hms, Some(frac)),
            Some(_) => return None,
            None => (s, None),
        };
        let mut parts = hms.split(':');
        let h = number(parts.next()?, 2)?;
        let m = number(parts.next()?, 2)?;
        let sec = number(parts.next()?, 2)?;
        if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
            return None;
        }
        let mut out = format!("{h:02}:{m:02}:{sec:02}");
        if let Some(frac) = frac {
            let nanos = &frac[..frac.len().min(9)];
            let nanos = nanos.trim_end_matches('0');
            if !nanos.is_empty() {
                out.push('.');
                out.push_str(nanos);
            }
        }
        Some(out)
    };
    if token.len() >= 8 && token.as_bytes()[2] == b':' {
        return time(token);
    }
    let date = token.get(..10)?;
    let year = number(date.get(..4)?, 4)?;
    let month = number(date.get(5..7)?, 2)?;
    let day = number(date.get(8..10)?, 2)?;
    if &date[4..5] != "-" || &date[7..8] != "-" {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let rest = &token[10..];
    if rest.is_empty() {
        return Some(date.to_string());
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, offset) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, Some("Z".to_string()))
    } else if rest.len() > 6 && matches!(rest.as_bytes()[rest.len() - 6], b'+' | b'-') {
        let (clock, offset) = rest.split_at(rest.len() - 6);
        let oh = number(&offset[1..3], 2)?;
        let om = number(&offset[4..6], 2)?;
        if &offset[3..4] != ":" || oh > 23 || om > 59 {
            return None;
        }
        // `-00:00` prints as `+00:00`.
        let sign = if oh == 0 && om == 0 {
            "+"
        } else {
            &offset[..1]
        };
        (clock, Some(format!("{sign}{oh:02}:{om:02}")))
    } else {
        (rest, None)
    };
    let mut out = format!("{date}T{}", time(clock)?);
    if let Some(offset) = offset {
        out.push_str(&offset);
    }
    Some(out)
}
