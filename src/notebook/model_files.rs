//! The trained model taken out of the page: its files, written by a worker on request (the model
//! is fitted again there; nothing of it is in the app), then downloaded.

use super::exports::Exports;
use super::file::download_bytes;
use super::share::share_url;
use super::NotebookState;
use crate::i18n::{load_catalog, use_i18n};
use crate::jobs::{JobEvent, JobFailure};
use latih_engine::export::PageWords;
use latih_engine::jobs::{Job, JobResult, ModelFile};
use latih_engine::Error;
use latih_i18n::Lang;
use leptos::prelude::*;
use std::ops::Deref;

#[derive(Clone, PartialEq)]
enum Status {
    Preparing,
    Failed(Error),
    NoWorker(String),
}

/// Each file: what the worker writes, its name and media type, and its button's words.
const DOWNLOADS: [(ModelFile, &str, &str, &str); 5] = [
    (
        ModelFile::Onnx,
        "model.onnx",
        "application/octet-stream",
        "model-file-onnx",
    ),
    (
        ModelFile::Lightgbm,
        "model.txt",
        "text/plain",
        "model-file-lightgbm",
    ),
    (
        ModelFile::Schema,
        "schema.json",
        "application/json",
        "model-file-schema",
    ),
    (
        ModelFile::Page,
        "predict.html",
        "text/html",
        "model-file-page",
    ),
    (
        ModelFile::Api,
        "api.zip",
        "application/zip",
        "model-file-api",
    ),
];

#[component]
pub fn ModelFiles(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Status>);
    let run = move |file: ModelFile, name: &'static str, media: &'static str, words| {
        let notebook = state.doc.get_untracked();
        let link = match state.exports.read_untracked().deref() {
            Exports::Ready(exported) => share_url(&exported.link),
            _ => String::new(),
        };
        let on_event = move |event: JobEvent| match event {
            JobEvent::Done(JobResult::ModelExported(Ok(bytes))) => {
                download_bytes(&bytes, name, media);
                status.set(None);
            }
            JobEvent::Done(JobResult::ModelExported(Err(error))) => {
                status.set(Some(Status::Failed(error)));
            }
            JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                status.set(Some(Status::NoWorker(reason)));
            }
            _ => {}
        };
        let runner = state.runner.get_value();
        runner.run(
            Job::ExportModel {
                notebook,
                file,
                link,
                words,
                lang: i18n.lang().code().to_string(),
            },
            Box::new(on_event),
        );
    };
    let fetch = move |file: ModelFile, name: &'static str, media: &'static str| {
        status.set(Some(Status::Preparing));
        if file != ModelFile::Page {
            run(file, name, media, PageWords::new());
            return;
        }
        // The page switches between both languages offline: it carries both catalogs' words.
        leptos::task::spawn_local(async move {
            for lang in Lang::ALL {
                if let Err(reason) = load_catalog(lang, true).await {
                    status.set(Some(Status::NoWorker(reason)));
                    return;
                }
            }
            run(file, name, media, latih_i18n::page_words());
        });
    };
    let message = move || {
        status.get().map(|s| match s {
            Status::Preparing => {
                view! { <p class="note" role="status">{i18n.text("model-file-preparing")}</p> }
                    .into_any()
            }
            Status::Failed(error) => view! {
                <p class="cell-error" role="alert">
                    {move || latih_i18n::error_message(i18n.lang(), &error)}
                </p>
            }
            .into_any(),
            Status::NoWorker(reason) => {
                view! { <p class="cell-error" role="alert">{reason}</p> }.into_any()
            }
        })
    };
    view! {
        <div class="actions notebook-file">
            {DOWNLOADS
                .iter()
                .map(|&(file, name, media, label)| {
                    view! {
                        <button type="button" on:click=move |_| fetch(file, name, media)>
                            {i18n.text(label)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <p class="hint">{i18n.text("model-file-note")}</p>
        {message}
    }
}
