//! Pass: table cells → structure. The task cell becomes a tree of items (bullets, `<br>`,
//! `&emsp;` indentation, inline bold/code/links); the reference cell a list of safe links.
//!
//! A cell is one line of markdown in which people fake a list: `- Topic <br>&emsp; + sub
//! <br>&emsp; + sub <br> - **Practice:** <br>&emsp; + step`. The cell is cut at `<br>` (and
//! at newlines of continuation lines), each piece's indentation (`&emsp;`, `&nbsp;`, tabs) and
//! bullet (`-`, `+`, `*`, `•`, `1.`) give its place in the tree, and the rest is read as
//! inline markdown by pulldown-cmark. Raw HTML other than `<br>` stays visible text.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::model::{Diagnostic, Inline, Item, Reference};
use crate::parse::inline::unsafe_url_diagnostic;
use crate::parse::inline::{self, InlineBuilder};

/// Deeper nesting is flattened at this depth (bounded recursion downstream: serialisation,
/// rendering, drop).
pub const MAX_DEPTH: usize = 16;

/// The task cell as a tree of items; links with disallowed URL schemes are dropped (their
/// text kept) with an `unsafe-url` warning at `line`.
pub fn task_cell(cell: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Vec<Item> {
    let mut roots: Vec<Item> = Vec::new();
    // Open items from the root down: (indent, marker, item).
    let mut stack: Vec<(usize, Marker, Item)> = Vec::new();
    for segment in segments(cell) {
        let (indent, rest) = indentation(segment);
        let (marker, rest) = bullet(rest);
        let content = inlines(rest, line, diagnostics);
        if content.is_empty() {
            continue;
        }
        // Close deeper items, then a same-level sibling with the same marker.
        while stack.last().is_some_and(|(i, _, _)| *i > indent) {
            close(&mut stack, &mut roots);
        }
        if let Some(pos) = stack
            .iter()
            .rposition(|(i, m, _)| *i == indent && *m == marker)
        {
            while stack.len() > pos {
                close(&mut stack, &mut roots);
            }
        }
        if stack.len() >= MAX_DEPTH {
            close(&mut stack, &mut roots);
        }
        stack.push((
            indent,
            marker,
            Item {
                content,
                children: Vec::new(),
            },
        ));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

fn close(stack: &mut Vec<(usize, Marker, Item)>, roots: &mut Vec<Item>) {
    if let Some((_, _, item)) = stack.pop() {
        match stack.last_mut() {
            Some((_, _, parent)) => parent.children.push(item),
            None => roots.push(item),
        }
    }
}

/// Bullet kinds: a change of bullet at the same indentation starts a sub-list (`- a <br>+ b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    None,
    Dash,
    Plus,
    Star,
    Dot,
    Number,
}

/// Pieces of a cell between `<br>` tags and newlines (continuation lines).
fn segments(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = cell.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&cell[start..i]);
                i += 1;
                start = i;
            }
            b'<' => {
                let end = cell[i..]
                    .char_indices()
                    .take(8)
                    .find(|&(_, c)| c == '>')
                    .map(|(k, _)| i + k + 1);
                match end {
                    Some(end) if inline::is_br(&cell[i..end]) => {
                        out.push(&cell[start..i]);
                        i = end;
                        start = end;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    out.push(&cell[start..]);
    out
}

/// Leading indentation in "levels": `&emsp;`/U+2003 and tabs count 2, `&ensp;`/`&nbsp;` and
/// their characters 1; plain spaces are layout noise around `<br>` and count 0.
fn indentation(segment: &str) -> (usize, &str) {
    const ENTITIES: [(&str, usize); 8] = [
        ("&emsp;", 2),
        ("&#8195;", 2),
        ("&#x2003;", 2),
        ("&ensp;", 1),
        ("&nbsp;", 1),
        ("&#160;", 1),
        ("&#xa0;", 1),
        ("&#xA0;", 1),
    ];
    let mut indent = 0;
    let mut rest = segment;
    'outer: loop {
        for (entity, width) in ENTITIES {
            if let Some(after) = rest.strip_prefix(entity) {
                indent += width;
                rest = after;
                continue 'outer;
            }
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some('\u{2003}' | '\t') => indent += 2,
            Some('\u{2002}' | '\u{a0}') => indent += 1,
            Some(c) if c.is_whitespace() => {}
            _ => break,
        }
        rest = chars.as_str();
    }
    (indent, rest)
}

/// A leading bullet (`- `, `+ `, `* `, `• `, `1. `, `1) `) and the text after it.
fn bullet(text: &str) -> (Marker, &str) {
    let mut chars = text.chars();
    let first = chars.next();
    let after = chars.as_str();
    let next = after.chars().next();
    let spaced = next.is_some_and(char::is_whitespace);
    let glued = next.is_some_and(|c| c.is_alphabetic() || c == '*' || c == '`' || c == '[');
    let marker = match first {
        Some('-') if spaced || glued => Some(Marker::Dash),
        Some('+') if spaced || glued => Some(Marker::Plus),
        Some('*') if spaced => Some(Marker::Star),
        Some('•' | '◦' | '▪' | '·') => Some(Marker::Dot),
        _ => None,
    };
    if let Some(marker) = marker {
        return (marker, after.trim_start());
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &text[digits..];
        if let Some(after) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (Marker::Number, after.trim_start());
        }
    }
    (Marker::None, text)
}

/// One piece of a cell as inline content (block syntax at its start is escaped: a cell
/// piece is never a heading or a quote).
fn inlines(text: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let escaped;
    // A leading HTML tag would open an HTML block and swallow the piece raw; in a cell it
    // is inline text (autolinks `<https://…>` excepted).
    let html_block = text.starts_with('<')
        && text[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        && !text
            .split('>')
            .next()
            .is_some_and(|tag| tag.contains(':') || tag.contains('@'));
    let source = if html_block
        || text.starts_with(['#', '>', '=', '~', '|'])
        || text.starts_with("```")
        || text.starts_with("- ")
        || text.starts_with("+ ")
        || text.starts_with("* ")
    {
        escaped = format!("\\{text}");
        escaped.as_str()
    } else {
        text
    };
    if is_plain(source) {
        // Nothing markdown would read differently: skip the parser (most pieces of most
        // cells), the result is the same text node.
        // (What an `InlineBuilder` given only this text would give, without building one.)
        return linkify(inline::normalise(vec![Inline::Text {
            text: source.to_string(),
        }]));
    }
    if let Some(events) = simple_events(source) {
        // The events pulldown-cmark gives for the piece, without setting a parser up.
        return read_events(events, line, diagnostics);
    }
    parsed_inlines(source, line, diagnostics)
}

/// A cell piece read by pulldown-cmark.
fn parsed_inlines(source: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Vec<Inline> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    read_events(Parser::new_ext(source, options), line, diagnostics)
}

/// The events of a cell piece (from pulldown-cmark or [`simple_events`]) as inline content.
fn read_events<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    line: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Inline> {
    let mut builder = InlineBuilder::default();
    for event in events {
        if !builder.event(&event) {
            match &event {
                // Raw HTML that markdown reads as a block (`<script>…`, `<div>`) is shown as
                // text like inline HTML, so the words around it are never lost.
                Event::Html(html) => builder.push_text(html.trim_end()),
                // Block boundaries inside one piece (e.g. a stray list marker) separate words.
                Event::End(_) => builder.push_text(" "),
                _ => {}
            }
        }
    }
    for (url, scheme) in &builder.unsafe_urls {
        diagnostics.push(unsafe_url_diagnostic(url, scheme, line));
    }
    linkify(builder.take())
}

/// The events pulldown-cmark gives for the three shapes of cell piece that are most of the
/// pieces with markdown syntax, or `None` for any other piece (then the parser reads it):
///
/// - a whole autolink, `<https://…>`;
/// - a whole inline link with plain text and a plain destination, `[Lab 10](https://…)`;
/// - plain text with `**bold**` runs opened after a space (or at the start) and closed
///   before a space (or at the end), `Learn **EC2** and **S3**:`.
///
/// Each test is stricter than the CommonMark rule it stands for; `fast_events_match_the_parser`
/// checks the three against the parser.
fn simple_events(source: &str) -> Option<Vec<Event<'_>>> {
    let bytes = source.as_bytes();
    let inner = match bytes.first()? {
        b'<' => autolink_events(source)?,
        b'[' => link_events(source)?,
        _ => strong_events(source)?,
    };
    let mut events = Vec::with_capacity(inner.len() + 2);
    events.push(Event::Start(Tag::Paragraph));
    events.extend(inner);
    events.push(Event::End(TagEnd::Paragraph));
    Some(events)
}

/// A byte that may start or change inline markdown: emphasis, code, links, HTML, entities,
/// escapes, images, strikethrough.
fn is_markdown_byte(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'>' | b'&' | b'\\' | b'!' | b'~'
    )
}

/// A byte that may start or change inline markdown, or a control character (DEL included).
fn is_syntax_byte(b: u8) -> bool {
    b < 0x20 || b == 0x7f || is_markdown_byte(b)
}

/// `<scheme:rest>`: a scheme of 2–32 ASCII letters, digits, `+`, `.`, `-` (a letter first),
/// then no space, control character, `<` or `>` before the closing `>`.
fn autolink_events(source: &str) -> Option<Vec<Event<'_>>> {
    let uri = source.strip_prefix('<')?.strip_suffix('>')?;
    let (scheme, rest) = uri.split_once(':')?;
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'));
    if !scheme_ok
        || rest
            .bytes()
            .any(|b| b <= b' ' || b == b'<' || b == b'>' || b == 0x7f)
    {
        return None;
    }
    Some(vec![
        Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: CowStr::Borrowed(uri),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }),
        Event::Text(CowStr::Borrowed(uri)),
        Event::End(TagEnd::Link),
    ])
}

/// `[text](destination)`: text without any inline syntax, starting and ending with a
/// character that is not white space; a destination of printable ASCII without spaces,
/// brackets, parentheses, quotes, `&`, `\\`, `*`, `_` or `` ` ``.
fn link_events(source: &str) -> Option<Vec<Event<'_>>> {
    let rest = source.strip_prefix('[')?;
    let close = rest.find(']')?;
    let (text, after) = (&rest[..close], &rest[close + 1..]);
    let dest = after.strip_prefix('(')?.strip_suffix(')')?;
    let text_ok = !text.bytes().any(is_syntax_byte)
        && text.chars().next().is_some_and(|c| !c.is_whitespace())
        && text.chars().next_back().is_some_and(|c| !c.is_whitespace());
    let dest_ok = !dest.is_empty()
        && dest.bytes().all(|b| {
            b.is_ascii_graphic()
                && !matches!(
                    b,
                    b'<' | b'>'
                        | b'('
                        | b')'
                        | b'['
                        | b']'
                        | b'"'
                        | b'\''
                        | b'&'
                        | b'\\'
                        | b'*'
                        | b'_'
                        | b'`'
                )
        });
    if !text_ok || !dest_ok {
        return None;
    }
    Some(vec![
        Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::Borrowed(dest),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }),
        Event::Text(CowStr::Borrowed(text)),
        Event::End(TagEnd::Link),
    ])
}

/// Plain text (a letter first, or the first `**`) whose only syntax is `**` pairs: each
/// opening `**` at the start or after an ASCII space and before a character that is not
/// white space, each closing `**` after a character that is not white space and at the
/// end or before an ASCII space. No other `*`.
fn strong_events(source: &str) -> Option<Vec<Event<'_>>> {
    let bytes = source.as_bytes();
    if !(source.starts_with("**") || source.chars().next().is_some_and(char::is_alphabetic)) {
        return None;
    }
    if bytes.iter().any(|&b| b != b'*' && is_syntax_byte(b)) {
        return None;
    }
    let mut events = Vec::new();
    let mut open = false;
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) != Some(&b'*') || bytes.get(i + 2) == Some(&b'*') {
            return None;
        }
        let before = source[..i].chars().next_back();
        let after = source[i + 2..].chars().next();
        if open {
            if before.is_none_or(char::is_whitespace) || !matches!(after, None | Some(' ')) {
                return None;
            }
        } else if !matches!(before, None | Some(' ')) || after.is_none_or(char::is_whitespace) {
            return None;
        }
        if i > from {
            events.push(Event::Text(CowStr::Borrowed(&source[from..i])));
        }
        events.push(if open {
            Event::End(TagEnd::Strong)
        } else {
            Event::Start(Tag::Strong)
        });
        open = !open;
        i += 2;
        from = i;
    }
    if open || events.is_empty() {
        return None;
    }
    if from < bytes.len() {
        events.push(Event::Text(CowStr::Borrowed(&source[from..])));
    }
    Some(events)
}

/// Text that markdown reads as itself: it starts with a letter (no list, heading, quote or
/// break marker) and holds no inline syntax (emphasis, code, links, HTML, entities, escapes,
/// strikethrough) nor control characters.
fn is_plain(text: &str) -> bool {
    // Folded without branches (vectorised): most pieces are plain and read to their end.
    text.chars().next().is_some_and(char::is_alphabetic)
        && !text
            .bytes()
            .fold(false, |any, b| any | (b < 0x20) | is_markdown_byte(b))
}

/// Bare `http(s)://` URLs in text become links. Done in place: most content holds no URL.
fn linkify(mut content: Vec<Inline>) -> Vec<Inline> {
    let mut i = 0;
    while i < content.len() {
        match &mut content[i] {
            Inline::Text { text } => {
                if let Some(first) = find_url(text) {
                    let pieces = split_urls(text, first);
                    let count = pieces.len();
                    content.splice(i..=i, pieces);
                    i += count;
                    continue;
                }
            }
            Inline::Strong { content: inner } | Inline::Emphasis { content: inner } => {
                *inner = linkify(std::mem::take(inner));
            }
            _ => {}
        }
        i += 1;
    }
    content
}

/// `text` cut into text and link nodes, its first URL at `first`.
fn split_urls(text: &str, first: (usize, usize)) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut found = Some(first);
    while let Some((start, end)) = found {
        if start > 0 {
            out.push(Inline::Text {
                text: rest[..start].to_string(),
            });
        }
        let url = &rest[start..end];
        out.push(Inline::Link {
            url: url.to_string(),
            content: vec![Inline::Text {
                text: url.to_string(),
            }],
        });
        rest = &rest[end..];
        found = find_url(rest);
    }
    if !rest.is_empty() {
        out.push(Inline::Text {
            text: rest.to_string(),
        });
    }
    out
}

/// Byte range of the first bare http(s) URL in `text`, trailing punctuation excluded.
fn find_url(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    let (start, scheme_len) = loop {
        let at = from + find_http(&bytes[from..])?;
        let rest = &bytes[at + 4..];
        if rest.starts_with(b"://") {
            break (at, 7);
        }
        if rest.len() >= 4 && rest[0].eq_ignore_ascii_case(&b's') && rest[1..].starts_with(b"://") {
            break (at, 8);
        }
        from = at + 4;
    };
    let tail = &text[start..];
    let mut end = tail
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`'))
        .unwrap_or(tail.len());
    // Trailing punctuation belongs to the sentence; a `)` only when unbalanced.
    loop {
        let url = &tail[..end];
        let Some(last) = url.chars().last() else {
            break;
        };
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '*' => true,
            ')' => url.matches('(').count() < url.matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    (end > scheme_len).then_some((start, start + end))
}

/// Offset of the next `http` (any case).
fn find_http(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    // An `h` first (a byte compare), then the rest of the word.
    while let Some(k) = bytes[from..].iter().position(|&b| b | 0x20 == b'h') {
        let at = from + k;
        if bytes
            .get(at..at + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"http"))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Links (autolinks, markdown links, bare URLs) and plain-text references of a cell. Unsafe
/// URL schemes are dropped with an `unsafe-url` diagnostic at `line`.
pub fn references(cell: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) -> Vec<Reference> {
    let mut out = Vec::new();
    for segment in segments(cell) {
        let content = inlines(segment, line, diagnostics);
        let mut pending = String::new();
        collect_references(&content, &mut pending, &mut out);
        flush_text(&mut pending, &mut out);
    }
    out
}

fn collect_references(content: &[Inline], pending: &mut String, out: &mut Vec<Reference>) {
    for node in content {
        match node {
            Inline::Link { url, content } => {
                flush_text(pending, out);
                let text = inline::plain(content).trim().to_string();
                out.push(Reference {
                    text: if text.is_empty() { url.clone() } else { text },
                    url: Some(url.clone()),
                });
            }
            Inline::Strong { content } | Inline::Emphasis { content } => {
                collect_references(content, pending, out)
            }
            Inline::Text { text } | Inline::Code { text } => pending.push_str(text),
        }
    }
}

/// Plain text between links is a reference of its own unless it is only separators or a
/// placeholder (`-`, `N/A`, `...`).
fn flush_text(pending: &mut String, out: &mut Vec<Reference>) {
    let text = pending
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';' | '.' | ':' | '|' | '-' | '–' | '—' | '/' | '·' | '•'
                )
        })
        .to_string();
    pending.clear();
    let placeholder = matches!(
        text.to_lowercase().as_str(),
        "" | "..." | "…" | "n/a" | "na" | "none" | "không có" | "không"
    );
    if !placeholder {
        out.push(Reference { text, url: None });
    }
}

/// `unsafe-url` warnings for every link with a disallowed scheme in a cell that is neither
/// the task nor the reference cell (status, notes, day, dates...): those cells are kept as
/// plain text, but a dropped link in them is still reported like one in the task cell.
pub fn unsafe_links(cell: &str, line: u32, diagnostics: &mut Vec<Diagnostic>) {
    if may_hold_unsafe_scheme(cell) {
        for segment in segments(cell) {
            inlines(segment, line, diagnostics);
        }
    }
}

/// Cheap pre-check: a `word:` whose word is not http/https/mailto (so most cells, whose only
/// colons are in `https:` links, are not parsed as markdown at all).
/// A link target written with entities (`javascript&#58;…`) has no literal colon, so a cell
/// with a markdown link and an `&` is always parsed.
fn may_hold_unsafe_scheme(cell: &str) -> bool {
    let bytes = cell.as_bytes();
    if cell.contains("](") && cell.contains('&') {
        return true;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b':' {
            return false;
        }
        let start = bytes[..i]
            .iter()
            .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')))
            .map_or(0, |p| p + 1);
        let scheme = &bytes[start..i];
        !scheme.is_empty()
            && !scheme.eq_ignore_ascii_case(b"http")
            && !scheme.eq_ignore_ascii_case(b"https")
            && !scheme.eq_ignore_ascii_case(b"mailto")
    })
}

/// Plain text of items, one line per item, children indented.
pub fn plain_text(items: &[Item]) -> String {
    items
        .iter()
        .map(Item::plain_text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task_items(cell: &str) -> Vec<Item> {
        task_cell(cell, 1, &mut Vec::new())
    }

    fn texts(items: &[Item]) -> Vec<(String, usize)> {
        items
            .iter()
            .map(|i| (inline::plain(&i.content), i.children.len()))
            .collect()
    }

    #[test]
    fn template_cell() {
        let cell = "- Learn about X <br> - Understand Y <br> - **Practice:** <br>&emsp; + Create A <br>&emsp; + Set up B";
        let items = task_items(cell);
        assert_eq!(
            texts(&items),
            vec![
                ("Learn about X".into(), 0),
                ("Understand Y".into(), 0),
                ("Practice:".into(), 2)
            ]
        );
        assert_eq!(
            items[2].content,
            vec![Inline::Strong {
                content: vec![Inline::Text {
                    text: "Practice:".into()
                }]
            }]
        );
        assert_eq!(inline::plain(&items[2].children[1].content), "Set up B");
    }

    #[test]
    fn plus_without_indent_nests_under_dash() {
        let items = task_items("- a<br>+ b<br>+ c<br>- d");
        assert_eq!(texts(&items), vec![("a".into(), 2), ("d".into(), 0)]);
    }

    #[test]
    fn plain_lead_in_then_bullets() {
        let items = task_items("Learn AWS:<br/>• EC2<br />• S3");
        assert_eq!(texts(&items), vec![("Learn AWS:".into(), 2)]);
    }

    #[test]
    fn inline_code_bold_link_and_html() {
        let items = task_items("Run `aws s3 ls` with **care**, see [docs](https://docs.aws.amazon.com/) <b>x</b> &amp; more");
        let c = &items[0].content;
        assert!(c.contains(&Inline::Code {
            text: "aws s3 ls".into()
        }));
        assert!(c.iter().any(
            |i| matches!(i, Inline::Link { url, .. } if url == "https://docs.aws.amazon.com/")
        ));
        assert!(inline::plain(c).contains("<b>x</b> & more"));
    }

    #[test]
    fn deep_nesting_is_capped() {
        let mut cell = String::new();
        for depth in 0..100 {
            cell.push_str(&"&emsp;".repeat(depth));
            cell.push_str("+ x<br>");
        }
        let mut depth = 0;
        let mut items = task_items(&cell);
        while let Some(first) = items.into_iter().next() {
            depth += 1;
            items = first.children;
        }
        assert!(depth <= MAX_DEPTH);
    }

    #[test]
    fn references_forms() {
        let mut d = Vec::new();
        let refs = references(
            "<https://cloudjourney.awsstudygroup.com/> <br> [AWS Docs](https://docs.aws.amazon.com/), https://youtu.be/x. AWS Journey",
            7,
            &mut d,
        );
        assert_eq!(
            refs,
            vec![
                Reference {
                    text: "https://cloudjourney.awsstudygroup.com/".into(),
                    url: Some("https://cloudjourney.awsstudygroup.com/".into())
                },
                Reference {
                    text: "AWS Docs".into(),
                    url: Some("https://docs.aws.amazon.com/".into())
                },
                Reference {
                    text: "https://youtu.be/x".into(),
                    url: Some("https://youtu.be/x".into())
                },
                Reference {
                    text: "AWS Journey".into(),
                    url: None
                },
            ]
        );
        assert!(d.is_empty());
        assert!(references(" - ", 1, &mut d).is_empty());
    }

    #[test]
    fn unsafe_references_dropped() {
        let mut d = Vec::new();
        let refs = references(
            "[x](javascript:alert(1)) <data:text/html,hi> [ok](https://a.b/)",
            9,
            &mut d,
        );
        assert_eq!(refs.iter().filter(|r| r.url.is_some()).count(), 1);
        assert!(refs.iter().all(|r| !r.text.contains("data:")));
        assert_eq!(d.len(), 2);
        assert!(d
            .iter()
            .all(|d| d.code == "unsafe-url" && d.line == Some(9)));
    }
}

#[cfg(test)]
mod plain_tests {
    use super::*;

    /// The shortcut for plain pieces gives what the parser gives.
    #[test]
    fn plain_pieces_read_as_the_parser_reads_them() {
        const PIECES: [&str; 24] = [
            "Learn",
            " ",
            "  ",
            "\t",
            "EC2",
            "đọc",
            "Tìm hiểu",
            "https://a.b/c).",
            "http://x",
            "#",
            "|",
            "1.",
            "2)",
            "-",
            "+",
            ":",
            "$x$",
            "^",
            "'",
            "\"",
            "---",
            "===",
            "\u{a0}",
            "()",
        ];
        let mut next = crate::parse::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut checked = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(next() % 8) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let text = text.trim();
            if !is_plain(text) {
                continue;
            }
            checked += 1;
            let mut d = Vec::new();
            let fast = linkify({
                let mut b = InlineBuilder::default();
                b.push_text(text);
                b.take()
            });
            assert_eq!(fast, parsed_inlines(text, 1, &mut d), "{text:?}");
        }
        assert!(checked > 1000);
    }
}

#[cfg(test)]
mod simple_events_tests {
    use super::*;

    /// The events built for autolinks, plain links and `**bold**` give what the parser gives.
    #[test]
    fn fast_events_match_the_parser() {
        const PIECES: [&str; 43] = [
            "**EC2**",
            "**Học:**",
            "**- x**",
            "**(x)**",
            "**a.b** ",
            " **đọc**",
            " **x** ",
            "Learn",
            "đọc",
            " ",
            "  ",
            "\u{a0}",
            "**",
            "*",
            "***",
            ":",
            "-",
            ".",
            "(",
            ")",
            "_",
            "&",
            "1.",
            "EC2",
            "<https://a.b/c>",
            "<mailto:a@b.c>",
            "<javascript:alert(1)>",
            "<ab:x y>",
            "<",
            ">",
            "[x](https://y/z)",
            "[Lab 10](https://a.b/vi/1-x/)",
            "[a b](javascript:x)",
            "[ x](y)",
            "[x](y z)",
            "[",
            "]",
            "](",
            "http://x.y/",
            "🔥",
            "Tìm hiểu",
            "'",
            "\"",
        ];
        let mut next = crate::parse::xorshift(0x2545_f491_4f6c_dd1d);
        let mut checked = [0usize; 3];
        for _ in 0..200_000 {
            let mut text = String::new();
            for _ in 0..(next() % 7) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let text = text.trim();
            let Some(events) = simple_events(text) else {
                continue;
            };
            checked[match text.as_bytes()[0] {
                b'<' => 0,
                b'[' => 1,
                _ => 2,
            }] += 1;
            let (mut fast_d, mut parsed_d) = (Vec::new(), Vec::new());
            let fast = read_events(events, 3, &mut fast_d);
            let parsed = parsed_inlines(text, 3, &mut parsed_d);
            assert_eq!(fast, parsed, "{text:?}");
            assert_eq!(fast_d, parsed_d, "{text:?}");
        }
        assert!(checked.iter().all(|&n| n > 100), "{checked:?}");
    }

    #[test]
    fn other_syntax_goes_to_the_parser() {
        for text in [
            "a**b**",
            "**a **b** c**",
            "** a**",
            "**a** b**",
            "*a*",
            "**a**b",
            "_a_",
            "<https://a b>",
            "<a>",
            "[x](y \"t\")",
            "[*x*](y)",
            "[x](<y>)",
            "1. **a**",
            "Learn `x`",
        ] {
            assert!(simple_events(text).is_none(), "{text}");
        }
    }
}

#[cfg(test)]
mod block_html_tests {
    use super::*;

    fn task_items(cell: &str) -> Vec<Item> {
        task_cell(cell, 1, &mut Vec::new())
    }

    #[test]
    fn block_html_in_a_cell_is_text_and_keeps_its_words() {
        let items =
            task_items("- <script>alert(1)</script> Learn EC2 <br> - <img src=x onerror=alert(1)>");
        let text = plain_text(&items);
        assert!(text.contains("Learn EC2"), "{text}");
        assert!(text.contains("<script>alert(1)</script>"), "{text}");
        assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    }
}
