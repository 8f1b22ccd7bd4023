//! ROC and precision–recall curves with their areas, for two classes or one class against the
//! rest of many: what an evaluation shows beside its scores.

use super::{
    average_precision_binary, average_precision_ovr, precision_recall_curve, roc_auc_binary,
    roc_auc_ovr, roc_curve, ClassAverage, RocCurve,
};
use crate::Error;
use serde::{Deserialize, Serialize};

/// A ROC curve of one class against the rest, with its area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassCurve {
    pub class: usize,
    pub curve: RocCurve,
    pub auc: f64,
}

/// ROC-AUC as scikit-learn's `roc_auc_score` gives it (binary: of the second class, as
/// scikit-learn takes the greater label as positive; multiclass: one-vs-rest, macro average),
/// and the curves to draw: one for a binary problem, one per class otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RocSummary {
    pub auc: f64,
    pub curves: Vec<ClassCurve>,
}

/// A precision–recall curve of one class against the rest, with its average precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassPrCurve {
    pub class: usize,
    pub recall: Vec<f64>,
    pub precision: Vec<f64>,
    pub average_precision: f64,
}

/// `average_precision_score` as scikit-learn gives it (binary: of the second class; multiclass:
/// one-vs-rest, macro average), and the curves to draw, as for ROC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrSummary {
    pub average_precision: f64,
    pub curves: Vec<ClassPrCurve>,
}

pub fn pr_summary(
    y_true: &[u32],
    proba: &[Vec<f64>],
    n_classes: usize,
) -> Result<PrSummary, Error> {
    let curve_of = |class: usize| -> Result<ClassPrCurve, Error> {
        let scores: Vec<f64> = proba.iter().map(|p| p[class]).collect();
        let curve = precision_recall_curve(y_true, &scores, class as u32)?;
        Ok(ClassPrCurve {
            class,
            recall: curve.recall,
            precision: curve.precision,
            average_precision: average_precision_binary(y_true, &scores, class as u32)?,
        })
    };
    if n_classes == 2 {
        let curve = curve_of(1)?;
        return Ok(PrSummary {
            average_precision: curve.average_precision,
            curves: vec![curve],
        });
    }
    Ok(PrSummary {
        average_precision: average_precision_ovr(y_true, proba, ClassAverage::Macro)?,
        curves: (0..n_classes).map(curve_of).collect::<Result<_, _>>()?,
    })
}

pub fn roc_summary(
    y_true: &[u32],
    proba: &[Vec<f64>],
    n_classes: usize,
) -> Result<RocSummary, Error> {
    let column = |class: usize| -> Vec<f64> { proba.iter().map(|p| p[class]).collect() };
    let curve_of = |class: usize| -> Result<ClassCurve, Error> {
        let scores = column(class);
        Ok(ClassCurve {
            class,
            auc: roc_auc_binary(y_true, &scores, class as u32)?,
            curve: roc_curve(y_true, &scores, class as u32, true)?,
        })
    };
    if n_classes == 2 {
        let curve = curve_of(1)?;
        return Ok(RocSummary {
            auc: curve.auc,
            curves: vec![curve],
        });
    }
    Ok(RocSummary {
        auc: roc_auc_ovr(y_true, proba, ClassAverage::Macro)?,
        curves: (0..n_classes).map(curve_of).collect::<Result<_, _>>()?,
    })
}
