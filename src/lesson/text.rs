//! A lesson's text: its Markdown as the worker read it (the note cells' reader), drawn element
//! by element, with the numbers it states computed from the lesson's notebook as it starts
//! ("…" until that has run).

use crate::components::markdown::render_markdown;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::lessons::{pieces, Piece, Quantity};
use latih_engine::notebook::NoteNode;
use leptos::prelude::*;

/// A text of a lesson, read: its nodes, and the quantities its placeholders stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadText {
    pub nodes: Vec<NoteNode>,
    pub quantities: Vec<Quantity>,
}

/// A lesson's `##` headings are the page's h2s, under its title.
const LESSON_HEADINGS: u8 = 1;

#[component]
pub fn LessonText(text: ReadText, start: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let quantities = text.quantities;
    let words = move |words: String| -> AnyView {
        pieces(&words)
            .into_iter()
            .map(|piece| match piece {
                Piece::Words(w) => w.to_string().into_any(),
                Piece::Placeholder(index) => {
                    let quantity = quantities.get(index).cloned();
                    let shown = move || {
                        let quantity = quantity.as_ref()?;
                        let value = start.outputs.with(|outputs| quantity.value(outputs).ok());
                        Some(value.map_or_else(
                            || "…".to_string(),
                            |value| latih_i18n::quantity_text(i18n.lang(), quantity, value),
                        ))
                    };
                    view! { <span class="quantity">{shown}</span> }.into_any()
                }
            })
            .collect_view()
            .into_any()
    };
    render_markdown(text.nodes, LESSON_HEADINGS, &words)
}
