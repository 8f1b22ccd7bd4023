//! Linear regression and its penalised forms as scikit-learn fits them (`fit_intercept=True`):
//! `LinearRegression` (least squares), `Ridge` (L2), `Lasso` (L1) and `ElasticNet` (both).
//!
//! The intercept comes from centring, as scikit-learn does: the features and the target are
//! centred, the coefficients fitted without an intercept, and the intercept is what recentres.
//! Least squares and ridge solve the normal equations through an eigendecomposition of XᵀX
//! (a small p × p matrix), which also gives the minimum-norm solution when features are
//! collinear (one-hot columns always are), as `lstsq` does. The lasso and the elastic net use
//! coordinate descent on scikit-learn's objective
//! `1/(2n)·‖y − Xw‖² + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²`.
//! smartcore has linear models, but not the minimum-norm solution nor scikit-learn's
//! objective and intercept for the penalised ones, so the numbers would differ.

use super::declare::{choice, choices, hyperparameters, non_negative, whole, Hyperparameters};
use super::linalg::symmetric_eigen;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};

choices! {
    /// Which penalty keeps the weights small: none (least squares), L2 (ridge), L1 (lasso) or
    /// both (elastic net). In Python each is its own estimator, which is what `python` names.
    pub enum Penalty {
        None = "none", "penalty-none", "LinearRegression";
        Ridge = "ridge", "penalty-ridge", "Ridge";
        Lasso = "lasso", "penalty-lasso", "Lasso";
        ElasticNet = "elastic_net", "penalty-elastic-net", "ElasticNet";
    }
}

/// Coordinate-descent passes at most: enough for scikit-learn's optimum to 1e-6 on the parity
/// fixtures, and a bound on the work a notebook can ask for.
pub const MAX_COORDINATE_PASSES: u32 = 100_000;

const PENALISED: &[&str] = &["ridge", "lasso", "elastic_net"];
/// Least squares and ridge are solved in one step; the others iterate.
const ITERATIVE: &[&str] = &["lasso", "elastic_net"];

hyperparameters! {
    /// Written flat, with scikit-learn's names: `{"penalty": "elastic_net", "alpha": 0.3,
    /// "l1_ratio": 0.5, "max_iter": 1000}`; each is used only by the penalties that have it.
    pub struct LinearRegressionParams {
        penalty: Penalty = Penalty::None
            => choice("field-penalty", Penalty::CHOICES).names_estimator(),
        /// The penalty's strength.
        alpha: f64 = 1.0
            => non_negative("field-penalty-alpha", f64::INFINITY)
                .only_when("penalty", PENALISED)
                .search("log 0.01..100"),
        /// The elastic net's share of L1 in its penalty (0 is ridge, 1 is lasso).
        l1_ratio: f64 = 0.5
            => non_negative("field-l1-ratio", 1.0).only_when("penalty", &["elastic_net"]),
        /// Coordinate-descent passes at most (the lasso and the elastic net).
        max_iter: u32 = 1000
            => whole("field-max-iter", 1, MAX_COORDINATE_PASSES).only_when("penalty", ITERATIVE),
    }
}

/// Coordinate descent stops when no coefficient moved by more than this share of the largest.
const TOLERANCE: f64 = 1e-12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearRegression {
    pub coef: Vec<f64>,
    pub intercept: f64,
    /// Coordinate-descent passes made (0 for the closed forms).
    pub iterations: u32,
    /// False when `max_iter` ran out first (scikit-learn's ConvergenceWarning).
    pub converged: bool,
}

impl LinearRegression {
    pub fn fit(params: &LinearRegressionParams, x: &Matrix, y: &[f64]) -> Result<Self, Error> {
        params.validate()?;
        super::check_regression_data(x, y)?;
        let (alpha, l1_ratio) = match params.penalty {
            Penalty::None => (0.0, 0.0),
            Penalty::Ridge => (params.alpha, 0.0),
            Penalty::Lasso => (params.alpha, 1.0),
            Penalty::ElasticNet => (params.alpha, params.l1_ratio),
        };
        let centred = Centred::of(x, y);
        let (coef, iterations, converged) = match params.penalty {
            Penalty::None | Penalty::Ridge => (centred.ridge(alpha), 0, true),
            Penalty::Lasso | Penalty::ElasticNet => {
                centred.coordinate_descent(alpha, l1_ratio, params.max_iter)
            }
        };
        let intercept = centred.y_mean
            - coef
                .iter()
                .zip(&centred.x_mean)
                .map(|(w, m)| w * m)
                .sum::<f64>();
        Ok(Self {
            coef,
            intercept,
            iterations,
            converged,
        })
    }

    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        (0..x.rows)
            .map(|r| {
                let row = x.row(r);
                self.intercept + row.iter().zip(&self.coef).map(|(v, w)| v * w).sum::<f64>()
            })
            .collect()
    }
}

/// The features and target, centred on their means; columns stored one after another.
struct Centred {
    rows: usize,
    columns: Vec<Vec<f64>>,
    y: Vec<f64>,
    x_mean: Vec<f64>,
    y_mean: f64,
}

impl Centred {
    fn of(x: &Matrix, y: &[f64]) -> Self {
        let n = x.rows as f64;
        let columns: Vec<Vec<f64>> = (0..x.cols)
            .map(|c| (0..x.rows).map(|r| x.get(r, c)).collect())
            .collect();
        let x_mean: Vec<f64> = columns.iter().map(|c| c.iter().sum::<f64>() / n).collect();
        let y_mean = y.iter().sum::<f64>() / n;
        Self {
            rows: x.rows,
            columns: columns
                .into_iter()
                .zip(&x_mean)
                .map(|(c, m)| c.into_iter().map(|v| v - m).collect())
                .collect(),
            y: y.iter().map(|v| v - y_mean).collect(),
            x_mean,
            y_mean,
        }
    }

    fn dot(a: &[f64], b: &[f64]) -> f64 {
        a.iter().zip(b).map(|(x, y)| x * y).sum()
    }

    /// argmin ‖y − Xw‖² + α‖w‖²: w = V·diag(1/(λ + α))·Vᵀ·Xᵀy over the eigenpairs of XᵀX, an
    /// eigenvalue (nearly) zero left out when α is 0: the minimum-norm least-squares solution.
    fn ridge(&self, alpha: f64) -> Vec<f64> {
        let p = self.columns.len();
        let mut gram = vec![0.0; p * p];
        for i in 0..p {
            for j in 0..=i {
                let v = Self::dot(&self.columns[i], &self.columns[j]);
                gram[i * p + j] = v;
                gram[j * p + i] = v;
            }
        }
        let xty: Vec<f64> = self.columns.iter().map(|c| Self::dot(c, &self.y)).collect();
        let (values, vectors) = symmetric_eigen(gram, p);
        let largest = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        // numpy's lstsq cut-off: singular values below eps · max(n, p) · the largest.
        let cutoff = (f64::EPSILON * self.rows.max(p) as f64).powi(2) * largest;
        let mut coef = vec![0.0; p];
        for (k, &value) in values.iter().enumerate() {
            let denominator = value + alpha;
            if alpha == 0.0 && value <= cutoff.max(f64::MIN_POSITIVE) {
                continue;
            }
            let projection: f64 = (0..p).map(|i| vectors[i * p + k] * xty[i]).sum();
            for (i, w) in coef.iter_mut().enumerate() {
                *w += vectors[i * p + k] * projection / denominator;
            }
        }
        coef
    }

    /// Coordinate descent for `1/(2n)·‖y − Xw‖² + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²`, cycling over
    /// the features as scikit-learn does. Gives the coefficients, the passes and convergence.
    fn coordinate_descent(
        &self,
        alpha: f64,
        l1_ratio: f64,
        max_iter: u32,
    ) -> (Vec<f64>, u32, bool) {
        let n = self.rows as f64;
        let (l1, l2) = (alpha * l1_ratio * n, alpha * (1.0 - l1_ratio) * n);
        let norms: Vec<f64> = self.columns.iter().map(|c| Self::dot(c, c)).collect();
        let mut coef = vec![0.0; self.columns.len()];
        let mut residual = self.y.clone();
        for pass in 1..=max_iter {
            let (mut largest_step, mut largest_coef) = (0.0f64, 0.0f64);
            for (j, column) in self.columns.iter().enumerate() {
                if norms[j] == 0.0 {
                    continue;
                }
                let old = coef[j];
                let rho = Self::dot(column, &residual) + old * norms[j];
                let new = rho.signum() * (rho.abs() - l1).max(0.0) / (norms[j] + l2);
                if new != old {
                    for (r, v) in residual.iter_mut().zip(column) {
                        *r -= v * (new - old);
                    }
                    coef[j] = new;
                }
                largest_step = largest_step.max((new - old).abs());
                largest_coef = largest_coef.max(new.abs());
            }
            if largest_step <= TOLERANCE * largest_coef.max(f64::MIN_POSITIVE) {
                return (coef, pass, true);
            }
        }
        (coef, max_iter, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collinear_features_get_the_minimum_norm_solution_and_bad_input_is_an_error() {
        // The second feature is the first doubled: y = 1 + 2·a is also 1 + 0.4·a + 0.8·b.
        let x = Matrix::from_rows(&[&[1.0, 2.0], &[2.0, 4.0], &[3.0, 6.0], &[4.0, 8.0]]);
        let y = [3.0, 5.0, 7.0, 9.0];
        let model = LinearRegression::fit(&LinearRegressionParams::default(), &x, &y).unwrap();
        assert!((model.coef[0] - 0.4).abs() < 1e-9 && (model.coef[1] - 0.8).abs() < 1e-9);
        assert!((model.intercept - 1.0).abs() < 1e-9);
        let bad = LinearRegressionParams {
            penalty: Penalty::Lasso,
            alpha: -1.0,
            ..Default::default()
        };
        assert!(LinearRegression::fit(&bad, &x, &y).is_err());
        assert_eq!(
            LinearRegression::fit(
                &LinearRegressionParams::default(),
                &x,
                &[1.0, f64::NAN, 2.0, 3.0]
            ),
            Err(Error::NonFiniteFeatures)
        );
    }
}
