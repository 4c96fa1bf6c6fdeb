//! Word-level differences of two texts, for showing two similar rows side by side.
//!
//! Words (runs of letters and digits) and punctuation are compared, ignoring case; spaces are
//! kept with the word after them so each side reads as written. The longest common subsequence
//! of the two word lists is "the same"; everything else is highlighted on its side.

use serde::{Deserialize, Serialize};

/// A run of text on one side, highlighted when it differs from the other side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub text: String,
    pub changed: bool,
}

/// Both sides of a comparison, each the whole of its text in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordDiff {
    pub left: Vec<DiffSpan>,
    pub right: Vec<DiffSpan>,
    /// Words and punctuation marks found on both sides.
    pub same: usize,
    /// Only on the left, only on the right.
    pub removed: usize,
    pub added: usize,
}

/// Largest LCS table computed (cells); beyond it, the middle after the common start and end is
/// shown as changed as a whole.
const MAX_CELLS: usize = 1 << 20;

/// A token with the spaces before it: (text as written, comparison key). Spaces after the
/// last token belong to it.
fn tokens(text: &str) -> Vec<(&str, String)> {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        chars.next();
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        spans.push((start, end, text[i..end].to_lowercase()));
        start = end;
    }
    match spans.last_mut() {
        Some(last) => last.1 = text.len(),
        None if !text.is_empty() => spans.push((0, text.len(), String::new())),
        None => {}
    }
    spans
        .into_iter()
        .map(|(s, e, key)| (&text[s..e], key))
        .collect()
}

fn push(spans: &mut Vec<DiffSpan>, text: &str, changed: bool) {
    match spans.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => spans.push(DiffSpan {
            text: text.to_string(),
            changed,
        }),
    }
}

/// Compare `a` (left) and `b` (right) word by word.
pub fn diff_words(a: &str, b: &str) -> WordDiff {
    let ta = tokens(a);
    let tb = tokens(b);
    let mut out = WordDiff::default();
    // Common start and end first: the table is only for the middle.
    let prefix = ta.iter().zip(&tb).take_while(|(x, y)| x.1 == y.1).count();
    let suffix = ta[prefix..]
        .iter()
        .rev()
        .zip(tb[prefix..].iter().rev())
        .take_while(|(x, y)| x.1 == y.1)
        .count();
    let (ma, mb) = (
        &ta[prefix..ta.len() - suffix],
        &tb[prefix..tb.len() - suffix],
    );
    for (x, y) in ta[..prefix].iter().zip(&tb[..prefix]) {
        push(&mut out.left, x.0, false);
        push(&mut out.right, y.0, false);
        out.same += 1;
    }
    let n = ma.len();
    let m = mb.len();
    if n.saturating_mul(m) > MAX_CELLS {
        for x in ma {
            push(&mut out.left, x.0, true);
        }
        for y in mb {
            push(&mut out.right, y.0, true);
        }
        out.removed += n;
        out.added += m;
    } else {
        // lcs[i][j]: length of the LCS of ma[i..] and mb[j..].
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[at(i, j)] = if ma[i].1 == mb[j].1 {
                    lcs[at(i + 1, j + 1)] + 1
                } else {
                    lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i].1 == mb[j].1 {
                push(&mut out.left, ma[i].0, false);
                push(&mut out.right, mb[j].0, false);
                out.same += 1;
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
                push(&mut out.right, mb[j].0, true);
                out.added += 1;
                j += 1;
            } else {
                push(&mut out.left, ma[i].0, true);
                out.removed += 1;
                i += 1;
            }
        }
    }
    for (x, y) in ta[ta.len() - suffix..].iter().zip(&tb[tb.len() - suffix..]) {
        push(&mut out.left, x.0, false);
        push(&mut out.right, y.0, false);
        out.same += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(spans: &[DiffSpan]) -> String {
        spans
            .iter()
            .map(|s| {
                if s.changed {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_changed_word_an_added_word_and_case() {
        let d = diff_words(
            "Deployed the sample app on ECS",
            "deployed the demo app on Amazon ECS",
        );
        assert_eq!(side(&d.left), "Deployed the[ sample] app on ECS");
        assert_eq!(side(&d.right), "deployed the[ demo] app on[ Amazon] ECS");
        assert_eq!((d.same, d.removed, d.added), (5, 1, 2));
    }

    #[test]
    fn each_side_is_its_whole_text() {
        for (a, b) in [
            ("  Hello,  world! ", "Hello world"),
            ("", "new text"),
            ("Tìm hiểu về S3", "Tìm hiểu Amazon S3."),
            ("a b c", "a b c"),
        ] {
            let d = diff_words(a, b);
            let join = |s: &[DiffSpan]| s.iter().map(|s| s.text.as_str()).collect::<String>();
            assert_eq!(join(&d.left), a);
            assert_eq!(join(&d.right), b);
        }
        let d = diff_words("a b c", "a b c");
        assert!(d.left.iter().all(|s| !s.changed) && d.left.len() == 1);
    }
}
