//! Finding and reading worklog files from the paths given on the command line.
//!
//! Directories are walked recursively for `*.md` / `*.markdown` (hidden folders, `node_modules`
//! and `target` skipped). A path that does not exist or cannot be read is an error the run
//! reports and remembers (non-zero exit at the end); a file that cannot be read or is not text
//! is reported and skipped. Nothing here aborts the run.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;
use worklog::parse::decode;
use worklog::{parse_page, Collection};

/// One worklog file found under the given paths.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// The file on disk.
    pub path: PathBuf,
    /// The path as the user gave it, joined with the part found by walking: what diagnostics
    /// and the JSON `source` show.
    pub display: String,
    /// Relative path kept when copying into a site: the given directory's own name plus the
    /// path below it (`content/1-Worklog/1.1-Week1/_index.md`), or the file name.
    pub relative: PathBuf,
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

/// Collect the markdown files under `paths`, in a stable order (given order, then sorted
/// within each directory), each file once.
pub fn find(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    // One walk never yields a file twice; only several arguments can overlap, and only then
    // is the (syscall-heavy) canonical path needed.
    let dedupe = paths.len() > 1;
    let mut first_time = |path: &Path| !dedupe || seen.insert(canonical(path));
    for given in paths {
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
                let relative = given
                    .file_name()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| given.clone());
                found.files.push(FoundFile {
                    path: given.clone(),
                    display: shown,
                    relative,
                });
            }
            continue;
        }
        // A Hugo site root: only its `content/` holds pages (themes ship their own markdown).
        let hugo_content = hugo_content(given);
        let given: &Path = hugo_content.as_deref().unwrap_or(given);
        // A directory: keep its own name at the top of relative paths (`content/...`), as the
        // app uses folder names for week numbers and twins.
        let base_name = fs::canonicalize(given)
            .ok()
            .and_then(|p| p.file_name().map(PathBuf::from))
            .unwrap_or_default();
        let walker = WalkDir::new(given)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !e.file_type().is_dir()
                    || !skipped_dir(&e.file_name().to_string_lossy())
            });
        let mut any = false;
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
            any = true;
            if !first_time(entry.path()) {
                continue;
            }
            let below = entry.path().strip_prefix(given).unwrap_or(entry.path());
            found.files.push(FoundFile {
                path: entry.path().to_path_buf(),
                display: entry.path().to_string_lossy().into_owned(),
                relative: base_name.join(below),
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

/// `dir/content` when `dir` is the root of a Hugo site (a `content/` folder beside a Hugo
/// configuration file).
fn hugo_content(dir: &Path) -> Option<PathBuf> {
    const CONFIGS: [&str; 6] = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.json",
        "config.toml",
        "config.yaml",
        "config.json",
    ];
    let content = dir.join("content");
    (content.is_dir() && CONFIGS.iter().any(|c| dir.join(c).is_file())).then_some(content)
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
    let Found {
        files,
        mut problems,
    } = find(paths);
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
    for result in results {
        match result {
            Read::Page(page, text) => {
                pages.push(*page);
                texts.push(text);
            }
            Read::Skipped(problem) => problems.push(problem),
        }
    }
    Input {
        collection: Collection::new(pages),
        texts,
        problems,
    }
}
