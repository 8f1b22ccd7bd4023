//! Pictures of a finished search: the validation curve when one parameter varied, the mean score
//! over two parameters as a heatmap when two or more did. The drawings are `latih_charts`
//! (tested natively); the numbers are all in the results table beside them.

use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::use_i18n;
use latih_charts::curve::{self, CurveChart, CurveSeries};
use latih_charts::heatmap::{self, HeatmapChart};
use latih_engine::tune::{ScoreGrid, ValidationCurve};
use latih_i18n::{format_decimal, format_number};
use leptos::prelude::*;

/// Whether a parameter's values span enough orders of magnitude to want a log axis.
fn wants_log_axis(x: &[f64]) -> bool {
    let (lo, hi) = (
        x.first().copied().unwrap_or(0.0),
        x.last().copied().unwrap_or(0.0),
    );
    lo > 0.0 && hi / lo >= 1000.0
}

#[component]
pub fn ValidationCurveChart(curve: ValidationCurve, scoring_key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let param = curve.param.name();
    let label = {
        let curve = curve.clone();
        Signal::derive(move || {
            let best = curve
                .x
                .iter()
                .zip(&curve.test_mean)
                .filter(|(_, m)| m.is_finite())
                .max_by(|a, b| a.1.total_cmp(b.1));
            i18n.trf(
                "tune-curve-label",
                &[
                    ("scoring", i18n.tr(scoring_key)),
                    ("param", param.to_string()),
                    (
                        "best",
                        best.map_or("—".into(), |(x, m)| {
                            format!(
                                "{param} = {} ({})",
                                format_number(i18n.lang(), *x),
                                format_decimal(i18n.lang(), *m, 3)
                            )
                        }),
                    ),
                ],
            )
        })
    };
    let paint = move |area: &_, dpr: f64| {
        let (validation, training, y_label) = (
            i18n.tr("tune-curve-validation"),
            i18n.tr("tune-curve-training"),
            i18n.tr(scoring_key),
        );
        let chart = CurveChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            x: &curve.x,
            series: vec![
                CurveSeries {
                    legend: validation,
                    mean: &curve.test_mean,
                    std: &curve.test_std,
                },
                CurveSeries {
                    legend: training,
                    mean: &curve.train_mean,
                    std: &curve.train_std,
                },
            ],
            x_label: param,
            y_label: &y_label,
            log_x: wants_log_axis(&curve.x),
            scores: true,
        };
        curve::draw(area, &chart, dpr)
    };
    view! {
        <h3>{i18n.text("tune-curve-heading")}</h3>
        <ChartCanvas label aspect=0.7 draw=paint />
    }
}

#[component]
pub fn ScoreGridChart(
    grid: ScoreGrid,
    scoring_key: &'static str,
    more_params: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (rows, columns) = (grid.row_param.name(), grid.column_param.name());
    let label = Signal::derive(move || {
        i18n.trf(
            "tune-grid-label",
            &[
                ("scoring", i18n.tr(scoring_key)),
                ("rows", rows.to_string()),
                ("columns", columns.to_string()),
            ],
        )
    });
    let paint = move |area: &_, dpr: f64| {
        let lang = i18n.lang();
        let names = |values: &[f64]| -> Vec<String> {
            values.iter().map(|v| format_number(lang, *v)).collect()
        };
        let texts: Vec<Vec<String>> = grid
            .scores
            .iter()
            .map(|row| {
                row.iter()
                    .map(|s| {
                        if s.is_nan() {
                            "—".into()
                        } else {
                            format_decimal(lang, *s, 3)
                        }
                    })
                    .collect()
            })
            .collect();
        let finite = grid.scores.iter().flatten().filter(|s| s.is_finite());
        let lo = finite.clone().copied().fold(f64::INFINITY, f64::min);
        let hi = finite.copied().fold(f64::NEG_INFINITY, f64::max);
        let chart = HeatmapChart {
            values: &grid.scores,
            texts: &texts,
            row_labels: &names(&grid.row_values),
            column_labels: &names(&grid.column_values),
            row_axis: rows,
            column_axis: columns,
            range: (lo, hi),
        };
        heatmap::draw(area, &chart, dpr)
    };
    view! {
        <h3>{i18n.text("tune-grid-heading")}</h3>
        {more_params.then(|| view! { <p class="hint">{i18n.text("tune-grid-note")}</p> })}
        <ChartCanvas label aspect=0.8 draw=paint />
    }
}

/// Validation and training scores (mean, std) by the number of training rows.
#[component]
pub fn LearningCurveChart(
    x: Vec<f64>,
    test: Vec<(f64, f64)>,
    train: Vec<(f64, f64)>,
    scoring_key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = Signal::derive(move || {
        i18n.trf("tune-learning-label", &[("scoring", i18n.tr(scoring_key))])
    });
    let split = |points: &[(f64, f64)]| -> (Vec<f64>, Vec<f64>) { points.iter().copied().unzip() };
    let ((test_mean, test_std), (train_mean, train_std)) = (split(&test), split(&train));
    let paint = move |area: &_, dpr: f64| {
        let (validation, training, x_label, y_label) = (
            i18n.tr("tune-curve-validation"),
            i18n.tr("tune-curve-training"),
            i18n.tr("tune-learning-rows"),
            i18n.tr(scoring_key),
        );
        let chart = CurveChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            x: &x,
            series: vec![
                CurveSeries {
                    legend: validation,
                    mean: &test_mean,
                    std: &test_std,
                },
                CurveSeries {
                    legend: training,
                    mean: &train_mean,
                    std: &train_std,
                },
            ],
            x_label: &x_label,
            y_label: &y_label,
            log_x: false,
            scores: true,
        };
        curve::draw(area, &chart, dpr)
    };
    view! { <ChartCanvas label aspect=0.7 draw=paint /> }
}
