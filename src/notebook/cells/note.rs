//! The note cell: Markdown written by the learner (or a teacher, in a shared link), shown as text
//! and formatting built element by element from the nodes the worker read it into
//! (`latih_engine::notebook::parse_note`). No HTML from a note ever reaches the page, so nothing
//! in a note can run.

use super::{field_id, show_output};
use crate::components::markdown::render_markdown;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, NoteCell};
use leptos::prelude::*;

/// The cell's own heading is an h2: a note's headings sit below it.
const NOTE_HEADINGS: u8 = 3;

#[component]
pub fn NoteCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let initial = state.cell_untracked::<NoteCell>(index).unwrap_or_default();
    // A new, empty note opens for writing; a written one shows its text until asked.
    let editing = RwSignal::new(initial.text.trim().is_empty());
    let text = Memo::new(move |_| {
        state
            .cell::<NoteCell>(index)
            .map(|c| c.text)
            .unwrap_or_default()
    });
    let id = field_id(index, "note");
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        state.edit(index, |c: &mut NoteCell| c.text = value);
    };
    // Ctrl+Enter (or Shift+Enter, which also moves on) ends writing, as running a Markdown cell
    // in Jupyter does.
    let finish = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.shift_key() || ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            editing.set(false);
        }
    };
    view! {
        <Show when=move || editing.get()>
            <div class="field">
                <label for=id.clone()>{i18n.text("note-label")}</label>
                <textarea id=id.clone() rows="6" on:input=on_input on:keydown=finish prop:value=move || text.get_untracked()></textarea>
                <p class="hint">{i18n.text("note-hint")}</p>
            </div>
        </Show>
        {show_output(state, index, move |output| match output {
            CellOutput::Note(nodes) => Some(view! { <div class="note-text">{render_markdown(nodes, NOTE_HEADINGS, &|words: String| words.into_any())}</div> }.into_any()),
            _ => None,
        })}
        <p class="actions">
            <button type="button" on:click=move |_| editing.update(|e| *e = !*e)>
                {move || i18n.tr(if editing.get() { crate::key!("note-done") } else { crate::key!("note-edit") })}
            </button>
        </p>
    }
}
