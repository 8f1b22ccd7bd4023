//! A notebook's results as text (in the catalog's words) or as JSON (for scripts and tests).

use latih_engine::notebook::{Cell, CellOutput, ModelSummary};
use latih_engine::Error;
use latih_i18n::{error_message, format_count, format_decimal, format_score, t, tf, Lang};
use serde_json::{json, Value};

type Outputs = [Result<CellOutput, Error>];

pub fn json(cells: &[&Cell], outputs: &Outputs) -> Value {
    let cells: Vec<Value> = cells
        .iter()
        .zip(outputs)
        .map(|(_, output)| match output {
            Err(e) => json!({ "error": error_message(Lang::En, e) }),
            Ok(CellOutput::Dataset(d)) => json!({
                "kind": "dataset", "rows": d.rows, "columns": d.columns,
                "rows_used": d.rows_used, "dropped_rows": d.dropped.rows,
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
                "confusion_matrix": e.confusion,
            }),
        })
        .collect();
    json!({ "cells": cells })
}

pub fn text(cells: &[&Cell], outputs: &Outputs, lang: Lang) -> String {
    let n = |x: usize| format_count(lang, x);
    let mut out = String::new();
    for (i, (cell, output)) in cells.iter().zip(outputs).enumerate() {
        let title = match cell {
            Cell::Dataset(_) => t(lang, "cell-dataset-title"),
            Cell::Split(_) => t(lang, "cell-split-title"),
            Cell::Train(_) => t(lang, "cell-train-title"),
            Cell::Evaluate(_) => t(lang, "cell-evaluate-title"),
        };
        out += &format!("{}. {title}\n", i + 1);
        let lines: Vec<String> = match output {
            Err(e) => vec![format!(
                "{}: {}",
                t(lang, "error-heading"),
                error_message(lang, e)
            )],
            Ok(CellOutput::Dataset(d)) => vec![
                tf(
                    lang,
                    "out-shape",
                    &[("rows", n(d.rows)), ("columns", n(d.columns))],
                ),
                tf(lang, "out-rows-used", &[("rows", n(d.rows_used))]),
            ],
            Ok(CellOutput::Split(s)) => vec![
                tf(lang, "out-train-rows", &[("rows", n(s.train_rows))]),
                tf(lang, "out-test-rows", &[("rows", n(s.test_rows))]),
            ],
            Ok(CellOutput::Train(tr)) => {
                let features = n(tr.features);
                let shape = match tr.summary {
                    ModelSummary::Tree { depth, leaves } => tf(
                        lang,
                        "out-tree-shape",
                        &[
                            ("depth", depth.to_string()),
                            ("leaves", n(leaves)),
                            ("features", features),
                        ],
                    ),
                    ModelSummary::Forest { trees, mean_depth } => tf(
                        lang,
                        "out-forest-shape",
                        &[
                            ("trees", n(trees)),
                            ("depth", format_decimal(lang, mean_depth, 1)),
                            ("features", features),
                        ],
                    ),
                    ModelSummary::Neighbours { k } => tf(
                        lang,
                        "out-knn-shape",
                        &[("k", n(k as usize)), ("features", features)],
                    ),
                    ModelSummary::NaiveBayes => tf(lang, "out-nb-shape", &[("features", features)]),
                };
                vec![
                    shape,
                    format!(
                        "{}: {}",
                        t(lang, "out-train-accuracy"),
                        format_score(lang, tr.train_accuracy)
                    ),
                ]
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
                lines.push(t(lang, "out-confusion-caption"));
                for (class, row) in e.classes.iter().zip(&e.confusion) {
                    let counts: Vec<String> = row.iter().map(|c| n(*c as usize)).collect();
                    lines.push(format!("  {class}: {}", counts.join(" ")));
                }
                lines
            }
        };
        for line in lines {
            out += &format!("   {line}\n");
        }
    }
    out
}
