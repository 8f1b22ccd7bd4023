//! The predict cell: the pipeline trained above (the steps cells' cleaning, the feature
//! encoder, the model) on one new row, which the learner types in a form of the data's columns.
//!
//! The row rides along with the table through the same steps as the test rows: it is added to
//! the data set as it was before the steps, in neither side of the split (so nothing learns from
//! it), and the steps keep it whatever their row filters say ([`Prepared::carried`]). It is then
//! changed exactly as a test row is, by the same code, and encoded and predicted as the evaluate
//! cell predicts the test set.

use super::eval::{data_above, DataSource, Fitted, SplitData, State};
use super::{Cell, Notebook, StepsCell};
use crate::error::CellKind;
use crate::features::FeatureEncoder;
use crate::prep::{Prepared, RowStep};
use crate::split::HoldOut;
use crate::table::{read_table, ColumnData, Table};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The most categories a field offers to choose from; beyond them the learner types.
pub const MAX_CHOICES: usize = 100;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PredictCell {
    /// The row, by column, as typed; a column left out takes the first test row's value, and an
    /// empty value is a missing one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// A file of new rows (a data id, as a data set cell's), each predicted: a batch, and a
    /// Kaggle-style submission file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
}

/// A row to predict: its value of a column, by the column's name.
type RowValues<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// A batch file's rows shown under the cell.
pub const BATCH_PREVIEW_ROWS: usize = 5;

/// One column of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictField {
    pub column: String,
    /// The categories seen in the training rows (sorted), for a column of categories; empty for
    /// numbers.
    pub choices: Vec<String>,
    pub numeric: bool,
    /// The value predicted from, as typed or taken from the first test row; empty: missing.
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Prediction {
    /// The class predicted, and each class's probability (in the classes' order).
    Class {
        class: String,
        classes: Vec<String>,
        probabilities: Vec<f64>,
        /// False for the support vector machine, whose shares are squashed scores.
        calibrated: bool,
    },
    Number(f64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PredictOutput {
    pub fields: Vec<PredictField>,
    pub prediction: Prediction,
    #[serde(default)]
    pub batch: Option<BatchPrediction>,
}

/// A batch file predicted: the file with the prediction (and each class's probability) added
/// as columns, as CSV, and its first rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchPrediction {
    pub rows: usize,
    pub csv: String,
    pub header: Vec<String>,
    pub preview: Vec<Vec<String>>,
}

pub(super) fn run(
    cell: &PredictCell,
    notebook: &Notebook,
    index: usize,
    source: &dyn DataSource,
    state: &State,
) -> Result<PredictOutput, Error> {
    let (encoder, model) = state.model.as_deref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    // The data as the steps cells received it: the state before the first of them.
    let trained_at = notebook.cells[..index]
        .iter()
        .rposition(|c| matches!(c, Cell::Train(_)))
        .ok_or(Error::NeedsCellAbove {
            cell: CellKind::Train,
        })?;
    let (steps, before) = before_steps(notebook, trained_at, source)?;
    let data = before.split_data()?;
    let cast = cast_columns(&steps);
    let fields = fields(cell, data.table, data.target, &cast, data.split);
    let typed = |column: &str| {
        fields
            .iter()
            .find(|f| f.column == column)
            .map(|f| f.value.clone())
    };
    let prediction = predict_rows(
        &data,
        encoder,
        model,
        &steps,
        &state.class_names(),
        &[&typed],
    )?
    .swap_remove(0);
    let batch = match &cell.batch {
        None => None,
        Some(id) => {
            let text = source.csv(id).ok_or_else(|| Error::UserDataMissing {
                file: crate::datasets::user_file_name(id)
                    .unwrap_or(id)
                    .to_string(),
            })?;
            let file = read_table(text)?;
            let rows: Vec<_> = (0..file.n_rows())
                .map(|r| {
                    let file = &file;
                    move |column: &str| {
                        file.column(column)
                            .filter(|c| !c.is_missing(r))
                            .map(|c| c.display(r))
                    }
                })
                .collect();
            let typed: Vec<&RowValues<'_>> = rows.iter().map(|f| f as &RowValues<'_>).collect();
            let predictions =
                predict_rows(&data, encoder, model, &steps, &state.class_names(), &typed)?;
            Some(batch_output(&file, &predictions)?)
        }
    };
    Ok(PredictOutput {
        fields,
        prediction,
        batch,
    })
}

/// Steps cells, each with its index.
type StepsCells<'a> = Vec<(usize, &'a StepsCell)>;

/// The steps cells between the data set cell and the train cell at `trained_at`, and the state
/// the first of them receives (the data as the steps see it).
fn before_steps<'a>(
    notebook: &'a Notebook,
    trained_at: usize,
    source: &dyn DataSource,
) -> Result<(StepsCells<'a>, State), Error> {
    let dataset_at = notebook.cells[..trained_at]
        .iter()
        .rposition(|c| matches!(c, Cell::Dataset(_)))
        .ok_or(Error::NeedsCellAbove {
            cell: CellKind::Dataset,
        })?;
    let steps: Vec<_> = notebook.cells[dataset_at..trained_at]
        .iter()
        .enumerate()
        .filter_map(|(offset, c)| match c {
            Cell::Steps(s) => Some((dataset_at + offset, s)),
            _ => None,
        })
        .collect();
    let before = data_above(notebook, steps.first().map_or(trained_at, |s| s.0), source);
    Ok((steps, before))
}

/// Text is no feature, unless a step reads it as another kind (a cast, a one-hot or ordinal
/// encoding): those columns, by the names the data set gives them (before any rename).
fn cast_columns<'a>(steps: &StepsCells<'a>) -> Vec<&'a str> {
    use crate::prep::Step;
    let mut original: Vec<(&'a str, &'a str)> = Vec::new();
    let mut cast = Vec::new();
    for step in steps.iter().flat_map(|(_, s)| &s.steps) {
        let named = |column: &'a str| {
            original
                .iter()
                .rev()
                .find(|(now, _)| *now == column)
                .map_or(column, |(_, was)| *was)
        };
        match step {
            Step::Rename { column, to } => original.push((to.as_str(), named(column.as_str()))),
            Step::Cast { column, .. } | Step::OneHot { column } | Step::Ordinal { column } => {
                cast.push(named(column.as_str()));
            }
            _ => {}
        }
    }
    cast
}

/// The columns a new row needs for the model of the train cell at `trained_at`, with the first
/// test row's values: a deployed model's inputs.
pub(crate) fn input_fields(
    notebook: &Notebook,
    trained_at: usize,
    source: &dyn DataSource,
) -> Result<Vec<PredictField>, Error> {
    let (steps, before) = before_steps(notebook, trained_at, source)?;
    let data = before.split_data()?;
    Ok(fields(
        &PredictCell::default(),
        data.table,
        data.target,
        &cast_columns(&steps),
        data.split,
    ))
}

/// What a model taken out of the page needs besides the model: each step as it changes one new
/// row (fitted on the training rows, as the table's steps were), and the first `examples` test
/// rows as they were before the steps (text, as a form or a file gives them) with the
/// pipeline's prediction of each, for the exports' tests to compare with.
pub(crate) fn deploy_parts(
    notebook: &Notebook,
    trained_at: usize,
    source: &dyn DataSource,
    (encoder, model): (&FeatureEncoder, &Fitted),
    classes: &[String],
    examples: usize,
) -> Result<(Vec<RowStep>, Vec<Example>), Error> {
    let (steps, before) = before_steps(notebook, trained_at, source)?;
    let data = before.split_data()?;
    let mut prepared = Prepared {
        table: data.table.clone(),
        target: data.target.to_string(),
        train: data.split.train.clone(),
        test: data.split.test.clone(),
        carried: Vec::new(),
    };
    let mut row_steps = Vec::new();
    for (_, cell) in &steps {
        for step in &cell.steps {
            row_steps.extend(step.apply_fitted(&mut prepared)?.1);
        }
    }
    let rows: Vec<BTreeMap<String, String>> = data
        .split
        .test
        .iter()
        .take(examples)
        .map(|&r| {
            data.table
                .columns
                .iter()
                .filter(|c| c.name != data.target)
                .map(|c| (c.name.clone(), c.display(r)))
                .collect()
        })
        .collect();
    let readers: Vec<Box<RowValues<'_>>> = rows
        .iter()
        .map(|row| Box::new(|column: &str| row.get(column).cloned()) as Box<RowValues<'_>>)
        .collect();
    let readers: Vec<&RowValues<'_>> = readers.iter().map(|r| &**r).collect();
    // A row the model cannot take (a missing value where only trees allow one) is left out.
    let predicted = match predict_rows(&data, encoder, model, &steps, classes, &readers) {
        Ok(all) => all.into_iter().map(Some).collect(),
        Err(_) => readers
            .iter()
            .map(|r| {
                predict_rows(&data, encoder, model, &steps, classes, &[*r])
                    .ok()
                    .map(|mut p| p.swap_remove(0))
            })
            .collect::<Vec<_>>(),
    };
    let examples = rows
        .iter()
        .zip(predicted)
        .filter_map(|(row, prediction)| {
            Some(Example {
                row: row.clone(),
                prediction: prediction?,
            })
        })
        .collect();
    Ok((row_steps, examples))
}

/// A row as typed (by column, before the steps) and the notebook's prediction of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub row: BTreeMap<String, String>,
    pub prediction: Prediction,
}

/// Each row's prediction: the rows (each a column → value reader) added to the table as it was
/// before the steps, carried through them, encoded and predicted.
fn predict_rows(
    data: &SplitData,
    encoder: &FeatureEncoder,
    model: &Fitted,
    steps: &[(usize, &StepsCell)],
    classes: &[String],
    rows: &[&RowValues<'_>],
) -> Result<Vec<Prediction>, Error> {
    let mut table = data.table.clone();
    let first = table.n_rows();
    for row in rows {
        append_row(&mut table, data.target, row, &data.split.train)?;
    }
    let mut prepared = Prepared {
        table,
        target: data.target.to_string(),
        train: data.split.train.clone(),
        test: data.split.test.clone(),
        carried: (first..first + rows.len()).collect(),
    };
    for (_, cell) in steps {
        for step in &cell.steps {
            step.apply(&mut prepared)?;
        }
    }
    predict_carried(&prepared, encoder, model, classes)
}

/// The batch file with the predictions as columns: `prediction`, then `probability_<class>`.
fn batch_output(file: &Table, predictions: &[Prediction]) -> Result<BatchPrediction, Error> {
    let mut header: Vec<String> = file.columns.iter().map(|c| c.name.clone()).collect();
    header.push("prediction".into());
    if let Some(Prediction::Class { classes, .. }) = predictions.first() {
        header.extend(classes.iter().map(|c| format!("probability_{c}")));
    }
    let rows: Vec<Vec<String>> = predictions
        .iter()
        .enumerate()
        .map(|(r, prediction)| {
            let mut row: Vec<String> = file.columns.iter().map(|c| c.display(r)).collect();
            match prediction {
                Prediction::Class {
                    class,
                    probabilities,
                    ..
                } => {
                    row.push(class.clone());
                    row.extend(probabilities.iter().map(|p| p.to_string()));
                }
                Prediction::Number(value) => row.push(value.to_string()),
            }
            row
        })
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| Error::Csv {
        line: 0,
        message: e.to_string(),
    };
    writer.write_record(&header).map_err(failed)?;
    for row in &rows {
        writer.write_record(row).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::Csv {
        line: 0,
        message: e.to_string(),
    })?;
    Ok(BatchPrediction {
        rows: rows.len(),
        csv: String::from_utf8_lossy(&bytes).into_owned(),
        header,
        preview: rows.into_iter().take(BATCH_PREVIEW_ROWS).collect(),
    })
}

/// The form: every column a model can read but the target (text too, where a step casts it),
/// with the value it predicts from.
fn fields(
    cell: &PredictCell,
    table: &Table,
    target: &str,
    cast: &[&str],
    split: &HoldOut,
) -> Vec<PredictField> {
    let ignored = FeatureEncoder::ignored_columns(table);
    let (train, test) = (&split.train, &split.test);
    let example = test.first().or(train.first()).copied();
    table
        .columns
        .iter()
        .filter(|c| c.name != target)
        .filter(|c| !ignored.contains(&c.name) || cast.contains(&c.name.as_str()))
        .map(|column| {
            let choices = match &column.data {
                ColumnData::Categorical(values) => {
                    let mut seen: Vec<String> = train
                        .iter()
                        .filter_map(|&r| values.get(r).cloned().flatten())
                        .collect();
                    seen.sort_unstable();
                    seen.dedup();
                    seen.truncate(MAX_CHOICES);
                    seen
                }
                _ => Vec::new(),
            };
            let value = match cell.values.get(&column.name) {
                Some(typed) => typed.trim().to_string(),
                None => example.map(|r| column.display(r)).unwrap_or_default(),
            };
            PredictField {
                column: column.name.clone(),
                choices,
                numeric: matches!(column.data, ColumnData::Numeric(_)),
                value,
            }
        })
        .collect()
}

/// Adds a row to `table`, its values read by column name: numbers read (a decimal comma too),
/// categories as they are, an absent or empty value missing; the target copies a training
/// row's, which nothing reads.
fn append_row(
    table: &mut Table,
    target: &str,
    value_of: &RowValues<'_>,
    train: &[usize],
) -> Result<(), Error> {
    let donor = train.first().copied().unwrap_or(0);
    for column in &mut table.columns {
        let typed = value_of(&column.name).filter(|v| !v.trim().is_empty());
        let is_target = column.name == target;
        match &mut column.data {
            ColumnData::Numeric(values) => {
                let value = match &typed {
                    _ if is_target => values.get(donor).copied().unwrap_or(f64::NAN),
                    None => f64::NAN,
                    Some(text) => {
                        read_number(text).ok_or_else(|| Error::PredictValueNotNumber {
                            column: column.name.clone(),
                            value: text.clone(),
                        })?
                    }
                };
                values.push(value);
            }
            ColumnData::Categorical(values) | ColumnData::Text(values) => {
                let value = match typed {
                    _ if is_target => values.get(donor).cloned().flatten(),
                    other => other.map(|v| v.trim().to_string()),
                };
                values.push(value);
            }
        }
    }
    Ok(())
}

/// A number as either language writes it: `22.5` or `22,5`.
pub fn read_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = if text.contains('.') {
        text.to_string()
    } else {
        text.replace(',', ".")
    };
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The carried rows, after the steps, through the encoder and the model.
fn predict_carried(
    prepared: &Prepared,
    encoder: &FeatureEncoder,
    model: &Fitted,
    classes: &[String],
) -> Result<Vec<Prediction>, Error> {
    let rows = &prepared.carried;
    let missing: Vec<String> = prepared
        .table
        .columns
        .iter()
        .filter(|c| c.name != prepared.target)
        .filter(|c| !FeatureEncoder::ignored_columns(&prepared.table).contains(&c.name))
        .filter(|c| rows.iter().any(|&r| c.is_missing(r)))
        .map(|c| c.name.clone())
        .collect();
    if !missing.is_empty() {
        return Err(Error::PredictValuesMissing { columns: missing });
    }
    let x = encoder.transform(&prepared.table, rows)?;
    Ok(match model {
        Fitted::Classifier(model) => {
            let calibrated = model.gives_probabilities();
            model
                .predict_proba(&x)
                .into_iter()
                .zip(model.predict(&x))
                .map(|(probabilities, code)| Prediction::Class {
                    class: classes.get(code as usize).cloned().unwrap_or_default(),
                    classes: classes.to_vec(),
                    probabilities,
                    calibrated,
                })
                .collect()
        }
        Fitted::Regressor(model) => model
            .predict(&x)
            .into_iter()
            .map(Prediction::Number)
            .collect(),
    })
}
