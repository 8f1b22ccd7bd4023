//! A lesson (`/lessons/<slug>`) or a portfolio project (`/projects/<slug>`). Fetches its file in the reader's language (again when the
//! language changes), reads it with the engine, and shows its text between the live cells of its
//! notebook, with its exercises. The learner's work is kept in this browser; a shared attempt
//! (`#attempt=`) is shown apart from it, its checks decided here again.

use crate::data::fetch_text;
use crate::i18n::{current_lang, use_i18n};
use crate::jobs::{worker_pool, JobEvent, JobFailure};
use crate::lesson::exercise::Exercise;
use crate::lesson::progress;
use crate::lesson::scoreboard::Scoreboard;
use crate::lesson::text::{LessonText, ReadText};
use crate::lesson::{CourseKind, LessonContext};
use crate::notebook::cells::NotebookCell;
use crate::notebook::loading::{keep_data_loaded, DataLoadStatus};
use crate::notebook::run_status::RunStatusBar;
use crate::notebook::{storage, NotebookSession};
use crate::router::{navigate, use_location, Link};
use latih_engine::competition::Challenge;
use latih_engine::jobs::{Job, JobResult};
use latih_engine::lessons::{
    attempt_fragment, marked_text, parse_lesson, Attempt, Lesson, Part, Quantity, Rubric,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;

/// Where the page is with its lesson file.
#[derive(Clone, PartialEq)]
enum Loaded {
    Waiting,
    Failed(String),
    /// The lesson with this slug is here (in [`LessonPage`]'s `lesson` signal).
    Ready(String),
}

#[component]
pub fn LessonPage(kind: CourseKind) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let slug = Memo::new(move |_| kind.slug(&location.path.get()).map(str::to_string));
    let [loading_key, failed_key, unknown_key, heading_key] = kind.words();
    let (index, back_key) = kind.index();
    let lesson = RwSignal::new(None::<Lesson>);
    let texts = RwSignal::new(Vec::<ReadText>::new());
    let failure = RwSignal::new(None::<String>);
    let tries = RwSignal::new(0u32);
    Effect::new(move |_| {
        tries.track();
        let lang = i18n.lang();
        let Some(wanted) = slug.get() else {
            return;
        };
        failure.set(None);
        if lesson.with_untracked(|l| l.as_ref().is_some_and(|l| l.slug != wanted)) {
            lesson.set(None);
        }
        if !kind.has(&wanted) {
            failure.set(Some(i18n.tr(unknown_key)));
            return;
        }
        spawn_local(async move {
            let url = kind.file(lang, &wanted);
            let read = match fetch_text(&url).await {
                Ok(text) => parse_lesson(&text).map_err(|e| e.to_string()),
                Err(reason) => Err(reason),
            };
            // A late answer for a lesson or language no longer asked for is dropped.
            let still_wanted = move || {
                slug.get_untracked().as_deref() == Some(wanted.as_str()) && current_lang() == lang
            };
            let failed = move |reason: String| {
                failure.set(Some(i18n.trf(failed_key, &[("reason", reason)])));
            };
            match read {
                Ok(read) if still_wanted() => read_texts(read, move |read| match read {
                    Ok((read, read_texts)) if still_wanted() => {
                        texts.set(read_texts);
                        lesson.set(Some(read));
                    }
                    Ok(_) => {}
                    Err(reason) => failed(reason),
                }),
                Ok(_) => {}
                Err(reason) => failed(reason),
            }
        });
    });
    Effect::new(move |_| {
        let title = lesson.with(|l| l.as_ref().map(|l| l.title.clone()));
        let title = title.unwrap_or_else(|| i18n.tr(heading_key));
        document().set_title(&i18n.trf("lesson-title", &[("title", title)]));
    });
    let loaded = Memo::new(move |_| {
        match (
            failure.get(),
            lesson.with(|l| l.as_ref().map(|l| l.slug.clone())),
        ) {
            (Some(reason), None) => Loaded::Failed(reason),
            (_, Some(slug)) => Loaded::Ready(slug),
            (None, None) => Loaded::Waiting,
        }
    });
    view! {
        <p class="breadcrumb"><Link href=index>{i18n.text(back_key)}</Link></p>
        {move || match loaded.get() {
            Loaded::Waiting => view! { <p class="loading" role="status">{i18n.text(loading_key)}</p> }.into_any(),
            Loaded::Failed(reason) => view! {
                <div class="cell-error" role="alert">
                    <p>{reason}</p>
                    <button type="button" on:click=move |_| tries.update(|n| *n += 1)>{i18n.text("notebook-retry")}</button>
                </div>
            }.into_any(),
            Loaded::Ready(slug) => view! { <LessonBody kind slug lesson=lesson.into() texts /> }.into_any(),
        }}
    }
}

#[component]
fn LessonBody(
    kind: CourseKind,
    slug: String,
    lesson: Signal<Option<Lesson>>,
    texts: RwSignal<Vec<ReadText>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(first) = lesson.get_untracked() else {
        return ().into_any();
    };
    let own = progress::work(&slug);
    let own_attempt = own
        .attempt
        .clone()
        .unwrap_or_else(|| first.starting_attempt());
    let notebooks =
        NotebookSession::open_lesson(&slug, first.notebook.clone(), own_attempt.notebook.clone());
    let context = LessonContext::new(notebooks, own.clone(), lesson);
    // What the progress counts: every exercise of a lesson; a project's main criteria (its
    // suggestions for excellence are extra).
    let project = first.checks.iter().any(|c| c.rubric.is_some());
    let counted: BTreeSet<String> = first
        .checks
        .iter()
        .filter(|c| !project || c.rubric == Some(Rubric::Criterion))
        .map(|c| c.id.clone())
        .collect();
    let all_checks: BTreeSet<String> = first.checks.iter().map(|c| c.id.clone()).collect();

    // Both notebooks read the same data sets: downloaded once, for the attempt.
    let loading = keep_data_loaded(notebooks.attempt);
    Effect::new(move |_| {
        let have: Vec<(String, String)> = notebooks.attempt.csv.with(|csv| {
            notebooks.start.csv.with_untracked(|start| {
                csv.iter()
                    .filter(|(id, _)| !start.contains_key(*id))
                    .map(|(id, text)| (id.clone(), text.clone()))
                    .collect()
            })
        });
        for (id, text) in have {
            notebooks.start.add_data(id, text);
        }
    });

    // A shared attempt is shown apart from the learner's own work, which it never overwrites.
    let shared = RwSignal::new(false);
    let shared_failure = RwSignal::new(None::<String>);
    if let Some(link) = window()
        .location()
        .hash()
        .ok()
        .as_deref()
        .and_then(attempt_fragment)
    {
        let checks = all_checks.clone();
        let on_event = move |event: JobEvent| {
            let opened = match event {
                JobEvent::Done(JobResult::AttemptOpened(Ok(json))) => {
                    serde_json::from_str::<Attempt>(&json).map_err(|e| e.to_string())
                }
                JobEvent::Done(JobResult::AttemptOpened(Err(error))) => {
                    Err(latih_i18n::error_message(current_lang(), &error))
                }
                JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                    Err(reason)
                }
                _ => return,
            };
            match opened {
                Ok(attempt) => {
                    shared.set(true);
                    context.show(attempt, checks.clone());
                }
                Err(reason) => shared_failure.set(Some(reason)),
            }
        };
        worker_pool().run(
            Job::OpenAttempt {
                link: link.to_string(),
            },
            Box::new(on_event),
        );
    }
    let back_to_own = {
        let own = own.clone();
        let starting = first.starting_attempt();
        move |_| {
            let _ = window().history().and_then(|h| {
                h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&window().location().pathname().unwrap_or_default()),
                )
            });
            shared.set(false);
            context.show(
                own.attempt.clone().unwrap_or_else(|| starting.clone()),
                own.checked.clone(),
            );
        }
    };

    // The learner's own work is kept as it changes.
    let saved = RwSignal::new(true);
    let save_slug = slug.clone();
    let saved_counted = counted.clone();
    Effect::new(move |_| {
        let work = context.work();
        if !shared.get() {
            saved.set(progress::save(&save_slug, &work, &saved_counted));
        }
    });

    let progress_line = move || {
        let met = context
            .passed
            .with(|p| p.iter().filter(|id| counted.contains(*id)).count())
            .to_string();
        let total = counted.len().to_string();
        match project {
            true => i18n.trf("projects-progress", &[("met", met), ("total", total)]),
            false => i18n.trf("lessons-progress", &[("passed", met), ("total", total)]),
        }
    };
    let parts = move || {
        texts.with(|texts| {
            lesson.with(|lesson| {
                lesson
                    .as_ref()
                    .map(|lesson| lesson_parts(lesson, texts, context))
            })
        })
    };
    let title = move || lesson.with(|l| l.as_ref().map(|l| l.title.clone()));
    let starting = first.starting_attempt();
    let start_again = move |_| {
        context.show(starting.clone(), BTreeSet::new());
        context.hints.set(Default::default());
    };
    view! {
        <h1>{title}</h1>
        <p class="lead" role="status">{progress_line}</p>
        <Show when=move || shared.get()>
            <p class="note" role="status">
                {i18n.text("lesson-shared")} " "
                <button type="button" on:click=back_to_own.clone()>{i18n.text("lesson-own")}</button>
            </p>
        </Show>
        {move || shared_failure.get().map(|reason| view! {
            <p class="cell-error" role="alert">{i18n.trf("lesson-shared-bad", &[("reason", reason)])}</p>
        })}
        <Show when=move || !saved.get()>
            <p class="cell-error" role="alert">{i18n.text("notebook-not-saved")}</p>
        </Show>
        <DataLoadStatus state=notebooks.attempt loading />
        <RunStatusBar state=notebooks.attempt />
        <div class="lesson-body">{parts}</div>
        {(kind == CourseKind::Challenge)
            .then(|| Challenge::find(&slug))
            .flatten()
            .map(|challenge| view! { <Scoreboard challenge lesson=context shared /> })}
        <AttemptActions context />
        <p class="actions">
            <button type="button" on:click=start_again>{i18n.text("lesson-restart")}</button>
        </p>
    }
    .into_any()
}

/// Reads each text of `lesson` in the worker (placeholders marked), then hands both on.
fn read_texts(lesson: Lesson, done: impl Fn(Result<(Lesson, Vec<ReadText>), String>) + 'static) {
    let marked: Result<Vec<(String, Vec<Quantity>)>, String> = lesson
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Text(text) => Some(marked_text(text)),
            _ => None,
        })
        .collect();
    let (marked, quantities): (Vec<String>, Vec<Vec<Quantity>>) = match marked {
        Ok(marked) => marked.into_iter().unzip(),
        Err(reason) => return done(Err(reason)),
    };
    let mut lesson = Some(lesson);
    let on_event = move |event: JobEvent| {
        let read = match event {
            JobEvent::Done(JobResult::MarkdownRead(nodes)) => Ok(nodes
                .into_iter()
                .zip(quantities.clone())
                .map(|(nodes, quantities)| ReadText { nodes, quantities })
                .collect()),
            JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                Err(reason)
            }
            _ => return,
        };
        if let Some(lesson) = lesson.take() {
            done(read.map(|texts| (lesson, texts)));
        }
    };
    worker_pool().run(Job::ReadMarkdown { texts: marked }, Box::new(on_event));
}

/// The text, the cells and the exercises, in the lesson's order.
fn lesson_parts(lesson: &Lesson, texts: &[ReadText], context: LessonContext) -> impl IntoView {
    let attempt = context.notebooks.attempt;
    let mut texts = texts.iter();
    lesson
        .parts
        .iter()
        .map(|part| match part {
            Part::Text(_) => match texts.next() {
                Some(text) => {
                    view! { <LessonText text=text.clone() start=context.notebooks.start /> }
                        .into_any()
                }
                None => ().into_any(),
            },
            Part::Cells { first, last } => {
                let cells = (*first..=*last)
                    .map(|index| view! { <NotebookCell state=attempt index /> })
                    .collect_view();
                view! { <div class="notebook">{cells}</div> }.into_any()
            }
            Part::Check(index) => match lesson.checks.get(*index) {
                Some(check) => {
                    // A rubric numbers its main criteria and its lines for excellence apart.
                    let number = lesson.checks[..=*index]
                        .iter()
                        .filter(|c| c.rubric == check.rubric)
                        .count();
                    view! { <Exercise check=check.clone() number lesson=context /> }.into_any()
                }
                None => ().into_any(),
            },
        })
        .collect_view()
}

/// "Copy a link to this attempt", and "Open in the notebook".
#[component]
fn AttemptActions(context: LessonContext) -> impl IntoView {
    let i18n = use_i18n();
    let link = RwSignal::new(None::<Result<(String, bool), String>>);
    let share = move |_| {
        let attempt = serde_json::to_string(&context.attempt()).unwrap_or_default();
        let on_event = move |event: JobEvent| {
            let made = match event {
                JobEvent::Done(JobResult::AttemptLink(Ok(text))) => text,
                JobEvent::Done(JobResult::AttemptLink(Err(error))) => {
                    link.set(Some(Err(latih_i18n::error_message(current_lang(), &error))));
                    return;
                }
                JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                    link.set(Some(Err(reason)));
                    return;
                }
                _ => return,
            };
            let location = window().location();
            let url = format!(
                "{}{}#attempt={made}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let promise = window().navigator().clipboard().write_text(&url);
            link.set(Some(Ok((url, false))));
            spawn_local(async move {
                let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                link.update(|l| {
                    if let Some(Ok((_, done))) = l {
                        *done = copied;
                    }
                });
            });
        };
        worker_pool().run(Job::AttemptLink { attempt }, Box::new(on_event));
    };
    let open_in_notebook = move |_| {
        let notebook = context.notebooks.attempt.doc.get_untracked();
        let name = context.title();
        match storage::open_as_new(&notebook, &name) {
            Ok(_) => navigate("/notebook"),
            Err(key) => link.set(Some(Err(i18n.tr(key)))),
        }
    };
    view! {
        <div class="share">
            <p class="actions">
                <button type="button" on:click=share>{i18n.text("lesson-share")}</button>
                <button type="button" on:click=open_in_notebook>{i18n.text("lesson-open-notebook")}</button>
            </p>
            {move || link.get().map(|made| match made {
                Ok((url, copied)) => {
                    let status = if copied { crate::key!("lesson-share-copied") } else { crate::key!("lesson-share-manual") };
                    view! {
                        <p role="status">{i18n.text(status)}</p>
                        <div class="field">
                            <label for="attempt-url">{i18n.text("lesson-link-label")}</label>
                            <input id="attempt-url" type="text" readonly prop:value=url />
                        </div>
                    }.into_any()
                }
                Err(reason) => view! {
                    <p class="cell-error" role="alert">{i18n.trf("lesson-share-failed", &[("reason", reason)])}</p>
                }.into_any(),
            })}
        </div>
    }
}
