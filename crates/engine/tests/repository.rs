//! "Make a repository" (issue 21): the README's words the learner writes in the page take the
//! place of the generated ones, and its numbers stay the notebook's.

use latih_engine::export::{repository_of, Licence, ReadmeProse, RepositoryOptions};
use latih_engine::notebook::Notebook;
use std::io::Read;

mod common;
use common::shipped;

/// The notebook made into a repository: a tree on iris.
const IRIS: &str = r#"{"version":1,"cells":[
    {"kind":"dataset","dataset":"iris","target":"species"},
    {"kind":"split","test_fraction":0.25,"stratify":true,"seed":7},
    {"kind":"train","model":"decision_tree","max_depth":2},
    {"kind":"evaluate"}]}"#;

fn readme(prose: ReadmeProse) -> String {
    let notebook: Notebook = serde_json::from_str(IRIS).unwrap();
    let catalog = |key: &str| match key {
        "repo-features" => "Reads {count}: {columns}.".to_string(),
        key => format!("«{key}»"),
    };
    let options = RepositoryOptions {
        lang: "en".into(),
        link: "https://latih.example/notebook#nb=x".into(),
        site: None,
        licence: Licence::Mit,
        author: "Budi".into(),
        year: 2026,
        prose,
    };
    let bytes = repository_of(&notebook, &shipped(), &catalog, None, &options).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name("README.md")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_learners_words_replace_the_generated_ones_and_the_numbers_stay() {
    let generated = readme(ReadmeProse::default());
    assert!(
        generated.starts_with("# Iris: species\n\n«repo-question-classes»"),
        "{generated}"
    );
    assert!(
        generated.contains("«repo-limitations-prompt»"),
        "{generated}"
    );

    let own = readme(ReadmeProse {
        title: "  Which iris is it?  ".into(),
        question: "A florist wants to sort irises by their petals.".into(),
        limitations: "- Only three species.\n- Not for wild flowers.".into(),
    });
    assert!(
        own.starts_with("# Which iris is it?\n\nA florist wants to sort irises by their petals.\n"),
        "{own}"
    );
    assert!(
        own.contains("- Only three species.\n- Not for wild flowers."),
        "{own}"
    );
    assert!(!own.contains("«repo-limitations-prompt»"));
    assert!(!own.contains("«repo-question-classes»"));
    // Everything after the question is the same: the data, the steps, the scores.
    let from_data = |text: &str| {
        text[text.find("## The data").unwrap()..text.find("## Limitations").unwrap()].to_string()
    };
    assert_eq!(from_data(&own), from_data(&generated));

    // Blank words are no words: the notebook's are written.
    let blank = readme(ReadmeProse {
        title: " ".into(),
        question: "\n".into(),
        limitations: String::new(),
    });
    assert_eq!(blank, generated);
}

#[test]
fn the_readme_gives_the_class_balance_each_class_recall_the_settings_and_the_features() {
    use latih_engine::notebook::{evaluate, CellOutput};
    let text = readme(ReadmeProse::default());
    let notebook: Notebook = serde_json::from_str(IRIS).unwrap();
    let outputs = evaluate(&notebook, &shipped());
    let Some(Ok(CellOutput::Evaluate(e))) = outputs.last() else {
        panic!("the notebook evaluates");
    };
    assert!(text.contains("«repo-per-class»\n\n| «repo-class» | «repo-test-rows» | «repo-precision» | «repo-recall» |"), "{text}");
    for (class, row) in e.classes.iter().zip(&e.report.per_class) {
        let line = format!(
            "| {class} | {} | {:.3} | {:.3} |",
            row.support, row.precision, row.recall
        );
        assert!(text.contains(&line), "{line}\n{text}");
    }
    // The class balance adds up to the test set.
    let rows: u64 = e.report.per_class.iter().map(|r| r.support).sum();
    assert_eq!(rows as usize, e.test_rows);
    assert!(
        text.contains("- «model-decision-tree»: `max_depth = 2`"),
        "{text}"
    );
    assert!(
        text.contains("Reads 4: `sepal length (cm)`, `sepal width (cm)`, `petal length (cm)`, `petal width (cm)`."),
        "{text}"
    );
}
