//! The words of a raw HTML block, for the sections pass: tags are dropped (never rendered:
//! page content is untrusted), the text between them kept, one line per block-level element.
//! `<script>`, `<style>` and comments hold no words of the intern's and are skipped whole.

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose content is not text to read.
const SKIPPED: &[&str] = &["script", "style", "template", "svg", "math"];

/// The non-empty lines of text of `html`, entities decoded and spaces collapsed.
pub fn lines(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        line.push_str(&rest[..open]);
        let tag = &rest[open..];
        if let Some(comment) = tag.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(close) = tag.find('>') else {
            // A `<` that opens no tag is text.
            line.push('<');
            rest = &tag[1..];
            continue;
        };
        let name = tag_name(&tag[1..close]);
        if name.is_empty() {
            // `a < b`: not a tag either.
            line.push('<');
            rest = &tag[1..];
            continue;
        }
        rest = &tag[close + 1..];
        if !tag[1..].starts_with('/') && SKIPPED.contains(&name.as_str()) {
            let end = format!("</{name}");
            rest = find_ignore_case(rest, &end)
                .and_then(|at| rest[at..].find('>').map(|gt| &rest[at + gt + 1..]))
                .unwrap_or("");
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            finish(&mut out, &mut line);
        } else {
            // Inline elements (`<b>`, `<a>`) keep words apart where the markup did.
            line.push(' ');
        }
    }
    line.push_str(rest);
    finish(&mut out, &mut line);
    out
}

/// The lower-case name of a tag's inside (`/div`, `h5 class="x"`); empty when it is not a tag.
fn tag_name(inside: &str) -> String {
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let name: String = inside
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.to_ascii_lowercase()
    } else {
        String::new()
    }
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn finish(out: &mut Vec<String>, line: &mut String) {
    let text = decode_entities(line);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() {
        out.push(text);
    }
    line.clear();
}

/// The character references a page's HTML uses: named ones for markup characters and spaces,
/// numeric ones; any other is kept as written.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0'),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn cards_become_one_line_per_block() {
        let html = "<div class=\"card\">\n  <div class=\"card-body\">\n    <h5 class=\"card-title\">Lab 002 - AWS IAM</h5>\n    <p class=\"card-text\">Deny &gt; Allow, <b>MFA</b> on.</p>\n    <a href=\"./week-01/\">View details</a>\n  </div>\n</div>\n";
        assert_eq!(
            lines(html),
            vec!["Lab 002 - AWS IAM", "Deny > Allow, MFA on.", "View details"]
        );
    }

    #[test]
    fn scripts_styles_and_comments_hold_no_words() {
        let html = "<p>Kept</p><script>alert('x')</script><style>p{}</style><!-- note --><SCRIPT>x</SCRIPT>after";
        assert_eq!(lines(html), vec!["Kept", "after"]);
        assert_eq!(lines("<script>never closed"), Vec::<String>::new());
        assert_eq!(lines("<!-- never closed"), Vec::<String>::new());
    }

    #[test]
    fn stray_brackets_and_entities_stay_text() {
        assert_eq!(
            lines("<p>a < b &amp; c &unknown; &#65;&#x42;</p>"),
            vec!["a < b & c &unknown; AB"]
        );
        assert_eq!(lines("<p>1 <2 and <3</p>"), vec!["1 <2 and <3"]);
        assert_eq!(lines("&#0; &#xFFFFFFFF; &"), vec!["&#0; &#xFFFFFFFF; &"]);
    }
}
