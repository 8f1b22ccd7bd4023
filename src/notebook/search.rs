//! Running a tune cell's batches of jobs, shared out over the worker pool: its search (one job per
//! candidate) and its learning curve (one job per training-set size). The progress of all the
//! jobs of a batch shows in one bar; cancel stops every job and puts back the results from
//! before. Results depend only on the notebook, never on how many workers ran them.

use super::NotebookState;
use crate::components::progress::now_ms;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::jobs::{Job, JobId, JobResult};
use latih_engine::notebook::{CellOutput, Notebook};
use latih_engine::tune::{merge_folds, summarize, CandidateResult, CvRow, LearningPoint};
use latih_engine::Error;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The batches of jobs a tune cell runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Batch {
    Search,
    LearningCurve,
}

/// A batch, as the cell shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchRun {
    Running {
        /// Fraction done of each job.
        fractions: Vec<f64>,
        started_ms: f64,
        /// What to show again if the batch is cancelled.
        before: Option<Box<SearchRun>>,
    },
    Done(Box<BatchDone>),
    Failed(SearchFailure),
}

#[derive(Debug, Clone, PartialEq)]
pub enum BatchDone {
    Search(SearchDone),
    LearningCurve(LearningDone),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LearningDone {
    pub points: Vec<LearningPoint>,
    pub notebook: Notebook,
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

/// What a batch's jobs share: the results so far, the notebook they ran on, and whether they
/// are the folds of one candidate (to be merged) rather than whole candidates.
struct Finished<'a> {
    results: &'a Rc<RefCell<Vec<Option<JobResult>>>>,
    notebook: &'a Notebook,
    folds_shared: bool,
}

/// A batch of one tune cell.
pub type BatchKey = (usize, Batch);

/// The jobs of the batches running, by cell and batch.
#[derive(Default)]
pub struct Searches {
    jobs: HashMap<BatchKey, Vec<JobId>>,
}

impl NotebookState {
    /// Batch `batch` of tune cell `index`, if it ran or runs.
    pub fn batch(self, index: usize, batch: Batch) -> Option<SearchRun> {
        self.searches.with(|s| s.get(&(index, batch)).cloned())
    }

    /// Starts batch `batch` of tune cell `index` (the notebook must have run as it is).
    pub fn start_batch(self, index: usize, batch: Batch) {
        let Some(Ok(CellOutput::Tune(plan))) = self.output(index) else {
            return;
        };
        if self.is_stale(index) {
            return;
        }
        let key = (index, batch);
        self.stop_jobs(key);
        let notebook = self.doc.get_untracked();
        let jobs: Vec<Job> = match batch {
            // One job per candidate; a single candidate (a plain cross-validation) shares its
            // folds out instead, so that it too runs on every worker.
            Batch::Search if plan.candidates == 1 => (0..plan.folds)
                .map(|fold| Job::Tune {
                    notebook: notebook.clone(),
                    cell: index,
                    candidates: vec![0],
                    folds: Some(vec![fold]),
                })
                .collect(),
            Batch::Search => (0..plan.candidates)
                .map(|candidate| Job::Tune {
                    notebook: notebook.clone(),
                    cell: index,
                    candidates: vec![candidate],
                    folds: None,
                })
                .collect(),
            Batch::LearningCurve => (0..plan.learning_sizes.len())
                .map(|size| Job::LearningCurve {
                    notebook: notebook.clone(),
                    cell: index,
                    size,
                })
                .collect(),
        };
        let folds_shared = batch == Batch::Search && plan.candidates == 1;
        let count = jobs.len();
        let before = self.batch(index, batch).and_then(|run| match run {
            SearchRun::Running { before, .. } => before,
            other => Some(Box::new(other)),
        });
        self.set_run(
            key,
            SearchRun::Running {
                fractions: vec![0.0; count],
                started_ms: now_ms(),
                before,
            },
        );
        let results: Rc<RefCell<Vec<Option<JobResult>>>> = Rc::new(RefCell::new(vec![None; count]));
        let ids: Vec<JobId> = jobs
            .into_iter()
            .enumerate()
            .map(|(job_index, job)| {
                let results = results.clone();
                let notebook = notebook.clone();
                let on_event = Box::new(move |event: JobEvent| {
                    let done = Finished {
                        results: &results,
                        notebook: &notebook,
                        folds_shared,
                    };
                    self.on_batch_event(key, job_index, event, done)
                });
                self.runner().with_value(|runner| runner.run(job, on_event))
            })
            .collect();
        self.search_jobs
            .try_update_value(|s| s.jobs.insert(key, ids));
    }

    fn on_batch_event(self, key: BatchKey, job_index: usize, event: JobEvent, batch: Finished) {
        let Finished {
            results,
            notebook,
            folds_shared,
        } = batch;
        let result = match event {
            JobEvent::Progress(fraction) => {
                self.set_fraction(key, job_index, fraction);
                return;
            }
            JobEvent::Failed(failure) => {
                return self.fail_batch(key, SearchFailure::Worker(failure));
            }
            // Only a notebook's evaluation announces its cells.
            JobEvent::AtCell(_) | JobEvent::Reused(_) => return,
            JobEvent::Done(result) => result,
        };
        match &result {
            JobResult::Tuned(Err(error)) | JobResult::Learned(Err(error)) => {
                return self.fail_batch(key, SearchFailure::Engine(error.clone()));
            }
            _ => {}
        }
        let complete = {
            let mut results = results.borrow_mut();
            results[job_index] = Some(result);
            results.iter().all(Option::is_some)
        };
        if !complete {
            return self.set_fraction(key, job_index, 1.0);
        }
        self.search_jobs.try_update_value(|s| s.jobs.remove(&key));
        let results: Vec<JobResult> = results.borrow_mut().drain(..).flatten().collect();
        let notebook = notebook.clone();
        let done = match key.1 {
            Batch::Search => {
                let mut results: Vec<CandidateResult> = results
                    .into_iter()
                    .filter_map(|r| match r {
                        JobResult::Tuned(Ok(found)) => Some(found),
                        _ => None,
                    })
                    .flatten()
                    .collect();
                // The folds of a single candidate came back one job each.
                if folds_shared {
                    results = merge_folds(results).into_iter().collect();
                }
                let rows = summarize(&results);
                BatchDone::Search(SearchDone {
                    results,
                    rows,
                    notebook,
                    applied: false,
                })
            }
            Batch::LearningCurve => BatchDone::LearningCurve(LearningDone {
                points: results
                    .into_iter()
                    .filter_map(|r| match r {
                        JobResult::Learned(Ok(point)) => Some(point),
                        _ => None,
                    })
                    .collect(),
                notebook,
            }),
        };
        self.set_run(key, SearchRun::Done(Box::new(done)));
    }

    fn set_fraction(self, key: BatchKey, job_index: usize, fraction: f64) {
        self.searches.update(|s| {
            if let Some(SearchRun::Running { fractions, .. }) = s.get_mut(&key) {
                fractions[job_index] = fraction;
            }
        });
    }

    /// Notes that the search's best candidate went into the model's cell.
    pub fn mark_best_applied(self, index: usize) {
        self.searches.update(|s| {
            if let Some(SearchRun::Done(done)) = s.get_mut(&(index, Batch::Search)) {
                if let BatchDone::Search(search) = done.as_mut() {
                    search.applied = true;
                }
            }
        });
    }

    fn fail_batch(self, key: BatchKey, failure: SearchFailure) {
        self.stop_jobs(key);
        self.set_run(key, SearchRun::Failed(failure));
    }

    /// Stops a batch and shows what was there before it started.
    pub fn cancel_batch(self, index: usize, batch: Batch) {
        let key = (index, batch);
        self.stop_jobs(key);
        let before = match self.batch(index, batch) {
            Some(SearchRun::Running { before, .. }) => before.map(|b| *b),
            other => other,
        };
        self.searches.update(|s| match before {
            Some(run) => {
                s.insert(key, run);
            }
            None => {
                s.remove(&key);
            }
        });
    }

    /// Stops every batch, and forgets them all (cell numbers are about to change).
    pub fn forget_searches(self) {
        let running: Vec<BatchKey> = self
            .search_jobs
            .with_value(|s| s.jobs.keys().copied().collect());
        for key in running {
            self.stop_jobs(key);
        }
        self.searches.update(HashMap::clear);
    }

    fn stop_jobs(self, key: BatchKey) {
        let ids = self
            .search_jobs
            .try_update_value(|s| s.jobs.remove(&key))
            .flatten()
            .unwrap_or_default();
        self.runner().with_value(|runner| {
            for id in ids {
                runner.cancel(id);
            }
        });
    }

    fn set_run(self, key: BatchKey, run: SearchRun) {
        self.searches.update(|s| {
            s.insert(key, run);
        });
    }
}
