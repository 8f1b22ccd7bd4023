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
