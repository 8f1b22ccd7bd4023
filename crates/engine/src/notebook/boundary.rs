//! The decision boundary cell: the model of the train cell above, fitted again on two of its
//! features only, and the plane of those two features coloured by the class it predicts
//! (scikit-learn's `DecisionBoundaryDisplay` of a model fitted on `X_train[[x, y]]`).

use super::eval::{State, TrainingSet};
use super::Notebook;
use crate::error::CellKind;
use crate::features::{Matrix, Outcomes};
use crate::figures::boundary::{drawing, padded, Axis, GRID};
use crate::metrics;
use crate::Error;
use serde::{Deserialize, Serialize};

/// The two features; `None` until chosen: the two the model leans on most (or the first two).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BoundaryCell {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoundaryOutput {
    /// Every feature the model sees (one-hot columns by their encoded names), to choose from.
    pub features: Vec<String>,
    pub x: String,
    pub y: String,
    /// The SVG document.
    pub svg: String,
    /// The two-feature model's accuracy on the training rows.
    pub train_accuracy: f64,
}

pub(super) fn run(
    cell: &BoundaryCell,
    notebook: &Notebook,
    index: usize,
    state: &State,
) -> Result<BoundaryOutput, Error> {
    let (_, spec) = notebook.model_above(index).ok_or(Error::NeedsCellAbove {
        cell: CellKind::Train,
    })?;
    let TrainingSet { encoder, x, y } = state.training_set()?;
    let Outcomes::Classes { codes, n_classes } = y else {
        return Err(Error::BoundaryNeedsClasses);
    };
    let features = encoder.feature_names();
    if features.len() < 2 {
        return Err(Error::BoundaryNeedsTwoFeatures);
    }
    let (ix, iy) = axes(cell, &features, &state.importances());
    let plane = Matrix {
        rows: x.rows,
        cols: 2,
        data: (0..x.rows)
            .flat_map(|r| [x.get(r, ix), x.get(r, iy)])
            .collect(),
    };
    let model = spec.fit(&plane, &codes, n_classes)?;
    let train_accuracy = metrics::accuracy(&codes, &model.predict(&plane)).unwrap_or(0.0);
    let range = |c: usize| padded((0..plane.rows).map(|r| plane.get(r, c)));
    let ((x_low, x_high), (y_low, y_high)) = (range(0), range(1));
    let x_axis = Axis {
        name: &features[ix],
        low: x_low,
        high: x_high,
    };
    let y_axis = Axis {
        name: &features[iy],
        low: y_low,
        high: y_high,
    };
    let grid = Matrix {
        rows: GRID * GRID,
        cols: 2,
        data: (0..GRID)
            .flat_map(|row| (0..GRID).flat_map(move |column| [column, row]))
            .enumerate()
            .map(|(i, square)| {
                if i % 2 == 0 {
                    x_axis.at(square)
                } else {
                    y_axis.at(square)
                }
            })
            .collect(),
    };
    let predicted: Vec<Vec<u32>> = model
        .predict(&grid)
        .chunks(GRID)
        .map(<[u32]>::to_vec)
        .collect();
    let points: Vec<(f64, f64, u32)> = (0..plane.rows)
        .map(|r| (plane.get(r, 0), plane.get(r, 1), codes[r]))
        .collect();
    let classes = state.class_names();
    Ok(BoundaryOutput {
        svg: drawing(&x_axis, &y_axis, &predicted, &points, &classes),
        x: features[ix].clone(),
        y: features[iy].clone(),
        features,
        train_accuracy,
    })
}

/// The chosen features' columns; unchosen (or unknown) ones are the most important features
/// of the fitted model above, else the first two.
fn axes(cell: &BoundaryCell, features: &[String], importances: &[f64]) -> (usize, usize) {
    let mut ranked: Vec<usize> = (0..features.len()).collect();
    if importances.len() == features.len() {
        ranked.sort_by(|&a, &b| importances[b].total_cmp(&importances[a]));
    }
    let find = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| features.iter().position(|f| f == n))
    };
    let x = find(&cell.x).unwrap_or(ranked[0]);
    let y = find(&cell.y)
        .filter(|&y| y != x)
        .unwrap_or_else(|| ranked.iter().copied().find(|&f| f != x).unwrap_or(0));
    (x, y)
}
