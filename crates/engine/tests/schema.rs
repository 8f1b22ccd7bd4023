//! `schema.json`: the inputs a deployed model needs (before the steps), their categories and
//! codes among the model's own columns, the classes, and the test scores the notebook shows.

use latih_engine::export::schema_of;
use latih_engine::notebook::{evaluate, CellOutput, Notebook};
use serde_json::Value;

mod common;
use common::shipped;

#[test]
fn the_schema_names_the_inputs_their_codes_and_the_scores_the_evaluation_shows() {
    let nb: Notebook = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"titanic","target":"survived"},
        {"kind":"split","test_fraction":0.25,"stratify":true,"seed":42},
        {"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}}]},
        {"kind":"train","model":"gradient_boosting","max_iter":30},
        {"kind":"evaluate"}]}"#,
    )
    .unwrap();
    let schema: Value =
        serde_json::from_str(&schema_of(&nb, &shipped(), "/notebook#nb=x").unwrap()).unwrap();
    assert_eq!(schema["target"], "survived");
    assert_eq!(schema["task"], "classes");
    assert_eq!(schema["classes"], serde_json::json!(["no", "yes"]));
    assert_eq!(schema["model"], "gradient_boosting");
    assert_eq!(schema["notebook"], "/notebook#nb=x");
    let names: Vec<&str> = schema["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["sex", "age", "passengerClass"]);
    // Each category's code is its column among the model's inputs.
    let encoded = schema["encoded"].as_array().unwrap();
    for input in schema["inputs"].as_array().unwrap() {
        for category in input["categories"].as_array().into_iter().flatten() {
            let code = category["code"].as_u64().unwrap() as usize;
            let expected = format!(
                "{}_{}",
                input["name"].as_str().unwrap(),
                category["value"].as_str().unwrap()
            );
            assert_eq!(encoded[code], expected.as_str());
        }
    }
    assert_eq!(schema["inputs"][1]["kind"], "number");
    // The scores are those the evaluate cell shows.
    let outputs = evaluate(&nb, &shipped());
    let Ok(CellOutput::Evaluate(evaluation)) = &outputs[4] else {
        panic!("{:?}", outputs[4]);
    };
    let scores = &schema["test_scores"];
    assert_eq!(scores["accuracy"].as_f64(), Some(evaluation.accuracy));
    assert_eq!(
        scores["balanced_accuracy"].as_f64(),
        Some(evaluation.balanced_accuracy)
    );
    let auc = evaluation.roc.as_ref().unwrap().auc;
    assert!((scores["roc_auc"].as_f64().unwrap() - auc).abs() < 1e-12);
    assert_eq!(
        schema["test_rows"].as_u64(),
        Some(evaluation.test_rows as u64)
    );
}

#[test]
fn a_model_of_numbers_states_its_r2_and_errors() {
    let nb = Notebook::starter("diabetes", "progression");
    let schema: Value = serde_json::from_str(&schema_of(&nb, &shipped(), "").unwrap()).unwrap();
    let outputs = evaluate(&nb, &shipped());
    let Some(Ok(CellOutput::EvaluateRegression(evaluation))) = outputs.last() else {
        panic!("{:?}", outputs.last());
    };
    assert_eq!(schema["task"], "numbers");
    assert_eq!(schema["classes"], serde_json::json!([]));
    let scores = &schema["test_scores"];
    assert!((scores["r2"].as_f64().unwrap() - evaluation.r2).abs() < 1e-12);
    assert!((scores["mae"].as_f64().unwrap() - evaluation.mae).abs() < 1e-12);
    assert!((scores["rmse"].as_f64().unwrap() - evaluation.rmse).abs() < 1e-12);
}
