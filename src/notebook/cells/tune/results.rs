//! A finished search: the best candidate (with a button that puts it into the model's cell) and
//! every candidate's cross-validation results in a sortable table, as `cv_results_` has them.

use super::charts::{ScoreGridChart, ValidationCurveChart};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::search::SearchDone;
use crate::notebook::NotebookState;
use latih_engine::notebook::TrainCell;
use latih_engine::tune::{best, score_grid, validation_curve, CvRow};
use latih_i18n::{candidate_text, format_decimal, format_number};
use leptos::prelude::*;

/// A sortable column: its label key, and the value each row sorts by.
type Column = (&'static str, fn(&CvRow) -> f64);

const COLUMNS: [Column; 4] = [
    (crate::key!("tune-col-rank"), |r| r.rank as f64),
    (crate::key!("tune-col-mean"), |r| r.mean_test_score),
    (crate::key!("tune-col-train"), |r| r.mean_train_score),
    (crate::key!("tune-col-fit"), |r| r.mean_fit_ms),
];

#[component]
pub fn SearchResults(state: NotebookState, index: usize, done: SearchDone) -> impl IntoView {
    let i18n = use_i18n();
    let SearchDone {
        results,
        rows,
        notebook,
        applied,
    } = done;
    let stale = super::changed_since(state, index, notebook.clone());
    let scoring = super::planned_scoring(state, index);
    let model_cell = notebook.model_above(index).map(|(i, _)| i);
    let best_index = best(&rows);
    let best_line = best_index.map(|i| {
        let (candidate, row) = (results[i].candidate.clone(), rows[i].clone());
        move || {
            i18n.trf(
                "tune-best",
                &[
                    ("params", candidate_text(i18n.lang(), &candidate)),
                    ("score", format_decimal(i18n.lang(), row.mean_test_score, 3)),
                    ("std", format_decimal(i18n.lang(), row.std_test_score, 3)),
                ],
            )
        }
    });
    let use_best = best_index.zip(model_cell).and_then(|(i, cell)| {
        let candidate = results[i].candidate.clone();
        (!candidate.values.is_empty()).then(|| {
            let apply = move |_| {
                state.edit(cell, |train: &mut TrainCell| {
                    for &(param, value) in &candidate.values {
                        // The value was scored, so it is valid for this model.
                        let _ = param.apply(&mut train.model, value);
                    }
                });
                state.mark_best_applied(index);
                // The train cell's form shows its values as they now are.
                state.layout.update(|n| *n = n.wrapping_add(1));
            };
            view! {
                <button type="button" on:click=apply>
                    {move || i18n.trf("tune-use-best", &[("cell", (cell + 1).to_string())])}
                </button>
            }
        })
    });
    let failed = results.iter().find_map(|r| r.error.clone()).map(|error| {
        move || {
            i18n.trf(
                "tune-candidate-error",
                &[("reason", latih_i18n::error_message(i18n.lang(), &error))],
            )
        }
    });

    // Sorted by rank to start; a header button sorts by its column, again to reverse.
    let sort = RwSignal::new((0usize, false));
    let params: Vec<&'static str> = results
        .first()
        .map(|r| r.candidate.values.iter().map(|(p, _)| p.name()).collect())
        .unwrap_or_default();
    let order = {
        let rows = rows.clone();
        move || {
            let (column, descending) = sort.get();
            let key = COLUMNS[column].1;
            let mut order: Vec<usize> = (0..rows.len()).collect();
            order.sort_by(|&a, &b| {
                // NaN (a failed candidate) sorts last either way.
                let (ka, kb) = (key(&rows[a]), key(&rows[b]));
                let by = match (ka.is_nan(), kb.is_nan()) {
                    (true, false) => return std::cmp::Ordering::Greater,
                    (false, true) => return std::cmp::Ordering::Less,
                    _ => ka.total_cmp(&kb),
                };
                if descending {
                    by.reverse()
                } else {
                    by
                }
            });
            order
        }
    };
    let header = move |column: usize| {
        let aria_sort = move || match sort.get() {
            (c, true) if c == column => "descending",
            (c, false) if c == column => "ascending",
            _ => "none",
        };
        let toggle = move |_| {
            sort.update(|s| {
                *s = if s.0 == column {
                    (column, !s.1)
                } else {
                    // Scores read best first; rank and time smallest first.
                    (column, column == 1 || column == 2)
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="sort" on:click=toggle>{i18n.text(COLUMNS[column].0)}</button>
            </th>
        }
    };
    let scoring_key = super::scoring_key(scoring);
    let more_params = params.len() > 2;
    let charts = match (
        validation_curve(&results, &rows),
        score_grid(&results, &rows),
    ) {
        (Some(curve), _) => Some(view! { <ValidationCurveChart curve scoring_key /> }.into_any()),
        (None, Some(grid)) => {
            Some(view! { <ScoreGridChart grid scoring_key more_params /> }.into_any())
        }
        _ => None,
    };
    let score = move |v: f64| {
        if v.is_nan() {
            "—".to_string()
        } else {
            format_decimal(i18n.lang(), v, 3)
        }
    };
    let caption = Signal::derive(move || {
        i18n.trf("tune-results-caption", &[("scoring", i18n.tr(scoring_key))])
    });
    let body = move || {
        order()
            .into_iter()
            .map(|i| {
                let row = rows[i].clone();
                let values = results[i].candidate.values.clone();
                let folds: Vec<f64> = results[i].test_scores.clone();
                let is_best = Some(i) == best_index;
                view! {
                    <tr class:best=is_best>
                        <td>{row.rank}{is_best.then_some(" ★")}</td>
                        {values.into_iter().map(|(_, v)| view! { <td>{move || format_number(i18n.lang(), v)}</td> }).collect_view()}
                        <td>{move || score(row.mean_test_score)}" ± "{move || score(row.std_test_score)}</td>
                        <td>{move || score(row.mean_train_score)}</td>
                        <td>{move || i18n.trf("tune-fit-ms", &[("ms", format_decimal(i18n.lang(), row.mean_fit_ms, 1))])}</td>
                        <td>{move || folds.iter().map(|&f| score(f)).collect::<Vec<_>>().join(" · ")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=stale>
            <p class="stale-note" role="status">{i18n.text("tune-stale")}</p>
        </Show>
        {best_line.map(|line| view! { <p class="best-line">{line}</p> })}
        <p class="actions">{use_best}</p>
        {applied.then(|| view! { <p role="status">{i18n.text("tune-used-best")}</p> })}
        {failed.map(|text| view! { <p class="cell-error" role="status">{text}</p> })}
        <TableScroll label=caption>
            <table class="search-results">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {header(0)}
                        {params.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view()}
                        {header(1)}
                        {header(2)}
                        {header(3)}
                        <th scope="col">{i18n.text("tune-col-folds")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </TableScroll>
        {charts}
    }
}
