//! Home: what Latih is, and the roadmap of `shared/seed/` as the map of the course.

use crate::i18n::use_i18n;
use crate::title::use_page_title;
use latih_i18n::{LEARNING_PATH_STEPS, ROADMAP_STAGES};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(crate::key!("title-home"));
    let i18n = use_i18n();
    let stages = ROADMAP_STAGES.map(|stage| {
        let (title, body) = (
            format!("stage-{stage}-title"),
            format!("stage-{stage}-body"),
        );
        view! {
            <li class="stage">
                <h3>{move || i18n.tr(&title)}</h3>
                <p>{move || i18n.tr(&body)}</p>
            </li>
        }
    });
    let path = (1..=LEARNING_PATH_STEPS).map(|step| {
        let key = format!("path-{step}");
        view! { <li>{move || i18n.tr(&key)}</li> }
    });
    view! {
        <section class="hero">
            <h1>{move || i18n.tr("home-heading")}</h1>
            <p class="lead">{move || i18n.tr("home-intro")}</p>
            <p class="actions">
                <A href="/notebook" attr:class="button primary">{move || i18n.tr("home-cta-notebook")}</A>
                <A href="/lessons" attr:class="button">{move || i18n.tr("home-cta-lessons")}</A>
            </p>
        </section>
        <section aria-labelledby="roadmap-heading">
            <h2 id="roadmap-heading">{move || i18n.tr("home-roadmap-heading")}</h2>
            <p>{move || i18n.tr("home-roadmap-intro")}</p>
            <ol class="roadmap">{stages.into_iter().collect_view()}</ol>
        </section>
        <section aria-labelledby="path-heading">
            <h2 id="path-heading">{move || i18n.tr("home-path-heading")}</h2>
            <ol class="path">{path.collect_view()}</ol>
        </section>
    }
}
