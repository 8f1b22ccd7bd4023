//! Features as small integers: each feature's values are put into at most 256 ordered bins once,
//! so a tree node finds its best split from one histogram pass over its rows instead of a sort
//! (the approach of LightGBM and scikit-learn's `HistGradientBoosting*`).
//!
//! A feature with at most 256 distinct values gets one bin per value, and a split's threshold is
//! the midpoint between the nearest values on either side in the node, so a tree on such data is
//! exactly CART. A feature with more values gets quantile bins, an approximation.

use crate::features::Matrix;

pub const MAX_BINS: usize = 256;

#[derive(Debug, Clone)]
pub struct Binned {
    pub rows: usize,
    pub features: usize,
    /// Column-major: the bin of row `r` for feature `f` is `bins[f * rows + r]`.
    bins: Vec<u8>,
    /// Per feature, the smallest and the largest training value in each bin.
    lower: Vec<Vec<f64>>,
    upper: Vec<Vec<f64>>,
}

impl Binned {
    /// Bins every column of `x`. Values must be finite (the caller checks).
    pub fn new(x: &Matrix) -> Self {
        let (rows, features) = (x.rows, x.cols);
        let mut binned = Binned {
            rows,
            features,
            bins: vec![0; rows * features],
            lower: Vec::with_capacity(features),
            upper: Vec::with_capacity(features),
        };
        let mut column: Vec<f64> = Vec::with_capacity(rows);
        for f in 0..features {
            column.clear();
            column.extend((0..rows).map(|r| x.get(r, f)));
            let mut distinct = column.clone();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            // Upper edges of the bins: every distinct value, or evenly spaced quantiles of them.
            let edges: Vec<f64> = if distinct.len() <= MAX_BINS {
                distinct
            } else {
                let mut sorted = column.clone();
                sorted.sort_by(f64::total_cmp);
                let mut edges: Vec<f64> = (1..MAX_BINS)
                    .map(|i| sorted[i * (rows - 1) / MAX_BINS])
                    .collect();
                edges.push(sorted[rows - 1]);
                edges.dedup();
                edges
            };
            let mut lower = vec![f64::INFINITY; edges.len()];
            let mut upper = vec![f64::NEG_INFINITY; edges.len()];
            for (r, &value) in column.iter().enumerate() {
                let bin = edges.partition_point(|&e| e < value).min(edges.len() - 1);
                binned.bins[f * rows + r] = bin as u8;
                lower[bin] = lower[bin].min(value);
                upper[bin] = upper[bin].max(value);
            }
            binned.lower.push(lower);
            binned.upper.push(upper);
        }
        binned
    }

    pub fn bin(&self, row: usize, feature: usize) -> usize {
        self.bins[feature * self.rows + row] as usize
    }

    /// Every row's bin for `feature`.
    pub fn column(&self, feature: usize) -> &[u8] {
        &self.bins[feature * self.rows..(feature + 1) * self.rows]
    }

    pub fn bins_of(&self, feature: usize) -> usize {
        self.lower[feature].len()
    }

    /// The threshold between the last occupied bin on the left and the first on the right:
    /// the midpoint of the nearest training values, as CART puts it.
    pub fn threshold(&self, feature: usize, left_bin: usize, right_bin: usize) -> f64 {
        let (lo, hi) = (
            self.upper[feature][left_bin],
            self.lower[feature][right_bin],
        );
        let midpoint = lo / 2.0 + hi / 2.0;
        // As scikit-learn does: a midpoint that rounds up to `hi` would send `hi` left.
        if midpoint >= hi || !midpoint.is_finite() {
            lo
        } else {
            midpoint
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_distinct_values_get_a_bin_each_and_midpoint_thresholds() {
        let x = Matrix {
            rows: 5,
            cols: 1,
            data: vec![3.0, 1.0, 5.0, 3.0, 1.0],
        };
        let b = Binned::new(&x);
        assert_eq!(b.bins_of(0), 3);
        assert_eq!(
            (0..5).map(|r| b.bin(r, 0)).collect::<Vec<_>>(),
            [1, 0, 2, 1, 0]
        );
        assert_eq!(b.threshold(0, 0, 1), 2.0);
        assert_eq!(b.threshold(0, 0, 2), 3.0, "skipping an empty middle bin");
    }

    #[test]
    fn many_distinct_values_share_at_most_256_ordered_bins() {
        let n = 10_000;
        let x = Matrix {
            rows: n,
            cols: 1,
            data: (0..n).map(|i| ((i * 7919) % n) as f64).collect(),
        };
        let b = Binned::new(&x);
        assert!(b.bins_of(0) <= MAX_BINS);
        for r in 0..n {
            for s in 0..n.min(50) {
                if x.get(r, 0) < x.get(s, 0) {
                    assert!(b.bin(r, 0) <= b.bin(s, 0), "bins keep the order of values");
                }
            }
        }
    }
}
