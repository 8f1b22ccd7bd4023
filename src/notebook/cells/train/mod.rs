//! The train cell: choose a model and its hyperparameters; see the fitted model's shape, its
//! accuracy on the training rows, and which features it leaned on ([`output`]).
//! The models and their fields come from the engine's declarations ([`params_form`]).

mod output;
mod params_form;

use super::{field_id, show_output};
use crate::components::fields::SelectField;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::models::declare::Value;
use latih_engine::models::ModelSpec;
use latih_engine::notebook::{CellOutput, TrainCell};
use leptos::prelude::*;
use params_form::{param_field, shown_params};

/// The label key of the model `spec` fits, as the model list names it.
pub(crate) fn model_key(spec: &ModelSpec) -> &'static str {
    spec.kind().label
}

/// The settings the two tree models share, kept when switching between them.
const TREE_SETTINGS: [&str; 2] = ["max_depth", "min_samples_split"];

/// A model called `name`; switching between tree models keeps their shared settings.
fn switch_model(previous: &ModelSpec, name: &str) -> ModelSpec {
    let mut next = ModelSpec::named(name).unwrap_or_default();
    let both_trees = TREE_SETTINGS
        .iter()
        .all(|s| next.kind().param(s).is_some() && previous.kind().param(s).is_some());
    if both_trees {
        for setting in TREE_SETTINGS {
            if let Some(value) = previous.get(setting) {
                next.set(setting, &value);
            }
        }
    }
    next
}

#[component]
pub fn TrainCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let spec = Memo::new(move |_| state.cell::<TrainCell>(index).unwrap_or_default().model);
    let model_name = Memo::new(move |_| spec.get().name());
    let choose_model = Callback::new(move |name: String| {
        state.edit(index, |t: &mut TrainCell| {
            t.model = switch_model(&t.model, &name)
        });
    });
    // The models that can learn what the data set above predicts (all of them until it has
    // run), and the one chosen whatever it is, so that the select shows the truth.
    let model_options = Signal::derive(move || {
        let numbers = state.predicts_numbers_above(index);
        let chosen = model_name.get();
        ModelSpec::KINDS
            .iter()
            .filter(|kind| {
                let suits = numbers.is_none_or(|numbers| {
                    if numbers {
                        kind.regressor.is_some()
                    } else {
                        kind.classifier.is_some()
                    }
                });
                kind.name == chosen || suits
            })
            .map(|kind| (kind.name.to_string(), i18n.tr(kind.label)))
            .collect()
    });
    // The fields are rebuilt when the model, or the parameters in use, change (a penalty
    // brings its strength), each starting from the model's current value.
    let shown = Memo::new(move |_| {
        let spec = spec.get();
        let names: Vec<&'static str> = shown_params(&spec).iter().map(|p| p.name).collect();
        (spec.name(), names)
    });
    let fields = move || {
        let _ = shown.get();
        let spec = spec.get_untracked();
        let hint = spec
            .kind()
            .hint
            .map(|key| view! { <p class="hint">{i18n.text(key)}</p> });
        let fields = shown_params(&spec)
            .into_iter()
            .map(|param| {
                let value = spec.get(param.name).unwrap_or(Value::Empty);
                param_field(state, index, param, value)
            })
            .collect_view();
        view! { {hint} {fields} }
    };
    view! {
        <div class="cell-form">
            <SelectField
                id=field_id(index, "model")
                label_key="field-model"
                options=model_options
                selected=Signal::derive(move || model_name.get().to_string())
                on_change=choose_model
            />
            {fields}
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Train(out) => Some(view! { <output::Trained out /> }.into_any()),
            _ => None,
        })}
    }
}
