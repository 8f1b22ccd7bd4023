//! The lessons index: one lesson per roadmap stage. The lessons themselves come later; the
//! stages the notebook already covers link to it.

use crate::i18n::use_i18n;
use crate::title::use_page_title;
use latih_i18n::ROADMAP_STAGES;
use leptos::prelude::*;
use leptos_router::components::A;

/// Stages a learner can already practise in the notebook.
const IN_NOTEBOOK: [&str; 3] = ["collect", "train", "evaluate"];

#[component]
pub fn LessonsPage() -> impl IntoView {
    use_page_title(crate::key!("title-lessons"));
    let i18n = use_i18n();
    let lessons = ROADMAP_STAGES.map(|stage| {
        let (title, body) = (
            format!("stage-{stage}-title"),
            format!("stage-{stage}-body"),
        );
        let practise = IN_NOTEBOOK.contains(&stage).then(|| {
            view! { <A href="/notebook">{move || i18n.tr("lessons-status-practise")}</A> }
        });
        view! {
            <li class="lesson">
                <h2>{move || i18n.tr(&title)}</h2>
                <p>{move || i18n.tr(&body)}</p>
                <p class="status">{move || i18n.tr("lessons-status-soon")}</p>
                {practise}
            </li>
        }
    });
    view! {
        <h1>{move || i18n.tr("lessons-heading")}</h1>
        <p class="lead">{move || i18n.tr("lessons-intro")}</p>
        <ol class="lessons">{lessons.into_iter().collect_view()}</ol>
    }
}
