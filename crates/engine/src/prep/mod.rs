//! Preparation steps that learn from data (imputers, scalers), as scikit-learn's transformers:
//! `fit` on the training rows only, then `transform` any rows. Leakage is a lesson, not a bug:
//! nothing here ever looks at the test rows while fitting.

mod columns;
mod impute;
mod rows;
mod scale;
mod steps;

pub use columns::CastTo;
pub use impute::{ImputeStrategy, Imputer};
pub use rows::FilterOp;
pub use scale::{Scaler, ScalerKind};
pub use steps::{Prepared, Step, StepReport, MAX_BINS};

/// The values of `column` at `rows`.
fn at(column: &[Option<f64>], rows: &[usize]) -> Vec<Option<f64>> {
    rows.iter()
        .map(|&r| column.get(r).copied().flatten())
        .collect()
}
