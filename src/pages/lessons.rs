//! The lessons index: the roadmap's stages in order, each with its lessons and the learner's
//! progress in each (from this browser's storage: no lesson is fetched here). A stage without a
//! lesson yet says so, and links to the notebook where it can be practised.

use crate::i18n::use_i18n;
use crate::lesson::progress;
use crate::router::Link;
use crate::title::use_page_title;
use latih_i18n::{LESSONS, ROADMAP_STAGES};
use leptos::prelude::*;

/// Stages a learner can practise in the notebook before their lessons exist.
const IN_NOTEBOOK: [&str; 4] = ["collect", "train", "evaluate", "tune"];

#[component]
pub fn LessonsPage() -> impl IntoView {
    use_page_title(crate::key!("title-lessons"));
    let i18n = use_i18n();
    let done = progress::summaries();
    let stages = ROADMAP_STAGES.map(|stage| {
        let (title, body) = (
            format!("stage-{stage}-title"),
            format!("stage-{stage}-body"),
        );
        let lessons: Vec<_> = LESSONS
            .iter()
            .filter(|(_, s)| *s == stage)
            .map(|(slug, _)| {
                let title = format!("lessons-title-{slug}");
                let status = done.get(*slug).copied();
                let status = move || match status {
                    Some((passed, total)) => i18n.trf(
                        "lessons-progress",
                        &[("passed", passed.to_string()), ("total", total.to_string())],
                    ),
                    None => i18n.tr("lessons-not-started"),
                };
                view! {
                    <li>
                        <Link href=format!("/lessons/{slug}")>{move || i18n.tr(&title)}</Link>
                        " · " <span class="status">{status}</span>
                    </li>
                }
            })
            .collect();
        let empty = lessons.is_empty();
        let list = (!empty).then(|| view! { <ol class="stage-lessons">{lessons}</ol> });
        let soon = empty.then(|| {
            let practise = IN_NOTEBOOK.contains(&stage).then(|| {
                view! { <Link href="/notebook">{i18n.text("lessons-status-practise")}</Link> }
            });
            view! { <p class="status">{i18n.text("lessons-status-soon")}</p> {practise} }
        });
        view! {
            <li class="lesson">
                <h2>{move || i18n.tr(&title)}</h2>
                <p>{move || i18n.tr(&body)}</p>
                {list}
                {soon}
            </li>
        }
    });
    view! {
        <h1>{i18n.text("lessons-heading")}</h1>
        <p class="lead">{i18n.text("lessons-intro")}</p>
        <p class="actions">
            <Link href="/plan">{i18n.text("lessons-plan-link")}</Link> " · "
            <Link href="/projects">{i18n.text("lessons-projects-link")}</Link> " · "
            <Link href="/career">{i18n.text("lessons-career-link")}</Link>
        </p>
        <ol class="lessons">{stages.into_iter().collect_view()}</ol>
    }
}
