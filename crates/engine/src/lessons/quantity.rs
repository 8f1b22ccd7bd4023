//! The numbers a lesson states or asks for, computed by the engine from the notebook's outputs:
//! a lesson's text never types them, so they are always the data's and the model's own.

use crate::notebook::CellOutput;
use crate::Error;
use serde::{Deserialize, Serialize};

/// A number read from one cell's output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Quantity {
    /// Rows of a data set cell's file, as loaded.
    Rows { cell: usize },
    /// Its columns.
    Columns { cell: usize },
    /// Its columns a model can use: all but the target and the free-text ones.
    Features { cell: usize },
    /// The classes of the target: of a data set cell, or as an evaluation sees them.
    Classes { cell: usize },
    /// Rows of a split cell's test set.
    TestRows { cell: usize },
    /// Missing values of a column: of a data set cell's file, or as an explore cell profiles
    /// them.
    Missing { cell: usize, column: String },
    /// A metric of an evaluate cell.
    Metric {
        cell: usize,
        name: MetricName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        class: Option<String>,
    },
    /// Test rows of class `actual` that an evaluate cell's model predicted as `predicted`.
    Confusion {
        cell: usize,
        actual: String,
        predicted: String,
    },
    /// The accuracy of always predicting the test set's most common class: the baseline.
    MajorityShare { cell: usize },
    /// A statistic of a numeric column, as an explore cell profiles it (pandas `describe()`).
    Statistic {
        cell: usize,
        column: String,
        stat: Statistic,
    },
    /// The correlation of two numeric columns, as an explore cell computes it (Pearson).
    Correlation { cell: usize, x: String, y: String },
    /// A train cell's score on its own training rows (accuracy, or R² for numbers): set beside
    /// the test score, the gap that overfitting opens.
    TrainScore { cell: usize },
    /// The features a train cell's model sees, after categories are one-hot encoded.
    ModelFeatures { cell: usize },
    /// The clusters a clusters cell chose: k-means' k, or as many as DBSCAN found.
    ClusterCount { cell: usize },
    /// The rows a clusters cell's DBSCAN calls noise (none for k-means, which groups every row).
    ClusterNoise { cell: usize },
}

/// The statistics of `describe()` a lesson can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    Mean,
    Median,
    Std,
    Min,
    Max,
    Q25,
    Q75,
}

/// The metrics a lesson can name, as scikit-learn names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricName {
    Accuracy,
    BalancedAccuracy,
    /// Of a class when one is named; else the macro average.
    Precision,
    Recall,
    F1,
    RocAuc,
    R2,
    Mae,
    Rmse,
    /// Of a clusters cell: its groups against the classes.
    AdjustedRand,
    /// Of a clusters cell: how tight and apart its groups are.
    Silhouette,
}

impl MetricName {
    /// Errors shrink as a model gets better; scores grow.
    pub fn lower_is_better(self) -> bool {
        matches!(self, MetricName::Mae | MetricName::Rmse)
    }
}

/// Why a quantity has no value.
#[derive(Debug, Clone, PartialEq)]
pub enum Unavailable {
    /// The cell failed (its error), or the cell is not there.
    CellFailed { cell: usize },
    /// The cell is of another kind than the quantity reads, or names what its output lacks
    /// (a class or a column it does not have): the lesson is wrong, not the learner.
    NotInOutput { cell: usize },
}

impl Quantity {
    /// The cell it is read from.
    pub fn cell(&self) -> usize {
        match self {
            Quantity::Rows { cell }
            | Quantity::Columns { cell }
            | Quantity::Features { cell }
            | Quantity::Classes { cell }
            | Quantity::TestRows { cell }
            | Quantity::Missing { cell, .. }
            | Quantity::Metric { cell, .. }
            | Quantity::Confusion { cell, .. }
            | Quantity::MajorityShare { cell }
            | Quantity::Statistic { cell, .. }
            | Quantity::Correlation { cell, .. }
            | Quantity::TrainScore { cell }
            | Quantity::ModelFeatures { cell }
            | Quantity::ClusterCount { cell }
            | Quantity::ClusterNoise { cell } => *cell,
        }
    }

    /// Its value in `outputs` (a notebook's, one per cell).
    pub fn value(&self, outputs: &[Result<CellOutput, Error>]) -> Result<f64, Unavailable> {
        let cell = self.cell();
        let output = match outputs.get(cell) {
            Some(Ok(output)) => output,
            _ => return Err(Unavailable::CellFailed { cell }),
        };
        let missing = Unavailable::NotInOutput { cell };
        let count = |n: usize| Ok(n as f64);
        match (self, output) {
            (Quantity::Rows { .. }, CellOutput::Dataset(d)) => count(d.rows),
            (Quantity::Columns { .. }, CellOutput::Dataset(d)) => count(d.columns),
            (Quantity::Features { .. }, CellOutput::Dataset(d)) => {
                count(d.columns.saturating_sub(1 + d.ignored_columns.len()))
            }
            (Quantity::Classes { .. }, CellOutput::Dataset(d)) if !d.class_counts.is_empty() => {
                count(d.class_counts.len())
            }
            (Quantity::Classes { .. }, CellOutput::Evaluate(e)) => count(e.classes.len()),
            (Quantity::TestRows { .. }, CellOutput::Split(s)) => count(s.test_rows),
            (Quantity::Missing { column, .. }, CellOutput::Dataset(d)) => {
                if !d.column_names.contains(column) {
                    return Err(missing);
                }
                // Counted where the rows were dropped, or kept for a steps cell to fill.
                let of_column = |counts: &[(String, usize)]| {
                    counts
                        .iter()
                        .find(|(c, _)| c == column)
                        .map_or(0, |(_, n)| *n)
                };
                count(of_column(&d.dropped.missing_by_column).max(of_column(&d.missing_kept)))
            }
            (Quantity::Missing { column, .. }, CellOutput::Explore(profile)) => profile
                .columns
                .iter()
                .find(|c| &c.name == column)
                .map_or(Err(missing), |c| count(c.missing)),
            (Quantity::Metric { name, class, .. }, _) => {
                metric(output, *name, class.as_deref()).ok_or(missing)
            }
            (
                Quantity::Confusion {
                    actual, predicted, ..
                },
                CellOutput::Evaluate(e),
            ) => {
                let index = |class: &String| e.classes.iter().position(|c| c == class);
                match (index(actual), index(predicted)) {
                    (Some(a), Some(p)) => Ok(e.confusion[a][p] as f64),
                    _ => Err(missing),
                }
            }
            (Quantity::MajorityShare { .. }, CellOutput::Evaluate(e)) => {
                let largest = e.confusion.iter().map(|row| row.iter().sum::<u64>()).max();
                match (largest, e.test_rows) {
                    (Some(largest), rows) if rows > 0 => Ok(largest as f64 / rows as f64),
                    _ => Err(missing),
                }
            }
            (Quantity::Statistic { column, stat, .. }, CellOutput::Explore(profile)) => {
                let describe = profile
                    .columns
                    .iter()
                    .find(|c| &c.name == column)
                    .and_then(|c| c.describe.as_ref());
                let value = describe.and_then(|d| match stat {
                    Statistic::Mean => d.mean,
                    Statistic::Median => d.q50,
                    Statistic::Std => d.std,
                    Statistic::Min => d.min,
                    Statistic::Max => d.max,
                    Statistic::Q25 => d.q25,
                    Statistic::Q75 => d.q75,
                });
                value.ok_or(missing)
            }
            (Quantity::TrainScore { .. }, CellOutput::Train(train)) => Ok(train.train_accuracy),
            (Quantity::ModelFeatures { .. }, CellOutput::Train(train)) => count(train.features),
            (Quantity::ClusterCount { .. }, CellOutput::Clusters(c)) => {
                count(c.n_clusters as usize)
            }
            (Quantity::ClusterNoise { .. }, CellOutput::Clusters(c)) => count(c.noise.unwrap_or(0)),
            (Quantity::Correlation { x, y, .. }, CellOutput::Explore(profile)) => {
                let index = |name: &String| profile.numeric.iter().position(|n| n == name);
                match (index(x), index(y)) {
                    (Some(i), Some(j)) => profile
                        .correlation
                        .get(i)
                        .and_then(|row| row.get(j))
                        .copied()
                        .filter(|r| !r.is_nan())
                        .ok_or(missing),
                    _ => Err(missing),
                }
            }
            _ => Err(missing),
        }
    }
}

/// Metric `name` of an evaluation's output (of `class` where given), if it has it.
pub fn metric(output: &CellOutput, name: MetricName, class: Option<&str>) -> Option<f64> {
    match output {
        CellOutput::Evaluate(e) => {
            let row = match class {
                Some(class) => {
                    let index = e.classes.iter().position(|c| c == class)?;
                    e.report.per_class.get(index)?
                }
                None => &e.report.macro_avg,
            };
            match name {
                MetricName::Accuracy => Some(e.accuracy),
                MetricName::BalancedAccuracy => Some(e.balanced_accuracy),
                MetricName::Precision => Some(row.precision),
                MetricName::Recall => Some(row.recall),
                MetricName::F1 => Some(row.f1),
                MetricName::RocAuc => e.roc.as_ref().ok().map(|roc| roc.auc),
                _ => None,
            }
        }
        CellOutput::EvaluateRegression(r) => match name {
            MetricName::R2 => Some(r.r2),
            MetricName::Mae => Some(r.mae),
            MetricName::Rmse => Some(r.rmse),
            _ => None,
        },
        CellOutput::Clusters(c) => match name {
            MetricName::AdjustedRand => c.adjusted_rand,
            MetricName::Silhouette => c.silhouette,
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::{evaluate, Notebook};
    use std::collections::HashMap;

    #[test]
    fn a_train_cell_states_its_training_score_and_the_features_its_model_sees() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../static/data/penguins.csv"
        );
        let data = HashMap::from([(
            "penguins".to_string(),
            std::fs::read_to_string(path).unwrap(),
        )]);
        let notebook = |depth: &str| {
            Notebook::from_json(&format!(
                r#"{{"version":1,"cells":[{{"kind":"dataset","dataset":"penguins","target":"species"}},{{"kind":"split","test_fraction":0.25,"stratify":true,"seed":42}},{{"kind":"train","model":"decision_tree"{depth}}}]}}"#
            ))
            .unwrap()
        };
        let deep = evaluate(&notebook(""), &data);
        let stump = evaluate(&notebook(r#","max_depth":1"#), &data);
        let score = |outputs: &[Result<CellOutput, Error>]| {
            Quantity::TrainScore { cell: 2 }.value(outputs).unwrap()
        };
        // An unlimited tree learns its training rows by heart; one question cannot.
        assert_eq!(score(&deep), 1.0);
        assert!(score(&stump) < 0.8, "{}", score(&stump));
        // pandas / scikit-learn: four measurements and the year, island one-hot (three
        // columns), sex one-hot (two): `OneHotEncoder().fit(df.dropna()[["island", "sex"]])`.
        let features = Quantity::ModelFeatures { cell: 2 }.value(&deep).unwrap();
        assert_eq!(features, 10.0);
        assert!(Quantity::TrainScore { cell: 1 }.value(&deep).is_err());
    }

    #[test]
    fn statistics_and_correlations_are_pandas_describe_and_corr() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/data/iris.csv");
        let data = HashMap::from([("iris".to_string(), std::fs::read_to_string(path).unwrap())]);
        let notebook = Notebook::from_json(
            r#"{"version":1,"cells":[{"kind":"dataset","dataset":"iris","target":"species"},{"kind":"explore"}]}"#,
        )
        .unwrap();
        let outputs = evaluate(&notebook, &data);
        let stat = |column: &str, stat| {
            Quantity::Statistic {
                cell: 1,
                column: column.into(),
                stat,
            }
            .value(&outputs)
            .unwrap()
        };
        // pandas: df["sepal length (cm)"].describe(); df.corr() of the petal columns.
        assert!((stat("sepal length (cm)", Statistic::Mean) - 5.843333333333334).abs() < 1e-12);
        assert!((stat("sepal length (cm)", Statistic::Median) - 5.8).abs() < 1e-12);
        assert!((stat("sepal length (cm)", Statistic::Std) - 0.828066127977863).abs() < 1e-12);
        let correlation = Quantity::Correlation {
            cell: 1,
            x: "petal length (cm)".into(),
            y: "petal width (cm)".into(),
        };
        assert!((correlation.value(&outputs).unwrap() - 0.9628654314027961).abs() < 1e-12);
        // A column that is not numeric, or not there, has no statistic.
        let species = Quantity::Statistic {
            cell: 1,
            column: "species".into(),
            stat: Statistic::Mean,
        };
        assert_eq!(
            species.value(&outputs),
            Err(Unavailable::NotInOutput { cell: 1 })
        );
    }
}
