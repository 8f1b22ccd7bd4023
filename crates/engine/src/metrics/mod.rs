//! Metrics with scikit-learn's exact definitions and defaults (`sklearn/metrics/
//! _classification.py`, `_ranking.py`, `_regression.py`, `cluster/`), checked against values
//! scikit-learn computed (tests/fixtures, made by scripts/fixtures/make_engine_fixtures.py).
//!
//! Class labels are codes (`u32`); where scikit-learn would infer the labels, it takes the sorted
//! union of the codes present, exactly as `unique_labels` does. Where scikit-learn returns NaN
//! (an undefined score), so do these; where it raises, these return an [`Error`].

mod classification;
mod clustering;
mod ranking;
mod regression;
mod summaries;

pub use classification::*;
pub use clustering::*;
pub use ranking::*;
pub use regression::*;
pub use summaries::*;

use crate::Error;

/// Both arrays non-empty and the same length, as every metric needs.
fn check_pair<A, B>(a: &[A], b: &[B]) -> Result<(), Error> {
    if a.is_empty() {
        return Err(Error::EmptyInput);
    }
    if a.len() != b.len() {
        return Err(Error::LengthMismatch {
            left: a.len(),
            right: b.len(),
        });
    }
    Ok(())
}

/// scikit-learn's `unique_labels(y_true, y_pred)`: the sorted union.
pub fn unique_labels(y_true: &[u32], y_pred: &[u32]) -> Vec<u32> {
    let mut labels: Vec<u32> = y_true.iter().chain(y_pred).copied().collect();
    labels.sort_unstable();
    labels.dedup();
    labels
}

/// Mean of the non-NaN values, optionally weighted: scikit-learn's `_nanaverage`. NaN when every
/// value is NaN; an unweighted mean when all the remaining weights are zero.
fn nan_average(values: &[f64], weights: Option<&[f64]>) -> f64 {
    let kept: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.is_nan())
        .map(|(i, &v)| (v, weights.map_or(1.0, |w| w[i])))
        .collect();
    if kept.is_empty() {
        return f64::NAN;
    }
    let weight_sum: f64 = kept.iter().map(|(_, w)| w).sum();
    if weight_sum == 0.0 {
        return kept.iter().map(|(v, _)| v).sum::<f64>() / kept.len() as f64;
    }
    kept.iter().map(|(v, w)| v * w).sum::<f64>() / weight_sum
}
