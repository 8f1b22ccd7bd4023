//! `schema.json`: what the model taken out of the page expects and gives, for whoever serves it
//! (a form, an API's request validation): each input column with its kind and, for categories,
//! the values seen in training and their codes (the model's one-hot columns); the classes; the
//! model's scores on the test set; and the notebook it came from, as a link.

use crate::features::Outcomes;
use crate::metrics::root_mean_squared_error;
use crate::metrics::{accuracy, balanced_accuracy, mean_absolute_error, r2_score, roc_auc_binary};
use crate::notebook::{trained_model, DataSource, Notebook, TrainedModel};
use crate::Error;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
struct Schema<'a> {
    target: &'a str,
    /// "classes" or "numbers".
    task: &'static str,
    classes: &'a [String],
    inputs: Vec<Input<'a>>,
    /// The model's own inputs, in order: numbers as they are, a category as one column per
    /// value (`column_value`, as the notebook names them).
    encoded: Vec<String>,
    model: &'a str,
    test_rows: usize,
    test_scores: BTreeMap<&'static str, f64>,
    notebook: &'a str,
}

#[derive(Debug, Serialize)]
struct Input<'a> {
    name: &'a str,
    /// "number", or "category" (one of `categories`; another reads as none of them).
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    categories: Vec<Category<'a>>,
    /// The first test row's value, an example.
    example: &'a str,
}

#[derive(Debug, Serialize)]
struct Category<'a> {
    value: &'a str,
    /// Its column among the model's inputs (`encoded`).
    code: usize,
}

/// The schema of the notebook's last model, as pretty JSON; `link` is the notebook's address.
pub fn schema_of(
    notebook: &Notebook,
    source: &dyn DataSource,
    link: &str,
) -> Result<String, Error> {
    schema_json(&trained_model(notebook, source)?, link)
}

/// [`schema_of`] of a model already trained.
pub(super) fn schema_json(trained: &TrainedModel, link: &str) -> Result<String, Error> {
    let encoded = trained.encoder().feature_names();
    let inputs = trained
        .inputs
        .iter()
        .map(|field| Input {
            name: &field.column,
            kind: if field.numeric { "number" } else { "category" },
            categories: field
                .choices
                .iter()
                .filter_map(|value| {
                    let name = format!("{}_{value}", field.column);
                    let code = encoded.iter().position(|e| *e == name)?;
                    Some(Category { value, code })
                })
                .collect(),
            example: &field.value,
        })
        .collect();
    let scores = test_scores(trained);
    let schema = Schema {
        target: &trained.target,
        task: if trained.classes.is_empty() {
            "numbers"
        } else {
            "classes"
        },
        classes: &trained.classes,
        inputs,
        encoded: encoded.clone(),
        model: trained.model_name,
        test_rows: trained.test_rows.rows,
        test_scores: scores,
        notebook: link,
    };
    serde_json::to_string_pretty(&schema).map_err(|e| Error::NotebookUnreadable {
        message: e.to_string(),
    })
}

/// The model's scores on the notebook's test rows: accuracy, balanced accuracy and (two
/// classes) ROC-AUC; or R², MAE and RMSE.
pub(super) fn test_scores(trained: &TrainedModel) -> BTreeMap<&'static str, f64> {
    let predictions = trained.test_predictions();
    let mut scores = BTreeMap::new();
    match &trained.test_truth {
        Outcomes::Classes { codes, .. } => {
            let predicted: Vec<u32> = predictions
                .iter()
                .map(|p| {
                    let top = p.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    p.iter().position(|&v| v == top).unwrap_or(0) as u32
                })
                .collect();
            scores.extend(accuracy(codes, &predicted).map(|a| ("accuracy", a)));
            scores.extend(
                balanced_accuracy(codes, &predicted)
                    .ok()
                    .map(|b| ("balanced_accuracy", b)),
            );
            if trained.classes.len() == 2 {
                let positive: Vec<f64> = predictions.iter().map(|p| p[1]).collect();
                scores.extend(
                    roc_auc_binary(codes, &positive, 1)
                        .ok()
                        .map(|r| ("roc_auc", r)),
                );
            }
        }
        Outcomes::Numbers(truth) => {
            let predicted: Vec<f64> = predictions.iter().map(|p| p[0]).collect();
            scores.extend(r2_score(truth, &predicted).ok().map(|r| ("r2", r)));
            scores.extend(
                mean_absolute_error(truth, &predicted)
                    .ok()
                    .map(|m| ("mae", m)),
            );
            scores.extend(
                root_mean_squared_error(truth, &predicted)
                    .ok()
                    .map(|r| ("rmse", r)),
            );
        }
    }
    scores
}
