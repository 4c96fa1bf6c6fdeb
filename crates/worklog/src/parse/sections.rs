//! Pass 3: the page outline. Headings (`#`–`######`) and bold-paragraph headings
//! (`**Weekly objectives:**`) are matched against bilingual section keywords (survey §6);
//! the lists under objectives, achievements and the other recognised sections become nested
//! [`Item`]s of structured inline content. Text under a heading no keyword names, or with no
//! heading, becomes a section of kind `other`: no block of the page is left out.
//!
//! The markdown is read by pulldown-cmark, so `#` lines inside code fences are never
//! headings, and its source offsets give every heading its 1-based line.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::message::Message;
use crate::model::{Diagnostic, Inline, Item, Section, SectionKind};
use crate::parse::html_text;
use crate::parse::inline::{self, unsafe_url_diagnostic, InlineBuilder};
use crate::parse::week;

pub use crate::parse::heading::{Heading, BOLD_LEVEL};

/// The level of a headless section: no heading is deeper, so the first one closes it.
const HEADLESS: u8 = u8::MAX;

/// Deeper list nesting is flattened at this depth.
pub const MAX_DEPTH: usize = crate::parse::cells::MAX_DEPTH;

/// What the outline pass found.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Every heading in order, plus bold paragraphs that start a recognised section.
    pub headings: Vec<Heading>,
    pub objectives: Vec<Item>,
    pub achievements: Vec<Item>,
    /// Other recognised sections (tasks, learnings, challenges, plan, notes, references).
    pub sections: Vec<Section>,
    /// Distinct week numbers mentioned by links and raw HTML (an index page lists weeks);
    /// left empty by [`outline_with`] unless asked for.
    pub linked_weeks: BTreeSet<u32>,
    /// Characters of body text (outside headings), whitespace excluded: tells a stub.
    pub text_chars: usize,
    /// Number of tables (pulldown-cmark's reading), for the page kind.
    pub tables: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Sorted byte offsets of line starts, to turn offsets into 1-based lines in O(log n).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        for (start, block) in crate::chars::blocks_holding(text.as_bytes(), |b| b == b'\n') {
            for (j, &b) in block.iter().enumerate() {
                if b == b'\n' {
                    starts.push(start + j + 1);
                }
            }
        }
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
}

/// The recognised section kind of a heading text, if any.
///
/// Matching is case-insensitive and bilingual, tolerant of numbers, emoji, punctuation and
/// trailing topics: the keyword that appears first wins (`Key Tasks & Achievements` is the
/// tasks section). When the heading has a `label: topic` form, only the label is searched,
/// so a topic such as "… results" cannot turn a week heading into a section.
pub fn classify(heading: &str) -> Option<SectionKind> {
    let lower = crate::chars::to_lowercase(heading);
    let label = match lower.split_once(':') {
        Some((label, _)) if label.chars().any(crate::chars::is_alphabetic) => label,
        _ => lower.as_str(),
    };
    let text = normalise_words(label);
    // Leftmost-longest matches, left to right without overlap; the first one that starts a
    // word.
    let mut from = 0;
    while let Some((start, len, kind)) = leftmost_longest(&text, from) {
        if start == 0 || text.as_bytes()[start - 1] == b' ' {
            return Some(kind);
        }
        from = start + len;
    }
    None
}

/// The keyword that starts leftmost in `text[from..]` (the longest there, the first listed
/// among equally long): its start, length and kind. The keywords are few and headings short.
fn leftmost_longest(text: &str, from: usize) -> Option<(usize, usize, SectionKind)> {
    for start in from..text.len() {
        let rest = &text.as_bytes()[start..];
        // Only where some keyword starts (never inside a character: no keyword starts with
        // a continuation byte).
        if !KEYWORD_FIRST_BYTES[usize::from(rest[0])] || !text.is_char_boundary(start) {
            continue;
        }
        let mut best: Option<(usize, SectionKind)> = None;
        for &(word, kind) in &keywords_by_first_byte()[usize::from(rest[0])] {
            if rest.starts_with(word.as_bytes()) && best.is_none_or(|(len, _)| word.len() > len) {
                best = Some((word.len(), kind));
            }
        }
        if let Some((len, kind)) = best {
            return Some((start, len, kind));
        }
    }
    None
}

/// Letters and digits kept, everything else a single space (emoji, `#`, `&`, `/`, `.`).
fn normalise_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if crate::chars::is_alphanumeric(c) {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out
}

/// [`KEYWORDS`] by their first byte, each list in the order of `KEYWORDS` (so the first
/// listed still wins among equally long ones).
fn keywords_by_first_byte() -> &'static [Vec<(&'static str, SectionKind)>] {
    static BY_BYTE: std::sync::OnceLock<Vec<Vec<(&'static str, SectionKind)>>> =
        std::sync::OnceLock::new();
    BY_BYTE.get_or_init(|| {
        let mut by_byte = vec![Vec::new(); 256];
        for (kind, list) in KEYWORDS {
            for word in *list {
                by_byte[usize::from(word.as_bytes()[0])].push((*word, *kind));
            }
        }
        by_byte
    })
}

/// The first bytes of the section keywords.
const KEYWORD_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < KEYWORDS.len() {
        let list = KEYWORDS[k].1;
        let mut w = 0;
        while w < list.len() {
            table[list[w].as_bytes()[0] as usize] = true;
            w += 1;
        }
        k += 1;
    }
    table
};

/// Section keywords (lower case, matched at the start of a word, so plurals match).
const KEYWORDS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Objectives,
        &["objective", "goal", "mục tiêu", "muc tieu", "trọng tâm"],
    ),
    (
        SectionKind::Tasks,
        &[
            "task",
            "công việc",
            "đầu việc",
            "nhiệm vụ",
            "theo ngày",
            "work completed",
            "daily",
            "hằng ngày",
            "hàng ngày",
            "activities",
            "hoạt động",
        ],
    ),
    (
        SectionKind::Achievements,
        &[
            "achievement",
            "achivement",
            "achievment",
            "outcome",
            "result",
            "accomplishment",
            "deliverable",
            "kết quả",
            "thành tựu",
            "thành tích",
        ],
    ),
    (
        SectionKind::Learnings,
        &[
            "lesson",
            "learn",
            "knowledge",
            "takeaway",
            "module",
            "certification",
            "kiến thức",
            "bài học",
            "đã học",
        ],
    ),
    (
        SectionKind::Challenges,
        &[
            "challenge",
            "issue",
            "problem",
            "solution",
            "difficult",
            "obstacle",
            "khó khăn",
            "thách thức",
            "vấn đề",
            "giải pháp",
            "hướng xử lý",
            "cách xử lý",
        ],
    ),
    (
        SectionKind::Plan,
        &[
            "plan",
            "next week",
            "future",
            "kế hoạch",
            "tuần sau",
            "tuần tiếp theo",
            "hướng cải thiện",
        ],
    ),
    (
        SectionKind::Notes,
        &[
            "comment",
            "note",
            "reflection",
            "overview",
            "summary",
            "context",
            "period",
            "duration",
            "bình luận",
            "ghi chú",
            "nhận xét",
            "tổng quan",
            "tổng kết",
            "thời gian thực hiện",
            "khoảng thời gian",
        ],
    ),
    (
        SectionKind::References,
        &["reference", "resource", "evidence", "tài liệu", "nguồn"],
    ),
];

/// The section being filled.
struct Open {
    kind: SectionKind,
    level: u8,
    heading: String,
    line: u32,
    items: Vec<Item>,
    /// A sub-heading inside the section (`#### 1. CloudWatch`, `**Practice**`): following
    /// blocks become its children.
    sub: Option<Item>,
}

impl Open {
    fn new(kind: SectionKind, level: u8, heading: String, line: u32) -> Self {
        Open {
            kind,
            level,
            heading,
            line,
            items: Vec::new(),
            sub: None,
        }
    }

    /// A sub-heading inside the section: what follows becomes its children.
    fn start_sub(&mut self, content: Vec<Inline>) {
        self.close_sub();
        self.sub = Some(Item {
            content,
            children: Vec::new(),
        });
    }

    fn push(&mut self, item: Item) {
        match &mut self.sub {
            Some(sub) => sub.children.push(item),
            None => self.items.push(item),
        }
    }

    fn close_sub(&mut self) {
        if let Some(sub) = self.sub.take() {
            self.items.push(sub);
        }
    }
}

/// Builder state for one pass over the events.
#[derive(Default)]
struct State {
    outline: Outline,
    open: Option<Open>,
    /// Items being built, innermost last (nested list items).
    items: Vec<Item>,
    /// Finished items per open list, innermost last.
    lists: Vec<Vec<Item>>,
    inline: InlineBuilder,
    /// Inside a heading: its level and start line.
    heading: Option<(u8, u32)>,
    /// Depth of constructs whose content is skipped (tables, metadata blocks).
    skip: usize,
    code: Option<String>,
    /// Inside a raw HTML block: its text so far and its first line.
    html: Option<(String, u32)>,
    paragraph_line: u32,
    /// First line of the current top-level block: where a headless section starts.
    block_line: u32,
    /// Unsafe URLs of the inline builder already turned into diagnostics.
    reported: usize,
    /// Lists and items nested deeper than [`MAX_DEPTH`]: their text is flattened into
    /// children of the deepest kept item (bounded recursion downstream).
    overflow_lists: usize,
    overflow_items: usize,
    /// Collect `Outline::linked_weeks` (read only for some pages; see
    /// [`crate::parse::kind::reads_linked_weeks`]).
    linked: bool,
}

impl State {
    /// Attach a finished block item where it belongs: the current list item, else the open
    /// section (or its sub-heading), else a headless section: no content is left out.
    fn emit(&mut self, item: Item) {
        if item.content.is_empty() && item.children.is_empty() {
            return;
        }
        if is_placeholder(&item) {
            return;
        }
        if let Some(parent) = self.items.last_mut() {
            parent.children.push(item);
        } else {
            self.open_or_headless().push(item);
        }
    }

    /// The open section, or a headless one for content before the first heading (or after
    /// a thematic break): any heading closes it.
    fn open_or_headless(&mut self) -> &mut Open {
        let line = self.block_line;
        self.open
            .get_or_insert_with(|| Open::new(SectionKind::Other, HEADLESS, String::new(), line))
    }

    fn close_section(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        open.close_sub();
        match open.kind {
            SectionKind::Objectives => self.outline.objectives.extend(open.items),
            SectionKind::Achievements => self.outline.achievements.extend(open.items),
            // A heading alone (the page title before `## Objectives`) holds nothing to keep.
            SectionKind::Other if open.items.is_empty() => {}
            kind => self.outline.sections.push(Section {
                kind,
                heading: open.heading,
                line: open.line,
                items: open.items,
            }),
        }
    }

    /// A heading (or bold paragraph) ended: start, continue or close a section.
    fn heading(&mut self, level: u8, content: Vec<Inline>, line: u32) {
        let text = inline::plain(&content).trim().to_string();
        let kind = classify(&text);
        self.outline.headings.push(Heading {
            level,
            text: text.clone(),
            line,
            kind,
        });
        let deeper = self.open.as_ref().is_some_and(|open| level > open.level);
        let same_kind = self
            .open
            .as_ref()
            .is_some_and(|open| Some(open.kind) == kind);
        // A recognised heading starts its section (unless it is a sub-heading of the same
        // kind); one no keyword names starts a section of its own, kept as written, unless it
        // sits deeper inside the open one.
        let starts = match kind {
            Some(kind) if !(deeper && same_kind) => Some(kind),
            None if !deeper => Some(SectionKind::Other),
            _ => None,
        };
        match starts {
            Some(kind) => {
                self.close_section();
                self.open = Some(Open::new(kind, level, text, line));
            }
            None => {
                if let Some(open) = &mut self.open {
                    open.start_sub(content);
                }
            }
        }
    }
}

/// Template leftovers (`* ...`) carry nothing.
fn is_placeholder(item: &Item) -> bool {
    if !item.children.is_empty() {
        return false;
    }
    // A placeholder has at most three characters besides white space: the plain text is
    // only built for such items.
    let mut budget = 3;
    let mut text = String::new();
    short_plain(&item.content, &mut text, &mut budget)
        && matches!(text.trim(), "..." | "…" | "-" | "")
}

/// `inline::plain(content)` into `out`, or false as soon as it holds more than `budget`
/// characters that are not white space.
fn short_plain(content: &[Inline], out: &mut String, budget: &mut usize) -> bool {
    for node in content {
        match node {
            Inline::Text { text } | Inline::Code { text } => {
                for c in text.chars() {
                    if !c.is_whitespace() {
                        if *budget == 0 {
                            return false;
                        }
                        *budget -= 1;
                    }
                }
                out.push_str(text);
            }
            Inline::Strong { content }
            | Inline::Emphasis { content }
            | Inline::Link { content, .. } => {
                if !short_plain(content, out, budget) {
                    return false;
                }
            }
        }
    }
    true
}

/// A paragraph that is only bold text (plus an optional colon) and short is used as a
/// heading by some pages: `**Weekly objectives:**`, `**Key Learnings:**`.
fn bold_heading(content: &[Inline]) -> bool {
    let mut strong = 0;
    for inline in content {
        match inline {
            Inline::Strong { .. } => strong += 1,
            Inline::Text { text } if text.trim().trim_matches(':').trim().is_empty() => {}
            _ => return false,
        }
    }
    strong == 1 && inline::plain(content).chars().count() <= 100
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Remove Hugo shortcodes (`{{% notice warning %}}`, `{{< ref >}}`) from text.
fn strip_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("{{") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) if after.starts_with(['%', '<']) => rest = &after[end + 2..],
            _ => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Read the outline of `text[body_offset..]`; lines are those of the whole `text`.
pub fn outline(text: &str, body_offset: usize, lines: &LineIndex) -> Outline {
    outline_with(text, body_offset, lines, true)
}

/// [`outline`], with `linked_weeks` left empty unless `linked` (looking for week mentions
/// in every text of the page is a few percent of a parse, and only index pages read them).
pub fn outline_with(text: &str, body_offset: usize, lines: &LineIndex, linked: bool) -> Outline {
    let body = text.get(body_offset..).unwrap_or("");
    let mut state = State {
        linked,
        ..State::default()
    };
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        // The line is looked up (a binary search) only for events that use it: not for the
        // text and the table cells that are most events.
        let offset = body_offset + range.start;
        if matches!(event, Event::Start(_)) && state.items.is_empty() && state.lists.is_empty() {
            state.block_line = lines.line(offset);
        }
        if state.skip > 0 {
            match &event {
                // Index tables link the weeks: `| [**Week 1**](1.1-Week1/) | … |`.
                Event::Text(text) if state.linked => state
                    .outline
                    .linked_weeks
                    .extend(week::numbers_in_text(text)),
                Event::Start(Tag::Table(_) | Tag::MetadataBlock(_)) => state.skip += 1,
                Event::End(TagEnd::Table | TagEnd::MetadataBlock(_)) => state.skip -= 1,
                _ => {}
            }
            continue;
        }
        if let Some(code) = &mut state.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    let text = state.code.take().unwrap_or_default();
                    let text = text.trim_end_matches('\n').to_string();
                    if !text.trim().is_empty() {
                        state.outline.text_chars += crate::chars::non_whitespace_count(&text);
                        state.emit(Item {
                            content: vec![Inline::Code { text }],
                            children: Vec::new(),
                        });
                    }
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Text(text) => {
                if state.heading.is_none() {
                    state.outline.text_chars += crate::chars::non_whitespace_count(text);
                }
                if state.linked {
                    state.outline.linked_weeks.extend(linked_week(text));
                }
                let text = strip_shortcodes(text);
                state.inline.push_text(&text);
                continue;
            }
            Event::Html(html) | Event::InlineHtml(html) if state.linked => {
                // Raw-HTML index pages: `<h5>Week 1</h5>`, `href="./week-01/"`.
                state
                    .outline
                    .linked_weeks
                    .extend(week::numbers_in_text(html));
                state
                    .outline
                    .linked_weeks
                    .extend(week::number_in_path(html));
            }
            _ => {}
        }
        let line = lines.line(offset);
        match &event {
            Event::Start(Tag::HtmlBlock) => {
                state.html = Some((String::new(), line));
                continue;
            }
            Event::Html(html) => {
                if let Some((block, first)) = &mut state.html {
                    if block.is_empty() {
                        // The block's own first line (in a list item the block's range
                        // starts with the item's text).
                        *first = line;
                    }
                    block.push_str(html);
                }
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((block, first)) = state.html.take() {
                    html_block(&mut state, &block, first);
                }
                continue;
            }
            _ => {}
        }
        if state.inline.event(&event) {
            while state.reported < state.inline.unsafe_urls.len() {
                let (url, scheme) = &state.inline.unsafe_urls[state.reported];
                state
                    .outline
                    .diagnostics
                    .push(unsafe_url_diagnostic(url, scheme, line));
                state.reported += 1;
            }
            continue;
        }
        match event {
            Event::Start(Tag::Table(_) | Tag::MetadataBlock(_)) => {
                state.outline.tables += usize::from(matches!(event, Event::Start(Tag::Table(_))));
                state.skip = 1;
            }
            Event::Start(Tag::CodeBlock(_)) => state.code = Some(String::new()),
            Event::Start(Tag::Heading { level, .. }) => {
                state.inline.take();
                state.heading = Some((heading_level(level), line));
            }
            Event::End(TagEnd::Heading(_)) => {
                let content = state.inline.take();
                let (level, line) = state.heading.take().unwrap_or((1, line));
                // A heading inside a list item is content of the item, not structure.
                if state.items.is_empty() {
                    state.heading(level, content, line);
                } else {
                    state.emit(Item {
                        content,
                        children: Vec::new(),
                    });
                }
            }
            Event::Start(Tag::Paragraph) => state.paragraph_line = line,
            Event::End(TagEnd::Paragraph) => {
                if state.overflow_items > 0 {
                    flush_tight_text(&mut state);
                } else if let Some(item) = state.items.last_mut() {
                    // Paragraphs of one list item (loose lists) share the item's content.
                    let content = state.inline.take();
                    if !content.is_empty() {
                        inline::append_normalised(&mut item.content, content);
                    }
                } else {
                    let content = state.inline.take();
                    if bold_heading(&content) && classify(&inline::plain(&content)).is_some() {
                        state.heading(BOLD_LEVEL, content, state.paragraph_line);
                    } else if bold_heading(&content) && state.open.is_some() {
                        // A bold sub-heading inside a section (`**1. Amazon CloudWatch**`).
                        if let Some(open) = &mut state.open {
                            open.start_sub(content);
                        }
                    } else {
                        state.emit(Item {
                            content,
                            children: Vec::new(),
                        });
                    }
                }
            }
            Event::Start(Tag::List(_)) => {
                flush_tight_text(&mut state);
                if state.items.len() >= MAX_DEPTH {
                    state.overflow_lists += 1;
                } else {
                    state.lists.push(Vec::new());
                }
            }
            Event::End(TagEnd::List(_)) => {
                if state.overflow_lists > 0 {
                    state.overflow_lists -= 1;
                } else {
                    let items = state.lists.pop().unwrap_or_default();
                    for item in items {
                        state.emit(item);
                    }
                }
            }
            Event::Start(Tag::Item) => {
                if state.items.len() >= MAX_DEPTH {
                    state.overflow_items += 1;
                } else {
                    state.items.push(Item::default());
                }
            }
            Event::End(TagEnd::Item) if state.overflow_items > 0 => {
                flush_tight_text(&mut state);
                state.overflow_items -= 1;
            }
            Event::End(TagEnd::Item) => {
                flush_tight_text(&mut state);
                if let Some(item) = state.items.pop() {
                    let empty = item.content.is_empty() && item.children.is_empty();
                    if !empty && !is_placeholder(&item) {
                        match state.lists.last_mut() {
                            Some(list) => list.push(item),
                            None => state.emit(item),
                        }
                    }
                }
            }
            // A thematic break ends the section: what follows up to the next heading is
            // separate content (`---` between the weeks of a whole-internship page).
            Event::Rule if state.items.is_empty() => state.close_section(),
            _ => {}
        }
    }
    // Unterminated constructs at end of input: keep what was read.
    while let Some(item) = state.items.pop() {
        state.emit(item);
    }
    state.close_section();
    // Index pages link the weeks: `[Doing task A...](1.2-week2/)`.
    if state.linked {
        for url in &state.inline.links {
            state.outline.linked_weeks.extend(week::number_in_path(url));
        }
    }
    state.outline
}

/// A raw HTML block (`<div class="card">…<h5>Lab 001</h5><p>…</p>`): never rendered, but its
/// words are the intern's, so they are kept as text, one item per block-level element (in a
/// list item, appended to it), with a note that the tags were dropped.
fn html_block(state: &mut State, html: &str, line: u32) {
    let lines = html_text::lines(html);
    if lines.is_empty() {
        return;
    }
    for text in &lines {
        state.outline.text_chars += text.chars().filter(|c| !c.is_whitespace()).count();
    }
    let count = lines.len();
    // The item's own words come first (a tight item's text is otherwise added at its end).
    flush_tight_text(state);
    let items: Vec<Item> = lines
        .into_iter()
        .map(|text| Item {
            content: vec![Inline::Text {
                text: strip_shortcodes(&text).into_owned(),
            }],
            children: Vec::new(),
        })
        .collect();
    if let Some(item) = state.items.last_mut() {
        for extra in items {
            if !item.content.is_empty() {
                item.content.push(Inline::Text { text: " ".into() });
            }
            item.content.extend(extra.content);
        }
        item.content = inline::normalise(std::mem::take(&mut item.content));
    } else {
        for item in items {
            state.emit(item);
        }
    }
    state
        .outline
        .diagnostics
        .push(Message::HtmlBlockAsText { lines: count }.info(Some(line)));
}

/// Tight list items have no paragraph events: their text is flushed into the item when a
/// nested list starts or the item ends.
fn flush_tight_text(state: &mut State) {
    if state.inline.is_empty() {
        return;
    }
    let content = state.inline.take();
    if state.overflow_items > 0 {
        state.emit(Item {
            content,
            children: Vec::new(),
        });
        return;
    }
    if let Some(item) = state.items.last_mut() {
        inline::append_normalised(&mut item.content, content);
    }
}

/// Week numbers mentioned by link-ish text (`**Week 3:**`, `Tuần 2`).
fn linked_week(text: &str) -> Vec<u32> {
    week::numbers_in_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Outline {
        outline(text, 0, &LineIndex::new(text))
    }

    #[test]
    fn classify_headings() {
        use SectionKind::*;
        let cases = [
            ("Week 1 Objectives:", Some(Objectives)),
            ("Mục tiêu tuần 1:", Some(Objectives)),
            ("MỤC TIÊU TRONG WEEK 5:", Some(Objectives)),
            ("🎯 Objectives", Some(Objectives)),
            (
                "2. Các công việc cần triển khai trong tuần này:",
                Some(Tasks),
            ),
            ("Tasks to be carried out this week:", Some(Tasks)),
            ("CÁC ĐẦU VIỆC CỦA WEEK 5:", Some(Tasks)),
            ("📋 Tasks for this week", Some(Tasks)),
            ("Key Tasks & Achievements", Some(Tasks)),
            ("Week 5 Achievements:a", Some(Achievements)),
            ("Tasks and Achivements", Some(Tasks)),
            ("Kết quả đạt được tuần 3:", Some(Achievements)),
            ("THÀNH TỰU ĐẠT ĐƯỢC TRONG WEEK 5:", Some(Achievements)),
            ("Week 2 Outcomes", Some(Achievements)),
            ("Key Learnings:", Some(Learnings)),
            ("Challenges & Lessons", Some(Challenges)),
            ("Khó khăn & Bài học", Some(Challenges)),
            ("Next Week Plan", Some(Plan)),
            ("Kế hoạch tuần sau:", Some(Plan)),
            ("Tài liệu tham khảo:", Some(References)),
            ("Week 3: Networking results", None),
            ("Worklog Week 3", None),
            (
                "Week 1 Objectives: Identity and results (Sep 08 – Sep 12)",
                Some(Objectives),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(text), expected, "{text}");
        }
    }

    #[test]
    fn sections_and_nested_items() {
        let text = "### Week 5 Objectives:\n\n* Learn **KMS** and `aws s3`\n\n### Tasks\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Week 5 Achievements:\n\n* Explored:\n  * one\n  * two\n* ...\n\n```\n# not a heading\n```\n";
        let o = run(text);
        assert_eq!(o.objectives.len(), 1);
        assert_eq!(
            o.objectives[0].content,
            vec![
                Inline::Text {
                    text: "Learn ".into()
                },
                Inline::Strong {
                    content: vec![Inline::Text { text: "KMS".into() }]
                },
                Inline::Text {
                    text: " and ".into()
                },
                Inline::Code {
                    text: "aws s3".into()
                },
            ]
        );
        assert_eq!(o.achievements.len(), 2, "{:?}", o.achievements);
        assert_eq!(o.achievements[0].children.len(), 2);
        assert_eq!(o.headings.len(), 3);
        assert_eq!(o.headings[2].line, 10);
        assert_eq!(o.sections[0].kind, SectionKind::Tasks);
    }

    #[test]
    fn bold_paragraph_headings() {
        let o = run("**Weekly objectives:**\n- a\n- b\n\n**Key Learnings:**\n- c\n");
        assert_eq!(o.objectives.len(), 2);
        assert_eq!(o.sections[0].kind, SectionKind::Learnings);
        assert_eq!(o.sections[0].line, 5);
    }

    #[test]
    fn unsafe_link_dropped() {
        let o = run("### Objectives\n- [click](javascript:alert(1)) now\n");
        assert_eq!(inline::plain(&o.objectives[0].content), "click now");
        assert_eq!(o.diagnostics[0].code, inline::UNSAFE_URL);
    }
}
