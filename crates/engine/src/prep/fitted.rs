//! A fitted step as what it does to one new row: the data a model taken out of the page carries
//! to clean a row exactly as the notebook cleaned its test rows (the prediction page and the
//! exports read these). [`Step::apply`](super::Step::apply) records them as it fits, so what is
//! learned here is what the table's steps learned, never fitted twice.
//!
//! Steps that keep or drop whole rows (filters, missing rows, duplicates) have none: a deployed
//! model predicts every row it is given, as the predict cell does.

use crate::features::scale::ScalerKind;
use crate::table::retype::{FALSE_WORDS, TRUE_WORDS};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One row's value of a column, as the table would hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum RowValue {
    /// A number; NaN is missing.
    Number(f64),
    /// A category or free text; `None` is missing.
    Category(Option<String>),
}

/// A row by column name.
pub type Row = BTreeMap<String, RowValue>;

/// What one fitted step does to a row's column. Tagged by `op` in JSON, the form the
/// prediction page's script reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum RowStep {
    /// A missing number becomes `value` (an imputer's fill).
    FillNumber {
        column: String,
        value: f64,
    },
    /// A missing category becomes `value`.
    FillCategory {
        column: String,
        value: String,
    },
    /// Numbers read as categories, in their shortest decimal text (`3`, `2.5`).
    Categories {
        column: String,
    },
    /// Text read as a number (what does not read is missing), rounded half to even when
    /// `round`.
    Numbers {
        column: String,
        round: bool,
    },
    /// Yes/no words (and 1/0) read as the categories `True` and `False`.
    Truths {
        column: String,
    },
    /// (x − center) / scale; a min–max scaler as scikit-learn computes it (x · 1/scale −
    /// center · 1/scale), so that the bits agree.
    Scale {
        column: String,
        kind: ScalerKind,
        center: f64,
        scale: f64,
    },
    /// A category's index among `categories` (sorted); unseen is −1.
    Ordinal {
        column: String,
        categories: Vec<String>,
    },
    Clip {
        column: String,
        low: f64,
        high: f64,
    },
    /// `log1p`.
    Log {
        column: String,
    },
    /// The bin of the value among `edges` (the inner ones decide).
    Bin {
        column: String,
        edges: Vec<f64>,
    },
    Rename {
        column: String,
        to: String,
    },
    Drop {
        columns: Vec<String>,
    },
}

impl RowStep {
    /// Changes `row` as the fitted step changed a test row.
    pub fn apply(&self, row: &mut Row) -> Result<(), Error> {
        match self {
            RowStep::FillNumber { column, value } => {
                number(row, column, |x| if x.is_nan() { *value } else { x });
            }
            RowStep::FillCategory { column, value } => {
                if let Some(RowValue::Category(v @ None)) = row.get_mut(column) {
                    *v = Some(value.clone());
                }
            }
            RowStep::Categories { column } => {
                if let Some(cell) = row.get_mut(column) {
                    if let RowValue::Number(x) = *cell {
                        *cell = RowValue::Category((!x.is_nan()).then(|| x.to_string()));
                    }
                }
            }
            RowStep::Numbers { column, round } => {
                if let Some(cell) = row.get_mut(column) {
                    let x = match cell {
                        RowValue::Number(x) => *x,
                        RowValue::Category(v) => v
                            .as_deref()
                            .and_then(|s| s.trim().parse::<f64>().ok())
                            .filter(|x| x.is_finite())
                            .unwrap_or(f64::NAN),
                    };
                    *cell = RowValue::Number(if *round { x.round_ties_even() } else { x });
                }
            }
            RowStep::Truths { column } => {
                if let Some(cell) = row.get_mut(column) {
                    let word = match cell {
                        RowValue::Number(x) => (!x.is_nan()).then(|| x.to_string()),
                        RowValue::Category(v) => v.clone(),
                    };
                    let word = word.map(|w| w.trim().to_lowercase());
                    let truth = word.and_then(|w| match () {
                        _ if TRUE_WORDS.contains(&w.as_str()) => Some("True"),
                        _ if FALSE_WORDS.contains(&w.as_str()) => Some("False"),
                        _ => None,
                    });
                    *cell = RowValue::Category(truth.map(str::to_string));
                }
            }
            RowStep::Scale {
                column,
                kind,
                center,
                scale,
            } => number(row, column, |x| match kind {
                ScalerKind::MinMax => {
                    let scale = 1.0 / scale;
                    x * scale + (0.0 - center * scale)
                }
                ScalerKind::Standard | ScalerKind::Robust => (x - center) / scale,
            }),
            RowStep::Ordinal { column, categories } => {
                if let Some(cell) = row.get_mut(column) {
                    let code = match cell {
                        RowValue::Category(Some(v)) => {
                            categories.binary_search(v).map_or(-1.0, |code| code as f64)
                        }
                        _ => f64::NAN,
                    };
                    *cell = RowValue::Number(code);
                }
            }
            RowStep::Clip { column, low, high } => {
                number(row, column, |x| {
                    if x.is_nan() {
                        x
                    } else {
                        x.clamp(*low, *high)
                    }
                });
            }
            RowStep::Log { column } => {
                if let Some(RowValue::Number(x)) = row.get(column) {
                    if *x <= -1.0 {
                        return Err(Error::StepLogDomain {
                            column: column.clone(),
                            value: *x,
                        });
                    }
                }
                number(row, column, f64::ln_1p);
            }
            RowStep::Bin { column, edges } => {
                let inner = edges
                    .get(1..edges.len().saturating_sub(1))
                    .unwrap_or_default();
                number(row, column, |x| {
                    if x.is_nan() {
                        x
                    } else {
                        inner.partition_point(|&edge| edge <= x) as f64
                    }
                });
            }
            RowStep::Rename { column, to } => {
                if let Some(cell) = row.remove(column) {
                    row.insert(to.clone(), cell);
                }
            }
            RowStep::Drop { columns } => columns.iter().for_each(|c| {
                row.remove(c);
            }),
        }
        Ok(())
    }
}

/// Changes a number column's value (a category column is left as it is: the table's step
/// refuses those, so a fitted one never meets them).
fn number(row: &mut Row, column: &str, change: impl Fn(f64) -> f64) {
    if let Some(RowValue::Number(x)) = row.get_mut(column) {
        *x = change(*x);
    }
}
