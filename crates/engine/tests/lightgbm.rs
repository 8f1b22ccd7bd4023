//! Gradient-boosted trees exported as a LightGBM text model, loaded by LightGBM itself
//! (`lightgbm.Booster(model_file=…)`) and asked to predict the encoded test rows: its
//! probabilities (or numbers) equal the engine's to 1e-12. Skipped, with the reason, where
//! Python lacks LightGBM (`scripts/setup.sh` installs it).

use latih_engine::export::lightgbm_of;
use latih_engine::notebook::{trained_model, Notebook};
use latih_engine::Error;

mod common;
use common::{python_lacks, python_rows, shipped};
use latih_engine::features::Matrix;

/// LightGBM's predictions of the encoded `rows` with the model `model` (its text).
fn lightgbm_predicts(model: &str, rows: &Matrix) -> Vec<Vec<f64>> {
    let script = "import sys, json, numpy as np, lightgbm\n\
                  booster = lightgbm.Booster(model_file=sys.argv[1] + '/model.txt')\n\
                  x = np.loadtxt(sys.argv[1] + '/rows.csv', delimiter=',', ndmin=2)\n\
                  p = np.asarray(booster.predict(x))\n\
                  print(json.dumps((p if p.ndim == 2 else p[:, None]).tolist()))";
    python_rows(script, &[("model.txt", model.as_bytes())], rows)
}

fn notebook(dataset: &str, target: &str, steps: &str, model: &str) -> Notebook {
    serde_json::from_str(&format!(
        r#"{{"version":1,"cells":[
        {{"kind":"dataset","dataset":"{dataset}","target":"{target}"}},
        {{"kind":"split","test_fraction":0.25,"stratify":false,"seed":7}}{steps},
        {{"kind":"train","model":"gradient_boosting",{model}}},
        {{"kind":"evaluate"}}]}}"#
    ))
    .unwrap()
}

#[test]
fn lightgbm_predicts_what_the_engine_predicts_for_two_classes_many_classes_and_numbers() {
    if let Some(reason) = python_lacks("lightgbm") {
        eprintln!("skipped: the LightGBM model is checked with Python's lightgbm ({reason})");
        return;
    }
    let defaults = r#""learning_rate":0.1,"max_iter":60,"max_leaf_nodes":15,"max_depth":null,
        "min_samples_leaf":10,"l2_regularization":0.5,"early_stopping":false,"seed":0"#;
    let cases = [
        // Two classes, after steps that fill, encode and scale; categories one-hot.
        notebook(
            "titanic",
            "survived",
            r#",{"kind":"steps","steps":[{"impute":{"column":"age","strategy":"median"}},
              {"scale":{"column":null,"kind":"standard"}}]}"#,
            defaults,
        ),
        // Three classes, with early stopping and categories (island, sex).
        notebook(
            "penguins",
            "species",
            r#",{"kind":"steps","steps":["drop_missing_rows"]}"#,
            &defaults.replace(r#""early_stopping":false"#, r#""early_stopping":true"#),
        ),
        // Numbers.
        notebook("diabetes", "progression", "", defaults),
    ];
    for nb in &cases {
        let trained = trained_model(nb, &shipped()).unwrap();
        let model = lightgbm_of(nb, &shipped()).unwrap();
        let theirs = lightgbm_predicts(&model, &trained.test_rows);
        let ours = trained.test_predictions();
        assert_eq!(theirs.len(), ours.len());
        let mut largest = 0.0_f64;
        for (t, o) in theirs.iter().zip(&ours) {
            // LightGBM gives the positive class's probability alone for two classes.
            let o: &[f64] = if o.len() == 2 { &o[1..] } else { o };
            assert_eq!(t.len(), o.len());
            for (t, o) in t.iter().zip(o) {
                largest = largest.max((t - o).abs());
            }
        }
        eprintln!("{}: largest difference {largest:e}", trained.model_name);
        assert!(largest <= 1e-12, "{model}");
    }
}

#[test]
fn another_model_is_refused_with_its_name() {
    let mut nb = notebook("iris", "species", "", r#""learning_rate":0.1"#);
    nb.cells[2] = serde_json::from_str(r#"{"kind":"train","model":"random_forest"}"#).unwrap();
    assert_eq!(
        lightgbm_of(&nb, &shipped()).err(),
        Some(Error::LightgbmNeedsBoosting {
            model: "random_forest".into()
        })
    );
}
