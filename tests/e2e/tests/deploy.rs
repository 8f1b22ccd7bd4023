//! The trained model out of the page (issue 20), as a learner would take it, on titanic: ages
//! filled by a cleaning step, a passenger typed in the predict cell's form, a file of passengers
//! predicted and downloaded, the model downloaded as ONNX, as a prediction page and as an API
//! bundle; then the page, opened from the downloads, predicts the same passenger with the same
//! probabilities, its missing age filled as the notebook fills it.

use latih_e2e::{BrowserLanguage, Site};
use latih_engine::notebook::{link, Notebook};

#[tokio::test]
async fn a_titanic_model_leaves_the_page_with_its_steps_and_predicts_the_same_passenger() {
    let notebook: Notebook = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"titanic","target":"survived"},
        {"kind":"split","test_fraction":0.25,"stratify":true,"seed":42},
        {"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}}]},
        {"kind":"train","model":"logistic_regression"},
        {"kind":"evaluate"},
        {"kind":"predict"}]}"#,
    )
    .unwrap();
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open(&format!("/notebook#nb={}", link::encode(&notebook)))
        .await;
    site.text("You opened a shared notebook.").await;
    site.definition("Accuracy").await;
    // One passenger: a woman in first class whose age nobody wrote down.
    site.choose("sex", "female").await;
    site.choose("passengerClass", "1st").await;
    site.fill("age", "").await;
    site.settled().await;
    site.text("The model predicts: yes").await;
    let shown = site
        .text("Probability of each class: no")
        .await
        .text()
        .await
        .unwrap();

    // A batch: passengers without the target, one of them without an age.
    let dir = std::env::temp_dir().join(format!("latih-deploy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let passengers = dir.join("passengers.csv");
    std::fs::write(
        &passengers,
        "name,sex,age,passengerClass\n\"A, Mrs. B\",female,,1st\n\"C, Mr. D\",male,40,3rd\n\"E, Miss. F\",female,8,2nd\n",
    )
    .unwrap();
    site.labelled(
        "Or predict a file of new rows (CSV or JSON, with the same columns; no target needed)",
    )
    .await
    .send_keys(&passengers.display().to_string())
    .await
    .unwrap();
    site.text("3 rows predicted.").await;
    site.button("Download the predictions (CSV)")
        .await
        .click()
        .await
        .unwrap();
    let csv = site.downloaded("predictions.csv").await;
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with("prediction,probability_no,probability_yes"),
        "{csv}"
    );
    assert!(lines[1].contains(",yes,"), "{csv}");
    let _ = std::fs::remove_dir_all(&dir);

    // The model's files, from the notebook's menu.
    site.notebook_menu().await;
    for (button, file, starts) in [
        (
            "Download the model as ONNX (model.onnx)",
            "model.onnx",
            &[0x08u8, 10][..],
        ),
        (
            "Download an API bundle (FastAPI, Docker; .zip)",
            "api.zip",
            b"PK\x03\x04",
        ),
        (
            "Download a prediction page (.html)",
            "predict.html",
            b"<!doctype html>",
        ),
    ] {
        site.button(button).await.click().await.unwrap();
        let bytes = site.downloaded_bytes(file).await;
        assert!(bytes.starts_with(starts), "{file}");
    }
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());

    // The page, opened as a file: the same passenger, the same answer.
    site.open_download("predict.html").await;
    site.heading("Predict survived").await;
    site.choose("sex", "female").await;
    site.choose("passengerClass", "1st").await;
    site.fill("age", "").await;
    site.button("Predict").await.click().await.unwrap();
    site.text("survived: yes").await;
    let probabilities = site.table("How likely each class is").await;
    for row in &probabilities[1..] {
        let class = format!("{} {}", row[0], row[1]);
        assert!(shown.contains(&class), "{shown} vs {class}");
    }
    site.close().await;
}
