//! One component per kind of cell: its form above, its output below.

mod boundary;
mod clusters;
mod dataset;
mod evaluate;
mod explore;
mod note;
mod own_data;
mod predict;
mod regression;
mod split;
mod sql;
mod step_form;
mod steps;
mod train;
mod tune;

pub(crate) use train::model_key;

use super::exports::Exports;
use super::output::CellError;
use super::run_status::RunFailureOnCell;
use super::NotebookState;
use crate::i18n::use_i18n;
use crate::maps::Map;
use latih_engine::notebook::{Cell, CellOutput};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Renders cell `index` of the notebook in its frame: numbered heading, form, output.
#[component]
pub fn NotebookCell(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    // The cell's kind is fixed for the life of this view; its fields are read reactively inside.
    let Some(cell) = state.doc.with_untracked(|nb| nb.cells.get(index).cloned()) else {
        return ().into_any();
    };
    let slot = OutputSlots::here().new_slot(index);
    let (title_key, body) = match &cell {
        Cell::Dataset(_) => (
            crate::key!("cell-dataset-title"),
            view! { <dataset::DatasetCellView state index /> }.into_any(),
        ),
        Cell::Split(_) => (
            crate::key!("cell-split-title"),
            view! { <split::SplitCellView state index /> }.into_any(),
        ),
        Cell::Train(_) => (
            crate::key!("cell-train-title"),
            view! { <train::TrainCellView state index /> }.into_any(),
        ),
        Cell::Evaluate(_) => (
            crate::key!("cell-evaluate-title"),
            view! { <evaluate::EvaluateCellView state index /> }.into_any(),
        ),
        Cell::Note(_) => (
            crate::key!("cell-note-title"),
            view! { <note::NoteCellView state index /> }.into_any(),
        ),
        Cell::Explore(_) => (
            crate::key!("cell-explore-title"),
            view! { <explore::ExploreCellView state index /> }.into_any(),
        ),
        Cell::Tune(_) => (
            crate::key!("cell-tune-title"),
            view! { <tune::TuneCellView state index /> }.into_any(),
        ),
        Cell::Steps(_) => (
            crate::key!("cell-steps-title"),
            view! { <steps::StepsCellView state index /> }.into_any(),
        ),
        Cell::Sql(_) => (
            crate::key!("cell-sql-title"),
            view! { <sql::SqlCellView state index /> }.into_any(),
        ),
        Cell::Clusters(_) => (
            crate::key!("cell-clusters-title"),
            view! { <clusters::ClustersCellView state index /> }.into_any(),
        ),
        Cell::Predict(_) => (
            crate::key!("cell-predict-title"),
            view! { <predict::PredictCellView state index /> }.into_any(),
        ),
        Cell::Boundary(_) => (
            crate::key!("cell-boundary-title"),
            view! { <boundary::BoundaryCellView state index /> }.into_any(),
        ),
    };
    let heading_id = format!("cell-{index}-heading");
    let removable = matches!(cell, Cell::Train(_))
        && state.doc.with_untracked(|nb| {
            nb.cells
                .iter()
                .filter(|c| matches!(c, Cell::Train(_)))
                .count()
                > 1
        });
    let remove = removable.then(|| {
        view! {
            <button type="button" class="remove" on:click=move |_| state.restructure(|nb| {
                nb.remove_model(index);
            })>
                {i18n.text("cell-remove-model")}
            </button>
        }
    });
    let remove_step = matches!(
        cell,
        Cell::Tune(_)
            | Cell::Explore(_)
            | Cell::Note(_)
            | Cell::Steps(_)
            | Cell::Sql(_)
            | Cell::Clusters(_)
            | Cell::Predict(_)
            | Cell::Boundary(_)
    )
    .then(|| {
        view! {
            <button type="button" class="remove" on:click=move |_| state.restructure(|nb| {
                nb.cells.remove(index);
            })>
                {i18n.text("cell-remove")}
            </button>
        }
    });
    // Notes have no code, and the steps cell shows each step's.
    let python = (!matches!(cell, Cell::Note(_) | Cell::Steps(_)))
        .then(|| view! { <CellPython state index /> });
    let body_id = format!("cell-{index}-body");
    let collapsed = move || state.collapsed.with(|set| set.contains_key(&index));
    view! {
        <section class="cell" aria-labelledby=heading_id.clone() on:keydown=move |ev| shortcut(&ev, index)>
            <div class="cell-head">
                <h2 id=heading_id.clone() tabindex="-1">{format!("{}. ", index + 1)}{i18n.text(title_key)}</h2>
                <CellTools state index body_id=body_id.clone() />
            </div>
            {move || state.held(index).then(|| view! { <p class="note">{i18n.text("cell-locked")}</p> })}
            // A disabled fieldset disables every control in it, whatever the kind of cell.
            <fieldset id=body_id class="cell-body" hidden=collapsed disabled=move || state.held(index)>
                {body}
                {python}
                {remove}
                {remove_step}
            </fieldset>
            <div class="cell-results" hidden=collapsed>{move || slot.get().map(|output| output())}</div>
            <RunFailureOnCell state index />
        </section>
    }
    .into_any()
}

/// Moving the cell and hiding its contents. After a move the cell's view is rebuilt in its new
/// place, and keyboard focus follows it to the same button (or the other, at an end).
#[component]
fn CellTools(state: NotebookState, index: usize, body_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let count = state.doc.with_untracked(|nb| nb.cells.len());
    let move_to = move |up: bool| {
        state.move_cell(index, up);
        let new_index = if up { index - 1 } else { index + 1 };
        let at_end = if up {
            new_index == 0
        } else {
            new_index + 1 == count
        };
        let button = if up != at_end { "up" } else { "down" };
        focus_after_render(format!("cell-{new_index}-{button}"));
    };
    let collapsed = move || state.collapsed.with(|set| set.contains_key(&index));
    let (first, last) = (index == 0, index + 1 >= count);
    let locked = move || state.doc.with(|nb| nb.is_locked(index));
    let lock = move || {
        state.teaching.get().then(|| {
            view! {
                <button type="button" aria-pressed=move || locked().to_string()
                    on:click=move |_| state.doc.update(|nb| nb.set_locked(index, !nb.is_locked(index)))>
                    {i18n.text("cell-lock")}
                </button>
            }
        })
    };
    view! {
        <div class="cell-tools">
            {lock}
            <button type="button" id=format!("cell-{index}-up") disabled=move || first || state.held(index)
                aria-label=i18n.text("cell-move-up") on:click=move |_| move_to(true)>"↑"</button>
            <button type="button" id=format!("cell-{index}-down") disabled=move || last || state.held(index)
                aria-label=i18n.text("cell-move-down") on:click=move |_| move_to(false)>"↓"</button>
            <button type="button" aria-controls=body_id aria-expanded=move || (!collapsed()).to_string()
                on:click=move |_| state.toggle_collapsed(index)>
                {move || i18n.tr(if collapsed() { crate::key!("cell-expand") } else { crate::key!("cell-collapse") })}
            </button>
        </div>
    }
    .into_any()
}

/// Focuses the element `id` once the views rebuilt by the current change are in the page.
fn focus_after_render(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Shift+Enter anywhere in a cell moves on to the next cell, as in Jupyter (cells run as they
/// change, so there is nothing else to run).
fn shortcut(ev: &leptos::ev::KeyboardEvent, index: usize) {
    if ev.key() == "Enter" && ev.shift_key() && !ev.ctrl_key() && !ev.meta_key() {
        ev.prevent_default();
        let next = format!("cell-{}-heading", index + 1);
        if document().get_element_by_id(&next).is_some() {
            focus_after_render(next);
        }
    }
}

/// The cell's pandas / scikit-learn code, on request; it follows the cell's settings as they
/// change (a worker writes it: see [`super::exports`]).
#[component]
fn CellPython(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let code = move || match &*state.exports.read() {
        Exports::Ready(exported) => exported.python.cells.get(index).cloned().flatten(),
        Exports::Pending => Some(i18n.tr("cell-python-pending")),
        Exports::Failed(reason) => {
            Some(i18n.trf("cell-python-failed", &[("reason", reason.clone())]))
        }
    };
    view! {
        <details class="cell-python">
            <summary>{i18n.text("cell-python")}</summary>
            <pre><code>{code}</code></pre>
        </details>
    }
}

/// A form field's id, unique in the notebook however many cells of a kind it holds.
pub fn field_id(cell: usize, name: &str) -> String {
    format!("cell-{cell}-{name}")
}

/// Callbacks for the two selects of a chart's axes, drawn as (`x`, `y`): choosing one keeps the
/// other as the cell has it (chosen, or as drawn): the run that draws a first choice may not
/// have come when the second is made. `axes` reads the cell's choices, `store` writes both.
fn axis_choice<C: crate::notebook::state::CellKindOf>(
    state: NotebookState,
    index: usize,
    drawn: (String, String),
    axes: fn(&C) -> (Option<String>, Option<String>),
    store: fn(&mut C, String, String),
) -> impl Fn(bool) -> Callback<String> {
    move |across: bool| {
        let drawn = drawn.clone();
        Callback::new(move |name: String| {
            let (x, y) = state
                .cell_untracked::<C>(index)
                .map(|c| axes(&c))
                .unwrap_or_default();
            let (x, y) = (x.unwrap_or(drawn.0.clone()), y.unwrap_or(drawn.1.clone()));
            let (x, y) = if across { (name, y) } else { (x, name) };
            state.edit(index, |c: &mut C| store(c, x, y));
        })
    }
}

/// Where the cells' outputs are drawn: after each cell's form, outside the fieldset that a
/// locked cell disables, so that the output's own controls (a threshold slider, a tree's rules)
/// stay usable in a lesson's locked cells. Each cell's view has its slot, found by the cell's
/// index in one map for the cells drawn together (a component has no owner of its own, so a
/// context per cell would be the last cell's for all, and a cell's view may draw its output
/// later, from a closure).
#[derive(Clone, Copy)]
struct OutputSlots(StoredValue<Map<usize, RwSignal<Option<OutputView>>>>);

impl OutputSlots {
    /// The cells' map here, made if there is none yet (or only one from a drawing of the cells
    /// that is gone).
    fn here() -> Self {
        let live = |slots: &Self| slots.0.try_with_value(|_| ()).is_some();
        use_context::<Self>().filter(live).unwrap_or_else(|| {
            let slots = Self(StoredValue::new(Map::new()));
            provide_context(slots);
            slots
        })
    }

    /// A new slot for the view of cell `index`, in place of an earlier view's.
    fn new_slot(self, index: usize) -> RwSignal<Option<OutputView>> {
        let slot = RwSignal::new(None);
        self.0.update_value(|slots| {
            slots.insert(index, slot);
        });
        slot
    }
}

type OutputView = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// The cell's output when it ran, its error when it failed, nothing before it runs. Drawn in
/// the cell's output slot (see [`OutputSlots`]), or here outside a cell's frame.
pub fn show_output(
    state: NotebookState,
    index: usize,
    render: impl Fn(CellOutput) -> Option<AnyView> + Send + Sync + 'static,
) -> AnyView {
    let render = Arc::new(render);
    let output: OutputView = Arc::new(move || output_view(state, index, render.clone()));
    let slot = use_context::<OutputSlots>()
        .and_then(|slots| slots.0.try_with_value(|slots| slots.get(&index).copied()))
        .flatten();
    match slot {
        Some(slot) => {
            slot.set(Some(output));
            ().into_any()
        }
        None => output(),
    }
}

fn output_view(
    state: NotebookState,
    index: usize,
    render: Arc<impl Fn(CellOutput) -> Option<AnyView> + Send + Sync + 'static>,
) -> AnyView {
    let i18n = use_i18n();
    let stale = move || state.is_stale(index);
    view! {
        <Show when=stale>
            <p class="stale-note">
                {move || i18n.tr(if state.auto_run.get() { crate::key!("cell-stale") } else { crate::key!("cell-stale-manual") })}
            </p>
        </Show>
        <div class="cell-output" class:stale=stale aria-live="polite" aria-busy=move || stale().to_string()>
            {move || match state.output(index) {
                Some(Ok(output)) => render(output),
                Some(Err(error)) => Some(view! { <CellError error=error /> }.into_any()),
                None => None,
            }}
        </div>
    }
    .into_any()
}
