//! The portfolio projects (`/projects`): each one's business question, its data set and the
//! learner's progress through its rubric's main criteria (from this browser's storage: no
//! project file is fetched here); then the competition challenges, each with its metric.

use crate::i18n::use_i18n;
use crate::lesson::progress;
use crate::router::Link;
use crate::title::use_page_title;
use latih_engine::competition::CHALLENGES;
use latih_engine::datasets::DATASETS;
use latih_i18n::PROJECTS;
use leptos::prelude::*;

#[component]
pub fn ProjectsPage() -> impl IntoView {
    use_page_title(crate::key!("title-projects"));
    let i18n = use_i18n();
    let done = progress::summaries();
    let projects = PROJECTS.map(|(slug, dataset)| {
        let title = format!("projects-title-{slug}");
        let question = format!("projects-question-{slug}");
        let dataset_name = DATASETS
            .iter()
            .find(|d| d.id == dataset)
            .map_or(dataset, |d| d.title);
        let status = done.get(slug).copied();
        let status = move || match status {
            Some((met, total)) => i18n.trf(
                "projects-progress",
                &[("met", met.to_string()), ("total", total.to_string())],
            ),
            None => i18n.tr("lessons-not-started"),
        };
        view! {
            <li class="lesson">
                <h2><Link href=format!("/projects/{slug}")>{move || i18n.tr(&title)}</Link></h2>
                <p>{move || i18n.tr(&question)}</p>
                <p class="status">
                    {move || i18n.trf("projects-data", &[("dataset", dataset_name.to_string())])}
                    " · " {status}
                </p>
            </li>
        }
    });
    let challenges = CHALLENGES
        .iter()
        .map(|challenge| {
            let title = format!("challenges-title-{}", challenge.slug);
            let metric = move || {
                i18n.trf(
                    "challenges-metric",
                    &[(
                        "metric",
                        latih_i18n::metric_label(i18n.lang(), challenge.metric, challenge.class),
                    )],
                )
            };
            view! {
                <li>
                    <Link href=format!("/challenges/{}", challenge.slug)>{move || i18n.tr(&title)}</Link>
                    " · " <span class="status">{metric}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.text("projects-heading")}</h1>
        <p class="lead">{i18n.text("projects-intro")}</p>
        <ol class="lessons">{projects.into_iter().collect_view()}</ol>
        <h2>{i18n.text("challenges-heading")}</h2>
        <p>{i18n.text("challenges-intro")}</p>
        <ul class="lessons">{challenges}</ul>
        <p>
            <Link href="/career">{i18n.text("projects-career")}</Link> " · "
            <Link href="/plan">{i18n.text("projects-plan")}</Link>
        </p>
    }
}
