//! Line-level table syntax: splitting a row into cells and recognising separator rows.
//!
//! Cells are split on `|` except inside backtick code spans and when escaped as `\|`; real
//! pages put shell pipes inside inline code (`` `filter … | stats count()` ``). The scan is a
//! single pass with precomputed code-span pairs, so a 10,000-cell row or a line of 100,000
//! backticks stays linear.

use std::collections::{HashMap, VecDeque};

/// A row split into cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitRow {
    /// Cell texts, trimmed, `\|` unescaped.
    pub cells: Vec<String>,
    /// The line started with `|` (after indentation).
    pub leading_pipe: bool,
    /// The line ended with an unescaped `|` outside code.
    pub closing_pipe: bool,
}

/// Byte ranges `[open, close)` of code spans in `line`: a run of N backticks up to the next
/// run of exactly N backticks. Unmatched runs are literal.
fn code_spans(bytes: &[u8]) -> Vec<(usize, usize)> {
    if !bytes.contains(&b'`') {
        return Vec::new();
    }
    // Runs of backticks: (start, length).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    // Per length, the queue of run indices not yet consumed.
    let mut by_len: HashMap<usize, VecDeque<usize>> = HashMap::new();
    for (index, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().push_back(index);
    }
    let mut spans = Vec::new();
    let mut index = 0;
    while index < runs.len() {
        let (start, len) = runs[index];
        let queue = by_len.entry(len).or_default();
        while queue.front().is_some_and(|&j| j <= index) {
            queue.pop_front();
        }
        match queue.pop_front() {
            Some(close) => {
                let (close_start, close_len) = runs[close];
                spans.push((start, close_start + close_len));
                index = close + 1;
            }
            None => index += 1,
        }
    }
    spans
}

/// Positions of the `|` that separate cells.
fn pipe_positions(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let spans = code_spans(bytes);
    let mut next_span = 0;
    // Sized once: at most every `|` separates (counted without branches, vectorised).
    let mut pipes = Vec::with_capacity(
        bytes
            .iter()
            .fold(0usize, |n, &b| n + usize::from(b == b'|')),
    );
    let mut i = 0;
    while i < bytes.len() {
        while spans.get(next_span).is_some_and(|&(_, end)| end <= i) {
            next_span += 1;
        }
        // Up to the next code span, only `\` and `|` matter.
        let limit = match spans.get(next_span) {
            Some(&(start, end)) if start <= i => {
                i = end;
                continue;
            }
            Some(&(start, _)) => start,
            None => bytes.len(),
        };
        match pipe_or_backslash(&bytes[i..limit]) {
            Some(k) if bytes[i + k] == b'|' => {
                pipes.push(i + k);
                i += k + 1;
            }
            Some(k) => i += k + 2,
            None => i = limit,
        }
    }
    pipes
}

/// The first `|` or `\` of `bytes`, looked for a block at a time.
fn pipe_or_backslash(bytes: &[u8]) -> Option<usize> {
    let is_wanted = |b: u8| (b == b'|') | (b == b'\\');
    crate::chars::blocks_holding(bytes, is_wanted)
        .find_map(|(start, block)| block.iter().position(|&b| is_wanted(b)).map(|k| start + k))
}

fn clean_cell(raw: &str) -> String {
    let trimmed = raw.trim();
    if trimmed.contains("\\|") {
        trimmed.replace("\\|", "|")
    } else {
        trimmed.to_string()
    }
}

/// The separating pipes of a trimmed line, and whether it has a leading and a closing one.
#[derive(Debug, Clone)]
pub struct Layout {
    pipes: Vec<usize>,
    leading_pipe: bool,
    closing_pipe: bool,
}

impl Layout {
    /// The layout of `line` (trimmed first).
    pub fn of(line: &str) -> Layout {
        let content = line.trim();
        let pipes = pipe_positions(content);
        let leading_pipe = pipes.first() == Some(&0);
        let closing_pipe = !content.is_empty()
            && pipes.last() == Some(&(content.len() - 1))
            && !(leading_pipe && pipes.len() == 1);
        Layout {
            pipes,
            leading_pipe,
            closing_pipe,
        }
    }

    /// The number of cells [`split_row`] gives.
    pub fn cell_count(&self) -> usize {
        let bounds =
            self.pipes.len() + usize::from(!self.leading_pipe) + usize::from(!self.closing_pipe);
        bounds.saturating_sub(1).max(1)
    }
}

/// `split_row(line).cells.len()` without building the cells (table collection counts the
/// cells of every line).
pub fn cell_count(line: &str) -> usize {
    Layout::of(line).cell_count()
}

/// Split a table line into cells. Lines without any cell separator give one cell.
pub fn split_row(line: &str) -> SplitRow {
    split_row_at(line, Layout::of(line))
}

/// [`split_row`] with the line's layout already found.
pub fn split_row_at(line: &str, layout: Layout) -> SplitRow {
    let content = line.trim();
    let Layout {
        pipes,
        leading_pipe,
        closing_pipe,
    } = layout;
    let mut bounds: Vec<usize> = Vec::with_capacity(pipes.len() + 2);
    if !leading_pipe {
        bounds.push(0);
    }
    for &p in &pipes {
        bounds.push(p);
    }
    if !closing_pipe {
        bounds.push(content.len());
    }
    let mut cells = Vec::with_capacity(bounds.len());
    for (k, window) in bounds.windows(2).enumerate() {
        let from = if k == 0 && !leading_pipe {
            window[0]
        } else {
            window[0] + 1
        };
        let to = window[1];
        cells.push(clean_cell(content.get(from..to).unwrap_or("")));
    }
    if cells.is_empty() {
        cells.push(String::new());
    }
    SplitRow {
        cells,
        leading_pipe,
        closing_pipe,
    }
}

/// True for a delimiter row: `| --- | :---: | ---: |`, with at least one pipe.
pub fn is_separator(line: &str) -> bool {
    // A delimiter row holds only `|`, `-`, `:` and whitespace: a row whose first other byte
    // is ASCII and no whitespace (`| 2025-09-08 | …`, most rows) is none, told without
    // trimming it or looking for a `-` in all of it.
    let other = line
        .bytes()
        .find(|b| !matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'));
    if other.is_some_and(|b| b.is_ascii() && !matches!(b, b'\n' | b'\x0b' | b'\x0c' | b'\r')) {
        return false;
    }
    is_separator_by_rule(line)
}

/// The delimiter-row rule itself, on any line (what [`is_separator`]'s early test stands in
/// front of).
fn is_separator_by_rule(line: &str) -> bool {
    let content = line.trim();
    // Only `|`, `-`, `:` and blanks: most lines fail on their first character.
    if !content.starts_with(['|', '-', ':']) || !content.contains('|') || !content.contains('-') {
        return false;
    }
    let mut cells = 0;
    for cell in content.split('|') {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let inner = cell.strip_prefix(':').unwrap_or(cell);
        let inner = inner.strip_suffix(':').unwrap_or(inner);
        if inner.is_empty() || !inner.chars().all(|c| c == '-' || c == ' ' || c == '\t') {
            return false;
        }
        cells += 1;
    }
    cells > 0
}

/// Number of cells of a separator row.
pub fn separator_cells(line: &str) -> usize {
    line.split('|').filter(|c| !c.trim().is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_early_test_agrees_with_the_rule() {
        let alphabet = ['|', '-', ':', ' ', '\t', '\x0b', '\r', '\u{a0}', 'a', '2'];
        let mut line = String::new();
        let mut separators = 0;
        for len in 0..=5u32 {
            for mut n in 0..alphabet.len().pow(len) {
                line.clear();
                for _ in 0..len {
                    line.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                let expected = is_separator_by_rule(&line);
                assert_eq!(is_separator(&line), expected, "{line:?}");
                separators += usize::from(expected);
            }
        }
        assert!(separators > 100);
    }

    #[test]
    fn cell_count_agrees_with_split_row() {
        for line in [
            "",
            "|",
            "||",
            "| a |",
            "a | b",
            "| a | b",
            "a | b |",
            "| `x | y` | \\| z |",
            "  | 2 | task | 06/10/2025 |  ",
            "no pipes",
            "| ` | ``",
        ] {
            assert_eq!(cell_count(line), split_row(line).cells.len(), "{line:?}");
        }
    }

    #[test]
    fn plain_row() {
        let row = split_row("| 2 | task | 06/10/2025 |");
        assert_eq!(row.cells, vec!["2", "task", "06/10/2025"]);
        assert!(row.leading_pipe && row.closing_pipe);
    }

    #[test]
    fn missing_pipes() {
        let row = split_row("| 2 | task | 06/10/2025");
        assert_eq!(row.cells, vec!["2", "task", "06/10/2025"]);
        assert!(!row.closing_pipe);
        let row = split_row("Day | Task");
        assert_eq!(row.cells, vec!["Day", "Task"]);
        let row = split_row("| a | |");
        assert_eq!(row.cells, vec!["a", ""]);
        assert_eq!(split_row("|").cells, vec![""]);
    }

    #[test]
    fn code_and_escapes() {
        let row = split_row("| 2 | run `a | b` now | x \\| y |");
        assert_eq!(row.cells, vec!["2", "run `a | b` now", "x | y"]);
        let row = split_row("| `` a ` | b `` | c |");
        assert_eq!(row.cells, vec!["`` a ` | b ``", "c"]);
        let row = split_row("| ` | c |");
        assert_eq!(row.cells, vec!["`", "c"]);
    }

    #[test]
    fn separators() {
        assert!(is_separator("| --- | :---: | ---: |"));
        assert!(is_separator("|---|---"));
        assert!(is_separator("| --- \t| --- \t|"));
        assert!(!is_separator("---"));
        assert!(!is_separator("| a | --- |"));
        assert_eq!(separator_cells("| --- | --- |"), 2);
    }

    #[test]
    fn long_backtick_lines_are_linear() {
        let line = "`".to_string() + &"| `` ".repeat(20_000);
        let row = split_row(&line);
        assert!(!row.cells.is_empty());
    }
}
