//! The whole notebook as one document: a Python script in the "percent" format (`# %%` starts
//! a cell, which VS Code, Spyder and Jupytext read as cells), or a Jupyter notebook (nbformat 4).

use super::cells::cell_python;
use super::Words;
use crate::notebook::{Cell, DataSource, Notebook};
use serde_json::json;

/// Everything the cells' code uses.
const IMPORTS: &str = "import os\nimport sqlite3\n\
\n\
import numpy as np\n\
import pandas as pd\n\
from sklearn.cluster import DBSCAN, KMeans\n\
from sklearn.compose import make_column_selector, make_column_transformer\n\
from sklearn.decomposition import PCA\n\
from sklearn.ensemble import (HistGradientBoostingClassifier, HistGradientBoostingRegressor,\n\
\x20                             RandomForestClassifier, RandomForestRegressor)\n\
from sklearn.impute import SimpleImputer\n\
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge\n\
from sklearn.metrics import (accuracy_score, adjusted_rand_score, balanced_accuracy_score,\n\
\x20                            classification_report, confusion_matrix, explained_variance_score,\n\
\x20                            mean_absolute_error,\n\
\x20                            mean_absolute_percentage_error, mean_squared_error,\n\
\x20                            median_absolute_error, r2_score, roc_auc_score,\n\
\x20                            root_mean_squared_error, silhouette_score)\n\
from sklearn.model_selection import GridSearchCV, train_test_split\n\
from sklearn.naive_bayes import BernoulliNB, GaussianNB\n\
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor\n\
from sklearn.neural_network import MLPClassifier, MLPRegressor\n\
from sklearn.pipeline import Pipeline, make_pipeline\n\
from sklearn.preprocessing import (KBinsDiscretizer, MinMaxScaler, OneHotEncoder, OrdinalEncoder,\n\
\x20                                  RobustScaler, StandardScaler)\n\
from sklearn.svm import SVC, SVR\n\
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor";

/// One part of the document, in the notebook's order.
pub(super) enum Part {
    /// Markdown: the title and the notes.
    Text(String),
    /// Code, under its cell's title.
    Code { title: String, code: String },
}

fn parts(notebook: &Notebook, words: Words, files: &dyn DataSource) -> Vec<Part> {
    let files = &super::Remembering::new(files);
    let mut parts = vec![
        Part::Text(format!(
            "# {}\n\n{}",
            words("export-title"),
            words("export-differs")
        )),
        Part::Code {
            title: String::new(),
            code: IMPORTS.to_string(),
        },
    ];
    parts.extend(cell_parts(notebook, words, &|index| {
        cell_python(notebook, index, words, files)
    }));
    parts
}

/// The notebook's cells in order: each note as text, each other cell's `code` (if any) under
/// its number and title.
pub(super) fn cell_parts(
    notebook: &Notebook,
    words: Words,
    code: &dyn Fn(usize) -> Option<String>,
) -> Vec<Part> {
    let mut parts = Vec::new();
    for (index, cell) in notebook.cells.iter().enumerate() {
        if let Cell::Note(note) = cell {
            parts.push(Part::Text(note.text.clone()));
            continue;
        }
        if let Some(code) = code(index) {
            let title = format!("{}. {}", index + 1, words(title_key(cell)));
            parts.push(Part::Code { title, code });
        }
    }
    parts
}

fn title_key(cell: &Cell) -> &'static str {
    match cell {
        Cell::Dataset(_) => "cell-dataset-title",
        Cell::Explore(_) => "cell-explore-title",
        Cell::Split(_) => "cell-split-title",
        Cell::Steps(_) => "cell-steps-title",
        Cell::Train(_) => "cell-train-title",
        Cell::Evaluate(_) => "cell-evaluate-title",
        Cell::Tune(_) => "cell-tune-title",
        Cell::Note(_) => "cell-note-title",
        Cell::Sql(_) => "cell-sql-title",
        Cell::Clusters(_) => "cell-clusters-title",
        Cell::Boundary(_) => "cell-boundary-title",
        Cell::Predict(_) => "cell-predict-title",
    }
}

/// A `.py` file that runs top to bottom; the notes are comments.
pub fn python_script(notebook: &Notebook, words: Words, files: &dyn DataSource) -> String {
    percent_script(parts(notebook, words, files))
}

/// `parts` as a script in the percent format: text as comments, code under `# %%` lines.
pub(super) fn percent_script(parts: Vec<Part>) -> String {
    let mut script = String::new();
    for part in parts {
        match part {
            Part::Text(text) => {
                script.push_str("# %% [markdown]\n");
                for line in text.lines() {
                    script.push_str(if line.is_empty() { "#" } else { "# " });
                    script.push_str(line);
                    script.push('\n');
                }
            }
            Part::Code { title, code } => {
                script.push_str("# %%");
                if !title.is_empty() {
                    script.push(' ');
                    script.push_str(&title);
                }
                script.push('\n');
                script.push_str(&code);
                script.push('\n');
            }
        }
        script.push('\n');
    }
    script
}

/// A Jupyter notebook (nbformat 4.4), not run yet: no outputs. Notes become Markdown cells,
/// which Jupyter renders without running any HTML in them until the reader trusts the notebook.
pub fn ipynb(notebook: &Notebook, words: Words, files: &dyn DataSource) -> String {
    let cells: Vec<serde_json::Value> = parts(notebook, words, files)
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => json!({
                "cell_type": "markdown",
                "metadata": {},
                "source": source_lines(&text),
            }),
            Part::Code { title, code } => {
                let code = if title.is_empty() {
                    code
                } else {
                    format!("# {title}\n{code}")
                };
                json!({
                    "cell_type": "code",
                    "execution_count": null,
                    "metadata": {},
                    "outputs": [],
                    "source": source_lines(&code),
                })
            }
        })
        .collect();
    let document = json!({
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 4,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// nbformat's multi-line strings: a list of lines, each but the last ending in "\n".
fn source_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if i < last {
                format!("{line}\n")
            } else {
                line.to_string()
            }
        })
        .collect()
}
