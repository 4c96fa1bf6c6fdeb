//! Tests of the filter, matcher, URL state and facets.

use super::filter::merge_ranges;
use super::matcher::loose_eq;
use super::*;
use crate::model::{Language, PageKind, ServiceRef};

fn date(s: &str) -> NaiveDate {
    parse_date(s).expect("test date")
}

fn task(text: &str, services: &[&str], start: Option<&str>, end: Option<&str>) -> Task {
    Task {
        line: 1,
        week: None,
        day: None,
        weekday: None,
        start: start.map(date),
        end: end.map(date),
        start_text: None,
        end_text: None,
        text: text.to_string(),
        items: Vec::new(),
        references: Vec::new(),
        services: services
            .iter()
            .map(|id| ServiceRef {
                id: id.to_string(),
                name: id.to_uppercase(),
            })
            .collect(),
        extra: Vec::new(),
    }
}

fn page(source: &str, week: u32, language: Option<Language>, tasks: Vec<Task>) -> Page {
    Page {
        kind: PageKind::Week,
        language,
        week: Some(week),
        weeks: vec![week],
        tasks,
        ..Page::new(source)
    }
}

fn sample() -> Vec<Page> {
    vec![
        page(
            "alice/week1/_index.md",
            1,
            Some(Language::En),
            vec![
                task(
                    "Set up IAM users",
                    &["iam"],
                    Some("2025-09-08"),
                    Some("2025-09-08"),
                ),
                task(
                    "Launch EC2 and S3 bucket",
                    &["ec2", "s3"],
                    Some("2025-09-09"),
                    Some("2025-09-10"),
                ),
            ],
        ),
        page(
            "alice/week2/_index.vi.md",
            2,
            Some(Language::Vi),
            vec![
                task(
                    "Tìm hiểu Amazon S3",
                    &["s3"],
                    Some("2025-09-15"),
                    Some("2025-09-15"),
                ),
                task("Ôn tập", &[], None, None),
            ],
        ),
        page(
            "bob/week3.md",
            3,
            Some(Language::En),
            vec![task(
                "KMS keys and CloudTrail",
                &["kms", "cloudtrail"],
                Some("2025-09-22"),
                None,
            )],
        ),
    ]
}

/// Facets over the rows of a collection of `pages`.
fn facets_over(pages: &[Page], filter: &Filter) -> Facets {
    facets(&crate::Collection::new(pages.to_vec()), filter)
}

fn count(pages: &[Page], filter: &Filter) -> usize {
    let m = filter.matcher();
    pages
        .iter()
        .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
        .filter(|(p, t)| m.matches(p, t))
        .count()
}

#[test]
fn week_filter_picks_tasks_of_a_multi_week_page() {
    let mut multi = page("carol/week12/_index.md", 12, None, Vec::new());
    multi.kind = PageKind::MultiWeek;
    multi.weeks = vec![12, 13, 14];
    for (week, text) in [(12, "plan"), (13, "build"), (13, "test"), (14, "present")] {
        let mut t = task(text, &[], None, None);
        t.week = Some(week);
        multi.tasks.push(t);
    }
    // A task parsed before tasks had weeks goes by its page.
    multi.tasks.push(task("legacy", &[], None, None));
    let pages = vec![multi];
    let mut f = Filter {
        weeks: vec![WeekRange::single(13)],
        ..Filter::default()
    };
    assert_eq!(count(&pages, &f), 3, "build, test, legacy");
    f.weeks = vec![WeekRange::single(15)];
    assert_eq!(count(&pages, &f), 0);
    let facets = facets_over(&pages, &Filter::default());
    let weeks: Vec<(u32, usize)> = facets.weeks.iter().map(|w| (w.value, w.count)).collect();
    // Rows carry one week each: a task without its own goes by the page's (first) week.
    assert_eq!(weeks, vec![(12, 2), (13, 2), (14, 1)]);
}

#[test]
fn empty_filter_matches_everything() {
    let pages = sample();
    assert!(Filter::default().is_empty());
    assert_eq!(count(&pages, &Filter::default()), 5);
}

#[test]
fn or_within_a_kind_and_across_kinds() {
    let pages = sample();
    let mut f = Filter {
        services: vec!["s3".into(), "kms".into()],
        ..Filter::default()
    };
    assert_eq!(count(&pages, &f), 3, "s3 OR kms");
    f.weeks = vec![WeekRange::single(2), WeekRange::single(3)];
    assert_eq!(count(&pages, &f), 2, "(s3 OR kms) AND week in {{2,3}}");
    f.language = Some(Language::En);
    assert_eq!(count(&pages, &f), 1, "... AND lang=en");
    f.text = "cloudtrail".into();
    assert_eq!(count(&pages, &f), 1);
    f.text = "nothing-like-this".into();
    assert_eq!(count(&pages, &f), 0);
}

#[test]
fn text_search_is_case_insensitive_and_all_terms() {
    let pages = sample();
    let f = |q: &str| Filter {
        text: q.into(),
        ..Filter::default()
    };
    assert_eq!(count(&pages, &f("ec2")), 1);
    assert_eq!(count(&pages, &f("LAUNCH bucket")), 1);
    assert_eq!(count(&pages, &f("launch iam")), 0);
    assert_eq!(count(&pages, &f("TÌM HIỂU")), 1, "non-ASCII folding");
    assert_eq!(count(&pages, &f("ôn")), 1);
}

#[test]
fn dates_overlap_and_undated_tasks_excluded() {
    let pages = sample();
    let f = Filter {
        from: Some(date("2025-09-10")),
        to: Some(date("2025-09-15")),
        ..Filter::default()
    };
    // The 09-09..09-10 task overlaps; the 09-15 task is inside; undated excluded.
    assert_eq!(count(&pages, &f), 2);
    let open_end = Filter {
        from: Some(date("2025-09-20")),
        ..Filter::default()
    };
    assert_eq!(
        count(&pages, &open_end),
        1,
        "start-only task counts as one day"
    );
}

#[test]
fn sources_are_path_prefixes() {
    let pages = sample();
    let f = Filter {
        sources: vec!["alice/".into()],
        ..Filter::default()
    };
    assert_eq!(count(&pages, &f), 4);
    assert!(path_within("alice/week1/_index.md", "alice"));
    assert!(!path_within("alicia/week1.md", "alice"));
    assert!(path_within("bob/week3.md", "bob/week3.md"));
    assert!(path_within(r"C:\logs\a.md", r"C:\logs"));
}

#[test]
fn week_ranges_parse_and_merge() {
    assert_eq!("3".parse::<WeekRange>(), Ok(WeekRange::single(3)));
    assert_eq!("7-5".parse::<WeekRange>(), Ok(WeekRange::new(5, 7)));
    assert_eq!("Week 4".parse::<WeekRange>(), Ok(WeekRange::single(4)));
    assert_eq!("w2..w3".parse::<WeekRange>(), Ok(WeekRange::new(2, 3)));
    assert!("x".parse::<WeekRange>().is_err());
    assert!("99999999999".parse::<WeekRange>().is_err());
    assert!("-".parse::<WeekRange>().is_err());
    let merged = merge_ranges(vec![
        WeekRange::new(5, 7),
        WeekRange::single(3),
        WeekRange::single(4),
        WeekRange::single(10),
    ]);
    assert_eq!(merged, vec![WeekRange::new(3, 7), WeekRange::single(10)]);
}

#[test]
fn query_round_trip() {
    let state = ViewState {
        sources: vec![
            "https://example.org/a b/index.json".into(),
            "weeks/w1.md".into(),
        ],
        view: View::Tasks,
        filter: Filter {
            services: vec!["kms".into(), "ec2".into()],
            categories: vec!["Security, Identity & Compliance".into()],
            weeks: vec![WeekRange::single(3), WeekRange::new(5, 7)],
            from: Some(date("2025-09-01")),
            to: Some(date("2025-10-31")),
            text: "a&b=c+d #x 100%".into(),
            language: Some(Language::Vi),
            sources: vec!["alice".into()],
            ..Filter::default()
        },
        sort: Some(Sort {
            column: SortColumn::Start,
            descending: true,
        }),
        group: Group::Service,
        lanes: Lanes::Service,
        ui: Some(Language::En),
        ..ViewState::default()
    };
    let q = state.to_query();
    assert_eq!(
        q,
        "src=https://example.org/a%20b/index.json&src=weeks/w1.md&view=tasks\
         &service=ec2&service=kms&category=security-identity-compliance&week=3&week=5-7\
         &from=2025-09-01&to=2025-10-31&q=a%26b%3Dc%2Bd%20%23x%20100%25&lang=vi&source=alice\
         &sort=-start&group=service&lanes=service&ui=en"
    );
    let back = ViewState::from_query(&q);
    let mut expected = state.clone();
    expected.filter.normalize();
    assert_eq!(back, expected);
    assert_eq!(back.to_query(), q, "canonical form is a fixed point");
    assert_eq!(ViewState::from_query(&format!("?{q}")), expected);
}

#[test]
fn ui_language_is_read_apart_from_the_page_language_filter() {
    let s = ViewState::from_query("ui=VI&lang=en");
    assert_eq!(s.ui, Some(Language::Vi));
    assert_eq!(s.filter.language, Some(Language::En));
    assert_eq!(s.to_query(), "lang=en&ui=vi");
    // Unknown values are ignored; the last valid one wins.
    assert_eq!(ViewState::from_query("ui=fr").ui, None);
    assert_eq!(ViewState::from_query("ui=vi&ui=xx").ui, Some(Language::Vi));
    assert_eq!(ViewState::from_query("ui=vi&ui=en").ui, Some(Language::En));
    assert_eq!(ViewState::from_query("ui=").to_query(), "");
}

#[test]
fn defaults_are_omitted() {
    assert_eq!(ViewState::default().to_query(), "");
    assert_eq!(ViewState::from_query(""), ViewState::default());
    let s = ViewState::from_query("view=weeks&group=none&lanes=week");
    assert_eq!(s, ViewState::default());
    assert_eq!(s.to_query(), "");
}

#[test]
fn comma_lists_and_plus_spaces() {
    let s = ViewState::from_query("service=s3,EC2&service=kms&week=1,3-4&q=hello+world");
    assert_eq!(s.filter.services, vec!["ec2", "kms", "s3"]);
    assert_eq!(
        s.filter.weeks,
        vec![WeekRange::single(1), WeekRange::new(3, 4)]
    );
    assert_eq!(s.filter.text, "hello world");
}

#[test]
fn junk_queries_are_tolerated() {
    let junk = [
        "&&&==&",
        "view=nope&sort=sideways&group=??&lanes=&lang=fr",
        "from=2025-13-45&to=yesterday&week=abc&week=5-&week=-&week=99999999999999",
        "%%%%&%ZZ=%GG&=x&src=",
        "q=%E0%A4%A&service=%FF%FE",
        "src=a&src=a&view=TIMELINE&sort=-START",
        "#view=tasks",
    ];
    for q in junk {
        let s = ViewState::from_query(q);
        // Whatever was kept must round-trip.
        assert_eq!(ViewState::from_query(&s.to_query()), s, "query {q:?}");
    }
    let s = ViewState::from_query("view=TIMELINE&sort=-START&src=a&src=a");
    assert_eq!(s.view, View::Timeline);
    assert_eq!(
        s.sort,
        Some(Sort {
            column: SortColumn::Start,
            descending: true
        })
    );
    assert_eq!(s.sources, vec!["a", "a"], "src keeps order and repeats");
    let s = ViewState::from_query("from=2025-13-45&week=abc&lang=fr");
    assert_eq!(s, ViewState::default());
}

#[test]
fn from_after_to_is_swapped() {
    let s = ViewState::from_query("from=2025-10-01&to=2025-09-01");
    assert_eq!(s.filter.from, Some(date("2025-09-01")));
    assert_eq!(s.filter.to, Some(date("2025-10-01")));
}

#[test]
fn slug_and_loose_eq() {
    assert_eq!(
        slug("Security, Identity & Compliance"),
        "security-identity-compliance"
    );
    assert_eq!(slug("  Compute "), "compute");
    assert!(loose_eq(
        "Security, Identity & Compliance",
        "security-identity-compliance"
    ));
    assert!(!loose_eq("Compute", "containers"));
}

#[test]
fn facets_exclude_their_own_selection() {
    let pages = sample();
    let filter = Filter {
        services: vec!["s3".into()],
        language: Some(Language::En),
        ..Filter::default()
    };
    let f = facets_over(&pages, &filter);
    assert_eq!(f.total, 1, "s3 AND en");
    // Service facet ignores the service selection but keeps lang=en: 3 English tasks.
    let get = |v: &[FacetCount<String>], id: &str| {
        v.iter()
            .find(|c| c.value == id)
            .map(|c| (c.count, c.selected))
    };
    assert_eq!(get(&f.services, "s3"), Some((1, true)));
    assert_eq!(get(&f.services, "iam"), Some((1, false)));
    assert_eq!(get(&f.services, "kms"), Some((1, false)));
    // Language facet ignores lang but keeps s3: one en, one vi.
    let langs: Vec<_> = f.languages.iter().map(|c| (c.value, c.count)).collect();
    assert_eq!(langs, vec![(Language::En, 1), (Language::Vi, 1)]);
    // Weeks facet under s3 AND en: week 1 only.
    let weeks: Vec<_> = f.weeks.iter().map(|c| (c.value, c.count)).collect();
    assert_eq!(weeks, vec![(1, 1)]);
    let srcs: Vec<_> = f
        .sources
        .iter()
        .map(|c| (c.label.as_str(), c.count))
        .collect();
    assert_eq!(srcs, vec![("alice", 1)]);
}

#[test]
fn catalogue_parents_and_categories() {
    let pages = vec![page(
        "c/w1.md",
        1,
        Some(Language::En),
        vec![
            task(
                "Open port 22 in a security group",
                &["security-group"],
                None,
                None,
            ),
            task("Rotate keys", &["kms"], None, None),
            task("Launch an instance", &["ec2"], None, None),
        ],
    )];
    let by_service = |id: &str| Filter {
        services: vec![id.into()],
        ..Filter::default()
    };
    assert_eq!(
        count(&pages, &by_service("vpc")),
        1,
        "feature under its parent"
    );
    assert_eq!(count(&pages, &by_service("security-group")), 1);
    let by_category = |c: &str| Filter {
        categories: vec![c.into()],
        ..Filter::default()
    };
    assert_eq!(
        count(&pages, &by_category("security-identity-compliance")),
        1
    );
    assert_eq!(
        count(&pages, &by_category("Security, Identity & Compliance")),
        1,
        "category names are accepted"
    );
    let f = facets_over(&pages, &by_category("security-identity-compliance"));
    let sic = f
        .categories
        .iter()
        .find(|c| c.value == "security-identity-compliance")
        .map(|c| (c.count, c.selected, c.label.as_str()));
    assert_eq!(sic, Some((1, true, "Security, Identity & Compliance")));
    // Services are counted under the category selection: only KMS is left.
    assert_eq!(f.services.len(), 1);
    let all = facets_over(&pages, &Filter::default());
    assert!(all
        .services
        .iter()
        .any(|c| c.value == "vpc" && c.count == 1));
}

#[test]
fn selected_but_absent_options_still_listed() {
    let pages = sample();
    let filter = Filter {
        services: vec!["lambda".into()],
        ..Filter::default()
    };
    let f = facets_over(&pages, &filter);
    assert_eq!(f.total, 0);
    assert!(f
        .services
        .iter()
        .any(|c| c.value == "lambda" && c.selected && c.count == 0));
}

#[test]
fn cohort_parameters_round_trip() {
    let q = "src=a.md&view=cohort&source=an/fcj-report&group=intern&cohort=cohorts/fall.json\
             &csort=-progress&ctab=labs&similar=hide&heat=interns";
    let s = ViewState::from_query(q);
    assert_eq!(s.view, View::Cohort);
    assert_eq!(s.group, Group::Intern);
    assert_eq!(s.cohort.as_deref(), Some("cohorts/fall.json"));
    assert_eq!(
        s.cohort_sort,
        Some(CohortSort {
            key: crate::cohort::SortKey::Progress,
            descending: true
        })
    );
    assert_eq!(s.cohort_tab, CohortTab::Labs);
    assert_eq!(s.filter.similar, SimilarRows::Hide);
    assert_eq!(s.heat, HeatAxis::Interns);
    assert_eq!(
        s.to_query(),
        "src=a.md&cohort=cohorts/fall.json&view=cohort&source=an/fcj-report&group=intern\
         &csort=-progress&ctab=labs&similar=hide&heat=interns"
    );
    assert_eq!(ViewState::from_query(&s.to_query()), s);
    // Defaults and unknown values are left out; an empty cohort is none.
    let d = ViewState::from_query("cohort=&csort=size&ctab=matrix&similar=show&heat=weeks&ctab=x");
    assert_eq!(d, ViewState::default());
    assert_eq!(
        ViewState::from_query("csort=last")
            .cohort_sort
            .map(|s| s.to_string()),
        Some("last-dated".to_string())
    );
}

#[test]
fn today_round_trips_and_bad_days_are_ignored() {
    let s = ViewState::from_query("view=cohort&cohort=c.json&today=2025-11-26");
    assert_eq!(s.today, Some(date("2025-11-26")));
    assert_eq!(s.to_query(), "cohort=c.json&view=cohort&today=2025-11-26");
    assert_eq!(ViewState::from_query(&s.to_query()), s);
    // After every other parameter in the canonical order.
    let all = ViewState::from_query("today=2025-09-08&heat=interns&similar=only&q=x");
    assert_eq!(
        all.to_query(),
        "q=x&similar=only&heat=interns&today=2025-09-08"
    );
    for bad in [
        "today=",
        "today=26/11/2025",
        "today=2025-02-30",
        "today=tomorrow",
    ] {
        assert_eq!(ViewState::from_query(bad).today, None, "{bad}");
        assert_eq!(ViewState::from_query(bad).to_query(), "", "{bad}");
    }
    // The last valid one wins, like every other single-valued parameter.
    assert_eq!(
        ViewState::from_query("today=2025-09-08&today=x&today=2025-10-01").today,
        Some(date("2025-10-01"))
    );
}

/// A sentence long enough to be compared (six words or more), written by several interns.
const COPIED: &str =
    "Deployed the sample web application on Amazon ECS behind an Application Load Balancer";

/// Two interns (alice, bob) of one week each; both wrote [`COPIED`] (bob with a word changed),
/// plus rows of their own. Rows: alice 0 (copied), 1; bob 2 (copied), 3.
fn copied_pair() -> crate::Collection {
    let en = Some(Language::En);
    let week = |who: &str, rows: Vec<Task>| {
        page(
            &format!("{who}/content/1-Worklog/1.1-Week1/_index.md"),
            1,
            en,
            rows,
        )
    };
    crate::Collection::new(vec![
        week(
            "alice",
            vec![
                task(COPIED, &["ecs"], Some("2025-09-08"), None),
                task(
                    "Wrote a Lambda function that resizes the images uploaded to the bucket",
                    &["lambda"],
                    Some("2025-09-09"),
                    None,
                ),
            ],
        ),
        week(
            "bob",
            vec![
                task(
                    &COPIED.replace("sample", "demo"),
                    &["ecs"],
                    Some("2025-09-08"),
                    None,
                ),
                task("Team meeting", &[], Some("2025-09-10"), None),
            ],
        ),
    ])
}

fn with_similar(similar: SimilarRows) -> Filter {
    Filter {
        similar,
        ..Filter::default()
    }
}

fn texts(c: &crate::Collection, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .filter_map(|&i| c.rows()[i as usize].resolve(c))
        .map(|(_, t)| t.text.chars().take(12).collect())
        .collect()
}

#[test]
fn the_similar_kind_shows_hides_or_isolates_rows_copied_across_interns() {
    let c = copied_pair();
    assert_eq!(c.internships().len(), 2, "alice and bob");
    let show = select_rows(&c, &Filter::default());
    let hide = select_rows(&c, &with_similar(SimilarRows::Hide));
    let only = select_rows(&c, &with_similar(SimilarRows::Only));
    assert_eq!(show.len(), 4);
    assert_eq!(texts(&c, &only), ["Deployed the", "Deployed the"]);
    assert_eq!(texts(&c, &hide), ["Wrote a Lamb", "Team meeting"]);
    // Hidden and isolated rows split the shown ones.
    let mut both = [hide.clone(), only.clone()].concat();
    both.sort_unstable();
    assert_eq!(both, show);
    // It combines with the other kinds by AND.
    let bob_only = Filter {
        sources: vec!["bob".into()],
        similar: SimilarRows::Only,
        ..Filter::default()
    };
    assert_eq!(select_rows(&c, &bob_only).len(), 1);
    assert!(!with_similar(SimilarRows::Hide).is_empty());
    assert!(with_similar(SimilarRows::Show).is_empty());
}

#[test]
fn the_similar_rows_given_are_the_ones_used() {
    let c = copied_pair();
    let computed = crate::similar::Similarity::compute(&c);
    assert_eq!(computed.rows.len(), 2);
    let only = with_similar(SimilarRows::Only);
    assert_eq!(
        select_rows_with(&c, &only, Some(&computed)),
        select_rows(&c, &only)
    );
    // No similar row known (the app while pages still load): `only` shows none, `hide` all.
    let none = crate::similar::Similarity::default();
    assert!(select_rows_with(&c, &only, Some(&none)).is_empty());
    assert_eq!(
        select_rows_with(&c, &with_similar(SimilarRows::Hide), Some(&none)).len(),
        4
    );
    // A bare matcher knows no similar row either; the row-level test says so.
    let m = only.matcher();
    assert!(!c.rows().iter().any(|r| m.row_matches(&c, r)));
    let m = only.matcher_in(&c, None);
    assert_eq!(c.rows().iter().filter(|r| m.row_matches(&c, r)).count(), 2);
    assert!(m.similar_ok(0, 0) && !m.similar_ok(0, 1));
}

#[test]
fn facet_counts_respect_the_similar_kind() {
    let c = copied_pair();
    let all = facets(&c, &Filter::default());
    assert_eq!(all.total, 4);
    let only = facets(&c, &with_similar(SimilarRows::Only));
    assert_eq!(only.total, 2);
    let count_of = |f: &Facets, id: &str| {
        f.services
            .iter()
            .find(|s| s.value == id)
            .map_or(0, |s| s.count)
    };
    assert_eq!(count_of(&only, "ecs"), 2);
    assert_eq!(
        count_of(&only, "lambda"),
        0,
        "the Lambda row is nobody else's"
    );
    let interns: Vec<(String, usize)> = only
        .sources
        .iter()
        .map(|s| (s.value.clone(), s.count))
        .collect();
    assert_eq!(interns, [("alice".to_string(), 1), ("bob".to_string(), 1)]);
    let hide = facets(&c, &with_similar(SimilarRows::Hide));
    assert_eq!(hide.total, 2);
    assert_eq!(count_of(&hide, "lambda"), 1);
    assert_eq!(count_of(&hide, "ecs"), 0);
    assert_eq!(hide.weeks.iter().map(|w| w.count).sum::<usize>(), 2);
    assert_eq!(hide.languages.iter().map(|l| l.count).sum::<usize>(), 2);
    let given = facets_with(
        &c,
        &with_similar(SimilarRows::Hide),
        Some(&crate::similar::Similarity::compute(&c)),
    );
    assert_eq!(given, hide);
}

#[test]
fn exports_apply_the_similar_kind_through_the_collection() {
    let c = copied_pair();
    let only = with_similar(SimilarRows::Only);
    let kept = crate::export::filtered_in(&c, &only, None);
    assert_eq!(kept.len(), 2, "both pages keep their copied row");
    assert!(kept.iter().all(|(_, p)| p.tasks.len() == 1));
    let hide = crate::export::filtered_in(&c, &with_similar(SimilarRows::Hide), None);
    let kept_texts: Vec<&str> = hide
        .iter()
        .flat_map(|(_, p)| p.tasks.iter().map(|t| t.text.as_str()))
        .collect();
    assert_eq!(kept_texts.len(), 2);
    assert!(!kept_texts.iter().any(|t| t.contains("Load Balancer")));
    // Pages alone cannot tell a similar row: the pages-only export leaves the kind out.
    let pages_only = crate::export::filtered_indexed(c.pages(), &only);
    assert_eq!(
        pages_only.iter().map(|(_, p)| p.tasks.len()).sum::<usize>(),
        4
    );
}

/// `row_matches` checks the kinds cheapest first and stops early; it must say what all the
/// kinds of `row_kinds` say, and `select_with` what the row-by-row definition gives.
#[test]
fn the_short_cut_match_and_the_one_pass_selection_agree_with_every_kind() {
    let mut pages = sample();
    // A folded twin: the English week 2 beside the Vietnamese one.
    pages.push(page(
        "alice/week2/_index.md",
        2,
        Some(Language::En),
        vec![task(
            "Learn Amazon S3",
            &["s3"],
            Some("2025-09-15"),
            Some("2025-09-15"),
        )],
    ));
    let multi = Page {
        weeks: vec![4, 5],
        ..page(
            "bob/week4-5.md",
            4,
            Some(Language::En),
            vec![task("Deploy ECS", &["ecs"], None, None)],
        )
    };
    pages.push(multi);
    let c = crate::Collection::new(pages);
    for query in [
        "",
        "service=s3",
        "service=ec2,kms",
        "category=storage",
        "week=2",
        "week=5",
        "week=1-3",
        "lang=vi",
        "lang=en&service=s3",
        "q=s3",
        "q=amazon%20s3",
        "from=2025-09-09&to=2025-09-15",
        "src=alice",
        "src=bob&service=kms",
        "src=nobody",
        "similar=hide",
        "similar=only",
    ] {
        let filter = crate::query::ViewState::from_query(query).filter;
        let matcher = filter.matcher_in(&c, None);
        let fold = matcher.folds_twins();
        let (mut rows, mut folded) = (Vec::new(), 0);
        for (i, row) in c.rows().iter().enumerate() {
            let every_kind = matcher.row_kinds(&c, row).is_some_and(|k| k.all());
            assert_eq!(matcher.row_matches(&c, row), every_kind, "{query}: row {i}");
            match (every_kind, fold && row.twin_of.is_some()) {
                (true, true) => folded += 1,
                (true, false) => rows.push(i as u32),
                _ => {}
            }
        }
        if query.is_empty() {
            assert!(folded > 0, "the sample has a folded twin");
        }
        let selection = select_with(&c, &filter, None);
        assert_eq!(selection, Selection { rows, folded }, "{query}");
    }
}
