//! Tasks: the table of every matching task. Sortable by any column (header buttons, `sort=` in
//! the URL), groupable by week, service or intern (`group=`), paginated, and windowed: of a
//! page, only the lines near what the table's box shows are in the DOM (spacer rows stand for
//! the others), so a filter change at 20,000 tasks and 500 rows a page draws a few dozen rows.

use std::cmp::Ordering;
use std::collections::HashMap;

use leptos::prelude::*;
use worklog::query::{Group, Sort, SortColumn};
use worklog::{Page, Task};

use crate::components::after_paint::after_next_paint;
use crate::components::chips::ServiceChips;
use crate::components::date::{date_medium, weekday_name};
use crate::components::item_tree::{item_list_marked, marked, reference_list};
use crate::components::similar::{SimilarBadge, SimilarByTask, SimilarState};
use crate::components::sort_header::{sort_header, SortKeyAttr, SortOrder};
use crate::i18n::{messages, num, text, tr, use_lang, Lang, Msg};
use crate::state::{AppState, Shared, TaskRef};

const PAGE_SIZES: [usize; 4] = [50, 100, 250, 500];
/// Pixels of lines drawn beyond what the table's box shows, above and below: room for a fast
/// scroll or a few Tab presses before the next lines must be drawn.
const OVERSCAN: f64 = 600.0;
/// The drawn part moves in steps of this many pixels, so most scroll events change nothing
/// (the same step as the timeline's).
const SCROLL_STEP: f64 = 100.0;
/// Estimated height of a task line before any was measured (a one-line task).
const TASK_H: f64 = 60.0;
/// Estimated height of a group heading before any was measured.
const GROUP_H: f64 = 30.0;
/// Measured heights kept at most (a filter change brings new lines; the oldest are not worth
/// tracking one by one, so the store starts again when full).
const MAX_MEASURED: usize = 20_000;

fn cmp_opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn services_key(task: &Task) -> String {
    task.services
        .iter()
        .map(|s| s.name.to_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

fn compare(column: SortColumn, a: (TaskRef, &Page, &Task), b: (TaskRef, &Page, &Task)) -> Ordering {
    let ((ra, pa, ta), (rb, pb, tb)) = (a, b);
    match column {
        // The task's own week (a single-file or multi-week page spans many).
        SortColumn::Week => cmp_opt(ra.week, rb.week),
        SortColumn::Day => cmp_opt(ta.weekday, tb.weekday).then_with(|| ta.day.cmp(&tb.day)),
        SortColumn::Start => cmp_opt(ta.start, tb.start),
        SortColumn::End => cmp_opt(ta.end.or(ta.start), tb.end.or(tb.start)),
        SortColumn::Task => ta.text.to_lowercase().cmp(&tb.text.to_lowercase()),
        SortColumn::Services => {
            // Tasks with services first, then by their names.
            let (x, y) = (services_key(ta), services_key(tb));
            x.is_empty().cmp(&y.is_empty()).then(x.cmp(&y))
        }
        SortColumn::References => tb.references.len().cmp(&ta.references.len()),
        SortColumn::Source => pa.source.cmp(&pb.source),
    }
}

/// One line of the table body: a group heading or a task.
#[derive(Debug, Clone, PartialEq)]
enum Line {
    Group { label: String, count: usize },
    Task(TaskRef),
}

/// Sorted and grouped task lines; `tasks` counts task lines (a task listed under two services
/// is listed twice when grouped by service). Group headings are written in `lang`.
fn arrange(
    collection: &worklog::Collection,
    rows: &[TaskRef],
    sort: Option<Sort>,
    group: Group,
    lang: Lang,
) -> Vec<Line> {
    // Rows always come from this collection; any that did not resolve would be dropped.
    let mut sorted: Vec<(TaskRef, &Page, &Task)> = rows
        .iter()
        .filter_map(|r| r.resolve(collection).map(|(p, t)| (*r, p, t)))
        .collect();
    if let Some(sort) = sort {
        // Sorting natural-ordered rows stably keeps the natural order among equal keys.
        sorted.sort_by(|a, b| {
            let o = compare(sort.column, *a, *b);
            if sort.descending {
                o.reverse()
            } else {
                o
            }
        });
    }
    let mut keyed: Vec<(String, u64, TaskRef)> = match group {
        Group::None => return sorted.into_iter().map(|(r, _, _)| Line::Task(r)).collect(),
        Group::Week => {
            // With several interns, each intern's weeks are groups of their own.
            let several = collection.internships().len() > 1;
            sorted
                .iter()
                .map(|(r, _, _)| {
                    let week = r.week;
                    let mut label = week.map_or(text(Msg::NoWeek, lang).to_string(), |w| {
                        messages::week_n(lang, w)
                    });
                    let mut rank = week.map_or(u64::from(u32::MAX), u64::from);
                    if several {
                        if let Some(intern) = collection.internships().get(r.intern as usize) {
                            label = format!("{} · {label}", intern.name);
                        }
                        rank |= u64::from(r.intern) << 32;
                    }
                    (label, rank, *r)
                })
                .collect()
        }
        Group::Intern => sorted
            .iter()
            .map(|(r, _, _)| {
                let label = collection
                    .internships()
                    .get(r.intern as usize)
                    .map_or_else(String::new, |i| i.name.clone());
                (label, u64::from(r.intern), *r)
            })
            .collect(),
        Group::Service => sorted
            .iter()
            .flat_map(|(r, _, task)| {
                if task.services.is_empty() {
                    vec![(
                        text(Msg::NoServiceRecognised, lang).to_string(),
                        u64::MAX,
                        *r,
                    )]
                } else {
                    task.services
                        .iter()
                        .map(|s| (s.name.clone(), 0, *r))
                        .collect()
                }
            })
            .collect(),
    };
    // Stable: inside a group the chosen sort order stays.
    keyed.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut lines = Vec::with_capacity(keyed.len() + 16);
    let mut i = 0;
    while i < keyed.len() {
        let label = keyed[i].0.clone();
        let end = keyed[i..]
            .iter()
            .position(|k| k.0 != label)
            .map_or(keyed.len(), |n| i + n);
        lines.push(Line::Group {
            label,
            count: end - i,
        });
        lines.extend(keyed[i..end].iter().map(|k| Line::Task(k.2)));
        i = end;
    }
    lines
}

#[component]
pub fn TasksView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sort = Memo::new(move |_| state.vs.with(|v| v.sort));
    let group = Memo::new(move |_| state.vs.with(|v| v.group));
    let lang = use_lang();
    let similar = expect_context::<SimilarState>();
    let lines = Memo::new(move |_| {
        let collection = state.collection.get();
        // `rows` are in natural order already; `arrange` sorts stably on top of it.
        let rows = state.rows.get();
        Shared::new(arrange(
            &collection,
            &rows,
            sort.get(),
            group.get(),
            lang.get(),
        ))
    });
    let search_text = Memo::new(move |_| state.filter.with(|f| f.text.clone()));
    let (page, set_page) = signal(0usize);
    let (page_size, set_page_size) = signal(100usize);
    // A new selection starts on its first page.
    Effect::new(move |_| {
        lines.track();
        set_page.set(0);
    });
    let task_lines =
        Memo::new(move |_| lines.with(|l| l.iter().filter(|l| matches!(l, Line::Task(_))).count()));
    let page_count = move || task_lines.get().div_ceil(page_size.get()).max(1);
    let visible = move || {
        let size = page_size.get();
        let first = page.get().min(page_count() - 1) * size;
        lines.with(|all| {
            // Slice by task lines; repeat the heading of the group the slice starts in.
            let mut out = Vec::new();
            let mut seen = 0;
            let mut current_group: Option<Line> = None;
            for line in all.iter() {
                match line {
                    Line::Group { .. } => current_group = Some(line.clone()),
                    Line::Task(_) => {
                        if seen >= first && seen < first + size {
                            if let Some(g) = current_group.take() {
                                out.push(g);
                            }
                            out.push(line.clone());
                        }
                        seen += 1;
                        if seen >= first + size {
                            break;
                        }
                    }
                }
            }
            out
        })
    };

    // Windowing. The page's lines with their keys; which of them are drawn follows the part of
    // the table its box shows (in the table body's own coordinates, moved in steps), each line's
    // height measured once drawn and estimated (the average of those measured) before.
    let page_lines = Memo::new(move |_| {
        let collection = state.collection.get();
        Shared::new(
            similar
                .by_task
                .with(|marks| keyed_lines(&collection, visible(), marks)),
        )
    });
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let body_ref = NodeRef::<leptos::html::Tbody>::new();
    // The part of the body the box shows, in steps (no overscan); before the first measure,
    // one viewport's worth.
    let first_part = viewport_height().unwrap_or(1000.0);
    let shown_part = RwSignal::new((0.0, first_part));
    let heights = StoredValue::new(Heights::default());
    let measured = RwSignal::new(0u32);
    // New lines (pages arriving, a filter, a sort, another page of the table) are drawn first
    // where the box shows them, and the overscan above and below one paint later: a filter
    // change then builds and lays out the few lines in sight before the screen updates, not
    // three times as many.
    let lines_generation = Memo::new(move |previous: Option<&u64>| {
        page_lines.track();
        previous.map_or(0, |g| g.wrapping_add(1))
    });
    let overscan_for = RwSignal::new(None::<u64>);
    Effect::new(move |_| {
        let generation = lines_generation.get();
        after_next_paint(move || {
            if lines_generation.try_get_untracked() == Some(generation) {
                let _ = overscan_for.try_set(Some(generation));
            }
        });
    });
    let drawn = Memo::new(move |_| {
        measured.track();
        let (top, bottom) = shown_part.get();
        let overscan = if overscan_for.get() == Some(lines_generation.get()) {
            OVERSCAN
        } else {
            0.0
        };
        page_lines.with(|lines| {
            heights.with_value(|h| window_of(lines, h, top - overscan, bottom + overscan))
        })
    });
    // What the box shows of the body: the box scrolls on a wide screen; on a phone the page
    // does (the box is as tall as the table), so both are intersected with the viewport.
    // (Called from a frame callback and events too, which may come after the view is gone:
    // every reactive value is read with `try_`, which is `None` once disposed.)
    let follow_scroll = move || {
        let (Some(Some(wrap)), Some(Some(body))) =
            (wrap_ref.try_get_untracked(), body_ref.try_get_untracked())
        else {
            return;
        };
        let (Some(w), Some(b)) = (rect(&wrap), rect(&body)) else {
            return;
        };
        let viewport = viewport_height().unwrap_or(w.1);
        let top = w.0.max(0.0) - b.0;
        let bottom = (w.1.min(viewport) - b.0).max(top);
        let top = (top / SCROLL_STEP).floor() * SCROLL_STEP;
        let bottom = (bottom / SCROLL_STEP).ceil() * SCROLL_STEP;
        let next = (top, bottom + SCROLL_STEP);
        if shown_part
            .try_get_untracked()
            .is_some_and(|part| part != next)
        {
            shown_part.set(next);
        }
    };
    // The drawn lines' heights, once they are in the DOM (a frame later, before it is painted):
    // a line measured differently from its estimate moves the spacers and may draw others.
    let measure = move || {
        let Some(Some(body)) = body_ref.try_get_untracked() else {
            return;
        };
        let mut changed = false;
        page_lines.try_with_untracked(|lines| {
            heights.try_update_value(|h| {
                let mut row = body.first_element_child();
                while let Some(tr) = row {
                    let index = tr
                        .get_attribute("aria-rowindex")
                        .and_then(|i| i.parse::<usize>().ok());
                    if let (Some((key, _)), Some((top, bottom))) =
                        (index.and_then(|i| lines.get(i.wrapping_sub(2))), rect(&tr))
                    {
                        changed |= h.set(key, bottom - top);
                    }
                    row = tr.next_element_sibling();
                }
            })
        });
        if changed {
            measured.try_update(|n| *n = n.wrapping_add(1));
        }
    };
    Effect::new(move |_| {
        drawn.track();
        request_animation_frame(move || {
            measure();
            follow_scroll();
        });
    });
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| follow_scroll());
    // Another width wraps the texts differently: every height is measured again.
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        heights.try_update_value(Heights::clear);
        measured.try_update(|n| *n = n.wrapping_add(1));
        follow_scroll();
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });

    let header = move |column: SortColumn, label: Msg| {
        let order = move || {
            SortOrder::of(
                sort.get()
                    .filter(|s| s.column == column)
                    .map(|s| s.descending),
            )
        };
        sort_header(
            format!("col-{}", column.as_str()),
            label,
            SortKeyAttr::Sort(column.as_str()),
            order,
            move || {
                state.navigate(true, move |vs| {
                    vs.sort = match vs.sort {
                        Some(s) if s.column == column && !s.descending => Some(Sort {
                            column,
                            descending: true,
                        }),
                        Some(s) if s.column == column => None,
                        _ => Some(Sort {
                            column,
                            descending: false,
                        }),
                    };
                })
            },
        )
    };

    view! {
        <section class="tasks-view" aria-label=tr(Msg::ViewTasks)>
            <div class="table-tools">
                <label for="group-select">{tr(Msg::GroupBy)}</label>
                <select
                    id="group-select"
                    prop:value=move || group.get().as_str()
                    on:change=move |ev| {
                        let g = Group::parse(&event_target_value(&ev)).unwrap_or_default();
                        state.navigate(true, move |vs| vs.group = g);
                    }
                >
                    <option value="none">{tr(Msg::GroupNothing)}</option>
                    <option value="week">{tr(Msg::Week)}</option>
                    <option value="service">{tr(Msg::Service)}</option>
                    <option value="intern">{tr(Msg::Intern)}</option>
                </select>
                <Pager page=page set_page=set_page page_count=Signal::derive(page_count) />
                <label for="page-size">{tr(Msg::RowsPerPage)}</label>
                <select
                    id="page-size"
                    prop:value=move || page_size.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse() {
                            set_page_size.set(n);
                            set_page.set(0);
                        }
                    }
                >
                    {PAGE_SIZES.iter().map(|&n| view! { <option value=n.to_string()>{move || num(n, lang.get())}</option> }).collect_view()}
                </select>
            </div>
            <div class="table-wrap" node_ref=wrap_ref on:scroll=move |_| follow_scroll()>
                <table
                    id="tasks-table"
                    class="tasks"
                    aria-rowcount=move || page_lines.with(|l| l.len() + 1)
                    data-drawn=move || drawn.with(|w| w.end - w.first + usize::from(w.pinned.is_some()))
                >
                    <caption class="visually-hidden">{tr(Msg::TasksCaption)}</caption>
                    <thead>
                        <tr aria-rowindex="1">
                            {header(SortColumn::Week, Msg::Week)}
                            {header(SortColumn::Day, Msg::ColumnDay)}
                            {header(SortColumn::Start, Msg::ColumnStart)}
                            {header(SortColumn::End, Msg::ColumnEnd)}
                            {header(SortColumn::Task, Msg::Task)}
                            {header(SortColumn::References, Msg::References)}
                            {header(SortColumn::Services, Msg::ViewServices)}
                            {header(SortColumn::Source, Msg::ColumnSource)}
                        </tr>
                    </thead>
                    <tbody node_ref=body_ref>
                        <tr class="spacer" aria-hidden="true" data-testid="spacer-above" style=("--space", move || px(drawn.get().above))>
                            <td colspan="8"></td>
                        </tr>
                        {move || {
                            // A change of words or language redraws every row; anything else
                            // (pages arriving, filters, pages of the table, similar rows found,
                            // scrolling) keeps the rows whose key, and so content, is unchanged.
                            let terms = search_terms(&search_text.get());
                            let ui = lang.get();
                            let drawn_lines = move || {
                                let w = drawn.get();
                                page_lines.with(|lines| {
                                    w.pinned
                                        .into_iter()
                                        .chain(w.first..w.end)
                                        .filter_map(|i| lines.get(i).map(|(k, l)| (i, k.clone(), l.clone())))
                                        .collect::<Vec<_>>()
                                })
                            };
                            view! {
                                <For
                                    each=drawn_lines
                                    // The line's place is in its key: its aria-rowindex says it.
                                    key=|(i, key, _)| (*i, key.clone())
                                    children=move |(i, _, line)| match line {
                                        Line::Group { label, count } => view! {
                                            <tr class="group-row" data-testid="group-row" aria-rowindex=i + 2>
                                                <th colspan="8" scope="colgroup">
                                                    {label} <span class="count">{num(count, ui)}</span>
                                                </th>
                                            </tr>
                                        }
                                        .into_any(),
                                        Line::Task(r) => task_row(
                                            &state.collection.get_untracked(),
                                            r,
                                            i + 2,
                                            &terms,
                                            ui,
                                            similar
                                                .by_task
                                                .with_untracked(|marks| marks.get(&(r.page, r.task)).copied()),
                                        ),
                                    }
                                />
                            }
                        }}
                        <tr class="spacer" aria-hidden="true" data-testid="spacer-below" style=("--space", move || px(drawn.get().below))>
                            <td colspan="8"></td>
                        </tr>
                    </tbody>
                </table>
                <Show when=move || task_lines.get() == 0>
                    <p class="empty-note">{tr(Msg::NoTaskMatches)}</p>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn Pager(
    page: ReadSignal<usize>,
    set_page: WriteSignal<usize>,
    page_count: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="pager" aria-label=tr(Msg::TablePages)>
            <button
                type="button"
                aria-label=tr(Msg::PreviousPage)
                disabled=move || page.get() == 0
                on:click=move |_| set_page.update(|p| *p = p.saturating_sub(1))
            >
                "‹"
            </button>
            <span data-testid="page-indicator">{move || messages::page_of(lang.get(), page.get().min(page_count.get() - 1) + 1, page_count.get())}</span>
            <button
                type="button"
                aria-label=tr(Msg::NextPage)
                disabled=move || { page.get() + 1 >= page_count.get() }
                on:click=move |_| set_page.update(|p| *p = (*p + 1).min(page_count.get_untracked() - 1))
            >
                "›"
            </button>
        </nav>
    }
}

/// The full path, allowed to wrap only after a `/` so folder names stay readable.
fn breakable_path(path: &str) -> AnyView {
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    segments
        .into_iter()
        .enumerate()
        .map(|(i, segment)| {
            if i == last {
                segment.to_string().into_any()
            } else {
                view! { {format!("{segment}/")} <wbr /> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The lower-case words of the search box, for marking them in the table.
fn search_terms(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// What a table line shows, as a key: a keyed line is drawn once and kept while it stays the
/// same. A task's key holds its page as shared by the collection (a page the collection settled
/// again is a new value, so its rows are drawn again), its row and similar-row mark, and the
/// group it is listed under (grouped by service, one task can be listed twice).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum LineKey {
    Group(String, usize),
    Task {
        page: usize,
        row: TaskRef,
        similar: Option<(u32, usize)>,
        group: usize,
    },
}

fn keyed_lines(
    collection: &worklog::Collection,
    lines: Vec<Line>,
    similar: &SimilarByTask,
) -> Vec<(LineKey, Line)> {
    let mut group = 0;
    lines
        .into_iter()
        .map(|line| {
            let key = match &line {
                Line::Group { label, count } => {
                    group += 1;
                    LineKey::Group(label.clone(), *count)
                }
                Line::Task(r) => LineKey::Task {
                    page: collection
                        .pages()
                        .get(r.page as usize)
                        .map_or(0, |p| std::sync::Arc::as_ptr(p) as usize),
                    row: *r,
                    similar: similar.get(&(r.page, r.task)).copied(),
                    group,
                },
            };
            (key, line)
        })
        .collect()
}

/// Measured heights of table lines, by what they show, and their averages (the estimate of a
/// line not drawn yet), task lines and group headings apart.
#[derive(Debug, Default)]
struct Heights {
    by_key: HashMap<LineKey, f64>,
    /// (sum, count) of the task lines' heights, then of the headings'.
    tasks: (f64, usize),
    groups: (f64, usize),
}

impl Heights {
    fn estimate(&self, key: &LineKey) -> f64 {
        if let Some(h) = self.by_key.get(key) {
            return *h;
        }
        let (default, (sum, n)) = match key {
            LineKey::Group(..) => (GROUP_H, self.groups),
            LineKey::Task { .. } => (TASK_H, self.tasks),
        };
        if n == 0 {
            default
        } else {
            sum / n as f64
        }
    }

    /// Record a line's measured height; whether it differs from what was known.
    fn set(&mut self, key: &LineKey, height: f64) -> bool {
        if !height.is_finite() || height <= 0.0 {
            return false;
        }
        if self.by_key.len() >= MAX_MEASURED {
            self.clear();
        }
        let total = match key {
            LineKey::Group(..) => &mut self.groups,
            LineKey::Task { .. } => &mut self.tasks,
        };
        match self.by_key.insert(key.clone(), height) {
            Some(old) => {
                total.0 += height - old;
                (old - height).abs() > 0.5
            }
            None => {
                total.0 += height;
                total.1 += 1;
                true
            }
        }
    }

    fn clear(&mut self) {
        *self = Heights::default();
    }
}

/// The lines of a page that are drawn: `first..end`, and the heading of the group `first` is
/// in when that heading is above (`pinned`: drawn just before `first`, where its sticky cell
/// shows it anyway); `above` and `below` are the heights of the spacers standing for the others.
#[derive(Debug, Clone, PartialEq, Default)]
struct Window {
    pinned: Option<usize>,
    first: usize,
    end: usize,
    above: f64,
    below: f64,
}

/// The lines meeting `top..bottom` (body coordinates, overscan included). Past the end (the
/// page got shorter than where the box was scrolled), the last lines as tall as the part.
fn window_of(lines: &[(LineKey, Line)], heights: &Heights, top: f64, bottom: f64) -> Window {
    let h: Vec<f64> = lines.iter().map(|(k, _)| heights.estimate(k)).collect();
    let total: f64 = h.iter().sum();
    let (top, bottom) = if top >= total {
        ((total - (bottom - top)).max(0.0), total)
    } else {
        (top, bottom)
    };
    let mut y = 0.0;
    let mut first = None;
    let mut above = 0.0;
    let mut end = lines.len();
    let mut before_end = total;
    for (i, hi) in h.iter().enumerate() {
        if first.is_none() && y + hi > top {
            first = Some(i);
            above = y;
        }
        if first.is_some() && y >= bottom {
            end = i;
            before_end = y;
            break;
        }
        y += hi;
    }
    let first = first.unwrap_or(lines.len());
    let end = end.max(first);
    let pinned = match lines.get(first) {
        Some((_, Line::Task(_))) => lines[..first]
            .iter()
            .rposition(|(_, l)| matches!(l, Line::Group { .. })),
        _ => None,
    };
    if let Some(g) = pinned {
        above = (above - h[g]).max(0.0);
    }
    Window {
        pinned,
        first,
        end,
        above,
        below: (total - before_end).max(0.0),
    }
}

/// The browser window's inner height in CSS pixels.
fn viewport_height() -> Option<f64> {
    window().inner_height().ok().and_then(|h| h.as_f64())
}

/// An element's top and bottom in the viewport (`getBoundingClientRect`, called through
/// `Reflect`: web-sys's `DomRect` is not among the features the app builds with).
fn rect(el: &web_sys::Element) -> Option<(f64, f64)> {
    use wasm_bindgen::{JsCast, JsValue};
    let method = js_sys::Reflect::get(el, &JsValue::from_str("getBoundingClientRect")).ok()?;
    let r = method.dyn_into::<js_sys::Function>().ok()?.call0(el).ok()?;
    let get = |name: &str| {
        js_sys::Reflect::get(&r, &JsValue::from_str(name))
            .ok()?
            .as_f64()
    };
    Some((get("top")?, get("bottom")?))
}

fn px(v: f64) -> String {
    format!("{v:.1}px")
}

/// One task's row; its labels, dates and numbers in the interface language `ui`, its text in
/// the page's language; `row_index` is its aria-rowindex (the header is row 1).
/// `similar`: the row's index and its number of matches when other interns wrote it too.
fn task_row(
    collection: &worklog::Collection,
    r: TaskRef,
    row_index: usize,
    terms: &[String],
    ui: Lang,
    similar: Option<(u32, usize)>,
) -> AnyView {
    let Some((page, task)) = r.resolve(collection) else {
        return ().into_any();
    };
    let lang = page.language;
    let day_label = task.day.clone().unwrap_or_default();
    let weekday = task.weekday.map(|d| weekday_name(d, ui));
    // The page's own day label is shown too, unless it says the same as the weekday (in the
    // interface's or the page's language).
    let same_day = |w: &str| day_label.eq_ignore_ascii_case(w);
    let show_label = !day_label.is_empty()
        && task.weekday.is_none_or(|d| {
            !weekday.as_deref().is_some_and(same_day)
                && !lang.is_some_and(|l| same_day(&weekday_name(d, l)))
        });
    let t = |m: Msg| text(m, ui);
    view! {
        <tr
            data-testid="task-row"
            aria-rowindex=row_index
            data-page=r.page
            data-task=r.task
            data-intern=r.intern
            data-flagged=r.date_flagged.then_some("true")
            data-similar=similar.map(|_| "true")
            class:date-flagged=r.date_flagged
            lang=lang.map(|l| l.code())
        >
            <td class="col-week" data-label=t(Msg::Week)>{r.week.map(|w| w.to_string()).unwrap_or_else(|| "–".into())}</td>
            <td class="col-day" data-label=t(Msg::ColumnDay)>
                {weekday.map(|w| view! { <span class="weekday" lang=ui.code()>{w}</span> })}
                {show_label.then(|| view! { <span class="day-label muted">{day_label}</span> })}
            </td>
            <td class="col-start" data-label=t(Msg::ColumnStart)>
                {task.start.map(|d| date_medium(d, ui))}
                {r.date_flagged.then(|| {
                    let why = date_flag_reason(page, task.line, ui);
                    view! { <span class="date-flag" role="img" aria-label=messages::date_contradicts(ui, &why) title=why>"⚠"</span> }
                })}
            </td>
            <td class="col-end" data-label=t(Msg::ColumnEnd)>{task.end.map(|d| date_medium(d, ui))}</td>
            <td class="col-task" data-label=t(Msg::Task)>
                {if task.items.is_empty() {
                    view! { <span class="task-text">{marked(&task.text, terms)}</span> }.into_any()
                } else {
                    item_list_marked(&task.items, terms)
                }}
                {similar.map(|(row, matches)| view! { <SimilarBadge row=row matches=matches /> })}
            </td>
            <td class="col-references" data-label=t(Msg::References)>{reference_list(&task.references)}</td>
            <td class="col-services" data-label=t(Msg::ViewServices)><ServiceChips services=task.services.clone() /></td>
            <td class="col-source" data-label=t(Msg::ColumnSource) title=page.source.clone()>
                <span class="source-path">{breakable_path(&page.source)}</span>
                <span class="muted">{format!(":{}", task.line)}</span>
            </td>
        </tr>
    }
    .into_any()
}

/// The collection's message on why a row's date contradicts its week, in the interface language.
fn date_flag_reason(page: &Page, line: u32, lang: Lang) -> String {
    page.diagnostics
        .iter()
        .find(|d| {
            d.line == Some(line)
                && (d.code == worklog::collection::DATE_OUTSIDE_WEEK
                    || d.code == worklog::collection::WEEK_OUT_OF_ORDER)
        })
        .map(|d| crate::i18n::diagnostics::message(d, lang).0)
        .unwrap_or_else(|| text(Msg::DateContradictsReason, lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixtures::{collection, page};
    use worklog::query::Filter;

    fn matching_rows(c: &worklog::Collection, f: &Filter) -> Vec<TaskRef> {
        worklog::query::select_rows(c, f)
            .into_iter()
            .map(|i| c.rows()[i as usize])
            .collect()
    }

    fn task_line(task: u32, group: usize) -> (LineKey, Line) {
        let row = TaskRef {
            intern: 0,
            page: 0,
            task,
            week: Some(1),
            language: None,
            twin_of: None,
            date_flagged: false,
        };
        let key = LineKey::Task {
            page: 1,
            row,
            similar: None,
            group,
        };
        (key, Line::Task(row))
    }

    fn group_line(label: &str, count: usize) -> (LineKey, Line) {
        (
            LineKey::Group(label.into(), count),
            Line::Group {
                label: label.into(),
                count,
            },
        )
    }

    #[test]
    fn window_draws_what_meets_the_part_and_spacers_hold_the_rest() {
        // 500 task lines of the estimated height: 30,000 px.
        let lines: Vec<_> = (0..500).map(|t| task_line(t, 0)).collect();
        let mut h = Heights::default();
        let w = window_of(&lines, &h, 6_000.0, 7_000.0);
        assert_eq!((w.first, w.end, w.pinned), (100, 117, None));
        assert_eq!(w.above, 6_000.0);
        assert_eq!(w.below, 30_000.0 - 117.0 * TASK_H);
        // A measured line counts as measured, the others as the average of the measured.
        assert!(h.set(&lines[0].0, 100.0));
        assert!(
            !h.set(&lines[0].0, 100.2),
            "sub-pixel changes are no change"
        );
        let w = window_of(&lines, &h, 0.0, 150.0);
        assert_eq!((w.first, w.end), (0, 2));
        // The second measure replaced the first: every line counts 100.2 px.
        let total = w.above + w.below + 2.0 * 100.2;
        assert!((total - 500.0 * 100.2).abs() < 1e-6, "{total}");
        // Scrolled past the end of a page that got shorter: its last lines.
        let w = window_of(&lines[..10], &Heights::default(), 6_000.0, 7_000.0);
        assert_eq!((w.first, w.end, w.below), (0, 10, 0.0));
        let w = window_of(&[], &Heights::default(), 0.0, 1_000.0);
        assert_eq!((w.first, w.end, w.above, w.below), (0, 0, 0.0, 0.0));
    }

    #[test]
    fn window_keeps_the_heading_of_the_group_it_starts_in() {
        let mut lines = vec![group_line("Week 1", 300)];
        lines.extend((0..300).map(|t| task_line(t, 1)));
        lines.push(group_line("Week 2", 10));
        lines.extend((300..310).map(|t| task_line(t, 2)));
        let w = window_of(&lines, &Heights::default(), 6_000.0, 7_000.0);
        assert_eq!(w.pinned, Some(0));
        assert_eq!(w.first, 100);
        // The heading is drawn just before the first line: the spacer is that much shorter.
        assert_eq!(w.above, GROUP_H + 99.0 * TASK_H - GROUP_H);
        let w = window_of(&lines, &Heights::default(), 0.0, 500.0);
        assert_eq!((w.pinned, w.first), (None, 0));
    }

    #[test]
    fn sorting_and_grouping() {
        let c = collection(vec![page(
            "site/content/1-Worklog/1.1-Week1/_index.md",
            &[
                (
                    "2",
                    "2025-09-08",
                    "Create an Amazon S3 bucket and an AWS Lambda function",
                ),
                ("3", "2025-09-09", "Launch an Amazon EC2 instance"),
            ],
        )]);
        let rows = matching_rows(&c, &Filter::default());
        let sort = Some(Sort {
            column: SortColumn::Start,
            descending: true,
        });
        let lines = arrange(&c, &rows, sort, Group::None, Lang::En);
        let Some(Line::Task(first)) = lines.first() else {
            panic!("a task line first");
        };
        assert_eq!(first.task, 1, "latest start first");

        let grouped = arrange(&c, &rows, None, Group::Service, Lang::En);
        let tasks = grouped
            .iter()
            .filter(|l| matches!(l, Line::Task(_)))
            .count();
        let services: usize = rows
            .iter()
            .filter_map(|r| r.resolve(&c))
            .map(|(_, t)| t.services.len().max(1))
            .sum();
        assert_eq!(
            tasks, services,
            "a task is listed under each of its services"
        );
        assert!(matches!(grouped.first(), Some(Line::Group { .. })));
    }
}
