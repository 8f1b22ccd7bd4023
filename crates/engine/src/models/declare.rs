//! Each model's hyperparameters, declared once: name (scikit-learn's, which is also the
//! notebook's JSON), kind and bounds, default, the catalog keys of its label and hint, and how a
//! search varies it. Validation, the train cell's form, the tune cell's search space, the Python
//! export and the command line's report all read the declaration, the way scikit-learn's
//! `_parameter_constraints` and linfa's param guards serve one model's every check.
//!
//! A params struct is written with [`hyperparameters!`]: its fields, defaults and declarations
//! in one list. Adding a hyperparameter to a model is one line there and its words in the two
//! catalogs.

use crate::error::Expected;
use crate::Error;

/// What values a hyperparameter takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number from `min` to `max`.
    Whole {
        min: u32,
        max: u32,
    },
    /// A whole number from `min` to `max`, or nothing: scikit-learn's `None` (no limit, or
    /// "auto"), written `none` in Python.
    OptionalWhole {
        min: u32,
        max: u32,
        none: &'static str,
    },
    /// A random seed: any whole number.
    Seed,
    /// A number above `min` (or from `min`, when `min_included`) and at most `max`.
    Decimal {
        min: f64,
        min_included: bool,
        max: f64,
    },
    /// As [`Kind::Decimal`], or nothing (`none` in Python, e.g. `"scale"`).
    OptionalDecimal {
        min: f64,
        min_included: bool,
        max: f64,
        none: &'static str,
    },
    /// One of named values.
    Choice(&'static [Choice]),
    Flag,
    /// Sizes of hidden layers: 1 to `layers` whole numbers, each from 1 to `units`.
    Layers {
        layers: u32,
        units: u32,
    },
}

/// One value of a [`Kind::Choice`]: its name in the notebook, its label's catalog key, and how
/// Python writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub python: &'static str,
}

/// What a hyperparameter is in scikit-learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An argument of the estimator.
    Argument,
    /// A choice that picks the estimator itself (linear regression's penalty: `Ridge`, `Lasso`…).
    Estimator,
    /// A flag for a `StandardScaler` before the estimator in the pipeline.
    Scaler,
}

/// Which task a hyperparameter matters for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Both,
    /// Only when predicting numbers (the SVR's ε).
    Numbers,
}

/// One hyperparameter of a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Param {
    /// The notebook's name for it, which is scikit-learn's.
    pub name: &'static str,
    /// The estimator's argument, where it differs from `name` (`random_state` for `seed`).
    pub sklearn: Option<&'static str>,
    pub role: Role,
    pub kind: Kind,
    /// Catalog keys of the field's label and hint.
    pub label: &'static str,
    pub hint: Option<&'static str>,
    /// What a first search tries (the tune cell's suggestion); `None`: not searched.
    pub search: Option<&'static str>,
    /// Shown in the train cell's form (a few are kept at scikit-learn's default, unshown).
    pub in_form: bool,
    /// Used only while another parameter has one of some values (lasso's `max_iter`).
    pub only_when: Option<(&'static str, &'static [&'static str])>,
    pub task: Task,
}

pub(crate) const fn param(label: &'static str, kind: Kind) -> Param {
    Param {
        name: "",
        sklearn: None,
        role: Role::Argument,
        kind,
        label,
        hint: None,
        search: None,
        in_form: true,
        only_when: None,
        task: Task::Both,
    }
}

/// A whole number from `min` to `max`.
pub const fn whole(label: &'static str, min: u32, max: u32) -> Param {
    param(label, Kind::Whole { min, max })
}

/// A whole number from `min` to `max`, or nothing (`none` in Python).
pub const fn optional_whole(label: &'static str, min: u32, max: u32, none: &'static str) -> Param {
    param(label, Kind::OptionalWhole { min, max, none })
}

/// A number above 0, at most `max`.
pub const fn positive(label: &'static str, max: f64) -> Param {
    param(
        label,
        Kind::Decimal {
            min: 0.0,
            min_included: false,
            max,
        },
    )
}

/// A number above 0, or nothing (`none` in Python).
pub const fn optional_positive(label: &'static str, none: &'static str) -> Param {
    param(
        label,
        Kind::OptionalDecimal {
            min: 0.0,
            min_included: false,
            max: f64::INFINITY,
            none,
        },
    )
}

/// A number from 0 to `max`.
pub const fn non_negative(label: &'static str, max: f64) -> Param {
    param(
        label,
        Kind::Decimal {
            min: 0.0,
            min_included: true,
            max,
        },
    )
}

/// A random seed, passed to scikit-learn as `random_state`.
pub const fn seed(label: &'static str) -> Param {
    param(label, Kind::Seed).sklearn("random_state")
}

pub const fn choice(label: &'static str, choices: &'static [Choice]) -> Param {
    param(label, Kind::Choice(choices))
}

/// Sizes of hidden layers: 1 to `layers` of them, each from 1 to `units`.
pub const fn layers(label: &'static str, layers: u32, units: u32) -> Param {
    param(label, Kind::Layers { layers, units })
}

pub const fn flag(label: &'static str) -> Param {
    param(label, Kind::Flag)
}

/// Standardising the features first: a `StandardScaler` before the model in Python.
pub const fn standardize() -> Param {
    let mut scaler = flag("field-standardize");
    scaler.role = Role::Scaler;
    scaler
}

impl Param {
    /// Whether this parameter is in use, given how `get` reads the others.
    pub fn applies_with(&self, get: impl Fn(&str) -> Option<Value>) -> bool {
        self.only_when.is_none_or(
            |(other, values)| matches!(get(other), Some(Value::Choice(v)) if values.contains(&v)),
        )
    }

    pub const fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }

    pub const fn search(mut self, suggestion: &'static str) -> Self {
        self.search = Some(suggestion);
        self
    }

    pub const fn sklearn(mut self, name: &'static str) -> Self {
        self.sklearn = Some(name);
        self
    }

    /// A choice whose values are scikit-learn's estimators (their `python`).
    pub const fn names_estimator(mut self) -> Self {
        self.role = Role::Estimator;
        self
    }

    /// Kept at its default, out of the form.
    pub const fn unshown(mut self) -> Self {
        self.in_form = false;
        self
    }

    pub const fn only_when(mut self, param: &'static str, values: &'static [&'static str]) -> Self {
        self.only_when = Some((param, values));
        self
    }

    pub const fn for_numbers(mut self) -> Self {
        self.task = Task::Numbers;
        self
    }

    /// The estimator's argument for it.
    pub fn argument(&self) -> &'static str {
        self.sklearn.unwrap_or(self.name)
    }

    /// Whether a search varies it through whole numbers.
    pub fn is_integer(&self) -> bool {
        matches!(
            self.kind,
            Kind::Whole { .. } | Kind::OptionalWhole { .. } | Kind::Seed
        )
    }

    /// Checks `value` against the kind's bounds.
    pub fn check(&self, value: &Value) -> Result<(), Error> {
        let invalid = |shown: String, expected| {
            Err(Error::InvalidParameter {
                name: self.name.into(),
                value: shown,
                expected,
            })
        };
        match (self.kind, value) {
            (Kind::OptionalWhole { .. } | Kind::OptionalDecimal { .. }, Value::Empty) => Ok(()),
            (Kind::Whole { min, max } | Kind::OptionalWhole { min, max, .. }, &Value::Whole(n)) => {
                if (u64::from(min)..=u64::from(max)).contains(&n) {
                    Ok(())
                } else {
                    invalid(n.to_string(), whole_expectation(min, max))
                }
            }
            (
                Kind::Decimal {
                    min,
                    min_included,
                    max,
                }
                | Kind::OptionalDecimal {
                    min,
                    min_included,
                    max,
                    ..
                },
                &Value::Decimal(x),
            ) => {
                let above = x > min || (min_included && x == min);
                if x.is_finite() && above && x <= max {
                    Ok(())
                } else {
                    invalid(shown(x), decimal_expectation(min, min_included, max))
                }
            }
            (Kind::Layers { layers, units }, Value::List(sizes)) => {
                let fits = (1..=layers as usize).contains(&sizes.len())
                    && sizes.iter().all(|u| (1..=units).contains(u));
                if fits {
                    Ok(())
                } else {
                    let text: Vec<String> = sizes.iter().map(u32::to_string).collect();
                    invalid(
                        text.join(", "),
                        Expected::LayerSizes {
                            layers: layers.into(),
                            units: units.into(),
                        },
                    )
                }
            }
            (
                Kind::Whole { min, max } | Kind::OptionalWhole { min, max, .. },
                &Value::Decimal(x),
            ) => invalid(x.to_string(), whole_expectation(min, max)),
            (Kind::Seed, &Value::Decimal(x)) => {
                invalid(x.to_string(), whole_expectation(0, u32::MAX))
            }
            (Kind::Seed, Value::Whole(_))
            | (Kind::Flag, Value::Flag(_))
            | (Kind::Choice(_), Value::Choice(_)) => Ok(()),
            // A value of another kind than the field's: only a wrong declaration gives one (the
            // declarations test checks every default against its kind).
            _ => invalid(String::new(), Expected::PositiveNumber),
        }
    }

    /// The value a search's number stands for: a whole number for integer kinds (which must be
    /// one), the number itself otherwise.
    pub fn searched_value(&self, number: f64) -> Value {
        if self.is_integer() && number.fract() == 0.0 && number >= 0.0 && number <= u64::MAX as f64
        {
            Value::Whole(number as u64)
        } else {
            Value::Decimal(number)
        }
    }
}

/// A number as a message shows it: `1e100`, not a hundred digits. (Written out rather than with
/// `{:e}`, whose formatting code the page would carry for this alone.)
fn shown(x: f64) -> String {
    if x == 0.0 || (1e-6..1e15).contains(&x.abs()) || !x.is_finite() {
        return x.to_string();
    }
    let exponent = x.abs().log10().floor();
    let mantissa = (x / 10f64.powf(exponent) * 1e6).round() / 1e6;
    format!("{mantissa}e{exponent}")
}

fn whole_expectation(min: u32, max: u32) -> Expected {
    if max == u32::MAX {
        Expected::IntegerAtLeast { min: min.into() }
    } else {
        Expected::IntegerBetween {
            min: min.into(),
            max: max.into(),
        }
    }
}

fn decimal_expectation(min: f64, min_included: bool, max: f64) -> Expected {
    match (min_included, max.is_finite()) {
        (false, false) if min == 0.0 => Expected::PositiveNumber,
        (true, false) if min == 0.0 => Expected::NonNegativeNumber,
        (true, true) if min == 0.0 && max == 1.0 => Expected::Fraction,
        (false, _) => Expected::NumberAboveAtMost { min, max },
        (true, _) => Expected::NumberBetween { min, max },
    }
}

/// A hyperparameter's value, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Whole(u64),
    Decimal(f64),
    /// scikit-learn's `None`.
    Empty,
    Choice(&'static str),
    Flag(bool),
    List(Vec<u32>),
}

/// A field of a params struct, read and written as a [`Value`].
pub trait ParamField {
    fn get(&self) -> Value;
    /// Stores `value` if it is of this field's type; says whether it was.
    fn set(&mut self, value: &Value) -> bool;
}

impl ParamField for u32 {
    fn get(&self) -> Value {
        Value::Whole((*self).into())
    }
    fn set(&mut self, value: &Value) -> bool {
        match value {
            Value::Whole(n) => u32::try_from(*n).map(|n| *self = n).is_ok(),
            _ => false,
        }
    }
}

/// A field whose type a [`Value`] variant holds as it is.
macro_rules! plain_field {
    ($($ty:ty => $variant:ident),*) => {$(
        impl ParamField for $ty {
            fn get(&self) -> Value {
                Value::$variant(*self)
            }
            fn set(&mut self, value: &Value) -> bool {
                match value {
                    Value::$variant(v) => {
                        *self = *v;
                        true
                    }
                    _ => false,
                }
            }
        }
    )*};
}

plain_field!(u64 => Whole, f64 => Decimal, bool => Flag);

impl ParamField for Vec<u32> {
    fn get(&self) -> Value {
        Value::List(self.clone())
    }
    fn set(&mut self, value: &Value) -> bool {
        match value {
            Value::List(sizes) => {
                self.clone_from(sizes);
                true
            }
            _ => false,
        }
    }
}

impl<T: ParamField + Default> ParamField for Option<T> {
    fn get(&self) -> Value {
        self.as_ref().map_or(Value::Empty, ParamField::get)
    }
    fn set(&mut self, value: &Value) -> bool {
        if *value == Value::Empty {
            *self = None;
            return true;
        }
        let mut inner = T::default();
        let stored = inner.set(value);
        if stored {
            *self = Some(inner);
        }
        stored
    }
}

/// A model's hyperparameters: the declaration, and reading or writing any of them by name.
pub trait Hyperparameters {
    const PARAMS: &'static [Param];
    fn get(&self, name: &str) -> Option<Value>;
    /// Stores `value` if the model has a parameter `name` of that type; says whether it did.
    /// Bounds are checked by [`validate`](Self::validate), so that a form can hold any number
    /// the learner types and the run says what is wrong with it.
    fn set(&mut self, name: &str, value: &Value) -> bool;

    /// Whether `param` is used with the others' current values.
    fn applies(&self, param: &Param) -> bool {
        param.applies_with(|name| self.get(name))
    }

    /// Checks every parameter in use against its declared bounds.
    fn validate(&self) -> Result<(), Error> {
        for param in Self::PARAMS.iter().filter(|p| self.applies(p)) {
            if let Some(value) = self.get(param.name) {
                param.check(&value)?;
            }
        }
        Ok(())
    }
}

/// Declares a params struct and its [`Hyperparameters`]: per field, its type, its default and
/// its declaration (`name: type = default => declaration`; `#[rename = "C"]` where the
/// notebook's name is not a Rust field's).
macro_rules! hyperparameters {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[rename = $json:literal])?
                $field:ident: $ty:ty = $default:expr => $decl:expr,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        // A field missing from an older notebook takes its default.
        #[serde(default)]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                $(#[serde(rename = $json)])?
                pub $field: $ty,
            )*
        }

        impl Default for $name {
            fn default() -> Self {
                Self { $($field: $default,)* }
            }
        }

        impl $crate::models::declare::Hyperparameters for $name {
            const PARAMS: &'static [$crate::models::declare::Param] = &[$(
                $crate::models::declare::Param {
                    name: $crate::models::declare::json_name!($field $(, $json)?),
                    ..$decl
                },
            )*];

            fn get(&self, name: &str) -> Option<$crate::models::declare::Value> {
                use $crate::models::declare::ParamField;
                $(
                    if name == $crate::models::declare::json_name!($field $(, $json)?) {
                        return Some(self.$field.get());
                    }
                )*
                None
            }

            fn set(&mut self, name: &str, value: &$crate::models::declare::Value) -> bool {
                use $crate::models::declare::ParamField;
                $(
                    if name == $crate::models::declare::json_name!($field $(, $json)?) {
                        return self.$field.set(value);
                    }
                )*
                false
            }
        }
    };
}

/// A field's name in the notebook: its own, or the one given.
macro_rules! json_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $json:literal) => {
        $json
    };
}

/// Declares a choice of named values (`Variant = "value", "label key", "python"`): the enum, as
/// the notebook names its values, and its [`Choice`]s.
macro_rules! choices {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $value:literal, $label:literal, $python:literal;
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $value)]
                $variant,
            )*
        }

        impl $name {
            pub const CHOICES: &'static [$crate::models::declare::Choice] = &[$(
                $crate::models::declare::Choice { value: $value, label: $label, python: $python },
            )*];
        }

        impl $crate::models::declare::ParamField for $name {
            fn get(&self) -> $crate::models::declare::Value {
                $crate::models::declare::Value::Choice(match self {
                    $($name::$variant => $value,)*
                })
            }
            fn set(&mut self, value: &$crate::models::declare::Value) -> bool {
                match value {
                    $($crate::models::declare::Value::Choice($value) => *self = $name::$variant,)*
                    _ => return false,
                }
                true
            }
        }
    };
}

pub(crate) use {choices, hyperparameters, json_name};
