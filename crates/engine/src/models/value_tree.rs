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

    /// Whether a tree read back from bytes is safe to walk on rows of `features` columns: every
    /// split names one of them, and its children come after it (so no walk loops).
    pub(crate) fn is_well_formed(&self, features: usize) -> bool {
        !self.nodes.is_empty()
            && self.nodes.iter().enumerate().all(|(at, node)| match node {
                Node::Leaf { .. } => true,
                Node::Split {
                    feature,
                    left,
                    right,
                    ..
                } => {
                    let after = at + 1..self.nodes.len();
                    *feature < features && after.contains(left) && after.contains(right)
                }
            })
    }

    pub(crate) fn leaves(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| matches!(n, Node::Leaf { .. }))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(feature: usize, left: usize, right: usize) -> Node {
        Node::Split {
            feature,
            threshold: 0.5,
            left,
            right,
        }
    }

    #[test]
    fn a_tree_read_back_is_walked_only_if_no_walk_can_loop_or_miss_a_column() {
        let leaf = || Node::Leaf { value: 1.0 };
        let tree = |nodes| Tree { nodes };
        assert!(tree(vec![split(1, 1, 2), leaf(), leaf()]).is_well_formed(2));
        // A child before its parent (a loop), past the end, or a column the rows lack.
        assert!(!tree(vec![split(0, 0, 2), leaf(), leaf()]).is_well_formed(2));
        assert!(!tree(vec![split(0, 1, 3), leaf(), leaf()]).is_well_formed(2));
        assert!(!tree(vec![split(2, 1, 2), leaf(), leaf()]).is_well_formed(2));
        assert!(!tree(Vec::new()).is_well_formed(2));
    }
}
