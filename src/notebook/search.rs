//! Running a tune cell's batches of jobs over the worker pool, as the engine plans and gathers
//! them (`latih_engine::jobs::batch`): its search and its learning curve. The progress of all
//! the jobs of a batch shows in one bar; cancel stops every job and puts back the results from
//! before. Results depend only on the notebook, never on how many workers ran them.

use super::NotebookState;
use crate::components::progress::now_ms;
use crate::jobs::{JobEvent, JobFailure};
use crate::maps::Map;
pub use latih_engine::jobs::batch::Batch;
use latih_engine::jobs::batch::{plan_batch, BatchGathered, BatchGathering, BatchResult};
use latih_engine::jobs::JobId;
use latih_engine::notebook::{CellOutput, Notebook};
use latih_engine::tune::{CandidateResult, CvRow, LearningPoint};
use latih_engine::Error;
use leptos::prelude::*;

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

/// A batch of one tune cell.
pub type BatchKey = (usize, Batch);

/// The batches running, by cell and batch: their jobs, the notebook they run on, and the
/// engine's gathering of their answers.
#[derive(Default)]
pub struct Searches {
    jobs: Map<BatchKey, Vec<JobId>>,
    running: Map<BatchKey, (Notebook, BatchGathering)>,
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
        let (jobs, gathering) = plan_batch(&notebook, index, &plan, batch);
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
        self.search_jobs.update_value(|s| {
            s.running.insert(key, (notebook, gathering));
        });
        let ids: Vec<JobId> = jobs
            .into_iter()
            .enumerate()
            .map(|(job_index, job)| {
                let on_event =
                    Box::new(move |event: JobEvent| self.on_batch_event(key, job_index, event));
                self.runner().with_value(|runner| runner.run(job, on_event))
            })
            .collect();
        self.search_jobs
            .try_update_value(|s| s.jobs.insert(key, ids));
    }

    fn on_batch_event(self, key: BatchKey, job_index: usize, event: JobEvent) {
        let gathered = self
            .search_jobs
            .try_update_value(|s| {
                let (_, gathering) = s.running.get_mut(&key)?;
                let gathered = match event {
                    JobEvent::Progress(fraction) => gathering.progress(job_index, fraction),
                    JobEvent::Done(result) => gathering.done(job_index, result),
                    JobEvent::Failed(failure) => return Some(Err(failure)),
                    // Only a notebook's evaluation announces its cells.
                    JobEvent::AtCell(_) | JobEvent::Reused(_) => return None,
                };
                // A finished batch leaves the running ones, with the notebook it ran on.
                let notebook = match gathered {
                    BatchGathered::Done(_) => {
                        s.jobs.remove(&key);
                        s.running.remove(&key).map(|(notebook, _)| notebook)
                    }
                    _ => None,
                };
                Some(Ok((gathered, notebook)))
            })
            .flatten();
        match gathered {
            None => {}
            Some(Err(failure)) => self.fail_batch(key, SearchFailure::Worker(failure)),
            Some(Ok((BatchGathered::Running(fractions), _))) => {
                self.searches.update(|s| {
                    if let Some(SearchRun::Running { fractions: f, .. }) = s.get_mut(&key) {
                        *f = fractions;
                    }
                });
            }
            Some(Ok((BatchGathered::Failed(error), _))) => {
                self.fail_batch(key, SearchFailure::Engine(error))
            }
            Some(Ok((BatchGathered::Done(result), Some(notebook)))) => {
                let done = match result {
                    BatchResult::Search { results, rows } => BatchDone::Search(SearchDone {
                        results,
                        rows,
                        notebook,
                        applied: false,
                    }),
                    BatchResult::LearningCurve(points) => {
                        BatchDone::LearningCurve(LearningDone { points, notebook })
                    }
                };
                self.set_run(key, SearchRun::Done(Box::new(done)));
            }
            Some(Ok((BatchGathered::Done(_), None))) => {}
        }
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
        self.searches.update(Map::clear);
    }

    fn stop_jobs(self, key: BatchKey) {
        let ids = self
            .search_jobs
            .try_update_value(|s| {
                s.running.remove(&key);
                s.jobs.remove(&key)
            })
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
