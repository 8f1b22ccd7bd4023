//! Cross-validation of one candidate: fit on each fold's training rows (features encoded on those
//! rows only, as a scikit-learn `Pipeline` would), score on its validation rows.

use super::Candidate;
use crate::features::{FeatureEncoder, Target};
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
    /// Of models that predict numbers: R² (`"r2"`, their `score`).
    R2,
    /// Of models that predict numbers: the mean absolute error, negated so that higher is
    /// better (`"neg_mean_absolute_error"`).
    NegMeanAbsoluteError,
}

impl Scoring {
    pub const ALL: [Scoring; 4] = [
        Scoring::Accuracy,
        Scoring::BalancedAccuracy,
        Scoring::F1Macro,
        Scoring::RocAuc,
    ];

    /// The scorings of models that predict numbers.
    pub const REGRESSION: [Scoring; 2] = [Scoring::R2, Scoring::NegMeanAbsoluteError];

    /// Whether it scores predicted numbers (rather than classes).
    pub fn for_numbers(self) -> bool {
        Scoring::REGRESSION.contains(&self)
    }

    /// This scoring when it suits the task, else the task's first: a tune cell keeps its
    /// scoring in the document while its data set changes from classes to numbers and back.
    pub fn suited(self, regression: bool) -> Scoring {
        match (regression, self.for_numbers()) {
            (true, false) => Scoring::R2,
            (false, true) => Scoring::Accuracy,
            _ => self,
        }
    }

    /// The scorer's name in scikit-learn, for `n_classes` classes.
    pub fn sklearn_name(self, n_classes: usize) -> &'static str {
        match self {
            Scoring::Accuracy => "accuracy",
            Scoring::BalancedAccuracy => "balanced_accuracy",
            Scoring::F1Macro => "f1_macro",
            Scoring::RocAuc if n_classes > 2 => "roc_auc_ovr",
            Scoring::RocAuc => "roc_auc",
            Scoring::R2 => "r2",
            Scoring::NegMeanAbsoluteError => "neg_mean_absolute_error",
        }
    }

    /// The score of predicted numbers, or NaN where scikit-learn's scorer would fail.
    pub fn score_numbers(self, y_true: &[f64], y_pred: &[f64]) -> f64 {
        let score = match self {
            Scoring::NegMeanAbsoluteError => {
                metrics::mean_absolute_error(y_true, y_pred).map(|e| -e)
            }
            _ => metrics::r2_score(y_true, y_pred),
        };
        score.unwrap_or(f64::NAN)
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
            Scoring::R2 | Scoring::NegMeanAbsoluteError => Err(Error::EmptyInput),
        };
        score.unwrap_or(f64::NAN)
    }
}

/// The rows a search learns from: the training rows of the notebook's split, never its test
/// rows.
pub struct CvData<'a> {
    pub table: &'a Table,
    pub target: &'a str,
    pub outcome: &'a Target,
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

/// Fits `model` on `train_rows` (features encoded on those rows only) and scores it on
/// `validation_rows` and on `train_rows`: (validation score, training score, fit milliseconds).
fn fit_and_score(
    data: &CvData,
    model: &ModelSpec,
    train_rows: &[usize],
    validation_rows: &[usize],
    scoring: Scoring,
    clock: &dyn Fn() -> f64,
) -> Result<(f64, f64, f64), Error> {
    let encoder = FeatureEncoder::fit(data.table, data.target, train_rows)?;
    let x_train = encoder.transform(data.table, train_rows)?;
    let x_validation = encoder.transform(data.table, validation_rows)?;
    let started = clock();
    match data.outcome {
        Target::Classes(labels) => {
            let truth =
                |rows: &[usize]| -> Vec<u32> { rows.iter().map(|&r| labels.codes[r]).collect() };
            let y_train = truth(train_rows);
            let fitted = model.fit(&x_train, &y_train, labels.classes.len())?;
            let fit_ms = clock() - started;
            let score_on =
                |x, y: &[u32]| scoring.score(y, &fitted.predict(x), &fitted.predict_proba(x));
            let validation = score_on(&x_validation, &truth(validation_rows));
            Ok((validation, score_on(&x_train, &y_train), fit_ms))
        }
        Target::Numbers(values) => {
            let truth = |rows: &[usize]| -> Vec<f64> { rows.iter().map(|&r| values[r]).collect() };
            let y_train = truth(train_rows);
            let fitted = model.fit_regressor(&x_train, &y_train, &mut |_| {})?;
            let fit_ms = clock() - started;
            let score_on = |x, y: &[f64]| scoring.score_numbers(y, &fitted.predict(x));
            let validation = score_on(&x_validation, &truth(validation_rows));
            Ok((validation, score_on(&x_train, &y_train), fit_ms))
        }
    }
}

/// Table rows of positions in the rows a search learns from.
fn table_rows(data: &CvData, positions: &[usize]) -> Vec<usize> {
    positions.iter().map(|&p| data.rows[p]).collect()
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
    for (i, fold) in folds.iter().enumerate() {
        let scored = fit_and_score(
            data,
            &model,
            &table_rows(data, &fold.train),
            &table_rows(data, &fold.validation),
            scoring,
            clock,
        );
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

/// One point of a learning curve: the model trained on the first `rows` training rows of each
/// fold, scored on that fold's validation rows and on the rows it learned from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningPoint {
    pub rows: usize,
    pub test_scores: Vec<f64>,
    pub train_scores: Vec<f64>,
    pub error: Option<Error>,
}

/// The training-set sizes of scikit-learn's `learning_curve` with its default
/// `train_sizes=np.linspace(0.1, 1.0, 5)`: those fractions of the first fold's training rows,
/// truncated, at least 1, without repeats.
pub fn learning_curve_sizes(folds: &[Fold]) -> Vec<usize> {
    let n_max = folds.first().map_or(0, |f| f.train.len());
    // np.linspace: start + i·step, the last point exactly the stop.
    let step = (1.0 - 0.1) / 4.0;
    let mut sizes: Vec<usize> = (0..5)
        .map(|i| {
            if i == 4 {
                1.0
            } else {
                0.1 + f64::from(i) * step
            }
        })
        .map(|fraction: f64| ((fraction * n_max as f64) as usize).clamp(1, n_max.max(1)))
        .collect();
    sizes.dedup();
    sizes
}

/// The learning-curve point at `rows` training rows. With `shuffle`, each fold's training rows
/// are shuffled (seeded per fold) before the first `rows` are taken, as `learning_curve(...,
/// shuffle=True)` does (with another generator); without, they are taken in order.
#[allow(clippy::too_many_arguments)]
pub fn learning_curve_point(
    data: &CvData,
    model: &ModelSpec,
    folds: &[Fold],
    rows: usize,
    scoring: Scoring,
    shuffle: Option<u64>,
    progress: &mut dyn FnMut(f64),
) -> LearningPoint {
    let mut point = LearningPoint {
        rows,
        test_scores: vec![f64::NAN; folds.len()],
        train_scores: vec![f64::NAN; folds.len()],
        error: None,
    };
    for (i, fold) in folds.iter().enumerate() {
        let mut train_positions = fold.train.clone();
        if let Some(seed) = shuffle {
            crate::rng::SeededRng::for_stream(seed, i as u64).shuffle(&mut train_positions);
        }
        train_positions.truncate(rows);
        let scored = fit_and_score(
            data,
            model,
            &table_rows(data, &train_positions),
            &table_rows(data, &fold.validation),
            scoring,
            &|| 0.0,
        );
        match scored {
            Ok((test, train, _)) => {
                point.test_scores[i] = test;
                point.train_scores[i] = train;
            }
            Err(error) => {
                point.error.get_or_insert(error);
            }
        }
        progress((i + 1) as f64 / folds.len() as f64);
    }
    point
}
