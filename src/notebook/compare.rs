//! Every evaluated model of the notebook side by side, sortable by any score, with the best of
//! each column marked (in words too, for screen readers). Models that predict numbers are
//! compared by their own scores, where the errors are best when lowest.

use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::cells::model_key;
use crate::notebook::NotebookState;
use latih_engine::notebook::CellOutput;
use latih_i18n::format_decimal;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Row {
    /// The train cell of the model, which names the row.
    model_cell: usize,
    model_key: &'static str,
    scores: [Option<f64>; 4],
}

/// The columns of classifiers: label key and which score.
const CLASSIFIER_COLUMNS: [&str; 4] = [
    crate::key!("out-accuracy"),
    crate::key!("out-balanced-accuracy"),
    crate::key!("out-f1-macro"),
    crate::key!("out-roc-auc"),
];

/// The columns of regression models; the two errors (1 and 2) are best when lowest.
const REGRESSION_COLUMNS: [&str; 4] = [
    crate::key!("out-r2"),
    crate::key!("out-mae"),
    crate::key!("out-rmse"),
    crate::key!("out-explained-variance"),
];

/// A score made comparable: higher is better in every column.
fn goodness(regression: bool, column: usize, score: f64) -> f64 {
    if regression && (column == 1 || column == 2) {
        -score
    } else {
        score
    }
}

#[component]
pub fn ModelComparison(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    // (column, descending); None keeps the notebook's order.
    let sort = RwSignal::new(None::<(usize, bool)>);
    // The task of the last evaluation: its models are the ones compared.
    let regression = Memo::new(move |_| {
        state.outputs.with(|outputs| {
            outputs.iter().rev().find_map(|output| match output {
                Ok(CellOutput::Evaluate(_)) => Some(false),
                Ok(CellOutput::EvaluateRegression(_)) => Some(true),
                _ => None,
            })
        }) == Some(true)
    });
    let columns = move || {
        if regression.get() {
            REGRESSION_COLUMNS
        } else {
            CLASSIFIER_COLUMNS
        }
    };
    let rows = Memo::new(move |_| {
        let outputs = state.outputs.get();
        let regression = regression.get();
        state.doc.with(|nb| {
            outputs
                .iter()
                .enumerate()
                .filter_map(|(cell, output)| {
                    let scores = match output {
                        Ok(CellOutput::Evaluate(e)) if !regression => [
                            Some(e.accuracy),
                            Some(e.balanced_accuracy),
                            Some(e.report.macro_avg.f1),
                            e.roc.as_ref().ok().map(|r| r.auc),
                        ],
                        Ok(CellOutput::EvaluateRegression(r)) if regression => [
                            Some(r.r2),
                            Some(r.mae),
                            Some(r.rmse),
                            Some(r.explained_variance),
                        ],
                        _ => return None,
                    };
                    Some(Row {
                        model_cell: nb.model_above(cell).map_or(cell, |(i, _)| i),
                        model_key: nb.model_above(cell).map_or("", |(_, spec)| model_key(spec)),
                        scores,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let sorted = move || {
        let mut rows = rows.get();
        if let Some((column, descending)) = sort.get() {
            rows.sort_by(|a, b| {
                let key = |r: &Row| r.scores[column].unwrap_or(f64::NEG_INFINITY);
                let order = key(a).total_cmp(&key(b));
                if descending {
                    order.reverse()
                } else {
                    order
                }
            });
        }
        rows
    };
    let best = move |column: usize| {
        let regression = regression.get_untracked();
        rows.with(|rows| {
            rows.iter()
                .filter_map(|r| r.scores[column])
                .map(|s| goodness(regression, column, s))
                .fold(f64::NEG_INFINITY, f64::max)
        })
    };
    let header = move |column: usize| {
        let aria_sort = move || match sort.get() {
            Some((c, true)) if c == column => "descending",
            Some((c, false)) if c == column => "ascending",
            _ => "none",
        };
        let toggle = move |_| {
            sort.update(|s| {
                *s = match *s {
                    Some((c, true)) if c == column => Some((column, false)),
                    _ => Some((column, true)),
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=toggle>{move || i18n.tr(columns()[column])}</button>
            </th>
        }
    };
    view! {
        <Show when=move || rows.with(|r| r.len() >= 2)>
            <section class="compare" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{i18n.text("compare-heading")}</h2>
                <p>{i18n.text("compare-intro")}</p>
                <TableScroll label=Signal::derive(i18n.text("compare-caption"))>
                    <table class="comparison">
                        <caption>{i18n.text("compare-caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{i18n.text("compare-model")}</th>
                                {(0..CLASSIFIER_COLUMNS.len()).map(header).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                sorted()
                                    .into_iter()
                                    .map(|row| {
                                        let name = move || {
                                            i18n.trf("compare-model-name", &[
                                                ("cell", (row.model_cell + 1).to_string()),
                                                ("model", i18n.tr(row.model_key)),
                                            ])
                                        };
                                        let cells = row.scores.into_iter().enumerate().map(|(column, score)| {
                                            let regression = regression.get_untracked();
                                            let is_best = score.is_some_and(|s| goodness(regression, column, s) == best(column));
                                            let shown = move || score.map_or("—".to_string(), |s| format_decimal(i18n.lang(), s, 3));
                                            view! {
                                                <td class:best=is_best>
                                                    {shown}
                                                    {is_best.then(|| view! { <span class="best-mark">" ★"<span class="visually-hidden">{i18n.text("compare-best")}</span></span> })}
                                                </td>
                                            }
                                        });
                                        view! { <tr><th scope="row">{name}</th>{cells.collect_view()}</tr> }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </TableScroll>
            </section>
        </Show>
    }
}
