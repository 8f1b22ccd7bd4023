//! A cleaning step as its form shows it: a kind, a column, one choice from a list and one typed
//! value, each present when the kind has it. The steps cell draws these generic fields; this
//! module is the only place that knows which [`Step`] field each one edits.

use crate::components::fields::parse_decimal;
use latih_engine::prep::{FilterOp, ImputeStrategy, ScalerKind, Step};
use latih_engine::table::retype::ValueType;

/// The kinds of step, as (value, label key), in the order the list offers them.
pub const KINDS: [(&str, &str); 13] = [
    ("impute", crate::key!("step-kind-impute")),
    ("one_hot", crate::key!("step-kind-one-hot")),
    ("scale", crate::key!("step-kind-scale")),
    ("drop_columns", crate::key!("step-kind-drop-columns")),
    ("drop_missing", crate::key!("step-kind-drop-missing")),
    ("filter", crate::key!("step-kind-filter")),
    ("drop_duplicates", crate::key!("step-kind-drop-duplicates")),
    ("rename", crate::key!("step-kind-rename")),
    ("cast", crate::key!("step-kind-cast")),
    ("ordinal", crate::key!("step-kind-ordinal")),
    ("clip_outliers", crate::key!("step-kind-clip-outliers")),
    ("log", crate::key!("step-kind-log")),
    ("bin", crate::key!("step-kind-bin")),
];

/// Stands for "every numeric feature column" in the scale step's column list.
pub const ALL_NUMERIC: &str = "";

const STRATEGIES: [(&str, &str); 4] = [
    ("median", crate::key!("strategy-median")),
    ("mean", crate::key!("strategy-mean")),
    ("most_frequent", crate::key!("strategy-most-frequent")),
    ("constant", crate::key!("strategy-constant")),
];
const SCALERS: [(&str, &str); 3] = [
    ("standard", crate::key!("scaler-standard")),
    ("min_max", crate::key!("scaler-min-max")),
    ("robust", crate::key!("scaler-robust")),
];
/// Values as [`ValueType::name`] gives them.
const CASTS: [(&str, &str); 5] = [
    ("number", crate::key!("cast-number")),
    ("integer", crate::key!("cast-integer")),
    ("boolean", crate::key!("cast-boolean")),
    ("category", crate::key!("cast-category")),
    ("text", crate::key!("cast-text")),
];
const FILTERS: [(&str, &str); 8] = [
    ("equal", crate::key!("filter-equal")),
    ("not_equal", crate::key!("filter-not-equal")),
    ("less", crate::key!("filter-less")),
    ("less_or_equal", crate::key!("filter-less-or-equal")),
    ("greater", crate::key!("filter-greater")),
    ("greater_or_equal", crate::key!("filter-greater-or-equal")),
    ("missing", crate::key!("filter-missing")),
    ("present", crate::key!("filter-present")),
];
/// Bin counts offered (the engine takes 2 to 100; a form offers the useful few).
const BINS: [(&str, &str); 6] = [
    ("3", crate::key!("bins-3")),
    ("4", crate::key!("bins-4")),
    ("5", crate::key!("bins-5")),
    ("6", crate::key!("bins-6")),
    ("8", crate::key!("bins-8")),
    ("10", crate::key!("bins-10")),
];

pub fn kind(step: &Step) -> &'static str {
    match step {
        Step::Impute { .. } => "impute",
        Step::OneHot { .. } => "one_hot",
        Step::Scale { .. } => "scale",
        Step::DropColumns { .. } => "drop_columns",
        Step::DropMissingRows => "drop_missing",
        Step::Filter { .. } => "filter",
        Step::DropDuplicates => "drop_duplicates",
        Step::Rename { .. } => "rename",
        Step::Cast { .. } => "cast",
        Step::Ordinal { .. } => "ordinal",
        Step::ClipOutliers { .. } => "clip_outliers",
        Step::Log { .. } => "log",
        Step::Bin { .. } => "bin",
    }
}

/// The column a step works on, if it names one.
pub fn column_of(step: &Step) -> Option<String> {
    match step {
        Step::Impute { column, .. }
        | Step::OneHot { column }
        | Step::Filter { column, .. }
        | Step::Rename { column, .. }
        | Step::Cast { column, .. }
        | Step::Ordinal { column }
        | Step::ClipOutliers { column }
        | Step::Log { column }
        | Step::Bin { column, .. } => Some(column.clone()),
        Step::Scale { column, .. } => Some(column.clone().unwrap_or_default()),
        Step::DropColumns { columns } => columns.first().cloned(),
        Step::DropMissingRows | Step::DropDuplicates => None,
    }
}

/// A new step of `kind` on `column`, with the choices a learner most often wants.
pub fn step_of(kind: &str, column: String) -> Step {
    match kind {
        "one_hot" => Step::OneHot { column },
        "scale" => Step::Scale {
            column: (!column.is_empty()).then_some(column),
            kind: ScalerKind::Standard,
        },
        "drop_columns" => Step::DropColumns {
            columns: vec![column],
        },
        "drop_missing" => Step::DropMissingRows,
        "filter" => Step::Filter {
            column,
            op: FilterOp::Present,
            value: String::new(),
        },
        "drop_duplicates" => Step::DropDuplicates,
        // Renamed to itself until a name is typed: a step that changes nothing, not an error.
        "rename" => Step::Rename {
            to: column.clone(),
            column,
        },
        "cast" => Step::Cast {
            column,
            to: ValueType::Float,
        },
        "ordinal" => Step::Ordinal { column },
        "clip_outliers" => Step::ClipOutliers { column },
        "log" => Step::Log { column },
        "bin" => Step::Bin { column, bins: 5 },
        _ => Step::Impute {
            column,
            strategy: ImputeStrategy::Median,
        },
    }
}

/// The step on another column, its other choices kept.
pub fn with_column(step: Step, new: String) -> Step {
    match step {
        Step::Impute { strategy, .. } => Step::Impute {
            column: new,
            strategy,
        },
        Step::Scale { kind, .. } => Step::Scale {
            column: (new != ALL_NUMERIC).then_some(new),
            kind,
        },
        Step::DropColumns { .. } => Step::DropColumns { columns: vec![new] },
        Step::Filter { op, value, .. } => Step::Filter {
            column: new,
            op,
            value,
        },
        Step::Rename { .. } => Step::Rename {
            to: new.clone(),
            column: new,
        },
        Step::Cast { to, .. } => Step::Cast { column: new, to },
        Step::Bin { bins, .. } => Step::Bin { column: new, bins },
        Step::DropMissingRows | Step::DropDuplicates => step,
        other => step_of(kind(&other), new),
    }
}

/// Options of a list, as (value, label key).
pub type Options = &'static [(&'static str, &'static str)];

/// The step's one choice from a list: its label key, the options, and the one chosen.
pub fn choice(step: &Step) -> Option<(&'static str, Options, String)> {
    let chosen = |options: Options, value: &str| {
        options
            .iter()
            .find(|(v, _)| *v == value)
            .map_or(options[0].0, |(v, _)| v)
            .to_string()
    };
    Some(match step {
        Step::Impute { strategy, .. } => {
            let value = match strategy {
                ImputeStrategy::Mean => "mean",
                ImputeStrategy::MostFrequent => "most_frequent",
                ImputeStrategy::Constant(_) => "constant",
                ImputeStrategy::Median => "median",
            };
            ("steps-strategy", &STRATEGIES[..], value.to_string())
        }
        Step::Scale { kind, .. } => {
            let value = match kind {
                ScalerKind::Standard => "standard",
                ScalerKind::MinMax => "min_max",
                ScalerKind::Robust => "robust",
            };
            ("steps-scaler", &SCALERS[..], value.to_string())
        }
        Step::Cast { to, .. } => ("steps-cast-to", &CASTS[..], to.name().to_string()),
        Step::Filter { op, .. } => {
            let index = FilterOp::ALL.iter().position(|o| o == op).unwrap_or(0);
            (
                "steps-filter-op",
                &FILTERS[..],
                FILTERS[index].0.to_string(),
            )
        }
        Step::Bin { bins, .. } => ("steps-bins", &BINS[..], chosen(&BINS, &bins.to_string())),
        _ => return None,
    })
}

/// The step with `value` chosen from its list.
pub fn with_choice(step: Step, value: &str) -> Step {
    match step {
        Step::Impute { column, strategy } => Step::Impute {
            column,
            strategy: match value {
                "mean" => ImputeStrategy::Mean,
                "most_frequent" => ImputeStrategy::MostFrequent,
                "constant" => match strategy {
                    ImputeStrategy::Constant(v) => ImputeStrategy::Constant(v),
                    _ => ImputeStrategy::Constant(0.0),
                },
                _ => ImputeStrategy::Median,
            },
        },
        Step::Scale { column, .. } => Step::Scale {
            column,
            kind: match value {
                "min_max" => ScalerKind::MinMax,
                "robust" => ScalerKind::Robust,
                _ => ScalerKind::Standard,
            },
        },
        Step::Cast { column, .. } => Step::Cast {
            column,
            to: ValueType::from_name(value).unwrap_or(ValueType::Float),
        },
        Step::Filter {
            column, value: v, ..
        } => {
            let index = FILTERS.iter().position(|(f, _)| *f == value).unwrap_or(0);
            Step::Filter {
                column,
                op: FilterOp::ALL[index],
                value: v,
            }
        }
        Step::Bin { column, bins } => Step::Bin {
            column,
            bins: value.parse().unwrap_or(bins),
        },
        other => other,
    }
}

/// The step's typed value: its label key, the value, and whether it must be a number.
pub fn text(step: &Step) -> Option<(&'static str, String, bool)> {
    match step {
        Step::Impute {
            strategy: ImputeStrategy::Constant(v),
            ..
        } => Some(("steps-fill-value", v.to_string(), true)),
        Step::Filter { op, value, .. } if op.python().is_some() => {
            Some(("steps-filter-value", value.clone(), false))
        }
        Step::Rename { to, .. } => Some(("steps-new-name", to.clone(), false)),
        _ => None,
    }
}

/// The step with `value` typed, or `None` when a number was wanted and `value` is not one.
pub fn with_text(step: Step, value: String) -> Option<Step> {
    Some(match step {
        Step::Impute {
            column,
            strategy: ImputeStrategy::Constant(_),
        } => Step::Impute {
            column,
            strategy: ImputeStrategy::Constant(parse_decimal(&value)?),
        },
        Step::Filter { column, op, .. } => Step::Filter { column, op, value },
        Step::Rename { column, .. } => Step::Rename { column, to: value },
        other => other,
    })
}
