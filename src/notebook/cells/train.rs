//! The train cell: a decision tree with `max_depth` and `min_samples_split`.

use super::show_output;
use crate::components::fields::NumberField;
use crate::components::score::Score;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::models::{DecisionTreeParams, ModelSpec};
use latih_engine::notebook::{CellOutput, TrainCell};
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn TrainCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let ModelSpec::DecisionTree(initial) = state
        .cell_untracked::<TrainCell>(index)
        .unwrap_or_default()
        .model;
    let edit = move |change: &dyn Fn(&mut DecisionTreeParams)| {
        state.edit(index, |t: &mut TrainCell| {
            let ModelSpec::DecisionTree(params) = &mut t.model;
            change(params);
        })
    };
    // Empty means no limit, as scikit-learn's max_depth=None; 0 reaches the engine, which
    // explains why it is not allowed.
    let set_max_depth = Callback::new(move |text: String| {
        if text.is_empty() {
            edit(&|p| p.max_depth = None);
            return true;
        }
        match text.parse::<u32>() {
            Ok(depth) => {
                edit(&|p| p.max_depth = Some(depth));
                true
            }
            Err(_) => false,
        }
    });
    let set_min_split = Callback::new(move |text: String| match text.parse::<u32>() {
        Ok(n) => {
            edit(&|p| p.min_samples_split = n);
            true
        }
        Err(_) => false,
    });
    view! {
        <div class="cell-form">
            <NumberField
                id="max-depth"
                label_key="field-max-depth"
                hint_key="field-max-depth-hint"
                initial=initial.max_depth.map(|d| d.to_string()).unwrap_or_default()
                accept=set_max_depth
            />
            <NumberField
                id="min-samples-split"
                label_key="field-min-samples-split"
                initial=initial.min_samples_split.to_string()
                accept=set_min_split
            />
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Train(out) => {
                let count = move |n: usize| format_count(i18n.lang(), n);
                let one_hot = (!out.one_hot_columns.is_empty()).then(|| {
                    let columns = out.one_hot_columns.join(", ");
                    view! { <p>{move || i18n.trf("out-one-hot", &[("columns", columns.clone())])}</p> }
                });
                let accuracy = out.train_accuracy;
                Some(
                    view! {
                        <p>{move || i18n.trf("out-tree-shape", &[
                            ("depth", out.depth.to_string()),
                            ("leaves", count(out.leaves)),
                            ("features", count(out.features)),
                        ])}</p>
                        {one_hot}
                        <dl class="metrics">
                            <Score label_key="out-train-accuracy" value=accuracy />
                        </dl>
                    }
                    .into_any(),
                )
            }
            _ => None,
        })}
    }
}
