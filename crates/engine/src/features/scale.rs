//! `StandardScaler`, `MinMaxScaler` and `RobustScaler` for one numeric column, with scikit-learn's
//! handling of (near-)constant columns: their scale is 1, so they become constants, not NaN.
//! Missing values stay missing, and are left out when fitting, as scikit-learn does.

use crate::table::present_at;
use crate::table::profile::quantile_sorted;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScalerKind {
    /// (x − mean) / standard deviation (ddof = 0).
    Standard,
    /// Into [0, 1] by the training minimum and maximum.
    MinMax,
    /// (x − median) / interquartile range: outliers barely move it.
    Robust,
}

/// A fitted scaler: transform(x) = x · scale + offset, as scikit-learn's attributes give it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scaler {
    pub kind: ScalerKind,
    pub center: f64,
    pub scale: f64,
}

/// scikit-learn's `_handle_zeros_in_scale`: a scale this close to 0 means a constant column.
fn nonzero_scale(scale: f64) -> f64 {
    if scale < 10.0 * f64::EPSILON {
        1.0
    } else {
        scale
    }
}

impl Scaler {
    pub fn fit(
        kind: ScalerKind,
        column: &[f64],
        train_rows: &[usize],
        name: &str,
    ) -> Result<Self, Error> {
        let mut values: Vec<f64> = present_at(column, train_rows);
        if values.is_empty() {
            return Err(Error::ColumnAllMissing {
                column: name.to_string(),
            });
        }
        let n = values.len() as f64;
        Ok(match kind {
            ScalerKind::Standard => {
                let mean = values.iter().sum::<f64>() / n;
                let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
                // scikit-learn's _is_constant_feature: a variance within rounding error of 0.
                let eps = f64::EPSILON;
                let bound = n * eps * var + (n * mean * eps).powi(2);
                let scale = if var <= bound { 1.0 } else { var.sqrt() };
                Scaler {
                    kind,
                    center: mean,
                    scale,
                }
            }
            ScalerKind::MinMax => {
                let min = values.iter().copied().fold(f64::INFINITY, f64::min);
                let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                Scaler {
                    kind,
                    center: min,
                    scale: nonzero_scale(max - min),
                }
            }
            ScalerKind::Robust => {
                values.sort_by(f64::total_cmp);
                let q = |p| quantile_sorted(&values, p).unwrap_or(0.0);
                Scaler {
                    kind,
                    center: q(0.5),
                    scale: nonzero_scale(q(0.75) - q(0.25)),
                }
            }
        })
    }

    /// Scales each value; a missing one (NaN) stays missing.
    pub fn transform(&self, column: &[f64]) -> Vec<f64> {
        column
            .iter()
            .map(|&x| match self.kind {
                // As MinMaxScaler computes it: x · scale_ + min_, with scale_ = 1 / range.
                ScalerKind::MinMax => {
                    let scale = 1.0 / self.scale;
                    x * scale + (0.0 - self.center * scale)
                }
                ScalerKind::Standard | ScalerKind::Robust => (x - self.center) / self.scale,
            })
            .collect()
    }
}
