//! Regression metrics (`sklearn/metrics/_regression.py`, default `force_finite=True`).

use super::check_pair;
use crate::Error;

fn check(y_true: &[f64], y_pred: &[f64]) -> Result<(), Error> {
    check_pair(y_true, y_pred)?;
    if y_true.iter().chain(y_pred).any(|v| !v.is_finite()) {
        return Err(Error::ScoresNotFinite);
    }
    Ok(())
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    sum / n as f64
}

pub fn mean_absolute_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    Ok(mean(y_true.iter().zip(y_pred).map(|(t, p)| (t - p).abs())))
}

pub fn mean_squared_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    Ok(mean(
        y_true.iter().zip(y_pred).map(|(t, p)| (t - p).powi(2)),
    ))
}

pub fn root_mean_squared_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    mean_squared_error(y_true, y_pred).map(f64::sqrt)
}

/// `mean_absolute_percentage_error`: |y − ŷ| / max(|y|, ε), averaged (a fraction, not percent).
pub fn mean_absolute_percentage_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    Ok(mean(
        y_true
            .iter()
            .zip(y_pred)
            .map(|(t, p)| (t - p).abs() / t.abs().max(f64::EPSILON)),
    ))
}

/// `median_absolute_error`: the median of |y − ŷ| (the mean of the middle two for even counts).
pub fn median_absolute_error(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    let mut errors: Vec<f64> = y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).abs())
        .collect();
    errors.sort_by(f64::total_cmp);
    let n = errors.len();
    Ok(if n % 2 == 1 {
        errors[n / 2]
    } else {
        (errors[n / 2 - 1] + errors[n / 2]) / 2.0
    })
}

/// 1 − numerator / denominator, with scikit-learn's `force_finite`: a constant truth scores 1 when
/// predicted perfectly and 0 otherwise.
fn one_minus_ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        if numerator == 0.0 {
            1.0
        } else {
            0.0
        }
    } else {
        1.0 - numerator / denominator
    }
}

/// `r2_score`: the share of the variance of `y_true` that the predictions explain.
pub fn r2_score(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    let m = mean(y_true.iter().copied());
    let residual: f64 = y_true
        .iter()
        .zip(y_pred)
        .map(|(t, p)| (t - p).powi(2))
        .sum();
    let total: f64 = y_true.iter().map(|t| (t - m).powi(2)).sum();
    Ok(one_minus_ratio(residual, total))
}

/// `explained_variance_score`: like R², but a constant bias in the predictions is not penalised.
pub fn explained_variance(y_true: &[f64], y_pred: &[f64]) -> Result<f64, Error> {
    check(y_true, y_pred)?;
    let diff: Vec<f64> = y_true.iter().zip(y_pred).map(|(t, p)| t - p).collect();
    let variance = |v: &[f64]| {
        let m = mean(v.iter().copied());
        mean(v.iter().map(|x| (x - m).powi(2)))
    };
    Ok(one_minus_ratio(variance(&diff), variance(y_true)))
}
