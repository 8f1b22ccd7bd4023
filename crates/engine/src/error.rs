//! Every way the engine can refuse its input. Variants carry the facts a message needs; the
//! wording (in Indonesian and English) lives in the i18n crate, so the engine stays language-free.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Error {
    /// The CSV could not be read; `line` is 1-based as an editor shows it.
    Csv {
        line: u64,
        message: String,
    },
    /// A CSV row with another number of fields than the header; `line` is 1-based.
    CsvFieldCount {
        line: u64,
        expected: usize,
        found: usize,
    },
    /// A quoted CSV field opens on `line` and is never closed.
    CsvUnclosedQuote {
        line: u64,
    },
    /// A SQL query that did not parse or run; the message is the SQL engine's.
    Sql {
        message: String,
    },
    /// A SQL cell runs exactly one SELECT.
    SqlNotOneSelect,
    /// A SQL query ran past the time limit ([`crate::notebook::QUERY_SECONDS`]) and was stopped.
    QueryTimedOut {
        seconds: u32,
    },
    /// A query reads a table that is not there; `suggestion` is the name it most likely meant.
    SqlUnknownTable {
        name: String,
        suggestion: Option<String>,
    },
    /// Two SQL cells' results would have the same table name.
    SqlNameTaken {
        name: String,
    },
    /// The result of the SQL cell `name` is not there: its query has not run, or failed.
    QueryResultMissing {
        name: String,
    },
    /// The JSON could not be read; `line` and `column` are 1-based as an editor shows them.
    Json {
        line: u64,
        column: u64,
        message: String,
    },
    /// JSON that is neither an array of records nor an object of columns.
    JsonNotATable,
    /// In an array of records, record number `record` (1-based) is not an object.
    JsonRecordNotObject {
        record: usize,
    },
    /// In an object of columns, `column` has `found` values where the first had `expected`.
    JsonColumnLengths {
        column: String,
        expected: usize,
        found: usize,
    },
    /// The file has a header but no data rows (or nothing at all).
    EmptyTable,
    /// No data set of that name is shipped, or it was not loaded.
    UnknownDataset {
        name: String,
    },
    /// A learner's own file that this browser (or the command line) does not have.
    UserDataMissing {
        file: String,
    },
    UnknownColumn {
        name: String,
    },
    /// Every row had a missing value somewhere, so nothing was left to learn from.
    NoRowsLeft {
        dropped: usize,
    },
    /// Classification needs at least two classes in the target.
    SingleClassTarget {
        column: String,
        class: String,
    },
    /// A numeric column with this many distinct values is a regression target.
    TooManyClasses {
        column: String,
        classes: usize,
        limit: usize,
    },
    /// The target is the only usable column.
    NoFeatures,
    /// A model needs at least `needed` rows (a PCA two, k-means one per cluster).
    TooFewRows {
        rows: usize,
        needed: usize,
    },
    /// `test_fraction` must lie strictly between 0 and 1.
    TestFractionOutOfRange {
        value: f64,
    },
    /// The split would leave the training or the test set empty (or smaller than the classes).
    TooFewRowsToSplit {
        rows: usize,
        train: usize,
        test: usize,
        classes: usize,
    },
    /// Stratifying needs at least two rows of every class.
    ClassTooSmallToStratify {
        class: String,
        rows: usize,
    },
    /// A hyperparameter outside what the model accepts.
    /// Cross-validation needs at least `folds` rows of some class; the largest class has fewer.
    ClassesSmallerThanFolds {
        folds: usize,
        largest: usize,
    },
    /// A search space's text is none of: a list, a range, a log range.
    InvalidSearchSpace {
        param: String,
        text: String,
    },
    /// A search would try more candidates than it may.
    TooManyCandidates {
        candidates: usize,
        limit: usize,
    },
    InvalidParameter {
        name: String,
        value: String,
        expected: Expected,
    },
    /// This cell needs the output of a kind of cell that is missing above it (or failed).
    NeedsCellAbove {
        cell: CellKind,
    },
    /// A metric was given no rows.
    EmptyInput,
    /// Truth and predictions (or scores) of different lengths.
    LengthMismatch {
        left: usize,
        right: usize,
    },
    /// A metric's own parameter is out of range (e.g. a negative beta).
    InvalidMetricParameter {
        name: String,
    },
    /// A binary-only score was asked of a problem with more classes.
    NotBinary {
        classes: usize,
    },
    /// The positive class is not among the labels of a binary problem.
    PositiveClassAbsent,
    /// A score matrix with the wrong number of columns.
    ScoresShape {
        expected: usize,
        found: usize,
    },
    /// Probabilities outside 0..=1 or rows that do not sum to 1.
    ProbabilitiesInvalid,
    /// NaN or infinite values where numbers are needed.
    ScoresNotFinite,
    /// ROC-AUC needs both classes in the truth.
    OneClassInTruth,
    /// A one-vs-rest score needs every class in the truth.
    ClassAbsentFromTruth,
    /// The silhouette needs between 2 and rows − 1 clusters.
    ClusterCount {
        clusters: usize,
        rows: usize,
    },
    /// A feature value that is NaN or infinite, which no model can learn from.
    NonFiniteFeatures,
    /// A model that names classes, trained on a target of numbers (regression).
    ClassifierOnNumbers,
    /// A regression model, trained on a target of classes.
    RegressorOnClasses,
    /// A number target whose values overflow when squared (see `models::LARGEST_TARGET`).
    TargetTooLarge {
        largest: f64,
    },
    /// A decision boundary separates classes; the target holds numbers.
    BoundaryNeedsClasses,
    /// A decision boundary is drawn over two features; the data has fewer.
    BoundaryNeedsTwoFeatures,
    /// A network's loss became infinite, or grew far above its start, at `epoch` (1-based): the
    /// learning rate is too high.
    TrainingDiverged {
        epoch: u32,
        learning_rate: f64,
    },
    /// Stored notebook text that is not a notebook (damaged, or not Latih's).
    NotebookUnreadable {
        message: String,
    },
    /// Stored notebook text larger than any notebook Latih writes.
    NotebookTooLarge {
        bytes: usize,
        limit: usize,
    },
    /// A notebook from a link, a file or storage, or a data file, with more of `part` than any
    /// holds.
    OverLimit {
        part: LimitedPart,
        found: usize,
        limit: usize,
    },
    /// A step that changes a column was pointed at the target.
    StepOnTarget {
        column: String,
    },
    /// A step that needs numbers (mean, median, scaling) was given a column of categories.
    StepNeedsNumbers {
        column: String,
    },
    /// A step that encodes categories was given a column of numbers.
    StepNeedsCategories {
        column: String,
    },
    /// A filter on a numeric column was given a value that is not a number.
    StepValueNotNumber {
        column: String,
        value: String,
    },
    /// A predict cell's value for a column of numbers that is not a number.
    PredictValueNotNumber {
        column: String,
        value: String,
    },
    /// A LightGBM model was asked of a notebook whose last model is `model` (its notebook name),
    /// not gradient-boosted trees.
    LightgbmNeedsBoosting {
        model: String,
    },
    /// The model (`model`, its notebook name) cannot leave the page yet (as ONNX, or in a
    /// prediction page).
    ExportModelNotYet {
        model: String,
    },
    /// The trained pipeline holds a number that is NaN or infinite (a weight, a fill, a
    /// scale), which no file can carry as the notebook computes with it.
    ExportNotFinite,
    /// An input column has the name of one of the ONNX model's outputs.
    OnnxNameTaken {
        name: String,
    },
    /// A competition's test file lacks a column the submission needs (not the competition's
    /// own file, or changed).
    SubmissionColumnMissing {
        column: String,
    },
    /// The model predicts a class the competition's submission has no answer for (the
    /// notebook predicts another target than the competition's).
    SubmissionAnswerUnknown {
        class: String,
    },
    /// A fitted step that the ONNX graph cannot carry yet (`step`: its kind, as the catalog's
    /// `step-kind-…` keys name it), on `column`.
    OnnxStepNotYet {
        step: String,
        column: String,
    },
    /// A predict cell's row misses values that no step above fills.
    PredictValuesMissing {
        columns: Vec<String>,
    },
    /// The log of a column holding −1 or less (`log1p` has no value there).
    StepLogDomain {
        column: String,
        value: f64,
    },
    /// A rename to an empty name, or to the name of another column.
    StepNameTaken {
        name: String,
    },
    /// Feature columns still have missing values when a model is trained after a steps cell.
    MissingValuesLeft {
        columns: Vec<String>,
    },
    /// A column with no value in the training rows: nothing to learn a fill or a scale from.
    ColumnAllMissing {
        column: String,
    },
    /// A shared link that is cut short, altered, or not a Latih link.
    LinkDamaged,
    /// A shared link longer (or inflating larger) than any Latih writes.
    LinkTooLong {
        chars: usize,
        limit: usize,
    },
    /// A link in a format from a newer version of Latih.
    LinkFromNewerVersion {
        found: u32,
    },
    /// A notebook written by a newer version of Latih than this one.
    UnsupportedNotebookVersion {
        found: u32,
        supported: u32,
    },
}

/// What a parameter must be, for messages that say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expected {
    IntegerBetween {
        min: u64,
        max: u64,
    },
    IntegerAtLeast {
        min: u64,
    },
    PositiveNumber,
    /// Zero or more.
    NonNegativeNumber,
    /// From 0 to 1.
    Fraction,
    /// Above `min`, at most `max`.
    NumberAboveAtMost {
        min: f64,
        max: f64,
    },
    /// From `min` to `max`.
    NumberBetween {
        min: f64,
        max: f64,
    },
    /// A list of 1 to `layers` layer sizes, each from 1 to `units`.
    LayerSizes {
        layers: u64,
        units: u64,
    },
}

/// What [`Error::OverLimit`] counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LimitedPart {
    Cells,
    /// The characters of one note.
    NoteText,
    /// The characters of one SQL query.
    QueryText,
    /// The columns of a data set.
    Columns,
    /// The rows a SQL query goes through or makes (or the characters a function makes).
    QueryRows,
    /// The features a model is given, after one-hot encoding.
    Features,
}

/// The kinds of notebook cell, for messages that name one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellKind {
    Dataset,
    Split,
    Train,
    Evaluate,
    Tune,
    Steps,
}

impl std::fmt::Display for Error {
    /// An English fallback for logs and the CLI; the UI uses the translated messages instead.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Error {}
