//! The model a notebook's last train cell fits, with its encoder and its encoded test rows:
//! what an export that takes the trained model out of the page starts from.

use super::eval::{data_above, run_cell, DataSource, Fitted};
use super::predict::Example;
use super::PredictField;
use super::{Cell, Notebook};
use crate::error::CellKind;
use crate::features::{FeatureEncoder, Matrix, Outcomes};
use crate::models::{Classifier, GradientBoosting, Regressor};
use crate::prep::RowStep;
use crate::Error;
use std::sync::Arc;

pub struct TrainedModel {
    model: Arc<(FeatureEncoder, Fitted)>,
    /// The columns a new row needs, as the data set cell reads them (before the steps).
    pub inputs: Vec<PredictField>,
    pub target: String,
    /// The target's classes, in code order; empty for numbers.
    pub classes: Vec<String>,
    /// The test rows' true classes or numbers.
    pub test_truth: Outcomes,
    /// The test rows after the steps, encoded as the model reads them.
    pub test_rows: Matrix,
    /// The name of the model in the notebook (`"gradient_boosting"`).
    pub model_name: &'static str,
    /// The steps above the model as each changes one new row.
    pub row_steps: Vec<RowStep>,
    /// The first test rows before the steps, and the notebook's prediction of each.
    pub examples: Vec<Example>,
}

/// How many test rows an export carries as examples (golden rows for its tests).
pub const EXAMPLES: usize = 20;

impl TrainedModel {
    pub fn encoder(&self) -> &FeatureEncoder {
        &self.model.0
    }

    /// The model, if it predicts classes.
    pub(crate) fn classifier(&self) -> Option<&Classifier> {
        match &self.model.1 {
            Fitted::Classifier(model) => Some(model),
            Fitted::Regressor(_) => None,
        }
    }

    /// The model, if it predicts numbers.
    pub(crate) fn regressor(&self) -> Option<&Regressor> {
        match &self.model.1 {
            Fitted::Regressor(model) => Some(model),
            Fitted::Classifier(_) => None,
        }
    }

    /// The gradient-boosted trees, if that is the model.
    pub fn boosting(&self) -> Option<&GradientBoosting> {
        match &self.model.1 {
            Fitted::Classifier(Classifier::GradientBoosting(model))
            | Fitted::Regressor(Regressor::GradientBoosting(model)) => Some(model),
            _ => None,
        }
    }

    /// The model's predictions of its test rows: each class's probability, or the number (one
    /// per row), as the evaluate cell computes them.
    pub fn test_predictions(&self) -> Vec<Vec<f64>> {
        match &self.model.1 {
            Fitted::Classifier(model) => model.predict_proba(&self.test_rows),
            Fitted::Regressor(model) => model
                .predict(&self.test_rows)
                .into_iter()
                .map(|v| vec![v])
                .collect(),
        }
    }
}

/// Runs the notebook's data, split and steps cells, then its last train cell.
pub fn trained_model(notebook: &Notebook, source: &dyn DataSource) -> Result<TrainedModel, Error> {
    let at = notebook
        .cells
        .iter()
        .rposition(|c| matches!(c, Cell::Train(_)))
        .ok_or(Error::NeedsCellAbove {
            cell: CellKind::Train,
        })?;
    let model_name = match &notebook.cells[at] {
        Cell::Train(train) => train.model.name(),
        _ => "",
    };
    let inputs = super::predict::input_fields(notebook, at, source)?;
    let mut state = data_above(notebook, at, source);
    run_cell(notebook, at, source, None, &mut state, &mut |_| {})?;
    let data = state.split_data()?;
    let classes = state.class_names();
    let model = state.model.clone().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    let (row_steps, examples) = super::predict::deploy_parts(
        notebook,
        at,
        source,
        (&model.0, &model.1),
        &classes,
        EXAMPLES,
    )?;
    Ok(TrainedModel {
        row_steps,
        examples,
        test_rows: model.0.transform(data.table, &data.split.test)?,
        test_truth: data.outcome.of_rows(&data.split.test),
        target: data.target.to_string(),
        model,
        model_name,
        inputs,
        classes,
    })
}
