//! A CART decision tree classifier (Gini impurity, binary splits on thresholds), the algorithm of
//! scikit-learn's `DecisionTreeClassifier`.
//!
//! Written here rather than taken from smartcore: smartcore's tree gives one-hot probabilities,
//! and the ROC curves to come need the leaf class frequencies that scikit-learn reports.
//! One difference from scikit-learn: it tries features in a random order and keeps the first of
//! equally good splits; this tree tries them in column order, so it needs no randomness at all.
//! Splits are found on binned features (see `binning`): exact CART wherever a feature has at
//! most 256 distinct values.

use super::binning::Binned;
use super::declare::{hyperparameters, optional_whole, whole, Hyperparameters, Param};
use super::tree_growth::{self, Criterion};
use crate::features::Matrix;
use crate::rng::SeededRng;
use crate::Error;
use serde::{Deserialize, Serialize};

/// The deepest tree anyone needs here; also keeps recursion bounded on any input.
pub const MAX_DEPTH_LIMIT: u32 = 64;

/// How deep a tree grows, as the decision tree and the forest declare it.
pub(crate) const MAX_DEPTH: Param = optional_whole("field-max-depth", 1, MAX_DEPTH_LIMIT, "None")
    .hint("field-max-depth-hint")
    .search("2, 4, 6, 8");
/// The rows a node needs to split, as the decision tree and the forest declare it.
pub(crate) const MIN_SAMPLES_SPLIT: Param =
    whole("field-min-samples-split", 2, u32::MAX).search("2, 10, 30");

hyperparameters! {
    pub struct DecisionTreeParams {
        /// `None` grows until leaves are pure or too small to split, as scikit-learn's default.
        max_depth: Option<u32> = None => MAX_DEPTH,
        min_samples_split: u32 = 2 => MIN_SAMPLES_SPLIT,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Node {
    Leaf {
        /// Training rows of each class that reached this leaf.
        counts: Vec<u32>,
    },
    Split {
        feature: usize,
        /// Rows with `x[feature] <= threshold` go left.
        threshold: f64,
        left: usize,
        right: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionTree {
    nodes: Vec<Node>,
    n_classes: usize,
    depth: u32,
    /// Total weighted Gini decrease per feature, normalised to sum to 1 (0s for a single leaf).
    importances: Vec<f64>,
}

/// How a tree grows; the forest sets `max_features` and gives each tree its own random stream.
pub(crate) struct Growth<'a> {
    pub max_depth: u32,
    pub min_samples_split: usize,
    /// Features tried at each node (`None`: all, in column order).
    pub max_features: Option<usize>,
    pub rng: Option<&'a mut SeededRng>,
}

impl DecisionTree {
    pub fn fit(
        params: &DecisionTreeParams,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
    ) -> Result<Self, Error> {
        params.validate()?;
        super::check_training_data(x, y)?;
        let binned = Binned::new(x);
        let growth = Growth {
            max_depth: params.max_depth.unwrap_or(MAX_DEPTH_LIMIT),
            min_samples_split: params.min_samples_split as usize,
            max_features: None,
            rng: None,
        };
        Ok(Self::grow(
            &binned,
            y,
            n_classes,
            (0..x.rows).collect(),
            growth,
        ))
    }

    /// Grows a tree on `rows` of the binned training data (a row may repeat: a bootstrap sample).
    pub(crate) fn grow(
        binned: &Binned,
        y: &[u32],
        n_classes: usize,
        rows: Vec<usize>,
        growth: Growth,
    ) -> Self {
        let gini = Gini {
            y,
            n_classes,
            histogram: Vec::new(),
        };
        let grown = tree_growth::grow(gini, binned, rows, growth);
        Self {
            nodes: grown.nodes,
            n_classes,
            depth: grown.depth,
            importances: grown.importances,
        }
    }

    /// Class frequencies of the leaf each row falls in (scikit-learn's `predict_proba`).
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        (0..x.rows)
            .map(|r| {
                let counts = self.leaf_counts(x.row(r));
                let total: u32 = counts.iter().sum();
                counts
                    .iter()
                    .map(|&c| f64::from(c) / f64::from(total.max(1)))
                    .collect()
            })
            .collect()
    }

    /// The most frequent class of each row's leaf; ties go to the lower class, as `argmax` does.
    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        super::most_probable(&self.predict_proba(x))
    }

    pub fn depth(&self) -> u32 {
        self.depth
    }

    pub fn n_leaves(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| matches!(n, Node::Leaf { .. }))
            .count()
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// The nodes, the root first; a split's children come after it.
    pub(crate) fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// scikit-learn's `feature_importances_`: each feature's share of the total Gini decrease.
    pub fn feature_importances(&self) -> &[f64] {
        &self.importances
    }

    /// Whether a tree read back from bytes can be walked safely: every split points to later
    /// nodes (so no walk loops), features exist, and every leaf counts every class.
    pub(crate) fn is_well_formed(&self, features: usize) -> bool {
        !self.nodes.is_empty()
            && self.importances.len() == features
            && self.nodes.iter().enumerate().all(|(at, node)| match node {
                Node::Leaf { counts } => counts.len() == self.n_classes,
                Node::Split {
                    feature,
                    left,
                    right,
                    ..
                } => {
                    *feature < features
                        && (at + 1..self.nodes.len()).contains(left)
                        && (at + 1..self.nodes.len()).contains(right)
                }
            })
    }

    fn leaf_counts(&self, row: &[f64]) -> &[u32] {
        let mut at = 0;
        loop {
            match &self.nodes[at] {
                Node::Leaf { counts } => return counts,
                Node::Split {
                    feature,
                    threshold,
                    left,
                    right,
                } => {
                    at = if row[*feature] <= *threshold {
                        *left
                    } else {
                        *right
                    }
                }
            }
        }
    }
}

impl Growth<'_> {
    /// The features to try at a node, in the order to try them: all in column order, or (for a
    /// forest) a fresh random order.
    pub(crate) fn candidate_order(&mut self, features: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..features).collect();
        if let Some(rng) = self.rng.as_deref_mut() {
            rng.shuffle(&mut order);
        }
        order
    }
}

/// The index of the largest value; ties go to the first, as `argmax` does.
pub(crate) fn argmax<T: PartialOrd + Copy>(values: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

fn gini(counts: &[u32], total: u32) -> f64 {
    if total == 0 {
        return 0.0;
    }
    let t = f64::from(total);
    1.0 - counts
        .iter()
        .map(|&c| (f64::from(c) / t).powi(2))
        .sum::<f64>()
}

/// Gini impurity of the classes, weighted by the children's rows.
struct Gini<'a> {
    y: &'a [u32],
    n_classes: usize,
    /// Class counts per bin of the feature being tried (kept to reuse its memory).
    histogram: Vec<u32>,
}

impl Criterion for Gini<'_> {
    type Stats = Vec<u32>;
    type Node = Node;

    fn stats(&self, rows: &[usize]) -> Vec<u32> {
        let mut counts = vec![0u32; self.n_classes];
        for &r in rows {
            counts[self.y[r] as usize] += 1;
        }
        counts
    }

    fn settled(&self, counts: &Vec<u32>) -> bool {
        counts.iter().filter(|&&c| c > 0).count() <= 1
    }

    fn leaf(&self, counts: &Vec<u32>) -> Node {
        Node::Leaf {
            counts: counts.clone(),
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
        counts: &Vec<u32>,
    ) -> Option<(usize, usize, f64)> {
        let n = rows.len() as u32;
        let k = self.n_classes;
        let bins = binned.bins_of(feature);
        let histogram = &mut self.histogram;
        histogram.clear();
        histogram.resize(bins * k, 0);
        for &r in rows {
            histogram[binned.bin(r, feature) * k + self.y[r] as usize] += 1;
        }
        let occupied: Vec<usize> = (0..bins)
            .filter(|&b| histogram[b * k..(b + 1) * k].iter().any(|&c| c > 0))
            .collect();
        if occupied.len() < 2 {
            return None;
        }
        let mut best: Option<(usize, usize, f64)> = None;
        let mut left = vec![0u32; k];
        for pair in occupied.windows(2) {
            let (left_bin, right_bin) = (pair[0], pair[1]);
            for (l, h) in left
                .iter_mut()
                .zip(&histogram[left_bin * k..(left_bin + 1) * k])
            {
                *l += h;
            }
            let n_left: u32 = left.iter().sum();
            let right: Vec<u32> = counts.iter().zip(&left).map(|(c, l)| c - l).collect();
            let impurity = (f64::from(n_left) * gini(&left, n_left)
                + f64::from(n - n_left) * gini(&right, n - n_left))
                / f64::from(n);
            if best.is_none_or(|(_, _, b)| impurity < b) {
                best = Some((left_bin, right_bin, impurity));
            }
        }
        best
    }

    fn decrease(&self, counts: &Vec<u32>, rows: usize, impurity: f64) -> f64 {
        rows as f64 * (gini(counts, rows as u32) - impurity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_and_predicts_both_sides() {
        let x = Matrix::from_rows(&[&[1.0], &[2.0], &[3.0], &[10.0], &[11.0], &[12.0]]);
        let y = [0, 0, 0, 1, 1, 1];
        let tree = DecisionTree::fit(&DecisionTreeParams::default(), &x, &y, 2).unwrap();
        assert_eq!(tree.predict(&x), y);
        assert_eq!(tree.depth(), 1);
        assert_eq!(tree.predict(&Matrix::from_rows(&[&[6.4], &[6.6]])), [0, 1]);
    }

    #[test]
    fn xor_needs_depth_two() {
        let x = Matrix::from_rows(&[&[0.0, 0.0], &[0.0, 1.0], &[1.0, 0.0], &[1.0, 1.0]]);
        let y = [0, 1, 1, 0];
        let stump = DecisionTreeParams {
            max_depth: Some(1),
            ..Default::default()
        };
        let tree = DecisionTree::fit(&stump, &x, &y, 2).unwrap();
        assert_eq!(tree.n_leaves(), 2);
        let correct = tree
            .predict(&x)
            .iter()
            .zip(&y)
            .filter(|(p, t)| p == t)
            .count();
        assert_eq!(correct, 2);
        let full = DecisionTree::fit(&DecisionTreeParams::default(), &x, &y, 2).unwrap();
        assert_eq!(full.predict(&x), y);
        assert_eq!(full.depth(), 2);
    }

    #[test]
    fn probabilities_are_leaf_class_frequencies() {
        let x = Matrix::from_rows(&[&[1.0], &[1.0], &[1.0], &[5.0]]);
        let y = [0, 0, 1, 1];
        let params = DecisionTreeParams {
            max_depth: Some(1),
            ..Default::default()
        };
        let tree = DecisionTree::fit(&params, &x, &y, 2).unwrap();
        let p = tree.predict_proba(&Matrix::from_rows(&[&[1.0], &[5.0]]));
        assert!((p[0][0] - 2.0 / 3.0).abs() < 1e-12 && (p[0][1] - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(p[1], [0.0, 1.0]);
    }

    #[test]
    fn min_samples_split_stops_growth() {
        let x = Matrix::from_rows(&[&[1.0], &[2.0], &[3.0], &[4.0]]);
        let y = [0, 1, 0, 1];
        let params = DecisionTreeParams {
            max_depth: None,
            min_samples_split: 5,
        };
        let tree = DecisionTree::fit(&params, &x, &y, 2).unwrap();
        assert_eq!(tree.n_leaves(), 1);
    }

    #[test]
    fn absurd_parameters_are_errors_not_panics() {
        let x = Matrix::from_rows(&[&[1.0], &[2.0]]);
        for params in [
            DecisionTreeParams {
                max_depth: Some(0),
                min_samples_split: 2,
            },
            DecisionTreeParams {
                max_depth: Some(1000),
                min_samples_split: 2,
            },
            DecisionTreeParams {
                max_depth: None,
                min_samples_split: 1,
            },
        ] {
            assert!(matches!(
                DecisionTree::fit(&params, &x, &[0, 1], 2),
                Err(Error::InvalidParameter { .. })
            ));
        }
    }
}
