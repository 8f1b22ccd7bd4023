//! The shipped data sets with their "About this data" notes, sources and licences.

use crate::data::dataset_url;
use crate::i18n::use_i18n;
use crate::router::Link;
use crate::title::use_page_title;
use latih_engine::datasets::{DatasetInfo, DATASETS};
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn DatasetsPage() -> impl IntoView {
    use_page_title(crate::key!("title-datasets"));
    let i18n = use_i18n();
    view! {
        <h1>{i18n.text("datasets-heading")}</h1>
        <p class="lead">{i18n.text("datasets-intro")}</p>
        <ul class="datasets">
            {DATASETS.iter().map(|info| view! { <DatasetCard info=info /> }).collect_view()}
        </ul>
    }
}

#[component]
fn DatasetCard(info: &'static DatasetInfo) -> impl IntoView {
    let i18n = use_i18n();
    let about = format!("dataset-{}-about", info.id);
    let count = move |n: usize| move || format_count(i18n.lang(), n);
    let fact = |key: &'static str, value: String| {
        view! { <div><dt>{i18n.text(key)}</dt><dd>{value}</dd></div> }
    };
    let heading_id = format!("dataset-{}", info.id);
    view! {
        <li class="card" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{info.title}</h2>
            <h3>{i18n.text("dataset-about")}</h3>
            <p>{move || i18n.tr(&about)}</p>
            <dl class="facts">
                <div><dt>{i18n.text("dataset-rows")}</dt><dd>{count(info.rows)}</dd></div>
                <div><dt>{i18n.text("dataset-columns")}</dt><dd>{count(info.columns)}</dd></div>
                <div><dt>{i18n.text("dataset-missing")}</dt><dd>{count(info.missing_cells)}</dd></div>
                {fact(crate::key!("dataset-target"), info.suggested_target.to_string())}
                {fact(crate::key!("dataset-source"), info.source.to_string())}
                {fact(crate::key!("dataset-licence"), info.licence.to_string())}
            </dl>
            <p class="actions">
                <Link href=format!("/notebook?dataset={}", info.id) class="button primary">
                    {i18n.text("home-cta-notebook")}
                </Link>
                <a class="button" href=dataset_url(info.id) download=format!("{}.csv", info.id)>
                    {i18n.text("dataset-download")}
                </a>
            </p>
        </li>
    }
}
