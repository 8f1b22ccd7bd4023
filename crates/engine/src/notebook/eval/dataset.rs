//! The data set cell (the file read, its columns retyped, incomplete rows dropped) and the
//! explore cell (its profile, and two columns against each other).

use super::state::State;
use super::{DataSource, DatasetOutput, TargetRange};
use crate::features::{FeatureEncoder, Target};
use crate::notebook::{Cell, DatasetCell, ExploreCell, Notebook};
use crate::table::profile::{profile, TableProfile};
use crate::table::retype::{retype, ValueType};
use crate::table::scatter::{default_axes, scatter};
use crate::table::{read_table_skipping, Table};
use crate::Error;
use std::sync::Arc;

const PREVIEW_ROWS: usize = 5;

/// Loads the data set. Rows with a missing value in a used column are dropped, unless
/// `keep_incomplete` (a steps cell follows, to fill them): then only rows without a target go.
pub(super) fn run_dataset(
    cell: &DatasetCell,
    source: &dyn DataSource,
    keep_incomplete: bool,
    state: &mut State,
) -> Result<DatasetOutput, Error> {
    *state = State::default();
    let text = source.csv(&cell.dataset).ok_or_else(|| {
        let datasets = (
            crate::datasets::user_file_name(&cell.dataset),
            crate::datasets::query_result_name(&cell.dataset),
        );
        match datasets {
            (Some(file), _) => Error::UserDataMissing { file: file.into() },
            (_, Some(name)) => Error::QueryResultMissing { name: name.into() },
            _ => Error::UnknownDataset {
                name: cell.dataset.clone(),
            },
        }
    })?;
    // Kept as loaded for the explore cell, before the checks below that may fail.
    let (mut table, skipped_lines) = read_table_skipping(text, cell.skip_bad_rows)?;
    let lost_to_types = retype_columns(&mut table, &cell.types)?;
    let table: &Table = state.raw.insert(Arc::new(table));
    if table.column(&cell.target).is_none() {
        return Err(Error::UnknownColumn {
            name: cell.target.clone(),
        });
    }
    let ignored_columns = FeatureEncoder::ignored_columns(table);
    let used: Vec<&str> = table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|name| !ignored_columns.iter().any(|i| i == name))
        .chain([cell.target.as_str()])
        .collect();
    let must_have: Vec<&str> = if keep_incomplete {
        vec![cell.target.as_str()]
    } else {
        used.clone()
    };
    let (complete, dropped) = table.drop_incomplete_rows(&must_have);
    let missing_kept: Vec<(String, usize)> = if keep_incomplete {
        complete
            .columns
            .iter()
            .filter(|c| used.contains(&c.name.as_str()) && c.name != cell.target)
            .map(|c| {
                let missing = (0..c.len()).filter(|&r| c.is_missing(r)).count();
                (c.name.clone(), missing)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    } else {
        Vec::new()
    };
    if complete.n_rows() == 0 {
        return Err(Error::NoRowsLeft {
            dropped: dropped.rows,
        });
    }
    let outcome = Target::of(&complete, &cell.target)?;
    let (class_counts, numeric_target) = match &outcome {
        Target::Classes(labels) => {
            let mut counts: Vec<(String, usize)> =
                labels.classes.iter().map(|c| (c.clone(), 0)).collect();
            for &code in &labels.codes {
                counts[code as usize].1 += 1;
            }
            (counts, None)
        }
        Target::Numbers(values) => (Vec::new(), Some(range_of(values))),
    };
    let preview_rows = table.n_rows().min(PREVIEW_ROWS);
    let output = DatasetOutput {
        rows: table.n_rows(),
        columns: table.n_columns(),
        column_names: table.columns.iter().map(|c| c.name.clone()).collect(),
        preview: (0..preview_rows)
            .map(|r| table.columns.iter().map(|c| c.display(r)).collect())
            .collect(),
        dropped,
        rows_used: complete.n_rows(),
        ignored_columns,
        missing_kept,
        class_counts,
        numeric_target,
        skipped_lines,
        types: table
            .columns
            .iter()
            .map(|c| ValueType::of(&c.data))
            .collect(),
        lost_to_types,
    };
    state.data = Some(Arc::new((complete, cell.target.clone(), outcome)));
    Ok(output)
}

/// Reads the columns named in `types` as the kinds given there; returns the values each made
/// missing, for the columns where some were.
fn retype_columns(
    table: &mut Table,
    types: &[(String, ValueType)],
) -> Result<Vec<(String, usize)>, Error> {
    let mut lost = Vec::new();
    for (name, to) in types {
        let column = table
            .columns
            .iter_mut()
            .find(|c| &c.name == name)
            .ok_or_else(|| Error::UnknownColumn { name: name.clone() })?;
        match retype(column, *to) {
            0 => {}
            n => lost.push((name.clone(), n)),
        }
    }
    Ok(lost)
}

fn range_of(values: &[f64]) -> TargetRange {
    TargetRange {
        min: values.iter().copied().fold(f64::INFINITY, f64::min),
        mean: values.iter().sum::<f64>() / values.len().max(1) as f64,
        max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

/// The profile of the data set as loaded, with the scatter of the chosen (or first two) numeric
/// columns coloured by the target of the data set cell above.
pub(super) fn explore(
    cell: &ExploreCell,
    table: &Table,
    notebook: &Notebook,
    index: usize,
) -> TableProfile {
    let target = notebook.cells[..index]
        .iter()
        .rev()
        .find_map(|c| match c {
            Cell::Dataset(d) => Some(d.target.as_str()),
            _ => None,
        })
        .unwrap_or_default();
    let axes = match (&cell.x, &cell.y) {
        (Some(x), Some(y)) => Some((x.clone(), y.clone())),
        _ => default_axes(table, target),
    };
    TableProfile {
        scatter: axes.and_then(|(x, y)| scatter(table, &x, &y, target)),
        ..profile(table)
    }
}

/// The names of the SQL cells above the cell at `index`.
pub(super) fn sql_names_above(notebook: &Notebook, index: usize) -> Vec<&str> {
    notebook.cells[..index]
        .iter()
        .filter_map(|c| match c {
            Cell::Sql(sql) => Some(sql.name.as_str()),
            _ => None,
        })
        .collect()
}
