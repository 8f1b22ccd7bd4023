//! Preparation steps that learn from data (imputers, scalers), as scikit-learn's transformers:
//! `fit` on the training rows only, then `transform` any rows. Leakage is a lesson, not a bug:
//! nothing here ever looks at the test rows while fitting.

mod columns;
mod fitted;
mod impute;
mod rows;
mod steps;

pub use fitted::{Row, RowStep, RowValue};
pub use impute::{ImputeStrategy, Imputer};
pub(crate) use rows::filter_number;
pub use rows::FilterOp;
// Scaling is column statistics that models use too (a network standardises its inputs), so it
// lives below both, with the features.
pub use crate::features::scale::{Scaler, ScalerKind};
pub use steps::{Prepared, Step, StepReport, MAX_BINS};

use crate::table::present_at;
