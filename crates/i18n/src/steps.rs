//! What the cleaning steps did, in words, for the app's steps cell and the command line alike.

use crate::{format_count, format_number, tf, Lang};
use latih_engine::notebook::StepsOutput;
use latih_engine::prep::StepReport;

/// One step's effect: rows and columns before and after, cells changed, and what it learned.
pub fn step_report_lines(lang: Lang, report: &StepReport) -> Vec<String> {
    let n = |x: usize| format_count(lang, x);
    let mut lines = vec![tf(
        lang,
        "out-step-rows",
        &[
            ("before", n(report.rows_before)),
            ("after", n(report.rows_after)),
            ("columns_before", n(report.columns_before)),
            ("columns_after", n(report.columns_after)),
            ("cells", n(report.cells_changed)),
        ],
    )];
    if report.made_missing > 0 {
        lines.push(tf(
            lang,
            "out-step-made-missing",
            &[("count", n(report.made_missing))],
        ));
    }
    if !report.learned.is_empty() {
        let values: Vec<String> = report
            .learned
            .iter()
            .map(|(column, value)| format!("{column} = {}", format_number(lang, *value)))
            .collect();
        lines.push(tf(
            lang,
            "out-step-learned",
            &[("values", values.join(", "))],
        ));
    }
    lines
}

/// The table after every step.
pub fn steps_summary_text(lang: Lang, output: &StepsOutput) -> String {
    tf(
        lang,
        "out-steps-after",
        &[
            ("train", format_count(lang, output.train_rows)),
            ("test", format_count(lang, output.test_rows)),
            ("columns", output.columns.join(", ")),
        ],
    )
}
