//! A tree whose leaves hold numbers, walked safely whatever it was read back from: the trees
//! of gradient boosting and the regression trees.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Node {
    Leaf {
        value: f64,
    },
    Split {
        feature: usize,
        /// Rows with `x[feature] <= threshold` go left.
        threshold: f64,
        left: usize,
        right: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
}

impl Tree {
    pub(crate) fn value(&self, row: &[f64]) -> f64 {
        let mut at = 0;
        loop {
            match self.nodes.get(at) {
                Some(Node::Leaf { value }) => return *value,
                Some(Node::Split {
                    feature,
                    threshold,
                    left,
                    right,
                }) => {
                    let x = row.get(*feature).copied().unwrap_or(0.0);
                    at = if x <= *threshold { *left } else { *right };
                }
                None => return 0.0,
            }
        }
    }

    pub(crate) fn leaves(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| matches!(n, Node::Leaf { .. }))
            .count()
    }
}
