//! The train cell: choose a model and its hyperparameters; see the fitted model's shape, its
//! accuracy on the training rows, and which features it leaned on ([`output`]).

mod boosting;
mod linear;
mod network;
mod output;
mod svm;

use super::{field_id, show_output};
use crate::components::fields::{
    parse_decimal, translated_options, whole, NumberField, SelectField,
};
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::models::{
    DecisionTreeParams, GaussianNbParams, GradientBoostingParams, KnnParams,
    LinearRegressionParams, LogisticRegressionParams, MaxFeatures, MlpParams, ModelSpec,
    NeighbourWeights, RandomForestParams, SvmParams,
};
use latih_engine::notebook::{CellOutput, TrainCell};
use leptos::prelude::*;

/// The models a learner can pick, as (value, label key): classifiers, then linear regression
/// (every model but logistic regression and naive Bayes also predicts numbers).
const MODELS: [(&str, &str); 9] = [
    ("decision_tree", crate::key!("model-decision-tree")),
    ("random_forest", crate::key!("model-random-forest")),
    ("gradient_boosting", crate::key!("model-gradient-boosting")),
    (
        "logistic_regression",
        crate::key!("model-logistic-regression"),
    ),
    ("neural_network", crate::key!("model-neural-network")),
    ("knn", crate::key!("model-knn")),
    ("gaussian_nb", crate::key!("model-gaussian-nb")),
    ("svm", crate::key!("model-svm")),
    ("linear_regression", crate::key!("model-linear-regression")),
];

fn kind(spec: &ModelSpec) -> &'static str {
    match spec {
        ModelSpec::DecisionTree(_) => "decision_tree",
        ModelSpec::RandomForest(_) => "random_forest",
        ModelSpec::KNearestNeighbors(_) => "knn",
        ModelSpec::GaussianNaiveBayes(_) => "gaussian_nb",
        ModelSpec::LogisticRegression(_) => "logistic_regression",
        ModelSpec::NeuralNetwork(_) => "neural_network",
        ModelSpec::GradientBoosting(_) => "gradient_boosting",
        ModelSpec::LinearRegression(_) => "linear_regression",
        ModelSpec::SupportVectorMachine(_) => "svm",
    }
}

/// The label key of the model `spec` fits, as the model list names it.
pub(crate) fn model_key(spec: &ModelSpec) -> &'static str {
    let kind = kind(spec);
    MODELS
        .iter()
        .find(|(value, _)| *value == kind)
        .map_or("", |(_, key)| key)
}

/// The settings trees and forests share: depth and the rows needed to split.
fn tree_settings(spec: &ModelSpec) -> Option<(Option<u32>, u32)> {
    match spec {
        ModelSpec::DecisionTree(p) => Some((p.max_depth, p.min_samples_split)),
        ModelSpec::RandomForest(p) => Some((p.max_depth, p.min_samples_split)),
        _ => None,
    }
}

/// Changes the model of train cell `index`.
fn edit_model(state: NotebookState, index: usize, change: impl FnOnce(&mut ModelSpec)) {
    state.edit(index, |t: &mut TrainCell| change(&mut t.model));
}

/// A model of `kind`; switching between tree models keeps their shared settings.
fn switch_model(previous: &ModelSpec, kind: &str) -> ModelSpec {
    let defaults = DecisionTreeParams::default();
    let (max_depth, min_samples_split) =
        tree_settings(previous).unwrap_or((defaults.max_depth, defaults.min_samples_split));
    match kind {
        "random_forest" => ModelSpec::RandomForest(RandomForestParams {
            max_depth,
            min_samples_split,
            ..Default::default()
        }),
        "knn" => ModelSpec::KNearestNeighbors(KnnParams::default()),
        "gaussian_nb" => ModelSpec::GaussianNaiveBayes(GaussianNbParams::default()),
        "logistic_regression" => ModelSpec::LogisticRegression(LogisticRegressionParams::default()),
        "neural_network" => ModelSpec::NeuralNetwork(MlpParams::default()),
        "gradient_boosting" => ModelSpec::GradientBoosting(GradientBoostingParams::default()),
        "linear_regression" => ModelSpec::LinearRegression(LinearRegressionParams::default()),
        "svm" => ModelSpec::SupportVectorMachine(SvmParams::default()),
        _ => ModelSpec::DecisionTree(DecisionTreeParams {
            max_depth,
            min_samples_split,
        }),
    }
}

/// Like [`whole`](crate::components::fields::whole), with empty text meaning `None` (scikit-learn's `None`: no limit, or "auto").
fn optional_whole(accept: impl Fn(Option<u32>) + Send + Sync + 'static) -> Callback<String, bool> {
    Callback::new(move |text: String| {
        if text.is_empty() {
            accept(None);
            return true;
        }
        match text.parse::<u32>() {
            Ok(n) => {
                accept(Some(n));
                true
            }
            Err(_) => false,
        }
    })
}

/// Parses a decimal (either language's way) from a field; `accept` gets it when it parses.
fn decimal(accept: impl Fn(f64) + Send + Sync + 'static) -> Callback<String, bool> {
    Callback::new(move |text: String| match parse_decimal(&text) {
        Some(x) => {
            accept(x);
            true
        }
        None => false,
    })
}

#[component]
pub fn TrainCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let spec = Memo::new(move |_| state.cell::<TrainCell>(index).unwrap_or_default().model);
    let model_kind = Memo::new(move |_| kind(&spec.get()));
    let edit = move |change: &dyn Fn(&mut ModelSpec)| edit_model(state, index, change);
    let choose_model = Callback::new(move |value: String| {
        edit(&|m| *m = switch_model(m, &value));
    });
    // The models that can learn what the data set above predicts (all of them until it has
    // run), and the one chosen whatever it is, so that the select shows the truth.
    let model_options = Signal::derive(move || {
        let numbers = state.predicts_numbers_above(index);
        let chosen = model_kind.get();
        let suits = |value: &str| {
            let model = switch_model(&ModelSpec::default(), value);
            numbers.is_none_or(|numbers| {
                if numbers {
                    model.regresses()
                } else {
                    model.classifies()
                }
            })
        };
        let suited = MODELS
            .iter()
            .filter(|(value, _)| *value == chosen || suits(value));
        suited
            .map(|(value, key)| (value.to_string(), i18n.tr(key)))
            .collect()
    });
    // Shared by both models. Empty depth means no limit (scikit-learn's max_depth=None); 0 goes
    // to the engine, which explains why it is not allowed.
    let set_max_depth = optional_whole(move |depth| {
        edit(&|m| match m {
            ModelSpec::DecisionTree(p) => p.max_depth = depth,
            ModelSpec::RandomForest(p) => p.max_depth = depth,
            _ => {}
        })
    });
    let set_min_split = whole(move |n| {
        edit(&|m| match m {
            ModelSpec::DecisionTree(p) => p.min_samples_split = n,
            ModelSpec::RandomForest(p) => p.min_samples_split = n,
            _ => {}
        })
    });
    let set_neighbours = whole(move |n| {
        edit(&|m| {
            if let ModelSpec::KNearestNeighbors(p) = m {
                p.n_neighbors = n;
            }
        })
    });
    let set_weights = Callback::new(move |value: String| {
        let weights = if value == "distance" {
            NeighbourWeights::Distance
        } else {
            NeighbourWeights::Uniform
        };
        edit(&|m| {
            if let ModelSpec::KNearestNeighbors(p) = m {
                p.weights = weights;
            }
        })
    });
    let weights_options = translated_options(&[
        ("uniform", crate::key!("weights-uniform")),
        ("distance", crate::key!("weights-distance")),
    ]);
    let forest = move |change: &dyn Fn(&mut RandomForestParams)| {
        edit(&|m| {
            if let ModelSpec::RandomForest(p) = m {
                change(p);
            }
        })
    };
    let set_trees = whole(move |n| forest(&|p| p.n_estimators = n));
    let set_seed = whole(move |n| forest(&|p| p.seed = u64::from(n)));
    let set_max_features = Callback::new(move |value: String| {
        let choice = match value.as_str() {
            "log2" => MaxFeatures::Log2,
            "all" => MaxFeatures::All,
            _ => MaxFeatures::Sqrt,
        };
        forest(&|p| p.max_features = choice);
    });
    let max_features_options = translated_options(&[
        ("sqrt", crate::key!("max-features-sqrt")),
        ("log2", crate::key!("max-features-log2")),
        ("all", crate::key!("max-features-all")),
    ]);

    // The fields are rebuilt when the model changes, so each starts from the new model's values.
    let fields = move || {
        let spec = spec.get_untracked();
        let _ = model_kind.get();
        let tree_fields = tree_settings(&spec).map(|(max_depth, min_split)| {
            view! {
                <NumberField
                    id=field_id(index, "max-depth")
                    label_key="field-max-depth"
                    hint_key="field-max-depth-hint"
                    initial=max_depth.map(|d| d.to_string()).unwrap_or_default()
                    accept=set_max_depth
                />
                <NumberField
                    id=field_id(index, "min-samples-split")
                    label_key="field-min-samples-split"
                    initial=min_split.to_string()
                    accept=set_min_split
                />
            }
        });
        let other_fields = match &spec {
            ModelSpec::RandomForest(p) => {
                let selected = match p.max_features {
                    MaxFeatures::Sqrt => "sqrt",
                    MaxFeatures::Log2 => "log2",
                    MaxFeatures::All => "all",
                };
                Some(view! {
                    <NumberField id=field_id(index, "n-estimators") label_key="field-n-estimators" initial=p.n_estimators.to_string() accept=set_trees />
                    <SelectField
                        id=field_id(index, "max-features")
                        label_key="field-max-features"
                        options=max_features_options
                        selected=Signal::stored(selected.to_string())
                        on_change=set_max_features
                    />
                    <NumberField id=field_id(index, "forest-seed") label_key="field-model-seed" initial=p.seed.to_string() accept=set_seed />
                }
                .into_any())
            }
            ModelSpec::KNearestNeighbors(p) => {
                let selected = match p.weights {
                    NeighbourWeights::Uniform => "uniform",
                    NeighbourWeights::Distance => "distance",
                };
                Some(view! {
                    <NumberField id=field_id(index, "n-neighbors") label_key="field-n-neighbors" initial=p.n_neighbors.to_string() accept=set_neighbours />
                    <SelectField
                        id=field_id(index, "weights")
                        label_key="field-weights"
                        options=weights_options
                        selected=Signal::stored(selected.to_string())
                        on_change=set_weights
                    />
                }
                .into_any())
            }
            ModelSpec::GaussianNaiveBayes(_) => {
                Some(view! { <p class="hint">{i18n.text("model-gaussian-nb-hint")}</p> }.into_any())
            }
            ModelSpec::LogisticRegression(p) => {
                Some(view! { <network::LogisticFields state index params=p.clone() /> }.into_any())
            }
            ModelSpec::NeuralNetwork(p) => {
                Some(view! { <network::NetworkFields state index params=p.clone() /> }.into_any())
            }
            ModelSpec::GradientBoosting(p) => {
                Some(view! { <boosting::BoostingFields state index params=p.clone() /> }.into_any())
            }
            ModelSpec::LinearRegression(_) => {
                Some(view! { <linear::LinearFields state index /> }.into_any())
            }
            ModelSpec::SupportVectorMachine(p) => {
                Some(view! { <svm::SvmFields state index params=p.clone() /> }.into_any())
            }
            ModelSpec::DecisionTree(_) => None,
        };
        view! {
            {tree_fields}
            {other_fields}
        }
    };
    view! {
        <div class="cell-form">
            <SelectField
                id=field_id(index, "model")
                label_key="field-model"
                options=model_options
                selected=Signal::derive(move || model_kind.get().to_string())
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
