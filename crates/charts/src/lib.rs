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

/// How the reader writes numbers: the decimal sign and the thousands separator (Indonesian
/// writes `1.234,5`, English `1,234.5`). Every tick label is written with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    pub decimal: char,
    pub group: char,
}

impl Default for NumberFormat {
    fn default() -> Self {
        Self {
            decimal: '.',
            group: ',',
        }
    }
}

impl NumberFormat {
    /// `value` with `decimals` decimals, as the reader writes it: `1.234,5` or `1,234.5`.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        let plain = format!("{value:.decimals$}");
        let (sign, digits) = match plain.strip_prefix('-') {
            // No "-0" for a value that rounds to zero.
            Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => ("-", rest),
            Some(rest) => ("", rest),
            None => ("", plain.as_str()),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(self.group);
            }
            grouped.push(digit);
        }
        match fraction {
            "" => format!("{sign}{grouped}"),
            _ => format!("{sign}{grouped}{}{fraction}", self.decimal),
        }
    }
}

/// The decimals an axis's ticks need, all written alike (0.5, 1.0, 1.5): as many as its most
/// precise tick, among the round values plotters chooses for six labels.
fn tick_decimals(range: &std::ops::Range<f64>) -> usize {
    use plotters::coord::ranged1d::{KeyPointHint, Ranged};
    let coord: RangedCoordf64 = range.clone().into();
    let shortest = |v: &f64| {
        let plain = format!("{v:.6}");
        let fraction = plain.split_once('.').map_or("", |(_, f)| f);
        fraction.trim_end_matches('0').len()
    };
    coord
        .key_points(6usize.bold_points())
        .iter()
        .map(shortest)
        .max()
        .unwrap_or(0)
}

/// A chart's plotting area: x and y axes over the given ranges with their names, six labels each
/// written in the reader's `numbers` (x ones by `x_formatter` when given) and a light grid,
/// fonts and margins scaled by `px`. Every x–y chart draws its axes the same way, with this.
pub(crate) fn axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, plotters::coord::Shift>,
    (x_range, y_range): (std::ops::Range<f64>, std::ops::Range<f64>),
    (x_label, y_label): (&str, &str),
    x_formatter: Option<&dyn Fn(&f64) -> String>,
    numbers: NumberFormat,
    font: &FontDesc<'_>,
    px: impl Fn(f64) -> u32,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let mut plot = ChartBuilder::on(area)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(52.0))
        .build_cartesian_2d(x_range.clone(), y_range.clone())
        .map_err(err)?;
    let (x_decimals, y_decimals) = (tick_decimals(&x_range), tick_decimals(&y_range));
    let x_tick = move |v: &f64| numbers.number(*v, x_decimals);
    let y_tick = move |v: &f64| numbers.number(*v, y_decimals);
    let mut mesh = plot.configure_mesh();
    mesh.x_desc(x_label)
        .y_desc(y_label)
        .x_labels(6)
        .y_labels(6)
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .light_line_style(RGBColor(235, 238, 242))
        .x_label_formatter(&x_tick)
        .y_label_formatter(&y_tick);
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

/// Indonesian numbers: a decimal comma, thousands grouped by points.
#[cfg(test)]
pub(crate) const INDONESIAN: NumberFormat = NumberFormat {
    decimal: ',',
    group: '.',
};

/// The texts of an SVG chart that are numbers (its tick labels, and any other number it writes).
#[cfg(test)]
pub(crate) fn numbers_in(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|piece| {
            piece
                .rsplit_once('>')
                .map(|(_, text)| text.trim().to_string())
        })
        .filter(|text| {
            !text.is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,-".contains(c))
        })
        .collect()
}

/// Checks a chart's tick labels as the reader writes them: every number is Indonesian (a decimal
/// comma, points between thousands, never a decimal point), and the labels that have decimals
/// have the same count of them.
#[cfg(test)]
pub(crate) fn assert_indonesian_ticks(svg: &str, expected: &[&str]) {
    let numbers = numbers_in(svg);
    for label in expected {
        assert!(
            numbers.iter().any(|n| n == label),
            "no tick {label} in {numbers:?}"
        );
    }
    for number in &numbers {
        let fraction = number.split_once(',').map(|(_, f)| f);
        assert!(
            fraction.is_none_or(|f| f.chars().all(|c| c.is_ascii_digit())),
            "{number} is not written as Indonesian writes it"
        );
        if let Some((_, groups)) = number.split_once('.') {
            assert!(
                groups
                    .split(['.', ','])
                    .next()
                    .is_some_and(|g| g.len() == 3),
                "{number}: a decimal point, or thousands not in threes"
            );
        }
    }
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

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn numbers_follow_the_readers_language() {
        let english = NumberFormat::default();
        assert_eq!(INDONESIAN.number(1234.5, 1), "1.234,5");
        assert_eq!(english.number(1234.5, 1), "1,234.5");
        assert_eq!(english.number(20_000.0, 0), "20,000");
        assert_eq!(INDONESIAN.number(-0.0001, 2), "0,00");
        assert_eq!(INDONESIAN.number(-125.26, 1), "-125,3");
        assert_eq!(english.number(0.30000000000000004, 1), "0.3");
    }

    #[test]
    fn an_axis_writes_its_ticks_with_the_decimals_its_step_needs() {
        assert_eq!(tick_decimals(&(0.0..1.0)), 1);
        assert_eq!(tick_decimals(&(0.0..50_000.0)), 0);
        assert_eq!(tick_decimals(&(0.0..0.05)), 2);
    }
}
