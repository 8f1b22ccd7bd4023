//! The evaluation of a model that predicts numbers: its errors on the test rows in numbers and
//! in words, and its predictions drawn against the truth.

use crate::components::chart_canvas::ChartCanvas;
use crate::components::score::Measure;
use crate::i18n::use_i18n;
use latih_charts::scatter::{self, ScatterChart};
use latih_engine::notebook::RegressionOutput;
use latih_i18n::{format_count, format_decimal};
use leptos::prelude::*;

#[component]
pub fn RegressionEvaluation(out: RegressionOutput) -> impl IntoView {
    let i18n = use_i18n();
    let rows = out.y_true.len();
    let (mae, r2) = (out.mae, out.r2);
    let explained = move || {
        i18n.trf(
            "out-regression-explained",
            &[
                ("rows", format_count(i18n.lang(), rows)),
                ("mae", format_decimal(i18n.lang(), mae, 2)),
            ],
        )
    };
    let label = move || {
        i18n.trf(
            "chart-predicted-vs-actual-label",
            &[
                ("rows", format_count(i18n.lang(), rows)),
                ("r2", format_decimal(i18n.lang(), r2, 3)),
            ],
        )
    };
    let points: Vec<(f64, f64, u32)> = out
        .y_true
        .iter()
        .zip(&out.y_pred)
        .map(|(&actual, &predicted)| (actual, predicted, 0))
        .collect();
    let paint = move |area: &_, dpr: f64| {
        let (x_label, y_label) = (i18n.tr("chart-actual"), i18n.tr("chart-predicted"));
        let chart = ScatterChart {
            points: &points,
            classes: &[],
            x_label: &x_label,
            y_label: &y_label,
            diagonal: true,
        };
        scatter::draw(area, &chart, dpr)
    };
    view! {
        <dl class="metrics">
            <Measure label_key="out-r2" value=Some(out.r2) />
            <Measure label_key="out-mae" value=Some(out.mae) />
            <Measure label_key="out-rmse" value=Some(out.rmse) />
            <Measure label_key="out-mse" value=Some(out.mse) />
            <Measure label_key="out-mape" value=out.mape />
            <Measure label_key="out-median-ae" value=Some(out.median_absolute_error) />
            <Measure label_key="out-explained-variance" value=Some(out.explained_variance) />
        </dl>
        <p>{explained}</p>
        <h3>{i18n.text("chart-predicted-vs-actual")}</h3>
        <ChartCanvas label=Signal::derive(label) aspect=0.75 draw=paint />
    }
}
