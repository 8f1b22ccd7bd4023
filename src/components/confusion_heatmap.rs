//! The confusion-matrix heatmap. The drawing is `latih_charts::confusion` (tested natively).

use crate::components::chart_canvas::ChartCanvas;
use crate::i18n::use_i18n;
use latih_charts::confusion::{draw, ConfusionChart};
use leptos::prelude::*;

#[component]
pub fn ConfusionHeatmap(
    #[prop(into)] counts: Signal<Vec<Vec<u64>>>,
    #[prop(into)] classes: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = Signal::derive(move || {
        i18n.trf(
            "out-heatmap-label",
            &[("classes", classes.get().join(", "))],
        )
    });
    let paint = move |area: &_, dpr: f64| {
        let (counts, classes) = (counts.get(), classes.get());
        let (true_axis, predicted_axis) =
            (i18n.tr("out-true-class"), i18n.tr("out-predicted-class"));
        let chart = ConfusionChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            counts: &counts,
            classes: &classes,
            true_axis: &true_axis,
            predicted_axis: &predicted_axis,
        };
        draw(area, &chart, dpr)
    };
    view! { <ChartCanvas label aspect=0.8 draw=paint /> }
}
