//! How much a notebook's run will compute, estimated before it starts: a link from a stranger
//! can ask for thousands of forests of a thousand trees in a few kilobytes, and a learner can
//! type one zero too many. A run estimated above [`ASK_ABOVE_UNITS`] waits for the learner's
//! yes (in the page, and `--yes` for `latih run`), told roughly how long it may take and which
//! cell costs most. The page's worker checks it before a run's jobs compute anything
//! ([`crate::jobs`]: `JobResult::OverBudget`), where the data is, so none of it weighs on the
//! page's first load.
//!
//! The unit is one visit of one value of the data (a row's feature); each model's count is the
//! usual order of its training (a tree sorts each feature: n·p·log n; k-NN compares every test
//! row with every training row; a kernel SVM every pair of rows). It is an order of magnitude,
//! not a promise: enough to tell a notebook that trains in seconds from one that trains for an
//! hour.

use super::{Cell, Notebook};
use crate::models::declare::Value;
use crate::models::ModelSpec;

/// About 20 seconds of training on a mid-range phone: runs above it wait for the learner's yes.
pub const ASK_ABOVE_UNITS: f64 = 2e9;
/// Units a mid-range phone's browser computes in a second, for the rough time said.
pub const UNITS_PER_SECOND: f64 = 1e8;

/// A data set's size, as the estimate needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataShape {
    pub rows: f64,
    pub columns: f64,
}

impl DataShape {
    /// The shape of a CSV or JSON text, roughly: a CSV's lines and the fields of its first
    /// line; a JSON list's records (its objects, which may all be on one line) and the keys of
    /// its first. Enough for an order of magnitude, and cheap on megabytes.
    pub fn of_text(text: &str) -> DataShape {
        let (row_end, first_row_end, field) = if crate::table::looks_like_json(text) {
            (b'{', b'}', b':')
        } else {
            (b'\n', b'\n', 0)
        };
        let fields = text
            .bytes()
            .take_while(|&b| b != first_row_end)
            .filter(|&b| b == field || (field == 0 && matches!(b, b',' | b';' | b'\t' | b'|')))
            .count();
        DataShape {
            rows: text.bytes().filter(|&b| b == row_end).count().max(1) as f64,
            columns: (fields + usize::from(field == 0)).max(1) as f64,
        }
    }
}

/// What a run will compute.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Estimate {
    pub units: f64,
    /// The cell that costs most, if any costs anything.
    pub costliest: Option<usize>,
}

impl Estimate {
    /// Whether the run waits for the learner's yes: it is over the threshold and over what the
    /// learner already agreed to (`agreed` units).
    pub fn asks(&self, agreed: f64) -> bool {
        self.units > ASK_ABOVE_UNITS && self.units > agreed
    }

    /// Roughly how many minutes it may take on a mid-range phone (at least 1).
    pub fn minutes(&self) -> u64 {
        (self.units / UNITS_PER_SECOND / 60.0).ceil().max(1.0) as u64
    }
}

/// Estimates a run of `notebook`, with the shapes of its data sets from `shape` (a data set not
/// loaded, or a query's result not computed yet, counts as nothing).
pub fn estimate(notebook: &Notebook, shape: &dyn Fn(&str) -> Option<DataShape>) -> Estimate {
    let mut data: Option<DataShape> = None;
    let mut test_fraction = 0.25;
    let mut model: Option<&ModelSpec> = None;
    let mut total = Estimate::default();
    let mut most = 0.0;
    for (index, cell) in notebook.cells.iter().enumerate() {
        let (rows, features) = data.map_or((0.0, 0.0), |d| (d.rows, (d.columns - 1.0).max(1.0)));
        let train_rows = rows * (1.0 - test_fraction);
        let units = match cell {
            Cell::Dataset(d) => {
                data = shape(&d.dataset);
                data.map_or(0.0, |d| d.rows * d.columns)
            }
            Cell::Split(split) => {
                test_fraction = split.test_fraction.clamp(0.0, 1.0);
                0.0
            }
            Cell::Train(train) => {
                model = Some(&train.model);
                training_units(&train.model, train_rows, rows - train_rows, features)
            }
            // Trains the model above on two features, then predicts a grid of 150 × 150.
            Cell::Boundary(_) => {
                model.map_or(0.0, |m| training_units(m, train_rows, 150.0 * 150.0, 2.0))
            }
            // k-means (up to 300 rounds per k of the elbow's 8) and the projection (PCA).
            // DBSCAN, when chosen, compares every pair of rows twice.
            Cell::Clusters(cell) => {
                8.0 * 300.0 * rows * features * 8.0
                    + rows * features * features
                    + features.powi(3)
                    + cell.dbscan.map_or(0.0, |_| 2.0 * rows * rows * features)
            }
            _ => 0.0,
        };
        total.units += units;
        if units > most {
            most = units;
            total.costliest = Some(index);
        }
    }
    total
}

/// The work of cross-validating each of `models` on `folds` folds of `rows` rows of `features`
/// features: a tune cell's search, which runs when the learner starts it (so the page says its
/// length beside the button) and in `latih run` (so it counts there before it starts).
pub fn search_units<'a>(
    models: impl IntoIterator<Item = &'a ModelSpec>,
    folds: usize,
    rows: f64,
    features: f64,
) -> f64 {
    let k = folds.max(1) as f64;
    let (train, validation) = (rows * (k - 1.0) / k, rows / k);
    models
        .into_iter()
        .map(|model| k * training_units(model, train, validation, features))
        .sum()
}

/// The work of training `model` on `n` rows of `p` features and predicting `tests` rows.
fn training_units(model: &ModelSpec, n: f64, tests: f64, p: f64) -> f64 {
    let whole = |name| match model.get(name) {
        Some(Value::Whole(v)) => v as f64,
        _ => 1.0,
    };
    // An integer log: `f64::log2` brings its own code into the page.
    let sorted = n * p * f64::from((n.max(2.0) as u64).ilog2());
    match model {
        ModelSpec::DecisionTree(_) => sorted,
        // Each split weighs √p features (the forest's default).
        ModelSpec::RandomForest(_) => whole("n_estimators") * sorted / p.sqrt().max(1.0),
        ModelSpec::GradientBoosting(_) => whole("max_iter") * n * p,
        ModelSpec::LogisticRegression(_) => whole("max_iter") * n * p,
        ModelSpec::NeuralNetwork(network) => {
            let mut width = p;
            let mut weights = 0.0;
            for &units in network.hidden_layer_sizes.iter().chain(&[1]) {
                weights += width * f64::from(units);
                width = f64::from(units);
            }
            whole("max_iter") * n * weights
        }
        ModelSpec::KNearestNeighbors(_) => tests * n * p,
        ModelSpec::GaussianNaiveBayes(_) | ModelSpec::BernoulliNaiveBayes(_) => n * p,
        ModelSpec::SupportVectorMachine(_) => n * n * p,
        // The normal equations, or coordinate descent for the lasso and elastic net.
        ModelSpec::LinearRegression(_) => n * p * p + p.powi(3) + whole("max_iter") * n * p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::RandomForestParams;
    use crate::notebook::TrainCell;

    /// Credit scoring's size: 4,454 rows of 14 columns.
    fn credit(_: &str) -> Option<DataShape> {
        Some(DataShape {
            rows: 4454.0,
            columns: 14.0,
        })
    }

    fn forest(trees: u32) -> Cell {
        Cell::Train(TrainCell {
            model: ModelSpec::RandomForest(RandomForestParams {
                n_estimators: trees,
                ..RandomForestParams::default()
            }),
        })
    }

    #[test]
    fn a_notebook_as_people_make_them_runs_without_asking() {
        let mut notebook = Notebook::starter("credit", "Status");
        assert!(!estimate(&notebook, &credit).asks(0.0));
        notebook.cells[2] = forest(300);
        let three_hundred = estimate(&notebook, &credit);
        assert!(!three_hundred.asks(0.0), "{three_hundred:?}");
        assert_eq!(three_hundred.costliest, Some(2));
    }

    #[test]
    fn thousands_of_trees_ask_first_and_name_the_costliest_cell() {
        let mut notebook = Notebook::starter("credit", "Status");
        for _ in 0..30 {
            notebook.cells.push(forest(1000));
        }
        notebook.cells.push(forest(5000));
        let heavy = estimate(&notebook, &credit);
        assert!(heavy.asks(0.0), "{heavy:?}");
        assert_eq!(heavy.costliest, Some(notebook.cells.len() - 1));
        assert!(heavy.minutes() >= 1);
        // Once the learner agreed to this much, the same run does not ask again; more does.
        assert!(!heavy.asks(heavy.units));
        notebook.cells.push(forest(5000));
        assert!(estimate(&notebook, &credit).asks(heavy.units));
    }

    #[test]
    fn more_of_anything_costs_more_and_missing_data_costs_nothing() {
        let notebook = |trees| {
            let mut nb = Notebook::starter("credit", "Status");
            nb.cells[2] = forest(trees);
            nb
        };
        let (less, more) = (
            estimate(&notebook(10), &credit),
            estimate(&notebook(20), &credit),
        );
        assert!(more.units > less.units);
        assert_eq!(estimate(&notebook(1000), &|_| None).units, 0.0);
    }

    #[test]
    fn a_search_costs_its_candidates_times_its_folds() {
        let small = ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 10,
            ..RandomForestParams::default()
        });
        let large = ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 1000,
            ..RandomForestParams::default()
        });
        let one = search_units([&small], 5, 4454.0, 13.0);
        assert!(one > 0.0);
        assert!(search_units([&small, &small], 5, 4454.0, 13.0) > 1.9 * one);
        assert!(search_units([&small], 10, 4454.0, 13.0) > one);
        // A grid of a thousand trees on every fold is worth asking about; ten trees are not.
        let many = vec![&large; 20];
        assert!(Estimate {
            units: search_units(many, 10, 4454.0, 13.0),
            costliest: None
        }
        .asks(0.0));
        assert!(!Estimate {
            units: one,
            costliest: None
        }
        .asks(0.0));
    }

    #[test]
    fn a_text_s_shape_is_its_lines_and_its_first_line_s_fields() {
        let shape = DataShape::of_text("a;b;c\n1;2;3\n4;5;6\n");
        assert_eq!((shape.rows, shape.columns), (3.0, 3.0));
        assert_eq!(DataShape::of_text("").columns, 1.0);
        // JSON records on one line, as APIs send them.
        let json = DataShape::of_text(r#"[{"a": 1, "b": 2, "c": 3}, {"a": 4, "b": 5, "c": 6}]"#);
        assert_eq!((json.rows, json.columns), (2.0, 3.0));
    }
}
