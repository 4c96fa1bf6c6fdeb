//! Diagnostics: every problem of every page, grouped by page, with the line number and the
//! source line, so an intern can fix the worklog. Pages without tasks are listed too.

use leptos::prelude::*;
use worklog::{Diagnostic, PageKind, Severity};

use crate::i18n::diagnostics::{self, DiagCode};
use crate::i18n::{github as github_text, messages, text, tr, use_lang, Lang, Msg};
use crate::load::github;
use crate::state::{AppState, SourceKind};

#[derive(Debug, Clone, PartialEq)]
struct PageReport {
    index: usize,
    source: String,
    kind: PageKind,
    week: Option<u32>,
    tasks: usize,
    /// Why the dates are read in their order: (English words, the same as data).
    date_order_reason: Option<(String, Option<worklog::Wording>)>,
    diagnostics: Vec<(Diagnostic, Option<String>)>,
    /// Loaded from GitHub: each diagnostic links to its line in the repository.
    on_github: bool,
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn severity_msg(s: Severity) -> Msg {
    match s {
        Severity::Error => Msg::SeverityError,
        Severity::Warning => Msg::SeverityWarning,
        Severity::Info => Msg::SeverityInfo,
    }
}

fn kind_msg(k: PageKind) -> Msg {
    match k {
        PageKind::Week => Msg::KindWeek,
        PageKind::MultiWeek => Msg::KindMultiWeek,
        PageKind::Index => Msg::KindIndex,
        PageKind::SingleFile => Msg::KindSingleFile,
        PageKind::Stub => Msg::KindStub,
        PageKind::Other => Msg::KindOther,
        PageKind::OtherSection => Msg::KindOtherSection,
    }
}

#[component]
pub fn DiagnosticsView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reports = Memo::new(move |_| {
        let collection = state.collection.get();
        // Re-read when pages are added or removed.
        state.loaded.track();
        let mut reports = collection
            .pages()
            .iter()
            .enumerate()
            // Pages of other site sections are listed where they are set aside, not here.
            .filter(|(_, p)| p.kind != PageKind::OtherSection)
            .filter(|(_, p)| !p.diagnostics.is_empty() || p.tasks.is_empty())
            .map(|(index, p)| {
                // Source lines only for pages with line-numbered diagnostics.
                let text = p
                    .diagnostics
                    .iter()
                    .any(|d| d.line.is_some())
                    .then(|| {
                        state
                            .loaded_of(index)
                            .map(|l| worklog::parse::decode::decode(&l.bytes).text)
                    })
                    .flatten();
                let lines: Vec<&str> = text
                    .as_deref()
                    .map(|t| t.lines().collect())
                    .unwrap_or_default();
                let mut diagnostics: Vec<(Diagnostic, Option<String>)> = p
                    .diagnostics
                    .iter()
                    .map(|d| {
                        let line = d
                            .line
                            .and_then(|n| lines.get((n as usize).checked_sub(1)?))
                            .map(|l| l.chars().take(400).collect::<String>());
                        (d.clone(), line)
                    })
                    .collect();
                diagnostics
                    .sort_by_key(|(d, _)| (d.line.unwrap_or(0), std::cmp::Reverse(d.severity)));
                // Fetched from GitHub (a source named by its GitHub address, not a local file).
                let on_github = github::line_link(&p.source, None).is_some()
                    && state
                        .source_of(index)
                        .is_some_and(|s| !matches!(s.kind, SourceKind::Local(_)));
                PageReport {
                    index,
                    on_github,
                    source: p.source.clone(),
                    kind: p.kind,
                    week: p.week,
                    tasks: p.tasks.len(),
                    date_order_reason: p
                        .date_order_reason
                        .clone()
                        .map(|words| (words, p.date_order_basis.clone())),
                    diagnostics,
                }
            })
            .collect::<Vec<_>>();
        // Week order (pages without a week first), then path.
        reports.sort_by(|a, b| a.week.cmp(&b.week).then_with(|| a.source.cmp(&b.source)));
        reports
    });
    let (show_notes, set_show_notes) = signal(true);
    let lang = use_lang();
    let totals = move || {
        reports.with(|r| {
            let mut counts = [0usize; 3];
            for (d, _) in r.iter().flat_map(|p| p.diagnostics.iter()) {
                counts[d.severity as usize] += 1;
            }
            messages::diagnostics_totals(
                lang.get(),
                r.len(),
                counts[Severity::Error as usize],
                counts[Severity::Warning as usize],
                counts[Severity::Info as usize],
            )
        })
    };
    view! {
        <section class="diagnostics-view" aria-label=tr(Msg::ViewDiagnostics)>
            <div class="table-tools">
                <p class="muted" data-testid="diagnostics-summary">{totals}</p>
                <label class="inline">
                    <input
                        type="checkbox"
                        id="show-notes"
                        prop:checked=show_notes
                        on:change=move |ev| set_show_notes.set(event_target_checked(&ev))
                    />
                    {tr(Msg::ShowNotes)}
                </label>
            </div>
            <Show
                when=move || reports.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty-note">{tr(Msg::NoProblems)}</p> }
            >
                <For
                    each=move || {
                        let notes = show_notes.get();
                        reports
                            .with(|r| {
                                r.iter()
                                    .filter(|p| !p.diagnostics.is_empty())
                                    .filter_map(|p| {
                                        let mut p = p.clone();
                                        if !notes {
                                            p.diagnostics.retain(|(d, _)| d.severity != Severity::Info);
                                        }
                                        (!p.diagnostics.is_empty() || p.tasks == 0).then_some(p)
                                    })
                                    .collect::<Vec<_>>()
                            })
                    }
                    key=|r| (r.index, r.source.clone(), r.diagnostics.len())

                    children=move |r| view! { <PageDiagnostics report=r /> }
                />
                <QuietPages reports=reports />
            </Show>
        </section>
    }
}

/// Pages without tasks and without problems (index pages, stubs, notes): listed compactly
/// after the pages that need fixing.
#[component]
fn QuietPages(reports: Memo<Vec<PageReport>>) -> impl IntoView {
    let lang = use_lang();
    let quiet = Memo::new(move |_| {
        reports.with(|r| {
            r.iter()
                .filter(|p| p.diagnostics.is_empty())
                .map(|p| (p.source.clone(), p.kind))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || quiet.with(|q| !q.is_empty())>
            <details class="page-diagnostics quiet-pages" data-testid="quiet-pages">
                <summary>
                    {move || {
                        let n = quiet.with(|q| q.len());
                        messages::quiet_pages(lang.get(), n)
                    }}
                </summary>
                <ul>
                    {move || {
                        quiet
                            .get()
                            .into_iter()
                            .map(|(source, kind)| {
                                let note = if kind == PageKind::Index {
                                    text(Msg::IndexNote, lang.get())
                                } else {
                                    text(kind_msg(kind), lang.get())
                                };
                                let attr = source.clone();
                                view! {
                                    <li data-testid="page-diagnostics" data-source=attr>
                                        <code>{source}</code>
                                        " "
                                        <span class="muted small">{note}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
    }
}

#[component]
fn PageDiagnostics(report: PageReport) -> impl IntoView {
    let lang = use_lang();
    let problems = report.diagnostics.len();
    let (kind, week, tasks) = (report.kind, report.week, report.tasks);
    let summary = move || {
        let lang = lang.get();
        messages::page_summary(lang, text(kind_msg(kind), lang), week, problems, tasks)
    };
    let no_tasks = report.tasks == 0;
    let (source, on_github) = (report.source.clone(), report.on_github);
    view! {
        <article class="page-diagnostics" data-testid="page-diagnostics" data-source=report.source.clone()>
            <h3>
                {match on_github.then(|| github::line_link(&report.source, None)).flatten() {
                    // From GitHub: the file in the intern's repository, in a new tab.
                    Some(href) => view! {
                        <a href=href target="_blank" rel="noopener noreferrer" data-testid="page-link">
                            <code>{report.source.clone()}</code>
                        </a>
                    }
                    .into_any(),
                    None => view! { <code>{report.source.clone()}</code> }.into_any(),
                }}
            </h3>
            <p class="muted small">{summary}</p>
            {no_tasks
                .then(|| {
                    if report.kind == PageKind::Index {
                        view! { <p class="muted small">{tr(Msg::IndexNoTasks)}</p> }.into_any()
                    } else {
                        view! { <p class="note">{tr(Msg::NoTaskFound)}</p> }.into_any()
                    }
                })}
            {report.date_order_reason.clone().map(|(english, basis)| {
                // Worded in the interface language from the reason as data (the core's
                // English for a reason this app does not know).
                let worded = move || diagnostics::order_reason(basis.as_ref(), &english, lang.get());
                view! {
                    <p class="muted small" data-testid="date-order-reason">
                        {tr(Msg::DateOrder)}
                        {move || {
                            let (words, in_lang) = worded();
                            view! { <span lang=in_lang.code()>{words}</span> }
                        }}
                    </p>
                }
            })}
            <ol class="diagnostic-list">
                {report
                    .diagnostics
                    .into_iter()
                    .map(|(d, line_text)| {
                        let sev = severity_name(d.severity);
                        let severity = d.severity;
                        let (line, column) = (d.line, d.column);
                        // A Vietnamese interface puts the code's Vietnamese title before the
                        // message, worded in Vietnamese from its code and arguments (the
                        // core's English for a wording this app does not know).
                        let title = DiagCode::parse(&d.code);
                        let worded = {
                            let d = d.clone();
                            move || diagnostics::message(&d, lang.get())
                        };
                        let place = move || {
                            line.map(|l| messages::line_at(lang.get(), l, column))
                                .unwrap_or_else(|| text(Msg::WholeFile, lang.get()).to_string())
                        };
                        // Pages from GitHub: the line in the intern's repository, in a new tab.
                        let href = on_github.then(|| github::line_link(&source, line)).flatten();
                        let place = match href {
                            Some(href) => view! {
                                <a
                                    class="line-no"
                                    data-testid="diagnostic-link"
                                    href=href
                                    target="_blank"
                                    rel="noopener noreferrer"
                                    aria-label=move || github_text::open_on_github(lang.get(), &place())
                                >
                                    {place}
                                </a>
                            }
                            .into_any(),
                            None => view! { <span class="line-no">{place}</span> }.into_any(),
                        };
                        view! {
                            <li class=format!("diagnostic {sev}") data-testid="diagnostic" data-code=d.code.clone()>
                                <span class=format!("severity {sev}")>{move || text(severity_msg(severity), lang.get())}</span>
                                {place}
                                <code class="code">{d.code.clone()}</code>
                                {move || {
                                    title
                                        .filter(|_| lang.get() == Lang::Vi)
                                        .map(|c| view! { <strong class="diagnostic-title" data-testid="diagnostic-title" lang="vi">{c.title(Lang::Vi)}</strong> })
                                }}
                                {move || {
                                    let (message, in_lang) = worded();
                                    view! { <span class="message" data-testid="diagnostic-message" lang=in_lang.code()>{message}</span> }
                                }}
                                // A long line scrolls sideways: focusable and named, so a
                                // keyboard can scroll it too.
                                {line_text.map(|t| {
                                    let line = d.line;
                                    let label = move || messages::source_line_label(lang.get(), line);
                                    view! {
                                        <pre class="source-line" tabindex="0" role="group" aria-label=label>
                                            <code>{t}</code>
                                        </pre>
                                    }
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </article>
    }
}
