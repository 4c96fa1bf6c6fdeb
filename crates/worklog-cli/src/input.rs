//! Finding and reading worklog files from the paths given on the command line, and whose each
//! file is.
//!
//! Directories are walked recursively for `*.md` / `*.markdown` (hidden folders, `node_modules`
//! and `target` skipped). A path that does not exist or cannot be read is an error the run
//! reports and remembers (non-zero exit at the end); a file that cannot be read or is not text
//! is reported and skipped. Nothing here aborts the run.
//!
//! **Interns.** Every file gets an [`Origin`]: the intern it belongs to, decided here from the
//! folders on disk, so that `worklog stats cohort/` over a folder of six repositories gives six
//! interns named by their folders.
//!
//! - A *repository root* is a folder holding `content/`, a Hugo configuration
//!   (`hugo.toml`, `config.toml`, `.yaml`, `.yml`, `.json`) or `.git`. Every page under a root is
//!   that root's intern (the innermost root wins): key = the root's path as given (the argument
//!   joined with the folders below it, `cohort/alice-report`), name = the root's folder name
//!   (the nearest meaningful one: never `main`, `worklogs` or a bare number). Of a root holding
//!   `content/`, only `content/` is read (themes and READMEs are not worklog pages).
//! - A folder of repositories (an argument with roots below it, not itself one): its
//!   subfolders without a root marker are interns too, and markdown files right in it (a
//!   README beside the repositories) belong to none and are reported, not read.
//! - A `content/` folder given as the argument (or a folder inside one) belongs to the folder
//!   above `content/`.
//! - A folder argument with no root in it is one intern: the folder itself.
//! - A file argument belongs to the repository whose `content/` its path goes through, else to
//!   the folder it sits in (a week folder such as `week-5/` counts as its parent's); a bare file
//!   name is *loose*: the loose files of one invocation share one batch, in which the core keeps
//!   two pages of the same week and language apart as two unnamed interns.
//!
//! Each folder argument is its own batch; file arguments share the invocation's batch.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;
use worklog::intern::{is_meaningful_name, Identity, Origin};
use worklog::parse::{decode, week};
use worklog::{parse_page, Collection};

/// The batch of the files named one by one on the command line (one per invocation).
pub const FILES_BATCH: &str = "files";

/// One worklog file found under the given paths.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// The file on disk.
    pub path: PathBuf,
    /// The path as the user gave it, joined with the part found by walking: what diagnostics
    /// and the JSON `source` show.
    pub display: String,
    /// The path below the intern's folder, kept when copying into a site: below the repository
    /// root (`content/1-Worklog/1.1-Week1/_index.md`), below a folder argument, below the
    /// folder a file argument belongs to, or a loose file's name.
    pub relative: PathBuf,
    /// The load batch and, unless the file is loose, its intern.
    pub origin: Origin,
}

/// A problem with the input that did not stop the run.
#[derive(Debug, Clone)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// A path given on the command line that could not be used at all (exit status 2).
    pub fatal: bool,
}

#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<FoundFile>,
    pub problems: Vec<Problem>,
}

/// Is this a worklog file name?
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Folders never worth walking into.
fn skipped_dir(name: &str) -> bool {
    (name.starts_with('.') && name != "." && name != "..")
        || name == "node_modules"
        || name == "target"
}

/// Hugo configuration files that mark a site's root.
const CONFIGS: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// What a folder is, as a repository root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Root {
    /// Not a root.
    No,
    /// A root holding `content/`: only `content/` holds its pages.
    Site,
    /// A root by its Hugo configuration or `.git`, without `content/`.
    Repository,
}

fn root_kind(dir: &Path) -> Root {
    if dir.join("content").is_dir() {
        Root::Site
    } else if CONFIGS.iter().any(|c| dir.join(c).is_file()) || dir.join(".git").exists() {
        Root::Repository
    } else {
        Root::No
    }
}

/// Root kinds and intern identities, remembered across the arguments: the same folder reached
/// through two arguments (`cohort/alice` and `/abs/cohort/alice`) is one intern.
#[derive(Default)]
struct Roots {
    kinds: HashMap<PathBuf, Root>,
    /// By canonical path.
    identities: HashMap<PathBuf, Identity>,
    /// By the path as met (saves a `canonicalize` per file).
    seen: HashMap<PathBuf, Identity>,
}

impl Roots {
    fn kind(&mut self, dir: &Path) -> Root {
        if let Some(&k) = self.kinds.get(dir) {
            return k;
        }
        let k = root_kind(dir);
        self.kinds.insert(dir.to_path_buf(), k);
        k
    }

    /// The identity of the intern whose folder is `dir` on disk, written `as_given` (empty
    /// when the user gave no name for it, e.g. `.`).
    fn identity(&mut self, dir: &Path, as_given: &Path) -> Identity {
        if let Some(id) = self.seen.get(dir) {
            return id.clone();
        }
        let canonical = canonical(dir);
        let id = self
            .identities
            .entry(canonical.clone())
            .or_insert_with(|| identity_of(as_given, &canonical))
            .clone();
        self.seen.insert(dir.to_path_buf(), id.clone());
        id
    }
}

/// Key = the folder's path as given (`/` separators, no `./`), else its folder name on disk;
/// name = the nearest meaningful folder name of that path, else the folder's own name on disk.
fn identity_of(as_given: &Path, canonical: &Path) -> Identity {
    let key = path_key(as_given);
    let own_name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let name = as_given
        .components()
        .rev()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .find(|s| is_meaningful_name(s))
        .or_else(|| own_name.clone().filter(|n| is_meaningful_name(n)));
    let key = if key.is_empty() || key == "." {
        own_name.unwrap_or_else(|| ".".to_string())
    } else {
        key
    };
    Identity { key, name }
}

/// A path as a key: `/` separators, `.` components dropped (`./cohort/alice/` → `cohort/alice`).
fn path_key(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in path.components() {
        match c {
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".to_string()),
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
        }
    }
    format!("{}{}", if absolute { "/" } else { "" }, parts.join("/"))
}

/// The components of `path` up to (not including) the last `content` folder, and from it on.
fn split_at_content(path: &Path) -> Option<(PathBuf, PathBuf)> {
    let components: Vec<Component> = path.components().collect();
    let at = components
        .iter()
        .rposition(|c| matches!(c, Component::Normal(s) if s.eq_ignore_ascii_case("content")))?;
    let before: PathBuf = components[..at].iter().collect();
    let after: PathBuf = components[at..].iter().collect();
    Some((before, after))
}

fn has_named_component(path: &Path) -> bool {
    path.components().any(|c| matches!(c, Component::Normal(_)))
}

/// A folder argument inside a site's `content/` (`alice/content`, `alice/content/1-Worklog`,
/// or `.` run from inside one): the site's root.
struct ArgumentSite {
    /// The root folder, on disk.
    dir: PathBuf,
    /// The root as the user wrote it (empty when not written, e.g. `content`).
    as_given: PathBuf,
    /// The argument's path from `content` on (`content/1-Worklog`).
    content_rel: PathBuf,
}

fn argument_site(given: &Path) -> Option<ArgumentSite> {
    if let Some((before, after)) = split_at_content(given) {
        let dir = if has_named_component(&before) || before.has_root() {
            before.clone()
        } else {
            canonical(&given.join(relative_up(&after)))
                .parent()?
                .to_path_buf()
        };
        return Some(ArgumentSite {
            dir,
            as_given: before,
            content_rel: after,
        });
    }
    if has_named_component(given) {
        return None;
    }
    // `.` or `..`: the folder's real path says whether it lies inside a `content/`.
    let real = canonical(given);
    let (before, after) = split_at_content(&real)?;
    Some(ArgumentSite {
        dir: before,
        as_given: PathBuf::new(),
        content_rel: after,
    })
}

/// `..` once per component of `rel` minus one: from the end of `content/a/b` back to `content`.
fn relative_up(rel: &Path) -> PathBuf {
    let n = rel.components().count().saturating_sub(1);
    (0..n).map(|_| Component::ParentDir).collect()
}

/// Does a folder name stand for a week rather than an internship (`week-5`, `1.5-Week5`)?
fn is_week_folder(name: &str) -> bool {
    week::first_mention(name).is_some()
}

/// The origin and relative path of a file named on the command line.
fn file_origin(given: &Path, roots: &mut Roots) -> (Origin, PathBuf) {
    let file_name = given
        .file_name()
        .map(PathBuf::from)
        .unwrap_or_else(|| given.to_path_buf());
    let parent = given.parent().unwrap_or(Path::new(""));
    let loose = |name: PathBuf| {
        (
            Origin {
                batch: FILES_BATCH.to_string(),
                intern: None,
            },
            name,
        )
    };
    // In a site: the folder holding `content/`.
    if let Some((before, after)) = split_at_content(parent) {
        let dir = if has_named_component(&before) || before.has_root() {
            before.clone()
        } else {
            match canonical(&parent.join(relative_up(&after))).parent() {
                Some(d) => d.to_path_buf(),
                None => return loose(file_name),
            }
        };
        let identity = roots.identity(&dir, &before);
        return (
            Origin {
                batch: FILES_BATCH.to_string(),
                intern: Some(identity),
            },
            after.join(&file_name),
        );
    }
    // Else the folder it sits in, above any week folders.
    let mut folder = parent.to_path_buf();
    while folder
        .file_name()
        .is_some_and(|n| is_week_folder(&n.to_string_lossy()))
    {
        folder.pop();
    }
    if !has_named_component(&folder) {
        return loose(file_name);
    }
    let identity = roots.identity(&folder, &folder);
    let relative = given
        .strip_prefix(&folder)
        .map(Path::to_path_buf)
        .unwrap_or(file_name);
    (
        Origin {
            batch: FILES_BATCH.to_string(),
            intern: Some(identity),
        },
        relative,
    )
}

/// Collect the markdown files under `paths`, in a stable order (given order, then sorted
/// within each directory), each file once, each with its intern (see the module docs).
pub fn find(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut roots = Roots::default();
    // One walk never yields a file twice; only several arguments can overlap, and only then
    // is the (syscall-heavy) canonical path needed.
    let dedupe = paths.len() > 1;
    let mut first_time = |path: &Path| !dedupe || seen.insert(canonical(path));
    for (n, given) in paths.iter().enumerate() {
        let shown = given.to_string_lossy().into_owned();
        let meta = match fs::metadata(given) {
            Ok(m) => m,
            Err(e) => {
                found.problems.push(Problem {
                    path: shown,
                    message: format!("cannot read: {e}"),
                    fatal: true,
                });
                continue;
            }
        };
        if meta.is_file() {
            if first_time(given) {
                let (origin, relative) = file_origin(given, &mut roots);
                found.files.push(FoundFile {
                    path: given.clone(),
                    display: shown,
                    relative,
                    origin,
                });
            }
            continue;
        }
        let batch = format!("argument {}", n + 1);
        let site = argument_site(given);
        // Folders beside a site's `content/` (themes, static, a README) hold no worklog pages.
        let mut pruning: HashMap<PathBuf, Root> = HashMap::new();
        let walker = WalkDir::new(given)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 || !e.file_type().is_dir() {
                    return true;
                }
                let name = e.file_name().to_string_lossy();
                if skipped_dir(&name) {
                    return false;
                }
                let Some(parent) = e.path().parent() else {
                    return true;
                };
                let kind = *pruning
                    .entry(parent.to_path_buf())
                    .or_insert_with(|| root_kind(parent));
                kind != Root::Site || name.eq_ignore_ascii_case("content")
            });
        let mut any = false;
        // Each markdown file with the innermost repository root between it and the argument.
        let mut walked: Vec<(PathBuf, Option<(PathBuf, Root)>)> = Vec::new();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_else(|| shown.clone());
                    found.problems.push(Problem {
                        path,
                        message: format!("skipped: {e}"),
                        fatal: false,
                    });
                    continue;
                }
            };
            if !entry.file_type().is_file() || !is_markdown(entry.path()) {
                continue;
            }
            // The innermost repository root between the file and the argument.
            let mut root = None;
            let mut dir = entry.path().parent();
            while let Some(d) = dir {
                match roots.kind(d) {
                    Root::No => {}
                    kind => {
                        root = Some((d.to_path_buf(), kind));
                        break;
                    }
                }
                if d == given.as_path() {
                    break;
                }
                dir = d.parent();
            }
            if let Some((d, Root::Site)) = &root {
                if entry.path().parent() == Some(d.as_path()) {
                    continue; // a README beside `content/`
                }
            }
            any = true;
            walked.push((entry.path().to_path_buf(), root));
        }
        // A folder of repositories (a cohort): its subfolders without a root marker are
        // interns too, and the files right in it (a README) belong to none of them.
        let cohort = site.is_none()
            && walked
                .iter()
                .any(|(_, root)| root.as_ref().is_some_and(|(d, _)| d != given));
        let mut beside: Vec<String> = Vec::new();
        for (path, root) in walked {
            let below = path.strip_prefix(given).unwrap_or(&path).to_path_buf();
            let (identity, relative) = match (&root, &site) {
                (Some((d, _)), _) => (
                    roots.identity(d, d),
                    path.strip_prefix(d).unwrap_or(&below).to_path_buf(),
                ),
                (None, Some(site)) => (
                    roots.identity(&site.dir, &site.as_given),
                    site.content_rel.join(&below),
                ),
                (None, None) if cohort => {
                    let mut parts = below.components();
                    let first = parts.next().map(|c| PathBuf::from(c.as_os_str()));
                    let rest = parts.as_path().to_path_buf();
                    match first {
                        Some(first) if !rest.as_os_str().is_empty() => {
                            let dir = given.join(&first);
                            (roots.identity(&dir, &dir), rest)
                        }
                        _ => {
                            beside.push(below.to_string_lossy().into_owned());
                            continue;
                        }
                    }
                }
                (None, None) => (roots.identity(given, given), below),
            };
            if !first_time(&path) {
                continue;
            }
            found.files.push(FoundFile {
                display: path.to_string_lossy().into_owned(),
                path,
                relative,
                origin: Origin {
                    batch: batch.clone(),
                    intern: Some(identity),
                },
            });
        }
        if !beside.is_empty() {
            const SHOWN: usize = 3;
            let mut names = beside
                .iter()
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if beside.len() > SHOWN {
                names.push_str(&format!(", +{} more", beside.len() - SHOWN));
            }
            found.problems.push(Problem {
                path: shown.clone(),
                message: format!(
                    "{} right in this folder of repositories, beside them, not read as any intern's worklog ({names}); give a file as its own argument to read it",
                    if beside.len() == 1 { "1 markdown file".to_string() } else { format!("{} markdown files", beside.len()) }
                ),
                fatal: false,
            });
        }
        if !any {
            found.problems.push(Problem {
                path: shown,
                message: "no .md or .markdown files in this folder".to_string(),
                fatal: false,
            });
        }
    }
    found
}

fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Everything read from the command line's paths.
pub struct Input {
    pub collection: Collection,
    /// The decoded text of each page, parallel to `collection.pages()` (empty unless asked
    /// for: only `lint` needs it).
    pub texts: Vec<String>,
    /// The file of each page, parallel to `collection.pages()`.
    pub files: Vec<FoundFile>,
    pub problems: Vec<Problem>,
}

impl Input {
    /// True when a path given on the command line could not be used.
    pub fn has_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.fatal)
    }

    /// Print the input problems on stderr, one line each, in the `path: severity: message` form.
    pub fn report_problems(&self) {
        for p in &self.problems {
            let level = if p.fatal { "error" } else { "warning" };
            eprintln!("{}: {level}: {}", p.path, p.message);
        }
    }
}

/// What reading one file gave.
enum Read {
    Page(Box<worklog::Page>, String),
    Skipped(Problem),
}

/// Read, decode and parse one file.
fn read_one(file: &FoundFile, keep_text: bool) -> Read {
    let bytes = match fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => {
            return Read::Skipped(Problem {
                path: file.display.clone(),
                message: format!("cannot read, skipped: {e}"),
                fatal: false,
            })
        }
    };
    let decoded = decode::decode(&bytes);
    if decoded.binary {
        return Read::Skipped(Problem {
            path: file.display.clone(),
            message: "not a text file, skipped".to_string(),
            fatal: false,
        });
    }
    let page = parse_page(&file.display, &bytes);
    let text = if keep_text {
        decoded.text
    } else {
        String::new()
    };
    Read::Page(Box::new(page), text)
}

/// Most threads used for parsing; pages are independent, so this scales with cores.
const MAX_THREADS: usize = 8;
/// Below this many files one thread is faster than starting more.
const MIN_FILES_PER_THREAD: usize = 64;

/// Find, read, decode and parse every file, on all cores, keeping the order of the files;
/// binary and unreadable files are skipped with a problem. `keep_text` keeps the decoded
/// text for the text checks.
pub fn load(paths: &[PathBuf], keep_text: bool) -> Input {
    load_found(find(paths), keep_text)
}

/// [`load`] for files already found (and perhaps narrowed).
pub fn load_found(found: Found, keep_text: bool) -> Input {
    let Found {
        files,
        mut problems,
    } = found;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
        .min(files.len() / MIN_FILES_PER_THREAD)
        .max(1);
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<Read> = if threads == 1 {
        files.iter().map(|f| read_one(f, keep_text)).collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|f| read_one(f, keep_text))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .zip(files.chunks(chunk))
                .flat_map(|(handle, part)| {
                    // A panicking parser thread must not lose the other pages: its files are
                    // reported instead (parsing is designed never to panic).
                    handle.join().unwrap_or_else(|_| {
                        part.iter()
                            .map(|f| {
                                Read::Skipped(Problem {
                                    path: f.display.clone(),
                                    message: "internal error while parsing, skipped".to_string(),
                                    fatal: false,
                                })
                            })
                            .collect()
                    })
                })
                .collect()
        })
    };
    let mut pages = Vec::with_capacity(results.len());
    let mut texts = Vec::with_capacity(results.len());
    let mut origins = Vec::with_capacity(results.len());
    let mut kept = Vec::with_capacity(results.len());
    for (result, file) in results.into_iter().zip(files) {
        match result {
            Read::Page(page, text) => {
                pages.push(*page);
                texts.push(text);
                origins.push(file.origin.clone());
                kept.push(file);
            }
            Read::Skipped(problem) => problems.push(problem),
        }
    }
    Input {
        collection: Collection::with_origins(pages, origins),
        texts,
        files: kept,
        problems,
    }
}
