//! The notebook as a file: saved as `.latih.json` (the same JSON the browser keeps, which
//! `latih run` also reads), and opened from one. An opened file is untrusted input: the engine's
//! `Notebook::from_json` checks its size, shape and version before it replaces anything, and the
//! notebook it replaces is kept aside, as when a shared link is opened.

use super::storage;
use super::NotebookState;
use crate::i18n::use_i18n;
use latih_engine::notebook::{Notebook, MAX_NOTEBOOK_BYTES};
use latih_engine::Error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const FILE_NAME: &str = "notebook.latih.json";

/// Hands the notebook to the browser as a download.
fn download(notebook: &Notebook) -> Option<()> {
    let parts = js_sys::Array::of1(&notebook.to_json().into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(FILE_NAME);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

#[derive(Clone, PartialEq)]
enum Opened {
    Done(String),
    Failed(Error),
}

#[component]
pub fn NotebookFile(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let opened = RwSignal::new(None::<Opened>);
    let save = move |_| {
        state.doc.with_untracked(download);
    };
    let open = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_NOTEBOOK_BYTES as f64 {
            opened.set(Some(Opened::Failed(Error::NotebookTooLarge {
                bytes: file.size() as usize,
                limit: MAX_NOTEBOOK_BYTES,
            })));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match Notebook::from_json(&text) {
                Ok(notebook) => {
                    state.doc.with_untracked(storage::keep_before_link);
                    state.replace(notebook);
                    opened.set(Some(Opened::Done(name)));
                }
                Err(error) => opened.set(Some(Opened::Failed(error))),
            }
        });
    };
    let message = move || {
        opened.get().map(|o| match o {
            Opened::Done(name) => {
                let go_back = move |_| {
                    if let Some(own) = storage::kept_before_link() {
                        state.replace(own);
                    }
                    opened.set(None);
                };
                view! {
                    <p class="note" role="status">
                        {i18n.trf("file-opened", &[("name", name)])} " "
                        <button type="button" on:click=go_back>{i18n.text("link-restore")}</button>
                    </p>
                }
                .into_any()
            }
            Opened::Failed(error) => view! {
                <p class="cell-error" role="alert">
                    {i18n.trf("file-failed", &[("reason", latih_i18n::error_message(i18n.lang(), &error))])}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <div class="actions notebook-file">
            <button type="button" on:click=save>{i18n.text("file-save")}</button>
            <label for="notebook-file-input">{i18n.text("file-open")}</label>
            <input id="notebook-file-input" type="file" accept=".json,application/json" on:change=open />
        </div>
        {message}
    }
}
