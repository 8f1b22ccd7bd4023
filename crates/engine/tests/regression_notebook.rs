//! Notebooks whose target is a number: the task is read from the target, the models that
//! predict numbers train on it, and the evaluation measures them as scikit-learn's metrics do.
//! (The models and metrics equal scikit-learn's in regression_models.rs and metrics_parity.rs;
//! here, that a notebook wires them to the right rows.)

use latih_engine::metrics;
use latih_engine::models::{
    DecisionTreeParams, KnnParams, LinearRegressionParams, MlpParams, ModelSpec, Penalty,
    RandomForestParams,
};
use latih_engine::notebook::{
    evaluate, Cell, CellOutput, ModelSummary, Notebook, RegressionOutput, TrainCell, TuneCell,
};
use latih_engine::tune::Scoring;
use latih_engine::Error;
use std::collections::HashMap;

mod common;
use common::shipped;

fn regression(outputs: &[Result<CellOutput, Error>], index: usize) -> &RegressionOutput {
    match &outputs[index] {
        Ok(CellOutput::EvaluateRegression(r)) => r,
        other => panic!("expected a regression evaluation, got {other:?}"),
    }
}

fn with_model(mut nb: Notebook, model: ModelSpec) -> Notebook {
    nb.cells[2] = Cell::Train(TrainCell { model });
    nb
}

#[test]
fn diabetes_starts_with_linear_regression_scored_on_the_test_rows() {
    let data = shipped();
    let nb = Notebook::starter("diabetes", "progression");
    assert!(
        matches!(&nb.cells[2], Cell::Train(t) if matches!(t.model, ModelSpec::LinearRegression(_)))
    );
    let outputs = evaluate(&nb, &data);
    let Ok(CellOutput::Dataset(loaded)) = &outputs[0] else {
        panic!("{:?}", outputs[0]);
    };
    assert!(loaded.class_counts.is_empty());
    let range = loaded.numeric_target.expect("a regression target's range");
    assert_eq!((range.min, range.max), (25.0, 346.0));
    let Ok(CellOutput::Split(split)) = &outputs[1] else {
        panic!("{:?}", outputs[1]);
    };
    // Asked to stratify, a number target is shuffled as one group, and says so.
    assert!(!split.stratified);
    assert_eq!((split.train_rows, split.test_rows), (331, 111));
    let Ok(CellOutput::Train(trained)) = &outputs[2] else {
        panic!("{:?}", outputs[2]);
    };
    assert!(trained.regression);
    let eval = regression(&outputs, 3);
    assert_eq!(eval.y_true.len(), 111);
    // Each metric is the engine's (scikit-learn's) of the cell's own truth and predictions.
    let (t, p) = (&eval.y_true, &eval.y_pred);
    assert_eq!(eval.r2, metrics::r2_score(t, p).unwrap());
    assert_eq!(eval.mae, metrics::mean_absolute_error(t, p).unwrap());
    assert_eq!(eval.rmse, metrics::root_mean_squared_error(t, p).unwrap());
    assert_eq!(eval.mse, metrics::mean_squared_error(t, p).unwrap());
    assert_eq!(
        eval.mape,
        metrics::mean_absolute_percentage_error(t, p).ok()
    );
    assert_eq!(
        eval.explained_variance,
        metrics::explained_variance(t, p).unwrap()
    );
    // Linear regression explains about half of diabetes' progression (scikit-learn's own
    // example reports R² ≈ 0.45 on its split).
    assert!((0.3..0.65).contains(&eval.r2), "R² {}", eval.r2);
    assert!(eval.r2 < trained.train_accuracy + 0.1);
}

#[test]
fn the_test_rows_are_predicted_by_the_model_fitted_on_the_training_rows() {
    // The features decide the target exactly (y = 2a + 3b + 1): predictions set against the
    // truth of other rows would not give back this formula's values.
    let mut csv = String::from("a,b,y\n");
    for i in 0..40 {
        let (a, b) = (i as f64 * 0.25, ((i * 7) % 11) as f64);
        csv += &format!("{a},{b},{}\n", 2.0 * a + 3.0 * b + 1.0);
    }
    let data = HashMap::from([("line".to_string(), csv)]);
    // y has halves (a = i / 4): a continuous target.
    let nb = with_model(
        Notebook::starter("line", "y"),
        ModelSpec::LinearRegression(LinearRegressionParams::default()),
    );
    let outputs = evaluate(&nb, &data);
    let eval = regression(&outputs, 3);
    for (t, p) in eval.y_true.iter().zip(&eval.y_pred) {
        assert!((t - p).abs() < 1e-9, "{t} vs {p}");
    }
    assert!((eval.r2 - 1.0).abs() < 1e-12);
}

#[test]
fn k_nearest_neighbours_predicts_numbers_and_classifiers_say_what_to_choose() {
    let data = shipped();
    let knn = with_model(
        Notebook::starter("diabetes", "progression"),
        ModelSpec::KNearestNeighbors(KnnParams::default()),
    );
    let outputs = evaluate(&knn, &data);
    let eval = regression(&outputs, 3);
    // Unscaled, the larger blood measurements dominate the distances: a weak model, as
    // scikit-learn's is on the same features.
    assert!((0.0..0.6).contains(&eval.r2), "R² {}", eval.r2);

    // Trees, forests and boosting predict numbers too: a leaf's mean, or a sum of leaves.
    for model in [
        ModelSpec::DecisionTree(DecisionTreeParams {
            max_depth: Some(3),
            ..Default::default()
        }),
        ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 50,
            ..Default::default()
        }),
        ModelSpec::GradientBoosting(Default::default()),
    ] {
        let outputs = evaluate(
            &with_model(Notebook::starter("diabetes", "progression"), model),
            &data,
        );
        let Ok(CellOutput::Train(trained)) = &outputs[2] else {
            panic!("{:?}", outputs[2]);
        };
        assert_eq!(trained.importances.len(), 10);
        assert!((0.2..0.6).contains(&regression(&outputs, 3).r2));
    }

    // A network on numbers: its loss per epoch, and R² on the test rows.
    let network = with_model(
        Notebook::starter("diabetes", "progression"),
        ModelSpec::NeuralNetwork(MlpParams {
            hidden_layer_sizes: vec![64],
            learning_rate_init: 0.01,
            max_iter: 300,
            ..Default::default()
        }),
    );
    let outputs = evaluate(&network, &data);
    let Ok(CellOutput::Train(trained)) = &outputs[2] else {
        panic!("{:?}", outputs[2]);
    };
    assert!(matches!(trained.summary, ModelSummary::Network { .. }));
    assert_eq!(trained.loss_curve.len(), 300);
    assert!((0.3..0.6).contains(&regression(&outputs, 3).r2));

    let bayes = with_model(
        Notebook::starter("diabetes", "progression"),
        ModelSpec::GaussianNaiveBayes(Default::default()),
    );
    let outputs = evaluate(&bayes, &data);
    assert_eq!(outputs[2], Err(Error::ClassifierOnNumbers));
    assert!(matches!(outputs[3], Err(Error::NeedsCellAbove { .. })));

    let on_classes = with_model(
        Notebook::starter("iris", "species"),
        ModelSpec::LinearRegression(LinearRegressionParams::default()),
    );
    assert_eq!(
        evaluate(&on_classes, &data)[2],
        Err(Error::RegressorOnClasses)
    );
}

#[test]
fn a_second_model_for_numbers_predicts_numbers_and_a_search_ranks_by_r2() {
    let data = shipped();
    let mut nb = Notebook::starter("houses", "price");
    nb.add_model();
    let Cell::Train(second) = &nb.cells[4] else {
        panic!("{:?}", nb.cells[4]);
    };
    assert!(second.model.regresses());
    nb.cells.push(Cell::Tune(TuneCell::default()));
    let outputs = evaluate(&nb, &data);
    // Houses' price: numbers and categories (fuel, heating) one-hot encoded.
    let Ok(CellOutput::Train(trained)) = &outputs[2] else {
        panic!("{:?}", outputs[2]);
    };
    assert!(!trained.one_hot_columns.is_empty());
    assert!(regression(&outputs, 3).r2 > 0.5);
    assert!(regression(&outputs, 5).r2 > 0.3);
    // A search of numbers ranks by R² on plain (unstratified) folds of the training rows.
    let Ok(CellOutput::Tune(plan)) = &outputs[6] else {
        panic!("{:?}", outputs[6]);
    };
    assert_eq!(plan.scoring, Scoring::R2);
    assert_eq!(plan.folds, 5);
}

#[test]
fn many_whole_numbers_are_a_number_to_predict_and_many_categories_are_refused() {
    let mut numbers = String::from("x,y\n");
    let mut words = String::from("x,y\n");
    for i in 0..120 {
        numbers += &format!("{i},{}\n", i % 60);
        words += &format!("{i},w{}\n", i % 60);
    }
    let data = HashMap::from([
        ("numbers".to_string(), numbers),
        ("words".to_string(), words),
    ]);
    let linear = ModelSpec::LinearRegression(LinearRegressionParams {
        penalty: Penalty::Ridge,
        ..Default::default()
    });
    let outputs = evaluate(
        &with_model(Notebook::starter("numbers", "y"), linear.clone()),
        &data,
    );
    regression(&outputs, 3);
    let outputs = evaluate(&with_model(Notebook::starter("words", "y"), linear), &data);
    assert!(matches!(
        outputs[0],
        Err(Error::TooManyClasses { classes: 60, .. })
    ));
}

#[test]
fn switching_to_a_regression_data_set_gives_its_train_cells_models_that_predict_numbers() {
    let mut nb = with_model(
        Notebook::starter("iris", "species"),
        ModelSpec::GaussianNaiveBayes(Default::default()),
    );
    nb.add_model();
    if let Cell::Train(second) = &mut nb.cells[4] {
        second.model = ModelSpec::KNearestNeighbors(KnnParams::default());
    }
    nb.suit_models_below(0, true);
    let models: Vec<&ModelSpec> = nb
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Train(t) => Some(&t.model),
            _ => None,
        })
        .collect();
    // Naive Bayes becomes linear regression; k-nearest neighbours does both, and stays.
    assert!(matches!(models[0], ModelSpec::LinearRegression(_)));
    assert!(matches!(models[1], ModelSpec::KNearestNeighbors(_)));
    nb.suit_models_below(0, false);
    assert!(matches!(&nb.cells[2], Cell::Train(t) if t.model == ModelSpec::default()));
    // A decision tree does both: kept either way.
    nb.cells[2] = Cell::Train(TrainCell::default());
    nb.suit_models_below(0, true);
    assert!(matches!(&nb.cells[2], Cell::Train(t) if t.model == ModelSpec::default()));
}

#[test]
fn a_target_too_large_to_square_is_refused_with_its_size() {
    let csv: String = (0..60).fold("x,y\n".to_string(), |csv, i| {
        csv + &format!("{i},{}e200\n", i + 1)
    });
    let data = HashMap::from([("huge".to_string(), csv)]);
    let outputs = evaluate(&Notebook::starter("huge", "y"), &data);
    match &outputs[2] {
        Err(Error::TargetTooLarge { largest }) => assert_eq!(*largest, 60e200),
        other => panic!("{other:?}"),
    }
}

#[test]
fn folds_of_a_file_sorted_by_its_target_each_hold_the_whole_range() {
    // Diabetes sorted by progression: folds cut in the file's order would each validate on a
    // narrow band of the target the model never saw (R² far below zero); cut from the training
    // rows shuffled, each fold scores like the test rows do.
    let text = common::shipped_csv("diabetes");
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    let column = header.split(',').position(|c| c == "progression").unwrap();
    let progression =
        |line: &&str| -> f64 { line.split(',').nth(column).unwrap().parse().unwrap() };
    lines.sort_by(|a, b| progression(a).total_cmp(&progression(b)));
    let sorted = format!("{header}\n{}\n", lines.join("\n"));
    let data: HashMap<String, String> = [("diabetes".to_string(), sorted)].into();

    let mut nb = Notebook::starter("diabetes", "progression");
    nb.add_tune();
    let Some(Cell::Tune(tune)) = nb.cells.last_mut() else {
        panic!("a tune cell")
    };
    tune.spaces.clear();
    let test_r2 = regression(&evaluate(&nb, &data), 3).r2;
    let tune_cell = nb.cells.len() - 1;
    let results = latih_engine::notebook::run_candidates(
        &nb,
        tune_cell,
        &[0],
        None,
        &data,
        &|| 0.0,
        &mut |_| {},
    )
    .unwrap();
    let scores = &results[0].test_scores;
    assert_eq!(scores.len(), 5);
    for score in scores {
        assert!(
            (score - test_r2).abs() < 0.25,
            "fold R² {score} against the test rows' {test_r2}: {scores:?}"
        );
    }
}
