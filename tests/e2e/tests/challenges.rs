//! A competition challenge (issue 21), as a learner enters one: the Titanic challenge's
//! starting entry drops the passengers with no age, so the judge does not score it; the entry
//! mended (its solution put in) is scored with the competition's metric, as the engine scores
//! it; the personal best is kept over a reload; and Kaggle's own test file, chosen in the page,
//! becomes the submission file the engine writes for that notebook.

use latih_e2e::{BrowserLanguage, Site};
use latih_engine::competition::{kaggle_submission, Challenge, Judged, KAGGLE_TITANIC};
use latih_engine::lessons::parse_lesson;
use latih_engine::notebook::evaluate;
use std::collections::HashMap;

fn shipped(id: &str) -> HashMap<String, String> {
    let text = std::fs::read_to_string(format!(
        "{}/../../static/data/{id}.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    [(id.to_string(), text)].into()
}

const KAGGLE_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../crates/engine/tests/fixtures/kaggle-titanic-test.csv"
);

async fn scoreboard(site: &Site) -> String {
    site.find("//section[@class='scoreboard']")
        .await
        .text()
        .await
        .unwrap_or_default()
}

#[tokio::test]
async fn a_learner_enters_the_titanic_challenge_and_writes_a_kaggle_submission() {
    let file = std::fs::read_to_string(format!(
        "{}/../../content/en/challenges/titanic.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let challenge = parse_lesson(&file).unwrap();
    let judge = Challenge::find("titanic").unwrap();
    let data = shipped("titanic");
    let start = evaluate(&challenge.notebook, &data);
    let Some(Judged::DroppedRows { scored, held_out }) = judge.judge(&challenge.notebook, &start)
    else {
        panic!("the starting entry drops passengers with no age");
    };
    let solved = &challenge.solution.notebook;
    let score = judge
        .score(solved, &evaluate(solved, &data))
        .expect("the solution is scored");

    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/projects").await;
    site.link("Challenge: Titanic").await.click().await.unwrap();
    site.heading("Challenge: Titanic").await;
    site.heading("Scoreboard").await;
    site.text(&format!(
        "Not scored: the judge scores every held-out row, and this entry scored {scored} of {held_out}."
    ))
    .await;
    site.text("No personal best yet.").await;
    site.text("A score in your own browser is honour-based")
        .await;

    // The entry mended: the solution of the first bar (after the question) put in.
    let line = "Exercise 2";
    site.press_in_exercise(line, "Show a hint").await;
    site.until_exercise_says(line, "Hint 1 of").await;
    site.press_in_exercise(line, "Show the solution").await;
    site.press_in_exercise(line, "Load the solution into the notebook")
        .await;
    site.settled().await;
    let shown = format!("{score:.4}");
    site.until("the judge's score", || async {
        scoreboard(&site)
            .await
            .contains(&format!("accuracy {shown}"))
    })
    .await;
    site.text("Your personal best:").await;
    let board = scoreboard(&site).await;
    assert!(
        board.contains(&format!("Your personal best: {shown}")),
        "{board}"
    );

    // Kept over a reload.
    site.client.refresh().await.unwrap();
    site.heading("Scoreboard").await;
    site.until("the best kept", || async {
        scoreboard(&site)
            .await
            .contains(&format!("Your personal best: {shown}"))
    })
    .await;

    // Kaggle's test file in, the submission out: the engine's for this notebook.
    let expected = kaggle_submission(
        solved,
        &data,
        &KAGGLE_TITANIC,
        &std::fs::read_to_string(KAGGLE_TEST).unwrap(),
    )
    .unwrap();
    site.settled().await;
    let path = std::fs::canonicalize(KAGGLE_TEST).unwrap();
    site.labelled("Kaggle’s test.csv")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
    let submission = site.downloaded("submission.csv").await;
    assert_eq!(submission, expected);
    assert!(submission.starts_with("PassengerId,Survived\n"));
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}
