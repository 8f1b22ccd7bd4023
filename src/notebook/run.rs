//! One run of the notebook over the worker pool. With more than one worker, the trees of each
//! random forest are grown by all of them at once (one job per share of the trees); one job then
//! evaluates the notebook with those forests. Trees draw from their own seeded streams, so the
//! numbers are the same whatever the pool's size. Runs are latest-wins: a change made while a
//! run is in flight starts another when it ends.

use super::state::{NotebookState, RunStatus};
use crate::components::progress::now_ms;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::jobs::{ForestPart, Job, JobId, JobResult};
use latih_engine::notebook::{shareable_forests, tree_shares, work_weight, Notebook};
use leptos::prelude::*;
use std::ops::Range;

/// The bookkeeping of runs: the one in flight, and what the shown outputs were computed from.
#[derive(Default)]
pub(super) struct RunBook {
    pub in_flight: Option<Flight>,
    /// The document has changed since the run in flight started: run again when it ends.
    pub again: bool,
    /// The document the shown outputs belong to.
    pub evaluated: Option<Notebook>,
    /// Numbers runs, so that a late event of an earlier run is ignored.
    next_run: u64,
}

pub(super) struct Flight {
    run: u64,
    notebook: Notebook,
    jobs: Vec<JobId>,
    stage: Stage,
    /// The cell the notebook's evaluation is on, to put a crash on it.
    cell: Option<usize>,
}

enum Stage {
    /// Growing forests' trees: one share per job, with its progress and its part once done
    /// (`Some(None)` when the job ended without one: the evaluation then grows that forest).
    Growing {
        shares: Vec<(usize, Range<u32>)>,
        fractions: Vec<f64>,
        parts: Vec<Option<Option<ForestPart>>>,
        /// The share of the whole run's work that growing is.
        weight: f64,
    },
    /// Evaluating the notebook; `before` is the share of the run done before this stage.
    Evaluating { before: f64 },
}

impl NotebookState {
    /// Runs the notebook as it is now, unless a run is in flight (then it runs again after).
    pub fn start_run(self) {
        let busy = self.run.try_update_value(|run| {
            run.again = run.in_flight.is_some();
            run.again
        });
        if busy != Some(false) {
            return;
        }
        let notebook = self.doc.get_untracked();
        let workers = self.runner.with_value(|runner| runner.workers());
        let shares: Vec<(usize, Range<u32>)> = if workers > 1 {
            shareable_forests(&notebook)
                .into_iter()
                .flat_map(|(cell, trees)| {
                    tree_shares(trees, workers)
                        .into_iter()
                        .map(move |share| (cell, share))
                })
                .collect()
        } else {
            Vec::new()
        };
        let run = self
            .run
            .try_update_value(|book| {
                book.next_run += 1;
                book.next_run
            })
            .unwrap_or_default();
        self.status.set(RunStatus::Running {
            fraction: 0.0,
            started_ms: now_ms(),
        });
        if shares.is_empty() {
            self.set_flight(run, notebook.clone(), Stage::Evaluating { before: 0.0 });
            self.evaluate(run, notebook, Vec::new());
            return;
        }
        let weight = growing_weight(&notebook, &shares);
        let count = shares.len();
        self.set_flight(
            run,
            notebook.clone(),
            Stage::Growing {
                shares: shares.clone(),
                fractions: vec![0.0; count],
                parts: vec![None; count],
                weight,
            },
        );
        for (index, (cell, trees)) in shares.into_iter().enumerate() {
            let job = Job::GrowTrees {
                notebook: notebook.clone(),
                cell,
                trees,
            };
            let on_event = Box::new(move |event| self.on_grow_event(run, index, event));
            let id = self.runner.with_value(|runner| runner.run(job, on_event));
            self.with_flight(run, |flight| flight.jobs.push(id));
        }
    }

    fn set_flight(self, run: u64, notebook: Notebook, stage: Stage) {
        self.run.try_update_value(|book| {
            book.in_flight = Some(Flight {
                run,
                notebook,
                jobs: Vec::new(),
                stage,
                cell: None,
            })
        });
    }

    /// Changes the flight of run `run`, if it is still the one in flight.
    fn with_flight<T>(self, run: u64, change: impl FnOnce(&mut Flight) -> T) -> Option<T> {
        self.run
            .try_update_value(|book| book.in_flight.as_mut().filter(|f| f.run == run).map(change))
            .flatten()
    }

    fn show_fraction(self, fraction: f64) {
        self.status.update(|status| {
            if let RunStatus::Running { fraction: f, .. } = status {
                *f = fraction;
            }
        });
    }

    fn on_grow_event(self, run: u64, index: usize, event: JobEvent) {
        enum Next {
            Wait(f64),
            Evaluate(Notebook, Vec<ForestPart>, f64),
            Fail(JobFailure, usize),
        }
        let next = self.with_flight(run, |flight| {
            let Stage::Growing {
                shares,
                fractions,
                parts,
                weight,
            } = &mut flight.stage
            else {
                return Next::Wait(0.0);
            };
            match event {
                JobEvent::Progress(fraction) => fractions[index] = fraction,
                JobEvent::AtCell(_) => {}
                JobEvent::Done(result) => {
                    fractions[index] = 1.0;
                    parts[index] = Some(match result {
                        JobResult::Grown(Ok(part)) => Some(part),
                        _ => None,
                    });
                }
                JobEvent::Failed(failure) => return Next::Fail(failure, shares[index].0),
            }
            let done = *weight * fractions.iter().sum::<f64>() / fractions.len() as f64;
            if parts.iter().all(Option::is_some) {
                let grown = parts
                    .iter_mut()
                    .filter_map(|p| p.take().flatten())
                    .collect();
                flight.stage = Stage::Evaluating { before: *weight };
                flight.jobs.clear();
                Next::Evaluate(flight.notebook.clone(), grown, done)
            } else {
                Next::Wait(done)
            }
        });
        match next {
            None => {}
            Some(Next::Wait(done)) => self.show_fraction(done),
            Some(Next::Evaluate(notebook, grown, done)) => {
                self.show_fraction(done);
                self.evaluate(run, notebook, grown);
            }
            Some(Next::Fail(failure, cell)) => {
                self.cancel_jobs(run);
                self.fail(failure, Some(cell));
            }
        }
    }

    fn evaluate(self, run: u64, notebook: Notebook, grown: Vec<ForestPart>) {
        let on_event = Box::new(move |event| self.on_evaluate_event(run, event));
        let job = Job::Evaluate { notebook, grown };
        let id = self.runner.with_value(|runner| runner.run(job, on_event));
        self.with_flight(run, |flight| flight.jobs.push(id));
    }

    fn on_evaluate_event(self, run: u64, event: JobEvent) {
        match event {
            JobEvent::Progress(fraction) => {
                let before = self.with_flight(run, |flight| match flight.stage {
                    Stage::Evaluating { before } => before,
                    Stage::Growing { .. } => 0.0,
                });
                if let Some(before) = before {
                    self.show_fraction(before + (1.0 - before) * fraction);
                }
            }
            JobEvent::AtCell(cell) => {
                self.with_flight(run, |flight| flight.cell = Some(cell));
            }
            JobEvent::Done(JobResult::Outputs(outputs)) => {
                let Some((evaluated, again)) = self.end_flight(run) else {
                    return;
                };
                if again {
                    self.start_run();
                } else {
                    self.run
                        .try_update_value(|book| book.evaluated = Some(evaluated));
                    self.outputs.set(outputs);
                    self.status.set(RunStatus::Idle);
                }
            }
            // A notebook's evaluation never answers with another job's result.
            JobEvent::Done(_) => {
                if self.end_flight(run).is_some() {
                    self.status.set(RunStatus::Idle);
                }
            }
            JobEvent::Failed(failure) => {
                let cell = self.with_flight(run, |flight| flight.cell).flatten();
                self.end_flight(run);
                self.fail(failure, cell);
            }
        }
    }

    /// Ends run `run` if it is in flight: its notebook, and whether the document changed while
    /// it ran.
    fn end_flight(self, run: u64) -> Option<(Notebook, bool)> {
        self.run
            .try_update_value(|book| {
                let flight = book.in_flight.take_if(|f| f.run == run)?;
                Some((flight.notebook, std::mem::take(&mut book.again)))
            })
            .flatten()
    }

    fn fail(self, failure: JobFailure, cell: Option<usize>) {
        self.status.set(RunStatus::Failed { failure, cell });
    }

    /// Stops every job of run `run` and ends it.
    fn cancel_jobs(self, run: u64) {
        let jobs = self
            .with_flight(run, |flight| std::mem::take(&mut flight.jobs))
            .unwrap_or_default();
        self.run.try_update_value(|book| {
            book.again = false;
            book.in_flight.take_if(|f| f.run == run);
        });
        self.runner.with_value(|runner| {
            for id in jobs {
                runner.cancel(id);
            }
        });
    }

    /// Stops the run in flight and puts the document back as the shown outputs have it, so the
    /// notebook is exactly as it was before the run started.
    pub fn cancel_run(self) {
        let run = self
            .run
            .with_value(|book| book.in_flight.as_ref().map(|f| f.run));
        if let Some(run) = run {
            self.cancel_jobs(run);
        }
        let evaluated = self.run.with_value(|book| book.evaluated.clone());
        if let Some(before) = evaluated {
            if self.doc.with_untracked(|nb| nb != &before) {
                self.replace(before);
            }
        }
        self.status.set(RunStatus::Cancelled);
    }
}

/// The share of a run's work spent growing the shared forests, by the engine's weights: the
/// forests' train cells' share of the whole notebook.
fn growing_weight(notebook: &Notebook, shares: &[(usize, Range<u32>)]) -> f64 {
    let total: f64 = notebook.cells.iter().map(work_weight).sum();
    let mut cells: Vec<usize> = shares.iter().map(|(cell, _)| *cell).collect();
    cells.dedup();
    let growing: f64 = cells
        .iter()
        .filter_map(|&cell| notebook.cells.get(cell))
        .map(work_weight)
        .sum();
    if total > 0.0 {
        growing / total
    } else {
        0.0
    }
}
