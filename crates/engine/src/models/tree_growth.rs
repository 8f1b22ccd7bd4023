//! How a CART tree grows, for the classifier and the regressor alike: depth first, each node
//! split at the threshold that lowers its [`Criterion`] most (Gini impurity of classes, squared
//! error of numbers), on binned features. The two trees differ only in what a node's rows sum
//! to and how a split of them is scored; the recursion, the stopping rules, the features tried
//! and the importances are this one piece.

use super::binning::Binned;
use super::decision_tree::Growth;

/// What a tree lowers with each split.
pub(crate) trait Criterion {
    /// A node's rows summed up: class counts, or count, sum and sum of squares.
    type Stats;
    /// The tree's node: a leaf holds what its `Stats` predict.
    type Node;

    fn stats(&self, rows: &[usize]) -> Self::Stats;
    /// A node that no split can improve (one class; equal targets) stays a leaf.
    fn settled(&self, stats: &Self::Stats) -> bool;
    fn leaf(&self, stats: &Self::Stats) -> Self::Node;
    fn split(feature: usize, threshold: f64, left: usize, right: usize) -> Self::Node;
    /// The best split of `rows` on `feature`, as the last bin going left, the first going right
    /// and the split's cost (lower is better; the first of equal ones); `None` when the feature
    /// is constant in the node.
    fn best_in_feature(
        &mut self,
        binned: &Binned,
        rows: &[usize],
        feature: usize,
        stats: &Self::Stats,
    ) -> Option<(usize, usize, f64)>;
    /// What splitting a node of `stats` (and `rows` rows) at `cost` credits its feature with.
    fn decrease(&self, stats: &Self::Stats, rows: usize, cost: f64) -> f64;
}

/// A grown tree's nodes (the root first, a split's children after it), its depth and each
/// feature's share of the total decrease.
pub(crate) struct Grown<N> {
    pub nodes: Vec<N>,
    pub depth: u32,
    pub importances: Vec<f64>,
}

/// Grows a tree on `rows` of the binned training data (a row may repeat: a bootstrap sample).
pub(crate) fn grow<C: Criterion>(
    criterion: C,
    binned: &Binned,
    mut rows: Vec<usize>,
    growth: Growth,
) -> Grown<C::Node> {
    let mut builder = Builder {
        criterion,
        binned,
        growth,
        nodes: Vec::new(),
        depth: 0,
        importances: vec![0.0; binned.features],
    };
    builder.grow(&mut rows, 0);
    super::as_shares(&mut builder.importances);
    Grown {
        nodes: builder.nodes,
        depth: builder.depth,
        importances: builder.importances,
    }
}

struct BestSplit {
    feature: usize,
    left_bin: usize,
    right_bin: usize,
    cost: f64,
}

struct Builder<'a, C: Criterion> {
    criterion: C,
    binned: &'a Binned,
    growth: Growth<'a>,
    nodes: Vec<C::Node>,
    depth: u32,
    importances: Vec<f64>,
}

impl<C: Criterion> Builder<'_, C> {
    /// Grows the subtree for `rows` and returns its node index.
    fn grow(&mut self, rows: &mut [usize], depth: u32) -> usize {
        self.depth = self.depth.max(depth);
        let stats = self.criterion.stats(rows);
        let index = self.nodes.len();
        self.nodes.push(self.criterion.leaf(&stats));
        if self.criterion.settled(&stats)
            || depth >= self.growth.max_depth
            || rows.len() < self.growth.min_samples_split
        {
            return index;
        }
        let Some(split) = self.best_split(rows, &stats) else {
            return index;
        };
        self.importances[split.feature] += self.criterion.decrease(&stats, rows.len(), split.cost);
        let (binned, feature) = (self.binned, split.feature);
        let boundary = partition(binned, rows, feature, split.left_bin);
        let threshold = binned.threshold(feature, split.left_bin, split.right_bin);
        let (left_rows, right_rows) = rows.split_at_mut(boundary);
        let left = self.grow(left_rows, depth + 1);
        let right = self.grow(right_rows, depth + 1);
        self.nodes[index] = C::split(feature, threshold, left, right);
        index
    }

    /// The split of lowest cost over the features tried: all in column order, or (for a
    /// forest) a fresh random order of which the first `max_features` that vary are used. As in
    /// scikit-learn (`min_impurity_decrease=0`) a split is taken even when it improves nothing:
    /// that is how a tree learns XOR.
    fn best_split(&mut self, rows: &[usize], stats: &C::Stats) -> Option<BestSplit> {
        let limit = self.growth.max_features.unwrap_or(usize::MAX);
        let mut best: Option<BestSplit> = None;
        let mut tried = 0;
        for feature in self.growth.candidate_order(self.binned.features) {
            if tried == limit {
                break;
            }
            // Constant in this node: does not count towards max_features.
            let Some((left_bin, right_bin, cost)) =
                self.criterion
                    .best_in_feature(self.binned, rows, feature, stats)
            else {
                continue;
            };
            tried += 1;
            if best.as_ref().is_none_or(|b| cost < b.cost) {
                best = Some(BestSplit {
                    feature,
                    left_bin,
                    right_bin,
                    cost,
                });
            }
        }
        best
    }
}

/// Puts the rows whose bin of `feature` is at most `left_bin` first; returns how many they are.
fn partition(binned: &Binned, rows: &mut [usize], feature: usize, left_bin: usize) -> usize {
    let mut boundary = 0;
    for i in 0..rows.len() {
        if binned.bin(rows[i], feature) <= left_bin {
            rows.swap(i, boundary);
            boundary += 1;
        }
    }
    boundary
}
