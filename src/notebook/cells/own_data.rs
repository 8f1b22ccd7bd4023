//! The learner's own data: a CSV (or TSV, or semicolon- or pipe-separated) or JSON file chosen
//! with the file picker, dropped on the cell, pasted as text, or fetched from a URL (an API). It
//! is read here in the browser and never leaves the device; it is kept for the next visit when it
//! is small enough.

use super::field_id;
use crate::data::{column_names, FetchFailure};
use crate::i18n::use_i18n;
use crate::jobs::JobEvent;
use crate::notebook::storage;
use crate::notebook::NotebookState;
use latih_engine::datasets::{file_name_for_url, url_host, user_dataset_id, user_file_name};
use latih_engine::jobs::{Job, JobResult};
use latih_engine::notebook::link::fingerprint;
use latih_engine::notebook::DatasetCell;
use latih_engine::table::{decode_text, looks_like_json};
use latih_i18n::format_count;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The largest file read into a browser tab: the text, its table and the worker's copy must fit
/// in a phone's memory. Larger data goes through the command line.
const MAX_FILE_MB: f64 = 64.0;

/// The names a pasted table gets (the exported Python reads JSON by its name).
const PASTED_CSV: &str = "pasted.csv";
const PASTED_JSON: &str = "pasted.json";

/// What became of the last file, in words (a notice or a problem).
#[derive(Clone, PartialEq)]
enum Outcome {
    Used {
        name: String,
        kept: bool,
        /// The file was not UTF-8 and was read as Latin-1.
        latin1: bool,
    },
    TooLarge {
        name: String,
        megabytes: f64,
    },
    Unreadable {
        name: String,
        reason: String,
    },
    Empty {
        name: String,
    },
    /// Not the file the shared link was made with (its fingerprint differs).
    Different {
        name: String,
    },
    Fetch(FetchFailure),
    /// A notebook from a link or a file reads its data from this URL, which the learner has not
    /// fetched from here: asked before anything is fetched.
    Ask(String),
}

/// Puts the text of file `name` (fetched from `url`, if it was) into the notebook as the data set
/// of cell `index`, with its last column as the target to start from.
fn use_text(
    state: NotebookState,
    index: usize,
    name: String,
    text: String,
    url: Option<String>,
) -> Outcome {
    if text.len() as f64 / 1_000_000.0 > MAX_FILE_MB {
        let megabytes = text.len() as f64 / 1_000_000.0;
        return Outcome::TooLarge { name, megabytes };
    }
    if text.trim().is_empty() {
        return Outcome::Empty { name };
    }
    let id = user_dataset_id(&name);
    let expected = state
        .expected_files
        .with_untracked(|files| files.get(&id).cloned());
    if expected.is_some_and(|print| print != fingerprint(&text)) {
        return Outcome::Different { name };
    }
    let kept = storage::keep_user_data(&id, &text, storage::Keeper::Learner);
    let target = column_names(&text).pop().unwrap_or_default();
    state.add_data(id.clone(), text);
    state.edit(index, |cell: &mut DatasetCell| {
        // The same file again (a link's file fetched anew) keeps the target chosen for it.
        if cell.dataset != id {
            cell.target = target;
        }
        cell.dataset = id;
        cell.url = url;
    });
    Outcome::Used {
        name,
        kept,
        latin1: false,
    }
}

#[component]
pub fn OwnData(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let read_file = move |file: web_sys::File| {
        let name = file.name();
        let megabytes = file.size() / 1_000_000.0;
        if megabytes > MAX_FILE_MB {
            outcome.set(Some(Outcome::TooLarge { name, megabytes }));
            return;
        }
        spawn_local(async move {
            // Bytes, not `file.text()`: that reads UTF-8 only, and would mangle a Latin-1 file.
            let result = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let decoded = decode_text(&js_sys::Uint8Array::new(&buffer).to_vec());
                    match use_text(state, index, name, decoded.text, None) {
                        Outcome::Used { name, kept, .. } => Outcome::Used {
                            name,
                            kept,
                            latin1: decoded.latin1,
                        },
                        other => other,
                    }
                }
                Err(err) => Outcome::Unreadable {
                    name,
                    reason: err
                        .dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .unwrap_or_default(),
                },
            };
            outcome.set(Some(result));
        });
    };
    let first_file = |files: Option<web_sys::FileList>| files.and_then(|f| f.get(0));
    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = first_file(input.as_ref().and_then(|i| i.files())) {
            read_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = first_file(ev.data_transfer().and_then(|d| d.files())) {
            read_file(file);
        }
    };
    let pasted = RwSignal::new(String::new());
    let use_pasted = move |_| {
        let text = pasted.get_untracked();
        let name = if looks_like_json(&text) {
            PASTED_JSON
        } else {
            PASTED_CSV
        };
        outcome.set(Some(use_text(state, index, name.into(), text, None)));
    };
    let url = RwSignal::new(String::new());
    let fetching = RwSignal::new(false);
    // A worker fetches (streamed, within a byte cap and a time limit: see the worker's
    // fetch.rs); the page only hears the text, or why there is none.
    let fetch = move |address: String| {
        fetching.set(true);
        let url = address.clone();
        let on_event = Box::new(move |event: JobEvent| {
            let result = match event {
                JobEvent::Done(JobResult::Fetched(Ok(text))) => {
                    let name = file_name_for_url(&address, looks_like_json(&text));
                    use_text(state, index, name, text, Some(address.clone()))
                }
                JobEvent::Done(JobResult::Fetched(Err(failure))) => Outcome::Fetch(failure),
                JobEvent::Failed(_) => Outcome::Fetch(FetchFailure::Unreachable {
                    url: address.clone(),
                }),
                _ => return,
            };
            fetching.set(false);
            outcome.set(Some(result));
        });
        state
            .runner()
            .with_value(|runner| runner.run(Job::FetchData { url }, on_event));
    };
    let fetch_url = move |_| {
        let address = url.get_untracked().trim().to_string();
        storage::allow_url(&address);
        fetch(address);
    };
    // A notebook (or a shared link) whose file came from a URL, opened without the file: fetch
    // it again, once; a link's fingerprint then checks that it is the same data. A URL the
    // learner has not fetched from here is asked about first: a stranger's link must not make
    // the browser call an address of their choosing (a tracker, or the learner's own network).
    let refetched = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(cell) = state.cell::<DatasetCell>(index) else {
            return;
        };
        let missing = user_file_name(&cell.dataset).is_some()
            && !state.csv.with(|data| data.contains_key(&cell.dataset));
        if let (true, Some(address), false) = (missing, cell.url, refetched.get_value()) {
            refetched.set_value(true);
            if storage::url_allowed(&address) {
                fetch(address);
            } else {
                outcome.set(Some(Outcome::Ask(address)));
            }
        }
    });
    let agree = move |_| {
        if let Some(Outcome::Ask(address)) = outcome.get_untracked() {
            storage::allow_url(&address);
            outcome.set(None);
            fetch(address);
        }
    };
    let asked_host = move || match outcome.get() {
        Some(Outcome::Ask(address)) => Some(url_host(&address)),
        _ => None,
    };
    let message = move || {
        let count = |mb: f64| format_count(i18n.lang(), mb.ceil() as usize);
        outcome.get().map(|o| match o {
            Outcome::Used { name, kept, latin1 } => {
                let key = if kept {
                    crate::key!("own-data-used")
                } else {
                    crate::key!("own-data-not-kept")
                };
                let mut text = i18n.trf(key, &[("name", name.clone())]);
                if latin1 {
                    text = format!(
                        "{text} {}",
                        i18n.trf("data-read-as-latin1", &[("file", name)])
                    );
                }
                (false, text)
            }
            Outcome::TooLarge { name, megabytes } => (
                true,
                i18n.trf(
                    "own-data-too-large",
                    &[
                        ("name", name),
                        ("size", count(megabytes)),
                        ("limit", count(MAX_FILE_MB)),
                    ],
                ),
            ),
            Outcome::Unreadable { name, reason } => (
                true,
                i18n.trf("own-data-unreadable", &[("name", name), ("reason", reason)]),
            ),
            Outcome::Empty { name } => (true, i18n.trf("own-data-empty", &[("name", name)])),
            Outcome::Different { name } => {
                (true, i18n.trf("own-data-different", &[("name", name)]))
            }
            Outcome::Fetch(failure) => (
                true,
                latih_i18n::fetch_failure_message(i18n.lang(), &failure),
            ),
            Outcome::Ask(address) => (
                false,
                i18n.trf("own-data-url-ask", &[("host", url_host(&address))]),
            ),
        })
    };
    let (file_id, paste_id) = (field_id(index, "own-file"), field_id(index, "paste"));
    let url_id = field_id(index, "url");
    view! {
        <div
            class="own-data"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <div class="field">
                <label for=file_id.clone()>{i18n.text("own-data-file")}</label>
                <input
                    id=file_id
                    type="file"
                    accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,text/plain,application/json"
                    on:change=on_pick
                />
                <p class="hint">{i18n.text("own-data-hint")}</p>
            </div>
            <details>
                <summary>{i18n.text("own-data-paste")}</summary>
                <div class="field">
                    <label for=paste_id.clone()>{i18n.text("own-data-paste-label")}</label>
                    <textarea id=paste_id rows="5" spellcheck="false" on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </div>
                <button type="button" on:click=use_pasted>{i18n.text("own-data-paste-use")}</button>
            </details>
            <details>
                <summary>{i18n.text("own-data-url")}</summary>
                <div class="field">
                    <label for=url_id.clone()>{i18n.text("own-data-url-label")}</label>
                    <input id=url_id type="url" inputmode="url" placeholder="https://" spellcheck="false" on:input=move |ev| url.set(event_target_value(&ev))/>
                    <p class="hint">{i18n.text("own-data-url-hint")}</p>
                </div>
                <button type="button" on:click=fetch_url disabled=fetching>{i18n.text("own-data-url-fetch")}</button>
            </details>
            {move || message().map(|(problem, text)| view! {
                <p class=if problem { "cell-error" } else { "note" } role=if problem { "alert" } else { "status" }>{text}</p>
                {asked_host().map(|host| view! {
                    <button type="button" class="primary" on:click=agree>
                        {i18n.trf("own-data-url-allow", &[("host", host)])}
                    </button>
                })}
            })}
        </div>
    }
}
