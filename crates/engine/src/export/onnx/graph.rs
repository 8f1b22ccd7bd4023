//! A graph being written: nodes and constants under names of their own, and the pipeline's
//! columns as tensors of one value per row (`[N, 1]`) as the fitted steps change them.

use super::proto::{double_tensor, node, string_tensor, Attribute, Message};
use crate::export::Recipe;
use crate::features::scale::ScalerKind;
use crate::features::Encoding;
use crate::prep::RowStep;
use crate::table::retype::{FALSE_WORDS, TRUE_WORDS};
use crate::Error;
use std::collections::BTreeMap;

/// A column's tensor, and how its values read.
#[derive(Clone)]
pub(super) enum Column {
    /// Doubles; NaN is missing.
    Number(String),
    /// Text; "" is missing.
    Text(String),
    /// Numbers that are categories now (`Categories` of a number column): kept as doubles and
    /// compared with each category's number, since ONNX's Cast writes numbers as text in its
    /// own way, not Rust's shortest one.
    NumberCategory(String),
}

#[derive(Default)]
pub(super) struct Graph {
    pub nodes: Vec<Message>,
    pub initializers: Vec<Message>,
    count: usize,
    /// Names the graph's own tensors must not take: the inputs (named as the data's columns,
    /// which may be called anything, `add_3` too).
    taken: std::collections::BTreeSet<String>,
    /// Per step that refuses a row (log1p of a number at or below −1), `[N, 1]` true where it
    /// does: the notebook refuses such a row whatever later steps do, so `complete` does too.
    refused: Vec<String>,
}

impl Graph {
    /// A graph whose inputs have these names.
    pub fn with_inputs<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: names.into_iter().map(str::to_string).collect(),
            ..Self::default()
        }
    }

    pub fn fresh(&mut self, hint: &str) -> String {
        loop {
            self.count += 1;
            let name = format!("{hint}_{}", self.count);
            if !self.taken.contains(&name) {
                return name;
            }
        }
    }

    /// A node of the default domain with one output, whose name it returns.
    pub fn op(&mut self, op: &str, inputs: &[&str], attributes: Vec<(&str, Attribute)>) -> String {
        let output = self.fresh(&op.to_lowercase());
        self.nodes
            .push(node(op, "", inputs, &[&output], attributes));
        output
    }

    /// A constant of doubles of shape `dims`.
    pub fn doubles(&mut self, dims: &[i64], values: &[f64]) -> String {
        let name = self.fresh("const");
        self.initializers.push(double_tensor(&name, dims, values));
        name
    }

    /// A constant of 64-bit integers of shape `dims`.
    pub fn int64s(&mut self, dims: &[i64], values: &[i64]) -> String {
        let name = self.fresh("const");
        self.initializers
            .push(super::proto::int64_tensor(&name, dims, values));
        name
    }

    /// The sum of each row of `x` (`[N, width]` → `[N, 1]`).
    pub fn row_sums(&mut self, x: &str) -> String {
        self.reduce("ReduceSum", x, 1, true)
    }

    /// `op` (ReduceSum, ReduceMax, …) of `x` over `axis`.
    pub fn reduce(&mut self, op: &str, x: &str, axis: i64, keep: bool) -> String {
        let axes = self.int64s(&[1], &[axis]);
        let keep = ("keepdims", Attribute::Int(i64::from(keep)));
        self.op(op, &[x, &axes], vec![keep])
    }

    pub fn double(&mut self, value: f64) -> String {
        self.doubles(&[], &[value])
    }

    fn text(&mut self, value: &str) -> String {
        let name = self.fresh("const");
        self.initializers.push(string_tensor(&name, &[], &[value]));
        name
    }

    /// The tensors side by side, `[N, Σ widths]`.
    pub fn concat(&mut self, parts: &[String]) -> String {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        self.op("Concat", &parts, vec![("axis", Attribute::Int(1))])
    }

    pub fn as_double(&mut self, x: &str) -> String {
        self.op("Cast", &[x], vec![("to", Attribute::Int(11))])
    }

    /// `x` where `condition`, else `otherwise`.
    fn choose(&mut self, condition: &str, x: &str, otherwise: &str) -> String {
        self.op("Where", &[condition, x, otherwise], vec![])
    }

    fn is_missing(&mut self, column: &Column) -> String {
        match column {
            Column::Number(x) | Column::NumberCategory(x) => self.op("IsNaN", &[x], vec![]),
            Column::Text(x) => {
                let empty = self.text("");
                self.op("Equal", &[x, &empty], vec![])
            }
        }
    }

    /// 1.0 where the column holds `category`, else 0.0.
    fn is_category(&mut self, column: &Column, category: &str) -> String {
        let equal = match column {
            Column::Text(x) => {
                let c = self.text(category);
                self.op("Equal", &[x, &c], vec![])
            }
            Column::NumberCategory(x) | Column::Number(x) => match number_of(category) {
                // Zero's text tells its sign ("0", "-0"), which Equal does not: 1 / x does.
                Some(v) if v == 0.0 => {
                    let x = x.clone();
                    let (zero, one) = (self.double(0.0), self.double(1.0));
                    let is_zero = self.op("Equal", &[&x, &zero], vec![]);
                    let inverse = self.op("Div", &[&one, &x], vec![]);
                    let sign = if v.is_sign_negative() {
                        "Less"
                    } else {
                        "Greater"
                    };
                    let same_sign = self.op(sign, &[&inverse, &zero], vec![]);
                    self.op("And", &[&is_zero, &same_sign], vec![])
                }
                Some(v) => {
                    let c = self.double(v);
                    self.op("Equal", &[x, &c], vec![])
                }
                // A category that names no number: a number column never holds it.
                None => {
                    let x = x.clone();
                    let zero = self.double(0.0);
                    let times = self.op("Mul", &[&x, &zero], vec![]);
                    // x · 0 is 0, or NaN where x is missing: either way, 0 after this.
                    let nan = self.op("IsNaN", &[&times], vec![]);
                    return self.choose(&nan, &zero, &times);
                }
            },
        };
        self.as_double(&equal)
    }

    /// Text read as numbers as the engine reads it (Rust's `str::parse`, finite only): what does
    /// not read is NaN. Cast fails on text that is no number, so only text that a pattern finds
    /// to be one is cast. The pattern leaves out numbers written with more than 200 digits on a
    /// side of the point or an exponent of more than two digits (C's strtod, behind Cast, fails
    /// where they overflow): they read as missing here, though the notebook reads them.
    fn number_of_text(&mut self, x: &str) -> String {
        let pattern = r"[+-]?(\d{1,200}\.?\d{0,200}|\.\d{1,200})([eE][+-]?0*\d{1,2})?";
        let valid = self.op(
            "RegexFullMatch",
            &[x],
            vec![("pattern", Attribute::Text(pattern))],
        );
        let zero = self.text("0");
        let safe = self.choose(&valid, x, &zero);
        let number = self.as_double(&safe);
        let nan = self.double(f64::NAN);
        self.choose(&valid, &number, &nan)
    }

    /// Yes/no words as the categories "True" and "False" ("" for any other word), matched
    /// without regard to case as the engine lower-cases them (RE2's case folding, since
    /// StringNormalizer needs a system locale that a server may lack).
    fn truth_of_text(&mut self, x: &str) -> String {
        let words = |list: &[&str]| {
            let alternatives: Vec<String> = list.iter().map(|w| w.replace('.', r"\.")).collect();
            format!("(?i)({})", alternatives.join("|"))
        };
        let (yes, no) = (words(&TRUE_WORDS), words(&FALSE_WORDS));
        let is_true = self.op(
            "RegexFullMatch",
            &[x],
            vec![("pattern", Attribute::Text(&yes))],
        );
        let is_false = self.op(
            "RegexFullMatch",
            &[x],
            vec![("pattern", Attribute::Text(&no))],
        );
        self.truth(&is_true, &is_false)
    }

    /// A number's yes/no: 1 is "True", 0 "False" (but −0, whose text "-0" is no word), else "".
    fn truth_of_number(&mut self, x: &str) -> String {
        let (one, zero) = (self.double(1.0), self.double(0.0));
        let is_true = self.op("Equal", &[x, &one], vec![]);
        let is_zero = self.op("Equal", &[x, &zero], vec![]);
        // 1 / −0 is −∞: the sign a comparison with 0 cannot see.
        let inverse = self.op("Div", &[&one, x], vec![]);
        let positive = self.op("Greater", &[&inverse, &zero], vec![]);
        let is_false = self.op("And", &[&is_zero, &positive], vec![]);
        self.truth(&is_true, &is_false)
    }

    fn truth(&mut self, is_true: &str, is_false: &str) -> String {
        let (yes, no, neither) = (self.text("True"), self.text("False"), self.text(""));
        let not_true = self.choose(is_false, &no, &neither);
        self.choose(is_true, &yes, &not_true)
    }

    /// A number column's tensor changed by `change`, NaN staying NaN.
    fn number(
        &mut self,
        columns: &mut BTreeMap<String, Column>,
        name: &str,
        step: &str,
        change: impl FnOnce(&mut Self, &str) -> String,
    ) -> Result<(), Error> {
        match columns.get(name) {
            Some(Column::Number(x)) => {
                let x = x.clone();
                let changed = change(self, &x);
                columns.insert(name.to_string(), Column::Number(changed));
                Ok(())
            }
            _ => Err(not_yet(step, name)),
        }
    }

    /// Adds a fitted step's nodes.
    pub fn step(
        &mut self,
        columns: &mut BTreeMap<String, Column>,
        step: &RowStep,
    ) -> Result<(), Error> {
        match step {
            RowStep::FillNumber { column, value } => {
                self.number(columns, column, "impute", |g, x| {
                    let nan = g.op("IsNaN", &[x], vec![]);
                    let fill = g.double(*value);
                    g.choose(&nan, &fill, x)
                })?;
            }
            RowStep::FillCategory { column, value } => match columns.get(column).cloned() {
                Some(Column::Text(x)) => {
                    let missing = self.is_missing(&Column::Text(x.clone()));
                    let fill = self.text(value);
                    let filled = self.choose(&missing, &fill, &x);
                    columns.insert(column.clone(), Column::Text(filled));
                }
                Some(Column::NumberCategory(x)) => {
                    let v = number_of(value).ok_or_else(|| not_yet("impute", column))?;
                    let nan = self.op("IsNaN", &[&x], vec![]);
                    let fill = self.double(v);
                    let filled = self.choose(&nan, &fill, &x);
                    columns.insert(column.clone(), Column::NumberCategory(filled));
                }
                _ => return Err(not_yet("impute", column)),
            },
            RowStep::Categories { column } => match columns.get(column).cloned() {
                Some(Column::Number(x)) => {
                    columns.insert(column.clone(), Column::NumberCategory(x));
                }
                Some(_) => {}
                None => return Err(not_yet("cast", column)),
            },
            RowStep::Numbers { column, round } => {
                let x = match columns.get(column).cloned() {
                    // A number's category text reads back as the same number.
                    Some(Column::Number(x) | Column::NumberCategory(x)) => x,
                    Some(Column::Text(x)) => self.number_of_text(&x),
                    None => return Err(not_yet("cast", column)),
                };
                // Round is half to even, as the engine's round_ties_even.
                let x = if *round {
                    self.op("Round", &[&x], vec![])
                } else {
                    x
                };
                columns.insert(column.clone(), Column::Number(x));
            }
            RowStep::Truths { column } => {
                let truth = match columns.get(column).cloned() {
                    Some(Column::Text(x)) => self.truth_of_text(&x),
                    Some(Column::Number(x) | Column::NumberCategory(x)) => self.truth_of_number(&x),
                    None => return Err(not_yet("cast", column)),
                };
                columns.insert(column.clone(), Column::Text(truth));
            }
            RowStep::Scale {
                column,
                kind,
                center,
                scale,
            } => self.number(columns, column, "scale", |g, x| match kind {
                ScalerKind::MinMax => {
                    // As scikit-learn's MinMaxScaler: x · (1/range) + (0 − min · (1/range)).
                    let factor = 1.0 / scale;
                    let times = g.double(factor);
                    let offset = g.double(0.0 - center * factor);
                    let scaled = g.op("Mul", &[x, &times], vec![]);
                    g.op("Add", &[&scaled, &offset], vec![])
                }
                ScalerKind::Standard | ScalerKind::Robust => {
                    let c = g.double(*center);
                    let s = g.double(*scale);
                    let centred = g.op("Sub", &[x, &c], vec![]);
                    g.op("Div", &[&centred, &s], vec![])
                }
            })?,
            RowStep::Ordinal { column, categories } => {
                let text = match columns.get(column).cloned() {
                    Some(text @ (Column::Text(_) | Column::NumberCategory(_))) => text,
                    _ => return Err(not_yet("ordinal", column)),
                };
                // Σ code · [x = category], −1 where none matches, NaN where missing.
                let mut codes = self.double(0.0);
                let mut found = self.double(0.0);
                for (code, category) in categories.iter().enumerate() {
                    let is = self.is_category(&text, category);
                    let weight = self.double(code as f64);
                    let weighted = self.op("Mul", &[&is, &weight], vec![]);
                    codes = self.op("Add", &[&codes, &weighted], vec![]);
                    found = self.op("Add", &[&found, &is], vec![]);
                }
                let zero = self.double(0.0);
                let any = self.op("Greater", &[&found, &zero], vec![]);
                let unseen = self.double(-1.0);
                let coded = self.choose(&any, &codes, &unseen);
                let missing = self.is_missing(&text);
                let nan = self.double(f64::NAN);
                let coded = self.choose(&missing, &nan, &coded);
                columns.insert(column.clone(), Column::Number(coded));
            }
            RowStep::Clip { column, low, high } => {
                self.number(columns, column, "clip-outliers", |g, x| {
                    let (low, high) = (g.double(*low), g.double(*high));
                    g.op("Clip", &[x, &low, &high], vec![])
                })?;
            }
            // ln(1 + x): ONNX has no log1p; it differs from the engine's by rounding only. The
            // notebook refuses x ≤ −1: it is NaN here, so that `complete` says the row is refused.
            RowStep::Log { column } => self.number(columns, column, "log", |g, x| {
                let one = g.double(1.0);
                let shifted = g.op("Add", &[x, &one], vec![]);
                let logged = g.op("Log", &[&shifted], vec![]);
                let zero = g.double(0.0);
                let outside = g.op("LessOrEqual", &[&shifted, &zero], vec![]);
                g.refused.push(outside.clone());
                let nan = g.double(f64::NAN);
                g.choose(&outside, &nan, &logged)
            })?,
            RowStep::Bin { column, edges } => {
                let inner = edges
                    .get(1..edges.len().saturating_sub(1))
                    .unwrap_or_default()
                    .to_vec();
                self.number(columns, column, "bin", |g, x| {
                    // How many inner edges are at most x; NaN stays NaN.
                    let mut count = g.double(0.0);
                    for edge in inner {
                        let e = g.double(edge);
                        let below = g.op("LessOrEqual", &[&e, x], vec![]);
                        let below = g.as_double(&below);
                        count = g.op("Add", &[&count, &below], vec![]);
                    }
                    let nan = g.op("IsNaN", &[x], vec![]);
                    g.choose(&nan, x, &count)
                })?;
            }
            RowStep::Rename { column, to } => {
                if let Some(c) = columns.remove(column) {
                    columns.insert(to.clone(), c);
                }
            }
            RowStep::Drop { columns: dropped } => dropped.iter().for_each(|c| {
                columns.remove(c);
            }),
        }
        Ok(())
    }

    /// The model's columns as one `[N, features]` tensor of doubles, and `[N]` of 1.0 where a
    /// row has every value the model needs (0.0 where the notebook would refuse it).
    pub fn encode(
        &mut self,
        columns: &BTreeMap<String, Column>,
        recipe: &Recipe,
    ) -> Result<(String, String), Error> {
        let mut parts = Vec::new();
        let mut present = Vec::new();
        for encoding in &recipe.features {
            let name = match encoding {
                Encoding::Numeric { column } | Encoding::OneHot { column, .. } => column,
            };
            let column = columns
                .get(name)
                .ok_or_else(|| Error::UnknownColumn { name: name.clone() })?;
            match (encoding, column) {
                (Encoding::Numeric { .. }, Column::Number(x)) => parts.push(x.clone()),
                (
                    Encoding::OneHot { categories, .. },
                    Column::Text(_) | Column::NumberCategory(_),
                ) => {
                    for category in categories {
                        let is = self.is_category(column, category);
                        parts.push(is);
                    }
                }
                _ => return Err(Error::UnknownColumn { name: name.clone() }),
            }
            let missing = self.is_missing(column);
            let there = self.op("Not", &[&missing], vec![]);
            present.push(self.as_double(&there));
        }
        let features = self.concat(&parts);
        let all = self.concat(&present);
        let axes = self.int64s(&[1], &[1]);
        let mut complete = self.op(
            "ReduceMin",
            &[&all, &axes],
            vec![("keepdims", Attribute::Int(0))],
        );
        if !self.refused.is_empty() {
            let refused: Vec<String> = self.refused.clone();
            let refused: Vec<String> = refused.iter().map(|r| self.as_double(r)).collect();
            let refused = self.concat(&refused);
            let any = self.reduce("ReduceMax", &refused, 1, false);
            let one = self.double(1.0);
            let kept = self.op("Sub", &[&one, &any], vec![]);
            complete = self.op("Mul", &[&complete, &kept], vec![]);
        }
        Ok((features, complete))
    }
}

/// The number a category names, if its text is that number as the engine writes it.
fn number_of(category: &str) -> Option<f64> {
    category
        .parse::<f64>()
        .ok()
        .filter(|v| v.to_string() == category)
}

/// `step` is the step's kind as the catalog names it (`step-kind-{step}`).
fn not_yet(step: &str, column: &str) -> Error {
    Error::OnnxStepNotYet {
        step: step.to_string(),
        column: column.to_string(),
    }
}
