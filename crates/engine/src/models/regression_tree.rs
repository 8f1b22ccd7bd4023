//! Trees that predict numbers: a CART regression tree (squared error, as scikit-learn's
//! `DecisionTreeRegressor`) and a forest of them (`RandomForestRegressor`). A leaf predicts the
//! mean target of its training rows; a split is the one that leaves the least squared error.
//!
//! They grow as the classification trees do (`decision_tree`, `random_forest`): on binned
//! features, trying features in column order (a forest: in a random order per node), each tree of
//! a forest drawing from its own stream of the seed, with the same parameters.

use super::binning::Binned;
use super::decision_tree::{partition, DecisionTreeParams, Growth, MAX_DEPTH_LIMIT};
use super::random_forest::{mean_importances, RandomForestParams};
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
    fn grow(binned: &Binned, y: &[f64], mut rows: Vec<usize>, growth: Growth) -> Self {
        let mut builder = Builder {
            binned,
            y,
            growth,
            nodes: Vec::new(),
            depth: 0,
            importances: vec![0.0; binned.features],
        };
        builder.grow(&mut rows, 0);
        super::as_shares(&mut builder.importances);
        Self {
            tree: Tree {
                nodes: builder.nodes,
            },
            depth: builder.depth,
            importances: builder.importances,
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

struct BestSplit {
    feature: usize,
    left_bin: usize,
    right_bin: usize,
    /// The children's squared error; lower is better.
    error: f64,
}

struct Builder<'a> {
    binned: &'a Binned,
    y: &'a [f64],
    growth: Growth<'a>,
    nodes: Vec<Node>,
    depth: u32,
    importances: Vec<f64>,
}

impl Builder<'_> {
    /// Grows the subtree for `rows` and returns its node index.
    fn grow(&mut self, rows: &mut [usize], depth: u32) -> usize {
        self.depth = self.depth.max(depth);
        let mut sums = Sums::default();
        rows.iter().for_each(|&r| sums.add(self.y[r]));
        let index = self.nodes.len();
        self.nodes.push(Node::Leaf {
            value: sums.sum / sums.n.max(1.0),
        });
        // A node whose targets are all equal is a leaf (scikit-learn: impurity ≤ machine epsilon).
        let constant = sums.squared_error() / sums.n.max(1.0) <= f64::EPSILON;
        if constant || depth >= self.growth.max_depth || rows.len() < self.growth.min_samples_split
        {
            return index;
        }
        let Some(split) = self.best_split(rows, sums) else {
            return index;
        };
        self.importances[split.feature] += sums.squared_error() - split.error;
        let (binned, feature) = (self.binned, split.feature);
        let boundary = partition(binned, rows, feature, split.left_bin);
        let threshold = binned.threshold(feature, split.left_bin, split.right_bin);
        let (left_rows, right_rows) = rows.split_at_mut(boundary);
        let left = self.grow(left_rows, depth + 1);
        let right = self.grow(right_rows, depth + 1);
        self.nodes[index] = Node::Split {
            feature,
            threshold,
            left,
            right,
        };
        index
    }

    /// The features to try at a node: all in column order, or (for a forest) a fresh random
    /// order of which the first `max_features` that vary are used.
    fn candidate_order(&mut self) -> Vec<usize> {
        self.growth.candidate_order(self.binned.features)
    }

    /// The split that leaves the least squared error, if any feature varies in the node.
    fn best_split(&mut self, rows: &[usize], total: Sums) -> Option<BestSplit> {
        let limit = self.growth.max_features.unwrap_or(usize::MAX);
        let mut best: Option<BestSplit> = None;
        let mut tried = 0;
        let mut histogram: Vec<Sums> = Vec::new();
        for feature in self.candidate_order() {
            if tried == limit {
                break;
            }
            histogram.clear();
            histogram.resize(self.binned.bins_of(feature), Sums::default());
            for &r in rows {
                histogram[self.binned.bin(r, feature)].add(self.y[r]);
            }
            let occupied: Vec<usize> = (0..histogram.len())
                .filter(|&b| histogram[b].n > 0.0)
                .collect();
            if occupied.len() < 2 {
                continue; // constant in this node: does not count towards max_features
            }
            tried += 1;
            let mut left = Sums::default();
            for pair in occupied.windows(2) {
                let bin = histogram[pair[0]];
                left = Sums {
                    n: left.n + bin.n,
                    sum: left.sum + bin.sum,
                    squares: left.squares + bin.squares,
                };
                let error = left.squared_error() + total.minus(left).squared_error();
                if best.as_ref().is_none_or(|b| error < b.error) {
                    best = Some(BestSplit {
                        feature,
                        left_bin: pair[0],
                        right_bin: pair[1],
                        error,
                    });
                }
            }
        }
        best
    }
}

/// Regression trees on bootstrap samples, their predictions averaged (scikit-learn's
/// `RandomForestRegressor`, with the forest's parameters as the classifier has them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestRegressor {
    trees: Vec<RegressionTree>,
}

impl ForestRegressor {
    pub fn fit_with_progress(
        params: &RandomForestParams,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Self, Error> {
        Self::fit_trees(params, x, y, 0..params.n_estimators, progress)
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
        let trees = trees.start.min(params.n_estimators)..trees.end.min(params.n_estimators);
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
        let forest = ForestRegressor::fit_with_progress(
            &RandomForestParams {
                n_estimators: 10,
                max_features: super::super::MaxFeatures::All,
                ..Default::default()
            },
            &x,
            &y,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(forest.n_trees(), 10);
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
