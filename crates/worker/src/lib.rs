//! The Web Worker's shell, shared by the workers Trunk builds (this crate's `latih-worker`, and
//! `latih-sql-worker`, which adds a SQL engine): messages in become [`JobRunner`] calls, and its
//! responses go back as messages. All the work, and the protocol's tests, live in the engine.

mod fetch;

use latih_engine::jobs::{wire, Job, JobResult, JobRunner, Request, Response};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, WorkerGlobalScope};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response) {
    let bytes = wire::encode_response(response);
    let _ = scope().post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
}

/// A runner whose fit times come from the worker's own clock (`Instant` traps on wasm32).
pub fn runner() -> JobRunner {
    let runner = JobRunner::new(Box::new(|| scope().performance().map_or(0.0, |p| p.now())));
    // A page opened from a file, or sandboxed, has the origin "null": no site to read from.
    let origin = WorkerGlobalScope::location(&scope()).origin();
    if origin.starts_with("http") {
        runner.with_site(origin)
    } else {
        runner
    }
}

/// Serves requests with `runner` for the life of the worker, after saying it is ready.
pub fn serve(runner: JobRunner) {
    // Release builds abort on panic; the hook runs first, so the app learns what went wrong
    // before the worker's error event arrives.
    std::panic::set_hook(Box::new(|info| {
        post(&Response::Crashed {
            message: info.to_string(),
        })
    }));
    let runner = RefCell::new(runner);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        match wire::decode_request(&bytes) {
            // A fetch waits on the network: it answers later, and the runner (whose jobs run
            // to their end in one go) never sees it.
            Ok(Request::Run {
                id,
                job: Job::FetchData { url },
            }) => wasm_bindgen_futures::spawn_local(async move {
                let result = JobResult::Fetched(fetch::fetch_data(&url).await);
                post(&Response::Done { id, result });
            }),
            Ok(request) => runner.borrow_mut().handle(request, &mut |r| post(&r)),
            Err(message) => post(&Response::Unreadable { message }),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&Response::Ready);
}
