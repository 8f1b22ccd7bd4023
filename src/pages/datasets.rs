//! The shipped data sets with their "About this data" notes, sources and licences.

use crate::data::{dataset_url, fetch_dataset, is_kept, offline_capable};
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
        <SaveForOffline />
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

/// Where saving the data sets for offline use stands.
#[derive(Clone, PartialEq)]
enum Saving {
    Idle,
    Busy { done: usize },
    Failed { title: &'static str, reason: String },
}

/// "Save for offline": every shipped data set fetched once through the service worker, which
/// keeps it (scripts/sw-template.js), after saying how much that is. How many are kept already
/// is asked of the browser's caches.
#[component]
fn SaveForOffline() -> impl IntoView {
    let i18n = use_i18n();
    let count = DATASETS.len();
    let kept = RwSignal::new(None::<usize>);
    let saving = RwSignal::new(Saving::Idle);
    let capable = RwSignal::new(None::<bool>);
    let recount = move || {
        leptos::task::spawn_local(async move {
            let mut n = 0;
            for info in DATASETS {
                n += usize::from(is_kept(&dataset_url(info.id)).await);
            }
            kept.set(Some(n));
        })
    };
    leptos::task::spawn_local(async move {
        let able = offline_capable().await;
        capable.set(Some(able));
        if able {
            recount();
        }
    });
    let save = move |_| {
        saving.set(Saving::Busy { done: 0 });
        leptos::task::spawn_local(async move {
            for (done, info) in DATASETS.iter().enumerate() {
                if let Err(reason) = fetch_dataset(info.id).await {
                    saving.set(Saving::Failed {
                        title: info.title,
                        reason,
                    });
                    return recount();
                }
                saving.set(Saving::Busy { done: done + 1 });
            }
            saving.set(Saving::Idle);
            kept.set(Some(count));
        })
    };
    let bytes = DATASETS.iter().map(|d| d.bytes).sum::<usize>();
    let intro = move || {
        let lang = i18n.lang();
        i18n.trf(
            "offline-intro",
            &[
                ("count", format_count(lang, count)),
                ("size", latih_i18n::format_megabytes(lang, bytes)),
            ],
        )
    };
    let status = move || {
        let lang = i18n.lang();
        let n = |x: usize| format_count(lang, x);
        match (saving.get(), kept.get()) {
            _ if capable.get() == Some(false) => i18n.tr("offline-unavailable"),
            (Saving::Busy { done }, _) => {
                i18n.trf("offline-saving", &[("done", n(done)), ("count", n(count))])
            }
            (Saving::Failed { title, reason }, _) => i18n.trf(
                "offline-failed",
                &[("title", title.to_string()), ("reason", reason)],
            ),
            (Saving::Idle, Some(k)) if k == count => {
                i18n.trf("offline-done", &[("count", n(count))])
            }
            (Saving::Idle, Some(k)) => {
                i18n.trf("offline-kept", &[("kept", n(k)), ("count", n(count))])
            }
            (Saving::Idle, None) => String::new(),
        }
    };
    let busy = move || matches!(saving.get(), Saving::Busy { .. });
    view! {
        <section class="card offline" aria-labelledby="offline-heading">
            <h2 id="offline-heading">{i18n.text("offline-heading")}</h2>
            <p>{intro}</p>
            <p class="actions">
                <button type="button" on:click=save disabled=move || capable.get() != Some(true) || busy()>
                    {i18n.text("offline-save")}
                </button>
            </p>
            <p role="status">{status}</p>
        </section>
    }
}
