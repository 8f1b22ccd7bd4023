//! The confusion-matrix heatmap: one square per (true, predicted) pair, darker for more rows,
//! with the count written in it, class names along both axes. Drawn by [`crate::heatmap`].

use crate::heatmap::{self, HeatmapChart};
use plotters::coord::Shift;
use plotters::prelude::*;

pub struct ConfusionChart<'a> {
    /// Rows are true classes, columns predicted classes.
    pub counts: &'a [Vec<u64>],
    pub classes: &'a [String],
    /// Already translated axis titles.
    pub true_axis: &'a str,
    pub predicted_axis: &'a str,
    /// How the reader writes the counts (thousands grouped).
    pub numbers: crate::NumberFormat,
}

/// Draws `chart` over the whole `area`; `scale` is the device-pixel ratio.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ConfusionChart,
    scale: f64,
) -> Result<(), String> {
    let values: Vec<Vec<f64>> = chart
        .counts
        .iter()
        .map(|row| row.iter().map(|&c| c as f64).collect())
        .collect();
    let texts: Vec<Vec<String>> = chart
        .counts
        .iter()
        .map(|row| {
            row.iter()
                .map(|&c| chart.numbers.number(c as f64, 0))
                .collect()
        })
        .collect();
    let max = values.iter().flatten().copied().fold(1.0, f64::max);
    heatmap::draw(
        area,
        &HeatmapChart {
            values: &values,
            texts: &texts,
            row_labels: chart.classes,
            column_labels: chart.classes,
            row_axis: chart.true_axis,
            column_axis: chart.predicted_axis,
            range: (0.0, max),
        },
        scale,
    )
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
            numbers: crate::NumberFormat::default(),
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
    fn mismatched_input_draws_nothing() {
        let counts = vec![vec![1, 2]];
        let classes = ["a".to_string(), "b".to_string()];
        let chart = ConfusionChart {
            counts: &counts,
            classes: &classes,
            true_axis: "t",
            predicted_axis: "p",
            numbers: crate::NumberFormat::default(),
        };
        assert_eq!(svg(&chart, 2.0).matches("<rect").count(), 1);
    }

    #[test]
    fn counts_are_grouped_as_the_reader_writes_them() {
        let counts = vec![vec![12_345, 7], vec![980, 1_002]];
        let classes = ["no", "yes"].map(String::from);
        let chart = ConfusionChart {
            counts: &counts,
            classes: &classes,
            true_axis: "Kelas sebenarnya",
            predicted_axis: "Kelas prediksi",
            numbers: crate::INDONESIAN,
        };
        crate::assert_indonesian_ticks(&svg(&chart, 1.0), &["12.345", "7", "980", "1.002"]);
    }
}
