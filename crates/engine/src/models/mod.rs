//! Models: their parameters as plain data (what a notebook stores) and the fitted models.

mod bernoulli_nb;
mod binning;
mod boosting;
mod dbscan;
mod decision_tree;
pub mod declare;
mod dense;
mod kmeans;
mod knn;
mod lbfgs;
mod linalg;
mod linear_regression;
mod logistic;
mod mlp;
mod naive_bayes;
mod pca;
mod random_forest;
mod regression_tree;
mod standardize;
mod svm;
mod tree_growth;
mod value_tree;

pub use bernoulli_nb::{BernoulliNb, BernoulliNbParams, BINARIZE_LIMIT};
pub use boosting::{GradientBoosting, GradientBoostingParams, MAX_LEAF_NODES_LIMIT};
pub use dbscan::{dbscan, DbscanParams, MAX_MIN_SAMPLES};
pub use decision_tree::{DecisionTree, DecisionTreeParams, MAX_DEPTH_LIMIT};
pub use kmeans::{KMeans, KMeansParams};
pub use knn::{Knn, KnnParams, KnnRegressor, NeighbourWeights};
pub use linear_regression::{LinearRegression, LinearRegressionParams, Penalty};
pub use logistic::{LogisticRegression, LogisticRegressionParams, MAX_ITER_LIMIT};
pub use mlp::{Activation, Mlp, MlpParams, Solver, MAX_LAYERS, MAX_UNITS};
pub use naive_bayes::{GaussianNb, GaussianNbParams};
pub use pca::Pca;
pub use random_forest::{MaxFeatures, RandomForest, RandomForestParams, MAX_ESTIMATORS};
pub use regression_tree::{ForestRegressor, RegressionTree};
pub(crate) use standardize::Standardizer;
pub use svm::{one_vs_one_scores, Kernel, Svc, SvmParams, SvmParts, Svr};
// What the tree's drawing (`crate::figures`) reads of fitted trees.
pub(crate) use decision_tree::Node as ClassNode;
pub(crate) use logistic::{sigmoid, softmax};

/// A naive Bayes model's classes, for an export: per class, its log prior and two numbers per
/// feature (`None`: a class without training rows).
pub(crate) type BayesParts<'a> = Vec<Option<(f64, &'a [f64], &'a [f64])>>;
pub(crate) use value_tree::Node as ValueNode;

use crate::features::Matrix;
use crate::Error;

/// What every model needs of its training data: rows, one label per row, finite numbers.
pub(crate) fn check_training_data(x: &Matrix, y: &[u32]) -> Result<(), Error> {
    check_features(x, y.len())
}

/// Makes `values` shares that sum to 1 (importances, weights), unless they are all 0.
pub(crate) fn as_shares(values: &mut [f64]) {
    let total: f64 = values.iter().sum();
    if total > 0.0 {
        values.iter_mut().for_each(|v| *v /= total);
    }
}

/// Target values above this (in size) overflow when squared and summed: errors, R² and every
/// squared-error loss would read infinity or NaN.
pub const LARGEST_TARGET: f64 = 1e150;

/// What every model that predicts numbers needs: rows of finite features, a finite target each,
/// small enough to square.
pub(crate) fn check_regression_data(x: &Matrix, y: &[f64]) -> Result<(), Error> {
    check_features(x, y.len())?;
    if y.iter().any(|v| !v.is_finite()) {
        return Err(Error::NonFiniteFeatures);
    }
    let largest = y.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if largest > LARGEST_TARGET {
        return Err(Error::TargetTooLarge { largest });
    }
    Ok(())
}

/// Rows (`targets` of them, one per target value) of finite numbers.
pub(crate) fn check_features(x: &Matrix, targets: usize) -> Result<(), Error> {
    if x.rows == 0 || x.rows != targets {
        return Err(Error::NoRowsLeft { dropped: 0 });
    }
    if x.data.iter().any(|v| !v.is_finite()) {
        return Err(Error::NonFiniteFeatures);
    }
    Ok(())
}

/// A naive Bayes model's probabilities: each class's joint log-likelihood of a row (`joint`;
/// a class without training rows, `None`, is never predicted) made probabilities that sum to 1
/// by the log-sum-exp trick, as scikit-learn computes them.
pub(crate) fn naive_bayes_proba<C>(
    x: &Matrix,
    classes: &[Option<C>],
    joint: impl Fn(&C, &[f64]) -> f64,
) -> Vec<Vec<f64>> {
    (0..x.rows)
        .map(|r| {
            let joint: Vec<f64> = classes
                .iter()
                .map(|class| {
                    class
                        .as_ref()
                        .map_or(f64::NEG_INFINITY, |c| joint(c, x.row(r)))
                })
                .collect();
            let top = joint.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let norm = top + joint.iter().map(|j| (j - top).exp()).sum::<f64>().ln();
            joint.iter().map(|j| (j - norm).exp()).collect()
        })
        .collect()
}

/// The most probable class of each row; ties go to the lower class, as `argmax` does.
pub(crate) fn most_probable(proba: &[Vec<f64>]) -> Vec<u32> {
    proba
        .iter()
        .map(|p| decision_tree::argmax(p) as u32)
        .collect()
}
use declare::{Hyperparameters, Param, Value};
use serde::{Deserialize, Serialize};

/// A model the learner can choose: its name in notebooks, its words, its scikit-learn
/// estimators and its hyperparameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelKind {
    /// The notebook's name for it (`"random_forest"`).
    pub name: &'static str,
    /// Catalog keys: the model's name in the picker, and a hint shown above its fields.
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// scikit-learn's estimator for classes and for numbers; `None` where it does not do that
    /// task. Linear regression's is named by its penalty (see [`ModelKind::estimator`]).
    pub classifier: Option<&'static str>,
    pub regressor: Option<&'static str>,
    /// Arguments Latih fixes, written after the declared ones (`random_state=0`: scikit-learn's
    /// tree breaks ties at random, Latih's in column order).
    pub fixed: &'static [&'static str],
    pub params: &'static [Param],
}

impl ModelKind {
    const fn new(label: &'static str) -> Self {
        Self {
            name: "",
            label,
            hint: None,
            classifier: None,
            regressor: None,
            fixed: &[],
            params: &[],
        }
    }

    const fn both(self, classifier: &'static str, regressor: &'static str) -> Self {
        self.classifier(classifier).regressor(regressor)
    }

    const fn classifier(mut self, name: &'static str) -> Self {
        self.classifier = Some(name);
        self
    }

    const fn regressor(mut self, name: &'static str) -> Self {
        self.regressor = Some(name);
        self
    }

    const fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }

    const fn fixed(mut self, arguments: &'static [&'static str]) -> Self {
        self.fixed = arguments;
        self
    }

    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// Declares [`ModelSpec`], one variant per model (`Variant("name", Params) => kind`), with
/// everything that must list every model: the tags its JSON reads, the kinds, and reading and
/// writing any hyperparameter by name. One list, so none of them can fall out of step.
macro_rules! model_specs {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident($name:literal, $params:ty) => $kind:expr,
    )*) => {
        crate::tagged::tagged_enum! {
            /// Which model a train cell fits, with its hyperparameters.
            /// Written as `{"model": "random_forest", …its parameters}`; read by
            /// [`crate::tagged`], which needs the model first, as serde writes it.
            pub enum ModelSpec by "model" {
                $(
                    $(#[doc = $doc])*
                    $variant($params) = $name,
                )*
            }
        }

        impl ModelSpec {
            /// Every model, in the order the picker lists them.
            pub const KINDS: &'static [ModelKind] = &[$(
                ModelKind { name: $name, params: <$params as Hyperparameters>::PARAMS, ..$kind },
            )*];

            /// The notebook's name of this model.
            pub fn name(&self) -> &'static str {
                match self {
                    $(ModelSpec::$variant(_) => $name,)*
                }
            }

            /// The model called `name`, with scikit-learn's defaults.
            pub fn named(name: &str) -> Option<ModelSpec> {
                match name {
                    $($name => Some(ModelSpec::$variant(Default::default())),)*
                    _ => None,
                }
            }

            /// The value of its hyperparameter `name`.
            pub fn get(&self, name: &str) -> Option<Value> {
                match self {
                    $(ModelSpec::$variant(p) => p.get(name),)*
                }
            }

            /// Stores a value of the hyperparameter `name` (bounds are checked by
            /// [`validate`](Self::validate)); says whether it has one of that type.
            pub fn set(&mut self, name: &str, value: &Value) -> bool {
                match self {
                    $(ModelSpec::$variant(p) => p.set(name, value),)*
                }
            }

            /// Whether `param` is in use with the other parameters' values.
            pub fn applies(&self, param: &Param) -> bool {
                // Through `get`, not each model's `applies`: one copy of the test in the app.
                param.applies_with(|name| self.get(name))
            }

            /// Checks every hyperparameter in use against its declaration.
            pub fn validate(&self) -> Result<(), Error> {
                match self {
                    $(ModelSpec::$variant(p) => p.validate(),)*
                }
            }
        }
    };
}

model_specs! {
    DecisionTree("decision_tree", DecisionTreeParams) => ModelKind::new("model-decision-tree")
        .both("DecisionTreeClassifier", "DecisionTreeRegressor")
        .fixed(&["random_state=0"]),
    RandomForest("random_forest", RandomForestParams) => ModelKind::new("model-random-forest")
        .both("RandomForestClassifier", "RandomForestRegressor"),
    GradientBoosting("gradient_boosting", GradientBoostingParams)
        => ModelKind::new("model-gradient-boosting")
            .both("HistGradientBoostingClassifier", "HistGradientBoostingRegressor")
            .fixed(&["scoring=\"loss\""]),
    LogisticRegression("logistic_regression", LogisticRegressionParams)
        => ModelKind::new("model-logistic-regression").classifier("LogisticRegression"),
    NeuralNetwork("neural_network", MlpParams) => ModelKind::new("model-neural-network")
        .both("MLPClassifier", "MLPRegressor"),
    KNearestNeighbors("k_nearest_neighbors", KnnParams) => ModelKind::new("model-knn")
        .both("KNeighborsClassifier", "KNeighborsRegressor"),
    GaussianNaiveBayes("gaussian_naive_bayes", GaussianNbParams)
        => ModelKind::new("model-gaussian-nb").hint("model-gaussian-nb-hint").classifier("GaussianNB"),
    BernoulliNaiveBayes("bernoulli_naive_bayes", BernoulliNbParams)
        => ModelKind::new("model-bernoulli-nb").hint("model-bernoulli-nb-hint").classifier("BernoulliNB"),
    /// A support vector machine: `SVC` for classes, `SVR` for numbers.
    SupportVectorMachine("support_vector_machine", SvmParams)
        => ModelKind::new("model-svm").hint("model-svm-hint").both("SVC", "SVR"),
    /// Least squares, ridge, lasso or elastic net: a regression model, whose estimator its
    /// penalty names.
    LinearRegression("linear_regression", LinearRegressionParams)
        => ModelKind::new("model-linear-regression")
            .hint("model-linear-regression-hint")
            .regressor("LinearRegression"),
}

impl Default for ModelSpec {
    fn default() -> Self {
        Self::DecisionTree(DecisionTreeParams::default())
    }
}

/// A fitted classifier. Every model serialises (the forest's trees travel between workers this
/// way) and predicts the same after a round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Classifier {
    DecisionTree(DecisionTree),
    RandomForest(RandomForest),
    KNearestNeighbors(Knn),
    GaussianNaiveBayes(GaussianNb),
    BernoulliNaiveBayes(BernoulliNb),
    LogisticRegression(LogisticRegression),
    NeuralNetwork(Mlp),
    GradientBoosting(GradientBoosting),
    SupportVectorMachine(Svc),
}

impl ModelSpec {
    pub fn fit(&self, x: &Matrix, y: &[u32], n_classes: usize) -> Result<Classifier, Error> {
        self.fit_with_progress(x, y, n_classes, &mut |_| {})
    }

    /// [`fit`](Self::fit), calling `progress` with the fraction done (0 to 1) as it goes, for
    /// models whose fitting takes long enough to be worth watching.
    pub fn fit_with_progress(
        &self,
        x: &Matrix,
        y: &[u32],
        n_classes: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Classifier, Error> {
        self.validate()?;
        let fitted = match self {
            ModelSpec::LinearRegression(_) => Err(Error::RegressorOnClasses),
            ModelSpec::DecisionTree(params) => {
                DecisionTree::fit(params, x, y, n_classes).map(Classifier::DecisionTree)
            }
            ModelSpec::RandomForest(params) => {
                RandomForest::fit_with_progress(params, x, y, n_classes, progress)
                    .map(Classifier::RandomForest)
            }
            ModelSpec::KNearestNeighbors(params) => {
                Knn::fit(params, x, y, n_classes).map(Classifier::KNearestNeighbors)
            }
            ModelSpec::GaussianNaiveBayes(params) => {
                GaussianNb::fit(params, x, y, n_classes).map(Classifier::GaussianNaiveBayes)
            }
            ModelSpec::BernoulliNaiveBayes(params) => {
                BernoulliNb::fit(params, x, y, n_classes).map(Classifier::BernoulliNaiveBayes)
            }
            ModelSpec::LogisticRegression(params) => {
                LogisticRegression::fit(params, x, y, n_classes).map(Classifier::LogisticRegression)
            }
            ModelSpec::NeuralNetwork(params) => {
                Mlp::fit_with_progress(params, x, y, n_classes, progress)
                    .map(Classifier::NeuralNetwork)
            }
            ModelSpec::GradientBoosting(params) => {
                GradientBoosting::fit_with_progress(params, x, y, n_classes, progress)
                    .map(Classifier::GradientBoosting)
            }
            ModelSpec::SupportVectorMachine(params) => {
                Svc::fit(params, x, y, n_classes).map(Classifier::SupportVectorMachine)
            }
        };
        progress(1.0);
        fitted
    }

    /// What the picker and the export know of this model.
    pub fn kind(&self) -> &'static ModelKind {
        let name = self.name();
        Self::KINDS
            .iter()
            .find(|k| k.name == name)
            .unwrap_or(&Self::KINDS[0])
    }

    /// Whether this model can predict a number (a regression target).
    pub fn regresses(&self) -> bool {
        self.kind().regressor.is_some()
    }

    /// Whether this model can predict a class.
    pub fn classifies(&self) -> bool {
        self.kind().classifier.is_some()
    }

    /// Fits the model to predict numbers, `y`, one per row of `x`; `progress` as for
    /// [`fit_with_progress`](Self::fit_with_progress).
    pub fn fit_regressor(
        &self,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Regressor, Error> {
        self.validate()?;
        match self {
            ModelSpec::DecisionTree(params) => {
                RegressionTree::fit(params, x, y).map(Regressor::DecisionTree)
            }
            ModelSpec::RandomForest(params) => {
                ForestRegressor::fit_with_progress(params, x, y, progress)
                    .map(Regressor::RandomForest)
            }
            ModelSpec::GradientBoosting(params) => {
                GradientBoosting::fit_regressor(params, x, y, progress)
                    .map(Regressor::GradientBoosting)
            }
            ModelSpec::NeuralNetwork(params) => {
                Mlp::fit_regressor(params, x, y, progress).map(Regressor::NeuralNetwork)
            }
            ModelSpec::LinearRegression(params) => {
                LinearRegression::fit(params, x, y).map(Regressor::Linear)
            }
            ModelSpec::KNearestNeighbors(params) => {
                KnnRegressor::fit(params, x, y).map(Regressor::KNearestNeighbors)
            }
            ModelSpec::SupportVectorMachine(params) => {
                Svr::fit(params, x, y).map(Regressor::SupportVectorMachine)
            }
            _ => Err(Error::ClassifierOnNumbers),
        }
    }
}

/// What a fitted model looks like, in numbers a learner can read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ModelSummary {
    Tree {
        depth: u32,
        leaves: usize,
    },
    Forest {
        trees: usize,
        mean_depth: f64,
    },
    Neighbours {
        k: u32,
    },
    NaiveBayes,
    /// `converged` is false when `max_iter` ran out first (scikit-learn's ConvergenceWarning).
    Linear {
        iterations: u32,
        converged: bool,
    },
    Network {
        hidden: Vec<usize>,
        epochs: usize,
        converged: bool,
    },
    Boosting {
        rounds: usize,
        mean_leaves: f64,
        stopped_early: bool,
    },
    /// `converged` is false when the solver's iteration limit ran out first.
    SupportVectors {
        count: usize,
        converged: bool,
    },
}

/// What a model recorded while it learned: a network's loss per epoch or boosting's per round,
/// a network's held-out score per epoch and boosting's held-out loss per round (with early
/// stopping); empty for other models.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrainingCurves {
    pub loss: Vec<f64>,
    pub validation_scores: Vec<f64>,
    pub validation_loss: Vec<f64>,
}

impl TrainingCurves {
    fn of_network(mlp: &Mlp) -> Self {
        Self {
            loss: mlp.loss_curve().to_vec(),
            validation_scores: mlp.validation_scores().to_vec(),
            validation_loss: Vec::new(),
        }
    }

    fn of_boosting(gb: &GradientBoosting) -> Self {
        Self {
            loss: gb.loss_curve().to_vec(),
            validation_scores: Vec::new(),
            validation_loss: gb.validation_loss().to_vec(),
        }
    }
}

impl ModelSummary {
    fn of_network(mlp: &Mlp) -> Self {
        ModelSummary::Network {
            hidden: mlp.hidden_layer_sizes(),
            epochs: mlp.loss_curve().len(),
            converged: mlp.converged(),
        }
    }

    fn of_boosting(gb: &GradientBoosting) -> Self {
        ModelSummary::Boosting {
            rounds: gb.n_rounds(),
            mean_leaves: gb.mean_leaves(),
            stopped_early: gb.stopped_early(),
        }
    }
}

/// A fitted regression model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Regressor {
    Linear(LinearRegression),
    KNearestNeighbors(KnnRegressor),
    DecisionTree(RegressionTree),
    RandomForest(ForestRegressor),
    GradientBoosting(GradientBoosting),
    NeuralNetwork(Mlp),
    SupportVectorMachine(Svr),
}

impl Regressor {
    /// As [`Classifier::was_fitted_as`], for a model that predicts numbers from `features`
    /// columns.
    pub fn was_fitted_as(&self, spec: &ModelSpec, features: usize) -> bool {
        match (self, spec) {
            (Regressor::RandomForest(forest), ModelSpec::RandomForest(params)) => {
                forest.n_trees() == params.trees() as usize && forest.is_well_formed(features)
            }
            _ => false,
        }
    }

    pub fn predict(&self, x: &Matrix) -> Vec<f64> {
        match self {
            Regressor::Linear(linear) => linear.predict(x),
            Regressor::KNearestNeighbors(knn) => knn.predict(x),
            Regressor::DecisionTree(tree) => tree.predict(x),
            Regressor::RandomForest(forest) => forest.predict(x),
            Regressor::GradientBoosting(gb) => gb.predict_numbers(x),
            Regressor::NeuralNetwork(mlp) => mlp.predict_numbers(x),
            Regressor::SupportVectorMachine(svr) => svr.predict(x),
        }
    }

    /// What the fitted model looks like, in numbers a learner can read.
    pub fn summary(&self) -> ModelSummary {
        match self {
            Regressor::DecisionTree(tree) => ModelSummary::Tree {
                depth: tree.depth(),
                leaves: tree.n_leaves(),
            },
            Regressor::RandomForest(forest) => ModelSummary::Forest {
                trees: forest.n_trees(),
                mean_depth: forest.mean_depth(),
            },
            Regressor::Linear(linear) => ModelSummary::Linear {
                iterations: linear.iterations,
                converged: linear.converged,
            },
            Regressor::KNearestNeighbors(knn) => ModelSummary::Neighbours {
                k: knn.n_neighbors(),
            },
            Regressor::GradientBoosting(gb) => ModelSummary::of_boosting(gb),
            Regressor::NeuralNetwork(mlp) => ModelSummary::of_network(mlp),
            Regressor::SupportVectorMachine(svr) => ModelSummary::SupportVectors {
                count: svr.support_vectors(),
                converged: svr.converged(),
            },
        }
    }

    /// The loss (half the squared error) per round or epoch, and with early stopping,
    /// boosting's held-out loss and the network's held-out R².
    pub fn curves(&self) -> TrainingCurves {
        match self {
            Regressor::GradientBoosting(gb) => TrainingCurves::of_boosting(gb),
            Regressor::NeuralNetwork(mlp) => TrainingCurves::of_network(mlp),
            _ => TrainingCurves::default(),
        }
    }

    /// The trees' shares of the squared-error decrease; empty for other models.
    pub fn feature_importances(&self) -> Vec<f64> {
        match self {
            Regressor::DecisionTree(tree) => tree.feature_importances().to_vec(),
            Regressor::RandomForest(forest) => forest.feature_importances(),
            Regressor::GradientBoosting(gb) => gb.feature_importances().to_vec(),
            Regressor::Linear(_)
            | Regressor::KNearestNeighbors(_)
            | Regressor::NeuralNetwork(_)
            | Regressor::SupportVectorMachine(_) => Vec::new(),
        }
    }
}

impl Classifier {
    /// Whether this model is what fitting `spec` on `features` columns and `n_classes` classes
    /// gives, as far as can be told without fitting: a model fitted elsewhere (a forest grown by
    /// several workers) is used only then.
    pub fn was_fitted_as(&self, spec: &ModelSpec, features: usize, n_classes: usize) -> bool {
        match (self, spec) {
            (Classifier::RandomForest(forest), ModelSpec::RandomForest(params)) => {
                forest.n_trees() == params.trees() as usize
                    && forest.n_classes() == n_classes
                    && forest.is_well_formed(features)
            }
            _ => false,
        }
    }

    pub fn predict(&self, x: &Matrix) -> Vec<u32> {
        match self {
            Classifier::DecisionTree(tree) => tree.predict(x),
            Classifier::RandomForest(forest) => forest.predict(x),
            Classifier::KNearestNeighbors(knn) => knn.predict(x),
            Classifier::GaussianNaiveBayes(nb) => nb.predict(x),
            Classifier::BernoulliNaiveBayes(nb) => nb.predict(x),
            Classifier::LogisticRegression(lr) => lr.predict(x),
            Classifier::NeuralNetwork(mlp) => mlp.predict(x),
            Classifier::GradientBoosting(gb) => gb.predict(x),
            Classifier::SupportVectorMachine(svc) => svc.predict(x),
        }
    }

    /// What the fitted model looks like, in numbers a learner can read.
    pub fn summary(&self) -> ModelSummary {
        match self {
            Classifier::DecisionTree(tree) => ModelSummary::Tree {
                depth: tree.depth(),
                leaves: tree.n_leaves(),
            },
            Classifier::RandomForest(forest) => ModelSummary::Forest {
                trees: forest.n_trees(),
                mean_depth: forest.mean_depth(),
            },
            Classifier::KNearestNeighbors(knn) => ModelSummary::Neighbours {
                k: knn.n_neighbors(),
            },
            Classifier::GaussianNaiveBayes(_) | Classifier::BernoulliNaiveBayes(_) => {
                ModelSummary::NaiveBayes
            }
            Classifier::LogisticRegression(lr) => ModelSummary::Linear {
                iterations: lr.iterations(),
                converged: lr.converged(),
            },
            Classifier::NeuralNetwork(mlp) => ModelSummary::of_network(mlp),
            Classifier::GradientBoosting(gb) => ModelSummary::of_boosting(gb),
            Classifier::SupportVectorMachine(svc) => ModelSummary::SupportVectors {
                count: svc.support_vectors(),
                converged: svc.converged(),
            },
        }
    }

    /// The log loss per epoch or round, and with early stopping, the network's held-out
    /// accuracy and boosting's held-out log loss.
    pub fn curves(&self) -> TrainingCurves {
        match self {
            Classifier::NeuralNetwork(mlp) => TrainingCurves::of_network(mlp),
            Classifier::GradientBoosting(gb) => TrainingCurves::of_boosting(gb),
            _ => TrainingCurves::default(),
        }
    }

    /// Whether [`predict_proba`](Self::predict_proba) gives probabilities (every model but the
    /// support vector machine, whose shares are its decision scores squashed).
    pub fn gives_probabilities(&self) -> bool {
        !matches!(self, Classifier::SupportVectorMachine(_))
    }

    /// One probability per class for each row (scikit-learn's `predict_proba`; for the support
    /// vector machine, its scores as shares).
    pub fn predict_proba(&self, x: &Matrix) -> Vec<Vec<f64>> {
        match self {
            Classifier::DecisionTree(tree) => tree.predict_proba(x),
            Classifier::RandomForest(forest) => forest.predict_proba(x),
            Classifier::KNearestNeighbors(knn) => knn.predict_proba(x),
            Classifier::GaussianNaiveBayes(nb) => nb.predict_proba(x),
            Classifier::BernoulliNaiveBayes(nb) => nb.predict_proba(x),
            Classifier::LogisticRegression(lr) => lr.predict_proba(x),
            Classifier::NeuralNetwork(mlp) => mlp.predict_proba(x),
            Classifier::GradientBoosting(gb) => gb.predict_proba(x),
            Classifier::SupportVectorMachine(svc) => svc.predict_proba(x),
        }
    }

    /// How much the model leans on each feature, as shares summing to 1: the impurity decrease
    /// of trees, the split gain of boosted trees, the largest absolute weight (on standardised features) of a linear model; empty
    /// for models that have no such notion.
    pub fn feature_importances(&self) -> Vec<f64> {
        match self {
            Classifier::DecisionTree(tree) => tree.feature_importances().to_vec(),
            Classifier::RandomForest(forest) => forest.feature_importances(),
            Classifier::LogisticRegression(lr) => lr.feature_weights(),
            Classifier::GradientBoosting(gb) => gb.feature_importances().to_vec(),
            Classifier::KNearestNeighbors(_)
            | Classifier::GaussianNaiveBayes(_)
            | Classifier::BernoulliNaiveBayes(_)
            | Classifier::NeuralNetwork(_)
            | Classifier::SupportVectorMachine(_) => Vec::new(),
        }
    }
}
