//! Whole notebooks on the shipped data sets, and the errors a learner can provoke.

use latih_engine::error::CellKind;
use latih_engine::models::{DecisionTreeParams, ModelSpec};
use latih_engine::notebook::{
    evaluate, Cell, CellOutput, EvaluateOutput, Notebook, SplitCell, SCHEMA_VERSION,
};
use latih_engine::Error;
use std::collections::HashMap;

mod common;
use common::shipped;

fn evaluation(outputs: &[Result<CellOutput, Error>]) -> &EvaluateOutput {
    match outputs.last() {
        Some(Ok(CellOutput::Evaluate(e))) => e,
        other => panic!("expected an evaluation, got {other:?}"),
    }
}

fn split_cell(nb: &mut Notebook) -> &mut SplitCell {
    match &mut nb.cells[1] {
        Cell::Split(s) => s,
        _ => unreachable!(),
    }
}

#[test]
fn every_shipped_data_set_runs_with_its_suggested_target() {
    let data = shipped();
    for info in latih_engine::datasets::DATASETS {
        let outputs = evaluate(&Notebook::starter(info.id, info.suggested_target), &data);
        let Some(Ok(CellOutput::Dataset(loaded))) = outputs.first() else {
            panic!("{}: {:?}", info.id, outputs[0]);
        };
        assert_eq!(
            (loaded.rows, loaded.columns),
            (info.rows, info.columns),
            "{}",
            info.id
        );
        assert_eq!(
            data[info.id].len(),
            info.bytes,
            "{}: its file's size",
            info.id
        );
        if info.regression {
            let Some(Ok(CellOutput::EvaluateRegression(eval))) = outputs.last() else {
                panic!("{}: {:?}", info.id, outputs.last());
            };
            assert!(eval.r2 > 0.3, "{}: R² {}", info.id, eval.r2);
            continue;
        }
        let eval = evaluation(&outputs);
        let total: u64 = eval.confusion.iter().flatten().sum();
        assert_eq!(total as usize, eval.test_rows, "{}", info.id);
        let diagonal: u64 = (0..eval.classes.len()).map(|i| eval.confusion[i][i]).sum();
        assert!((eval.accuracy - diagonal as f64 / total as f64).abs() < 1e-12);
        assert!(
            eval.accuracy > 0.6,
            "{}: accuracy {}",
            info.id,
            eval.accuracy
        );
    }
}

#[test]
fn iris_gives_a_three_by_three_matrix_over_the_test_rows() {
    let outputs = evaluate(&Notebook::starter("iris", "species"), &shipped());
    let Ok(CellOutput::Split(split)) = &outputs[1] else {
        panic!("{:?}", outputs[1])
    };
    assert_eq!((split.train_rows, split.test_rows), (112, 38));
    let eval = evaluation(&outputs);
    assert_eq!(eval.classes, ["setosa", "versicolor", "virginica"]);
    assert_eq!(eval.confusion.len(), 3);
    assert!(eval.confusion.iter().all(|row| row.len() == 3));
    assert_eq!(eval.test_rows, 38);
}

#[test]
fn missing_values_drop_rows_and_say_where_they_were() {
    let outputs = evaluate(&Notebook::starter("titanic", "survived"), &shipped());
    let Ok(CellOutput::Dataset(titanic)) = &outputs[0] else {
        panic!("{:?}", outputs[0])
    };
    assert_eq!(titanic.dropped.rows, 263);
    assert_eq!(
        titanic.dropped.missing_by_column,
        [("age".to_string(), 263)]
    );
    assert_eq!(titanic.rows_used, 1309 - 263);
    assert_eq!(titanic.ignored_columns, ["name"]);
    let Ok(CellOutput::Train(train)) = &outputs[2] else {
        panic!("{:?}", outputs[2])
    };
    assert_eq!(train.one_hot_columns, ["sex", "passengerClass"]);

    let outputs = evaluate(&Notebook::starter("penguins", "species"), &shipped());
    let Ok(CellOutput::Dataset(penguins)) = &outputs[0] else {
        panic!("{:?}", outputs[0])
    };
    assert_eq!(penguins.dropped.rows, 11);
    assert_eq!(penguins.rows_used, 333);
}

#[test]
fn the_same_notebook_gives_the_same_numbers_and_the_seed_matters() {
    let data = shipped();
    let mut nb = Notebook::starter("credit", "Status");
    let first = evaluation(&evaluate(&nb, &data)).clone();
    assert_eq!(&first, evaluation(&evaluate(&nb, &data)));
    split_cell(&mut nb).seed = 7;
    assert_ne!(first.y_true, evaluation(&evaluate(&nb, &data)).y_true);
}

#[test]
fn a_target_with_one_class_is_an_error_on_the_data_set_cell_and_below() {
    let data = HashMap::from([("tiny".to_string(), "x,y\n1,a\n2,a\n3,a\n".to_string())]);
    let outputs = evaluate(&Notebook::starter("tiny", "y"), &data);
    assert!(matches!(&outputs[0], Err(Error::SingleClassTarget { class, .. }) if class == "a"));
    assert_eq!(
        outputs[1],
        Err(Error::NeedsCellAbove {
            cell: CellKind::Dataset
        })
    );
    assert!(outputs[2..].iter().all(Result::is_err));
}

#[test]
fn test_fractions_of_zero_and_one_are_errors_on_the_split_cell() {
    let data = shipped();
    for bad in [0.0, 1.0] {
        let mut nb = Notebook::starter("iris", "species");
        split_cell(&mut nb).test_fraction = bad;
        let outputs = evaluate(&nb, &data);
        assert!(outputs[0].is_ok());
        assert!(matches!(
            outputs[1],
            Err(Error::TestFractionOutOfRange { .. })
        ));
        assert_eq!(
            outputs[3],
            Err(Error::NeedsCellAbove {
                cell: CellKind::Split
            })
        );
    }
}

#[test]
fn a_data_set_too_small_to_split_is_an_error() {
    let data = HashMap::from([("two".to_string(), "x,y\n1,a\n2,b\n".to_string())]);
    let outputs = evaluate(&Notebook::starter("two", "y"), &data);
    assert!(matches!(
        outputs[1],
        Err(Error::TooFewRowsToSplit { rows: 2, .. })
    ));
}

#[test]
fn absurd_tree_parameters_are_an_error_on_the_train_cell() {
    let mut nb = Notebook::starter("iris", "species");
    nb.cells[2] = Cell::Train(latih_engine::notebook::TrainCell {
        model: ModelSpec::DecisionTree(DecisionTreeParams {
            max_depth: Some(0),
            min_samples_split: 2,
        }),
    });
    let outputs = evaluate(&nb, &shipped());
    assert!(matches!(outputs[2], Err(Error::InvalidParameter { .. })));
}

#[test]
fn unknown_data_sets_and_columns_are_errors() {
    let data = shipped();
    let outputs = evaluate(&Notebook::starter("nope", "y"), &data);
    assert!(matches!(outputs[0], Err(Error::UnknownDataset { .. })));
    let outputs = evaluate(&Notebook::starter("iris", "colour"), &data);
    assert!(matches!(outputs[0], Err(Error::UnknownColumn { .. })));
}

#[test]
fn notebooks_round_trip_through_json_and_newer_versions_are_refused() {
    let nb = Notebook::starter("iris", "species");
    let json = serde_json::to_string(&nb).unwrap();
    assert!(json.contains(r#""kind":"dataset""#) && json.contains(r#""model":"decision_tree""#));
    assert_eq!(serde_json::from_str::<Notebook>(&json).unwrap(), nb);

    let mut future = nb.clone();
    future.version = SCHEMA_VERSION + 1;
    let outputs = evaluate(&future, &shipped());
    assert!(outputs
        .iter()
        .all(|o| matches!(o, Err(Error::UnsupportedNotebookVersion { .. }))));
}

#[test]
fn evaluation_reports_per_class_scores_and_roc_for_binary_and_multiclass_data() {
    let data = shipped();
    let binary = evaluate(&Notebook::starter("breast_cancer", "diagnosis"), &data);
    let eval = evaluation(&binary);
    let roc = eval
        .roc
        .as_ref()
        .expect("both classes are in a stratified test set");
    assert_eq!(roc.curves.len(), 1, "one curve, of the positive class");
    assert_eq!(roc.curves[0].class, 1);
    assert!((0.5..=1.0).contains(&roc.auc), "auc {}", roc.auc);
    let curve = &roc.curves[0].curve;
    assert_eq!((curve.fpr[0], curve.tpr[0]), (0.0, 0.0));
    assert_eq!(
        (*curve.fpr.last().unwrap(), *curve.tpr.last().unwrap()),
        (1.0, 1.0)
    );
    assert_eq!(eval.report.per_class.len(), 2);
    // Recall weighted by support is the accuracy, in scikit-learn as here.
    assert!((eval.report.weighted_avg.recall - eval.accuracy).abs() < 1e-12);
    assert_eq!(eval.proba.len(), eval.test_rows);
    assert!(eval.binary_scores().is_some());

    let multiclass = evaluate(&Notebook::starter("iris", "species"), &data);
    let eval = evaluation(&multiclass);
    let roc = eval.roc.as_ref().unwrap();
    assert_eq!(roc.curves.len(), 3, "one curve per class against the rest");
    let mean: f64 = roc.curves.iter().map(|c| c.auc).sum::<f64>() / 3.0;
    assert!(
        (roc.auc - mean).abs() < 1e-12,
        "macro one-vs-rest is the mean of the class AUCs"
    );
    assert!(eval.binary_scores().is_none());
}

#[test]
fn a_test_set_without_one_class_leaves_roc_undefined_but_the_cell_working() {
    // Unstratified, 4 test rows of 40 with 2 rare positives: the seed below leaves none in test.
    let mut csv = String::from("x,y\n");
    for i in 0..40 {
        csv += &format!("{i},{}\n", if i < 2 { "yes" } else { "no" });
    }
    let data = HashMap::from([("rare".to_string(), csv)]);
    let mut nb = Notebook::starter("rare", "y");
    let split = split_cell(&mut nb);
    split.stratify = false;
    split.test_fraction = 0.1;
    let found = (0..200).find_map(|seed| {
        split_cell(&mut nb).seed = seed;
        let outputs = evaluate(&nb, &data);
        let eval = evaluation(&outputs).clone();
        eval.y_true
            .iter()
            .all(|&y| y == eval.y_true[0])
            .then_some(eval)
    });
    let eval = found.expect("some seed leaves a single class in the test set");
    assert_eq!(eval.roc, Err(Error::OneClassInTruth));
    assert!(eval.accuracy >= 0.0);
}

#[test]
fn stored_notebooks_round_trip_and_bad_text_is_refused_with_a_reason() {
    let mut nb = Notebook::starter("penguins", "species");
    split_cell(&mut nb).test_fraction = 0.3;
    assert_eq!(Notebook::from_json(&nb.to_json()).unwrap(), nb);

    for broken in [
        "",
        "{",
        "null",
        "[1,2]",
        r#"{"version":1,"cells":[{"kind":"rocket"}]}"#,
    ] {
        assert!(
            matches!(
                Notebook::from_json(broken),
                Err(Error::NotebookUnreadable { .. })
            ),
            "{broken:?}"
        );
    }
    let truncated = &nb.to_json()[..40];
    assert!(matches!(
        Notebook::from_json(truncated),
        Err(Error::NotebookUnreadable { .. })
    ));
    let huge = format!(
        r#"{{"version":1,"cells":[],"pad":"{}"}}"#,
        "x".repeat(2 << 20)
    );
    assert!(matches!(
        Notebook::from_json(&huge),
        Err(Error::NotebookTooLarge { .. })
    ));
    let future = nb
        .to_json()
        .replacen(r#""version":1"#, r#""version":99"#, 1);
    assert!(matches!(
        Notebook::from_json(&future),
        Err(Error::UnsupportedNotebookVersion { found: 99, .. })
    ));
}

#[test]
fn more_neighbours_than_training_rows_is_an_error_naming_the_limit() {
    use latih_engine::error::Expected;
    use latih_engine::models::KnnParams;
    let mut nb = Notebook::starter("iris", "species");
    nb.cells[2] = Cell::Train(latih_engine::notebook::TrainCell {
        model: ModelSpec::KNearestNeighbors(KnnParams {
            n_neighbors: 500,
            ..Default::default()
        }),
    });
    let outputs = evaluate(&nb, &shipped());
    assert_eq!(
        outputs[2],
        Err(Error::InvalidParameter {
            name: "n_neighbors".into(),
            value: "500".into(),
            expected: Expected::IntegerBetween { min: 1, max: 112 },
        })
    );
}

#[test]
fn models_are_added_in_pairs_compared_on_one_split_and_the_last_one_stays() {
    let mut nb = Notebook::starter("penguins", "species");
    nb.add_model();
    nb.add_model();
    assert_eq!(nb.cells.len(), 8);
    assert_eq!(nb.model_above(7).map(|(i, _)| i), Some(6));
    assert_eq!(nb.model_above(3).map(|(i, _)| i), Some(2));
    assert_eq!(nb.model_above(1), None);
    // Every evaluation runs on the same split, each with the model just above it.
    let outputs = evaluate(&nb, &shipped());
    let test_rows: Vec<usize> = outputs
        .iter()
        .filter_map(|o| match o {
            Ok(CellOutput::Evaluate(e)) => Some(e.test_rows),
            _ => None,
        })
        .collect();
    assert_eq!(test_rows, [84, 84, 84]);

    assert!(!nb.remove_model(1), "not a train cell");
    assert!(nb.remove_model(4));
    assert_eq!(nb.cells.len(), 6);
    assert!(nb.remove_model(4));
    assert!(!nb.remove_model(2), "the only model stays");
    assert_eq!(nb, Notebook::starter("penguins", "species"));
}

#[test]
fn an_explore_cell_profiles_the_data_as_loaded_even_when_the_target_is_wrong() {
    let mut notebook = Notebook::starter("penguins", "species");
    notebook.add_explore();
    assert!(matches!(notebook.cells[1], Cell::Explore(_)));
    let outputs = evaluate(&notebook, &shipped());
    let Ok(CellOutput::Explore(profile)) = &outputs[1] else {
        panic!("expected a profile, got {:?}", outputs[1]);
    };
    // As loaded: all 344 rows, the 11 without a sex still counted.
    assert_eq!(profile.rows, 344);
    let sex = profile.columns.iter().find(|c| c.name == "sex").unwrap();
    assert_eq!(sex.missing, 11);
    assert_eq!(profile.numeric.len(), profile.correlation.len());

    if let Cell::Dataset(d) = &mut notebook.cells[0] {
        d.target = "no such column".into();
    }
    let outputs = evaluate(&notebook, &shipped());
    assert!(outputs[0].is_err());
    assert!(
        matches!(outputs[1], Ok(CellOutput::Explore(_))),
        "{:?}",
        outputs[1]
    );
}

/// Titanic with a steps cell: ages filled with the training rows' median, classes one-hot.
fn titanic_with_steps(steps: Vec<latih_engine::prep::Step>) -> Notebook {
    let mut notebook = Notebook::starter("titanic", "survived");
    let at = notebook.add_steps();
    assert_eq!(at, 2, "right after the split");
    if let Cell::Steps(cell) = &mut notebook.cells[at] {
        cell.steps = steps;
    }
    notebook
}

#[test]
fn a_steps_cell_keeps_rows_with_missing_ages_and_fills_them_from_training_rows_only() {
    use latih_engine::prep::{ImputeStrategy, Step};
    let data = shipped();
    let without = evaluate(&Notebook::starter("titanic", "survived"), &data);
    let Some(Ok(CellOutput::Dataset(dropped))) = without.first() else {
        panic!("{:?}", without[0]);
    };
    let impute = Step::Impute {
        column: "age".into(),
        strategy: ImputeStrategy::Median,
    };
    let one_hot = |column: &str| Step::OneHot {
        column: column.into(),
    };
    let notebook = titanic_with_steps(vec![
        impute.clone(),
        one_hot("sex"),
        one_hot("passengerClass"),
    ]);
    let outputs = evaluate(&notebook, &data);
    let Some(Ok(CellOutput::Dataset(kept))) = outputs.first() else {
        panic!("{:?}", outputs[0]);
    };
    // Every row is kept now; the ages missing before are reported, for the steps to fill.
    assert!(kept.rows_used > dropped.rows_used, "{kept:?}");
    assert_eq!(kept.rows_used, kept.rows);
    assert_eq!(
        kept.missing_kept,
        [("age".to_string(), dropped.dropped.rows)]
    );
    let Some(Ok(CellOutput::Steps(steps))) = outputs.get(2) else {
        panic!("{:?}", outputs[2]);
    };
    assert_eq!(steps.reports[0].cells_changed, dropped.dropped.rows);
    // The fill is the median of the training rows' ages, not of all rows.
    let Some(Ok(CellOutput::Split(split))) = outputs.get(1) else {
        panic!("{:?}", outputs[1]);
    };
    assert_eq!(steps.train_rows + steps.test_rows, kept.rows_used);
    assert_eq!(steps.train_rows, split.train_rows);
    let learned = steps.reports[0].learned[0].1;
    assert!((20.0..40.0).contains(&learned), "median age {learned}");
    let e = evaluation(&outputs);
    assert_eq!(e.test_rows, steps.test_rows);
    assert!(e.accuracy > 0.7, "{}", e.accuracy);

    // Without the impute step the model cannot train, and says which column is to blame.
    let outputs = evaluate(&titanic_with_steps(vec![one_hot("sex")]), &data);
    assert_eq!(
        outputs[3],
        Err(Error::MissingValuesLeft {
            columns: vec!["age".into()]
        })
    );
    // Dropping those rows instead works too, and leaves the rows the starter notebook had.
    let outputs = evaluate(&titanic_with_steps(vec![Step::DropMissingRows]), &data);
    let Some(Ok(CellOutput::Steps(steps))) = outputs.get(2) else {
        panic!("{:?}", outputs[2]);
    };
    assert_eq!(steps.train_rows + steps.test_rows, dropped.rows_used);
    assert!(matches!(outputs[4], Ok(CellOutput::Evaluate(_))));
}

#[test]
fn a_steps_cell_round_trips_through_json_and_a_bad_step_fails_its_own_cell() {
    use latih_engine::prep::{ScalerKind, Step};
    let notebook = titanic_with_steps(vec![Step::Scale {
        column: Some("sex".into()),
        kind: ScalerKind::Standard,
    }]);
    assert_eq!(Notebook::from_json(&notebook.to_json()).unwrap(), notebook);
    let outputs = evaluate(&notebook, &shipped());
    assert_eq!(
        outputs[2],
        Err(Error::StepNeedsNumbers {
            column: "sex".into()
        })
    );
    assert_eq!(
        outputs[3],
        Err(Error::NeedsCellAbove {
            cell: CellKind::Steps
        })
    );
}

#[test]
fn the_evaluation_reports_matthews_kappa_and_log_loss_of_its_own_predictions() {
    use latih_engine::metrics;
    let outputs = evaluate(&Notebook::starter("penguins", "species"), &shipped());
    let e = evaluation(&outputs);
    assert_eq!(
        e.matthews,
        Some(metrics::matthews_corrcoef(&e.y_true, &e.y_pred).unwrap())
    );
    assert_eq!(
        e.kappa,
        Some(metrics::cohen_kappa(&e.y_true, &e.y_pred).unwrap())
    );
    assert_eq!(
        e.log_loss,
        Some(metrics::log_loss(&e.y_true, &e.proba).unwrap())
    );
    assert!((-1.0..=1.0).contains(&e.matthews.unwrap()));
}

#[test]
fn the_evaluation_reports_average_precision_as_scikit_learn_scores_it() {
    use latih_engine::metrics::{self, ClassAverage};
    let data = shipped();
    let binary = evaluate(&Notebook::starter("breast_cancer", "diagnosis"), &data);
    let e = evaluation(&binary);
    let pr = e.pr.as_ref().unwrap();
    let positive: Vec<f64> = e.proba.iter().map(|p| p[1]).collect();
    assert_eq!(
        pr.average_precision,
        metrics::average_precision_binary(&e.y_true, &positive, 1).unwrap()
    );
    assert_eq!(pr.curves.len(), 1);
    assert_eq!(pr.curves[0].recall.first(), Some(&1.0));
    assert_eq!(pr.curves[0].precision.last(), Some(&1.0));
    let multi = evaluate(&Notebook::starter("penguins", "species"), &data);
    let e = evaluation(&multi);
    let pr = e.pr.as_ref().unwrap();
    assert_eq!(pr.curves.len(), 3);
    assert_eq!(
        pr.average_precision,
        metrics::average_precision_ovr(&e.y_true, &e.proba, ClassAverage::Macro).unwrap()
    );
}

#[test]
fn cells_move_one_place_at_a_time_and_a_moved_cell_names_the_input_it_lost() {
    let mut nb = Notebook::starter("iris", "species");
    nb.add_note();
    let before = nb.clone();
    assert!(!nb.move_cell(0, true), "the first cell cannot go up");
    assert!(!nb.move_cell(4, false), "the last cell cannot go down");
    assert!(!nb.move_cell(9, true), "no such cell");
    assert_eq!(nb, before);

    assert!(nb.move_cell(4, true));
    assert!(matches!(nb.cells[3], Cell::Note(_)));
    assert!(matches!(nb.cells[4], Cell::Evaluate(_)));
    assert!(nb.move_cell(3, false));
    assert_eq!(nb, before);

    // The split above its data set: it says what it needs, and the cells below it too.
    assert!(nb.move_cell(1, true));
    let outputs = evaluate(&nb, &shipped());
    assert!(outputs[0].is_err());
    assert!(outputs[1].is_ok(), "the data set runs as the first cell");
    assert!(matches!(
        outputs[0],
        Err(Error::NeedsCellAbove {
            cell: CellKind::Dataset
        })
    ));
}

#[test]
fn cells_are_read_with_their_kind_first_as_every_latih_writes_them() {
    let nb = Notebook::starter("iris", "species");
    let json = nb.to_json();
    assert!(
        json.contains(r#"{"kind":"train","model":"decision_tree","#),
        "{json}"
    );
    assert_eq!(Notebook::from_json(&json).unwrap(), nb);

    // After the tags, parameters may come in any order.
    let reordered = json.replace(
        r#""model":"decision_tree","max_depth":null,"min_samples_split":2"#,
        r#""model":"decision_tree","min_samples_split":2,"max_depth":null"#,
    );
    assert_ne!(reordered, json);
    assert_eq!(Notebook::from_json(&reordered).unwrap(), nb);

    let unreadable = |text: &str| match Notebook::from_json(text) {
        Err(Error::NotebookUnreadable { message }) => message,
        other => panic!("{other:?}"),
    };
    let kind_last =
        r#"{"version":1,"cells":[{"test_fraction":0.25,"stratify":true,"seed":1,"kind":"split"}]}"#;
    assert!(unreadable(kind_last).contains(r#""kind" as the first key"#));
    let unknown = r#"{"version":1,"cells":[{"kind":"forecast"}]}"#;
    assert!(unreadable(unknown).contains("unknown variant `forecast`"));
    let no_model = r#"{"version":1,"cells":[{"kind":"train","max_depth":3}]}"#;
    assert!(unreadable(no_model).contains(r#""model" as the first key"#));
    let not_an_object = r#"{"version":1,"cells":[["kind","split"]]}"#;
    assert!(unreadable(not_an_object).contains("first key is \"kind\""));
}

#[test]
fn locks_follow_their_cells_and_a_stored_list_is_tidied() {
    let mut nb = Notebook::starter("iris", "species");
    assert!(
        !nb.to_json().contains("locked"),
        "no locks, no field: old readers see no change"
    );
    nb.set_locked(1, true);
    nb.set_locked(3, true);
    nb.set_locked(99, true);
    assert_eq!(nb.locked, [1, 3]);

    // An explore cell goes in at 1: the locked split and evaluation move down with their cells.
    nb.add_explore();
    assert_eq!(nb.locked, [2, 4]);
    assert!(nb.is_locked(2) && matches!(nb.cells[2], Cell::Split(_)));
    assert!(nb.move_cell(2, true));
    assert_eq!(nb.locked, [1, 4]);
    nb.remove_cell(0);
    assert_eq!(nb.locked, [0, 3]);
    assert!(matches!(nb.cells[0], Cell::Split(_)) && matches!(nb.cells[3], Cell::Evaluate(_)));
    nb.remove_cell(3);
    assert_eq!(nb.locked, [0]);
    nb.set_locked(0, false);
    assert!(nb.locked.is_empty());

    nb.set_locked(2, true);
    let back = Notebook::from_json(&nb.to_json()).unwrap();
    assert_eq!(back, nb);
    let messy = nb
        .to_json()
        .replace(r#""locked":[2]"#, r#""locked":[7,2,2,0]"#);
    assert_eq!(Notebook::from_json(&messy).unwrap().locked, [0, 2]);
}

#[test]
fn columns_read_as_the_learner_says_are_used_so_and_say_what_they_lost() {
    use latih_engine::table::retype::ValueType::{self, *};
    let csv = "id,plan,calls,score,label\n1,yes,3,2.5,a\n2,no,1,3.5,b\n3,ya,3,x,a\n\
               4,tidak,2,4.0,b\n5,maybe,1,1.5,a\n6,no,2,2.0,b\n7,Y,1,0.5,a\n8,n,3,1.0,b\n";
    let data = HashMap::from([("file:t.csv".to_string(), csv.to_string())]);
    let mut nb = Notebook::starter("file:t.csv", "label");
    let types = [
        ("id", Text),
        ("plan", Boolean),
        ("calls", Categorical),
        ("score", Integer),
    ];
    let set_types = |nb: &mut Notebook, types: &[(&str, ValueType)]| {
        let Cell::Dataset(d) = &mut nb.cells[0] else {
            unreachable!()
        };
        d.types = types.iter().map(|(c, t)| (c.to_string(), *t)).collect();
    };
    set_types(&mut nb, &types);
    let outputs = evaluate(&nb, &data);
    let Some(Ok(CellOutput::Dataset(out))) = outputs.first() else {
        panic!("{:?}", outputs[0]);
    };
    assert_eq!(
        out.types,
        [Text, Boolean, Categorical, Integer, Categorical]
    );
    // "maybe" is no truth, "x" no number: missing now, and their rows dropped.
    assert_eq!(
        out.lost_to_types,
        [("plan".to_string(), 1), ("score".to_string(), 1)]
    );
    assert_eq!(out.rows_used, 6);
    assert_eq!(out.ignored_columns, ["id"]);
    // 2.5 rounds to 2 (halves to even), as numpy's round.
    assert_eq!(out.preview[0], ["1", "True", "3", "2", "a"]);
    // The explore cell profiles the columns as the learner said they are.
    nb.add_explore();
    let outputs = evaluate(&nb, &data);
    let Ok(CellOutput::Explore(profile)) = &outputs[1] else {
        panic!("expected a profile, got {:?}", outputs[1]);
    };
    let kinds: Vec<ValueType> = profile.columns.iter().map(|c| c.inferred).collect();
    assert_eq!(kinds, [Text, Boolean, Categorical, Integer, Categorical]);
    let calls = &profile.columns[2];
    assert!(calls.describe.is_none(), "categories have no describe()");

    // A column that is not in the file (a stale choice, or a hostile link) is named.
    set_types(&mut nb, &[("nope", Float)]);
    assert_eq!(
        evaluate(&nb, &data)[0],
        Err(Error::UnknownColumn {
            name: "nope".into()
        })
    );
}

/// Issue 18: the work budget asks before heavy runs, never before the notebooks a learner starts
/// from: every shipped data set with its starter, and with a forest of 300 trees.
#[test]
fn no_starter_notebook_on_shipped_data_waits_for_a_yes() {
    use latih_engine::models::{ModelSpec, RandomForestParams};
    use latih_engine::notebook::budget::{estimate, DataShape};
    use latih_engine::notebook::TrainCell;
    let data = common::shipped();
    let shape = |id: &str| data.get(id).map(|text| DataShape::of_text(text));
    for info in latih_engine::datasets::DATASETS {
        let mut notebook = Notebook::starter(info.id, info.suggested_target);
        let starter = estimate(&notebook, &shape);
        assert!(
            starter.units > 0.0 && !starter.asks(0.0),
            "{}: {starter:?}",
            info.id
        );
        notebook.cells[2] = Cell::Train(TrainCell {
            model: ModelSpec::RandomForest(RandomForestParams {
                n_estimators: 300,
                ..RandomForestParams::default()
            }),
        });
        let forest = estimate(&notebook, &shape);
        assert!(!forest.asks(0.0), "{}: {forest:?}", info.id);
    }
}

#[test]
fn a_solution_takes_the_learners_notes_in_order_and_loses_none() {
    use latih_engine::notebook::NoteCell;
    let note = |text: &str| Cell::Note(NoteCell { text: text.into() });
    let mut solution = Notebook::starter("iris", "species");
    solution.cells.insert(1, note("solution's first"));
    solution.cells.push(note("solution's second"));
    // The learner moved their note and wrote three.
    let mut mine = Notebook::starter("iris", "species");
    mine.cells.insert(0, note("mine 1"));
    mine.cells.push(note("mine 2"));
    mine.cells.push(note("mine 3"));
    let solved = solution.clone().with_notes_of(&mine);
    let texts: Vec<&str> = solved
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Note(n) => Some(n.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["mine 1", "mine 2", "mine 3"]);
    // The solution's other cells stay as they are, in place.
    assert_eq!(solved.cells[1], note("mine 1"));
    assert_eq!(
        solved.cells[..solution.cells.len()].len(),
        solution.cells.len()
    );
    assert_eq!(solved.cells[0], solution.cells[0]);
    // No notes of the learner's: the solution's own stay.
    let plain = Notebook::starter("iris", "species");
    assert_eq!(solution.clone().with_notes_of(&plain), solution);
}
