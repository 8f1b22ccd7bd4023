//! Gradient-boosted trees, in the manner of scikit-learn's `HistGradientBoostingClassifier` and
//! `HistGradientBoostingRegressor` (and LightGBM): features binned once (see `binning`); each
//! round grows one regression tree per score (one for two classes, one per class otherwise) on
//! the gradients and hessians of the log loss (of half the squared error, for numbers), leaf by leaf, always splitting the leaf whose best
//! split gains most, until `max_leaf_nodes`; each leaf moves the scores by
//! −learning_rate · G / (H + l2_regularization). A child's histogram is the parent's minus its
//! sibling's, so only the smaller child is ever counted.
//!
//! Written here: smartcore has no boosting, and the Rust GBDT crates are regression-first, with
//! neither scikit-learn's parameters nor its probabilities.

use super::binning::Binned;
use super::declare::Hyperparameters;
use super::declare::{flag, hyperparameters, non_negative, optional_whole, positive, seed, whole};
use super::logistic::{sigmoid, softmax, MAX_ITER_LIMIT};
use super::value_tree::{Node, Tree};
use super::MAX_DEPTH_LIMIT;
use crate::features::Matrix;
use crate::split::hold_out;
use crate::Error;
use serde::{Deserialize, Serialize};

pub const MAX_LEAF_NODES_LIMIT: u32 = 1024;
/// A larger step than this overshoots at once: the scores leave the numbers.
pub const MAX_LEARNING_RATE: f64 = 10.0;

hyperparameters! {
    pub struct GradientBoostingParams {
        learning_rate: f64 = 0.1
            => positive("field-boosting-learning-rate", MAX_LEARNING_RATE).search("0.05, 0.1, 0.3"),
        /// Boosting rounds at most.
        max_iter: u32 = 100 => whole("field-boosting-rounds", 1, MAX_ITER_LIMIT),
        max_leaf_nodes: u32 = 31
            => whole("field-max-leaf-nodes", 2, MAX_LEAF_NODES_LIMIT).search("7, 15, 31"),
        max_depth: Option<u32> = None
            => optional_whole("field-max-depth", 1, MAX_DEPTH_LIMIT, "None")
                .hint("field-max-depth-hint"),
        min_samples_leaf: u32 = 20 => whole("field-min-samples-leaf", 1, u32::MAX),
        l2_regularization: f64 = 0.0 => non_negative("field-l2-regularization", f64::INFINITY),
        /// Stop when the log loss on a held-out tenth of the training rows has not improved for
        /// ten rounds (scikit-learn's `early_stopping=True`, scored by the loss).
        early_stopping: bool = false => flag("field-boosting-early-stopping"),
        /// Seeds the held-out split of early stopping; nothing else is random.
        seed: u64 = 42 => seed("field-boosting-seed"),
    }
}

/// scikit-learn's defaults for what is not a parameter here.
const MIN_HESSIAN_TO_SPLIT: f64 = 1e-3;
const VALIDATION_FRACTION: f64 = 0.1;
const N_ITER_NO_CHANGE: usize = 10;
const TOL: f64 = 1e-7;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradientBoosting {
    /// The scores before any tree: the log-odds (or log) of the training classes' shares.
    baseline: Vec<f64>,
    /// Per round, one tree per score.
    rounds: Vec<Vec<Tree>>,
    n_classes: usize,
    features: usize,
    /// Mean training log loss after each round.
    loss_curve: Vec<f64>,
    /// With early stopping: the held-out log loss after each round.
    validation_loss: Vec<f64>,
    /// Each feature's share of the total split gain.
    importances: Vec<f64>,
    stopped_early: bool,
}

impl GradientBoosting {
    pub fn fit(
        params: &GradientBoostingParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        Self::fit_with_progress(params, x, y, n_classes, &mut |_| {})
    }

    /// [`fit`](Self::fit), calling `progress` after each round with the share of `max_iter` done.
    pub fn fit_with_progress(
        params: &GradientBoostingParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        super::check_training_data(x, y)?;
        let targets = Targets::Classes {
            y: y.to_vec(),
            n_classes,
        };
        Self::boost(params, x, &targets, progress)
    }

    /// Boosting that predicts numbers (scikit-learn's `HistGradientBoostingRegressor`, whose
    /// loss is half the squared error): one tree per round, starting from the mean.
    pub fn fit_regressor(
        params: &GradientBoostingParams,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        super::check_regression_data(x, y)?;
        Self::boost(params, x, &Targets::Numbers(y.to_vec()), progress)
    }

    fn boost(
        params: &GradientBoostingParams,
        x: &Matrix,
        targets: &Targets,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        params.validate()?;
        let (train, held_out): (Vec<usize>, Vec<usize>) = if params.early_stopping {
            let split = targets.held_out_split(params.seed)?;
            (split.train, split.test)
        } else {
            ((0..x.rows).collect(), Vec::new())
        };
        let x_train = x.select_rows(&train);
        let y_train = targets.of_rows(&train);
        let y_held = targets.of_rows(&held_out);
        let binned = Binned::new(&x_train);
        let scores = targets.scores();
        let baseline = y_train.baseline();
        let n = train.len();
        let mut raw: Vec<f64> = (0..n).flat_map(|_| baseline.iter().copied()).collect();
        let mut held_raw: Vec<f64> = (0..held_out.len())
            .flat_map(|_| baseline.iter().copied())
            .collect();
        let mut model = Self {
            baseline,
            rounds: Vec::new(),
            n_classes: targets.n_classes(),
            features: x.cols,
            loss_curve: Vec::new(),
            validation_loss: Vec::new(),
            importances: vec![0.0; x.cols],
            stopped_early: false,
        };
        let mut gradients = vec![0.0; n * scores];
        let mut hessians = vec![0.0; n * scores];
        let mut grower = Grower::new(&binned, params);
        for round in 0..params.max_iter {
            let loss = y_train.gradients(&raw, &mut gradients, &mut hessians);
            if round > 0 {
                // The loss of the scores after the round before, found with its gradients.
                model.loss_curve.push(loss);
            }
            let mut trees = Vec::with_capacity(scores);
            for k in 0..scores {
                let g: Vec<f64> = gradients.iter().skip(k).step_by(scores).copied().collect();
                let h: Vec<f64> = hessians.iter().skip(k).step_by(scores).copied().collect();
                let (tree, leaf_of_row) = grower.grow(&g, &h, &mut model.importances);
                for (r, value) in leaf_of_row.into_iter().enumerate() {
                    raw[r * scores + k] += value;
                }
                for (i, &r) in held_out.iter().enumerate() {
                    held_raw[i * scores + k] += tree.value(x.row(r));
                }
                trees.push(tree);
            }
            model.rounds.push(trees);
            progress(f64::from(round + 1) / f64::from(params.max_iter));
            if params.early_stopping {
                model.validation_loss.push(y_held.loss(&held_raw));
                if no_recent_improvement(&model.validation_loss) {
                    model.stopped_early = true;
                    break;
                }
            }
        }
        model.loss_curve.push(y_train.loss(&raw));
        super::as_shares(&mut model.importances);
        progress(1.0);
        Ok(model)
    }

    /// A regression model's predictions: the mean plus every tree's leaf value.
    pub fn predict_numbers(&self, x: &Matrix) -> Vec<f64> {
        (0..x.rows).map(|r| self.raw(x.row(r))[0]).collect()
    }

    /// The raw scores of a row: the baseline plus every tree's leaf value.
    fn raw(&self, row: &[f64]) -> Vec<f64> {
        let mut raw = self.baseline.clone();
        for trees in &self.rounds {
            for (score, tree) in raw.iter_mut().zip(trees) {
                *score += tree.value(row);
            }
        }
        raw
    }

    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        (0..x.rows)
            .map(|r| {
                let raw = self.raw(x.row(r));
                if self.n_classes == 2 {
                    let p = sigmoid(raw[0]);
                    vec![1.0 - p, p]
                } else {
                    softmax(&raw).0
                }
            })
            .collect()
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    /// The starting scores, the trees of each round (one per score) and the classes (0 for a
    /// model of numbers): what an export to another library writes.
    pub(crate) fn parts(&self) -> (&[f64], &[Vec<Tree>], usize) {
        (&self.baseline, &self.rounds, self.n_classes)
    }

    pub fn n_rounds(&self) -> usize {
        self.rounds.len()
    }

    pub fn mean_leaves(&self) -> f64 {
        let trees: Vec<&Tree> = self.rounds.iter().flatten().collect();
        trees.iter().map(|t| t.leaves() as f64).sum::<f64>() / trees.len().max(1) as f64
    }

    pub fn loss_curve(&self) -> &[f64] {
        &self.loss_curve
    }

    pub fn validation_loss(&self) -> &[f64] {
        &self.validation_loss
    }

    pub fn stopped_early(&self) -> bool {
        self.stopped_early
    }

    pub fn feature_importances(&self) -> &[f64] {
        &self.importances
    }
}

/// What the rounds fit, and the loss they minimise: the log loss of classes, or half the
/// squared error of numbers.
#[derive(Debug, Clone)]
enum Targets {
    Classes { y: Vec<u32>, n_classes: usize },
    Numbers(Vec<f64>),
}

impl Targets {
    fn of_rows(&self, rows: &[usize]) -> Targets {
        match self {
            Targets::Classes { y, n_classes } => Targets::Classes {
                y: rows.iter().map(|&r| y[r]).collect(),
                n_classes: *n_classes,
            },
            Targets::Numbers(y) => Targets::Numbers(rows.iter().map(|&r| y[r]).collect()),
        }
    }

    /// 0 for numbers.
    fn n_classes(&self) -> usize {
        match self {
            Targets::Classes { n_classes, .. } => *n_classes,
            Targets::Numbers(_) => 0,
        }
    }

    /// Scores per row: one for two classes or for numbers, one per class otherwise.
    fn scores(&self) -> usize {
        match self {
            Targets::Classes { n_classes, .. } if *n_classes > 2 => *n_classes,
            _ => 1,
        }
    }

    /// The rows early stopping holds out: a tenth, stratified for classes, as scikit-learn's.
    fn held_out_split(&self, seed: u64) -> Result<crate::split::HoldOut, Error> {
        match self {
            Targets::Classes { y, n_classes } => {
                let classes: Vec<String> = (0..*n_classes).map(|c| c.to_string()).collect();
                hold_out(y, &classes, VALIDATION_FRACTION, true, seed)
            }
            Targets::Numbers(y) => hold_out(
                &vec![0; y.len()],
                &[String::new()],
                VALIDATION_FRACTION,
                false,
                seed,
            ),
        }
    }

    /// The scores before any tree.
    fn baseline(&self) -> Vec<f64> {
        match self {
            Targets::Classes { y, n_classes } => baseline(y, *n_classes),
            Targets::Numbers(y) => vec![y.iter().sum::<f64>() / y.len().max(1) as f64],
        }
    }

    /// Gradients and hessians of the loss at `raw`; returns the mean loss.
    fn gradients(&self, raw: &[f64], g: &mut [f64], h: &mut [f64]) -> f64 {
        match self {
            Targets::Classes { y, .. } => loss_gradients(raw, y, self.scores(), g, h),
            Targets::Numbers(y) => {
                // Half the squared error: gradient ŷ − y, hessian 1.
                for (r, &truth) in y.iter().enumerate() {
                    g[r] = raw[r] - truth;
                    h[r] = 1.0;
                }
                half_squared_error(raw, y)
            }
        }
    }

    fn loss(&self, raw: &[f64]) -> f64 {
        match self {
            Targets::Classes { y, .. } => mean_log_loss(raw, y, self.scores()),
            Targets::Numbers(y) => half_squared_error(raw, y),
        }
    }
}

fn half_squared_error(raw: &[f64], y: &[f64]) -> f64 {
    let total: f64 = raw
        .iter()
        .zip(y)
        .map(|(p, t)| 0.5 * (p - t) * (p - t))
        .sum();
    total / y.len().max(1) as f64
}

/// scikit-learn's starting scores: the log-odds of the second class for two classes; for more,
/// the log of each class's share, centred.
fn baseline(y: &[u32], n_classes: usize) -> Vec<f64> {
    let n = y.len().max(1) as f64;
    let mut shares = vec![0.0; n_classes];
    y.iter().for_each(|&c| shares[c as usize] += 1.0 / n);
    let clip = |p: f64| p.clamp(f64::EPSILON, 1.0 - f64::EPSILON);
    if n_classes == 2 {
        let p = clip(shares[1]);
        return vec![(p / (1.0 - p)).ln()];
    }
    let logs: Vec<f64> = shares.iter().map(|&p| clip(p).ln()).collect();
    let mean = logs.iter().sum::<f64>() / logs.len() as f64;
    logs.iter().map(|l| l - mean).collect()
}

/// The log loss's gradient (probability − truth) and hessian (p · (1 − p)) for every row and
/// score, row-major; returns the mean log loss, which comes almost free with them.
#[inline(never)]
fn loss_gradients(raw: &[f64], y: &[u32], scores: usize, g: &mut [f64], h: &mut [f64]) -> f64 {
    let clip = |p: f64| p.clamp(f64::EPSILON, 1.0 - f64::EPSILON);
    let mut loss = 0.0;
    for (r, &class) in y.iter().enumerate() {
        let z = &raw[r * scores..(r + 1) * scores];
        if scores == 1 {
            let p = sigmoid(z[0]);
            let truth = f64::from(u8::from(class == 1));
            g[r] = p - truth;
            h[r] = p * (1.0 - p);
            loss -= if class == 1 { clip(p) } else { 1.0 - clip(p) }.ln();
            continue;
        }
        let (probabilities, log_sum) = softmax(z);
        loss += log_sum - z[class as usize];
        for (k, p) in probabilities.into_iter().enumerate() {
            let truth = f64::from(u8::from(class as usize == k));
            g[r * scores + k] = p - truth;
            h[r * scores + k] = p * (1.0 - p);
        }
    }
    loss / y.len().max(1) as f64
}

#[inline(never)]
fn mean_log_loss(raw: &[f64], y: &[u32], scores: usize) -> f64 {
    let clip = |p: f64| p.clamp(f64::EPSILON, 1.0 - f64::EPSILON);
    let total: f64 = y
        .iter()
        .enumerate()
        .map(|(r, &class)| {
            let z = &raw[r * scores..(r + 1) * scores];
            if scores == 1 {
                let p = clip(sigmoid(z[0]));
                -if class == 1 { p.ln() } else { (1.0 - p).ln() }
            } else {
                -clip(softmax(z).0[class as usize]).ln()
            }
        })
        .sum();
    total / y.len().max(1) as f64
}

/// scikit-learn's rule: stop when none of the last ten losses beats the one before them by tol.
fn no_recent_improvement(losses: &[f64]) -> bool {
    if losses.len() <= N_ITER_NO_CHANGE {
        return false;
    }
    let reference = losses[losses.len() - N_ITER_NO_CHANGE - 1];
    losses[losses.len() - N_ITER_NO_CHANGE..]
        .iter()
        .all(|&loss| loss > reference - TOL)
}

/// A bin's sums over the rows of a node.
#[derive(Debug, Clone, Copy, Default)]
struct Bin {
    g: f64,
    h: f64,
    n: u32,
}

/// The best split of a leaf: go left when the feature's bin is at most `bin`.
#[derive(Debug, Clone, Copy)]
struct Split {
    gain: f64,
    feature: usize,
    bin: usize,
    /// The next occupied bin, whose lowest value bounds the threshold.
    right_bin: usize,
}

/// A leaf that may still be split.
struct Open {
    node: usize,
    rows: Vec<u32>,
    /// Per feature, `Binned::MAX_BINS` bins: the sums over this leaf's rows.
    histogram: Vec<Bin>,
    sum_g: f64,
    sum_h: f64,
    depth: u32,
    split: Option<Split>,
}

struct Grower<'a> {
    binned: &'a Binned,
    params: &'a GradientBoostingParams,
}

const BINS: usize = super::binning::MAX_BINS;

impl<'a> Grower<'a> {
    fn new(binned: &'a Binned, params: &'a GradientBoostingParams) -> Self {
        Self { binned, params }
    }

    /// Grows one tree on gradients `g` and hessians `h`; returns it with the value it gives
    /// each training row, and adds its split gains to `importances`.
    ///
    /// This and the other per-round functions are never inlined: V8 optimises a wasm function
    /// only for its later calls, so inlined into the once-called fit they would all run in its
    /// baseline compiler.
    #[inline(never)]
    fn grow(&mut self, g: &[f64], h: &[f64], importances: &mut [f64]) -> (Tree, Vec<f64>) {
        let rows: Vec<u32> = (0..g.len() as u32).collect();
        let histogram = self.histogram(&rows, g, h);
        let (sum_g, sum_h) = (g.iter().sum(), h.iter().sum());
        let mut nodes = vec![Node::Leaf { value: 0.0 }];
        let mut open = vec![self.open(0, rows, histogram, sum_g, sum_h, 0)];
        let mut leaves = 1;
        while leaves < self.params.max_leaf_nodes as usize {
            // The open leaf whose split gains most (the first of equals, for determinism).
            let Some(best) = open
                .iter()
                .enumerate()
                .filter_map(|(i, leaf)| leaf.split.map(|s| (i, s.gain)))
                .fold(None, |best: Option<(usize, f64)>, (i, gain)| match best {
                    Some((_, b)) if b >= gain => best,
                    _ => Some((i, gain)),
                })
                .map(|(i, _)| i)
            else {
                break;
            };
            let parent = open.swap_remove(best);
            let Some(split) = parent.split else { break };
            importances[split.feature] += split.gain;
            let (left_rows, right_rows): (Vec<u32>, Vec<u32>) = parent
                .rows
                .iter()
                .partition(|&&r| self.binned.bin(r as usize, split.feature) <= split.bin);
            // Count the smaller child; the larger is the parent minus it.
            let left_is_smaller = left_rows.len() <= right_rows.len();
            let smaller = if left_is_smaller {
                &left_rows
            } else {
                &right_rows
            };
            let small_histogram = self.histogram(smaller, g, h);
            let mut large_histogram = parent.histogram;
            for (p, s) in large_histogram.iter_mut().zip(&small_histogram) {
                p.g -= s.g;
                p.h -= s.h;
                p.n -= s.n;
            }
            let (left_histogram, right_histogram) = if left_is_smaller {
                (small_histogram, large_histogram)
            } else {
                (large_histogram, small_histogram)
            };
            let sums = |rows: &[u32]| -> (f64, f64) {
                rows.iter().fold((0.0, 0.0), |(sg, sh), &r| {
                    (sg + g[r as usize], sh + h[r as usize])
                })
            };
            let (left_g, left_h) = sums(&left_rows);
            let (right_g, right_h) = sums(&right_rows);
            let (left, right) = (nodes.len(), nodes.len() + 1);
            nodes.push(Node::Leaf { value: 0.0 });
            nodes.push(Node::Leaf { value: 0.0 });
            nodes[parent.node] = Node::Split {
                feature: split.feature,
                threshold: self
                    .binned
                    .threshold(split.feature, split.bin, split.right_bin),
                left,
                right,
            };
            let depth = parent.depth + 1;
            open.push(self.open(left, left_rows, left_histogram, left_g, left_h, depth));
            open.push(self.open(right, right_rows, right_histogram, right_g, right_h, depth));
            leaves += 1;
        }
        // Leaf values, and each training row's value from its leaf.
        let mut value_of_row = vec![0.0; g.len()];
        for leaf in open {
            let value = self.leaf_value(leaf.sum_g, leaf.sum_h);
            nodes[leaf.node] = Node::Leaf { value };
            for r in leaf.rows {
                value_of_row[r as usize] = value;
            }
        }
        (Tree { nodes }, value_of_row)
    }

    fn leaf_value(&self, sum_g: f64, sum_h: f64) -> f64 {
        let denominator = sum_h + self.params.l2_regularization;
        if denominator <= 0.0 {
            return 0.0;
        }
        -self.params.learning_rate * sum_g / denominator
    }

    fn open(
        &self,
        node: usize,
        rows: Vec<u32>,
        histogram: Vec<Bin>,
        sum_g: f64,
        sum_h: f64,
        depth: u32,
    ) -> Open {
        let can_split = self.params.max_depth.is_none_or(|d| depth < d)
            && rows.len() >= 2 * self.params.min_samples_leaf as usize
            && sum_h >= MIN_HESSIAN_TO_SPLIT;
        let split = if can_split {
            self.best_split(&histogram, sum_g, sum_h, rows.len() as u32)
        } else {
            None
        };
        Open {
            node,
            rows,
            histogram,
            sum_g,
            sum_h,
            depth,
            split,
        }
    }

    /// Sums of gradients, hessians and rows per feature and bin over `rows`.
    #[inline(never)]
    fn histogram(&self, rows: &[u32], g: &[f64], h: &[f64]) -> Vec<Bin> {
        let mut histogram = vec![Bin::default(); self.binned.features * BINS];
        // The rows' gradients gathered once, in the rows' order, then read in sequence for
        // every feature (scikit-learn's "ordered gradients").
        let ordered: Vec<(f64, f64)> = rows
            .iter()
            .map(|&r| (g[r as usize], h[r as usize]))
            .collect();
        for (f, bins) in histogram.chunks_exact_mut(BINS).enumerate() {
            let column = self.binned.column(f);
            for (&r, &(g, h)) in rows.iter().zip(&ordered) {
                let bin = &mut bins[usize::from(column[r as usize])];
                bin.g += g;
                bin.h += h;
                bin.n += 1;
            }
        }
        histogram
    }

    /// The split of highest gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), if one gains anything
    /// and leaves both sides `min_samples_leaf` rows and enough hessian.
    #[inline(never)]
    fn best_split(&self, histogram: &[Bin], sum_g: f64, sum_h: f64, n: u32) -> Option<Split> {
        let lambda = self.params.l2_regularization;
        let min_leaf = self.params.min_samples_leaf;
        let score = |g: f64, h: f64| g * g / (h + lambda);
        let parent = score(sum_g, sum_h);
        let mut best: Option<Split> = None;
        for (feature, bins) in histogram.chunks_exact(BINS).enumerate() {
            let used = self.binned.bins_of(feature);
            let (mut g, mut h, mut count) = (0.0, 0.0, 0u32);
            let mut last_occupied: Option<usize> = None;
            for (b, bin) in bins[..used].iter().enumerate() {
                if bin.n == 0 {
                    continue;
                }
                // A split between the last occupied bin and this one.
                if let Some(left_bin) = last_occupied {
                    let (right_g, right_h) = (sum_g - g, sum_h - h);
                    if count >= min_leaf
                        && n - count >= min_leaf
                        && h >= MIN_HESSIAN_TO_SPLIT
                        && right_h >= MIN_HESSIAN_TO_SPLIT
                    {
                        // score(g, h) + score(right_g, right_h), with one division.
                        let (left_d, right_d) = (h + lambda, right_h + lambda);
                        let gain = (g * g * right_d + right_g * right_g * left_d)
                            / (left_d * right_d)
                            - parent;
                        if gain > 0.0 && best.is_none_or(|s| gain > s.gain) {
                            best = Some(Split {
                                gain,
                                feature,
                                bin: left_bin,
                                right_bin: b,
                            });
                        }
                    }
                }
                g += bin.g;
                h += bin.h;
                count += bin.n;
                last_occupied = Some(b);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SeededRng;

    /// Three classes in the plane, in three wedges, with a noise feature.
    fn wedges(n: usize) -> (Matrix, Vec<u32>) {
        let mut rng = SeededRng::new(9);
        let mut data = Vec::new();
        let mut y = Vec::new();
        for _ in 0..n {
            let (a, b, noise) = (
                rng.uniform() * 2.0 - 1.0,
                rng.uniform() * 2.0 - 1.0,
                rng.uniform(),
            );
            let class = if a > 0.0 && b > 0.0 {
                0
            } else if a <= 0.0 {
                1
            } else {
                2
            };
            data.extend([a, b, noise]);
            y.push(class);
        }
        (
            Matrix {
                rows: n,
                cols: 3,
                data,
            },
            y,
        )
    }

    fn accuracy(model: &GradientBoosting, x: &Matrix, y: &[u32]) -> f64 {
        crate::metrics::accuracy(y, &model.predict(x)).unwrap_or(0.0)
    }

    #[test]
    fn learns_wedges_the_loss_falls_and_the_noise_feature_matters_least() {
        let (x, y) = wedges(600);
        let model = GradientBoosting::fit(&Default::default(), &x, &y, 3).unwrap();
        assert!(accuracy(&model, &x, &y) > 0.97);
        let curve = model.loss_curve();
        assert_eq!(curve.len(), 100);
        assert!(curve.windows(2).all(|w| w[1] <= w[0] + 1e-12), "{curve:?}");
        let importances = model.feature_importances();
        assert!(importances[2] < importances[0] && importances[2] < importances[1]);
        for p in model.predict_proba(&x) {
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        assert!(model.mean_leaves() <= 31.0);
    }

    #[test]
    fn two_classes_use_one_score_and_limits_are_kept() {
        let (x, y) = wedges(400);
        let binary: Vec<u32> = y.iter().map(|&c| u32::from(c == 1)).collect();
        let params = GradientBoostingParams {
            max_depth: Some(1),
            max_iter: 20,
            ..Default::default()
        };
        let model = GradientBoosting::fit(&params, &x, &binary, 2).unwrap();
        assert!(model.rounds.iter().all(|trees| trees.len() == 1));
        assert!(model.rounds.iter().flatten().all(|t| t.leaves() <= 2));
        assert!(
            accuracy(&model, &x, &binary) > 0.97,
            "one cut on a separates class 1"
        );
        let few = GradientBoostingParams {
            min_samples_leaf: 1000,
            ..params
        };
        let stumps = GradientBoosting::fit(&few, &x, &binary, 2).unwrap();
        assert!(stumps.rounds.iter().flatten().all(|t| t.leaves() == 1));
    }

    #[test]
    fn early_stopping_stops_and_absurd_parameters_are_errors() {
        let (x, y) = wedges(600);
        let params = GradientBoostingParams {
            early_stopping: true,
            max_iter: 1000,
            learning_rate: 0.5,
            ..Default::default()
        };
        let model = GradientBoosting::fit(&params, &x, &y, 3).unwrap();
        assert!(model.stopped_early() && model.n_rounds() < 1000);
        assert_eq!(model.validation_loss().len(), model.n_rounds());
        for bad in [
            GradientBoostingParams {
                learning_rate: 0.0,
                ..Default::default()
            },
            GradientBoostingParams {
                max_leaf_nodes: 1,
                ..Default::default()
            },
            GradientBoostingParams {
                min_samples_leaf: 0,
                ..Default::default()
            },
            GradientBoostingParams {
                l2_regularization: f64::NAN,
                ..Default::default()
            },
            GradientBoostingParams {
                max_iter: 0,
                ..Default::default()
            },
        ] {
            assert!(
                matches!(
                    GradientBoosting::fit(&bad, &x, &y, 3),
                    Err(Error::InvalidParameter { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
