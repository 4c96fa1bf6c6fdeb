//! Timeline: days on the horizontal axis across the whole range of the matching tasks, one bar
//! per task from start to end, one lane per week or per service (`lanes=`), weekends shaded and
//! a marker for today. Drawn as SVG by the app; bars are focusable and open the task.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use worklog::query::{task_span, Lanes};
use worklog::Collection;

use crate::components::chips::short_name;
use crate::components::date::{human_date, iso, short_date};
use crate::i18n::{messages, text, tr, use_lang, Lang, Msg};
use crate::state::{AppState, TaskRef};

const LABEL_W: f64 = 132.0;
const AXIS_H: f64 = 34.0;
const ROW_H: f64 = 18.0;
const BAR_H: f64 = 14.0;
const LANE_PAD: f64 = 8.0;
/// Pixels drawn beyond the visible part of the scroll box, above and below.
const OVERSCAN: f64 = 1200.0;
/// The drawn part moves in steps of this many pixels. Bars are keyed, so a step draws only the
/// bars of the strip coming in: at 20,000 bars a 300 px strip (~120 bars) cost more than a frame
/// on the bench machine, a 100 px one fits (BENCHMARKS.md, "Big lists and memory").
const SCROLL_STEP: f64 = 100.0;

/// Where one bar goes in the chart.
struct BarGeometry {
    i: usize,
    x: f64,
    y: f64,
    w: f64,
    bar: Bar,
}

/// Longest range drawn, so a stray date in another decade cannot make a kilometre-wide chart.
const MAX_DAYS: i64 = 3 * 366;

#[derive(Debug, Clone, PartialEq)]
struct Bar {
    task: TaskRef,
    lane: usize,
    row: usize,
    start: NaiveDate,
    end: NaiveDate,
    label: String,
    /// The row's date contradicts its week: drawn where written, marked.
    flagged: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Lane {
    label: String,
    rows: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Layout {
    first: Option<NaiveDate>,
    days: i64,
    lanes: Vec<Lane>,
    bars: Vec<Bar>,
    /// Matching tasks with no date: listed, not drawn.
    undated: usize,
    /// Dated tasks outside the drawable range.
    out_of_range: usize,
}

/// The chart's geometry and texts; lane labels and bar texts in `lang`.
fn layout(collection: &Collection, rows: &[TaskRef], lanes: Lanes, lang: Lang) -> Layout {
    let mut spans = Vec::new();
    let mut undated = 0;
    for r in rows {
        let Some((page, task)) = r.resolve(collection) else {
            continue;
        };
        match task_span(task) {
            Some(span) => spans.push((*r, page, task, span)),
            None => undated += 1,
        }
    }
    if spans.is_empty() {
        return Layout {
            undated,
            ..Layout::default()
        };
    }
    // The range: the middle of the data, so one outlier does not stretch it beyond MAX_DAYS.
    // Rows whose date contradicts their week do not set the range; they are drawn when they
    // fall inside it and counted otherwise.
    let trusted = |s: &(TaskRef, _, _, (NaiveDate, NaiveDate))| !s.0.date_flagged;
    let mut starts: Vec<NaiveDate> = spans
        .iter()
        .filter(|s| trusted(s))
        .map(|s| s.3 .0)
        .collect();
    if starts.is_empty() {
        starts = spans.iter().map(|s| s.3 .0).collect();
    }
    starts.sort();
    let median = starts[starts.len() / 2];
    let lo_limit = median - Duration::days(MAX_DAYS / 2);
    let hi_limit = median + Duration::days(MAX_DAYS / 2);
    let in_limits =
        |s: &(TaskRef, _, _, (NaiveDate, NaiveDate))| s.3 .0 >= lo_limit && s.3 .1 <= hi_limit;
    let range_of = |spans: &[(TaskRef, _, _, (NaiveDate, NaiveDate))]| {
        let set: Vec<_> = spans
            .iter()
            .filter(|s| trusted(s) && in_limits(s))
            .collect();
        let set = if set.is_empty() {
            spans.iter().filter(|s| in_limits(s)).collect()
        } else {
            set
        };
        (
            set.iter().map(|s| s.3 .0).min().unwrap_or(median),
            set.iter().map(|s| s.3 .1).max().unwrap_or(median),
        )
    };
    let (first, last) = range_of(&spans);
    let mut out_of_range = 0;
    spans.retain(|s| {
        let ok = in_limits(s) && (trusted(s) || (s.3 .0 >= first && s.3 .1 <= last));
        if !ok {
            out_of_range += 1;
        }
        ok
    });
    // Start on a Monday, end on a Sunday: whole weeks read better.
    let first = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let last = last + Duration::days(6 - last.weekday().num_days_from_monday() as i64);
    let days = (last - first).num_days() + 1;

    // With several interns, each has its own lane per week (interns in display order).
    let several = collection.internships().len() > 1;

    // Lane keys: (order key, label) per task.
    let mut lane_index: BTreeMap<(i64, String), Vec<usize>> = BTreeMap::new();
    let mut service_totals: BTreeMap<String, usize> = BTreeMap::new();
    if lanes == Lanes::Service {
        for (_, _, task, _) in &spans {
            for s in &task.services {
                *service_totals.entry(s.id.clone()).or_default() += 1;
            }
        }
    }
    for (i, (_, _, task, _)) in spans.iter().enumerate() {
        match lanes {
            Lanes::Week => {
                let r = spans[i].0;
                let (order, suffix) = match collection.internships().get(r.intern as usize) {
                    Some(intern) if several => (i64::from(r.intern), format!(" · {}", intern.name)),
                    _ => (0, String::new()),
                };
                // The task's own week: a single-file or multi-week page spreads over many.
                let key = match r.week {
                    Some(w) => (
                        order * 1000 + w as i64,
                        format!("{}{suffix}", messages::week_n(lang, w)),
                    ),
                    None => (i64::MAX, text(Msg::NoWeek, lang).to_string()),
                };
                lane_index.entry(key).or_default().push(i);
            }
            Lanes::Service => {
                if task.services.is_empty() {
                    lane_index
                        .entry((i64::MAX, text(Msg::NoService, lang).to_string()))
                        .or_default()
                        .push(i);
                }
                for s in &task.services {
                    let total = service_totals.get(&s.id).copied().unwrap_or(0) as i64;
                    lane_index
                        .entry((-total, short_name(&s.name).to_string()))
                        .or_default()
                        .push(i);
                }
            }
        }
    }

    let mut out_lanes = Vec::new();
    let mut bars = Vec::new();
    for (lane, ((_, label), members)) in lane_index.into_iter().enumerate() {
        let mut members = members;
        members.sort_by_key(|&i| (spans[i].3 .0, spans[i].3 .1));
        // Greedy packing: the first row whose last bar ended before this one starts.
        let mut row_ends: Vec<NaiveDate> = Vec::new();
        for i in members {
            let (r, _, task, (start, end)) = &spans[i];
            let row = match row_ends.iter().position(|e| e < start) {
                Some(row) => {
                    row_ends[row] = *end;
                    row
                }
                None => {
                    row_ends.push(*end);
                    row_ends.len() - 1
                }
            };
            let when = if start == end {
                human_date(*start, lang)
            } else {
                format!("{} – {}", human_date(*start, lang), human_date(*end, lang))
            };
            let text: String = task
                .text
                .lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(160)
                .collect();
            bars.push(Bar {
                task: *r,
                lane,
                row,
                start: *start,
                end: *end,
                label: messages::bar_label(lang, r.date_flagged, r.week, &when, &text),
                flagged: r.date_flagged,
            });
        }
        out_lanes.push(Lane {
            label,
            rows: row_ends.len().max(1),
        });
    }
    Layout {
        first: Some(first),
        days,
        lanes: out_lanes,
        bars,
        undated,
        out_of_range,
    }
}

/// Lane labels longer than the label column are cut; the full text is in the tooltip.
fn fit_label(label: &str) -> String {
    const MAX: usize = 21;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let cut: String = label.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lanes = Memo::new(move |_| state.vs.with(|v| v.lanes));
    let lang = use_lang();
    let data = Memo::new(move |_| {
        let collection = state.collection.get();
        let rows = state.rows.get();
        layout(&collection, &rows, lanes.get(), lang.get())
    });
    let (focused, set_focused) = signal(None::<String>);
    // The part of the chart (in its own coordinates) whose bars are in the DOM: what the
    // scroll box shows, widened by [`OVERSCAN`], moved in steps so a scroll re-renders rarely.
    let scroll_box = NodeRef::<leptos::html::Div>::new();
    let window = RwSignal::new((-OVERSCAN, 1000.0 + OVERSCAN));
    let follow_scroll = move || {
        let Some(el) = scroll_box.get_untracked() else {
            return;
        };
        let top = (f64::from(el.scroll_top()) / SCROLL_STEP).floor() * SCROLL_STEP;
        let height = f64::from(el.client_height()).max(400.0);
        let next = (top - OVERSCAN, top + height + SCROLL_STEP + OVERSCAN);
        if window.get_untracked() != next {
            window.set(next);
        }
    };
    Effect::new(move |_| {
        data.track();
        request_animation_frame(follow_scroll);
    });

    let chart = move || {
        let l = data.get();
        let first = l.first?;
        let ui = lang.get();
        // Fits a 12-week internship beside the filter panel on a laptop; longer ranges scroll.
        let day_w = (820.0 / l.days as f64).clamp(6.0, 28.0);
        let width = LABEL_W + day_w * l.days as f64 + 8.0;
        let mut lane_y = Vec::with_capacity(l.lanes.len());
        let mut y = AXIS_H;
        for lane in &l.lanes {
            lane_y.push(y);
            y += lane.rows as f64 * ROW_H + LANE_PAD;
        }
        let height = y + 4.0;
        let x_of = move |d: NaiveDate| LABEL_W + (d - first).num_days() as f64 * day_w;
        let days: Vec<NaiveDate> = (0..l.days).map(|i| first + Duration::days(i)).collect();
        let weekends = days
            .iter()
            .filter(|d| d.weekday().num_days_from_monday() >= 5)
            .map(|d| {
                view! { <rect class="weekend" x=x_of(*d) y=AXIS_H - 4.0 width=day_w height=height - AXIS_H + 4.0></rect> }
            })
            .collect_view();
        let ticks = days
            .iter()
            .filter(|d| d.weekday().num_days_from_monday() == 0)
            .map(|d| {
                let x = x_of(*d);
                view! {
                    <g class="tick">
                        <line x1=x x2=x y1=AXIS_H - 10.0 y2=height></line>
                        <text x=x + 3.0 y=AXIS_H - 14.0>{short_date(*d, ui)}</text>
                    </g>
                }
            })
            .collect_view();
        let lanes_view = l
            .lanes
            .iter()
            .zip(&lane_y)
            .enumerate()
            .map(|(i, (lane, y))| {
                let h = lane.rows as f64 * ROW_H;
                view! {
                    <g class="lane" data-lane=i>
                        <rect class=if i % 2 == 0 { "lane-bg even" } else { "lane-bg" } x=0 y=*y - 2.0 width=width height=h + 4.0></rect>
                        <text class="lane-label" x=6 y=*y + h / 2.0 + 4.0>
                            {fit_label(&lane.label)}
                            <title>{lane.label.clone()}</title>
                        </text>
                    </g>
                }
            })
            .collect_view();
        let today_marker = today()
            .filter(|t| *t >= first && *t < first + Duration::days(l.days))
            .map(|t| {
                let x = x_of(t) + day_w / 2.0;
                view! {
                    <g class="today" data-testid="today-marker">
                        <line x1=x x2=x y1=AXIS_H - 8.0 y2=height></line>
                        <text x=x + 3.0 y=AXIS_H - 2.0>{text(Msg::Today, ui)}</text>
                    </g>
                }
            });
        // One set of handlers on the group, not four per bar: 20,000 bars stay cheap to build.
        let tasks: Arc<Vec<(TaskRef, String)>> =
            Arc::new(l.bars.iter().map(|b| (b.task, b.label.clone())).collect());
        let bar_at = move |ev: &web_sys::Event| -> Option<(TaskRef, String)> {
            let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
            let i: usize = el.get_attribute("data-i")?.parse().ok()?;
            tasks.get(i).cloned()
        };
        let (on_click, on_key, on_focus, on_hover) =
            (bar_at.clone(), bar_at.clone(), bar_at.clone(), bar_at);
        // Geometry of every bar; only those near the scrolled-to part are in the DOM, so 20,000
        // tasks scroll and filter at the speed of the few hundred on screen.
        let geometry: Arc<Vec<BarGeometry>> = Arc::new(
            l.bars
                .iter()
                .enumerate()
                .map(|(i, b)| BarGeometry {
                    i,
                    x: x_of(b.start) + 1.0,
                    y: lane_y.get(b.lane).copied().unwrap_or(AXIS_H) + b.row as f64 * ROW_H,
                    w: (((b.end - b.start).num_days() + 1) as f64 * day_w - 2.0).max(3.0),
                    bar: b.clone(),
                })
                .collect(),
        );
        let total_bars = geometry.len();
        // Keyed by bar: a scroll step adds the bars coming into the drawn part and removes those
        // leaving it; the hundreds staying are not drawn again.
        let near = Arc::clone(&geometry);
        let visible_bars = move || {
            let (top, bottom) = window.get();
            near.iter()
                .filter(|g| g.y + BAR_H >= top && g.y <= bottom)
                .map(|g| g.i)
                .collect::<Vec<usize>>()
        };
        let bar_view = move |i: usize| {
            let g = &geometry[i];
            let b = &g.bar;
            view! {
                <rect
                    class="bar"
                    class:flagged=b.flagged
                    data-flagged=b.flagged.then_some("true")
                    data-week=b.task.week
                    data-testid="timeline-bar"
                    data-i=g.i
                    data-lane=b.lane
                    data-row=b.row
                    data-start=iso(b.start)
                    data-end=iso(b.end)
                    x=g.x
                    y=g.y
                    width=g.w
                    height=BAR_H
                    rx=3
                    tabindex=0
                    role="button"
                    aria-label=b.label.clone()
                >
                    <title>{b.label.clone()}</title>
                </rect>
            }
        };
        let bars = view! {
            <g
                class="bars"
                on:click=move |ev| {
                    if let Some((task, _)) = on_click(&ev) {
                        state.selected.set(Some(task));
                    }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        if let Some((task, _)) = on_key(&ev) {
                            ev.prevent_default();
                            state.selected.set(Some(task));
                        }
                    }
                }
                on:focusin=move |ev| {
                    if let Some((_, label)) = on_focus(&ev) {
                        set_focused.set(Some(label));
                    }
                }
                on:mouseover=move |ev| {
                    if let Some((_, label)) = on_hover(&ev) {
                        set_focused.set(Some(label));
                    }
                }
            >
                <For each=visible_bars key=|i| *i children=bar_view />
            </g>
        };
        Some(view! {
            <svg
                class="timeline"
                width=width
                height=height
                viewBox=format!("0 0 {width} {height}")
                role="group"
                aria-label=text(Msg::TimelineOfTasks, ui)
                data-bars=total_bars
            >
                {lanes_view}
                {weekends}
                {ticks}
                {today_marker}
                {bars}
            </svg>
        })
    };

    // One toggle of the segmented lane choice.
    let lane_button = move |choice: Lanes, label: Msg| {
        view! {
            <button
                type="button"
                aria-pressed=move || (lanes.get() == choice).to_string()
                on:click=move |_| state.navigate(true, move |vs| vs.lanes = choice)
            >
                {tr(label)}
            </button>
        }
    };

    view! {
        <section class="timeline-view" aria-label=tr(Msg::ViewTimeline)>
            <div class="table-tools">
                <span id="lanes-label">{tr(Msg::Lanes)}</span>
                <div class="segmented" role="group" aria-labelledby="lanes-label">
                    {lane_button(Lanes::Week, Msg::PerWeek)}
                    {lane_button(Lanes::Service, Msg::PerService)}
                </div>
                <p class="muted small" aria-live="polite">
                    {move || {
                        let l = data.get();
                        let lang = lang.get();
                        let mut notes = Vec::new();
                        if l.undated > 0 {
                            notes.push(messages::undated_not_drawn(lang, l.undated));
                        }
                        if l.out_of_range > 0 {
                            notes.push(messages::out_of_range_not_drawn(lang, l.out_of_range));
                        }
                        notes.join(" · ")
                    }}
                </p>
            </div>
            <div class="timeline-scroll" node_ref=scroll_box on:scroll=move |_| follow_scroll()>
                {move || chart().map(|c| c.into_any()).unwrap_or_else(|| view! { <p class="empty-note">{tr(Msg::NoDatedTask)}</p> }.into_any())}
            </div>
            <p class="timeline-focus" aria-live="polite" data-testid="timeline-focus">
                {move || focused.get().unwrap_or_else(|| text(Msg::TimelineHint, lang.get()).into())}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixtures::{collection, week};
    use worklog::query::Filter;

    fn matching_rows(c: &Collection, f: &Filter) -> Vec<TaskRef> {
        worklog::query::select_rows(c, f)
            .into_iter()
            .map(|i| c.rows()[i as usize])
            .collect()
    }

    #[test]
    fn one_bar_per_dated_task_one_lane_per_week() {
        let c = collection(vec![
            week(1, "en", &["2025-09-08", "2025-09-09", "2025-09-13"], "a"),
            week(2, "en", &["2025-09-15"], "b"),
        ]);
        let rows = matching_rows(&c, &Filter::default());
        let l = layout(&c, &rows, Lanes::Week, Lang::En);
        assert_eq!(l.bars.len(), 4);
        assert_eq!(l.lanes.len(), 2);
        assert_eq!(
            l.first.map(|d| d.to_string()).as_deref(),
            Some("2025-09-08")
        );
        assert_eq!(l.days % 7, 0, "whole weeks");
    }
}
