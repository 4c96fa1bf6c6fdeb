//! A sortable column header: the task table's (`sort=`) and the cohort matrix's (`csort=`).

use leptos::prelude::*;

use crate::i18n::{tr, Msg};

/// How a column is sorted now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    None,
    Ascending,
    Descending,
}

impl SortOrder {
    /// `Some(descending)` for the sort column, `None` for another.
    pub fn of(sorted: Option<bool>) -> Self {
        match sorted {
            Some(true) => SortOrder::Descending,
            Some(false) => SortOrder::Ascending,
            None => SortOrder::None,
        }
    }

    fn aria(self) -> &'static str {
        match self {
            SortOrder::None => "none",
            SortOrder::Ascending => "ascending",
            SortOrder::Descending => "descending",
        }
    }

    fn mark(self) -> &'static str {
        match self {
            SortOrder::None => "",
            SortOrder::Ascending => "▲",
            SortOrder::Descending => "▼",
        }
    }
}

/// The attribute naming the column on its button (tests find it by it): `data-sort` in the
/// task table, `data-csort` in the cohort matrix.
#[derive(Debug, Clone, Copy)]
pub enum SortKeyAttr {
    Sort(&'static str),
    CohortSort(&'static str),
}

/// A `<th>` holding a button that names the column; `aria-sort` and the ▲/▼ mark follow
/// `order`, a click calls `on_sort`.
pub fn sort_header(
    class: String,
    label: Msg,
    key: SortKeyAttr,
    order: impl Fn() -> SortOrder + Copy + Send + Sync + 'static,
    on_sort: impl Fn() + 'static,
) -> impl IntoView {
    let (sort, csort) = match key {
        SortKeyAttr::Sort(k) => (Some(k), None),
        SortKeyAttr::CohortSort(k) => (None, Some(k)),
    };
    view! {
        <th scope="col" class=class aria-sort=move || order().aria()>
            <button type="button" class="sort" data-sort=sort data-csort=csort on:click=move |_| on_sort()>
                {tr(label)}
                <span class="sort-mark" aria-hidden="true">{move || order().mark()}</span>
            </button>
        </th>
    }
}
