//! What several engine test files need: the data sets the site ships.

use std::collections::HashMap;

/// The CSV text of one shipped data set.
pub fn shipped_csv(dataset: &str) -> String {
    let path = format!(
        "{}/../../static/data/{dataset}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// Every shipped data set's CSV text by id, as the notebook's data source.
#[allow(dead_code)] // not every test file that includes this module needs all of it
pub fn shipped() -> HashMap<String, String> {
    latih_engine::datasets::DATASETS
        .iter()
        .map(|d| (d.id.to_string(), shipped_csv(d.id)))
        .collect()
}

/// A fixture written by a script in scripts/fixtures/, by file name.
#[allow(dead_code)]
pub fn fixture(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A JSON list of rows as a matrix.
#[allow(dead_code)]
pub fn matrix(rows: &serde_json::Value) -> latih_engine::features::Matrix {
    let rows: Vec<Vec<f64>> = serde_json::from_value(rows.clone()).unwrap();
    latih_engine::features::Matrix {
        rows: rows.len(),
        cols: rows[0].len(),
        data: rows.into_iter().flatten().collect(),
    }
}

/// `ours` within `relative` of scikit-learn's `theirs` (absolutely, for numbers below 1).
#[allow(dead_code)]
#[track_caller]
pub fn close(ours: f64, theirs: f64, relative: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= relative * theirs.abs().max(1.0),
        "{what}: latih {ours} vs scikit-learn {theirs}"
    );
}
