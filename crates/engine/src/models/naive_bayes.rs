//! Gaussian naive Bayes (scikit-learn's `GaussianNB`): each class is a normal distribution per
//! feature, independent of the others; probabilities come from Bayes' rule.

use super::declare::{hyperparameters, non_negative};
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

hyperparameters! {
    pub struct GaussianNbParams {
        /// Added to every variance, as a share of the largest feature variance, for stability.
        var_smoothing: f64 = 1e-9
            => non_negative("field-var-smoothing", f64::INFINITY).unshown().search("log 0.000000001..0.01"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GaussianNb {
    /// Per class: log prior, means and variances; `None` for a class with no training rows.
    classes: Vec<Option<ClassModel>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ClassModel {
    log_prior: f64,
    mean: Vec<f64>,
    var: Vec<f64>,
}

fn mean_and_variance(values: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let n = values.clone().count() as f64;
    let mean = values.clone().sum::<f64>() / n;
    let var = values.map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var)
}

impl GaussianNb {
    pub fn fit(
        params: &GaussianNbParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        let largest_variance = (0..x.cols)
            .map(|f| mean_and_variance((0..x.rows).map(|r| x.get(r, f))).1)
            .fold(0.0, f64::max);
        let epsilon = params.var_smoothing * largest_variance;
        let classes = (0..n_classes as u32)
            .map(|class| {
                let rows: Vec<usize> = (0..x.rows).filter(|&r| y[r] == class).collect();
                if rows.is_empty() {
                    return None;
                }
                let (mean, var) = (0..x.cols)
                    .map(|f| {
                        let (m, v) = mean_and_variance(rows.iter().map(|&r| x.get(r, f)));
                        (m, v + epsilon)
                    })
                    .unzip();
                Some(ClassModel {
                    log_prior: (rows.len() as f64 / x.rows as f64).ln(),
                    mean,
                    var,
                })
            })
            .collect();
        Ok(Self { classes })
    }

    /// Probabilities by the log-sum-exp trick, as scikit-learn computes them.
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        super::naive_bayes_proba(x, &self.classes, |c, row| {
            let log_density: f64 = row
                .iter()
                .zip(c.mean.iter().zip(&c.var))
                .map(|(&v, (&m, &s2))| {
                    -0.5 * (2.0 * std::f64::consts::PI * s2).ln() - 0.5 * (v - m).powi(2) / s2
                })
                .sum();
            c.log_prior + log_density
        })
    }

    /// For an export: per class, its log prior, means and variances (`None`: no rows).
    pub(crate) fn parts(&self) -> super::BayesParts<'_> {
        self.classes
            .iter()
            .map(|c| c.as_ref().map(|c| (c.log_prior, &c.mean[..], &c.var[..])))
            .collect()
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }
}
