//! The form of linear regression: the penalty, and the settings that penalty has (its strength,
//! the elastic net's mix, the iterations coordinate descent may take).

use super::{decimal, edit_model};
use crate::components::fields::whole;
use crate::components::fields::{translated_options, NumberField, SelectField};
use crate::i18n::use_i18n;
use crate::notebook::cells::field_id;
use crate::notebook::NotebookState;
use latih_engine::models::{LinearRegressionParams, ModelSpec, Penalty};
use latih_engine::notebook::TrainCell;
use latih_i18n::format_number;
use leptos::prelude::*;

const PENALTIES: [(&str, &str); 4] = [
    ("none", crate::key!("penalty-none")),
    ("ridge", crate::key!("penalty-ridge")),
    ("lasso", crate::key!("penalty-lasso")),
    ("elastic_net", crate::key!("penalty-elastic-net")),
];

fn penalty_value(penalty: Penalty) -> &'static str {
    match penalty {
        Penalty::None => "none",
        Penalty::Ridge => "ridge",
        Penalty::Lasso => "lasso",
        Penalty::ElasticNet => "elastic_net",
    }
}

#[component]
pub fn LinearFields(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let params = move || match state.cell::<TrainCell>(index).map(|t| t.model) {
        Some(ModelSpec::LinearRegression(p)) => p,
        _ => LinearRegressionParams::default(),
    };
    let linear = move |change: &dyn Fn(&mut LinearRegressionParams)| {
        edit_model(state, index, |m| {
            if let ModelSpec::LinearRegression(p) = m {
                change(p);
            }
        })
    };
    let penalty = Memo::new(move |_| params().penalty);
    let set_penalty = Callback::new(move |value: String| {
        let chosen = match value.as_str() {
            "ridge" => Penalty::Ridge,
            "lasso" => Penalty::Lasso,
            "elastic_net" => Penalty::ElasticNet,
            _ => Penalty::None,
        };
        linear(&|p| p.penalty = chosen);
    });
    let set_alpha = decimal(move |alpha| linear(&|p| p.alpha = alpha));
    let set_l1_ratio = decimal(move |ratio| linear(&|p| p.l1_ratio = ratio));
    let set_max_iter = whole(move |n| linear(&|p| p.max_iter = n));
    // Each penalty shows only the settings it uses; rebuilt when the penalty changes.
    let penalty_fields = move || {
        let penalty = penalty.get();
        let current = untrack(params);
        let lang = i18n.lang();
        let alpha = (penalty != Penalty::None).then(|| {
            view! {
                <NumberField id=field_id(index, "penalty-alpha") label_key="field-penalty-alpha"
                    initial=format_number(lang, current.alpha) accept=set_alpha />
            }
        });
        let l1_ratio = (penalty == Penalty::ElasticNet).then(|| {
            view! {
                <NumberField id=field_id(index, "l1-ratio") label_key="field-l1-ratio"
                    initial=format_number(lang, current.l1_ratio) accept=set_l1_ratio />
            }
        });
        // Least squares and ridge are solved in one step; the others iterate.
        let max_iter = matches!(penalty, Penalty::Lasso | Penalty::ElasticNet).then(|| {
            view! {
                <NumberField id=field_id(index, "linear-max-iter") label_key="field-max-iter"
                    initial=current.max_iter.to_string() accept=set_max_iter />
            }
        });
        view! { {alpha} {l1_ratio} {max_iter} }
    };
    view! {
        <p class="hint">{i18n.text("model-linear-regression-hint")}</p>
        <SelectField
            id=field_id(index, "penalty")
            label_key="field-penalty"
            options=translated_options(&PENALTIES)
            selected=Signal::derive(move || penalty_value(penalty.get()).to_string())
            on_change=set_penalty
        />
        {penalty_fields}
    }
}
