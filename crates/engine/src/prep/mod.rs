//! Preparation steps that learn from data (imputers, scalers), as scikit-learn's transformers:
//! `fit` on the training rows only, then `transform` any rows. Leakage is a lesson, not a bug:
//! nothing here ever looks at the test rows while fitting.

mod columns;
mod impute;
mod rows;
mod scale;
mod steps;

pub use impute::{ImputeStrategy, Imputer};
pub use rows::FilterOp;
pub use scale::{Scaler, ScalerKind};
pub use steps::{Prepared, Step, StepReport, MAX_BINS};

use crate::table::present;

/// The present values of `column` at `rows` (missing ones left out).
fn present_at(column: &[f64], rows: &[usize]) -> Vec<f64> {
    rows.iter()
        .filter_map(|&r| column.get(r).copied().and_then(present))
        .collect()
}
