//! The words of a lesson check's outcome: its verdict, and each reason it is not passed yet,
//! with the engine's numbers in the reader's format.

use crate::{format_count, format_decimal, format_number, format_score, t, tf, Lang};
use latih_engine::lessons::{MetricName, Outcome, Quantity, Reason};

/// A number a lesson's text states, as the reader writes it: counts whole, scores with their
/// percentage, errors and statistics with two decimals.
pub fn quantity_text(lang: Lang, quantity: &Quantity, value: f64) -> String {
    match quantity {
        Quantity::Rows { .. }
        | Quantity::Columns { .. }
        | Quantity::Features { .. }
        | Quantity::Classes { .. }
        | Quantity::TestRows { .. }
        | Quantity::Missing { .. }
        | Quantity::Confusion { .. }
        | Quantity::ModelFeatures { .. }
        | Quantity::ClusterCount { .. }
        | Quantity::ClusterNoise { .. } => format_count(lang, value.max(0.0).round() as usize),
        Quantity::MajorityShare { .. } | Quantity::TrainScore { .. } => format_score(lang, value),
        Quantity::Metric { name, .. } => match name {
            MetricName::R2 | MetricName::AdjustedRand | MetricName::Silhouette => {
                format_decimal(lang, value, 3)
            }
            MetricName::Mae | MetricName::Rmse => format_decimal(lang, value, 2),
            _ => format_score(lang, value),
        },
        Quantity::Statistic { .. } | Quantity::Correlation { .. } => format_decimal(lang, value, 2),
    }
}

/// "Passed", "Not yet" or "Not attempted".
pub fn outcome_label(lang: Lang, outcome: &Outcome) -> String {
    t(
        lang,
        match outcome {
            Outcome::Pass => "lesson-pass",
            Outcome::NotYet(_) => "lesson-not-yet",
            Outcome::NotAttempted => "lesson-not-attempted",
        },
    )
}

/// A metric as a lesson names it: "recall (malignant)", or the macro average's name.
pub fn metric_label(lang: Lang, name: MetricName, class: Option<&str>) -> String {
    let key = match name {
        MetricName::Accuracy => "lesson-metric-accuracy",
        MetricName::BalancedAccuracy => "lesson-metric-balanced-accuracy",
        MetricName::Precision => "lesson-metric-precision",
        MetricName::Recall => "lesson-metric-recall",
        MetricName::F1 => "lesson-metric-f1",
        MetricName::RocAuc => "lesson-metric-roc-auc",
        MetricName::R2 => "lesson-metric-r2",
        MetricName::Mae => "lesson-metric-mae",
        MetricName::Rmse => "lesson-metric-rmse",
        MetricName::AdjustedRand => "lesson-metric-adjusted-rand",
        MetricName::Silhouette => "lesson-metric-silhouette",
    };
    match class {
        Some(class) => format!("{} ({class})", t(lang, key)),
        None => t(lang, key),
    }
}

/// Why a check is not passed yet, in a sentence.
pub fn reason_text(lang: Lang, reason: &Reason, class: Option<&str>) -> String {
    let number = |x: f64| format_number(lang, x);
    let score = |x: f64| format_decimal(lang, x, 3);
    match reason {
        Reason::WrongNumber { given } => tf(
            lang,
            "lesson-reason-wrong-number",
            &[("given", number(*given))],
        ),
        Reason::WrongChoice { why } => why.clone(),
        Reason::NotAnAnswer => t(lang, "lesson-reason-not-an-answer"),
        Reason::Below { name, value, bar } | Reason::Above { name, value, bar } => tf(
            lang,
            match reason {
                Reason::Below { .. } => "lesson-reason-below",
                _ => "lesson-reason-above",
            },
            &[
                ("metric", metric_label(lang, *name, class)),
                ("value", score(*value)),
                ("bar", score(*bar)),
            ],
        ),
        Reason::CellFailed { cell } => tf(
            lang,
            "lesson-reason-cell-failed",
            &[("cell", (cell + 1).to_string())],
        ),
        Reason::LockedCellChanged { cell } => tf(
            lang,
            "lesson-reason-locked-changed",
            &[("cell", (cell + 1).to_string())],
        ),
        Reason::OutOfOrder { position } => tf(
            lang,
            "lesson-reason-out-of-order",
            &[("position", position.to_string())],
        ),
        Reason::NoteLacks { cell, of } => tf(
            lang,
            "lesson-reason-note-lacks",
            &[
                ("note", (cell + 1).to_string()),
                ("what", quantity_label(lang, of)),
                ("from", (of.cell() + 1).to_string()),
            ],
        ),
        Reason::DroppedRows { scored, held_out } => tf(
            lang,
            "lesson-reason-dropped-rows",
            &[
                ("scored", format_count(lang, *scored)),
                ("held_out", format_count(lang, *held_out)),
            ],
        ),
        Reason::NoteTooShort {
            cell,
            words,
            at_least,
        } => tf(
            lang,
            "lesson-reason-note-short",
            &[
                ("note", (cell + 1).to_string()),
                ("words", format_count(lang, *words)),
                ("at_least", format_count(lang, *at_least)),
            ],
        ),
    }
}

/// What a number of the notebook is, in words, without its value ("the accuracy"): a reason
/// names it so that the learner goes and reads it.
pub fn quantity_label(lang: Lang, quantity: &Quantity) -> String {
    match quantity {
        Quantity::Metric { name, class, .. } => tf(
            lang,
            "lesson-quantity-metric",
            &[("metric", metric_label(lang, *name, class.as_deref()))],
        ),
        Quantity::MajorityShare { .. } => t(lang, "lesson-quantity-baseline"),
        Quantity::ClusterNoise { .. } => t(lang, "lesson-quantity-noise"),
        Quantity::Missing { column, .. } => tf(
            lang,
            "lesson-quantity-missing",
            &[("column", column.clone())],
        ),
        other => tf(
            lang,
            "lesson-quantity-other",
            &[("cell", (other.cell() + 1).to_string())],
        ),
    }
}
