//! The confusion-matrix heatmap on a canvas. The drawing itself is `latih_charts::confusion`
//! (tested natively); this component only sizes the canvas for the screen and redraws on resize.
//!
//! plotters-canvas ignores `devicePixelRatio`, so the backing store is sized to CSS size × dpr
//! and the chart is told the ratio: sharp on phones, not blurry.

use crate::i18n::use_i18n;
use latih_charts::confusion::{draw, ConfusionChart};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Width used before the canvas has been laid out.
const FALLBACK_WIDTH: i32 = 320;

#[component]
pub fn ConfusionHeatmap(
    #[prop(into)] counts: Signal<Vec<Vec<u64>>>,
    #[prop(into)] classes: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas_ref = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let resize_handle = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || resize_handle.remove());

    Effect::new(move |_| {
        resized.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let (counts, classes) = (counts.get(), classes.get());
        let (true_axis, predicted_axis) =
            (i18n.tr("out-true-class"), i18n.tr("out-predicted-class"));
        let dpr = window().device_pixel_ratio().clamp(1.0, 4.0);
        let css_width = match canvas.client_width() {
            0 => FALLBACK_WIDTH,
            w => w,
        };
        let css_height = css_width * 4 / 5;
        canvas.set_width((f64::from(css_width) * dpr).round() as u32);
        canvas.set_height((f64::from(css_height) * dpr).round() as u32);
        let _ =
            web_sys::HtmlElement::style(&canvas).set_property("height", &format!("{css_height}px"));
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return;
        };
        let chart = ConfusionChart {
            counts: &counts,
            classes: &classes,
            true_axis: &true_axis,
            predicted_axis: &predicted_axis,
        };
        if let Err(err) = draw(&backend.into_drawing_area(), &chart, dpr) {
            leptos::logging::warn!("confusion heatmap: {err}");
        }
    });

    let label = move || {
        i18n.trf(
            "out-heatmap-label",
            &[("classes", classes.get().join(", "))],
        )
    };
    view! {
        <canvas node_ref=canvas_ref class="heatmap" role="img" aria-label=label>
            {label}
        </canvas>
    }
}
