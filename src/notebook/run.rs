//! One run of the notebook over the worker pool, as the engine plans it
//! (`latih_engine::jobs::plan`): forests' trees shared out over the workers (unless the last run
//! grew them from the same inputs), then one job that evaluates the notebook, which takes from
//! its worker's cache every cell whose inputs did not change. This module only sends the planned
//! jobs and hands their events to the engine's [`Gathering`]. Runs are latest-wins: a change made
//! while a run is in flight starts another when it ends.

use super::state::{NotebookState, RunStatus};
use crate::components::progress::now_ms;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::jobs::plan::{plan_run, Gathered, Gathering, GrownForestParts};
use latih_engine::jobs::{ForestPart, Job, JobId, JobResult};
use latih_engine::notebook::budget::Estimate;
use latih_engine::notebook::{Cell, Notebook};
use leptos::prelude::*;

/// The bookkeeping of runs: the one in flight, and what the shown outputs were computed from.
#[derive(Default)]
pub(super) struct RunBook {
    pub in_flight: Option<Flight>,
    /// The document has changed since the run in flight started: run again when it ends.
    pub again: bool,
    /// The document the shown outputs belong to.
    pub evaluated: Option<Notebook>,
    /// The forests the last finished run grew, for the next run to keep if unchanged.
    grown: Vec<GrownForestParts>,
    /// Numbers runs, so that a late event of an earlier run is ignored.
    next_run: u64,
    /// Models trained so far (train cells computed, and forest shares grown), for the page to
    /// show in `<html data-trained>`: what tests count to see that a change retrained nothing.
    trained: u64,
}

pub(super) struct Flight {
    run: u64,
    notebook: Notebook,
    jobs: Vec<JobId>,
    gathering: Gathering,
    /// The cell the notebook's evaluation is on, to put a crash on it.
    cell: Option<usize>,
    /// The train cells whose forests the evaluation is given, grown by other jobs.
    prefitted: Vec<usize>,
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
        let before = self.run.with_value(|book| book.grown.clone());
        let plan = self.versions.with_value(|versions| {
            plan_run(&notebook, workers, &before, &|name| versions.current(name))
        });
        let gathering = Gathering::new(plan);
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
        let shares = gathering.shares().to_vec();
        let ready = gathering.ready();
        self.run.try_update_value(|book| {
            book.in_flight = Some(Flight {
                run,
                notebook: notebook.clone(),
                jobs: Vec::new(),
                gathering,
                cell: None,
                prefitted: Vec::new(),
            })
        });
        if let Some(Gathered::Evaluate { parts, .. }) = ready {
            self.evaluate(run, notebook, parts);
            return;
        }
        for (share, (cell, trees)) in shares.into_iter().enumerate() {
            let job = Job::GrowTrees {
                notebook: notebook.clone(),
                cell,
                trees,
                agreed_work: self.agreed_work.get_value(),
            };
            let on_event = Box::new(move |event| self.on_grow_event(run, share, event));
            let id = self.runner.with_value(|runner| runner.run(job, on_event));
            self.with_flight(run, |flight| flight.jobs.push(id));
        }
    }

    /// The learner agreed to run `work`: run, and do not ask again until a change makes the
    /// run a good deal heavier.
    pub fn agree_to_work(self, work: Estimate) {
        self.agreed_work.set_value(work.units * 2.0);
        self.start_run();
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

    /// Adds `more` models trained, and shows the count on the page's root element.
    fn count_trained(self, more: u64) {
        let trained = self
            .run
            .try_update_value(|book| {
                book.trained += more;
                book.trained
            })
            .unwrap_or_default();
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("data-trained", &trained.to_string());
        }
    }

    /// The worker did not start run `run`: it is heavier than the learner agreed to (the engine's
    /// work budget, checked where the data is). Stop its other jobs and ask.
    fn over_budget(self, run: u64, work: Estimate) {
        if self.with_flight(run, |_| ()).is_some() {
            self.cancel_jobs(run);
            self.status.set(RunStatus::Expensive(work));
        }
    }

    fn on_grow_event(self, run: u64, share: usize, event: JobEvent) {
        if let JobEvent::Done(JobResult::OverBudget(work)) = event {
            return self.over_budget(run, work);
        }
        let next = self.with_flight(run, |flight| {
            let next = match event {
                JobEvent::Progress(fraction) => flight.gathering.progress(share, fraction),
                JobEvent::AtCell(_) | JobEvent::Reused(_) => return None,
                JobEvent::Done(result) => flight.gathering.done(share, result),
                JobEvent::Failed(failure) => {
                    return Some((flight.gathering.failed(share), Some(failure)))
                }
            };
            if matches!(next, Gathered::Evaluate { .. }) {
                flight.jobs.clear();
            }
            Some((next, None))
        });
        let Some(Some((next, failure))) = next else {
            return;
        };
        match (next, failure) {
            (Gathered::Growing(done), _) => self.show_fraction(done),
            (Gathered::Evaluate { parts, done }, _) => {
                self.show_fraction(done);
                // Each forest shared out is one model trained, counted once all its trees are
                // grown (not when planned: a worker may refuse a run over the work budget).
                let flight = self.with_flight(run, |flight| {
                    let mut forests: Vec<usize> =
                        flight.gathering.shares().iter().map(|s| s.0).collect();
                    forests.dedup();
                    (flight.notebook.clone(), forests.len() as u64)
                });
                if let Some((notebook, forests)) = flight {
                    self.count_trained(forests);
                    self.evaluate(run, notebook, parts);
                }
            }
            (Gathered::Failed { cell }, failure) => {
                self.cancel_jobs(run);
                let failure = failure.unwrap_or(JobFailure::Crashed(String::new()));
                self.fail(failure, Some(cell));
            }
        }
    }

    fn evaluate(self, run: u64, notebook: Notebook, grown: Vec<ForestPart>) {
        self.with_flight(run, |flight| {
            flight.prefitted = grown.iter().map(|part| part.cell).collect();
        });
        let on_event = Box::new(move |event| self.on_evaluate_event(run, event));
        let job = Job::Evaluate {
            notebook,
            grown,
            agreed_work: self.agreed_work.get_value(),
        };
        let id = self.runner.with_value(|runner| runner.run(job, on_event));
        self.with_flight(run, |flight| flight.jobs.push(id));
    }

    fn on_evaluate_event(self, run: u64, event: JobEvent) {
        match event {
            JobEvent::Progress(fraction) => {
                let done = self.with_flight(run, |flight| flight.gathering.evaluating(fraction));
                if let Some(done) = done {
                    self.show_fraction(done);
                }
            }
            JobEvent::AtCell(cell) => {
                // A train cell given its forest grown elsewhere was counted when it was grown.
                let trains = self.with_flight(run, |flight| {
                    flight.cell = Some(cell);
                    matches!(flight.notebook.cells.get(cell), Some(Cell::Train(_)))
                        && !flight.prefitted.contains(&cell)
                });
                if trains == Some(true) {
                    self.count_trained(1);
                }
            }
            JobEvent::Reused(_) => {}
            JobEvent::Done(JobResult::OverBudget(work)) => self.over_budget(run, work),
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

    /// Ends run `run` if it is in flight, keeping the forests it grew for the next run: its
    /// notebook, and whether the document changed while it ran.
    fn end_flight(self, run: u64) -> Option<(Notebook, bool)> {
        self.run
            .try_update_value(|book| {
                let flight = book.in_flight.take_if(|f| f.run == run)?;
                book.grown = flight.gathering.grown();
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
