//! The rest of a week page, folded: every section beside objectives and achievements
//! (learnings, challenges, plan, notes, references, the tasks section's lists) and the text under
//! headings of the intern's own, so nothing the page says is out of reach from its card.

use leptos::prelude::*;
use worklog::{Language, Section};

use crate::components::item_tree::item_list;
use crate::i18n::{messages, text, Lang, Msg};

/// Closed by default: the card stays short, and the count says what the fold holds.
pub fn page_sections(sections: &[Section], page_lang: Option<Language>, ui: Lang) -> AnyView {
    // A heading with nothing under it but the task table (`### Tasks to be carried out this
    // week:`) has nothing to show here: its rows are the tasks.
    let sections: Vec<&Section> = sections.iter().filter(|s| !s.items.is_empty()).collect();
    if sections.is_empty() {
        return ().into_any();
    }
    let count = sections.len();
    view! {
        <details class="week-more" data-testid="week-more">
            <summary lang=ui.code()>{messages::more_from_page(ui, count)}</summary>
            {sections
                .iter()
                .map(|section| {
                    let heading = section.heading.trim();
                    // The heading is the page's words, in the page's language; the stand-in
                    // for a missing one is the interface's.
                    let (heading, lang) = if heading.is_empty() {
                        (text(Msg::NoHeading, ui).to_string(), Some(ui.code()))
                    } else {
                        (heading.to_string(), page_lang.map(|l| l.code()))
                    };
                    view! {
                        <section class="week-section" data-kind=section.kind.code()>
                            <h5 lang=lang>{heading}</h5>
                            {item_list(&section.items)}
                        </section>
                    }
                })
                .collect_view()}
        </details>
    }
    .into_any()
}
