//! describe() against pandas, and the scalers and imputers against scikit-learn, fitted on the
//! training rows only (tests/fixtures/metrics.json, family "prep").

use latih_engine::prep::{ImputeStrategy, Imputer, Scaler, ScalerKind};
use latih_engine::table::present;
use latih_engine::table::profile::describe;
use serde_json::Value;

fn fixture() -> Value {
    let path = format!("{}/tests/fixtures/metrics.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A fixture column: null is a missing value, NaN in a numeric column as in pandas.
fn column(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

#[track_caller]
fn close(ours: Option<f64>, theirs: Option<f64>, what: &str) {
    match (ours, theirs) {
        (None, None) => {}
        (Some(o), Some(t)) => assert!(
            o == t || (o - t).abs() <= 1e-9 * t.abs().max(1.0),
            "{what}: latih {o} vs {t}"
        ),
        _ => panic!("{what}: latih {ours:?} vs {theirs:?}"),
    }
}

#[test]
fn describe_scalers_and_imputers_equal_pandas_and_scikit_learn() {
    let fixture = fixture();
    let cases = fixture["prep"].as_array().unwrap();
    assert!(cases.len() >= 6);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let values = column(&case["values"]);
        let train: Vec<usize> = case["train_rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_u64().unwrap() as usize)
            .collect();

        let d = describe(&values);
        let theirs = &case["describe"];
        assert_eq!(
            d.count as f64,
            theirs["count"].as_f64().unwrap(),
            "{name}: count"
        );
        for (ours, key) in [
            (d.mean, "mean"),
            (d.std, "std"),
            (d.min, "min"),
            (d.q25, "25%"),
            (d.q50, "50%"),
            (d.q75, "75%"),
            (d.max, "max"),
        ] {
            close(
                ours,
                theirs[key].as_f64(),
                &format!("{name}: describe {key}"),
            );
        }

        for (key, kind) in [
            ("standard", ScalerKind::Standard),
            ("min_max", ScalerKind::MinMax),
            ("robust", ScalerKind::Robust),
        ] {
            let expected = &case["scalers"][key];
            let scaled = Scaler::fit(kind, &values, &train, name).map(|s| s.transform(&values));
            match (scaled, expected.get("error")) {
                (Ok(ours), None) => {
                    for (i, (o, t)) in ours.iter().zip(column(expected)).enumerate() {
                        close(present(*o), present(t), &format!("{name}: {key} row {i}"));
                    }
                }
                (Err(_), Some(_)) => {}
                (ours, theirs) => panic!("{name} {key}: {ours:?} vs {theirs:?}"),
            }
        }

        for (key, strategy) in [
            ("mean", ImputeStrategy::Mean),
            ("median", ImputeStrategy::Median),
            ("most_frequent", ImputeStrategy::MostFrequent),
            ("constant", ImputeStrategy::Constant(-1.0)),
        ] {
            let expected = &case["imputers"][key];
            match (
                Imputer::fit(&strategy, &values, &train, name),
                expected.get("error"),
            ) {
                (Ok(imputer), None) => {
                    close(
                        Some(imputer.fill),
                        expected["fill"].as_f64(),
                        &format!("{name}: {key} fill"),
                    );
                    let filled = imputer.transform(&values);
                    for (i, (o, t)) in filled.iter().zip(column(&expected["values"])).enumerate() {
                        close(Some(*o), present(t), &format!("{name}: {key} row {i}"));
                    }
                }
                (Err(_), Some(_)) => {}
                (ours, theirs) => panic!("{name} {key}: {ours:?} vs {theirs:?}"),
            }
        }
    }
}

#[test]
fn nothing_to_learn_from_is_an_error_naming_the_column() {
    let empty = vec![f64::NAN, f64::NAN, 4.0];
    let err = Imputer::fit(&ImputeStrategy::Median, &empty, &[0, 1], "age").unwrap_err();
    assert_eq!(
        err,
        latih_engine::Error::ColumnAllMissing {
            column: "age".into()
        }
    );
    assert!(Scaler::fit(ScalerKind::Standard, &empty, &[0, 1], "age").is_err());
    // The test row's value played no part: fitted on the training rows only.
    let train_only = Imputer::fit(&ImputeStrategy::Mean, &[1.0, 3.0, 100.0], &[0, 1], "x");
    assert_eq!(train_only.unwrap().fill, 2.0);
}

#[test]
fn a_table_profile_equals_pandas_missing_unique_top_and_correlations() {
    let path = format!("{}/tests/fixtures/profile.json", env!("CARGO_MANIFEST_DIR"));
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for case in fixture["cases"].as_array().unwrap() {
        let dataset = case["dataset"].as_str().unwrap();
        let text = std::fs::read_to_string(format!(
            "{}/../../static/data/{dataset}.csv",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let profile =
            latih_engine::table::profile::profile(&latih_engine::table::read_csv(&text).unwrap());
        assert_eq!(profile.rows as u64, case["rows"].as_u64().unwrap());
        for column in &profile.columns {
            let name = column.name.as_str();
            assert_eq!(
                column.missing as u64,
                case["missing"][name].as_u64().unwrap(),
                "{dataset} {name} missing"
            );
            assert_eq!(
                column.unique as u64,
                case["unique"][name].as_u64().unwrap(),
                "{dataset} {name} unique"
            );
            if let Some(top) = case["top"].get(name) {
                let want = (
                    top[0].as_str().unwrap().to_string(),
                    top[1].as_u64().unwrap() as usize,
                );
                assert_eq!(column.top.as_ref(), Some(&want), "{dataset} {name} top");
            }
        }
        for column in profile.columns.iter().filter(|c| c.histogram.is_some()) {
            let (name, ours) = (&column.name, column.histogram.as_ref().unwrap());
            let theirs = &case["histogram"][name];
            let counts: Vec<usize> = serde_json::from_value(theirs["counts"].clone()).unwrap();
            assert_eq!(ours.counts, counts, "{dataset} {name} histogram");
            close(
                Some(ours.low),
                theirs["low"].as_f64(),
                &format!("{dataset} {name} low"),
            );
            close(
                Some(ours.high),
                theirs["high"].as_f64(),
                &format!("{dataset} {name} high"),
            );
        }
        let numeric: Vec<String> = serde_json::from_value(case["numeric"].clone()).unwrap();
        assert_eq!(profile.numeric, numeric, "{dataset} numeric columns");
        let expected: Vec<Vec<Option<f64>>> =
            serde_json::from_value(case["correlation"].clone()).unwrap();
        for (got_row, want_row) in profile.correlation.iter().zip(&expected) {
            for (got, want) in got_row.iter().zip(want_row) {
                match want {
                    Some(want) => assert!((got - want).abs() < 1e-9, "{dataset}: {got} vs {want}"),
                    None => assert!(got.is_nan()),
                }
            }
        }
    }
}

/// Every cleaning step that `tests/fixtures/steps.json` (scripts/fixtures/make_steps_fixtures.py)
/// did with pandas and scikit-learn: the same rows are left, in the same order, with the same
/// values in the column the step changed.
#[test]
fn cleaning_steps_equal_pandas_and_scikit_learn_fitted_on_the_training_rows() {
    use latih_engine::prep::{Prepared, Step};
    use latih_engine::table::read_csv;
    let path = format!("{}/tests/fixtures/steps.json", env!("CARGO_MANIFEST_DIR"));
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let table = read_csv(fixture["csv"].as_str().unwrap()).unwrap();
    let rows = |key: &str| -> Vec<usize> { serde_json::from_value(fixture[key].clone()).unwrap() };
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 12);
    for case in cases {
        let step: Step = serde_json::from_value(case["step"].clone()).unwrap();
        let mut data = Prepared {
            table: table.clone(),
            target: fixture["target"].as_str().unwrap().to_string(),
            train: rows("train_rows"),
            test: rows("test_rows"),
            carried: Vec::new(),
        };
        step.apply(&mut data)
            .unwrap_or_else(|e| panic!("{step:?}: {e:?}"));
        let ids = data.table.column("id").unwrap();
        let ids: Vec<u64> = (0..ids.len())
            .map(|r| ids.display(r).parse().unwrap())
            .collect();
        let want_ids: Vec<u64> = serde_json::from_value(case["ids"].clone()).unwrap();
        assert_eq!(ids, want_ids, "{step:?}: the rows left");
        let name = case["column"].as_str().unwrap();
        let column = data.table.column(name).unwrap();
        for (row, want) in case["values"].as_array().unwrap().iter().enumerate() {
            let what = format!("{step:?} row {row}");
            match want {
                Value::String(want) => assert_eq!(&column.display(row), want, "{what}"),
                Value::Null => assert!(column.is_missing(row), "{what}: {}", column.display(row)),
                number => {
                    let ours = column.display(row).parse::<f64>().ok();
                    close(ours, number.as_f64(), &what);
                }
            }
        }
    }
}
