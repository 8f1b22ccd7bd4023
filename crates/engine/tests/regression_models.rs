//! Linear regression, ridge, lasso and elastic net, k-nearest neighbours and regression trees
//! predicting numbers, against scikit-learn on two real data sets (tests/fixtures/regression.json, written by
//! scripts/fixtures/make_regression_fixtures.py): the same coefficients, intercept and
//! predictions.

use latih_engine::features::Matrix;
use latih_engine::features::Target;
use latih_engine::metrics;
use latih_engine::models::{
    DecisionTreeParams, ForestRegressor, GradientBoosting, GradientBoostingParams, KnnParams,
    KnnRegressor, LinearRegression, LinearRegressionParams, MaxFeatures, Mlp, MlpParams, ModelSpec,
    NeighbourWeights, Penalty, RandomForestParams, RegressionTree,
};
use latih_engine::split::k_fold;
use latih_engine::tune::{cross_validate_candidate, Candidate, CvData, Scoring};
use serde_json::Value;

mod common;
use common::{close, matrix};

fn fixture() -> Value {
    common::fixture("regression.json")
}

/// A case's data set: the rows to fit, their targets, and the rows to predict.
fn data_of(fixture: &Value, case: &Value) -> (Matrix, Vec<f64>, Matrix) {
    let data = &fixture["data"][case["data"].as_str().unwrap()];
    let y = serde_json::from_value(data["y_fit"].clone()).unwrap();
    (matrix(&data["x_fit"]), y, matrix(&data["x_new"]))
}

/// The bar for models that draw random numbers differently from scikit-learn: their R² on the
/// case's held-out rows within 2 points of the fixture's.
#[track_caller]
fn r2_near_scikit_learn(fixture: &Value, case: &Value, predicted: &[f64], what: &str) {
    let data = &fixture["data"][case["data"].as_str().unwrap()];
    let y_new: Vec<f64> = serde_json::from_value(data["y_new"].clone()).unwrap();
    let ours = metrics::r2_score(&y_new, predicted).unwrap();
    let theirs = case["r2"].as_f64().unwrap();
    assert!(
        (ours - theirs).abs() < 0.02,
        "{} {what}: R² {ours} vs scikit-learn {theirs}",
        case["data"]
    );
}

/// Each of `ours` close to the JSON list `theirs`.
#[track_caller]
fn all_close(ours: &[f64], theirs: &Value, relative: f64, what: &str) {
    let theirs = theirs.as_array().unwrap();
    assert_eq!(ours.len(), theirs.len(), "{what}");
    for (i, (ours, theirs)) in ours.iter().zip(theirs).enumerate() {
        close(
            *ours,
            theirs.as_f64().unwrap(),
            relative,
            &format!("{what} {i}"),
        );
    }
}

#[test]
fn linear_models_equal_scikit_learn_on_diabetes_and_houses() {
    let fixture = fixture();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 10);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        // The spec is a notebook's own JSON for the model.
        let mut params: LinearRegressionParams =
            serde_json::from_value(case["spec"].clone()).unwrap();
        params.max_iter = 100_000;
        let what = format!("{} {params:?}", case["data"]);
        let model = LinearRegression::fit(&params, &x, &y).unwrap();
        assert!(model.converged, "{what}");
        // Least squares and ridge are exact; the lasso's optimum is scikit-learn's to its
        // tolerance (1e-10 on the duality gap).
        let tolerance = 1e-6;
        all_close(
            &model.coef,
            &case["coef"],
            tolerance,
            &format!("{what} coef"),
        );
        close(
            model.intercept,
            case["intercept"].as_f64().unwrap(),
            tolerance,
            &format!("{what} intercept"),
        );
        all_close(
            &model.predict(&x_new),
            &case["predicted"],
            tolerance,
            &format!("{what} row"),
        );
    }
}

#[test]
fn k_nearest_neighbours_predict_scikit_learn_s_numbers() {
    let fixture = fixture();
    let cases = fixture["neighbours"].as_array().unwrap();
    assert_eq!(cases.len(), 3);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        let params = KnnParams {
            n_neighbors: case["n_neighbors"].as_u64().unwrap() as u32,
            weights: match case["weights"].as_str().unwrap() {
                "distance" => NeighbourWeights::Distance,
                _ => NeighbourWeights::Uniform,
            },
        };
        let model = KnnRegressor::fit(&params, &x, &y).unwrap();
        let what = format!("{} {params:?}", case["data"]);
        all_close(
            &model.predict(&x_new),
            &case["predicted"],
            1e-9,
            &format!("{what} row"),
        );
    }
}

#[test]
fn regression_trees_grow_scikit_learn_s_trees() {
    let fixture = fixture();
    let cases = fixture["trees"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        let params = DecisionTreeParams {
            max_depth: case["max_depth"].as_u64().map(|d| d as u32),
            min_samples_split: case["min_samples_split"].as_u64().unwrap() as u32,
        };
        let tree = RegressionTree::fit(&params, &x, &y).unwrap();
        let what = format!("{} {params:?}", case["data"]);
        let theirs: Vec<f64> = serde_json::from_value(case["predicted"].clone()).unwrap();
        let ours = tree.predict(&x_new);
        if params.max_depth.is_none() {
            // Grown to the end: equally good splits are broken differently (see the script),
            // so the bar is the held-out R², within 2 points.
            let data = &fixture["data"][case["data"].as_str().unwrap()];
            let y_new: Vec<f64> = serde_json::from_value(data["y_new"].clone()).unwrap();
            let (r2_ours, r2_theirs) = (
                metrics::r2_score(&y_new, &ours).unwrap(),
                metrics::r2_score(&y_new, &theirs).unwrap(),
            );
            assert!(
                (r2_ours - r2_theirs).abs() < 0.02,
                "{what}: R² {r2_ours} vs {r2_theirs}"
            );
            continue;
        }
        assert_eq!(
            u64::from(tree.depth()),
            case["depth"].as_u64().unwrap(),
            "{what}"
        );
        assert_eq!(
            tree.n_leaves() as u64,
            case["leaves"].as_u64().unwrap(),
            "{what}"
        );
        all_close(
            tree.feature_importances(),
            &case["importances"],
            1e-9,
            &format!("{what} importance"),
        );
        for (i, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
            close(*ours, *theirs, 1e-9, &format!("{what} row {i}"));
        }
    }
}

#[test]
fn random_forests_of_regression_trees_score_as_scikit_learn_s_do() {
    let fixture = fixture();
    let cases = fixture["forests"].as_array().unwrap();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        let params = RandomForestParams {
            max_features: match case["max_features"].as_str().unwrap() {
                "all" => MaxFeatures::All,
                _ => MaxFeatures::Sqrt,
            },
            ..Default::default()
        };
        let forest = ForestRegressor::fit_with_progress(&params, &x, &y, &mut |_| {}).unwrap();
        let what = format!("{:?}", params.max_features);
        r2_near_scikit_learn(&fixture, case, &forest.predict(&x_new), &what);
    }
}

#[test]
fn gradient_boosting_predicts_numbers_as_scikit_learn_s_does() {
    let fixture = fixture();
    let cases = fixture["boosting"].as_array().unwrap();
    assert_eq!(cases.len(), 2);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        let model = GradientBoosting::fit_regressor(
            &GradientBoostingParams::default(),
            &x,
            &y,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(model.n_rounds(), 100);
        let loss = model.loss_curve();
        assert!(
            loss.windows(2).all(|w| w[1] <= w[0]),
            "the training loss falls"
        );
        r2_near_scikit_learn(&fixture, case, &model.predict_numbers(&x_new), "boosting");
    }
}

#[test]
fn a_network_predicts_numbers_as_well_as_scikit_learn_s() {
    let fixture = fixture();
    let cases = fixture["network"].as_array().unwrap();
    assert_eq!(cases.len(), 1);
    for case in cases {
        let (x, y, x_new) = data_of(&fixture, case);
        let params = MlpParams {
            hidden_layer_sizes: vec![case["hidden"].as_u64().unwrap() as u32],
            learning_rate_init: case["learning_rate_init"].as_f64().unwrap(),
            max_iter: case["max_iter"].as_u64().unwrap() as u32,
            ..Default::default()
        };
        let model = Mlp::fit_regressor(&params, &x, &y, &mut |_| {}).unwrap();
        let loss = model.loss_curve();
        assert!(
            loss.last().unwrap() < &(loss[0] / 10.0),
            "the loss falls: {loss:?}"
        );
        r2_near_scikit_learn(&fixture, case, &model.predict_numbers(&x_new), "network");
        // Early stopping scores R² on held-out rows, and stops.
        let stopping = MlpParams {
            early_stopping: true,
            ..params
        };
        let model = Mlp::fit_regressor(&stopping, &x, &y, &mut |_| {}).unwrap();
        assert!(model.validation_scores().iter().any(|&r2| r2 > 0.2));
        assert!(model.loss_curve().len() < 300);
    }
}

#[test]
fn cross_validation_scores_regression_models_as_scikit_learn_does() {
    let fixture = fixture();
    let cases = fixture["cv"].as_array().unwrap();
    assert_eq!(cases.len(), 3);
    let text = std::fs::read_to_string(format!(
        "{}/../../static/data/diabetes.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let table = latih_engine::table::read_table(&text).unwrap();
    let outcome = Target::of(&table, "progression").unwrap();
    let rows: Vec<usize> = (0..table.n_rows()).collect();
    let data = CvData {
        table: &table,
        target: "progression",
        outcome: &outcome,
        rows: &rows,
    };
    let folds = k_fold(rows.len(), 5).unwrap();
    for case in cases {
        // A train cell's JSON, its model named first as notebooks write it.
        let params = case["params"].to_string();
        let spec = format!("{{\"model\":{},{}", case["model"], &params[1..]);
        let model: ModelSpec = serde_json::from_str(&spec).unwrap();
        let scoring = match case["scoring"].as_str().unwrap() {
            "r2" => Scoring::R2,
            _ => Scoring::NegMeanAbsoluteError,
        };
        let result = cross_validate_candidate(
            &data,
            &model,
            &Candidate { values: Vec::new() },
            &folds,
            scoring,
            &|| 0.0,
            &mut |_| {},
        );
        assert_eq!(result.error, None, "{spec}");
        for (scores, key) in [
            (&result.test_scores, "test_scores"),
            (&result.train_scores, "train_scores"),
        ] {
            for (ours, theirs) in scores.iter().zip(case[key].as_array().unwrap()) {
                close(
                    *ours,
                    theirs.as_f64().unwrap(),
                    1e-6,
                    &format!("{model:?} {key}"),
                );
            }
        }
    }
}

#[test]
fn a_model_round_trips_to_the_same_predictions() {
    let x = Matrix {
        rows: 4,
        cols: 2,
        data: vec![1.0, 0.5, 2.0, 1.5, 3.0, 0.0, 4.0, 2.0],
    };
    let y = [1.0, 2.5, 2.0, 4.5];
    let params = LinearRegressionParams {
        penalty: Penalty::ElasticNet,
        alpha: 0.1,
        l1_ratio: 0.5,
        max_iter: 1000,
    };
    let model = LinearRegression::fit(&params, &x, &y).unwrap();
    let back: LinearRegression =
        postcard::from_bytes(&postcard::to_allocvec(&model).unwrap()).unwrap();
    assert_eq!(back.predict(&x), model.predict(&x));
    let knn = KnnRegressor::fit(
        &KnnParams {
            n_neighbors: 3,
            weights: NeighbourWeights::Distance,
        },
        &x,
        &y,
    )
    .unwrap();
    let back: KnnRegressor = postcard::from_bytes(&postcard::to_allocvec(&knn).unwrap()).unwrap();
    assert_eq!(back.predict(&x), knn.predict(&x));
}
