//! Charts as pure drawing code over any plotters backend, so they are tested natively (SVG) and
//! the app hands them a canvas. Colours come from colour-blind-safe palettes.

pub mod confusion;
pub mod curve;
pub mod heatmap;
pub mod palette;
pub mod roc;

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// The legend of a line chart, in its lower right corner: every chart with series draws it alike.
pub(crate) fn draw_legend<'a, DB: DrawingBackend + 'a>(
    plot: &mut ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    font: FontDesc<'_>,
    px: impl Fn(f64) -> u32,
) -> Result<(), String> {
    plot.configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .legend_area_size(px(26.0))
        .label_font(font)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(150, 150, 150))
        .draw()
        .map_err(|e| e.to_string())
}

/// A chart drawn into an SVG of `width` × `height`, whitespace collapsed, for tests to read.
#[cfg(test)]
pub(crate) fn svg(
    (width, height): (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<(), String>,
) -> String {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width, height));
        draw(&backend.into_drawing_area()).unwrap();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
