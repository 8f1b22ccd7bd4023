//! The train cell: the model fitted on the training rows (or a forest that workers grew), and
//! what it looks like: its shape, its score on the training rows, what it leaned on, its curves,
//! and a decision tree drawn.

use super::state::{State, TrainingSet};
use super::{Fitted, TrainOutput};
use crate::features::{FeatureEncoder, Outcomes};
use crate::figures::TreeView;
use crate::metrics;
use crate::models::{Classifier, Regressor};
use crate::notebook::forest::GrownForest;
use crate::notebook::TrainCell;
use crate::Error;
use std::sync::Arc;

pub(super) fn run_train(
    cell: &TrainCell,
    prefitted: Option<GrownForest>,
    state: &mut State,
    progress: &mut dyn FnMut(f64),
) -> Result<TrainOutput, Error> {
    state.model = None;
    let TrainingSet { encoder, x, y } = state.training_set()?;
    let names = encoder.feature_names();
    // A forest grown by other workers is used when it is the one this cell would grow.
    let (fitted, train_score, tree) = match y {
        Outcomes::Classes { codes, n_classes } => {
            let grown = match prefitted {
                Some(GrownForest::Classes(forest)) => Some(Classifier::RandomForest(forest)),
                _ => None,
            };
            let model = match grown {
                Some(model) if model.was_fitted_as(&cell.model, x.cols, n_classes) => model,
                _ => cell
                    .model
                    .fit_with_progress(&x, &codes, n_classes, progress)?,
            };
            let score = metrics::accuracy(&codes, &model.predict(&x)).unwrap_or(0.0);
            let tree = match &model {
                Classifier::DecisionTree(tree) => {
                    Some(TreeView::of(tree, &names, &state.class_names()))
                }
                _ => None,
            };
            (Fitted::Classifier(model), score, tree)
        }
        Outcomes::Numbers(values) => {
            let grown = match prefitted {
                Some(GrownForest::Numbers(forest)) => Some(Regressor::RandomForest(forest)),
                _ => None,
            };
            let model = match grown {
                Some(model) if model.was_fitted_as(&cell.model, x.cols) => model,
                _ => cell.model.fit_regressor(&x, &values, progress)?,
            };
            let score = metrics::r2_score(&values, &model.predict(&x)).unwrap_or(0.0);
            let tree = match &model {
                Regressor::DecisionTree(tree) => {
                    Some(TreeView::of_regressor(tree, &x, &values, &names))
                }
                _ => None,
            };
            (Fitted::Regressor(model), score, tree)
        }
    };
    let curves = fitted.curves();
    let output = TrainOutput {
        summary: fitted.summary(),
        importances: ranked(&encoder, fitted.feature_importances()),
        features: x.cols,
        one_hot_columns: encoder.one_hot_columns(),
        train_accuracy: train_score,
        regression: matches!(fitted, Fitted::Regressor(_)),
        loss_curve: curves.loss,
        validation_scores: curves.validation_scores,
        validation_loss: curves.validation_loss,
        tree,
    };
    state.model = Some(Arc::new((encoder, fitted)));
    Ok(output)
}

/// Each feature with its importance, largest first.
fn ranked(encoder: &FeatureEncoder, importances: Vec<f64>) -> Vec<(String, f64)> {
    let mut ranked: Vec<(String, f64)> = encoder
        .feature_names()
        .into_iter()
        .zip(importances)
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}
