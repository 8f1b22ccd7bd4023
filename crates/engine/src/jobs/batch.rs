//! Planning a tune cell's batch of jobs over the workers, and gathering its answers: its search
//! (one job per candidate, or, for a single candidate, one per fold so that it too runs on every
//! worker) and its learning curve (one job per training-set size). The results depend only on
//! the notebook, never on how many workers ran the jobs.

use super::{Job, JobResult};
use crate::notebook::{Notebook, TuneOutput};
use crate::tune::{merge_folds, summarize, CandidateResult, CvRow, LearningPoint};
use crate::Error;

/// The batches of jobs a tune cell runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Batch {
    Search,
    LearningCurve,
}

/// What a finished batch found.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchResult {
    /// Every candidate's cross-validation, and the table of them ranked.
    Search {
        results: Vec<CandidateResult>,
        rows: Vec<CvRow>,
    },
    LearningCurve(Vec<LearningPoint>),
}

/// What gathering a batch's answers says next.
#[derive(Debug, Clone, PartialEq)]
pub enum BatchGathered {
    /// Still running: each job's fraction done.
    Running(Vec<f64>),
    /// A job's search failed: the batch stops with its error.
    Failed(Error),
    Done(BatchResult),
}

/// The answers of a batch's jobs, as they come.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchGathering {
    batch: Batch,
    /// The jobs are the folds of one candidate, to be merged into its cross-validation.
    folds_shared: bool,
    fractions: Vec<f64>,
    answers: Vec<Option<JobResult>>,
}

/// The jobs of batch `batch` of the tune cell at `cell`, whose run planned `plan`, and the
/// gathering of their answers.
pub fn plan_batch(
    notebook: &Notebook,
    cell: usize,
    plan: &TuneOutput,
    batch: Batch,
) -> (Vec<Job>, BatchGathering) {
    let folds_shared = batch == Batch::Search && plan.candidates == 1;
    let jobs: Vec<Job> = match batch {
        Batch::Search if folds_shared => (0..plan.folds)
            .map(|fold| Job::Tune {
                notebook: notebook.clone(),
                cell,
                candidates: vec![0],
                folds: Some(vec![fold]),
            })
            .collect(),
        Batch::Search => (0..plan.candidates)
            .map(|candidate| Job::Tune {
                notebook: notebook.clone(),
                cell,
                candidates: vec![candidate],
                folds: None,
            })
            .collect(),
        Batch::LearningCurve => (0..plan.learning_sizes.len())
            .map(|size| Job::LearningCurve {
                notebook: notebook.clone(),
                cell,
                size,
            })
            .collect(),
    };
    let gathering = BatchGathering {
        batch,
        folds_shared,
        fractions: vec![0.0; jobs.len()],
        // Not `vec![None; n]`: that clones a `JobResult`, whose code the page would carry.
        answers: jobs.iter().map(|_| None).collect(),
    };
    (jobs, gathering)
}

impl BatchGathering {
    /// Job `job` is `fraction` done.
    pub fn progress(&mut self, job: usize, fraction: f64) -> BatchGathered {
        if let Some(f) = self.fractions.get_mut(job) {
            *f = fraction.clamp(0.0, 1.0);
        }
        BatchGathered::Running(self.fractions.clone())
    }

    /// Job `job` has answered.
    pub fn done(&mut self, job: usize, result: JobResult) -> BatchGathered {
        if let JobResult::Tuned(Err(error)) | JobResult::Learned(Err(error)) = result {
            return BatchGathered::Failed(error);
        }
        if let (Some(answer), Some(f)) = (self.answers.get_mut(job), self.fractions.get_mut(job)) {
            *answer = Some(result);
            *f = 1.0;
        }
        if !self.answers.iter().all(Option::is_some) {
            return BatchGathered::Running(self.fractions.clone());
        }
        let answers = self.answers.iter_mut().filter_map(Option::take);
        BatchGathered::Done(match self.batch {
            Batch::Search => {
                let mut results: Vec<CandidateResult> = answers
                    .filter_map(|r| match r {
                        JobResult::Tuned(Ok(found)) => Some(found),
                        _ => None,
                    })
                    .flatten()
                    .collect();
                if self.folds_shared {
                    results = merge_folds(results).into_iter().collect();
                }
                let rows = summarize(&results);
                BatchResult::Search { results, rows }
            }
            Batch::LearningCurve => BatchResult::LearningCurve(
                answers
                    .filter_map(|r| match r {
                        JobResult::Learned(Ok(point)) => Some(point),
                        _ => None,
                    })
                    .collect(),
            ),
        })
    }
}
