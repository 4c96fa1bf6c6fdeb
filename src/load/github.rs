//! GitHub repositories by the addresses people copy from the browser.
//!
//! - `github.com/OWNER/REPO` (also with `https://`, `.git`, a trailing slash, or any other page
//!   of the repository such as `/issues`): the whole repository at its default branch (`HEAD`).
//! - `github.com/OWNER/REPO/tree/BRANCH/PATH`: that folder only (`BRANCH` is one path segment:
//!   a branch named `feature/x` is read as branch `feature` and folder `x/...`).
//! - `github.com/OWNER/REPO/blob/BRANCH/PATH` (or `/raw/`): that page alone.
//!
//! A repository or folder is listed with ONE call of GitHub's REST API,
//! `api.github.com/repos/OWNER/REPO/git/trees/REF?recursive=1`; only its worklog section is
//! kept, by path, before anything else is fetched ([`select`]: in a Hugo site the markdown that
//! [`worklog::parse::site::place`] puts in the worklog section, a single-file `worklog.md`
//! included; elsewhere markdown in worklog folders or with a week in its name). The pages are
//! then fetched from `raw.githubusercontent.com/OWNER/REPO/REF/PATH`, which is not rate-limited
//! like the API. Each page is shown as `https://github.com/OWNER/REPO/blob/REF/PATH` (its place
//! in the repository; the diagnostics view links its lines there, [`line_link`]) and belongs to
//! the intern `OWNER/REPO`, named `REPO`.
//!
//! Rate limits: without a token the API answers 60 calls an hour per network address. So
//! listings are cached in IndexedDB (database `worklog-viewer-github`, one record per
//! `owner/repo@ref` with the tree's sha and the time it was listed). A cached listing is
//! **fresh** for [`FRESH_MS`] (one hour) and then used without calling the API at all; an older
//! one is listed again, and still used, with a note, when the API refuses (rate limit) or cannot
//! be reached. A refusal without a cached listing is reported on that source alone, with the
//! time the limit resets (`x-ratelimit-reset`); the other sources load on. An optional token
//! (the load controls' "GitHub token" field) is kept in `sessionStorage` only, never in the
//! address, localStorage or IndexedDB, and sent as `Authorization: Bearer` to `api.github.com`
//! only. Pages are fetched without it, so private repositories cannot be loaded.

use futures::StreamExt;
use gloo_net::http::Request;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use worklog::intern::Identity;
use worklog::parse::site::{self, Place};
use worklog::parse::week;

use super::{is_markdown, RawFile};
use crate::i18n::github as text;
use crate::i18n::Lang;
use crate::state::{AppState, Progress};

/// How long a cached listing is used without asking GitHub again: one hour, the period of the
/// API's rate limit.
pub const FRESH_MS: f64 = 60.0 * 60.0 * 1000.0;

/// At most this many pages are fetched at once.
const PARALLEL_FETCHES: usize = 6;

/// The `sessionStorage` key of the token.
const TOKEN_KEY: &str = "worklog-viewer.github-token";

const API: &str = "https://api.github.com";
const RAW: &str = "https://raw.githubusercontent.com";
const WEB: &str = "https://github.com";

/// What a GitHub address points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A repository (`path` empty) or one folder of it: listed, its worklog section fetched.
    Tree,
    /// One page, fetched raw.
    Blob,
}

/// A parsed GitHub address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub owner: String,
    pub repo: String,
    /// A branch, tag or commit; `HEAD` (the default branch) when the address names none.
    pub reference: String,
    /// A path in the repository, without leading or trailing slash; empty for the whole
    /// repository.
    pub path: String,
    pub target: Target,
}

impl Address {
    /// The address of a GitHub repository, folder or page, if `src` is one (with or without
    /// `https://`); `None` for anything else, which loads as before.
    pub fn parse(src: &str) -> Option<Address> {
        let src = src.trim();
        let rest = match src.split_once("://") {
            Some((scheme, rest))
                if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") =>
            {
                rest
            }
            Some(_) => return None,
            None => src,
        };
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let mut parts = rest.split('/');
        let host = parts.next()?.to_ascii_lowercase();
        if host != "github.com" && host != "www.github.com" {
            return None;
        }
        let segments: Vec<String> = parts.filter(|p| !p.is_empty()).map(decode).collect();
        let (owner, repo) = match segments.as_slice() {
            [owner, repo, ..] => (owner.clone(), repo.trim_end_matches(".git").to_string()),
            _ => return None,
        };
        if !valid_owner(&owner) || !valid_repo(&repo) {
            return None;
        }
        let address = |reference: Option<&String>, path: &[String], target| Address {
            owner: owner.clone(),
            repo: repo.clone(),
            reference: reference.cloned().unwrap_or_else(|| "HEAD".to_string()),
            path: path.join("/"),
            target,
        };
        Some(match segments.get(2).map(String::as_str) {
            Some("tree") => address(
                segments.get(3),
                segments.get(4..).unwrap_or(&[]),
                Target::Tree,
            ),
            Some("blob" | "raw") if segments.len() > 4 => {
                address(segments.get(3), &segments[4..], Target::Blob)
            }
            // The repository's home, or another of its pages (issues, commits): the repository.
            _ => address(None, &[], Target::Tree),
        })
    }

    /// `OWNER/REPO`: the intern's key.
    pub fn repo_key(&self) -> String {
        format!("{}/{}", self.owner, self.repo)
    }

    /// The intern these pages belong to: key `OWNER/REPO`, name `REPO`.
    pub fn identity(&self) -> Identity {
        Identity {
            key: self.repo_key(),
            name: Some(self.repo.clone()),
        }
    }

    /// `OWNER/REPO/tree/REF/PATH` as people read it in messages (`OWNER/REPO` for a whole
    /// repository at its default branch).
    pub fn describe(&self) -> String {
        match (
            self.target == Target::Tree && self.path.is_empty(),
            self.reference.as_str(),
        ) {
            (true, "HEAD") => self.repo_key(),
            (true, reference) => format!("{}@{reference}", self.repo_key()),
            (false, _) => format!("{}/{}", self.repo_key(), self.path),
        }
    }

    /// The one API call that lists the repository at this reference, without its query
    /// (`?recursive=1`, which the request adds: gloo-net would append a stray `&` to a URL
    /// that has a query already).
    pub fn tree_url(&self) -> String {
        format!(
            "{API}/repos/{}/{}/git/trees/{}",
            self.owner,
            self.repo,
            encode_path(&self.reference)
        )
    }

    /// Where a file of the repository is fetched.
    pub fn raw_url(&self, path: &str) -> String {
        format!(
            "{RAW}/{}/{}/{}/{}",
            self.owner,
            self.repo,
            encode_path(&self.reference),
            encode_path(path)
        )
    }

    /// How a file of the repository is shown (its page's source): its GitHub page, readable.
    pub fn shown_path(&self, path: &str) -> String {
        format!(
            "{WEB}/{}/{}/blob/{}/{path}",
            self.owner, self.repo, self.reference
        )
    }

    /// The key of the cached listing: one per repository and reference (GitHub's names are
    /// case-insensitive, branch names are not).
    fn cache_key(&self) -> String {
        format!(
            "{}/{}@{}",
            self.owner.to_ascii_lowercase(),
            self.repo.to_ascii_lowercase(),
            self.reference
        )
    }
}

/// GitHub user and organisation names: letters, digits and hyphens.
fn valid_owner(s: &str) -> bool {
    !s.is_empty() && s.len() <= 39 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Repository names: letters, digits, `.`, `-`, `_` (not `.` or `..`).
fn valid_repo(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Percent-decode one segment (what a browser's address bar copies: `Nh%E1%BA%ADt-k%C3%BD`).
fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encode a path, segment by segment (the slashes stay).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The link to a line of a page loaded from GitHub (`https://github.com/OWNER/REPO/blob/REF/
/// PATH#L12`; the file itself without `line`), from the page's source as this module writes it
/// (or a `raw.githubusercontent.com` URL). Always an `https://github.com/` address built from
/// checked parts: never another scheme.
pub fn line_link(source: &str, line: Option<u32>) -> Option<String> {
    let (owner, repo, rest) = if let Some(rest) = source.strip_prefix("https://github.com/") {
        let mut parts = rest.splitn(4, '/');
        let (owner, repo) = (parts.next()?, parts.next()?);
        if parts.next()? != "blob" {
            return None;
        }
        (owner, repo, parts.next()?)
    } else if let Some(rest) = source.strip_prefix("https://raw.githubusercontent.com/") {
        let mut parts = rest.splitn(3, '/');
        (parts.next()?, parts.next()?, parts.next()?)
    } else {
        return None;
    };
    // `REF/PATH`: both must be there, and nothing that is not a path.
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    if !valid_owner(owner) || !valid_repo(repo) || !rest.contains('/') || rest.starts_with('/') {
        return None;
    }
    let anchor = line.map(|n| format!("#L{n}")).unwrap_or_default();
    Some(format!(
        "{WEB}/{owner}/{repo}/blob/{}{anchor}",
        encode_path(rest)
    ))
}

/// Folders a repository listing never enters: hidden ones, dependencies, Hugo's themes,
/// archetypes and output.
fn ignored_folder(name: &str) -> bool {
    (name.starts_with('.') && name.len() > 1)
        || matches!(
            name,
            "node_modules" | "themes" | "archetypes" | "public" | "resources"
        )
}

/// What is kept of a repository's markdown files.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// The worklog pages, in listing order.
    pub pages: Vec<String>,
    /// Markdown files left out (other sections, README, ...).
    pub set_aside: usize,
    /// The sections (or, without a Hugo site, top folders) that hold the markdown files, for
    /// the message when none is a worklog.
    pub sections: Vec<String>,
}

/// Keep the worklog pages among `paths` (markdown files of a repository), under `under` (a
/// folder, empty for everything).
///
/// In a Hugo site (markdown under a `content/` folder) only the worklog section counts, as
/// [`site::place`] says: weeks, the section's index, a single-file `content/worklog.md`.
/// Without one, the markdown of worklog folders (`worklog/`, `Nhật-ký/`), a single-file
/// `worklog.md`, and files with a week in their path (`week-3.md`) are kept; when `under` names
/// a folder that is no Hugo site, every markdown file in it is (it was chosen).
pub fn select(paths: &[String], under: &str) -> Selection {
    let under = under.trim_matches('/');
    let within: Vec<&String> = paths
        .iter()
        .filter(|p| is_markdown(p))
        .filter(|p| {
            under.is_empty()
                || p.as_str() == under
                || p.strip_prefix(under).is_some_and(|r| r.starts_with('/'))
        })
        .filter(|p| {
            let segments: Vec<&str> = p.split('/').collect();
            !segments[..segments.len() - 1]
                .iter()
                .any(|s| ignored_folder(s))
        })
        .collect();
    let places: Vec<Place> = within.iter().map(|p| site::place(p)).collect();
    let hugo = places.iter().any(|p| *p != Place::Unknown);
    let mut sections: Vec<String> = Vec::new();
    let mut pages = Vec::new();
    for (path, place) in within.iter().zip(&places) {
        let keep = if hugo {
            matches!(place, Place::Worklog(_))
        } else {
            !under.is_empty() || worklog_by_name(path)
        };
        if keep {
            pages.push(path.to_string());
            continue;
        }
        let section = if hugo {
            match place.section() {
                Some(site::SITE_HOME) | None => continue,
                Some(section) => section.to_string(),
            }
        } else {
            match path.split_once('/') {
                Some((top, _)) => format!("{top}/"),
                None => continue,
            }
        };
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    sections.sort();
    Selection {
        set_aside: within.len() - pages.len(),
        pages,
        sections,
    }
}

/// Outside a Hugo site: a page of a worklog folder, a single-file worklog, or a week's page.
fn worklog_by_name(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let (file, folders) = segments.split_last().unwrap_or((&"", &[]));
    folders.iter().any(|f| site::names_worklog(f))
        || site::names_worklog(file.split('.').next().unwrap_or_default())
        || week::number_in_path(path).is_some()
}

// ---- The token ------------------------------------------------------------------------------

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The token of this tab, if one was given.
pub fn token() -> Option<String> {
    session_storage()
        .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Keep (or, empty, forget) the token for this tab only.
pub fn set_token(token: &str) {
    if let Some(storage) = session_storage() {
        let token = token.trim();
        let _ = if token.is_empty() {
            storage.remove_item(TOKEN_KEY)
        } else {
            storage.set_item(TOKEN_KEY, token)
        };
    }
}

// ---- The listing ----------------------------------------------------------------------------

/// A repository's listing as cached: its markdown files only.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Listing {
    /// The tree's sha as GitHub gave it.
    sha: String,
    /// When it was listed (ms since the epoch).
    listed: f64,
    /// GitHub cut the listing short (a huge repository): some pages may be missing.
    #[serde(default)]
    truncated: bool,
    paths: Vec<String>,
}

/// The API's answer, the fields read.
#[derive(Deserialize)]
struct Tree {
    #[serde(default)]
    sha: String,
    #[serde(default)]
    tree: Vec<TreeEntry>,
    #[serde(default)]
    truncated: bool,
}

#[derive(Deserialize)]
struct TreeEntry {
    path: String,
    #[serde(rename = "type", default)]
    kind: String,
}

/// Why the API gave no listing.
#[derive(Debug)]
enum ApiFailure {
    /// 403 or 429 with the limit used up: when it resets (seconds since the epoch), or how many
    /// seconds to wait (a secondary limit's `retry-after`).
    RateLimited {
        reset: Option<f64>,
        retry_after: Option<f64>,
    },
    /// 404 / 422: no such repository, or no such branch.
    NotFound,
    /// 401: the token was refused.
    BadToken,
    /// 409: the repository has no commit.
    Empty,
    Http(u16, String),
    Network(String),
    Unreadable(String),
}

fn header_number(response: &gloo_net::http::Response, name: &str) -> Option<f64> {
    response.headers().get(name)?.trim().parse().ok()
}

/// The one API call.
async fn list_tree(address: &Address) -> Result<Listing, ApiFailure> {
    let mut request = Request::get(&address.tree_url())
        .query([("recursive", "1")])
        .header("Accept", "application/vnd.github+json");
    if let Some(token) = token() {
        request = request.header("Authorization", &format!("Bearer {token}"));
    }
    let response = request
        .send()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    let status = response.status();
    if !response.ok() {
        let remaining = header_number(&response, "x-ratelimit-remaining");
        let reset = header_number(&response, "x-ratelimit-reset");
        let retry_after = header_number(&response, "retry-after");
        let body = response.text().await.unwrap_or_default();
        let message = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("message")?.as_str().map(str::to_string))
            .unwrap_or_default();
        let limited = status == 429
            || (status == 403
                && (remaining == Some(0.0)
                    || retry_after.is_some()
                    || message.to_ascii_lowercase().contains("rate limit")));
        return Err(if limited {
            ApiFailure::RateLimited { reset, retry_after }
        } else {
            match status {
                401 => ApiFailure::BadToken,
                404 | 422 => ApiFailure::NotFound,
                409 => ApiFailure::Empty,
                _ => ApiFailure::Http(status, message),
            }
        });
    }
    let tree: Tree = response
        .json()
        .await
        .map_err(|e| ApiFailure::Unreadable(e.to_string()))?;
    Ok(Listing {
        sha: tree.sha,
        listed: js_sys::Date::now(),
        truncated: tree.truncated,
        paths: tree
            .tree
            .into_iter()
            .filter(|e| e.kind == "blob" && is_markdown(&e.path))
            .map(|e| e.path)
            .collect(),
    })
}

/// `14:05` in the interface language's way, for a time in seconds since the epoch.
fn clock(seconds: f64, lang: Lang) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds * 1000.0));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"hour".into(), &"2-digit".into());
    let _ = js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into());
    date.to_locale_time_string_with_options(crate::i18n::intl::locale(lang), &options)
        .into()
}

/// When a rate limit ends, as a message part: (clock time, whole minutes from now).
fn limit_end(reset: Option<f64>, retry_after: Option<f64>, lang: Lang) -> Option<(String, u64)> {
    let now = js_sys::Date::now() / 1000.0;
    // A secondary limit's `retry-after` is the wait that counts; else the hourly reset.
    let end = retry_after.map(|s| now + s).or(reset)?;
    let minutes = ((end - now) / 60.0).ceil().max(0.0) as u64;
    Some((clock(end, lang), minutes))
}

/// The listing of `address`: cached when fresh, else from the API (and cached), else the cached
/// one when the API refuses or cannot be reached. Notes to show go in `notes`.
async fn listing(
    address: &Address,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<Listing, String> {
    let key = address.cache_key();
    let cached = match cache::get(&key).await {
        Ok(cached) => cached,
        Err(err) => {
            leptos::logging::warn!("could not read the cached listing of {key}: {err}");
            None
        }
    };
    let now = js_sys::Date::now();
    if let Some(listing) = cached.as_ref().filter(|l| now - l.listed < FRESH_MS) {
        return Ok(listing.clone());
    }
    let repo = address.repo_key();
    match list_tree(address).await {
        Ok(listing) => {
            if let Err(err) = cache::put(&key, &listing).await {
                leptos::logging::warn!("could not cache the listing of {key}: {err}");
            }
            Ok(listing)
        }
        Err(failure) => {
            let minutes_old = |l: &Listing| ((now - l.listed) / 60_000.0).max(0.0) as u64;
            match (failure, cached) {
                (ApiFailure::RateLimited { reset, retry_after }, Some(listing)) => {
                    let end = limit_end(reset, retry_after, lang);
                    notes.push(text::rate_limited_cached(
                        lang,
                        &repo,
                        end.as_ref().map(|(t, m)| (t.as_str(), *m)),
                        minutes_old(&listing),
                    ));
                    Ok(listing)
                }
                (ApiFailure::Network(err), Some(listing)) => {
                    notes.push(text::unreachable_cached(
                        lang,
                        &repo,
                        &err,
                        minutes_old(&listing),
                    ));
                    Ok(listing)
                }
                (ApiFailure::RateLimited { reset, retry_after }, None) => {
                    let end = limit_end(reset, retry_after, lang);
                    Err(text::rate_limited(
                        lang,
                        &repo,
                        end.as_ref().map(|(t, m)| (t.as_str(), *m)),
                        token().is_some(),
                    ))
                }
                (ApiFailure::NotFound, _) => Err(text::not_found(lang, &repo, &address.reference)),
                (ApiFailure::BadToken, _) => Err(text::bad_token(lang, &repo)),
                (ApiFailure::Empty, _) => Err(text::empty(lang, &repo)),
                (ApiFailure::Http(status, message), _) => {
                    Err(crate::i18n::load::Problem::GithubHttp {
                        repo: &repo,
                        status,
                        message: &message,
                    }
                    .words(lang))
                }
                (ApiFailure::Network(err), None) => Err(text::unreachable(lang, &repo, &err)),
                (ApiFailure::Unreadable(err), _) => {
                    Err(crate::i18n::load::Problem::GithubUnreadable {
                        repo: &repo,
                        error: &err,
                    }
                    .words(lang))
                }
            }
        }
    }
}

// ---- Loading --------------------------------------------------------------------------------

/// A source address as the loader should fetch it: a GitHub address written out in full
/// (`github.com/o/r` typed without a scheme becomes `https://github.com/o/r`), a GitHub Pages
/// project site with the slash its folder needs (`https://o.github.io/r` → `.../r/`, so its
/// manifest `worklogs/index.json` resolves inside it). `None`: anything else, left as it is.
pub fn normalise(src: &str) -> Option<String> {
    if Address::parse(src).is_some() {
        let src = src.trim();
        return Some(if src.contains("://") {
            src.to_string()
        } else {
            format!("https://{src}")
        });
    }
    let url = src.trim().split(['?', '#']).next().unwrap_or_default();
    let rest = url.strip_prefix("https://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let last = path.rsplit('/').next().unwrap_or_default();
    (host.to_ascii_lowercase().ends_with(".github.io")
        && !path.is_empty()
        && !path.ends_with('/')
        && !last.contains('.'))
    .then(|| format!("https://{host}/{path}/"))
}

/// Fetch what a GitHub address holds and send its pages on `tx`, each as `intern`'s (else the
/// repository's, `OWNER/REPO`): list the repository (or take its cached listing), keep the
/// worklog section, fetch those pages raw. Returns the markdown files set aside and the
/// problems and notes for the caller's source.
pub async fn collect(
    state: AppState,
    address: &Address,
    intern: Option<Identity>,
    tx: futures::channel::mpsc::UnboundedSender<RawFile>,
) -> (usize, Vec<String>) {
    let lang = crate::i18n::github::interface_lang(state);
    let mut notes = Vec::new();
    let (paths, skipped) = match address.target {
        Target::Blob if !is_markdown(&address.path) => {
            return (1, vec![text::not_markdown(lang, &address.describe())]);
        }
        Target::Blob => (vec![address.path.clone()], 0),
        Target::Tree => {
            let listing = match listing(address, lang, &mut notes).await {
                Ok(listing) => listing,
                Err(error) => return (0, vec![error]),
            };
            if listing.truncated {
                notes.push(text::truncated(lang, &address.repo_key()));
            }
            let selection = select(&listing.paths, &address.path);
            if selection.pages.is_empty() {
                notes.push(text::no_worklog(
                    lang,
                    &address.describe(),
                    &selection.sections,
                ));
                return (selection.set_aside, notes);
            }
            (selection.pages, selection.set_aside)
        }
    };
    let intern = intern.unwrap_or_else(|| address.identity());
    notes.extend(fetch_pages(state, address, paths, intern, tx).await);
    (skipped, notes)
}

/// Fetch the pages a few at a time, in listing order, handing each to the parser as it comes;
/// returns the failures.
async fn fetch_pages(
    state: AppState,
    address: &Address,
    paths: Vec<String>,
    intern: Identity,
    tx: futures::channel::mpsc::UnboundedSender<RawFile>,
) -> Vec<String> {
    state
        .fetching
        .update(|p| p.get_or_insert_with(Progress::default).total += paths.len());
    let mut errors = Vec::new();
    let mut results = futures::stream::iter(paths.into_iter().map(|path| async move {
        let result = fetch_raw(&address.raw_url(&path)).await;
        (path, result)
    }))
    .buffered(PARALLEL_FETCHES);
    while let Some((path, result)) = results.next().await {
        state.fetching.update(|p| {
            if let Some(progress) = p {
                progress.done += 1;
                if progress.done >= progress.total {
                    *p = None;
                }
            }
        });
        let shown = address.shown_path(&path);
        match result {
            // The receiver lives until the channel closes: a send cannot fail before that.
            Ok(bytes) => {
                let _ = tx.unbounded_send(RawFile {
                    path: shown,
                    bytes,
                    intern: Some(intern.clone()),
                });
            }
            Err(error) => errors.push(format!("{shown}: {error}")),
        }
    }
    errors
}

async fn fetch_raw(url: &str) -> Result<Vec<u8>, String> {
    let response = Request::get(url).send().await.map_err(|e| {
        crate::i18n::load::Problem::RawFetchFailed {
            error: &e.to_string(),
        }
        .text()
    })?;
    if !response.ok() {
        return Err(crate::i18n::load::Problem::RawHttp {
            status: response.status(),
            status_text: &response.status_text(),
        }
        .text());
    }
    response.binary().await.map_err(|e| {
        crate::i18n::load::Problem::RawUnreadable {
            error: &e.to_string(),
        }
        .text()
    })
}

// ---- The cache ------------------------------------------------------------------------------

mod cache {
    //! Listings in IndexedDB: database `worklog-viewer-github`, store `listings`, one JSON
    //! string per `owner/repo@ref`. A database of its own, so the stored files of
    //! [`super::super::store`] never meet listings.

    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbTransactionMode};

    use super::super::store::{describe, request};
    use super::Listing;

    const DB_NAME: &str = "worklog-viewer-github";
    const DB_VERSION: u32 = 1;
    const STORE: &str = "listings";

    async fn open() -> Result<IdbDatabase, String> {
        use wasm_bindgen::closure::Closure;
        let factory = web_sys::window()
            .ok_or("no window")?
            .indexed_db()
            .map_err(describe)?
            .ok_or("IndexedDB is not available")?;
        let open: IdbOpenDbRequest = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(describe)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(target) = event.target() else { return };
            let req: IdbOpenDbRequest = target.unchecked_into();
            if let Ok(db) = req.result() {
                let db: IdbDatabase = db.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    if let Err(err) = db.create_object_store(STORE) {
                        leptos::logging::warn!("could not create the listing store: {err:?}");
                    }
                }
            }
        });
        open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = request(&open).await;
        open.set_onupgradeneeded(None);
        drop(upgrade);
        Ok(db?.unchecked_into())
    }

    fn store(
        db: &IdbDatabase,
        mode: IdbTransactionMode,
    ) -> Result<web_sys::IdbObjectStore, String> {
        db.transaction_with_str_and_mode(STORE, mode)
            .and_then(|t| t.object_store(STORE))
            .map_err(describe)
    }

    pub async fn get(key: &str) -> Result<Option<Listing>, String> {
        let db = open().await?;
        let req = store(&db, IdbTransactionMode::Readonly)?
            .get(&JsValue::from_str(key))
            .map_err(describe)?;
        let value = request(&req).await?;
        db.close();
        Ok(value
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok()))
    }

    pub async fn put(key: &str, listing: &Listing) -> Result<(), String> {
        let json = serde_json::to_string(listing).map_err(|e| e.to_string())?;
        let db = open().await?;
        let req = store(&db, IdbTransactionMode::Readwrite)?
            .put_with_key(&JsValue::from_str(&json), &JsValue::from_str(key))
            .map_err(describe)?;
        request(&req).await?;
        db.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(owner: &str, repo: &str, reference: &str, path: &str) -> Address {
        Address {
            owner: owner.into(),
            repo: repo.into(),
            reference: reference.into(),
            path: path.into(),
            target: Target::Tree,
        }
    }

    #[test]
    fn repository_addresses() {
        for src in [
            "https://github.com/alice/fcj-report",
            "https://github.com/alice/fcj-report/",
            "https://github.com/alice/fcj-report.git",
            "http://www.github.com/alice/fcj-report?tab=readme-ov-file#top",
            "github.com/alice/fcj-report",
            "  GitHub.com/alice/fcj-report  ",
            "https://github.com/alice/fcj-report/issues",
        ] {
            assert_eq!(
                Address::parse(src),
                Some(tree("alice", "fcj-report", "HEAD", "")),
                "{src}"
            );
        }
    }

    #[test]
    fn folder_and_page_addresses() {
        assert_eq!(
            Address::parse("https://github.com/alice/fcj-report/tree/main/content/1-Worklog/"),
            Some(tree("alice", "fcj-report", "main", "content/1-Worklog"))
        );
        assert_eq!(
            Address::parse("https://github.com/alice/fcj-report/tree/dev"),
            Some(tree("alice", "fcj-report", "dev", ""))
        );
        assert_eq!(
            Address::parse("https://github.com/a/r/tree/main/content/Nh%E1%BA%ADt-k%C3%BD"),
            Some(tree("a", "r", "main", "content/Nhật-ký"))
        );
        let page = Address::parse(
            "https://github.com/alice/fcj-report/blob/main/content/1-Worklog/1.2-Week2/_index.md#L4",
        )
        .unwrap();
        assert_eq!(page.target, Target::Blob);
        assert_eq!(page.reference, "main");
        assert_eq!(page.path, "content/1-Worklog/1.2-Week2/_index.md");
        assert_eq!(
            page.raw_url(&page.path),
            "https://raw.githubusercontent.com/alice/fcj-report/main/content/1-Worklog/1.2-Week2/_index.md"
        );
        assert_eq!(
            Address::parse("github.com/alice/fcj-report/raw/main/week-1.md").map(|a| a.target),
            Some(Target::Blob)
        );
    }

    #[test]
    fn other_addresses_are_not_github_ones() {
        for src in [
            "https://example.org/alice/fcj-report",
            "https://raw.githubusercontent.com/alice/fcj-report/main/week-1.md",
            "https://alice.github.io/fcj-report/",
            "https://github.com/alice",
            "https://github.com/",
            "worklogs/index.json",
            "javascript:alert(1)//github.com/a/b",
            "https://github.com/al ice/x",
            "https://github.com/alice/..",
            "ftp://github.com/alice/fcj-report",
        ] {
            assert_eq!(Address::parse(src), None, "{src}");
        }
    }

    #[test]
    fn urls_of_the_api_raw_files_and_pages() {
        let a = tree("alice", "fcj-report", "HEAD", "");
        assert_eq!(
            a.tree_url(),
            "https://api.github.com/repos/alice/fcj-report/git/trees/HEAD"
        );
        assert_eq!(
            a.raw_url("content/Nhật ký/week 1.md"),
            "https://raw.githubusercontent.com/alice/fcj-report/HEAD/content/Nh%E1%BA%ADt%20k%C3%BD/week%201.md"
        );
        assert_eq!(
            a.shown_path("content/worklog.md"),
            "https://github.com/alice/fcj-report/blob/HEAD/content/worklog.md"
        );
        assert_eq!(a.identity().key, "alice/fcj-report");
        assert_eq!(a.identity().name.as_deref(), Some("fcj-report"));
        assert_eq!(
            worklog::intern::from_source(&a.shown_path("content/worklog.md")),
            Some(a.identity()),
            "the core gives the page the same intern from its source"
        );
    }

    #[test]
    fn line_links_are_github_addresses_only() {
        assert_eq!(
            line_link(
                "https://github.com/alice/fcj-report/blob/HEAD/content/1-Worklog/1.2-Week2/_index.md",
                Some(12)
            )
            .as_deref(),
            Some("https://github.com/alice/fcj-report/blob/HEAD/content/1-Worklog/1.2-Week2/_index.md#L12")
        );
        assert_eq!(
            line_link(
                "https://raw.githubusercontent.com/alice/fcj-report/main/content/Nhật ký.md",
                None
            )
            .as_deref(),
            Some("https://github.com/alice/fcj-report/blob/main/content/Nh%E1%BA%ADt%20k%C3%BD.md")
        );
        for source in [
            "content/1-Worklog/1.2-Week2/_index.md",
            "javascript:alert(1)",
            "https://github.com/alice/fcj-report/tree/HEAD/x.md",
            "https://github.com/alice/fcj-report/blob/HEAD",
            "https://github.com/al\"ice/fcj-report/blob/HEAD/x.md",
            "https://example.org/alice/fcj-report/blob/HEAD/x.md",
            "https://alice.github.io/fcj-report/worklogs/x/content/worklog.md",
        ] {
            assert_eq!(line_link(source, Some(3)), None, "{source}");
        }
        // Nothing in a path can close the attribute or start another scheme.
        let link = line_link("https://github.com/a/b/blob/main/x\"><script>.md", Some(1)).unwrap();
        assert!(link.starts_with("https://github.com/a/b/blob/main/x%22%3E%3Cscript%3E.md"));
    }

    fn paths(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_hugo_repository_keeps_its_worklog_section() {
        let repo = paths(&[
            "README.md",
            "content/_index.md",
            "content/1-Worklog/_index.md",
            "content/1-Worklog/1.1-Week1/_index.md",
            "content/1-Worklog/1.1-Week1/_index.vi.md",
            "content/2-Proposal/_index.md",
            "content/3-BlogsTranslated/3.1-Blog1/_index.md",
            "content/5-Workshop/5.3-Week-lab/_index.md",
            "themes/hugo-theme-learn/README.md",
            ".github/PULL_REQUEST_TEMPLATE.md",
        ]);
        let s = select(&repo, "");
        assert_eq!(
            s.pages,
            [
                "content/1-Worklog/_index.md",
                "content/1-Worklog/1.1-Week1/_index.md",
                "content/1-Worklog/1.1-Week1/_index.vi.md"
            ]
        );
        assert_eq!(
            s.set_aside, 5,
            "README, home page, proposal, blog, workshop"
        );
        let folder = select(&repo, "content/1-Worklog/1.1-Week1/");
        assert_eq!(folder.pages.len(), 2);
        assert_eq!(folder.set_aside, 0);
        let proposal = select(&repo, "content/2-Proposal");
        assert!(proposal.pages.is_empty());
        assert_eq!(proposal.sections, ["2-Proposal"]);
    }

    #[test]
    fn single_file_and_folder_worklogs() {
        let single = select(
            &paths(&[
                "content/_index.md",
                "content/worklog.md",
                "content/about.md",
            ]),
            "",
        );
        assert_eq!(single.pages, ["content/worklog.md"]);
        let plain = select(
            &paths(&[
                "README.md",
                "worklog/week-1.md",
                "notes/week-2.md",
                "notes/ideas.md",
                "WORKLOG.md",
            ]),
            "",
        );
        assert_eq!(
            plain.pages,
            ["worklog/week-1.md", "notes/week-2.md", "WORKLOG.md"]
        );
        assert_eq!(plain.sections, ["notes/"]);
        let chosen = select(
            &paths(&["README.md", "notes/iam.md", "notes/s3.md"]),
            "notes",
        );
        assert_eq!(
            chosen.pages,
            ["notes/iam.md", "notes/s3.md"],
            "a chosen folder is taken whole"
        );
    }

    #[test]
    fn a_repository_without_a_worklog_says_what_it_has() {
        let s = select(
            &paths(&[
                "README.md",
                "content/_index.md",
                "content/1-Proposal/_index.md",
                "content/2-Events/e1.md",
                "content/2-Events/e2.md",
            ]),
            "",
        );
        assert!(s.pages.is_empty());
        assert_eq!(s.set_aside, 5);
        assert_eq!(s.sections, ["1-Proposal", "2-Events"]);
    }

    #[test]
    fn addresses_are_normalised_for_fetching() {
        assert_eq!(
            normalise("github.com/alice/fcj-report").as_deref(),
            Some("https://github.com/alice/fcj-report")
        );
        assert_eq!(
            normalise("https://github.com/alice/fcj-report/tree/main/x").as_deref(),
            Some("https://github.com/alice/fcj-report/tree/main/x")
        );
        assert_eq!(
            normalise("https://alice.github.io/fcj-report").as_deref(),
            Some("https://alice.github.io/fcj-report/"),
            "a project site is a folder"
        );
        for other in [
            "https://alice.github.io/fcj-report/",
            "https://alice.github.io/fcj-report/worklogs/index.json",
            "https://alice.github.io",
            "worklogs/index.json",
            "https://example.org/alice",
        ] {
            assert_eq!(normalise(other), None, "{other}");
        }
    }

    #[test]
    fn decoding_keeps_malformed_escapes() {
        assert_eq!(decode("a%20b"), "a b");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
    }
}
