//! Running a notebook: each cell takes what the cells above produced, and yields an output or
//! an [`Error`] that stays on that cell. A failed cell does not stop the cells below from
//! reporting what they are waiting for.

use super::forest::GrownForest;
use super::note::{parse_note, NoteNode};
use super::query::{run_sql, QueryOutput};
use super::tune::{self, TuneOutput};
use super::{Cell, DatasetCell, ExploreCell, Notebook, SplitCell, StepsCell, TrainCell};
use crate::error::CellKind;
use crate::features::{FeatureEncoder, Matrix, Outcomes, Target};
use crate::metrics::{self, ClassificationReport, RocCurve};
use crate::models::{Classifier, ForestRegressor, Regressor, TreeView};
use crate::prep::{Prepared, StepReport};
use crate::split::{hold_out, HoldOut};
use crate::table::profile::{profile, TableProfile};
use crate::table::retype::{retype, ValueType};
use crate::table::scatter::{default_axes, scatter};
use crate::table::{read_table_skipping, DroppedRows, Table};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where data set cells get their CSV text; the web app fetches it, the tests read files.
pub trait DataSource {
    fn csv(&self, dataset: &str) -> Option<&str>;
    /// The data sets it holds, where it can list them (SQL queries name tables, not ids).
    fn ids(&self) -> Vec<&str> {
        Vec::new()
    }
    /// Whether the data set cell's target is a number to predict (regression), reading its
    /// file (again: a source that is asked often remembers it); false when it cannot be read.
    fn predicts_numbers(&self, cell: &DatasetCell) -> bool {
        self.csv(&cell.dataset)
            .and_then(|text| read_table_skipping(text, cell.skip_bad_rows).ok())
            .and_then(|(table, _)| {
                let (complete, _) = table.drop_incomplete_rows(&[cell.target.as_str()]);
                Target::of(&complete, &cell.target).ok()
            })
            .is_some_and(|target| target.labels().is_none())
    }
}

impl DataSource for HashMap<String, String> {
    fn csv(&self, dataset: &str) -> Option<&str> {
        self.get(dataset).map(String::as_str)
    }
    fn ids(&self) -> Vec<&str> {
        self.keys().map(String::as_str).collect()
    }
}

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
    Clusters(super::ClustersOutput),
    Boundary(super::BoundaryOutput),
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

/// What a fitted model looks like, in numbers a learner can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelSummary {
    Tree {
        depth: u32,
        leaves: usize,
    },
    Forest {
        trees: usize,
        mean_depth: f64,
    },
    Neighbours {
        k: u32,
    },
    NaiveBayes,
    /// `converged` is false when `max_iter` ran out first (scikit-learn's ConvergenceWarning).
    Linear {
        iterations: u32,
        converged: bool,
    },
    Network {
        hidden: Vec<usize>,
        epochs: usize,
        converged: bool,
    },
    Boosting {
        rounds: usize,
        mean_leaves: f64,
        stopped_early: bool,
    },
    /// `converged` is false when the solver's iteration limit ran out first.
    SupportVectors {
        count: usize,
        converged: bool,
    },
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

/// A ROC curve of one class against the rest, with its area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassCurve {
    pub class: usize,
    pub curve: RocCurve,
    pub auc: f64,
}

/// ROC-AUC as scikit-learn's `roc_auc_score` gives it (binary: of the second class, as
/// scikit-learn takes the greater label as positive; multiclass: one-vs-rest, macro average),
/// and the curves to draw: one for a binary problem, one per class otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RocSummary {
    pub auc: f64,
    pub curves: Vec<ClassCurve>,
}

/// A precision–recall curve of one class against the rest, with its average precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassPrCurve {
    pub class: usize,
    pub recall: Vec<f64>,
    pub precision: Vec<f64>,
    pub average_precision: f64,
}

/// `average_precision_score` as scikit-learn gives it (binary: of the second class; multiclass:
/// one-vs-rest, macro average), and the curves to draw, as for ROC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrSummary {
    pub average_precision: f64,
    pub curves: Vec<ClassPrCurve>,
}

fn pr_summary(y_true: &[u32], proba: &[Vec<f64>], n_classes: usize) -> Result<PrSummary, Error> {
    let curve_of = |class: usize| -> Result<ClassPrCurve, Error> {
        let scores: Vec<f64> = proba.iter().map(|p| p[class]).collect();
        let curve = metrics::precision_recall_curve(y_true, &scores, class as u32)?;
        Ok(ClassPrCurve {
            class,
            recall: curve.recall,
            precision: curve.precision,
            average_precision: metrics::average_precision_binary(y_true, &scores, class as u32)?,
        })
    };
    if n_classes == 2 {
        let curve = curve_of(1)?;
        return Ok(PrSummary {
            average_precision: curve.average_precision,
            curves: vec![curve],
        });
    }
    Ok(PrSummary {
        average_precision: metrics::average_precision_ovr(
            y_true,
            proba,
            metrics::ClassAverage::Macro,
        )?,
        curves: (0..n_classes).map(curve_of).collect::<Result<_, _>>()?,
    })
}

impl EvaluateOutput {
    /// The binary problem's positive class and its scores, when there are two classes.
    pub fn binary_scores(&self) -> Option<(u32, Vec<f64>)> {
        (self.classes.len() == 2).then(|| (1, self.proba.iter().map(|p| p[1]).collect()))
    }
}

fn roc_summary(y_true: &[u32], proba: &[Vec<f64>], n_classes: usize) -> Result<RocSummary, Error> {
    let column = |class: usize| -> Vec<f64> { proba.iter().map(|p| p[class]).collect() };
    let curve_of = |class: usize| -> Result<ClassCurve, Error> {
        let scores = column(class);
        Ok(ClassCurve {
            class,
            auc: metrics::roc_auc_binary(y_true, &scores, class as u32)?,
            curve: metrics::roc_curve(y_true, &scores, class as u32, true)?,
        })
    };
    if n_classes == 2 {
        let curve = curve_of(1)?;
        return Ok(RocSummary {
            auc: curve.auc,
            curves: vec![curve],
        });
    }
    Ok(RocSummary {
        auc: metrics::roc_auc_ovr(y_true, proba, metrics::ClassAverage::Macro)?,
        curves: (0..n_classes).map(curve_of).collect::<Result<_, _>>()?,
    })
}

const PREVIEW_ROWS: usize = 5;

/// What has been computed so far, top to bottom.
#[derive(Default)]
pub(super) struct State {
    /// The data set as loaded, before incomplete rows are dropped.
    pub raw: Option<Table>,
    pub data: Option<(Table, String, Target)>,
    pub split: Option<HoldOut>,
    model: Option<(FeatureEncoder, Fitted)>,
    /// A steps cell failed: the cells below wait for it, not for a split.
    steps_failed: bool,
}

/// A fitted model of either task.
enum Fitted {
    Classifier(Classifier),
    Regressor(Regressor),
}

/// What a cell that learns from the split data reads from the cells above it.
pub(super) struct SplitData<'a> {
    pub table: &'a Table,
    pub target: &'a str,
    pub outcome: &'a Target,
    pub split: &'a HoldOut,
}

impl State {
    /// The data set and its split, or which cell above is missing.
    pub(super) fn split_data(&self) -> Result<SplitData<'_>, Error> {
        let (table, target, outcome) = self.data.as_ref().ok_or(Error::NeedsCellAbove {
            cell: CellKind::Dataset,
        })?;
        let split = self.split.as_ref().ok_or(Error::NeedsCellAbove {
            cell: if self.steps_failed {
                CellKind::Steps
            } else {
                CellKind::Split
            },
        })?;
        Ok(SplitData {
            table,
            target,
            outcome,
            split,
        })
    }
}

/// The data and split that cell `index` sees, running only the data set and split cells above
/// it (a search needs no model trained).
pub(super) fn data_above(notebook: &Notebook, index: usize, source: &dyn DataSource) -> State {
    let mut state = State::default();
    for cell in notebook.cells.iter().take(index) {
        // Errors leave the state empty; the caller reports what is missing.
        let _ = match cell {
            Cell::Dataset(c) => {
                let keep = notebook.steps_follow(position(notebook, cell));
                run_dataset(c, source, keep, &mut state).map(drop)
            }
            Cell::Split(c) => run_split(c, &mut state).map(drop),
            Cell::Steps(c) => run_steps(c, &mut state).map(drop),
            _ => Ok(()),
        };
    }
    state
}

pub fn evaluate(notebook: &Notebook, source: &dyn DataSource) -> Vec<Result<CellOutput, Error>> {
    evaluate_with(notebook, source, Prefitted::new(), &mut |_| {})
}

/// What a notebook run reports as it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunEvent {
    /// Cell `index` starts: if the run dies now (a worker out of memory), it died on this cell.
    Cell(usize),
    /// The fraction of the notebook done, 0 to 1.
    Progress(f64),
}

/// Models already fitted elsewhere, by train cell: a forest whose trees several workers grew.
pub type Prefitted = HashMap<usize, GrownForest>;

/// How much of a notebook's running time each kind of cell takes, roughly: training dominates.
pub fn work_weight(cell: &Cell) -> f64 {
    match cell {
        Cell::Train(_) => 20.0,
        Cell::Clusters(_) | Cell::Boundary(_) => 5.0,
        _ => 1.0,
    }
}

/// [`evaluate`], using the `prefitted` models for their train cells (each is checked against
/// its cell and fitted afresh if it does not fit) and telling `watch` how the run goes.
pub fn evaluate_with(
    notebook: &Notebook,
    source: &dyn DataSource,
    mut prefitted: Prefitted,
    watch: &mut dyn FnMut(RunEvent),
) -> Vec<Result<CellOutput, Error>> {
    if let Err(err) = notebook.check_version() {
        return notebook.cells.iter().map(|_| Err(err.clone())).collect();
    }
    let total: f64 = notebook.cells.iter().map(work_weight).sum();
    let mut done = 0.0;
    let mut state = State::default();
    let outputs = notebook
        .cells
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            watch(RunEvent::Cell(index));
            let weight = work_weight(cell);
            let mut within =
                |fraction: f64| watch(RunEvent::Progress((done + weight * fraction) / total));
            let output = match cell {
                Cell::Dataset(c) => {
                    run_dataset(c, source, notebook.steps_follow(index), &mut state)
                        .map(CellOutput::Dataset)
                }
                Cell::Steps(c) => run_steps(c, &mut state).map(CellOutput::Steps),
                Cell::Split(c) => run_split(c, &mut state).map(CellOutput::Split),
                Cell::Train(c) => run_train(c, prefitted.remove(&index), &mut state, &mut within)
                    .map(CellOutput::Train),
                Cell::Evaluate(_) => run_evaluate(&state),
                Cell::Note(note) => Ok(CellOutput::Note(parse_note(&note.text))),
                Cell::Explore(c) => state
                    .raw
                    .as_ref()
                    .map(|table| CellOutput::Explore(explore(c, table, notebook, index)))
                    .ok_or(Error::NeedsCellAbove {
                        cell: CellKind::Dataset,
                    }),
                Cell::Tune(c) => tune::plan(notebook, index, c, &state)
                    .map(|plan| CellOutput::Tune(tune::output(&plan))),
                Cell::Sql(c) => {
                    run_sql(c, &sql_names_above(notebook, index), source).map(CellOutput::Sql)
                }
                Cell::Clusters(c) => {
                    super::clusters::run(c, &state, &mut within).map(CellOutput::Clusters)
                }
                Cell::Boundary(c) => {
                    super::boundary::run(c, notebook, index, &state).map(CellOutput::Boundary)
                }
            };
            done += weight;
            watch(RunEvent::Progress(done / total));
            output
        })
        .collect();
    outputs
}

/// The profile of the data set as loaded, with the scatter of the chosen (or first two) numeric
/// columns coloured by the target of the data set cell above.
fn explore(cell: &ExploreCell, table: &Table, notebook: &Notebook, index: usize) -> TableProfile {
    let target = notebook.cells[..index]
        .iter()
        .rev()
        .find_map(|c| match c {
            Cell::Dataset(d) => Some(d.target.as_str()),
            _ => None,
        })
        .unwrap_or_default();
    let axes = match (&cell.x, &cell.y) {
        (Some(x), Some(y)) => Some((x.clone(), y.clone())),
        _ => default_axes(table, target),
    };
    TableProfile {
        scatter: axes.and_then(|(x, y)| scatter(table, &x, &y, target)),
        ..profile(table)
    }
}

/// The names of the SQL cells above the cell at `index`.
fn sql_names_above(notebook: &Notebook, index: usize) -> Vec<&str> {
    notebook.cells[..index]
        .iter()
        .filter_map(|c| match c {
            Cell::Sql(sql) => Some(sql.name.as_str()),
            _ => None,
        })
        .collect()
}

/// The index of `cell` in the notebook (cells are compared by address: the same cell).
fn position(notebook: &Notebook, cell: &Cell) -> usize {
    notebook
        .cells
        .iter()
        .position(|c| std::ptr::eq(c, cell))
        .unwrap_or(0)
}

/// Loads the data set. Rows with a missing value in a used column are dropped, unless
/// `keep_incomplete` (a steps cell follows, to fill them): then only rows without a target go.
fn run_dataset(
    cell: &DatasetCell,
    source: &dyn DataSource,
    keep_incomplete: bool,
    state: &mut State,
) -> Result<DatasetOutput, Error> {
    *state = State::default();
    let text = source.csv(&cell.dataset).ok_or_else(|| {
        let datasets = (
            crate::datasets::user_file_name(&cell.dataset),
            crate::datasets::query_result_name(&cell.dataset),
        );
        match datasets {
            (Some(file), _) => Error::UserDataMissing { file: file.into() },
            (_, Some(name)) => Error::QueryResultMissing { name: name.into() },
            _ => Error::UnknownDataset {
                name: cell.dataset.clone(),
            },
        }
    })?;
    // Kept as loaded for the explore cell, before the checks below that may fail.
    let (mut table, skipped_lines) = read_table_skipping(text, cell.skip_bad_rows)?;
    let lost_to_types = retype_columns(&mut table, &cell.types)?;
    let table: &Table = state.raw.insert(table);
    if table.column(&cell.target).is_none() {
        return Err(Error::UnknownColumn {
            name: cell.target.clone(),
        });
    }
    let ignored_columns = FeatureEncoder::ignored_columns(table);
    let used: Vec<&str> = table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|name| !ignored_columns.iter().any(|i| i == name))
        .chain([cell.target.as_str()])
        .collect();
    let must_have: Vec<&str> = if keep_incomplete {
        vec![cell.target.as_str()]
    } else {
        used.clone()
    };
    let (complete, dropped) = table.drop_incomplete_rows(&must_have);
    let missing_kept: Vec<(String, usize)> = if keep_incomplete {
        complete
            .columns
            .iter()
            .filter(|c| used.contains(&c.name.as_str()) && c.name != cell.target)
            .map(|c| {
                let missing = (0..c.len()).filter(|&r| c.is_missing(r)).count();
                (c.name.clone(), missing)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    } else {
        Vec::new()
    };
    if complete.n_rows() == 0 {
        return Err(Error::NoRowsLeft {
            dropped: dropped.rows,
        });
    }
    let outcome = Target::of(&complete, &cell.target)?;
    let (class_counts, numeric_target) = match &outcome {
        Target::Classes(labels) => {
            let mut counts: Vec<(String, usize)> =
                labels.classes.iter().map(|c| (c.clone(), 0)).collect();
            for &code in &labels.codes {
                counts[code as usize].1 += 1;
            }
            (counts, None)
        }
        Target::Numbers(values) => (Vec::new(), Some(range_of(values))),
    };
    let preview_rows = table.n_rows().min(PREVIEW_ROWS);
    let output = DatasetOutput {
        rows: table.n_rows(),
        columns: table.n_columns(),
        column_names: table.columns.iter().map(|c| c.name.clone()).collect(),
        preview: (0..preview_rows)
            .map(|r| table.columns.iter().map(|c| c.display(r)).collect())
            .collect(),
        dropped,
        rows_used: complete.n_rows(),
        ignored_columns,
        missing_kept,
        class_counts,
        numeric_target,
        skipped_lines,
        types: table
            .columns
            .iter()
            .map(|c| ValueType::of(&c.data))
            .collect(),
        lost_to_types,
    };
    state.data = Some((complete, cell.target.clone(), outcome));
    Ok(output)
}

/// Reads the columns named in `types` as the kinds given there; returns the values each made
/// missing, for the columns where some were.
fn retype_columns(
    table: &mut Table,
    types: &[(String, ValueType)],
) -> Result<Vec<(String, usize)>, Error> {
    let mut lost = Vec::new();
    for (name, to) in types {
        let column = table
            .columns
            .iter_mut()
            .find(|c| &c.name == name)
            .ok_or_else(|| Error::UnknownColumn { name: name.clone() })?;
        match retype(column, *to) {
            0 => {}
            n => lost.push((name.clone(), n)),
        }
    }
    Ok(lost)
}

fn range_of(values: &[f64]) -> TargetRange {
    TargetRange {
        min: values.iter().copied().fold(f64::INFINITY, f64::min),
        mean: values.iter().sum::<f64>() / values.len().max(1) as f64,
        max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

fn run_split(cell: &SplitCell, state: &mut State) -> Result<SplitOutput, Error> {
    state.split = None;
    state.steps_failed = false;
    state.model = None;
    let (_, _, outcome) = state.data.as_ref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Dataset,
    })?;
    // Numbers have no classes to stratify by: the rows are shuffled as one group.
    let split = match outcome {
        Target::Classes(labels) => hold_out(
            &labels.codes,
            &labels.classes,
            cell.test_fraction,
            cell.stratify,
            cell.seed,
        )?,
        Target::Numbers(values) => hold_out(
            &vec![0; values.len()],
            &[String::new()],
            cell.test_fraction,
            false,
            cell.seed,
        )?,
    };
    let output = SplitOutput {
        train_rows: split.train.len(),
        test_rows: split.test.len(),
        stratified: cell.stratify && outcome.labels().is_some(),
        numeric_target: outcome.labels().is_none(),
    };
    state.split = Some(split);
    Ok(output)
}

/// The training rows of the split, encoded: what a train cell fits its model on.
pub(super) struct TrainingSet {
    pub encoder: FeatureEncoder,
    pub x: Matrix,
    pub y: Outcomes,
}

impl State {
    /// The feature importances of the model fitted last; empty without one.
    pub(super) fn importances(&self) -> Vec<f64> {
        match &self.model {
            Some((_, Fitted::Classifier(model))) => model.feature_importances(),
            Some((_, Fitted::Regressor(model))) => model.feature_importances(),
            None => Vec::new(),
        }
    }

    /// The target's classes, in code order; empty for a number target or without data.
    pub(super) fn class_names(&self) -> Vec<String> {
        self.data
            .as_ref()
            .and_then(|(_, _, target)| target.labels())
            .map(|labels| labels.classes.clone())
            .unwrap_or_default()
    }

    pub(super) fn training_set(&self) -> Result<TrainingSet, Error> {
        let SplitData {
            table,
            target,
            outcome,
            split,
        } = self.split_data()?;
        missing_values_left(table, target)?;
        let encoder = FeatureEncoder::fit(table, target, &split.train)?;
        let x = encoder.transform(table, &split.train)?;
        Ok(TrainingSet {
            encoder,
            x,
            y: outcome.of_rows(&split.train),
        })
    }
}

/// After a steps cell the table may still hold missing values, which no model takes: say which
/// columns, so the learner can add a step for them.
pub(super) fn missing_values_left(table: &Table, target: &str) -> Result<(), Error> {
    let ignored = FeatureEncoder::ignored_columns(table);
    let columns: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.name != target && !ignored.contains(&c.name))
        .filter(|c| (0..c.len()).any(|r| c.is_missing(r)))
        .map(|c| c.name.clone())
        .collect();
    if columns.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingValuesLeft { columns })
    }
}

fn run_steps(cell: &StepsCell, state: &mut State) -> Result<StepsOutput, Error> {
    state.model = None;
    let SplitData {
        table,
        target,
        split,
        ..
    } = state.split_data()?;
    let mut data = Prepared {
        table: table.clone(),
        target: target.to_string(),
        train: split.train.clone(),
        test: split.test.clone(),
    };
    // Until every step has run, nothing below sees a half-prepared table.
    state.split = None;
    state.steps_failed = true;
    let reports = cell
        .steps
        .iter()
        .map(|step| step.apply(&mut data))
        .collect::<Result<Vec<_>, _>>()?;
    state.steps_failed = false;
    let outcome = Target::of(&data.table, &data.target)?;
    let output = StepsOutput {
        reports,
        train_rows: data.train.len(),
        test_rows: data.test.len(),
        columns: data.table.columns.iter().map(|c| c.name.clone()).collect(),
    };
    state.split = Some(HoldOut {
        train: data.train,
        test: data.test,
    });
    state.data = Some((data.table, data.target, outcome));
    Ok(output)
}

fn run_train(
    cell: &TrainCell,
    prefitted: Option<GrownForest>,
    state: &mut State,
    progress: &mut dyn FnMut(f64),
) -> Result<TrainOutput, Error> {
    state.model = None;
    let TrainingSet {
        encoder,
        x: x_train,
        y: y_train,
    } = state.training_set()?;
    let (y_train, n_classes) = match y_train {
        Outcomes::Classes { codes, n_classes } => (codes, n_classes),
        Outcomes::Numbers(values) => {
            let prefitted = match prefitted {
                Some(GrownForest::Numbers(forest)) => Some(forest),
                _ => None,
            };
            return train_regressor(cell, encoder, &x_train, &values, prefitted, state, progress);
        }
    };
    let prefitted = match prefitted {
        Some(GrownForest::Classes(forest)) => Some(Classifier::RandomForest(forest)),
        _ => None,
    };
    let model = match prefitted {
        Some(model) if model.was_fitted_as(&cell.model, x_train.cols, n_classes) => model,
        _ => cell
            .model
            .fit_with_progress(&x_train, &y_train, n_classes, progress)?,
    };
    let train_pred = model.predict(&x_train);
    let summary = match &model {
        Classifier::DecisionTree(tree) => ModelSummary::Tree {
            depth: tree.depth(),
            leaves: tree.n_leaves(),
        },
        Classifier::RandomForest(forest) => ModelSummary::Forest {
            trees: forest.n_trees(),
            mean_depth: forest.mean_depth(),
        },
        Classifier::KNearestNeighbors(knn) => ModelSummary::Neighbours {
            k: knn.n_neighbors(),
        },
        Classifier::GaussianNaiveBayes(_) => ModelSummary::NaiveBayes,
        Classifier::LogisticRegression(lr) => ModelSummary::Linear {
            iterations: lr.iterations(),
            converged: lr.converged(),
        },
        Classifier::NeuralNetwork(mlp) => ModelSummary::Network {
            hidden: mlp.hidden_layer_sizes(),
            epochs: mlp.loss_curve().len(),
            converged: mlp.converged(),
        },
        Classifier::GradientBoosting(gb) => ModelSummary::Boosting {
            rounds: gb.n_rounds(),
            mean_leaves: gb.mean_leaves(),
            stopped_early: gb.stopped_early(),
        },
        Classifier::SupportVectorMachine(svc) => ModelSummary::SupportVectors {
            count: svc.support_vectors(),
            converged: svc.converged(),
        },
    };
    let (loss_curve, validation_scores, validation_loss) = match &model {
        Classifier::NeuralNetwork(mlp) => (
            mlp.loss_curve().to_vec(),
            mlp.validation_scores().to_vec(),
            Vec::new(),
        ),
        Classifier::GradientBoosting(gb) => (
            gb.loss_curve().to_vec(),
            Vec::new(),
            gb.validation_loss().to_vec(),
        ),
        _ => (Vec::new(), Vec::new(), Vec::new()),
    };
    let importances = ranked(&encoder, model.feature_importances());
    let tree = match &model {
        Classifier::DecisionTree(tree) => {
            let classes = state.data.as_ref().and_then(|(_, _, t)| t.labels());
            let classes = classes.map_or(&[][..], |l| &l.classes[..]);
            Some(TreeView::of(tree, &encoder.feature_names(), classes))
        }
        _ => None,
    };
    let output = TrainOutput {
        summary,
        importances,
        features: x_train.cols,
        one_hot_columns: encoder.one_hot_columns(),
        train_accuracy: metrics::accuracy(&y_train, &train_pred).unwrap_or(0.0),
        regression: false,
        loss_curve,
        validation_scores,
        validation_loss,
        tree,
    };
    state.model = Some((encoder, Fitted::Classifier(model)));
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

/// Fits the train cell's model to a regression target.
fn train_regressor(
    cell: &TrainCell,
    encoder: FeatureEncoder,
    x_train: &Matrix,
    y_train: &[f64],
    prefitted: Option<ForestRegressor>,
    state: &mut State,
    progress: &mut dyn FnMut(f64),
) -> Result<TrainOutput, Error> {
    // A forest grown by other workers, used when it is the one this cell would grow.
    let model = match prefitted.map(Regressor::RandomForest) {
        Some(model) if model.was_fitted_as(&cell.model, x_train.cols) => model,
        _ => cell.model.fit_regressor(x_train, y_train, progress)?,
    };
    let summary = match &model {
        Regressor::DecisionTree(tree) => ModelSummary::Tree {
            depth: tree.depth(),
            leaves: tree.n_leaves(),
        },
        Regressor::RandomForest(forest) => ModelSummary::Forest {
            trees: forest.n_trees(),
            mean_depth: forest.mean_depth(),
        },
        Regressor::Linear(linear) => ModelSummary::Linear {
            iterations: linear.iterations,
            converged: linear.converged,
        },
        Regressor::KNearestNeighbors(knn) => ModelSummary::Neighbours {
            k: knn.n_neighbors(),
        },
        Regressor::GradientBoosting(gb) => ModelSummary::Boosting {
            rounds: gb.n_rounds(),
            mean_leaves: gb.mean_leaves(),
            stopped_early: gb.stopped_early(),
        },
        Regressor::NeuralNetwork(mlp) => ModelSummary::Network {
            hidden: mlp.hidden_layer_sizes(),
            epochs: mlp.loss_curve().len(),
            converged: mlp.converged(),
        },
        Regressor::SupportVectorMachine(svr) => ModelSummary::SupportVectors {
            count: svr.support_vectors(),
            converged: svr.converged(),
        },
    };
    // The loss per round (boosting) or epoch (a network): half the squared error; with early
    // stopping, boosting's held-out loss and the network's held-out R².
    let (loss_curve, validation_scores, validation_loss) = match &model {
        Regressor::GradientBoosting(gb) => (
            gb.loss_curve().to_vec(),
            Vec::new(),
            gb.validation_loss().to_vec(),
        ),
        Regressor::NeuralNetwork(mlp) => (
            mlp.loss_curve().to_vec(),
            mlp.validation_scores().to_vec(),
            Vec::new(),
        ),
        _ => (Vec::new(), Vec::new(), Vec::new()),
    };
    let importances = ranked(&encoder, model.feature_importances());
    let tree = match &model {
        Regressor::DecisionTree(tree) => Some(TreeView::of_regressor(
            tree,
            x_train,
            y_train,
            &encoder.feature_names(),
        )),
        _ => None,
    };
    let output = TrainOutput {
        summary,
        importances,
        features: x_train.cols,
        one_hot_columns: encoder.one_hot_columns(),
        train_accuracy: metrics::r2_score(y_train, &model.predict(x_train)).unwrap_or(0.0),
        regression: true,
        loss_curve,
        validation_scores,
        validation_loss,
        tree,
    };
    state.model = Some((encoder, Fitted::Regressor(model)));
    Ok(output)
}

fn run_evaluate(state: &State) -> Result<CellOutput, Error> {
    let SplitData {
        table,
        outcome,
        split,
        ..
    } = state.split_data()?;
    let (encoder, model) = state.model.as_ref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    let x_test = encoder.transform(table, &split.test)?;
    match (model, outcome.of_rows(&split.test)) {
        (Fitted::Regressor(model), Outcomes::Numbers(y_true)) => {
            evaluate_regressor(model, &x_test, y_true).map(CellOutput::EvaluateRegression)
        }
        (Fitted::Classifier(model), Outcomes::Classes { codes, .. }) => {
            let labels = outcome.labels().ok_or(Error::ClassifierOnNumbers)?;
            evaluate_classifier(model, &x_test, codes, &labels.classes).map(CellOutput::Evaluate)
        }
        // A model is fitted to the target it sees: they cannot disagree.
        (Fitted::Regressor(_), _) => Err(Error::RegressorOnClasses),
        (Fitted::Classifier(_), _) => Err(Error::ClassifierOnNumbers),
    }
}

fn evaluate_regressor(
    model: &Regressor,
    x_test: &Matrix,
    y_true: Vec<f64>,
) -> Result<RegressionOutput, Error> {
    let y_pred = model.predict(x_test);
    Ok(RegressionOutput {
        r2: metrics::r2_score(&y_true, &y_pred)?,
        mae: metrics::mean_absolute_error(&y_true, &y_pred)?,
        mse: metrics::mean_squared_error(&y_true, &y_pred)?,
        rmse: metrics::root_mean_squared_error(&y_true, &y_pred)?,
        mape: y_true
            .iter()
            .all(|v| *v != 0.0)
            .then(|| metrics::mean_absolute_percentage_error(&y_true, &y_pred).ok())
            .flatten(),
        median_absolute_error: metrics::median_absolute_error(&y_true, &y_pred)?,
        explained_variance: metrics::explained_variance(&y_true, &y_pred)?,
        y_true,
        y_pred,
    })
}

fn evaluate_classifier(
    model: &Classifier,
    x_test: &Matrix,
    y_true: Vec<u32>,
    classes: &[String],
) -> Result<EvaluateOutput, Error> {
    let y_pred = model.predict(x_test);
    let proba = model.predict_proba(x_test);
    let n_classes = classes.len();
    Ok(EvaluateOutput {
        accuracy: metrics::accuracy(&y_true, &y_pred).unwrap_or(0.0),
        balanced_accuracy: metrics::balanced_accuracy(&y_true, &y_pred)?,
        matthews: metrics::matthews_corrcoef(&y_true, &y_pred).ok(),
        kappa: metrics::cohen_kappa(&y_true, &y_pred).ok(),
        // A support vector machine's shares are squashed scores: their log loss would mislead.
        log_loss: model
            .gives_probabilities()
            .then(|| metrics::log_loss(&y_true, &proba).ok())
            .flatten(),
        probabilities: model.gives_probabilities(),
        report: metrics::classification_report(
            &y_true,
            &y_pred,
            n_classes,
            metrics::ZeroDivision::Warn,
        )?,
        roc: roc_summary(&y_true, &proba, n_classes),
        pr: pr_summary(&y_true, &proba, n_classes),
        classes: classes.to_vec(),
        confusion: metrics::confusion_matrix(&y_true, &y_pred, n_classes),
        test_rows: y_true.len(),
        y_true,
        y_pred,
        proba,
    })
}
