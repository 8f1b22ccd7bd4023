//! The trained model taken out of the page: its files, written by a worker on request (the model
//! is fitted again there; nothing of it is in the app), then downloaded.

use super::exports::Exports;
use super::file::download_bytes;
use super::share::share_url;
use super::NotebookState;
use crate::i18n::{load_catalog, use_i18n};
use crate::jobs::{JobEvent, JobFailure};
use gloo_storage::{LocalStorage, Storage};
use latih_engine::export::{Licence, PageWords, ReadmeProse, RepositoryOptions};
use latih_engine::jobs::{Job, JobResult, ModelFile};
use latih_engine::Error;
use latih_i18n::Lang;
use leptos::prelude::*;
use std::ops::Deref;

/// Where the README's words are kept between visits.
const PROSE_KEY: &str = "latih.readme-prose";

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
    let link = move || match state.exports.read_untracked().deref() {
        Exports::Ready(exported) => share_url(&exported.link),
        _ => String::new(),
    };
    // A job whose answer is a file's bytes: downloaded under `name`, or the failure said.
    let run_job = move |job: Job, name: &'static str, media: &'static str| {
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
        state.runner.get_value().run(job, Box::new(on_event));
    };
    let run = move |file: ModelFile, name: &'static str, media: &'static str, words| {
        let job = Job::ExportModel {
            notebook: state.doc.get_untracked(),
            file,
            link: link(),
            words,
            lang: i18n.lang().code().to_string(),
        };
        run_job(job, name, media);
    };
    // The page switches between both languages offline: it carries both catalogs' words.
    let with_page_words = move |then: Box<dyn FnOnce(PageWords)>| {
        leptos::task::spawn_local(async move {
            for lang in Lang::ALL {
                if let Err(reason) = load_catalog(lang, true).await {
                    status.set(Some(Status::NoWorker(reason)));
                    return;
                }
            }
            then(latih_i18n::page_words());
        });
    };
    let fetch = move |file: ModelFile, name: &'static str, media: &'static str| {
        status.set(Some(Status::Preparing));
        if file != ModelFile::Page {
            run(file, name, media, PageWords::new());
            return;
        }
        with_page_words(Box::new(move |words| run(file, name, media, words)));
    };
    let author = RwSignal::new(String::new());
    let licence = RwSignal::new(Licence::Mit);
    // The README's words as the learner writes them, kept in this browser as they type (one
    // draft, the last one written).
    let prose = RwSignal::new(LocalStorage::get::<ReadmeProse>(PROSE_KEY).unwrap_or_default());
    Effect::new(move |_| {
        let _ = LocalStorage::set(PROSE_KEY, prose.get());
    });
    let make_repository = move || {
        status.set(Some(Status::Preparing));
        let lang = i18n.lang();
        let options = RepositoryOptions {
            lang: lang.code().to_string(),
            link: link(),
            site: window().location().origin().ok(),
            licence: licence.get_untracked(),
            author: author.get_untracked(),
            year: js_sys::Date::new_0().get_full_year() as i32,
            prose: prose.get_untracked(),
        };
        with_page_words(Box::new(move |page_words| {
            // The whole catalog, loaded by now: the README names models, steps and data sets.
            let words = latih_i18n::keys(lang)
                .into_iter()
                .map(|key| (key.to_string(), latih_i18n::t(lang, key)))
                .collect();
            let job = Job::MakeRepository {
                notebook: state.doc.get_untracked(),
                options: Box::new(options),
                words,
                page_words,
            };
            run_job(job, "repository.zip", "application/zip");
        }));
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
        <form
            class="cell-form"
            aria-labelledby="repository-heading"
            on:submit=move |event| {
                event.prevent_default();
                make_repository();
            }
        >
            <h2 id="repository-heading">{i18n.text("repo-heading")}</h2>
            <p class="hint">{i18n.text("repo-make-note")}</p>
            <div class="field">
                <label for="repository-author">{i18n.text("repo-author-label")}</label>
                <input
                    id="repository-author"
                    type="text"
                    autocomplete="name"
                    prop:value=move || author.get()
                    on:input=move |event| author.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="repository-licence">{i18n.text("repo-licence-label")}</label>
                <select
                    id="repository-licence"
                    on:change=move |event| {
                        licence
                            .set(
                                if event_target_value(&event) == "bsd-3-clause" {
                                    Licence::Bsd3Clause
                                } else {
                                    Licence::Mit
                                },
                            )
                    }
                >
                    <option value="mit">"MIT"</option>
                    <option value="bsd-3-clause">"BSD 3-Clause"</option>
                </select>
            </div>
            <p class="hint" id="repository-prose-hint">{i18n.text("repo-prose-hint")}</p>
            <div class="field">
                <label for="repository-title">{i18n.text("repo-title-label")}</label>
                <input
                    id="repository-title"
                    type="text"
                    aria-describedby="repository-prose-hint"
                    prop:value=move || prose.with(|p| p.title.clone())
                    on:input=move |event| prose.update(|p| p.title = event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="repository-question">{i18n.text("repo-question-label")}</label>
                <textarea
                    id="repository-question"
                    rows="3"
                    aria-describedby="repository-prose-hint"
                    prop:value=move || prose.with(|p| p.question.clone())
                    on:input=move |event| prose.update(|p| p.question = event_target_value(&event))
                ></textarea>
            </div>
            <div class="field">
                <label for="repository-limitations">{i18n.text("repo-limitations-label")}</label>
                <textarea
                    id="repository-limitations"
                    rows="4"
                    aria-describedby="repository-prose-hint"
                    prop:value=move || prose.with(|p| p.limitations.clone())
                    on:input=move |event| {
                        prose.update(|p| p.limitations = event_target_value(&event))
                    }
                ></textarea>
            </div>
            <p class="actions">
                <button type="submit">{i18n.text("repo-make")}</button>
            </p>
        </form>
        {message}
    }
}
