//! A notebook's results as text (in the catalog's words) or as JSON (for scripts and tests).

use crate::search::SearchResults;
use latih_engine::models::declare::Value as ParamValue;
use latih_engine::models::ModelSpec;
use latih_engine::notebook::{Cell, CellOutput, ModelSummary, Prediction, TuneOutput};
use latih_engine::tune::{best, mean_std, summarize, CandidateResult, LearningPoint};
use latih_engine::Error;
use latih_i18n::{
    candidate_text, clusters_lines, convergence_warning, counted_columns, error_message,
    format_count, format_decimal, format_number, format_percent, format_score, loss_text,
    model_shape_text, prediction_lines, step_report_lines, steps_summary_text, t, tf, Lang,
};
use serde_json::{json, Value};

type Outputs = [Result<CellOutput, Error>];

/// A search's rows as `cv_results_` names them.
fn search_json(results: &Result<Vec<CandidateResult>, Error>, lang: Lang) -> Value {
    match results {
        Err(e) => json!({ "error": error_message(lang, e) }),
        Ok(results) => {
            let rows = summarize(results);
            let rows: Vec<Value> = results
                .iter()
                .zip(rows)
                .map(|(r, row)| {
                    let params: serde_json::Map<String, Value> = r
                        .candidate
                        .values
                        .iter()
                        .map(|(p, v)| (p.name().to_string(), json!(v)))
                        .collect();
                    json!({
                        "params": params, "split_test_scores": r.test_scores,
                        "mean_test_score": row.mean_test_score, "std_test_score": row.std_test_score,
                        "rank_test_score": row.rank,
                    })
                })
                .collect();
            json!(rows)
        }
    }
}

/// A learning curve's points as scikit-learn's `learning_curve` gives them: the training rows,
/// and each fold's scores on the rows learned from and on the validation fold.
fn learning_json(points: &Result<Vec<LearningPoint>, Error>, lang: Lang) -> Value {
    match points {
        Err(e) => json!({ "error": error_message(lang, e) }),
        Ok(points) => json!(points
            .iter()
            .map(|p| json!({
                "train_size": p.rows, "train_scores": p.train_scores,
                "test_scores": p.test_scores,
                "error": p.error.as_ref().map(|e| error_message(lang, e)),
            }))
            .collect::<Vec<_>>()),
    }
}

/// The search's results, and its learning curve when it was drawn.
fn searched_json(search: &SearchResults, lang: Lang) -> (Value, Option<Value>) {
    match search {
        None => (Value::Null, None),
        Some(searched) => (
            search_json(&searched.results, lang),
            searched
                .learning_curve
                .as_ref()
                .map(|points| learning_json(points, lang)),
        ),
    }
}

pub fn json(cells: &[&Cell], outputs: &Outputs, searches: &[SearchResults]) -> Value {
    let cells: Vec<Value> = cells
        .iter()
        .zip(outputs)
        .zip(searches)
        .map(|((_, output), search)| match output {
            Err(e) => json!({ "error": error_message(Lang::En, e) }),
            Ok(CellOutput::Dataset(d)) => json!({
                "kind": "dataset", "rows": d.rows, "columns": d.columns,
                "rows_used": d.rows_used, "dropped_rows": d.dropped.rows,
                "lost_to_types": d.lost_to_types,
            }),
            Ok(CellOutput::Split(s)) => json!({
                "kind": "split", "train_rows": s.train_rows, "test_rows": s.test_rows,
            }),
            Ok(CellOutput::Train(tr)) => json!({
                "kind": "train", "features": tr.features, "train_accuracy": tr.train_accuracy,
            }),
            Ok(CellOutput::Evaluate(e)) => json!({
                "kind": "evaluate",
                "classes": e.classes,
                "accuracy": e.accuracy,
                "balanced_accuracy": e.balanced_accuracy,
                "f1_macro": e.report.macro_avg.f1,
                "roc_auc": e.roc.as_ref().ok().map(|r| r.auc),
                "average_precision": e.pr.as_ref().ok().map(|p| p.average_precision),
                "matthews_corrcoef": e.matthews,
                "cohen_kappa": e.kappa,
                "log_loss": e.log_loss,
                "confusion_matrix": e.confusion,
            }),
            Ok(CellOutput::EvaluateRegression(r)) => json!({
                "kind": "evaluate",
                "r2": r.r2,
                "mean_absolute_error": r.mae,
                "mean_squared_error": r.mse,
                "root_mean_squared_error": r.rmse,
                "mean_absolute_percentage_error": r.mape,
                "median_absolute_error": r.median_absolute_error,
                "explained_variance": r.explained_variance,
            }),
            Ok(CellOutput::Note(_)) => json!({ "kind": "note" }),
            Ok(CellOutput::Sql(q)) => json!({
                "kind": "sql", "rows": q.rows, "columns": q.column_names, "preview": q.preview,
            }),
            Ok(CellOutput::Steps(steps)) => json!({
                "kind": "steps", "train_rows": steps.train_rows, "test_rows": steps.test_rows,
                "columns": steps.columns,
            }),
            Ok(CellOutput::Explore(profile)) => json!({
                "kind": "explore", "rows": profile.rows, "columns": profile.columns,
                "numeric": profile.numeric, "correlation": profile.correlation,
            }),
            Ok(CellOutput::Clusters(c)) => json!({
                "kind": "clusters", "n_clusters": c.n_clusters, "sizes": c.sizes, "noise": c.noise,
                "silhouette": c.silhouette, "adjusted_rand": c.adjusted_rand,
                "elbow": c.elbow.iter().map(|f| json!({
                    "k": f.k, "inertia": f.inertia, "silhouette": f.silhouette,
                })).collect::<Vec<_>>(),
                "explained_variance_ratio": c.explained_variance_ratio,
            }),
            Ok(CellOutput::Boundary(b)) => json!({
                "kind": "boundary", "x": b.x, "y": b.y, "train_accuracy": b.train_accuracy,
            }),
            Ok(CellOutput::Predict(p)) => {
                let row: serde_json::Map<String, serde_json::Value> = p
                    .fields
                    .iter()
                    .map(|f| (f.column.clone(), json!(f.value)))
                    .collect();
                match &p.prediction {
                    Prediction::Class {
                        class,
                        classes,
                        probabilities,
                        ..
                    } => json!({
                        "kind": "predict", "row": row, "prediction": class,
                        "probabilities": classes.iter().zip(probabilities)
                            .map(|(c, p)| (c.clone(), json!(p)))
                            .collect::<serde_json::Map<_, _>>(),
                    }),
                    Prediction::Number(value) => json!({
                        "kind": "predict", "row": row, "prediction": value,
                    }),
                }
            }
            Ok(CellOutput::Tune(plan)) => {
                let (results, learning_curve) = searched_json(search, Lang::En);
                let mut cell = json!({
                    "kind": "tune", "candidates": plan.candidates, "folds": plan.folds,
                    "rows": plan.rows, "results": results,
                });
                if let Some(points) = learning_curve {
                    cell["learning_curve"] = points;
                }
                cell
            }
        })
        .collect();
    json!({ "cells": cells })
}

/// The plan, then the best candidate (the table is in `--json`).
fn search_lines(plan: &TuneOutput, search: &SearchResults, lang: Lang) -> Vec<String> {
    let mut lines = vec![latih_i18n::plan_text(lang, plan)];
    let Some(searched) = search else {
        return lines;
    };
    match &searched.results {
        Ok(results) => {
            let rows = summarize(results);
            if let Some(i) = best(&rows) {
                lines.push(tf(
                    lang,
                    "tune-best",
                    &[
                        ("params", candidate_text(lang, &results[i].candidate)),
                        ("score", format_decimal(lang, rows[i].mean_test_score, 3)),
                        ("std", format_decimal(lang, rows[i].std_test_score, 3)),
                    ],
                ));
            }
        }
        Err(e) => lines.push(format!(
            "{}: {}",
            t(lang, "error-heading"),
            error_message(lang, e)
        )),
    }
    match &searched.learning_curve {
        Some(Ok(points)) => {
            lines.push(format!("{}:", t(lang, "tune-learning-heading")));
            lines.extend(points.iter().map(|p| learning_line(lang, p)));
        }
        Some(Err(e)) => lines.push(format!(
            "{}: {}",
            t(lang, "tune-learning-heading"),
            error_message(lang, e)
        )),
        None => {}
    }
    lines
}

/// A learning curve's point: the mean scores over the folds (the spread of the validation's).
fn learning_line(lang: Lang, point: &LearningPoint) -> String {
    if let Some(e) = &point.error {
        return format!(
            "  {}: {}",
            format_count(lang, point.rows),
            error_message(lang, e)
        );
    }
    let (test, test_std) = mean_std(&point.test_scores);
    let (train, _) = mean_std(&point.train_scores);
    format!(
        "  {}",
        tf(
            lang,
            "cli-learning-point",
            &[
                ("rows", format_count(lang, point.rows)),
                ("validation", format_decimal(lang, test, 3)),
                ("std", format_decimal(lang, test_std, 3)),
                ("training", format_decimal(lang, train, 3)),
            ],
        )
    )
}

/// The model and the hyperparameters it uses, as its declaration names them:
/// "Random forest: n_estimators = 100, max_depth = None, …".
fn model_line(lang: Lang, spec: &ModelSpec) -> String {
    let kind = spec.kind();
    let params: Vec<String> = kind
        .params
        .iter()
        .filter(|p| spec.applies(p))
        .filter_map(|p| {
            let value = match spec.get(p.name)? {
                ParamValue::Whole(n) => n.to_string(),
                ParamValue::Decimal(x) => format_number(lang, x),
                ParamValue::Empty => "None".to_string(),
                ParamValue::Choice(choice) => choice.to_string(),
                ParamValue::Flag(on) => on.to_string(),
                ParamValue::List(sizes) => {
                    let sizes: Vec<String> = sizes.iter().map(u32::to_string).collect();
                    sizes.join(", ")
                }
            };
            Some(format!("{} = {value}", p.name))
        })
        .collect();
    format!("{}: {}", t(lang, kind.label), params.join("; "))
}

pub fn text(cells: &[&Cell], outputs: &Outputs, searches: &[SearchResults], lang: Lang) -> String {
    let n = |x: usize| format_count(lang, x);
    let mut out = String::new();
    for (i, ((cell, output), search)) in cells.iter().zip(outputs).zip(searches).enumerate() {
        let title = match cell {
            Cell::Dataset(_) => t(lang, "cell-dataset-title"),
            Cell::Split(_) => t(lang, "cell-split-title"),
            Cell::Train(_) => t(lang, "cell-train-title"),
            Cell::Evaluate(_) => t(lang, "cell-evaluate-title"),
            Cell::Tune(_) => t(lang, "cell-tune-title"),
            Cell::Explore(_) => t(lang, "cell-explore-title"),
            Cell::Note(_) => t(lang, "cell-note-title"),
            Cell::Steps(_) => t(lang, "cell-steps-title"),
            Cell::Sql(_) => t(lang, "cell-sql-title"),
            Cell::Clusters(_) => t(lang, "cell-clusters-title"),
            Cell::Boundary(_) => t(lang, "cell-boundary-title"),
            Cell::Predict(_) => t(lang, "cell-predict-title"),
        };
        out += &format!("{}. {title}\n", i + 1);
        let lines: Vec<String> = match output {
            Err(e) => vec![format!(
                "{}: {}",
                t(lang, "error-heading"),
                error_message(lang, e)
            )],
            Ok(CellOutput::Dataset(d)) => {
                let shape = [("rows", n(d.rows)), ("columns", n(d.columns))];
                let mut lines = vec![tf(lang, "out-shape", &shape)];
                if !d.lost_to_types.is_empty() {
                    let lost = counted_columns(lang, &d.lost_to_types);
                    lines.push(tf(lang, "types-lost", &[("columns", lost)]));
                }
                lines.push(tf(lang, "out-rows-used", &[("rows", n(d.rows_used))]));
                lines
            }
            Ok(CellOutput::Sql(q)) => {
                let shape = [("rows", n(q.rows)), ("columns", n(q.column_names.len()))];
                let mut lines = vec![tf(lang, "out-shape", &shape), q.column_names.join(" | ")];
                lines.extend(q.preview.iter().map(|row| row.join(" | ")));
                lines
            }
            Ok(CellOutput::Clusters(c)) => clusters_lines(lang, c),
            Ok(CellOutput::Predict(p)) => prediction_lines(lang, p),
            Ok(CellOutput::Boundary(b)) => vec![tf(
                lang,
                "out-boundary-accuracy",
                &[("accuracy", format_percent(lang, b.train_accuracy, 1))],
            )],
            Ok(CellOutput::Split(s)) => vec![
                tf(lang, "out-train-rows", &[("rows", n(s.train_rows))]),
                tf(lang, "out-test-rows", &[("rows", n(s.test_rows))]),
            ],
            Ok(CellOutput::Train(tr)) => {
                let shape = model_shape_text(lang, &tr.summary, tr.features);
                let mut lines: Vec<String> = match cell {
                    Cell::Train(train) => vec![model_line(lang, &train.model)],
                    _ => Vec::new(),
                };
                lines.push(shape);
                lines.extend(convergence_warning(lang, &tr.summary));
                let rounds = matches!(tr.summary, ModelSummary::Boosting { .. });
                lines.extend(loss_text(lang, &tr.loss_curve, rounds));
                let (key, score) = if tr.regression {
                    ("out-train-r2", format_decimal(lang, tr.train_accuracy, 3))
                } else {
                    ("out-train-accuracy", format_score(lang, tr.train_accuracy))
                };
                lines.push(format!("{}: {score}", t(lang, key)));
                lines
            }
            Ok(CellOutput::EvaluateRegression(r)) => {
                let mut lines: Vec<String> = [
                    ("out-r2", Some(r.r2)),
                    ("out-mae", Some(r.mae)),
                    ("out-rmse", Some(r.rmse)),
                    ("out-mape", r.mape),
                    ("out-median-ae", Some(r.median_absolute_error)),
                    ("out-explained-variance", Some(r.explained_variance)),
                ]
                .into_iter()
                .filter_map(|(key, value)| {
                    value.map(|v| format!("{}: {}", t(lang, key), format_decimal(lang, v, 3)))
                })
                .collect();
                lines.push(tf(
                    lang,
                    "out-regression-explained",
                    &[
                        ("rows", n(r.y_true.len())),
                        ("mae", format_decimal(lang, r.mae, 2)),
                    ],
                ));
                lines
            }
            Ok(CellOutput::Evaluate(e)) => {
                let mut lines = vec![
                    format!(
                        "{}: {}",
                        t(lang, "out-accuracy"),
                        format_score(lang, e.accuracy)
                    ),
                    format!(
                        "{}: {}",
                        t(lang, "out-balanced-accuracy"),
                        format_score(lang, e.balanced_accuracy)
                    ),
                    format!(
                        "{}: {}",
                        t(lang, "out-f1-macro"),
                        format_score(lang, e.report.macro_avg.f1)
                    ),
                ];
                if let Ok(roc) = &e.roc {
                    lines.push(format!(
                        "{}: {}",
                        t(lang, "out-roc-auc"),
                        format_decimal(lang, roc.auc, 3)
                    ));
                }
                if let Ok(pr) = &e.pr {
                    let key = if e.classes.len() == 2 {
                        "out-average-precision-binary"
                    } else {
                        "out-average-precision-ovr"
                    };
                    let class = e.classes.get(1).cloned().unwrap_or_default();
                    lines.push(format!(
                        "{}: {}",
                        tf(lang, key, &[("class", class)]),
                        format_decimal(lang, pr.average_precision, 3)
                    ));
                }
                for (key, value) in [
                    ("out-mcc", e.matthews),
                    ("out-kappa", e.kappa),
                    ("out-log-loss", e.log_loss),
                ] {
                    if let Some(value) = value {
                        lines.push(format!(
                            "{}: {}",
                            t(lang, key),
                            format_decimal(lang, value, 3)
                        ));
                    }
                }
                lines.push(t(lang, "out-confusion-caption"));
                for (class, row) in e.classes.iter().zip(&e.confusion) {
                    let counts: Vec<String> = row.iter().map(|c| n(*c as usize)).collect();
                    lines.push(format!("  {class}: {}", counts.join(" ")));
                }
                lines
            }
            Ok(CellOutput::Tune(plan)) => search_lines(plan, search, lang),
            Ok(CellOutput::Steps(steps)) => {
                let mut lines: Vec<String> = steps
                    .reports
                    .iter()
                    .flat_map(|report| step_report_lines(lang, report))
                    .collect();
                lines.push(steps_summary_text(lang, steps));
                lines
            }
            Ok(CellOutput::Note(_)) => match cell {
                Cell::Note(note) => note.text.lines().map(str::to_string).collect(),
                _ => Vec::new(),
            },
            Ok(CellOutput::Explore(profile)) => profile
                .columns
                .iter()
                .map(|c| {
                    tf(
                        lang,
                        "explore-column-line",
                        &[
                            ("name", c.name.clone()),
                            ("missing", n(c.missing)),
                            ("unique", n(c.unique)),
                        ],
                    )
                })
                .collect(),
        };
        for line in lines {
            out += &format!("   {line}\n");
        }
    }
    out
}
