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
    file(&repository(IRIS, prose), "README.md")
}

/// The repository of the notebook `json`, with the catalog's keys for words.
fn repository(json: &str, prose: ReadmeProse) -> zip::ZipArchive<std::io::Cursor<Vec<u8>>> {
    let notebook: Notebook = serde_json::from_str(json).unwrap();
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
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap()
}

fn file(zip: &zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    zip.clone()
        .by_name(name)
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

#[test]
fn a_clustering_s_readme_gives_its_groups_their_measures_and_their_picture() {
    use latih_engine::notebook::{evaluate, CellOutput};
    // Iris in three groups and no model, as a segmentation project has it: no comparison of
    // models, the groups in its place.
    const SEGMENTS: &str = r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"iris","target":"species"},
        {"kind":"clusters","n_clusters":3,"seed":42}]}"#;
    let zip = repository(SEGMENTS, ReadmeProse::default());
    let text = file(&zip, "README.md");
    assert!(text.contains("«repo-question-clusters»"), "{text}");
    assert!(!text.contains("«repo-models-heading»"), "{text}");
    assert!(!text.contains("«repo-no-models»"), "{text}");
    assert!(
        text.contains("## «repo-clusters-heading»\n\n«out-clusters-found»"),
        "{text}"
    );
    let outputs = evaluate(&serde_json::from_str(SEGMENTS).unwrap(), &shipped());
    let Some(Ok(CellOutput::Clusters(out))) = outputs.last() else {
        panic!("the notebook finds groups: {:?}", outputs.last());
    };
    for (key, value) in [
        ("out-silhouette", out.silhouette.unwrap()),
        ("out-adjusted-rand", out.adjusted_rand.unwrap()),
    ] {
        let line = format!("| «{key}» | {value:.3} |");
        assert!(text.contains(&line), "{line}\n{text}");
    }
    assert!(
        text.contains("![«out-clusters-chart»](images/clusters.svg)"),
        "{text}"
    );
    let svg = file(&zip, "images/clusters.svg");
    // A dot per row drawn, and one per group in the key, each group in its own colour.
    assert_eq!(
        svg.matches("<circle").count(),
        out.projection.points.len() + out.n_clusters as usize,
        "{svg}"
    );
    let colours: std::collections::HashSet<&str> = svg
        .split("fill=\"")
        .skip(2)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(colours.len(), out.n_clusters as usize, "{colours:?}");

    assert!(text.contains("- «repo-caveat-clusters»"), "{text}");
    assert!(!text.contains("«repo-caveat-split»"), "{text}");
    // DBSCAN's groups come with DBSCAN's caveat, not k-means'.
    let dbscan = SEGMENTS.replace(
        r#""seed":42}"#,
        r#""seed":42,"dbscan":{"eps":0.8,"min_samples":5}}"#,
    );
    let text = file(&repository(&dbscan, ReadmeProse::default()), "README.md");
    assert!(text.contains("«out-clusters-dbscan»"), "{text}");
    assert!(text.contains("- «repo-caveat-dbscan»"), "{text}");
    assert!(!text.contains("«repo-caveat-clusters»"), "{text}");

    // A model and a clustering: both sections, the models first.
    const BOTH: &str = r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"iris","target":"species"},
        {"kind":"split","test_fraction":0.25,"stratify":true,"seed":7},
        {"kind":"train","model":"decision_tree","max_depth":2},
        {"kind":"evaluate"},
        {"kind":"clusters","n_clusters":3,"seed":42}]}"#;
    let both = file(&repository(BOTH, ReadmeProse::default()), "README.md");
    let models = both
        .find("## «repo-models-heading»")
        .expect("models compared");
    let groups = both
        .find("## «repo-clusters-heading»")
        .expect("groups found");
    assert!(models < groups, "{both}");
    assert!(both.contains("«repo-question-classes»"), "{both}");
}
