//! The notebook as Python: each cell's pandas / scikit-learn code, and the whole notebook as a
//! script or a Jupyter notebook that repeats its steps; with its share link, what a worker
//! prepares for the app after each change ([`Exported`]).
//!
//! The code is plain text built here; the few comments in it are the reader's language, looked
//! up by the caller through [`Words`] (the engine holds no catalog).

mod api;
mod cells;
mod documents;
mod lightgbm;
mod onnx;
mod page;
mod recipe;
mod repository;
mod schema;
mod spark;
mod zip;

pub use api::api_of;
pub use cells::cell_python;
pub use documents::{ipynb, python_script};
pub use lightgbm::{lightgbm_model, lightgbm_of};
pub use onnx::onnx_of;
pub use page::{page_of, predictor_module, PageWords, PAGE_KEYS};
pub use recipe::{
    BayesClass, Dense, FlatTree, Hidden, Likelihood, Link, ModelRecipe, Recipe, SvmMachine,
};
pub use repository::{
    repository_keys, repository_of, Licence, ReadmeProse, RepositoryOptions, REPOSITORY_KEYS,
};
pub use schema::schema_of;
pub use spark::spark_script;

use crate::notebook::{DataSource, DatasetCell, Notebook};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;

/// Looks up a catalog key.
pub type Words<'a> = &'a dyn Fn(&str) -> String;

/// The notebook made ready to leave the app, in one go by a worker after each change (the code
/// that writes Python and compresses links is not part of the app's first load).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Exported {
    pub python: PythonExport,
    /// The share link's payload ([`crate::notebook::link::encode`]).
    pub link: String,
}

impl Exported {
    /// The exports of `notebook`; its link carries the learner's own files found in `files`.
    pub fn of(notebook: &Notebook, words: Words, files: &dyn DataSource) -> Self {
        Self {
            python: PythonExport::of(notebook, words, files),
            link: crate::notebook::link::encode_with_data(notebook, files),
        }
    }
}

/// Everything the app shows and offers of a notebook in Python.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PythonExport {
    /// Each cell's code ([`cell_python`]), by index.
    pub cells: Vec<Option<String>>,
    pub script: String,
    pub ipynb: String,
    /// The notebook as a PySpark MLlib pipeline ([`spark_script`]).
    pub spark: String,
}

impl PythonExport {
    /// The notebook's code; `files` (the data sets' text) tell how each file is written, for
    /// `read_csv`'s options, and whether a target is a number to predict.
    pub fn of(notebook: &Notebook, words: Words, files: &dyn DataSource) -> Self {
        let files = &Remembering::new(files);
        Self {
            cells: (0..notebook.cells.len())
                .map(|index| cell_python(notebook, index, words, files))
                .collect(),
            script: python_script(notebook, words, files),
            ipynb: ipynb(notebook, words, files),
            spark: spark_script(notebook, words, files),
        }
    }
}

/// Where the exported code finds the data: a shipped data set on `site` (`https://host`) when
/// the file is not beside the code ([`DataSource::site`]), and the files in `folder` (`data/`
/// in a repository; "" beside the code) ([`DataSource::data_folder`]).
pub struct OnSite<'a> {
    pub files: &'a dyn DataSource,
    pub site: Option<&'a str>,
    pub folder: &'a str,
}

impl DataSource for OnSite<'_> {
    fn csv(&self, dataset: &str) -> Option<&str> {
        self.files.csv(dataset)
    }
    fn ids(&self) -> Vec<&str> {
        self.files.ids()
    }
    fn site(&self) -> Option<&str> {
        self.site
    }
    fn data_folder(&self) -> &str {
        self.folder
    }
}

/// The data sets' text, remembering which targets are numbers to predict: several cells ask,
/// and reading a whole file to know is the slow part of an export.
pub(crate) struct Remembering<'a> {
    files: &'a dyn DataSource,
    /// By data set, target and whether bad rows are skipped.
    numbers: RefCell<HashMap<(String, String, bool), bool>>,
}

impl<'a> Remembering<'a> {
    pub(crate) fn new(files: &'a dyn DataSource) -> Self {
        Self {
            files,
            numbers: RefCell::default(),
        }
    }
}

impl DataSource for Remembering<'_> {
    fn csv(&self, dataset: &str) -> Option<&str> {
        self.files.csv(dataset)
    }
    fn ids(&self) -> Vec<&str> {
        self.files.ids()
    }
    fn site(&self) -> Option<&str> {
        self.files.site()
    }
    fn data_folder(&self) -> &str {
        self.files.data_folder()
    }
    fn predicts_numbers(&self, cell: &DatasetCell) -> bool {
        let key = (
            cell.dataset.clone(),
            cell.target.clone(),
            cell.skip_bad_rows,
        );
        if let Some(&known) = self.numbers.borrow().get(&key) {
            return known;
        }
        let numbers = self.files.predicts_numbers(cell);
        self.numbers.borrow_mut().insert(key, numbers);
        numbers
    }
}

/// The catalog keys the export words its comments with (a catalog test checks they exist).
pub const EXPORT_KEYS: &[&str] = &[
    "export-title",
    "export-differs",
    "export-data-file",
    "export-own-file",
    "export-url-file",
    "export-query-file",
    "export-sql",
    "cell-dataset-title",
    "cell-explore-title",
    "cell-split-title",
    "cell-steps-title",
    "cell-train-title",
    "cell-evaluate-title",
    "cell-tune-title",
    "cell-note-title",
    "cell-sql-title",
    "spark-title",
    "spark-when",
    "spark-run",
    "spark-nearest",
    "spark-nearest-knn",
    "spark-nearest-boosting",
    "spark-nearest-network",
    "spark-nearest-network-numbers",
    "spark-nearest-svr",
    "spark-nearest-rbf",
    "spark-nearest-dbscan",
    "spark-not-searched",
    "spark-split-stratify",
    "spark-url",
    "spark-boundary",
    "spark-predict",
    "spark-path-help",
    "spark-master-help",
    "spark-same-split-help",
];
