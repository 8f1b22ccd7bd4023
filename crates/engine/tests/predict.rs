//! The predict cell: a new row through the steps, the encoder and the model above, exactly as a
//! test row goes through them; the form's columns; and what it says of values it cannot use.

use latih_engine::notebook::{evaluate, CellOutput, Notebook, PredictOutput, Prediction};
use latih_engine::Error;

mod common;
use common::shipped;

/// Titanic cleaned by steps (an imputer learned from the training rows, a class read as
/// categories, every number standardised), a model, its evaluation, then `tail` cells.
fn titanic(tail: &str) -> Notebook {
    serde_json::from_str(&format!(
        r#"{{"version":1,"cells":[
        {{"kind":"dataset","dataset":"titanic","target":"survived"}},
        {{"kind":"split","test_fraction":0.25,"stratify":true,"seed":42}},
        {{"kind":"steps","steps":[{{"impute":{{"column":"age","strategy":"median"}}}},
          {{"one_hot":{{"column":"passengerClass"}}}},{{"scale":{{"column":null,"kind":"standard"}}}}]}},
        {{"kind":"train","model":"logistic_regression","C":1.0,"max_iter":100,"standardize":false}},
        {{"kind":"evaluate"}}{tail}]}}"#
    ))
    .unwrap()
}

fn predicted(outputs: &[Result<CellOutput, Error>], index: usize) -> &PredictOutput {
    match &outputs[index] {
        Ok(CellOutput::Predict(p)) => p,
        other => panic!("expected a prediction, got {other:?}"),
    }
}

#[test]
fn the_first_test_row_is_predicted_as_the_evaluation_predicts_it() {
    let outputs = evaluate(&titanic(r#",{"kind":"predict"}"#), &shipped());
    let Ok(CellOutput::Evaluate(evaluation)) = &outputs[4] else {
        panic!("{:?}", outputs[4]);
    };
    let out = predicted(&outputs, 5);
    // The form: every column but the target and the free-text name, from the first test row.
    let columns: Vec<&str> = out.fields.iter().map(|f| f.column.as_str()).collect();
    assert_eq!(columns, ["sex", "age", "passengerClass"]);
    assert_eq!(out.fields[0].choices, ["female", "male"]);
    assert!(out.fields[1].numeric && !out.fields[1].value.is_empty());
    let Prediction::Class {
        class,
        classes,
        probabilities,
        calibrated,
    } = &out.prediction
    else {
        panic!("{:?}", out.prediction);
    };
    // The same steps (the imputer's median, the scaler's mean and spread, all learned from the
    // training rows) and the same model: the same numbers, to the last bit.
    assert_eq!(probabilities, &evaluation.proba[0]);
    assert_eq!(class, &classes[evaluation.y_pred[0] as usize]);
    assert!(calibrated);
}

#[test]
fn a_typed_row_is_cleaned_as_the_test_rows_are_even_where_a_filter_would_drop_it() {
    // A filter keeps only the young on both sides of the split; the row to predict stays.
    let filtered = |values: &str| {
        let mut nb = titanic(&format!(r#",{{"kind":"predict","values":{values}}}"#));
        let Some(latih_engine::notebook::Cell::Steps(steps)) = nb.cells.get_mut(2) else {
            panic!()
        };
        steps.steps.insert(
            1,
            serde_json::from_str(r#"{"filter":{"column":"age","op":"less","value":"40"}}"#)
                .unwrap(),
        );
        nb
    };
    let survival = |values: &str| {
        let outputs = evaluate(&filtered(values), &shipped());
        match &predicted(&outputs, 5).prediction {
            Prediction::Class {
                classes,
                probabilities,
                ..
            } => probabilities[classes.iter().position(|c| c == "yes").unwrap()],
            other => panic!("{other:?}"),
        }
    };
    // An old man in third class, and the same passenger as a woman in first: the model learned
    // who was saved first.
    let man = survival(r#"{"sex":"male","age":"70","passengerClass":"3rd"}"#);
    let woman = survival(r#"{"sex":"female","age":"70,0","passengerClass":"1st"}"#);
    assert!(man < 0.3 && woman > man + 0.3, "{man} {woman}");
    // An empty age is missing, and the imputer above fills it: still a prediction.
    let unknown_age = survival(r#"{"sex":"male","age":"","passengerClass":"3rd"}"#);
    assert!((0.0..=1.0).contains(&unknown_age));
}

#[test]
fn values_it_cannot_use_are_explained_not_guessed() {
    let outputs = evaluate(
        &titanic(r#",{"kind":"predict","values":{"age":"old"}}"#),
        &shipped(),
    );
    assert_eq!(
        outputs[5],
        Err(Error::PredictValueNotNumber {
            column: "age".into(),
            value: "old".into()
        })
    );
    // Without an imputer, a missing age reaches the model: said, with the column.
    let mut no_steps = titanic(r#",{"kind":"predict","values":{"age":""}}"#);
    no_steps.cells.remove(2);
    let outputs = evaluate(&no_steps, &shipped());
    assert_eq!(
        outputs[4],
        Err(Error::PredictValuesMissing {
            columns: vec!["age".into()]
        })
    );
    // Alone, the cell has no model to predict with.
    let alone: Notebook =
        serde_json::from_str(r#"{"version":1,"cells":[{"kind":"predict"}]}"#).unwrap();
    assert!(matches!(
        evaluate(&alone, &shipped())[0],
        Err(Error::NeedsCellAbove { .. })
    ));
}

#[test]
fn a_number_target_is_predicted_as_a_number_the_evaluation_agrees_with() {
    let nb: Notebook = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"diabetes","target":"progression"},
        {"kind":"split","test_fraction":0.2,"stratify":false,"seed":3},
        {"kind":"steps","steps":[{"log":{"column":"s5"}},{"scale":{"column":"bmi","kind":"robust"}}]},
        {"kind":"train","model":"linear_regression","penalty":"none"},
        {"kind":"evaluate"},{"kind":"predict"}]}"#,
    )
    .unwrap();
    let outputs = evaluate(&nb, &shipped());
    let Ok(CellOutput::EvaluateRegression(evaluation)) = &outputs[4] else {
        panic!("{:?}", outputs[4]);
    };
    assert_eq!(
        predicted(&outputs, 5).prediction,
        Prediction::Number(evaluation.y_pred[0])
    );
}

#[test]
fn a_file_of_rows_comes_back_with_a_prediction_and_each_probability_per_row() {
    let mut data = shipped();
    data.insert(
        "file:passengers.csv".into(),
        "name,sex,age,passengerClass\nAnn,female,70,1st\nBob,male,,3rd\nCy,male,8,2nd\n".into(),
    );
    let nb = titanic(
        r#",{"kind":"predict","values":{"sex":"female","age":"70","passengerClass":"1st"},
        "batch":"file:passengers.csv"}"#,
    );
    let outputs = evaluate(&nb, &data);
    let out = predicted(&outputs, 5);
    let batch = out.batch.as_ref().expect("a batch");
    assert_eq!(batch.rows, 3);
    assert_eq!(
        batch.header,
        [
            "name",
            "sex",
            "age",
            "passengerClass",
            "prediction",
            "probability_no",
            "probability_yes"
        ]
    );
    let lines: Vec<&str> = batch.csv.lines().collect();
    assert_eq!(lines.len(), 4, "{}", batch.csv);
    // Ann is the row typed in the form: the same prediction, in the file and in the form.
    let Prediction::Class {
        class,
        probabilities,
        ..
    } = &out.prediction
    else {
        panic!()
    };
    assert_eq!(batch.preview[0][4], *class);
    assert_eq!(batch.preview[0][6], probabilities[1].to_string());
    // Bob's missing age is filled by the imputer above, as a test row's would be.
    assert_eq!(batch.preview[1][2], "");
    assert!(!batch.preview[1][4].is_empty());

    // A file that is not there (a link opened elsewhere) is said, with its name.
    let outputs = evaluate(&nb, &shipped());
    assert_eq!(
        outputs[5],
        Err(Error::UserDataMissing {
            file: "passengers.csv".into()
        })
    );
}
