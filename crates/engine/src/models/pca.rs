//! Principal component analysis as scikit-learn's `PCA` (full solver) computes it: the
//! eigenvectors of the covariance matrix (n − 1 in the denominator), largest variance first,
//! each signed so that its largest entry (by absolute value) is positive, as `svd_flip` does.

use super::check_features;
use super::linalg::symmetric_eigen;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pca {
    pub mean: Vec<f64>,
    /// One component per row, as `components_`.
    pub components: Vec<Vec<f64>>,
    pub explained_variance: Vec<f64>,
    pub explained_variance_ratio: Vec<f64>,
}

impl Pca {
    /// Every component of `x` (at least two rows).
    pub fn fit(x: &Matrix) -> Result<Self, Error> {
        check_features(x, x.rows)?;
        if x.rows < 2 {
            return Err(Error::TooFewRows {
                rows: x.rows,
                needed: 2,
            });
        }
        let (n, p) = (x.rows, x.cols);
        let mean: Vec<f64> = (0..p)
            .map(|c| (0..n).map(|r| x.get(r, c)).sum::<f64>() / n as f64)
            .collect();
        let mut covariance = vec![0.0; p * p];
        for r in 0..n {
            let row = x.row(r);
            for i in 0..p {
                let di = row[i] - mean[i];
                for j in 0..=i {
                    covariance[i * p + j] += di * (row[j] - mean[j]);
                }
            }
        }
        for i in 0..p {
            for j in 0..=i {
                let v = covariance[i * p + j] / (n - 1) as f64;
                covariance[i * p + j] = v;
                covariance[j * p + i] = v;
            }
        }
        let (values, vectors) = symmetric_eigen(covariance, p);
        let mut order: Vec<usize> = (0..p).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
        let total: f64 = values.iter().map(|v| v.max(0.0)).sum();
        let components: Vec<Vec<f64>> = order
            .iter()
            .map(|&k| {
                let mut component: Vec<f64> = (0..p).map(|i| vectors[i * p + k]).collect();
                let largest =
                    component
                        .iter()
                        .copied()
                        .fold(0.0f64, |m, v| if v.abs() > m.abs() { v } else { m });
                if largest < 0.0 {
                    component.iter_mut().for_each(|v| *v = -*v);
                }
                component
            })
            .collect();
        let explained_variance: Vec<f64> = order.iter().map(|&k| values[k].max(0.0)).collect();
        let explained_variance_ratio = explained_variance
            .iter()
            .map(|v| if total > 0.0 { v / total } else { 0.0 })
            .collect();
        Ok(Self {
            mean,
            components,
            explained_variance,
            explained_variance_ratio,
        })
    }

    /// Each row's coordinates on the first `k` components (the 2-D projection is `k = 2`).
    pub fn transform(&self, x: &Matrix, k: usize) -> Vec<Vec<f64>> {
        (0..x.rows)
            .map(|r| {
                let row = x.row(r);
                self.components
                    .iter()
                    .take(k)
                    .map(|c| {
                        c.iter()
                            .zip(row.iter().zip(&self.mean))
                            .map(|(w, (v, m))| w * (v - m))
                            .sum()
                    })
                    .collect()
            })
            .collect()
    }
}
