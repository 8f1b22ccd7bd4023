//! The notebook's run, in words: progress with the time left and a cancel button while it runs,
//! and what happened when it was cancelled or its worker failed. A failure on a known cell is
//! told on that cell ([`RunFailureOnCell`]); the bar then only points to it.

use super::state::RunStatus;
use super::{storage, NotebookState};
use crate::components::fields::CheckboxField;
use crate::components::progress::JobProgress;
use crate::i18n::use_i18n;
use crate::jobs::JobFailure;
use latih_engine::notebook::budget::Estimate;
use leptos::prelude::*;

/// Which message the bar shows; the bar is rebuilt only when this changes, not on every step of
/// progress (the cancel button must stay the same element while it is being pressed).
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Idle,
    Running,
    Cancelled,
    Failed,
    /// Failed on this cell, which says why.
    FailedAt(usize),
    Expensive(Estimate),
}

#[component]
pub fn RunStatusBar(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let phase = Memo::new(move |_| match state.status.get() {
        RunStatus::Idle => Phase::Idle,
        RunStatus::Running { .. } => Phase::Running,
        RunStatus::Cancelled => Phase::Cancelled,
        RunStatus::Failed {
            cell: Some(cell), ..
        } => Phase::FailedAt(cell),
        RunStatus::Failed { cell: None, .. } => Phase::Failed,
        RunStatus::Expensive(work) => Phase::Expensive(work),
    });
    let progress = Signal::derive(move || match state.status.get() {
        RunStatus::Running {
            fraction,
            started_ms,
        } => (fraction, started_ms),
        _ => (0.0, 0.0),
    });
    move || match phase.get() {
        Phase::Idle => ().into_any(),
        Phase::Running => view! {
            <JobProgress
                progress
                label_key="run-progress"
                running_key="run-running"
                on_cancel=Callback::new(move |()| state.cancel_run())
            />
        }
        .into_any(),
        // One view for both: a sentence and a button that runs (each view costs first load).
        phase @ (Phase::Cancelled | Phase::Expensive(_)) => {
            let work = match phase {
                Phase::Expensive(work) => Some(work),
                _ => None,
            };
            let text = move || match work {
                Some(work) => i18n.trf(
                    "run-expensive",
                    &[
                        ("minutes", work.minutes().to_string()),
                        ("cell", (work.costliest.unwrap_or(0) + 1).to_string()),
                    ],
                ),
                None => i18n.tr("run-cancelled"),
            };
            let run = move |_| match work {
                Some(work) => state.agree_to_work(work),
                None => state.start_run(),
            };
            let button = if work.is_some() {
                "run-expensive-go"
            } else {
                "run-again"
            };
            view! {
                <div class="run-status" role=if work.is_some() { "alert" } else { "status" }>
                    <span>{text}</span>
                    <button type="button" on:click=run>{i18n.text(button)}</button>
                </div>
            }
            .into_any()
        }
        Phase::Failed => view! { <RunFailure state /> }.into_any(),
        Phase::FailedAt(cell) => view! {
            <div class="run-status" role="status">
                {i18n.trf("run-failed-at-cell", &[("cell", (cell + 1).to_string())])}
            </div>
        }
        .into_any(),
    }
}

/// Running as the notebook is edited (the default), or by hand: for slow models on slow phones,
/// where every edit starting a run is more waiting than help.
#[component]
pub fn RunMode(state: NotebookState) -> impl IntoView {
    let choose = Callback::new(move |yes: bool| {
        storage::set_runs_automatically(yes);
        state.auto_run.set(yes);
    });
    view! {
        <CheckboxField id="run-automatically" label_key="run-automatically"
            checked=state.auto_run.get_untracked() on_change=choose />
    }
}

/// "Run now", while the notebook runs by hand (see [`RunMode`]).
#[component]
pub fn RunNow(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let behind = move || {
        state.outputs.track();
        state.can_run()
    };
    view! {
        <Show when=move || !state.auto_run.get()>
            <button type="button" class="primary" disabled=move || !behind()
                on:click=move |_| state.start_run()>{i18n.text("run-now")}</button>
        </Show>
    }
}

/// On cell `index`: why the run failed there, when it did.
#[component]
pub fn RunFailureOnCell(state: NotebookState, index: usize) -> impl IntoView {
    let here = move || matches!(state.status.get(), RunStatus::Failed { cell: Some(cell), .. } if cell == index);
    view! {
        <Show when=here>
            <RunFailure state />
        </Show>
    }
}

/// Why the worker failed, and a button to run again.
#[component]
fn RunFailure(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let failure_text = move || match state.status.get() {
        RunStatus::Failed {
            failure: JobFailure::Crashed(reason),
            ..
        } => i18n.trf("run-crashed", &[("reason", reason)]),
        RunStatus::Failed {
            failure: JobFailure::NotStarted(reason),
            ..
        } => i18n.trf("run-not-started", &[("reason", reason)]),
        _ => String::new(),
    };
    view! {
        <div class="run-status cell-error" role="alert">
            <p>{failure_text}</p>
            <button type="button" on:click=move |_| state.start_run()>
                {i18n.text("run-again")}
            </button>
        </div>
    }
}
