//! Sources given by URL (`?src=`, repeatable) and the bundled demo: a markdown page, a manifest
//! (`{"schema": 2, "interns": [{"key", "name", "files"}]}` or `{"files": [...]}`, paths
//! relative to the manifest) or a folder listing (an HTML index of
//! links, as static servers generate). Every failure is reported on its own source.

use futures::StreamExt;
use gloo_net::http::Request;
use leptos::prelude::Update;
use serde::Deserialize;

use worklog::intern::Identity;

use super::{finish, ingest_stream, is_markdown, register, report_error, RawFile};
use crate::state::{AppState, Progress, SourceKind};

/// The bundled demo (or a deployment's own worklogs), relative to the page.
pub const DEMO_MANIFEST: &str = "worklogs/index.json";

/// At most this many files are fetched at once.
const PARALLEL_FETCHES: usize = 6;
/// Limits for folder listings, so a listing of a huge tree cannot run away.
const MAX_LISTING_DEPTH: usize = 6;
const MAX_LISTING_FILES: usize = 5000;

/// A deployment's manifest: today's `{"schema": 2, "interns": [{"key", "name", "files"}]}`
/// (written by `worklog site`), or the first `{"files": [...]}`. Paths are relative to it.
#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    schema: Option<u32>,
    #[serde(default)]
    files: Vec<String>,
    #[serde(default)]
    interns: Vec<ManifestIntern>,
    /// Every page in one file (`bundle.json.gz`, written by `worklog site`), relative to the
    /// manifest: one request instead of one per page.
    #[serde(default)]
    bundle: Option<String>,
}

/// The bundle's content: `{"schema": 1, "files": [{"path", "text"}]}`, paths as the manifest
/// lists them.
#[derive(Deserialize)]
struct Bundle {
    schema: u32,
    files: Vec<BundledFile>,
}

#[derive(Deserialize)]
struct BundledFile {
    path: String,
    text: String,
}

/// The newest bundle schema this app reads.
const BUNDLE_SCHEMA: u32 = 1;

#[derive(Deserialize)]
struct ManifestIntern {
    key: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    files: Vec<String>,
}

/// The newest manifest schema this app reads.
const MANIFEST_SCHEMA: u32 = 2;

impl Manifest {
    /// Every listed file with the intern the manifest names for it.
    fn entries(self) -> Result<Vec<(String, Option<Identity>)>, String> {
        if let Some(schema) = self.schema.filter(|s| *s > MANIFEST_SCHEMA) {
            return Err(crate::i18n::load::Problem::ManifestTooNew {
                schema,
                supported: MANIFEST_SCHEMA,
            }
            .text());
        }
        let mut entries: Vec<(String, Option<Identity>)> =
            self.files.into_iter().map(|f| (f, None)).collect();
        for intern in self.interns {
            let identity = Identity {
                key: intern.key,
                name: intern.name,
            };
            entries.extend(
                intern
                    .files
                    .into_iter()
                    .map(|f| (f, Some(identity.clone()))),
            );
        }
        Ok(entries)
    }
}

/// Load the bundled demo.
pub async fn load_demo(state: AppState) {
    let id = register(state, SourceKind::Demo, "Demo worklog".to_string());
    load_into(state, id, DEMO_MANIFEST).await;
}

/// Load one `src` value.
pub async fn load_src(state: AppState, src: String) {
    let id = register(state, SourceKind::Url(src.clone()), src.clone());
    load_into(state, id, &src).await;
}

async fn load_into(state: AppState, id: u32, src: &str) {
    let Some(url) = resolve(src, None) else {
        report_error(
            state,
            id,
            crate::i18n::load::Problem::NotAValidUrl { src }.text(),
        );
        finish(state, id, 0);
        return;
    };
    // Pages are parsed while the rest still download: fetched files flow to the parser.
    let (tx, rx) = futures::channel::mpsc::unbounded();
    let fetching = async move {
        let mut found = Found { tx, count: 0 };
        let mut skipped = 0;
        let mut errors = Vec::new();
        collect(state, &url, 0, &mut found, &mut skipped, &mut errors).await;
        // Dropping `found` closes the channel: the parser then finishes.
        (skipped, errors)
    };
    let ((skipped, errors), ()) = futures::join!(fetching, ingest_stream(state, id, rx));
    for error in errors {
        report_error(state, id, error);
    }
    finish(state, id, skipped);
}

/// Files found so far, handed on to the parser as they arrive.
struct Found {
    tx: futures::channel::mpsc::UnboundedSender<RawFile>,
    count: usize,
}

impl Found {
    fn push(&mut self, file: RawFile) {
        self.count += 1;
        // The receiver lives until the channel closes: a send cannot fail before that.
        let _ = self.tx.unbounded_send(file);
    }

    fn len(&self) -> usize {
        self.count
    }
}

/// Resolve `href` against `base` (or the document's base URL).
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    // GitHub addresses as people copy them (`github.com/o/r` without a scheme too).
    if let Some(url) = super::github::normalise(href) {
        return Some(url);
    }
    let base = match base {
        Some(b) => b.to_string(),
        None => web_sys::window()?.document()?.base_uri().ok()??,
    };
    if let Some(url) = join_plain_path(href, &base) {
        return Some(url);
    }
    web_sys::Url::new_with_base(href, &base)
        .ok()
        .map(|u| u.href())
}

/// `href` against `base` without the browser's URL parser, when the answer is plain: `base`
/// an http(s) URL and `href` a relative path of characters a URL path keeps as they are, with
/// no `.`/`..` segment (`intern-01/content/1-Worklog/1.1-Week1/_index.md`). A manifest lists
/// thousands of those, and a `URL` object per entry was most of a long task at start-up.
/// `None`: anything else, which the parser resolves.
fn join_plain_path(href: &str, base: &str) -> Option<String> {
    // Characters a URL path keeps as they are, and no `.`/`..` segment to resolve.
    let plain_path = |path: &str| {
        path.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b))
            && !path
                .split('/')
                .any(|segment| segment == "." || segment == "..")
    };
    if href.is_empty() || href.starts_with('/') || !plain_path(href) {
        return None;
    }
    let base = base.split(['?', '#']).next()?;
    let (scheme, default_port, after_scheme) = if let Some(rest) = base.strip_prefix("https://") {
        ("https://", ":443", rest)
    } else {
        ("http://", ":80", base.strip_prefix("http://")?)
    };
    let (host, path) = after_scheme.split_at(after_scheme.find('/').unwrap_or(after_scheme.len()));
    // A host or path the parser would rewrite (upper case, user info, a default port, escapes)
    // is left to it.
    let host_plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-.:[]".contains(&b);
    if host.is_empty()
        || !host.bytes().all(host_plain)
        || host.ends_with(default_port)
        || !plain_path(path)
    {
        return None;
    }
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let dir = if dir.is_empty() { "/" } else { dir };
    Some(format!("{scheme}{host}{dir}{href}"))
}

/// How a fetched URL is shown and stored as a page path: relative to the app when it is on
/// the same site (`worklogs/content/1-Worklog/...`), the full URL otherwise.
fn display_path(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    // The base URI of a page with a query string includes it; only the folder counts.
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => base,
    };
    let path = url.strip_prefix(dir).unwrap_or(url);
    // Undo percent-encoding of the path so folder names read as written.
    js_sys::decode_uri(path)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| path.to_string())
}

/// Fetch bytes, turning HTTP and network failures into a message a person understands.
/// A successful response: body, content type, and the URL after redirects (the base for the
/// relative links of a listing or manifest).
struct Fetched {
    bytes: Vec<u8>,
    content_type: String,
    url: String,
}

async fn fetch(url: &str) -> Result<Fetched, String> {
    let response = Request::get(url).send().await.map_err(|err| {
        crate::i18n::load::Problem::FetchFailed {
            path: &display_path(url),
            error: &err.to_string(),
        }
        .text()
    })?;
    if !response.ok() {
        return Err(crate::i18n::load::Problem::Http {
            path: &display_path(url),
            status: response.status(),
            status_text: &response.status_text(),
        }
        .text());
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let final_url = Some(response.url())
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| url.to_string());
    let bytes = response.binary().await.map_err(|err| {
        crate::i18n::load::Problem::ResponseUnreadable {
            path: &display_path(url),
            error: &err.to_string(),
        }
        .text()
    })?;
    Ok(Fetched {
        bytes,
        content_type,
        url: final_url,
    })
}

/// Fetch `url` and add what it holds: a page, or the pages a manifest or listing names.
async fn collect(
    state: AppState,
    url: &str,
    depth: usize,
    files: &mut Found,
    skipped: &mut usize,
    errors: &mut Vec<String>,
) {
    // A GitHub repository, folder or page by its address: listed through GitHub's API.
    if let Some(address) = super::github::Address::parse(url).filter(|_| depth == 0) {
        let (more, problems) =
            super::github::collect(state, &address, None, files.tx.clone()).await;
        *skipped += more;
        errors.extend(problems);
        return;
    }
    let Fetched {
        bytes,
        content_type,
        url: final_url,
    } = match fetch(url).await {
        Ok(r) => r,
        Err(e) => {
            // A folder URL without a listing may still have a manifest.
            if url.ends_with('/') && depth == 0 {
                let manifest = format!("{url}index.json");
                if let Ok(fetched) = fetch(&manifest).await {
                    if let Ok(m) = serde_json::from_slice::<Manifest>(&fetched.bytes) {
                        fetch_manifest(state, &manifest, m, files, skipped, errors).await;
                        return;
                    }
                }
            }
            errors.push(e);
            return;
        }
    };
    let head = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(64)
        .copied()
        .collect::<Vec<u8>>()
        .to_ascii_lowercase();
    if head.starts_with(b"{") || content_type.contains("json") {
        match serde_json::from_slice::<Manifest>(&bytes).map_err(|e| e.to_string()) {
            Ok(m) => fetch_manifest(state, &final_url, m, files, skipped, errors).await,
            Err(err) => errors.push(
                crate::i18n::load::Problem::NotAManifest {
                    path: &display_path(url),
                    error: &err,
                }
                .text(),
            ),
        }
    } else if !is_markdown(url)
        && (content_type.contains("html")
            || head.starts_with(b"<!doctype")
            || head.starts_with(b"<html"))
    {
        if depth >= MAX_LISTING_DEPTH {
            return;
        }
        let (mut pages, mut folders) = listing_links(&final_url, &String::from_utf8_lossy(&bytes));
        // A Hugo site root: only `content/` holds pages (README, theme docs are not worklogs).
        if let Some(content) = folders.iter().find(|f| f.ends_with("/content/")).cloned() {
            *skipped += pages.len();
            pages.clear();
            folders = vec![content];
        }
        if pages.is_empty() && folders.is_empty() {
            // A deployed viewer (`worklog site`, e.g. on GitHub Pages): its site manifest.
            if depth == 0 {
                if let Some(manifest) = resolve("worklogs/index.json", Some(&final_url)) {
                    if let Ok(fetched) = fetch(&manifest).await {
                        if let Ok(m) = serde_json::from_slice::<Manifest>(&fetched.bytes) {
                            fetch_manifest(state, &manifest, m, files, skipped, errors).await;
                            return;
                        }
                    }
                }
            }
            errors.push(
                crate::i18n::load::Problem::HtmlWithoutLinks {
                    path: &display_path(url),
                }
                .text(),
            );
            return;
        }
        let pages = pages.into_iter().map(|u| (u, None)).collect();
        fetch_urls(state, pages, files, errors).await;
        for folder in folders {
            if files.len() >= MAX_LISTING_FILES {
                break;
            }
            Box::pin(collect(state, &folder, depth + 1, files, skipped, errors)).await;
        }
    } else {
        files.push(RawFile {
            path: display_path(url),
            bytes,
            intern: None,
        });
    }
}

/// The pages of a manifest: from its bundle when it has one (pages missing from the bundle, or
/// all of them when the bundle cannot be read, are fetched one by one).
async fn fetch_manifest(
    state: AppState,
    manifest_url: &str,
    manifest: Manifest,
    files: &mut Found,
    skipped: &mut usize,
    errors: &mut Vec<String>,
) {
    let bundle = manifest.bundle.clone();
    let mut listed = match manifest.entries() {
        Ok(listed) => listed,
        Err(e) => {
            errors.push(format!("{}: {e}", display_path(manifest_url)));
            return;
        }
    };
    if let Some(bundle) = bundle {
        match load_bundle(manifest_url, &bundle).await {
            Ok(mut texts) => listed.retain(|(entry, intern)| {
                let Some(text) = texts.remove(entry.as_str()) else {
                    return true;
                };
                if !is_markdown(entry) {
                    return true;
                }
                match resolve(entry, Some(manifest_url)) {
                    Some(url) => {
                        files.push(RawFile {
                            path: display_path(&url),
                            bytes: text.into_bytes(),
                            intern: intern.clone(),
                        });
                        false
                    }
                    None => true,
                }
            }),
            Err(e) => errors.push(
                crate::i18n::load::Problem::BundleFallback {
                    path: &display_path(&bundle),
                    error: &e,
                }
                .text(),
            ),
        }
    }
    fetch_listed(state, manifest_url, listed, files, skipped, errors).await;
}

/// Fetch and read a bundle: path → page text.
async fn load_bundle(
    manifest_url: &str,
    bundle: &str,
) -> Result<std::collections::HashMap<String, String>, String> {
    let url = resolve(bundle, Some(manifest_url))
        .ok_or_else(|| crate::i18n::load::Problem::NotAValidBundlePath.text())?;
    let fetched = fetch(&url).await?;
    // Hosts that compress serve it decompressed already; others hand over the gzip bytes.
    let bytes = if fetched.bytes.starts_with(&[0x1f, 0x8b]) {
        gunzip(&fetched.bytes).await?
    } else {
        fetched.bytes
    };
    let bundle: Bundle = serde_json::from_slice(&bytes).map_err(|e| {
        crate::i18n::load::Problem::NotABundle {
            error: &e.to_string(),
        }
        .text()
    })?;
    if bundle.schema > BUNDLE_SCHEMA {
        return Err(crate::i18n::load::Problem::BundleTooNew {
            schema: bundle.schema,
            supported: BUNDLE_SCHEMA,
        }
        .text());
    }
    Ok(bundle.files.into_iter().map(|f| (f.path, f.text)).collect())
}

/// Decompress gzip bytes with the browser's own `DecompressionStream`.
async fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use js_sys::{Array, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    let fail = |e: wasm_bindgen::JsValue| {
        crate::i18n::load::Problem::CannotDecompress {
            error: &format!("{e:?}"),
        }
        .text()
    };
    let ctor = Reflect::get(&js_sys::global(), &"DecompressionStream".into()).map_err(fail)?;
    let Some(ctor) = ctor.dyn_ref::<js_sys::Function>() else {
        return Err(crate::i18n::load::Problem::NoGzip.text());
    };
    let stream = Reflect::construct(ctor, &Array::of1(&"gzip".into())).map_err(fail)?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))
        .map_err(fail)?;
    let out = blob.stream().pipe_through(stream.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&out)).map_err(fail)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(fail)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Manifest entries resolved in one task before yielding to the browser (≈ 10 µs each).
const ENTRIES_PER_TASK: usize = 500;

/// Fetch the files a manifest lists (relative to the manifest URL); only markdown is taken.
async fn fetch_listed(
    state: AppState,
    manifest: &str,
    listed: Vec<(String, Option<Identity>)>,
    files: &mut Found,
    skipped: &mut usize,
    errors: &mut Vec<String>,
) {
    let mut urls = Vec::new();
    for (i, (entry, intern)) in listed.into_iter().enumerate() {
        // A manifest may list thousands of pages: let the browser paint between stretches.
        if i > 0 && i % ENTRIES_PER_TASK == 0 {
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        if !is_markdown(&entry) {
            *skipped += 1;
            continue;
        }
        match resolve(&entry, Some(manifest)) {
            Some(u) => urls.push((u, intern)),
            None => errors.push(
                crate::i18n::load::Problem::NotAValidPathIn {
                    entry: &entry,
                    manifest: &display_path(manifest),
                }
                .text(),
            ),
        }
    }
    fetch_urls(state, urls, files, errors).await;
}

/// Fetch pages a few at a time, keeping their listed order; the count shows in the progress bar.
async fn fetch_urls(
    state: AppState,
    urls: Vec<(String, Option<Identity>)>,
    files: &mut Found,
    errors: &mut Vec<String>,
) {
    let total = urls.len();
    state
        .fetching
        .update(|p| p.get_or_insert_with(Progress::default).total += total);
    let mut results = futures::stream::iter(urls.into_iter().map(|(u, intern)| async move {
        let r = fetch(&u).await;
        (u, intern, r)
    }))
    .buffered(PARALLEL_FETCHES);
    while let Some((url, intern, result)) = results.next().await {
        state.fetching.update(|p| {
            if let Some(progress) = p {
                progress.done += 1;
                if progress.done >= progress.total {
                    *p = None;
                }
            }
        });
        match result {
            Ok(fetched) => files.push(RawFile {
                path: display_path(&url),
                bytes: fetched.bytes,
                intern,
            }),
            Err(e) => errors.push(e),
        }
    }
}

/// Folders a listing walk never enters: hidden ones (`.git`), dependencies, Hugo themes/output.
fn ignored_folder(url: &str) -> bool {
    let name = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    name.starts_with('.') || matches!(name, "node_modules" | "themes" | "public" | "resources")
}

/// Links of a folder listing: markdown files, and sub-folders below the listing's own URL.
fn listing_links(base: &str, html: &str) -> (Vec<String>, Vec<String>) {
    let mut pages = Vec::new();
    let mut folders = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=") {
        rest = &rest[i + 5..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let body = &rest[1..];
        let Some(end) = body.find(quote) else { break };
        let href = body[..end].replace("&amp;", "&");
        rest = &body[end..];
        if href.starts_with('?') || href.starts_with('#') || href.contains("..") {
            continue;
        }
        let Some(url) = resolve(&href, Some(base)) else {
            continue;
        };
        let url = url.split(['?', '#']).next().unwrap_or_default().to_string();
        if !url.starts_with(base) || url == base {
            continue;
        }
        if is_markdown(&url) {
            if !pages.contains(&url) {
                pages.push(url);
            }
        } else if url.ends_with('/') && !folders.contains(&url) && !ignored_folder(&url) {
            folders.push(url);
        }
    }
    (pages, folders)
}

// ---- For the cohort loader (`src/load/cohort.rs`): the same fetching, pages named by it ----

/// [`resolve`] for other loaders: `href` against `base` (or the document's base URL).
pub fn resolve_url(href: &str, base: Option<&str>) -> Option<String> {
    resolve(href, base)
}

/// [`display_path`] for other loaders: how a fetched URL is shown and stored as a page path.
pub fn shown_path(url: &str) -> String {
    display_path(url)
}

/// Fetch one file (a cohort file): its bytes and the URL after redirects, or a message.
pub async fn fetch_bytes(url: &str) -> Result<(Vec<u8>, String), String> {
    fetch(url).await.map(|f| (f.bytes, f.url))
}

/// Fetch what `url` holds, as `?src=` does (a page, a manifest, a folder listing), and send
/// its pages on `tx`, every one as `intern`'s whatever a manifest inside names (a cohort's
/// intern). Returns the files skipped and the errors, for the caller's source.
pub async fn collect_as(
    state: AppState,
    url: &str,
    intern: Identity,
    tx: futures::channel::mpsc::UnboundedSender<RawFile>,
) -> (usize, Vec<String>) {
    let (inner, mut rx) = futures::channel::mpsc::unbounded();
    let fetching = async move {
        let mut found = Found {
            tx: inner,
            count: 0,
        };
        let mut skipped = 0;
        let mut errors = Vec::new();
        collect(state, url, 0, &mut found, &mut skipped, &mut errors).await;
        (skipped, errors)
    };
    let forward = async move {
        while let Some(mut file) = rx.next().await {
            file.intern = Some(intern.clone());
            let _ = tx.unbounded_send(file);
        }
    };
    futures::join!(fetching, forward).0
}

/// Fetch pages by URL, six at a time, each with the intern given, and send them on `tx` in
/// the order given; the count shows in the progress bar. Returns the errors.
pub async fn fetch_pages(
    state: AppState,
    urls: Vec<(String, Option<Identity>)>,
    tx: futures::channel::mpsc::UnboundedSender<RawFile>,
) -> Vec<String> {
    let mut found = Found { tx, count: 0 };
    let mut errors = Vec::new();
    fetch_urls(state, urls, &mut found, &mut errors).await;
    errors
}

#[cfg(test)]
mod join_tests {
    use super::join_plain_path;

    #[test]
    fn plain_paths_join_as_the_url_parser_joins_them() {
        let base = "http://127.0.0.1:4173/bench/index.json";
        assert_eq!(
            join_plain_path("intern-01/content/1-Worklog/1.1-Week1/_index.md", base).as_deref(),
            Some("http://127.0.0.1:4173/bench/intern-01/content/1-Worklog/1.1-Week1/_index.md")
        );
        assert_eq!(
            join_plain_path(
                "week-1.md",
                "https://o.github.io/r/worklogs/index.json?x=1#f"
            )
            .as_deref(),
            Some("https://o.github.io/r/worklogs/week-1.md")
        );
        assert_eq!(
            join_plain_path("a.md", "https://example.org").as_deref(),
            Some("https://example.org/a.md")
        );
        assert_eq!(
            join_plain_path("a.md", "https://example.org/").as_deref(),
            Some("https://example.org/a.md")
        );
    }

    #[test]
    fn anything_the_parser_would_change_is_left_to_it() {
        let base = "https://example.org/w/index.json";
        for href in [
            "",
            "/abs.md",
            "../up.md",
            "a/./b.md",
            "a b.md",
            "tuần-1.md",
            "a%20b.md",
            "x:y.md",
            "https://other.org/a.md",
            "a\\b.md",
            "a?q=1",
            "a#f",
        ] {
            assert_eq!(join_plain_path(href, base), None, "{href}");
        }
        for base in [
            "https://Example.org/w/",
            "http://example.org:80/w/",
            "https://example.org:443/w/",
            "https://user@example.org/w/",
            "https://example.org/a%20b/",
            "https://example.org/a/../b/",
            "file:///w/index.json",
            "blob:https://example.org/1",
        ] {
            assert_eq!(join_plain_path("a.md", base), None, "{base}");
        }
    }
}
