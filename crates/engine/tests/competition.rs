//! Competition challenges (issue 21): the judge's score is the last evaluate cell's metric, and
//! a Kaggle submission is the notebook's own prediction of each row of the competition's test
//! file (`fixtures/kaggle-titanic-test.csv`: Kaggle's header and first rows, with one age
//! missing), in the competition's format.

use latih_engine::competition::{kaggle_submission, Challenge, Judged, KAGGLE_TITANIC};
use latih_engine::notebook::{evaluate, Cell, CellOutput, Notebook, PredictCell, Prediction};
use latih_engine::Error;
use std::collections::BTreeMap;

mod common;
use common::shipped;

const KAGGLE_TEST: &str = include_str!("fixtures/kaggle-titanic-test.csv");

fn titanic() -> Notebook {
    serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"titanic","target":"survived"},
        {"kind":"split","test_fraction":0.3,"stratify":true,"seed":42},
        {"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}}]},
        {"kind":"train","model":"logistic_regression"},
        {"kind":"evaluate"}]}"#,
    )
    .unwrap()
}

#[test]
fn the_judge_scores_by_the_last_evaluate_cell_and_knows_which_way_is_better() {
    let notebook = titanic();
    let outputs = evaluate(&notebook, &shipped());
    let Some(Ok(CellOutput::Evaluate(scores))) = outputs.last() else {
        panic!("the notebook evaluates");
    };
    let judge = Challenge::find("titanic").unwrap();
    assert_eq!(judge.score(&notebook, &outputs), Some(scores.accuracy));
    assert!(judge.betters(0.8, Some(0.7)) && !judge.betters(0.7, Some(0.8)));
    assert!(judge.betters(0.1, None));
    let houses = Challenge::find("house-prices").unwrap();
    assert!(
        houses.betters(10.0, Some(20.0)),
        "an error betters by shrinking"
    );
    // An entry that drops held-out rows (those missing an age) is not scored.
    let mut dropping = notebook.clone();
    dropping.cells[2] =
        serde_json::from_str(r#"{"kind":"steps","steps":["drop_missing_rows"]}"#).unwrap();
    let outputs = evaluate(&dropping, &shipped());
    let Some(Ok(CellOutput::Split(split))) = outputs.get(1) else {
        panic!("the split")
    };
    let Some(Judged::DroppedRows { scored, held_out }) = judge.judge(&dropping, &outputs) else {
        panic!("{:?}", judge.judge(&dropping, &outputs));
    };
    assert_eq!(held_out, split.test_rows);
    assert!(scored < held_out);
    assert_eq!(judge.score(&dropping, &outputs), None);
    // No judge yet (its cell failed or is not there): no score.
    let mut no_judge = notebook.clone();
    no_judge.cells.pop();
    let outputs = evaluate(&no_judge, &shipped());
    assert_eq!(judge.score(&no_judge, &outputs), None);
}

#[test]
fn a_kaggle_submission_is_the_notebooks_prediction_of_each_row_in_the_competitions_format() {
    let notebook = titanic();
    let data = shipped();
    let submission = kaggle_submission(&notebook, &data, &KAGGLE_TITANIC, KAGGLE_TEST).unwrap();
    let lines: Vec<&str> = submission.lines().collect();
    assert_eq!(lines[0], "PassengerId,Survived");
    assert_eq!(lines.len(), 8, "{submission}");
    // Each row's answer is the predict cell's for that passenger typed in by hand, as the
    // data set writes them.
    let rows = [
        ("892", "3rd", "male", "34.5"),
        ("893", "3rd", "female", "47"),
        ("894", "2nd", "male", "62"),
        ("895", "3rd", "male", "27"),
        ("896", "3rd", "female", "22"),
        ("902", "3rd", "male", ""),
        ("904", "1st", "female", "23"),
    ];
    for ((id, class, sex, age), line) in rows.iter().zip(&lines[1..]) {
        let mut one = notebook.clone();
        let values: BTreeMap<String, String> =
            [("passengerClass", *class), ("sex", *sex), ("age", *age)]
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .into();
        one.cells.push(Cell::Predict(PredictCell {
            values,
            batch: None,
        }));
        let Some(Ok(CellOutput::Predict(out))) = evaluate(&one, &data).pop() else {
            panic!("{id} predicts");
        };
        let Prediction::Class { class, .. } = out.prediction else {
            panic!("a class");
        };
        let answer = if class == "yes" { "1" } else { "0" };
        assert_eq!(*line, format!("{id},{answer}"));
    }
    // Women in first class survive in this model; a man in third class does not.
    assert!(
        submission.contains("\n904,1\n") && submission.contains("\n892,0\n"),
        "{submission}"
    );
}

#[test]
fn another_file_or_another_target_is_refused_with_a_reason() {
    let data = shipped();
    let without_class = KAGGLE_TEST.replace("Pclass", "Class");
    assert_eq!(
        kaggle_submission(&titanic(), &data, &KAGGLE_TITANIC, &without_class),
        Err(Error::SubmissionColumnMissing {
            column: "Pclass".into()
        })
    );
    let without_ids = KAGGLE_TEST.replace("PassengerId", "Id");
    assert!(matches!(
        kaggle_submission(&titanic(), &data, &KAGGLE_TITANIC, &without_ids),
        Err(Error::SubmissionColumnMissing { column }) if column == "PassengerId"
    ));
    assert!(kaggle_submission(&titanic(), &data, &KAGGLE_TITANIC, "").is_err());
    // A notebook that predicts the sex, not survival: no answer to give Kaggle.
    let mut other = titanic();
    if let Cell::Dataset(d) = &mut other.cells[0] {
        d.target = "sex".into();
    }
    other.cells[2] = serde_json::from_str(
        r#"{"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}},{"drop_columns":{"columns":["survived"]}}]}"#,
    )
    .unwrap();
    let refused = kaggle_submission(&other, &data, &KAGGLE_TITANIC, KAGGLE_TEST);
    assert!(
        matches!(refused, Err(Error::SubmissionAnswerUnknown { .. })),
        "{refused:?}"
    );
}
