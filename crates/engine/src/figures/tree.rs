//! A fitted decision tree shown to a learner: as rules in scikit-learn's `export_text` format,
//! and as a drawing like `plot_tree`'s (an SVG document); a classification tree or a regression
//! tree.
//!
//! The drawing is made here, in the worker that fitted the tree (see [`crate::figures`]). Its
//! words are scikit-learn's own (`gini`, `squared_error`, `samples`, `value`, `class`), in both
//! languages, as the exported Python prints them.

use super::{class_colour, document, escaped, shortened, trimmed};
use crate::features::Matrix;
use crate::models::{ClassNode, DecisionTree, RegressionTree, ValueNode};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Levels below the root that the drawing shows; deeper branches end in a "…" box.
pub const DRAWN_LEVELS: u32 = 4;
/// Levels below the root that the rules show (`export_text`'s default `max_depth`).
const TEXT_LEVELS: u32 = 10;

/// A tree in words and in a picture, for the train cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeView {
    /// scikit-learn's `export_text(tree, feature_names=…, class_names=…)`.
    pub rules: String,
    /// An SVG document: a box per node with its rule, Gini impurity, rows, counts and class.
    pub svg: String,
    /// How many levels below the root the drawing shows (the tree may be deeper).
    pub drawn_levels: u32,
}

/// A node's place in the tree, whichever kind of tree it is from.
enum Shape {
    Leaf,
    Split {
        feature: usize,
        threshold: f64,
        left: usize,
        right: usize,
    },
}

/// The shapes of a tree's nodes, of either kind of tree: both write a split alike.
macro_rules! shapes_of {
    ($nodes:expr, $node:ident) => {
        $nodes
            .iter()
            .map(|node| match *node {
                $node::Split {
                    feature,
                    threshold,
                    left,
                    right,
                } => Shape::Split {
                    feature,
                    threshold,
                    left,
                    right,
                },
                _ => Shape::Leaf,
            })
            .collect::<Vec<Shape>>()
    };
}

/// What the training rows that reached a node hold: each class's count, or the target's mean
/// and squared error.
enum Reached {
    Classes(Vec<u32>),
    Numbers {
        samples: u32,
        mean: f64,
        squared_error: f64,
    },
}

/// The tree as the drawing and the rules read it.
struct Seen<'a> {
    shapes: Vec<Shape>,
    reached: Vec<Reached>,
    features: &'a [String],
    classes: &'a [String],
    /// The smallest and largest mean of a regression tree's nodes, for their shading.
    means: (f64, f64),
}

impl<'a> Seen<'a> {
    fn of_classes(tree: &DecisionTree, features: &'a [String], classes: &'a [String]) -> Self {
        let nodes = tree.nodes();
        let mut counts = vec![vec![0; tree.n_classes()]; nodes.len()];
        // Children come after their parent, so one backward pass adds leaves up to the root.
        for at in (0..nodes.len()).rev() {
            match &nodes[at] {
                ClassNode::Leaf { counts: leaf } => counts[at].clone_from(leaf),
                ClassNode::Split { left, right, .. } => {
                    counts[at] = counts[*left]
                        .iter()
                        .zip(&counts[*right])
                        .map(|(a, b)| a + b)
                        .collect();
                }
            }
        }
        Self {
            shapes: shapes_of!(nodes, ClassNode),
            reached: counts.into_iter().map(Reached::Classes).collect(),
            features,
            classes,
            means: (0.0, 0.0),
        }
    }

    /// A regression tree, with what its training rows `x`, `y` bring to each node (its leaves
    /// keep only their means).
    fn of_numbers(tree: &RegressionTree, x: &Matrix, y: &[f64], features: &'a [String]) -> Self {
        let nodes = tree.nodes();
        let shapes = shapes_of!(nodes, ValueNode);
        let mut sums = vec![(0u32, 0.0, 0.0); nodes.len()];
        for (r, &target) in y.iter().enumerate().take(x.rows) {
            let mut at = 0;
            while let Some(shape) = shapes.get(at) {
                let (n, sum, squares) = &mut sums[at];
                *n += 1;
                *sum += target;
                *squares += target * target;
                match *shape {
                    Shape::Leaf => break,
                    Shape::Split {
                        feature,
                        threshold,
                        left,
                        right,
                    } => {
                        at = if x.get(r, feature) <= threshold {
                            left
                        } else {
                            right
                        }
                    }
                }
            }
        }
        let reached: Vec<Reached> = sums
            .into_iter()
            .map(|(n, sum, squares)| {
                let mean = sum / f64::from(n.max(1));
                Reached::Numbers {
                    samples: n,
                    mean,
                    squared_error: (squares / f64::from(n.max(1)) - mean * mean).max(0.0),
                }
            })
            .collect();
        let means =
            reached
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| match r {
                    Reached::Numbers { mean, .. } => (lo.min(*mean), hi.max(*mean)),
                    Reached::Classes(_) => (lo, hi),
                });
        Self {
            shapes,
            reached,
            features,
            classes: &[],
            means,
        }
    }

    fn feature(&self, index: usize) -> &str {
        self.features.get(index).map_or("?", String::as_str)
    }

    fn counts(&self, at: usize) -> &[u32] {
        match &self.reached[at] {
            Reached::Classes(counts) => counts,
            Reached::Numbers { .. } => &[],
        }
    }

    /// The most frequent class at `at` (ties to the lower, as the tree predicts).
    fn class(&self, at: usize) -> usize {
        let counts = self.counts(at);
        (0..counts.len())
            .rev()
            .max_by_key(|&c| counts[c])
            .unwrap_or(0)
    }

    fn class_name(&self, at: usize) -> &str {
        self.classes.get(self.class(at)).map_or("?", String::as_str)
    }

    fn gini(&self, at: usize) -> f64 {
        let counts = self.counts(at);
        let total: f64 = counts.iter().map(|&c| f64::from(c)).sum();
        if total == 0.0 {
            return 0.0;
        }
        1.0 - counts
            .iter()
            .map(|&c| (f64::from(c) / total).powi(2))
            .sum::<f64>()
    }

    /// How much the node leans to its class: 0 for a tie, 1 for a pure node (`plot_tree`'s
    /// shading).
    fn purity(&self, at: usize) -> f64 {
        let mut shares: Vec<u32> = self.counts(at).to_vec();
        shares.sort_unstable_by(|a, b| b.cmp(a));
        let total: u32 = shares.iter().sum();
        match (shares.first(), shares.get(1)) {
            (Some(&first), Some(&second)) if total > 0 && total != second => {
                f64::from(first - second) / f64::from(total - second)
            }
            _ => 1.0,
        }
    }

    /// The box's fill colour and opacity: the class's colour, deeper the purer (classes); one
    /// colour, deeper the larger the mean (numbers), as `plot_tree` shades them.
    fn fill(&self, at: usize) -> (String, f64) {
        match &self.reached[at] {
            Reached::Classes(_) => (class_colour(self.class(at)), 0.1 + 0.6 * self.purity(at)),
            Reached::Numbers { mean, .. } => {
                let (low, high) = self.means;
                let share = if high > low {
                    (mean - low) / (high - low)
                } else {
                    1.0
                };
                (class_colour(0), 0.1 + 0.6 * share)
            }
        }
    }

    /// The box's lines below its rule: `plot_tree`'s.
    fn lines(&self, at: usize) -> Vec<String> {
        match &self.reached[at] {
            Reached::Classes(counts) => {
                let mut lines = vec![
                    format!("gini = {:.3}", self.gini(at)),
                    format!("samples = {}", counts.iter().sum::<u32>()),
                ];
                if counts.len() <= COUNTED_CLASSES {
                    let values: Vec<String> = counts.iter().map(u32::to_string).collect();
                    lines.push(format!("value = [{}]", values.join(", ")));
                }
                lines.push(format!(
                    "class = {}",
                    shortened(self.class_name(at), NAME_CHARS)
                ));
                lines
            }
            Reached::Numbers {
                samples,
                mean,
                squared_error,
            } => vec![
                format!("squared_error = {squared_error:.3}"),
                format!("samples = {samples}"),
                format!("value = {mean:.3}"),
            ],
        }
    }

    /// A leaf in `export_text`: its class, or its value with two decimals.
    fn leaf_text(&self, at: usize) -> String {
        match &self.reached[at] {
            Reached::Classes(_) => format!("class: {}", self.class_name(at)),
            Reached::Numbers { mean, .. } => format!("value: [{mean:.2}]"),
        }
    }
}

impl TreeView {
    pub fn of(tree: &DecisionTree, features: &[String], classes: &[String]) -> Self {
        Self::from_seen(&Seen::of_classes(tree, features, classes), tree.depth())
    }

    /// A regression tree, with its training rows (`x`, `y`) to count what reached each node.
    pub fn of_regressor(tree: &RegressionTree, x: &Matrix, y: &[f64], features: &[String]) -> Self {
        Self::from_seen(&Seen::of_numbers(tree, x, y, features), tree.depth())
    }

    fn from_seen(seen: &Seen, depth: u32) -> Self {
        Self {
            rules: rules(seen),
            svg: drawing(seen),
            drawn_levels: depth.min(DRAWN_LEVELS),
        }
    }
}

/// `export_text`: `|--- feature <= 2.45` lines, two decimals, a class per leaf, and
/// "truncated branch of depth n" below [`TEXT_LEVELS`] levels.
fn rules(seen: &Seen) -> String {
    let mut text = String::new();
    write_rules(seen, 0, 1, &mut text);
    text
}

fn write_rules(seen: &Seen, at: usize, depth: u32, text: &mut String) {
    let indent = format!("{}|---", "|   ".repeat(depth as usize - 1));
    match &seen.shapes[at] {
        Shape::Split {
            feature,
            threshold,
            left,
            right,
        } if depth <= TEXT_LEVELS + 1 => {
            let name = seen.feature(*feature);
            let _ = writeln!(text, "{indent} {name} <= {threshold:.2}");
            write_rules(seen, *left, depth + 1, text);
            let _ = writeln!(text, "{indent} {name} >  {threshold:.2}");
            write_rules(seen, *right, depth + 1, text);
        }
        Shape::Split { .. } => {
            let _ = writeln!(
                text,
                "{indent} truncated branch of depth {}",
                subtree_depth(&seen.shapes, at)
            );
        }
        Shape::Leaf => {
            let _ = writeln!(text, "{indent} {}", seen.leaf_text(at));
        }
    }
}

/// Levels in the subtree at `at`, counting a leaf as 1 (scikit-learn's `_compute_depth`).
fn subtree_depth(shapes: &[Shape], at: usize) -> u32 {
    match &shapes[at] {
        Shape::Leaf => 1,
        Shape::Split { left, right, .. } => {
            1 + subtree_depth(shapes, *left).max(subtree_depth(shapes, *right))
        }
    }
}

const BOX_WIDTH: f64 = 176.0;
const BOX_HEIGHT: f64 = 84.0;
const GAP: f64 = 12.0;
const LEVEL_HEIGHT: f64 = 120.0;
const LINE_HEIGHT: f64 = 15.0;
/// Longer names are cut with "…" so a box keeps its width.
const NAME_CHARS: usize = 22;
/// More classes than this leave out the counts line, which would not fit.
const COUNTED_CLASSES: usize = 4;

/// A node placed in the drawing: its centre, and whether it stands for a deeper branch.
struct Placed {
    at: usize,
    x: f64,
    level: u32,
    parent: Option<usize>,
    hidden_branch: bool,
}

/// Places every shown node: leaves (and cut branches) side by side from the left, each parent
/// centred over its children.
fn place(
    seen: &Seen,
    at: usize,
    level: u32,
    parent: Option<usize>,
    out: &mut Vec<Placed>,
    next_x: &mut f64,
) -> f64 {
    let index = out.len();
    out.push(Placed {
        at,
        x: 0.0,
        level,
        parent,
        hidden_branch: false,
    });
    let x = match &seen.shapes[at] {
        Shape::Split { left, right, .. } if level < DRAWN_LEVELS => {
            let a = place(seen, *left, level + 1, Some(index), out, next_x);
            let b = place(seen, *right, level + 1, Some(index), out, next_x);
            (a + b) / 2.0
        }
        node => {
            out[index].hidden_branch = matches!(node, Shape::Split { .. });
            let x = *next_x + BOX_WIDTH / 2.0;
            *next_x += BOX_WIDTH + GAP;
            x
        }
    };
    out[index].x = x;
    x
}

fn drawing(seen: &Seen) -> String {
    let mut placed = Vec::new();
    let mut next_x = GAP;
    place(seen, 0, 0, None, &mut placed, &mut next_x);
    let levels = placed.iter().map(|p| p.level).max().unwrap_or(0);
    let (width, height) = (
        next_x,
        f64::from(levels) * LEVEL_HEIGHT + BOX_HEIGHT + 2.0 * GAP,
    );
    let mut svg = document(width, height);
    let top = |level: u32| GAP + f64::from(level) * LEVEL_HEIGHT;
    for node in &placed {
        if let Some(parent) = node.parent {
            let from = &placed[parent];
            let _ = write!(
                svg,
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#6c757d\"/>",
                from.x,
                top(from.level) + BOX_HEIGHT,
                node.x,
                top(node.level)
            );
        }
    }
    for node in &placed {
        let (left, y) = (node.x - BOX_WIDTH / 2.0, top(node.level));
        if node.hidden_branch {
            let _ = write!(
                svg,
                "<rect x=\"{left:.1}\" y=\"{y:.1}\" width=\"{BOX_WIDTH}\" height=\"{LINE_HEIGHT:.0}\" \
                 rx=\"4\" fill=\"#f1f3f5\" stroke=\"#6c757d\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">(…)</text>",
                node.x,
                y + 12.0
            );
            continue;
        }
        let (colour, opacity) = seen.fill(node.at);
        let _ = write!(
            svg,
            "<rect x=\"{left:.1}\" y=\"{y:.1}\" width=\"{BOX_WIDTH}\" height=\"{BOX_HEIGHT}\" rx=\"4\" \
             fill=\"{colour}\" fill-opacity=\"{opacity:.2}\" stroke=\"#343a40\"/>"
        );
        let mut lines = Vec::new();
        if let Shape::Split {
            feature, threshold, ..
        } = &seen.shapes[node.at]
        {
            lines.push(format!(
                "{} ≤ {}",
                shortened(seen.feature(*feature), NAME_CHARS),
                trimmed(*threshold)
            ));
        }
        lines.extend(seen.lines(node.at));
        let first = y + (BOX_HEIGHT - LINE_HEIGHT * lines.len() as f64) / 2.0 + 11.0;
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                node.x,
                first + LINE_HEIGHT * i as f64,
                escaped(line)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}
