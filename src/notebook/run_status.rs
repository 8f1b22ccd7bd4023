//! The notebook's run, in words: progress with the time left and a cancel button while it runs,
//! and what happened when it was cancelled or its worker failed.

use super::state::{now_ms, RunStatus};
use super::NotebookState;
use crate::i18n::use_i18n;
use crate::jobs::JobFailure;
use latih_i18n::{format_count, format_percent};
use leptos::prelude::*;

/// The time left is guessed only once there is something to guess from.
const ETA_AFTER_MS: f64 = 500.0;
const ETA_AFTER_FRACTION: f64 = 0.05;

/// Seconds left at the pace so far, once the run has gone long enough to say.
pub(crate) fn seconds_left(fraction: f64, started_ms: f64, now_ms: f64) -> Option<f64> {
    let elapsed = now_ms - started_ms;
    (elapsed >= ETA_AFTER_MS && (ETA_AFTER_FRACTION..1.0).contains(&fraction))
        .then(|| elapsed * (1.0 - fraction) / fraction / 1000.0)
}

/// Which message the bar shows; the bar is rebuilt only when this changes, not on every step of
/// progress (the cancel button must stay the same element while it is being pressed).
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Idle,
    Running,
    Cancelled,
    Failed,
}

#[component]
pub fn RunStatusBar(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let again = move |_| state.start_run();
    let phase = Memo::new(move |_| match state.status.get() {
        RunStatus::Idle => Phase::Idle,
        RunStatus::Running { .. } => Phase::Running,
        RunStatus::Cancelled => Phase::Cancelled,
        RunStatus::Failed(_) => Phase::Failed,
    });
    let running = move || match state.status.get() {
        RunStatus::Running {
            fraction,
            started_ms,
        } => Some((fraction, started_ms)),
        _ => None,
    };
    let fraction = move || running().map_or(0.0, |(fraction, _)| fraction);
    let done_text = move || {
        let percent = format_percent(i18n.lang(), fraction(), 0);
        i18n.trf("run-running", &[("percent", percent)])
    };
    let eta_text = move || {
        let (fraction, started_ms) = running()?;
        let seconds = seconds_left(fraction, started_ms, now_ms())?;
        let seconds = format_count(i18n.lang(), seconds.ceil() as usize);
        Some(i18n.trf("run-eta", &[("seconds", seconds)]))
    };
    let failure_text = move || match state.status.get() {
        RunStatus::Failed(JobFailure::Crashed(reason)) => {
            i18n.trf("run-crashed", &[("reason", reason)])
        }
        RunStatus::Failed(JobFailure::NotStarted(reason)) => {
            i18n.trf("run-not-started", &[("reason", reason)])
        }
        _ => String::new(),
    };
    move || {
        match phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Running => view! {
            <div class="run-status running" role="status">
                <progress max="1" value=fraction aria-label=move || i18n.tr("run-progress")></progress>
                <span>{done_text}</span>
                <span>{eta_text}</span>
                <button type="button" on:click=move |_| state.cancel_run()>
                    {move || i18n.tr("run-cancel")}
                </button>
            </div>
        }
        .into_any(),
        Phase::Cancelled => view! {
            <div class="run-status" role="status">
                <span>{move || i18n.tr("run-cancelled")}</span>
                <button type="button" on:click=again>{move || i18n.tr("run-again")}</button>
            </div>
        }
        .into_any(),
        Phase::Failed => view! {
            <div class="run-status cell-error" role="alert">
                <p>{failure_text}</p>
                <button type="button" on:click=again>{move || i18n.tr("run-again")}</button>
            </div>
        }
        .into_any(),
    }
    }
}
