//! Classification metrics from labels: accuracy, the confusion matrix, precision / recall /
//! F-beta, and the agreement scores.

use super::{check_pair, nan_average, unique_labels};
use crate::Error;

/// `accuracy_score(y_true, y_pred)`: the fraction of exact matches. `None` for empty input,
/// where scikit-learn would divide by zero.
pub fn accuracy(y_true: &[u32], y_pred: &[u32]) -> Option<f64> {
    if y_true.is_empty() || y_true.len() != y_pred.len() {
        return None;
    }
    let hits = y_true.iter().zip(y_pred).filter(|(t, p)| t == p).count();
    Some(hits as f64 / y_true.len() as f64)
}

/// `confusion_matrix(y_true, y_pred, labels=range(n_classes))`: row = true class,
/// column = predicted class. Codes outside `0..n_classes` are ignored, as scikit-learn ignores
/// labels not in `labels`.
pub fn confusion_matrix(y_true: &[u32], y_pred: &[u32], n_classes: usize) -> Vec<Vec<u64>> {
    confusion_for_labels(y_true, y_pred, &(0..n_classes as u32).collect::<Vec<_>>())
}

/// The confusion matrix over the given labels, in their order.
fn confusion_for_labels(y_true: &[u32], y_pred: &[u32], labels: &[u32]) -> Vec<Vec<u64>> {
    let position = |code: u32| labels.iter().position(|&l| l == code);
    let mut matrix = vec![vec![0u64; labels.len()]; labels.len()];
    for (&t, &p) in y_true.iter().zip(y_pred) {
        if let (Some(i), Some(j)) = (position(t), position(p)) {
            matrix[i][j] += 1;
        }
    }
    matrix
}

/// How `confusion_matrix(normalize=…)` divides the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normalize {
    /// Each row sums to 1: the share of each true class predicted as each class.
    True,
    /// Each column sums to 1.
    Pred,
    /// The whole matrix sums to 1.
    All,
}

/// The counts divided as `normalize` says; a zero row or column gives zeros (scikit-learn's
/// `nan_to_num`).
pub fn normalize_confusion(counts: &[Vec<u64>], normalize: Normalize) -> Vec<Vec<f64>> {
    let n = counts.len();
    let row_sums: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let col_sums: Vec<u64> = (0..n).map(|j| counts.iter().map(|r| r[j]).sum()).collect();
    let total: u64 = row_sums.iter().sum();
    let share = |count: u64, of: u64| {
        if of == 0 {
            0.0
        } else {
            count as f64 / of as f64
        }
    };
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let of = match normalize {
                        Normalize::True => row_sums[i],
                        Normalize::Pred => col_sums[j],
                        Normalize::All => total,
                    };
                    share(counts[i][j], of)
                })
                .collect()
        })
        .collect()
}

/// `balanced_accuracy_score`: the mean recall over the classes present in `y_true`.
pub fn balanced_accuracy(y_true: &[u32], y_pred: &[u32]) -> Result<f64, Error> {
    check_pair(y_true, y_pred)?;
    let labels = unique_labels(y_true, y_pred);
    let matrix = confusion_for_labels(y_true, y_pred, &labels);
    let recalls: Vec<f64> = matrix
        .iter()
        .enumerate()
        .filter_map(|(i, row)| {
            let support: u64 = row.iter().sum();
            (support > 0).then(|| row[i] as f64 / support as f64)
        })
        .collect();
    Ok(recalls.iter().sum::<f64>() / recalls.len() as f64)
}

/// What an ill-defined precision, recall or F-score (a zero denominator) becomes: scikit-learn's
/// `zero_division` ("warn" behaves as 0 and warns).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ZeroDivision {
    Warn,
    Zero,
    One,
    NaN,
}

impl ZeroDivision {
    fn value(self) -> f64 {
        match self {
            ZeroDivision::Warn | ZeroDivision::Zero => 0.0,
            ZeroDivision::One => 1.0,
            ZeroDivision::NaN => f64::NAN,
        }
    }
}

/// scikit-learn's `average` for precision, recall and F-scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Average {
    /// The score of the positive class only; the data must have at most two labels.
    Binary { pos_label: u32 },
    /// Counts pooled over all labels.
    Micro,
    /// The unweighted mean of the per-label scores.
    Macro,
    /// The per-label scores weighted by support (true rows of each label).
    Weighted,
}

/// Per-label scores, in the order of `labels`.
#[derive(Debug, Clone, PartialEq)]
pub struct PerLabel {
    pub labels: Vec<u32>,
    pub precision: Vec<f64>,
    pub recall: Vec<f64>,
    pub f_score: Vec<f64>,
    pub support: Vec<u64>,
}

/// Averaged scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Averaged {
    pub precision: f64,
    pub recall: f64,
    pub f_score: f64,
}

fn divide(numerator: &[f64], denominator: &[f64], zero_division: ZeroDivision) -> Vec<f64> {
    numerator
        .iter()
        .zip(denominator)
        .map(|(&n, &d)| {
            if d == 0.0 {
                zero_division.value()
            } else {
                n / d
            }
        })
        .collect()
}

/// Counts per label: (true positives, predicted, true).
fn label_counts(y_true: &[u32], y_pred: &[u32], labels: &[u32]) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let count = |pred: &dyn Fn(u32, u32, u32) -> bool| -> Vec<f64> {
        labels
            .iter()
            .map(|&l| {
                y_true
                    .iter()
                    .zip(y_pred)
                    .filter(|(&t, &p)| pred(l, t, p))
                    .count() as f64
            })
            .collect()
    };
    (
        count(&|l, t, p| t == l && p == l),
        count(&|l, _, p| p == l),
        count(&|l, t, _| t == l),
    )
}

fn scores(
    tp: &[f64],
    pred: &[f64],
    truth: &[f64],
    beta: f64,
    zero_division: ZeroDivision,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let precision = divide(tp, pred, zero_division);
    let recall = divide(tp, truth, zero_division);
    let f_score = if beta.is_infinite() {
        recall.clone()
    } else if beta == 0.0 {
        precision.clone()
    } else {
        // (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), written with the sums as scikit-learn does.
        let beta2 = beta * beta;
        let numerator: Vec<f64> = tp.iter().map(|t| (1.0 + beta2) * t).collect();
        let denominator: Vec<f64> = truth.iter().zip(pred).map(|(t, p)| beta2 * t + p).collect();
        divide(&numerator, &denominator, zero_division)
    };
    (precision, recall, f_score)
}

/// `precision_recall_fscore_support(average=None)`: the scores of every label. `labels` defaults
/// to the sorted union of the labels present.
pub fn precision_recall_fscore_per_label(
    y_true: &[u32],
    y_pred: &[u32],
    labels: Option<&[u32]>,
    beta: f64,
    zero_division: ZeroDivision,
) -> Result<PerLabel, Error> {
    check_pair(y_true, y_pred)?;
    check_beta(beta)?;
    let labels = labels.map_or_else(|| unique_labels(y_true, y_pred), <[u32]>::to_vec);
    let (tp, pred, truth) = label_counts(y_true, y_pred, &labels);
    let (precision, recall, f_score) = scores(&tp, &pred, &truth, beta, zero_division);
    Ok(PerLabel {
        support: truth.iter().map(|&t| t as u64).collect(),
        labels,
        precision,
        recall,
        f_score,
    })
}

fn check_beta(beta: f64) -> Result<(), Error> {
    if beta.is_nan() || beta < 0.0 {
        return Err(Error::InvalidMetricParameter {
            name: "beta".into(),
        });
    }
    Ok(())
}

/// `precision_recall_fscore_support(average=…)` with scikit-learn's rules for every average.
pub fn precision_recall_fscore(
    y_true: &[u32],
    y_pred: &[u32],
    average: Average,
    beta: f64,
    zero_division: ZeroDivision,
    labels: Option<&[u32]>,
) -> Result<Averaged, Error> {
    check_pair(y_true, y_pred)?;
    check_beta(beta)?;
    let present = unique_labels(y_true, y_pred);
    let labels: Vec<u32> = match average {
        Average::Binary { pos_label } => {
            if present.len() > 2 {
                return Err(Error::NotBinary {
                    classes: present.len(),
                });
            }
            if present.len() == 2 && !present.contains(&pos_label) {
                return Err(Error::PositiveClassAbsent);
            }
            vec![pos_label]
        }
        _ => labels.map_or(present, <[u32]>::to_vec),
    };
    let (mut tp, mut pred, mut truth) = label_counts(y_true, y_pred, &labels);
    if average == Average::Micro {
        tp = vec![tp.iter().sum()];
        pred = vec![pred.iter().sum()];
        truth = vec![truth.iter().sum()];
    }
    let (precision, recall, f_score) = scores(&tp, &pred, &truth, beta, zero_division);
    let weights = (average == Average::Weighted).then_some(truth.as_slice());
    Ok(Averaged {
        precision: nan_average(&precision, weights),
        recall: nan_average(&recall, weights),
        f_score: nan_average(&f_score, weights),
    })
}

/// A binary classifier's outcome when rows whose score is at least `threshold` are predicted
/// positive: the 2×2 confusion matrix (negative first) with its precision and recall
/// (`zero_division=0`). The point this gives on the ROC curve is `false_positive_rate`, `recall`.
#[derive(Debug, Clone, PartialEq)]
pub struct AtThreshold {
    pub confusion: Vec<Vec<u64>>,
    pub precision: f64,
    pub recall: f64,
    pub false_positive_rate: f64,
}

pub fn at_threshold(
    y_true: &[u32],
    scores: &[f64],
    pos_label: u32,
    threshold: f64,
) -> Result<AtThreshold, Error> {
    check_pair(y_true, scores)?;
    let (mut tp, mut fp, mut tn, mut fn_) = (0u64, 0u64, 0u64, 0u64);
    for (&y, &s) in y_true.iter().zip(scores) {
        match (y == pos_label, s >= threshold) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (false, false) => tn += 1,
            (true, false) => fn_ += 1,
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    Ok(AtThreshold {
        confusion: vec![vec![tn, fp], vec![fn_, tp]],
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn_),
        false_positive_rate: ratio(fp, fp + tn),
    })
}

/// One row of a classification report.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportRow {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: u64,
}

/// `classification_report(output_dict=True)` for labels `0..n_classes`: a row per class, the
/// accuracy, and the macro and weighted averages.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ClassificationReport {
    pub per_class: Vec<ReportRow>,
    pub accuracy: f64,
    pub macro_avg: ReportRow,
    pub weighted_avg: ReportRow,
}

pub fn classification_report(
    y_true: &[u32],
    y_pred: &[u32],
    n_classes: usize,
    zero_division: ZeroDivision,
) -> Result<ClassificationReport, Error> {
    let labels: Vec<u32> = (0..n_classes as u32).collect();
    let per = precision_recall_fscore_per_label(y_true, y_pred, Some(&labels), 1.0, zero_division)?;
    let total: u64 = per.support.iter().sum();
    let average = |average| {
        precision_recall_fscore(y_true, y_pred, average, 1.0, zero_division, Some(&labels)).map(
            |a| ReportRow {
                precision: a.precision,
                recall: a.recall,
                f1: a.f_score,
                support: total,
            },
        )
    };
    Ok(ClassificationReport {
        per_class: (0..labels.len())
            .map(|i| ReportRow {
                precision: per.precision[i],
                recall: per.recall[i],
                f1: per.f_score[i],
                support: per.support[i],
            })
            .collect(),
        accuracy: accuracy(y_true, y_pred).unwrap_or(f64::NAN),
        macro_avg: average(Average::Macro)?,
        weighted_avg: average(Average::Weighted)?,
    })
}

/// `matthews_corrcoef`: the correlation between truth and prediction, in -1..=1; 0 when it is
/// undefined (a constant truth or prediction).
pub fn matthews_corrcoef(y_true: &[u32], y_pred: &[u32]) -> Result<f64, Error> {
    check_pair(y_true, y_pred)?;
    let labels = unique_labels(y_true, y_pred);
    let c = confusion_for_labels(y_true, y_pred, &labels);
    let k = labels.len();
    let t_sum: Vec<f64> = c.iter().map(|r| r.iter().sum::<u64>() as f64).collect();
    let p_sum: Vec<f64> = (0..k)
        .map(|j| c.iter().map(|r| r[j]).sum::<u64>() as f64)
        .collect();
    let n_correct: f64 = (0..k).map(|i| c[i][i] as f64).sum();
    let n: f64 = p_sum.iter().sum();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let cov_ytyp = n_correct * n - dot(&t_sum, &p_sum);
    let cov_ypyp = n * n - dot(&p_sum, &p_sum);
    let cov_ytyt = n * n - dot(&t_sum, &t_sum);
    if cov_ypyp * cov_ytyt == 0.0 {
        return Ok(0.0);
    }
    Ok(cov_ytyp / (cov_ytyt * cov_ypyp).sqrt())
}

/// `cohen_kappa_score` (unweighted): agreement beyond chance; NaN when undefined, as
/// scikit-learn's default `replace_undefined_by=np.nan`.
pub fn cohen_kappa(y_true: &[u32], y_pred: &[u32]) -> Result<f64, Error> {
    check_pair(y_true, y_pred)?;
    let labels = unique_labels(y_true, y_pred);
    let c = confusion_for_labels(y_true, y_pred, &labels);
    let k = labels.len();
    let sum0: Vec<f64> = (0..k)
        .map(|j| c.iter().map(|r| r[j]).sum::<u64>() as f64)
        .collect();
    let sum1: Vec<f64> = c.iter().map(|r| r.iter().sum::<u64>() as f64).collect();
    let total: f64 = sum0.iter().sum();
    let mut observed = 0.0;
    let mut expected = 0.0;
    for i in 0..k {
        for j in 0..k {
            if i != j {
                observed += c[i][j] as f64;
                expected += sum0[i] * sum1[j] / total;
            }
        }
    }
    if expected == 0.0 {
        return Ok(f64::NAN);
    }
    Ok(1.0 - observed / expected)
}

/// `log_loss(y_true, proba, labels=range(n_classes))`: the mean negative log-probability of the
/// true class, with probabilities clipped to `[ε, 1−ε]`.
pub fn log_loss(y_true: &[u32], proba: &[Vec<f64>]) -> Result<f64, Error> {
    check_pair(y_true, proba)?;
    let n_classes = proba[0].len();
    let eps = f64::EPSILON;
    let mut total = 0.0;
    for (&t, row) in y_true.iter().zip(proba) {
        if row.len() != n_classes || t as usize >= n_classes {
            return Err(Error::ScoresShape {
                expected: n_classes,
                found: row.len(),
            });
        }
        if row.iter().any(|p| !(0.0..=1.0).contains(p)) {
            return Err(Error::ProbabilitiesInvalid);
        }
        let sum: f64 = row.iter().sum();
        if (sum - 1.0).abs() > eps.sqrt() {
            return Err(Error::ProbabilitiesInvalid);
        }
        total -= row[t as usize].clamp(eps, 1.0 - eps).ln();
    }
    Ok(total / y_true.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_agrees_with_the_label_metrics_of_its_predictions() {
        let y_true = [0, 0, 1, 1, 1, 0, 1];
        let scores = [0.1, 0.6, 0.6, 0.9, 0.3, 0.2, 0.5];
        for threshold in [0.0, 0.3, 0.5, 0.55, 0.6, 1.0, 1.5] {
            let y_pred: Vec<u32> = scores.iter().map(|&s| u32::from(s >= threshold)).collect();
            let at = at_threshold(&y_true, &scores, 1, threshold).unwrap();
            assert_eq!(at.confusion, confusion_matrix(&y_true, &y_pred, 2));
            let binary = precision_recall_fscore(
                &y_true,
                &y_pred,
                Average::Binary { pos_label: 1 },
                1.0,
                ZeroDivision::Zero,
                None,
            )
            .unwrap();
            assert_eq!((at.precision, at.recall), (binary.precision, binary.recall));
        }
    }
}
