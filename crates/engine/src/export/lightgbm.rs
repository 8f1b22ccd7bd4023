//! Gradient-boosted trees as a LightGBM text model, which `lightgbm.Booster(model_file=…)` loads
//! and predicts with: the same trees, thresholds and leaf values, in doubles, so its predictions
//! equal the engine's (to 1e-12; the tests check it with LightGBM itself).
//!
//! Written by hand: the format is a few `key=value` lines per tree (LightGBM's `Tree::ToString`),
//! and no crate writes it. What LightGBM's reader needs and nothing more: the header, and per
//! tree `num_leaves`, `num_cat`, `split_feature`, `threshold`, `decision_type`, `left_child`,
//! `right_child`, `leaf_value` and `shrinkage`. The engine's starting scores (the classes'
//! log-odds, or the mean) go into the first tree of each score, as LightGBM's own models carry
//! them (`boost_from_average`). A row goes left when its value is at most the threshold; a
//! missing value (NaN) goes right, as in the engine: missing type NaN, not default-left
//! (`decision_type` 8).

use crate::models::{GradientBoosting, ValueNode};
use crate::notebook::{trained_model, DataSource, Notebook};
use crate::Error;

/// LightGBM's `decision_type` for a split on numbers whose missing values (NaN) go right.
const NUMERIC_NAN_GOES_RIGHT: u8 = 2 << 2;

/// The notebook's last model as LightGBM's text, if it is gradient-boosted trees.
pub fn lightgbm_of(notebook: &Notebook, source: &dyn DataSource) -> Result<String, Error> {
    let trained = trained_model(notebook, source)?;
    let model = trained
        .boosting()
        .ok_or_else(|| Error::LightgbmNeedsBoosting {
            model: trained.model_name.to_string(),
        })?;
    Ok(lightgbm_model(model, &trained.encoder().feature_names()))
}

/// The model as LightGBM's text, its features named `feature_names` (the encoded columns).
pub fn lightgbm_model(model: &GradientBoosting, feature_names: &[String]) -> String {
    let (baseline, rounds, n_classes) = model.parts();
    let scores = baseline.len();
    let objective = match n_classes {
        0 => "regression".to_string(),
        2 => "binary sigmoid:1".to_string(),
        k => format!("multiclass num_class:{k}"),
    };
    let names: Vec<String> = feature_names.iter().map(|n| lightgbm_name(n)).collect();
    let mut text = format!(
        "tree\nversion=v4\nnum_class={}\nnum_tree_per_iteration={scores}\nlabel_index=0\n\
         max_feature_idx={}\nobjective={objective}\nfeature_names={}\nfeature_infos={}\n\n",
        scores.max(1),
        feature_names.len().saturating_sub(1),
        names.join(" "),
        vec!["none"; feature_names.len()].join(" "),
    );
    // No rounds (a model that stopped at once) still predicts its starting scores: one tree of
    // one leaf each.
    let empty: Vec<Vec<_>> = vec![Vec::new()];
    let rounds_or_start = if rounds.is_empty() { &empty } else { rounds };
    let mut number = 0;
    for (round, trees) in rounds_or_start.iter().enumerate() {
        for (score, &starting) in baseline.iter().enumerate() {
            let start = if round == 0 { starting } else { 0.0 };
            let nodes = trees.get(score).map_or(&[][..], |t| &t.nodes[..]);
            text += &format!("Tree={number}\n{}\n", tree_text(nodes, start));
            number += 1;
        }
    }
    text += "end of trees\n\nparameters:\n[boosting: gbdt]\nend of parameters\n\npandas_categorical:null\n";
    text
}

/// LightGBM splits its feature names on spaces: a name keeps its other characters.
fn lightgbm_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '=' {
                '_'
            } else {
                c
            }
        })
        .collect();
    if name.is_empty() {
        "_".into()
    } else {
        name
    }
}

/// One tree, in LightGBM's layout: splits numbered from 0 in the engine's order, leaves apart,
/// a child that is a leaf written as `-(leaf + 1)`; `start` added to every leaf.
fn tree_text(nodes: &[ValueNode], start: f64) -> String {
    let mut split_of = vec![None; nodes.len()];
    let mut leaf_of = vec![None; nodes.len()];
    let (mut splits, mut leaves) = (0usize, 0usize);
    for (at, node) in nodes.iter().enumerate() {
        match node {
            ValueNode::Split { .. } => {
                split_of[at] = Some(splits);
                splits += 1;
            }
            ValueNode::Leaf { .. } => {
                leaf_of[at] = Some(leaves);
                leaves += 1;
            }
        }
    }
    if leaves == 0 {
        return format!(
            "num_leaves=1\nnum_cat=0\nleaf_value={:?}\nshrinkage=1\n",
            start
        );
    }
    let child = |at: usize| -> String {
        match (
            split_of.get(at).copied().flatten(),
            leaf_of.get(at).copied().flatten(),
        ) {
            (Some(split), _) => split.to_string(),
            (_, Some(leaf)) => format!("-{}", leaf + 1),
            _ => "-1".into(),
        }
    };
    let (mut feature, mut threshold, mut left, mut right) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut values = Vec::new();
    for node in nodes {
        match node {
            ValueNode::Split {
                feature: f,
                threshold: t,
                left: l,
                right: r,
            } => {
                feature.push(f.to_string());
                threshold.push(format!("{t:?}"));
                left.push(child(*l));
                right.push(child(*r));
            }
            ValueNode::Leaf { value } => values.push(format!("{:?}", start + value)),
        }
    }
    let decision = vec![NUMERIC_NAN_GOES_RIGHT.to_string(); splits];
    format!(
        "num_leaves={leaves}\nnum_cat=0\nsplit_feature={}\nthreshold={}\ndecision_type={}\n\
         left_child={}\nright_child={}\nleaf_value={}\nshrinkage=1\n",
        feature.join(" "),
        threshold.join(" "),
        decision.join(" "),
        left.join(" "),
        right.join(" "),
        values.join(" "),
    )
}
