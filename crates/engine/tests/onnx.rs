//! The last model as ONNX, checked by onnx's own checker and run by onnxruntime on the encoded
//! test rows: its probabilities (or numbers) equal the engine's to 1e-9, and its labels are the
//! engine's classes. Skipped, with the reason, where Python lacks onnx or onnxruntime
//! (`scripts/setup.sh` installs them).

use latih_engine::export::onnx_of;
use latih_engine::notebook::{trained_model, Notebook};
use latih_engine::Error;

mod common;
use common::{python_lacks, python_rows, shipped};
use latih_engine::features::Matrix;

/// onnxruntime's outputs for the encoded `rows` (the label appended to each row's
/// probabilities), after onnx's checker passed the model.
fn onnxruntime_runs(model: &[u8], rows: &Matrix) -> Vec<Vec<f64>> {
    let script = "import sys, json, numpy as np, onnx, onnxruntime as ort\n\
                  path = sys.argv[1]\n\
                  onnx.checker.check_model(onnx.load(path + '/model.onnx'), full_check=True)\n\
                  s = ort.InferenceSession(path + '/model.onnx', providers=['CPUExecutionProvider'])\n\
                  x = np.loadtxt(path + '/rows.csv', delimiter=',', ndmin=2)\n\
                  out = s.run(None, {'features': x})\n\
                  rows = [list(map(float, r)) for r in out[0]]\n\
                  if len(out) > 1:\n\
                  \x20   rows = [r + [float(l)] for r, l in zip(rows, out[1])]\n\
                  print(json.dumps(rows))";
    python_rows(script, &[("model.onnx", model)], rows)
}

fn notebook(dataset: &str, target: &str, model: &str) -> Notebook {
    serde_json::from_str(&format!(
        r#"{{"version":1,"cells":[
        {{"kind":"dataset","dataset":"{dataset}","target":"{target}"}},
        {{"kind":"split","test_fraction":0.25,"stratify":false,"seed":5}},
        {{"kind":"steps","steps":["drop_missing_rows"]}},
        {{"kind":"train","model":{model}}}]}}"#
    ))
    .unwrap()
}

#[test]
fn onnxruntime_predicts_what_the_engine_predicts_for_every_tree_model() {
    if let Some(reason) = python_lacks("onnx, onnxruntime") {
        eprintln!("skipped: the ONNX model is checked with onnx and onnxruntime ({reason})");
        return;
    }
    let tree = r#""decision_tree","max_depth":6,"min_samples_split":2"#;
    let forest = r#""random_forest","n_estimators":12,"max_depth":null,"min_samples_split":2,
        "max_features":"sqrt","bootstrap":true,"seed":3"#;
    let boosting = r#""gradient_boosting","max_iter":25,"max_leaf_nodes":15"#;
    let mut cases = Vec::new();
    for model in [tree, forest, boosting] {
        // Three classes with categories one-hot (penguins), two classes (titanic), numbers.
        cases.push(notebook("penguins", "species", model));
        cases.push(notebook("titanic", "survived", model));
        cases.push(notebook("diabetes", "progression", model));
    }
    for nb in &cases {
        let trained = trained_model(nb, &shipped()).unwrap();
        let model = onnx_of(nb, &shipped()).unwrap();
        let theirs = onnxruntime_runs(&model, &trained.test_rows);
        let ours = trained.test_predictions();
        assert_eq!(theirs.len(), ours.len());
        let classes = trained.classes.len();
        let mut largest = 0.0_f64;
        for (t, o) in theirs.iter().zip(&ours) {
            for (t, o) in t.iter().zip(o) {
                largest = largest.max((t - o).abs());
            }
            if classes > 0 {
                // The label: the first of the most probable classes, as the engine picks it.
                let top = o.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let expected = o.iter().position(|&p| p == top).unwrap() as f64;
                assert_eq!(t[classes], expected, "{t:?} vs {o:?}");
            }
        }
        let what = format!("{} on {classes} classes", trained.model_name);
        eprintln!("{what}: largest difference {largest:e}");
        assert!(largest <= 1e-9, "{what}: {largest}");
    }
}

#[test]
fn a_model_not_written_yet_is_refused_with_its_name() {
    let nb = notebook("iris", "species", r#""k_nearest_neighbors""#);
    assert_eq!(
        onnx_of(&nb, &shipped()).err(),
        Some(Error::OnnxModelNotYet {
            model: "k_nearest_neighbors".into()
        })
    );
}
