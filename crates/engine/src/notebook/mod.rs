//! The notebook: a serialisable document of cells, and its evaluation (each cell runs on the
//! outputs of the cells above it).

mod boundary;
pub mod budget;
mod clusters;
mod eval;
mod forest;
pub mod library;
pub mod link;
mod note;
mod predict;
mod query;
mod trained;
mod tune;

pub use crate::metrics::{ClassCurve, ClassPrCurve, PrSummary, RocSummary};
pub use crate::models::ModelSummary;
pub use boundary::{BoundaryCell, BoundaryOutput};
pub use clusters::{
    projection, ClusterFit, ClustersCell, ClustersOutput, ELBOW_CLUSTERS, MAX_CLUSTERS,
    NOISE_LABEL, PROJECTED_ROWS, SILHOUETTE_ROWS,
};
pub use eval::{
    chain_keys, evaluate, evaluate_cached, evaluate_with, fingerprint, work_weight, CellOutput,
    DataSource, DatasetOutput, EvaluateOutput, Prefitted, RegressionOutput, RunCache, RunEvent,
    SplitOutput, StepsOutput, TargetRange, TrainOutput,
};
pub use forest::{
    grow_trees, shareable_forests, tree_shares, ForestRows, GrownForest, MIN_TREES_TO_SHARE,
};
pub use note::{parse_note, NoteBlock, NoteNode};
pub use predict::{
    read_number, BatchPrediction, Example, PredictCell, PredictField, PredictOutput, Prediction,
    BATCH_PREVIEW_ROWS, MAX_CHOICES,
};
pub use query::{
    fresh_query_name, sql_tokens, tables_for, tables_of, QueryOutput, SqlCell, SqlToken,
    QUERY_PREVIEW_ROWS, QUERY_SECONDS,
};
pub use trained::{trained_model, TrainedModel};
pub use tune::{run_candidates, run_learning_point, TuneCell, TuneOutput};

use crate::error::LimitedPart;
use crate::models::ModelSpec;
use crate::table::retype::ValueType;
use crate::Error;
use serde::{Deserialize, Serialize};

/// Bumped whenever the document's shape changes; older documents must keep opening.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest stored notebook read back; anything bigger is not a notebook Latih wrote.
pub const MAX_NOTEBOOK_BYTES: usize = 1 << 20;
/// The most cells a notebook holds; a long lesson has a few dozen.
pub const MAX_CELLS: usize = 200;
/// The longest note or query, in characters (about ten printed pages).
pub const MAX_CELL_TEXT_CHARS: usize = 30_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notebook {
    pub version: u32,
    pub cells: Vec<Cell>,
    /// Cells a teacher locked (by index, sorted): a learner who opens the notebook sees their
    /// settings but cannot change them, so a class works on the cells left open. A lesson's
    /// focus, not a protection: the notebook's owner can unlock them. Absent when empty, so
    /// notebooks without locks read and write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locked: Vec<usize>,
}

crate::tagged::tagged_enum! {
    /// Written as `{"kind": "split", …its fields}`; read by [`crate::tagged`], which needs the
    /// kind first, as serde writes it.
    pub enum Cell by "kind" {
        Dataset(DatasetCell) = "dataset",
        Split(SplitCell) = "split",
        Train(TrainCell) = "train",
        Evaluate(EvaluateCell) = "evaluate",
        Tune(TuneCell) = "tune",
        Explore(ExploreCell) = "explore",
        Note(NoteCell) = "note",
        Steps(StepsCell) = "steps",
        Sql(SqlCell) = "sql",
        /// Groups without the target: k-means, with PCA to see them.
        Clusters(ClustersCell) = "clusters",
        /// The pipeline above on a row the learner types.
        Predict(PredictCell) = "predict",
        /// The model above, on two features, over their plane.
        Boundary(BoundaryCell) = "boundary",
    }
}

/// Cleaning and feature steps, applied in order after the split (see [`crate::prep::Step`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StepsCell {
    pub steps: Vec<crate::prep::Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetCell {
    /// A shipped data set's id (see [`crate::datasets`]).
    pub dataset: String,
    pub target: String,
    /// Rows with the wrong number of fields are skipped (and counted) instead of refused.
    /// Absent from the JSON when off, so older notebooks and links read the same.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skip_bad_rows: bool,
    /// Where a learner's file was fetched from, so that whoever opens the notebook (or its link)
    /// without the file fetches it again. Absent from the JSON for other data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Columns the learner says are of another kind than they read as (see
    /// [`crate::table::retype`]), applied in order as the file is read: `[["age", "integer"]]`.
    /// A list, not a map, to keep the app's first load small. Absent from the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<(String, ValueType)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitCell {
    pub test_fraction: f64,
    pub stratify: bool,
    pub seed: u64,
}

impl Default for SplitCell {
    fn default() -> Self {
        Self {
            test_fraction: 0.25,
            stratify: true,
            seed: 42,
        }
    }
}

/// Stored as its model's own fields (`{"kind": "train", "model": "random_forest", …}`).
/// `transparent` writes the same JSON as `flatten` did, without serde's buffering of flattened
/// fields, which cost the app's first load several KB.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TrainCell {
    pub model: ModelSpec,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EvaluateCell {}

/// Words between the other cells, in Markdown (rendered by the app as text and formatting only:
/// a note in a shared link is untrusted, and no HTML in it is ever run).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NoteCell {
    pub text: String,
}

/// Profiles the data set above it, as loaded (missing values included), and draws two of its
/// numeric columns against each other (`x`, `y`; the first two when not chosen). The axes are
/// absent from the JSON until chosen, so older notebooks read and write as before.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExploreCell {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

impl Notebook {
    /// The first notebook a learner sees: load → split → train → evaluate. The model is a
    /// decision tree, or linear regression for a shipped data set's regression target.
    pub fn starter(dataset: &str, target: &str) -> Self {
        let regression = crate::datasets::find(dataset)
            .is_some_and(|d| d.regression && d.suggested_target == target);
        let model = if regression {
            ModelSpec::LinearRegression(Default::default())
        } else {
            ModelSpec::default()
        };
        Self {
            version: SCHEMA_VERSION,
            locked: Vec::new(),
            cells: vec![
                Cell::Dataset(DatasetCell {
                    dataset: dataset.into(),
                    target: target.into(),
                    skip_bad_rows: false,
                    url: None,
                    types: Vec::new(),
                }),
                Cell::Split(SplitCell::default()),
                Cell::Train(TrainCell { model }),
                Cell::Evaluate(EvaluateCell::default()),
            ],
        }
    }

    /// Appends a model to compare: a train cell (a decision tree to start, which classifies and
    /// predicts numbers alike) and its evaluation.
    pub fn add_model(&mut self) {
        self.cells.push(Cell::Train(TrainCell::default()));
        self.cells.push(Cell::Evaluate(EvaluateCell::default()));
    }

    /// Gives the train cells that learn from the data set cell at `index` (those below it,
    /// before another data set cell) a model for its task, where theirs cannot do it: linear
    /// regression for numbers to predict, a decision tree for classes. Models that can are kept.
    pub fn suit_models_below(&mut self, index: usize, regression: bool) {
        for cell in self
            .cells
            .iter_mut()
            .skip(index + 1)
            .take_while(|c| !matches!(c, Cell::Dataset(_)))
        {
            if let Cell::Train(train) = cell {
                if regression && !train.model.regresses() {
                    train.model = ModelSpec::LinearRegression(Default::default());
                } else if !regression && !train.model.classifies() {
                    train.model = ModelSpec::default();
                }
            }
        }
    }

    /// Appends a note.
    pub fn add_note(&mut self) {
        self.cells.push(Cell::Note(NoteCell::default()));
    }

    /// Appends a decision boundary cell (of the last model).
    pub fn add_boundary(&mut self) {
        self.cells.push(Cell::Boundary(BoundaryCell::default()));
    }

    /// Appends a predict cell (of the last model).
    pub fn add_predict(&mut self) {
        self.cells.push(Cell::Predict(PredictCell::default()));
    }

    /// Appends a clusters cell.
    pub fn add_clusters(&mut self) {
        self.cells.push(Cell::Clusters(ClustersCell::default()));
    }

    /// Puts an explore cell right after the first data set cell.
    pub fn add_explore(&mut self) {
        let at = self
            .cells
            .iter()
            .position(|c| matches!(c, Cell::Dataset(_)))
            .map_or(0, |i| i + 1);
        self.insert_cell(at, Cell::Explore(ExploreCell::default()));
    }

    /// Puts a steps cell right after the first split cell (or at the end, without one), unless
    /// the notebook has one; returns its index.
    pub fn add_steps(&mut self) -> usize {
        if let Some(at) = self.cells.iter().position(|c| matches!(c, Cell::Steps(_))) {
            return at;
        }
        let at = self
            .cells
            .iter()
            .position(|c| matches!(c, Cell::Split(_)))
            .map_or(self.cells.len(), |i| i + 1);
        self.insert_cell(at, Cell::Steps(StepsCell::default()));
        at
    }

    /// Puts a SQL cell at the top (its result is data for the cells below), querying the
    /// notebook's first data set; returns its index.
    pub fn add_sql(&mut self) -> usize {
        let names: Vec<&str> = self
            .cells
            .iter()
            .filter_map(|c| match c {
                Cell::Sql(sql) => Some(sql.name.as_str()),
                _ => None,
            })
            .collect();
        let name = fresh_query_name(names);
        let table = self
            .cells
            .iter()
            .find_map(|c| match c {
                Cell::Dataset(d) => Some(crate::datasets::table_name(&d.dataset)),
                _ => None,
            })
            .unwrap_or_else(|| "penguins".into());
        let query = format!("SELECT *\nFROM {table}\nLIMIT 10");
        self.insert_cell(0, Cell::Sql(SqlCell { name, query }));
        0
    }

    /// Whether a steps cell follows the data set cell at `index` (before any other data set
    /// cell): then that data set keeps its rows with missing values, for the steps to handle.
    pub fn steps_follow(&self, index: usize) -> bool {
        self.cells
            .iter()
            .skip(index + 1)
            .take_while(|c| !matches!(c, Cell::Dataset(_)))
            .any(|c| matches!(c, Cell::Steps(_)))
    }

    /// Appends a tune cell that searches the last model's parameters.
    pub fn add_tune(&mut self) {
        let cell = match self.model_above(self.cells.len()) {
            Some((_, model)) => TuneCell::suggested_for(model),
            None => TuneCell::default(),
        };
        self.cells.push(Cell::Tune(cell));
    }

    /// Removes the train cell at `index` and the evaluation right after it, unless it is the
    /// notebook's only model. Says whether anything was removed.
    pub fn remove_model(&mut self, index: usize) -> bool {
        let models = self
            .cells
            .iter()
            .filter(|c| matches!(c, Cell::Train(_)))
            .count();
        if models < 2 || !matches!(self.cells.get(index), Some(Cell::Train(_))) {
            return false;
        }
        self.remove_cell(index);
        if matches!(self.cells.get(index), Some(Cell::Evaluate(_))) {
            self.remove_cell(index);
        }
        true
    }

    /// Inserts `cell` at `at`; the cells after it keep their locks.
    fn insert_cell(&mut self, at: usize, cell: Cell) {
        self.cells.insert(at, cell);
        for locked in &mut self.locked {
            if *locked >= at {
                *locked += 1;
            }
        }
    }

    /// Removes the cell at `index`, and its lock; the cells after it keep theirs.
    pub fn remove_cell(&mut self, index: usize) {
        if index >= self.cells.len() {
            return;
        }
        self.cells.remove(index);
        self.locked.retain(|&l| l != index);
        for locked in &mut self.locked {
            if *locked > index {
                *locked -= 1;
            }
        }
    }

    pub fn is_locked(&self, index: usize) -> bool {
        self.locked.binary_search(&index).is_ok()
    }

    /// Locks or unlocks the cell at `index` (a cell that does not exist is left alone).
    pub fn set_locked(&mut self, index: usize, locked: bool) {
        match (self.locked.binary_search(&index), locked) {
            (Err(at), true) if index < self.cells.len() => self.locked.insert(at, index),
            (Ok(at), false) => {
                self.locked.remove(at);
            }
            _ => {}
        }
    }

    /// Moves the cell at `index` one place up (towards the top) or down; says whether it moved.
    /// Cells read what the cells above them made, so a move can leave a cell without its input:
    /// it then shows that as its error, as any notebook would.
    pub fn move_cell(&mut self, index: usize, up: bool) -> bool {
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        match other {
            Some(other) if index < self.cells.len() && other < self.cells.len() => {
                self.cells.swap(index, other);
                let (a, b) = (self.is_locked(index), self.is_locked(other));
                self.set_locked(index, b);
                self.set_locked(other, a);
                true
            }
            _ => false,
        }
    }

    /// The train cell whose model the cell at `index` uses: the nearest one above it.
    pub fn model_above(&self, index: usize) -> Option<(usize, &ModelSpec)> {
        self.cells
            .iter()
            .enumerate()
            .take(index)
            .rev()
            .find_map(|(i, c)| match c {
                Cell::Train(t) => Some((i, &t.model)),
                _ => None,
            })
    }

    /// This notebook with the note cells of `own` in place of its own, in order (its k-th note
    /// becomes `own`'s k-th); notes of `own` beyond its own are added at the end, so that none
    /// of the learner's words is lost when a solution replaces their cells.
    pub fn with_notes_of(mut self, own: &Notebook) -> Notebook {
        let mut notes = own.cells.iter().filter(|c| matches!(c, Cell::Note(_)));
        for cell in self.cells.iter_mut() {
            if matches!(cell, Cell::Note(_)) {
                match notes.next() {
                    Some(note) => *cell = note.clone(),
                    None => break,
                }
            }
        }
        self.cells.extend(notes.cloned());
        self
    }

    /// The notebook as JSON, for storage.
    pub fn to_json(&self) -> String {
        // Cannot fail: every field is a string, a number, a bool or a list of them.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored notebook: untrusted text (storage can hold anything an older or newer
    /// version, or another program, left there), so its size, shape and version are checked.
    pub fn from_json(text: &str) -> Result<Notebook, Error> {
        if text.len() > MAX_NOTEBOOK_BYTES {
            return Err(Error::NotebookTooLarge {
                bytes: text.len(),
                limit: MAX_NOTEBOOK_BYTES,
            });
        }
        let notebook: Notebook =
            serde_json::from_str(text).map_err(|e| Error::NotebookUnreadable {
                message: e.to_string(),
            })?;
        notebook.checked()
    }

    /// A notebook read from elsewhere, made safe to use: a version this Latih reads, and locks
    /// as the rest of the code expects them (sorted, once each, on cells that exist).
    pub fn checked(mut self) -> Result<Notebook, Error> {
        self.check_version()?;
        self.check_limits()?;
        let cells = self.cells.len();
        self.locked.sort_unstable();
        self.locked.dedup();
        self.locked.retain(|&index| index < cells);
        Ok(self)
    }

    /// Refuses what no notebook a person makes holds: more cells than [`MAX_CELLS`], a note or a
    /// query longer than [`MAX_CELL_TEXT_CHARS`]. Links and files come from strangers.
    pub fn check_limits(&self) -> Result<(), Error> {
        let over = |part, found: usize, limit: usize| {
            (found > limit).then_some(Error::OverLimit { part, found, limit })
        };
        let texts = self.cells.iter().filter_map(|cell| match cell {
            Cell::Note(note) => over(
                LimitedPart::NoteText,
                note.text.chars().count(),
                MAX_CELL_TEXT_CHARS,
            ),
            Cell::Sql(sql) => over(
                LimitedPart::QueryText,
                sql.query.chars().count(),
                MAX_CELL_TEXT_CHARS,
            ),
            _ => None,
        });
        match over(LimitedPart::Cells, self.cells.len(), MAX_CELLS)
            .into_iter()
            .chain(texts)
            .next()
        {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Refuses a notebook written by a newer Latih than this one.
    pub fn check_version(&self) -> Result<(), Error> {
        if self.version > SCHEMA_VERSION {
            return Err(Error::UnsupportedNotebookVersion {
                found: self.version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(())
    }
}
