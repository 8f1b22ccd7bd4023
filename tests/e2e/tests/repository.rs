//! "Make a repository" (issue 21) as a learner makes one: a titanic notebook with a cleaning
//! step and a model, the name, licence and README words typed in the notebook's menu, the zip
//! downloaded; in it, a README with those words and the notebook's scores, the licence with the
//! learner's name, the data and the notebook reading it from data/ (or from this site).

use latih_e2e::{BrowserLanguage, Site};
use latih_engine::notebook::{evaluate, link, CellOutput, Notebook};
use std::io::Read;

#[tokio::test]
async fn a_learner_makes_a_repository_whose_readme_holds_the_notebooks_scores() {
    let notebook: Notebook = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"titanic","target":"survived"},
        {"kind":"split","test_fraction":0.25,"stratify":true,"seed":42},
        {"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}}]},
        {"kind":"train","model":"logistic_regression"},
        {"kind":"evaluate"}]}"#,
    )
    .unwrap();
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open(&format!("/notebook#nb={}", link::encode(&notebook)))
        .await;
    site.definition("Accuracy").await;
    site.notebook_menu().await;
    site.heading("Make a repository").await;
    site.fill("Your name, for the licence", "Siti Rahma").await;
    site.choose("Licence of the code", "BSD 3-Clause").await;
    // The README's words are the learner's to write; the scores stay the notebook's.
    site.fill("Project title", "Who survived the Titanic?")
        .await;
    site.fill(
        "Limitations and next steps",
        "- Historical data: not for any decision about people today.",
    )
    .await;
    site.button("Make a repository (.zip)")
        .await
        .click()
        .await
        .unwrap();
    let bytes = site.downloaded_bytes("repository.zip").await;
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    let base = site.base.clone();
    site.close().await;

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} in the zip"))
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let readme = read("README.md");
    let licence = read("LICENSE");
    let ipynb = read("notebook.ipynb");
    assert!(
        readme.starts_with("# Who survived the Titanic?\n"),
        "{readme}"
    );
    assert!(
        readme.contains("- Historical data: not for any decision about people today."),
        "{readme}"
    );
    assert!(read("data/titanic.csv").starts_with("name,survived,"));
    assert!(licence.starts_with("BSD 3-Clause License"), "{licence}");
    assert!(licence.contains("Siti Rahma"), "{licence}");
    assert!(
        readme.contains(&format!("]({base}/notebook#nb=")),
        "{readme}"
    );
    assert!(ipynb.contains("data/titanic.csv"), "{ipynb}");
    assert!(
        ipynb.contains(&format!("{base}/data/titanic.csv")),
        "{ipynb}"
    );
    assert!(
        readme.contains("![Confusion matrix (Logistic regression, test set)"),
        "{readme}"
    );

    // The scores in the README are the notebook's (the engine's, run here natively).
    let shipped = |id: &str| {
        std::fs::read_to_string(format!(
            "{}/../../static/data/{id}.csv",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let data: std::collections::HashMap<String, String> =
        [("titanic".to_string(), shipped("titanic"))].into();
    let outputs = evaluate(&notebook, &data);
    let Some(Ok(CellOutput::Evaluate(scores))) = outputs.last() else {
        panic!("the notebook evaluates")
    };
    let row = format!(
        "| Logistic regression | {:.3} | {:.3} | {:.3} | {:.3} |",
        scores.accuracy,
        scores.balanced_accuracy,
        scores.report.macro_avg.f1,
        scores.roc.as_ref().unwrap().auc
    );
    assert!(readme.contains(&row), "{row}\n{readme}");
    // The bar: always the most common class of the test set, from the notebook's own counts.
    let sizes: Vec<u64> = scores.confusion.iter().map(|r| r.iter().sum()).collect();
    let most = *sizes.iter().max().unwrap() as f64 / sizes.iter().sum::<u64>() as f64;
    let bar = format!(
        "Answering the most common class (no) for every row would score an accuracy of {most:.3}"
    );
    assert!(readme.contains(&bar), "{bar}\n{readme}");
    assert!(
        readme.contains("model/ holds the last trained model (Logistic regression)"),
        "{readme}"
    );
}
