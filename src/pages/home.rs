//! Home: what Latih is, and the roadmap of `shared/seed/` as the map of the course, each stage
//! with its lessons.

use crate::i18n::use_i18n;
use crate::router::Link;
use crate::title::use_page_title;
use latih_i18n::{LEARNING_PATH_STEPS, LESSONS, ROADMAP_STAGES};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    use_page_title(crate::key!("title-home"));
    let i18n = use_i18n();
    let stages = ROADMAP_STAGES.map(|stage| {
        let (title, body) = (
            format!("stage-{stage}-title"),
            format!("stage-{stage}-body"),
        );
        // The stage's lessons, straight from the map.
        let lessons: Vec<_> = LESSONS
            .iter()
            .filter(|(_, s)| *s == stage)
            .map(|(slug, _)| {
                let title = format!("lessons-title-{slug}");
                view! { <li><Link href=format!("/lessons/{slug}")>{move || i18n.tr(&title)}</Link></li> }
            })
            .collect();
        let lessons = (!lessons.is_empty()).then(|| view! { <ul class="stage-lessons">{lessons}</ul> });
        view! {
            <li class="stage">
                <h3>{move || i18n.tr(&title)}</h3>
                <p>{move || i18n.tr(&body)}</p>
                {lessons}
            </li>
        }
    });
    let path = (1..=LEARNING_PATH_STEPS).map(|step| {
        let key = format!("path-{step}");
        view! { <li>{move || i18n.tr(&key)}</li> }
    });
    view! {
        <section class="hero">
            <h1>{i18n.text("home-heading")}</h1>
            <p class="lead">{i18n.text("home-intro")}</p>
            <p class="actions">
                <Link href="/notebook" class="button primary">{i18n.text("home-cta-notebook")}</Link>
                <Link href="/lessons" class="button">{i18n.text("home-cta-lessons")}</Link>
            </p>
        </section>
        <section aria-labelledby="roadmap-heading">
            <h2 id="roadmap-heading">{i18n.text("home-roadmap-heading")}</h2>
            <p>{i18n.text("home-roadmap-intro")}</p>
            <ol class="roadmap">{stages.into_iter().collect_view()}</ol>
        </section>
        <section aria-labelledby="path-heading">
            <h2 id="path-heading">{i18n.text("home-path-heading")}</h2>
            <ol class="path">{path.collect_view()}</ol>
        </section>
    }
}
