//! Finding catalogue entries in free text: every spelling that starts at a word boundary
//! (found by walking the sorted spellings, [`Matcher`]), then word boundaries, `AWS`/`Amazon`
//! prefixes, plurals and the context rules of `catalogue.toml`.

use std::sync::OnceLock;

use super::catalogue::{self, Entry, Pattern, Rule};

/// One mention of a catalogue entry in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The entry's id (`ec2`, `security-group`).
    pub id: &'static str,
    /// Byte span in the text, including an `AWS `/`Amazon ` prefix, a plural `s` and a
    /// `(ACRONYM)` that follows the long name.
    pub start: usize,
    pub end: usize,
}

impl Match {
    pub fn entry(&self) -> Option<&'static Entry> {
        catalogue::catalogue().get(self.id)
    }
}

/// Every pattern of the catalogue in a byte trie: the keys that are prefixes of a text at
/// some position are found by walking it one byte at a time from that position. Built once
/// per process, in well under a millisecond (see `benches/services.rs`); nothing of it is in
/// the bundle but the code.
///
/// - Every candidate is reported (overlapping): a candidate that fails the word-boundary
///   check must not hide a valid match starting inside it, so the leftmost-longest choice is
///   made afterwards, among valid candidates only.
/// - Patterns are stored lower-cased and the text is lower-cased (ASCII only, so byte
///   offsets do not move) before the search.
pub struct Matcher {
    /// Child of the root for each first byte (0: none).
    root: Vec<u32>,
    /// Nodes; node 0 is the root.
    nodes: Vec<Node>,
    /// Children of each node, sorted by byte: (byte, node).
    edges: Vec<(u8, u32)>,
    /// Pattern indices of the keys ending at each node, in pattern order.
    outputs: Vec<u16>,
    /// Bit `256 * a + b` set when some key of two or more bytes starts with `[a, b]`: most
    /// word starts are rejected here without walking.
    pairs: Vec<u64>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    edges: u32,
    edge_count: u32,
    outputs: u32,
    output_count: u32,
}

impl Matcher {
    /// Does some key start with byte `b`?
    fn starts_with_byte(&self, b: u8) -> bool {
        self.root[usize::from(b)] != 0
    }

    fn pair(&self, a: u8, b: u8) -> bool {
        let bit = usize::from(a) << 8 | usize::from(b);
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// Calls `found(pattern index, key length)` for each key that `hay[start..]` begins with,
    /// shorter keys first, equal keys in pattern order.
    fn prefixes_at(&self, hay: &[u8], start: usize, mut found: impl FnMut(usize, usize)) {
        let b0 = hay[start];
        let mut node = self.root[usize::from(b0)] as usize;
        if node == 0 {
            return;
        }
        let one_byte = self.nodes[node].output_count > 0;
        if !one_byte && !hay.get(start + 1).is_some_and(|&b1| self.pair(b0, b1)) {
            return;
        }
        let mut depth = 1;
        loop {
            let n = self.nodes[node];
            for &p in &self.outputs[n.outputs as usize..(n.outputs + n.output_count) as usize] {
                found(usize::from(p), depth);
            }
            let Some(&b) = hay.get(start + depth) else {
                return;
            };
            let edges = &self.edges[n.edges as usize..(n.edges + n.edge_count) as usize];
            match edges.iter().find(|&&(e, _)| e >= b) {
                Some(&(e, child)) if e == b => node = child as usize,
                _ => return,
            }
            depth += 1;
        }
    }
}

pub(crate) fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(build_matcher)
}

/// Build a fresh matcher (the benchmark measures this; the app builds it once).
pub fn build_matcher() -> Matcher {
    let patterns = catalogue::patterns();
    let mut sorted: Vec<u16> = (0..patterns.len() as u16)
        .filter(|&i| !patterns[usize::from(i)].key.is_empty())
        .collect();
    sorted.sort_unstable_by_key(|&i| (patterns[usize::from(i)].key.as_bytes(), i));
    let keys: Vec<&[u8]> = sorted
        .iter()
        .map(|&i| patterns[usize::from(i)].key.as_bytes())
        .collect();
    let mut matcher = Matcher {
        root: vec![0; 256],
        nodes: Vec::new(),
        edges: Vec::new(),
        outputs: Vec::new(),
        pairs: vec![0; 65536 / 64],
    };
    let mut scratch = Vec::new();
    matcher.add_node(&keys, &sorted, 0, &mut scratch);
    let root = matcher.nodes[0];
    for e in root.edges..root.edges + root.edge_count {
        let (b0, child) = matcher.edges[e as usize];
        matcher.root[usize::from(b0)] = child;
        let n = matcher.nodes[child as usize];
        for e in n.edges..n.edges + n.edge_count {
            let bit = usize::from(b0) << 8 | usize::from(matcher.edges[e as usize].0);
            matcher.pairs[bit >> 6] |= 1 << (bit & 63);
        }
    }
    matcher
}

impl Matcher {
    /// Adds the node of the sorted `keys` (with their pattern indices `sorted`), which share
    /// their first `depth` bytes, and its subtree; returns its index.
    fn add_node(
        &mut self,
        keys: &[&[u8]],
        sorted: &[u16],
        depth: usize,
        scratch: &mut Vec<(u8, u32)>,
    ) -> u32 {
        let id = self.nodes.len();
        self.nodes.push(Node::default());
        // Keys ending here sort first, equal keys in pattern order.
        let ending = keys.iter().take_while(|k| k.len() == depth).count();
        let outputs = self.outputs.len() as u32;
        self.outputs.extend_from_slice(&sorted[..ending]);
        let children = scratch.len();
        let mut at = ending;
        while at < keys.len() {
            let b = keys[at][depth];
            let end = at + keys[at..].partition_point(|k| k[depth] == b);
            let child = self.add_node(&keys[at..end], &sorted[at..end], depth + 1, scratch);
            scratch.push((b, child));
            at = end;
        }
        self.nodes[id] = Node {
            edges: self.edges.len() as u32,
            edge_count: (scratch.len() - children) as u32,
            outputs,
            output_count: ending as u32,
        };
        self.edges.extend(scratch.drain(children..));
        id as u32
    }
}

/// Number of patterns (spellings and generated variants) the matcher holds.
pub fn pattern_count() -> usize {
    catalogue::patterns().len()
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    pattern: &'static Pattern,
    /// Preceded by `AWS ` / `Amazon ` (start then includes the prefix).
    prefixed: bool,
    /// Start of the name itself, after any prefix.
    name_start: usize,
}

/// Every entry mentioned in `text`, in order, with byte spans. URLs are ignored.
pub fn recognise(text: &str) -> Vec<Match> {
    let matcher = matcher();
    let patterns = catalogue::patterns();
    let mut candidates: Vec<Candidate> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let urls = url_spans(&lower);
    let hay = lower.as_bytes();
    for start in 0..hay.len() {
        // Only a start where some spelling begins, at a word boundary, can be a mention
        // (UTF-8 continuation bytes are never a start).
        if !matcher.starts_with_byte(hay[start]) {
            continue;
        }
        let at_boundary = match start.checked_sub(1).map(|p| hay[p]) {
            None => true,
            Some(p) if p.is_ascii() => !(p.is_ascii_alphanumeric() || p == b'_'),
            Some(_) => boundary_before(text, start),
        };
        if !at_boundary {
            continue;
        }
        matcher.prefixes_at(hay, start, |index, len| {
            let pattern = &patterns[index];
            let mut end = start + len;
            if pattern.exact && text.get(start..end) != Some(pattern.text) {
                return;
            }
            if !boundary_after(text, end) {
                let plural_ok = pattern
                    .rule
                    .is_none_or(|r| rule(r).is_some_and(|r| r.default));
                if plural_ok
                    && matches!(text.as_bytes().get(end), Some(b's'))
                    && !pattern.text.ends_with(|c: char| c.is_ascii_digit())
                    && boundary_after(text, end + 1)
                {
                    end += 1;
                } else {
                    return;
                }
            }
            if urls.iter().any(|&(s, e)| start < e && s < end) {
                return;
            }
            candidates.push(Candidate {
                start,
                end,
                pattern,
                prefixed: false,
                name_start: start,
            });
        });
    }
    // Leftmost-longest among valid candidates.
    candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut chosen: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut last_end = 0;
    for c in candidates {
        if c.start >= last_end {
            last_end = c.end;
            chosen.push(c);
        }
    }
    let mut previous_end = 0;
    for c in &mut chosen {
        if let Some(p) = prefix_start(text, c.start).filter(|&p| p >= previous_end) {
            c.prefixed = true;
            c.start = p;
        }
        previous_end = c.end;
    }
    // Unambiguous names first, then the context rules, twice so that two ordinary-word names
    // listed together with a third service can vouch for each other.
    let mut accepted: Vec<bool> = chosen.iter().map(|c| c.pattern.rule.is_none()).collect();
    for _ in 0..2 {
        for i in 0..chosen.len() {
            if accepted[i] {
                continue;
            }
            if let Some(r) = chosen[i].pattern.rule.and_then(rule) {
                accepted[i] = rule_accepts(text, &chosen, &accepted, i, r);
            }
        }
    }
    let mut out: Vec<Match> = Vec::new();
    for (c, ok) in chosen.iter().zip(accepted) {
        if !ok {
            continue;
        }
        let id = catalogue::entry_at(usize::from(c.pattern.entry)).id;
        // `Long Name (ACRONYM)` / `ACRONYM (Long Name)`: one mention.
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..c.start).unwrap_or_default();
            if last.id == id && gap.trim() == "(" && text[c.end..].starts_with(')') {
                last.end = c.end + 1;
                continue;
            }
        }
        out.push(Match {
            id,
            start: c.start,
            end: c.end,
        });
    }
    out
}

/// The distinct entry ids mentioned in `text`, in order of first mention.
pub fn mentioned_ids(text: &str) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for m in recognise(text) {
        if !ids.contains(&m.id) {
            ids.push(m.id);
        }
    }
    ids
}

/// Entries named by a command in inline code: `aws s3 ls` (S3 and the AWS CLI), `cdk deploy`,
/// `sam build`, `eksctl`, `eb init`. Other code (file names, snippets) names nothing.
pub fn recognise_command(code: &str) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    let mut push = |id: &'static str| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    };
    let cat = catalogue::catalogue();
    let tokens: Vec<&str> = code.split_whitespace().collect();
    for (i, token) in tokens.iter().enumerate() {
        let starts_command = i == 0 || matches!(tokens[i - 1], "$" | "&&" | "|" | ";" | "sudo");
        let word = token.to_ascii_lowercase();
        let tool = match word.as_str() {
            "aws" => {
                if let Some(e) = cat.get("aws-cli") {
                    push(e.id);
                }
                if let Some(next) = tokens.get(i + 1) {
                    if let Some(e) = catalogue::cli_entry(&next.to_ascii_lowercase()) {
                        push(catalogue::entry_at(e).id);
                    }
                }
                None
            }
            "cdk" if starts_command => Some("cdk"),
            "sam" if starts_command => Some("sam"),
            "eksctl" => Some("eks"),
            "eb" if starts_command => Some("elasticbeanstalk"),
            "amplify" if starts_command => Some("amplify"),
            "copilot" if starts_command => Some("copilot"),
            _ => None,
        };
        if let Some(e) = tool.and_then(|id| cat.get(id)) {
            push(e.id);
        }
    }
    ids
}

fn rule(index: u16) -> Option<&'static Rule> {
    catalogue::rules().get(usize::from(index))
}

fn rule_accepts(
    text: &str,
    chosen: &[Candidate],
    accepted: &[bool],
    i: usize,
    rule: &Rule,
) -> bool {
    let c = &chosen[i];
    let after = next_words(text, c.end);
    if rule.never_after.iter().any(|w| starts_with_word(&after, w)) {
        return false;
    }
    if c.prefixed {
        return true;
    }
    let capitalised = text[c.name_start..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if rule.capital && !capitalised {
        return false;
    }
    if rule.after.iter().any(|w| starts_with_word(&after, w)) {
        return true;
    }
    if let Some(prev) = previous_word(text, c.start) {
        if rule.before.iter().any(|w| *w == prev) {
            return true;
        }
    }
    if rule.list && capitalised && listed_with_service(text, chosen, accepted, i) {
        return true;
    }
    if rule.proper && capitalised && !sentence_initial(text, c.start) {
        return true;
    }
    rule.default
}

/// Next-to-`i` accepted mention separated only by list punctuation or `and`/`or`/`và`.
fn listed_with_service(text: &str, chosen: &[Candidate], accepted: &[bool], i: usize) -> bool {
    let c = &chosen[i];
    let before = (0..i).rev().find(|&j| accepted[j]);
    let after = (i + 1..chosen.len()).find(|&j| accepted[j]);
    let is_list_gap = |gap: &str| {
        if gap.len() > 16 || gap.contains('\n') {
            return false;
        }
        // A hyphen separates list items only with spaces around it (`Kiro-CLI` is one name).
        if gap.trim() == "-" {
            return gap.starts_with(char::is_whitespace) && gap.ends_with(char::is_whitespace);
        }
        let mut saw_separator = false;
        for word in
            gap.split(|ch: char| ch.is_whitespace() || ",/&+;()\u{2013}\u{2014}".contains(ch))
        {
            match word {
                "" => {}
                "and" | "or" | "và" | "hoặc" => saw_separator = true,
                _ => return false,
            }
        }
        saw_separator || gap.contains([',', '/', '&', '+', ';', '(', '\u{2013}', '\u{2014}'])
    };
    before.is_some_and(|j| chosen[j].end <= c.start && is_list_gap(&text[chosen[j].end..c.start]))
        || after
            .is_some_and(|j| c.end <= chosen[j].start && is_list_gap(&text[c.end..chosen[j].start]))
}

/// Whether `text` starts with the word or phrase `cue` as a whole word, a plural allowed
/// ("crawlers" for `crawler`, not "planning" for `plan`).
fn starts_with_word(text: &str, cue: &str) -> bool {
    let Some(rest) = text.strip_prefix(cue) else {
        return false;
    };
    let rest = rest
        .strip_prefix("es")
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .or_else(|| rest.strip_prefix('s'))
        .unwrap_or(rest);
    !rest.starts_with(char::is_alphanumeric) || cue.ends_with(|c: char| !c.is_alphanumeric())
}

/// Lower-cased text following a match, leading spaces skipped, at most ~40 bytes.
fn next_words(text: &str, end: usize) -> String {
    let rest = text[end..].trim_start_matches([' ', '\t', '-']);
    let mut out = String::new();
    for ch in rest.chars().take(40) {
        out.extend(ch.to_lowercase());
    }
    out
}

/// The lower-cased word just before `start`.
fn previous_word(text: &str, start: usize) -> Option<String> {
    let head = text[..start].trim_end();
    let word_start = head
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_alphanumeric() || *ch == '-')
        .last()
        .map(|(i, _)| i)?;
    Some(head[word_start..].to_lowercase())
}

/// Whether a capitalised word at `start` is capitalised because a sentence, line or list item
/// starts there (so it says nothing about being a name).
fn sentence_initial(text: &str, start: usize) -> bool {
    match text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
    {
        None => true,
        Some(ch) => !(ch.is_alphanumeric() || matches!(ch, ',' | ';' | '/' | '&' | ')' | '\'')),
    }
}

/// Start of an `AWS ` / `Amazon ` written right before a name at `start`.
fn prefix_start(text: &str, start: usize) -> Option<usize> {
    let head = text[..start].trim_end_matches([' ', '-']);
    if head.len() == text[..start].len() {
        return None;
    }
    for prefix in ["amazon", "aws"] {
        if head.len() >= prefix.len() {
            let at = head.len() - prefix.len();
            if head.is_char_boundary(at)
                && head[at..].eq_ignore_ascii_case(prefix)
                && boundary_before(text, at)
            {
                return Some(at);
            }
        }
    }
    None
}

fn is_word_char(ch: char) -> bool {
    crate::chars::is_alphanumeric(ch) || ch == '_'
}

fn boundary_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|head| head.chars().next_back())
        .is_none_or(|ch| !is_word_char(ch))
}

fn boundary_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|tail| tail.chars().next())
        .is_none_or(|ch| !is_word_char(ch))
}

/// Byte spans of URLs and host names, where nothing is a mention (`.../lambda/latest/...`).
/// `lower` is the text in ASCII lower case.
fn url_spans(lower: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    if !lower.bytes().any(|b| b == b':' || b == b'.') {
        return spans;
    }
    // Tokens end with (and include) a separator. Only a token holding `:`, `.` or `%` can be
    // a URL, so the tokens around those bytes are the only ones looked at.
    let is_separator = |ch: char| ch.is_whitespace() || "<>\"'`()[]".contains(ch);
    let bytes = lower.as_bytes();
    // Start of the token the search is in (every earlier token is decided).
    let mut token_start = 0;
    let mut from = 0;
    while let Some(k) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'.' | b':' | b'%'))
    {
        let at = from + k;
        let start = lower[token_start..at]
            .char_indices()
            .rev()
            .find(|&(_, ch)| is_separator(ch))
            .map_or(token_start, |(i, ch)| token_start + i + ch.len_utf8());
        let end = lower[at..]
            .char_indices()
            .find(|&(_, ch)| is_separator(ch))
            .map_or(lower.len(), |(i, ch)| at + i + ch.len_utf8());
        let token = &lower[start..end];
        let is_url = token.contains("://")
            || token.starts_with("www.")
            || token.contains(".amazonaws.com")
            || token.contains("aws.amazon.com")
            || token.contains(".awsstudygroup.com")
            || token.contains(".com/")
            // Relative links and file paths written in the text (`../lab-13-aws-backup-plan.md`).
            || token.contains("%20")
            || token.contains(".md")
            || token.starts_with("../")
            || token.starts_with("./");
        if is_url {
            spans.push((start, end));
        }
        token_start = end;
        from = end;
    }
    spans
}
