//! The app's side of the Web Workers: long work (training, tuning) is sent as an engine
//! [`Job`](latih_engine::jobs::Job) to a pool of workers, and answers come back as [`JobEvent`]s.
//! The main thread never trains.

mod pool;

pub use pool::{TimeLimit, WorkerPool, SQL_WORKER_URL, WORKER_URL};

use latih_engine::jobs::{Job, JobId, JobResult};
use std::rc::Rc;

/// What the caller of [`Jobs::run`] hears about its job, in order: progress, then one end.
#[derive(Debug, Clone, PartialEq)]
pub enum JobEvent {
    /// Fraction done, 0 to 1.
    Progress(f64),
    /// A notebook's evaluation starts on this cell.
    AtCell(usize),
    /// A notebook's evaluation took this cell from its run before (its inputs are unchanged).
    Reused(usize),
    Done(JobResult),
    Failed(JobFailure),
}

/// Why a job ended without a result. The worker that failed is replaced; the pool goes on.
#[derive(Debug, Clone, PartialEq)]
pub enum JobFailure {
    /// The worker panicked or ran out of memory; the message is the worker's own.
    Crashed(String),
    /// No worker could be started (the worker's files are missing or blocked).
    NotStarted(String),
}

/// Runs jobs somewhere other than the caller's stack. The app's runner is the [`WorkerPool`];
/// tests of the app's components may run the same engine jobs in-page.
pub trait Jobs {
    /// Hands a data set's CSV text to every worker, now and later, for the jobs that name it.
    fn put_data(&self, name: &str, text: &str);
    /// Takes a data set back from every worker: jobs that name it find nothing.
    fn forget_data(&self, name: &str);
    /// Queues `job`; `on_event` hears its progress and its end, unless it is cancelled.
    fn run(&self, job: Job, on_event: Box<dyn FnMut(JobEvent)>) -> JobId;
    /// How many jobs run at once: worth sharing one job's work out over.
    fn workers(&self) -> usize;
    /// Stops a job at once, wherever it is; its caller hears nothing more about it.
    fn cancel(&self, id: JobId);
}

pub type SharedJobs = Rc<dyn Jobs>;

thread_local! {
    static POOL: SharedJobs =
        Rc::new(WorkerPool::new(WORKER_URL, WorkerPool::size_for_this_device()));
    static SQL_POOL: SharedJobs = Rc::new(WorkerPool::new(SQL_WORKER_URL, 1).with_time_limit(
        TimeLimit {
            seconds: latih_engine::notebook::QUERY_SECONDS,
            overrun: |seconds| JobResult::Queried(Err(latih_engine::Error::QueryTimedOut { seconds })),
        },
    ));
}

/// The app's worker pool, started lazily (no worker runs until a job needs one).
pub fn worker_pool() -> SharedJobs {
    POOL.with(Rc::clone)
}

/// The one worker that runs SQL queries ([`Job::Query`]), started by the first query: it
/// carries a SQL engine, which notebooks without a SQL cell never download. A query that runs
/// past the time limit is stopped (its worker replaced) and fails with its own message.
pub fn sql_pool() -> SharedJobs {
    SQL_POOL.with(Rc::clone)
}
