//! A pool of Web Workers that runs queued jobs, each on the first idle worker.
//!
//! Workers start lazily, at most one per queued job and never more than the pool's size. A
//! worker first says `Ready`; only then does it get the data sets and jobs (messages sent before
//! its wasm has started would be lost). A worker that crashes, or runs a cancelled job, is
//! terminated and replaced, and its job's caller is told; the pool goes on. A pool with a time
//! limit does the same to a job that runs past it (the SQL engine cannot be interrupted).

use super::{JobEvent, JobFailure, Jobs};
use crate::maps::Map;
use latih_engine::jobs::{wire, Job, JobId, JobResult, Request, Response};
use leptos::prelude::{set_timeout_with_handle, TimeoutHandle};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

/// Written by Trunk beside the app (index.html declares the workers); worker files are not hashed.
pub const WORKER_URL: &str = "/latih-worker_loader.js";
/// The worker that also runs SQL (crates/sql-worker): large, so only SQL queries start it.
pub const SQL_WORKER_URL: &str = "/latih-sql-worker_loader.js";

/// More workers than this cost phones memory (each holds its own copy of the data) for little
/// gain.
const MAX_WORKERS: usize = 4;

/// Overrides the pool's size, for comparing pool sizes (tests, benchmarks, the curious).
const SIZE_OVERRIDE_KEY: &str = "latih.workers";

/// Overrides the SQL pool's time limit in seconds, for tests that need a query to overrun.
const QUERY_SECONDS_OVERRIDE_KEY: &str = "latih.query-seconds";

type Listener = Box<dyn FnMut(JobEvent)>;

/// How long a job may run, and the result that a job past it ends with.
#[derive(Clone, Copy)]
pub struct TimeLimit {
    pub seconds: u32,
    pub overrun: fn(u32) -> JobResult,
}

pub struct WorkerPool {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    /// The worker script each worker runs.
    url: &'static str,
    size: usize,
    time_limit: Option<TimeLimit>,
    slots: Vec<Slot>,
    queue: VecDeque<(JobId, Job)>,
    listeners: Map<JobId, Listener>,
    /// Every data set put so far, as its encoded `PutData` request in JavaScript's memory, to
    /// give each new worker: a file of 40 MB is encoded and copied out of wasm once, whatever
    /// the number of workers (the browser copies it to each), and no copy stays in wasm.
    data: Vec<(String, js_sys::Uint8Array)>,
    /// The worker that evaluated the notebook last (by generation): it keeps that run's results,
    /// so the next evaluation goes to it when it is free, to redo only what changed.
    evaluated_on: Option<u64>,
    next_id: JobId,
    next_generation: u64,
}

struct Slot {
    /// Names this worker in its event handlers, so a replaced worker's late events are ignored.
    generation: u64,
    worker: Worker,
    ready: bool,
    running: Option<JobId>,
    /// Ends the running job at the pool's time limit; cleared when the job ends.
    deadline: Option<TimeoutHandle>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Slot {
    fn clear_deadline(&mut self) {
        if let Some(timer) = self.deadline.take() {
            timer.clear();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.clear_deadline();
        self.worker.terminate();
    }
}

impl WorkerPool {
    /// A pool of at most `size` workers running the script at `url`.
    pub fn new(url: &'static str, size: usize) -> Self {
        Self {
            inner: Rc::new(RefCell::new(Inner {
                url,
                size: size.clamp(1, MAX_WORKERS),
                time_limit: None,
                slots: Vec::new(),
                queue: VecDeque::new(),
                listeners: Map::new(),
                data: Vec::new(),
                evaluated_on: None,
                next_id: 1,
                next_generation: 1,
            })),
        }
    }

    /// The same pool, ending each job that runs past `limit`.
    pub fn with_time_limit(self, limit: TimeLimit) -> Self {
        let seconds = stored_number(QUERY_SECONDS_OVERRIDE_KEY).unwrap_or(limit.seconds);
        self.inner.borrow_mut().time_limit = Some(TimeLimit { seconds, ..limit });
        self
    }

    /// One worker per core the browser reports, up to [`MAX_WORKERS`], unless overridden.
    pub fn size_for_this_device() -> usize {
        let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
        stored_number(SIZE_OVERRIDE_KEY).unwrap_or(cores as usize)
    }
}

/// A number kept in this browser's storage under `key`, if any.
fn stored_number<T: std::str::FromStr>(key: &str) -> Option<T> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()??
        .parse()
        .ok()
}

impl WorkerPool {
    /// Sends a request that changes the data set `name` to the ready workers (the others get
    /// `data` when they start), and forgets what was kept for it; returns the request encoded.
    fn replace_data(&self, name: &str, request: Request) -> js_sys::Uint8Array {
        let message = js_sys::Uint8Array::from(wire::encode_request(&request).as_slice());
        drop(request);
        let mut inner = self.inner.borrow_mut();
        inner.data.retain(|(n, _)| n != name);
        for slot in inner.slots.iter().filter(|s| s.ready) {
            let _ = slot.worker.post_message(&message);
        }
        message
    }
}

impl Jobs for WorkerPool {
    fn put_data(&self, name: &str, text: &str) {
        let request = Request::PutData {
            name: name.to_string(),
            text: text.to_string(),
        };
        let message = self.replace_data(name, request);
        self.inner
            .borrow_mut()
            .data
            .push((name.to_string(), message));
    }

    fn forget_data(&self, name: &str) {
        let request = Request::ForgetData {
            name: name.to_string(),
        };
        self.replace_data(name, request);
    }

    fn workers(&self) -> usize {
        self.inner.borrow().size
    }

    fn run(&self, job: Job, on_event: Box<dyn FnMut(JobEvent)>) -> JobId {
        let id = {
            let mut inner = self.inner.borrow_mut();
            let id = inner.next_id;
            inner.next_id += 1;
            inner.listeners.insert(id, on_event);
            // Exports, links and fetches are quick for a worker, and someone waits on them (a
            // download, a page to show, a data set): they go first.
            if matches!(
                job,
                Job::Export { .. }
                    | Job::OpenLink { .. }
                    | Job::FetchData { .. }
                    | Job::AttemptLink { .. }
                    | Job::OpenAttempt { .. }
                    | Job::ReadMarkdown { .. }
            ) {
                inner.queue.push_front((id, job));
            } else {
                inner.queue.push_back((id, job));
            }
            id
        };
        dispatch(&self.inner);
        id
    }

    fn cancel(&self, id: JobId) {
        {
            let mut inner = self.inner.borrow_mut();
            inner.listeners.remove(&id);
            inner.queue.retain(|(queued, _)| *queued != id);
            if let Some(index) = inner.slots.iter().position(|s| s.running == Some(id)) {
                // A worker cannot be interrupted mid-job: stop it and start a fresh one.
                replace_worker(&self.inner, &mut inner, index);
            }
        }
        dispatch(&self.inner);
    }
}

fn send(worker: &Worker, request: &Request) {
    let bytes = wire::encode_request(request);
    let _ = worker.post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
}

/// Gives queued jobs to idle, ready workers, and starts workers for the jobs still waiting.
fn dispatch(pool: &Rc<RefCell<Inner>>) {
    let mut inner = pool.borrow_mut();
    while !inner.queue.is_empty() {
        let idle = |s: &Slot| s.ready && s.running.is_none();
        if let Some(first_idle) = inner.slots.iter().position(idle) {
            let Some((id, job)) = inner.queue.pop_front() else {
                break;
            };
            let mut index = first_idle;
            if matches!(job, Job::Evaluate { .. }) {
                let last = inner.evaluated_on;
                if let Some(kept) = inner
                    .slots
                    .iter()
                    .position(|s| idle(s) && Some(s.generation) == last)
                {
                    index = kept;
                }
                inner.evaluated_on = Some(inner.slots[index].generation);
            }
            let deadline = inner.time_limit.and_then(|limit| {
                let pool = Rc::downgrade(pool);
                let generation = inner.slots[index].generation;
                let after = std::time::Duration::from_secs(limit.seconds.into());
                set_timeout_with_handle(move || on_time_limit(&pool, generation, limit), after).ok()
            });
            let slot = &mut inner.slots[index];
            send(&slot.worker, &Request::Run { id, job });
            slot.running = Some(id);
            slot.deadline = deadline;
            continue;
        }
        let starting = inner.slots.iter().filter(|s| !s.ready).count();
        if starting >= inner.queue.len() || inner.slots.len() >= inner.size {
            break;
        }
        match start_worker(pool, &mut inner) {
            Ok(slot) => inner.slots.push(slot),
            Err(message) => {
                let failed = fail_queued_if_no_worker(&mut inner, &message);
                drop(inner);
                deliver_all(pool, failed);
                return;
            }
        }
    }
}

fn start_worker(pool: &Rc<RefCell<Inner>>, inner: &mut Inner) -> Result<Slot, String> {
    let url = inner.url;
    let worker = Worker::new(url).map_err(|err| describe_js_error(&err, url))?;
    let generation = inner.next_generation;
    inner.next_generation += 1;
    let weak = Rc::downgrade(pool);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        on_message(&weak, generation, event.data());
    });
    let weak = Rc::downgrade(pool);
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        // A script that fails to load raises a plain Event; a crash raises an ErrorEvent.
        let message = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_else(|| url.to_string());
        on_worker_error(&weak, generation, message);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Slot {
        generation,
        worker,
        ready: false,
        running: None,
        deadline: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Terminates the worker in slot `index` and starts another in its place (or drops the slot if
/// none can start). Returns the job it was running.
fn replace_worker(pool: &Rc<RefCell<Inner>>, inner: &mut Inner, index: usize) -> Option<JobId> {
    let running = inner.slots[index].running;
    match start_worker(pool, inner) {
        Ok(fresh) => inner.slots[index] = fresh,
        Err(_) => {
            inner.slots.remove(index);
        }
    }
    running
}

fn slot_of(inner: &Inner, generation: u64) -> Option<usize> {
    inner.slots.iter().position(|s| s.generation == generation)
}

/// An event for a job's listener; `last` ends the job.
struct Delivery {
    id: JobId,
    event: JobEvent,
    last: bool,
}

fn on_message(pool: &Weak<RefCell<Inner>>, generation: u64, data: JsValue) {
    let Some(pool) = pool.upgrade() else { return };
    let delivery = {
        let mut inner = pool.borrow_mut();
        let Some(index) = slot_of(&inner, generation) else {
            return;
        };
        let bytes = js_sys::Uint8Array::new(&data).to_vec();
        match wire::decode_response(&bytes) {
            Ok(Response::Ready) => {
                let slot = &mut inner.slots[index];
                slot.ready = true;
                for (_, message) in &inner.data {
                    let _ = inner.slots[index].worker.post_message(message);
                }
                None
            }
            Ok(Response::Progress { id, fraction }) => Some(Delivery {
                id,
                event: JobEvent::Progress(fraction),
                last: false,
            }),
            Ok(Response::AtCell { id, cell }) => Some(Delivery {
                id,
                event: JobEvent::AtCell(cell),
                last: false,
            }),
            Ok(Response::Reused { id, cell }) => Some(Delivery {
                id,
                event: JobEvent::Reused(cell),
                last: false,
            }),
            Ok(Response::Done { id, result }) => {
                inner.slots[index].running = None;
                inner.slots[index].clear_deadline();
                Some(Delivery {
                    id,
                    event: JobEvent::Done(result),
                    last: true,
                })
            }
            Ok(Response::Crashed { message }) => {
                // The worker aborts right after saying so; replace it now.
                replace_worker(&pool, &mut inner, index).map(|id| Delivery {
                    id,
                    event: JobEvent::Failed(JobFailure::Crashed(message)),
                    last: true,
                })
            }
            Ok(Response::Unreadable { message }) => {
                inner.slots[index].running.take().map(|id| Delivery {
                    id,
                    event: JobEvent::Failed(JobFailure::Crashed(message)),
                    last: true,
                })
            }
            Err(message) => inner.slots[index].running.take().map(|id| Delivery {
                id,
                event: JobEvent::Failed(JobFailure::Crashed(message)),
                last: true,
            }),
        }
    };
    deliver_all(&pool, delivery.into_iter().collect());
}

/// The job of worker `generation` ran past the time limit: the worker is replaced (it cannot
/// be interrupted), and the job ends with the limit's result.
fn on_time_limit(pool: &Weak<RefCell<Inner>>, generation: u64, limit: TimeLimit) {
    let Some(pool) = pool.upgrade() else { return };
    let delivery = {
        let mut inner = pool.borrow_mut();
        let Some(index) = slot_of(&inner, generation).filter(|&i| inner.slots[i].running.is_some())
        else {
            return;
        };
        replace_worker(&pool, &mut inner, index).map(|id| Delivery {
            id,
            event: JobEvent::Done((limit.overrun)(limit.seconds)),
            last: true,
        })
    };
    deliver_all(&pool, delivery.into_iter().collect());
}

fn on_worker_error(pool: &Weak<RefCell<Inner>>, generation: u64, message: String) {
    let Some(pool) = pool.upgrade() else { return };
    let deliveries = {
        let mut inner = pool.borrow_mut();
        let Some(index) = slot_of(&inner, generation) else {
            return;
        };
        if inner.slots[index].ready {
            // It ran, then died (a trap, or out of memory): replace it, fail its job.
            replace_worker(&pool, &mut inner, index)
                .map(|id| Delivery {
                    id,
                    event: JobEvent::Failed(JobFailure::Crashed(message)),
                    last: true,
                })
                .into_iter()
                .collect()
        } else {
            // It never started: starting another would fail the same way.
            inner.slots.remove(index);
            fail_queued_if_no_worker(&mut inner, &message)
        }
    };
    deliver_all(&pool, deliveries);
}

/// When no worker is running or starting, the queued jobs cannot run: fail them.
fn fail_queued_if_no_worker(inner: &mut Inner, message: &str) -> Vec<Delivery> {
    if !inner.slots.is_empty() {
        return Vec::new();
    }
    inner
        .queue
        .drain(..)
        .map(|(id, _)| Delivery {
            id,
            event: JobEvent::Failed(JobFailure::NotStarted(message.to_string())),
            last: true,
        })
        .collect()
}

/// Calls each listener without holding the pool (a listener may start or cancel jobs), then
/// gives waiting jobs to the workers that are free.
fn deliver_all(pool: &Rc<RefCell<Inner>>, deliveries: Vec<Delivery>) {
    for Delivery { id, event, last } in deliveries {
        let listener = pool.borrow_mut().listeners.remove(&id);
        let Some(mut listener) = listener else {
            continue;
        };
        listener(event);
        if !last {
            let mut inner = pool.borrow_mut();
            // Unless the listener cancelled its own job, it hears the rest.
            if inner.slots.iter().any(|s| s.running == Some(id)) {
                inner.listeners.insert(id, listener);
            }
        }
    }
    dispatch(pool);
}

fn describe_js_error(err: &JsValue, url: &str) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| url.to_string())
}
