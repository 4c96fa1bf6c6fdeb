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

pub fn inlines(content: &[Inline]) -> AnyView {
    content.iter().map(inline).collect_view().into_any()
}

fn inline(node: &Inline) -> AnyView {
    match node {
        Inline::Text { text } => text.clone().into_any(),
        Inline::Strong { content } => view! { <strong>{inlines(content)}</strong> }.into_any(),
        Inline::Emphasis { content } => view! { <em>{inlines(content)}</em> }.into_any(),
        Inline::Code { text } => view! { <code>{text.clone()}</code> }.into_any(),
        Inline::Link { url, content } => external_link(url, inlines(content)),
    }
}

/// Nested items as nested `<ul>` lists.
pub fn item_list(items: &[Item]) -> AnyView {
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
                            {inlines(&item.content)}
                            {(!item.children.is_empty()).then(|| item_list(&item.children))}
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
