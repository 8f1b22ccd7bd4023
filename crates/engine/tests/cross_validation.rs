//! Cross-validation and search against scikit-learn: the same folds as `KFold` and
//! `StratifiedKFold`, the same scores as `cross_val_score`, and searches that behave like
//! `GridSearchCV` / `RandomizedSearchCV`.

use latih_engine::features::{encode_target, Target};
use latih_engine::models::{GaussianNbParams, KnnParams, ModelSpec};
use latih_engine::split::{k_fold, stratified_k_fold, Fold};
use latih_engine::table::read_csv;
use latih_engine::tune::{
    self, best, cross_validate_candidate, summarize, Candidate, CvData, Param, Scoring, SearchKind,
    SpaceText,
};
use latih_engine::Error;
use serde_json::Value;

mod common;
use common::shipped_csv;

fn fixture() -> Value {
    let path = format!(
        "{}/tests/fixtures/cross_validation.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn usizes(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

/// The deterministic model a fixture case was made with, at the parameters it used.
fn fixture_model(case: &Value) -> ModelSpec {
    match case["model"].as_str().unwrap() {
        "knn" => ModelSpec::KNearestNeighbors(KnnParams::default()),
        _ => ModelSpec::GaussianNaiveBayes(GaussianNbParams::default()),
    }
}

fn validation_sets(folds: &[Fold]) -> Vec<Vec<usize>> {
    folds.iter().map(|f| f.validation.clone()).collect()
}

#[test]
fn k_fold_blocks_are_scikit_learns() {
    for case in fixture()["k_fold"].as_array().unwrap() {
        let rows = case["rows"].as_u64().unwrap() as usize;
        let folds = k_fold(rows, case["folds"].as_u64().unwrap() as usize).unwrap();
        let expected: Vec<Vec<usize>> = case["validation_folds"]
            .as_array()
            .unwrap()
            .iter()
            .map(usizes)
            .collect();
        assert_eq!(validation_sets(&folds), expected);
        for fold in &folds {
            assert_eq!(fold.train.len() + fold.validation.len(), rows);
        }
    }
}

#[test]
fn stratified_folds_and_cross_val_scores_are_scikit_learns() {
    let mut checked = 0;
    for case in fixture()["cases"].as_array().unwrap() {
        let dataset = case["dataset"].as_str().unwrap();
        let target = case["target"].as_str().unwrap();
        let table = read_csv(&shipped_csv(dataset)).unwrap();
        let labels = encode_target(&table, target).unwrap();
        let outcome = Target::Classes(labels.clone());
        let rows = usizes(&case["rows"]);
        let codes: Vec<u32> = rows.iter().map(|&r| labels.codes[r]).collect();
        let folds = stratified_k_fold(&codes, 5).unwrap();
        let expected: Vec<Vec<usize>> = case["validation_folds"]
            .as_array()
            .unwrap()
            .iter()
            .map(usizes)
            .collect();
        assert_eq!(validation_sets(&folds), expected, "{dataset} folds");

        let model = fixture_model(case);
        let data = CvData {
            table: &table,
            target,
            outcome: &outcome,
            rows: &rows,
        };
        for (name, scoring) in [
            ("accuracy", Scoring::Accuracy),
            ("balanced_accuracy", Scoring::BalancedAccuracy),
            ("f1_macro", Scoring::F1Macro),
            ("roc_auc", Scoring::RocAuc),
        ] {
            let result = cross_validate_candidate(
                &data,
                &model,
                &Candidate { values: Vec::new() },
                &folds,
                scoring,
                &|| 0.0,
                &mut |_| {},
            );
            let expected: Vec<f64> = case["scores"][name]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            assert_eq!(result.error, None);
            for (got, want) in result.test_scores.iter().zip(&expected) {
                assert!(
                    (got - want).abs() < 1e-9,
                    "{dataset} {name}: {:?} vs {expected:?}",
                    result.test_scores
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 48);
}

#[test]
fn fold_counts_outside_two_to_rows_and_classes_too_small_are_errors() {
    assert!(matches!(k_fold(5, 1), Err(Error::InvalidParameter { .. })));
    assert!(matches!(k_fold(5, 6), Err(Error::InvalidParameter { .. })));
    assert_eq!(
        stratified_k_fold(&[0, 0, 1, 1, 2, 2], 3),
        Err(Error::ClassesSmallerThanFolds {
            folds: 3,
            largest: 2
        })
    );
}

fn tree() -> ModelSpec {
    ModelSpec::DecisionTree(Default::default())
}

fn space(param: Param, text: &str) -> SpaceText {
    SpaceText {
        param,
        text: text.into(),
    }
}

#[test]
fn a_grid_is_every_combination_in_order() {
    let grid = tune::candidates(
        &tree(),
        &[
            space(Param::named("max_depth").unwrap(), "2, 4"),
            space(Param::named("min_samples_split").unwrap(), "2..4"),
        ],
        SearchKind::Grid,
    )
    .unwrap();
    let values: Vec<Vec<f64>> = grid
        .iter()
        .map(|c| c.values.iter().map(|(_, v)| *v).collect())
        .collect();
    assert_eq!(
        values,
        [
            [2.0, 2.0],
            [2.0, 3.0],
            [2.0, 4.0],
            [4.0, 2.0],
            [4.0, 3.0],
            [4.0, 4.0]
        ]
    );
    // Spaces of parameters the model lacks are ignored; none at all is a plain CV.
    let knn_only = tune::candidates(
        &tree(),
        &[space(Param::named("n_neighbors").unwrap(), "1, 2")],
        SearchKind::Grid,
    )
    .unwrap();
    assert_eq!(knn_only, [Candidate { values: Vec::new() }]);
}

#[test]
fn log_ranges_give_powers_of_ten_in_a_grid_and_stay_inside_when_random() {
    let nb = ModelSpec::GaussianNaiveBayes(Default::default());
    let spaces = [space(
        Param::named("var_smoothing").unwrap(),
        "log 0.00001..0.1",
    )];
    let grid = tune::candidates(&nb, &spaces, SearchKind::Grid).unwrap();
    let values: Vec<f64> = grid.iter().map(|c| c.values[0].1).collect();
    assert_eq!(values.len(), 5);
    for (v, want) in values.iter().zip([1e-5, 1e-4, 1e-3, 1e-2, 1e-1]) {
        assert!((v / want - 1.0).abs() < 1e-9, "{values:?}");
    }
    let search = SearchKind::Random {
        iterations: 50,
        seed: 3,
    };
    let drawn = tune::candidates(&nb, &spaces, search).unwrap();
    assert_eq!(drawn.len(), 50);
    let values: Vec<f64> = drawn.iter().map(|c| c.values[0].1).collect();
    assert!(
        values.iter().all(|v| (1e-5..=0.1).contains(v)),
        "{values:?}"
    );
    assert!(values.iter().any(|v| *v < 1e-4) && values.iter().any(|v| *v > 1e-2));
    assert_eq!(drawn, tune::candidates(&nb, &spaces, search).unwrap());
    let other = SearchKind::Random {
        iterations: 50,
        seed: 4,
    };
    assert_ne!(drawn, tune::candidates(&nb, &spaces, other).unwrap());
}

#[test]
fn unreadable_spaces_and_huge_grids_are_errors() {
    for text in ["two, four", "4..2", "log 0..1", "1..", "NaN"] {
        assert_eq!(
            tune::candidates(
                &tree(),
                &[space(Param::named("max_depth").unwrap(), text)],
                SearchKind::Grid
            ),
            Err(Error::InvalidSearchSpace {
                param: "max_depth".into(),
                text: text.into()
            }),
            "{text}"
        );
    }
    let huge = tune::candidates(
        &tree(),
        &[
            space(Param::named("max_depth").unwrap(), "1..64"),
            space(Param::named("min_samples_split").unwrap(), "2..50"),
        ],
        SearchKind::Grid,
    );
    assert!(
        matches!(huge, Err(Error::TooManyCandidates { .. })),
        "{huge:?}"
    );
    // A value out of a parameter's range fails its candidate only.
    let bad = Candidate {
        values: vec![(Param::named("max_depth").unwrap(), 0.0)],
    };
    assert!(matches!(
        bad.model(&tree()),
        Err(Error::InvalidParameter { .. })
    ));
}

#[test]
fn results_rank_like_cv_results_with_ties_sharing_and_failures_last() {
    let result = |scores: &[f64]| tune::CandidateResult {
        candidate: Candidate { values: Vec::new() },
        test_scores: scores.to_vec(),
        train_scores: scores.to_vec(),
        fit_ms: vec![1.0; scores.len()],
        error: None,
    };
    let rows = summarize(&[
        result(&[0.5, 1.0]),
        result(&[0.75, 0.75]),
        result(&[f64::NAN, 1.0]),
        result(&[0.875, 0.875]),
    ]);
    let ranks: Vec<usize> = rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [2, 2, 4, 1]);
    assert_eq!(rows[0].std_test_score, 0.25);
    assert_eq!(rows[1].std_test_score, 0.0);
    assert!(rows[2].mean_test_score.is_nan());
    assert_eq!(best(&rows), Some(3));
}

fn scored(values: &[(Param, f64)], test: &[f64]) -> tune::CandidateResult {
    tune::CandidateResult {
        candidate: Candidate {
            values: values.to_vec(),
        },
        test_scores: test.to_vec(),
        train_scores: test.iter().map(|s| (s + 0.1).min(1.0)).collect(),
        fit_ms: vec![1.0; test.len()],
        error: None,
    }
}

#[test]
fn one_varied_parameter_gives_a_sorted_validation_curve_and_no_grid() {
    let results = [
        scored(&[(Param::named("max_depth").unwrap(), 8.0)], &[0.5, 0.75]),
        scored(&[(Param::named("max_depth").unwrap(), 2.0)], &[0.25, 0.25]),
    ];
    let rows = summarize(&results);
    let curve = tune::validation_curve(&results, &rows).unwrap();
    assert_eq!(curve.param, Param::named("max_depth").unwrap());
    assert_eq!(curve.x, [2.0, 8.0]);
    assert_eq!(curve.test_mean, [0.25, 0.625]);
    assert_eq!(curve.test_std, [0.0, 0.125]);
    assert_eq!(curve.train_mean, [0.35, 0.725]);
    assert_eq!(tune::score_grid(&results, &rows), None);
}

#[test]
fn two_varied_parameters_give_a_grid_of_the_best_mean_per_pair() {
    let (d, s, n) = (
        Param::named("max_depth").unwrap(),
        Param::named("min_samples_split").unwrap(),
        Param::named("n_estimators").unwrap(),
    );
    let results = [
        scored(&[(d, 2.0), (s, 2.0), (n, 10.0)], &[0.5]),
        scored(&[(d, 2.0), (s, 2.0), (n, 20.0)], &[0.75]),
        scored(&[(d, 4.0), (s, 10.0), (n, 10.0)], &[0.25]),
    ];
    let rows = summarize(&results);
    assert_eq!(tune::validation_curve(&results, &rows), None);
    let grid = tune::score_grid(&results, &rows).unwrap();
    assert_eq!((grid.row_param, grid.column_param), (d, s));
    assert_eq!(grid.row_values, [2.0, 4.0]);
    assert_eq!(grid.column_values, [2.0, 10.0]);
    assert_eq!(grid.scores[0][0], 0.75, "the best over n_estimators");
    assert!(grid.scores[0][1].is_nan() && grid.scores[1][0].is_nan());
    assert_eq!(grid.scores[1][1], 0.25);
}

#[test]
fn learning_curves_are_scikit_learns() {
    for case in fixture()["learning_curve"].as_array().unwrap() {
        let dataset = case["dataset"].as_str().unwrap();
        let target = case["target"].as_str().unwrap();
        let table = read_csv(&shipped_csv(dataset)).unwrap();
        let labels = encode_target(&table, target).unwrap();
        let outcome = Target::Classes(labels.clone());
        let rows: Vec<usize> = (0..table.n_rows()).collect();
        let folds = stratified_k_fold(&labels.codes, 5).unwrap();
        let sizes = tune::learning_curve_sizes(&folds);
        assert_eq!(sizes, usizes(&case["sizes"]), "{dataset}");
        let model = fixture_model(case);
        let data = CvData {
            table: &table,
            target,
            outcome: &outcome,
            rows: &rows,
        };
        for (i, &size) in sizes.iter().enumerate() {
            let point = tune::learning_curve_point(
                &data,
                &model,
                &folds,
                size,
                Scoring::Accuracy,
                None,
                &mut |_| {},
            );
            for (scores, key) in [
                (&point.test_scores, "test_scores"),
                (&point.train_scores, "train_scores"),
            ] {
                let want: Vec<f64> = case[key][i]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect();
                for (got, want) in scores.iter().zip(&want) {
                    assert!(
                        (got - want).abs() < 1e-9,
                        "{dataset} {key} at {size}: {scores:?} vs {want:?}"
                    );
                }
            }
        }
    }
}
