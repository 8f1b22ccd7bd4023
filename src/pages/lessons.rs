//! The lessons index: one lesson per roadmap stage. The lessons themselves come later; the
//! stages the notebook already covers link to it.

use crate::i18n::use_i18n;
use crate::router::Link;
use crate::title::use_page_title;
use latih_i18n::ROADMAP_STAGES;
use leptos::prelude::*;

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
            view! { <Link href="/notebook">{i18n.text("lessons-status-practise")}</Link> }
        });
        view! {
            <li class="lesson">
                <h2>{move || i18n.tr(&title)}</h2>
                <p>{move || i18n.tr(&body)}</p>
                <p class="status">{i18n.text("lessons-status-soon")}</p>
                {practise}
            </li>
        }
    });
    view! {
        <h1>{i18n.text("lessons-heading")}</h1>
        <p class="lead">{i18n.text("lessons-intro")}</p>
        <ol class="lessons">{lessons.into_iter().collect_view()}</ol>
    }
}
