//! What each kind of cell yields: the outputs a run sends to the page.

use crate::figures::TreeView;
use crate::metrics::{ClassificationReport, PrSummary, RocSummary};
use crate::models::ModelSummary;
use crate::notebook::note::NoteNode;
use crate::notebook::query::QueryOutput;
use crate::notebook::tune::TuneOutput;
use crate::notebook::{BoundaryOutput, ClustersOutput, PredictOutput};
use crate::prep::StepReport;
use crate::table::profile::TableProfile;
use crate::table::retype::ValueType;
use crate::table::DroppedRows;
use crate::Error;
use serde::{Deserialize, Serialize};

/// A notebook holds a handful of outputs, built once per run: their sizes differing costs
/// nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CellOutput {
    Dataset(DatasetOutput),
    Split(SplitOutput),
    Train(TrainOutput),
    Evaluate(EvaluateOutput),
    /// The evaluation of a model that predicts numbers.
    EvaluateRegression(RegressionOutput),
    Tune(TuneOutput),
    Explore(TableProfile),
    /// A note's Markdown, read into safe nodes.
    Note(Vec<NoteNode>),
    Steps(StepsOutput),
    /// A SQL cell's result, its first rows.
    Sql(QueryOutput),
    Clusters(ClustersOutput),
    Boundary(BoundaryOutput),
    /// A predict cell's row, predicted by the pipeline above.
    Predict(PredictOutput),
}

/// What the steps cell did: one report per step, and the table's shape after them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepsOutput {
    pub reports: Vec<StepReport>,
    pub train_rows: usize,
    pub test_rows: usize,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetOutput {
    /// Shape of the file as loaded.
    pub rows: usize,
    pub columns: usize,
    pub column_names: Vec<String>,
    /// The first rows, as text.
    pub preview: Vec<Vec<String>>,
    /// Rows dropped for missing values, and where those values were missing.
    pub dropped: DroppedRows,
    /// Rows left to learn from.
    pub rows_used: usize,
    /// Free-text columns that are not used as features.
    pub ignored_columns: Vec<String>,
    /// With a steps cell below: missing values per feature column, kept for the steps to fill
    /// (only rows without a target are dropped then).
    pub missing_kept: Vec<(String, usize)>,
    /// Each class of the target with its number of rows; empty for a regression target.
    pub class_counts: Vec<(String, usize)>,
    /// A regression target's smallest, mean and largest value.
    pub numeric_target: Option<TargetRange>,
    /// The lines of rows skipped for having the wrong number of fields.
    #[serde(default)]
    pub skipped_lines: Vec<u64>,
    /// Each column's kind of values, as read and then as the learner said (in column order).
    #[serde(default)]
    pub types: Vec<ValueType>,
    /// Values made missing because they are not of the kind the learner gave their column:
    /// the columns that had any, with how many.
    #[serde(default)]
    pub lost_to_types: Vec<(String, usize)>,
}

/// The values of a regression target: what its predictions are measured against.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TargetRange {
    pub min: f64,
    pub mean: f64,
    pub max: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitOutput {
    pub train_rows: usize,
    pub test_rows: usize,
    pub stratified: bool,
    /// The target is a number: there were no classes to stratify by.
    pub numeric_target: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainOutput {
    pub summary: ModelSummary,
    pub features: usize,
    /// Each feature with its share of the impurity decrease, largest first.
    pub importances: Vec<(String, f64)>,
    pub one_hot_columns: Vec<String>,
    /// Accuracy on the training rows; for a regression model, R².
    pub train_accuracy: f64,
    /// Whether the model predicts numbers (then `train_accuracy` is R²).
    pub regression: bool,
    /// A network's mean training loss per epoch; empty for other models.
    pub loss_curve: Vec<f64>,
    /// A network's held-out accuracy per epoch, with early stopping.
    pub validation_scores: Vec<f64>,
    /// Boosting's held-out log loss per round, with early stopping.
    pub validation_loss: Vec<f64>,
    /// A decision tree (of classes or of numbers) as rules and as a drawing.
    pub tree: Option<TreeView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvaluateOutput {
    pub accuracy: f64,
    pub balanced_accuracy: f64,
    /// Matthews correlation, Cohen's kappa and the log loss of the probabilities, as
    /// scikit-learn's `matthews_corrcoef`, `cohen_kappa_score` and `log_loss`; `None` where the
    /// test set leaves one undefined.
    pub matthews: Option<f64>,
    pub kappa: Option<f64>,
    pub log_loss: Option<f64>,
    /// Whether the scores below (ROC, PR, the threshold's) are probabilities; a support vector
    /// machine's are its decision scores squashed into shares.
    pub probabilities: bool,
    /// Precision, recall and F1 per class, with macro and weighted averages.
    pub report: ClassificationReport,
    /// ROC curves and AUC; an error (not a failed cell) when the test set makes them undefined.
    pub roc: Result<RocSummary, Error>,
    /// Precision–recall curves and average precision, likewise.
    pub pr: Result<PrSummary, Error>,
    pub classes: Vec<String>,
    /// Rows are true classes, columns predicted classes, in `classes` order.
    pub confusion: Vec<Vec<u64>>,
    pub test_rows: usize,
    /// Test-set truth and predictions, as class codes, for further metrics and charts.
    pub y_true: Vec<u32>,
    pub y_pred: Vec<u32>,
    /// The probability of each class for each test row.
    pub proba: Vec<Vec<f64>>,
}

/// How close a regression model's predictions on the test rows are, as scikit-learn's
/// `sklearn.metrics` measures it; with the test rows' truth and predictions, for the charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegressionOutput {
    pub r2: f64,
    pub mae: f64,
    pub mse: f64,
    pub rmse: f64,
    /// Undefined (`None`) when a true value is 0.
    pub mape: Option<f64>,
    pub median_absolute_error: f64,
    pub explained_variance: f64,
    pub y_true: Vec<f64>,
    pub y_pred: Vec<f64>,
}

impl EvaluateOutput {
    /// The binary problem's positive class and its scores, when there are two classes.
    pub fn binary_scores(&self) -> Option<(u32, Vec<f64>)> {
        (self.classes.len() == 2).then(|| (1, self.proba.iter().map(|p| p[1]).collect()))
    }
}
