//! The engine's classifiers exposed to JavaScript, so `benches/compare_sklearn.py` can time them
//! in V8 (Node) on the same data as scikit-learn. Timing happens in JavaScript around these calls:
//! `std::time::Instant` does not exist on wasm32-unknown-unknown.

use latih_engine::features::Matrix;
use latih_engine::metrics::accuracy;
use latih_engine::models::{Classifier, DecisionTreeParams, ModelSpec, RandomForestParams};
use wasm_bindgen::prelude::*;

fn spec(model: &str, seed: u64) -> Result<ModelSpec, JsError> {
    match model {
        "decision_tree" => Ok(ModelSpec::DecisionTree(DecisionTreeParams::default())),
        "random_forest" => Ok(ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 100,
            seed,
            ..Default::default()
        })),
        other => Err(JsError::new(&format!("unknown model {other}"))),
    }
}

fn matrix(data: &[f64], cols: usize) -> Matrix {
    Matrix {
        rows: data.len() / cols.max(1),
        cols,
        data: data.to_vec(),
    }
}

fn fitted(
    model: &str,
    x: &[f64],
    y: &[u32],
    cols: usize,
    classes: usize,
) -> Result<Classifier, JsError> {
    spec(model, 0)?
        .fit(&matrix(x, cols), y, classes)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Fits `model` on the training rows; returns the number of training rows (so the work is used).
#[wasm_bindgen]
pub fn fit(
    model: &str,
    x: &[f64],
    y: &[u32],
    cols: usize,
    classes: usize,
) -> Result<usize, JsError> {
    fitted(model, x, y, cols, classes).map(|_| y.len())
}

/// Fits on the training rows and returns the accuracy on the test rows.
#[wasm_bindgen]
pub fn fit_accuracy(
    model: &str,
    x_train: &[f64],
    y_train: &[u32],
    x_test: &[f64],
    y_test: &[u32],
    cols: usize,
    classes: usize,
) -> Result<f64, JsError> {
    let model = fitted(model, x_train, y_train, cols, classes)?;
    let predicted = model.predict(&matrix(x_test, cols));
    accuracy(y_test, &predicted).ok_or_else(|| JsError::new("no test rows"))
}
