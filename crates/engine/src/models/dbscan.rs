//! DBSCAN as scikit-learn's `DBSCAN(eps, min_samples)` labels the rows it is fitted on: a row
//! with at least `min_samples` rows (itself included) within `eps` is a core row; core rows
//! within `eps` of each other share a cluster, with the rows they reach; the rest is noise.
//! Clusters are numbered in the order of their first core row, and a row that two clusters reach
//! goes to the first, so the labels equal scikit-learn's `labels_` (noise: `None`, its −1).
//!
//! Why not smartcore's `DBSCAN`, the design's library: it keeps the labels of the rows it was
//! fitted on private, and its `predict` labels each row again by a majority of its neighbours,
//! which moves border rows and turns some noise into clusters; what a learner counts (how many
//! clusters, how many rows are noise) would then differ from scikit-learn's. This is the same
//! algorithm in a few lines, with two passes over the pairs instead of a neighbour list per row:
//! memory stays one flag per row even when `eps` reaches every row.

use super::check_features;
use crate::error::Expected;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DbscanParams {
    /// How near (Euclidean distance) two rows must be to be neighbours.
    pub eps: f64,
    /// Rows within `eps` (itself included) that make a row a core row.
    pub min_samples: u32,
}

impl Default for DbscanParams {
    /// scikit-learn's defaults.
    fn default() -> Self {
        Self {
            eps: 0.5,
            min_samples: 5,
        }
    }
}

/// The largest `min_samples` a learner may ask for.
pub const MAX_MIN_SAMPLES: u32 = 1_000;

impl DbscanParams {
    pub fn validate(&self) -> Result<(), Error> {
        if !(self.eps.is_finite() && self.eps > 0.0) {
            return Err(Error::InvalidParameter {
                name: "eps".into(),
                value: self.eps.to_string(),
                expected: Expected::PositiveNumber,
            });
        }
        if !(1..=MAX_MIN_SAMPLES).contains(&self.min_samples) {
            return Err(Error::InvalidParameter {
                name: "min_samples".into(),
                value: self.min_samples.to_string(),
                expected: Expected::IntegerBetween {
                    min: 1,
                    max: MAX_MIN_SAMPLES.into(),
                },
            });
        }
        Ok(())
    }
}

/// Each row's cluster (from 0), or `None` for noise.
pub fn dbscan(params: &DbscanParams, x: &Matrix) -> Result<Vec<Option<u32>>, Error> {
    params.validate()?;
    check_features(x, x.rows)?;
    let eps_squared = params.eps * params.eps;
    let near = |a: usize, b: usize| {
        let squared: f64 = x
            .row(a)
            .iter()
            .zip(x.row(b))
            .map(|(p, q)| (p - q) * (p - q))
            .sum();
        squared <= eps_squared
    };
    let neighbours = |row: usize| (0..x.rows).filter(move |&other| near(row, other));
    let core: Vec<bool> = (0..x.rows)
        .map(|row| neighbours(row).count() >= params.min_samples as usize)
        .collect();
    let mut labels: Vec<Option<u32>> = vec![None; x.rows];
    let mut next_label = 0;
    for start in 0..x.rows {
        if labels[start].is_some() || !core[start] {
            continue;
        }
        // Depth first from the first unlabelled core row, as scikit-learn's `dbscan_inner`.
        let mut stack = vec![start];
        while let Some(row) = stack.pop() {
            if labels[row].is_some() {
                continue;
            }
            labels[row] = Some(next_label);
            if core[row] {
                stack.extend(neighbours(row).filter(|&n| labels[n].is_none()));
            }
        }
        next_label += 1;
    }
    Ok(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(rows: &[[f64; 2]]) -> Matrix {
        Matrix::from_rows(&rows.iter().map(|r| &r[..]).collect::<Vec<_>>())
    }

    #[test]
    fn two_dense_groups_and_a_far_row_are_two_clusters_and_noise() {
        let x = points(&[
            [0.0, 0.0],
            [0.1, 0.0],
            [0.0, 0.1],
            [5.0, 5.0],
            [5.1, 5.0],
            [5.0, 5.1],
            [20.0, 20.0],
        ]);
        let params = DbscanParams {
            eps: 0.5,
            min_samples: 3,
        };
        let labels = dbscan(&params, &x).unwrap();
        assert_eq!(
            labels,
            [Some(0), Some(0), Some(0), Some(1), Some(1), Some(1), None]
        );
    }

    #[test]
    fn a_border_row_two_clusters_reach_goes_to_the_first_cluster_started() {
        // Two dense groups of four (core rows at min_samples 4) and row 4 between them, within
        // eps of one row of each but with only three neighbours itself: a border row, not a
        // bridge. The group first in the table starts cluster 0 and takes it.
        let x = points(&[
            [1.2, 0.0],
            [1.3, 0.0],
            [1.4, 0.0],
            [1.5, 0.0],
            [0.75, 0.0],
            [0.0, 0.0],
            [0.1, 0.0],
            [0.2, 0.0],
            [0.3, 0.0],
        ]);
        let params = DbscanParams {
            eps: 0.5,
            min_samples: 4,
        };
        let labels = dbscan(&params, &x).unwrap();
        let expected = [0, 0, 0, 0, 0, 1, 1, 1, 1].map(Some);
        assert_eq!(labels, expected);
    }

    #[test]
    fn absurd_parameters_are_refused_not_run() {
        let x = points(&[[0.0, 0.0], [1.0, 1.0]]);
        for (eps, min_samples) in [(0.0, 5), (f64::NAN, 5), (-1.0, 5), (0.5, 0), (0.5, 5000)] {
            let params = DbscanParams { eps, min_samples };
            assert!(dbscan(&params, &x).is_err(), "{params:?}");
        }
    }
}
