//! Trees as one `ai.onnx.ml` TreeEnsemble (opset 5) in doubles: each tree adds its leaves'
//! weights to one target, and the node sums them.

use super::proto::{double_tensor, node, uint8_tensor, Attribute, Message};
use crate::export::FlatTree;

/// A tree's node as the ensemble sees it: a split on `feature` (left when the value is at most
/// `threshold`), or a leaf's weight for the target being built.
pub(super) enum TreeNode {
    Split {
        feature: usize,
        threshold: f64,
        left: usize,
        right: usize,
    },
    Leaf(f64),
}

/// TreeEnsemble's attributes, tree by tree.
#[derive(Default)]
pub(super) struct Ensemble {
    roots: Vec<i64>,
    features: Vec<i64>,
    splits: Vec<f64>,
    true_ids: Vec<i64>,
    true_leaves: Vec<i64>,
    false_ids: Vec<i64>,
    false_leaves: Vec<i64>,
    leaf_targets: Vec<i64>,
    leaf_weights: Vec<f64>,
}

impl Ensemble {
    fn leaf(&mut self, target: usize, weight: f64) -> i64 {
        self.leaf_targets.push(target as i64);
        self.leaf_weights.push(weight);
        (self.leaf_weights.len() - 1) as i64
    }

    /// Adds one tree whose leaves add to `target`. Every branch gets a leaf of its own:
    /// onnxruntime misreads a leaf that two branches share.
    pub(super) fn add(&mut self, nodes: &[TreeNode], target: usize) {
        let first = self.features.len();
        let mut index = vec![None; nodes.len()];
        let mut count = 0;
        for (at, n) in nodes.iter().enumerate() {
            if matches!(n, TreeNode::Split { .. }) {
                index[at] = Some((first + count) as i64);
                count += 1;
            }
        }
        self.roots.push(first as i64);
        if count == 0 {
            // A tree that is one leaf: a split whose two branches are that leaf's value.
            let weight = match nodes.first() {
                Some(TreeNode::Leaf(w)) => *w,
                _ => 0.0,
            };
            self.features.push(0);
            self.splits.push(0.0);
            let (left, right) = (self.leaf(target, weight), self.leaf(target, weight));
            self.true_ids.push(left);
            self.true_leaves.push(1);
            self.false_ids.push(right);
            self.false_leaves.push(1);
            return;
        }
        for n in nodes {
            let TreeNode::Split {
                feature,
                threshold,
                left,
                right,
            } = n
            else {
                continue;
            };
            self.features.push(*feature as i64);
            self.splits.push(*threshold);
            let (id, is_leaf) = self.branch(nodes, &index, *left, target);
            self.true_ids.push(id);
            self.true_leaves.push(is_leaf);
            let (id, is_leaf) = self.branch(nodes, &index, *right, target);
            self.false_ids.push(id);
            self.false_leaves.push(is_leaf);
        }
    }

    fn branch(
        &mut self,
        nodes: &[TreeNode],
        index: &[Option<i64>],
        at: usize,
        target: usize,
    ) -> (i64, i64) {
        match (nodes.get(at), index.get(at).copied().flatten()) {
            (Some(TreeNode::Split { .. }), Some(split)) => (split, 0),
            (Some(TreeNode::Leaf(weight)), _) => (self.leaf(target, *weight), 1),
            _ => (self.leaf(target, 0.0), 1),
        }
    }

    /// The TreeEnsemble node: `features` in, `output` out, summing each target's leaves.
    pub(super) fn node(self, input: &str, targets: usize, output: &str) -> Message {
        let splits = self.splits.len();
        node(
            "TreeEnsemble",
            "ai.onnx.ml",
            &[input],
            &[output],
            vec![
                ("aggregate_function", Attribute::Int(1)),
                ("n_targets", Attribute::Int(targets as i64)),
                ("tree_roots", Attribute::Ints(&self.roots)),
                ("nodes_featureids", Attribute::Ints(&self.features)),
                // BRANCH_LEQ: the engine's `x <= threshold` goes left; NaN goes right.
                (
                    "nodes_modes",
                    Attribute::Tensor(uint8_tensor("", &vec![0; splits])),
                ),
                (
                    "nodes_splits",
                    Attribute::Tensor(double_tensor("", &[splits as i64], &self.splits)),
                ),
                ("nodes_truenodeids", Attribute::Ints(&self.true_ids)),
                ("nodes_trueleafs", Attribute::Ints(&self.true_leaves)),
                ("nodes_falsenodeids", Attribute::Ints(&self.false_ids)),
                ("nodes_falseleafs", Attribute::Ints(&self.false_leaves)),
                ("leaf_targetids", Attribute::Ints(&self.leaf_targets)),
                (
                    "leaf_weights",
                    Attribute::Tensor(double_tensor(
                        "",
                        &[self.leaf_weights.len() as i64],
                        &self.leaf_weights,
                    )),
                ),
            ],
        )
    }
}

impl Ensemble {
    /// Adds a recipe's tree: one tree per score its leaves add to.
    pub(super) fn add_flat(&mut self, tree: &FlatTree) {
        let width = tree.leaf.iter().map(Vec::len).max().unwrap_or(0);
        for offset in 0..width {
            let nodes: Vec<TreeNode> = (0..tree.feature.len())
                .map(|at| match usize::try_from(tree.feature[at]) {
                    Ok(feature) => TreeNode::Split {
                        feature,
                        threshold: tree.threshold[at],
                        left: tree.left[at],
                        right: tree.right[at],
                    },
                    Err(_) => TreeNode::Leaf(tree.leaf[at].get(offset).copied().unwrap_or(0.0)),
                })
                .collect();
            self.add(&nodes, tree.first + offset);
        }
    }
}
