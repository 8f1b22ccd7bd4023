//! Standardised features for the models that need them (linear models, neural networks): what
//! scikit-learn writes as `make_pipeline(StandardScaler(), model)`. The scaler is fitted on the
//! training rows inside the model, so a test row is scaled by the training rows' statistics.

use crate::features::scale::{Scaler, ScalerKind};
use crate::features::Matrix;
use serde::{Deserialize, Serialize};

/// Per column: x ↦ (x − center) / scale. Empty when the model does not standardise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Standardizer {
    center: Vec<f64>,
    scale: Vec<f64>,
}

impl Standardizer {
    /// `StandardScaler` (ddof = 0; a constant column keeps scale 1) fitted on every row of `x`;
    /// the identity when `on` is false.
    pub fn fit(x: &Matrix, on: bool) -> Self {
        if !on {
            return Self {
                center: Vec::new(),
                scale: Vec::new(),
            };
        }
        let rows: Vec<usize> = (0..x.rows).collect();
        let (center, scale) = (0..x.cols)
            .map(|c| {
                let column: Vec<f64> = (0..x.rows).map(|r| x.get(r, c)).collect();
                Scaler::fit(ScalerKind::Standard, &column, &rows, "")
                    .map_or((0.0, 1.0), |s| (s.center, s.scale))
            })
            .unzip();
        Self { center, scale }
    }

    /// The centres and scales, for an export.
    pub fn parts(&self) -> (&[f64], &[f64]) {
        (&self.center, &self.scale)
    }

    pub fn transform(&self, x: &Matrix) -> Matrix {
        if self.center.is_empty() {
            return x.clone();
        }
        let data = x
            .data
            .chunks(x.cols.max(1))
            .flat_map(|row| {
                row.iter()
                    .zip(self.center.iter().zip(&self.scale))
                    .map(|(v, (c, s))| (v - c) / s)
            })
            .collect();
        Matrix {
            rows: x.rows,
            cols: x.cols,
            data,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_get_zero_mean_and_unit_variance_and_constants_stay_finite() {
        let x = Matrix {
            rows: 4,
            cols: 2,
            data: vec![1.0, 5.0, 2.0, 5.0, 3.0, 5.0, 4.0, 5.0],
        };
        let scaled = Standardizer::fit(&x, true).transform(&x);
        let first: Vec<f64> = (0..4).map(|r| scaled.get(r, 0)).collect();
        let sd = (1.25f64).sqrt();
        for (got, want) in first.iter().zip([-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd]) {
            assert!((got - want).abs() < 1e-12, "{first:?}");
        }
        assert!((0..4).all(|r| scaled.get(r, 1) == 0.0));
        assert_eq!(Standardizer::fit(&x, false).transform(&x), x);
    }
}
