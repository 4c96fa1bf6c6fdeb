//! Shared helper of the sections and cells passes: pulldown-cmark inline events → the model's
//! [`Inline`] nodes, with the URL safety rule applied in one place.
//!
//! Page content is untrusted. Nothing here produces HTML: inline HTML other than `<br>` is
//! kept as visible text, and only http(s), mailto and relative URLs become links; any other
//! scheme (`javascript:`, `data:`, `vbscript:`, ...) is dropped and reported by the caller.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::message::Message;
use crate::model::{Diagnostic, Inline};

/// Diagnostic code for a dropped link with a disallowed URL scheme.
pub const UNSAFE_URL: &str = "unsafe-url";

/// Is this URL allowed to become a link? Returns the URL to store, or `Err(scheme)`.
pub fn check_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    if plainly_safe(url) {
        return Ok(url.to_string());
    }
    scheme_check(url)
}

/// The full rule of [`check_url`] on a trimmed URL.
fn scheme_check(url: &str) -> Result<String, String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme
    // (`java\tscript:`), so the check does too.
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(colon) = squeezed.find(':') else {
        return Ok(url.to_string());
    };
    let scheme = &squeezed[..colon];
    if scheme.contains(['/', '?', '#']) {
        // A colon after the path started: a relative URL such as `docs/a:b`.
        return Ok(url.to_string());
    }
    match scheme {
        "http" | "https" | "mailto" => Ok(url.to_string()),
        _ => Err(if scheme.is_empty() {
            ":".to_string()
        } else {
            format!("{scheme}:")
        }),
    }
}

/// What [`check_url`] accepts, told without building the squeezed lower-case copy for the
/// common cases: no colon among the first 64 characters that count, a colon after `/`, `?`
/// or `#`, or the scheme `http`, `https` or `mailto` (any case). `false` leaves the
/// decision to the full check.
fn plainly_safe(url: &str) -> bool {
    let mut scheme = [0u8; 6];
    let mut len = 0;
    let kept = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(64);
    for c in kept {
        match c {
            ':' => {
                return matches!(
                    &scheme[..len.min(scheme.len())],
                    b"http" | b"https" | b"mailto"
                ) && len <= scheme.len();
            }
            '/' | '?' | '#' => return true,
            c => {
                if len < scheme.len() {
                    if !c.is_ascii() {
                        return false;
                    }
                    scheme[len] = c.to_ascii_lowercase() as u8;
                }
                len += 1;
            }
        }
    }
    true
}

/// Is `tag` a `<br>`, `<br/>` or `<br />` (any case)?
pub fn is_br(html: &str) -> bool {
    let inner = html.trim();
    let Some(inner) = inner.strip_prefix('<').and_then(|s| s.strip_suffix('>')) else {
        return false;
    };
    let inner = inner.trim().trim_end_matches('/').trim();
    inner.eq_ignore_ascii_case("br")
}

enum Frame {
    Root,
    Strong,
    Emphasis,
    Link(String),
    /// A link whose URL was dropped: its text is kept, unless it is the URL itself.
    Unsafe(String),
    /// Image alt text, strikethrough and other wrappers whose content is kept flat.
    Flat,
}

/// Accumulates inline events into a tree of [`Inline`]s.
pub struct InlineBuilder {
    stack: Vec<(Frame, Vec<Inline>)>,
    /// URLs dropped because of their scheme, for the caller's diagnostics: (url, scheme).
    pub unsafe_urls: Vec<(String, String)>,
    /// The URL of every safe link seen.
    pub links: Vec<String>,
}

impl Default for InlineBuilder {
    fn default() -> Self {
        InlineBuilder {
            stack: vec![(Frame::Root, Vec::new())],
            unsafe_urls: Vec::new(),
            links: Vec::new(),
        }
    }
}

impl InlineBuilder {
    fn top(&mut self) -> &mut Vec<Inline> {
        if self.stack.is_empty() {
            self.stack.push((Frame::Root, Vec::new()));
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last].1
    }

    pub fn push_text(&mut self, text: &str) {
        if !text.is_empty() {
            self.top().push(Inline::Text {
                text: text.to_string(),
            });
        }
    }

    /// Feed one event; returns false when the event is not inline content (the caller
    /// handles block structure).
    pub fn event(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Text(text) => self.push_text(text),
            Event::Code(code) => self.top().push(Inline::Code {
                text: code.to_string(),
            }),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.top().push(Inline::Code {
                text: math.to_string(),
            }),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::InlineHtml(html) => {
                if is_br(html) {
                    self.push_text(" ");
                } else {
                    // Shown as text, never interpreted.
                    self.push_text(html);
                }
            }
            Event::FootnoteReference(name) => self.push_text(&format!("[^{name}]")),
            Event::TaskListMarker(done) => self.push_text(if *done { "☑ " } else { "☐ " }),
            Event::Start(Tag::Strong) => self.stack.push((Frame::Strong, Vec::new())),
            Event::Start(Tag::Emphasis) => self.stack.push((Frame::Emphasis, Vec::new())),
            Event::Start(Tag::Strikethrough | Tag::Superscript | Tag::Subscript) => {
                self.stack.push((Frame::Flat, Vec::new()))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                // Only the alt text is ever shown; a script URL is still worth a word, as a
                // link's is (a page carrying one was written to attack its readers). Other
                // schemes (`data:` screenshots, `ftp:`) harm nobody here and are not reported.
                if let Err(scheme) = check_url(dest_url) {
                    if matches!(scheme.as_str(), "javascript:" | "vbscript:") {
                        self.unsafe_urls.push((dest_url.to_string(), scheme));
                    }
                }
                self.stack.push((Frame::Flat, Vec::new()))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let url = if *link_type == LinkType::Email && !dest_url.contains(':') {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                let frame = match check_url(&url) {
                    Ok(url) => Frame::Link(url),
                    Err(scheme) => {
                        self.unsafe_urls.push((url.clone(), scheme));
                        Frame::Unsafe(url)
                    }
                };
                self.stack.push((frame, Vec::new()));
            }
            Event::End(
                TagEnd::Strong
                | TagEnd::Emphasis
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Image
                | TagEnd::Link,
            ) => self.close(),
            _ => return false,
        }
        true
    }

    /// Close the innermost open frame and attach it to its parent.
    fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some((frame, content)) = self.stack.pop() else {
            return;
        };
        let parent = self.top();
        match frame {
            Frame::Strong if !content.is_empty() => parent.push(Inline::Strong { content }),
            Frame::Emphasis if !content.is_empty() => parent.push(Inline::Emphasis { content }),
            Frame::Link(url) => {
                let content = if is_blank(&content) {
                    vec![Inline::Text { text: url.clone() }]
                } else {
                    content
                };
                parent.push(Inline::Link {
                    url: url.clone(),
                    content,
                });
                self.links.push(url);
            }
            Frame::Unsafe(url) => {
                if plain(&content).trim() != url.trim() {
                    parent.extend(content)
                }
            }
            Frame::Root | Frame::Strong | Frame::Emphasis | Frame::Flat => parent.extend(content),
        }
    }

    /// Everything collected so far (open frames are closed), normalised; the builder is
    /// left empty and reusable.
    pub fn take(&mut self) -> Vec<Inline> {
        while self.stack.len() > 1 {
            self.close();
        }
        let content = std::mem::take(self.top());
        normalise(content)
    }

    pub fn is_empty(&self) -> bool {
        self.stack.iter().all(|(_, content)| content.is_empty())
    }
}

/// Plain text of inlines.
pub fn plain(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        inline.write_plain(&mut out);
    }
    out
}

/// Is the plain text of `content` empty or whitespace only (`plain(content).trim()` empty,
/// without building it)?
fn is_blank(content: &[Inline]) -> bool {
    content.iter().all(|inline| match inline {
        Inline::Text { text } | Inline::Code { text } => text.trim().is_empty(),
        Inline::Strong { content }
        | Inline::Emphasis { content }
        | Inline::Link { content, .. } => is_blank(content),
    })
}

/// Merge adjacent text nodes, collapse runs of whitespace (including `&emsp;`/`&nbsp;`
/// leftovers) and trim both ends.
pub fn normalise(mut content: Vec<Inline>) -> Vec<Inline> {
    // One text node (most cell pieces): the same steps, in place.
    if let [Inline::Text { text }] = content.as_mut_slice() {
        if needs_collapse(text) {
            *text = collapse_spaces(text);
        }
        trim_ends(&mut content);
        return content;
    }
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for inline in content {
        let inline = match inline {
            Inline::Text { text } => Inline::Text {
                text: if needs_collapse(&text) {
                    collapse_spaces(&text)
                } else {
                    text
                },
            },
            Inline::Strong { content } => Inline::Strong {
                content: normalise_inner(content),
            },
            Inline::Emphasis { content } => Inline::Emphasis {
                content: normalise_inner(content),
            },
            Inline::Link { url, content } => Inline::Link {
                url,
                content: normalise_inner(content),
            },
            code @ Inline::Code { .. } => code,
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text { text: previous }), Inline::Text { text }) => {
                if previous.ends_with(' ') && text.starts_with(' ') {
                    previous.push_str(&text[1..]);
                } else {
                    previous.push_str(&text);
                }
            }
            (_, Inline::Text { text }) if text.is_empty() => {}
            (_, inline) => out.push(inline),
        }
    }
    trim_ends(&mut out);
    out
}

/// `normalise` of `target`, a text `" "` when `target` is not empty, and `more`, where
/// `target` and `more` are both `normalise` output: only the junction is merged (the parts
/// are not read again, which made a long list item quadratic).
pub fn append_normalised(target: &mut Vec<Inline>, more: Vec<Inline>) {
    if target.is_empty() {
        *target = more;
        return;
    }
    // Normalised content is trimmed: its last text ends with no space.
    match target.last_mut() {
        Some(Inline::Text { text }) => text.push(' '),
        _ => target.push(Inline::Text { text: " ".into() }),
    }
    let mut more = more.into_iter();
    if let Some(first) = more.next() {
        match (target.last_mut(), first) {
            (Some(Inline::Text { text }), Inline::Text { text: next }) => {
                text.push_str(next.strip_prefix(' ').unwrap_or(&next));
            }
            (_, first) => target.push(first),
        }
        target.extend(more);
    }
    trim_ends(target);
}

fn normalise_inner(content: Vec<Inline>) -> Vec<Inline> {
    let mut out = normalise(content);
    trim_ends(&mut out);
    out
}

fn trim_ends(out: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = out.first_mut() {
        let leading = text.len() - text.trim_start().len();
        text.drain(..leading);
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        text.truncate(text.trim_end().len());
    }
    out.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

/// Does `text` hold whitespace other than single ASCII spaces?
pub fn needs_collapse(text: &str) -> bool {
    let bytes = text.as_bytes();
    // First a pass without branches (vectorised): most texts have no control byte, no two
    // spaces in a row and no lead byte of a non-ASCII space, and need nothing more.
    let suspicious = |a: u8, b: u8| {
        (a <= b'\r')
            | (a == b' ') & (b == b' ')
            | (a == 0xC2)
            | (a == 0xE1) & (b == 0x9A)
            | (a == 0xE2)
            | (a == 0xE3)
    };
    let tail = bytes.last().is_some_and(|&b| b <= b'\r');
    if !tail
        && !bytes
            .iter()
            .zip(bytes.iter().skip(1))
            .fold(false, |any, (&a, &b)| any | suspicious(a, b))
    {
        return false;
    }
    let mut previous_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if previous_space => return true,
            b' ' => previous_space = true,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => return true,
            // Lead bytes of the only non-ASCII whitespace: U+0085 and U+00A0 (0xC2),
            // U+1680 (0xE1), U+2000–U+205F (0xE2), U+3000 (0xE3). Other bytes are letters.
            0xC2 | 0xE1 | 0xE2 | 0xE3 if crate::chars::non_ascii_space(&bytes[i..]) => return true,
            _ => previous_space = false,
        }
    }
    false
}

/// Runs of whitespace (any Unicode space: `&emsp;`, `&nbsp;`, tabs) become one ASCII space.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The `unsafe-url` warning shared by the sections and cells passes (both use this module, neither the other).
pub fn unsafe_url_diagnostic(url: &str, scheme: &str, line: u32) -> Diagnostic {
    Message::UnsafeUrl {
        url: truncate(url, 80),
        scheme: scheme.to_string(),
    }
    .warning(Some(line))
}

pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_schemes() {
        assert!(check_url("https://docs.aws.amazon.com/").is_ok());
        assert!(check_url("mailto:a@b.c").is_ok());
        assert!(check_url("1.2-week2/").is_ok());
        assert!(check_url("//cdn.example.com/x").is_ok());
        assert!(check_url("docs/a:b").is_ok());
        assert_eq!(check_url("javascript:alert(1)"), Err("javascript:".into()));
        assert_eq!(
            check_url(" JaVa\tScRipt:alert(1)"),
            Err("javascript:".into())
        );
        assert_eq!(check_url("data:text/html;base64,xx"), Err("data:".into()));
        assert_eq!(check_url("vbscript:x"), Err("vbscript:".into()));
        assert_eq!(check_url("ftp://x"), Err("ftp:".into()));
    }

    #[test]
    fn plainly_safe_only_where_the_full_rule_accepts() {
        let parts = [
            "http",
            "HTTPS",
            "mailto",
            "MailTo",
            "ftp",
            "javascript",
            "java\tscript",
            ":",
            "//",
            "/",
            "?",
            "#",
            "a",
            "é",
            "\u{1}",
            " ",
            "x.y",
            "0",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let url = format!("{a}{b}{c}");
                    let url = url.trim();
                    if plainly_safe(url) {
                        assert!(scheme_check(url).is_ok(), "{url:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn append_normalised_is_normalise_of_the_whole() {
        let text = |t: &str| Inline::Text { text: t.into() };
        let strong = |t: &str| Inline::Strong {
            content: vec![text(t)],
        };
        let parts = [
            vec![],
            vec![text("  a  b ")],
            vec![text(" ")],
            vec![strong(" x ")],
            vec![text("a"), strong("b"), text(" c\u{a0}")],
            vec![strong("b"), text(" c ")],
            vec![Inline::Code { text: " y ".into() }],
        ];
        for a in &parts {
            for b in &parts {
                let (a, b) = (normalise(a.clone()), normalise(b.clone()));
                let mut whole = a.clone();
                if !whole.is_empty() {
                    whole.push(text(" "));
                }
                whole.extend(b.clone());
                let mut appended = a.clone();
                append_normalised(&mut appended, b.clone());
                assert_eq!(appended, normalise(whole), "{a:?} + {b:?}");
            }
        }
    }

    #[test]
    fn br_forms() {
        assert!(is_br("<br>"));
        assert!(is_br("<BR/>"));
        assert!(is_br("<br />"));
        assert!(!is_br("<b>"));
    }
}
