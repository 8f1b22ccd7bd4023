//! Metrics from scores (probabilities or decision values): ROC and precision–recall curves,
//! ROC-AUC and average precision, as `sklearn/metrics/_ranking.py` computes them.

use super::check_pair;
use crate::Error;

/// `roc_curve`'s output. `thresholds[0]` is +∞, so the curve starts at (0, 0).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RocCurve {
    pub fpr: Vec<f64>,
    pub tpr: Vec<f64>,
    pub thresholds: Vec<f64>,
}

/// `precision_recall_curve`'s output: precision and recall end with 1 and 0, and there is one
/// threshold fewer than points.
#[derive(Debug, Clone, PartialEq)]
pub struct PrCurve {
    pub precision: Vec<f64>,
    pub recall: Vec<f64>,
    pub thresholds: Vec<f64>,
}

/// Cumulative true and false positives at each distinct score, highest score first
/// (scikit-learn's `confusion_matrix_at_thresholds`).
struct Cumulative {
    fps: Vec<f64>,
    tps: Vec<f64>,
    thresholds: Vec<f64>,
}

fn cumulative(positive: &[bool], scores: &[f64]) -> Result<Cumulative, Error> {
    check_pair(positive, scores)?;
    if scores.iter().any(|s| !s.is_finite()) {
        return Err(Error::ScoresNotFinite);
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut out = Cumulative {
        fps: Vec::new(),
        tps: Vec::new(),
        thresholds: Vec::new(),
    };
    let mut tp = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        if positive[i] {
            tp += 1.0;
        }
        let last_of_tie = order
            .get(rank + 1)
            .is_none_or(|&next| scores[next] != scores[i]);
        if last_of_tie {
            out.tps.push(tp);
            out.fps.push(1.0 + rank as f64 - tp);
            out.thresholds.push(scores[i]);
        }
    }
    Ok(out)
}

/// `roc_curve(y_true == pos_label, scores, drop_intermediate=…)`.
pub fn roc_curve(
    y_true: &[u32],
    scores: &[f64],
    pos_label: u32,
    drop_intermediate: bool,
) -> Result<RocCurve, Error> {
    let positive: Vec<bool> = y_true.iter().map(|&y| y == pos_label).collect();
    let mut c = cumulative(&positive, scores)?;
    if drop_intermediate && c.fps.len() > 2 {
        // Keep the ends and every corner: a point whose second difference is non-zero.
        let n = c.fps.len();
        let corner = |v: &[f64], i: usize| v[i + 1] - 2.0 * v[i] + v[i - 1] != 0.0;
        let keep: Vec<usize> = (0..n)
            .filter(|&i| i == 0 || i == n - 1 || corner(&c.fps, i) || corner(&c.tps, i))
            .collect();
        c.fps = keep.iter().map(|&i| c.fps[i]).collect();
        c.tps = keep.iter().map(|&i| c.tps[i]).collect();
        c.thresholds = keep.iter().map(|&i| c.thresholds[i]).collect();
    }
    let ratio = |v: &[f64]| -> Vec<f64> {
        let last = v.last().copied().unwrap_or(0.0);
        std::iter::once(0.0)
            .chain(v.iter().copied())
            .map(|x| if last <= 0.0 { f64::NAN } else { x / last })
            .collect()
    };
    Ok(RocCurve {
        fpr: ratio(&c.fps),
        tpr: ratio(&c.tps),
        thresholds: std::iter::once(f64::INFINITY).chain(c.thresholds).collect(),
    })
}

/// The area under a curve by the trapezoidal rule (`sklearn.metrics.auc`, for increasing `x`).
pub fn auc(x: &[f64], y: &[f64]) -> f64 {
    x.windows(2)
        .zip(y.windows(2))
        .map(|(x, y)| (x[1] - x[0]) * (y[0] + y[1]) / 2.0)
        .sum()
}

/// `roc_auc_score` for a binary problem: `scores` rank the rows by how much they look like
/// `pos_label`. Undefined (an error, as in scikit-learn) unless both classes are in `y_true`.
pub fn roc_auc_binary(y_true: &[u32], scores: &[f64], pos_label: u32) -> Result<f64, Error> {
    let positives = y_true.iter().filter(|&&y| y == pos_label).count();
    if positives == 0 || positives == y_true.len() {
        return Err(Error::OneClassInTruth);
    }
    let curve = roc_curve(y_true, scores, pos_label, true)?;
    Ok(auc(&curve.fpr, &curve.tpr))
}

/// How one-vs-rest scores of several classes are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassAverage {
    Macro,
    /// Weighted by each class's rows in `y_true`.
    Weighted,
}

/// Checks a probability matrix: one column per class, rows summing to 1 (as `np.allclose`).
fn check_probabilities(proba: &[Vec<f64>], n_classes: usize) -> Result<(), Error> {
    for row in proba {
        if row.len() != n_classes {
            return Err(Error::ScoresShape {
                expected: n_classes,
                found: row.len(),
            });
        }
        if row.iter().any(|p| !p.is_finite()) {
            return Err(Error::ScoresNotFinite);
        }
        if (row.iter().sum::<f64>() - 1.0).abs() > 1e-8 + 1e-5 {
            return Err(Error::ProbabilitiesInvalid);
        }
    }
    Ok(())
}

/// Applies a binary score to each class against the rest and averages: scikit-learn's
/// `_average_binary_score`. Every class must be present in `y_true`.
fn one_vs_rest(
    y_true: &[u32],
    proba: &[Vec<f64>],
    average: ClassAverage,
    score: impl Fn(&[u32], &[f64], u32) -> Result<f64, Error>,
) -> Result<f64, Error> {
    check_pair(y_true, proba)?;
    let n_classes = proba[0].len();
    check_probabilities(proba, n_classes)?;
    let mut total = 0.0;
    let mut weight_sum = 0.0;
    for class in 0..n_classes as u32 {
        let support = y_true.iter().filter(|&&y| y == class).count() as f64;
        if support == 0.0 {
            return Err(Error::ClassAbsentFromTruth);
        }
        let column: Vec<f64> = proba.iter().map(|row| row[class as usize]).collect();
        let weight = match average {
            ClassAverage::Macro => 1.0,
            ClassAverage::Weighted => support,
        };
        total += weight * score(y_true, &column, class)?;
        weight_sum += weight;
    }
    Ok(total / weight_sum)
}

/// `roc_auc_score(y_true, proba, multi_class="ovr", average=…)`.
pub fn roc_auc_ovr(
    y_true: &[u32],
    proba: &[Vec<f64>],
    average: ClassAverage,
) -> Result<f64, Error> {
    one_vs_rest(y_true, proba, average, roc_auc_binary)
}

/// `precision_recall_curve(y_true == pos_label, scores)`.
pub fn precision_recall_curve(
    y_true: &[u32],
    scores: &[f64],
    pos_label: u32,
) -> Result<PrCurve, Error> {
    let positive: Vec<bool> = y_true.iter().map(|&y| y == pos_label).collect();
    let c = cumulative(&positive, scores)?;
    let last_tp = c.tps.last().copied().unwrap_or(0.0);
    let mut precision: Vec<f64> = c
        .tps
        .iter()
        .zip(&c.fps)
        .map(|(&tp, &fp)| if tp + fp != 0.0 { tp / (tp + fp) } else { 0.0 })
        .collect();
    let mut recall: Vec<f64> = c
        .tps
        .iter()
        .map(|&tp| if last_tp == 0.0 { 1.0 } else { tp / last_tp })
        .collect();
    let mut thresholds = c.thresholds;
    precision.reverse();
    recall.reverse();
    thresholds.reverse();
    precision.push(1.0);
    recall.push(0.0);
    Ok(PrCurve {
        precision,
        recall,
        thresholds,
    })
}

/// `average_precision_score` for a binary problem: Σ (Rₙ − Rₙ₋₁) Pₙ, no interpolation.
pub fn average_precision_binary(
    y_true: &[u32],
    scores: &[f64],
    pos_label: u32,
) -> Result<f64, Error> {
    let curve = precision_recall_curve(y_true, scores, pos_label)?;
    let area: f64 = curve
        .recall
        .windows(2)
        .zip(&curve.precision)
        .map(|(r, p)| (r[1] - r[0]) * p)
        .sum();
    Ok((-area).max(0.0))
}

/// `average_precision_score(y_true, proba, average=…)` for several classes, one against the rest.
pub fn average_precision_ovr(
    y_true: &[u32],
    proba: &[Vec<f64>],
    average: ClassAverage,
) -> Result<f64, Error> {
    one_vs_rest(y_true, proba, average, average_precision_binary)
}
