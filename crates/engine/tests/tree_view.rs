//! A fitted decision tree in words and in a picture: its rules equal scikit-learn's
//! `export_text` of the same tree (one of the trees scikit-learn grows, which breaks ties at
//! random) (tests/fixtures/tree_text.json, written by
//! scripts/fixtures/make_tree_fixtures.py), and its drawing is a well-formed SVG document with a
//! box per shown node, whatever the names in the learner's file.

mod common;
use common::{fixture, matrix};
use latih_engine::figures::{TreeView, DRAWN_LEVELS};
use latih_engine::models::{DecisionTree, DecisionTreeParams};

fn strings(value: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap()
}

fn fitted(case: &serde_json::Value) -> DecisionTree {
    let y: Vec<u32> = serde_json::from_value(case["y"].clone()).unwrap();
    let params = DecisionTreeParams {
        max_depth: case["max_depth"].as_u64().map(|d| d as u32),
        min_samples_split: 2,
    };
    let classes = strings(&case["classes"]).len();
    DecisionTree::fit(&params, &matrix(&case["x"]), &y, classes).unwrap()
}

/// The same lines, but for thresholds one unit apart in the second decimal: scikit-learn
/// splits on float32 copies of the features, so a midpoint such as 2.115 can print as 2.11
/// there and 2.12 here.
fn same_rules(ours: &str, theirs: &str) -> bool {
    let split = |line: &str| -> (String, Option<f64>) {
        match line.rsplit_once(' ') {
            Some((head, number))
                if head.trim_end().ends_with("<=") || head.trim_end().ends_with('>') =>
            {
                (head.to_string(), number.parse().ok())
            }
            _ => (line.to_string(), None),
        }
    };
    ours.lines().count() == theirs.lines().count()
        && ours.lines().zip(theirs.lines()).all(|(a, b)| {
            let ((a_head, a_number), (b_head, b_number)) = (split(a), split(b));
            a_head == b_head
                && match (a_number, b_number) {
                    (Some(a), Some(b)) => (a - b).abs() < 0.011,
                    (a, b) => a == b,
                }
        })
}

/// `rules` are the same as one of the case's texts from scikit-learn.
#[track_caller]
fn assert_one_of_scikit_learn_s(rules: &str, case: &serde_json::Value) {
    let theirs = strings(&case["rules"]);
    assert!(
        theirs.iter().any(|text| same_rules(rules, text)),
        "{}: Latih's rules\n{rules}\nare none of scikit-learn's, the first of which is\n{}",
        case["name"],
        theirs[0]
    );
}

#[test]
fn rules_equal_scikit_learn_s_export_text() {
    let fixture = fixture("tree_text.json");
    for case in fixture["cases"].as_array().unwrap() {
        let view = TreeView::of(
            &fitted(case),
            &strings(&case["features"]),
            &strings(&case["classes"]),
        );
        assert_one_of_scikit_learn_s(&view.rules, case);
    }
}

#[test]
fn the_drawing_is_an_svg_document_with_a_box_per_shown_node() {
    let fixture = fixture("tree_text.json");
    let deep = &fixture["cases"].as_array().unwrap()[3];
    // Names that would break the document if written as they are.
    let features = vec!["<x> & \"y\"".to_string()];
    let classes = vec!["<even>".to_string(), "odd & more".to_string()];
    let view = TreeView::of(&fitted(deep), &features, &classes);
    assert_eq!(view.drawn_levels, DRAWN_LEVELS);
    let svg = &view.svg;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert!(svg.contains("&lt;x&gt; &amp; &quot;y&quot; ≤ 0.5"), "{svg}");
    assert!(svg.contains("class = &lt;even&gt;"));
    assert!(!svg.contains("<x>") && !svg.contains("<even>"));
    // A chain of splits: one split per level down to the last drawn one, a leaf beside each,
    // and a "(…)" box for the branch that goes deeper.
    let boxes = svg.matches("<rect").count() - 1; // the first is the background
    assert_eq!(boxes, 2 * DRAWN_LEVELS as usize + 1, "{svg}");
    assert_eq!(svg.matches("(…)").count(), 1);
    assert_eq!(svg.matches("<line").count(), boxes - 1);
    // Every opened element is closed or self-closing.
    let opened = svg.matches("<text").count();
    assert_eq!(opened, svg.matches("</text>").count());
}

#[test]
fn a_regression_tree_s_rules_and_drawing_give_its_values() {
    use latih_engine::models::RegressionTree;
    let fixture = fixture("tree_text.json");
    for case in fixture["regression"].as_array().unwrap() {
        let y: Vec<f64> = serde_json::from_value(case["y"].clone()).unwrap();
        let x = matrix(&case["x"]);
        let params = DecisionTreeParams {
            max_depth: case["max_depth"].as_u64().map(|d| d as u32),
            min_samples_split: 2,
        };
        let tree = RegressionTree::fit(&params, &x, &y).unwrap();
        let view = TreeView::of_regressor(&tree, &x, &y, &strings(&case["features"]));
        assert_one_of_scikit_learn_s(&view.rules, case);
        // The root holds every row, its value their mean and its error their variance.
        let mean = y.iter().sum::<f64>() / y.len() as f64;
        let variance = y.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / y.len() as f64;
        assert!(
            view.svg.contains(&format!("samples = {}", y.len())),
            "{}",
            view.svg
        );
        assert!(view.svg.contains(&format!("value = {mean:.3}")));
        assert!(view.svg.contains(&format!("squared_error = {variance:.3}")));
        assert!(!view.svg.contains("gini"));
    }
}
