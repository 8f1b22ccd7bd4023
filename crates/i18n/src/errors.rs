//! Engine errors in words: each variant's facts fill its catalog message.

use crate::{format_count, format_number, t, tf, Lang};
use latih_engine::datasets::FetchFailure;
use latih_engine::error::{CellKind, Expected, LimitedPart};
use latih_engine::Error;

fn cell_kind_name(lang: Lang, kind: CellKind) -> String {
    let key = match kind {
        CellKind::Dataset => "cell-kind-dataset",
        CellKind::Split => "cell-kind-split",
        CellKind::Train => "cell-kind-train",
        CellKind::Evaluate => "cell-kind-evaluate",
        CellKind::Tune => "cell-kind-tune",
        CellKind::Steps => "cell-kind-steps",
    };
    t(lang, key)
}

fn expectation(lang: Lang, expected: &Expected) -> String {
    let n = |x: u64| format_count(lang, usize::try_from(x).unwrap_or(usize::MAX));
    match expected {
        Expected::IntegerBetween { min, max } => tf(
            lang,
            "expected-integer-between",
            &[("min", n(*min)), ("max", n(*max))],
        ),
        Expected::IntegerAtLeast { min } => {
            tf(lang, "expected-integer-at-least", &[("min", n(*min))])
        }
        Expected::PositiveNumber => t(lang, "expected-positive-number"),
        Expected::NonNegativeNumber => t(lang, "expected-non-negative-number"),
        Expected::Fraction => t(lang, "expected-fraction"),
        Expected::NumberAboveAtMost { min, max } => tf(
            lang,
            "expected-number-above-at-most",
            &[
                ("min", format_number(lang, *min)),
                ("max", format_number(lang, *max)),
            ],
        ),
        Expected::NumberBetween { min, max } => tf(
            lang,
            "expected-number-between",
            &[
                ("min", format_number(lang, *min)),
                ("max", format_number(lang, *max)),
            ],
        ),
        Expected::LayerSizes { layers, units } => tf(
            lang,
            "expected-layer-sizes",
            &[("layers", n(*layers)), ("units", n(*units))],
        ),
    }
}

pub fn error_message(lang: Lang, error: &Error) -> String {
    let n = |x: usize| format_count(lang, x);
    match error {
        Error::Csv { line, message } => tf(
            lang,
            "error-csv",
            &[("line", line.to_string()), ("message", message.clone())],
        ),
        Error::Json {
            line,
            column,
            message,
        } => tf(
            lang,
            "error-json",
            &[
                ("line", line.to_string()),
                ("column", column.to_string()),
                ("message", message.clone()),
            ],
        ),
        Error::CsvFieldCount {
            line,
            expected,
            found,
        } => tf(
            lang,
            "error-csv-field-count",
            &[
                ("line", line.to_string()),
                ("expected", n(*expected)),
                ("found", n(*found)),
            ],
        ),
        Error::CsvUnclosedQuote { line } => tf(
            lang,
            "error-csv-unclosed-quote",
            &[("line", line.to_string())],
        ),
        Error::Sql { message } => tf(lang, "error-sql", &[("message", message.clone())]),
        Error::SqlNotOneSelect => t(lang, "error-sql-not-one-select"),
        Error::QueryTimedOut { seconds } => tf(
            lang,
            "error-query-timed-out",
            &[("seconds", n(*seconds as usize))],
        ),
        Error::SqlUnknownTable {
            name,
            suggestion: Some(meant),
        } => tf(
            lang,
            "error-sql-unknown-table-meant",
            &[("name", name.clone()), ("meant", meant.clone())],
        ),
        Error::SqlUnknownTable { name, .. } => {
            tf(lang, "error-sql-unknown-table", &[("name", name.clone())])
        }
        Error::SqlNameTaken { name } => tf(lang, "error-sql-name-taken", &[("name", name.clone())]),
        Error::QueryResultMissing { name } => tf(
            lang,
            "error-query-result-missing",
            &[("name", name.clone())],
        ),
        Error::JsonNotATable => t(lang, "error-json-not-a-table"),
        Error::JsonRecordNotObject { record } => {
            tf(lang, "error-json-record", &[("record", n(*record))])
        }
        Error::JsonColumnLengths {
            column,
            expected,
            found,
        } => tf(
            lang,
            "error-json-column-lengths",
            &[
                ("column", column.clone()),
                ("expected", n(*expected)),
                ("found", n(*found)),
            ],
        ),
        Error::EmptyTable => t(lang, "error-empty-table"),
        Error::ClassesSmallerThanFolds { folds, largest } => tf(
            lang,
            "error-classes-smaller-than-folds",
            &[("folds", n(*folds)), ("largest", n(*largest))],
        ),
        Error::InvalidSearchSpace { param, text } => tf(
            lang,
            "error-invalid-search-space",
            &[("param", param.clone()), ("text", text.clone())],
        ),
        Error::TooManyCandidates { candidates, limit } => tf(
            lang,
            "error-too-many-candidates",
            &[("candidates", n(*candidates)), ("limit", n(*limit))],
        ),
        Error::UnknownDataset { name } => {
            tf(lang, "error-unknown-dataset", &[("name", name.clone())])
        }
        Error::UserDataMissing { file } => {
            tf(lang, "error-user-data-missing", &[("file", file.clone())])
        }
        Error::UnknownColumn { name } => {
            tf(lang, "error-unknown-column", &[("name", name.clone())])
        }
        Error::NoRowsLeft { dropped } => {
            tf(lang, "error-no-rows-left", &[("dropped", n(*dropped))])
        }
        Error::SingleClassTarget { column, class } => tf(
            lang,
            "error-single-class",
            &[("column", column.clone()), ("class", class.clone())],
        ),
        Error::TooManyClasses {
            column,
            classes,
            limit,
        } => tf(
            lang,
            "error-too-many-classes",
            &[
                ("column", column.clone()),
                ("classes", n(*classes)),
                ("limit", n(*limit)),
            ],
        ),
        Error::NoFeatures => t(lang, "error-no-features"),
        Error::TestFractionOutOfRange { value } => tf(
            lang,
            "error-test-fraction",
            &[("value", format_number(lang, *value))],
        ),
        Error::TooFewRowsToSplit {
            rows,
            train,
            test,
            classes,
        } => tf(
            lang,
            "error-too-few-rows",
            &[
                ("rows", n(*rows)),
                ("train", n(*train)),
                ("test", n(*test)),
                ("classes", n((*classes).max(1))),
            ],
        ),
        Error::ClassTooSmallToStratify { class, rows } => tf(
            lang,
            "error-class-too-small",
            &[("class", class.clone()), ("rows", n(*rows))],
        ),
        Error::InvalidParameter {
            name,
            value,
            expected,
        } => tf(
            lang,
            "error-invalid-parameter",
            &[
                ("name", name.clone()),
                ("value", value.clone()),
                ("expected", expectation(lang, expected)),
            ],
        ),
        Error::NeedsCellAbove { cell } => tf(
            lang,
            "error-needs-cell-above",
            &[("cell", cell_kind_name(lang, *cell))],
        ),
        Error::EmptyInput => t(lang, "error-empty-input"),
        Error::TooFewRows { rows, needed } => tf(
            lang,
            "error-too-few-rows-for-model",
            &[("rows", n(*rows)), ("needed", n(*needed))],
        ),
        Error::LinkDamaged => t(lang, "error-link-damaged"),
        Error::StepOnTarget { column } => {
            tf(lang, "error-step-on-target", &[("column", column.clone())])
        }
        Error::StepNeedsNumbers { column } => tf(
            lang,
            "error-step-needs-numbers",
            &[("column", column.clone())],
        ),
        Error::StepNeedsCategories { column } => tf(
            lang,
            "error-step-needs-categories",
            &[("column", column.clone())],
        ),
        Error::StepValueNotNumber { column, value } => tf(
            lang,
            "error-step-value-not-number",
            &[("column", column.clone()), ("value", value.clone())],
        ),
        Error::PredictValueNotNumber { column, value } => tf(
            lang,
            "error-predict-value-not-number",
            &[("column", column.clone()), ("value", value.clone())],
        ),
        Error::ExportModelNotYet { model } => tf(
            lang,
            "error-export-model-not-yet",
            &[("model", model_name(lang, model))],
        ),
        Error::ExportNotFinite => t(lang, "error-export-not-finite"),
        Error::OnnxNameTaken { name } => {
            tf(lang, "error-onnx-name-taken", &[("name", name.clone())])
        }
        Error::SubmissionColumnMissing { column } => tf(
            lang,
            "error-submission-column-missing",
            &[("column", column.clone())],
        ),
        Error::SubmissionAnswerUnknown { class } => tf(
            lang,
            "error-submission-answer-unknown",
            &[("class", class.clone())],
        ),
        Error::OnnxStepNotYet { step, column } => tf(
            lang,
            "error-onnx-step-not-yet",
            &[
                ("step", t(lang, &format!("step-kind-{step}"))),
                ("column", column.clone()),
            ],
        ),
        Error::LightgbmNeedsBoosting { model } => tf(
            lang,
            "error-lightgbm-needs-boosting",
            &[("model", model_name(lang, model))],
        ),
        Error::PredictValuesMissing { columns } => tf(
            lang,
            "error-predict-values-missing",
            &[("columns", columns.join(", "))],
        ),
        Error::StepLogDomain { column, value } => tf(
            lang,
            "error-step-log-domain",
            &[
                ("column", column.clone()),
                ("value", crate::format_number(lang, *value)),
            ],
        ),
        Error::StepNameTaken { name } => {
            tf(lang, "error-step-name-taken", &[("name", name.clone())])
        }
        Error::MissingValuesLeft { columns } => tf(
            lang,
            "error-missing-values-left",
            &[("columns", columns.join(", "))],
        ),
        Error::ColumnAllMissing { column } => tf(
            lang,
            "error-column-all-missing",
            &[("column", column.clone())],
        ),
        Error::LinkTooLong { chars, limit } => tf(
            lang,
            "error-link-too-long",
            &[("chars", n(*chars)), ("limit", n(*limit))],
        ),
        Error::LinkFromNewerVersion { found } => {
            tf(lang, "error-link-newer", &[("found", found.to_string())])
        }
        Error::NotebookUnreadable { message } => tf(
            lang,
            "error-notebook-unreadable",
            &[("message", message.clone())],
        ),
        Error::NotebookTooLarge { bytes, limit } => tf(
            lang,
            "error-notebook-too-large",
            &[("bytes", n(*bytes)), ("limit", n(*limit))],
        ),
        Error::OverLimit { part, found, limit } => tf(
            lang,
            match part {
                LimitedPart::Cells => "error-too-many-cells",
                LimitedPart::NoteText => "error-note-too-long",
                LimitedPart::QueryText => "error-query-too-long",
                LimitedPart::Columns => "error-too-many-columns",
                LimitedPart::QueryRows => "error-query-too-big",
                LimitedPart::Features => "error-too-many-features",
            },
            &[("found", n(*found)), ("limit", n(*limit))],
        ),
        Error::NonFiniteFeatures => t(lang, "error-non-finite-features"),
        Error::ClassifierOnNumbers => t(lang, "error-classifier-on-numbers"),
        Error::RegressorOnClasses => t(lang, "error-regressor-on-classes"),
        Error::BoundaryNeedsClasses => t(lang, "error-boundary-needs-classes"),
        // The value itself would print as 150 digits or more.
        Error::TargetTooLarge { .. } => t(lang, "error-target-too-large"),
        Error::BoundaryNeedsTwoFeatures => t(lang, "error-boundary-needs-two-features"),
        Error::TrainingDiverged {
            epoch,
            learning_rate,
        } => tf(
            lang,
            "error-training-diverged",
            &[
                ("epoch", n(*epoch as usize)),
                ("rate", format_number(lang, *learning_rate)),
            ],
        ),
        Error::LengthMismatch { left, right } => tf(
            lang,
            "error-length-mismatch",
            &[("left", n(*left)), ("right", n(*right))],
        ),
        Error::InvalidMetricParameter { name } => {
            tf(lang, "error-metric-parameter", &[("name", name.clone())])
        }
        Error::NotBinary { classes } => tf(lang, "error-not-binary", &[("classes", n(*classes))]),
        Error::PositiveClassAbsent => t(lang, "error-positive-class-absent"),
        Error::ScoresShape { expected, found } => tf(
            lang,
            "error-scores-shape",
            &[("expected", n(*expected)), ("found", n(*found))],
        ),
        Error::ProbabilitiesInvalid => t(lang, "error-probabilities-invalid"),
        Error::ScoresNotFinite => t(lang, "error-scores-not-finite"),
        Error::OneClassInTruth => t(lang, "error-one-class-in-truth"),
        Error::ClassAbsentFromTruth => t(lang, "error-class-absent-from-truth"),
        Error::ClusterCount { clusters, rows } => tf(
            lang,
            "error-cluster-count",
            &[("clusters", n(*clusters)), ("rows", n(*rows))],
        ),
        Error::UnsupportedNotebookVersion { found, supported } => tf(
            lang,
            "error-notebook-version",
            &[
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
        ),
    }
}

/// Why a URL gave no data, and what to try.
pub fn fetch_failure_message(lang: Lang, failure: &FetchFailure) -> String {
    match failure {
        FetchFailure::NotAnAddress => t(lang, "url-not-an-address"),
        FetchFailure::Unreachable { url } => tf(lang, "url-unreachable", &[("url", url.clone())]),
        FetchFailure::Status { url, status: 404 } => {
            tf(lang, "url-not-found", &[("url", url.clone())])
        }
        FetchFailure::Status { url, status } => tf(
            lang,
            "url-status",
            &[("url", url.clone()), ("status", status.to_string())],
        ),
        FetchFailure::WebPage { url } => tf(lang, "url-web-page", &[("url", url.clone())]),
        // Only the command line refuses private addresses (the browser keeps pages from its
        // network itself): its words (`cli-…`) are not sent to the page.
        FetchFailure::PrivateAddress { url } => {
            tf(lang, "cli-url-private", &[("url", url.clone())])
        }
        FetchFailure::TimedOut { url, seconds } => tf(
            lang,
            "url-timed-out",
            &[("url", url.clone()), ("seconds", seconds.to_string())],
        ),
        FetchFailure::TooLarge { url, limit } => tf(
            lang,
            "url-too-large",
            &[
                ("url", url.clone()),
                ("limit", format_count(lang, *limit as usize)),
            ],
        ),
    }
}

/// A model's name in the reader's language, from its notebook name (`"random_forest"`).
fn model_name(lang: Lang, model: &str) -> String {
    latih_engine::models::ModelSpec::named(model)
        .map_or_else(|| model.to_string(), |spec| t(lang, spec.kind().label))
}
