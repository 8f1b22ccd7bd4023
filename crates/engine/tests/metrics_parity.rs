//! Every metric against scikit-learn to 1e-9, on the cases of tests/fixtures/metrics.json
//! (binary, multiclass, ties in scores, a class never predicted, a class absent from y_true,
//! constant predictions, imbalance), written by scripts/fixtures/make_engine_fixtures.py.

use latih_engine::features::Matrix;
use latih_engine::metrics::*;
use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

type RegressionMetric = fn(&[f64], &[f64]) -> Result<f64, latih_engine::Error>;

fn fixture() -> Value {
    let path = format!("{}/tests/fixtures/metrics.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A fixture number: null is NaN, "inf"/"-inf" are infinities.
fn num(v: &Value) -> f64 {
    match v {
        Value::Null => f64::NAN,
        Value::String(s) if s == "inf" => f64::INFINITY,
        Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        _ => v.as_f64().unwrap_or_else(|| panic!("not a number: {v}")),
    }
}

#[track_caller]
fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(num)
        .collect()
}

fn codes(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            x.as_u64()
                .unwrap_or_else(|| panic!("not a code: {x} in {v}")) as u32
        })
        .collect()
}

fn matrix(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().unwrap().iter().map(nums).collect()
}

fn close(ours: f64, theirs: f64) -> bool {
    (ours.is_nan() && theirs.is_nan())
        || ours == theirs
        || (ours - theirs).abs() <= TOLERANCE * theirs.abs().max(1.0)
}

#[track_caller]
fn assert_close(ours: f64, theirs: f64, what: &str) {
    assert!(
        close(ours, theirs),
        "{what}: latih {ours} vs scikit-learn {theirs}"
    );
}

#[track_caller]
fn assert_all_close(ours: &[f64], theirs: &[f64], what: &str) {
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{what}: lengths {ours:?} vs {theirs:?}"
    );
    for (i, (o, t)) in ours.iter().zip(theirs).enumerate() {
        assert_close(*o, *t, &format!("{what}[{i}]"));
    }
}

/// A result that scikit-learn either returned (a number) or raised for ({"error": …}).
#[track_caller]
fn assert_outcome(ours: Result<f64, latih_engine::Error>, theirs: &Value, what: &str) {
    match (ours, theirs.get("error")) {
        (Ok(value), None) => assert_close(value, num(theirs), what),
        (Err(_), Some(_)) => {}
        (ours, theirs) => panic!("{what}: latih {ours:?} vs scikit-learn {theirs:?}"),
    }
}

fn zero_division(name: &str) -> ZeroDivision {
    match name {
        "warn" => ZeroDivision::Warn,
        "zero" => ZeroDivision::Zero,
        "one" => ZeroDivision::One,
        "nan" => ZeroDivision::NaN,
        other => panic!("unknown zero_division {other}"),
    }
}

#[test]
fn classification_metrics_equal_scikit_learn() {
    let fixture = fixture();
    let cases = fixture["classification"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (y_true, y_pred) = (codes(&case["y_true"]), codes(&case["y_pred"]));
        let proba = matrix(&case["proba"]);
        let n_classes = case["n_classes"].as_u64().unwrap() as usize;
        let what = |metric: &str| format!("{name}: {metric}");

        assert_close(
            accuracy(&y_true, &y_pred).unwrap(),
            num(&case["accuracy"]),
            &what("accuracy"),
        );
        assert_close(
            balanced_accuracy(&y_true, &y_pred).unwrap(),
            num(&case["balanced_accuracy"]),
            &what("balanced accuracy"),
        );
        assert_close(
            matthews_corrcoef(&y_true, &y_pred).unwrap(),
            num(&case["mcc"]),
            &what("mcc"),
        );
        assert_close(
            cohen_kappa(&y_true, &y_pred).unwrap(),
            num(&case["kappa"]),
            &what("kappa"),
        );
        assert_close(
            log_loss(&y_true, &proba).unwrap(),
            num(&case["log_loss"]),
            &what("log loss"),
        );

        let counts = confusion_matrix(&y_true, &y_pred, n_classes);
        let expected: Vec<Vec<u64>> = case["confusion_counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(counts, expected, "{name}: confusion counts");
        for (key, normalize) in [
            ("true", Normalize::True),
            ("pred", Normalize::Pred),
            ("all", Normalize::All),
        ] {
            let ours = normalize_confusion(&counts, normalize);
            let theirs = matrix(&case["confusion"][key]);
            for (o, t) in ours.iter().zip(&theirs) {
                assert_all_close(o, t, &what(&format!("confusion normalised by {key}")));
            }
        }

        for entry in case["averaged"].as_array().unwrap() {
            let average = match entry["average"].as_str().unwrap() {
                "micro" => Average::Micro,
                "macro" => Average::Macro,
                "weighted" => Average::Weighted,
                "binary" => Average::Binary { pos_label: 1 },
                other => panic!("unknown average {other}"),
            };
            let zd = entry["zero_division"].as_str().unwrap();
            let beta = num(&entry["beta"]);
            let ours =
                precision_recall_fscore(&y_true, &y_pred, average, beta, zero_division(zd), None)
                    .unwrap();
            let label = what(&format!("{average:?} zero_division={zd} beta={beta}"));
            assert_close(
                ours.precision,
                num(&entry["precision"]),
                &format!("{label} precision"),
            );
            assert_close(
                ours.recall,
                num(&entry["recall"]),
                &format!("{label} recall"),
            );
            assert_close(ours.f_score, num(&entry["f_score"]), &format!("{label} f"));
        }

        for entry in case["per_label"].as_array().unwrap() {
            let zd = entry["zero_division"].as_str().unwrap();
            let ours =
                precision_recall_fscore_per_label(&y_true, &y_pred, None, 1.0, zero_division(zd))
                    .unwrap();
            assert_eq!(ours.labels, codes(&entry["labels"]), "{name}: labels");
            assert_all_close(
                &ours.precision,
                &nums(&entry["precision"]),
                &what("per-label precision"),
            );
            assert_all_close(
                &ours.recall,
                &nums(&entry["recall"]),
                &what("per-label recall"),
            );
            assert_all_close(
                &ours.f_score,
                &nums(&entry["f_score"]),
                &what("per-label f1"),
            );
            let support: Vec<f64> = ours.support.iter().map(|&s| s as f64).collect();
            assert_all_close(
                &support,
                &nums(&entry["support"]),
                &what("per-label support"),
            );
        }

        let report =
            classification_report(&y_true, &y_pred, n_classes, ZeroDivision::Warn).unwrap();
        let theirs = &case["report"];
        let rows = report
            .per_class
            .iter()
            .enumerate()
            .map(|(i, row)| (i.to_string(), row))
            .chain([
                ("macro avg".to_string(), &report.macro_avg),
                ("weighted avg".to_string(), &report.weighted_avg),
            ]);
        for (key, row) in rows {
            let t = &theirs[&key];
            assert_close(
                row.precision,
                num(&t["precision"]),
                &what(&format!("report {key} precision")),
            );
            assert_close(
                row.recall,
                num(&t["recall"]),
                &what(&format!("report {key} recall")),
            );
            assert_close(
                row.f1,
                num(&t["f1-score"]),
                &what(&format!("report {key} f1")),
            );
            assert_close(
                row.support as f64,
                num(&t["support"]),
                &what(&format!("report {key} support")),
            );
        }
        assert_close(
            report.accuracy,
            num(&theirs["accuracy"]),
            &what("report accuracy"),
        );

        if n_classes == 2 {
            let scores: Vec<f64> = proba.iter().map(|row| row[1]).collect();
            for drop in [true, false] {
                let curve = roc_curve(&y_true, &scores, 1, drop).unwrap();
                let theirs = &case[format!("roc_drop_{drop}")];
                assert_all_close(
                    &curve.fpr,
                    &nums(&theirs["fpr"]),
                    &what(&format!("roc fpr drop={drop}")),
                );
                assert_all_close(
                    &curve.tpr,
                    &nums(&theirs["tpr"]),
                    &what(&format!("roc tpr drop={drop}")),
                );
                assert_all_close(
                    &curve.thresholds,
                    &nums(&theirs["thresholds"]),
                    &what(&format!("roc thresholds drop={drop}")),
                );
            }
            let pr = precision_recall_curve(&y_true, &scores, 1).unwrap();
            assert_all_close(
                &pr.precision,
                &nums(&case["pr_curve"]["precision"]),
                &what("pr precision"),
            );
            assert_all_close(
                &pr.recall,
                &nums(&case["pr_curve"]["recall"]),
                &what("pr recall"),
            );
            assert_all_close(
                &pr.thresholds,
                &nums(&case["pr_curve"]["thresholds"]),
                &what("pr thresholds"),
            );
            assert_outcome(
                roc_auc_binary(&y_true, &scores, 1),
                &case["roc_auc"],
                &what("roc auc"),
            );
            assert_outcome(
                average_precision_binary(&y_true, &scores, 1),
                &case["average_precision"],
                &what("average precision"),
            );
        } else {
            for (key, average) in [
                ("macro", ClassAverage::Macro),
                ("weighted", ClassAverage::Weighted),
            ] {
                assert_outcome(
                    roc_auc_ovr(&y_true, &proba, average),
                    &case[format!("roc_auc_ovr_{key}")],
                    &what(&format!("roc auc ovr {key}")),
                );
                assert_outcome(
                    average_precision_ovr(&y_true, &proba, average),
                    &case[format!("average_precision_{key}")],
                    &what(&format!("average precision {key}")),
                );
            }
        }
    }
}

#[test]
fn regression_metrics_equal_scikit_learn() {
    let fixture = fixture();
    for case in fixture["regression"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let (y, p) = (nums(&case["y_true"]), nums(&case["y_pred"]));
        let metrics: [(&str, RegressionMetric); 7] = [
            ("mae", mean_absolute_error),
            ("mse", mean_squared_error),
            ("rmse", root_mean_squared_error),
            ("r2", r2_score),
            ("mape", mean_absolute_percentage_error),
            ("median_ae", median_absolute_error),
            ("explained_variance", explained_variance),
        ];
        for (key, metric) in metrics {
            assert_close(
                metric(&y, &p).unwrap(),
                num(&case[key]),
                &format!("{name}: {key}"),
            );
        }
    }
}

#[test]
fn clustering_metrics_equal_scikit_learn() {
    let fixture = fixture();
    for case in fixture["clustering"]["silhouette"].as_array().unwrap() {
        let rows: Vec<Vec<f64>> = matrix(&case["x"]);
        let x = Matrix {
            rows: rows.len(),
            cols: rows[0].len(),
            data: rows.concat(),
        };
        let name = case["name"].as_str().unwrap();
        assert_close(
            silhouette_score(&x, &codes(&case["labels"])).unwrap(),
            num(&case["silhouette"]),
            &format!("{name}: silhouette"),
        );
    }
    for case in fixture["clustering"]["adjusted_rand"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        assert_close(
            adjusted_rand_score(&codes(&case["a"]), &codes(&case["b"])).unwrap(),
            num(&case["ari"]),
            &format!("{name}: adjusted rand"),
        );
    }
}

#[test]
fn refusals_are_errors_not_panics() {
    use latih_engine::Error;
    assert_eq!(balanced_accuracy(&[], &[]), Err(Error::EmptyInput));
    assert!(matches!(
        matthews_corrcoef(&[0, 1], &[0]),
        Err(Error::LengthMismatch { .. })
    ));
    assert!(matches!(
        precision_recall_fscore(
            &[0, 1, 2],
            &[0, 1, 2],
            Average::Binary { pos_label: 1 },
            1.0,
            ZeroDivision::Warn,
            None
        ),
        Err(Error::NotBinary { classes: 3 })
    ));
    assert!(matches!(
        precision_recall_fscore(
            &[0, 1],
            &[0, 1],
            Average::Macro,
            -1.0,
            ZeroDivision::Warn,
            None
        ),
        Err(Error::InvalidMetricParameter { .. })
    ));
    assert_eq!(
        roc_auc_binary(&[1, 1, 1], &[0.1, 0.5, 0.9], 1),
        Err(Error::OneClassInTruth)
    );
    assert_eq!(
        roc_curve(&[0, 1], &[0.1, f64::NAN], 1, true),
        Err(Error::ScoresNotFinite)
    );
    assert_eq!(
        log_loss(&[0], &[vec![0.7, 0.7]]),
        Err(Error::ProbabilitiesInvalid)
    );
    assert!(matches!(
        log_loss(&[2], &[vec![0.5, 0.5]]),
        Err(Error::ScoresShape { .. })
    ));
    let x = Matrix {
        rows: 3,
        cols: 1,
        data: vec![0.0, 1.0, 2.0],
    };
    assert!(matches!(
        silhouette_score(&x, &[0, 0, 0]),
        Err(Error::ClusterCount { clusters: 1, .. })
    ));
    assert!(matches!(
        r2_score(&[1.0, f64::INFINITY], &[1.0, 2.0]),
        Err(Error::ScoresNotFinite)
    ));
}
