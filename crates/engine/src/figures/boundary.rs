//! A decision boundary: the plane of two features, each small square coloured by the class a
//! model predicts there, with the training rows on top (scikit-learn's
//! `DecisionBoundaryDisplay`). The squares of a row that predict the same class are one
//! rectangle, so the image stays small.

use super::{class_colour, document, escaped, shortened, trimmed};
use std::fmt::Write;

/// Squares along each axis.
pub const GRID: usize = 80;
/// Training rows drawn at most (evenly spaced through them).
pub const DRAWN_ROWS: usize = 600;

const PLOT: f64 = 420.0;
const LEFT: f64 = 64.0;
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
    for tick in 0..=4 {
        let share = f64::from(tick) / 4.0;
        let (along_x, along_y) = (LEFT + share * PLOT, TOP + PLOT - share * PLOT);
        let _ = write!(
            svg,
            "<text x=\"{along_x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            TOP + PLOT + 16.0,
            trimmed(x.low + share * (x.high - x.low)),
            LEFT - 6.0,
            along_y + 4.0,
            trimmed(y.low + share * (y.high - y.low)),
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
