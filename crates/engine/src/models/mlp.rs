//! A multi-layer perceptron, as scikit-learn's `MLPClassifier` and `MLPRegressor`: hidden
//! layers of ReLU, tanh or logistic units; a logistic output for two classes, softmax for more,
//! and one unit as it is for numbers; log loss (half the squared error, for numbers) with an L2
//! penalty `alpha`; Adam or SGD with Nesterov momentum on shuffled mini-batches;
//! Glorot-uniform initial weights; training stops when the loss (or, with early stopping, the
//! score on a held-out tenth of the training rows) has not improved by `tol` for
//! `n_iter_no_change` epochs. The loss of every epoch is kept for the learner to see.
//!
//! Written here: smartcore has no neural network, and the Rust network crates are built for
//! GPUs and large graphs, far more than a worker should download for one dense network.

use super::declare::Hyperparameters;
use super::declare::{choice, choices, flag, hyperparameters, layers as param_layers};
use super::declare::{non_negative, optional_whole, positive, seed, standardize, whole};
use super::dense::{multiply_add, transpose};
use super::logistic::{sigmoid, softmax, MAX_ITER_LIMIT};
use super::standardize::Standardizer;
use crate::features::Matrix;
use crate::rng::SeededRng;
use crate::split::hold_out;
use crate::Error;
use serde::{Deserialize, Serialize};

choices! {
    pub enum Activation {
        Relu = "relu", "activation-relu", "\"relu\"";
        Tanh = "tanh", "activation-tanh", "\"tanh\"";
        Logistic = "logistic", "activation-logistic", "\"logistic\"";
    }
}

choices! {
    pub enum Solver {
        Adam = "adam", "solver-adam", "\"adam\"";
        /// Stochastic gradient descent with Nesterov momentum 0.9, at a constant learning rate.
        Sgd = "sgd", "solver-sgd", "\"sgd\"";
    }
}

pub const MAX_LAYERS: usize = 5;
pub const MAX_UNITS: u32 = 1024;
/// A step this large is no setting anyone means; below it, a step that blows the loss up is
/// caught as divergence while training.
pub const MAX_LEARNING_RATE: f64 = 1e6;

hyperparameters! {
    pub struct MlpParams {
        hidden_layer_sizes: Vec<u32> = vec![100]
            => param_layers("field-hidden-layers", MAX_LAYERS as u32, MAX_UNITS)
                .hint("field-hidden-layers-hint"),
        activation: Activation = Activation::Relu
            => choice("field-activation", Activation::CHOICES),
        solver: Solver = Solver::Adam => choice("field-solver", Solver::CHOICES),
        /// L2 penalty on the weights. (Before the learning rate: a search draws its values in
        /// this order, and searches saved before must draw the same candidates.)
        alpha: f64 = 0.0001
            => non_negative("field-alpha", f64::INFINITY).search("0.0001, 0.01, 1"),
        learning_rate_init: f64 = 0.001
            => positive("field-learning-rate", MAX_LEARNING_RATE).search("0.001, 0.01"),
        /// Rows per mini-batch; `None` is scikit-learn's "auto": min(200, rows).
        batch_size: Option<u32> = None
            => optional_whole("field-batch-size", 1, u32::MAX, "\"auto\"")
                .hint("field-batch-size-hint"),
        /// Epochs at most.
        max_iter: u32 = 200 => whole("field-epochs", 1, MAX_ITER_LIMIT),
        early_stopping: bool = false => flag("field-early-stopping"),
        /// Epochs without an improvement of 1e-4 before training stops.
        n_iter_no_change: u32 = 10 => whole("field-n-iter-no-change", 1, u32::MAX).unshown(),
        seed: u64 = 42 => seed("field-network-seed"),
        /// Standardise the features first (`StandardScaler` in a pipeline); networks need it.
        standardize: bool = true => standardize(),
    }
}

/// scikit-learn's defaults for what is not a parameter here.
/// How many times its starting value the loss may grow before training counts as diverged.
const DIVERGED: f64 = 1e4;
const TOL: f64 = 1e-4;
const VALIDATION_FRACTION: f64 = 0.1;
const BETA_1: f64 = 0.9;
const BETA_2: f64 = 0.999;
const EPSILON: f64 = 1e-8;
const MOMENTUM: f64 = 0.9;

/// One dense layer: `weights` is inputs × outputs, row-major.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Layer {
    inputs: usize,
    outputs: usize,
    weights: Vec<f64>,
    biases: Vec<f64>,
}

/// Each layer's weights (inputs × outputs, row-major) and biases, for an export.
pub(crate) type LayerParts<'a> = Vec<(&'a [f64], &'a [f64])>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mlp {
    scaler: Standardizer,
    layers: Vec<Layer>,
    activation: Activation,
    n_classes: usize,
    loss_curve: Vec<f64>,
    /// With early stopping: the held-out score of each epoch.
    validation_scores: Vec<f64>,
    converged: bool,
}

impl Mlp {
    pub fn fit(params: &MlpParams, x: &Matrix, y: &[u32], n_classes: usize) -> Result<Self, Error> {
        Self::fit_with_progress(params, x, y, n_classes, &mut |_| {})
    }

    /// [`fit`](Self::fit), calling `progress` after each epoch with the share of `max_iter` done.
    pub fn fit_with_progress(
        params: &MlpParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        Self::train(params, x, Truth::Classes(y), n_classes, progress)
    }

    /// A network that predicts numbers (scikit-learn's `MLPRegressor`): one output unit with no
    /// activation, trained on half the squared error; early stopping scores R².
    pub fn fit_regressor(
        params: &MlpParams,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        super::check_regression_data(x, y)?;
        Self::train(params, x, Truth::Numbers(y), 0, progress)
    }

    /// Trains on `truth`; `n_classes` is 0 for numbers.
    fn train(
        params: &MlpParams,
        x: &Matrix,
        truth: Truth,
        n_classes: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        params.validate()?;
        let scaler = Standardizer::fit(x, params.standardize);
        let x = scaler.transform(x);
        let mut rng = SeededRng::new(params.seed);
        // One output for numbers and for two classes; one per class otherwise.
        let outputs = if n_classes <= 2 { 1 } else { n_classes };
        let mut sizes = vec![x.cols];
        sizes.extend(params.hidden_layer_sizes.iter().map(|&u| u as usize));
        sizes.push(outputs);
        let layers = sizes
            .windows(2)
            .map(|w| Layer::glorot(w[0], w[1], params.activation, &mut rng))
            .collect();
        let mut net = Network {
            layers,
            activation: params.activation,
            n_classes,
        };

        // Early stopping holds out a tenth of the training rows (stratified by class), as
        // scikit-learn does.
        let (train_rows, held_out): (Vec<usize>, Vec<usize>) = if params.early_stopping {
            let split = match truth {
                Truth::Classes(y) => {
                    let classes: Vec<String> = (0..n_classes).map(|c| c.to_string()).collect();
                    hold_out(y, &classes, VALIDATION_FRACTION, true, params.seed)?
                }
                Truth::Numbers(y) => hold_out(
                    &vec![0; y.len()],
                    &[String::new()],
                    VALIDATION_FRACTION,
                    false,
                    params.seed,
                )?,
            };
            (split.train, split.test)
        } else {
            ((0..x.rows).collect(), Vec::new())
        };
        let batch = params
            .batch_size
            .map_or(200.min(train_rows.len()), |b| b as usize)
            .clamp(1, train_rows.len().max(1));
        let mut optimizer = Optimizer::new(params, &net.layers);
        let mut order = train_rows.clone();
        let mut loss_curve = Vec::new();
        let mut validation_scores = Vec::new();
        let (mut best_loss, mut best_score) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut best_layers = None;
        let mut no_improvement = 0;
        let mut converged = false;
        let mut scratch = Scratch::default();
        // The loss of the first batch, before any step: a loss far above it means the steps
        // overshoot (scikit-learn goes on regardless; a learner is better told).
        let mut start: Option<f64> = None;
        for epoch in 0..params.max_iter {
            rng.shuffle(&mut order);
            let mut total = 0.0;
            for rows in order.chunks(batch) {
                let loss = net.backprop(&x, truth, rows, params.alpha, &mut scratch);
                let start = *start.get_or_insert(loss);
                if !loss.is_finite() || loss > DIVERGED * start.max(1.0) {
                    return Err(Error::TrainingDiverged {
                        epoch: epoch + 1,
                        learning_rate: params.learning_rate_init,
                    });
                }
                total += loss * rows.len() as f64;
                optimizer.step(&mut net.layers, &scratch.grads);
            }
            let loss = total / order.len() as f64;
            loss_curve.push(loss);
            progress(f64::from(epoch + 1) / f64::from(params.max_iter));
            let improved = if params.early_stopping {
                let score = net.held_out_score(&x, truth, &held_out);
                validation_scores.push(score);
                let improved = score >= best_score + TOL;
                if score > best_score {
                    best_score = score;
                    best_layers = Some(net.layers.clone());
                }
                improved
            } else {
                let improved = loss <= best_loss - TOL;
                best_loss = best_loss.min(loss);
                improved
            };
            no_improvement = if improved { 0 } else { no_improvement + 1 };
            if no_improvement > params.n_iter_no_change {
                converged = true;
                break;
            }
        }
        if let Some(best) = best_layers {
            net.layers = best;
        }
        progress(1.0);
        Ok(Self {
            scaler,
            layers: net.layers,
            activation: net.activation,
            n_classes,
            loss_curve,
            validation_scores,
            converged,
        })
    }

    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        let x = self.scaler.transform(x);
        let rows: Vec<usize> = (0..x.rows).collect();
        self.network().probabilities(&x, &rows)
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    /// A regression network's predictions.
    pub fn predict_numbers(&self, x: &Matrix) -> Vec<f64> {
        let x = self.scaler.transform(x);
        let rows: Vec<usize> = (0..x.rows).collect();
        let mut activations = Vec::new();
        self.network().forward(&x, &rows, &mut activations);
        activations.pop().unwrap_or_default()
    }

    fn network(&self) -> NetworkRef<'_> {
        NetworkRef {
            layers: &self.layers,
            activation: self.activation,
            n_classes: self.n_classes,
        }
    }

    /// For an export: the standardiser's centres and scales (empty when off); each layer's
    /// weights (inputs × outputs, row-major) and biases; the hidden layers' activation.
    pub(crate) fn parts(&self) -> (&[f64], &[f64], LayerParts<'_>, Activation) {
        let (center, scale) = self.scaler.parts();
        let layers = self
            .layers
            .iter()
            .map(|l| (l.weights.as_slice(), l.biases.as_slice()))
            .collect();
        (center, scale, layers, self.activation)
    }

    /// The mean training loss of each epoch (scikit-learn's `loss_curve_`).
    pub fn loss_curve(&self) -> &[f64] {
        &self.loss_curve
    }

    pub fn validation_scores(&self) -> &[f64] {
        &self.validation_scores
    }

    /// Training stopped because it stopped improving, not because `max_iter` ran out.
    pub fn converged(&self) -> bool {
        self.converged
    }

    pub fn hidden_layer_sizes(&self) -> Vec<usize> {
        let n = self.layers.len();
        self.layers[..n.saturating_sub(1)]
            .iter()
            .map(|l| l.outputs)
            .collect()
    }
}

impl Layer {
    /// scikit-learn's initialisation: uniform in ±√(factor / (inputs + outputs)), factor 6, or 2
    /// for logistic units.
    fn glorot(inputs: usize, outputs: usize, activation: Activation, rng: &mut SeededRng) -> Self {
        let factor = if activation == Activation::Logistic {
            2.0
        } else {
            6.0
        };
        let bound = (factor / (inputs + outputs) as f64).sqrt();
        let mut draw = || (rng.uniform() * 2.0 - 1.0) * bound;
        Self {
            inputs,
            outputs,
            weights: (0..inputs * outputs).map(|_| draw()).collect(),
            biases: (0..outputs).map(|_| draw()).collect(),
        }
    }

    /// `input` (rows × inputs) times the weights, plus the biases, into `out` (rows × outputs).
    fn forward(&self, input: &[f64], rows: usize, out: &mut Vec<f64>) {
        out.clear();
        for _ in 0..rows {
            out.extend_from_slice(&self.biases);
        }
        multiply_add(out, input, &self.weights, rows, self.inputs, self.outputs);
    }
}

impl Activation {
    fn apply(self, z: &mut [f64]) {
        match self {
            // Arithmetic, exact for every sign: half the units are negative, and V8 turns
            // `if`, and even a select, into a branch that then mispredicts half the time (and
            // `f64::max` is a call into libm on wasm). Training became a fifth faster.
            Activation::Relu => z.iter_mut().for_each(|v| *v = 0.5 * (*v + v.abs())),
            Activation::Tanh => z.iter_mut().for_each(|v| *v = v.tanh()),
            Activation::Logistic => z.iter_mut().for_each(|v| *v = sigmoid(*v)),
        }
    }

    /// Multiplies `delta` by the derivative, written in terms of the activation's output `a`.
    #[inline(never)]
    fn backward(self, a: &[f64], delta: &mut [f64]) {
        let pairs = delta.iter_mut().zip(a);
        match self {
            // Kept where the unit was active, zeroed where not, by masking its bits. LLVM turns
            // any plain form of this into a float select, which V8 compiles to a branch that
            // mispredicts half the time; the opaque mask costs a store and a load instead, and
            // made training a sixth faster.
            Activation::Relu => pairs.for_each(|(d, &a)| {
                let active = std::hint::black_box(u64::from(a > 0.0).wrapping_neg());
                *d = f64::from_bits(d.to_bits() & active);
            }),
            Activation::Tanh => pairs.for_each(|(d, &a)| *d *= 1.0 - a * a),
            Activation::Logistic => pairs.for_each(|(d, &a)| *d *= a * (1.0 - a)),
        }
    }
}

/// Buffers reused from batch to batch: each layer's activations, and the gradients.
#[derive(Default)]
struct Scratch {
    activations: Vec<Vec<f64>>,
    delta: Vec<f64>,
    next_delta: Vec<f64>,
    transposed: Vec<f64>,
    grads: Vec<(Vec<f64>, Vec<f64>)>,
}

/// What a network learns to give: classes (codes), or numbers.
#[derive(Clone, Copy)]
enum Truth<'a> {
    Classes(&'a [u32]),
    Numbers(&'a [f64]),
}

struct Network {
    layers: Vec<Layer>,
    activation: Activation,
    n_classes: usize,
}

struct NetworkRef<'a> {
    layers: &'a [Layer],
    activation: Activation,
    n_classes: usize,
}

impl NetworkRef<'_> {
    /// Every layer's output for `rows` of `x`; the last is the output layer's probabilities.
    fn forward(&self, x: &Matrix, rows: &[usize], activations: &mut Vec<Vec<f64>>) {
        activations.resize(self.layers.len() + 1, Vec::new());
        let input = &mut activations[0];
        input.clear();
        rows.iter().for_each(|&r| input.extend_from_slice(x.row(r)));
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (before, after) = activations.split_at_mut(l + 1);
            let out = &mut after[0];
            layer.forward(&before[l], rows.len(), out);
            if l < last {
                self.activation.apply(out);
            } else if self.n_classes == 0 {
                // Numbers: the output unit's value as it is (scikit-learn's identity).
            } else if self.n_classes == 2 {
                out.iter_mut().for_each(|v| *v = sigmoid(*v));
            } else {
                for z in out.chunks_exact_mut(layer.outputs) {
                    let (p, _) = softmax(z);
                    z.copy_from_slice(&p);
                }
            }
        }
    }

    fn probabilities(&self, x: &Matrix, rows: &[usize]) -> Vec<Vec<f64>> {
        let mut activations = Vec::new();
        self.forward(x, rows, &mut activations);
        let out = activations.last().map(Vec::as_slice).unwrap_or_default();
        if self.n_classes == 2 {
            out.iter().map(|&p| vec![1.0 - p, p]).collect()
        } else {
            out.chunks_exact(self.n_classes.max(1))
                .map(<[f64]>::to_vec)
                .collect()
        }
    }
}

impl Network {
    fn as_ref(&self) -> NetworkRef<'_> {
        NetworkRef {
            layers: &self.layers,
            activation: self.activation,
            n_classes: self.n_classes,
        }
    }

    /// Early stopping's score of the held-out `rows`: accuracy of classes, R² of numbers (each
    /// model's `score` in scikit-learn).
    fn held_out_score(&self, x: &Matrix, truth: Truth, rows: &[usize]) -> f64 {
        match truth {
            Truth::Classes(y) => {
                let predicted = super::most_probable(&self.as_ref().probabilities(x, rows));
                let hits = rows
                    .iter()
                    .zip(&predicted)
                    .filter(|(&r, &p)| y[r] == p)
                    .count();
                hits as f64 / rows.len().max(1) as f64
            }
            Truth::Numbers(y) => {
                let mut activations = Vec::new();
                self.as_ref().forward(x, rows, &mut activations);
                let predicted = activations.pop().unwrap_or_default();
                let actual: Vec<f64> = rows.iter().map(|&r| y[r]).collect();
                crate::metrics::r2_score(&actual, &predicted).unwrap_or(f64::NEG_INFINITY)
            }
        }
    }

    /// The penalised mean loss of batch `rows` (log loss of classes, half the squared error of
    /// numbers), leaving its gradients in `scratch.grads`.
    ///
    /// Never inlined, nor is [`Optimizer::step`]: V8 first runs wasm with its baseline compiler
    /// and optimises a function only for its later calls. Inlined into the training loop, which is
    /// called once, this would never be optimised (three times slower).
    #[inline(never)]
    fn backprop(
        &self,
        x: &Matrix,
        truth: Truth,
        rows: &[usize],
        alpha: f64,
        scratch: &mut Scratch,
    ) -> f64 {
        let n = rows.len() as f64;
        self.as_ref().forward(x, rows, &mut scratch.activations);
        let outputs = self.layers.last().map_or(1, |l| l.outputs);
        let probabilities = &scratch.activations[self.layers.len()];
        // Log loss, with probabilities clipped as scikit-learn clips them.
        let clip = |p: f64| p.clamp(f64::EPSILON, 1.0 - f64::EPSILON);
        let mut loss = 0.0;
        scratch.delta.clear();
        for (i, &r) in rows.iter().enumerate() {
            let p = &probabilities[i * outputs..(i + 1) * outputs];
            let y = match truth {
                Truth::Numbers(y) => {
                    let error = p[0] - y[r];
                    loss += 0.5 * error * error;
                    scratch.delta.push(error);
                    continue;
                }
                Truth::Classes(y) => y,
            };
            let class = y[r] as usize;
            if outputs == 1 {
                let (t, p_of_truth) = if class == 1 {
                    (1.0, clip(p[0]))
                } else {
                    (0.0, 1.0 - clip(p[0]))
                };
                loss -= p_of_truth.ln();
                scratch.delta.push(p[0] - t);
            } else {
                loss -= clip(p[class]).ln();
                scratch.delta.extend(
                    p.iter()
                        .enumerate()
                        .map(|(k, &p)| p - f64::from(u8::from(k == class))),
                );
            }
        }
        let squares: f64 = self
            .layers
            .iter()
            .map(|l| l.weights.iter().map(|w| w * w).sum::<f64>())
            .sum();
        loss = loss / n + 0.5 * alpha * squares / n;

        scratch
            .grads
            .resize_with(self.layers.len(), Default::default);
        for l in (0..self.layers.len()).rev() {
            let layer = &self.layers[l];
            let input = &scratch.activations[l];
            let (gw, gb) = &mut scratch.grads[l];
            gw.clear();
            gw.resize(layer.weights.len(), 0.0);
            gb.clear();
            gb.resize(layer.outputs, 0.0);
            for d in scratch.delta.chunks_exact(layer.outputs) {
                gb.iter_mut().zip(d).for_each(|(g, d)| *g += d);
            }
            // The weights' gradient: the batch's inputs, transposed, times the errors.
            transpose(input, rows.len(), layer.inputs, &mut scratch.transposed);
            multiply_add(
                gw,
                &scratch.transposed,
                &scratch.delta,
                layer.inputs,
                rows.len(),
                layer.outputs,
            );
            let per_row = 1.0 / n;
            gw.iter_mut()
                .zip(&layer.weights)
                .for_each(|(g, w)| *g = (*g + alpha * w) * per_row);
            gb.iter_mut().for_each(|g| *g *= per_row);
            if l == 0 {
                break;
            }
            // The error at this layer's input: delta times the weights, through the activation.
            scratch.next_delta.clear();
            scratch.next_delta.resize(rows.len() * layer.inputs, 0.0);
            transpose(
                &layer.weights,
                layer.inputs,
                layer.outputs,
                &mut scratch.transposed,
            );
            multiply_add(
                &mut scratch.next_delta,
                &scratch.delta,
                &scratch.transposed,
                rows.len(),
                layer.outputs,
                layer.inputs,
            );
            self.activation.backward(input, &mut scratch.next_delta);
            std::mem::swap(&mut scratch.delta, &mut scratch.next_delta);
        }
        loss
    }
}

/// Adam's moments, or SGD's velocities, one per weight and bias.
struct Optimizer {
    solver: Solver,
    rate: f64,
    t: i32,
    first: Vec<(Vec<f64>, Vec<f64>)>,
    second: Vec<(Vec<f64>, Vec<f64>)>,
}

impl Optimizer {
    fn new(params: &MlpParams, layers: &[Layer]) -> Self {
        let zeros = || -> Vec<(Vec<f64>, Vec<f64>)> {
            layers
                .iter()
                .map(|l| (vec![0.0; l.weights.len()], vec![0.0; l.biases.len()]))
                .collect()
        };
        Self {
            solver: params.solver,
            rate: params.learning_rate_init,
            t: 0,
            first: zeros(),
            second: zeros(),
        }
    }

    #[inline(never)]
    fn step(&mut self, layers: &mut [Layer], grads: &[(Vec<f64>, Vec<f64>)]) {
        self.t += 1;
        let rate = match self.solver {
            Solver::Adam => {
                self.rate * (1.0 - BETA_2.powi(self.t)).sqrt() / (1.0 - BETA_1.powi(self.t))
            }
            Solver::Sgd => self.rate,
        };
        for (l, layer) in layers.iter_mut().enumerate() {
            let (gw, gb) = &grads[l];
            let (mw, mb) = &mut self.first[l];
            let (vw, vb) = &mut self.second[l];
            let pairs = [
                (&mut layer.weights, gw, mw, vw),
                (&mut layer.biases, gb, mb, vb),
            ];
            for (params, grad, m, v) in pairs {
                for i in 0..params.len() {
                    let g = grad[i];
                    params[i] += match self.solver {
                        Solver::Adam => {
                            m[i] = BETA_1 * m[i] + (1.0 - BETA_1) * g;
                            v[i] = BETA_2 * v[i] + (1.0 - BETA_2) * g * g;
                            -rate * m[i] / (v[i].sqrt() + EPSILON)
                        }
                        Solver::Sgd => {
                            // Nesterov: the velocity's next step, taken from where it leads.
                            m[i] = MOMENTUM * m[i] - rate * g;
                            MOMENTUM * m[i] - rate * g
                        }
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two interleaved rings: no straight line separates them, a hidden layer does.
    fn rings(n: usize) -> (Matrix, Vec<u32>) {
        let mut rng = SeededRng::new(5);
        let mut data = Vec::new();
        let mut y = Vec::new();
        for i in 0..n {
            let class = (i % 2) as u32;
            let radius = 1.0 + 2.0 * f64::from(class) + 0.3 * rng.uniform();
            let angle = rng.uniform() * std::f64::consts::TAU;
            data.extend([radius * angle.cos(), radius * angle.sin()]);
            y.push(class);
        }
        (
            Matrix {
                rows: n,
                cols: 2,
                data,
            },
            y,
        )
    }

    fn accuracy(model: &Mlp, x: &Matrix, y: &[u32]) -> f64 {
        crate::metrics::accuracy(y, &model.predict(x)).unwrap_or(0.0)
    }

    #[test]
    fn learns_rings_that_no_line_separates_and_the_loss_falls() {
        let (x, y) = rings(300);
        let params = MlpParams {
            hidden_layer_sizes: vec![16],
            learning_rate_init: 0.01,
            ..Default::default()
        };
        for activation in [Activation::Relu, Activation::Tanh, Activation::Logistic] {
            let params = MlpParams {
                activation,
                ..params.clone()
            };
            let model = Mlp::fit(&params, &x, &y, 2).unwrap();
            assert!(accuracy(&model, &x, &y) > 0.95, "{activation:?}");
            let curve = model.loss_curve();
            assert!(curve.last().unwrap() < &(curve[0] * 0.5), "{curve:?}");
        }
        let sgd = MlpParams {
            solver: Solver::Sgd,
            learning_rate_init: 0.1,
            ..params.clone()
        };
        assert!(accuracy(&Mlp::fit(&sgd, &x, &y, 2).unwrap(), &x, &y) > 0.95);
        // Same seed, same network.
        assert_eq!(
            Mlp::fit(&params, &x, &y, 2).unwrap(),
            Mlp::fit(&params, &x, &y, 2).unwrap()
        );
    }

    #[test]
    fn gradients_equal_finite_differences_for_classes_and_numbers() {
        let (x, y) = rings(12);
        let three: Vec<u32> = y
            .iter()
            .enumerate()
            .map(|(i, &c)| c + u32::from(i % 3 == 0))
            .collect();
        // And numbers (0 classes): a smooth function of the two features.
        let numbers: Vec<f64> = (0..12).map(|r| x.get(r, 0) * 3.0 - x.get(r, 1)).collect();
        for (truth, classes) in [
            (Truth::Classes(&y), 2),
            (Truth::Classes(&three), 3),
            (Truth::Numbers(&numbers), 0),
        ] {
            for activation in [Activation::Relu, Activation::Tanh, Activation::Logistic] {
                let mut rng = SeededRng::new(1);
                let sizes = [2, 4, 3, if classes <= 2 { 1 } else { classes }];
                let mut net = Network {
                    layers: sizes
                        .windows(2)
                        .map(|w| Layer::glorot(w[0], w[1], activation, &mut rng))
                        .collect(),
                    activation,
                    n_classes: classes,
                };
                let rows: Vec<usize> = (0..12).collect();
                let mut scratch = Scratch::default();
                net.backprop(&x, truth, &rows, 0.1, &mut scratch);
                let grads = scratch.grads.clone();
                let h = 1e-6;
                for (l, (layer_grads, _)) in grads.iter().enumerate() {
                    for (i, analytic) in layer_grads.iter().enumerate() {
                        let w = net.layers[l].weights[i];
                        net.layers[l].weights[i] = w + h;
                        let up = net.backprop(&x, truth, &rows, 0.1, &mut scratch);
                        net.layers[l].weights[i] = w - h;
                        let down = net.backprop(&x, truth, &rows, 0.1, &mut scratch);
                        net.layers[l].weights[i] = w;
                        let numeric = (up - down) / (2.0 * h);
                        assert!(
                            (numeric - analytic).abs() < 1e-6,
                            "{activation:?} layer {l} weight {i}: {numeric} vs {analytic}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn early_stopping_keeps_the_best_held_out_network_and_absurd_settings_are_errors() {
        let (x, y) = rings(300);
        let params = MlpParams {
            hidden_layer_sizes: vec![16],
            learning_rate_init: 0.01,
            early_stopping: true,
            ..Default::default()
        };
        let model = Mlp::fit(&params, &x, &y, 2).unwrap();
        assert_eq!(model.validation_scores().len(), model.loss_curve().len());
        assert!(model.validation_scores().iter().any(|&s| s > 0.9));

        let diverging = MlpParams {
            learning_rate_init: 1e5,
            solver: Solver::Sgd,
            ..params.clone()
        };
        assert!(matches!(
            Mlp::fit(&diverging, &x, &y, 2),
            Err(Error::TrainingDiverged { .. })
        ));
        let absurd = MlpParams {
            learning_rate_init: 1e200,
            ..params.clone()
        };
        assert!(matches!(
            Mlp::fit(&absurd, &x, &y, 2),
            Err(Error::InvalidParameter { .. })
        ));
        // A rate that blows the loss up a millionfold without ever reaching infinity.
        let (small_x, small_y) = (
            Matrix::from_rows(&[
                &[0.0, 1.0],
                &[1.0, 0.0],
                &[2.0, 1.0],
                &[3.0, 3.0],
                &[4.0, 1.0],
            ]),
            [0, 1, 0, 1, 0],
        );
        let overshooting = MlpParams {
            hidden_layer_sizes: vec![8],
            learning_rate_init: 100.0,
            solver: Solver::Sgd,
            standardize: false,
            max_iter: 50,
            ..Default::default()
        };
        assert!(matches!(
            Mlp::fit(&overshooting, &small_x, &small_y, 2),
            Err(Error::TrainingDiverged { .. })
        ));
        for bad in [
            MlpParams {
                hidden_layer_sizes: vec![],
                ..params.clone()
            },
            MlpParams {
                hidden_layer_sizes: vec![10, 0],
                ..params.clone()
            },
            MlpParams {
                learning_rate_init: 0.0,
                ..params.clone()
            },
            MlpParams {
                alpha: -1.0,
                ..params.clone()
            },
            MlpParams {
                batch_size: Some(0),
                ..params.clone()
            },
            MlpParams {
                max_iter: 0,
                ..params.clone()
            },
        ] {
            assert!(
                matches!(
                    Mlp::fit(&bad, &x, &y, 2),
                    Err(Error::InvalidParameter { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
