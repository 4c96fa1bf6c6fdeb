//! The YAML that front matter is written in: a block mapping of `key: value` lines, values
//! plain, quoted (`"…"` with escapes, `'…'`), block scalars (`|`, `>`), flow (`[a, b]`,
//! `{a: 1}`) or nested block collections, comments anywhere. Read the way a YAML 1.2 parser
//! reads it (the page's front matter was read with `yaml-rust2` before; `tests/front_matter.rs`
//! checks both readings agree on the corpus and on every shape below), without building the
//! nested values: only the top-level scalars are kept.
//!
//! Anchors, aliases, tags, directives and complex (`?`) keys are not read: such a block is
//! reported as [`Read::Unsupported`] and the caller falls back to its line reading.

use crate::message::YamlFeature;

/// The outcome of reading a block.
pub(super) enum Read {
    /// Top-level `(key, scalar)` pairs in order; `None` for null, nested or flow values.
    /// Empty when the document is not a mapping.
    Entries(Vec<(String, Option<String>)>),
    /// Not valid YAML: 0-based line in the block and the problem.
    Error(usize, &'static str),
    /// Valid or not, it uses YAML this reader does not handle (named).
    Unsupported(YamlFeature),
}

pub(super) const MAPPING_VALUES: &str = "mapping values are not allowed in this context";
const AT_SIGN: &str = "unexpected character: `@'";
const BACKTICK: &str = "unexpected character: ``'";
const TAB_IN_PLAIN: &str = "while scanning a plain scalar, found a tab";
const TAB_INDENT: &str = "tab cannot be used as indentation";
const TRAILING_QUOTED: &str = "invalid trailing content after double-quoted scalar";
const NO_KEY: &str = "did not find expected key";
const UNCLOSED_QUOTE: &str = "while scanning a quoted scalar, found unexpected end of stream";
const UNCLOSED_SEQUENCE: &str = "while parsing a flow sequence, expected ',' or ']'";
const UNCLOSED_MAPPING: &str = "while parsing a flow mapping, did not find expected ',' or '}'";
const BAD_INDENT: &str = "while parsing a block mapping, did not find expected key";
const DUPLICATE: &str = "duplicated key in mapping";
const BAD_BLOCK_HEADER: &str =
    "while scanning a block scalar, did not find expected comment or line break";
const BAD_ESCAPE: &str = "while parsing a quoted scalar, found unknown escape character";

#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    /// The line without its indentation.
    text: &'a str,
    raw: &'a str,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let text = raw.trim_start_matches(' ');
        Line {
            indent: raw.len() - text.len(),
            text,
            raw,
        }
    }
    /// Blank or only a comment.
    fn is_empty(&self) -> bool {
        let t = self.text.trim_start_matches([' ', '\t']);
        t.is_empty() || t.starts_with('#')
    }
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
}

/// What a `key:` introduces.
enum Value {
    Scalar(Option<String>),
    Nested,
}

type Outcome<T> = Result<T, Read>;

pub(super) fn read(block: &str) -> Read {
    let mut reader = Reader {
        lines: block.split('\n').map(Line::new).collect(),
        at: 0,
    };
    match reader.document() {
        Ok(entries) => Read::Entries(entries),
        Err(read) => read,
    }
}

impl<'a> Reader<'a> {
    fn skip_empty(&mut self) {
        while self.at < self.lines.len() && self.lines[self.at].is_empty() {
            self.at += 1;
        }
    }

    fn document(&mut self) -> Outcome<Vec<(String, Option<String>)>> {
        self.skip_empty();
        let Some(first) = self.lines.get(self.at) else {
            return Ok(Vec::new());
        };
        if first.text.starts_with('\t') {
            return Err(Read::Error(self.at, TAB_INDENT));
        }
        if first.text.starts_with('%') {
            return Err(Read::Unsupported(YamlFeature::Directive));
        }
        if first.text == "-" || first.text.starts_with("- ") {
            // A sequence document: not a mapping, nothing to read (still checked).
            self.collection(first.indent)?;
            return self.end(Vec::new());
        }
        let indent = first.indent;
        let mut entries: Vec<(String, Option<String>)> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        while self.at < self.lines.len() {
            let line = &self.lines[self.at];
            if line.indent != indent {
                return Err(Read::Error(self.at, BAD_INDENT));
            }
            let (key, value) = self.key_value()?;
            if keys.contains(&key) {
                return Err(Read::Error(self.at.saturating_sub(1), DUPLICATE));
            }
            keys.push(key.clone());
            let value = match value {
                Value::Scalar(v) => v,
                Value::Nested => None,
            };
            entries.push((key, value));
            self.skip_empty();
        }
        Ok(entries)
    }

    fn end<T>(&mut self, value: T) -> Outcome<T> {
        self.skip_empty();
        if self.at < self.lines.len() {
            return Err(Read::Error(self.at, NO_KEY));
        }
        Ok(value)
    }

    /// A `key: value` line at the current position (and the lines its value takes).
    fn key_value(&mut self) -> Outcome<(String, Value)> {
        let row = self.at;
        let indent = self.lines[row].indent;
        let text = self.lines[row].text;
        let (key, rest) = if text.starts_with(['"', '\'']) {
            let (key, after) = self.quoted(text, row)?;
            // `quoted` moves past the line it closes on: a one-line key leaves us on the next.
            if self.at != row + 1 {
                return Err(Read::Unsupported(YamlFeature::MultilineKey));
            }
            let after = after.trim_start_matches(' ');
            let Some(rest) = after.strip_prefix(':') else {
                return Err(Read::Error(row, NO_KEY));
            };
            (key, rest)
        } else {
            check_plain_start(text, row)?;
            let Some(colon) = mapping_colon(text) else {
                return Err(Read::Unsupported(YamlFeature::NotKeyValue));
            };
            let key = text[..colon].trim_end_matches([' ', '\t']);
            if key.is_empty() {
                return Err(Read::Unsupported(YamlFeature::EmptyKey));
            }
            (key.to_string(), &text[colon + 1..])
        };
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return Err(Read::Unsupported(YamlFeature::ValueAfterColon));
        }
        self.at = row + 1;
        let value = self.value(rest.trim_start_matches([' ', '\t']), row, indent)?;
        Ok((key, value))
    }

    /// The value after `key:` on line `row` (a key at `indent`).
    fn value(&mut self, text: &'a str, row: usize, indent: usize) -> Outcome<Value> {
        if text.is_empty() || text.starts_with('#') {
            // Nested block collection, or null.
            self.skip_empty();
            let Some(next) = self.lines.get(self.at) else {
                return Ok(Value::Scalar(None));
            };
            let (next_indent, next_text, next_row) = (next.indent, next.text, self.at);
            let sequence = next_text == "-" || next_text.starts_with("- ");
            if next_indent == indent && sequence {
                self.collection(next_indent)?;
                return Ok(Value::Nested);
            }
            if next_indent <= indent {
                return Ok(Value::Scalar(None));
            }
            // A more indented line: a nested collection, or the value itself.
            self.at = next_row + 1;
            match next_text.as_bytes()[0] {
                b'"' | b'\'' => {
                    let (value, after) = self.quoted(next_text, next_row)?;
                    if !after.trim_start_matches([' ', '\t']).starts_with(':') {
                        self.trailing(after)?;
                        return Ok(Value::Scalar(Some(value)));
                    }
                }
                b'[' | b'{' => {
                    self.flow(next_text, next_row)?;
                    return Ok(Value::Nested);
                }
                b'|' | b'>' => {
                    return Ok(Value::Scalar(Some(
                        self.block_scalar(next_text, next_row, indent)?,
                    )))
                }
                _ if !sequence && mapping_colon(next_text).is_none() => {
                    check_plain_start(next_text, next_row)?;
                    let plain = self.plain(next_text, next_row, indent)?;
                    return Ok(Value::Scalar(resolve(&plain)));
                }
                _ => {}
            }
            self.at = next_row;
            self.collection(next_indent)?;
            return Ok(Value::Nested);
        }
        match text.as_bytes()[0] {
            b'"' | b'\'' => {
                let (value, after) = self.quoted(text, row)?;
                let t = after.trim_start_matches([' ', '\t']);
                if text.starts_with('"') && !(t.is_empty() || t.starts_with('#')) {
                    return Err(Read::Error(self.at - 1, TRAILING_QUOTED));
                }
                self.trailing(after)?;
                Ok(Value::Scalar(Some(value)))
            }
            b'[' | b'{' => {
                self.flow(text, row)?;
                Ok(Value::Nested)
            }
            b'|' | b'>' => Ok(Value::Scalar(Some(self.block_scalar(text, row, indent)?))),
            b'&' | b'*' | b'!' => Err(Read::Unsupported(YamlFeature::AnchorAliasTag)),
            b'-' if text == "-" || text.starts_with("- ") => Err(Read::Error(
                row,
                "block sequence entries are not allowed in this context",
            )),
            _ => {
                check_plain_start(text, row)?;
                let plain = self.plain(text, row, indent)?;
                Ok(Value::Scalar(resolve(&plain)))
            }
        }
    }

    /// A nested block mapping or sequence at `indent`: checked, not kept.
    fn collection(&mut self, indent: usize) -> Outcome<()> {
        let mut keys: Vec<String> = Vec::new();
        let mut sequence = None;
        loop {
            self.skip_empty();
            let Some(line) = self.lines.get(self.at) else {
                return Ok(());
            };
            if line.indent < indent {
                return Ok(());
            }
            let entry = line.text == "-" || line.text.starts_with("- ");
            if line.indent == indent && *sequence.get_or_insert(entry) != entry {
                if entry {
                    return Err(Read::Error(self.at, BAD_INDENT));
                }
                // A sequence at its parent key's column ends at the next key.
                return Ok(());
            }
            if line.indent > indent {
                return Err(Read::Error(self.at, BAD_INDENT));
            }
            let text = line.text;
            if text == "-" || text.starts_with("- ") {
                let row = self.at;
                let item = text[1..].trim_start_matches(' ');
                let item_indent = indent + (text.len() - item.len());
                self.at = row + 1;
                if item.is_empty() || item.starts_with('#') {
                    self.value("", row, indent)?;
                } else if item.starts_with("- ") || item == "-" {
                    return Err(Read::Unsupported(YamlFeature::NestedSequence));
                } else if !item.starts_with(['"', '\'', '[', '{', '|', '>'])
                    && mapping_colon(item).is_some()
                {
                    // `- key: value` opens a mapping at the item's column.
                    self.at = row;
                    self.lines[row] = Line {
                        indent: item_indent,
                        text: item,
                        raw: self.lines[row].raw,
                    };
                    self.collection(item_indent)?;
                } else {
                    self.value(item, row, indent)?;
                }
            } else {
                let (key, _) = self.key_value()?;
                if keys.contains(&key) {
                    return Err(Read::Error(self.at.saturating_sub(1), DUPLICATE));
                }
                keys.push(key);
            }
        }
    }

    /// Only spaces and a comment may follow a quoted value or a flow collection.
    fn trailing(&self, after: &str) -> Outcome<()> {
        let t = after.trim_start_matches([' ', '\t']);
        if t.is_empty() || (t.starts_with('#') && t.len() < after.len()) {
            return Ok(());
        }
        if t.starts_with(':') {
            return Err(Read::Error(self.at.saturating_sub(1), MAPPING_VALUES));
        }
        Err(Read::Error(self.at.saturating_sub(1), NO_KEY))
    }

    /// A quoted scalar starting at `text` (on line `row`), maybe over several lines; returns
    /// its value and what follows the closing quote (on the line where it closes).
    fn quoted(&mut self, text: &'a str, row: usize) -> Outcome<(String, &'a str)> {
        let double = text.starts_with('"');
        let mut out = String::new();
        let mut line = &text[1..];
        let mut current = row;
        loop {
            let mut chars = line.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' if double => {
                        self.at = current + 1;
                        return Ok((out, &line[i + 1..]));
                    }
                    '\'' if !double => {
                        if line[i + 1..].starts_with('\'') {
                            out.push('\'');
                            chars.next();
                        } else {
                            self.at = current + 1;
                            return Ok((out, &line[i + 1..]));
                        }
                    }
                    '\\' if double => {
                        let Some((_, e)) = chars.next() else {
                            // An escaped line break: the next line joins without a space.
                            break;
                        };
                        let simple = match e {
                            '0' => '\0',
                            'a' => '\x07',
                            'b' => '\x08',
                            't' | '\t' => '\t',
                            'n' => '\n',
                            'v' => '\x0b',
                            'f' => '\x0c',
                            'r' => '\r',
                            'e' => '\x1b',
                            ' ' => ' ',
                            '"' => '"',
                            '/' => '/',
                            '\\' => '\\',
                            'N' => '\u{85}',
                            '_' => '\u{a0}',
                            'L' => '\u{2028}',
                            'P' => '\u{2029}',
                            'x' | 'u' | 'U' => {
                                let len = match e {
                                    'x' => 2,
                                    'u' => 4,
                                    _ => 8,
                                };
                                let start = i + 2;
                                let code = line
                                    .get(start..start + len)
                                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                                    .and_then(char::from_u32);
                                let Some(code) = code else {
                                    return Err(Read::Error(current, BAD_ESCAPE));
                                };
                                for _ in 0..len {
                                    chars.next();
                                }
                                code
                            }
                            _ => return Err(Read::Error(current, BAD_ESCAPE)),
                        };
                        out.push(simple);
                    }
                    _ => out.push(c),
                }
            }
            // The scalar goes on: fold the line break.
            let escaped_break = double && line.ends_with('\\') && !line.ends_with("\\\\");
            if !escaped_break {
                let trimmed = out.trim_end_matches([' ', '\t']).len();
                out.truncate(trimmed);
            }
            current += 1;
            let mut blank = 0;
            while current < self.lines.len() && self.lines[current].text.trim().is_empty() {
                blank += 1;
                current += 1;
            }
            if current >= self.lines.len() {
                return Err(Read::Error(row, UNCLOSED_QUOTE));
            }
            if !escaped_break {
                if blank == 0 {
                    out.push(' ');
                } else {
                    out.extend(std::iter::repeat_n('\n', blank));
                }
            }
            line = self.lines[current].text.trim_start_matches([' ', '\t']);
        }
    }

    /// A flow collection (`[…]`, `{…}`), maybe over several lines: checked, not kept.
    fn flow(&mut self, text: &'a str, row: usize) -> Outcome<()> {
        let mut depth: Vec<u8> = Vec::new();
        let mut current = row;
        let mut line = text;
        'lines: loop {
            let bytes = line.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'[' | b'{' => depth.push(bytes[i]),
                    b']' | b'}' => {
                        let open = if bytes[i] == b']' { b'[' } else { b'{' };
                        if depth.pop() != Some(open) {
                            return Err(Read::Error(current, unclosed(text)));
                        }
                        if depth.is_empty() {
                            self.at = current + 1;
                            return self.trailing(&line[i + 1..]);
                        }
                    }
                    b'"' | b'\'' => {
                        if !(i == 0 || matches!(bytes[i - 1], b'[' | b'{' | b',' | b' ' | b':')) {
                            i += 1;
                            continue;
                        }
                        // Reuse the quoted-scalar reader from here.
                        let (_, after) = self.quoted(&line[i..], current)?;
                        current = self.at - 1;
                        line = after;
                        continue 'lines;
                    }
                    b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => break,
                    b'&' | b'*' | b'!' | b'?'
                        if i == 0 || matches!(bytes[i - 1], b'[' | b'{' | b',' | b' ') =>
                    {
                        return Err(Read::Unsupported(YamlFeature::FlowFeature));
                    }
                    _ => {}
                }
                i += 1;
            }
            current += 1;
            if current >= self.lines.len() {
                return Err(Read::Error(current - 1, unclosed(text)));
            }
            line = self.lines[current].text;
        }
    }

    /// A plain scalar: the rest of the line, and the more indented lines that continue it.
    fn plain(&mut self, text: &'a str, row: usize, indent: usize) -> Outcome<String> {
        let (mut out, commented) = plain_line(text, row)?;
        if commented {
            return Ok(out);
        }
        let mut blank = 0;
        let mut next = self.at;
        while let Some(line) = self.lines.get(next) {
            if line.text.trim().is_empty() {
                blank += 1;
                next += 1;
                continue;
            }
            if line.text.starts_with('\t') && line.text.trim_start().contains(": ") {
                return Err(Read::Error(row, TAB_IN_PLAIN));
            }
            if line.indent <= indent || line.text.starts_with('#') {
                break;
            }
            let (more, commented) = plain_line(line.text.trim_start_matches('\t'), next)?;
            if blank == 0 {
                out.push(' ');
            } else {
                out.extend(std::iter::repeat_n('\n', blank));
            }
            blank = 0;
            out.push_str(&more);
            next += 1;
            self.at = next;
            if commented {
                break;
            }
        }
        Ok(out)
    }

    /// A `|` or `>` block scalar whose header is `text` (after the key at `indent`).
    fn block_scalar(&mut self, text: &str, row: usize, indent: usize) -> Outcome<String> {
        let literal = text.starts_with('|');
        let header = text[1..].split(" #").next().unwrap_or("").trim_end();
        let mut chomp = ' ';
        let mut explicit = None;
        for c in header.chars() {
            match c {
                '+' | '-' if chomp == ' ' => chomp = c,
                '1'..='9' if explicit.is_none() => explicit = c.to_digit(10),
                _ => return Err(Read::Error(row, BAD_BLOCK_HEADER)),
            }
        }
        // The content: the following lines indented more than the key (and blank lines).
        let mut end = self.at;
        let mut block_indent = explicit.map(|n| indent + n as usize);
        let mut last_content = self.at;
        while let Some(line) = self.lines.get(end) {
            if line.text.trim_matches([' ', '\t']).is_empty() {
                end += 1;
                continue;
            }
            let wanted = *block_indent.get_or_insert(line.indent);
            if line.indent < wanted || line.indent <= indent {
                break;
            }
            end += 1;
            last_content = end;
        }
        let block_indent = block_indent.filter(|&b| b > indent).unwrap_or(usize::MAX);
        let content: Vec<&str> = self.lines[self.at..last_content]
            .iter()
            .map(|l| l.raw.get(block_indent.min(l.raw.len())..).unwrap_or(""))
            .collect();
        let trailing_blank = end - last_content;
        let at_end = end == self.lines.len();
        self.at = end;
        if content
            .iter()
            .all(|l| l.trim_matches([' ', '\t']).is_empty())
        {
            // As yaml-rust2 reads an empty block scalar: clipped, it keeps one line break
            // when it runs to the end of the block.
            return Ok(match chomp {
                '+' => "\n".repeat(content.len() + trailing_blank),
                ' ' if at_end => "\n".to_string(),
                _ => String::new(),
            });
        }
        let mut out = if literal {
            content.join("\n")
        } else {
            fold(&content)
        };
        match chomp {
            '-' => {}
            '+' => {
                out.push('\n');
                out.extend(std::iter::repeat_n('\n', trailing_blank));
            }
            _ => out.push('\n'),
        }
        Ok(out)
    }
}

/// Folding of a `>` block scalar's lines (YAML 1.2 §8.1.3).
fn fold(content: &[&str]) -> String {
    let mut out = String::new();
    let mut pending_blank = 0usize;
    let mut previous: Option<bool> = None; // Some(more-indented) of the previous text line
    for line in content {
        if line.is_empty() {
            pending_blank += 1;
            continue;
        }
        let more = line.starts_with([' ', '\t']);
        match previous {
            None => out.extend(std::iter::repeat_n('\n', pending_blank)),
            Some(prev_more) => {
                if pending_blank == 0 {
                    out.push(if more || prev_more { '\n' } else { ' ' });
                } else {
                    let breaks = if more || prev_more {
                        pending_blank + 1
                    } else {
                        pending_blank
                    };
                    out.extend(std::iter::repeat_n('\n', breaks));
                }
            }
        }
        pending_blank = 0;
        out.push_str(line);
        previous = Some(more);
    }
    out
}

fn unclosed(flow: &str) -> &'static str {
    if flow.starts_with('[') {
        UNCLOSED_SEQUENCE
    } else {
        UNCLOSED_MAPPING
    }
}

/// A plain scalar may not start with an indicator (`@` and `` ` `` are reserved).
fn check_plain_start(text: &str, row: usize) -> Outcome<()> {
    match text.as_bytes().first() {
        Some(b'@') => Err(Read::Error(row, AT_SIGN)),
        Some(b'`') => Err(Read::Error(row, BACKTICK)),
        Some(b'\t') => Err(Read::Error(row, TAB_INDENT)),
        Some(b'%') => Err(Read::Unsupported(YamlFeature::Directive)),
        Some(b'?' | b'&' | b'*' | b'!') => Err(Read::Unsupported(YamlFeature::SpecialKey)),
        Some(b'|' | b'>' | b'[' | b'{' | b']' | b'}' | b',') => {
            Err(Read::Unsupported(YamlFeature::IndicatorKey))
        }
        _ => Ok(()),
    }
}

/// Byte offset of the `:` that ends a plain key (`:` then a space, a tab or the line end),
/// before any comment.
fn mapping_colon(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')) => return Some(i),
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return None,
            _ => {}
        }
    }
    None
}

/// One line of a plain scalar: up to a comment, trimmed; whether a comment ended it.
fn plain_line(text: &str, row: usize) -> Outcome<(String, bool)> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    let mut commented = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ' | b'\t')) => {
                return Err(Read::Error(row, MAPPING_VALUES));
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => {
                end = i;
                commented = true;
                break;
            }
            _ => {}
        }
    }
    Ok((text[..end].trim_matches([' ', '\t']).to_string(), commented))
}

/// What a plain scalar means, as text: `None` for null, numbers written as the YAML core
/// schema reads them (`0x1F` is 31, `+5` is 5), booleans as `true`/`false`.
pub(super) fn resolve(plain: &str) -> Option<String> {
    let radix = |digits: &str, radix| i64::from_str_radix(digits, radix).ok();
    let integer = if let Some(hex) = plain.strip_prefix("0x") {
        radix(hex, 16)
    } else if let Some(octal) = plain.strip_prefix("0o") {
        radix(octal, 8)
    } else if let Some(positive) = plain.strip_prefix('+') {
        positive.parse::<i64>().ok()
    } else {
        None
    };
    if let Some(i) = integer {
        return Some(i.to_string());
    }
    match plain {
        "" | "~" | "null" => None,
        "true" | "True" | "TRUE" => Some("true".into()),
        "false" | "False" | "FALSE" => Some("false".into()),
        _ => Some(match plain.parse::<i64>() {
            Ok(i) => i.to_string(),
            Err(_) => plain.to_string(),
        }),
    }
}
