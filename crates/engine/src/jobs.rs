//! Jobs: the long work the web app hands to its Web Workers, as plain data.
//!
//! The messages are typed here, beside the engine that does the work, so the app (which sends
//! requests) and the worker (a thin shell around [`JobRunner`]) cannot disagree about them, and so
//! the whole protocol is tested natively. A worker first says [`Response::Ready`]; then it receives
//! data sets once ([`Request::PutData`]) and jobs that name them ([`Request::Run`]), and answers each
//! job with progress and one final result.

use crate::notebook::{
    evaluate_with_progress, run_candidates, run_learning_point, CellOutput, Notebook,
};
use crate::tune::{CandidateResult, LearningPoint};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Identifies one job from the request to its last response.
pub type JobId = u64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The CSV text of a data set, kept by the worker for the jobs that follow.
    PutData {
        name: String,
        text: String,
    },
    Run {
        id: JobId,
        job: Job,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Run every cell of a notebook, on the data sets put so far.
    Evaluate { notebook: Notebook },
    /// Cross-validate some candidates of the search in the tune cell at `cell`.
    Tune {
        notebook: Notebook,
        cell: usize,
        candidates: Vec<usize>,
        /// Only these folds (indices), to share one candidate's folds out; all when `None`.
        folds: Option<Vec<usize>>,
    },
    /// One point (`size`, an index into the plan's sizes) of the learning curve of the model
    /// searched by the tune cell at `cell`.
    LearningCurve {
        notebook: Notebook,
        cell: usize,
        size: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has started and takes requests.
    Ready,
    /// The fraction of job `id` done, from 0 to 1.
    Progress {
        id: JobId,
        fraction: f64,
    },
    Done {
        id: JobId,
        result: JobResult,
    },
    /// The worker panicked (and is about to stop): a bug, reported with its message.
    Crashed {
        message: String,
    },
    /// A request the worker could not read: the app and the worker are from different builds.
    Unreadable {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum JobResult {
    /// One output (or error) per cell.
    Outputs(Vec<Result<CellOutput, Error>>),
    /// The candidates' results, in the order the job listed them.
    Tuned(Result<Vec<CandidateResult>, Error>),
    Learned(Result<LearningPoint, Error>),
}

/// The wire format. Requests go as JSON text: they hold the notebook, whose JSON the app already
/// writes for storage and links. Responses go as postcard bytes: compact, exact for every float
/// (a ROC curve starts at an infinite threshold, which JSON cannot carry), and cheap to decode in
/// the app's first-load wasm.
pub mod wire {
    use super::{Request, Response};

    pub fn encode_request(request: &Request) -> String {
        // Plain data: strings, numbers, booleans, lists; serialising cannot fail.
        serde_json::to_string(request).unwrap_or_default()
    }

    pub fn decode_request(text: &str) -> Result<Request, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn encode_response(response: &Response) -> Vec<u8> {
        postcard::to_allocvec(response).unwrap_or_default()
    }

    pub fn decode_response(bytes: &[u8]) -> Result<Response, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// Progress is posted only when it has moved by this much, so a forest of a thousand trees does
/// not send a thousand messages.
const PROGRESS_STEP: f64 = 0.01;

/// What a worker holds between requests: the data sets it has been given, and its clock.
pub struct JobRunner {
    data: HashMap<String, String>,
    /// Milliseconds, for fit times (`performance.now()` in a worker; `Instant` traps on wasm).
    clock: Box<dyn Fn() -> f64>,
}

impl JobRunner {
    pub fn new(clock: Box<dyn Fn() -> f64>) -> Self {
        Self {
            data: HashMap::new(),
            clock,
        }
    }

    /// Handles one request, posting its responses (progress, then the result) through `post`.
    pub fn handle(&mut self, request: Request, post: &mut dyn FnMut(Response)) {
        match request {
            Request::PutData { name, text } => {
                self.data.insert(name, text);
            }
            Request::Run { id, job } => {
                let mut last_posted = 0.0;
                let mut progress = |fraction: f64| {
                    if fraction - last_posted >= PROGRESS_STEP {
                        last_posted = fraction;
                        post(Response::Progress { id, fraction });
                    }
                };
                let result = self.run(job, &mut progress);
                post(Response::Done { id, result });
            }
        }
    }

    fn run(&self, job: Job, progress: &mut dyn FnMut(f64)) -> JobResult {
        match job {
            Job::Evaluate { notebook } => {
                JobResult::Outputs(evaluate_with_progress(&notebook, &self.data, progress))
            }
            Job::Tune {
                notebook,
                cell,
                candidates,
                folds,
            } => JobResult::Tuned(run_candidates(
                &notebook,
                cell,
                &candidates,
                folds.as_deref(),
                &self.data,
                &*self.clock,
                progress,
            )),
            Job::LearningCurve {
                notebook,
                cell,
                size,
            } => JobResult::Learned(run_learning_point(
                &notebook, cell, size, &self.data, progress,
            )),
        }
    }
}
