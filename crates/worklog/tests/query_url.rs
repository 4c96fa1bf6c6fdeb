//! The URL state is a public interface: whatever a link contains, reading it never panics,
//! and the canonical form written back reads as the same state.

use proptest::prelude::*;
use worklog::query::{Filter, Group, Lanes, Sort, SortColumn, View, ViewState, WeekRange};
use worklog::Language;

/// Query-like strings: parameter names the app knows mixed with junk, `%` escapes, `+`, `&`, `=`.
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("src".to_string()),
        Just("view".to_string()),
        Just("service".to_string()),
        Just("category".to_string()),
        Just("week".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("q".to_string()),
        Just("lang".to_string()),
        Just("source".to_string()),
        Just("sort".to_string()),
        Just("group".to_string()),
        Just("lanes".to_string()),
        Just("ui".to_string()),
        "[a-z%]{0,6}",
    ];
    let value = prop_oneof![
        "[ -~]{0,20}",
        "\\PC{0,12}",
        "[0-9]{1,3}(-[0-9]{1,3})?",
        "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]",
        Just("-start".to_string()),
        Just("%ZZ%E0%A4".to_string()),
        Just("vi".to_string()),
        Just("EN".to_string()),
    ];
    prop::collection::vec((key, value), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #[test]
    fn any_query_reads_and_round_trips(query in query_like()) {
        let state = ViewState::from_query(&query);
        let canonical = state.to_query();
        prop_assert_eq!(ViewState::from_query(&canonical), state.clone());
        prop_assert_eq!(ViewState::from_query(&canonical).to_query(), canonical);
    }

    #[test]
    fn arbitrary_text_never_panics(query in "\\PC{0,200}") {
        let state = ViewState::from_query(&query);
        let _ = state.to_query();
    }

    #[test]
    fn built_states_round_trip(
        sources in prop::collection::vec("[ -~]{1,30}", 0..3),
        services in prop::collection::vec("[a-z0-9-]{1,12}", 0..4),
        weeks in prop::collection::vec((0u32..60, 0u32..60), 0..4),
        text in "\\PC{0,30}",
        descending in any::<bool>(),
        ui in prop_oneof![Just(None), Just(Some(Language::En)), Just(Some(Language::Vi))],
    ) {
        let state = ViewState {
            sources: sources.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            view: View::Timeline,
            filter: Filter {
                services,
                weeks: weeks.into_iter().map(|(a, b)| WeekRange::new(a, b)).collect(),
                text,
                language: Some(Language::En),
                ..Filter::default()
            },
            sort: Some(Sort { column: SortColumn::End, descending }),
            group: Group::Week,
            lanes: Lanes::Service,
            ui,
            ..ViewState::default()
        };
        let mut expected = state.clone();
        expected.filter.normalize();
        prop_assert_eq!(ViewState::from_query(&state.to_query()), expected);
    }
}
