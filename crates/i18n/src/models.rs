//! A fitted model in words, for the app's train cell and the command line alike.

use crate::{format_count, format_decimal, format_number, t, tf, Lang};
use latih_engine::notebook::ModelSummary;

/// The model's shape in one sentence (`Depth 4, 9 leaves, 7 features`).
pub fn model_shape_text(lang: Lang, summary: &ModelSummary, features: usize) -> String {
    let n = |x: usize| format_count(lang, x);
    let features = ("features", n(features));
    match summary {
        ModelSummary::Tree { depth, leaves } => tf(
            lang,
            "out-tree-shape",
            &[
                ("depth", depth.to_string()),
                ("leaves", n(*leaves)),
                features,
            ],
        ),
        ModelSummary::Forest { trees, mean_depth } => tf(
            lang,
            "out-forest-shape",
            &[
                ("trees", n(*trees)),
                ("depth", format_decimal(lang, *mean_depth, 1)),
                features,
            ],
        ),
        ModelSummary::Neighbours { k } => {
            tf(lang, "out-knn-shape", &[("k", n(*k as usize)), features])
        }
        ModelSummary::NaiveBayes => tf(lang, "out-nb-shape", &[features]),
        ModelSummary::SupportVectors { count, .. } => {
            tf(lang, "out-svm-shape", &[("vectors", n(*count)), features])
        }
        // Least squares and ridge are solved in one step, not iterated.
        ModelSummary::Linear { iterations: 0, .. } => tf(lang, "out-linear-exact", &[features]),
        ModelSummary::Linear { iterations, .. } => tf(
            lang,
            "out-linear-shape",
            &[("iterations", n(*iterations as usize)), features],
        ),
        ModelSummary::Boosting {
            rounds,
            mean_leaves,
            ..
        } => tf(
            lang,
            "out-boosting-shape",
            &[
                ("rounds", n(*rounds)),
                ("leaves", format_decimal(lang, *mean_leaves, 1)),
                features,
            ],
        ),
        ModelSummary::Network { hidden, epochs, .. } => {
            let units: Vec<String> = hidden.iter().map(|u| n(*u)).collect();
            tf(
                lang,
                "out-network-shape",
                &[
                    ("units", units.join(", ")),
                    ("epochs", n(*epochs)),
                    features,
                ],
            )
        }
    }
}

/// scikit-learn's ConvergenceWarning, in words, when training stopped because `max_iter` ran
/// out rather than because the model stopped improving; or, for boosting, that early stopping
/// ended it.
pub fn convergence_warning(lang: Lang, summary: &ModelSummary) -> Option<String> {
    match summary {
        ModelSummary::Boosting {
            rounds,
            stopped_early: true,
            ..
        } => Some(tf(
            lang,
            "out-boosting-stopped",
            &[("rounds", format_count(lang, *rounds))],
        )),
        ModelSummary::Linear {
            converged: false, ..
        } => Some(t(lang, "out-linear-not-converged")),
        ModelSummary::Network {
            converged: false, ..
        } => Some(t(lang, "out-network-not-converged")),
        ModelSummary::SupportVectors {
            converged: false, ..
        } => Some(t(lang, "out-svm-not-converged")),
        _ => None,
    }
}

/// The training loss after the first and the last epoch (or boosting round, when `rounds`), for
/// a sentence under the loss curve.
pub fn loss_text(lang: Lang, loss_curve: &[f64], rounds: bool) -> Option<String> {
    let (first, last) = (loss_curve.first()?, loss_curve.last()?);
    Some(tf(
        lang,
        if rounds {
            "out-loss-fell-rounds"
        } else {
            "out-loss-fell"
        },
        &[
            ("first", format_number(lang, *first)),
            ("last", format_number(lang, *last)),
            ("epochs", format_count(lang, loss_curve.len())),
        ],
    ))
}
