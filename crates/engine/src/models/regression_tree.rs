//! Trees that predict numbers: a CART regression tree (squared error, as scikit-learn's
//! `DecisionTreeRegressor`) and a forest of them (`RandomForestRegressor`). A leaf predicts the
//! mean target of its training rows; a split is the one that leaves the least squared error.
//!
//! They grow as the classification trees do (`decision_tree`, `random_forest`): on binned
//! features, trying features in column order (a forest: in a random order per node), each tree of
//! a forest drawing from its own stream of the seed, with the same parameters.

use super::binning::Binned;
use super::decision_tree::{DecisionTreeParams, Growth, MAX_DEPTH_LIMIT};
use super::declare::Hyperparameters;
use super::random_forest::{mean_importances, RandomForestParams};
use super::tree_growth::{self, Criterion};
use super::value_tree::{Node, Tree};
use crate::features::Matrix;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegressionTree {
    tree: Tree,
    depth: u32,
    /// Each feature's share of the total decrease in squared error.
    importances: Vec<f64>,
}

impl RegressionTree {
    pub fn fit(params: &DecisionTreeParams, x: &Matrix, y: &[f64]) -> Result<Self, Error> {
        params.validate()?;
        super::check_regression_data(x, y)?;
        let growth = Growth {
            max_depth: params.max_depth.unwrap_or(MAX_DEPTH_LIMIT),
            min_samples_split: params.min_samples_split as usize,
            max_features: None,
            rng: None,
        };
        Ok(Self::grow(
            &Binned::new(x),
            y,
            (0..x.rows).collect(),
            growth,
        ))
    }

    /// Grows a tree on `rows` of the binned training data (a row may repeat: a bootstrap sample).
    fn grow(binned: &Binned, y: &[f64], rows: Vec<usize>, growth: Growth) -> Self {
        let criterion = SquaredError {
            y,
            histogram: Vec::new(),
        };
        let grown = tree_growth::grow(criterion, binned, rows, growth);
        Self {
            tree: Tree { nodes: grown.nodes },
            depth: grown.depth,
            importances: grown.importances,
        }
    }

    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        (0..x.rows).map(|r| self.tree.value(x.row(r))).collect()
    }

    /// The nodes, the root first; a split's children come after it.
    pub(crate) fn nodes(&self) -> &[Node] {
        &self.tree.nodes
    }

    pub fn depth(&self) -> u32 {
        self.depth
    }

    pub fn n_leaves(&self) -> usize {
        self.tree.leaves()
    }

    /// scikit-learn's `feature_importances_`: each feature's share of the squared-error decrease.
    pub fn feature_importances(&self) -> &[f64] {
        &self.importances
    }
}

/// A node's rows in three sums: how many, their targets' sum and sum of squares.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    n: f64,
    sum: f64,
    squares: f64,
}

impl Sums {
    fn add(&mut self, y: f64) {
        self.n += 1.0;
        self.sum += y;
        self.squares += y * y;
    }

    fn minus(self, other: Sums) -> Sums {
        Sums {
            n: self.n - other.n,
            sum: self.sum - other.sum,
            squares: self.squares - other.squares,
        }
    }

    /// The squared error around the mean (n · variance), never below 0 for rounding.
    fn squared_error(self) -> f64 {
        if self.n == 0.0 {
            0.0
        } else {
            (self.squares - self.sum * self.sum / self.n).max(0.0)
        }
    }
}

/// The squared error around each child's mean, summed.
struct SquaredError<'a> {
    y: &'a [f64],
    /// Sums per bin of the feature being tried (kept to reuse its memory).
    histogram: Vec<Sums>,
}

impl Criterion for SquaredError<'_> {
    type Stats = Sums;
    type Node = Node;

    fn stats(&self, rows: &[usize]) -> Sums {
        let mut sums = Sums::default();
        rows.iter().for_each(|&r| sums.add(self.y[r]));
        sums
    }

    /// All targets equal (scikit-learn: impurity at most machine epsilon).
    fn settled(&self, sums: &Sums) -> bool {
        sums.squared_error() / sums.n.max(1.0) <= f64::EPSILON
    }

    fn leaf(&self, sums: &Sums) -> Node {
        Node::Leaf {
            value: sums.sum / sums.n.max(1.0),
        }
    }

    fn split(feature: usize, threshold: f64, left: usize, right: usize) -> Node {
        Node::Split {
            feature,
            threshold,
            left,
            right,
        }
    }

    fn best_in_feature(
        &mut self,
        binned: &Binned,
        rows: &[usize],
        feature: usize,
        total: &Sums,
    ) -> Option<(usize, usize, f64)> {
        let histogram = &mut self.histogram;
        histogram.clear();
        histogram.resize(binned.bins_of(feature), Sums::default());
        for &r in rows {
            histogram[binned.bin(r, feature)].add(self.y[r]);
        }
        let occupied: Vec<usize> = (0..histogram.len())
            .filter(|&b| histogram[b].n > 0.0)
            .collect();
        if occupied.len() < 2 {
            return None;
        }
        let mut best: Option<(usize, usize, f64)> = None;
        let mut left = Sums::default();
        for pair in occupied.windows(2) {
            let bin = histogram[pair[0]];
            left = Sums {
                n: left.n + bin.n,
                sum: left.sum + bin.sum,
                squares: left.squares + bin.squares,
            };
            let error = left.squared_error() + total.minus(left).squared_error();
            if best.is_none_or(|(_, _, b)| error < b) {
                best = Some((pair[0], pair[1], error));
            }
        }
        best
    }

    fn decrease(&self, sums: &Sums, _rows: usize, error: f64) -> f64 {
        sums.squared_error() - error
    }
}

/// Regression trees on bootstrap samples, their predictions averaged (scikit-learn's
/// `RandomForestRegressor`, with the forest's parameters as the classifier has them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestRegressor {
    trees: Vec<RegressionTree>,
}

impl ForestRegressor {
    /// The fitted trees, for an export.
    pub(crate) fn grown(&self) -> &[RegressionTree] {
        &self.trees
    }

    pub fn fit_with_progress(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        Self::fit_trees(params, x, y, 0..params.trees(), progress)
    }

    /// Grows only the trees numbered `trees`, as the classifier's forest does
    /// ([`RandomForest::fit_trees`](super::RandomForest::fit_trees)): parts that
    /// [`merge`](Self::merge) joins into the forest one worker grows.
    pub fn fit_trees(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[f64],
        trees: Range<u32>,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        params.validate()?;
        super::check_regression_data(x, y)?;
        let binned = Binned::new(x);
        let max_features = params.max_features.count(x.cols);
        let trees = trees.start.min(params.trees())..trees.end.min(params.trees());
        let count = trees.len().max(1) as f64;
        let trees = trees
            .enumerate()
            .map(|(grown, t)| {
                let (mut rng, rows) = params.tree_sample(t, x.rows);
                let growth = params.growth(max_features, &mut rng);
                let tree = RegressionTree::grow(&binned, y, rows, growth);
                progress((grown + 1) as f64 / count);
                tree
            })
            .collect();
        Ok(Self { trees })
    }

    /// Joins parts grown by [`fit_trees`](Self::fit_trees), given in the order of their trees;
    /// `None` when there is nothing to join.
    pub fn merge(parts: impl IntoIterator<Item = ForestRegressor>) -> Option<Self> {
        let trees: Vec<RegressionTree> = parts.into_iter().flat_map(|p| p.trees).collect();
        (!trees.is_empty()).then_some(Self { trees })
    }

    /// Whether a forest read back from bytes can be used on `features` columns without risk.
    pub(crate) fn is_well_formed(&self, features: usize) -> bool {
        !self.trees.is_empty()
            && self
                .trees
                .iter()
                .all(|t| t.importances.len() == features && t.tree.is_well_formed(features))
    }

    /// The mean of the trees' predictions.
    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        let mut sum = vec![0.0; x.rows];
        for tree in &self.trees {
            sum.iter_mut()
                .zip(tree.predict(x))
                .for_each(|(s, p)| *s += p);
        }
        let n = self.trees.len().max(1) as f64;
        sum.iter().map(|s| s / n).collect()
    }

    pub fn n_trees(&self) -> usize {
        self.trees.len()
    }

    pub fn mean_depth(&self) -> f64 {
        let total: u32 = self.trees.iter().map(RegressionTree::depth).sum();
        f64::from(total) / self.trees.len().max(1) as f64
    }

    /// The mean of the trees' importances, as scikit-learn averages them: over the trees that
    /// split at all, made to sum to 1.
    pub fn feature_importances(&self) -> Vec<f64> {
        let features = self.trees.first().map_or(0, |t| t.importances.len());
        mean_importances(
            features,
            self.trees
                .iter()
                .filter(|t| t.tree.nodes.len() > 1)
                .map(|t| t.importances.as_slice()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_learned_exactly_and_leaves_predict_their_mean() {
        let x = Matrix::from_rows(&[&[1.0], &[2.0], &[3.0], &[10.0], &[11.0], &[12.0]]);
        let y = [1.0, 1.0, 1.0, 5.0, 6.0, 7.0];
        let stump = DecisionTreeParams {
            max_depth: Some(1),
            ..Default::default()
        };
        let tree = RegressionTree::fit(&stump, &x, &y).unwrap();
        assert_eq!(tree.predict(&x), [1.0, 1.0, 1.0, 6.0, 6.0, 6.0]);
        assert_eq!(
            tree.predict(&Matrix::from_rows(&[&[6.4], &[6.6]])),
            [1.0, 6.0]
        );
        let full = RegressionTree::fit(&DecisionTreeParams::default(), &x, &y).unwrap();
        assert_eq!(full.predict(&x), y);
        // The constant left side is not split again.
        assert_eq!(full.n_leaves(), 4);
    }

    #[test]
    fn the_feature_that_explains_the_target_gets_the_importance() {
        let x = Matrix::from_rows(&[&[0.0, 5.0], &[1.0, 5.0], &[0.0, 6.0], &[1.0, 6.0]]);
        let y = [0.0, 10.0, 0.0, 10.0];
        let tree = RegressionTree::fit(&DecisionTreeParams::default(), &x, &y).unwrap();
        assert_eq!(tree.feature_importances(), [1.0, 0.0]);
        let params = RandomForestParams {
            max_features: super::super::MaxFeatures::All,
            ..Default::default()
        };
        let forest = ForestRegressor::fit_with_progress(&params, &x, &y, &mut |_| {}).unwrap();
        assert_eq!(forest.n_trees(), params.trees() as usize);
        assert!(forest.feature_importances()[0] > 0.9);
    }

    #[test]
    fn bad_targets_and_parameters_are_errors() {
        let x = Matrix::from_rows(&[&[1.0], &[2.0]]);
        assert_eq!(
            RegressionTree::fit(&DecisionTreeParams::default(), &x, &[1.0, f64::NAN]),
            Err(Error::NonFiniteFeatures)
        );
        let shallow = DecisionTreeParams {
            max_depth: Some(0),
            ..Default::default()
        };
        assert!(RegressionTree::fit(&shallow, &x, &[1.0, 2.0]).is_err());
    }
}
