//! The SQL cell: a result name and one SELECT over the notebook's tables; below, the query's
//! state (running, its error) or the result's first rows. The query is sent when the learner
//! leaves the text box or presses "Run the query" (or Ctrl+Enter), not on every key.

use super::dataset::PreviewTable;
use super::{field_id, show_output};
use crate::components::fields::TextField;
use crate::i18n::use_i18n;
use crate::notebook::output::CellError;
use crate::notebook::queries::QueryStatus;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, SqlCell};
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn SqlCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let initial = state.cell_untracked::<SqlCell>(index);
    let (name, query) = initial.map(|c| (c.name, c.query)).unwrap_or_default();
    let draft = RwSignal::new(query);
    let cell = Memo::new(move |_| state.cell::<SqlCell>(index));
    let run = move || {
        let query = draft.get_untracked();
        state.edit(index, |c: &mut SqlCell| c.query = query);
    };
    let query_id = field_id(index, "query");
    let hint_id = format!("{query_id}-hint");
    let status = move || {
        let cell = cell.get()?;
        state.query_status(&cell.name, &cell.query)
    };
    // While the query runs or after it failed, its status says all; the result shown below
    // would be an earlier one.
    let settled = move || {
        !matches!(
            status(),
            Some(QueryStatus::Running | QueryStatus::Failed(_))
        )
    };
    view! {
        <div class="cell-form">
            <TextField
                id=field_id(index, "name")
                label=Signal::derive(move || i18n.tr("field-sql-name"))
                initial=name
                on_input=Callback::new(move |name: String| {
                    state.edit(index, |c: &mut SqlCell| c.name = name);
                })
            />
        </div>
        <div class="field">
            <label for=query_id.clone()>{i18n.text("field-sql-query")}</label>
            <textarea id=query_id rows="5" class="code" spellcheck="false" aria-describedby=hint_id.clone()
                prop:value=move || draft.get_untracked()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:change=move |_| run()
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        run();
                    }
                }></textarea>
            <p class="hint" id=hint_id>{i18n.text("sql-tables-hint")}</p>
        </div>
        <p class="actions">
            <button type="button" on:click=move |_| run()>{i18n.text("sql-run")}</button>
        </p>
        {move || match status() {
            Some(QueryStatus::Running) => Some(view! {
                <p class="note" role="status">{i18n.text("sql-running")}</p>
            }.into_any()),
            Some(QueryStatus::Failed(Ok(error))) => Some(view! { <CellError error /> }.into_any()),
            Some(QueryStatus::Failed(Err(reason))) => Some(view! {
                <p class="cell-error" role="alert">
                    {move || i18n.trf("sql-engine-failed", &[("reason", reason.clone())])}
                </p>
            }.into_any()),
            _ => None,
        }}
        // Its result: hidden while the query runs or after it failed (its slot is drawn apart
        // from the form, so it is emptied, not left out).
        {show_output(state, index, move |output| match output {
            CellOutput::Sql(out) if settled() => {
                let name = cell.get_untracked().map(|c| c.name).unwrap_or_default();
                let count = move |n: usize| format_count(i18n.lang(), n);
                let (rows, columns) = (out.rows, out.column_names.len());
                let shape = move || i18n.trf("out-shape", &[("rows", count(rows)), ("columns", count(columns))]);
                let use_it = {
                    let name = name.clone();
                    move || i18n.trf("sql-use-result", &[("name", name.clone())])
                };
                Some(view! {
                    <p class="shape">{shape}</p>
                    <PreviewTable name header=out.column_names rows=out.preview />
                    <p class="hint">{use_it}</p>
                }.into_any())
            }
            _ => None,
        })}
    }
}
