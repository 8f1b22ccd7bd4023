//! ROC curves of an evaluation, with the AUC of each in the legend and the current threshold's
//! point. The drawing is `latih_charts::roc` (tested natively).

use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::use_i18n;
use latih_charts::roc::{draw, RocChart, RocSeries};
use latih_engine::notebook::RocSummary;
use latih_i18n::format_decimal;
use leptos::prelude::*;

#[component]
pub fn RocCurves(
    summary: RocSummary,
    classes: Vec<String>,
    /// (false positive rate, true positive rate) of the chosen threshold, for binary problems.
    #[prop(into)]
    point: Signal<Option<(f64, f64)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let legends = {
        let (summary, classes) = (summary.clone(), classes.clone());
        move || -> Vec<String> {
            summary
                .curves
                .iter()
                .map(|c| {
                    i18n.trf(
                        "out-roc-legend",
                        &[
                            ("class", classes.get(c.class).cloned().unwrap_or_default()),
                            ("auc", format_decimal(i18n.lang(), c.auc, 3)),
                        ],
                    )
                })
                .collect()
        }
    };
    let label = {
        let legends = legends.clone();
        Signal::derive(move || i18n.trf("out-roc-label", &[("curves", legends().join("; "))]))
    };
    let paint = move |area: &_, dpr: f64| {
        let (x_label, y_label) = (i18n.tr("out-roc-x"), i18n.tr("out-roc-y"));
        let chart = RocChart {
            series: summary
                .curves
                .iter()
                .zip(legends())
                .map(|(c, legend)| RocSeries {
                    legend,
                    fpr: &c.curve.fpr,
                    tpr: &c.curve.tpr,
                })
                .collect(),
            point: point.get(),
            x_label: &x_label,
            y_label: &y_label,
        };
        draw(area, &chart, dpr)
    };
    view! { <ChartCanvas label aspect=0.85 draw=paint /> }
}
