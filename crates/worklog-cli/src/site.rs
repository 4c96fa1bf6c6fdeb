//! `worklog site`: the built viewer plus the worklog pages, as one static folder.
//!
//! Layout of the result (what the app loads by default):
//! ```text
//! DIR/index.html, DIR/*.wasm, ...          the Trunk-built viewer, copied from --dist
//! DIR/worklogs/<intern>/<relative paths>   each intern's worklog pages, in a folder of its
//!                                          own (a safe, unique slug of its key), paths below
//!                                          the repository root kept (week numbers, twins)
//! DIR/worklogs/index.json                  the site manifest, schema 2:
//!     {"schema": 2, "interns": [{"key": "cohort/alice-report", "name": "alice-report",
//!       "files": ["alice-report/content/1-Worklog/1.1-Week1/_index.md", ...]}, ...]}
//! DIR/worklogs/bundle.json.gz              every page above in one gzip file, so a cohort opens
//!     with a handful of requests: {"schema": 1, "files": [{"path": "<as in the manifest>",
//!     "text": "<the page>"}]}; the manifest points to it with "bundle": "bundle.json.gz"
//!     (pages that are not UTF-8 stay out of it and are fetched one by one)
//! DIR/.nojekyll                            so GitHub Pages serves `_index.md` files as they are
//! ```
//!
//! Only worklog pages are deployed (weeks, the worklog index, pages outside any site section):
//! pages of other site sections (proposal, blogs, workshop, the home page) are left out and
//! counted in the command's output.

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde::Serialize;
use walkdir::WalkDir;
use worklog::export::{set_aside_sections_of, set_aside_summary};
use worklog::PageKind;

use crate::commands::EXIT_TROUBLE;
use crate::input::{self, FoundFile};
use crate::SiteArgs;

/// Version of the site manifest (`worklogs/index.json`). 1 was `{"files": [...]}`.
pub const MANIFEST_SCHEMA: u32 = 2;

/// The site manifest shared with the app.
#[derive(Debug, Serialize)]
struct Manifest {
    schema: u32,
    /// A cohort's name, start and weeks (`--cohort`), so the deployed site opens as that cohort
    /// (docs/cohort.md); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weeks: Option<u32>,
    interns: Vec<ManifestIntern>,
    /// The pages in one gzip file, relative to `index.json` (additive: older apps ignore it).
    #[serde(skip_serializing_if = "Option::is_none")]
    bundle: Option<String>,
}

/// Version of the bundle's own content.
pub const BUNDLE_SCHEMA: u32 = 1;
/// The bundle's file name, beside `index.json`.
pub const BUNDLE_FILE: &str = "bundle.json.gz";

#[derive(Debug, Serialize)]
struct Bundle {
    schema: u32,
    files: Vec<BundledFile>,
}

#[derive(Debug, Serialize)]
struct BundledFile {
    /// The page's path as the manifest lists it.
    path: String,
    text: String,
}

/// Write the pages as one gzip-compressed JSON file; returns its size.
fn write_bundle(worklogs: &Path, files: Vec<BundledFile>) -> Result<u64> {
    use std::io::Write as _;
    let json = serde_json::to_vec(&Bundle {
        schema: BUNDLE_SCHEMA,
        files,
    })?;
    let target = worklogs.join(BUNDLE_FILE);
    let out =
        fs::File::create(&target).with_context(|| format!("cannot write {}", target.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::best());
    encoder.write_all(&json)?;
    encoder.finish()?;
    Ok(fs::metadata(&target)?.len())
}

#[derive(Debug, Serialize)]
struct ManifestIntern {
    /// The intern's stable key (the repository folder as given, `owner/repo`, ...).
    key: String,
    /// Its display name, unique in the site.
    name: String,
    /// Its pages, relative to `index.json`.
    files: Vec<String>,
}

pub fn run(args: &SiteArgs) -> Result<ExitCode> {
    let dist = match &args.dist {
        Some(d) => d.clone(),
        None => find_dist().context(
            "the viewer is not built: run `trunk build --release` in the repository, or pass --dist DIR",
        )?,
    };
    if !dist.join("index.html").is_file() {
        bail!(
            "{} is not a built viewer (no index.html): run `trunk build --release` or pass the right --dist",
            dist.display()
        );
    }
    let dist_abs =
        fs::canonicalize(&dist).with_context(|| format!("cannot read {}", dist.display()))?;
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let out_abs = fs::canonicalize(&args.out)?;
    if out_abs.starts_with(&dist_abs) || dist_abs.starts_with(&out_abs) {
        bail!(
            "--out {} and --dist {} must not contain each other",
            args.out.display(),
            dist.display()
        );
    }

    let (cohort, mut found) = match &args.cohort {
        Some(file) => {
            let c = crate::cohort::find(file)?;
            (Some(c.cohort), c.found)
        }
        None => (None, input::find(&args.paths)),
    };
    // A previous build inside an input folder (`worklog site . --out _site`) is not input.
    found.files.retain(|f| {
        fs::canonicalize(&f.path).map_or(true, |p| {
            !p.starts_with(&out_abs) && !p.starts_with(&dist_abs)
        })
    });
    if found.files.is_empty() {
        for p in &found.problems {
            let level = if p.fatal { "error" } else { "warning" };
            eprintln!("{}: {level}: {}", p.path, p.message);
        }
        bail!("no worklog pages (*.md, *.markdown) found in the given paths");
    }
    // Parsed, to know each page's intern and section.
    let input = input::load_found(found, false);
    input.report_problems();
    let skipped = input.problems.iter().filter(|p| !p.fatal).count();
    let collection = &input.collection;

    // 1. The viewer, without its bundled demo worklogs (ours replace them).
    let viewer_files = copy_viewer(&dist, &args.out)?;

    // 2. Each intern's worklog pages under worklogs/<slug>/, relative paths kept.
    let worklogs = args.out.join("worklogs");
    if worklogs.exists() {
        fs::remove_dir_all(&worklogs)
            .with_context(|| format!("cannot replace {}", worklogs.display()))?;
    }
    fs::create_dir_all(&worklogs)?;
    let keys: Vec<&str> = collection
        .internships()
        .iter()
        .map(|i| i.key.as_str())
        .collect();
    let folders = slugs(&keys);
    let mut manifest = Manifest {
        schema: MANIFEST_SCHEMA,
        name: cohort.as_ref().and_then(|c| c.name.clone()),
        start: cohort.as_ref().and_then(|c| c.start),
        weeks: cohort.as_ref().and_then(|c| c.weeks),
        interns: collection
            .internships()
            .iter()
            .map(|i| ManifestIntern {
                key: i.key.clone(),
                name: i.name.clone(),
                files: Vec::new(),
            })
            .collect(),
        bundle: None,
    };
    let mut bundled: Vec<BundledFile> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut copied = 0;
    let mut failed = 0;
    for (i, (page, file)) in collection.pages().iter().zip(&input.files).enumerate() {
        if page.kind == PageKind::OtherSection {
            continue;
        }
        let Some(k) = collection.intern_index(i) else {
            continue;
        };
        match copy_page(file, &folders[k], &worklogs, &mut taken) {
            Ok((rel, bytes)) => {
                if let Ok(text) = String::from_utf8(bytes) {
                    bundled.push(BundledFile {
                        path: rel.clone(),
                        text,
                    });
                }
                manifest.interns[k].files.push(rel);
                copied += 1;
            }
            Err(e) => {
                eprintln!("{}: warning: skipped: {e:#}", file.display);
                failed += 1;
            }
        }
    }
    manifest.interns.retain(|i| !i.files.is_empty());
    // A cohort's interns all stay, pages or not: the viewer shows their weeks as missing.
    if let Some(cohort) = &cohort {
        for intern in &cohort.interns {
            if !manifest.interns.iter().any(|m| m.key == intern.key) {
                manifest.interns.push(ManifestIntern {
                    key: intern.key.clone(),
                    name: intern.name.clone(),
                    files: Vec::new(),
                });
            }
        }
    }
    if !bundled.is_empty() {
        write_bundle(&worklogs, bundled)?;
        manifest.bundle = Some(BUNDLE_FILE.to_string());
    }
    let manifest_path = worklogs.join("index.json");
    fs::write(
        &manifest_path,
        serde_json::to_string_pretty(&manifest)? + "\n",
    )
    .with_context(|| format!("cannot write {}", manifest_path.display()))?;

    // 3. Base URL and GitHub Pages details.
    if let Some(base) = &args.base_url {
        let base = normalize_base(base)?;
        let index = args.out.join("index.html");
        let html = fs::read_to_string(&index)
            .with_context(|| format!("cannot read {}", index.display()))?;
        match rewrite_base_href(&html, &base) {
            Some(updated) => fs::write(&index, updated)
                .with_context(|| format!("cannot write {}", index.display()))?,
            None => eprintln!(
                "worklog: note: index.html has no <base href>; its asset links are relative, so the site works under {base} as it is"
            ),
        }
    }
    fs::write(args.out.join(".nojekyll"), "")?;

    let set_aside = set_aside_sections_of(collection.pages().iter().map(|p| &**p));
    let set_aside_count: usize = set_aside.iter().map(|(_, n)| n).sum();
    let skipped = skipped + failed;
    println!(
        "site written to {}: viewer ({} files) + {} of {} in worklogs/ (manifest worklogs/index.json){}",
        args.out.display(),
        viewer_files,
        count(copied, "worklog page", "worklog pages"),
        count(manifest.interns.len(), "intern", "interns"),
        if skipped > 0 {
            format!(", {skipped} skipped")
        } else {
            String::new()
        }
    );
    for intern in &manifest.interns {
        println!(
            "  {} ({}): {}",
            intern.name,
            intern.key,
            count(intern.files.len(), "page", "pages")
        );
    }
    if set_aside_count > 0 {
        println!(
            "{} of other sections not deployed ({}): only the worklog section is published",
            count(set_aside_count, "page", "pages"),
            set_aside_summary(&set_aside)
        );
    }
    Ok(if input.has_fatal() {
        ExitCode::from(EXIT_TROUBLE)
    } else {
        ExitCode::SUCCESS
    })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A folder name for each key, in order: safe (lower-case ASCII letters, digits, `-`, `_`,
/// `.`), unique, and readable — the key's last folder (`cohort/alice-report` →
/// `alice-report`), with more of the key where two would collide (`alice/fcj-workshop` →
/// `alice-fcj-workshop`), else numbered (`intern-2`).
pub fn slugs(keys: &[&str]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    // `index.json` is the manifest's own name, `bundle.json.gz` the bundle's.
    taken.insert("index.json".to_string());
    taken.insert(BUNDLE_FILE.to_string());
    keys.iter()
        .map(|key| {
            let segments: Vec<&str> = key
                .split(['/', '\\'])
                .filter(|s| !s.is_empty() && *s != "." && *s != "..")
                .collect();
            let candidates = (1..=segments.len().max(1))
                .map(|n| slugify(&segments[segments.len().saturating_sub(n)..].join("-")));
            let mut last = String::new();
            for candidate in candidates {
                if taken.insert(candidate.clone()) {
                    return candidate;
                }
                last = candidate;
            }
            let mut n = 2;
            loop {
                let candidate = format!("{last}-{n}");
                if taken.insert(candidate.clone()) {
                    return candidate;
                }
                n += 1;
            }
        })
        .collect()
}

/// Lower-case ASCII letters, digits, `-`, `_` and inner `.`; anything else becomes `-`.
fn slugify(text: &str) -> String {
    const MAX: usize = 64;
    let mut out = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        let keep = c.is_ascii_alphanumeric() || c == '_' || c == '.';
        let c = if keep { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let mut slug: String = out
        .trim_matches(|c| c == '-' || c == '.')
        .chars()
        .take(MAX)
        .collect();
    while slug.ends_with(['-', '.']) {
        slug.pop();
    }
    if slug.is_empty() {
        "intern".to_string()
    } else {
        slug
    }
}

/// `dist/` with an `index.html`, in the current folder or the repository above it, or next to
/// the repository this binary was built in (`target/release/worklog` → `dist/`).
fn find_dist() -> Result<PathBuf> {
    let mut starts = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    if let Ok(exe) = std::env::current_exe() {
        starts.push(exe);
    }
    for start in starts {
        for dir in start.ancestors() {
            let candidate = dir.join("dist");
            if candidate.join("index.html").is_file() {
                return Ok(candidate);
            }
        }
    }
    bail!("no dist/index.html found from the current folder upwards")
}

/// Copy the viewer's files; its `worklogs/` (the bundled demo) is left out.
fn copy_viewer(dist: &Path, out: &Path) -> Result<usize> {
    let mut count = 0;
    let walker = WalkDir::new(dist)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !(e.depth() == 1 && e.file_name() == "worklogs"));
    for entry in walker {
        let entry = entry.with_context(|| format!("cannot read {}", dist.display()))?;
        let rel = entry.path().strip_prefix(dist).unwrap_or(entry.path());
        let target = out.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)
                .with_context(|| format!("cannot create {}", target.display()))?;
        } else if entry.file_type().is_file() {
            fs::copy(entry.path(), &target).with_context(|| {
                format!(
                    "cannot copy {} to {}",
                    entry.path().display(),
                    target.display()
                )
            })?;
            count += 1;
        }
    }
    Ok(count)
}

/// Copy one page to `worklogs/<folder>/<relative path>`; returns its path relative to
/// `worklogs/` (the manifest's).
fn copy_page(
    file: &FoundFile,
    folder: &str,
    worklogs: &Path,
    taken: &mut HashSet<String>,
) -> Result<(String, Vec<u8>)> {
    let bytes = fs::read(&file.path).context("cannot read")?;
    let below = safe_relative(&file.relative);
    let mut rel = format!("{folder}/{below}");
    // One intern's pages never share a path; should two arguments still land on one, the
    // later one is numbered rather than overwriting.
    let mut n = 2;
    while !taken.insert(rel.clone()) {
        rel = format!("{folder}/{n}/{below}");
        n += 1;
    }
    let target = worklogs.join(&rel);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(&target, &bytes).with_context(|| format!("cannot write {}", target.display()))?;
    Ok((rel, bytes))
}

/// A relative path with `/` separators and only normal components (no `..`, no root), so a
/// page can never be written outside `worklogs/`.
fn safe_relative(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        "page.md".to_string()
    } else {
        parts.join("/")
    }
}

/// `/repo`, `repo/`, `/repo/` → `/repo/`; `/` stays. Refuses what would break the HTML attribute.
fn normalize_base(base: &str) -> Result<String> {
    let trimmed = base.trim();
    if trimmed.contains(['"', '\'', '<', '>', ' ', '\\']) {
        bail!("--base-url `{base}`: must be a URL path like /my-repo/");
    }
    if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
        return Ok(if trimmed.ends_with('/') {
            trimmed.to_string()
        } else {
            format!("{trimmed}/")
        });
    }
    let inner = trimmed.trim_matches('/');
    Ok(if inner.is_empty() {
        "/".to_string()
    } else {
        format!("/{inner}/")
    })
}

/// Replace the `href` of the first `<base ...>` tag; `None` when there is no such tag.
fn rewrite_base_href(html: &str, base: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let tag_start = lower.find("<base")?;
    let tag_end = tag_start + lower[tag_start..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let tag_lower = &lower[tag_start..tag_end];
    let new_tag = match tag_lower.find("href") {
        Some(h) => {
            let after = &tag[h + 4..];
            let eq = after.find('=')?;
            let value = after[eq + 1..].trim_start();
            let value_start = h + 4 + eq + 1 + (after[eq + 1..].len() - value.len());
            let len = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map(|e| e + 2)?,
                _ => value.find([' ', '>']).unwrap_or(value.len()),
            };
            format!(
                "{}\"{}\"{}",
                &tag[..value_start],
                base,
                &tag[value_start + len..]
            )
        }
        None => {
            let self_closing = tag.trim_end().ends_with('/');
            let body = tag.trim_end().trim_end_matches('/').trim_end();
            format!(
                "{body} href=\"{base}\"{}",
                if self_closing { " /" } else { "" }
            )
        }
    };
    Some(format!(
        "{}{}{}",
        &html[..tag_start],
        new_tag,
        &html[tag_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_normalized() {
        assert_eq!(normalize_base("repo").ok(), Some("/repo/".to_string()));
        assert_eq!(normalize_base("/a/b").ok(), Some("/a/b/".to_string()));
        assert_eq!(normalize_base("/").ok(), Some("/".to_string()));
        assert!(normalize_base("/x\"><script>").is_err());
    }

    #[test]
    fn base_href_is_rewritten() {
        let html = "<head><base href=\"/\" /><link href=\"./a.css\"></head>";
        assert_eq!(
            rewrite_base_href(html, "/repo/").as_deref(),
            Some("<head><base href=\"/repo/\" /><link href=\"./a.css\"></head>")
        );
        let html = "<HEAD><BASE HREF='./'></HEAD>";
        assert_eq!(
            rewrite_base_href(html, "/r/").as_deref(),
            Some("<HEAD><BASE HREF=\"/r/\"></HEAD>")
        );
        assert_eq!(
            rewrite_base_href("<base data-trunk-public-url/>", "/r/").as_deref(),
            Some("<base data-trunk-public-url href=\"/r/\" />")
        );
        assert_eq!(rewrite_base_href("<head></head>", "/r/"), None);
    }

    #[test]
    fn intern_folders_are_safe_unique_slugs() {
        assert_eq!(
            slugs(&[
                "cohort/alice-report",
                "/home/me/Bob Report",
                "alice/fcj-workshop",
                "bob/fcj-workshop",
                "files",
                "files#2",
                ".",
                "index.json",
                "../..",
                "x/alice-report",
            ]),
            [
                "alice-report",
                "bob-report",
                "fcj-workshop",
                "bob-fcj-workshop",
                "files",
                "files-2",
                "intern",
                "index.json-2",
                "intern-2",
                "x-alice-report",
            ]
        );
        assert_eq!(slugify("Nhật ký—Tuần"), "nh-t-k-tu-n");
        assert_eq!(slugify("..hidden"), "hidden");
    }

    #[test]
    fn relative_paths_stay_inside() {
        assert_eq!(safe_relative(Path::new("../../etc/x.md")), "etc/x.md");
        assert_eq!(
            safe_relative(Path::new("content/a/_index.md")),
            "content/a/_index.md"
        );
        assert_eq!(safe_relative(Path::new("")), "page.md");
    }
}
