//! The trained pipeline taken out of the page, held against the notebook's own predictions of
//! its first test rows (raw text, before the steps): as data ([`Recipe`]), exactly; as the
//! prediction page's script, run in Node; as ONNX, checked by onnx's checker and run by
//! onnxruntime (skipped, with the reason, where Python lacks them: `scripts/setup.sh` installs
//! them). Every kind of fitted step, the encoder, and each model the recipe carries, on data
//! sets with missing values, categories, two and three classes, and numbers.

use latih_engine::export::Recipe;
use latih_engine::notebook::{trained_model, Notebook, Prediction};
use latih_engine::Error;

mod common;
use common::{json_printed_by, python_json, python_lacks, shipped};

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
/// Two hidden layers, so that the hidden activation is applied between layers too.
const NETWORK: &str =
    r#""neural_network","hidden_layer_sizes":[8,5],"activation":"tanh","max_iter":60"#;

/// Sizes written as text (some not numbers), yes/no words in both languages and any case,
/// and grades that are numbers: the casts that the ONNX graph reads text with.
fn mixed() -> String {
    let mut csv = String::from("size,member,grade,flat,y\n");
    let sizes = ["12", "7.5", "unknown", "+3", "1e1", ".5", "20", "4"];
    let members = ["Yes", "no", "YA", "tidak", "1", "0", "TRUE", "f", "maybe"];
    for i in 0..120 {
        let (size, member, grade) = (sizes[i % 8], members[i % 9], 1 + i % 3);
        let y = if (i % 8 < 4) ^ (i % 9 < 3) {
            "up"
        } else {
            "down"
        };
        csv.push_str(&format!("{size},{member},{grade},5,{y}\n"));
    }
    csv
}

const MIXED_STEPS: &str = r#"{"cast":{"column":"size","to":"number"}},
    {"impute":{"column":"size","strategy":"median"}},
    {"cast":{"column":"member","to":"boolean"}},
    {"impute":{"column":"member","strategy":"most_frequent"}},
    {"cast":{"column":"grade","to":"category"}},
    {"ordinal":{"column":"grade"}},
    {"bin":{"column":"flat","bins":3}}"#;

/// The shipped data sets, and `mixed.csv`.
fn data() -> std::collections::HashMap<String, String> {
    let mut data = shipped();
    data.insert("mixed.csv".into(), mixed());
    data
}

fn cases() -> Vec<Notebook> {
    let mut cases = Vec::new();
    for model in [TREE, r#""logistic_regression""#] {
        cases.push(notebook("mixed.csv", "y", MIXED_STEPS, model));
    }
    for model in [
        TREE,
        FOREST,
        BOOSTING,
        r#""logistic_regression""#,
        NETWORK,
        r#""gaussian_naive_bayes""#,
        r#""bernoulli_naive_bayes","binarize":0.5"#,
        r#""k_nearest_neighbors","n_neighbors":7,"weights":"distance""#,
        r#""support_vector_machine","kernel":"linear","C":0.5"#,
        r#""support_vector_machine","kernel":"rbf","C":3.0"#,
    ] {
        cases.push(notebook("titanic", "survived", TITANIC_STEPS, model));
        cases.push(notebook("penguins", "species", PENGUIN_STEPS, model));
    }
    for model in [
        TREE,
        FOREST,
        BOOSTING,
        r#""linear_regression""#,
        NETWORK,
        r#""k_nearest_neighbors","n_neighbors":4"#,
        r#""support_vector_machine","kernel":"rbf","C":50.0,"epsilon":5.0"#,
        // A tube wider than the targets' spread: no support vectors at all.
        r#""support_vector_machine","kernel":"linear","epsilon":1000.0"#,
    ] {
        cases.push(notebook("diabetes", "progression", DIABETES_STEPS, model));
    }
    cases
}

#[test]
fn the_recipe_predicts_every_example_row_exactly_as_the_notebook() {
    for nb in cases() {
        let trained = trained_model(&nb, &data()).unwrap();
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
            let theirs = match &example.prediction {
                Prediction::Class { probabilities, .. } => probabilities.clone(),
                Prediction::Number(value) => vec![*value],
            };
            if trained.model_name == "neural_network" {
                // The engine's batched matrix product adds a row's terms in an order that
                // depends on the row's place in the batch: the last bits may differ.
                for (o, t) in ours.iter().zip(&theirs) {
                    assert!(
                        (o - t).abs() <= 1e-12 * t.abs().max(1.0),
                        "{what}: {o} vs {t}"
                    );
                }
            } else {
                assert_eq!(ours, theirs, "{what}: {:?}", example.row);
            }
        }
    }
}

/// The kind of each of a recipe's row steps (its JSON's `op`s), in order.
fn step_ops(recipe: &serde_json::Value) -> Vec<&str> {
    recipe["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["op"].as_str().unwrap())
        .collect()
}

#[test]
fn the_recipe_carries_each_fitted_step_and_the_encoder() {
    let nb = notebook("penguins", "species", PENGUIN_STEPS, TREE);
    let recipe = Recipe::of(&trained_model(&nb, &shipped()).unwrap()).unwrap();
    let json = serde_json::to_value(&recipe).unwrap();
    let ops = step_ops(&json);
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
fn text_is_read_as_numbers_yes_no_and_ordinals_by_the_steps_that_the_graph_carries() {
    let nb = notebook("mixed.csv", "y", MIXED_STEPS, TREE);
    let recipe = Recipe::of(&trained_model(&nb, &data()).unwrap()).unwrap();
    let json = serde_json::to_value(&recipe).unwrap();
    let ops = step_ops(&json);
    assert_eq!(
        ops,
        [
            "numbers",
            "fill_number",
            "truths",
            "fill_category",
            "categories",
            "ordinal",
            "bin"
        ]
    );
    let kinds: Vec<(&str, bool)> = recipe
        .inputs
        .iter()
        .map(|i| (i.column.as_str(), i.numeric))
        .collect();
    assert_eq!(
        kinds,
        [
            ("size", false),
            ("member", false),
            ("grade", true),
            ("flat", true)
        ]
    );
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

/// A learner's file whose columns are named as the page's script and the ONNX graph name
/// things of their own: Object's `constructor`, a graph constant's `const_1`.
fn odd_names() -> (std::collections::HashMap<String, String>, Notebook) {
    let mut data = shipped();
    let mut csv = String::from("constructor,const_1,y\n");
    for i in 0..80 {
        let (a, b) = (i % 7, (i * 3) % 11);
        let y = if a + b > 8 { "yes" } else { "no" };
        csv.push_str(&format!("{a},{b},{y}\n"));
    }
    data.insert("odd.csv".into(), csv);
    let nb = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"odd.csv","target":"y"},
        {"kind":"split","test_fraction":0.25,"stratify":false,"seed":5},
        {"kind":"steps","steps":[{"scale":{"column":null,"kind":"standard"}}]},
        {"kind":"train","model":"logistic_regression"}]}"#,
    )
    .unwrap();
    (data, nb)
}

#[test]
fn a_text_column_that_a_step_encodes_is_an_input_of_the_deployed_model() {
    // Names are free text (not a feature) until the ordinal step makes numbers of them.
    let steps = r#"{"ordinal":{"column":"name"}},{"impute":{"column":"age","strategy":"median"}}"#;
    let nb = notebook("titanic", "survived", steps, TREE);
    let trained = trained_model(&nb, &shipped()).unwrap();
    let recipe = Recipe::of(&trained).unwrap();
    assert!(recipe
        .inputs
        .iter()
        .any(|i| i.column == "name" && !i.numeric));
    for example in &trained.examples {
        let ours = recipe
            .predict(&|column: &str| example.row.get(column).cloned())
            .unwrap();
        let Prediction::Class { probabilities, .. } = &example.prediction else {
            panic!("a class")
        };
        assert_eq!(&ours, probabilities, "{:?}", example.row);
    }
}

#[test]
fn columns_named_as_the_scripts_and_graphs_own_names_are_only_columns() {
    let (data, nb) = odd_names();
    let trained = trained_model(&nb, &data).unwrap();
    let recipe = Recipe::of(&trained).unwrap();
    let module = latih_engine::export::predictor_module(&recipe).unwrap();
    let rows: Vec<_> = trained.examples.iter().map(|e| &e.row).collect();
    let empty = std::collections::BTreeMap::new();
    let mut with_empty = rows.clone();
    with_empty.push(&empty);
    let node = node_predicts(&module, &with_empty);
    // A row without `constructor` lacks it: Object's own constructor is not read as its value.
    assert_eq!(node.last(), Some(&serde_json::json!("missing")));
    for (example, theirs) in trained.examples.iter().zip(&node) {
        let Prediction::Class { probabilities, .. } = &example.prediction else {
            panic!("a class")
        };
        let theirs: Vec<f64> = theirs.as_array().unwrap()[..2]
            .iter()
            .map(|p| p.as_f64().unwrap())
            .collect();
        for (t, o) in theirs.iter().zip(probabilities) {
            assert!((t - o).abs() <= 1e-12, "{t} vs {o}");
        }
    }
    if let Some(reason) = python_lacks("onnx, onnxruntime") {
        eprintln!("skipped: the ONNX model is checked with onnx and onnxruntime ({reason})");
        return;
    }
    let model = latih_engine::export::onnx_of(&nb, &data).unwrap();
    for (example, theirs) in trained
        .examples
        .iter()
        .zip(onnxruntime_predicts(&model, &rows))
    {
        let Prediction::Class { probabilities, .. } = &example.prediction else {
            panic!("a class")
        };
        for (t, o) in theirs.iter().zip(probabilities) {
            assert!((t - o).abs() <= 1e-9, "{t} vs {o}");
        }
    }
}

#[test]
fn an_input_named_as_an_onnx_output_is_refused_with_its_name() {
    let (mut data, nb) = odd_names();
    let csv = data["odd.csv"].replacen("const_1", "label", 1);
    data.insert("odd.csv".into(), csv);
    assert_eq!(
        latih_engine::export::onnx_of(&nb, &data).err(),
        Some(Error::OnnxNameTaken {
            name: "label".into()
        })
    );
    // The page has no such names: it still carries the model.
    let trained = trained_model(&nb, &data).unwrap();
    assert!(Recipe::of(&trained).is_ok());
}

/// Node's predictions of `rows` (each column → text) by the predictor module of `recipe`:
/// per row, the probabilities or `[number]`, or the error's key.
fn node_predicts(
    module: &str,
    rows: &[&std::collections::BTreeMap<String, String>],
) -> Vec<serde_json::Value> {
    let runner = "import { predict } from './predictor.mjs';\n\
                  import { readFileSync } from 'node:fs';\n\
                  const rows = JSON.parse(readFileSync('rows.json'));\n\
                  console.log(JSON.stringify(rows.map((r) => {\n\
                  \x20 try { const p = predict(r); return 'number' in p ? [p.number] : [...p.probabilities, p.class]; }\n\
                  \x20 catch (e) { return e.key; }\n\
                  })));";
    let rows = serde_json::to_vec(rows).unwrap();
    let files: [(&str, &[u8]); 3] = [
        ("predictor.mjs", module.as_bytes()),
        ("rows.json", &rows),
        ("run.mjs", runner.as_bytes()),
    ];
    serde_json::from_value(json_printed_by("node", &["run.mjs"], &files)).unwrap()
}

#[test]
fn the_pages_predictor_in_node_predicts_what_the_notebook_predicts() {
    for nb in cases() {
        let trained = trained_model(&nb, &data()).unwrap();
        let recipe = Recipe::of(&trained).unwrap();
        let module = latih_engine::export::predictor_module(&recipe).unwrap();
        let rows: Vec<_> = trained.examples.iter().map(|e| &e.row).collect();
        let theirs = node_predicts(&module, &rows);
        let what = format!("{} → {}", trained.model_name, trained.target);
        let mut largest = 0.0_f64;
        for (example, theirs) in trained.examples.iter().zip(&theirs) {
            let theirs = theirs
                .as_array()
                .unwrap_or_else(|| panic!("{what}: {theirs}"));
            let ours = match &example.prediction {
                Prediction::Class {
                    probabilities,
                    class,
                    ..
                } => {
                    // The class: the first of the most probable, as the engine picks it.
                    assert_eq!(theirs.last().unwrap(), class, "{what}");
                    probabilities.clone()
                }
                Prediction::Number(value) => vec![*value],
            };
            for (t, o) in theirs.iter().zip(&ours) {
                largest = largest.max((t.as_f64().unwrap() - o).abs());
            }
        }
        eprintln!("{what}: largest difference {largest:e}");
        // Trees and sums agree to the bit; Node's exp and tanh may differ from the engine's in
        // the last one, and a network's sums in the last few (see above).
        assert!(largest <= 1e-12, "{what}: {largest}");
    }
}

#[test]
fn the_page_carries_hostile_names_as_text_and_both_languages() {
    let mut data = shipped();
    let csv = "kind,size\n</script><script>alert(1)</script>,1\nplain,2\n".repeat(20);
    let csv = format!("kind,size\n{}", csv.replace("kind,size\n", ""));
    data.insert("hostile.csv".into(), csv);
    let nb: Notebook = serde_json::from_str(
        r#"{"version":1,"cells":[
        {"kind":"dataset","dataset":"hostile.csv","target":"size"},
        {"kind":"split","test_fraction":0.25,"stratify":false,"seed":5},
        {"kind":"train","model":"decision_tree"}]}"#,
    )
    .unwrap();
    let mut words = latih_engine::export::PageWords::new();
    for lang in ["id", "en"] {
        let keys = latih_engine::export::PAGE_KEYS.iter();
        words.insert(
            lang.into(),
            keys.map(|k| (k.to_string(), format!("{lang}:{k}")))
                .collect(),
        );
    }
    let page =
        latih_engine::export::page_of(&nb, &data, &words, "https://latih.example/#nb=x").unwrap();
    assert_eq!(
        page.matches("</script>").count(),
        1,
        "only the page's own script ends"
    );
    assert!(page.contains(r"\u003c/script>\u003cscript>alert(1)\u003c/script>"));
    assert!(page.contains(r#""id":{"page-class":"id:page-class""#));
    assert!(page.contains(r#""en":{"page-class":"en:page-class""#));
    assert!(page.contains("https://latih.example/#nb=x"));
}

/// onnxruntime's outputs for `rows` (each column → text, as a form gives them): per row, the
/// probabilities then the label, or the number; then `complete`. After onnx's checker passed.
fn onnxruntime_predicts(
    model: &[u8],
    rows: &[&std::collections::BTreeMap<String, String>],
) -> Vec<Vec<f64>> {
    let script = "import sys, json, numpy as np, onnx, onnxruntime as ort\n\
                  path = sys.argv[1]\n\
                  onnx.checker.check_model(onnx.load(path + '/model.onnx'), full_check=True)\n\
                  s = ort.InferenceSession(path + '/model.onnx', providers=['CPUExecutionProvider'])\n\
                  rows = json.load(open(path + '/rows.json'))\n\
                  feeds = {}\n\
                  for i in s.get_inputs():\n\
                  \x20   texts = [r.get(i.name, '').strip() for r in rows]\n\
                  \x20   if i.type == 'tensor(string)':\n\
                  \x20       feeds[i.name] = np.array(texts, dtype=object).reshape(-1, 1)\n\
                  \x20   else:\n\
                  \x20       feeds[i.name] = np.array([float(t) if t else np.nan for t in texts]).reshape(-1, 1)\n\
                  names = [o.name for o in s.get_outputs()]\n\
                  out = dict(zip(names, s.run(None, feeds)))\n\
                  first = out.get('probabilities', out.get('prediction'))\n\
                  rows = [list(map(float, r)) for r in first]\n\
                  if 'label' in out:\n\
                  \x20   rows = [r + [float(l)] for r, l in zip(rows, out['label'])]\n\
                  rows = [r + [float(c)] for r, c in zip(rows, out['complete'])]\n\
                  print(json.dumps(rows))";
    let rows = serde_json::to_vec(rows).unwrap();
    serde_json::from_value(python_json(
        script,
        &[("model.onnx", model), ("rows.json", &rows)],
    ))
    .unwrap()
}

#[test]
fn onnxruntime_predicts_what_the_notebook_predicts_with_the_steps_in_the_graph() {
    if let Some(reason) = python_lacks("onnx, onnxruntime") {
        eprintln!("skipped: the ONNX model is checked with onnx and onnxruntime ({reason})");
        return;
    }
    for nb in cases() {
        let trained = trained_model(&nb, &data()).unwrap();
        let model = latih_engine::export::onnx_of(&nb, &data()).unwrap();
        let rows: Vec<_> = trained.examples.iter().map(|e| &e.row).collect();
        let theirs = onnxruntime_predicts(&model, &rows);
        let what = format!("{} → {}", trained.model_name, trained.target);
        let mut largest = 0.0_f64;
        for (example, theirs) in trained.examples.iter().zip(&theirs) {
            let (ours, label) = match &example.prediction {
                Prediction::Class {
                    probabilities,
                    class,
                    classes,
                    ..
                } => (
                    probabilities.clone(),
                    Some(classes.iter().position(|c| c == class).unwrap() as f64),
                ),
                Prediction::Number(value) => (vec![*value], None),
            };
            for (t, o) in theirs.iter().zip(&ours) {
                largest = largest.max((t - o).abs());
            }
            if let Some(label) = label {
                assert_eq!(theirs[ours.len()], label, "{what}: {theirs:?} vs {ours:?}");
            }
            assert_eq!(
                theirs.last(),
                Some(&1.0),
                "{what}: every example is complete"
            );
        }
        eprintln!("{what}: largest difference {largest:e}");
        assert!(largest <= 1e-9, "{what}: {largest}");
    }
}

#[test]
fn onnx_marks_a_row_the_notebook_would_refuse_as_incomplete() {
    if let Some(reason) = python_lacks("onnx, onnxruntime") {
        eprintln!("skipped: the ONNX model is checked with onnx and onnxruntime ({reason})");
        return;
    }
    // No step fills the age here: a row without one is refused by the notebook.
    let nb = notebook("titanic", "survived", r#"{"drop_missing_rows":null}"#, TREE);
    let model = latih_engine::export::onnx_of(&nb, &shipped()).unwrap();
    let row = |age: &str| -> std::collections::BTreeMap<String, String> {
        [("sex", "male"), ("age", age), ("passengerClass", "3rd")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let (with, without) = (row("30"), row(""));
    let out = onnxruntime_predicts(&model, &[&with, &without]);
    assert_eq!(out[0].last(), Some(&1.0));
    assert_eq!(out[1].last(), Some(&0.0));
    // log1p of a number at or below −1: the notebook refuses the row, and so does the graph.
    let nb = notebook("diabetes", "progression", DIABETES_STEPS, TREE);
    let trained = trained_model(&nb, &shipped()).unwrap();
    let mut low = trained.examples[0].row.clone();
    low.insert("s5".into(), "-2".into());
    let recipe = Recipe::of(&trained).unwrap();
    assert!(matches!(
        recipe.predict(&|c: &str| low.get(c).cloned()),
        Err(Error::StepLogDomain { .. })
    ));
    let model = latih_engine::export::onnx_of(&nb, &shipped()).unwrap();
    let out = onnxruntime_predicts(&model, &[&trained.examples[0].row, &low]);
    assert_eq!(out[0].last(), Some(&1.0));
    assert_eq!(out[1].last(), Some(&0.0));
    // Refused though a later step would fill the value the log could not make.
    let steps = r#"{"log":{"column":"s5"}},{"impute":{"column":"s5","strategy":"median"}}"#;
    let nb = notebook("diabetes", "progression", steps, TREE);
    let recipe = Recipe::of(&trained_model(&nb, &shipped()).unwrap()).unwrap();
    assert!(matches!(
        recipe.predict(&|c: &str| low.get(c).cloned()),
        Err(Error::StepLogDomain { .. })
    ));
    let model = latih_engine::export::onnx_of(&nb, &shipped()).unwrap();
    let out = onnxruntime_predicts(&model, &[&trained.examples[0].row, &low]);
    assert_eq!(out[0].last(), Some(&1.0));
    assert_eq!(out[1].last(), Some(&0.0));
}

/// Unzips the API bundle and runs its own tests (FastAPI's TestClient against onnxruntime, on
/// the golden rows); returns pytest's report.
fn bundle_tests_pass(bundle: &[u8], what: &str) -> String {
    let dir = std::env::temp_dir().join(format!("latih-api-{}-{what}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("api.zip"), bundle).unwrap();
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let unzip = std::process::Command::new(&python)
        .args(["-m", "zipfile", "-e", "api.zip", "."])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(unzip.success());
    let out = std::process::Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{what}: {report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    report
}

#[test]
fn the_api_bundles_own_tests_pass_on_the_notebooks_golden_rows() {
    if let Some(reason) = python_lacks("fastapi, httpx, pytest, onnxruntime") {
        eprintln!("skipped: the API bundle's tests need FastAPI, httpx, pytest and onnxruntime ({reason})");
        return;
    }
    let cases = [
        notebook(
            "titanic",
            "survived",
            TITANIC_STEPS,
            r#""logistic_regression""#,
        ),
        notebook("penguins", "species", PENGUIN_STEPS, FOREST),
        notebook("diabetes", "progression", DIABETES_STEPS, BOOSTING),
    ];
    for (n, nb) in cases.iter().enumerate() {
        let bundle =
            latih_engine::export::api_of(nb, &shipped(), "en", "https://latih.example/#nb=x")
                .unwrap();
        let report = bundle_tests_pass(&bundle, &n.to_string());
        // Health, a batch, two refusals, and one test per golden row.
        let examples = trained_model(nb, &shipped()).unwrap().examples.len();
        assert!(
            report.contains(&format!("{} passed", examples + 4)),
            "{report}"
        );
    }
}

#[test]
fn the_api_bundle_holds_a_complete_project_with_its_readme_in_the_learners_language() {
    let nb = notebook("titanic", "survived", TITANIC_STEPS, TREE);
    let bundle =
        latih_engine::export::api_of(&nb, &shipped(), "id", "https://latih.example/#nb=x").unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bundle)).unwrap();
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Dockerfile",
            "README.md",
            "golden.json",
            "main.py",
            "model.onnx",
            "predictor.mjs",
            "requirements.txt",
            "schema.json",
            "test_api.py"
        ]
    );
    let mut readme = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("README.md").unwrap(), &mut readme).unwrap();
    assert!(readme.starts_with("# Prediksi survived"), "{readme}");
    assert!(readme.contains("(https://latih.example/#nb=x)"));
    assert!(readme.contains("docker build -t predict-survived ."));
    // The example request is the first golden row, typed: numbers as numbers; the same row
    // for the JavaScript module, without the shell's quoting.
    assert!(readme.contains(r#"-d '{"age":"#), "{readme}");
    assert!(
        readme.contains(r#"console.log(predict({"age":"#),
        "{readme}"
    );
    let mut requirements = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("requirements.txt").unwrap(),
        &mut requirements,
    )
    .unwrap();
    assert!(
        requirements.lines().all(|l| l.contains("==")),
        "every requirement pinned"
    );
    assert!(requirements.contains("onnxruntime=="));
}
