//! Curves: a score against a hyperparameter (validation curve) or against the number of training
//! rows (learning curve), one line per series (validation, training) with its spread over the
//! folds (mean ± one standard deviation) as a shaded band; or a loss against the epoch.

use crate::palette::categorical;
use plotters::coord::Shift;
use plotters::prelude::*;

pub struct CurveSeries<'a> {
    /// Already translated, e.g. "Validation score".
    pub legend: String,
    pub mean: &'a [f64],
    pub std: &'a [f64],
}

pub struct CurveChart<'a> {
    /// The x of each point, ascending; every series has one mean and one std per x.
    pub x: &'a [f64],
    pub series: Vec<CurveSeries<'a>>,
    pub x_label: &'a str,
    pub y_label: &'a str,
    /// Spread the x axis logarithmically (for parameters searched on a log range).
    pub log_x: bool,
    /// The y values are scores, within [0, 1]; otherwise (a loss) the axis starts at 0 and goes
    /// as high as the values.
    pub scores: bool,
    /// How the reader writes the ticks' numbers.
    pub numbers: crate::NumberFormat,
}

/// The y range that shows every band with a little room, within [0, 1] for scores.
fn y_range(chart: &CurveChart) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for s in &chart.series {
        for (m, d) in s.mean.iter().zip(s.std) {
            if m.is_finite() && d.is_finite() {
                lo = lo.min(m - d);
                hi = hi.max(m + d);
            }
        }
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((hi - lo) * 0.1).max(0.01);
    if !chart.scores {
        return (0.0, hi + pad);
    }
    ((lo - pad).max(0.0), (hi + pad).min(1.0).max(lo + 0.02))
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &CurveChart,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let n = chart.x.len();
    let usable = n > 0
        && chart
            .x
            .iter()
            .all(|x| x.is_finite() && (!chart.log_x || *x > 0.0))
        && chart
            .series
            .iter()
            .all(|s| s.mean.len() == n && s.std.len() == n);
    if !usable {
        return Ok(());
    }
    let to_x = |x: f64| if chart.log_x { x.log10() } else { x };
    let (x_lo, x_hi) = (to_x(chart.x[0]), to_x(chart.x[n - 1]));
    // Dots mark the few points of a score curve; a loss curve of hundreds of epochs is a line.
    let dots = n <= 30;
    let x_pad = if x_hi > x_lo {
        (x_hi - x_lo) * 0.05
    } else {
        0.5
    };
    let (y_lo, y_hi) = y_range(chart);
    let px = |v: f64| (v * scale).round() as u32;
    let font = crate::font(px(13.0).max(1));
    let mut legend = Vec::new();
    let log_ticks = |x: &f64| format!("1e{}", x.round());
    let mut plot = crate::axes(
        area,
        ((x_lo - x_pad)..(x_hi + x_pad), y_lo..y_hi),
        (chart.x_label, chart.y_label),
        chart.log_x.then_some(&log_ticks as &dyn Fn(&f64) -> String),
        chart.numbers,
        &font,
        px,
    )?;
    for (i, series) in chart.series.iter().enumerate() {
        let colour = categorical(i);
        let points: Vec<(f64, f64, f64)> = chart
            .x
            .iter()
            .zip(series.mean.iter().zip(series.std))
            .filter(|(_, (m, d))| m.is_finite() && d.is_finite())
            .map(|(&x, (&m, &d))| (to_x(x), m, d))
            .collect();
        let band: Vec<(f64, f64)> = points
            .iter()
            .map(|&(x, m, d)| (x, m + d))
            .chain(points.iter().rev().map(|&(x, m, d)| (x, m - d)))
            .collect();
        if series.std.iter().any(|d| *d > 0.0) {
            plot.draw_series([Polygon::new(band, colour.mix(0.18).filled())])
                .map_err(err)?;
        }
        let style = colour.stroke_width(px(2.0).max(1));
        let line: Vec<(f64, f64)> = points.iter().map(|&(x, m, _)| (x, m)).collect();
        plot.draw_series(LineSeries::new(line.clone(), style))
            .map_err(err)?;
        legend.push((series.legend.clone(), style));
        if dots {
            plot.draw_series(
                line.into_iter()
                    .map(|p| Circle::new(p, px(3.0), colour.filled())),
            )
            .map_err(err)?;
        }
    }
    crate::draw_legend(&plot, &legend, &font, px)?;
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(chart: &CurveChart) -> String {
        crate::svg((400, 300), |area| draw(area, chart, 1.0))
    }

    #[test]
    fn each_series_is_a_line_with_points_and_a_band_and_a_legend() {
        let x = [2.0, 4.0, 8.0];
        let (test, test_std) = ([0.80, 0.90, 0.88], [0.02, 0.03, 0.02]);
        let (train, train_std) = ([0.82, 0.95, 1.0], [0.01, 0.01, 0.0]);
        let chart = CurveChart {
            x: &x,
            series: vec![
                CurveSeries {
                    legend: "Validation score".into(),
                    mean: &test,
                    std: &test_std,
                },
                CurveSeries {
                    legend: "Training score".into(),
                    mean: &train,
                    std: &train_std,
                },
            ],
            x_label: "max_depth",
            y_label: "Accuracy",
            numbers: crate::NumberFormat::default(),
            log_x: false,
            scores: true,
        };
        let out = svg(&chart);
        for text in [
            "Validation score",
            "Training score",
            "max_depth",
            "Accuracy",
        ] {
            assert!(out.contains(text), "{text} missing");
        }
        assert_eq!(out.matches("<polygon").count(), 2, "a band per series");
        assert_eq!(
            out.matches("<circle").count(),
            6,
            "a point per x per series"
        );
        assert!(out.matches("#0072B2").count() >= 3 && out.matches("#E69F00").count() >= 3);
    }

    #[test]
    fn log_axes_need_positive_x_and_mismatched_series_draw_nothing() {
        const X: [f64; 2] = [0.0, 1.0];
        const STD: [f64; 2] = [0.0, 0.0];
        let chart = |log_x, mean: &'static [f64]| CurveChart {
            x: &X,
            series: vec![CurveSeries {
                legend: "v".into(),
                mean,
                std: &STD,
            }],
            x_label: "x",
            y_label: "y",
            numbers: crate::NumberFormat::default(),
            log_x,
            scores: true,
        };
        assert_eq!(svg(&chart(true, &[0.5, 0.6])).matches("<circle").count(), 0);
        assert_eq!(svg(&chart(false, &[0.5])).matches("<circle").count(), 0);
        assert_eq!(
            svg(&chart(false, &[0.5, 0.6])).matches("<circle").count(),
            2
        );
    }

    #[test]
    fn a_loss_curve_rises_above_one_and_its_many_epochs_are_a_line_without_dots() {
        let x: Vec<f64> = (1..=200).map(f64::from).collect();
        let loss: Vec<f64> = x.iter().map(|e| 2.5 / e.sqrt()).collect();
        let zero = vec![0.0; x.len()];
        let chart = CurveChart {
            x: &x,
            series: vec![CurveSeries {
                legend: "Training loss".into(),
                mean: &loss,
                std: &zero,
            }],
            x_label: "Epoch",
            y_label: "Loss",
            numbers: crate::NumberFormat::default(),
            log_x: false,
            scores: false,
        };
        assert_eq!(
            y_range(&chart),
            (0.0, 2.5 + (2.5 - 2.5 / 200f64.sqrt()) * 0.1)
        );
        let out = svg(&chart);
        assert_eq!(out.matches("<circle").count(), 0);
        assert!(out.contains("<polyline"), "the loss is drawn as a line");
        // The y axis is labelled past 1: scores would have been cut at 1.
        assert!(out.contains("> 2.0 <"), "{out}");
        assert_eq!(out.matches("<polygon").count(), 0, "no spread, no band");
    }

    #[test]
    fn its_ticks_are_round_numbers_in_the_readers_language() {
        let x = [1_000.0, 2_000.0, 4_000.0, 8_000.0];
        let (mean, std) = ([0.71, 0.74, 0.78, 0.8], [0.0; 4]);
        let chart = CurveChart {
            x: &x,
            series: vec![CurveSeries {
                legend: "Skor validasi".into(),
                mean: &mean,
                std: &std,
            }],
            x_label: "baris",
            y_label: "akurasi",
            numbers: crate::INDONESIAN,
            log_x: false,
            scores: true,
        };
        crate::assert_indonesian_ticks(&svg(&chart), &["2.000", "4.000", "0,70", "0,74"]);
    }
}
