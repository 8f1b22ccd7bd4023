//! The notebook page: loads the data sets the notebook names, then shows its cells.

use crate::data::fetch_dataset;
use crate::i18n::use_i18n;
use crate::notebook::cells::NotebookCell;
use crate::notebook::NotebookState;
use crate::title::use_page_title;
use latih_engine::datasets;
use latih_engine::notebook::Notebook;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

/// The data set a notebook opens with unless the link names another.
const DEFAULT_DATASET: &str = "iris";

#[component]
pub fn NotebookPage() -> impl IntoView {
    use_page_title("title-notebook");
    let i18n = use_i18n();
    let requested = use_query_map().get_untracked().get("dataset");
    let info = requested
        .as_deref()
        .and_then(datasets::find)
        .or_else(|| datasets::find(DEFAULT_DATASET));
    let notebook = info.map_or_else(
        || Notebook::starter(DEFAULT_DATASET, "species"),
        |d| Notebook::starter(d.id, d.suggested_target),
    );
    let state = NotebookState::new(notebook);
    let failure = RwSignal::new(None::<(String, String)>);
    let attempt = RwSignal::new(0u32);

    // Download whatever the notebook needs and does not have yet.
    Effect::new(move |_| {
        attempt.track();
        for id in state.missing_datasets() {
            failure.set(None);
            spawn_local(async move {
                match fetch_dataset(&id).await {
                    Ok(text) => state.csv.update(|data| {
                        data.insert(id, text);
                    }),
                    Err(reason) => failure.set(Some((id, reason))),
                }
            });
        }
    });

    let loading = move || failure.get().is_none() && !state.missing_datasets().is_empty();
    let cell_count = state.doc.with_untracked(|nb| nb.cells.len());
    view! {
        <h1>{move || i18n.tr("notebook-heading")}</h1>
        <p class="lead">{move || i18n.tr("notebook-intro")}</p>
        <Show when=loading>
            <p class="loading" role="status">{move || i18n.tr("notebook-loading")}</p>
        </Show>
        {move || failure.get().map(|(id, reason)| {
            let name = datasets::find(&id).map_or(id.clone(), |d| d.title.to_string());
            view! {
                <div class="cell-error" role="alert">
                    <p>{move || i18n.trf("notebook-load-failed", &[("name", name.clone()), ("reason", reason.clone())])}</p>
                    <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                        {move || i18n.tr("notebook-retry")}
                    </button>
                </div>
            }
        })}
        <div class="notebook">
            {(0..cell_count).map(|index| view! { <NotebookCell state index /> }).collect_view()}
        </div>
    }
}
