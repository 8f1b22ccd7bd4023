//! Running a notebook: each cell takes what the cells above produced, and yields an output or
//! an [`Error`] that stays on that cell. A failed cell does not stop the cells below from
//! reporting what they are waiting for. A run takes from a [`RunCache`] what an earlier run
//! computed for cells whose inputs have not changed.
//!
//! The parts: [`outputs`] (what cells yield), [`state`] (what a run has computed so far),
//! [`cache`], and one runner per kind of cell: [`dataset`] (and explore), [`prepare`] (split and
//! steps), [`train`], [`evaluate`].

mod cache;
mod dataset;
mod evaluate;
mod outputs;
mod prepare;
mod state;
mod train;

pub use cache::RunCache;
pub use outputs::{
    CellOutput, DatasetOutput, EvaluateOutput, RegressionOutput, SplitOutput, StepsOutput,
    TargetRange, TrainOutput,
};
pub(crate) use state::{data_above, missing_values_left, SplitData, State, TrainingSet};

use super::forest::GrownForest;
use super::note::parse_note;
use super::query::run_sql;
use super::{tune, Cell, DatasetCell, Notebook};
use crate::error::CellKind;
use crate::features::Target;
use crate::models::{Classifier, ModelSummary, Regressor, TrainingCurves};
use crate::table::read_table_skipping;
use crate::Error;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Where data set cells get their CSV text; the web app fetches it, the tests read files.
pub trait DataSource {
    fn csv(&self, dataset: &str) -> Option<&str>;
    /// The data sets it holds, where it can list them (SQL queries name tables, not ids).
    fn ids(&self) -> Vec<&str> {
        Vec::new()
    }
    /// The address of the site that serves the shipped data sets (`https://host`, their files
    /// under `/data/`), where known: the exported Python reads them from there when they are
    /// not saved beside it.
    fn site(&self) -> Option<&str> {
        None
    }
    /// The folder the exported code reads data files from ("" for the folder it runs in).
    fn data_folder(&self) -> &str {
        ""
    }
    /// Whether the data set cell's target is a number to predict (regression), reading its
    /// file (again: a source that is asked often remembers it); false when it cannot be read.
    fn predicts_numbers(&self, cell: &DatasetCell) -> bool {
        self.csv(&cell.dataset)
            .and_then(|text| read_table_skipping(text, cell.skip_bad_rows).ok())
            .and_then(|(table, _)| {
                let (complete, _) = table.drop_incomplete_rows(&[cell.target.as_str()]);
                Target::of(&complete, &cell.target).ok()
            })
            .is_some_and(|target| target.labels().is_none())
    }
    /// What identifies the data set's content, for the run cache: its text hashed (a source
    /// that is asked often remembers it); `None` when it does not have the data set.
    fn fingerprint(&self, dataset: &str) -> Option<u64> {
        self.csv(dataset).map(fingerprint)
    }
    /// Where runs on this source keep what they computed for the next one (a worker's); `None`:
    /// every run starts afresh.
    fn cache(&self) -> Option<&RefCell<RunCache>> {
        None
    }
}

/// The data's fingerprint: its text hashed with fixed keys.
pub fn fingerprint(text: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

impl DataSource for HashMap<String, String> {
    fn csv(&self, dataset: &str) -> Option<&str> {
        self.get(dataset).map(String::as_str)
    }
    fn ids(&self) -> Vec<&str> {
        self.keys().map(String::as_str).collect()
    }
}

/// A fitted model of either task.
pub(crate) enum Fitted {
    Classifier(Classifier),
    Regressor(Regressor),
}

impl Fitted {
    fn summary(&self) -> ModelSummary {
        match self {
            Fitted::Classifier(model) => model.summary(),
            Fitted::Regressor(model) => model.summary(),
        }
    }

    fn curves(&self) -> TrainingCurves {
        match self {
            Fitted::Classifier(model) => model.curves(),
            Fitted::Regressor(model) => model.curves(),
        }
    }

    pub(crate) fn feature_importances(&self) -> Vec<f64> {
        match self {
            Fitted::Classifier(model) => model.feature_importances(),
            Fitted::Regressor(model) => model.feature_importances(),
        }
    }
}

pub fn evaluate(notebook: &Notebook, source: &dyn DataSource) -> Vec<Result<CellOutput, Error>> {
    evaluate_with(notebook, source, Prefitted::new(), &mut |_| {})
}

/// What a notebook run reports as it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunEvent {
    /// Cell `index` starts: if the run dies now (a worker out of memory), it died on this cell.
    Cell(usize),
    /// Cell `index`'s inputs have not changed since the run that computed it: its output (and
    /// its model, for a train cell) is that run's.
    Reused(usize),
    /// The fraction of the notebook done, 0 to 1.
    Progress(f64),
}

/// Models already fitted elsewhere, by train cell: a forest whose trees several workers grew.
pub type Prefitted = HashMap<usize, GrownForest>;

/// How much of a notebook's running time each kind of cell takes, roughly: training dominates.
pub fn work_weight(cell: &Cell) -> f64 {
    match cell {
        Cell::Train(_) => 20.0,
        Cell::Clusters(_) | Cell::Boundary(_) => 5.0,
        _ => 1.0,
    }
}

/// [`evaluate`], using the `prefitted` models for their train cells (each is checked against
/// its cell and fitted afresh if it does not fit) and telling `watch` how the run goes.
pub fn evaluate_with(
    notebook: &Notebook,
    source: &dyn DataSource,
    prefitted: Prefitted,
    watch: &mut dyn FnMut(RunEvent),
) -> Vec<Result<CellOutput, Error>> {
    match source.cache().and_then(|cache| cache.try_borrow_mut().ok()) {
        Some(mut cache) => evaluate_cached(notebook, source, prefitted, &mut cache, watch),
        None => evaluate_cached(notebook, source, prefitted, &mut RunCache::default(), watch),
    }
}

/// [`evaluate_with`], taking from `cache` the cells whose inputs have not changed since it was
/// filled, and leaving in it what this run computed (and nothing else).
pub fn evaluate_cached(
    notebook: &Notebook,
    source: &dyn DataSource,
    mut prefitted: Prefitted,
    cache: &mut RunCache,
    watch: &mut dyn FnMut(RunEvent),
) -> Vec<Result<CellOutput, Error>> {
    if let Err(err) = notebook.check_version() {
        return notebook.cells.iter().map(|_| Err(err.clone())).collect();
    }
    let total: f64 = notebook.cells.iter().map(work_weight).sum();
    let mut done = 0.0;
    let mut state = State::default();
    let keys = chain_keys(notebook, &|dataset| source.fingerprint(dataset));
    let mut used = HashSet::new();
    let mut outputs = Vec::with_capacity(notebook.cells.len());
    for ((index, cell), &key) in notebook.cells.iter().enumerate().zip(&keys) {
        let weight = work_weight(cell);
        let in_chain = cache::is_chain_cell(cell);
        let kept = cache.get(key).filter(|_| cache::is_kept(cell));
        let output = match kept {
            Some(entry) => {
                watch(RunEvent::Reused(index));
                if let Some(after) = &entry.state {
                    state = after.clone();
                }
                entry.output.clone()
            }
            None => {
                watch(RunEvent::Cell(index));
                let mut within =
                    |fraction: f64| watch(RunEvent::Progress((done + weight * fraction) / total));
                let grown = prefitted.remove(&index);
                let output = run_cell(notebook, index, source, grown, &mut state, &mut within);
                if cache::is_kept(cell) {
                    cache.keep(key, in_chain.then(|| state.clone()), output.clone());
                }
                output
            }
        };
        used.insert(key);
        done += weight;
        watch(RunEvent::Progress(done / total));
        outputs.push(output);
    }
    cache.retain(&used);
    outputs
}

/// Each cell's key in a run on data of these fingerprints (see [`RunCache`]): cells of equal
/// keys have equal inputs, and so equal outputs. (A function rather than a [`DataSource`], so
/// that the page, which plans runs by its data's versions, carries no reader of data.)
pub fn chain_keys(notebook: &Notebook, fingerprint: &dyn Fn(&str) -> Option<u64>) -> Vec<u64> {
    let mut chain = cache::Chain::START;
    notebook
        .cells
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            let key = chain.key_of(notebook, index, fingerprint);
            if cache::is_chain_cell(cell) {
                chain = chain.after(key);
            }
            key
        })
        .collect()
}

/// Runs the cell at `index` on `state`, which it changes if it is a cell of the chain.
pub(crate) fn run_cell(
    notebook: &Notebook,
    index: usize,
    source: &dyn DataSource,
    prefitted: Option<GrownForest>,
    state: &mut State,
    progress: &mut dyn FnMut(f64),
) -> Result<CellOutput, Error> {
    match &notebook.cells[index] {
        Cell::Dataset(c) => dataset::run_dataset(c, source, notebook.steps_follow(index), state)
            .map(CellOutput::Dataset),
        Cell::Steps(c) => prepare::run_steps(c, state).map(CellOutput::Steps),
        Cell::Split(c) => prepare::run_split(c, state).map(CellOutput::Split),
        Cell::Train(c) => train::run_train(c, prefitted, state, progress).map(CellOutput::Train),
        Cell::Evaluate(_) => evaluate::run_evaluate(state),
        Cell::Note(note) => Ok(CellOutput::Note(parse_note(&note.text))),
        Cell::Explore(c) => state
            .raw
            .as_deref()
            .map(|table| CellOutput::Explore(dataset::explore(c, table, notebook, index)))
            .ok_or(Error::NeedsCellAbove {
                cell: CellKind::Dataset,
            }),
        Cell::Tune(c) => {
            tune::plan(notebook, index, c, state).map(|plan| CellOutput::Tune(tune::output(&plan)))
        }
        Cell::Sql(c) => {
            run_sql(c, &dataset::sql_names_above(notebook, index), source).map(CellOutput::Sql)
        }
        Cell::Clusters(c) => super::clusters::run(c, state, progress).map(CellOutput::Clusters),
        Cell::Predict(c) => {
            super::predict::run(c, notebook, index, source, state).map(CellOutput::Predict)
        }
        Cell::Boundary(c) => {
            super::boundary::run(c, notebook, index, state).map(CellOutput::Boundary)
        }
    }
}
