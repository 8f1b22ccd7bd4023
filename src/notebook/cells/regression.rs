//! The evaluation of a model that predicts numbers: its errors on the test rows in numbers and
//! in words, and its predictions drawn against the truth.

use crate::components::chart_canvas::{ChartArea, ChartCanvas};
use crate::components::score::Measure;
use crate::i18n::{use_i18n, I18n};
use latih_charts::scatter::{self, Reference, ScatterChart};
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
    let pairs = || out.y_true.iter().zip(&out.y_pred);
    let points: Vec<(f64, f64, u32)> = pairs().map(|(&t, &p)| (t, p, 0)).collect();
    // Residuals: what each prediction missed by, against the prediction.
    let residuals: Vec<(f64, f64, u32)> = pairs().map(|(&t, &p)| (p, t - p, 0)).collect();
    let largest = residuals.iter().map(|r| r.1.abs()).fold(0.0, f64::max);
    let residual_label = move || {
        i18n.trf(
            "chart-residuals-label",
            &[
                ("rows", format_count(i18n.lang(), rows)),
                ("largest", format_decimal(i18n.lang(), largest, 2)),
            ],
        )
    };
    let paint = painter(
        i18n,
        points,
        ("chart-actual", "chart-predicted"),
        Reference::Diagonal,
    );
    let paint_residuals = painter(
        i18n,
        residuals,
        ("chart-predicted", "chart-residual"),
        Reference::Zero,
    );
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
        <h3>{i18n.text("chart-residuals")}</h3>
        <ChartCanvas label=Signal::derive(residual_label) aspect=0.6 draw=paint_residuals />
    }
}

/// What both charts paint: `points` against a reference line, with translated axis names. One
/// function for both, so the app holds one copy of the canvas code for them.
fn painter(
    i18n: I18n,
    points: Vec<(f64, f64, u32)>,
    (x_key, y_key): (&'static str, &'static str),
    line: Reference,
) -> impl Fn(&ChartArea, f64) -> Result<(), String> + 'static {
    move |area, dpr| {
        let (x_label, y_label) = (i18n.tr(x_key), i18n.tr(y_key));
        let chart = ScatterChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            points: &points,
            classes: &[],
            x_label: &x_label,
            y_label: &y_label,
            line: Some(line),
        };
        scatter::draw(area, &chart, dpr)
    }
}
