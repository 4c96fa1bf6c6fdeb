//! Cohort: interns × weeks, the mentor's overview (`view=cohort`).
//!
//! The matrix is the core's ([`worklog::cohort::Matrix`]): one line per intern (the cohort
//! file's roster, else the loaded interns), one cell per week with its state in colour **and**
//! a glyph, its full description as the cell's accessible name and tooltip. A cell with pages
//! opens that intern's week (`view=weeks&source=<key>&week=N`). Sortable by intern, progress,
//! last dated task or problems (`csort=`); a summary row per week, summary columns per intern;
//! the intern filter (`source=`) narrows the lines. A second tab (`ctab=labs`) lists the FCJ
//! labs each intern linked, by week, titled from the pages' link texts. "Export CSV" writes
//! the lines shown, in their order (`worklog::cohort::csv`).
//!
//! Without a cohort file the matrix is the loaded interns' with the weeks their pages have,
//! every week counted as due (nothing is "not yet due" without a start date).

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use worklog::cohort::{CellState, InternLine, Matrix, MatrixOptions, SortKey};
use worklog::labs::{lab_code, Labs};
use worklog::query::{CohortSort, CohortTab, View, ViewState, WeekRange};

use crate::components::date::short_date;
use crate::components::export::download;
use crate::components::sort_header::{sort_header, SortKeyAttr, SortOrder};
use crate::i18n::cohort::{
    cell_label, lab_cell_label, problems_label, progress_label, progress_short, similar_rows,
    state_glyph, state_text, week_summary_label,
};
use crate::i18n::{count, messages, num, text, tr, use_lang, Lang, Msg, Noun};
use crate::state::{AppState, Shared};

/// The cohort's derived data, computed once per change of the collection and only while a
/// view reads it (memos are lazy).
#[derive(Clone, Copy)]
pub struct CohortData {
    /// The labs of the collection (the matrix counts them; kept for other views).
    #[allow(dead_code)]
    pub labs: Memo<Shared<Labs>>,
    pub matrix: Memo<Shared<Matrix>>,
}

/// How often the matrix is redrawn while pages are still loading.
const REFRESH_MS: u64 = 2000;

/// Today in the browser's time zone: weeks ending after it are not yet due (unless the
/// address says which day it is: `today=`).
fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Provide [`CohortData`] to every component below (the app shell calls it once).
pub fn provide_cohort_data(state: AppState) -> CohortData {
    let busy = Memo::new(move |_| {
        state.progress.with(|p| p.is_some()) || state.sources.with(|s| s.iter().any(|i| i.loading))
    });
    // While pages still arrive (a commit every 300 ms), the matrix is recomputed and redrawn
    // at most every REFRESH_MS: redrawing 60 × 13 cells at each commit would slow the load.
    let tick = RwSignal::new(0u32);
    let interval = set_interval_with_handle(
        move || {
            if busy.get_untracked() {
                tick.update(|t| *t = t.wrapping_add(1));
            }
        },
        std::time::Duration::from_millis(REFRESH_MS),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = interval {
            handle.clear();
        }
    });
    let labs = Memo::new(move |_| Shared::new(Labs::compute(&state.collection.get())));
    // `today=` of the address, else the clock: a shared link shows the same weeks due any day.
    let today_param = Memo::new(move |_| state.vs.with(|v| v.today));
    let matrix = Memo::new(move |_| {
        let (collection, similarity, labs) = if busy.get() {
            tick.track();
            (
                state.collection.get_untracked(),
                state.similarity.get_untracked(),
                labs.get_untracked(),
            )
        } else {
            (state.collection.get(), state.similarity.get(), labs.get())
        };
        let options = state.cohort.with(|c| match c {
            Some(cohort) => MatrixOptions::from_cohort(cohort, today_param.get().or_else(today)),
            None => MatrixOptions::default(),
        });
        let started = now_ms();
        let matrix = Matrix::build(&collection, &options, &similarity, &labs);
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-matrix-ms", &format!("{:.2}", now_ms() - started));
        }
        Shared::new(matrix)
    });
    let data = CohortData { labs, matrix };
    provide_context(data);
    crate::components::similar::provide(state);
    data
}

/// From this many lines on, the matrix is dense: 11 px lines with 11 px names, so a cohort of
/// 60 interns × 13 weeks is read whole on a 1280×800 screen. Its cells are then not one link
/// each (a target far under 24 px, and 780 tab stops) but one grid: a single tab stop, the
/// arrow keys move the active cell, Enter opens it, a click opens the cell clicked.
const DENSE_FROM: usize = 25;

/// The id of a matrix cell (line = index into `Matrix::interns`, column index).
fn cell_id(line: usize, column: usize) -> String {
    format!("mc-{line}-{column}")
}

/// Lines shown: the intern filter's (`source=` keys; all when none), in the chosen order.
fn shown_lines(matrix: &Matrix, sources: &[String], sort: Option<CohortSort>) -> Vec<usize> {
    let sort = sort.unwrap_or(CohortSort {
        key: SortKey::Intern,
        descending: false,
    });
    matrix
        .order(sort.key, sort.descending)
        .into_iter()
        .filter(|&i| {
            let key = &matrix.interns[i].key;
            sources.is_empty()
                || sources
                    .iter()
                    .any(|s| s == key || key.starts_with(&format!("{s}/")))
        })
        .collect()
}

/// The address of an intern's week: the weeks view, that intern, that week.
fn week_state(mut vs: ViewState, key: &str, week: u32) -> ViewState {
    vs.view = View::Weeks;
    vs.filter.sources = vec![key.to_string()];
    vs.filter.weeks = vec![WeekRange::single(week)];
    vs.filter.normalize();
    vs
}

/// Is this a plain click (not one that opens a new tab or window)?
fn plain_click(ev: &ev::MouseEvent) -> bool {
    !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0)
}

#[component]
pub fn CohortView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<CohortData>();
    let lang = use_lang();
    let tab = Memo::new(move |_| state.vs.with(|v| v.cohort_tab));
    let sort = Memo::new(move |_| state.vs.with(|v| v.cohort_sort));
    let sources = Memo::new(move |_| state.filter.with(|f| f.sources.clone()));
    let lines = Memo::new(move |_| {
        data.matrix
            .with(|m| shown_lines(m, &sources.get(), sort.get()))
    });

    // Many lines: the dense matrix, the title and legend beside it.
    let dense =
        Memo::new(move |_| tab.get() == CohortTab::Matrix && lines.with(|l| l.len() >= DENSE_FROM));

    let heading = move || {
        let lang = lang.get();
        state.cohort.with(|c| {
            let name = c
                .as_ref()
                .and_then(|c| c.name.clone())
                .unwrap_or_else(|| text(Msg::ViewCohort, lang).to_string());
            let facts = data.matrix.with(|m| {
                let mut facts = vec![match lang {
                    Lang::En => format!("{} interns", num(m.interns.len(), lang)),
                    Lang::Vi => format!("{} thực tập sinh", num(m.interns.len(), lang)),
                }];
                facts.push(count(lang, m.weeks as usize, Noun::Week));
                if let Some(start) = m.start {
                    facts.push(format!(
                        "{} {}",
                        text(Msg::DateFrom, lang),
                        short_date(start, lang)
                    ));
                }
                if let Some(week) = m.current_week.filter(|&w| w <= m.weeks) {
                    facts.push(format!(
                        "{} · {}",
                        text(Msg::Today, lang),
                        messages::week_n(lang, week)
                    ));
                }
                facts.join(" · ")
            });
            view! {
                <h2 data-testid="cohort-name">{name}</h2>
                <p class="muted cohort-facts">{facts}</p>
            }
        })
    };

    let export = move |_| {
        let matrix = data.matrix.get_untracked();
        let order = lines.get_untracked();
        let mut out = Vec::new();
        let result = worklog::cohort::csv::write(&matrix, Some(&order), &mut out)
            .map_err(|e| e.to_string())
            .and_then(|()| download("cohort.csv", "text/csv", &out).map_err(|e| format!("{e:?}")));
        if let Err(error) = result {
            leptos::logging::warn!("cohort export failed: {error}");
        }
    };

    let tab_link = move |t: CohortTab, label: Msg| {
        let href = move || {
            let mut s = state.vs.get();
            s.cohort_tab = t;
            format!("?{}", s.to_query())
        };
        view! {
            <a
                href=href
                data-cohort-tab=t.as_str()
                aria-current=move || (tab.get() == t).then_some("page")
                on:click=move |ev: ev::MouseEvent| {
                    if plain_click(&ev) {
                        ev.prevent_default();
                        state.navigate(true, move |vs| vs.cohort_tab = t);
                    }
                }
            >
                {tr(label)}
            </a>
        }
    };

    view! {
        <section class="cohort-view" class:dense=dense aria-label=tr(Msg::ViewCohort) data-testid="cohort-view">
            <div class="cohort-head">
                <div class="cohort-title">{heading}</div>
                <nav class="subtabs" aria-label=tr(Msg::CohortSections)>
                    {tab_link(CohortTab::Matrix, Msg::CohortWeeksTab)}
                    {tab_link(CohortTab::Labs, Msg::CohortLabsTab)}
                </nav>
                <button type="button" data-testid="cohort-export" on:click=export>
                    {tr(Msg::ExportCsv)}
                </button>
            </div>
            <Show when=move || state.cohort.with(|c| c.is_none())>
                <p class="muted cohort-note" data-testid="no-cohort-file">{tr(Msg::NoCohortFile)}</p>
            </Show>
            {move || match tab.get() {
                CohortTab::Matrix => view! { <MatrixTable lines=lines /> }.into_any(),
                CohortTab::Labs => view! { <LabsTable lines=lines /> }.into_any(),
            }}
        </section>
    }
}

/// A sortable column header of the matrix.
fn matrix_sort_header(
    state: AppState,
    key: SortKey,
    label: Msg,
    class: &'static str,
) -> impl IntoView {
    let current = Memo::new(move |_| state.vs.with(|v| v.cohort_sort));
    let order = move || {
        SortOrder::of(match current.get() {
            Some(s) if s.key == key => Some(s.descending),
            None if key == SortKey::Intern => Some(false),
            _ => None,
        })
    };
    sort_header(
        class.to_string(),
        label,
        SortKeyAttr::CohortSort(key.code()),
        order,
        move || {
            state.navigate(true, move |vs| {
                let now = vs.cohort_sort.unwrap_or(CohortSort {
                    key: SortKey::Intern,
                    descending: false,
                });
                vs.cohort_sort = if now.key == key && !now.descending {
                    Some(CohortSort {
                        key,
                        descending: true,
                    })
                } else if now.key == key {
                    None
                } else {
                    // Progress and problems read best from the top: most first.
                    Some(CohortSort {
                        key,
                        descending: matches!(key, SortKey::Problems | SortKey::LastDated),
                    })
                };
                if vs.cohort_sort
                    == Some(CohortSort {
                        key: SortKey::Intern,
                        descending: false,
                    })
                {
                    vs.cohort_sort = None;
                }
            })
        },
    )
}

/// Open the week of a cell (line, column index) when it has pages: here, or in a new tab
/// when the click asked for one.
fn open_cell(state: AppState, matrix: &Matrix, line: usize, column: usize, new_tab: bool) {
    let Some(l) = matrix.interns.get(line) else {
        return;
    };
    let Some(cell) = l.cells.get(column).filter(|c| c.state.has_page()) else {
        return;
    };
    let (key, week) = (l.key.clone(), cell.week);
    if new_tab {
        let href = format!(
            "?{}",
            week_state(state.vs.get_untracked(), &key, week).to_query()
        );
        if let Some(w) = web_sys::window() {
            let _ = w.open_with_url_and_target(&href, "_blank");
        }
    } else {
        state.navigate(true, move |vs| *vs = week_state(vs.clone(), &key, week));
    }
}

/// Keep the active cell of a dense matrix in view inside its scrolling frame, clear of the
/// sticky header, footer and name column.
fn reveal_cell(id: &str) {
    use wasm_bindgen::JsCast;
    let doc = document();
    let (Some(cell), Some(wrap)) = (
        doc.get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        doc.query_selector("[data-testid=\"matrix-wrap\"]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    let size = |selector: &str, height: bool| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .map_or(0, |e| {
                if height {
                    e.offset_height()
                } else {
                    e.offset_width()
                }
            })
    };
    let (head, foot) = (
        size("table.matrix thead", true),
        size("table.matrix tfoot", true),
    );
    let name = size("table.matrix thead .m-name", false);
    let (top, bottom) = (cell.offset_top(), cell.offset_top() + cell.offset_height());
    if top - head < wrap.scroll_top() {
        wrap.set_scroll_top(top - head);
    } else if bottom + foot > wrap.scroll_top() + wrap.client_height() {
        wrap.set_scroll_top(bottom + foot - wrap.client_height());
    }
    let (left, right) = (cell.offset_left(), cell.offset_left() + cell.offset_width());
    if left - name < wrap.scroll_left() {
        wrap.set_scroll_left(left - name);
    } else if right > wrap.scroll_left() + wrap.client_width() {
        wrap.set_scroll_left(right - wrap.client_width());
    }
}

#[component]
fn MatrixTable(lines: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<CohortData>();
    let lang = use_lang();
    // The active cell of a dense matrix: (position among the lines shown, column index).
    let active = RwSignal::new(None::<(usize, usize)>);
    let active_id = move || {
        let (pos, column) = active.get()?;
        lines.with(|l| l.get(pos).map(|&line| cell_id(line, column)))
    };
    let move_active = move |to: (usize, usize)| {
        active.set(Some(to));
        if let Some(id) = lines.with_untracked(|l| l.get(to.0).map(|&line| cell_id(line, to.1))) {
            reveal_cell(&id);
        }
    };
    let on_keydown = move |ev: ev::KeyboardEvent| {
        let rows = lines.with_untracked(Vec::len);
        let columns = data.matrix.with_untracked(|m| m.columns.len());
        if rows == 0 || columns == 0 {
            return;
        }
        let (pos, col) = active
            .get_untracked()
            .map_or((0, 0), |(p, c)| (p.min(rows - 1), c.min(columns - 1)));
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let to = match ev.key().as_str() {
            "ArrowRight" => (pos, (col + 1).min(columns - 1)),
            "ArrowLeft" => (pos, col.saturating_sub(1)),
            "ArrowDown" => ((pos + 1).min(rows - 1), col),
            "ArrowUp" => (pos.saturating_sub(1), col),
            "PageDown" => ((pos + 10).min(rows - 1), col),
            "PageUp" => (pos.saturating_sub(10), col),
            "Home" if ctrl => (0, 0),
            "End" if ctrl => (rows - 1, columns - 1),
            "Home" => (pos, 0),
            "End" => (pos, columns - 1),
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(line) = lines.with_untracked(|l| l.get(pos).copied()) {
                    data.matrix
                        .with_untracked(|m| open_cell(state, m, line, col, false));
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        move_active(to);
    };
    let on_focus = move |_| {
        if active.get_untracked().is_none() {
            active.set(Some((0, 0)));
        }
    };

    let body = move || {
        let matrix = data.matrix.get();
        let lang = lang.get();
        let vs = state.vs.get();
        let shown = lines.get();
        if matrix.interns.is_empty() {
            return view! { <p class="empty-note">{text(Msg::NoInternLoaded, lang)}</p> }
                .into_any();
        }
        let columns = matrix.columns.clone();
        let dense = shown.len() >= DENSE_FROM;
        let rows = shown
            .iter()
            .enumerate()
            .map(|(pos, &i)| {
                let line = &matrix.interns[i];
                let grid = dense.then_some(Grid {
                    line: i,
                    pos,
                    active,
                });
                intern_row(state, line, &vs, lang, grid)
            })
            .collect_view();
        // The week summaries of the lines shown.
        let footer = columns
            .iter()
            .enumerate()
            .map(|(c, &week)| {
                let states: Vec<CellState> = shown.iter().map(|&i| matrix.interns[i].cells[c].state).collect();
                let dated = states.iter().filter(|s| **s == CellState::Dated).count();
                let missing = states.iter().filter(|s| **s == CellState::Missing).count();
                let due = matrix.week_summaries.get(c).is_some_and(|w| w.due);
                let label = week_summary_label(lang, week, dated, states.len(), missing);
                let title = label.clone();
                view! {
                    <td class="m-sum" class:not-due=!due data-testid="week-summary" data-week=week title=title>
                        <span aria-hidden="true">{num(dated, lang)}</span>
                        <span class="visually-hidden">{label}</span>
                    </td>
                }
            })
            .collect_view();
        let similar_total: u32 = shown
            .iter()
            .map(|&i| matrix.interns[i].summary.similar)
            .sum();
        let grid_role = dense.then_some("grid");
        let table_tabindex = dense.then_some("0");
        // A dense matrix is one tab stop (the grid); a scrolling frame of links is one more.
        let wrap_tabindex = (!dense).then_some("0");
        view! {
            <div class="matrix-wrap" class:dense=dense data-testid="matrix-wrap" tabindex=wrap_tabindex role="region" aria-labelledby="matrix-caption">
                <table
                    class="matrix"
                    class:dense=dense
                    data-testid="cohort-matrix"
                    data-density=if dense { "dense" } else { "comfortable" }
                    role=grid_role
                    tabindex=table_tabindex
                    aria-activedescendant=move || if dense { active_id() } else { None }
                    on:keydown=move |ev| if dense { on_keydown(ev) }
                    on:focus=move |ev| if dense { on_focus(ev) }
                >
                    <caption id="matrix-caption" class="visually-hidden">{text(Msg::MatrixCaption, lang)}</caption>
                    <thead>
                        <tr>
                            {matrix_sort_header(state, SortKey::Intern, Msg::Intern, "m-name")}
                            {columns
                                .iter()
                                .map(|&w| {
                                    let current = matrix.current_week == Some(w);
                                    view! {
                                        <th scope="col" class="m-week" class:current=current data-week=w title=messages::week_n(lang, w)>
                                            <span aria-hidden="true">{w}</span>
                                            <span class="visually-hidden">{messages::week_n(lang, w)}</span>
                                        </th>
                                    }
                                })
                                .collect_view()}
                            {matrix_sort_header(state, SortKey::Progress, Msg::Progress, "m-num")}
                            {matrix_sort_header(state, SortKey::LastDated, Msg::LastDated, "m-date")}
                            {matrix_sort_header(state, SortKey::Problems, Msg::Problems, "m-num")}
                            <th scope="col" class="m-num">{text(Msg::SimilarColumn, lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row" class="m-name">{text(Msg::WeekSummaryRow, lang)}</th>
                            {footer}
                            <td class="m-num"></td>
                            <td class="m-date"></td>
                            <td class="m-num"></td>
                            <td class="m-num" title=similar_rows(lang, similar_total as usize)>{num(similar_total as usize, lang)}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <Legend />
        }
        .into_any()
    };
    view! { <div class="matrix-area">{body}</div> }
}

/// A line of a dense matrix: its index in `Matrix::interns`, its position among the lines
/// shown, and the grid's active cell.
#[derive(Clone, Copy)]
struct Grid {
    line: usize,
    pos: usize,
    active: RwSignal<Option<(usize, usize)>>,
}

/// One intern's line: name, one cell per week, the summary columns. A dense matrix's cells
/// (`grid`) are grid cells (no link each: the grid is one tab stop), a comfortable one's links.
fn intern_row(
    state: AppState,
    line: &InternLine,
    vs: &ViewState,
    lang: Lang,
    grid: Option<Grid>,
) -> impl IntoView {
    let cells = line
        .cells
        .iter()
        .enumerate()
        .map(|(column, cell)| {
            let label = cell_label(lang, &line.name, cell);
            let code = cell.state.code();
            let glyph = state_glyph(cell.state);
            let similar = (cell.similar > 0).then(|| view! { <span class="m-sim" aria-hidden="true">"≈"</span> });
            let problem = (cell.diagnostics > 0).then(|| view! { <span class="m-diag" aria-hidden="true"></span> });
            if let Some(g) = grid {
                let opens = cell.state.has_page();
                let title = label.clone();
                return view! {
                    <td
                        id=cell_id(g.line, column)
                        class=format!("m-cell state-{code}")
                        class:not-due=!cell.due
                        class:opens=opens
                        class:active=move || g.active.get() == Some((g.pos, column))
                        data-testid="matrix-cell"
                        data-state=code
                        data-week=cell.week
                        data-similar=cell.similar
                        title=title
                        on:click=move |ev: ev::MouseEvent| {
                            g.active.set(Some((g.pos, column)));
                            if opens && ev.button() == 0 {
                                let new_tab = ev.ctrl_key() || ev.meta_key() || ev.shift_key();
                                let data = expect_context::<CohortData>();
                                data.matrix.with_untracked(|m| open_cell(state, m, g.line, column, new_tab));
                            }
                        }
                    >
                        <span aria-hidden="true">{glyph}{similar}</span>
                        {problem}
                        <span class="visually-hidden">{label}</span>
                    </td>
                }
                .into_any();
            }
            let inner = if cell.state.has_page() {
                let key = line.key.clone();
                let week = cell.week;
                let href = format!("?{}", week_state(vs.clone(), &key, week).to_query());
                view! {
                    <a
                        href=href
                        aria-label=label.clone()
                        on:click=move |ev: ev::MouseEvent| {
                            if plain_click(&ev) {
                                ev.prevent_default();
                                let key = key.clone();
                                state.navigate(true, move |vs| *vs = week_state(vs.clone(), &key, week));
                            }
                        }
                    >
                        <span aria-hidden="true">{glyph}</span>
                        {similar}
                        {problem}
                    </a>
                }
                .into_any()
            } else {
                view! {
                    <span aria-hidden="true">{glyph}</span>
                    <span class="visually-hidden">{label.clone()}</span>
                }
                .into_any()
            };
            view! {
                <td
                    class=format!("m-cell state-{code}")
                    class:not-due=!cell.due
                    data-testid="matrix-cell"
                    data-state=code
                    data-week=cell.week
                    data-similar=cell.similar
                    title=label
                >
                    {inner}
                </td>
            }
            .into_any()
        })
        .collect_view();
    let s = &line.summary;
    view! {
        <tr data-testid="matrix-row" data-key=line.key.clone()>
            <th scope="row" class="m-name" title=name_title(line)>{line.name.clone()}</th>
            {cells}
            <td class="m-num" data-testid="intern-progress" title=progress_label(lang, s.dated_weeks, s.due_weeks)>
                {progress_short(s.progress)}
            </td>
            <td class="m-date" data-testid="intern-last-dated" title=s.last_dated.map(|d| d.to_string()).unwrap_or_default()>
                {s.last_dated.map(|d| short_date(d, lang)).unwrap_or_else(|| "–".to_string())}
            </td>
            <td class="m-num" data-testid="intern-problems" title=problems_label(lang, s.problems, s.missing, s.unfilled, s.diagnostics)>
                {num(s.problems as usize, lang)}
            </td>
            <td class="m-num" data-testid="intern-similar" title=similar_rows(lang, s.similar as usize)>
                {num(s.similar as usize, lang)}
            </td>
        </tr>
    }
}

/// An intern's tooltip: the full name (a dense matrix may cut it) and the key.
fn name_title(line: &InternLine) -> String {
    if line.name == line.key {
        line.name.clone()
    } else {
        format!("{} ({})", line.name, line.key)
    }
}

/// What the colours and glyphs mean, in words.
#[component]
fn Legend() -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="matrix-legend" open>
            <summary>{tr(Msg::Legend)}</summary>
            <ul>
                {move || {
                    let lang = lang.get();
                    CellState::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <span class=format!("m-swatch state-{}", s.code()) aria-hidden="true">{state_glyph(s)}</span>
                                    {state_text(s, lang)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <li><span class="m-swatch" aria-hidden="true">"≈"</span>{move || text(Msg::SimilarMark, lang.get()).trim_start_matches("≈ ")}</li>
            </ul>
        </details>
    }
}

/// Interns × labs: which FCJ labs each intern linked, and in which weeks.
#[component]
fn LabsTable(lines: Memo<Vec<usize>>) -> impl IntoView {
    let data = expect_context::<CohortData>();
    let lang = use_lang();
    move || {
        let matrix = data.matrix.get();
        let lang = lang.get();
        if matrix.labs.is_empty() {
            return view! { <p class="empty-note" data-testid="no-labs">{text(Msg::NoLabs, lang)}</p> }.into_any();
        }
        let labs = matrix.labs.clone();
        let name_of = |id: u32| -> String {
            let lab = labs.iter().find(|l| l.id == id);
            match lab.and_then(|l| l.title.clone()) {
                Some(title) => format!("{} ({title})", lab_code(id)),
                None => lab_code(id),
            }
        };
        let rows = lines
            .get()
            .into_iter()
            .map(|i| {
                let line = &matrix.interns[i];
                let cells = labs
                    .iter()
                    .map(|lab| {
                        let done = line.summary.labs.iter().find(|l| l.lab == lab.id);
                        match done {
                            Some(done) => {
                                let label = lab_cell_label(lang, &line.name, &name_of(lab.id), &done.weeks);
                                let weeks = done.weeks.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
                                let title = label.clone();
                                view! {
                                    <td class="lab-done" data-testid="lab-cell" data-lab=lab.id title=title>
                                        <span aria-hidden="true">{weeks}</span>
                                        <span class="visually-hidden">{label}</span>
                                    </td>
                                }
                                .into_any()
                            }
                            None => view! { <td class="lab-none" data-lab=lab.id></td> }.into_any(),
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-testid="labs-row" data-key=line.key.clone()>
                        <th scope="row" class="m-name" title=name_title(line)>{line.name.clone()}</th>
                        {cells}
                        <td class="m-num">{num(line.summary.labs.len(), lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        let titles = labs
            .iter()
            .map(|lab| {
                view! {
                    <li data-testid="lab-title" data-lab=lab.id>
                        <a href=lab.url.clone() rel="noopener noreferrer" target="_blank">{lab.code.clone()}</a>
                        " — "
                        {match &lab.title {
                            Some(t) => view! { <span>{t.clone()}</span> }.into_any(),
                            None => view! { <span class="muted">{text(Msg::LabNoTitle, lang)}</span> }.into_any(),
                        }}
                        <span class="muted">{format!(" · {} {}", num(lab.interns as usize, lang), text(Msg::Intern, lang).to_lowercase())}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="matrix-wrap" tabindex="0" role="region" aria-labelledby="labs-caption">
                <table class="matrix labs-matrix" data-testid="labs-matrix">
                    <caption id="labs-caption" class="visually-hidden">{text(Msg::LabsCaption, lang)}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="m-name">{text(Msg::Intern, lang)}</th>
                            {labs
                                .iter()
                                .map(|lab| view! {
                                    <th scope="col" class="m-lab" title=name_of(lab.id)>
                                        <span aria-hidden="true">{lab.id}</span>
                                        <span class="visually-hidden">{name_of(lab.id)}</span>
                                    </th>
                                })
                                .collect_view()}
                            <th scope="col" class="m-num">{text(Msg::LabsDone, lang)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{text(Msg::LabTitles, lang)}</h3>
            <ol class="lab-titles">{titles}</ol>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixtures::{collection, page};

    #[test]
    fn the_intern_filter_narrows_the_lines_and_the_sort_orders_them() {
        let c = collection(vec![
            page(
                "bob/content/1-Worklog/1.1-Week1/_index.md",
                &[("2", "2025-09-08", "Set up the account")],
            ),
            page(
                "alice/content/1-Worklog/1.2-Week2/_index.md",
                &[("2", "2025-09-15", "Read about networks")],
            ),
        ]);
        let m = Matrix::compute(&c, &MatrixOptions::default());
        let names = |order: Vec<usize>| -> Vec<String> {
            order
                .into_iter()
                .map(|i| m.interns[i].name.clone())
                .collect()
        };
        assert_eq!(names(shown_lines(&m, &[], None)), ["alice", "bob"]);
        assert_eq!(names(shown_lines(&m, &["bob".into()], None)), ["bob"]);
        let by_last = Some(CohortSort {
            key: SortKey::LastDated,
            descending: true,
        });
        assert_eq!(names(shown_lines(&m, &[], by_last)), ["alice", "bob"]);
        let vs = week_state(ViewState::default(), "bob", 3);
        assert_eq!(vs.to_query(), "week=3&source=bob");
    }
}
