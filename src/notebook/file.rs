//! The notebook as a file: saved as `.latih.json` (the same JSON the browser keeps, which
//! `latih run` also reads), and opened from one. An opened file is untrusted input: the engine's
//! `Notebook::from_json` checks its size, shape and version first, and it opens as a new entry in
//! My notebooks, as a shared link does, never over the learner's own.

use super::exports::Exports;
use super::storage;
use super::NotebookState;
use crate::i18n::use_i18n;
use latih_engine::notebook::library::NotebookId;
use latih_engine::notebook::{Notebook, MAX_NOTEBOOK_BYTES};
use latih_engine::Error;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::ops::Deref;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Hands `text` to the browser as a file to download.
pub fn download(text: &str, file_name: &str, media_type: &str) -> Option<()> {
    download_part(&text.into(), file_name, media_type)
}

/// Hands `bytes` to the browser as a file to download (a binary file: an ONNX model).
pub fn download_bytes(bytes: &[u8], file_name: &str, media_type: &str) -> Option<()> {
    download_part(
        &js_sys::Uint8Array::from(bytes).into(),
        file_name,
        media_type,
    )
}

fn download_part(part: &wasm_bindgen::JsValue, file_name: &str, media_type: &str) -> Option<()> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

/// The file a learner chose in a file input (`on:change`).
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

/// A chosen file's text (empty if the browser could not read it).
pub async fn file_text(file: &web_sys::File) -> String {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

#[derive(Clone, PartialEq)]
enum Opened {
    /// The file's name, and the notebook open before it, to go back to.
    Done(String, NotebookId),
    /// The file is not a notebook (the error), or My notebooks could not take it (the key of
    /// the message saying why).
    Failed(Result<Error, &'static str>),
}

#[component]
pub fn NotebookFile(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let opened = RwSignal::new(None::<Opened>);
    let save = move |_| {
        let json = state.doc.with_untracked(Notebook::to_json);
        download(&json, "notebook.latih.json", "application/json");
    };
    // Written by a worker after each change (see `exports`); the buttons wait for it.
    let not_ready = move || !matches!(state.exports.read().deref(), Exports::Ready(_));
    let save_python = move |_| {
        if let Exports::Ready(exported) = state.exports.read().deref() {
            download(&exported.python.script, "notebook.py", "text/x-python");
        }
    };
    let save_ipynb = move |_| {
        if let Exports::Ready(exported) = state.exports.read().deref() {
            download(
                &exported.python.ipynb,
                "notebook.ipynb",
                "application/x-ipynb+json",
            );
        }
    };
    let save_spark = move |_| {
        if let Exports::Ready(exported) = state.exports.read().deref() {
            download(&exported.python.spark, "notebook_spark.py", "text/x-python");
        }
    };
    let open = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_NOTEBOOK_BYTES as f64 {
            opened.set(Some(Opened::Failed(Ok(Error::NotebookTooLarge {
                bytes: file.size() as usize,
                limit: MAX_NOTEBOOK_BYTES,
            }))));
            return;
        }
        spawn_local(async move {
            let text = file_text(&file).await;
            match Notebook::from_json(&text) {
                Ok(notebook) => {
                    let entry_name = name.strip_suffix(".latih.json").unwrap_or(&name);
                    match storage::open_as_new(&notebook, entry_name) {
                        Ok(before) => {
                            state.replace(notebook);
                            opened.set(Some(Opened::Done(name, before)));
                        }
                        Err(key) => opened.set(Some(Opened::Failed(Err(key)))),
                    }
                }
                Err(error) => opened.set(Some(Opened::Failed(Ok(error)))),
            }
        });
    };
    let message = move || {
        opened.get().map(|o| match o {
            Opened::Done(name, before) => {
                let go_back = move |_| {
                    if let Some(own) = storage::reopen(before) {
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
            Opened::Failed(problem) => {
                let reason = match problem {
                    Ok(error) => latih_i18n::error_message(i18n.lang(), &error),
                    Err(key) => i18n.tr(key),
                };
                view! {
                    <p class="cell-error" role="alert">{i18n.trf("file-failed", &[("reason", reason)])}</p>
                }
                .into_any()
            }
        })
    };
    view! {
        <div class="actions notebook-file">
            <button type="button" on:click=save>{i18n.text("file-save")}</button>
            <label for="notebook-file-input">{i18n.text("file-open")}</label>
            <input id="notebook-file-input" type="file" accept=".json,application/json" on:change=open />
        </div>
        <div class="actions notebook-file">
            <button type="button" on:click=save_python disabled=not_ready>{i18n.text("file-save-python")}</button>
            <button type="button" on:click=save_ipynb disabled=not_ready>{i18n.text("file-save-ipynb")}</button>
            <button type="button" on:click=save_spark disabled=not_ready>{i18n.text("file-save-spark")}</button>
        </div>
        <p class="hint">{i18n.text("file-python-note")}</p>
        {message}
    }
}
