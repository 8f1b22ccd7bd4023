//! A random forest classifier, as scikit-learn's `RandomForestClassifier`: trees grown on
//! bootstrap samples, each node choosing among a random subset of features, probabilities
//! averaged over the trees.
//!
//! Every tree draws from its own stream of the forest's seed (`SeededRng::for_stream`), so the
//! forest is the same whether its trees are grown one after another or by several workers.

use super::binning::Binned;
use super::decision_tree::{DecisionTree, Growth, MAX_DEPTH, MAX_DEPTH_LIMIT, MIN_SAMPLES_SPLIT};
use super::declare::Hyperparameters;
use super::declare::{choice, choices, flag, hyperparameters, seed, whole};
use crate::features::Matrix;
use crate::rng::SeededRng;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::ops::Range;

choices! {
    /// How many features each node may choose from (scikit-learn's `max_features`).
    pub enum MaxFeatures {
        /// √(features), scikit-learn's default for classifiers.
        Sqrt = "sqrt", "max-features-sqrt", "\"sqrt\"";
        Log2 = "log2", "max-features-log2", "\"log2\"";
        /// Every feature: bagged trees without feature sampling.
        All = "all", "max-features-all", "None";
    }
}

impl MaxFeatures {
    pub(crate) fn count(self, features: usize) -> usize {
        let n = features as f64;
        let count = match self {
            MaxFeatures::Sqrt => n.sqrt() as usize,
            MaxFeatures::Log2 => n.log2() as usize,
            MaxFeatures::All => features,
        };
        count.clamp(1, features.max(1))
    }
}

/// More trees than this add time and nothing a learner can see.
pub const MAX_ESTIMATORS: u32 = 1000;

hyperparameters! {
    pub struct RandomForestParams {
        n_estimators: u32 = 100
            => whole("field-n-estimators", 1, MAX_ESTIMATORS).search("20, 50, 100"),
        max_depth: Option<u32> = None => MAX_DEPTH,
        min_samples_split: u32 = 2 => MIN_SAMPLES_SPLIT,
        max_features: MaxFeatures = MaxFeatures::Sqrt
            => choice("field-max-features", MaxFeatures::CHOICES),
        /// Each tree grows on a bootstrap sample of the rows (scikit-learn's default).
        bootstrap: bool = true => flag("field-bootstrap").unshown(),
        seed: u64 = 42 => seed("field-model-seed"),
    }
}

impl RandomForestParams {
    /// Tree `t`'s own random stream, and the rows it grows on: a bootstrap sample of `rows`,
    /// or every row.
    pub(crate) fn tree_sample(&self, t: u32, rows: usize) -> (SeededRng, Vec<usize>) {
        let mut rng = SeededRng::for_stream(self.seed, u64::from(t));
        let sample = if self.bootstrap {
            (0..rows).map(|_| rng.index(rows)).collect()
        } else {
            (0..rows).collect()
        };
        (rng, sample)
    }

    /// How many trees the forest grows.
    pub fn trees(&self) -> u32 {
        self.n_estimators
    }

    /// How each tree of the forest grows, choosing among `max_features` features at a node.
    pub(crate) fn growth<'a>(&self, max_features: usize, rng: &'a mut SeededRng) -> Growth<'a> {
        Growth {
            max_depth: self.max_depth.unwrap_or(MAX_DEPTH_LIMIT),
            min_samples_split: self.min_samples_split as usize,
            max_features: Some(max_features),
            rng: Some(rng),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RandomForest {
    trees: Vec<DecisionTree>,
    n_classes: usize,
}

impl RandomForest {
    pub fn fit(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        Self::fit_with_progress(params, x, y, n_classes, &mut |_| {})
    }

    /// [`fit`](Self::fit), calling `progress` with the fraction of trees grown after each tree.
    pub fn fit_with_progress(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        Self::fit_trees(params, x, y, n_classes, 0..params.n_estimators, progress)
    }

    /// Grows only the trees numbered `trees` of the forest `params` describes: a part that
    /// [`merge`](Self::merge) joins with the other parts into the very forest [`fit`](Self::fit)
    /// grows, which lets several workers grow one forest.
    pub fn fit_trees(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
        trees: Range<u32>,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        params.validate()?;
        super::check_training_data(x, y)?;
        let binned = Binned::new(x);
        let max_features = params.max_features.count(x.cols);
        let trees = trees.start.min(params.n_estimators)..trees.end.min(params.n_estimators);
        let count = trees.len().max(1) as f64;
        let trees = trees
            .enumerate()
            .map(|(grown, t)| {
                let (mut rng, rows) = params.tree_sample(t, x.rows);
                let growth = params.growth(max_features, &mut rng);
                let tree = DecisionTree::grow(&binned, y, n_classes, rows, growth);
                progress((grown + 1) as f64 / count);
                tree
            })
            .collect();
        Ok(Self { trees, n_classes })
    }

    /// Joins parts grown by [`fit_trees`](Self::fit_trees), given in the order of their trees.
    /// `None` when there is nothing to join or the parts disagree on the classes.
    pub fn merge(parts: impl IntoIterator<Item = RandomForest>) -> Option<Self> {
        let mut parts = parts.into_iter();
        let mut forest = parts.next()?;
        for part in parts {
            if part.n_classes != forest.n_classes {
                return None;
            }
            forest.trees.extend(part.trees);
        }
        (!forest.trees.is_empty()).then_some(forest)
    }

    /// Whether a forest read back from bytes can be used on `features` columns without risk.
    pub(crate) fn is_well_formed(&self, features: usize) -> bool {
        !self.trees.is_empty()
            && self
                .trees
                .iter()
                .all(|t| t.n_classes() == self.n_classes && t.is_well_formed(features))
    }

    /// The mean of the trees' class probabilities.
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        let mut sum = vec![vec![0.0; self.n_classes]; x.rows];
        for tree in &self.trees {
            for (acc, p) in sum.iter_mut().zip(tree.predict_proba(x)) {
                acc.iter_mut().zip(p).for_each(|(a, v)| *a += v);
            }
        }
        let n = self.trees.len() as f64;
        sum.iter_mut()
            .for_each(|row| row.iter_mut().for_each(|v| *v /= n));
        sum
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// The fitted trees, for an export.
    pub(crate) fn grown(&self) -> &[DecisionTree] {
        &self.trees
    }

    pub fn n_trees(&self) -> usize {
        self.trees.len()
    }

    pub fn mean_depth(&self) -> f64 {
        self.trees.iter().map(|t| f64::from(t.depth())).sum::<f64>() / self.trees.len() as f64
    }

    /// The trees' importances averaged (single-leaf trees left out) and normalised, as
    /// scikit-learn's `feature_importances_`.
    pub fn feature_importances(&self) -> Vec<f64> {
        let features = self
            .trees
            .first()
            .map_or(0, |t| t.feature_importances().len());
        mean_importances(
            features,
            self.trees
                .iter()
                .filter(|t| t.n_leaves() > 1)
                .map(|t| t.feature_importances()),
        )
    }
}

/// The mean of the importances of the trees that split at all, made to sum to 1: how
/// scikit-learn's forests average them.
pub(crate) fn mean_importances<'a>(
    features: usize,
    grown: impl Iterator<Item = &'a [f64]>,
) -> Vec<f64> {
    let mut mean = vec![0.0; features];
    for importances in grown {
        mean.iter_mut().zip(importances).for_each(|(m, v)| *m += v);
    }
    super::as_shares(&mut mean);
    mean
}

#[cfg(test)]
mod tests {
    use super::super::decision_tree::argmax;
    use super::*;

    fn two_moons_ish(n: usize) -> (Matrix, Vec<u32>) {
        let mut rng = SeededRng::new(3);
        let mut data = Vec::new();
        let mut y = Vec::new();
        for i in 0..n {
            let class = (i % 2) as u32;
            let a = rng.index(1000) as f64 / 1000.0;
            let b = rng.index(1000) as f64 / 1000.0;
            let noise = rng.index(1000) as f64 / 1000.0;
            data.extend([a + f64::from(class) * 0.6, b, noise]);
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

    #[test]
    fn same_seed_same_forest_other_seed_other_forest() {
        let (x, y) = two_moons_ish(200);
        let params = RandomForestParams {
            n_estimators: 20,
            ..Default::default()
        };
        let a = RandomForest::fit(&params, &x, &y, 2).unwrap();
        assert_eq!(a, RandomForest::fit(&params, &x, &y, 2).unwrap());
        let other = RandomForestParams { seed: 7, ..params };
        assert_ne!(a, RandomForest::fit(&other, &x, &y, 2).unwrap());
    }

    #[test]
    fn a_forest_grown_in_parts_is_the_forest_grown_at_once() {
        let (x, y) = two_moons_ish(150);
        let params = RandomForestParams {
            n_estimators: 10,
            ..Default::default()
        };
        let whole = RandomForest::fit(&params, &x, &y, 2).unwrap();
        let part = |trees| RandomForest::fit_trees(&params, &x, &y, 2, trees, &mut |_| {});
        let parts = [
            part(0..3).unwrap(),
            part(3..4).unwrap(),
            part(4..10).unwrap(),
        ];
        assert_eq!(parts[0].n_trees(), 3);
        assert_eq!(RandomForest::merge(parts.clone()), Some(whole.clone()));
        // Out of order, the trees differ (in order), so the parts must come in order.
        let [a, b, c] = parts;
        assert_ne!(RandomForest::merge([c, a, b]), Some(whole));
        assert_eq!(RandomForest::merge([]), None);
    }

    #[test]
    fn probabilities_average_the_trees_and_the_informative_feature_matters_most() {
        let (x, y) = two_moons_ish(300);
        let forest = RandomForest::fit(&RandomForestParams::default(), &x, &y, 2).unwrap();
        for p in forest.predict_proba(&x) {
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        }
        let importances = forest.feature_importances();
        assert!((importances.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(argmax(&importances), 0, "{importances:?}");
        let hits = forest
            .predict(&x)
            .iter()
            .zip(&y)
            .filter(|(p, t)| p == t)
            .count();
        assert!(hits as f64 / 300.0 > 0.9);
    }

    #[test]
    fn absurd_parameters_and_non_finite_features_are_errors() {
        let (x, y) = two_moons_ish(10);
        for n_estimators in [0, MAX_ESTIMATORS + 1] {
            let params = RandomForestParams {
                n_estimators,
                ..Default::default()
            };
            assert!(matches!(
                RandomForest::fit(&params, &x, &y, 2),
                Err(Error::InvalidParameter { .. })
            ));
        }
        let mut bad = x.clone();
        bad.data[4] = f64::NAN;
        assert_eq!(
            RandomForest::fit(&RandomForestParams::default(), &bad, &y, 2),
            Err(Error::NonFiniteFeatures)
        );
    }
}
