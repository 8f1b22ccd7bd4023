//! A search's results as scikit-learn's `cv_results_` reports them: per candidate, the mean and
//! the standard deviation (over folds, `ddof = 0`) of its scores, its mean fit time, and its rank.

use super::{CandidateResult, Param};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvRow {
    pub mean_test_score: f64,
    pub std_test_score: f64,
    pub mean_train_score: f64,
    pub std_train_score: f64,
    pub mean_fit_ms: f64,
    /// 1 is best; ties share the lower rank (`rankdata(method="min")`); a NaN mean ranks last.
    pub rank: usize,
}

/// `np.mean` and `np.std` (ddof = 0); NaN if any score is NaN, as numpy gives.
pub fn mean_std(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, variance.sqrt())
}

/// One row per result, in the results' order.
pub fn summarize(results: &[CandidateResult]) -> Vec<CvRow> {
    let mut rows: Vec<CvRow> = results
        .iter()
        .map(|r| {
            let (mean_test_score, std_test_score) = mean_std(&r.test_scores);
            let (mean_train_score, std_train_score) = mean_std(&r.train_scores);
            CvRow {
                mean_test_score,
                std_test_score,
                mean_train_score,
                std_train_score,
                mean_fit_ms: mean_std(&r.fit_ms).0,
                rank: 0,
            }
        })
        .collect();
    let means: Vec<f64> = rows.iter().map(|r| r.mean_test_score).collect();
    for row in &mut rows {
        let better = means
            .iter()
            .filter(|&&m| (row.mean_test_score.is_nan() && !m.is_nan()) || m > row.mean_test_score)
            .count();
        row.rank = better + 1;
    }
    rows
}

/// The index of the best result (rank 1; the first of tied ones, as `best_index_`).
pub fn best(rows: &[CvRow]) -> Option<usize> {
    rows.iter()
        .position(|r| r.rank == 1 && !r.mean_test_score.is_nan())
}

/// The mean and spread of the scores against the one parameter a search varied (scikit-learn's
/// `validation_curve`), points sorted by the parameter's value.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationCurve {
    pub param: Param,
    pub x: Vec<f64>,
    pub test_mean: Vec<f64>,
    pub test_std: Vec<f64>,
    pub train_mean: Vec<f64>,
    pub train_std: Vec<f64>,
}

/// The validation curve of a search that varied exactly one parameter.
pub fn validation_curve(results: &[CandidateResult], rows: &[CvRow]) -> Option<ValidationCurve> {
    let param = match results.first()?.candidate.values.as_slice() {
        [(param, _)] => *param,
        _ => return None,
    };
    let mut points: Vec<(f64, &CvRow)> = results
        .iter()
        .zip(rows)
        .map(|(r, row)| (r.candidate.values[0].1, row))
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points.dedup_by(|a, b| a.0 == b.0);
    Some(ValidationCurve {
        param,
        x: points.iter().map(|p| p.0).collect(),
        test_mean: points.iter().map(|p| p.1.mean_test_score).collect(),
        test_std: points.iter().map(|p| p.1.std_test_score).collect(),
        train_mean: points.iter().map(|p| p.1.mean_train_score).collect(),
        train_std: points.iter().map(|p| p.1.std_train_score).collect(),
    })
}

/// The mean score over the first two parameters a search varied: one cell per pair of values,
/// holding the best mean over the other parameters (NaN where no candidate had the pair).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreGrid {
    pub row_param: Param,
    pub column_param: Param,
    pub row_values: Vec<f64>,
    pub column_values: Vec<f64>,
    pub scores: Vec<Vec<f64>>,
}

/// The most cells a score grid draws; a random search over wide ranges has too many pairs.
const MAX_GRID_CELLS: usize = 64;

pub fn score_grid(results: &[CandidateResult], rows: &[CvRow]) -> Option<ScoreGrid> {
    let first = &results.first()?.candidate.values;
    if first.len() < 2 {
        return None;
    }
    let (row_param, column_param) = (first[0].0, first[1].0);
    let distinct = |i: usize| {
        let mut values: Vec<f64> = results.iter().map(|r| r.candidate.values[i].1).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        values
    };
    let (row_values, column_values) = (distinct(0), distinct(1));
    if row_values.len() * column_values.len() > MAX_GRID_CELLS {
        return None;
    }
    let mut scores = vec![vec![f64::NAN; column_values.len()]; row_values.len()];
    for (result, row) in results.iter().zip(rows) {
        let at = |values: &[f64], i: usize| {
            values
                .iter()
                .position(|&v| v == result.candidate.values[i].1)
        };
        if let (Some(r), Some(c)) = (at(&row_values, 0), at(&column_values, 1)) {
            let cell = &mut scores[r][c];
            if cell.is_nan() || row.mean_test_score > *cell {
                *cell = row.mean_test_score;
            }
        }
    }
    Some(ScoreGrid {
        row_param,
        column_param,
        row_values,
        column_values,
        scores,
    })
}

/// One candidate's results from parts that each scored some of its folds, in fold order: the
/// same result as scoring every fold at once. `None` if the parts are of different candidates.
pub fn merge_folds(parts: Vec<CandidateResult>) -> Option<CandidateResult> {
    let mut parts = parts.into_iter();
    let mut merged = parts.next()?;
    for part in parts {
        if part.candidate != merged.candidate {
            return None;
        }
        merged.test_scores.extend(part.test_scores);
        merged.train_scores.extend(part.train_scores);
        merged.fit_ms.extend(part.fit_ms);
        if merged.error.is_none() {
            merged.error = part.error;
        }
    }
    Some(merged)
}
