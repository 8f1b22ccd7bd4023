//! A finished learning curve: the validation and training scores of the model by the number of
//! rows it learned from, as a chart and as a table.

use super::charts::LearningCurveChart;
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::search::LearningDone;
use crate::notebook::NotebookState;
use latih_engine::tune::mean_std;
use latih_i18n::{format_count, format_decimal};
use leptos::prelude::*;

#[component]
pub fn LearningCurveResults(
    state: NotebookState,
    index: usize,
    done: LearningDone,
) -> impl IntoView {
    let i18n = use_i18n();
    let stale = super::changed_since(state, index, done.notebook.clone());
    let scoring_key = super::scoring_key(super::planned_scoring(state, index));
    let x: Vec<f64> = done.points.iter().map(|p| p.rows as f64).collect();
    let test: Vec<(f64, f64)> = done
        .points
        .iter()
        .map(|p| mean_std(&p.test_scores))
        .collect();
    let train: Vec<(f64, f64)> = done
        .points
        .iter()
        .map(|p| mean_std(&p.train_scores))
        .collect();
    let score = move |(mean, std): (f64, f64)| {
        if mean.is_nan() {
            "—".to_string()
        } else {
            format!(
                "{} ± {}",
                format_decimal(i18n.lang(), mean, 3),
                format_decimal(i18n.lang(), std, 3)
            )
        }
    };
    let caption = Signal::derive(move || {
        i18n.trf(
            "tune-learning-caption",
            &[("scoring", i18n.tr(scoring_key))],
        )
    });
    let rows = done
        .points
        .iter()
        .zip(test.iter().zip(&train))
        .map(|(point, (&test, &train))| {
            let n = point.rows;
            view! {
                <tr>
                    <th scope="row">{move || format_count(i18n.lang(), n)}</th>
                    <td>{move || score(test)}</td>
                    <td>{move || score(train)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Show when=stale>
            <p class="stale-note" role="status">{i18n.text("tune-stale")}</p>
        </Show>
        <TableScroll label=caption>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text("tune-learning-rows")}</th>
                        <th scope="col">{i18n.text("tune-curve-validation")}</th>
                        <th scope="col">{i18n.text("tune-curve-training")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        <LearningCurveChart x test train scoring_key />
    }
}
