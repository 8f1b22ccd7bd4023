//! The notebook made ready to leave the app: in Python (cells show their part; the file actions
//! download the script and the Jupyter notebook) and as a share link. A worker makes both (the
//! engine's `export`, and the link's compression, are not part of the first load) whenever the
//! notebook or the language changes.

use super::NotebookState;
use crate::i18n::I18n;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::export::{Exported, EXPORT_KEYS};
use latih_engine::jobs::{Job, JobResult};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Exports {
    /// Being made for the notebook as it now is.
    #[default]
    Pending,
    Ready(Exported),
    /// No worker could write it; the reason is the pool's.
    Failed(String),
}

/// Asks a worker for the notebook's exports after every change, ahead of other queued work. Each request is tiny, so older
/// ones are not cancelled (cancelling a running job restarts its worker); their answers are
/// dropped when a newer request is out.
pub fn keep_exports_current(state: NotebookState, i18n: I18n) {
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let notebook = state.doc.get();
        let lang = i18n.lang();
        let words = EXPORT_KEYS
            .iter()
            .map(|key| (key.to_string(), latih_i18n::t(lang, key)))
            .collect();
        let request = latest.get_value().wrapping_add(1);
        latest.set_value(request);
        state.exports.set(Exports::Pending);
        let on_event = move |event: JobEvent| {
            // Also when the page that asked is gone (its counter with it).
            if latest.try_get_value() != Some(request) {
                return;
            }
            match event {
                JobEvent::Done(JobResult::Exported(exported)) => {
                    state.exports.set(Exports::Ready(exported));
                }
                JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                    state.exports.set(Exports::Failed(reason));
                }
                _ => {}
            }
        };
        let runner = state.runner.get_value();
        runner.run(Job::Export { notebook, words }, Box::new(on_event));
    });
}
