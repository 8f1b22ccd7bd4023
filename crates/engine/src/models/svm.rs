//! Support vector machines: scikit-learn's `SVC` (one machine per pair of classes, as libsvm) and
//! `SVR` (ε-insensitive), with a linear or an RBF kernel.
//!
//! Written here rather than taken from smartcore: smartcore's SVC has two classes only and no
//! scores per class, and its solver is not libsvm's. This is libsvm's SMO solver (working sets
//! chosen by second-order information, Fan, Chen & Lin 2005) without shrinking, which reaches the
//! same optimum to the same tolerance (`tol` = 1e-3), so decisions match scikit-learn's.

use super::declare::{choice, choices, hyperparameters, non_negative, optional_positive};
use super::declare::{positive, standardize, Hyperparameters};
use super::standardize::Standardizer;
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

choices! {
    pub enum Kernel {
        /// K(x, z) = exp(−γ ‖x − z‖²): a boundary that bends around the data.
        Rbf = "rbf", "kernel-rbf", "\"rbf\"";
        /// K(x, z) = x · z: a flat boundary.
        Linear = "linear", "kernel-linear", "\"linear\"";
    }
}

hyperparameters! {
    pub struct SvmParams {
        kernel: Kernel = Kernel::Rbf => choice("field-kernel", Kernel::CHOICES),
        /// How much a row on the wrong side of the margin costs: larger fits the training rows
        /// closer.
        #[rename = "C"]
        c: f64 = 1.0
            => positive("field-c", f64::INFINITY).hint("field-c-hint").search("log 0.01..100"),
        /// The RBF kernel's reach; `None` is scikit-learn's `'scale'`, 1 / (features · variance).
        gamma: Option<f64> = None
            => optional_positive("field-gamma", "\"scale\"")
                .hint("field-gamma-hint")
                .only_when("kernel", &["rbf"])
                .search("log 0.001..1"),
        /// For regression: errors smaller than this cost nothing.
        epsilon: f64 = 0.1
            => non_negative("field-epsilon", f64::INFINITY).hint("field-epsilon-hint").for_numbers(),
        /// Standardise the features first (`StandardScaler` in a pipeline).
        standardize: bool = true => standardize(),
    }
}

/// scikit-learn's `tol`: the solver stops when no pair of variables violates the optimality
/// conditions by more than this.
const TOL: f64 = 1e-3;
/// libsvm's stand-in for a non-positive curvature.
const TAU: f64 = 1e-12;
/// Kernel columns kept between iterations (libsvm's `cache_size`, smaller for phones).
const CACHE_BYTES: usize = 64 << 20;

/// The kernel with its γ resolved, over the (standardised) training rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct KernelFn {
    kernel: Kernel,
    gamma: f64,
}

impl KernelFn {
    fn new(params: &SvmParams, x: &Matrix) -> Self {
        // 'scale': the variance of every value of X together.
        let gamma = params.gamma.unwrap_or_else(|| {
            let n = x.data.len() as f64;
            let mean = x.data.iter().sum::<f64>() / n;
            let variance = x.data.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
            if variance > 0.0 {
                1.0 / (x.cols as f64 * variance)
            } else {
                1.0
            }
        });
        Self {
            kernel: params.kernel,
            gamma,
        }
    }

    fn apply(&self, a: &[f64], b: &[f64]) -> f64 {
        match self.kernel {
            Kernel::Linear => a.iter().zip(b).map(|(p, q)| p * q).sum(),
            Kernel::Rbf => {
                let d2: f64 = a.iter().zip(b).map(|(p, q)| (p - q) * (p - q)).sum();
                (-self.gamma * d2).exp()
            }
        }
    }
}

/// One machine's dual problem in libsvm's form: minimise ½ αᵀQα + pᵀα subject to yᵀα = 0 and
/// 0 ≤ α ≤ C, with Q_ij = y_i y_j K(row_i, row_j). Variable i stands for training row
/// `rows[i]` (ε-SVR has two variables per row).
struct Problem<'a> {
    x: &'a Matrix,
    kernel: &'a KernelFn,
    rows: Vec<usize>,
    y: Vec<f64>,
    p: Vec<f64>,
    c: f64,
}

/// What the solver finds: α, the offset ρ (decision = Σ y_i α_i K − ρ) and whether it met the
/// tolerance before the iteration limit.
struct Solution {
    alpha: Vec<f64>,
    rho: f64,
    converged: bool,
}

/// Kernel columns by variable, the oldest dropped first when the budget is spent.
struct ColumnCache {
    columns: Vec<Option<Vec<f64>>>,
    order: VecDeque<usize>,
    capacity: usize,
}

impl Problem<'_> {
    fn q_column(&self, i: usize) -> Vec<f64> {
        let row_i = self.x.row(self.rows[i]);
        (0..self.rows.len())
            .map(|k| self.y[i] * self.y[k] * self.kernel.apply(row_i, self.x.row(self.rows[k])))
            .collect()
    }

    fn column<'c>(&self, cache: &'c mut ColumnCache, i: usize) -> &'c [f64] {
        if cache.columns[i].is_none() {
            if cache.order.len() >= cache.capacity {
                if let Some(old) = cache.order.pop_front() {
                    cache.columns[old] = None;
                }
            }
            cache.columns[i] = Some(self.q_column(i));
            cache.order.push_back(i);
        }
        cache.columns[i].as_deref().unwrap_or_default()
    }

    fn solve(&self) -> Solution {
        let l = self.y.len();
        let (y, c) = (&self.y, self.c);
        let qd: Vec<f64> = (0..l)
            .map(|i| {
                let row = self.x.row(self.rows[i]);
                self.kernel.apply(row, row)
            })
            .collect();
        let mut alpha = vec![0.0; l];
        let mut gradient = self.p.clone();
        let mut cache = ColumnCache {
            columns: vec![None; l],
            order: VecDeque::new(),
            capacity: (CACHE_BYTES / (8 * l.max(1))).max(2),
        };
        let upper = |a: f64| a >= c;
        let lower = |a: f64| a <= 0.0;
        // libsvm's limit, lowered: a phone should not spin for minutes on a hopeless problem.
        let max_iter = (100 * l).max(100_000);
        let mut converged = false;
        for _ in 0..max_iter {
            // The variable that most violates optimality upwards …
            let mut g_max = f64::NEG_INFINITY;
            let mut i = usize::MAX;
            for t in 0..l {
                let up = if y[t] > 0.0 {
                    !upper(alpha[t])
                } else {
                    !lower(alpha[t])
                };
                if up && -y[t] * gradient[t] >= g_max {
                    g_max = -y[t] * gradient[t];
                    i = t;
                }
            }
            if i == usize::MAX {
                converged = true;
                break;
            }
            let q_i = self.column(&mut cache, i).to_vec();
            // … and its partner that most decreases the objective (second-order selection).
            let mut g_max2 = f64::NEG_INFINITY;
            let mut j = usize::MAX;
            let mut best = f64::INFINITY;
            for t in 0..l {
                let down = if y[t] > 0.0 {
                    !lower(alpha[t])
                } else {
                    !upper(alpha[t])
                };
                if !down {
                    continue;
                }
                let yg = y[t] * gradient[t];
                g_max2 = g_max2.max(yg);
                let difference = g_max + yg;
                if difference > 0.0 {
                    let curvature = qd[i] + qd[t] - 2.0 * y[i] * y[t] * q_i[t];
                    let decrease = -difference * difference / curvature.max(TAU);
                    if decrease <= best {
                        best = decrease;
                        j = t;
                    }
                }
            }
            if g_max + g_max2 < TOL || j == usize::MAX {
                converged = true;
                break;
            }
            let q_j = self.column(&mut cache, j).to_vec();
            let (old_i, old_j) = (alpha[i], alpha[j]);
            update_pair(&mut alpha, i, j, y, &gradient, &qd, q_i[j], c);
            let (delta_i, delta_j) = (alpha[i] - old_i, alpha[j] - old_j);
            for k in 0..l {
                gradient[k] += q_i[k] * delta_i + q_j[k] * delta_j;
            }
        }
        let rho = offset(&alpha, y, &gradient, c);
        Solution {
            alpha,
            rho,
            converged,
        }
    }
}

/// libsvm's analytic step on the pair (i, j), clipped to the box [0, C].
#[allow(clippy::too_many_arguments)]
fn update_pair(
    alpha: &mut [f64],
    i: usize,
    j: usize,
    y: &[f64],
    gradient: &[f64],
    qd: &[f64],
    q_ij: f64,
    c: f64,
) {
    if y[i] != y[j] {
        let curvature = (qd[i] + qd[j] + 2.0 * q_ij).max(TAU);
        let delta = (-gradient[i] - gradient[j]) / curvature;
        let difference = alpha[i] - alpha[j];
        alpha[i] += delta;
        alpha[j] += delta;
        if difference > 0.0 {
            if alpha[j] < 0.0 {
                alpha[j] = 0.0;
                alpha[i] = difference;
            }
        } else if alpha[i] < 0.0 {
            alpha[i] = 0.0;
            alpha[j] = -difference;
        }
        if difference > 0.0 {
            if alpha[i] > c {
                alpha[i] = c;
                alpha[j] = c - difference;
            }
        } else if alpha[j] > c {
            alpha[j] = c;
            alpha[i] = c + difference;
        }
    } else {
        let curvature = (qd[i] + qd[j] - 2.0 * q_ij).max(TAU);
        let delta = (gradient[i] - gradient[j]) / curvature;
        let sum = alpha[i] + alpha[j];
        alpha[i] -= delta;
        alpha[j] += delta;
        if sum > c {
            if alpha[i] > c {
                alpha[i] = c;
                alpha[j] = sum - c;
            }
        } else if alpha[j] < 0.0 {
            alpha[j] = 0.0;
            alpha[i] = sum;
        }
        if sum > c {
            if alpha[j] > c {
                alpha[j] = c;
                alpha[i] = sum - c;
            }
        } else if alpha[i] < 0.0 {
            alpha[i] = 0.0;
            alpha[j] = sum;
        }
    }
}

/// ρ as libsvm computes it: the mean of y·∇ over the free variables, or the middle of the
/// interval the bounded ones allow.
fn offset(alpha: &[f64], y: &[f64], gradient: &[f64], c: f64) -> f64 {
    let (mut upper_bound, mut lower_bound) = (f64::INFINITY, f64::NEG_INFINITY);
    let (mut free_sum, mut free) = (0.0, 0usize);
    for t in 0..alpha.len() {
        let yg = y[t] * gradient[t];
        let at_upper = alpha[t] >= c;
        let at_lower = alpha[t] <= 0.0;
        if (at_upper && y[t] < 0.0) || (at_lower && y[t] > 0.0) {
            upper_bound = upper_bound.min(yg);
        } else if at_upper || at_lower {
            lower_bound = lower_bound.max(yg);
        } else {
            free += 1;
            free_sum += yg;
        }
    }
    match (free, upper_bound.is_finite(), lower_bound.is_finite()) {
        (1.., _, _) => free_sum / free as f64,
        (0, true, true) => (upper_bound + lower_bound) / 2.0,
        // One side only (a pair where one class has no rows), or no variables at all.
        (0, true, false) => upper_bound,
        (0, false, true) => lower_bound,
        (0, false, false) => 0.0,
    }
}

/// One trained machine: its support vectors (indices into the model's `support`) with their
/// coefficients y·α, and its offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Machine {
    terms: Vec<(u32, f64)>,
    rho: f64,
}

impl Machine {
    fn decision(&self, kernel_row: &[f64]) -> f64 {
        self.terms
            .iter()
            .map(|&(s, coef)| coef * kernel_row[s as usize])
            .sum::<f64>()
            - self.rho
    }
}

/// The support vectors of all machines, each row kept once, and the kernel over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Support {
    scaler: Standardizer,
    kernel: KernelFn,
    vectors: Matrix,
    converged: bool,
}

impl Support {
    /// Keeps the training rows that a machine uses (coefficient not 0), and returns the machine
    /// pointing at them.
    fn keep(&mut self, x: &Matrix, coefs: &[(usize, f64)], rho: f64, kept: &mut [i64]) -> Machine {
        let terms = coefs
            .iter()
            .filter(|(_, coef)| *coef != 0.0)
            .map(|&(row, coef)| {
                if kept[row] < 0 {
                    kept[row] = self.vectors.rows as i64;
                    self.vectors.data.extend_from_slice(x.row(row));
                    self.vectors.rows += 1;
                }
                (kept[row] as u32, coef)
            })
            .collect();
        Machine { terms, rho }
    }

    fn start(params: &SvmParams, x: &Matrix) -> Result<(Self, Matrix), Error> {
        params.validate()?;
        let scaler = Standardizer::fit(x, params.standardize);
        let x = scaler.transform(x);
        let kernel = KernelFn::new(params, &x);
        let support = Self {
            scaler,
            kernel,
            vectors: Matrix {
                rows: 0,
                cols: x.cols,
                data: Vec::new(),
            },
            converged: true,
        };
        Ok((support, x))
    }

    /// K(support vector, row) for every support vector, for each row of `x`.
    fn kernel_rows(&self, x: &Matrix) -> impl Iterator<Item = Vec<f64>> + '_ {
        let x = self.scaler.transform(x);
        (0..x.rows).map(move |r| {
            (0..self.vectors.rows)
                .map(|s| self.kernel.apply(self.vectors.row(s), x.row(r)))
                .collect()
        })
    }

    fn parts<'a>(&'a self, machines: &'a [Machine]) -> SvmParts<'a> {
        let (center, scale) = self.scaler.parts();
        SvmParts {
            center,
            scale,
            kernel: self.kernel.kernel,
            gamma: self.kernel.gamma,
            vectors: &self.vectors,
            machines: machines
                .iter()
                .map(|m| (m.terms.as_slice(), m.rho))
                .collect(),
        }
    }

    fn check(&self, machines: &[Machine]) -> Result<(), Error> {
        let finite = machines
            .iter()
            .all(|m| m.rho.is_finite() && m.terms.iter().all(|t| t.1.is_finite()));
        if finite {
            Ok(())
        } else {
            Err(Error::NonFiniteFeatures)
        }
    }
}

/// A machine's parts, for an export: rows are standardised by `center` and `scale` (when not
/// empty), compared with each of the support `vectors` by the kernel (with `gamma` for RBF);
/// each machine's decision is Σ coefficient · K(its support vector) − offset, its terms in order.
pub struct SvmParts<'a> {
    pub center: &'a [f64],
    pub scale: &'a [f64],
    pub kernel: Kernel,
    pub gamma: f64,
    pub vectors: &'a Matrix,
    /// Per machine: (support vector's index, coefficient) terms, and the offset ρ.
    pub machines: Vec<(&'a [(u32, f64)], f64)>,
}

/// A support vector classifier (scikit-learn's `SVC`): one machine per pair of classes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Svc {
    support: Support,
    /// For each pair (a, b), a < b in order: positive decisions vote for a.
    machines: Vec<Machine>,
    n_classes: usize,
}

impl Svc {
    pub fn fit(params: &SvmParams, x: &Matrix, y: &[u32], n_classes: usize) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        let (mut support, x) = Support::start(params, x)?;
        let mut kept = vec![-1; x.rows];
        let mut machines = Vec::new();
        for a in 0..n_classes as u32 {
            for b in a + 1..n_classes as u32 {
                let rows: Vec<usize> = (0..x.rows).filter(|&r| y[r] == a || y[r] == b).collect();
                let labels: Vec<f64> = rows
                    .iter()
                    .map(|&r| if y[r] == a { 1.0 } else { -1.0 })
                    .collect();
                let problem = Problem {
                    x: &x,
                    kernel: &support.kernel,
                    p: vec![-1.0; rows.len()],
                    rows,
                    y: labels,
                    c: params.c,
                };
                // A class absent from the training rows leaves an empty pair: it never votes.
                let solution = problem.solve();
                support.converged &= solution.converged;
                let coefs: Vec<(usize, f64)> = problem
                    .rows
                    .iter()
                    .zip(&solution.alpha)
                    .zip(&problem.y)
                    .map(|((&row, alpha), label)| (row, alpha * label))
                    .collect();
                machines.push(support.keep(&x, &coefs, solution.rho, &mut kept));
            }
        }
        support.check(&machines)?;
        Ok(Self {
            support,
            machines,
            n_classes,
        })
    }

    /// scikit-learn's `decision_function`: for two classes, one score per row (positive for the
    /// second class); for more, each class's votes plus a confidence below ⅓
    /// (`decision_function_shape='ovr'`).
    pub fn decision_function(&self, x: &Matrix) -> Vec<Vec<f64>> {
        let k = self.n_classes;
        self.support
            .kernel_rows(x)
            .map(|kernel_row| {
                let decisions = self.machines.iter().map(|m| m.decision(&kernel_row));
                if k == 2 {
                    return decisions.map(|d| -d).collect();
                }
                one_vs_one_scores(decisions, k)
            })
            .collect()
    }

    /// The decision scores squashed into shares that sum to 1 per row (a logistic of the score
    /// for two classes, a softmax of the class scores for more), for the charts and metrics
    /// that read one number per class. They rank rows as the scores do, so ROC curves and AUC
    /// are the scores' own; they are not calibrated probabilities (`SVC` has none by default).
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        self.decision_function(x)
            .into_iter()
            .map(|scores| {
                if self.n_classes == 2 {
                    let p = super::sigmoid(scores[0]);
                    vec![1.0 - p, p]
                } else {
                    super::softmax(&scores).0
                }
            })
            .collect()
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    pub fn support_vectors(&self) -> usize {
        self.support.vectors.rows
    }

    pub fn converged(&self) -> bool {
        self.support.converged
    }

    /// The machines, one per pair of classes (a, b), a < b in order.
    pub fn parts(&self) -> SvmParts<'_> {
        self.support.parts(&self.machines)
    }
}

/// Each of `k` classes' score from the decisions of the machines of each pair (a, b), a < b in
/// order: its votes (a when the decision is at least 0, else b) plus a confidence below ⅓ from
/// its summed decisions, as scikit-learn's `decision_function_shape='ovr'`.
pub fn one_vs_one_scores(decisions: impl Iterator<Item = f64>, k: usize) -> Vec<f64> {
    let mut votes = vec![0.0; k];
    let mut confidence = vec![0.0; k];
    let pairs = (0..k).flat_map(|a| (a + 1..k).map(move |b| (a, b)));
    for ((a, b), d) in pairs.zip(decisions) {
        votes[if d < 0.0 { b } else { a }] += 1.0;
        confidence[a] += d;
        confidence[b] -= d;
    }
    votes
        .iter()
        .zip(&confidence)
        .map(|(v, c)| v + c / (3.0 * (c.abs() + 1.0)))
        .collect()
}

/// ε-insensitive support vector regression (scikit-learn's `SVR`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Svr {
    support: Support,
    machine: Machine,
}

impl Svr {
    pub fn fit(params: &SvmParams, x: &Matrix, y: &[f64]) -> Result<Self, Error> {
        super::check_regression_data(x, y)?;
        let (mut support, x) = Support::start(params, x)?;
        let l = x.rows;
        // libsvm's form: α for rows above the tube (y = +1), α* for rows below (y = −1).
        let problem = Problem {
            x: &x,
            kernel: &support.kernel,
            rows: (0..l).chain(0..l).collect(),
            y: (0..2 * l).map(|i| if i < l { 1.0 } else { -1.0 }).collect(),
            p: (0..2 * l)
                .map(|i| {
                    if i < l {
                        params.epsilon - y[i]
                    } else {
                        params.epsilon + y[i - l]
                    }
                })
                .collect(),
            c: params.c,
        };
        let solution = problem.solve();
        support.converged = solution.converged;
        let coefs: Vec<(usize, f64)> = (0..l)
            .map(|r| (r, solution.alpha[r] - solution.alpha[r + l]))
            .collect();
        let mut kept = vec![-1; l];
        let machine = support.keep(&x, &coefs, solution.rho, &mut kept);
        support.check(std::slice::from_ref(&machine))?;
        Ok(Self { support, machine })
    }

    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        self.support
            .kernel_rows(x)
            .map(|kernel_row| self.machine.decision(&kernel_row))
            .collect()
    }

    /// The one machine.
    pub fn parts(&self) -> SvmParts<'_> {
        self.support.parts(std::slice::from_ref(&self.machine))
    }

    pub fn support_vectors(&self) -> usize {
        self.support.vectors.rows
    }

    pub fn converged(&self) -> bool {
        self.support.converged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separable_points_are_split_by_the_margin() {
        let x = Matrix::from_rows(&[&[0.0, 0.0], &[0.0, 1.0], &[3.0, 0.0], &[3.0, 1.0]]);
        let params = SvmParams {
            kernel: Kernel::Linear,
            standardize: false,
            ..SvmParams::default()
        };
        let svc = Svc::fit(&params, &x, &[0, 0, 1, 1], 2).unwrap();
        assert_eq!(svc.predict(&x), vec![0, 0, 1, 1]);
        // The margin's middle is x = 1.5; with C = 1 the weight is 2/3 (hard margin: w·3 = 2).
        let at_middle = svc.decision_function(&Matrix::from_rows(&[&[1.5, 0.5]]));
        assert!(at_middle[0][0].abs() < 1e-6, "{at_middle:?}");
    }

    #[test]
    fn absurd_parameters_are_refused() {
        let x = Matrix::from_rows(&[&[0.0], &[1.0]]);
        for params in [
            SvmParams {
                c: 0.0,
                ..SvmParams::default()
            },
            SvmParams {
                gamma: Some(f64::NAN),
                ..SvmParams::default()
            },
            SvmParams {
                epsilon: -1.0,
                ..SvmParams::default()
            },
        ] {
            assert!(matches!(
                Svc::fit(&params, &x, &[0, 1], 2),
                Err(Error::InvalidParameter { .. })
            ));
        }
    }

    #[test]
    fn a_model_predicts_the_same_after_a_round_trip() {
        let x = Matrix::from_rows(&[
            &[0.0, 1.0],
            &[1.0, 0.5],
            &[2.0, 2.0],
            &[3.0, 1.0],
            &[4.0, 3.0],
        ]);
        let svc = Svc::fit(&SvmParams::default(), &x, &[0, 1, 2, 1, 2], 3).unwrap();
        let back: Svc = postcard::from_bytes(&postcard::to_allocvec(&svc).unwrap()).unwrap();
        assert_eq!(back.decision_function(&x), svc.decision_function(&x));
        let svr = Svr::fit(&SvmParams::default(), &x, &[1.0, 2.0, 2.5, 4.0, 6.0]).unwrap();
        let back: Svr = postcard::from_bytes(&postcard::to_allocvec(&svr).unwrap()).unwrap();
        assert_eq!(back.predict(&x), svr.predict(&x));
    }
}
