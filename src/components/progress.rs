//! The progress of a long job in a worker: a labelled bar, the share done in words, the time left
//! once it can be guessed, and a cancel button. The bar updates in place as progress arrives, so
//! the button stays the same element while a person presses it.

use crate::i18n::use_i18n;
use latih_i18n::{format_count, format_percent};
use leptos::prelude::*;

/// Milliseconds since the page started (`performance.now()`; `Instant` traps on wasm).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The time left is guessed only once there is something to guess from.
const ETA_AFTER_MS: f64 = 500.0;
const ETA_AFTER_FRACTION: f64 = 0.05;

/// Seconds left at the pace so far, once the job has gone long enough to say.
pub fn seconds_left(fraction: f64, started_ms: f64, now_ms: f64) -> Option<f64> {
    let elapsed = now_ms - started_ms;
    (elapsed >= ETA_AFTER_MS && (ETA_AFTER_FRACTION..1.0).contains(&fraction))
        .then(|| elapsed * (1.0 - fraction) / fraction / 1000.0)
}

/// `progress` is (fraction done, start time in `performance.now()` milliseconds).
#[component]
pub fn JobProgress(
    #[prop(into)] progress: Signal<(f64, f64)>,
    label_key: &'static str,
    running_key: &'static str,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fraction = move || progress.get().0;
    let done = move || {
        let percent = format_percent(i18n.lang(), fraction(), 0);
        i18n.trf(running_key, &[("percent", percent)])
    };
    let eta = move || {
        let (fraction, started_ms) = progress.get();
        let seconds = seconds_left(fraction, started_ms, now_ms())?;
        let seconds = format_count(i18n.lang(), seconds.ceil() as usize);
        Some(i18n.trf("run-eta", &[("seconds", seconds)]))
    };
    view! {
        <div class="run-status running" role="status">
            <progress max="1" value=fraction aria-label=i18n.text(label_key)></progress>
            <span>{done}</span>
            <span>{eta}</span>
            <button type="button" on:click=move |_| on_cancel.run(())>{i18n.text("run-cancel")}</button>
        </div>
    }
}
