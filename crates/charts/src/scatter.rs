//! Two columns against each other: a dot per row, coloured by its class, with a legend of the
//! classes.

use crate::palette::categorical;
use plotters::coord::Shift;
use plotters::prelude::*;

pub struct ScatterChart<'a> {
    /// x, y and the class index of each point.
    pub points: &'a [(f64, f64, u32)],
    /// The classes' names, for the legend; empty draws every point in the first colour.
    pub classes: &'a [String],
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// A line to read the points against.
    pub line: Option<Reference>,
    /// How the reader writes the ticks' numbers.
    pub numbers: crate::NumberFormat,
}

/// Where a prediction is right: on the diagonal y = x (predicted against actual), or on y = 0
/// (residuals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Diagonal,
    Zero,
}

/// The range of `values` with a little room each side (a unit around a single value).
fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let pad = if hi > lo { (hi - lo) * 0.05 } else { 0.5 };
    (lo - pad, hi + pad)
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ScatterChart,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let finite = |&&(x, y, _): &&(f64, f64, u32)| x.is_finite() && y.is_finite();
    if !chart.points.iter().any(|p| finite(&p)) {
        return Ok(());
    }
    let points = || chart.points.iter().filter(finite);
    let (x_lo, x_hi) = padded(points().map(|p| p.0));
    let (y_lo, y_hi) = padded(points().map(|p| p.1));
    let px = |v: f64| (v * scale).round() as u32;
    let font = crate::font(px(13.0).max(1));
    let mut plot = crate::axes(
        area,
        (x_lo..x_hi, y_lo..y_hi),
        (chart.x_label, chart.y_label),
        None,
        chart.numbers,
        &font,
        px,
    )?;
    let ends = match chart.line {
        Some(Reference::Diagonal) => {
            let (lo, hi) = (x_lo.max(y_lo), x_hi.min(y_hi));
            Some([(lo, lo), (hi, hi)])
        }
        Some(Reference::Zero) => Some([(x_lo, 0.0), (x_hi, 0.0)]),
        None => None,
    };
    if let Some(ends) = ends {
        let style = BLACK.mix(0.5).stroke_width(px(1.5).max(1));
        plot.draw_series(LineSeries::new(ends, style))
            .map_err(err)?;
    }
    let radius = px(3.0).max(1);
    plot.draw_series(points().map(|&(x, y, class)| {
        Circle::new(
            (x, y),
            radius,
            categorical(class as usize).mix(0.75).filled(),
        )
    }))
    .map_err(err)?;
    let legend: Vec<(String, ShapeStyle)> = chart
        .classes
        .iter()
        .enumerate()
        .map(|(i, name)| (name.clone(), categorical(i).stroke_width(px(4.0).max(1))))
        .collect();
    crate::draw_legend(&plot, &legend, &font, px)?;
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_per_point_in_its_class_colour_with_a_legend() {
        let points = [(1.0, 2.0, 0), (3.0, 1.0, 1), (2.0, f64::NAN, 1)];
        let classes = ["Adelie".to_string(), "Gentoo".to_string()];
        let chart = ScatterChart {
            points: &points,
            classes: &classes,
            x_label: "bill_length_mm",
            line: None,
            y_label: "body_mass_g",
            numbers: crate::NumberFormat::default(),
        };
        let out = crate::svg((400, 300), |area| draw(area, &chart, 1.0));
        for text in ["Adelie", "Gentoo", "bill_length_mm", "body_mass_g"] {
            assert!(out.contains(text), "{text} missing");
        }
        assert_eq!(
            out.matches("<circle").count(),
            2,
            "a missing value is no dot"
        );
        assert!(out.contains("#0072B2") && out.contains("#E69F00"));
        let empty = ScatterChart {
            points: &[],
            ..chart
        };
        let out = crate::svg((400, 300), |area| draw(area, &empty, 1.0));
        assert!(!out.contains("<circle"));
    }

    #[test]
    fn a_reference_line_is_drawn_only_when_asked() {
        let points = [(1.0, -2.0, 0), (3.0, 1.0, 0), (2.0, 0.5, 0)];
        let lines = |line| {
            let chart = ScatterChart {
                points: &points,
                classes: &[],
                x_label: "predicted",
                y_label: "residual",
                numbers: crate::NumberFormat::default(),
                line,
            };
            crate::svg((400, 300), |area| draw(area, &chart, 1.0))
                .matches("<polyline")
                .count()
        };
        let without = lines(None);
        assert_eq!(lines(Some(Reference::Zero)), without + 1);
        assert_eq!(lines(Some(Reference::Diagonal)), without + 1);
    }

    #[test]
    fn its_ticks_are_round_numbers_in_the_readers_language() {
        let points = [(0.0, 0.0, 0), (48_500.0, 1.0, 0), (21_000.0, 0.4, 0)];
        let chart = ScatterChart {
            points: &points,
            classes: &[],
            x_label: "income",
            y_label: "share",
            line: None,
            numbers: crate::INDONESIAN,
        };
        let out = crate::svg((400, 300), |area| draw(area, &chart, 1.0));
        crate::assert_indonesian_ticks(&out, &["20.000", "40.000", "0,2", "0,4"]);
        assert!(
            !out.contains("48500") && !out.contains("20000"),
            "a raw number as a tick"
        );
    }
}
