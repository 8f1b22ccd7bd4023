//! Linear regression, ridge, lasso and elastic net against scikit-learn on two real data sets
//! (tests/fixtures/linear_regression.json, written by scripts/fixtures/make_regression_fixtures.py):
//! the same coefficients, intercept and predictions.

use latih_engine::features::Matrix;
use latih_engine::models::{LinearRegression, LinearRegressionParams, Penalty};
use serde_json::Value;

fn matrix(rows: &Value) -> Matrix {
    let rows: Vec<Vec<f64>> = serde_json::from_value(rows.clone()).unwrap();
    Matrix {
        rows: rows.len(),
        cols: rows[0].len(),
        data: rows.into_iter().flatten().collect(),
    }
}

#[track_caller]
fn close(ours: f64, theirs: f64, relative: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= relative * theirs.abs().max(1.0),
        "{what}: latih {ours} vs scikit-learn {theirs}"
    );
}

#[test]
fn linear_models_equal_scikit_learn_on_diabetes_and_houses() {
    let path = format!(
        "{}/tests/fixtures/linear_regression.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 10);
    for case in cases {
        let data = &fixture["data"][case["data"].as_str().unwrap()];
        let (x, x_new) = (matrix(&data["x_fit"]), matrix(&data["x_new"]));
        let y: Vec<f64> = serde_json::from_value(data["y_fit"].clone()).unwrap();
        let penalty: Penalty = serde_json::from_value(case["spec"]["penalty"].clone()).unwrap();
        let what = format!("{} {penalty:?}", case["data"]);
        let params = LinearRegressionParams {
            penalty,
            max_iter: 100_000,
        };
        let model = LinearRegression::fit(&params, &x, &y).unwrap();
        assert!(model.converged, "{what}");
        // Least squares and ridge are exact; the lasso's optimum is scikit-learn's to its
        // tolerance (1e-10 on the duality gap).
        let tolerance = 1e-6;
        for (i, (ours, theirs)) in model
            .coef
            .iter()
            .zip(case["coef"].as_array().unwrap())
            .enumerate()
        {
            close(
                *ours,
                theirs.as_f64().unwrap(),
                tolerance,
                &format!("{what} coef {i}"),
            );
        }
        close(
            model.intercept,
            case["intercept"].as_f64().unwrap(),
            tolerance,
            &format!("{what} intercept"),
        );
        for (i, (ours, theirs)) in model
            .predict(&x_new)
            .iter()
            .zip(case["predicted"].as_array().unwrap())
            .enumerate()
        {
            close(
                *ours,
                theirs.as_f64().unwrap(),
                tolerance,
                &format!("{what} row {i}"),
            );
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
        penalty: Penalty::ElasticNet {
            alpha: 0.1,
            l1_ratio: 0.5,
        },
        max_iter: 1000,
    };
    let model = LinearRegression::fit(&params, &x, &y).unwrap();
    let back: LinearRegression =
        postcard::from_bytes(&postcard::to_allocvec(&model).unwrap()).unwrap();
    assert_eq!(back.predict(&x), model.predict(&x));
}
