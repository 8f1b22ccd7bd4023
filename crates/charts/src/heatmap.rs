//! A heatmap of a table of numbers: one square per cell, darker for larger values (within
//! `range`), the cell's text written in it, labels along both axes. The confusion matrix and a
//! search's score over two hyperparameters are both drawn by it.

use crate::palette::{blues, text_on_blues};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub struct HeatmapChart<'a> {
    pub values: &'a [Vec<f64>],
    /// What each cell says (formatted by the caller in the reader's language).
    pub texts: &'a [Vec<String>],
    pub row_labels: &'a [String],
    pub column_labels: &'a [String],
    /// Already translated axis titles.
    pub row_axis: &'a str,
    pub column_axis: &'a str,
    /// The values that map to the lightest and the darkest colour.
    pub range: (f64, f64),
}

/// Longest label drawn in full; longer ones are cut with an ellipsis (the table beside the chart
/// always has the full names).
const MAX_LABEL_CHARS: usize = 12;

pub(crate) fn short(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// Draws `chart` over the whole `area`. `scale` is the device-pixel ratio: the backend is in
/// device pixels, so fonts and margins grow with it and stay sharp on high-density screens.
/// Input whose shapes disagree draws nothing but the background.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HeatmapChart,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(err)?;
    let (rows, columns) = (chart.row_labels.len(), chart.column_labels.len());
    let lengths = |table: Vec<usize>| table.len() == rows && table.iter().all(|&n| n == columns);
    let shaped = lengths(chart.values.iter().map(Vec::len).collect())
        && lengths(chart.texts.iter().map(Vec::len).collect());
    if rows == 0 || columns == 0 || !shaped {
        return Ok(());
    }
    let (width, height) = area.dim_in_pixel();
    let px = |v: f64| (v * scale).round() as i32;
    let font = px(13.0).max(1);
    let label_chars = chart
        .row_labels
        .iter()
        .map(|c| short(c).chars().count())
        .max()
        .unwrap_or(1) as f64;
    let left = px(24.0 + 7.5 * label_chars.min(MAX_LABEL_CHARS as f64));
    let top = px(44.0);
    let cell_w = ((width as i32 - left - px(8.0)) / columns as i32).max(1);
    let cell_h = ((height as i32 - top - px(8.0)) / rows as i32).max(1);
    let cell = cell_w.min(cell_h);
    let (lo, hi) = chart.range;
    let shade = |v: f64| {
        if v.is_finite() && hi > lo {
            ((v - lo) / (hi - lo)).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let centred = Pos::new(HPos::Center, VPos::Center);
    let style = |size: i32, colour: RGBColor| crate::font(size as u32).color(&colour).pos(centred);
    let ink = RGBColor(33, 37, 41);

    area.draw(&Text::new(
        chart.column_axis.to_string(),
        (left + cell * columns as i32 / 2, px(12.0)),
        style(font, ink),
    ))
    .map_err(err)?;
    area.draw(&Text::new(
        chart.row_axis.to_string(),
        (px(9.0), top + cell * rows as i32 / 2),
        style(font, ink).transform(FontTransform::Rotate270),
    ))
    .map_err(err)?;
    for (i, label) in chart.column_labels.iter().enumerate() {
        let middle = cell * i as i32 + cell / 2;
        area.draw(&Text::new(
            short(label),
            (left + middle, px(32.0)),
            style(font, ink),
        ))
        .map_err(err)?;
    }
    for (i, label) in chart.row_labels.iter().enumerate() {
        let middle = cell * i as i32 + cell / 2;
        area.draw(&Text::new(
            short(label),
            (left - px(6.0), top + middle),
            crate::font(font as u32)
                .color(&ink)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
    }
    for (row, (values, texts)) in chart.values.iter().zip(chart.texts).enumerate() {
        for (col, (&value, text)) in values.iter().zip(texts).enumerate() {
            let t = shade(value);
            let (x, y) = (left + cell * col as i32, top + cell * row as i32);
            area.draw(&Rectangle::new(
                [(x, y), (x + cell - 1, y + cell - 1)],
                blues(t).filled(),
            ))
            .map_err(err)?;
            // Short texts as large as a count in the confusion matrix; longer ones fit the cell.
            let size = (font * 5 / 4)
                .min(cell * 2 / (text.chars().count().max(4) as i32))
                .max(1);
            area.draw(&Text::new(
                text.clone(),
                (x + cell / 2, y + cell / 2),
                style(size, text_on_blues(t)),
            ))
            .map_err(err)?;
        }
    }
    area.present().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(short("a very long class name"), "a very long…");
        assert_eq!(short("setosa"), "setosa");
    }

    #[test]
    fn scores_shade_within_their_range_and_every_value_is_written() {
        let values = vec![vec![0.80, 0.90], vec![0.85, f64::NAN]];
        let texts = vec![
            vec!["0.800".to_string(), "0.900".to_string()],
            vec!["0.850".to_string(), "—".to_string()],
        ];
        let (rows, columns) = (["2", "4"].map(String::from), ["2", "10"].map(String::from));
        let chart = HeatmapChart {
            values: &values,
            texts: &texts,
            row_labels: &rows,
            column_labels: &columns,
            row_axis: "max_depth",
            column_axis: "min_samples_split",
            range: (0.80, 0.90),
        };
        let out = crate::svg((400, 300), |area| draw(area, &chart, 1.0));
        assert_eq!(out.matches("<rect").count(), 1 + 4);
        for text in [
            "max_depth",
            "min_samples_split",
            "> 0.900 <",
            "> — <",
            "> 10 <",
        ] {
            assert!(out.contains(text), "{text} missing");
        }
        // The best score gets the darkest blue; the worst and the missing the lightest.
        assert!(out.contains("#08306B"), "{out}");
        assert!(out.matches("#F7FBFF").count() >= 2);
    }
}
