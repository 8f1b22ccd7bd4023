//! The tune cell: a hyperparameter search over the model of the train cell above it, scored by
//! cross-validation on the training rows of the split (the test rows stay unseen).
//!
//! Running the notebook only plans the search (how many candidates, which folds) and checks it;
//! the search itself is long work that the app shares out among its workers, a few candidates per
//! job ([`run_candidates`]).

use super::eval::{DataSource, State};
use super::{Cell, Notebook};
use crate::error::CellKind;
use crate::features::Target;
use crate::models::ModelSpec;
use crate::rng::SeededRng;
use crate::split::{k_fold, stratified_k_fold, Fold};
use crate::tune::{
    self, cross_validate_candidate, learning_curve_point, learning_curve_sizes, Candidate,
    CandidateResult, CvData, LearningPoint, Param, Scoring, SearchKind, SearchMethod, SpaceText,
    MAX_FOLDS,
};
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TuneCell {
    pub method: SearchMethod,
    /// Candidates a random search draws, and its seed (kept while the grid is chosen).
    pub iterations: u32,
    pub seed: u64,
    pub spaces: Vec<SpaceText>,
    pub folds: u32,
    pub scoring: Scoring,
}

impl Default for TuneCell {
    fn default() -> Self {
        Self {
            method: SearchMethod::Grid,
            iterations: 10,
            seed: 42,
            spaces: Vec::new(),
            folds: 5,
            scoring: Scoring::Accuracy,
        }
    }
}

impl TuneCell {
    pub fn search(&self) -> SearchKind {
        match self.method {
            SearchMethod::Grid => SearchKind::Grid,
            SearchMethod::Random => SearchKind::Random {
                iterations: self.iterations,
                seed: self.seed,
            },
        }
    }

    /// A first search worth running on `model`: a few values of its main parameters.
    pub fn suggested_for(model: &ModelSpec) -> Self {
        Self {
            spaces: Param::for_model(model)
                .into_iter()
                .map(|param| SpaceText {
                    param,
                    text: param.suggestion(model).into(),
                })
                .collect(),
            ..Self::default()
        }
    }
}

/// What running the notebook says of a tune cell: the search it will run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TuneOutput {
    /// The train cell whose model is searched.
    pub model_cell: usize,
    pub candidates: usize,
    pub folds: usize,
    /// Rows cross-validated: the training rows of the split.
    pub rows: usize,
    /// The parameters that vary, in the order candidates list them.
    pub params: Vec<Param>,
    /// The training-set sizes of the model's learning curve, one job each.
    pub learning_sizes: Vec<usize>,
    /// The score the search ranks by: the cell's, or the task's first where the cell's does not
    /// suit the target (see [`Scoring::suited`]).
    pub scoring: Scoring,
    /// What the search computes, in the work budget's units ([`super::budget`]).
    #[serde(default)]
    pub work: f64,
}

impl TuneOutput {
    /// The search's estimate, to say how long it may take before it starts.
    pub fn search_estimate(&self) -> super::budget::Estimate {
        super::budget::Estimate {
            units: self.work,
            costliest: None,
        }
    }
}

/// Learning curves shuffle each fold's training rows with this seed (and the fold's number), so
/// a small training set holds every class even when the data file is sorted by class.
const LEARNING_CURVE_SEED: u64 = 0;

/// Mixed into the split's seed to shuffle the training rows before they are cut into folds, so
/// that the folds' order is not the split's own shuffle.
const FOLD_ORDER_SEED: u64 = 0x666f_6c64; // "fold"

/// A fold cut from the rows in `order` (positions into it), as positions into the rows, sorted:
/// each model still sees its rows in the file's order.
fn in_order(order: &[usize], fold: Fold) -> Fold {
    let back = |positions: Vec<usize>| {
        let mut rows: Vec<usize> = positions.into_iter().map(|p| order[p]).collect();
        rows.sort_unstable();
        rows
    };
    Fold {
        train: back(fold.train),
        validation: back(fold.validation),
    }
}

/// A checked search, ready to run.
pub(super) struct Plan<'a> {
    pub model_cell: usize,
    pub base: ModelSpec,
    pub candidates: Vec<Candidate>,
    pub folds: Vec<Fold>,
    pub data: CvData<'a>,
    pub scoring: Scoring,
}

pub(super) fn plan<'a>(
    notebook: &Notebook,
    index: usize,
    cell: &TuneCell,
    state: &'a State,
) -> Result<Plan<'a>, Error> {
    let super::eval::SplitData {
        table,
        target,
        outcome,
        split,
    } = state.split_data()?;
    let (model_cell, base) = notebook.model_above(index).ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    if !(2..=MAX_FOLDS).contains(&cell.folds) {
        return Err(Error::InvalidParameter {
            name: "folds".into(),
            value: cell.folds.to_string(),
            expected: crate::error::Expected::IntegerBetween {
                min: 2,
                max: MAX_FOLDS.into(),
            },
        });
    }
    // scikit-learn's `cv=k`: stratified folds of classes, plain folds of numbers, cut from the
    // training rows in a shuffled order. The split keeps them in the file's order, and a file
    // sorted by class or drifting over time (titanic, houses) would give folds unlike the rest
    // (scikit-learn's `train_test_split` hands `GridSearchCV` its rows shuffled, too).
    let seed = notebook
        .cells
        .iter()
        .take(index)
        .rev()
        .find_map(|c| match c {
            Cell::Split(split) => Some(split.seed),
            _ => None,
        })
        .unwrap_or_default();
    let mut order: Vec<usize> = (0..split.train.len()).collect();
    SeededRng::new(seed ^ FOLD_ORDER_SEED).shuffle(&mut order);
    let folds = match outcome {
        Target::Classes(labels) => {
            let train_labels: Vec<u32> = order
                .iter()
                .map(|&i| labels.codes[split.train[i]])
                .collect();
            stratified_k_fold(&train_labels, cell.folds as usize)?
        }
        Target::Numbers(_) => k_fold(split.train.len(), cell.folds as usize)?,
    };
    let folds = folds
        .into_iter()
        .map(|fold| in_order(&order, fold))
        .collect();
    let candidates = tune::candidates(base, &cell.spaces, cell.search())?;
    Ok(Plan {
        model_cell,
        base: base.clone(),
        candidates,
        folds,
        data: CvData {
            table,
            target,
            outcome,
            rows: &split.train,
        },
        scoring: cell.scoring.suited(outcome.labels().is_none()),
    })
}

pub(super) fn output(plan: &Plan) -> TuneOutput {
    TuneOutput {
        model_cell: plan.model_cell,
        candidates: plan.candidates.len(),
        folds: plan.folds.len(),
        rows: plan.data.rows.len(),
        params: plan
            .candidates
            .first()
            .map(|c| c.values.iter().map(|(p, _)| *p).collect())
            .unwrap_or_default(),
        learning_sizes: learning_curve_sizes(&plan.folds),
        scoring: plan.scoring,
        work: plan_work(plan),
    }
}

/// The search's work: every candidate on every fold, on the columns it may use (the raw count:
/// one-hot encoding can widen them, up to [`crate::features::MAX_FEATURES`]).
fn plan_work(plan: &Plan) -> f64 {
    let models: Vec<ModelSpec> = plan
        .candidates
        .iter()
        .filter_map(|c| c.model(&plan.base).ok())
        .collect();
    let features = plan.data.table.n_columns().saturating_sub(1).max(1);
    super::budget::search_units(
        &models,
        plan.folds.len(),
        plan.data.rows.len() as f64,
        features as f64,
    )
}

/// Runs `job` on the checked plan of the tune cell at `index`, with the data above it.
fn with_plan<T>(
    notebook: &Notebook,
    index: usize,
    source: &dyn DataSource,
    job: impl FnOnce(&Plan) -> Result<T, Error>,
) -> Result<T, Error> {
    notebook.check_version()?;
    let Some(Cell::Tune(cell)) = notebook.cells.get(index) else {
        return Err(Error::NeedsCellAbove {
            cell: CellKind::Tune,
        });
    };
    let state = super::eval::data_above(notebook, index, source);
    job(&plan(notebook, index, cell, &state)?)
}

/// The point `size` (an index into the plan's `learning_sizes`) of the learning curve of the
/// model above the tune cell at `index`, as it is in its train cell.
pub fn run_learning_point(
    notebook: &Notebook,
    index: usize,
    size: usize,
    source: &dyn DataSource,
    progress: &mut dyn FnMut(f64),
) -> Result<LearningPoint, Error> {
    with_plan(notebook, index, source, |plan| {
        let sizes = learning_curve_sizes(&plan.folds);
        let rows = *sizes.get(size).ok_or(Error::EmptyInput)?;
        Ok(learning_curve_point(
            &plan.data,
            &plan.base,
            &plan.folds,
            rows,
            plan.scoring,
            Some(LEARNING_CURVE_SEED),
            progress,
        ))
    })
}

/// Cross-validates candidates `which` (indices into the plan's candidates) of the tune cell at
/// `index`, in that order, on every fold or on folds `only` (then each result holds those
/// folds' scores, in that order; [`merge_folds`](crate::tune::merge_folds) joins the parts).
/// `clock` gives milliseconds; `progress` the fraction done.
pub fn run_candidates(
    notebook: &Notebook,
    index: usize,
    which: &[usize],
    only: Option<&[usize]>,
    source: &dyn DataSource,
    clock: &dyn Fn() -> f64,
    progress: &mut dyn FnMut(f64),
) -> Result<Vec<CandidateResult>, Error> {
    with_plan(notebook, index, source, |plan| {
        let folds: Vec<Fold> = match only {
            None => plan.folds.clone(),
            Some(only) => only
                .iter()
                .map(|&f| plan.folds.get(f).cloned().ok_or(Error::EmptyInput))
                .collect::<Result<_, _>>()?,
        };
        let total = which.len().max(1) as f64;
        which
            .iter()
            .enumerate()
            .map(|(done, &i)| {
                let candidate = plan.candidates.get(i).ok_or(Error::TooManyCandidates {
                    candidates: i + 1,
                    limit: plan.candidates.len(),
                })?;
                let mut within = |f: f64| progress((done as f64 + f) / total);
                Ok(cross_validate_candidate(
                    &plan.data,
                    &plan.base,
                    candidate,
                    &folds,
                    plan.scoring,
                    clock,
                    &mut within,
                ))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cut_from_shuffled_rows_still_partition_them_and_keep_each_class_balanced() {
        // A file sorted by class: 30 of class 0, then 20 of class 1.
        let labels: Vec<u32> = (0..50).map(|r| u32::from(r >= 30)).collect();
        let mut order: Vec<usize> = (0..labels.len()).collect();
        SeededRng::new(42 ^ FOLD_ORDER_SEED).shuffle(&mut order);
        let shuffled: Vec<u32> = order.iter().map(|&i| labels[i]).collect();
        let folds: Vec<Fold> = stratified_k_fold(&shuffled, 5)
            .unwrap()
            .into_iter()
            .map(|fold| in_order(&order, fold))
            .collect();
        let mut validated: Vec<usize> = folds.iter().flat_map(|f| f.validation.clone()).collect();
        validated.sort_unstable();
        assert_eq!(validated, (0..labels.len()).collect::<Vec<_>>());
        for fold in &folds {
            let mut all = [fold.train.clone(), fold.validation.clone()].concat();
            all.sort_unstable();
            assert_eq!(all, (0..labels.len()).collect::<Vec<_>>());
            let ones = fold.validation.iter().filter(|&&r| labels[r] == 1).count();
            assert_eq!((fold.validation.len(), ones), (10, 4));
        }
        // Within a class, a fold's rows are not the block of the file that unshuffled folds
        // would take (rows 0–5 of class 0, then 6–11, …), but drawn from all over it.
        for fold in &folds {
            let class_0: Vec<usize> = fold
                .validation
                .iter()
                .copied()
                .filter(|&r| r < 30)
                .collect();
            let span = class_0.last().unwrap() - class_0.first().unwrap();
            assert!(span >= class_0.len(), "{class_0:?}");
        }
    }
}
