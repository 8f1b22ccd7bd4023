//! k-means clustering as scikit-learn's `KMeans(algorithm="lloyd")` runs it: assign each row to
//! its nearest centre, move each centre to its rows' mean, until the centres move by less than
//! `tol` (scikit-learn's: 1e-4 of the mean variance of the columns) or nothing changes; the
//! labels are then those of the final centres. It starts from k-means++ seeded by `seed`
//! (scikit-learn's greedy variant, with its own random numbers, so the start differs from
//! scikit-learn's) or from given centres.

use super::check_features;
use crate::features::Matrix;
use crate::rng::SeededRng;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeansParams {
    pub n_clusters: u32,
    pub max_iter: u32,
    pub seed: u64,
}

impl Default for KMeansParams {
    fn default() -> Self {
        Self {
            n_clusters: 3,
            max_iter: 300,
            seed: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KMeans {
    pub centers: Vec<Vec<f64>>,
    /// Each training row's cluster.
    pub labels: Vec<u32>,
    /// The sum of squared distances of the rows to their centres (`inertia_`).
    pub inertia: f64,
    pub iterations: u32,
}

fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(p, q)| (p - q).powi(2)).sum()
}

/// The nearest centre's index (the first of equals) and the squared distance to it.
fn nearest(row: &[f64], centers: &[Vec<f64>]) -> (u32, f64) {
    centers
        .iter()
        .enumerate()
        .map(|(i, c)| (i as u32, squared_distance(row, c)))
        .fold(
            (0, f64::INFINITY),
            |best, d| if d.1 < best.1 { d } else { best },
        )
}

impl KMeans {
    pub fn fit(params: &KMeansParams, x: &Matrix) -> Result<Self, Error> {
        let k = params.n_clusters as usize;
        if k == 0 {
            return Err(Error::InvalidParameter {
                name: "n_clusters".into(),
                value: "0".into(),
                expected: crate::error::Expected::IntegerAtLeast { min: 1 },
            });
        }
        check_features(x, x.rows)?;
        if x.rows < k {
            return Err(Error::TooFewRows {
                rows: x.rows,
                needed: k,
            });
        }
        let start = plus_plus(x, k, params.seed);
        Ok(Self::fit_from(x, start, params.max_iter))
    }

    /// Lloyd's algorithm from the centres `start`.
    pub fn fit_from(x: &Matrix, start: Vec<Vec<f64>>, max_iter: u32) -> Self {
        let (n, p) = (x.rows, x.cols);
        // scikit-learn's tolerance: 1e-4 times the mean of the columns' variances.
        let variance: f64 = (0..p)
            .map(|c| {
                let mean = (0..n).map(|r| x.get(r, c)).sum::<f64>() / n as f64;
                (0..n).map(|r| (x.get(r, c) - mean).powi(2)).sum::<f64>() / n as f64
            })
            .sum::<f64>()
            / p.max(1) as f64;
        let tol = 1e-4 * variance;
        let mut centers = start;
        let mut labels: Vec<u32> = (0..n).map(|r| nearest(x.row(r), &centers).0).collect();
        let mut iterations = 0;
        for _ in 0..max_iter {
            iterations += 1;
            let mut sums = vec![vec![0.0; p]; centers.len()];
            let mut counts = vec![0usize; centers.len()];
            for (r, &label) in labels.iter().enumerate() {
                counts[label as usize] += 1;
                for (s, v) in sums[label as usize].iter_mut().zip(x.row(r)) {
                    *s += v;
                }
            }
            let moved: Vec<Vec<f64>> = centers
                .iter()
                .zip(sums.iter().zip(&counts))
                .map(|(old, (sum, &count))| match count {
                    // A centre left without rows stays where it was.
                    0 => old.clone(),
                    _ => sum.iter().map(|s| s / count as f64).collect(),
                })
                .collect();
            let shift: f64 = centers
                .iter()
                .zip(&moved)
                .map(|(a, b)| squared_distance(a, b))
                .sum();
            centers = moved;
            let relabelled: Vec<u32> = (0..n).map(|r| nearest(x.row(r), &centers).0).collect();
            let unchanged = relabelled == labels;
            labels = relabelled;
            if unchanged || shift <= tol {
                break;
            }
        }
        let inertia = (0..n)
            .map(|r| squared_distance(x.row(r), &centers[labels[r] as usize]))
            .sum();
        Self {
            centers,
            labels,
            inertia,
            iterations,
        }
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        (0..x.rows)
            .map(|r| nearest(x.row(r), &self.centers).0)
            .collect()
    }
}

/// k-means++ as scikit-learn seeds it: the first centre a random row; each next one the best of
/// `2 + ln k` candidates drawn in proportion to their squared distance to the nearest centre so
/// far (the one that lowers the total the most).
fn plus_plus(x: &Matrix, k: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = SeededRng::new(seed);
    let n = x.rows;
    let trials = 2 + (k as f64).ln().floor() as usize;
    let mut centers = vec![x.row(rng.index(n)).to_vec()];
    let mut closest: Vec<f64> = (0..n)
        .map(|r| squared_distance(x.row(r), &centers[0]))
        .collect();
    while centers.len() < k {
        let total: f64 = closest.iter().sum();
        let mut best: Option<(f64, usize, Vec<f64>)> = None;
        for _ in 0..trials {
            let mut target = rng.uniform() * total;
            let candidate = closest
                .iter()
                .position(|&d| {
                    target -= d;
                    target < 0.0
                })
                .unwrap_or(n - 1);
            let updated: Vec<f64> = (0..n)
                .map(|r| closest[r].min(squared_distance(x.row(r), x.row(candidate))))
                .collect();
            let sum: f64 = updated.iter().sum();
            if best.as_ref().is_none_or(|b| sum < b.0) {
                best = Some((sum, candidate, updated));
            }
        }
        let Some((_, chosen, updated)) = best else {
            break;
        };
        centers.push(x.row(chosen).to_vec());
        closest = updated;
    }
    centers
}
