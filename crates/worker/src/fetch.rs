//! Fetching a data URL for the page ([`Job::FetchData`](latih_engine::jobs::Job::FetchData)):
//! read as a stream, so that an endless or huge answer stops at the byte cap instead of filling
//! the memory, and given up at the time limit (a slow server must not hang the data set cell).
//! Here rather than in the page: it waits on the network without holding the page's thread,
//! and its code is not part of the page's first load.

use latih_engine::datasets::{
    check_data_url, fetched_data, FetchFailure, PAGE_FETCH_BYTES, PAGE_FETCH_SECONDS,
};
use latih_engine::table::decode_text;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, ReadableStreamDefaultReader, RequestInit, Response};

/// The text at `url`, if it is data (CSV or JSON), within the page's byte cap and time limit.
pub async fn fetch_data(url: &str) -> Result<String, FetchFailure> {
    check_data_url(url)?;
    let abort = AbortController::new().map_err(|_| unreachable(url))?;
    let timed_out = Rc::new(Cell::new(false));
    let on_time_limit = {
        let (abort, timed_out) = (abort.clone(), Rc::clone(&timed_out));
        Closure::once(move || {
            timed_out.set(true);
            abort.abort();
        })
    };
    let scope = super::scope();
    let timer = scope
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_time_limit.as_ref().unchecked_ref(),
            (PAGE_FETCH_SECONDS * 1000) as i32,
        )
        .map_err(|_| unreachable(url))?;
    let read = read_capped(url, &abort).await;
    scope.clear_timeout_with_handle(timer);
    let failed = |failure| match timed_out.get() {
        true => FetchFailure::TimedOut {
            url: url.to_string(),
            seconds: PAGE_FETCH_SECONDS,
        },
        false => failure,
    };
    let (status, bytes) = read.map_err(failed)?;
    fetched_data(url, status, decode_text(&bytes).text)
}

/// The answer's status and its bytes, read chunk by chunk up to [`PAGE_FETCH_BYTES`].
async fn read_capped(url: &str, abort: &AbortController) -> Result<(u16, Vec<u8>), FetchFailure> {
    let init = RequestInit::new();
    init.set_signal(Some(&abort.signal()));
    let answer = JsFuture::from(super::scope().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| unreachable(url))?;
    let response: Response = answer.unchecked_into();
    let Some(body) = response.body() else {
        return Ok((response.status(), Vec::new()));
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| unreachable(url))?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name));
        if field("done").ok().and_then(|done| done.as_bool()) != Some(false) {
            break;
        }
        let value: js_sys::Uint8Array = field("value")
            .map_err(|_| unreachable(url))?
            .unchecked_into();
        let start = bytes.len();
        if (start as u64).saturating_add(value.length().into()) > PAGE_FETCH_BYTES {
            abort.abort();
            return Err(FetchFailure::TooLarge {
                url: url.to_string(),
                limit: PAGE_FETCH_BYTES,
            });
        }
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok((response.status(), bytes))
}

fn unreachable(url: &str) -> FetchFailure {
    FetchFailure::Unreachable {
        url: url.to_string(),
    }
}
