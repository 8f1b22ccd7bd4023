//! A fitted model, shown: its shape in words, its accuracy on the training rows, a warning when
//! training stopped before it converged, the features it leaned on, a network's loss curve, and
//! a decision tree drawn and written as rules.

use crate::components::chart_canvas::ChartCanvas;
use crate::components::score::{Measure, Score};
use crate::i18n::use_i18n;
use latih_charts::curve::{self, CurveChart, CurveSeries};
use latih_engine::figures::TreeView;
use latih_engine::notebook::{ModelSummary, TrainOutput};
use latih_i18n::{convergence_warning, format_percent, loss_text, model_shape_text};
use leptos::prelude::*;

/// Features whose importance is listed.
const TOP_FEATURES: usize = 8;

#[component]
pub fn Trained(out: TrainOutput) -> impl IntoView {
    let i18n = use_i18n();
    let shape = {
        let summary = out.summary.clone();
        move || model_shape_text(i18n.lang(), &summary, out.features)
    };
    let warning = {
        let summary = out.summary.clone();
        move || {
            convergence_warning(i18n.lang(), &summary)
                .map(|text| view! { <p class="note warning" role="status">{text}</p> })
        }
    };
    let scale_note = matches!(out.summary, ModelSummary::Neighbours { .. })
        .then(|| view! { <p class="note">{i18n.text("out-knn-scale-note")}</p> });
    let importances_key = if matches!(out.summary, ModelSummary::Linear { .. }) {
        crate::key!("out-weights")
    } else {
        crate::key!("out-importances")
    };
    let one_hot = (!out.one_hot_columns.is_empty()).then(|| {
        let columns = out.one_hot_columns.join(", ");
        view! { <p>{move || i18n.trf("out-one-hot", &[("columns", columns.clone())])}</p> }
    });
    let top: Vec<(String, f64)> = out
        .importances
        .into_iter()
        .filter(|(_, share)| *share > 0.0)
        .take(TOP_FEATURES)
        .collect();
    let importances = (!top.is_empty()).then(|| {
        view! {
            <h3>{i18n.text(importances_key)}</h3>
            <ol class="importances">
                {top
                    .into_iter()
                    .map(|(feature, share)| {
                        let width = format!("{:.1}%", share * 100.0);
                        view! {
                            <li>
                                <span class="importance-text">
                                    {move || i18n.trf("out-importance", &[
                                        ("feature", feature.clone()),
                                        ("share", format_percent(i18n.lang(), share, 1)),
                                    ])}
                                </span>
                                <span class="importance-bar" aria-hidden="true"><span style:width=width></span></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    });
    let tree = match (out.tree, &out.summary) {
        (Some(tree), ModelSummary::Tree { depth, .. }) => {
            Some(view! { <TreeDrawing tree depth=*depth regression=out.regression /> })
        }
        _ => None,
    };
    let rounds = matches!(out.summary, ModelSummary::Boosting { .. });
    let loss = (!out.loss_curve.is_empty()).then(|| {
        view! { <LossCurve loss=out.loss_curve held_out=out.validation_loss rounds /> }
    });
    view! {
        <p>{shape}</p>
        {warning}
        {scale_note}
        {one_hot}
        <dl class="metrics">
            {if out.regression {
                view! { <Measure label_key="out-train-r2" value=Some(out.train_accuracy) /> }.into_any()
            } else {
                view! { <Score label_key="out-train-accuracy" value=out.train_accuracy /> }.into_any()
            }}
        </dl>
        {importances}
        {loss}
        {tree}
    }
}

/// The tree as the worker drew it (an SVG image, so the app carries no drawing code), fitted to
/// the page or, pressed, at its own size in a box that scrolls; and as scikit-learn's
/// `export_text` rules, which a screen reader reads whole.
#[component]
fn TreeDrawing(tree: TreeView, depth: u32, regression: bool) -> impl IntoView {
    let i18n = use_i18n();
    let full_size = RwSignal::new(false);
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&tree.svg))
    );
    let levels = tree.drawn_levels.to_string();
    let alt = move || {
        let key = if regression {
            crate::key!("out-tree-drawing-regression")
        } else {
            crate::key!("out-tree-drawing")
        };
        i18n.trf(
            key,
            &[("levels", levels.clone()), ("depth", depth.to_string())],
        )
    };
    view! {
        <h3>{i18n.text("out-tree-heading")}</h3>
        <button type="button" aria-pressed=move || full_size.get().to_string()
            on:click=move |_| full_size.update(|on| *on = !*on)>
            {i18n.text("out-tree-full-size")}
        </button>
        <div class="tree-drawing" class:full-size=full_size>
            <img src=src alt=alt />
        </div>
        <details class="tree-rules">
            <summary>{i18n.text("out-tree-rules")}</summary>
            <pre>{tree.rules}</pre>
        </details>
    }
}

/// The mean training loss of each epoch (or boosting round), drawn with the held-out loss when
/// early stopping kept one, and its first and last values in words.
#[component]
fn LossCurve(loss: Vec<f64>, held_out: Vec<f64>, rounds: bool) -> impl IntoView {
    let i18n = use_i18n();
    let summary = {
        let loss = loss.clone();
        move || loss_text(i18n.lang(), &loss, rounds).unwrap_or_default()
    };
    let steps: Vec<f64> = (1..=loss.len()).map(|e| e as f64).collect();
    let spread = vec![0.0; loss.len()];
    let paint = move |area: &_, dpr: f64| {
        let x_label = i18n.tr(if rounds {
            "out-loss-round"
        } else {
            "out-loss-epoch"
        });
        let y_label = i18n.tr("out-loss-axis");
        let mut series = vec![CurveSeries {
            legend: i18n.tr("out-loss-legend"),
            mean: &loss,
            std: &spread,
        }];
        if held_out.len() == loss.len() {
            series.push(CurveSeries {
                legend: i18n.tr("out-loss-validation"),
                mean: &held_out,
                std: &spread,
            });
        }
        let chart = CurveChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            x: &steps,
            series,
            x_label: &x_label,
            y_label: &y_label,
            log_x: false,
            scores: false,
        };
        curve::draw(area, &chart, dpr)
    };
    view! {
        <h3>{i18n.text("out-loss-heading")}</h3>
        <ChartCanvas label=Signal::derive(summary.clone()) aspect=0.6 draw=paint />
        <p>{summary}</p>
    }
}
