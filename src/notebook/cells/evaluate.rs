//! The evaluate cell: accuracy, and the confusion matrix as a table and as a heatmap.

use super::show_output;
use crate::components::confusion_heatmap::ConfusionHeatmap;
use crate::components::score::Score;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, EvaluateOutput};
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn EvaluateCellView(state: NotebookState, index: usize) -> impl IntoView {
    show_output(state, index, move |output| match output {
        CellOutput::Evaluate(out) => Some(view! { <Evaluation out /> }.into_any()),
        _ => None,
    })
}

#[component]
fn Evaluation(out: EvaluateOutput) -> impl IntoView {
    let i18n = use_i18n();
    let accuracy = out.accuracy;
    let correct: u64 = (0..out.classes.len()).map(|i| out.confusion[i][i]).sum();
    let total = out.test_rows;
    let classes = out.classes.clone();
    let rows = out.confusion.clone();
    view! {
        <dl class="metrics">
            <Score label_key="out-accuracy" value=accuracy />
        </dl>
        <p>{move || i18n.trf("out-accuracy-explained", &[
            ("correct", format_count(i18n.lang(), correct as usize)),
            ("total", format_count(i18n.lang(), total)),
        ])}</p>
        <div class="table-scroll">
            <table class="confusion">
                <caption>{move || i18n.tr("out-confusion-caption")}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {classes.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .zip(classes.clone())
                        .map(|(row, class)| {
                            view! {
                                <tr>
                                    <th scope="row">{class}</th>
                                    {row.into_iter().map(|n| view! { <td>{move || format_count(i18n.lang(), n as usize)}</td> }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <ConfusionHeatmap counts=out.confusion classes=out.classes />
    }
}
