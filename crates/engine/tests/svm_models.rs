//! Support vector machines against scikit-learn's `SVC` and `SVR` (tests/fixtures/svm.json,
//! written by scripts/fixtures/make_svm_fixtures.py): the same decision scores on held-out rows
//! (to the solver's tolerance), the same support vectors and the same held-out score.

mod common;
use common::{fixture, matrix};
use latih_engine::metrics;
use latih_engine::models::{Kernel, Svc, SvmParams, Svr};
use serde_json::Value;

fn params(case: &Value) -> SvmParams {
    let p = &case["params"];
    SvmParams {
        kernel: match p["kernel"].as_str().unwrap() {
            "linear" => Kernel::Linear,
            _ => Kernel::Rbf,
        },
        c: p["C"].as_f64().unwrap(),
        gamma: p["gamma"].as_f64(),
        epsilon: p["epsilon"].as_f64().unwrap(),
        standardize: p["standardize"].as_bool().unwrap(),
    }
}

/// Both solvers stop when no pair violates optimality by more than 1e-3, so scores agree to a
/// little more than that, relative to their size.
#[track_caller]
fn close(ours: f64, theirs: f64, what: &str) {
    common::close(ours, theirs, 5e-3, what);
}

#[test]
fn classifiers_decide_as_scikit_learn_s_svc() {
    let fixture = fixture("svm.json");
    let mut checked = 0;
    for case in fixture["cases"].as_array().unwrap() {
        let data = &fixture["sets"][case["data"].as_str().unwrap()];
        let classes = data["classes"].as_u64().unwrap() as usize;
        if classes == 0 {
            continue;
        }
        let what = format!("{} {}", case["data"], case["params"]);
        let y: Vec<u32> = serde_json::from_value(data["y_fit"].clone()).unwrap();
        let y_new: Vec<u32> = serde_json::from_value(data["y_new"].clone()).unwrap();
        let svc = Svc::fit(&params(case), &matrix(&data["x_fit"]), &y, classes).unwrap();
        let x_new = matrix(&data["x_new"]);
        let scores = svc.decision_function(&x_new);
        for (r, theirs) in case["scores"].as_array().unwrap().iter().enumerate() {
            // Two classes: one score per row; more: one per class.
            let theirs: Vec<f64> = match theirs.as_f64() {
                Some(score) => vec![score],
                None => serde_json::from_value(theirs.clone()).unwrap(),
            };
            assert_eq!(scores[r].len(), theirs.len(), "{what}");
            for (ours, theirs) in scores[r].iter().zip(&theirs) {
                close(*ours, *theirs, &format!("{what} row {r}"));
            }
        }
        let sv = case["support_vectors"].as_u64().unwrap() as usize;
        assert!(
            svc.support_vectors().abs_diff(sv) <= sv / 50 + 1,
            "{what}: {} support vectors vs {sv}",
            svc.support_vectors()
        );
        let accuracy = metrics::accuracy(&y_new, &svc.predict(&x_new)).unwrap();
        let theirs = case["score"].as_f64().unwrap();
        assert!(
            (accuracy - theirs).abs() < 0.02,
            "{what}: {accuracy} vs {theirs}"
        );
        assert!(svc.converged(), "{what}");
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn regressors_predict_as_scikit_learn_s_svr() {
    let fixture = fixture("svm.json");
    let mut checked = 0;
    for case in fixture["cases"].as_array().unwrap() {
        let data = &fixture["sets"][case["data"].as_str().unwrap()];
        if data["classes"].as_u64() != Some(0) {
            continue;
        }
        let what = format!("{} {}", case["data"], case["params"]);
        let y: Vec<f64> = serde_json::from_value(data["y_fit"].clone()).unwrap();
        let y_new: Vec<f64> = serde_json::from_value(data["y_new"].clone()).unwrap();
        let svr = Svr::fit(&params(case), &matrix(&data["x_fit"]), &y).unwrap();
        let predicted = svr.predict(&matrix(&data["x_new"]));
        let theirs: Vec<f64> = serde_json::from_value(case["predicted"].clone()).unwrap();
        for (r, (ours, theirs)) in predicted.iter().zip(&theirs).enumerate() {
            close(*ours, *theirs, &format!("{what} row {r}"));
        }
        let r2 = metrics::r2_score(&y_new, &predicted).unwrap();
        let theirs = case["score"].as_f64().unwrap();
        assert!((r2 - theirs).abs() < 0.02, "{what}: R² {r2} vs {theirs}");
        checked += 1;
    }
    assert_eq!(checked, 2);
}

/// A notebook's train and evaluate cells with a support vector machine: on classes (breast
/// cancer: scores for ROC, no log loss, since the shares are not probabilities) and on numbers
/// (diabetes: `SVR`).
#[test]
fn a_notebook_trains_a_support_vector_machine_for_classes_and_for_numbers() {
    use latih_engine::models::ModelSpec;
    use latih_engine::notebook::{evaluate, Cell, CellOutput, ModelSummary, Notebook, TrainCell};
    let data = common::shipped();
    let model = ModelSpec::SupportVectorMachine(SvmParams::default());
    let mut nb = Notebook::starter("breast_cancer", "diagnosis");
    nb.cells[2] = Cell::Train(TrainCell {
        model: model.clone(),
    });
    let outputs = evaluate(&nb, &data);
    let Ok(CellOutput::Train(trained)) = &outputs[2] else {
        panic!("{:?}", outputs[2]);
    };
    let ModelSummary::SupportVectors { count, converged } = trained.summary else {
        panic!("{:?}", trained.summary);
    };
    assert!(converged && count > 20 && count < 200, "{count}");
    let Ok(CellOutput::Evaluate(eval)) = &outputs[3] else {
        panic!("{:?}", outputs[3]);
    };
    assert!(eval.accuracy > 0.95, "{}", eval.accuracy);
    assert_eq!(eval.log_loss, None);
    assert!(!eval.probabilities, "its shares are squashed scores");
    let starter = evaluate(&Notebook::starter("breast_cancer", "diagnosis"), &data);
    assert!(matches!(&starter[3], Ok(CellOutput::Evaluate(e)) if e.probabilities));
    // The scores rank the rows: ROC-AUC of a good separator is near 1.
    assert!(eval.roc.as_ref().unwrap().auc > 0.98);

    let mut nb = Notebook::starter("diabetes", "progression");
    nb.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::SupportVectorMachine(SvmParams {
            kernel: Kernel::Linear,
            c: 10.0,
            epsilon: 5.0,
            ..SvmParams::default()
        }),
    });
    let outputs = evaluate(&nb, &data);
    let Ok(CellOutput::EvaluateRegression(eval)) = &outputs[3] else {
        panic!("{:?}", outputs[3]);
    };
    assert!((0.3..0.7).contains(&eval.r2), "{}", eval.r2);
}
