//! Cleaning and feature steps: a list of plain data that the steps cell applies in order to the
//! table after the split. Steps that learn from data (imputers, scalers) learn from the training
//! rows only and then change every row, as a scikit-learn pipeline fitted on `X_train` does;
//! that is the lesson about leakage the cell shows.

use super::columns;
use super::fitted::RowStep;
use super::rows::{self, FilterOp};
use super::{ImputeStrategy, Imputer, Scaler, ScalerKind};
use crate::python::{py_float, py_retyped, py_str, py_str_list};
use crate::table::retype::{retype, to_categories, ValueType};
use crate::table::{Column, ColumnData, Table};
use crate::Error;
use serde::{Deserialize, Serialize};

/// Externally tagged (`{"impute": {…}}`), and read by hand ([`step_reader`]): serde's derived
/// readers of this enum cost the app's first load 14 KB (internally tagged) or 16 KB (derived).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// `df.drop(columns=[…])`.
    DropColumns { columns: Vec<String> },
    /// `SimpleImputer` on one column: numbers by any strategy, categories by the most frequent.
    Impute {
        column: String,
        strategy: ImputeStrategy,
    },
    /// Treat a column's values as categories, which the model then sees one-hot encoded
    /// (`OneHotEncoder(handle_unknown="ignore")`), even when they are numbers.
    OneHot { column: String },
    /// `StandardScaler`, `MinMaxScaler` or `RobustScaler` on one numeric column, or on every
    /// numeric feature column when `column` is `None`.
    Scale {
        column: Option<String>,
        kind: ScalerKind,
    },
    /// `df.dropna()`: rows with a missing feature value go, from both sides of the split.
    DropMissingRows,
    /// `df.rename(columns={column: to})`.
    Rename { column: String, to: String },
    /// Reads a column as numbers (what does not read becomes missing) or as categories.
    /// Reads a column as another kind of values (see [`crate::table::retype`]).
    Cast { column: String, to: ValueType },
    /// Keeps the rows where `column op value` holds, on both sides of the split.
    Filter {
        column: String,
        op: FilterOp,
        value: String,
    },
    /// `df.drop_duplicates()`, on each side of the split.
    DropDuplicates,
    /// `OrdinalEncoder`: categories as numbers in sorted order, learned from the training rows.
    Ordinal { column: String },
    /// Clips values beyond Q1 − 1.5·IQR and Q3 + 1.5·IQR of the training rows to those bounds.
    ClipOutliers { column: String },
    /// `np.log1p`, for a skewed column.
    Log { column: String },
    /// `KBinsDiscretizer(n_bins=bins, encode="ordinal", strategy="uniform")`.
    Bin { column: String, bins: u32 },
}

mod step_reader {
    //! `Step` from JSON as serde's derived `Serialize` writes it: `"drop_duplicates"` for a step
    //! without fields (or `{"drop_duplicates": null}`), `{"impute": {"column": …, …}}` otherwise.
    //! Every step's fields are read into one struct of optional fields, then checked for the
    //! step named: one small reader instead of one per step.

    use super::{FilterOp, ImputeStrategy, ScalerKind, Step, ValueType};
    use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer};
    use std::fmt;

    /// Every field any step has.
    #[derive(Default, Deserialize)]
    struct Fields {
        column: Option<String>,
        columns: Option<Vec<String>>,
        strategy: Option<ImputeStrategy>,
        kind: Option<ScalerKind>,
        /// A rename's new name, or a cast's "number" / "category".
        to: Option<String>,
        op: Option<FilterOp>,
        value: Option<String>,
        bins: Option<u32>,
    }

    const NAMES: &[&str] = &[
        "drop_columns",
        "impute",
        "one_hot",
        "scale",
        "drop_missing_rows",
        "rename",
        "cast",
        "filter",
        "drop_duplicates",
        "ordinal",
        "clip_outliers",
        "log",
        "bin",
    ];

    fn step<E: Error>(name: &str, f: Fields) -> Result<Step, E> {
        fn needs<T, E: Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
            value.ok_or_else(|| E::missing_field(field))
        }
        let column = || needs(f.column.clone(), "column");
        Ok(match name {
            "drop_columns" => Step::DropColumns {
                columns: needs(f.columns, "columns")?,
            },
            "impute" => Step::Impute {
                column: column()?,
                strategy: needs(f.strategy, "strategy")?,
            },
            "one_hot" => Step::OneHot { column: column()? },
            "scale" => Step::Scale {
                column: f.column,
                kind: needs(f.kind, "kind")?,
            },
            "drop_missing_rows" => Step::DropMissingRows,
            "rename" => Step::Rename {
                column: column()?,
                to: needs(f.to, "to")?,
            },
            "cast" => Step::Cast {
                column: column()?,
                to: {
                    let name = needs(f.to, "to")?;
                    ValueType::from_name(&name)
                        .ok_or_else(|| E::unknown_variant(&name, &ValueType::NAMES))?
                },
            },
            "filter" => Step::Filter {
                column: column()?,
                op: needs(f.op, "op")?,
                value: needs(f.value, "value")?,
            },
            "drop_duplicates" => Step::DropDuplicates,
            "ordinal" => Step::Ordinal { column: column()? },
            "clip_outliers" => Step::ClipOutliers { column: column()? },
            "log" => Step::Log { column: column()? },
            "bin" => Step::Bin {
                column: column()?,
                bins: needs(f.bins, "bins")?,
            },
            other => return Err(E::unknown_variant(other, NAMES)),
        })
    }

    struct StepVisitor;

    impl<'de> Visitor<'de> for StepVisitor {
        type Value = Step;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a step: its name, or an object of its name and fields")
        }

        fn visit_str<E: Error>(self, name: &str) -> Result<Step, E> {
            step(name, Fields::default())
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Step, A::Error> {
            let name: String = map
                .next_key()?
                .ok_or_else(|| A::Error::invalid_length(0, &self))?;
            let fields: Option<Fields> = map.next_value()?;
            if map.next_key::<IgnoredAny>()?.is_some() {
                return Err(A::Error::invalid_length(2, &self));
            }
            step(&name, fields.unwrap_or_default())
        }
    }

    impl<'de> Deserialize<'de> for Step {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(StepVisitor)
        }
    }
}

/// The most bins a bin step makes.
pub const MAX_BINS: u32 = 100;

/// What one step did, in numbers the cell shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    pub rows_before: usize,
    pub rows_after: usize,
    pub columns_before: usize,
    pub columns_after: usize,
    /// Cells the step changed (filled, scaled or recoded).
    pub cells_changed: usize,
    /// Values that became missing (text that did not read as a number).
    #[serde(default)]
    pub made_missing: usize,
    /// What a learning step learned from the training rows, e.g. the median it fills with.
    pub learned: Vec<(String, f64)>,
    /// The same step in pandas / scikit-learn ([`Step::python`]).
    pub python: String,
}

/// The table the steps work on, with the rows of each side of the split.
pub struct Prepared {
    pub table: Table,
    pub target: String,
    /// Indices into `table`'s rows.
    pub train: Vec<usize>,
    pub test: Vec<usize>,
    /// Rows in neither side, which every step changes but no step drops or learns from: the
    /// rows a predict cell predicts.
    pub carried: Vec<usize>,
}

impl Step {
    /// Applies the step, learning what it learns from `data.train` only.
    pub fn apply(&self, data: &mut Prepared) -> Result<StepReport, Error> {
        self.apply_fitted(data).map(|(report, _)| report)
    }

    /// [`apply`](Self::apply), and what the fitted step does to one new row, for a model taken
    /// out of the page (kept out of the report, which the app reads: the app carries none of
    /// this).
    pub fn apply_fitted(&self, data: &mut Prepared) -> Result<(StepReport, Vec<RowStep>), Error> {
        let (rows_before, columns_before) = (data.table.n_rows(), data.table.n_columns());
        let mut cells_changed = 0;
        let mut made_missing = 0;
        let mut learned = Vec::new();
        let mut fitted = Vec::new();
        match self {
            Step::DropColumns { columns } => {
                for name in columns {
                    if name == &data.target {
                        return Err(Error::StepOnTarget {
                            column: name.clone(),
                        });
                    }
                    column_index(&data.table, name)?;
                }
                data.table.columns.retain(|c| !columns.contains(&c.name));
                fitted.push(RowStep::Drop {
                    columns: columns.clone(),
                });
            }
            Step::Impute { column, strategy } => {
                let target = data.target.clone();
                let train = data.train.clone();
                let col = feature_column(&mut data.table, column, &target)?;
                let missing = (0..col.len()).filter(|&r| col.is_missing(r)).count();
                match &mut col.data {
                    ColumnData::Numeric(values) => {
                        let imputer = Imputer::fit(strategy, values, &train, column)?;
                        learned.push((column.clone(), imputer.fill));
                        fitted.push(RowStep::FillNumber {
                            column: column.clone(),
                            value: imputer.fill,
                        });
                        *values = imputer.transform(values);
                    }
                    ColumnData::Categorical(values) | ColumnData::Text(values) => {
                        if *strategy != ImputeStrategy::MostFrequent {
                            return Err(Error::StepNeedsNumbers {
                                column: column.clone(),
                            });
                        }
                        let fill = most_frequent(values, &train).ok_or_else(|| {
                            Error::ColumnAllMissing {
                                column: column.clone(),
                            }
                        })?;
                        values.iter_mut().filter(|v| v.is_none()).for_each(|v| {
                            *v = Some(fill.clone());
                        });
                        fitted.push(RowStep::FillCategory {
                            column: column.clone(),
                            value: fill,
                        });
                    }
                }
                cells_changed = missing;
            }
            Step::OneHot { column } => {
                let target = data.target.clone();
                let col = feature_column(&mut data.table, column, &target)?;
                cells_changed = to_categories(&mut col.data);
                fitted.push(RowStep::Categories {
                    column: column.clone(),
                });
            }
            Step::Scale { column, kind } => {
                let names: Vec<String> = match column {
                    Some(name) => vec![name.clone()],
                    None => data
                        .table
                        .columns
                        .iter()
                        .filter(|c| c.name != data.target)
                        .filter(|c| matches!(c.data, ColumnData::Numeric(_)))
                        .map(|c| c.name.clone())
                        .collect(),
                };
                let target = data.target.clone();
                let train = data.train.clone();
                for name in names {
                    let col = feature_column(&mut data.table, &name, &target)?;
                    let ColumnData::Numeric(values) = &mut col.data else {
                        return Err(Error::StepNeedsNumbers { column: name });
                    };
                    let scaler = Scaler::fit(*kind, values, &train, &name)?;
                    learned.push((name.clone(), scaler.center));
                    fitted.push(RowStep::Scale {
                        column: name.clone(),
                        kind: *kind,
                        center: scaler.center,
                        scale: scaler.scale,
                    });
                    cells_changed += values.iter().filter(|x| !x.is_nan()).count();
                    *values = scaler.transform(values);
                }
            }
            Step::DropMissingRows => {
                let features: Vec<&Column> = data
                    .table
                    .columns
                    .iter()
                    .filter(|c| c.name != data.target)
                    .collect();
                let keep: Vec<bool> = (0..rows_before)
                    .map(|r| features.iter().all(|c| !c.is_missing(r)))
                    .collect();
                rows::keep_rows(data, &keep)?;
            }
            Step::Rename { column, to } => {
                let to = to.trim();
                let taken = data.table.column(to).is_some();
                let col = feature_column(&mut data.table, column, &data.target.clone())?;
                if to.is_empty() || (taken && to != column) || to == data.target {
                    return Err(Error::StepNameTaken {
                        name: to.to_string(),
                    });
                }
                col.name = to.to_string();
                fitted.push(RowStep::Rename {
                    column: column.clone(),
                    to: to.to_string(),
                });
            }
            Step::Cast { column, to } => {
                let col = feature_column(&mut data.table, column, &data.target.clone())?;
                // Every present cell changes when the column's kind does; none when it was
                // of that kind already.
                let before = ValueType::of(&col.data);
                let present = (0..col.len()).filter(|&r| !col.is_missing(r)).count();
                made_missing = retype(col, *to);
                let column = column.clone();
                fitted.push(match to {
                    ValueType::Float => RowStep::Numbers {
                        column,
                        round: false,
                    },
                    ValueType::Integer => RowStep::Numbers {
                        column,
                        round: true,
                    },
                    ValueType::Boolean => RowStep::Truths { column },
                    ValueType::Categorical | ValueType::Text => RowStep::Categories { column },
                });
                if ValueType::of(&col.data) != before {
                    cells_changed = present;
                }
            }
            Step::Filter { column, op, value } => {
                let index = column_index(&data.table, column)?;
                if column == &data.target {
                    return Err(Error::StepOnTarget {
                        column: column.clone(),
                    });
                }
                let keep = rows::filter_rows(&data.table.columns[index], *op, value)?;
                rows::keep_rows(data, &keep)?;
            }
            Step::DropDuplicates => {
                let duplicate = rows::duplicate_rows(data);
                let keep: Vec<bool> = duplicate.iter().map(|d| !d).collect();
                rows::keep_rows(data, &keep)?;
            }
            Step::Ordinal { column } => {
                let train = data.train.clone();
                let col = feature_column(&mut data.table, column, &data.target.clone())?;
                let categories;
                (cells_changed, categories) = columns::ordinal(&mut col.data, &train, column)?;
                fitted.push(RowStep::Ordinal {
                    column: column.clone(),
                    categories,
                });
            }
            Step::ClipOutliers { column } => {
                let train = data.train.clone();
                let values = numeric_feature(data, column)?;
                let (low, high) = columns::iqr_bounds(values, &train, column)?;
                cells_changed = columns::clip(values, (low, high));
                learned.push((format!("{column} ≥"), low));
                learned.push((format!("{column} ≤"), high));
                fitted.push(RowStep::Clip {
                    column: column.clone(),
                    low,
                    high,
                });
            }
            Step::Log { column } => {
                let values = numeric_feature(data, column)?;
                cells_changed = columns::log1p(values, column)?;
                fitted.push(RowStep::Log {
                    column: column.clone(),
                });
            }
            Step::Bin { column, bins } => {
                if !(2..=MAX_BINS).contains(bins) {
                    return Err(Error::InvalidParameter {
                        name: "n_bins".into(),
                        value: bins.to_string(),
                        expected: crate::error::Expected::IntegerBetween {
                            min: 2,
                            max: u64::from(MAX_BINS),
                        },
                    });
                }
                let train = data.train.clone();
                let values = numeric_feature(data, column)?;
                let edges = columns::uniform_edges(values, &train, *bins, column)?;
                cells_changed = columns::bin(values, &edges);
                fitted.push(RowStep::Bin {
                    column: column.clone(),
                    edges,
                });
            }
        }
        Ok((
            StepReport {
                rows_before,
                rows_after: data.table.n_rows(),
                columns_before,
                columns_after: data.table.n_columns(),
                cells_changed,
                made_missing,
                learned,
                python: self.python(),
            },
            fitted,
        ))
    }

    /// The same step in pandas / scikit-learn, fitted on the training rows as the notebook does
    /// (`X_train`, `X_test` being the split's two sides).
    pub fn python(&self) -> String {
        match self {
            Step::DropColumns { columns } => {
                let list = py_str_list(columns);
                format!(
                    "X_train = X_train.drop(columns={list})\nX_test = X_test.drop(columns={list})"
                )
            }
            Step::Impute { column, strategy } => {
                let (name, fill) = match strategy {
                    ImputeStrategy::Mean => ("mean", String::new()),
                    ImputeStrategy::Median => ("median", String::new()),
                    ImputeStrategy::MostFrequent => ("most_frequent", String::new()),
                    ImputeStrategy::Constant(v) => {
                        ("constant", format!(", fill_value={}", py_float(*v)))
                    }
                };
                let column = py_str(column);
                format!(
                    "imputer = SimpleImputer(strategy=\"{name}\"{fill})\n\
                     X_train[[{column}]] = imputer.fit_transform(X_train[[{column}]])\n\
                     X_test[[{column}]] = imputer.transform(X_test[[{column}]])"
                )
            }
            Step::OneHot { column } => {
                let column = py_str(column);
                format!(
                    "# As text, the model's OneHotEncoder(handle_unknown=\"ignore\") encodes it:\n\
                     X_train[{column}] = X_train[{column}].astype(str)\n\
                     X_test[{column}] = X_test[{column}].astype(str)"
                )
            }
            Step::Scale { column, kind } => {
                let scaler = match kind {
                    ScalerKind::Standard => "StandardScaler",
                    ScalerKind::MinMax => "MinMaxScaler",
                    ScalerKind::Robust => "RobustScaler",
                };
                let columns = match column {
                    Some(name) => format!("[{}]", py_str(name)),
                    None => "X_train.select_dtypes(\"number\").columns".to_string(),
                };
                format!(
                    "columns = {columns}\nscaler = {scaler}()\n\
                     X_train[columns] = scaler.fit_transform(X_train[columns])\n\
                     X_test[columns] = scaler.transform(X_test[columns])"
                )
            }
            Step::DropMissingRows => keep_rows_python("{X}.notna().all(axis=1)"),
            Step::Rename { column, to } => {
                let names = format!("{{{}: {}}}", py_str(column), py_str(to.trim()));
                format!(
                    "X_train = X_train.rename(columns={names})\n\
                     X_test = X_test.rename(columns={names})"
                )
            }
            Step::Cast { column, to } => {
                let column = py_str(column);
                // Text is no feature: the model's encoder would one-hot it, so it goes.
                if *to == ValueType::Text {
                    return format!(
                        "X_train = X_train.drop(columns=[{column}])\n\
                         X_test = X_test.drop(columns=[{column}])"
                    );
                }
                let cast = |x: &str| py_retyped(&format!("{x}[{column}]"), *to);
                format!(
                    "X_train[{column}] = {}\nX_test[{column}] = {}",
                    cast("X_train"),
                    cast("X_test")
                )
            }
            Step::Filter { column, op, value } => {
                let column = py_str(column);
                let condition = match (op.python(), rows::filter_number(value)) {
                    (None, _) if *op == FilterOp::Missing => format!("{{X}}[{column}].isna()"),
                    (None, _) => format!("{{X}}[{column}].notna()"),
                    (Some(op), Some(number)) => {
                        format!("{{X}}[{column}] {op} {}", py_float(number))
                    }
                    (Some(op), _) => format!("{{X}}[{column}] {op} {}", py_str(value)),
                };
                keep_rows_python(&condition)
            }
            Step::DropDuplicates => keep_rows_python("~pd.concat([{X}, {y}], axis=1).duplicated()"),
            Step::Ordinal { column } => {
                let column = py_str(column);
                format!(
                    "encoder = OrdinalEncoder(handle_unknown=\"use_encoded_value\", unknown_value=-1)\n\
                     X_train[[{column}]] = encoder.fit_transform(X_train[[{column}]])\n\
                     X_test[[{column}]] = encoder.transform(X_test[[{column}]])"
                )
            }
            Step::ClipOutliers { column } => {
                let column = py_str(column);
                format!(
                    "q1, q3 = X_train[{column}].quantile([0.25, 0.75])\n\
                     low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)\n\
                     X_train[{column}] = X_train[{column}].clip(low, high)\n\
                     X_test[{column}] = X_test[{column}].clip(low, high)"
                )
            }
            Step::Log { column } => {
                let column = py_str(column);
                format!(
                    "X_train[{column}] = np.log1p(X_train[{column}])\n\
                     X_test[{column}] = np.log1p(X_test[{column}])"
                )
            }
            Step::Bin { column, bins } => {
                let column = py_str(column);
                // KBinsDiscretizer refuses missing values: they are left out, and stay missing.
                format!(
                    "binner = KBinsDiscretizer(n_bins={bins}, encode=\"ordinal\", strategy=\"uniform\")\n\
                     binner.fit(X_train[[{column}]].dropna())\n\
                     for X in (X_train, X_test):\n\
                     \x20   present = X[{column}].notna()\n\
                     \x20   X.loc[present, {column}] = binner.transform(X.loc[present, [{column}]])[:, 0]"
                )
            }
        }
    }
}

/// Python that keeps the rows where `condition` holds on each side of the split; in the
/// condition, `{X}` and `{y}` stand for that side's features and target.
fn keep_rows_python(condition: &str) -> String {
    ["train", "test"]
        .map(|side| {
            let condition = condition
                .replace("{X}", &format!("X_{side}"))
                .replace("{y}", &format!("y_{side}"));
            format!("keep = {condition}\nX_{side}, y_{side} = X_{side}[keep], y_{side}[keep]")
        })
        .join("\n")
}

/// The values of a numeric feature column to change.
fn numeric_feature<'a>(data: &'a mut Prepared, name: &str) -> Result<&'a mut Vec<f64>, Error> {
    let target = data.target.clone();
    match &mut feature_column(&mut data.table, name, &target)?.data {
        ColumnData::Numeric(values) => Ok(values),
        _ => Err(Error::StepNeedsNumbers {
            column: name.to_string(),
        }),
    }
}

fn column_index(table: &Table, name: &str) -> Result<usize, Error> {
    table
        .columns
        .iter()
        .position(|c| c.name == name)
        .ok_or_else(|| Error::UnknownColumn {
            name: name.to_string(),
        })
}

/// A feature column to change: it must exist and not be the target.
fn feature_column<'a>(
    table: &'a mut Table,
    name: &str,
    target: &str,
) -> Result<&'a mut Column, Error> {
    if name == target {
        return Err(Error::StepOnTarget {
            column: name.to_string(),
        });
    }
    let index = column_index(table, name)?;
    Ok(&mut table.columns[index])
}

/// The most frequent value among `rows`; among equals the smallest, as `SimpleImputer`.
fn most_frequent(values: &[Option<String>], rows: &[usize]) -> Option<String> {
    let mut seen: Vec<&str> = rows
        .iter()
        .filter_map(|&r| values.get(r).and_then(Option::as_deref))
        .collect();
    seen.sort_unstable();
    let mut best: Option<(&str, usize)> = None;
    for run in seen.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(value, _)| value.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_step_reads_back_as_written_in_both_forms_of_a_step_without_fields() {
        let steps = vec![
            Step::DropColumns {
                columns: vec!["a".into(), "b".into()],
            },
            Step::Impute {
                column: "age".into(),
                strategy: ImputeStrategy::Constant(-1.5),
            },
            Step::OneHot { column: "c".into() },
            Step::Scale {
                column: None,
                kind: ScalerKind::Robust,
            },
            Step::DropMissingRows,
            Step::Rename {
                column: "sex".into(),
                to: "gender".into(),
            },
            Step::Cast {
                column: "x".into(),
                to: ValueType::Categorical,
            },
            Step::Cast {
                column: "x".into(),
                to: ValueType::Boolean,
            },
            Step::Filter {
                column: "x".into(),
                op: FilterOp::GreaterOrEqual,
                value: "2,5".into(),
            },
            Step::DropDuplicates,
            Step::Ordinal { column: "c".into() },
            Step::ClipOutliers { column: "x".into() },
            Step::Log { column: "x".into() },
            Step::Bin {
                column: "x".into(),
                bins: 7,
            },
        ];
        let json = serde_json::to_string(&steps).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Step>>(&json).unwrap(), steps);
        let older: Vec<Step> =
            serde_json::from_str(r#"[{"drop_missing_rows":null},{"drop_duplicates":null}]"#)
                .unwrap();
        assert_eq!(older, [Step::DropMissingRows, Step::DropDuplicates]);
        for bad in [
            r#"{"impute":{"column":"age"}}"#,
            r#"{"cast":{"column":"x","to":"date"}}"#,
            r#"{"juggle":{"column":"x"}}"#,
            r#"{"log":{"column":"x"},"bin":{"column":"x","bins":2}}"#,
            "{}",
        ] {
            assert!(serde_json::from_str::<Step>(bad).is_err(), "{bad}");
        }
    }

    use super::*;
    use crate::table::read_csv;

    fn prepared(csv: &str, train: &[usize], test: &[usize]) -> Prepared {
        Prepared {
            table: read_csv(csv).unwrap(),
            target: "y".into(),
            train: train.to_vec(),
            test: test.to_vec(),
            carried: Vec::new(),
        }
    }

    const CSV: &str = "age,town,class,y\n10,a,1,n\n,b,2,y\n30,,1,n\n50,a,3,y\n,a,2,n\n";

    #[test]
    fn imputers_learn_from_training_rows_only() {
        // Training rows 0, 2, 3 hold ages 10, 30, 50: median 30. Row 4 (test) is missing too.
        let mut data = prepared(CSV, &[0, 1, 2, 3], &[4]);
        let step = Step::Impute {
            column: "age".into(),
            strategy: ImputeStrategy::Median,
        };
        let report = step.apply(&mut data).unwrap();
        assert_eq!(report.cells_changed, 2);
        assert_eq!(report.learned, [("age".to_string(), 30.0)]);
        let ages: Vec<String> = (0..5).map(|r| data.table.columns[0].display(r)).collect();
        assert_eq!(ages, ["10", "30", "30", "50", "30"]);
        // A test row's value never moves the fill: make it huge, same median.
        let mut leaky = prepared("age,y\n10,n\n30,y\n50,n\n9999,y\n", &[0, 1, 2], &[3]);
        let median = Step::Impute {
            column: "age".into(),
            strategy: ImputeStrategy::Mean,
        };
        assert_eq!(median.apply(&mut leaky).unwrap().learned[0].1, 30.0);
    }

    #[test]
    fn categories_fill_with_the_most_frequent_and_numbers_become_categories() {
        let mut data = prepared(CSV, &[0, 1, 2, 3], &[4]);
        Step::Impute {
            column: "town".into(),
            strategy: ImputeStrategy::MostFrequent,
        }
        .apply(&mut data)
        .unwrap();
        assert_eq!(data.table.columns[1].display(2), "a");
        let report = Step::OneHot {
            column: "class".into(),
        }
        .apply(&mut data)
        .unwrap();
        assert_eq!(report.cells_changed, 5);
        assert!(matches!(
            data.table.columns[2].data,
            ColumnData::Categorical(_)
        ));
        let mean_of_text = Step::Impute {
            column: "town".into(),
            strategy: ImputeStrategy::Mean,
        };
        assert!(matches!(
            mean_of_text.apply(&mut data),
            Err(Error::StepNeedsNumbers { .. })
        ));
    }

    #[test]
    fn a_cast_reads_a_column_as_any_kind_and_counts_what_it_changed_and_lost() {
        let cast = |column: &str, to| Step::Cast {
            column: column.into(),
            to,
        };
        let csv = "n,plan,y\n1.5,ya,a\n2.5,no,b\n,maybe,a\n4,1,b\n";
        let mut data = prepared(csv, &[0, 1, 2], &[3]);
        let report = cast("n", ValueType::Integer).apply(&mut data).unwrap();
        assert_eq!((report.cells_changed, report.made_missing), (3, 0));
        let n: Vec<String> = (0..4).map(|r| data.table.columns[0].display(r)).collect();
        assert_eq!(n, ["2", "2", "", "4"]);
        // Of a kind already: nothing changes.
        let again = cast("n", ValueType::Float).apply(&mut data).unwrap();
        assert_eq!(again.cells_changed, 0);
        let report = cast("plan", ValueType::Boolean).apply(&mut data).unwrap();
        assert_eq!((report.cells_changed, report.made_missing), (4, 1));
        let plan: Vec<String> = (0..4).map(|r| data.table.columns[1].display(r)).collect();
        assert_eq!(plan, ["True", "False", "", "True"]);
        cast("plan", ValueType::Text).apply(&mut data).unwrap();
        assert!(matches!(data.table.columns[1].data, ColumnData::Text(_)));
        // In pandas, text leaves the features.
        assert!(cast("plan", ValueType::Text)
            .python()
            .contains("X_train.drop(columns=[\"plan\"])"));
        assert!(matches!(
            cast("y", ValueType::Text).apply(&mut data),
            Err(Error::StepOnTarget { .. })
        ));
    }

    #[test]
    fn dropping_rows_carries_the_split_over_and_the_target_is_never_touched() {
        // Only rows 0 and 3 are complete, both training rows: the test side would be empty.
        let mut data = prepared(CSV, &[0, 1, 3], &[2, 4]);
        assert_eq!(
            Step::DropMissingRows.apply(&mut data),
            Err(Error::NoRowsLeft { dropped: 3 })
        );
        let mut data = prepared(CSV, &[0, 2], &[3]);
        Step::DropColumns {
            columns: vec!["town".into()],
        }
        .apply(&mut data)
        .unwrap();
        let report = Step::DropMissingRows.apply(&mut data).unwrap();
        assert_eq!((report.rows_before, report.rows_after), (5, 3));
        assert_eq!(
            (data.train.clone(), data.test.clone()),
            (vec![0, 1], vec![2])
        );
        for step in [
            Step::DropColumns {
                columns: vec!["y".into()],
            },
            Step::Scale {
                column: Some("y".into()),
                kind: ScalerKind::Standard,
            },
        ] {
            assert!(matches!(
                step.apply(&mut data),
                Err(Error::StepOnTarget { .. })
            ));
        }
        assert!(matches!(
            Step::OneHot {
                column: "nope".into()
            }
            .apply(&mut data),
            Err(Error::UnknownColumn { .. })
        ));
    }

    #[test]
    fn scaling_every_numeric_feature_uses_training_statistics() {
        let mut data = prepared("a,b,y\n1,10,n\n3,30,y\n100,1000,n\n", &[0, 1], &[2]);
        let report = Step::Scale {
            column: None,
            kind: ScalerKind::Standard,
        }
        .apply(&mut data)
        .unwrap();
        assert_eq!(report.learned, [("a".into(), 2.0), ("b".into(), 20.0)]);
        assert_eq!(data.table.columns[0].display(0), "-1");
        assert_eq!(data.table.columns[0].display(2), "98");
    }
}
