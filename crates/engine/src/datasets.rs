//! The data sets shipped with the site (files under `static/data/`, sources in
//! `shared/datasets/README.md`). Their "About this data" notes are translated text and live in
//! the i18n catalogs under `dataset-<id>-about`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatasetInfo {
    /// Stable name used in notebooks and links; the file is `data/<id>.csv`.
    pub id: &'static str,
    pub title: &'static str,
    pub suggested_target: &'static str,
    pub rows: usize,
    pub columns: usize,
    pub missing_cells: usize,
    pub source: &'static str,
    pub licence: &'static str,
}

pub const DATASETS: &[DatasetInfo] = &[
    DatasetInfo {
        id: "iris",
        title: "Iris",
        suggested_target: "species",
        rows: 150,
        columns: 5,
        missing_cells: 0,
        source: "Fisher (1936), via scikit-learn load_iris; UCI Machine Learning Repository",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "penguins",
        title: "Palmer Penguins",
        suggested_target: "species",
        rows: 344,
        columns: 8,
        missing_cells: 19,
        source: "Gorman, Williams & Fraser (2014), palmerpenguins R package",
        licence: "CC0",
    },
    DatasetInfo {
        id: "titanic",
        title: "Titanic",
        suggested_target: "survived",
        rows: 1309,
        columns: 5,
        missing_cells: 263,
        source: "Titanic passenger list, R package carData (TitanicSurvival)",
        licence: "GPL-2+ package; historical facts",
    },
    DatasetInfo {
        id: "wine",
        title: "Wine",
        suggested_target: "cultivar",
        rows: 178,
        columns: 14,
        missing_cells: 0,
        source: "UCI Wine, via scikit-learn load_wine",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "breast_cancer",
        title: "Breast Cancer Wisconsin",
        suggested_target: "diagnosis",
        rows: 569,
        columns: 31,
        missing_cells: 0,
        source: "UCI Breast Cancer Wisconsin (Diagnostic), via scikit-learn",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "credit",
        title: "Credit scoring",
        suggested_target: "Status",
        rows: 4454,
        columns: 14,
        missing_cells: 455,
        source: "Credit scoring data (J. A. Gómez), R package modeldata (credit_data)",
        licence: "MIT",
    },
];

pub fn find(id: &str) -> Option<&'static DatasetInfo> {
    DATASETS.iter().find(|d| d.id == id)
}

/// A learner's own file goes into a notebook under this prefix and its file name; its text stays
/// on the learner's device.
const USER_PREFIX: &str = "file:";

/// The data set id of a learner's own file.
pub fn user_dataset_id(file_name: &str) -> String {
    format!("{USER_PREFIX}{file_name}")
}

/// The file name behind a learner's own data set id.
pub fn user_file_name(id: &str) -> Option<&str> {
    id.strip_prefix(USER_PREFIX)
}
