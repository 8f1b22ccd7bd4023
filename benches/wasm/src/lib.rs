//! The engine's classifiers exposed to JavaScript, so `benches/compare_sklearn.py` can time them
//! in V8 (Node) on the same data as scikit-learn. Timing happens in JavaScript around these calls:
//! `std::time::Instant` does not exist on wasm32-unknown-unknown.

use latih_engine::features::Matrix;
use latih_engine::jobs::{wire, Job, JobResult, JobRunner, Request, Response};
use latih_engine::metrics::accuracy;
use latih_engine::models::{
    Classifier, DecisionTreeParams, GradientBoostingParams, LogisticRegressionParams, MlpParams,
    ModelSpec, RandomForestParams,
};
use latih_engine::notebook::{Cell, Notebook, SplitCell, TrainCell};
use latih_engine::tune::{Param, SpaceText};
use wasm_bindgen::prelude::*;

fn spec(model: &str, seed: u64) -> Result<ModelSpec, JsError> {
    match model {
        "decision_tree" => Ok(ModelSpec::DecisionTree(DecisionTreeParams::default())),
        // 100 trees: the default on both sides.
        "random_forest" => Ok(ModelSpec::RandomForest(RandomForestParams {
            seed,
            ..Default::default()
        })),
        // scikit-learn's defaults: 100 rounds of 31 leaves; no early stopping on either side.
        "gradient_boosting" => Ok(ModelSpec::GradientBoosting(
            GradientBoostingParams::default(),
        )),
        "logistic_regression" => Ok(ModelSpec::LogisticRegression(
            LogisticRegressionParams::default(),
        )),
        // The benchmark network: one hidden layer of 64, exactly 200 epochs (no early
        // stop: n_iter_no_change beyond max_iter, on both sides).
        "mlp" => Ok(ModelSpec::NeuralNetwork(MlpParams {
            hidden_layer_sizes: vec![64],
            max_iter: 200,
            n_iter_no_change: 1000,
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

/// A worker's job runner, as each of the app's Web Workers holds one, for `benches/pool.cjs` to
/// run a search over a pool of Node worker threads the way the app shares it out over its pool.
#[wasm_bindgen]
pub struct BenchWorker(JobRunner);

#[wasm_bindgen]
impl BenchWorker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Self {
        // Fit times are not compared; the benchmark times whole searches in JavaScript.
        Self(JobRunner::new(Box::new(|| 0.0)))
    }

    /// Handles one request (the app's bytes); for a search job, returns its candidates and scores
    /// as JSON (fit times left out, so that runs can be compared); otherwise an empty string.
    pub fn handle(&mut self, request: &[u8]) -> Result<String, JsError> {
        let request = wire::decode_request(request).map_err(|e| JsError::new(&e))?;
        let mut last = None;
        self.0
            .handle(request, &mut |response| last = Some(response));
        match last {
            None => Ok(String::new()),
            Some(Response::Done {
                result: JobResult::Tuned(Ok(results)),
                ..
            }) => {
                let scores: Vec<_> = results
                    .iter()
                    .map(|r| (&r.candidate, &r.test_scores, &r.train_scores))
                    .collect();
                serde_json::to_string(&scores).map_err(|e| JsError::new(&e.to_string()))
            }
            Some(other) => Err(JsError::new(&format!("unexpected answer {other:?}"))),
        }
    }
}

impl Default for BenchWorker {
    fn default() -> Self {
        Self::new()
    }
}

/// The benchmark's search: a random forest on data set `bench` (target `y`), a grid of
/// 3 × 4 × 2 = 24 candidates, 5 folds. Returns `[notebook JSON, tune cell index, candidates]`.
#[wasm_bindgen]
pub fn search_notebook() -> Vec<String> {
    let mut notebook = Notebook::starter("bench", "y");
    notebook.cells[1] = Cell::Split(SplitCell {
        test_fraction: 0.2,
        ..SplitCell::default()
    });
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 10,
            ..Default::default()
        }),
    });
    notebook.add_tune();
    let cell = notebook.cells.len() - 1;
    if let Some(Cell::Tune(tune)) = notebook.cells.get_mut(cell) {
        tune.spaces = [
            (Param::named("n_estimators").unwrap(), "5, 10, 20"),
            (Param::named("max_depth").unwrap(), "4, 8, 12, 16"),
            (Param::named("min_samples_split").unwrap(), "2, 20"),
        ]
        .into_iter()
        .map(|(param, text)| SpaceText {
            param,
            text: text.into(),
        })
        .collect();
    }
    vec![notebook.to_json(), cell.to_string(), "24".into()]
}

/// The app's request that puts a data set into a worker.
#[wasm_bindgen]
pub fn put_data_request(name: &str, text: &str) -> Vec<u8> {
    wire::encode_request(&Request::PutData {
        name: name.into(),
        text: text.into(),
    })
}

/// The app's request for one candidate of a search, as its pool sends them.
#[wasm_bindgen]
pub fn tune_request(
    notebook_json: &str,
    cell: usize,
    candidate: usize,
) -> Result<Vec<u8>, JsError> {
    let notebook = Notebook::from_json(notebook_json).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(wire::encode_request(&Request::Run {
        id: candidate as u64,
        job: Job::Tune {
            notebook,
            cell,
            candidates: vec![candidate],
            folds: None,
        },
    }))
}

/// Reads a CSV (or JSON) file's text into a table and describes every numeric column, as
/// `pandas.read_csv` + `DataFrame.describe()`; returns how many values were described (so the
/// work is used).
#[wasm_bindgen]
pub fn ingest_describe(text: &str) -> Result<usize, JsError> {
    use latih_engine::table::{profile::describe, read_table, ColumnData};
    let table = read_table(text).map_err(|e| JsError::new(&format!("{e:?}")))?;
    Ok(table
        .columns
        .iter()
        .filter_map(|c| match &c.data {
            ColumnData::Numeric(values) => Some(describe(values).count),
            _ => None,
        })
        .sum())
}

/// The wasm memory's size in bytes: it only grows, so after a run it is the run's peak. (Zero
/// natively, where the crate is only type-checked.)
#[wasm_bindgen]
pub fn memory_bytes() -> usize {
    #[cfg(target_arch = "wasm32")]
    return core::arch::wasm32::memory_size(0) * 65536;
    #[cfg(not(target_arch = "wasm32"))]
    0
}
