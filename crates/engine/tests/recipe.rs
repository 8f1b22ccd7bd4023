//! The trained pipeline as data ([`Recipe`]) predicts a raw row (text, before the steps)
//! exactly as the notebook does: every kind of fitted step, the encoder, and each model the
//! recipe carries, on data sets with missing values, categories, two and three classes, and
//! numbers. The prediction page's script is held against the same rows (tests/page.rs).

use latih_engine::export::Recipe;
use latih_engine::notebook::{trained_model, Notebook, Prediction};
use latih_engine::Error;

mod common;
use common::shipped;

fn notebook(dataset: &str, target: &str, steps: &str, model: &str) -> Notebook {
    serde_json::from_str(&format!(
        r#"{{"version":1,"cells":[
        {{"kind":"dataset","dataset":"{dataset}","target":"{target}"}},
        {{"kind":"split","test_fraction":0.25,"stratify":false,"seed":5}},
        {{"kind":"steps","steps":[{steps}]}},
        {{"kind":"train","model":{model}}}]}}"#
    ))
    .unwrap()
}

/// Missing ages filled, outliers clipped, a rename, a row filter, every number scaled.
const TITANIC_STEPS: &str = r#"{"impute":{"column":"age","strategy":"median"}},
    {"clip_outliers":{"column":"age"}},
    {"rename":{"column":"sex","to":"gender"}},
    {"filter":{"column":"age","op":"less","value":"70"}},
    {"scale":{"column":null,"kind":"standard"}}"#;

/// A missing category filled, an island as an ordinal, a log, bins that become categories,
/// min–max and robust scalers, a number read as an integer, then the rest dropped.
const PENGUIN_STEPS: &str = r#"{"impute":{"column":"sex","strategy":"most_frequent"}},
    {"drop_missing_rows":null},
    {"ordinal":{"column":"island"}},
    {"log":{"column":"body_mass_g"}},
    {"bin":{"column":"year","bins":3}},
    {"one_hot":{"column":"year"}},
    {"cast":{"column":"bill_depth_mm","to":"integer"}},
    {"scale":{"column":"flipper_length_mm","kind":"min_max"}},
    {"scale":{"column":"bill_length_mm","kind":"robust"}}"#;

const DIABETES_STEPS: &str = r#"{"cast":{"column":"sex","to":"category"}},
    {"log":{"column":"s5"}},
    {"drop_columns":{"columns":["s6"]}}"#;

const TREE: &str = r#""decision_tree","max_depth":6,"min_samples_split":2"#;
const FOREST: &str = r#""random_forest","n_estimators":12,"max_depth":null,"min_samples_split":2,
    "max_features":"sqrt","bootstrap":true,"seed":3"#;
const BOOSTING: &str = r#""gradient_boosting","max_iter":25,"max_leaf_nodes":15"#;

fn cases() -> Vec<Notebook> {
    let mut cases = Vec::new();
    for model in [TREE, FOREST, BOOSTING, r#""logistic_regression""#] {
        cases.push(notebook("titanic", "survived", TITANIC_STEPS, model));
        cases.push(notebook("penguins", "species", PENGUIN_STEPS, model));
    }
    for model in [TREE, FOREST, BOOSTING, r#""linear_regression""#] {
        cases.push(notebook("diabetes", "progression", DIABETES_STEPS, model));
    }
    cases
}

#[test]
fn the_recipe_predicts_every_example_row_exactly_as_the_notebook() {
    for nb in cases() {
        let trained = trained_model(&nb, &shipped()).unwrap();
        let recipe = Recipe::of(&trained).unwrap();
        let what = format!("{} → {}", trained.model_name, trained.target);
        assert!(
            trained.examples.len() >= 15,
            "{what}: {} examples",
            trained.examples.len()
        );
        for example in &trained.examples {
            let ours = recipe
                .predict(&|column: &str| example.row.get(column).cloned())
                .unwrap();
            match &example.prediction {
                Prediction::Class { probabilities, .. } => {
                    assert_eq!(&ours, probabilities, "{what}: {:?}", example.row);
                }
                Prediction::Number(value) => {
                    assert_eq!(ours, vec![*value], "{what}: {:?}", example.row);
                }
            }
        }
    }
}

#[test]
fn the_recipe_carries_each_fitted_step_and_the_encoder() {
    let nb = notebook("penguins", "species", PENGUIN_STEPS, TREE);
    let recipe = Recipe::of(&trained_model(&nb, &shipped()).unwrap()).unwrap();
    let json = serde_json::to_value(&recipe).unwrap();
    let ops: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["op"].as_str().unwrap())
        .collect();
    // The row filter (drop_missing_rows) has no row step: a new row is always predicted.
    assert_eq!(
        ops,
        [
            "fill_category",
            "ordinal",
            "log",
            "bin",
            "categories",
            "numbers",
            "scale",
            "scale"
        ]
    );
    assert_eq!(
        json["steps"][1]["categories"],
        serde_json::json!(["Biscoe", "Dream", "Torgersen"])
    );
    let year = json["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["column"] == "year")
        .unwrap();
    assert_eq!(year["kind"], "one_hot");
    assert_eq!(year["categories"], serde_json::json!(["0", "1", "2"]));
}

#[test]
fn a_bad_row_gets_the_notebooks_own_errors() {
    let nb = notebook(
        "titanic",
        "survived",
        TITANIC_STEPS,
        r#""logistic_regression""#,
    );
    let recipe = Recipe::of(&trained_model(&nb, &shipped()).unwrap()).unwrap();
    let row = |age: &'static str| {
        move |column: &str| match column {
            "age" => Some(age.to_string()),
            "sex" => Some("female".to_string()),
            "passengerClass" => Some("2nd".to_string()),
            _ => None,
        }
    };
    assert_eq!(
        recipe.predict(&row("old")),
        Err(Error::PredictValueNotNumber {
            column: "age".into(),
            value: "old".into()
        })
    );
    // A comma is a decimal point, as in the predict cell; a missing age is filled.
    assert_eq!(recipe.predict(&row("22,5")), recipe.predict(&row("22.5")));
    assert!(recipe.predict(&row("")).is_ok());
    let no_sex = |column: &str| (column == "age").then(|| "30".to_string());
    assert_eq!(
        recipe.predict(&no_sex),
        Err(Error::PredictValuesMissing {
            columns: vec!["gender".into(), "passengerClass".into()]
        })
    );
}

#[test]
fn a_model_the_recipe_cannot_carry_yet_is_refused_with_its_name() {
    let nb = notebook("iris", "species", "", r#""k_nearest_neighbors""#);
    assert_eq!(
        Recipe::of(&trained_model(&nb, &shipped()).unwrap()).err(),
        Some(Error::OnnxModelNotYet {
            model: "k_nearest_neighbors".into()
        })
    );
}
