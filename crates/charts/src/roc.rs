//! ROC curves: one line per class (or one for a binary problem), the chance diagonal, the AUC in
//! the legend, and optionally the point of the current decision threshold. Precision–recall
//! curves are drawn the same way (x recall, y precision), without the diagonal.

use crate::palette::categorical;
use plotters::coord::Shift;
use plotters::prelude::*;

pub struct RocSeries<'a> {
    /// Already translated and formatted, e.g. "malignant (AUC 0.94)".
    pub legend: String,
    pub fpr: &'a [f64],
    pub tpr: &'a [f64],
}

pub struct RocChart<'a> {
    pub series: Vec<RocSeries<'a>>,
    /// The (false positive rate, true positive rate) of the chosen threshold, marked on the curve.
    pub point: Option<(f64, f64)>,
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// The dashed line of a classifier that guesses (ROC only).
    pub chance_diagonal: bool,
    /// How the reader writes the ticks' numbers.
    pub numbers: crate::NumberFormat,
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &RocChart,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let px = |v: f64| (v * scale).round() as u32;
    let font = crate::font(px(13.0).max(1));
    let mut legend = Vec::new();
    let mut plot = crate::axes(
        area,
        (0.0..1.0, 0.0..1.0),
        (chart.x_label, chart.y_label),
        None,
        chart.numbers,
        &font,
        px,
    )?;
    let grey = RGBColor(150, 150, 150);
    if chart.chance_diagonal {
        plot.draw_series(DashedLineSeries::new(
            [(0.0, 0.0), (1.0, 1.0)],
            px(6.0),
            px(4.0),
            grey.stroke_width(px(1.0).max(1)),
        ))
        .map_err(err)?;
    }
    for (i, series) in chart.series.iter().enumerate() {
        let colour = categorical(i);
        let style = colour.stroke_width(px(2.0).max(1));
        let points: Vec<(f64, f64)> = series
            .fpr
            .iter()
            .zip(series.tpr)
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|(&x, &y)| (x, y))
            .collect();
        plot.draw_series(LineSeries::new(points, style))
            .map_err(err)?;
        legend.push((series.legend.clone(), style));
    }
    if let Some((x, y)) = chart.point {
        plot.draw_series([Circle::new((x, y), px(5.0), BLACK.filled())])
            .map_err(err)?;
    }
    crate::draw_legend(&plot, &legend, &font, px)?;
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(chart: &RocChart) -> String {
        crate::svg((400, 320), |area| draw(area, chart, 1.0))
    }

    #[test]
    fn one_line_per_class_with_its_auc_in_the_legend_and_the_threshold_point() {
        let (fpr, tpr) = ([0.0, 0.1, 1.0], [0.0, 0.8, 1.0]);
        let (fpr2, tpr2) = ([0.0, 0.5, 1.0], [0.0, 0.6, 1.0]);
        let series = || {
            vec![
                RocSeries {
                    legend: "setosa (AUC 0.95)".into(),
                    fpr: &fpr,
                    tpr: &tpr,
                },
                RocSeries {
                    legend: "virginica (AUC 0.55)".into(),
                    fpr: &fpr2,
                    tpr: &tpr2,
                },
            ]
        };
        let chart = RocChart {
            series: series(),
            point: Some((0.1, 0.8)),
            chance_diagonal: true,
            x_label: "False positive rate",
            y_label: "True positive rate",
            numbers: crate::NumberFormat::default(),
        };
        let out = svg(&chart);
        for text in [
            "setosa (AUC 0.95)",
            "virginica (AUC 0.55)",
            "False positive rate",
            "True positive rate",
        ] {
            assert!(out.contains(text), "{text} missing");
        }
        // The two class colours appear (line and legend swatch), and the threshold's dot.
        assert!(out.matches("#0072B2").count() >= 2, "first class colour");
        assert!(out.matches("#E69F00").count() >= 2, "second class colour");
        assert_eq!(out.matches("<circle").count(), 1);

        let without_point = svg(&RocChart {
            series: series(),
            point: None,
            chance_diagonal: true,
            ..chart
        });
        assert_eq!(without_point.matches("<circle").count(), 0);
        // The grey chance diagonal is there for ROC, and gone for a precision–recall chart.
        let grey_lines = |svg: &str| {
            svg.matches("stroke=\"#969696\" stroke-width=\"1\" points")
                .count()
        };
        assert!(grey_lines(&without_point) > 0);
        let pr = svg(&RocChart {
            series: series(),
            point: None,
            chance_diagonal: false,
            ..chart
        });
        assert_eq!(grey_lines(&pr), 0);
    }

    #[test]
    fn its_ticks_are_tenths_in_the_readers_language() {
        let (fpr, tpr) = ([0.0, 0.2, 1.0], [0.0, 0.7, 1.0]);
        let chart = RocChart {
            series: vec![RocSeries {
                legend: "ya".into(),
                fpr: &fpr,
                tpr: &tpr,
            }],
            point: None,
            chance_diagonal: false,
            x_label: "x",
            y_label: "y",
            numbers: crate::INDONESIAN,
        };
        crate::assert_indonesian_ticks(&svg(&chart), &["0,0", "0,2", "0,6", "1,0"]);
    }
}
