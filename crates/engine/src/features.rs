//! From a table to the numbers a model learns from: the feature matrix and the class labels.
//!
//! Numeric columns pass through; categorical columns are one-hot encoded with categories learned
//! from the training rows only (scikit-learn's `OneHotEncoder(handle_unknown="ignore")`: sorted
//! categories, an unseen one encodes as all zeros); free-text columns are left out.

pub mod scale;

use crate::error::LimitedPart;
use crate::table::{ColumnData, Table};
use crate::Error;
use serde::Serialize;

/// Dense row-major matrix.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl Matrix {
    /// A matrix written row by row (all rows as long as the first).
    pub fn from_rows(rows: &[&[f64]]) -> Self {
        Self {
            rows: rows.len(),
            cols: rows.first().map_or(0, |r| r.len()),
            data: rows.iter().flat_map(|r| r.iter().copied()).collect(),
        }
    }

    pub fn row(&self, r: usize) -> &[f64] {
        &self.data[r * self.cols..(r + 1) * self.cols]
    }

    /// The rows `rows` of this matrix, in that order.
    pub fn select_rows(&self, rows: &[usize]) -> Matrix {
        Matrix {
            rows: rows.len(),
            cols: self.cols,
            data: rows
                .iter()
                .flat_map(|&r| self.row(r).iter().copied())
                .collect(),
        }
    }

    pub fn get(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.cols + c]
    }
}

/// Class labels of a target column: `codes[i]` indexes `classes`, which are sorted as
/// scikit-learn sorts them (numerically for numbers, by text otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    pub classes: Vec<String>,
    pub codes: Vec<u32>,
}

/// The most classes a target may have: a numeric target with more distinct values is a number to
/// predict (regression), as is one with a fractional value (scikit-learn's `type_of_target`
/// calls it "continuous").
pub const MAX_CLASSES: usize = 50;

/// The most features a model is given, after one-hot encoding: as many as a data set may have
/// columns ([`crate::table::MAX_COLUMNS`]). A column of categories gives one feature per category,
/// so a few columns with thousands of values each would otherwise make a matrix of gigabytes,
/// and the work budget (which counts columns) would not see it coming.
pub const MAX_FEATURES: usize = crate::table::MAX_COLUMNS;

/// What a target column asks a model to do: name a class, or predict a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Classes(Labels),
    Numbers(Vec<f64>),
}

impl Target {
    /// Reads a complete (no missing cells) target column: numbers with a fraction, or with more
    /// than [`MAX_CLASSES`] distinct values, are a regression target; anything else is classes.
    pub fn of(table: &Table, target: &str) -> Result<Target, Error> {
        if let Some(ColumnData::Numeric(values)) = table.column(target).map(|c| &c.data) {
            // Every row keeps its value (rows index into them); a missing one, which the data
            // set cell has dropped already, would reach the models as NaN and be refused there.
            let mut distinct: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            let continuous = distinct.iter().any(|v| v.fract() != 0.0);
            if distinct.len() > 1 && (continuous || distinct.len() > MAX_CLASSES) {
                return Ok(Target::Numbers(values.clone()));
            }
        }
        encode_target(table, target).map(Target::Classes)
    }

    /// The class labels, unless this is a regression target.
    pub fn labels(&self) -> Option<&Labels> {
        match self {
            Target::Classes(labels) => Some(labels),
            Target::Numbers(_) => None,
        }
    }

    pub fn rows(&self) -> usize {
        match self {
            Target::Classes(labels) => labels.codes.len(),
            Target::Numbers(values) => values.len(),
        }
    }

    /// The target of `rows` (indices into this one), as a model learns it.
    pub fn of_rows(&self, rows: &[usize]) -> Outcomes {
        match self {
            Target::Classes(labels) => Outcomes::Classes {
                codes: rows.iter().map(|&r| labels.codes[r]).collect(),
                n_classes: labels.classes.len(),
            },
            Target::Numbers(values) => Outcomes::Numbers(rows.iter().map(|&r| values[r]).collect()),
        }
    }
}

/// Some rows' targets: class codes (of `n_classes` classes) or numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcomes {
    Classes { codes: Vec<u32>, n_classes: usize },
    Numbers(Vec<f64>),
}

/// Encodes a complete (no missing cells) target column as class labels.
pub fn encode_target(table: &Table, target: &str) -> Result<Labels, Error> {
    let column = table.column(target).ok_or_else(|| Error::UnknownColumn {
        name: target.to_string(),
    })?;
    let (mut keys, values): (Vec<(f64, String)>, Vec<String>) = match &column.data {
        ColumnData::Numeric(v) => {
            let xs: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
            let keys = xs.iter().map(|&x| (x, x.to_string())).collect();
            (keys, xs.iter().map(|x| x.to_string()).collect())
        }
        ColumnData::Categorical(v) | ColumnData::Text(v) => {
            let s: Vec<String> = v.iter().flatten().cloned().collect();
            (s.iter().map(|x| (0.0, x.clone())).collect(), s)
        }
    };
    keys.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    keys.dedup_by(|a, b| a.1 == b.1);
    let classes: Vec<String> = keys.into_iter().map(|(_, name)| name).collect();
    match classes.len() {
        0 => return Err(Error::NoRowsLeft { dropped: 0 }),
        1 => {
            return Err(Error::SingleClassTarget {
                column: target.to_string(),
                class: classes[0].clone(),
            })
        }
        n if n > MAX_CLASSES => {
            return Err(Error::TooManyClasses {
                column: target.to_string(),
                classes: n,
                limit: MAX_CLASSES,
            })
        }
        _ => {}
    }
    let codes = values
        .iter()
        .map(|v| classes.iter().position(|c| c == v).unwrap_or(0) as u32)
        .collect();
    Ok(Labels { classes, codes })
}

/// How one column feeds the model: as its number, or as one 0/1 feature per category seen in
/// training (none of them on for a category it never saw, or a missing one).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Encoding {
    Numeric {
        column: String,
    },
    OneHot {
        column: String,
        categories: Vec<String>,
    },
}

/// The fitted feature encoder: which columns feed the model and how.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureEncoder {
    encodings: Vec<Encoding>,
}

impl FeatureEncoder {
    /// Learns the encoding from the given training rows of `table`, using every column but the
    /// target that is numeric or categorical.
    pub fn fit(table: &Table, target: &str, train_rows: &[usize]) -> Result<Self, Error> {
        let mut encodings = Vec::new();
        for column in table.columns.iter().filter(|c| c.name != target) {
            match &column.data {
                ColumnData::Numeric(_) => encodings.push(Encoding::Numeric {
                    column: column.name.clone(),
                }),
                ColumnData::Categorical(values) => {
                    let mut categories: Vec<String> = train_rows
                        .iter()
                        .filter_map(|&r| values.get(r).cloned().flatten())
                        .collect();
                    categories.sort_unstable();
                    categories.dedup();
                    encodings.push(Encoding::OneHot {
                        column: column.name.clone(),
                        categories,
                    });
                }
                ColumnData::Text(_) => {}
            }
        }
        if encodings.is_empty() {
            return Err(Error::NoFeatures);
        }
        let encoder = Self { encodings };
        let width = encoder.width();
        if width > MAX_FEATURES {
            return Err(Error::OverLimit {
                part: LimitedPart::Features,
                found: width,
                limit: MAX_FEATURES,
            });
        }
        Ok(encoder)
    }

    /// Each column the model reads, in its order.
    pub fn encodings(&self) -> &[Encoding] {
        &self.encodings
    }

    /// How many features the model sees: one per numeric column, one per category.
    pub fn width(&self) -> usize {
        self.encodings
            .iter()
            .map(|e| match e {
                Encoding::Numeric { .. } => 1,
                Encoding::OneHot { categories, .. } => categories.len(),
            })
            .sum()
    }

    /// Feature names as scikit-learn's `get_feature_names_out` writes them (`sex_male`).
    pub fn feature_names(&self) -> Vec<String> {
        self.encodings
            .iter()
            .flat_map(|e| match e {
                Encoding::Numeric { column } => vec![column.clone()],
                Encoding::OneHot { column, categories } => {
                    categories.iter().map(|c| format!("{column}_{c}")).collect()
                }
            })
            .collect()
    }

    /// Columns that were one-hot encoded, for the notebook to say so.
    pub fn one_hot_columns(&self) -> Vec<String> {
        self.encodings
            .iter()
            .filter_map(|e| match e {
                Encoding::OneHot { column, .. } => Some(column.clone()),
                Encoding::Numeric { .. } => None,
            })
            .collect()
    }

    /// Columns left out of the features (free text), for the notebook to say so.
    pub fn ignored_columns(table: &Table) -> Vec<String> {
        table
            .columns
            .iter()
            .filter(|c| matches!(c.data, ColumnData::Text(_)))
            .map(|c| c.name.clone())
            .collect()
    }

    /// Encodes the given rows. Missing cells become NaN; callers drop incomplete rows first.
    pub fn transform(&self, table: &Table, rows: &[usize]) -> Result<Matrix, Error> {
        let cols = self.feature_names().len();
        let mut data = Vec::with_capacity(rows.len() * cols);
        for &r in rows {
            for encoding in &self.encodings {
                let name = match encoding {
                    Encoding::Numeric { column } | Encoding::OneHot { column, .. } => column,
                };
                let column = table
                    .column(name)
                    .ok_or_else(|| Error::UnknownColumn { name: name.clone() })?;
                match (encoding, &column.data) {
                    (Encoding::Numeric { .. }, ColumnData::Numeric(v)) => {
                        data.push(v.get(r).copied().unwrap_or(f64::NAN));
                    }
                    (Encoding::OneHot { categories, .. }, ColumnData::Categorical(v)) => {
                        let value = v.get(r).and_then(Option::as_deref);
                        data.extend(
                            categories
                                .iter()
                                .map(|c| f64::from(u8::from(Some(c.as_str()) == value))),
                        );
                    }
                    _ => return Err(Error::UnknownColumn { name: name.clone() }),
                }
            }
        }
        Ok(Matrix {
            rows: rows.len(),
            cols,
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::read_csv;

    #[test]
    fn a_target_keeps_a_value_per_row_and_reads_its_task() {
        let numbers = read_csv("x,y\n1,0.5\n2,\n3,2.5\n").unwrap();
        let Target::Numbers(values) = Target::of(&numbers, "y").unwrap() else {
            panic!("fractions are a number to predict");
        };
        // The missing value keeps its row (as NaN), so rows index the values.
        assert_eq!(values.len(), 3);
        assert!(values[1].is_nan());
        assert_eq!(
            Target::of(&numbers, "y").unwrap().of_rows(&[2]),
            Outcomes::Numbers(vec![2.5])
        );
        let whole = read_csv("x,y\n1,3\n2,4\n3,3\n").unwrap();
        assert!(Target::of(&whole, "y").unwrap().labels().is_some());
    }

    #[test]
    fn one_hot_learns_categories_from_training_rows_only() {
        let table = read_csv("size,colour,y\n1,red,a\n2,blue,b\n3,green,a\n").unwrap();
        let encoder = FeatureEncoder::fit(&table, "y", &[0, 1]).unwrap();
        assert_eq!(
            encoder.feature_names(),
            ["size", "colour_blue", "colour_red"]
        );
        let x = encoder.transform(&table, &[0, 1, 2]).unwrap();
        assert_eq!(x.row(0), [1.0, 0.0, 1.0]);
        assert_eq!(x.row(1), [2.0, 1.0, 0.0]);
        // "green" was never seen in training: all zeros, as handle_unknown="ignore" does.
        assert_eq!(x.row(2), [3.0, 0.0, 0.0]);
    }

    #[test]
    fn one_hot_refuses_more_features_than_the_limit_and_says_how_many() {
        // Two columns of half-unique codes (categories, not text: half the rows share each
        // code), so each gives one feature per code.
        let rows = 2 * (MAX_FEATURES / 2 + 2);
        let mut csv = String::from("a,b,y\n");
        for r in 0..rows {
            csv += &format!("a{},b{},{}\n", r / 2, r / 2, r % 2);
        }
        let table = read_csv(&csv).unwrap();
        let all: Vec<usize> = (0..rows).collect();
        let Err(Error::OverLimit { part, found, limit }) = FeatureEncoder::fit(&table, "y", &all)
        else {
            panic!("{} features were accepted", rows);
        };
        assert_eq!(
            (part, found, limit),
            (LimitedPart::Features, rows, MAX_FEATURES)
        );
        // The same data with fewer training rows fits.
        let some: Vec<usize> = (0..MAX_FEATURES / 2).collect();
        assert_eq!(
            FeatureEncoder::fit(&table, "y", &some).unwrap().width(),
            MAX_FEATURES / 2
        );
    }

    #[test]
    fn numeric_classes_sort_as_numbers_and_text_classes_as_text() {
        let table = read_csv("x,n,s\n1,10,b\n2,9,a\n3,10,c\n").unwrap();
        assert_eq!(encode_target(&table, "n").unwrap().classes, ["9", "10"]);
        let labels = encode_target(&table, "s").unwrap();
        assert_eq!(labels.classes, ["a", "b", "c"]);
        assert_eq!(labels.codes, [1, 0, 2]);
    }

    #[test]
    fn single_class_and_regression_like_targets_are_refused() {
        let table = read_csv("x,y\n1,a\n2,a\n").unwrap();
        assert!(matches!(
            encode_target(&table, "y"),
            Err(Error::SingleClassTarget { .. })
        ));
        let mut csv = String::from("x,y\n");
        for i in 0..60 {
            csv += &format!("{i},{}.5\n", i);
        }
        assert!(matches!(
            encode_target(&read_csv(&csv).unwrap(), "y"),
            Err(Error::TooManyClasses { classes: 60, .. })
        ));
    }
}
