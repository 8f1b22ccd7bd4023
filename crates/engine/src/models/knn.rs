//! k-nearest neighbours (scikit-learn's `KNeighborsClassifier` and `KNeighborsRegressor`,
//! Euclidean, brute force): a row gets the classes (or the mean target) of the k training rows
//! closest to it, equally weighted or by 1 / distance.

use super::declare::{choice, choices, hyperparameters, whole};
use crate::error::Expected;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

choices! {
    pub enum NeighbourWeights {
        Uniform = "uniform", "weights-uniform", "\"uniform\"";
        /// Closer neighbours count more (1 / distance); a neighbour at distance 0 decides alone.
        Distance = "distance", "weights-distance", "\"distance\"";
    }
}

hyperparameters! {
    pub struct KnnParams {
        n_neighbors: u32 = 5 => whole("field-n-neighbors", 1, u32::MAX).search("1..15"),
        weights: NeighbourWeights = NeighbourWeights::Uniform
            => choice("field-weights", NeighbourWeights::CHOICES),
    }
}

/// The model is its training data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Knn {
    neighbours: Neighbours,
    y: Vec<u32>,
    n_classes: usize,
}

/// k-nearest neighbours predicting a number (scikit-learn's `KNeighborsRegressor`): the mean of
/// the neighbours' targets, equally weighted or by 1 / distance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnnRegressor {
    neighbours: Neighbours,
    y: Vec<f64>,
}

/// The training rows and how to weigh the nearest of them: what both tasks share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Neighbours {
    params: KnnParams,
    x: Matrix,
}

impl Neighbours {
    fn fit(params: &KnnParams, x: &Matrix) -> Result<Self, Error> {
        if params.n_neighbors == 0 || params.n_neighbors as usize > x.rows {
            return Err(Error::InvalidParameter {
                name: "n_neighbors".into(),
                value: params.n_neighbors.to_string(),
                expected: Expected::IntegerBetween {
                    min: 1,
                    max: x.rows as u64,
                },
            });
        }
        Ok(Self {
            params: params.clone(),
            x: x.clone(),
        })
    }

    /// For each row of `x`, its k nearest training rows with their weights, handed to `visit`.
    fn each_row<T>(&self, x: &Matrix, mut visit: impl FnMut(&[(f64, usize)]) -> T) -> Vec<T> {
        let k = self.params.n_neighbors as usize;
        let mut distances: Vec<(f64, usize)> = Vec::with_capacity(self.x.rows);
        (0..x.rows)
            .map(|r| {
                let row = x.row(r);
                distances.clear();
                distances.extend((0..self.x.rows).map(|t| {
                    let d2: f64 = row
                        .iter()
                        .zip(self.x.row(t))
                        .map(|(a, b)| (a - b) * (a - b))
                        .sum();
                    (d2, t)
                }));
                // Nearest first; equal distances keep training order, so results are stable.
                distances
                    .select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let nearest = &mut distances[..k];
                nearest.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let exact = nearest.iter().any(|(d2, _)| *d2 == 0.0);
                for (d2, _) in nearest.iter_mut() {
                    *d2 = match self.params.weights {
                        NeighbourWeights::Uniform => 1.0,
                        NeighbourWeights::Distance if exact => f64::from(u8::from(*d2 == 0.0)),
                        NeighbourWeights::Distance => 1.0 / d2.sqrt(),
                    };
                }
                visit(nearest)
            })
            .collect()
    }
}

impl Neighbours {
    /// For an export: the training rows, k, and whether nearer rows weigh more.
    fn parts(&self) -> (&Matrix, usize, bool) {
        let by_distance = self.params.weights == NeighbourWeights::Distance;
        (&self.x, self.params.n_neighbors as usize, by_distance)
    }
}

impl Knn {
    /// For an export: the training rows and their classes, k, and whether nearer rows weigh
    /// more.
    pub(crate) fn parts(&self) -> (&Matrix, &[u32], usize, bool) {
        let (x, k, by_distance) = self.neighbours.parts();
        (x, &self.y, k, by_distance)
    }

    pub fn fit(params: &KnnParams, x: &Matrix, y: &[u32], n_classes: usize) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        Ok(Self {
            neighbours: Neighbours::fit(params, x)?,
            y: y.to_vec(),
            n_classes,
        })
    }

    pub fn n_neighbors(&self) -> u32 {
        self.neighbours.params.n_neighbors
    }

    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        self.neighbours.each_row(x, |nearest| {
            let mut votes = vec![0.0; self.n_classes];
            for &(weight, t) in nearest {
                votes[self.y[t] as usize] += weight;
            }
            let total: f64 = votes.iter().sum();
            votes.iter().map(|v| v / total).collect()
        })
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }
}

impl KnnRegressor {
    /// For an export: the training rows and their numbers, k, and whether nearer rows weigh
    /// more.
    pub(crate) fn parts(&self) -> (&Matrix, &[f64], usize, bool) {
        let (x, k, by_distance) = self.neighbours.parts();
        (x, &self.y, k, by_distance)
    }

    pub fn fit(params: &KnnParams, x: &Matrix, y: &[f64]) -> Result<Self, Error> {
        super::check_regression_data(x, y)?;
        Ok(Self {
            neighbours: Neighbours::fit(params, x)?,
            y: y.to_vec(),
        })
    }

    pub fn n_neighbors(&self) -> u32 {
        self.neighbours.params.n_neighbors
    }

    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        self.neighbours.each_row(x, |nearest| {
            let total: f64 = nearest.iter().map(|(w, _)| w).sum();
            nearest.iter().map(|&(w, t)| w * self.y[t]).sum::<f64>() / total
        })
    }
}
