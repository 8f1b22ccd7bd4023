//! What a search varies: a model's hyperparameters (by scikit-learn's names) and the values each
//! may take, typed by the learner as short text: a list `2, 4, 8`, a range `2..10`, or a
//! log-uniform range `log 0.000000001..0.001`.

use crate::models::declare;
use crate::models::ModelSpec;
use crate::Error;
use serde::{Deserialize, Serialize};

/// A hyperparameter a search can vary, by its declared (scikit-learn's) name; written as that
/// name. Reading accepts only names some model declares searchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param(&'static str);

/// A grid expands an integer range into every integer, up to this many.
const MAX_RANGE_VALUES: usize = 100;
/// A grid expands a range of a real-valued parameter into this many evenly spaced values.
const REAL_RANGE_POINTS: usize = 5;

impl Param {
    /// The parameters a search can vary for `model` (those in use with its other values), in
    /// the order its form shows them.
    pub fn for_model(model: &ModelSpec) -> Vec<Param> {
        model
            .kind()
            .params
            .iter()
            .filter(|p| p.search.is_some() && model.applies(p))
            .map(|p| Param(p.name))
            .collect()
    }

    /// The searchable parameter called `name`, if any model has one.
    pub fn named(name: &str) -> Option<Param> {
        searchable().find(|p| p.name == name).map(|p| Param(p.name))
    }

    /// scikit-learn's name for it.
    pub fn name(self) -> &'static str {
        self.0
    }

    /// Whether it takes whole numbers (the same for every model that has it: a test checks).
    pub fn is_integer(self) -> bool {
        searchable().any(|p| p.name == self.0 && p.is_integer())
    }

    /// What a first search of it on `model` tries.
    pub fn suggestion(self, model: &ModelSpec) -> &'static str {
        model
            .kind()
            .param(self.0)
            .and_then(|p| p.search)
            .unwrap_or("")
    }

    /// Sets the parameter on `model` (which must be one it belongs to), checking the value
    /// against the declaration.
    pub fn apply(self, model: &mut ModelSpec, value: f64) -> Result<(), Error> {
        let Some(declared) = model.kind().param(self.0) else {
            return Ok(());
        };
        let value = declared.searched_value(value);
        declared.check(&value)?;
        model.set(self.0, &value);
        Ok(())
    }
}

fn searchable() -> impl Iterator<Item = &'static declare::Param> {
    ModelSpec::KINDS
        .iter()
        .flat_map(|kind| kind.params)
        .filter(|p| p.search.is_some())
}

impl Serialize for Param {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Param {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Param::named(&name).ok_or_else(|| {
            serde::de::Error::custom(format_args!("no model searches a parameter \"{name}\""))
        })
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
        // A list of no values ("," alone) is no space to draw from.
        if values.is_empty() || values.iter().any(|v| !v.is_finite()) {
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
