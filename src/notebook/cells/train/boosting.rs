//! The form of gradient-boosted trees, with scikit-learn's `HistGradientBoostingClassifier`
//! names and defaults.

use super::{decimal, edit_model, optional_whole};
use crate::components::fields::whole;
use crate::components::fields::{CheckboxField, NumberField};
use crate::i18n::use_i18n;
use crate::notebook::cells::field_id;
use crate::notebook::NotebookState;
use latih_engine::models::{GradientBoostingParams, ModelSpec};
use latih_i18n::format_number;
use leptos::prelude::*;

#[component]
pub fn BoostingFields(
    state: NotebookState,
    index: usize,
    params: GradientBoostingParams,
) -> impl IntoView {
    let i18n = use_i18n();
    let boosting = move |change: &dyn Fn(&mut GradientBoostingParams)| {
        edit_model(state, index, |m| {
            if let ModelSpec::GradientBoosting(p) = m {
                change(p);
            }
        })
    };
    let set_rate = decimal(move |x| boosting(&|p| p.learning_rate = x));
    let set_l2 = decimal(move |x| boosting(&|p| p.l2_regularization = x));
    let set_rounds = whole(move |n| boosting(&|p| p.max_iter = n));
    let set_leaves = whole(move |n| boosting(&|p| p.max_leaf_nodes = n));
    let set_min_leaf = whole(move |n| boosting(&|p| p.min_samples_leaf = n));
    let set_seed = whole(move |n| boosting(&|p| p.seed = u64::from(n)));
    // Empty means no limit, as scikit-learn's max_depth=None.
    let set_depth = optional_whole(move |depth| boosting(&|p| p.max_depth = depth));
    let set_early = Callback::new(move |on: bool| boosting(&|p| p.early_stopping = on));
    view! {
        <NumberField
            id=field_id(index, "boosting-learning-rate")
            label_key="field-boosting-learning-rate"
            initial=format_number(i18n.lang(), params.learning_rate)
            accept=set_rate
        />
        <NumberField
            id=field_id(index, "boosting-rounds")
            label_key="field-boosting-rounds"
            initial=params.max_iter.to_string()
            accept=set_rounds
        />
        <NumberField
            id=field_id(index, "max-leaf-nodes")
            label_key="field-max-leaf-nodes"
            initial=params.max_leaf_nodes.to_string()
            accept=set_leaves
        />
        <NumberField
            id=field_id(index, "boosting-max-depth")
            label_key="field-max-depth"
            hint_key="field-max-depth-hint"
            initial=params.max_depth.map(|d| d.to_string()).unwrap_or_default()
            accept=set_depth
        />
        <NumberField
            id=field_id(index, "min-samples-leaf")
            label_key="field-min-samples-leaf"
            initial=params.min_samples_leaf.to_string()
            accept=set_min_leaf
        />
        <NumberField
            id=field_id(index, "l2-regularization")
            label_key="field-l2-regularization"
            initial=format_number(i18n.lang(), params.l2_regularization)
            accept=set_l2
        />
        <CheckboxField
            id=field_id(index, "boosting-early-stopping")
            label_key="field-boosting-early-stopping"
            checked=params.early_stopping
            on_change=set_early
        />
        <NumberField
            id=field_id(index, "boosting-seed")
            label_key="field-boosting-seed"
            initial=params.seed.to_string()
            accept=set_seed
        />
    }
}
