//! Models: their parameters as plain data (what a notebook stores) and the fitted models.

mod binning;
mod boosting;
mod decision_tree;
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
mod tree_view;
mod value_tree;

pub use boosting::{GradientBoosting, GradientBoostingParams, MAX_LEAF_NODES_LIMIT};
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
pub use svm::{Kernel, Svc, SvmParams, Svr};
pub use tree_view::{TreeView, DRAWN_LEVELS};

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

/// The most probable class of each row; ties go to the lower class, as `argmax` does.
pub(crate) fn most_probable(proba: &[Vec<f64>]) -> Vec<u32> {
    proba
        .iter()
        .map(|p| decision_tree::argmax(p) as u32)
        .collect()
}
use serde::{Deserialize, Serialize};

/// Which model a train cell fits, with its hyperparameters.
/// Written as `{"model": "random_forest", …its parameters}`; read by [`crate::tagged`], which
/// needs the model first, as serde writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "model", rename_all = "snake_case")]
pub enum ModelSpec {
    DecisionTree(DecisionTreeParams),
    RandomForest(RandomForestParams),
    KNearestNeighbors(KnnParams),
    GaussianNaiveBayes(GaussianNbParams),
    LogisticRegression(LogisticRegressionParams),
    NeuralNetwork(MlpParams),
    GradientBoosting(GradientBoostingParams),
    /// Least squares, ridge, lasso or elastic net: a regression model.
    LinearRegression(LinearRegressionParams),
    /// A support vector machine: `SVC` for classes, `SVR` for numbers.
    SupportVectorMachine(SvmParams),
}

impl crate::tagged::Tagged for ModelSpec {
    const TAG: &'static str = "model";
    const VARIANTS: &'static [&'static str] = &[
        "decision_tree",
        "random_forest",
        "k_nearest_neighbors",
        "gaussian_naive_bayes",
        "logistic_regression",
        "neural_network",
        "gradient_boosting",
        "linear_regression",
        "support_vector_machine",
    ];

    fn variant<'de, A: serde::de::MapAccess<'de>>(
        name: &str,
        fields: serde::de::value::MapAccessDeserializer<A>,
    ) -> Result<Self, A::Error> {
        Ok(match name {
            "decision_tree" => ModelSpec::DecisionTree(Deserialize::deserialize(fields)?),
            "random_forest" => ModelSpec::RandomForest(Deserialize::deserialize(fields)?),
            "k_nearest_neighbors" => {
                ModelSpec::KNearestNeighbors(Deserialize::deserialize(fields)?)
            }
            "gaussian_naive_bayes" => {
                ModelSpec::GaussianNaiveBayes(Deserialize::deserialize(fields)?)
            }
            "logistic_regression" => {
                ModelSpec::LogisticRegression(Deserialize::deserialize(fields)?)
            }
            "neural_network" => ModelSpec::NeuralNetwork(Deserialize::deserialize(fields)?),
            "linear_regression" => ModelSpec::LinearRegression(Deserialize::deserialize(fields)?),
            "support_vector_machine" => {
                ModelSpec::SupportVectorMachine(Deserialize::deserialize(fields)?)
            }
            _ => ModelSpec::GradientBoosting(Deserialize::deserialize(fields)?),
        })
    }
}

impl<'de> Deserialize<'de> for ModelSpec {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::tagged::deserialize(deserializer)
    }
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

    /// Whether this model can predict a number (a regression target).
    pub fn regresses(&self) -> bool {
        matches!(
            self,
            ModelSpec::LinearRegression(_)
                | ModelSpec::SupportVectorMachine(_)
                | ModelSpec::KNearestNeighbors(_)
                | ModelSpec::DecisionTree(_)
                | ModelSpec::RandomForest(_)
                | ModelSpec::GradientBoosting(_)
                | ModelSpec::NeuralNetwork(_)
        )
    }

    /// Whether this model can predict a class.
    pub fn classifies(&self) -> bool {
        !matches!(self, ModelSpec::LinearRegression(_))
    }

    /// Fits the model to predict numbers, `y`, one per row of `x`; `progress` as for
    /// [`fit_with_progress`](Self::fit_with_progress).
    pub fn fit_regressor(
        &self,
        x: &Matrix,
        y: &[f64],
        progress: &mut dyn FnMut(f64),
    ) -> Result<Regressor, Error> {
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
                forest.n_trees() == params.n_estimators as usize && forest.is_well_formed(features)
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
                forest.n_trees() == params.n_estimators as usize
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
            Classifier::LogisticRegression(lr) => lr.predict(x),
            Classifier::NeuralNetwork(mlp) => mlp.predict(x),
            Classifier::GradientBoosting(gb) => gb.predict(x),
            Classifier::SupportVectorMachine(svc) => svc.predict(x),
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
            | Classifier::NeuralNetwork(_)
            | Classifier::SupportVectorMachine(_) => Vec::new(),
        }
    }
}
