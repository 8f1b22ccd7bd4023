//! A search's results as scikit-learn's `cv_results_` reports them: per candidate, the mean and
//! the standard deviation (over folds, `ddof = 0`) of its scores, its mean fit time, and its rank.

use super::CandidateResult;
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
fn mean_std(values: &[f64]) -> (f64, f64) {
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
