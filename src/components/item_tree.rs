//! The structured model rendered with elements the app builds: text nodes, `<strong>`, `<em>`,
//! `<code>`, safe `<a>`. Page content never reaches the DOM as HTML.

use leptos::prelude::*;
use worklog::{Inline, Item};

/// Only absolute http(s) and mailto URLs become links; everything else stays text.
pub fn safe_url(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let lower = trimmed.get(..8).unwrap_or(trimmed).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then_some(trimmed)
}

/// An external link that cannot reach back into the app (`noopener noreferrer`, new tab).
pub fn external_link(url: &str, content: AnyView) -> AnyView {
    match safe_url(url) {
        Some(url) => view! {
            <a href=url.to_string() rel="noopener noreferrer" target="_blank">{content}</a>
        }
        .into_any(),
        None => content,
    }
}

/// Inline content with the search `terms` (lower-case) marked in its text.
pub fn inlines_marked(content: &[Inline], terms: &[String]) -> AnyView {
    content
        .iter()
        .map(|node| inline(node, terms))
        .collect_view()
        .into_any()
}

fn inline(node: &Inline, terms: &[String]) -> AnyView {
    match node {
        Inline::Text { text } => marked(text, terms),
        Inline::Strong { content } => {
            view! { <strong>{inlines_marked(content, terms)}</strong> }.into_any()
        }
        Inline::Emphasis { content } => {
            view! { <em>{inlines_marked(content, terms)}</em> }.into_any()
        }
        Inline::Code { text } => view! { <code>{marked(text, terms)}</code> }.into_any(),
        Inline::Link { url, content } => external_link(url, inlines_marked(content, terms)),
    }
}

/// Byte ranges of `text` where one of the lower-case `terms` occurs, merged and in order.
/// Text whose lower-case form changes length is left unmarked (offsets would not line up).
pub fn match_ranges(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    if terms.is_empty() || lower.len() != text.len() {
        return Vec::new();
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms.iter().filter(|t| !t.is_empty()) {
        let mut from = 0;
        while let Some(i) = lower[from..].find(term.as_str()) {
            let start = from + i;
            let end = start + term.len();
            if text.is_char_boundary(start) && text.is_char_boundary(end) {
                ranges.push((start, end));
            }
            from = end;
        }
    }
    ranges.sort();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Text with `<mark>` around the search terms.
pub fn marked(text: &str, terms: &[String]) -> AnyView {
    let ranges = match_ranges(text, terms);
    if ranges.is_empty() {
        return text.to_string().into_any();
    }
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (s, e) in ranges {
        if s > at {
            parts.push(text[at..s].to_string().into_any());
        }
        parts.push(view! { <mark>{text[s..e].to_string()}</mark> }.into_any());
        at = e;
    }
    if at < text.len() {
        parts.push(text[at..].to_string().into_any());
    }
    parts.into_any()
}

/// Nested items as nested `<ul>` lists.
pub fn item_list(items: &[Item]) -> AnyView {
    item_list_marked(items, &[])
}

/// Nested items with the search `terms` (lower-case) marked.
pub fn item_list_marked(items: &[Item], terms: &[String]) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="items">
            {items
                .iter()
                .map(|item| {
                    view! {
                        <li>
                            {inlines_marked(&item.content, terms)}
                            {(!item.children.is_empty())
                                .then(|| item_list_marked(&item.children, terms))}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// A bare URL shown compactly: no scheme, no trailing slash, long paths cut in the middle.
/// The link itself keeps the full URL.
pub fn short_url(url: &str) -> String {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .trim_end_matches('/');
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let chars: Vec<char> = rest.chars().collect();
    if chars.len() <= 42 {
        return rest.to_string();
    }
    let head: String = chars[..28].iter().collect();
    let tail: String = chars[chars.len() - 12..].iter().collect();
    format!("{head}…{tail}")
}

/// References as safe links; a reference without a usable URL is plain text.
pub fn reference_list(references: &[worklog::Reference]) -> AnyView {
    if references.is_empty() {
        return ().into_any();
    }
    view! {
        <ul class="refs">
            {references
                .iter()
                .map(|r| {
                    let bare = r.text.trim().is_empty() || Some(r.text.trim()) == r.url.as_deref();
                    let text = if bare {
                        r.url.as_deref().map(short_url).unwrap_or_default()
                    } else {
                        r.text.clone()
                    };
                    let content = text.into_any();
                    view! {
                        <li>
                            {match &r.url {
                                Some(url) => external_link(url, content),
                                None => content,
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn only_web_and_mail_links() {
        assert!(safe_url("https://aws.amazon.com").is_some());
        assert!(safe_url("HTTP://x").is_some());
        assert!(safe_url("mailto:a@b.c").is_some());
        assert!(safe_url("javascript:alert(1)").is_none());
        assert!(safe_url(" data:text/html,x").is_none());
        assert!(safe_url("/relative").is_none());
    }

    #[test]
    fn search_terms_are_found_case_insensitively() {
        use super::match_ranges;
        let terms = vec!["s3".to_string(), "bucket".to_string()];
        assert_eq!(
            match_ranges("Create an S3 Bucket", &terms),
            vec![(10, 12), (13, 19)]
        );
        assert!(match_ranges("nothing here", &terms).is_empty());
        assert_eq!(match_ranges("Học S3 và S3", &["s3".to_string()]).len(), 2);
    }

    #[test]
    fn bare_urls_are_shortened() {
        use super::short_url;
        assert_eq!(
            short_url("https://cloudjourney.awsstudygroup.com/"),
            "cloudjourney.awsstudygroup.com"
        );
        let long = short_url(
            "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
        );
        assert!(long.starts_with("docs.aws.amazon.com/cli/late") && long.ends_with("install.html"));
    }
}
