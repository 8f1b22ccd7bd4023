//! Ranking curves of an evaluation: ROC curves (with the chance diagonal and the current
//! threshold's point) and precision–recall curves, one per class, each with its area in the
//! legend (AUC, or average precision). The drawing is `latih_charts::roc` (tested natively).

use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::use_i18n;
use latih_charts::roc::{draw, RocChart, RocSeries};
use latih_engine::notebook::{PrSummary, RocSummary};
use latih_i18n::format_decimal;
use leptos::prelude::*;

/// One class's curve: the class, the area under it, and its points.
#[derive(Clone)]
pub struct ClassCurve {
    pub class: usize,
    pub area: f64,
    pub x: Vec<f64>,
    pub y: Vec<f64>,
}

/// The catalog keys one kind of curve is told with.
#[derive(Clone, Copy)]
pub struct CurveWords {
    pub legend: &'static str,
    pub label: &'static str,
    pub x: &'static str,
    pub y: &'static str,
}

pub const ROC_WORDS: CurveWords = CurveWords {
    legend: crate::key!("out-roc-legend"),
    label: crate::key!("out-roc-label"),
    x: crate::key!("out-roc-x"),
    y: crate::key!("out-roc-y"),
};

pub const PR_WORDS: CurveWords = CurveWords {
    legend: crate::key!("out-pr-legend"),
    label: crate::key!("out-pr-label"),
    x: crate::key!("out-pr-x"),
    y: crate::key!("out-pr-y"),
};

pub fn roc_curves(summary: &RocSummary) -> Vec<ClassCurve> {
    summary
        .curves
        .iter()
        .map(|c| ClassCurve {
            class: c.class,
            area: c.auc,
            x: c.curve.fpr.clone(),
            y: c.curve.tpr.clone(),
        })
        .collect()
}

pub fn pr_curves(summary: &PrSummary) -> Vec<ClassCurve> {
    summary
        .curves
        .iter()
        .map(|c| ClassCurve {
            class: c.class,
            area: c.average_precision,
            x: c.recall.clone(),
            y: c.precision.clone(),
        })
        .collect()
}

#[component]
pub fn RankingCurves(
    curves: Vec<ClassCurve>,
    classes: Vec<String>,
    words: CurveWords,
    /// ROC's dashed line of a classifier that guesses.
    chance_diagonal: bool,
    /// A point to mark on the curve: the chosen threshold's, for binary ROC.
    #[prop(into)]
    point: Signal<Option<(f64, f64)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let legends = {
        let curves = curves.clone();
        move || -> Vec<String> {
            curves
                .iter()
                .map(|c| {
                    i18n.trf(
                        words.legend,
                        &[
                            ("class", classes.get(c.class).cloned().unwrap_or_default()),
                            ("area", format_decimal(i18n.lang(), c.area, 3)),
                        ],
                    )
                })
                .collect()
        }
    };
    let label = {
        let legends = legends.clone();
        Signal::derive(move || i18n.trf(words.label, &[("curves", legends().join("; "))]))
    };
    let paint = move |area: &_, dpr: f64| {
        let (x_label, y_label) = (i18n.tr(words.x), i18n.tr(words.y));
        let chart = RocChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            series: curves
                .iter()
                .zip(legends())
                .map(|(c, legend)| RocSeries {
                    legend,
                    fpr: &c.x,
                    tpr: &c.y,
                })
                .collect(),
            point: point.get(),
            x_label: &x_label,
            y_label: &y_label,
            chance_diagonal,
        };
        draw(area, &chart, dpr)
    };
    view! { <ChartCanvas label aspect=0.85 draw=paint /> }
}
