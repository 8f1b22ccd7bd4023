//! The trained pipeline as plain data: the inputs a new row needs, each fitted step as it
//! changes that row, the feature encoder, and the model as trees or weights. The prediction
//! page's script reads it as JSON and repeats, line for line, what [`Recipe::predict`] does
//! here; a test holds this against the notebook's own predictions, and the page against this.
//!
//! The model's arithmetic keeps the engine's order of operations (a forest sums its trees
//! from zero, then divides; boosting starts from its baseline), so that the numbers agree to
//! the last bit where both sides use the same operations.

use crate::features::Encoding;
use crate::models::{ClassNode, Classifier, Regressor, ValueNode};
use crate::notebook::{PredictField, TrainedModel};
use crate::prep::{Row, RowStep, RowValue};
use crate::Error;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipe {
    pub target: String,
    /// The classes in the order of the probabilities; empty when the model predicts numbers.
    pub classes: Vec<String>,
    /// The columns a new row gives, as the data set has them (before the steps).
    pub inputs: Vec<PredictField>,
    pub steps: Vec<RowStep>,
    /// The model's columns, in order.
    pub features: Vec<Encoding>,
    pub model: ModelRecipe,
}

/// How scores become the outputs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// The scores are the outputs (probabilities already, or the number).
    Identity,
    /// One score p of the second class: the outputs are 1 − p and p.
    Sigmoid,
    Softmax,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModelRecipe {
    /// score[t] = (start[t] + the leaf values every tree adds to t) / divide.
    Trees {
        start: Vec<f64>,
        trees: Vec<FlatTree>,
        divide: f64,
        link: Link,
    },
    /// Layers of weighted sums: x is first standardised by `center` and `scale` when they are
    /// given; each layer gives out[t] = intercept[t] + Σⱼ inⱼ · coef[t][j], and every layer
    /// but the last is then passed through `hidden`. A linear model is one layer.
    Network {
        center: Vec<f64>,
        scale: Vec<f64>,
        layers: Vec<Dense>,
        hidden: Option<Hidden>,
        link: Link,
    },
    /// Naive Bayes: each class's joint log likelihood (its log prior plus each feature's), a
    /// class without training rows never; the probabilities by log-sum-exp.
    NaiveBayes {
        likelihood: Likelihood,
        classes: Vec<Option<BayesClass>>,
    },
    /// k-nearest neighbours: the `k` training rows nearest (Euclidean; a tie keeps the
    /// earlier row) vote with their `targets` (a class's index, or a number), each weighing 1,
    /// or 1 / distance when `by_distance` (only the rows at distance 0, if any is).
    Neighbours {
        k: usize,
        by_distance: bool,
        rows: Vec<Vec<f64>>,
        targets: Vec<f64>,
        /// The classes to vote for; 0 for numbers (the weighted mean).
        classes: usize,
    },
    /// A support vector machine: x standardised by `center` and `scale` when they are given;
    /// K[s] the kernel between x and support vector s (x · v, or exp(−γ ‖x − v‖²) when
    /// `gamma` is given); each machine's decision d = Σ coef · K[support] − rho. The number is
    /// d; for two classes the second's score is −d; for more, the machine of each pair (a, b)
    /// in order votes for a when d ≥ 0, else for b, and a class's score is its votes plus
    /// c / (3 (|c| + 1)), c its summed decisions (+d as a, −d as b): scikit-learn's
    /// `decision_function`, squashed as the notebook squashes it.
    SupportVectors {
        center: Vec<f64>,
        scale: Vec<f64>,
        gamma: Option<f64>,
        vectors: Vec<Vec<f64>>,
        machines: Vec<SvmMachine>,
        /// 0 for numbers.
        classes: usize,
        link: Link,
    },
}

/// One machine of a support vector machine: its support vectors' indices, their coefficients
/// (in the same order) and its offset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SvmMachine {
    pub support: Vec<usize>,
    pub coef: Vec<f64>,
    pub rho: f64,
}

/// A naive Bayes class: its log prior and, per feature, two numbers (a Gaussian's mean and
/// variance; Bernoulli's log probabilities of yes and of no).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BayesClass {
    pub log_prior: f64,
    pub a: Vec<f64>,
    pub b: Vec<f64>,
}

/// How a naive Bayes class weighs one feature's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "likelihood", rename_all = "snake_case")]
pub enum Likelihood {
    /// −½ ln(2π·b) − ½ (x − a)² / b.
    Gaussian,
    /// a when x > binarize, else b.
    Bernoulli { binarize: f64 },
}

impl Likelihood {
    fn log(self, x: f64, a: f64, b: f64) -> f64 {
        match self {
            Likelihood::Gaussian => {
                -0.5 * (2.0 * std::f64::consts::PI * b).ln() - 0.5 * (x - a).powi(2) / b
            }
            Likelihood::Bernoulli { binarize } => {
                if x > binarize {
                    a
                } else {
                    b
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dense {
    pub coef: Vec<Vec<f64>>,
    pub intercept: Vec<f64>,
}

/// A hidden layer's activation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hidden {
    Relu,
    Tanh,
    Logistic,
}

impl Hidden {
    fn apply(self, v: f64) -> f64 {
        match self {
            // As the engine's network computes it (max(0, v) without a branch).
            Hidden::Relu => 0.5 * (v + v.abs()),
            Hidden::Tanh => v.tanh(),
            Hidden::Logistic => crate::models::sigmoid(v),
        }
    }
}

/// A tree as arrays by node (the root first): a split sends `x[feature] <= threshold` left; a
/// leaf (`feature` −1) adds `leaf` to the scores from `first` on.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FlatTree {
    pub first: usize,
    pub feature: Vec<i64>,
    pub threshold: Vec<f64>,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub leaf: Vec<Vec<f64>>,
}

impl FlatTree {
    fn split(&mut self, feature: usize, threshold: f64, left: usize, right: usize) {
        self.feature.push(feature as i64);
        self.threshold.push(threshold);
        self.left.push(left);
        self.right.push(right);
        self.leaf.push(Vec::new());
    }

    fn leaf(&mut self, values: Vec<f64>) {
        self.feature.push(-1);
        self.threshold.push(0.0);
        self.left.push(0);
        self.right.push(0);
        self.leaf.push(values);
    }

    fn of_classes(nodes: &[ClassNode]) -> Self {
        let mut tree = Self::default();
        for node in nodes {
            match node {
                &ClassNode::Split {
                    feature,
                    threshold,
                    left,
                    right,
                } => tree.split(feature, threshold, left, right),
                ClassNode::Leaf { counts } => {
                    // As the tree's predict_proba: each class's share of the leaf's rows.
                    let total: u32 = counts.iter().sum();
                    tree.leaf(
                        counts
                            .iter()
                            .map(|&c| f64::from(c) / f64::from(total.max(1)))
                            .collect(),
                    );
                }
            }
        }
        tree
    }

    fn of_values(nodes: &[ValueNode], first: usize) -> Self {
        let mut tree = Self {
            first,
            ..Self::default()
        };
        for node in nodes {
            match node {
                &ValueNode::Split {
                    feature,
                    threshold,
                    left,
                    right,
                } => tree.split(feature, threshold, left, right),
                ValueNode::Leaf { value } => tree.leaf(vec![*value]),
            }
        }
        tree
    }

    /// The leaf `x` reaches (none for a malformed tree, which adds nothing).
    fn leaf_of(&self, x: &[f64]) -> Option<&[f64]> {
        let mut at = 0;
        // A split's children come after it, so a walk takes at most one step per node.
        for _ in 0..self.feature.len() {
            let feature = *self.feature.get(at)?;
            if feature < 0 {
                return self.leaf.get(at).map(Vec::as_slice);
            }
            let value = x.get(feature as usize).copied().unwrap_or(f64::NAN);
            at = if value <= self.threshold[at] {
                self.left[at]
            } else {
                self.right[at]
            };
        }
        None
    }
}

impl ModelRecipe {
    fn of(trained: &TrainedModel) -> Result<Self, Error> {
        let refused = || Error::ExportModelNotYet {
            model: trained.model_name.to_string(),
        };
        let classes = trained.classes.len();
        let class_trees = |trees: &mut dyn Iterator<Item = &[ClassNode]>| -> Vec<FlatTree> {
            trees.map(FlatTree::of_classes).collect()
        };
        let value_trees = |trees: &mut dyn Iterator<Item = &[ValueNode]>| -> Vec<FlatTree> {
            trees.map(|nodes| FlatTree::of_values(nodes, 0)).collect()
        };
        let forest = |trees: Vec<FlatTree>, outputs: usize| ModelRecipe::Trees {
            start: vec![0.0; outputs],
            divide: trees.len().max(1) as f64,
            trees,
            link: Link::Identity,
        };
        let boosted = |model: &crate::models::GradientBoosting| {
            let (baseline, rounds, _) = model.parts();
            ModelRecipe::Trees {
                start: baseline.to_vec(),
                trees: rounds
                    .iter()
                    .flat_map(|trees| {
                        trees
                            .iter()
                            .enumerate()
                            .map(|(score, tree)| FlatTree::of_values(&tree.nodes, score))
                    })
                    .collect(),
                divide: 1.0,
                link: match baseline.len() {
                    _ if trained.classes.is_empty() => Link::Identity,
                    1 => Link::Sigmoid,
                    _ => Link::Softmax,
                },
            }
        };
        Ok(match (trained.classifier(), trained.regressor()) {
            (Some(model), _) => match model {
                Classifier::DecisionTree(tree) => {
                    forest(class_trees(&mut std::iter::once(tree.nodes())), classes)
                }
                Classifier::RandomForest(model) => forest(
                    class_trees(&mut model.grown().iter().map(|t| t.nodes())),
                    classes,
                ),
                Classifier::GradientBoosting(model) => boosted(model),
                Classifier::LogisticRegression(model) => {
                    let (center, scale, weights) = model.parts();
                    linear(center, scale, weights, class_link(classes))
                }
                Classifier::NeuralNetwork(model) => network(model, class_link(classes)),
                Classifier::KNearestNeighbors(model) => {
                    let (x, y, k, by_distance) = model.parts();
                    let targets = y.iter().map(|&c| f64::from(c)).collect();
                    neighbours(x, targets, k, by_distance, classes)
                }
                Classifier::GaussianNaiveBayes(model) => bayes(Likelihood::Gaussian, model.parts()),
                Classifier::BernoulliNaiveBayes(model) => {
                    let (binarize, classes) = model.parts();
                    bayes(Likelihood::Bernoulli { binarize }, classes)
                }
                Classifier::SupportVectorMachine(model) => {
                    support_vectors(model.parts(), classes, class_link(classes))
                }
            },
            (None, Some(model)) => match model {
                Regressor::DecisionTree(tree) => {
                    forest(value_trees(&mut std::iter::once(tree.nodes())), 1)
                }
                Regressor::RandomForest(model) => {
                    forest(value_trees(&mut model.grown().iter().map(|t| t.nodes())), 1)
                }
                Regressor::GradientBoosting(model) => boosted(model),
                Regressor::Linear(model) => ModelRecipe::Network {
                    center: Vec::new(),
                    scale: Vec::new(),
                    layers: vec![Dense {
                        coef: vec![model.coef.clone()],
                        intercept: vec![model.intercept],
                    }],
                    hidden: None,
                    link: Link::Identity,
                },
                Regressor::NeuralNetwork(model) => network(model, Link::Identity),
                Regressor::KNearestNeighbors(model) => {
                    let (x, y, k, by_distance) = model.parts();
                    neighbours(x, y.to_vec(), k, by_distance, 0)
                }
                Regressor::SupportVectorMachine(model) => {
                    support_vectors(model.parts(), 0, Link::Identity)
                }
            },
            (None, None) => return Err(refused()),
        })
    }

    /// The outputs for one encoded row: probabilities, or the number.
    fn outputs(&self, x: &[f64]) -> Vec<f64> {
        let (scores, link) = match self {
            ModelRecipe::Trees {
                start,
                trees,
                divide,
                link,
            } => {
                let mut scores = start.clone();
                for tree in trees {
                    let leaf = tree.leaf_of(x).unwrap_or_default();
                    for (score, value) in scores.iter_mut().skip(tree.first).zip(leaf) {
                        *score += value;
                    }
                }
                scores.iter_mut().for_each(|s| *s /= divide);
                (scores, *link)
            }
            ModelRecipe::Network {
                center,
                scale,
                layers,
                hidden,
                link,
            } => {
                let mut values = standardised(x, center, scale);
                for (at, layer) in layers.iter().enumerate() {
                    values = layer
                        .coef
                        .iter()
                        .zip(&layer.intercept)
                        .map(|(w, b)| b + values.iter().zip(w).map(|(a, w)| a * w).sum::<f64>())
                        .collect();
                    if let (Some(hidden), true) = (hidden, at + 1 < layers.len()) {
                        values.iter_mut().for_each(|v| *v = hidden.apply(*v));
                    }
                }
                (values, *link)
            }
            ModelRecipe::NaiveBayes {
                likelihood,
                classes,
            } => {
                // As the engine's naive_bayes_proba.
                let joint: Vec<f64> = classes
                    .iter()
                    .map(|class| {
                        class.as_ref().map_or(f64::NEG_INFINITY, |c| {
                            let evidence: f64 = x
                                .iter()
                                .zip(c.a.iter().zip(&c.b))
                                .map(|(&v, (&a, &b))| likelihood.log(v, a, b))
                                .sum();
                            c.log_prior + evidence
                        })
                    })
                    .collect();
                let top = joint.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let norm = top + joint.iter().map(|j| (j - top).exp()).sum::<f64>().ln();
                (
                    joint.iter().map(|j| (j - norm).exp()).collect(),
                    Link::Identity,
                )
            }
            ModelRecipe::Neighbours {
                k,
                by_distance,
                rows,
                targets,
                classes,
            } => {
                // As the engine's Neighbours::each_row.
                let mut distances: Vec<(f64, usize)> = rows
                    .iter()
                    .enumerate()
                    .map(|(t, row)| {
                        let d2: f64 = x.iter().zip(row).map(|(a, b)| (a - b) * (a - b)).sum();
                        (d2, t)
                    })
                    .collect();
                distances.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let nearest = &distances[..(*k).min(distances.len())];
                let exact = nearest.iter().any(|(d2, _)| *d2 == 0.0);
                let weight = |d2: f64| match (by_distance, exact) {
                    (false, _) => 1.0,
                    (true, true) => f64::from(u8::from(d2 == 0.0)),
                    (true, false) => 1.0 / d2.sqrt(),
                };
                let outputs = if *classes == 0 {
                    let total: f64 = nearest.iter().map(|&(d2, _)| weight(d2)).sum();
                    let sum: f64 = nearest.iter().map(|&(d2, t)| weight(d2) * targets[t]).sum();
                    vec![sum / total]
                } else {
                    let mut votes = vec![0.0; *classes];
                    for &(d2, t) in nearest {
                        if let Some(vote) = votes.get_mut(targets[t] as usize) {
                            *vote += weight(d2);
                        }
                    }
                    let total: f64 = votes.iter().sum();
                    votes.iter().map(|v| v / total).collect()
                };
                (outputs, Link::Identity)
            }
            ModelRecipe::SupportVectors {
                center,
                scale,
                gamma,
                vectors,
                machines,
                classes,
                link,
            } => {
                // As the engine's Svc::decision_function.
                let x = standardised(x, center, scale);
                let kernel: Vec<f64> = vectors
                    .iter()
                    .map(|v| match gamma {
                        None => v.iter().zip(&x).map(|(p, q)| p * q).sum(),
                        Some(gamma) => {
                            let d2: f64 = v.iter().zip(&x).map(|(p, q)| (p - q) * (p - q)).sum();
                            (-gamma * d2).exp()
                        }
                    })
                    .collect();
                let decisions: Vec<f64> = machines
                    .iter()
                    .map(|m| {
                        m.support
                            .iter()
                            .zip(&m.coef)
                            .map(|(&s, coef)| coef * kernel[s])
                            .sum::<f64>()
                            - m.rho
                    })
                    .collect();
                let scores = match *classes {
                    0 | 1 => decisions,
                    2 => decisions.iter().map(|d| -d).collect(),
                    k => crate::models::one_vs_one_scores(decisions.into_iter(), k),
                };
                (scores, *link)
            }
        };
        match link {
            Link::Identity => scores,
            Link::Sigmoid => {
                let p = crate::models::sigmoid(scores[0]);
                vec![1.0 - p, p]
            }
            Link::Softmax => crate::models::softmax(&scores).0,
        }
    }
}

/// `x` standardised by `center` and `scale` (as the models' own standardiser), when given.
fn standardised(x: &[f64], center: &[f64], scale: &[f64]) -> Vec<f64> {
    if center.is_empty() {
        return x.to_vec();
    }
    x.iter()
        .zip(center.iter().zip(scale))
        .map(|(v, (c, s))| (v - c) / s)
        .collect()
}

/// A k-nearest-neighbours recipe: the training rows (the model's own columns) and targets.
fn neighbours(
    x: &crate::features::Matrix,
    targets: Vec<f64>,
    k: usize,
    by_distance: bool,
    classes: usize,
) -> ModelRecipe {
    ModelRecipe::Neighbours {
        k,
        by_distance,
        rows: (0..x.rows).map(|r| x.row(r).to_vec()).collect(),
        targets,
        classes,
    }
}

/// A support vector machine's recipe from its parts.
fn support_vectors(parts: crate::models::SvmParts<'_>, classes: usize, link: Link) -> ModelRecipe {
    let vectors = parts.vectors;
    ModelRecipe::SupportVectors {
        center: parts.center.to_vec(),
        scale: parts.scale.to_vec(),
        gamma: match parts.kernel {
            crate::models::Kernel::Linear => None,
            crate::models::Kernel::Rbf => Some(parts.gamma),
        },
        vectors: (0..vectors.rows).map(|r| vectors.row(r).to_vec()).collect(),
        machines: parts
            .machines
            .into_iter()
            .map(|(terms, rho)| SvmMachine {
                support: terms.iter().map(|&(s, _)| s as usize).collect(),
                coef: terms.iter().map(|&(_, c)| c).collect(),
                rho,
            })
            .collect(),
        classes,
        link,
    }
}

/// A naive Bayes recipe from a model's classes.
fn bayes(likelihood: Likelihood, classes: crate::models::BayesParts<'_>) -> ModelRecipe {
    ModelRecipe::NaiveBayes {
        likelihood,
        classes: classes
            .into_iter()
            .map(|c| {
                c.map(|(log_prior, a, b)| BayesClass {
                    log_prior,
                    a: a.to_vec(),
                    b: b.to_vec(),
                })
            })
            .collect(),
    }
}

/// How a classifier's scores become probabilities: one score of the second class for two.
fn class_link(classes: usize) -> Link {
    if classes == 2 {
        Link::Sigmoid
    } else {
        Link::Softmax
    }
}

/// A linear model's recipe from its standardiser and its weights (each row: the coefficients,
/// then the intercept).
fn linear(center: &[f64], scale: &[f64], weights: &[Vec<f64>], link: Link) -> ModelRecipe {
    let (coef, intercept) = weights
        .iter()
        .map(|w| {
            let (coef, intercept) = w.split_at(w.len().saturating_sub(1));
            (coef.to_vec(), intercept.first().copied().unwrap_or(0.0))
        })
        .unzip();
    ModelRecipe::Network {
        center: center.to_vec(),
        scale: scale.to_vec(),
        layers: vec![Dense { coef, intercept }],
        hidden: None,
        link,
    }
}

/// A neural network's recipe: its layers' weights turned to one row per unit.
fn network(model: &crate::models::Mlp, link: Link) -> ModelRecipe {
    let (center, scale, layers, activation) = model.parts();
    let layers = layers
        .into_iter()
        .map(|(weights, biases)| {
            let outputs = biases.len().max(1);
            let inputs = weights.len() / outputs;
            Dense {
                coef: (0..outputs)
                    .map(|j| (0..inputs).map(|p| weights[p * outputs + j]).collect())
                    .collect(),
                intercept: biases.to_vec(),
            }
        })
        .collect();
    ModelRecipe::Network {
        center: center.to_vec(),
        scale: scale.to_vec(),
        layers,
        hidden: Some(match activation {
            crate::models::Activation::Relu => Hidden::Relu,
            crate::models::Activation::Tanh => Hidden::Tanh,
            crate::models::Activation::Logistic => Hidden::Logistic,
        }),
        link,
    }
}

impl Recipe {
    pub fn of(trained: &TrainedModel) -> Result<Self, Error> {
        let recipe = Self {
            target: trained.target.clone(),
            classes: trained.classes.clone(),
            inputs: trained.inputs.clone(),
            steps: trained.row_steps.clone(),
            features: trained.encoder().encodings().to_vec(),
            model: ModelRecipe::of(trained)?,
        };
        // JSON writes NaN and infinity as null, which a script reads as 0: refuse rather than
        // ship a pipeline that computes otherwise than the notebook.
        if recipe.numbers().all(f64::is_finite) {
            Ok(recipe)
        } else {
            Err(Error::ExportNotFinite)
        }
    }

    /// Every number the pipeline carries (but the naive Bayes classes without rows, which are
    /// left out on purpose).
    fn numbers(&self) -> Box<dyn Iterator<Item = f64> + '_> {
        let steps = self.steps.iter().flat_map(|step| match step {
            RowStep::FillNumber { value, .. } => vec![*value],
            RowStep::Scale { center, scale, .. } => vec![*center, *scale],
            RowStep::Clip { low, high, .. } => vec![*low, *high],
            // The outer edges are ±∞ for a column that was constant: only the inner ones decide.
            RowStep::Bin { edges, .. } => edges
                .get(1..edges.len().saturating_sub(1))
                .unwrap_or_default()
                .to_vec(),
            _ => Vec::new(),
        });
        let flat = |rows: &[Vec<f64>]| rows.iter().flatten().copied().collect::<Vec<_>>();
        let model: Vec<f64> = match &self.model {
            ModelRecipe::Trees {
                start,
                trees,
                divide,
                ..
            } => trees
                .iter()
                .flat_map(|t| t.threshold.iter().copied().chain(flat(&t.leaf)))
                .chain(start.iter().copied())
                .chain([*divide])
                .collect(),
            ModelRecipe::Network {
                center,
                scale,
                layers,
                ..
            } => layers
                .iter()
                .flat_map(|l| flat(&l.coef).into_iter().chain(l.intercept.iter().copied()))
                .chain(center.iter().chain(scale).copied())
                .collect(),
            ModelRecipe::NaiveBayes {
                likelihood,
                classes,
            } => classes
                .iter()
                .flatten()
                .flat_map(|c| c.a.iter().chain(&c.b).copied().chain([c.log_prior]))
                .chain(match likelihood {
                    Likelihood::Bernoulli { binarize } => Some(*binarize),
                    Likelihood::Gaussian => None,
                })
                .collect(),
            ModelRecipe::Neighbours { rows, targets, .. } => flat(rows)
                .into_iter()
                .chain(targets.iter().copied())
                .collect(),
            ModelRecipe::SupportVectors {
                center,
                scale,
                gamma,
                vectors,
                machines,
                ..
            } => machines
                .iter()
                .flat_map(|m| m.coef.iter().copied().chain([m.rho]))
                .chain(flat(vectors))
                .chain(center.iter().chain(scale).copied())
                .chain(*gamma)
                .collect(),
        };
        Box::new(steps.chain(model))
    }

    /// The prediction of one row (each input column's text, as typed): each class's
    /// probability, or the number.
    pub fn predict(&self, value_of: &dyn Fn(&str) -> Option<String>) -> Result<Vec<f64>, Error> {
        let mut row = Row::new();
        for input in &self.inputs {
            let text = value_of(&input.column)
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
            let value = match text {
                None if input.numeric => RowValue::Number(f64::NAN),
                Some(text) if input.numeric => {
                    RowValue::Number(crate::notebook::read_number(&text).ok_or_else(|| {
                        Error::PredictValueNotNumber {
                            column: input.column.clone(),
                            value: text.clone(),
                        }
                    })?)
                }
                text => RowValue::Category(text),
            };
            row.insert(input.column.clone(), value);
        }
        for step in &self.steps {
            step.apply(&mut row)?;
        }
        let missing: Vec<String> = self
            .features
            .iter()
            .map(column_of)
            .filter(|c| match row.get(*c) {
                Some(RowValue::Number(x)) => x.is_nan(),
                Some(RowValue::Category(v)) => v.is_none(),
                None => true,
            })
            .map(str::to_string)
            .collect();
        if !missing.is_empty() {
            return Err(Error::PredictValuesMissing { columns: missing });
        }
        let mut x = Vec::new();
        for encoding in &self.features {
            match (encoding, row.get(column_of(encoding))) {
                (Encoding::Numeric { .. }, Some(RowValue::Number(v))) => x.push(*v),
                (Encoding::OneHot { categories, .. }, Some(RowValue::Category(v))) => x.extend(
                    categories
                        .iter()
                        .map(|c| f64::from(u8::from(v.as_deref() == Some(c.as_str())))),
                ),
                _ => {
                    return Err(Error::UnknownColumn {
                        name: column_of(encoding).to_string(),
                    })
                }
            }
        }
        Ok(self.model.outputs(&x))
    }
}

fn column_of(encoding: &Encoding) -> &str {
    match encoding {
        Encoding::Numeric { column } | Encoding::OneHot { column, .. } => column,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One number input, a fill, and a linear model.
    fn linear_recipe(fill: f64, weight: f64) -> Recipe {
        Recipe {
            target: "y".into(),
            classes: Vec::new(),
            inputs: vec![PredictField {
                column: "x".into(),
                choices: Vec::new(),
                numeric: true,
                value: String::new(),
            }],
            steps: vec![RowStep::FillNumber {
                column: "x".into(),
                value: fill,
            }],
            features: vec![Encoding::Numeric { column: "x".into() }],
            model: ModelRecipe::Network {
                center: Vec::new(),
                scale: Vec::new(),
                layers: vec![Dense {
                    coef: vec![vec![weight]],
                    intercept: vec![1.0],
                }],
                hidden: None,
                link: Link::Identity,
            },
        }
    }

    #[test]
    fn a_nan_or_infinity_anywhere_in_the_pipeline_is_found() {
        assert!(linear_recipe(2.0, 3.0).numbers().all(f64::is_finite));
        assert!(!linear_recipe(f64::NAN, 3.0).numbers().all(f64::is_finite));
        assert!(!linear_recipe(2.0, f64::INFINITY)
            .numbers()
            .all(f64::is_finite));
        // The recipe itself predicts: a missing x is filled with 2, then 1 + 3·2.
        let recipe = linear_recipe(2.0, 3.0);
        assert_eq!(recipe.predict(&|_: &str| None), Ok(vec![7.0]));
    }
}
