//! Running a tune cell's search: one job per candidate, shared out over the worker pool; the
//! progress of all of them in one bar; cancel stops every job and puts back the results from
//! before. Results depend only on the notebook, never on how many workers ran them.

use super::state::now_ms;
use super::NotebookState;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::jobs::{Job, JobId, JobResult};
use latih_engine::notebook::{CellOutput, Notebook};
use latih_engine::tune::{summarize, CandidateResult, CvRow};
use latih_engine::Error;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A tune cell's search, as the cell shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchRun {
    Running {
        /// Fraction done of each candidate.
        fractions: Vec<f64>,
        started_ms: f64,
        /// What to show again if the search is cancelled.
        before: Option<Box<SearchRun>>,
    },
    Done(Box<SearchDone>),
    Failed(SearchFailure),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchDone {
    pub results: Vec<CandidateResult>,
    pub rows: Vec<CvRow>,
    /// The notebook the search ran on, to tell when its results are out of date.
    pub notebook: Notebook,
    /// The best candidate has been put into the model's cell.
    pub applied: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SearchFailure {
    Engine(Error),
    Worker(JobFailure),
}

/// The searches of the notebook's tune cells, by cell, and the jobs of those running.
#[derive(Default)]
pub struct Searches {
    jobs: HashMap<usize, Vec<JobId>>,
}

impl NotebookState {
    /// The search of tune cell `index`, if one ran or runs.
    pub fn search(self, index: usize) -> Option<SearchRun> {
        self.searches.with(|s| s.get(&index).cloned())
    }

    /// Starts the search planned by tune cell `index` (the notebook must have run as it is).
    pub fn start_search(self, index: usize) {
        let Some(Ok(CellOutput::Tune(plan))) = self.output(index) else {
            return;
        };
        if self.is_stale(index) {
            return;
        }
        self.stop_search_jobs(index);
        let notebook = self.doc.get_untracked();
        let count = plan.candidates;
        let before = self.search(index).and_then(|run| match run {
            SearchRun::Running { before, .. } => before,
            other => Some(Box::new(other)),
        });
        self.set_search(
            index,
            SearchRun::Running {
                fractions: vec![0.0; count],
                started_ms: now_ms(),
                before,
            },
        );
        let results: Rc<RefCell<Vec<Option<CandidateResult>>>> =
            Rc::new(RefCell::new(vec![None; count]));
        let ids: Vec<JobId> = (0..count)
            .map(|candidate| {
                let job = Job::Tune {
                    notebook: notebook.clone(),
                    cell: index,
                    candidates: vec![candidate],
                };
                let results = results.clone();
                let notebook = notebook.clone();
                let on_event = Box::new(move |event: JobEvent| {
                    self.on_search_event(index, candidate, event, &results, &notebook)
                });
                self.runner().with_value(|runner| runner.run(job, on_event))
            })
            .collect();
        self.search_jobs
            .try_update_value(|s| s.jobs.insert(index, ids));
    }

    fn on_search_event(
        self,
        index: usize,
        candidate: usize,
        event: JobEvent,
        results: &Rc<RefCell<Vec<Option<CandidateResult>>>>,
        notebook: &Notebook,
    ) {
        match event {
            JobEvent::Progress(fraction) => self.searches.update(|s| {
                if let Some(SearchRun::Running { fractions, .. }) = s.get_mut(&index) {
                    fractions[candidate] = fraction;
                }
            }),
            JobEvent::Done(JobResult::Tuned(Ok(mut found))) => {
                let complete = {
                    let mut results = results.borrow_mut();
                    results[candidate] = found.pop();
                    results.iter().all(Option::is_some)
                };
                if complete {
                    self.search_jobs.try_update_value(|s| s.jobs.remove(&index));
                    let results: Vec<CandidateResult> =
                        results.borrow_mut().drain(..).flatten().collect();
                    let rows = summarize(&results);
                    let done = SearchDone {
                        results,
                        rows,
                        notebook: notebook.clone(),
                        applied: false,
                    };
                    self.set_search(index, SearchRun::Done(Box::new(done)));
                } else {
                    self.searches.update(|s| {
                        if let Some(SearchRun::Running { fractions, .. }) = s.get_mut(&index) {
                            fractions[candidate] = 1.0;
                        }
                    });
                }
            }
            JobEvent::Done(JobResult::Tuned(Err(error))) => {
                self.fail_search(index, SearchFailure::Engine(error))
            }
            JobEvent::Failed(failure) => self.fail_search(index, SearchFailure::Worker(failure)),
            JobEvent::Done(JobResult::Outputs(_)) => {}
        }
    }

    /// Notes that the search's best candidate went into the model's cell.
    pub fn mark_best_applied(self, index: usize) {
        self.searches.update(|s| {
            if let Some(SearchRun::Done(done)) = s.get_mut(&index) {
                done.applied = true;
            }
        });
    }

    fn fail_search(self, index: usize, failure: SearchFailure) {
        self.stop_search_jobs(index);
        self.set_search(index, SearchRun::Failed(failure));
    }

    /// Stops the search of cell `index` and shows what was there before it started.
    pub fn cancel_search(self, index: usize) {
        self.stop_search_jobs(index);
        let before = match self.search(index) {
            Some(SearchRun::Running { before, .. }) => before.map(|b| *b),
            other => other,
        };
        self.searches.update(|s| match before {
            Some(run) => {
                s.insert(index, run);
            }
            None => {
                s.remove(&index);
            }
        });
    }

    /// Stops every search, and forgets them all (cell numbers are about to change).
    pub fn forget_searches(self) {
        let running: Vec<usize> = self
            .search_jobs
            .with_value(|s| s.jobs.keys().copied().collect());
        for index in running {
            self.stop_search_jobs(index);
        }
        self.searches.update(HashMap::clear);
    }

    fn stop_search_jobs(self, index: usize) {
        let ids = self
            .search_jobs
            .try_update_value(|s| s.jobs.remove(&index))
            .flatten()
            .unwrap_or_default();
        self.runner().with_value(|runner| {
            for id in ids {
                runner.cancel(id);
            }
        });
    }

    fn set_search(self, index: usize, run: SearchRun) {
        self.searches.update(|s| {
            s.insert(index, run);
        });
    }
}
