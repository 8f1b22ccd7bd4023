//! Charts as pure drawing code over any plotters backend, so they are tested natively (SVG) and
//! the app hands them a canvas. Colours come from colour-blind-safe palettes.

pub mod confusion;
pub mod curve;
pub mod heatmap;
pub mod palette;
pub mod roc;
pub mod scatter;

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The font of every chart's text, named by its family rather than by the string
/// "sans-serif": plotters reads a family's name with `str::to_lowercase`, whose Unicode tables
/// would cost the app's first load 12 KB for one word.
pub(crate) fn font(size: u32) -> FontDesc<'static> {
    (FontFamily::SansSerif, size).into_font()
}

/// A chart's plotting area: x and y axes over the given ranges with their names, six labels each
/// (x ones written by `x_formatter` when given) and a light grid, fonts and margins scaled by
/// `px`. Every x–y chart draws its axes the same way, with this.
pub(crate) fn axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
    (x_range, y_range): (std::ops::Range<f64>, std::ops::Range<f64>),
    (x_label, y_label): (&str, &str),
    x_formatter: Option<&dyn Fn(&f64) -> String>,
    font: &FontDesc<'_>,
    px: impl Fn(f64) -> u32,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let mut plot = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(x_range, y_range)
        .map_err(err)?;
    let mut mesh = plot.configure_mesh();
    mesh.x_desc(x_label)
        .y_desc(y_label)
        .x_labels(6)
        .y_labels(6)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .light_line_style(RGBColor(235, 238, 242));
    if let Some(formatter) = x_formatter {
        mesh.x_label_formatter(formatter);
    }
    mesh.draw().map_err(err)?;
    Ok(plot)
}

/// The legend of a line chart, in its lower right corner: a swatch of each series' line and its
/// label. Drawn from plain elements because plotters' own series labels build a default font from
/// the string "sans-serif" (see [`font`]).
pub(crate) fn draw_legend<DB: DrawingBackend>(
    plot: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    entries: &[(String, ShapeStyle)],
    font: &FontDesc<'_>,
    px: impl Fn(f64) -> u32,
) -> Result<(), String> {
    if entries.is_empty() {
        return Ok(());
    }
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let area = plot.plotting_area().strip_coord_spec();
    let (width, height) = area.dim_in_pixel();
    let (swatch, gap, pad) = (px(18.0) as i32, px(6.0) as i32, px(6.0) as i32);
    let row = (font.get_size() * 1.4).round() as i32;
    let text = TextStyle::from(font.clone()).pos(Pos::new(HPos::Left, VPos::Center));
    let text_width = entries
        .iter()
        .filter_map(|(label, _)| area.estimate_text_size(label, &text).ok())
        .map(|(w, _)| w as i32)
        .max()
        .unwrap_or(0);
    let (box_w, box_h) = (
        2 * pad + swatch + gap + text_width,
        2 * pad + row * entries.len() as i32,
    );
    let (x0, y0) = (width as i32 - box_w - pad, height as i32 - box_h - pad);
    let corners = [(x0, y0), (x0 + box_w, y0 + box_h)];
    area.draw(&Rectangle::new(corners, WHITE.mix(0.85).filled()))
        .map_err(err)?;
    area.draw(&Rectangle::new(corners, RGBColor(150, 150, 150)))
        .map_err(err)?;
    for (i, (label, style)) in entries.iter().enumerate() {
        let y = y0 + pad + row * i as i32 + row / 2;
        let (x, x_text) = (x0 + pad, x0 + pad + swatch + gap);
        area.draw(&PathElement::new([(x, y), (x + swatch, y)], *style))
            .map_err(err)?;
        area.draw(&Text::new(label.clone(), (x_text, y), text.clone()))
            .map_err(err)?;
    }
    Ok(())
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
