//! The Web Worker: a thin shell that turns messages into [`JobRunner`] calls and its responses
//! back into messages. All the work, and the protocol's tests, live in the engine.
//!
//! Trunk builds this binary as a classic (`no-modules`) worker with a loader script; the app
//! starts it with `new Worker("/latih-worker_loader.js")`.

use latih_engine::jobs::{wire, JobRunner, Response};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response) {
    let bytes = wire::encode_response(response);
    let _ = scope().post_message(&js_sys::Uint8Array::from(bytes.as_slice()));
}

fn main() {
    // Release builds abort on panic; the hook runs first, so the app learns what went wrong
    // before the worker's error event arrives.
    std::panic::set_hook(Box::new(|info| {
        post(&Response::Crashed {
            message: info.to_string(),
        })
    }));
    // Fit times come from the worker's own clock (`Instant` traps on wasm32).
    let clock = Box::new(|| scope().performance().map_or(0.0, |p| p.now()));
    let runner = RefCell::new(JobRunner::new(clock));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        match wire::decode_request(&bytes) {
            Ok(request) => runner.borrow_mut().handle(request, &mut |r| post(&r)),
            Err(message) => post(&Response::Unreadable { message }),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&Response::Ready);
}
