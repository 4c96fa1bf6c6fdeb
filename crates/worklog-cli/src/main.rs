//! `worklog`: lint, export, stats and static-site builds of FCJ worklogs, on the same core as
//! the app.
//!
//! Exit status: 0 success; 1 `lint` found errors (or warnings with `--deny warnings`);
//! 2 bad usage, a path given on the command line could not be read (the other paths are still
//! processed), or the command could not complete (e.g. the output could not be written).

mod cohort;
mod commands;
mod input;
mod site;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use worklog::query::{parse_date, Filter, SimilarRows, WeekRange};
use worklog::Language;

#[derive(Parser, Debug)]
#[command(
    name = "worklog",
    version,
    about = "Lint, export and publish FCJ weekly worklogs (Hugo markdown pages).",
    long_about = "Lint, export and publish FCJ weekly worklogs: the Hugo markdown pages of an AWS \
First Cloud Journey internship (front matter, objectives, a Day / Task / Start Date / \
Completion Date / Reference table, achievements).\n\nPATH arguments are files or folders; \
folders are searched recursively for *.md and *.markdown files. Each repository (a folder \
holding content/, a Hugo config or .git) is one intern, named by its folder; only the worklog \
section of a Hugo site makes weeks, the other sections are set aside and counted.",
    after_help = "Examples:\n  worklog lint content/\n  worklog export content/ --format csv -o tasks.csv\n  \
worklog stats content/\n  worklog site content/ --out _site --base-url /my-repo/\n  \
worklog stats --cohort cohort.json   # interns × weeks of a whole cohort\n\n\
Documentation: docs/cli.md",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check worklog pages and print every problem as `path:line:col: severity[code]: message`.
    #[command(after_help = "Examples:\n  \
worklog lint content/                      # every page under content/\n  \
worklog lint content/ --deny warnings      # fail CI on warnings too\n  \
worklog lint week5.md --format json        # machine-readable\n  \
worklog lint content/ --format github      # annotations in GitHub Actions\n  \
worklog lint content/ --level info         # also show informational notes\n\n\
Exit status: 0 clean, 1 errors found (or warnings with --deny warnings), 2 a path could not be read.\n\
Codes are listed in docs/cli.md.")]
    Lint(LintArgs),
    /// Export tasks as JSON, CSV, iCalendar or a Markdown summary.
    #[command(after_help = "Examples:\n  \
worklog export content/ --format json -o worklog.json\n  \
worklog export content/ --format csv --service kms --service s3 -o kms-s3.csv\n  \
worklog export content/ --format ics --lang en -o internship.ics\n  \
worklog export content/ --format md --week 1-4 > summary.md\n  \
worklog export content/ --format csv --from 2025-10-01 --to 2025-10-31 --q athena\n\n\
Filters combine with AND; repeated (or comma-separated) values of one filter with OR.")]
    Export(ExportArgs),
    /// Print a summary: interns, weeks, tasks, days covered, top services and categories; with
    /// --cohort, the cohort's matrix of interns × weeks.
    #[command(after_help = "Examples:\n  \
worklog stats content/\n  worklog stats content/ --lang en --top 20\n  \
worklog stats content/ --format json\n  \
worklog stats --cohort cohort.json                     # one line per intern, a character per week\n  \
worklog stats --cohort cohort.json --sort progress     # least progress first\n  \
worklog stats --cohort cohort.json --format csv --today 2025-11-26\n\n\
The cohort file is described in docs/cohort.md; its interns' `src` must be local folders.")]
    Stats(StatsArgs),
    /// Build a static deployment: the viewer plus these worklogs, ready for GitHub Pages.
    #[command(after_help = "Examples:\n  \
trunk build --release && worklog site my-report/ --out _site\n  \
worklog site my-report/ --out _site --base-url /my-report/  # GitHub Pages project site\n  \
worklog site alice-report bob-report --out _site          # several interns, one site\n  \
worklog site content/ --out _site --dist path/to/viewer/dist\n  \
worklog site --cohort cohort.json --out _site             # a whole cohort, named as in the file\n\n\
The result: DIR/index.html (the viewer), DIR/worklogs/<intern>/... (each intern's worklog\n\
pages, paths below the repository kept) and DIR/worklogs/index.json, the site manifest\n\
({\"schema\": 2, \"interns\": [{\"key\", \"name\", \"files\"}]}), which the viewer opens by default.\n\
Only the worklog section is deployed; other sections are counted, not copied.\n\
See docs/github-pages-workflow.yml for a ready GitHub Actions workflow.")]
    Site(SiteArgs),
}

#[derive(Args, Debug)]
struct LintArgs {
    /// Files or folders to check.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    format: LintFormat,
    /// Also fail (exit 1) on warnings.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// Lowest severity shown.
    #[arg(long, value_enum, default_value_t = Level::Warning)]
    level: Level,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LintFormat {
    /// `path:line:col: severity[code]: message` lines and a summary.
    Text,
    /// One JSON document with every diagnostic.
    Json,
    /// GitHub Actions workflow commands (`::warning file=...,line=...::message`): annotations
    /// on the pull request's files.
    Github,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    /// A readable table.
    Text,
    /// One JSON document.
    Json,
    /// With --cohort: one row per intern and week.
    Csv,
}

/// The order of the cohort matrix's lines.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum SortArg {
    /// Display name, A to Z.
    Intern,
    /// Least progress first.
    Progress,
    /// Stalest last dated task first.
    LastDated,
    /// Most problems first.
    Problems,
}

impl SortArg {
    fn key(self) -> worklog::cohort::SortKey {
        use worklog::cohort::SortKey;
        match self {
            SortArg::Intern => SortKey::Intern,
            SortArg::Progress => SortKey::Progress,
            SortArg::LastDated => SortKey::LastDated,
            SortArg::Problems => SortKey::Problems,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Deny {
    /// Warnings count as errors for the exit status.
    Warnings,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Args, Debug)]
struct ExportArgs {
    /// Files or folders to export.
    #[arg(
        required_unless_present = "cohort",
        conflicts_with = "cohort",
        value_name = "PATH"
    )]
    paths: Vec<PathBuf>,
    /// Export a cohort's interns instead: a cohort file (docs/cohort.md) whose interns' `src`
    /// are local folders (relative to the file).
    #[arg(long, value_name = "FILE")]
    cohort: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    format: ExportFormat,
    /// Write to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// The versioned JSON contract: {"schema": 1, "pages": [...]}.
    Json,
    /// One row per task: week, day, weekday, start, end, task, services, references, ..., intern.
    Csv,
    /// iCalendar (RFC 5545): one all-day event per dated task.
    Ics,
    /// A Markdown summary table per week, then the tasks.
    #[value(alias = "markdown")]
    Md,
}

#[derive(Args, Debug)]
struct StatsArgs {
    /// Files or folders to summarise.
    #[arg(
        required_unless_present = "cohort",
        conflicts_with = "cohort",
        value_name = "PATH"
    )]
    paths: Vec<PathBuf>,
    /// Print the matrix of a cohort instead: a cohort file (docs/cohort.md) whose interns'
    /// `src` are local folders (relative to the file).
    #[arg(long, value_name = "FILE")]
    cohort: Option<PathBuf>,
    /// With --cohort: the day the matrix is for (weeks ending after it are not yet due);
    /// default: today.
    #[arg(long, value_name = "DATE", value_parser = date_arg, requires = "cohort")]
    today: Option<chrono::NaiveDate>,
    /// With --cohort: the order of the interns.
    #[arg(long, value_enum, default_value_t = SortArg::Intern, requires = "cohort")]
    sort: SortArg,
    /// With --cohort: reverse the order of --sort.
    #[arg(long, requires = "cohort")]
    reverse: bool,
    /// How many services and categories to list.
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    format: StatsFormat,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Args, Debug)]
struct SiteArgs {
    /// Worklog files or folders to publish.
    #[arg(
        required_unless_present = "cohort",
        conflicts_with = "cohort",
        value_name = "PATH"
    )]
    paths: Vec<PathBuf>,
    /// Publish a cohort instead: a cohort file (docs/cohort.md) whose interns' `src` are local
    /// folders (relative to the file); the site manifest keeps its name, start and weeks.
    #[arg(long, value_name = "FILE")]
    cohort: Option<PathBuf>,
    /// Output folder (created; existing files with the same names are overwritten).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The Trunk-built viewer (default: `dist/` of this repository, looked up from the current
    /// folder upwards).
    #[arg(long, value_name = "DIR")]
    dist: Option<PathBuf>,
    /// URL path the site is served under, e.g. `/my-repo/` for a GitHub Pages project site;
    /// rewrites `<base href>` in index.html when the viewer has one.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
}

/// The filter flags shared by `export` and `stats`; the same model as the app's URL
/// parameters (docs/url-parameters.md).
#[derive(Args, Debug, Default)]
struct FilterArgs {
    /// Weeks: a number or a range (`5-7`); repeat or comma-separate for several.
    #[arg(long, value_name = "WEEKS", value_delimiter = ',')]
    week: Vec<WeekRange>,
    /// Service id (`kms`, `ec2`, `security-group`); repeat or comma-separate for several.
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    service: Vec<String>,
    /// Category slug (`compute`, `security-identity-compliance`); repeat or comma-separate.
    #[arg(long, value_name = "CATEGORY", value_delimiter = ',')]
    category: Vec<String>,
    /// Tasks ending on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    from: Option<chrono::NaiveDate>,
    /// Tasks starting on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    to: Option<chrono::NaiveDate>,
    /// Free text: every word must occur in the task text (case-insensitive).
    #[arg(long, visible_alias = "search", value_name = "TEXT")]
    q: Option<String>,
    /// Only pages in this language.
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
    /// Only pages under this folder (path prefix); repeatable.
    #[arg(long, value_name = "PATH")]
    source: Vec<String>,
    /// Rows similar to another intern's (near-verbatim, same language; docs/cohort.md):
    /// shown with the rest, hidden, or shown alone.
    #[arg(long, value_enum, value_name = "ROWS", default_value_t = SimilarArg::Show)]
    similar: SimilarArg,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
enum SimilarArg {
    #[default]
    Show,
    Hide,
    Only,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    En,
    Vi,
}

fn date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("invalid date `{s}`: expected YYYY-MM-DD"))
}

impl FilterArgs {
    fn to_filter(&self) -> Filter {
        let mut filter = Filter {
            services: self.service.clone(),
            categories: self.category.clone(),
            weeks: self.week.clone(),
            from: self.from,
            to: self.to,
            text: self.q.clone().unwrap_or_default(),
            language: self.lang.map(|l| match l {
                LangArg::En => Language::En,
                LangArg::Vi => Language::Vi,
            }),
            sources: self.source.clone(),
            similar: match self.similar {
                SimilarArg::Show => SimilarRows::Show,
                SimilarArg::Hide => SimilarRows::Hide,
                SimilarArg::Only => SimilarRows::Only,
            },
        };
        filter.normalize();
        filter
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Lint(args) => commands::lint(&args),
        Command::Export(args) => commands::export(&args),
        Command::Stats(args) => commands::stats(&args),
        Command::Site(args) => site::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            if commands::is_broken_pipe(&error) {
                // `worklog export ... | head`: the reader is gone, nothing left to report.
                return ExitCode::SUCCESS;
            }
            eprintln!("worklog: error: {error:#}");
            ExitCode::from(commands::EXIT_TROUBLE)
        }
    }
}
