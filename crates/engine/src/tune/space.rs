//! What a search varies: a model's hyperparameters (by scikit-learn's names) and the values each
//! may take, typed by the learner as short text: a list `2, 4, 8`, a range `2..10`, or a
//! log-uniform range `log 0.000000001..0.001`.

use crate::error::Expected;
use crate::models::{Kernel, Penalty};
use crate::models::{ModelSpec, MAX_DEPTH_LIMIT, MAX_ESTIMATORS, MAX_LEAF_NODES_LIMIT};
use crate::Error;
use serde::{Deserialize, Serialize};

/// A hyperparameter a search can vary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Param {
    MaxDepth,
    MinSamplesSplit,
    NEstimators,
    NNeighbors,
    VarSmoothing,
    #[serde(rename = "C")]
    C,
    Alpha,
    LearningRateInit,
    LearningRate,
    MaxLeafNodes,
    Gamma,
}

/// A grid expands an integer range into every integer, up to this many.
const MAX_RANGE_VALUES: usize = 100;
/// A grid expands a range of a real-valued parameter into this many evenly spaced values.
const REAL_RANGE_POINTS: usize = 5;

impl Param {
    /// The parameters a search can vary for `model`, in the order its form shows them.
    pub fn for_model(model: &ModelSpec) -> &'static [Param] {
        match model {
            ModelSpec::DecisionTree(_) => &[Param::MaxDepth, Param::MinSamplesSplit],
            ModelSpec::RandomForest(_) => {
                &[Param::NEstimators, Param::MaxDepth, Param::MinSamplesSplit]
            }
            ModelSpec::KNearestNeighbors(_) => &[Param::NNeighbors],
            ModelSpec::GaussianNaiveBayes(_) => &[Param::VarSmoothing],
            ModelSpec::LogisticRegression(_) => &[Param::C],
            ModelSpec::NeuralNetwork(_) => &[Param::Alpha, Param::LearningRateInit],
            ModelSpec::GradientBoosting(_) => &[Param::LearningRate, Param::MaxLeafNodes],
            // Least squares has no penalty to search.
            ModelSpec::LinearRegression(p) if p.penalty == Penalty::None => &[],
            ModelSpec::LinearRegression(_) => &[Param::Alpha],
            // γ is the RBF kernel's only.
            ModelSpec::SupportVectorMachine(p) if p.kernel == Kernel::Linear => &[Param::C],
            ModelSpec::SupportVectorMachine(_) => &[Param::C, Param::Gamma],
        }
    }

    /// scikit-learn's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Param::MaxDepth => "max_depth",
            Param::MinSamplesSplit => "min_samples_split",
            Param::NEstimators => "n_estimators",
            Param::NNeighbors => "n_neighbors",
            Param::VarSmoothing => "var_smoothing",
            Param::C => "C",
            Param::Alpha => "alpha",
            Param::LearningRateInit => "learning_rate_init",
            Param::LearningRate => "learning_rate",
            Param::MaxLeafNodes => "max_leaf_nodes",
            Param::Gamma => "gamma",
        }
    }

    pub fn is_integer(self) -> bool {
        !matches!(
            self,
            Param::VarSmoothing
                | Param::C
                | Param::Alpha
                | Param::LearningRateInit
                | Param::LearningRate
                | Param::Gamma
        )
    }

    /// Sets the parameter on `model` (which must be one it belongs to), checking the value.
    pub fn apply(self, model: &mut ModelSpec, value: f64) -> Result<(), Error> {
        let invalid = |expected| Error::InvalidParameter {
            name: self.name().into(),
            value: value.to_string(),
            expected,
        };
        if !self.is_integer() {
            // alpha may be 0 (no penalty); the others must be above 0.
            let allowed =
                value.is_finite() && (value > 0.0 || self == Param::Alpha && value == 0.0);
            if !allowed {
                return Err(invalid(if self == Param::Alpha {
                    Expected::NonNegativeNumber
                } else {
                    Expected::PositiveNumber
                }));
            }
            match (self, model) {
                (Param::VarSmoothing, ModelSpec::GaussianNaiveBayes(p)) => p.var_smoothing = value,
                (Param::C, ModelSpec::LogisticRegression(p)) => p.c = value,
                (Param::C, ModelSpec::SupportVectorMachine(p)) => p.c = value,
                (Param::Gamma, ModelSpec::SupportVectorMachine(p)) => p.gamma = Some(value),
                (Param::Alpha, ModelSpec::NeuralNetwork(p)) => p.alpha = value,
                (Param::Alpha, ModelSpec::LinearRegression(p)) => p.alpha = value,
                (Param::LearningRateInit, ModelSpec::NeuralNetwork(p)) => {
                    p.learning_rate_init = value
                }
                (Param::LearningRate, ModelSpec::GradientBoosting(p)) => p.learning_rate = value,
                _ => {}
            }
            return Ok(());
        }
        let (min, max): (u32, u32) = match self {
            Param::MaxDepth => (1, MAX_DEPTH_LIMIT),
            Param::MinSamplesSplit => (2, u32::MAX),
            Param::NEstimators => (1, MAX_ESTIMATORS),
            Param::MaxLeafNodes => (2, MAX_LEAF_NODES_LIMIT),
            _ => (1, u32::MAX),
        };
        let expected = if max == u32::MAX {
            Expected::IntegerAtLeast { min: min.into() }
        } else {
            Expected::IntegerBetween {
                min: min.into(),
                max: max.into(),
            }
        };
        if value.fract() != 0.0 || value < f64::from(min) || value > f64::from(max) {
            return Err(invalid(expected));
        }
        let n = value as u32;
        match (self, model) {
            (Param::MaxDepth, ModelSpec::DecisionTree(p)) => p.max_depth = Some(n),
            (Param::MaxDepth, ModelSpec::RandomForest(p)) => p.max_depth = Some(n),
            (Param::MaxDepth, ModelSpec::GradientBoosting(p)) => p.max_depth = Some(n),
            (Param::MaxLeafNodes, ModelSpec::GradientBoosting(p)) => p.max_leaf_nodes = n,
            (Param::MinSamplesSplit, ModelSpec::DecisionTree(p)) => p.min_samples_split = n,
            (Param::MinSamplesSplit, ModelSpec::RandomForest(p)) => p.min_samples_split = n,
            (Param::NEstimators, ModelSpec::RandomForest(p)) => p.n_estimators = n,
            (Param::NNeighbors, ModelSpec::KNearestNeighbors(p)) => p.n_neighbors = n,
            _ => {}
        }
        Ok(())
    }
}

/// The values a parameter may take.
#[derive(Debug, Clone, PartialEq)]
pub enum Space {
    List(Vec<f64>),
    /// Every value from `low` to `high` (integers, for an integer parameter).
    Range {
        low: f64,
        high: f64,
    },
    /// Log-uniform between `low` and `high` (both above 0).
    LogRange {
        low: f64,
        high: f64,
    },
}

impl Space {
    /// Reads the learner's text; empty text means "not searched".
    pub fn parse(param: Param, text: &str) -> Result<Option<Space>, Error> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let invalid = || Error::InvalidSearchSpace {
            param: param.name().into(),
            text: text.into(),
        };
        let range = |body: &str| -> Result<(f64, f64), Error> {
            let (low, high) = body.split_once("..").ok_or_else(invalid)?;
            let low: f64 = low.trim().parse().map_err(|_| invalid())?;
            let high: f64 = high.trim().parse().map_err(|_| invalid())?;
            if !(low.is_finite() && high.is_finite() && low <= high) {
                return Err(invalid());
            }
            Ok((low, high))
        };
        if let Some(body) = text.strip_prefix("log") {
            let (low, high) = range(body)?;
            if low <= 0.0 {
                return Err(invalid());
            }
            return Ok(Some(Space::LogRange { low, high }));
        }
        if text.contains("..") {
            let (low, high) = range(text)?;
            return Ok(Some(Space::Range { low, high }));
        }
        let values = text
            .split([',', ';', ' '])
            .filter(|v| !v.trim().is_empty())
            .map(|v| v.trim().parse::<f64>().map_err(|_| invalid()))
            .collect::<Result<Vec<f64>, Error>>()?;
        if values.iter().any(|v| !v.is_finite()) {
            return Err(invalid());
        }
        Ok(Some(Space::List(values)))
    }

    /// Every value a grid tries: lists as they are; integer ranges in full; real ranges as
    /// evenly spaced points; log ranges as the powers of ten inside them, with the ends.
    pub fn grid_values(&self, param: Param) -> Vec<f64> {
        match *self {
            Space::List(ref values) => values.clone(),
            Space::Range { low, high } if param.is_integer() => {
                let (low, high) = (low.ceil(), high.floor());
                (0..MAX_RANGE_VALUES)
                    .map(|i| low + i as f64)
                    .take_while(|v| *v <= high)
                    .collect()
            }
            Space::Range { low, high } => (0..REAL_RANGE_POINTS)
                .map(|i| low + (high - low) * i as f64 / (REAL_RANGE_POINTS - 1) as f64)
                .collect(),
            Space::LogRange { low, high } => {
                let mut values = vec![low];
                let mut power = 10f64.powf(low.log10().floor() + 1.0);
                while power < high && values.len() < MAX_RANGE_VALUES {
                    values.push(power);
                    power *= 10.0;
                }
                if high > low {
                    values.push(high);
                }
                values
            }
        }
    }

    /// One value drawn at random, from `uniform`, a number in [0, 1).
    pub fn sample(&self, param: Param, uniform: f64) -> f64 {
        match *self {
            Space::List(ref values) => {
                let i = ((uniform * values.len() as f64) as usize).min(values.len() - 1);
                values[i]
            }
            Space::Range { low, high } if param.is_integer() => {
                let (low, high) = (low.ceil(), high.floor());
                (low + (uniform * (high - low + 1.0)).floor()).min(high)
            }
            Space::Range { low, high } => low + uniform * (high - low),
            Space::LogRange { low, high } => (low.ln() + uniform * (high.ln() - low.ln())).exp(),
        }
    }
}
