//! Logistic regression with an L2 penalty, as scikit-learn's `LogisticRegression` (lbfgs): a
//! binomial model of the second class for two classes, a multinomial (softmax) model for more.
//! The objective is scikit-learn's: the mean log loss plus ‖W‖² / (2 · C · rows), intercepts
//! unpenalised. It is strictly convex, so any solver that converges lands on scikit-learn's
//! coefficients; the parity fixtures check the probabilities row by row.

use super::declare::{hyperparameters, positive, standardize, whole, Hyperparameters};
use super::lbfgs;
use super::standardize::Standardizer;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

pub const MAX_ITER_LIMIT: u32 = 10_000;

hyperparameters! {
    pub struct LogisticRegressionParams {
        /// Inverse of the regularisation strength: smaller means simpler weights.
        #[rename = "C"]
        c: f64 = 1.0 => positive("field-c", f64::INFINITY).hint("field-c-hint").search("log 0.01..100"),
        max_iter: u32 = 100 => whole("field-max-iter", 1, MAX_ITER_LIMIT),
        /// Standardise the features first (`StandardScaler` in a pipeline).
        standardize: bool = true => standardize(),
    }
}

/// The largest gradient entry at which the solver stops: tighter than scikit-learn's default
/// `tol` (1e-4), so that the result is the optimum itself, which scikit-learn reaches too when
/// asked for a tight `tol`.
const TOL: f64 = 1e-7;
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticRegression {
    scaler: Standardizer,
    /// One row of `features + 1` numbers (weights, then intercept) per score: one score for two
    /// classes (of the second class), one per class otherwise.
    weights: Vec<Vec<f64>>,
    n_classes: usize,
    iterations: u32,
    converged: bool,
}

impl LogisticRegression {
    pub fn fit(
        params: &LogisticRegressionParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        params.validate()?;
        super::check_training_data(x, y)?;
        let scaler = Standardizer::fit(x, params.standardize);
        let x = scaler.transform(x);
        let scores = if n_classes == 2 { 1 } else { n_classes };
        let width = x.cols + 1;
        let n = x.rows as f64;
        let penalty = 1.0 / (params.c * n);
        let mut objective = |w: &[f64], grad: &mut [f64]| -> f64 {
            penalised_log_loss(&x, y, scores, penalty, w, grad)
        };
        let found = lbfgs::minimize(
            vec![0.0; scores * width],
            &mut objective,
            params.max_iter,
            TOL,
        );
        if found.x.iter().any(|w| !w.is_finite()) {
            return Err(Error::NonFiniteFeatures);
        }
        Ok(Self {
            scaler,
            weights: found.x.chunks(width).map(<[f64]>::to_vec).collect(),
            n_classes,
            iterations: found.iterations,
            converged: found.converged,
        })
    }

    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        let x = self.scaler.transform(x);
        (0..x.rows)
            .map(|r| {
                let z: Vec<f64> = self
                    .weights
                    .iter()
                    .map(|w| {
                        let (coef, intercept) = w.split_at(x.cols);
                        intercept[0] + x.row(r).iter().zip(coef).map(|(a, b)| a * b).sum::<f64>()
                    })
                    .collect();
                if self.n_classes == 2 {
                    let p = sigmoid(z[0]);
                    vec![1.0 - p, p]
                } else {
                    softmax(&z).0
                }
            })
            .collect()
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    /// The standardiser's centres and scales (empty when off) and the weights: per score, the
    /// coefficients then the intercept; for an export.
    pub(crate) fn parts(&self) -> (&[f64], &[f64], &[Vec<f64>]) {
        let (center, scale) = self.scaler.parts();
        (center, scale, &self.weights)
    }

    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    pub fn converged(&self) -> bool {
        self.converged
    }

    /// Each feature's largest absolute weight over the scores, shared out to sum to 1: on
    /// standardised features, how much the model leans on each.
    pub fn feature_weights(&self) -> Vec<f64> {
        let features = self.weights.first().map_or(0, |w| w.len() - 1);
        let mut largest: Vec<f64> = (0..features)
            .map(|j| self.weights.iter().fold(0.0f64, |m, w| m.max(w[j].abs())))
            .collect();
        super::as_shares(&mut largest);
        largest
    }
}

/// The objective at weights `w` (one row of `features + 1` per score), with its gradient in
/// `grad`. Its own function, never inlined: V8 optimises wasm functions for their later calls,
/// and the solver calls this one a few dozen times.
#[inline(never)]
fn penalised_log_loss(
    x: &Matrix,
    y: &[u32],
    scores: usize,
    penalty: f64,
    w: &[f64],
    grad: &mut [f64],
) -> f64 {
    let width = x.cols + 1;
    let n = x.rows as f64;
    grad.iter_mut().for_each(|g| *g = 0.0);
    let mut loss = 0.0;
    let mut z = vec![0.0; scores];
    let mut errors = vec![0.0; scores];
    for (r, &class) in y.iter().enumerate() {
        let row = x.row(r);
        for (k, z) in z.iter_mut().enumerate() {
            let wk = &w[k * width..(k + 1) * width];
            *z = wk[x.cols] + row.iter().zip(wk).map(|(a, b)| a * b).sum::<f64>();
        }
        // Each score's error (probability − truth) drives its gradient.
        if scores == 1 {
            let t = f64::from(u8::from(class == 1));
            loss += softplus(z[0]) - t * z[0];
            errors[0] = sigmoid(z[0]) - t;
        } else {
            let (p, log_sum) = softmax(&z);
            loss += log_sum - z[class as usize];
            for (k, (e, p)) in errors.iter_mut().zip(p).enumerate() {
                *e = p - f64::from(u8::from(k == class as usize));
            }
        }
        for (k, e) in errors.iter().enumerate() {
            let g = &mut grad[k * width..(k + 1) * width];
            g.iter_mut().zip(row).for_each(|(g, a)| *g += e * a);
            g[x.cols] += e;
        }
    }
    let mut squares = 0.0;
    for k in 0..scores {
        for j in 0..x.cols {
            let i = k * width + j;
            squares += w[i] * w[i];
            grad[i] = grad[i] / n + penalty * w[i];
        }
        grad[k * width + x.cols] /= n;
    }
    loss / n + 0.5 * penalty * squares
}

pub(crate) fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// log(1 + eᶻ) without overflow.
fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

/// The probabilities of scores `z`, and log Σ eᶻ.
pub(crate) fn softmax(z: &[f64]) -> (Vec<f64>, f64) {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = z.iter().map(|v| (v - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    (exps.iter().map(|e| e / sum).collect(), max + sum.ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: usize) -> (Matrix, Vec<u32>) {
        let data: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let y = (0..n).map(|i| u32::from(i >= n / 2)).collect();
        (
            Matrix {
                rows: n,
                cols: 1,
                data,
            },
            y,
        )
    }

    #[test]
    fn probabilities_rise_along_the_separating_feature() {
        let (x, y) = line(40);
        let model = LogisticRegression::fit(&Default::default(), &x, &y, 2).unwrap();
        assert!(model.converged());
        let p: Vec<f64> = model.predict_proba(&x).iter().map(|p| p[1]).collect();
        assert!(p.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(model.predict(&x), y);
    }

    #[test]
    fn a_smaller_c_gives_smaller_weights_and_absurd_values_are_errors() {
        let (x, y) = line(40);
        let weight = |c| {
            let params = LogisticRegressionParams {
                c,
                ..Default::default()
            };
            LogisticRegression::fit(&params, &x, &y, 2).unwrap().weights[0][0]
        };
        assert!(weight(0.01).abs() < weight(1.0).abs());
        for c in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let params = LogisticRegressionParams {
                c,
                ..Default::default()
            };
            assert!(LogisticRegression::fit(&params, &x, &y, 2).is_err());
        }
        let params = LogisticRegressionParams {
            max_iter: 0,
            ..Default::default()
        };
        assert!(LogisticRegression::fit(&params, &x, &y, 2).is_err());
    }
}
