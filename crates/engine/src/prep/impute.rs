//! `SimpleImputer` for one column: fills missing cells with a value learned from the training
//! rows (mean, median, most frequent) or given (constant).

use super::present_at;
use crate::table::profile::quantile_sorted;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImputeStrategy {
    Mean,
    Median,
    /// The most frequent value; among equally frequent ones the smallest, as scikit-learn.
    MostFrequent,
    Constant(f64),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Imputer {
    /// What missing cells become (scikit-learn's `statistics_`).
    pub fill: f64,
}

impl Imputer {
    pub fn fit(
        strategy: &ImputeStrategy,
        column: &[f64],
        train_rows: &[usize],
        name: &str,
    ) -> Result<Self, Error> {
        if let ImputeStrategy::Constant(value) = strategy {
            return Ok(Imputer { fill: *value });
        }
        let mut values: Vec<f64> = present_at(column, train_rows);
        if values.is_empty() {
            // scikit-learn drops such a column; here the learner is told why instead.
            return Err(Error::ColumnAllMissing {
                column: name.to_string(),
            });
        }
        values.sort_by(f64::total_cmp);
        let fill = match strategy {
            ImputeStrategy::Mean => values.iter().sum::<f64>() / values.len() as f64,
            ImputeStrategy::Median => quantile_sorted(&values, 0.5).unwrap_or(0.0),
            ImputeStrategy::MostFrequent => {
                let mut best = (values[0], 0usize);
                for run in values.chunk_by(|a, b| a == b) {
                    if run.len() > best.1 {
                        best = (run[0], run.len());
                    }
                }
                best.0
            }
            ImputeStrategy::Constant(value) => *value,
        };
        Ok(Imputer { fill })
    }

    pub fn transform(&self, column: &[f64]) -> Vec<f64> {
        column
            .iter()
            .map(|&v| if v.is_nan() { self.fill } else { v })
            .collect()
    }
}
