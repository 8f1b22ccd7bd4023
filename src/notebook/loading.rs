//! Downloading the shipped data sets a notebook needs, whenever it comes to need one, and saying
//! so: while they come, and which failed, with a way to try again. The notebook page and the
//! lesson page both show their notebook this way.

use super::NotebookState;
use crate::data::fetch_dataset;
use crate::i18n::use_i18n;
use latih_engine::datasets;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The data set that could not be had, with the reason, and the tries so far.
#[derive(Clone, Copy)]
pub struct DataLoading {
    failure: RwSignal<Option<(String, String)>>,
    tries: RwSignal<u32>,
}

/// Starts downloading whatever `state`'s notebook needs and does not have yet, now and after
/// each change.
pub fn keep_data_loaded(state: NotebookState) -> DataLoading {
    let loading = DataLoading {
        failure: RwSignal::new(None),
        tries: RwSignal::new(0),
    };
    Effect::new(move |_| {
        loading.tries.track();
        for id in state.missing_datasets() {
            loading.failure.set(None);
            spawn_local(async move {
                match fetch_dataset(&id).await {
                    Ok(text) => state.add_data(id, text),
                    Err(reason) => loading.failure.set(Some((id, reason))),
                }
            });
        }
    });
    loading
}

/// "Loading the data…" while it comes; the failure and a retry button if it does not.
#[component]
pub fn DataLoadStatus(state: NotebookState, loading: DataLoading) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = move || loading.failure.get().is_none() && !state.missing_datasets().is_empty();
    view! {
        <Show when=waiting>
            <p class="loading" role="status">{i18n.text("notebook-loading")}</p>
        </Show>
        {move || loading.failure.get().map(|(id, reason)| {
            let name = datasets::find(&id).map_or(id.clone(), |d| d.title.to_string());
            view! {
                <div class="cell-error" role="alert">
                    <p>{move || i18n.trf("notebook-load-failed", &[("name", name.clone()), ("reason", reason.clone())])}</p>
                    <button type="button" on:click=move |_| loading.tries.update(|n| *n += 1)>
                        {i18n.text("notebook-retry")}
                    </button>
                </div>
            }
        })}
    }
}
