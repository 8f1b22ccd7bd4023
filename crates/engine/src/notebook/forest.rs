//! A train cell's random forest grown in parts, so that several workers share its trees. Each
//! tree draws from its own stream of the forest's seed, so the parts joined in order are the
//! forest one worker would grow: the numbers never depend on how many workers ran.

use super::eval::{data_above, DataSource, TrainingSet};
use super::{Cell, Notebook};
use crate::error::CellKind;
use crate::features::Outcomes;
use crate::models::{ForestRegressor, ModelSpec, RandomForest, RandomForestParams};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Trees of a train cell's random forest, grown by one worker: of classes or of numbers, as the
/// target is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GrownForest {
    Classes(RandomForest),
    Numbers(ForestRegressor),
}

impl GrownForest {
    /// Parts joined in the order given; `None` when there are none, or they are not all of one
    /// kind (or of the same classes).
    pub fn merge(parts: Vec<GrownForest>) -> Option<GrownForest> {
        // Every part of one kind, or none.
        fn all<T>(parts: Vec<GrownForest>, kind: fn(GrownForest) -> Option<T>) -> Option<Vec<T>> {
            parts.into_iter().map(kind).collect()
        }
        match parts.first()? {
            GrownForest::Classes(_) => {
                let forests = all(parts, |p| match p {
                    GrownForest::Classes(forest) => Some(forest),
                    GrownForest::Numbers(_) => None,
                });
                RandomForest::merge(forests?).map(GrownForest::Classes)
            }
            GrownForest::Numbers(_) => {
                let forests = all(parts, |p| match p {
                    GrownForest::Numbers(forest) => Some(forest),
                    GrownForest::Classes(_) => None,
                });
                ForestRegressor::merge(forests?).map(GrownForest::Numbers)
            }
        }
    }
}

/// A forest with fewer trees than this is grown in one piece: sharing it out costs more (in the
/// browser each part reads and encodes the data again) than it saves.
pub const MIN_TREES_TO_SHARE: u32 = 8;

/// The train cells whose forests are worth sharing out, with their number of trees.
pub fn shareable_forests(notebook: &Notebook) -> Vec<(usize, u32)> {
    notebook
        .cells
        .iter()
        .enumerate()
        .filter_map(|(index, cell)| match cell {
            Cell::Train(train) => match &train.model {
                ModelSpec::RandomForest(params) if params.trees() >= MIN_TREES_TO_SHARE => {
                    Some((index, params.trees()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// `trees` split into at most `parts` consecutive ranges of near-equal size, in order.
pub fn tree_shares(trees: u32, parts: usize) -> Vec<Range<u32>> {
    let parts = (parts.max(1) as u32).min(trees.max(1));
    let (size, extra) = (trees / parts, trees % parts);
    let mut start = 0;
    (0..parts)
        .map(|part| {
            let end = start + size + u32::from(part < extra);
            let range = start..end;
            start = end;
            range
        })
        .collect()
}

/// Grows trees `trees` of the forest in the train cell at `index`, on the training rows of
/// the split above it.
pub fn grow_trees(
    notebook: &Notebook,
    index: usize,
    trees: Range<u32>,
    source: &dyn DataSource,
    progress: &mut dyn FnMut(f64),
) -> Result<GrownForest, Error> {
    ForestRows::of(notebook, index, source)?.grow(trees, progress)
}

/// A train cell's forest and its training rows, read and encoded once: the parts grown on one
/// machine (the command line's threads) share them, where each of the browser's workers, with
/// memory of its own, reads them for itself ([`grow_trees`]).
pub struct ForestRows {
    params: RandomForestParams,
    set: TrainingSet,
}

impl ForestRows {
    pub fn of(notebook: &Notebook, index: usize, source: &dyn DataSource) -> Result<Self, Error> {
        notebook.check_version()?;
        let Some(Cell::Train(cell)) = notebook.cells.get(index) else {
            return Err(Error::NeedsCellAbove {
                cell: CellKind::Train,
            });
        };
        let ModelSpec::RandomForest(params) = &cell.model else {
            return Err(Error::NeedsCellAbove {
                cell: CellKind::Train,
            });
        };
        Ok(ForestRows {
            params: params.clone(),
            set: data_above(notebook, index, source).training_set()?,
        })
    }

    /// Trees `trees` of the forest.
    pub fn grow(
        &self,
        trees: Range<u32>,
        progress: &mut dyn FnMut(f64),
    ) -> Result<GrownForest, Error> {
        let (params, set) = (&self.params, &self.set);
        Ok(match &set.y {
            Outcomes::Classes { codes, n_classes } => GrownForest::Classes(
                RandomForest::fit_trees(params, &set.x, codes, *n_classes, trees, progress)?,
            ),
            Outcomes::Numbers(values) => GrownForest::Numbers(ForestRegressor::fit_trees(
                params, &set.x, values, trees, progress,
            )?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_cover_every_tree_once_in_order() {
        for (trees, parts) in [(100, 2), (100, 3), (7, 4), (3, 8), (1, 1), (10, 0)] {
            let shares = tree_shares(trees, parts);
            assert!(shares.len() <= parts.max(1));
            assert_eq!(shares.first().map(|r| r.start), Some(0));
            assert_eq!(shares.last().map(|r| r.end), Some(trees));
            assert!(shares.windows(2).all(|w| w[0].end == w[1].start));
            assert!(shares.iter().all(|r| !r.is_empty()));
            let sizes: Vec<usize> = shares.iter().map(|r| r.len()).collect();
            assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
        }
    }
}
