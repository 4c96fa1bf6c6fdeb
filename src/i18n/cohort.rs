//! The cohort view's formatted messages (the fixed ones are in [`super::messages`], block
//! "Cohort"): cell states in words and as a glyph, accessible names of cells, summaries.

use worklog::cohort::{Cell, CellState};

use super::intl::num;
use super::messages::{count, text, week_n, Msg, Noun};
use super::Lang;

/// A cell state in words (legend, accessible names).
pub fn state_text(state: CellState, lang: Lang) -> &'static str {
    text(
        match state {
            CellState::Dated => Msg::StateDated,
            CellState::Misdated => Msg::StateMisdated,
            CellState::Undated => Msg::StateUndated,
            CellState::Template => Msg::StateTemplate,
            CellState::Empty => Msg::StateEmpty,
            CellState::Missing => Msg::StateMissing,
            CellState::NotDue => Msg::StateNotDue,
            CellState::Extra => Msg::StateExtra,
        },
        lang,
    )
}

/// The state's glyph inside a cell, the same in every language (the colour is never alone:
/// the glyph tells the state, the legend and the accessible name say it in words).
pub fn state_glyph(state: CellState) -> &'static str {
    match state {
        CellState::Dated => "✓",
        CellState::Misdated => "⚠",
        CellState::Undated => "○",
        CellState::Template => "…",
        CellState::Empty => "∅",
        CellState::Missing => "✗",
        CellState::NotDue => "·",
        CellState::Extra => "–",
    }
}

/// `Lan, week 3: tasks with dates; 5 tasks, 4 dated days, 1 similar row, 2 problems`.
pub fn cell_label(lang: Lang, intern: &str, cell: &Cell) -> String {
    let mut facts = Vec::new();
    if cell.tasks > 0 {
        facts.push(count(lang, cell.tasks as usize, Noun::Task));
    }
    if cell.dated_days > 0 {
        facts.push(match lang {
            Lang::En => format!(
                "{} dated day{}",
                num(cell.dated_days as usize, lang),
                if cell.dated_days == 1 { "" } else { "s" }
            ),
            Lang::Vi => format!("{} ngày có ghi ngày", num(cell.dated_days as usize, lang)),
        });
    }
    if cell.flagged > 0 {
        facts.push(match lang {
            Lang::En => format!("{} misdated", num(cell.flagged as usize, lang)),
            Lang::Vi => format!("{} sai ngày", num(cell.flagged as usize, lang)),
        });
    }
    if cell.similar > 0 {
        facts.push(similar_rows(lang, cell.similar as usize));
    }
    if cell.diagnostics > 0 {
        facts.push(count(lang, cell.diagnostics as usize, Noun::Problem));
    }
    let state = state_text(cell.state, lang);
    let head = format!("{intern}, {}: {state}", week_n(lang, cell.week));
    if facts.is_empty() {
        head
    } else {
        format!("{head}; {}", facts.join(", "))
    }
}

/// `3 similar rows` / `3 dòng tương tự`.
pub fn similar_rows(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "{} similar row{}",
            num(n, lang),
            if n == 1 { "" } else { "s" }
        ),
        Lang::Vi => format!("{} dòng tương tự", num(n, lang)),
    }
}

/// `82%`, or `–` while no week is due.
pub fn progress_short(progress: Option<f64>) -> String {
    progress.map_or_else(|| "–".to_string(), |p| format!("{:.0}%", p * 100.0))
}

/// `9 of 11 due weeks with dated tasks`.
pub fn progress_label(lang: Lang, dated: u32, due: u32) -> String {
    match lang {
        Lang::En => format!(
            "{} of {} due weeks with dated tasks",
            num(dated as usize, lang),
            num(due as usize, lang)
        ),
        Lang::Vi => format!(
            "{} trên {} tuần đến hạn có công việc kèm ngày",
            num(dated as usize, lang),
            num(due as usize, lang)
        ),
    }
}

/// `4 problems: 1 week missing, 1 week unfilled, 2 warnings or errors`.
pub fn problems_label(
    lang: Lang,
    problems: u32,
    missing: u32,
    unfilled: u32,
    diagnostics: u32,
) -> String {
    let n = |v: u32| num(v as usize, lang);
    match lang {
        Lang::En => format!(
            "{}: {} missing, {} empty or template only, {} warnings or errors",
            count(lang, problems as usize, Noun::Problem),
            count(lang, missing as usize, Noun::Week),
            n(unfilled),
            n(diagnostics)
        ),
        Lang::Vi => format!(
            "{}: {} tuần thiếu, {} tuần trống hoặc chỉ có mẫu, {} cảnh báo hoặc lỗi",
            count(lang, problems as usize, Noun::Problem),
            n(missing),
            n(unfilled),
            n(diagnostics)
        ),
    }
}

/// The summary cell of a week: `Week 3: 52 of 60 interns with dated tasks, 4 missing`.
pub fn week_summary_label(
    lang: Lang,
    week: u32,
    dated: usize,
    interns: usize,
    missing: usize,
) -> String {
    match lang {
        Lang::En => format!(
            "{}: {} of {} interns with dated tasks, {} missing",
            week_n(lang, week),
            num(dated, lang),
            num(interns, lang),
            num(missing, lang)
        ),
        Lang::Vi => format!(
            "{}: {} trên {} thực tập sinh có công việc kèm ngày, {} thiếu",
            week_n(lang, week),
            num(dated, lang),
            num(interns, lang),
            num(missing, lang)
        ),
    }
}

/// `Similar to 2 rows of other interns: compare`.
pub fn similar_badge_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "Similar to {} row{} of other interns: compare",
            num(n, lang),
            if n == 1 { "" } else { "s" }
        ),
        Lang::Vi => format!(
            "Tương tự {} dòng của thực tập sinh khác: so sánh",
            num(n, lang)
        ),
    }
}

/// `Lan · week 3 · 82% the same words`.
pub fn match_heading(lang: Lang, intern: &str, week: Option<u32>, score: f32) -> String {
    let week = week
        .map(|w| format!(" · {}", week_n(lang, w)))
        .unwrap_or_default();
    let pct = (score * 100.0).round() as usize;
    match lang {
        Lang::En => format!("{intern}{week} · {pct}% the same word runs"),
        Lang::Vi => format!("{intern}{week} · {pct}% cụm từ giống nhau"),
    }
}

/// `Lan, lab 000017 (CI/CD with ECS): linked in weeks 3, 5`.
pub fn lab_cell_label(lang: Lang, intern: &str, lab: &str, weeks: &[u32]) -> String {
    let list = weeks
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::En => format!(
            "{intern}, {lab}: linked in week{} {list}",
            if weeks.len() == 1 { "" } else { "s" }
        ),
        Lang::Vi => format!("{intern}, {lab}: có liên kết ở tuần {list}"),
    }
}

/// `Lan, Storage: 12 tasks`.
pub fn intern_heat_label(lang: Lang, intern: &str, category: &str, n: usize) -> String {
    format!("{intern}, {category}: {}", count(lang, n, Noun::Task))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_words_and_a_glyph() {
        let mut glyphs = std::collections::HashSet::new();
        for state in CellState::ALL {
            assert!(
                glyphs.insert(state_glyph(state)),
                "{state:?} shares its glyph"
            );
            assert_ne!(state_text(state, Lang::En), state_text(state, Lang::Vi));
        }
    }

    #[test]
    fn a_cell_is_named_in_words() {
        let cell = Cell {
            week: 3,
            state: CellState::Dated,
            due: true,
            pages: vec![1, 2],
            tasks: 5,
            twin_tasks: 5,
            template_tasks: 0,
            dated_days: 4,
            flagged: 0,
            diagnostics: 0,
            similar: 1,
            labs: vec![],
        };
        assert_eq!(
            cell_label(Lang::En, "Lan", &cell),
            "Lan, Week 3: tasks with dates; 5 tasks, 4 dated days, 1 similar row"
        );
        assert!(cell_label(Lang::Vi, "Lan", &cell).contains("có công việc kèm ngày"));
        assert_eq!(progress_short(Some(0.818)), "82%");
        assert_eq!(progress_short(None), "–");
    }
}
