//! A decision boundary: the plane of two features, each small square coloured by the class a
//! model predicts there, with the training rows on top (scikit-learn's
//! `DecisionBoundaryDisplay`). The squares of a row that predict the same class are one
//! rectangle, so the image stays small.

use super::{class_colour, document, escaped, nice_ticks, shortened};
use std::fmt::Write;

/// Squares along each axis.
pub const GRID: usize = 80;
/// Training rows drawn at most (evenly spaced through them).
pub const DRAWN_ROWS: usize = 600;

const PLOT: f64 = 420.0;
/// Room left of the plot for the vertical axis's title; its tick labels' width comes on top.
const TITLE_ROOM: f64 = 26.0;
/// A tick label's character, wide enough for digits at 12 px.
const CHAR_WIDTH: f64 = 7.5;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 48.0;
const LEGEND_LINE: f64 = 18.0;
const NAME_CHARS: usize = 28;

/// An axis: its name and the range it spans.
pub struct Axis<'a> {
    pub name: &'a str,
    pub low: f64,
    pub high: f64,
}

impl Axis<'_> {
    /// The value at the middle of square `i` of the grid.
    pub fn at(&self, i: usize) -> f64 {
        self.low + (self.high - self.low) * (i as f64 + 0.5) / GRID as f64
    }

    fn position(&self, value: f64) -> f64 {
        (value - self.low) / (self.high - self.low) * PLOT
    }
}

/// The range of `values` with 5 % to spare on each side (1 either side of a constant).
pub fn padded(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !(low.is_finite() && high.is_finite()) {
        return (0.0, 1.0);
    }
    let pad = if high > low { (high - low) * 0.05 } else { 1.0 };
    (low - pad, high + pad)
}

/// The drawing: `predicted[row][column]` is the class at grid square (column along x, row along
/// y, from the bottom); `points` are training rows (x, y, class).
pub fn drawing(
    x: &Axis,
    y: &Axis,
    predicted: &[Vec<u32>],
    points: &[(f64, f64, u32)],
    classes: &[String],
) -> String {
    let (x_ticks, y_ticks) = (nice_ticks(x.low, x.high, 5), nice_ticks(y.low, y.high, 5));
    // The vertical title stays clear of the widest tick label.
    let widest = y_ticks
        .iter()
        .map(|(_, l)| l.chars().count())
        .max()
        .unwrap_or(1);
    #[allow(non_snake_case)]
    let LEFT = TITLE_ROOM + 8.0 + widest as f64 * CHAR_WIDTH;
    let legend_rows = classes.len().div_ceil(3);
    let width = LEFT + PLOT + 28.0;
    let height = TOP + PLOT + BOTTOM + LEGEND_LINE * legend_rows as f64;
    let mut svg = document(width, height);
    let square = PLOT / GRID as f64;
    let _ = write!(
        svg,
        "<g shape-rendering=\"crispEdges\" fill-opacity=\"0.35\">"
    );
    for (row, classes_in_row) in predicted.iter().enumerate() {
        let top = TOP + PLOT - (row as f64 + 1.0) * square;
        let mut start = 0;
        while start < classes_in_row.len() {
            let class = classes_in_row[start];
            let end = (start..classes_in_row.len())
                .find(|&c| classes_in_row[c] != class)
                .unwrap_or(classes_in_row.len());
            let _ = write!(
                svg,
                "<rect x=\"{:.2}\" y=\"{top:.2}\" width=\"{:.2}\" height=\"{square:.2}\" fill=\"{}\"/>",
                LEFT + start as f64 * square,
                (end - start) as f64 * square,
                class_colour(class as usize)
            );
            start = end;
        }
    }
    svg.push_str("</g>");
    let step = points.len().div_ceil(DRAWN_ROWS).max(1);
    for &(px, py, class) in points.iter().step_by(step) {
        let _ = write!(
            svg,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{}\" stroke=\"#212529\" stroke-width=\"0.6\"/>",
            LEFT + x.position(px),
            TOP + PLOT - y.position(py),
            class_colour(class as usize)
        );
    }
    let _ = write!(
        svg,
        "<rect x=\"{LEFT}\" y=\"{TOP}\" width=\"{PLOT}\" height=\"{PLOT}\" fill=\"none\" stroke=\"#495057\"/>"
    );
    for (value, label) in &x_ticks {
        let along = LEFT + x.position(*value);
        let _ = write!(
            svg,
            "<line x1=\"{along:.1}\" x2=\"{along:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#495057\"/>\
             <text class=\"tick\" x=\"{along:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{label}</text>",
            TOP + PLOT,
            TOP + PLOT + 4.0,
            TOP + PLOT + 16.0,
        );
    }
    for (value, label) in &y_ticks {
        let along = TOP + PLOT - y.position(*value);
        let _ = write!(
            svg,
            "<line x1=\"{:.1}\" x2=\"{LEFT:.1}\" y1=\"{along:.1}\" y2=\"{along:.1}\" stroke=\"#495057\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{label}</text>",
            LEFT - 4.0,
            LEFT - 6.0,
            along + 4.0,
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
         <text transform=\"translate(14 {:.1}) rotate(-90)\" text-anchor=\"middle\">{}</text>",
        LEFT + PLOT / 2.0,
        TOP + PLOT + 36.0,
        escaped(&shortened(x.name, NAME_CHARS)),
        TOP + PLOT / 2.0,
        escaped(&shortened(y.name, NAME_CHARS)),
    );
    for (i, class) in classes.iter().enumerate() {
        let (column, row) = (i % 3, i / 3);
        let (left, top) = (
            LEFT + column as f64 * PLOT / 3.0,
            TOP + PLOT + BOTTOM + row as f64 * LEGEND_LINE,
        );
        let _ = write!(
            svg,
            "<rect x=\"{left:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            top - 10.0,
            class_colour(i),
            left + 16.0,
            top,
            escaped(&shortened(class, 18))
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 22: the axes a new user met printed raw extremes (`-125.134`, `76045.768`), and
    /// the vertical title overlapped the tick labels.
    #[test]
    fn the_axes_show_round_ticks_and_the_title_stays_clear_of_them() {
        let x = Axis {
            name: "balance",
            low: -125.134,
            high: 563.104,
        };
        let y = Axis {
            name: "income",
            low: 0.0,
            high: 76045.768,
        };
        let predicted = vec![vec![0u32; GRID]; GRID];
        let svg = drawing(&x, &y, &predicted, &[(10.0, 20.0, 0)], &["a".into()]);
        let labels: Vec<&str> = svg
            .split("<text ")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .map(|(_, rest)| rest.split('<').next().unwrap_or(""))
            })
            .collect();
        for wanted in ["−100", "0", "500", "20\u{2009}000", "60\u{2009}000"] {
            assert!(labels.contains(&wanted), "{wanted} not in {labels:?}");
        }
        assert!(
            !svg.contains("563.104") && !svg.contains("76045"),
            "raw extremes shown"
        );
        // The widest y label ends at LEFT − 6 and starts at most its width before that: right
        // of the vertical title (at 14, rotated, about 12 px tall).
        let widest = "60\u{2009}000".chars().count() as f64 * CHAR_WIDTH;
        let left = TITLE_ROOM + 8.0 + widest;
        assert!(
            svg.contains(&format!("x=\"{:.1}\" y=", left - 6.0)),
            "{svg}"
        );
        assert!(left - 6.0 - widest >= 14.0 + 12.0);
    }
}
