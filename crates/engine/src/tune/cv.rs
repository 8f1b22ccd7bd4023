//! Cross-validation of one candidate: fit on each fold's training rows (features encoded on those
//! rows only, as a scikit-learn `Pipeline` would), score on its validation rows.

use super::Candidate;
use crate::features::{FeatureEncoder, Labels};
use crate::metrics::{self, Average, ClassAverage, ZeroDivision};
use crate::models::ModelSpec;
use crate::split::Fold;
use crate::table::Table;
use crate::Error;
use serde::{Deserialize, Serialize};

/// The score a search ranks by, as scikit-learn's scorer of the same name computes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    #[default]
    Accuracy,
    BalancedAccuracy,
    /// F1 averaged over the classes present in the fold (`"f1_macro"`).
    F1Macro,
    /// `"roc_auc"` for two classes, `"roc_auc_ovr"` (macro) for more.
    RocAuc,
}

impl Scoring {
    pub const ALL: [Scoring; 4] = [
        Scoring::Accuracy,
        Scoring::BalancedAccuracy,
        Scoring::F1Macro,
        Scoring::RocAuc,
    ];

    /// The scorer's name in scikit-learn, for `n_classes` classes.
    pub fn sklearn_name(self, n_classes: usize) -> &'static str {
        match self {
            Scoring::Accuracy => "accuracy",
            Scoring::BalancedAccuracy => "balanced_accuracy",
            Scoring::F1Macro => "f1_macro",
            Scoring::RocAuc if n_classes > 2 => "roc_auc_ovr",
            Scoring::RocAuc => "roc_auc",
        }
    }

    /// The score, or NaN where scikit-learn's scorer would fail (its `error_score`).
    pub fn score(self, y_true: &[u32], y_pred: &[u32], proba: &[Vec<f64>]) -> f64 {
        let score = match self {
            Scoring::Accuracy => metrics::accuracy(y_true, y_pred).ok_or(Error::EmptyInput),
            Scoring::BalancedAccuracy => metrics::balanced_accuracy(y_true, y_pred),
            Scoring::F1Macro => metrics::precision_recall_fscore(
                y_true,
                y_pred,
                Average::Macro,
                1.0,
                ZeroDivision::Warn,
                None,
            )
            .map(|a| a.f_score),
            Scoring::RocAuc => match proba.first().map(Vec::len) {
                Some(2) => {
                    let scores: Vec<f64> = proba.iter().map(|p| p[1]).collect();
                    metrics::roc_auc_binary(y_true, &scores, 1)
                }
                _ => metrics::roc_auc_ovr(y_true, proba, ClassAverage::Macro),
            },
        };
        score.unwrap_or(f64::NAN)
    }
}

/// The rows a search learns from: the training rows of the notebook's split, never its test
/// rows.
pub struct CvData<'a> {
    pub table: &'a Table,
    pub target: &'a str,
    pub labels: &'a Labels,
    /// Table rows; the folds index into this list.
    pub rows: &'a [usize],
}

/// One candidate's scores on every fold, as a row of `cv_results_` holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateResult {
    pub candidate: Candidate,
    pub test_scores: Vec<f64>,
    pub train_scores: Vec<f64>,
    /// Milliseconds to fit, per fold (by the clock the caller gave).
    pub fit_ms: Vec<f64>,
    /// Why the candidate (or one of its folds) could not be scored; those scores are NaN.
    pub error: Option<Error>,
}

/// Scores `candidate` (applied to `base`) on each fold, calling `progress` with the fraction of
/// folds done. `clock` gives milliseconds (`performance.now()` in a worker).
pub fn cross_validate_candidate(
    data: &CvData,
    base: &ModelSpec,
    candidate: &Candidate,
    folds: &[Fold],
    scoring: Scoring,
    clock: &dyn Fn() -> f64,
    progress: &mut dyn FnMut(f64),
) -> CandidateResult {
    let mut result = CandidateResult {
        candidate: candidate.clone(),
        test_scores: vec![f64::NAN; folds.len()],
        train_scores: vec![f64::NAN; folds.len()],
        fit_ms: vec![0.0; folds.len()],
        error: None,
    };
    let model = match candidate.model(base) {
        Ok(model) => model,
        Err(error) => {
            result.error = Some(error);
            return result;
        }
    };
    let n_classes = data.labels.classes.len();
    for (i, fold) in folds.iter().enumerate() {
        let rows = |positions: &[usize]| -> Vec<usize> {
            positions.iter().map(|&p| data.rows[p]).collect()
        };
        let (train_rows, validation_rows) = (rows(&fold.train), rows(&fold.validation));
        let truth =
            |rows: &[usize]| -> Vec<u32> { rows.iter().map(|&r| data.labels.codes[r]).collect() };
        let scored = (|| -> Result<(f64, f64, f64), Error> {
            let encoder = FeatureEncoder::fit(data.table, data.target, &train_rows)?;
            let x_train = encoder.transform(data.table, &train_rows)?;
            let x_validation = encoder.transform(data.table, &validation_rows)?;
            let y_train = truth(&train_rows);
            let started = clock();
            let fitted = model.fit(&x_train, &y_train, n_classes)?;
            let fit_ms = clock() - started;
            let score_on =
                |x, y: &[u32]| scoring.score(y, &fitted.predict(x), &fitted.predict_proba(x));
            let test = score_on(&x_validation, &truth(&validation_rows));
            let train = score_on(&x_train, &y_train);
            Ok((test, train, fit_ms))
        })();
        match scored {
            Ok((test, train, fit_ms)) => {
                result.test_scores[i] = test;
                result.train_scores[i] = train;
                result.fit_ms[i] = fit_ms;
            }
            Err(error) => {
                result.error.get_or_insert(error);
            }
        }
        progress((i + 1) as f64 / folds.len() as f64);
    }
    result
}
