//! The notebook as reactive state: the document, the CSV text of the data sets it uses, and its
//! outputs, recomputed whenever either changes.

use latih_engine::notebook::{
    evaluate, Cell, CellOutput, DatasetCell, Notebook, SplitCell, TrainCell,
};
use latih_engine::Error;
use leptos::prelude::*;
use std::collections::HashMap;

pub type Outputs = Vec<Result<CellOutput, Error>>;

#[derive(Clone, Copy)]
pub struct NotebookState {
    pub doc: RwSignal<Notebook>,
    /// CSV text by data set id, filled as downloads finish.
    pub csv: RwSignal<HashMap<String, String>>,
    /// One output per cell; empty until the data the notebook needs is loaded.
    pub outputs: Memo<Outputs>,
    /// Bumped when cells are added, removed or replaced: the cell views are rebuilt, since each
    /// form starts from its cell's values.
    pub layout: RwSignal<u32>,
}

impl NotebookState {
    pub fn new(notebook: Notebook) -> Self {
        let doc = RwSignal::new(notebook);
        let csv = RwSignal::new(HashMap::new());
        let outputs = Memo::new(move |_| {
            doc.with(|nb| {
                csv.with(|data: &HashMap<String, String>| {
                    let loaded = nb.cells.iter().all(|cell| match cell {
                        Cell::Dataset(d) => {
                            data.contains_key(&d.dataset) || !is_shipped(&d.dataset)
                        }
                        _ => true,
                    });
                    if loaded {
                        evaluate(nb, data)
                    } else {
                        Vec::new()
                    }
                })
            })
        });
        Self {
            doc,
            csv,
            outputs,
            layout: RwSignal::new(0),
        }
    }

    /// Replaces the whole notebook and rebuilds the cell views.
    pub fn replace(self, notebook: Notebook) {
        self.doc.set(notebook);
        self.layout.update(|n| *n = n.wrapping_add(1));
    }

    /// Changes the list of cells (adding or removing some) and rebuilds the cell views.
    pub fn restructure(self, change: impl FnOnce(&mut Notebook)) {
        self.doc.update(change);
        self.layout.update(|n| *n = n.wrapping_add(1));
    }

    /// The output of cell `index`, if it has run.
    pub fn output(self, index: usize) -> Option<Result<CellOutput, Error>> {
        self.outputs.with(|o| o.get(index).cloned())
    }

    /// Cell `index` as the kind `C`, if it is one (reactive).
    pub fn cell<C: CellKindOf>(self, index: usize) -> Option<C> {
        self.doc
            .with(|nb| nb.cells.get(index).and_then(C::of).cloned())
    }

    /// Cell `index` as the kind `C`, without subscribing: for a form's first values.
    pub fn cell_untracked<C: CellKindOf>(self, index: usize) -> Option<C> {
        self.doc
            .with_untracked(|nb| nb.cells.get(index).and_then(C::of).cloned())
    }

    /// Changes cell `index` in place if it is a `C`; the outputs recompute.
    pub fn edit<C: CellKindOf>(self, index: usize, change: impl FnOnce(&mut C)) {
        self.doc.update(|nb| {
            if let Some(cell) = nb.cells.get_mut(index).and_then(C::of_mut) {
                change(cell);
            }
        });
    }

    /// The data set ids the notebook needs that are not loaded yet.
    pub fn missing_datasets(self) -> Vec<String> {
        self.doc.with(|nb| {
            self.csv.with(|data| {
                nb.cells
                    .iter()
                    .filter_map(|cell| match cell {
                        Cell::Dataset(d) if !data.contains_key(&d.dataset) => {
                            is_shipped(&d.dataset).then(|| d.dataset.clone())
                        }
                        _ => None,
                    })
                    .collect()
            })
        })
    }
}

/// The content of one kind of cell, reachable from a [`Cell`].
pub trait CellKindOf: Clone + Send + Sync + 'static {
    fn of(cell: &Cell) -> Option<&Self>;
    fn of_mut(cell: &mut Cell) -> Option<&mut Self>;
}

macro_rules! cell_kind_of {
    ($variant:ident, $content:ty) => {
        impl CellKindOf for $content {
            fn of(cell: &Cell) -> Option<&Self> {
                match cell {
                    Cell::$variant(c) => Some(c),
                    _ => None,
                }
            }
            fn of_mut(cell: &mut Cell) -> Option<&mut Self> {
                match cell {
                    Cell::$variant(c) => Some(c),
                    _ => None,
                }
            }
        }
    };
}

cell_kind_of!(Dataset, DatasetCell);
cell_kind_of!(Split, SplitCell);
cell_kind_of!(Train, TrainCell);

/// Only shipped data sets are fetched; any other name is reported by the engine as unknown.
pub fn is_shipped(id: &str) -> bool {
    latih_engine::datasets::find(id).is_some()
}
