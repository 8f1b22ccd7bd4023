//! The split cell (a seeded hold-out, stratified by class) and the steps cell (cleaning steps
//! learned from the training rows, applied to both sets).

use super::state::{SplitData, State};
use super::{SplitOutput, StepsOutput};
use crate::error::CellKind;
use crate::features::Target;
use crate::notebook::{SplitCell, StepsCell};
use crate::prep::Prepared;
use crate::split::{hold_out, HoldOut};
use crate::Error;
use std::sync::Arc;

pub(super) fn run_split(cell: &SplitCell, state: &mut State) -> Result<SplitOutput, Error> {
    state.split = None;
    state.steps_failed = false;
    state.model = None;
    let (_, _, outcome) = state.data.as_deref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Dataset,
    })?;
    // Numbers have no classes to stratify by: the rows are shuffled as one group.
    let split = match outcome {
        Target::Classes(labels) => hold_out(
            &labels.codes,
            &labels.classes,
            cell.test_fraction,
            cell.stratify,
            cell.seed,
        )?,
        Target::Numbers(values) => hold_out(
            &vec![0; values.len()],
            &[String::new()],
            cell.test_fraction,
            false,
            cell.seed,
        )?,
    };
    let output = SplitOutput {
        train_rows: split.train.len(),
        test_rows: split.test.len(),
        stratified: cell.stratify && outcome.labels().is_some(),
        numeric_target: outcome.labels().is_none(),
    };
    state.split = Some(Arc::new(split));
    Ok(output)
}

pub(super) fn run_steps(cell: &StepsCell, state: &mut State) -> Result<StepsOutput, Error> {
    state.model = None;
    let SplitData {
        table,
        target,
        split,
        ..
    } = state.split_data()?;
    let mut data = Prepared {
        table: table.clone(),
        target: target.to_string(),
        train: split.train.clone(),
        test: split.test.clone(),
        carried: Vec::new(),
    };
    // Until every step has run, nothing below sees a half-prepared table.
    state.split = None;
    state.steps_failed = true;
    let reports = cell
        .steps
        .iter()
        .map(|step| step.apply(&mut data))
        .collect::<Result<Vec<_>, _>>()?;
    state.steps_failed = false;
    let outcome = Target::of(&data.table, &data.target)?;
    let output = StepsOutput {
        reports,
        train_rows: data.train.len(),
        test_rows: data.test.len(),
        columns: data.table.columns.iter().map(|c| c.name.clone()).collect(),
    };
    state.split = Some(Arc::new(HoldOut {
        train: data.train,
        test: data.test,
    }));
    state.data = Some(Arc::new((data.table, data.target, outcome)));
    Ok(output)
}
