//! Hyperparameter search with cross-validation, as scikit-learn's `GridSearchCV` and
//! `RandomizedSearchCV` do it: candidates from typed spaces ([`space`]), each scored on the folds
//! of the training rows ([`cv`]), summarised like `cv_results_` ([`results`]).
//!
//! Each candidate is scored on its own, so a pool of workers can share them out; a candidate's
//! scores depend only on the notebook (its seeds included), never on which worker ran it.

pub mod cv;
pub mod results;
pub mod space;

pub use cv::CvData;
pub use cv::{
    cross_validate_candidate, learning_curve_point, learning_curve_sizes, CandidateResult,
    LearningPoint, Scoring,
};
pub use results::{
    best, mean_std, merge_folds, score_grid, summarize, validation_curve, CvRow, ScoreGrid,
    ValidationCurve,
};
pub use space::{Param, Space};

use crate::models::ModelSpec;
use crate::rng::SeededRng;
use crate::Error;
use serde::{Deserialize, Serialize};

/// The most candidates one search may try.
pub const MAX_CANDIDATES: usize = 500;
/// The most folds a cross-validation may use.
pub const MAX_FOLDS: u32 = 20;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SearchKind {
    /// Every combination of the values (`GridSearchCV`).
    Grid,
    /// `iterations` candidates drawn at random (`RandomizedSearchCV`).
    Random { iterations: u32, seed: u64 },
}

/// How a tune cell searches (its [`SearchKind`] with the cell's count and seed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchMethod {
    #[default]
    Grid,
    Random,
}

/// The space of one parameter, as the learner typed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpaceText {
    pub param: Param,
    pub text: String,
}

/// One set of parameter values to try.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub values: Vec<(Param, f64)>,
}

impl Candidate {
    /// `base` with this candidate's values set.
    pub fn model(&self, base: &ModelSpec) -> Result<ModelSpec, Error> {
        let mut model = base.clone();
        for &(param, value) in &self.values {
            param.apply(&mut model, value)?;
        }
        Ok(model)
    }
}

/// The candidates a search tries on `base`. Spaces of parameters the model does not have are
/// ignored (they stay in the cell for when the model is switched back); with no space at all,
/// the one candidate is the model as it is, and the search is a plain cross-validation.
pub fn candidates(
    base: &ModelSpec,
    spaces: &[SpaceText],
    search: SearchKind,
) -> Result<Vec<Candidate>, Error> {
    let mut axes: Vec<(Param, Space)> = Vec::new();
    for param in Param::for_model(base) {
        let text = spaces
            .iter()
            .find(|s| s.param == param)
            .map(|s| s.text.as_str());
        if let Some(space) = Space::parse(param, text.unwrap_or(""))? {
            axes.push((param, space));
        }
    }
    let too_many = |candidates| Error::TooManyCandidates {
        candidates,
        limit: MAX_CANDIDATES,
    };
    match search {
        SearchKind::Grid => {
            let mut grid = vec![Candidate { values: Vec::new() }];
            for (param, space) in &axes {
                let values = space.grid_values(*param);
                let size = grid.len().saturating_mul(values.len());
                if size > MAX_CANDIDATES {
                    return Err(too_many(size));
                }
                grid = grid
                    .iter()
                    .flat_map(|c| {
                        values.iter().map(move |&v| {
                            let mut values = c.values.clone();
                            values.push((*param, v));
                            Candidate { values }
                        })
                    })
                    .collect();
            }
            Ok(grid)
        }
        SearchKind::Random { iterations, seed } => {
            let n = iterations as usize;
            if n == 0 || n > MAX_CANDIDATES {
                return Err(too_many(n));
            }
            Ok((0..iterations)
                .map(|i| {
                    let mut rng = SeededRng::for_stream(seed, u64::from(i));
                    Candidate {
                        values: axes
                            .iter()
                            .map(|(param, space)| (*param, space.sample(*param, rng.uniform())))
                            .collect(),
                    }
                })
                .collect())
        }
    }
}
