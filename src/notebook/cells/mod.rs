//! One component per kind of cell: its form above, its output below.

mod dataset;
mod evaluate;
mod split;
mod train;

use super::output::CellError;
use super::NotebookState;
use crate::i18n::use_i18n;
use latih_engine::notebook::{Cell, CellOutput};
use leptos::prelude::*;

/// Renders cell `index` of the notebook in its frame: numbered heading, form, output.
#[component]
pub fn NotebookCell(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    // The cell's kind is fixed for the life of this view; its fields are read reactively inside.
    let Some(cell) = state.doc.with_untracked(|nb| nb.cells.get(index).cloned()) else {
        return ().into_any();
    };
    let (title_key, body) = match cell {
        Cell::Dataset(_) => (
            "cell-dataset-title",
            view! { <dataset::DatasetCellView state index /> }.into_any(),
        ),
        Cell::Split(_) => (
            "cell-split-title",
            view! { <split::SplitCellView state index /> }.into_any(),
        ),
        Cell::Train(_) => (
            "cell-train-title",
            view! { <train::TrainCellView state index /> }.into_any(),
        ),
        Cell::Evaluate(_) => (
            "cell-evaluate-title",
            view! { <evaluate::EvaluateCellView state index /> }.into_any(),
        ),
    };
    let heading_id = format!("cell-{index}-heading");
    view! {
        <section class="cell" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{format!("{}. ", index + 1)}{move || i18n.tr(title_key)}</h2>
            {body}
        </section>
    }
    .into_any()
}

/// The cell's output when it ran, its error when it failed, nothing before it runs.
pub fn show_output(
    state: NotebookState,
    index: usize,
    render: impl Fn(CellOutput) -> Option<AnyView> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="cell-output" aria-live="polite">
            {move || match state.output(index) {
                Some(Ok(output)) => render(output),
                Some(Err(error)) => Some(view! { <CellError error=error /> }.into_any()),
                None => None,
            }}
        </div>
    }
}
