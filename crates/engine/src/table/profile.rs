//! Numeric summaries as pandas' `DataFrame.describe()` gives them: count of present values,
//! mean, sample standard deviation (ddof = 1), min, the 25 / 50 / 75 % quantiles with linear
//! interpolation (numpy's default), max.

/// `describe()` of one numeric column; `None` statistics where pandas shows NaN.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Describe {
    pub count: usize,
    pub mean: Option<f64>,
    pub std: Option<f64>,
    pub min: Option<f64>,
    pub q25: Option<f64>,
    pub q50: Option<f64>,
    pub q75: Option<f64>,
    pub max: Option<f64>,
}

/// The `q`-quantile (0..=1) of sorted values by linear interpolation between the closest ranks.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    let t = h - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
    // numpy's _lerp: from the nearer end, which keeps the result within [a, b].
    Some(if t < 0.5 {
        a + (b - a) * t
    } else {
        b - (b - a) * (1.0 - t)
    })
}

/// `describe()` of a numeric column's values (NaN missing, left out as pandas leaves it).
pub fn describe(values: &[f64]) -> Describe {
    let mut present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    present.sort_by(f64::total_cmp);
    let n = present.len();
    let mean = (n > 0).then(|| present.iter().sum::<f64>() / n as f64);
    let std = mean
        .filter(|_| n > 1)
        .map(|m| (present.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt());
    Describe {
        count: n,
        mean,
        std,
        min: present.first().copied(),
        q25: quantile_sorted(&present, 0.25),
        q50: quantile_sorted(&present, 0.5),
        q75: quantile_sorted(&present, 0.75),
        max: present.last().copied(),
    }
}

/// Pearson's correlation over the rows where both values are present, as pandas'
/// `DataFrame.corr()` computes it (pairwise complete); `None` with fewer than two such rows or
/// no spread.
pub fn pearson(a: &[f64], b: &[f64]) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| !x.is_nan() && !y.is_nan())
        .map(|(&x, &y)| (x, y))
        .collect();
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mean_a, mean_b) = (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut cov, mut var_a, mut var_b) = (0.0, 0.0, 0.0);
    for (x, y) in &pairs {
        cov += (x - mean_a) * (y - mean_b);
        var_a += (x - mean_a).powi(2);
        var_b += (y - mean_b).powi(2);
    }
    let r = cov / (var_a * var_b).sqrt();
    r.is_finite().then_some(r.clamp(-1.0, 1.0))
}

pub use super::retype::ValueType;

/// One column, profiled.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnProfile {
    pub name: String,
    pub kind: super::ColumnType,
    /// What its values are, for the learner; `kind` is how the model uses them.
    pub inferred: ValueType,
    pub missing: usize,
    /// Distinct present values (`nunique()`).
    pub unique: usize,
    /// Numeric columns only.
    pub describe: Option<Describe>,
    /// The most frequent value and its count, for categorical and text columns (ties: the
    /// first in sorted order).
    pub top: Option<(String, usize)>,
    /// Numeric columns: their distribution.
    #[serde(default)]
    pub histogram: Option<Histogram>,
    /// Categorical columns: the most frequent values with their counts, most frequent first
    /// (at most [`TOP_VALUES`]; ties in sorted order).
    #[serde(default)]
    pub top_values: Vec<(String, usize)>,
}

/// Bins of a column's histogram.
pub const HISTOGRAM_BINS: usize = 10;
/// Values a categorical column's bar chart shows.
pub const TOP_VALUES: usize = 5;

/// Counts of a numeric column in equal-width bins over its range.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    pub low: f64,
    pub high: f64,
    pub counts: Vec<usize>,
}

/// The present values' histogram in `bins` equal-width bins, counted as
/// `numpy.histogram(values, bins)` counts them: the range is the values' own (widened by 0.5
/// each way when they are all equal), every bin holds its left edge, and the last also its right.
pub fn histogram(values: &[f64], bins: usize) -> Option<Histogram> {
    let present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    let low = present.iter().copied().reduce(f64::min)?;
    let high = present.iter().copied().reduce(f64::max)?;
    let (low, high) = if low == high {
        (low - 0.5, high + 0.5)
    } else {
        (low, high)
    };
    let bins = bins.max(1);
    // numpy's edges (linspace) and its fast path: a first guess by scaling, then a correction
    // against the edges themselves, so that a value on an edge lands where numpy puts it.
    let step = (high - low) / bins as f64;
    let edge = |i: usize| {
        if i == bins {
            high
        } else {
            low + i as f64 * step
        }
    };
    let scale = bins as f64 / (high - low);
    let mut counts = vec![0; bins];
    for x in present {
        let mut i = (((x - low) * scale) as usize).min(bins - 1);
        if x < edge(i) && i > 0 {
            i -= 1;
        } else if i + 1 < bins && x >= edge(i + 1) {
            i += 1;
        }
        counts[i] += 1;
    }
    Some(Histogram { low, high, counts })
}

/// A table, profiled: every column, and the correlations of the numeric ones.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TableProfile {
    pub rows: usize,
    pub columns: Vec<ColumnProfile>,
    /// The numeric columns' names, and their correlation matrix in that order (NaN where
    /// undefined, as pandas shows it).
    pub numeric: Vec<String>,
    pub correlation: Vec<Vec<f64>>,
    /// Two numeric columns against each other, coloured by the target (set by the explore
    /// cell, which knows the target and the columns chosen).
    #[serde(default)]
    pub scatter: Option<super::scatter::Scatter>,
}

pub fn profile(table: &super::Table) -> TableProfile {
    use super::ColumnData;
    let columns = table
        .columns
        .iter()
        .map(|column| {
            let missing = (0..column.len()).filter(|&r| column.is_missing(r)).count();
            let mut top_values = Vec::new();
            let mut distribution = None;
            let (unique, describe, top) = match &column.data {
                ColumnData::Numeric(values) => {
                    let mut present: Vec<f64> =
                        values.iter().copied().filter(|x| !x.is_nan()).collect();
                    present.sort_by(f64::total_cmp);
                    present.dedup();
                    distribution = histogram(values, HISTOGRAM_BINS);
                    (present.len(), Some(describe(values)), None)
                }
                ColumnData::Categorical(cells) | ColumnData::Text(cells) => {
                    let mut present: Vec<&str> =
                        cells.iter().flatten().map(String::as_str).collect();
                    present.sort_unstable();
                    let mut counts: Vec<(&str, usize)> = Vec::new();
                    for value in present {
                        match counts.last_mut() {
                            Some((last, n)) if *last == value => *n += 1,
                            _ => counts.push((value, 1)),
                        }
                    }
                    let top = counts
                        .iter()
                        .fold(None::<(&str, usize)>, |best, &(v, n)| match best {
                            Some((_, m)) if m >= n => best,
                            _ => Some((v, n)),
                        })
                        .map(|(v, n)| (v.to_string(), n));
                    if column.column_type() == super::ColumnType::Categorical {
                        let mut by_count = counts.clone();
                        by_count.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
                        top_values = by_count
                            .into_iter()
                            .take(TOP_VALUES)
                            .map(|(v, n)| (v.to_string(), n))
                            .collect();
                    }
                    (counts.len(), None, top)
                }
            };
            ColumnProfile {
                name: column.name.clone(),
                kind: column.column_type(),
                inferred: ValueType::of(&column.data),
                missing,
                unique,
                describe,
                top,
                histogram: distribution,
                top_values,
            }
        })
        .collect();
    let numeric: Vec<(&str, &[f64])> = table
        .columns
        .iter()
        .filter_map(|c| match &c.data {
            ColumnData::Numeric(values) => Some((c.name.as_str(), values.as_slice())),
            _ => None,
        })
        .collect();
    let correlation = numeric
        .iter()
        .map(|(_, a)| {
            numeric
                .iter()
                .map(|(_, b)| pearson(a, b).unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    TableProfile {
        rows: table.n_rows(),
        columns,
        numeric: numeric.iter().map(|(n, _)| n.to_string()).collect(),
        correlation,
        scatter: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_count_as_numpy_does_edges_and_constant_columns_included() {
        // numpy.histogram(values, bins) of each, as numpy 2 prints it.
        let counts = |values: &[f64], bins| histogram(values, bins).unwrap().counts;
        let ramp: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(counts(&ramp, 10), [1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
        assert_eq!(counts(&[2.0, 2.0, 2.0], 4), [0, 0, 3, 0]);
        assert_eq!(counts(&[0.1, 0.2, 0.3, 0.7], 3), [2, 1, 1]);
        let table =
            crate::table::read_table("n,x,flag,kind\n1,1.5,True,a\n2,,false,b\n,3,FALSE,a\n")
                .unwrap();
        let types: Vec<ValueType> = profile(&table).columns.iter().map(|c| c.inferred).collect();
        assert_eq!(
            types,
            [
                ValueType::Integer,
                ValueType::Float,
                ValueType::Boolean,
                ValueType::Categorical
            ]
        );
        let constant = histogram(&[2.0, f64::NAN], 4).unwrap();
        assert_eq!((constant.low, constant.high), (1.5, 2.5));
        assert_eq!(histogram(&[f64::NAN, f64::NAN], 4), None);
    }
}
