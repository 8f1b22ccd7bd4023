//! The notebook page: restores the saved notebook (a link may name a data set to use) or opens
//! the shared link in the address, loads the data sets it needs, shows its cells, and saves every
//! change.

use crate::i18n::use_i18n;
use crate::jobs::{worker_pool, JobEvent, JobFailure};
use crate::notebook::cells::NotebookCell;
use crate::notebook::compare::ModelComparison;
use crate::notebook::exports::keep_exports_current;
use crate::notebook::file::NotebookFile;
use crate::notebook::loading::{keep_data_loaded, DataLoadStatus};
use crate::notebook::model_files::ModelFiles;
use crate::notebook::run_status::{RunMode, RunNow, RunStatusBar};
use crate::notebook::share::{self, SharePanel, TeacherMode};
use crate::notebook::storage::{self, Restored};
use crate::notebook::NotebookSession;
use crate::title::use_page_title;
use latih_engine::datasets::{self, DatasetInfo};
use latih_engine::jobs::{Job, JobResult, OpenedLink};
use latih_engine::notebook::{Cell, Notebook};
use latih_engine::Error;
use leptos::prelude::*;

/// The data set a new notebook starts with.
const DEFAULT_DATASET: &str = "iris";

pub(super) fn starter(info: Option<&DatasetInfo>) -> Notebook {
    let info = info.or_else(|| datasets::find(DEFAULT_DATASET));
    info.map_or_else(
        || Notebook::starter(DEFAULT_DATASET, "species"),
        |d| Notebook::starter(d.id, d.suggested_target),
    )
}

/// Points the notebook's first data set cell at `info` (a "use in notebook" link), keeping the
/// rest of the notebook as the learner left it.
fn use_dataset(notebook: &mut Notebook, info: &DatasetInfo) {
    if let Some(Cell::Dataset(cell)) = notebook
        .cells
        .iter_mut()
        .find(|c| matches!(c, Cell::Dataset(_)))
    {
        if cell.dataset != info.id {
            cell.dataset = info.id.to_string();
            cell.target = info.suggested_target.to_string();
        }
    }
}

/// What became of the shared link in the address.
#[derive(Clone)]
enum LinkOpening {
    Opened(OpenedLink),
    Refused(Error),
    /// No worker could read it; the reason is the pool's.
    NoWorker(String),
}

/// Why a shared link's notebook is not the one shown.
enum LinkProblem {
    Refused(Error),
    NoWorker(String),
    /// My notebooks could not take it (full, or storage refused); the message key says which.
    NotKept(&'static str),
}

/// A link is read by a worker (the decoder is not in the page's first load); the notebook shows
/// once it is read, so that nothing runs on the notebook it replaces.
#[component]
pub fn NotebookPage() -> impl IntoView {
    use_page_title(crate::key!("title-notebook"));
    let Some(link) = share::link_in_address() else {
        return view! { <NotebookBody link=None /> }.into_any();
    };
    share::clear_link_from_address();
    let i18n = use_i18n();
    let opening = RwSignal::new(None::<LinkOpening>);
    let on_event = move |event: JobEvent| {
        let outcome = match event {
            JobEvent::Done(JobResult::Opened(Ok(shared))) => LinkOpening::Opened(shared),
            JobEvent::Done(JobResult::Opened(Err(error))) => LinkOpening::Refused(error),
            JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                LinkOpening::NoWorker(reason)
            }
            _ => return,
        };
        opening.set(Some(outcome));
    };
    worker_pool().run(Job::OpenLink { link }, Box::new(on_event));
    (move || match opening.get() {
        None => {
            view! { <p class="loading" role="status">{i18n.text("link-opening")}</p> }.into_any()
        }
        Some(link) => view! { <NotebookBody link=Some(link) /> }.into_any(),
    })
    .into_any()
}

#[component]
fn NotebookBody(link: Option<LinkOpening>) -> impl IntoView {
    let i18n = use_i18n();
    let requested = crate::router::query_param("dataset").and_then(|id| datasets::find(&id));
    let (mut notebook, restore_error, fresh) = match storage::restore() {
        Restored::Saved(notebook) => (notebook, None, false),
        Restored::Nothing => (starter(requested), None, true),
        Restored::Unreadable(error) => (starter(requested), Some(error), true),
    };
    if fresh {
        storage::name_open(&notebook);
    }
    if let Some(info) = requested {
        use_dataset(&mut notebook, info);
    }
    // A shared link opens as a new notebook in My notebooks, beside the learner's own.
    let mut before_link = None;
    let mut link_problem = None;
    let mut shared_files = None;
    match link {
        Some(LinkOpening::Opened(shared)) if shared.notebook != notebook => {
            match storage::open_as_new(&shared.notebook, "") {
                Ok(before) => {
                    before_link = Some(before);
                    notebook = shared.notebook.clone();
                    shared_files = Some(shared);
                }
                Err(key) => link_problem = Some(LinkProblem::NotKept(key)),
            }
        }
        Some(LinkOpening::Opened(shared)) => shared_files = Some(shared),
        Some(LinkOpening::Refused(error)) => link_problem = Some(LinkProblem::Refused(error)),
        Some(LinkOpening::NoWorker(reason)) => link_problem = Some(LinkProblem::NoWorker(reason)),
        None => {}
    }
    let state = NotebookSession::open(notebook);
    if let Some(shared) = shared_files {
        state.open_shared_files(shared);
    }
    // A link pasted while this page is open changes only the fragment, which reloads nothing:
    // open it as a fresh page would.
    let hash_listener = window_event_listener(leptos::ev::hashchange, |_| {
        if share::link_in_address().is_some() {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || hash_listener.remove());
    // Every change is saved; one that storage refuses is said at once, with what to do.
    let saved = RwSignal::new(true);
    Effect::new(move |_| saved.set(state.doc.with(storage::save)));
    keep_exports_current(state, i18n);

    let loading = keep_data_loaded(state);

    // Nothing is lost: the notebook here stays in "My notebooks".
    let start_over = move |_| {
        let fresh = starter(None);
        storage::start_new(&fresh);
        state.replace(fresh);
    };
    let menu_open = RwSignal::new(false);
    let link_notice = RwSignal::new(before_link.is_some());
    let go_back = move |_| {
        if let Some(own) = before_link.and_then(storage::reopen) {
            state.replace(own);
        }
        link_notice.set(false);
    };
    let cells = move || {
        state.layout.track();
        let count = state.doc.with_untracked(|nb| nb.cells.len());
        (0..count)
            .map(|index| view! { <NotebookCell state index /> })
            .collect_view()
    };
    view! {
        <h1>{i18n.text("notebook-heading")}</h1>
        <p class="lead">{i18n.text("notebook-intro")}</p>
        // One row of the actions used most, the rest behind one button: on a phone the first
        // cell is on the first screen (issue 22).
        <div class="toolbar">
            <RunNow state />
            <SharePanel state />
            <button type="button" aria-expanded=move || menu_open.get().to_string()
                aria-controls="notebook-menu" on:click=move |_| menu_open.update(|o| *o = !*o)>
                {i18n.text("notebook-menu")}
            </button>
            <span class="note" hidden=move || !saved.get()>{i18n.text("notebook-saved")}</span>
        </div>
        <div id="notebook-menu" class="menu" hidden=move || !menu_open.get()>
            <p class="actions">
                <button type="button" on:click=start_over>{i18n.text("notebook-new")}</button>
            </p>
            <NotebookFile state />
            <ModelFiles state />
            <RunMode state />
            <TeacherMode state />
            <p class="hint">{i18n.text("notebook-keys")}</p>
        </div>
        <Show when=move || !saved.get()>
            <p class="cell-error" role="alert">{i18n.text("notebook-not-saved")}</p>
        </Show>
        <Show when=move || link_notice.get()>
            <p class="note" role="status">
                {i18n.text("link-opened")} " "
                <button type="button" on:click=go_back>{i18n.text("link-restore")}</button>
            </p>
        </Show>
        {link_problem.map(|problem| view! {
            <p class="cell-error" role="alert">
                {move || {
                    let reason = match &problem {
                        LinkProblem::Refused(error) => latih_i18n::error_message(i18n.lang(), error),
                        LinkProblem::NoWorker(reason) => reason.clone(),
                        LinkProblem::NotKept(key) => i18n.tr(key),
                    };
                    i18n.trf("link-failed", &[("reason", reason)])
                }}
            </p>
        })}
        {restore_error.map(|error| view! {
            <p class="cell-error" role="status">
                {move || i18n.trf("notebook-restore-failed", &[("reason", latih_i18n::error_message(i18n.lang(), &error))])}
            </p>
        })}
        <DataLoadStatus state loading />
        <RunStatusBar state />
        <div class="notebook">{cells}</div>
        <p class="actions">
            <button type="button" on:click=move |_| state.restructure(Notebook::add_model)>
                {i18n.text("notebook-add-model")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_note)>
                {i18n.text("notebook-add-note")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_explore)>
                {i18n.text("notebook-add-explore")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_boundary)>
                {i18n.text("notebook-add-boundary")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_predict)>
                {i18n.text("notebook-add-predict")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_clusters)>
                {i18n.text("notebook-add-clusters")}
            </button>
            <button type="button" on:click=move |_| state.restructure(|nb| {
                nb.add_steps();
            })>
                {i18n.text("notebook-add-steps")}
            </button>
            <button type="button" on:click=move |_| state.restructure(Notebook::add_tune)>
                {i18n.text("notebook-add-tune")}
            </button>
            <button type="button" on:click=move |_| state.restructure(|nb| {
                nb.add_sql();
            })>
                {i18n.text("notebook-add-sql")}
            </button>
        </p>
        <ModelComparison state />
    }
}
