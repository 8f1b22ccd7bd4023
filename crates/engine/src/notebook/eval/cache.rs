//! What a worker keeps between runs, so that a run redoes only the cells whose inputs changed.
//!
//! A cell's inputs are its own settings, the settings of the cells above it that make the state
//! it reads (the *chain*: data set, split, steps and train cells), and the data its data set cell
//! reads, by fingerprint. A cell's key hashes those. The cache holds, by key, each cell's output
//! and, for the cells of the chain, the state after it. Notes, explore, evaluate, tune, clusters
//! and boundary cells are not in the chain: changing one (a note's text, the threshold, a chart's
//! axes) never invalidates the cells below it.
//!
//! Memory: the cache holds what the last run computed, no more (the states share their tables
//! with each other and with the run); a run forgets whatever it did not reuse, and putting or
//! forgetting a data set empties it. Jobs that only read the data (a search's candidates) add
//! the data cells' states, at most [`MAX_ENTRIES`] entries, and empty it past that.

use super::state::State;
use super::CellOutput;
use crate::notebook::{Cell, Notebook};
use crate::Error;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// More cells than any notebook a learner makes; past it, the cache starts again.
const MAX_ENTRIES: usize = 256;

/// The key of the state made by the chain's cells so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Chain(u64);

impl Chain {
    pub const START: Chain = Chain(0);

    /// The key of cell `index` of `notebook`, after this chain: its settings, the chain (but
    /// for a note), and
    /// for a data set cell the fingerprint of its data and whether steps follow it (which
    /// decides the rows it keeps). `DefaultHasher::new()` has fixed keys: the same notebook has
    /// the same keys in every run.
    pub fn key_of(
        self,
        notebook: &Notebook,
        index: usize,
        fingerprint: &dyn Fn(&str) -> Option<u64>,
    ) -> u64 {
        let mut hasher = DefaultHasher::new();
        let cell = &notebook.cells[index];
        // A note reads nothing above it.
        if !matches!(cell, Cell::Note(_)) {
            self.0.hash(&mut hasher);
        }
        serde_json::to_string(cell)
            .unwrap_or_default()
            .hash(&mut hasher);
        match cell {
            Cell::Dataset(data) => {
                fingerprint(&data.dataset).hash(&mut hasher);
                notebook.steps_follow(index).hash(&mut hasher);
            }
            // A file of rows to predict: its content, not only its name.
            Cell::Predict(predict) => {
                predict.batch.as_deref().map(fingerprint).hash(&mut hasher);
            }
            // Their outputs name the train cell above them by its place.
            Cell::Tune(_) | Cell::Boundary(_) => {
                notebook
                    .model_above(index)
                    .map(|(at, _)| at)
                    .hash(&mut hasher);
            }
            _ => {}
        }
        hasher.finish()
    }

    /// The chain after a cell of key `key`, if that cell is in the chain.
    pub fn after(self, key: u64) -> Chain {
        Chain(key)
    }
}

/// The cells that make the data a model learns from.
pub(crate) fn is_data_cell(cell: &Cell) -> bool {
    matches!(cell, Cell::Dataset(_) | Cell::Split(_) | Cell::Steps(_))
}

/// The cells whose state the cells below read.
pub(crate) fn is_chain_cell(cell: &Cell) -> bool {
    is_data_cell(cell) || matches!(cell, Cell::Train(_))
}

/// Whether a cell's output can be kept: all but a SQL cell's, whose result the app puts as data
/// under a name that does not change when its query does.
pub(crate) fn is_kept(cell: &Cell) -> bool {
    !matches!(cell, Cell::Sql(_))
}

pub(crate) struct Entry {
    /// For a cell of the chain, the state after it.
    pub state: Option<State>,
    pub output: Result<CellOutput, Error>,
}

/// Cells' outputs and states by key; see the module's documentation.
#[derive(Default)]
pub struct RunCache {
    entries: HashMap<u64, Entry>,
}

impl RunCache {
    pub(crate) fn get(&self, key: u64) -> Option<&Entry> {
        self.entries.get(&key)
    }

    pub(crate) fn state_after(&self, key: u64) -> Option<State> {
        self.entries.get(&key).and_then(|e| e.state.clone())
    }

    pub(crate) fn keep(
        &mut self,
        key: u64,
        state: Option<State>,
        output: Result<CellOutput, Error>,
    ) {
        if self.entries.len() >= MAX_ENTRIES && !self.entries.contains_key(&key) {
            self.entries.clear();
        }
        self.entries.insert(key, Entry { state, output });
    }

    /// Forgets every entry but those of `keys`.
    pub(crate) fn retain(&mut self, keys: &HashSet<u64>) {
        self.entries.retain(|key, _| keys.contains(key));
    }

    /// Forgets everything: the data changed.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many cells' results it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
