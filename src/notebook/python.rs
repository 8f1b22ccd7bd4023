//! The notebook in Python. A worker writes it (the engine's `export`; that code is not part of
//! the first load) whenever the notebook or the language changes; cells show their part and the
//! file actions download the script and the Jupyter notebook.

use super::NotebookState;
use crate::i18n::I18n;
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::export::{PythonExport, EXPORT_KEYS};
use latih_engine::jobs::{Job, JobResult};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum PythonCode {
    /// Being written for the notebook as it now is.
    #[default]
    Pending,
    Ready(PythonExport),
    /// No worker could write it; the reason is the pool's.
    Failed(String),
}

/// Asks a worker for the notebook's Python after every change. Each request is tiny, so older
/// ones are not cancelled (cancelling a running job restarts its worker); their answers are
/// dropped when a newer request is out.
pub fn keep_python_current(state: NotebookState, i18n: I18n) {
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
        state.python.set(PythonCode::Pending);
        let on_event = move |event: JobEvent| {
            if latest.get_value() != request {
                return;
            }
            match event {
                JobEvent::Done(JobResult::Python(export)) => {
                    state.python.set(PythonCode::Ready(export));
                }
                JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                    state.python.set(PythonCode::Failed(reason));
                }
                _ => {}
            }
        };
        let runner = state.runner.get_value();
        runner.run(Job::Python { notebook, words }, Box::new(on_event));
    });
}
