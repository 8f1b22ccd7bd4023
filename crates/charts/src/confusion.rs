//! The confusion-matrix heatmap: one square per (true, predicted) pair, darker for more rows,
//! with the count written in it, class names along both axes.

use crate::palette::{blues, text_on_blues};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct ConfusionChart<'a> {
    /// Rows are true classes, columns predicted classes.
    pub counts: &'a [Vec<u64>],
    pub classes: &'a [String],
    /// Already translated axis titles.
    pub true_axis: &'a str,
    pub predicted_axis: &'a str,
}

/// Longest class name drawn in full; longer ones are cut with an ellipsis (the table beside the
/// chart always has the full names).
const MAX_LABEL_CHARS: usize = 12;

fn short(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// Draws `chart` over the whole `area`. `scale` is the device-pixel ratio: the backend is in
/// device pixels, so fonts and margins grow with it and stay sharp on high-density screens.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ConfusionChart,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let n = chart.classes.len();
    if n == 0 || chart.counts.len() != n || chart.counts.iter().any(|r| r.len() != n) {
        return Ok(());
    }
    let (width, height) = area.dim_in_pixel();
    let px = |v: f64| (v * scale).round() as i32;
    let font = px(13.0).max(1);
    let label_chars = chart
        .classes
        .iter()
        .map(|c| short(c).chars().count())
        .max()
        .unwrap_or(1) as f64;
    let left = px(24.0 + 7.5 * label_chars.min(MAX_LABEL_CHARS as f64));
    let top = px(44.0);
    let grid = (width as i32 - left - px(8.0))
        .min(height as i32 - top - px(8.0))
        .max(n as i32);
    let cell = grid / n as i32;
    let max = chart
        .counts
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let centred = Pos::new(HPos::Center, VPos::Center);
    let style =
        |size: i32, colour: RGBColor| ("sans-serif", size).into_font().color(&colour).pos(centred);
    let ink = RGBColor(33, 37, 41);

    area.draw(&Text::new(
        chart.predicted_axis.to_string(),
        (left + cell * n as i32 / 2, px(12.0)),
        style(font, ink),
    ))
    .map_err(err)?;
    area.draw(&Text::new(
        chart.true_axis.to_string(),
        (px(9.0), top + cell * n as i32 / 2),
        style(font, ink).transform(FontTransform::Rotate270),
    ))
    .map_err(err)?;
    for (i, class) in chart.classes.iter().enumerate() {
        let middle = cell * i as i32 + cell / 2;
        area.draw(&Text::new(
            short(class),
            (left + middle, px(32.0)),
            style(font, ink),
        ))
        .map_err(err)?;
        area.draw(&Text::new(
            short(class),
            (left - px(6.0), top + middle),
            ("sans-serif", font)
                .into_font()
                .color(&ink)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
    }
    for (row, counts) in chart.counts.iter().enumerate() {
        for (col, &count) in counts.iter().enumerate() {
            let t = count as f64 / max;
            let (x, y) = (left + cell * col as i32, top + cell * row as i32);
            area.draw(&Rectangle::new(
                [(x, y), (x + cell - 1, y + cell - 1)],
                blues(t).filled(),
            ))
            .map_err(err)?;
            area.draw(&Text::new(
                count.to_string(),
                (x + cell / 2, y + cell / 2),
                style((font * 5 / 4).min(cell / 2).max(1), text_on_blues(t)),
            ))
            .map_err(err)?;
        }
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(chart: &ConfusionChart, scale: f64) -> String {
        let mut out = String::new();
        {
            let backend = SVGBackend::with_string(&mut out, (400, 300));
            draw(&backend.into_drawing_area(), chart, scale).unwrap();
        }
        out
    }

    #[test]
    fn draws_a_square_and_a_count_per_cell_and_every_class_name() {
        let counts = vec![vec![12, 0, 0], vec![0, 11, 2], vec![0, 1, 12]];
        let classes = ["setosa", "versicolor", "virginica"].map(String::from);
        let chart = ConfusionChart {
            counts: &counts,
            classes: &classes,
            true_axis: "True class",
            predicted_axis: "Predicted class",
        };
        // The SVG writer puts each text's content on a line of its own.
        let out: String = svg(&chart, 1.0)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // The background plus nine cells.
        assert_eq!(out.matches("<rect").count(), 1 + 9);
        for text in ["True class", "Predicted class", "> 11 <", "> 2 <", "> 12 <"] {
            assert!(out.contains(text), "{text} missing");
        }
        assert_eq!(out.matches("> setosa <").count(), 2);
        // The largest count gets the darkest blue, an empty cell the lightest.
        assert!(out.contains("#08306B"), "{out}");
        assert!(out.contains("#F7FBFF"));
    }

    #[test]
    fn long_names_are_shortened_and_mismatched_input_draws_nothing() {
        assert_eq!(short("a very long class name"), "a very long…");
        let counts = vec![vec![1, 2]];
        let classes = ["a".to_string(), "b".to_string()];
        let chart = ConfusionChart {
            counts: &counts,
            classes: &classes,
            true_axis: "t",
            predicted_axis: "p",
        };
        assert_eq!(svg(&chart, 2.0).matches("<rect").count(), 1);
    }
}
