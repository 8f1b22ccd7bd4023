//! The career page (`/career`): the job an ML engineer does all day, the skills employers ask
//! for and where Latih teaches each, who hires and what it pays, as the roadmap gives them.
//! Its text is a file per language (`content/<lang>/pages/career.md`), fetched when the page opens
//! and read by the worker's Markdown reader, as a lesson's is: none of it is in a first load.

use crate::components::markdown::render_markdown;
use crate::data::fetch_text;
use crate::i18n::{current_lang, use_i18n};
use crate::jobs::{worker_pool, JobEvent, JobFailure};
use crate::title::use_page_title;
use latih_engine::jobs::{Job, JobResult};
use latih_engine::notebook::{NoteBlock, NoteNode};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CareerPage() -> impl IntoView {
    use_page_title(crate::key!("title-career"));
    let i18n = use_i18n();
    let read = RwSignal::new(None::<Result<Vec<NoteNode>, String>>);
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        tries.track();
        let lang = i18n.lang();
        read.set(None);
        spawn_local(async move {
            let text = fetch_text(&format!("/content/{}/pages/career.md", lang.code())).await;
            // A late answer for a language no longer shown is dropped.
            let answer = move |nodes: Result<Vec<NoteNode>, String>| {
                if current_lang() == lang {
                    read.set(Some(nodes));
                }
            };
            match text {
                Ok(text) => read_markdown(text, answer),
                Err(reason) => answer(Err(reason)),
            }
        });
    });
    let words = |text: String| text.into_any();
    move || {
        match read.get() {
        None => view! { <p class="loading" role="status">{i18n.text("career-loading")}</p> }
            .into_any(),
        Some(Err(reason)) => view! {
            <div class="cell-error" role="alert">
                <p>{i18n.trf("career-failed", &[("reason", reason)])}</p>
                <button type="button" on:click=move |_| tries.update(|n| *n += 1)>{i18n.text("notebook-retry")}</button>
            </div>
        }
        .into_any(),
        Some(Ok(mut nodes)) => {
            // The file's `#` heading is the page's h1; its `##` sections are h2s.
            let title = match nodes.first() {
                Some(NoteNode::Block(NoteBlock::Heading(1), _)) => Some(nodes.remove(0)),
                _ => None,
            };
            let title = title.map(|node| match node {
                NoteNode::Block(_, inside) => {
                    view! { <h1>{render_markdown(inside, 1, &words)}</h1> }.into_any()
                }
                _ => ().into_any(),
            });
            view! {
                {title}
                <div class="career">{render_markdown(nodes, 1, &words)}</div>
            }
            .into_any()
        }
    }
    }
}

/// Reads `text` in the worker into nodes, and hands them on.
fn read_markdown(text: String, done: impl Fn(Result<Vec<NoteNode>, String>) + 'static) {
    let on_event = move |event: JobEvent| match event {
        JobEvent::Done(JobResult::MarkdownRead(mut texts)) => {
            done(Ok(texts.pop().unwrap_or_default()))
        }
        JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
            done(Err(reason))
        }
        _ => {}
    };
    worker_pool().run(Job::ReadMarkdown { texts: vec![text] }, Box::new(on_event));
}
