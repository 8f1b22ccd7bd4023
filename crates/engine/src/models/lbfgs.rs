//! A limited-memory BFGS minimiser for the smooth, convex losses of the linear models, stopping as
//! scipy's L-BFGS-B does when scikit-learn calls it (`gtol = tol`, `ftol = 64 · ε`).
//!
//! Written here: the crates that offer L-BFGS (argmin and its kin) bring a framework of traits
//! and dependencies to the worker's download for what is sixty lines of arithmetic.

/// Gradient corrections kept (scipy's `maxcor`).
const HISTORY: usize = 10;
/// Armijo's sufficient decrease.
const ARMIJO: f64 = 1e-4;
const MAX_HALVINGS: u32 = 50;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Minimum {
    pub x: Vec<f64>,
    pub iterations: u32,
    /// A stopping rule was met before `max_iter` ran out.
    pub converged: bool,
}

/// Minimises `f`, which returns the value at `x` and writes the gradient into its last argument.
pub(crate) fn minimize(
    mut x: Vec<f64>,
    f: &mut dyn FnMut(&[f64], &mut [f64]) -> f64,
    max_iter: u32,
    gtol: f64,
) -> Minimum {
    let n = x.len();
    let mut grad = vec![0.0; n];
    let mut value = f(&x, &mut grad);
    let mut history: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::with_capacity(HISTORY);
    let ftol = 64.0 * f64::EPSILON;
    let max_abs = |g: &[f64]| g.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    for iteration in 0..max_iter {
        if max_abs(&grad) <= gtol {
            return Minimum {
                x,
                iterations: iteration,
                converged: true,
            };
        }
        let direction = two_loop(&grad, &history);
        let slope: f64 = direction.iter().zip(&grad).map(|(d, g)| d * g).sum();
        let (direction, slope) = if slope < 0.0 {
            (direction, slope)
        } else {
            // Not a descent direction (rounding): fall back to steepest descent.
            history.clear();
            let d: Vec<f64> = grad.iter().map(|g| -g).collect();
            let s = -grad.iter().map(|g| g * g).sum::<f64>();
            (d, s)
        };
        let mut step = if history.is_empty() {
            1.0 / max_abs(&grad).max(1.0)
        } else {
            1.0
        };
        let mut next_grad = vec![0.0; n];
        let mut halvings = 0;
        let (next, next_value) = loop {
            let candidate: Vec<f64> = x
                .iter()
                .zip(&direction)
                .map(|(a, d)| a + step * d)
                .collect();
            let v = f(&candidate, &mut next_grad);
            if v.is_finite() && v <= value + ARMIJO * step * slope {
                break (candidate, v);
            }
            halvings += 1;
            if halvings > MAX_HALVINGS {
                // No step lowers the loss: as far as this precision allows.
                return Minimum {
                    x,
                    iterations: iteration + 1,
                    converged: true,
                };
            }
            step *= 0.5;
        };
        let s: Vec<f64> = next.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = next_grad.iter().zip(&grad).map(|(a, b)| a - b).collect();
        let sy: f64 = s.iter().zip(&y).map(|(a, b)| a * b).sum();
        if sy > 1e-12 {
            if history.len() == HISTORY {
                history.remove(0);
            }
            history.push((s, y, 1.0 / sy));
        }
        let reduction = (value - next_value) / value.abs().max(next_value.abs()).max(1.0);
        x = next;
        grad = next_grad;
        value = next_value;
        if reduction <= ftol {
            return Minimum {
                x,
                iterations: iteration + 1,
                converged: true,
            };
        }
    }
    let converged = max_abs(&grad) <= gtol;
    Minimum {
        x,
        iterations: max_iter,
        converged,
    }
}

/// The quasi-Newton direction −H·g from the stored corrections (Nocedal's two-loop recursion).
fn two_loop(grad: &[f64], history: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut q: Vec<f64> = grad.to_vec();
    let mut alphas = vec![0.0; history.len()];
    for (i, (s, y, rho)) in history.iter().enumerate().rev() {
        alphas[i] = rho * dot(s, &q);
        q.iter_mut().zip(y).for_each(|(q, y)| *q -= alphas[i] * y);
    }
    if let Some((s, y, _)) = history.last() {
        let gamma = dot(s, y) / dot(y, y);
        q.iter_mut().for_each(|q| *q *= gamma);
    }
    for (i, (s, y, rho)) in history.iter().enumerate() {
        let beta = rho * dot(y, &q);
        q.iter_mut()
            .zip(s)
            .for_each(|(q, s)| *q += (alphas[i] - beta) * s);
    }
    q.iter_mut().for_each(|q| *q = -*q);
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_rosenbrock_s_valley() {
        let mut rosenbrock = |x: &[f64], g: &mut [f64]| {
            let (a, b) = (x[0], x[1]);
            g[0] = -2.0 * (1.0 - a) - 400.0 * a * (b - a * a);
            g[1] = 200.0 * (b - a * a);
            (1.0 - a).powi(2) + 100.0 * (b - a * a).powi(2)
        };
        let found = minimize(vec![-1.2, 1.0], &mut rosenbrock, 500, 1e-8);
        assert!(found.converged, "{found:?}");
        assert!((found.x[0] - 1.0).abs() < 1e-5 && (found.x[1] - 1.0).abs() < 1e-5);
    }

    #[test]
    fn stops_at_max_iter_and_says_so() {
        let mut bowl = |x: &[f64], g: &mut [f64]| {
            g.iter_mut()
                .zip(x)
                .enumerate()
                .for_each(|(i, (g, x))| *g = 2.0 * x * (i + 1) as f64);
            x.iter()
                .enumerate()
                .map(|(i, x)| x * x * (i + 1) as f64)
                .sum()
        };
        let found = minimize(vec![3.0; 20], &mut bowl, 2, 1e-12);
        assert_eq!(found.iterations, 2);
        assert!(!found.converged);
    }
}
