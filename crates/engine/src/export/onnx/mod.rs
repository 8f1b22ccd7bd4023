//! The notebook's last model as ONNX, for onnxruntime and every serving stack that loads it:
//! decision trees, random forests and gradient-boosted trees, for classes and for numbers, as
//! one `ai.onnx.ml` TreeEnsemble (opset 5) in doubles, its thresholds and leaf values the
//! engine's own. Boosting's scores become probabilities by explicit Sigmoid or Softmax nodes
//! rather than the operator's `post_transform` (onnxruntime applies the latter wrongly to
//! TreeEnsemble; its issues 26596 and 24862). Outputs: `probabilities` and `label` (the class's
//! index, the first of the most probable, as the engine picks it), or `prediction`.
//!
//! The graph's input is `features`, the model's own columns in the encoder's order (numbers,
//! then one column per category: schema.json names them): the cleaning steps and the encoder
//! are not in the graph yet. Other models are refused with their name.

mod proto;

use crate::models::{ClassNode, Classifier, GradientBoosting, Regressor, ValueNode};
use crate::notebook::{trained_model, DataSource, Notebook, TrainedModel};
use crate::Error;
use proto::{data_type, double_tensor, node, uint8_tensor, value_info, Attribute, Message};

/// A tree's node as the ensemble sees it: a split on `feature` (left when the value is at most
/// `threshold`), or a leaf's weight for the target being built.
enum TreeNode {
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
struct Ensemble {
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
    fn add(&mut self, nodes: &[TreeNode], target: usize) {
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
    fn node(self, targets: usize, output: &str) -> Message {
        let splits = self.splits.len();
        node(
            "TreeEnsemble",
            "ai.onnx.ml",
            &["features"],
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

/// A split of either kind of tree, as the ensemble sees it.
fn split(feature: usize, threshold: f64, left: usize, right: usize) -> TreeNode {
    TreeNode::Split {
        feature,
        threshold,
        left,
        right,
    }
}

/// A classification tree's nodes, its leaves weighing `class`'s share of their rows (times
/// `scale`: a forest averages its trees).
fn class_tree(nodes: &[ClassNode], class: usize, scale: f64) -> Vec<TreeNode> {
    nodes
        .iter()
        .map(|n| match n {
            &ClassNode::Split {
                feature,
                threshold,
                left,
                right,
            } => split(feature, threshold, left, right),
            ClassNode::Leaf { counts } => {
                let total: u32 = counts.iter().sum();
                let share = counts
                    .get(class)
                    .map_or(0.0, |&c| f64::from(c) / f64::from(total.max(1)));
                TreeNode::Leaf(share * scale)
            }
        })
        .collect()
}

/// A tree of values' nodes, `add` added to every leaf (boosting's starting score), times `scale`.
fn value_tree(nodes: &[ValueNode], add: f64, scale: f64) -> Vec<TreeNode> {
    nodes
        .iter()
        .map(|n| match n {
            &ValueNode::Split {
                feature,
                threshold,
                left,
                right,
            } => split(feature, threshold, left, right),
            ValueNode::Leaf { value } => TreeNode::Leaf((add + value) * scale),
        })
        .collect()
}

/// Boosting's rounds, the starting scores in the first round's trees (as the engine adds them
/// first).
fn boosted(model: &GradientBoosting) -> (Ensemble, usize) {
    let (baseline, rounds, _) = model.parts();
    let mut ensemble = Ensemble::default();
    if rounds.is_empty() {
        for (score, &start) in baseline.iter().enumerate() {
            ensemble.add(&[TreeNode::Leaf(start)], score);
        }
    }
    for (round, trees) in rounds.iter().enumerate() {
        for (score, tree) in trees.iter().enumerate() {
            let start = if round == 0 { baseline[score] } else { 0.0 };
            ensemble.add(&value_tree(&tree.nodes, start, 1.0), score);
        }
    }
    (ensemble, baseline.len())
}

/// The notebook's last model as ONNX bytes.
pub fn onnx_of(notebook: &Notebook, source: &dyn DataSource) -> Result<Vec<u8>, Error> {
    let trained = trained_model(notebook, source)?;
    onnx_model(&trained)
}

fn onnx_model(trained: &TrainedModel) -> Result<Vec<u8>, Error> {
    let features = trained.encoder().feature_names().len() as i64;
    let refused = || Error::OnnxModelNotYet {
        model: trained.model_name.to_string(),
    };
    let mut nodes = Vec::new();
    let mut initializers = Vec::new();
    let outputs;
    match (trained.classifier(), trained.regressor()) {
        (Some(model), _) => {
            let k = trained.classes.len();
            match model {
                Classifier::DecisionTree(tree) => {
                    let mut ensemble = Ensemble::default();
                    for class in 0..k {
                        ensemble.add(&class_tree(tree.nodes(), class, 1.0), class);
                    }
                    nodes.push(ensemble.node(k, "probabilities"));
                }
                Classifier::RandomForest(forest) => {
                    let mut ensemble = Ensemble::default();
                    let scale = 1.0 / forest.grown().len().max(1) as f64;
                    for tree in forest.grown() {
                        for class in 0..k {
                            ensemble.add(&class_tree(tree.nodes(), class, scale), class);
                        }
                    }
                    nodes.push(ensemble.node(k, "probabilities"));
                }
                Classifier::GradientBoosting(model) => {
                    let (ensemble, scores) = boosted(model);
                    nodes.push(ensemble.node(scores, "scores"));
                    if scores == 1 {
                        initializers.push(double_tensor("one", &[1], &[1.0]));
                        nodes.push(node("Sigmoid", "", &["scores"], &["positive"], vec![]));
                        nodes.push(node("Sub", "", &["one", "positive"], &["negative"], vec![]));
                        nodes.push(node(
                            "Concat",
                            "",
                            &["negative", "positive"],
                            &["probabilities"],
                            vec![("axis", Attribute::Int(1))],
                        ));
                    } else {
                        nodes.push(node(
                            "Softmax",
                            "",
                            &["scores"],
                            &["probabilities"],
                            vec![("axis", Attribute::Int(1))],
                        ));
                    }
                }
                _ => return Err(refused()),
            }
            nodes.push(node(
                "ArgMax",
                "",
                &["probabilities"],
                &["label"],
                vec![("axis", Attribute::Int(1)), ("keepdims", Attribute::Int(0))],
            ));
            outputs = vec![
                value_info("probabilities", data_type::DOUBLE, &[None, Some(k as i64)]),
                value_info("label", data_type::INT64, &[None]),
            ];
        }
        (None, Some(model)) => {
            let mut ensemble = Ensemble::default();
            match model {
                Regressor::DecisionTree(tree) => {
                    ensemble.add(&value_tree(tree.nodes(), 0.0, 1.0), 0);
                }
                Regressor::RandomForest(forest) => {
                    let scale = 1.0 / forest.grown().len().max(1) as f64;
                    for tree in forest.grown() {
                        ensemble.add(&value_tree(tree.nodes(), 0.0, scale), 0);
                    }
                }
                Regressor::GradientBoosting(model) => ensemble = boosted(model).0,
                _ => return Err(refused()),
            }
            nodes.push(ensemble.node(1, "prediction"));
            outputs = vec![value_info(
                "prediction",
                data_type::DOUBLE,
                &[None, Some(1)],
            )];
        }
        (None, None) => return Err(refused()),
    }
    Ok(proto::model(
        nodes,
        initializers,
        vec![value_info(
            "features",
            data_type::DOUBLE,
            &[None, Some(features)],
        )],
        outputs,
        &[("", 21), ("ai.onnx.ml", 5)],
    ))
}
