//! Clustering metrics: silhouette (`sklearn.metrics.silhouette_score`, Euclidean) and the
//! adjusted Rand index (`adjusted_rand_score`).

use super::check_pair;
use crate::features::Matrix;
use crate::Error;

/// The mean silhouette coefficient over all rows. Needs 2 ≤ clusters ≤ rows − 1.
pub fn silhouette_score(x: &Matrix, labels: &[u32]) -> Result<f64, Error> {
    if labels.len() != x.rows {
        return Err(Error::LengthMismatch {
            left: labels.len(),
            right: x.rows,
        });
    }
    if labels.is_empty() {
        return Err(Error::EmptyInput);
    }
    let mut clusters: Vec<u32> = labels.to_vec();
    clusters.sort_unstable();
    clusters.dedup();
    if clusters.len() < 2 || clusters.len() > x.rows - 1 {
        return Err(Error::ClusterCount {
            clusters: clusters.len(),
            rows: x.rows,
        });
    }
    let index = |label: u32| clusters.binary_search(&label).unwrap_or(0);
    let sizes: Vec<usize> = clusters
        .iter()
        .map(|&c| labels.iter().filter(|&&l| l == c).count())
        .collect();
    let distance = |a: usize, b: usize| {
        x.row(a)
            .iter()
            .zip(x.row(b))
            .map(|(p, q)| (p - q).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let mut total = 0.0;
    for i in 0..x.rows {
        let mut sums = vec![0.0; clusters.len()];
        for j in 0..x.rows {
            if i != j {
                sums[index(labels[j])] += distance(i, j);
            }
        }
        let own = index(labels[i]);
        if sizes[own] == 1 {
            continue; // a row alone in its cluster scores 0
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..clusters.len())
            .filter(|&c| c != own)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let s = (b - a) / a.max(b);
        total += if s.is_nan() { 0.0 } else { s };
    }
    Ok(total / x.rows as f64)
}

/// The adjusted Rand index: agreement of two labellings of the same rows, corrected for chance
/// (1 for identical partitions, about 0 for random ones).
pub fn adjusted_rand_score(labels_true: &[u32], labels_pred: &[u32]) -> Result<f64, Error> {
    check_pair(labels_true, labels_pred)?;
    // Pair counts from the contingency table, in integers as scikit-learn does.
    let mut cells: Vec<(u32, u32)> = labels_true
        .iter()
        .copied()
        .zip(labels_pred.iter().copied())
        .collect();
    cells.sort_unstable();
    let count_runs = |sorted: &[u32]| -> Vec<i128> {
        sorted
            .chunk_by(|a, b| a == b)
            .map(|run| run.len() as i128)
            .collect()
    };
    let contingency: Vec<i128> = cells
        .chunk_by(|a, b| a == b)
        .map(|r| r.len() as i128)
        .collect();
    let mut rows: Vec<u32> = labels_true.to_vec();
    rows.sort_unstable();
    let mut cols: Vec<u32> = labels_pred.to_vec();
    cols.sort_unstable();
    let n = labels_true.len() as i128;
    let sum_squares: i128 = contingency.iter().map(|c| c * c).sum();
    let row_squares: i128 = count_runs(&rows).iter().map(|c| c * c).sum();
    let col_squares: i128 = count_runs(&cols).iter().map(|c| c * c).sum();
    let tp = sum_squares - n;
    let fp = col_squares - sum_squares;
    let fn_ = row_squares - sum_squares;
    let tn = n * n - fp - fn_ - sum_squares;
    if fn_ == 0 && fp == 0 {
        return Ok(1.0);
    }
    let numerator = 2.0 * (tp as f64 * tn as f64 - fn_ as f64 * fp as f64);
    let denominator = (tp + fn_) as f64 * (fn_ + tn) as f64 + (tp + fp) as f64 * (fp + tn) as f64;
    Ok(numerator / denominator)
}
