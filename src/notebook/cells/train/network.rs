//! The forms of the models that learn weights by gradient steps: logistic regression and the
//! neural network. Both standardise their features first by default, as a scikit-learn pipeline
//! with `StandardScaler` would, since neither learns well from features of different scales.

use super::{decimal, edit_model, optional_whole};
use crate::components::fields::whole;
use crate::components::fields::{translated_options, CheckboxField, NumberField, SelectField};
use crate::i18n::use_i18n;
use crate::notebook::cells::field_id;
use crate::notebook::NotebookState;
use latih_engine::models::{Activation, LogisticRegressionParams, MlpParams, ModelSpec, Solver};
use latih_i18n::format_number;
use leptos::prelude::*;

#[component]
pub fn LogisticFields(
    state: NotebookState,
    index: usize,
    params: LogisticRegressionParams,
) -> impl IntoView {
    let i18n = use_i18n();
    let logistic = move |change: &dyn Fn(&mut LogisticRegressionParams)| {
        edit_model(state, index, |m| {
            if let ModelSpec::LogisticRegression(p) = m {
                change(p);
            }
        })
    };
    let set_c = decimal(move |c| logistic(&|p| p.c = c));
    let set_max_iter = whole(move |n| logistic(&|p| p.max_iter = n));
    let set_standardize = Callback::new(move |on: bool| logistic(&|p| p.standardize = on));
    view! {
        <NumberField
            id=field_id(index, "c")
            label_key="field-c"
            hint_key="field-c-hint"
            initial=format_number(i18n.lang(), params.c)
            accept=set_c
        />
        <NumberField
            id=field_id(index, "max-iter")
            label_key="field-max-iter"
            initial=params.max_iter.to_string()
            accept=set_max_iter
        />
        <CheckboxField
            id=field_id(index, "standardize")
            label_key="field-standardize"
            checked=params.standardize
            on_change=set_standardize
        />
    }
}

#[component]
pub fn NetworkFields(state: NotebookState, index: usize, params: MlpParams) -> impl IntoView {
    let i18n = use_i18n();
    let network = move |change: &dyn Fn(&mut MlpParams)| {
        edit_model(state, index, |m| {
            if let ModelSpec::NeuralNetwork(p) = m {
                change(p);
            }
        })
    };
    // "64, 32": one hidden layer per number; the engine checks the sizes and says why if not.
    let set_layers = Callback::new(move |text: String| {
        let sizes: Result<Vec<u32>, _> = text
            .split([',', ';', ' '])
            .filter(|part| !part.is_empty())
            .map(str::parse::<u32>)
            .collect();
        match sizes {
            Ok(sizes) => {
                network(&|p| p.hidden_layer_sizes = sizes.clone());
                true
            }
            Err(_) => false,
        }
    });
    let set_rate = decimal(move |x| network(&|p| p.learning_rate_init = x));
    let set_alpha = decimal(move |x| network(&|p| p.alpha = x));
    let set_epochs = whole(move |n| network(&|p| p.max_iter = n));
    let set_seed = whole(move |n| network(&|p| p.seed = u64::from(n)));
    // Empty is scikit-learn's "auto".
    let set_batch = optional_whole(move |size| network(&|p| p.batch_size = size));
    let set_early = Callback::new(move |on: bool| network(&|p| p.early_stopping = on));
    let set_standardize = Callback::new(move |on: bool| network(&|p| p.standardize = on));
    let set_activation = Callback::new(move |value: String| {
        let activation = match value.as_str() {
            "tanh" => Activation::Tanh,
            "logistic" => Activation::Logistic,
            _ => Activation::Relu,
        };
        network(&|p| p.activation = activation);
    });
    let set_solver = Callback::new(move |value: String| {
        let solver = if value == "sgd" {
            Solver::Sgd
        } else {
            Solver::Adam
        };
        network(&|p| p.solver = solver);
    });
    let activation = match params.activation {
        Activation::Relu => "relu",
        Activation::Tanh => "tanh",
        Activation::Logistic => "logistic",
    };
    let solver = match params.solver {
        Solver::Adam => "adam",
        Solver::Sgd => "sgd",
    };
    let layers: Vec<String> = params
        .hidden_layer_sizes
        .iter()
        .map(u32::to_string)
        .collect();
    view! {
        <NumberField
            id=field_id(index, "hidden-layers")
            label_key="field-hidden-layers"
            hint_key="field-hidden-layers-hint"
            initial=layers.join(", ")
            accept=set_layers
        />
        <SelectField
            id=field_id(index, "activation")
            label_key="field-activation"
            options=translated_options(&[
                ("relu", crate::key!("activation-relu")),
                ("tanh", crate::key!("activation-tanh")),
                ("logistic", crate::key!("activation-logistic")),
            ])
            selected=Signal::stored(activation.to_string())
            on_change=set_activation
        />
        <SelectField
            id=field_id(index, "solver")
            label_key="field-solver"
            options=translated_options(&[
                ("adam", crate::key!("solver-adam")),
                ("sgd", crate::key!("solver-sgd")),
            ])
            selected=Signal::stored(solver.to_string())
            on_change=set_solver
        />
        <NumberField
            id=field_id(index, "learning-rate")
            label_key="field-learning-rate"
            initial=format_number(i18n.lang(), params.learning_rate_init)
            accept=set_rate
        />
        <NumberField
            id=field_id(index, "alpha")
            label_key="field-alpha"
            initial=format_number(i18n.lang(), params.alpha)
            accept=set_alpha
        />
        <NumberField
            id=field_id(index, "epochs")
            label_key="field-epochs"
            initial=params.max_iter.to_string()
            accept=set_epochs
        />
        <NumberField
            id=field_id(index, "batch-size")
            label_key="field-batch-size"
            hint_key="field-batch-size-hint"
            initial=params.batch_size.map(|b| b.to_string()).unwrap_or_default()
            accept=set_batch
        />
        <CheckboxField
            id=field_id(index, "early-stopping")
            label_key="field-early-stopping"
            checked=params.early_stopping
            on_change=set_early
        />
        <CheckboxField
            id=field_id(index, "network-standardize")
            label_key="field-standardize"
            checked=params.standardize
            on_change=set_standardize
        />
        <NumberField
            id=field_id(index, "network-seed")
            label_key="field-network-seed"
            initial=params.seed.to_string()
            accept=set_seed
        />
    }
}
