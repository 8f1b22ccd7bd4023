//! A canvas that any `latih_charts` drawing paints into, sized for the screen: the backing store
//! is CSS size × devicePixelRatio (plotters-canvas ignores the ratio, and charts would be blurry
//! on phones), and it redraws when the window resizes or what `draw` reads changes.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;

/// How the reader writes numbers, for a chart's ticks and counts (read inside a chart's `draw`,
/// so a language switch redraws it).
pub fn chart_numbers(lang: latih_i18n::Lang) -> latih_charts::NumberFormat {
    let (decimal, group) = latih_i18n::separators(lang);
    latih_charts::NumberFormat { decimal, group }
}

/// Width used before the canvas has been laid out.
const FALLBACK_WIDTH: i32 = 320;

pub type ChartArea = DrawingArea<CanvasBackend, Shift>;

/// `draw` gets the drawing area and the pixel ratio to scale fonts and lines by; it runs inside
/// an effect, so the signals it reads redraw the chart when they change.
#[component]
pub fn ChartCanvas<F>(
    #[prop(into)] label: Signal<String>,
    /// Height as a fraction of the width.
    aspect: f64,
    draw: F,
) -> impl IntoView
where
    F: Fn(&ChartArea, f64) -> Result<(), String> + 'static,
{
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
        let dpr = window().device_pixel_ratio().clamp(1.0, 4.0);
        let css_width = match canvas.client_width() {
            0 => FALLBACK_WIDTH,
            w => w,
        };
        let css_height = (f64::from(css_width) * aspect).round() as i32;
        canvas.set_width((f64::from(css_width) * dpr).round() as u32);
        canvas.set_height((f64::from(css_height) * dpr).round() as u32);
        let _ =
            web_sys::HtmlElement::style(&canvas).set_property("height", &format!("{css_height}px"));
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return;
        };
        if let Err(err) = draw(&backend.into_drawing_area(), dpr) {
            leptos::logging::warn!("chart: {err}");
        }
    });

    view! {
        <canvas node_ref=canvas_ref class="chart" role="img" aria-label=label>
            {label}
        </canvas>
    }
}
