//! What a run has computed so far, top to bottom: the data set, its split, the fitted model.
//! Each part is shared (`Arc`), so that the run cache can keep the state after every cell for
//! the price of a few pointers.

use super::cache::RunCache;
use super::{DataSource, Fitted};
use crate::error::CellKind;
use crate::features::{FeatureEncoder, Matrix, Outcomes, Target};
use crate::notebook::Notebook;
use crate::split::HoldOut;
use crate::table::Table;
use crate::Error;
use std::sync::Arc;

#[derive(Default, Clone)]
pub(crate) struct State {
    /// The data set as loaded, before incomplete rows are dropped.
    pub raw: Option<Arc<Table>>,
    /// The rows to learn from, the target's name and its values.
    pub data: Option<Arc<(Table, String, Target)>>,
    pub split: Option<Arc<HoldOut>>,
    pub model: Option<Arc<(FeatureEncoder, Fitted)>>,
    /// A steps cell failed: the cells below wait for it, not for a split.
    pub steps_failed: bool,
}

/// What a cell that learns from the split data reads from the cells above it.
pub(crate) struct SplitData<'a> {
    pub table: &'a Table,
    pub target: &'a str,
    pub outcome: &'a Target,
    pub split: &'a HoldOut,
}

/// The training rows of the split, encoded: what a train cell fits its model on.
pub(crate) struct TrainingSet {
    pub encoder: FeatureEncoder,
    pub x: Matrix,
    pub y: Outcomes,
}

impl State {
    /// The data set and its split, or which cell above is missing.
    pub(crate) fn split_data(&self) -> Result<SplitData<'_>, Error> {
        let (table, target, outcome) = self.data.as_deref().ok_or(Error::NeedsCellAbove {
            cell: CellKind::Dataset,
        })?;
        let split = self.split.as_deref().ok_or(Error::NeedsCellAbove {
            cell: if self.steps_failed {
                CellKind::Steps
            } else {
                CellKind::Split
            },
        })?;
        Ok(SplitData {
            table,
            target,
            outcome,
            split,
        })
    }

    /// The feature importances of the model fitted last; empty without one.
    pub(crate) fn importances(&self) -> Vec<f64> {
        match self.model.as_deref() {
            Some((_, fitted)) => fitted.feature_importances(),
            None => Vec::new(),
        }
    }

    /// The target's classes, in code order; empty for a number target or without data.
    pub(crate) fn class_names(&self) -> Vec<String> {
        self.data
            .as_deref()
            .and_then(|(_, _, target)| target.labels())
            .map(|labels| labels.classes.clone())
            .unwrap_or_default()
    }

    pub(crate) fn training_set(&self) -> Result<TrainingSet, Error> {
        let SplitData {
            table,
            target,
            outcome,
            split,
        } = self.split_data()?;
        missing_values_left(table, target)?;
        let encoder = FeatureEncoder::fit(table, target, &split.train)?;
        let x = encoder.transform(table, &split.train)?;
        Ok(TrainingSet {
            encoder,
            x,
            y: outcome.of_rows(&split.train),
        })
    }
}

/// After a steps cell the table may still hold missing values, which no model takes: say which
/// columns, so the learner can add a step for them.
pub(crate) fn missing_values_left(table: &Table, target: &str) -> Result<(), Error> {
    let ignored = FeatureEncoder::ignored_columns(table);
    let columns: Vec<String> = table
        .columns
        .iter()
        .filter(|c| c.name != target && !ignored.contains(&c.name))
        .filter(|c| (0..c.len()).any(|r| c.is_missing(r)))
        .map(|c| c.name.clone())
        .collect();
    if columns.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingValuesLeft { columns })
    }
}

/// The data and split that cell `index` sees, running only the data set, split and steps cells
/// above it (a search needs no model trained), taking what the source's cache holds of them.
pub(crate) fn data_above(notebook: &Notebook, index: usize, source: &dyn DataSource) -> State {
    match source.cache().and_then(|cache| cache.try_borrow_mut().ok()) {
        Some(mut cache) => data_above_cached(notebook, index, source, &mut cache),
        None => data_above_cached(notebook, index, source, &mut RunCache::default()),
    }
}

fn data_above_cached(
    notebook: &Notebook,
    index: usize,
    source: &dyn DataSource,
    cache: &mut RunCache,
) -> State {
    let mut state = State::default();
    let keys = super::chain_keys(notebook, &|dataset| source.fingerprint(dataset));
    // Only this notebook's cells stay: a worker that only runs a search's jobs forgets the
    // states of the notebook's versions before.
    cache.retain(&keys.iter().copied().collect());
    for (i, cell) in notebook.cells.iter().enumerate().take(index) {
        if !super::cache::is_data_cell(cell) {
            continue;
        }
        match cache.state_after(keys[i]) {
            Some(kept) => state = kept,
            None => {
                // Errors leave the state empty; the caller reports what is missing.
                let output = super::run_cell(notebook, i, source, None, &mut state, &mut |_| {});
                cache.keep(keys[i], Some(state.clone()), output);
            }
        }
    }
    state
}
