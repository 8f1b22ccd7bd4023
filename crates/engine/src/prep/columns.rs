//! Steps that change one column's values: read as numbers, encode categories as ordinals, clip
//! outliers, take the log, cut into bins. The ones that learn (ordinals, clip bounds, bin edges)
//! learn from the training rows only, as scikit-learn's transformers fitted on `X_train` do.

use super::present_at;
use crate::table::profile::quantile_sorted;
use crate::table::{ColumnData, MISSING};
use crate::Error;

/// `OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)`: the training rows'
/// categories in sorted order become 0, 1, 2, …; a category unseen there is -1; missing stays
/// missing. Returns how many values it encoded, and the categories.
pub(super) fn ordinal(
    data: &mut ColumnData,
    train: &[usize],
    name: &str,
) -> Result<(usize, Vec<String>), Error> {
    let (ColumnData::Categorical(values) | ColumnData::Text(values)) = data else {
        return Err(Error::StepNeedsCategories {
            column: name.to_string(),
        });
    };
    let mut categories: Vec<&str> = train
        .iter()
        .filter_map(|&r| values.get(r).and_then(Option::as_deref))
        .collect();
    categories.sort_unstable();
    categories.dedup();
    if categories.is_empty() {
        return Err(Error::ColumnAllMissing {
            column: name.to_string(),
        });
    }
    let codes: Vec<f64> = values
        .iter()
        .map(|v| {
            v.as_deref().map_or(MISSING, |s| {
                categories
                    .binary_search(&s)
                    .map_or(-1.0, |code| code as f64)
            })
        })
        .collect();
    let encoded = codes.iter().filter(|x| !x.is_nan()).count();
    let categories = categories.into_iter().map(str::to_string).collect();
    *data = ColumnData::Numeric(codes);
    Ok((encoded, categories))
}

/// The bounds outside which a value is an outlier by Tukey's rule, from the training rows:
/// Q1 − 1.5 · IQR and Q3 + 1.5 · IQR, quartiles as pandas' `quantile` (linear).
pub(super) fn iqr_bounds(values: &[f64], train: &[usize], name: &str) -> Result<(f64, f64), Error> {
    let mut present: Vec<f64> = present_at(values, train);
    present.sort_by(f64::total_cmp);
    let (Some(q1), Some(q3)) = (
        quantile_sorted(&present, 0.25),
        quantile_sorted(&present, 0.75),
    ) else {
        return Err(Error::ColumnAllMissing {
            column: name.to_string(),
        });
    };
    let iqr = q3 - q1;
    Ok((q1 - 1.5 * iqr, q3 + 1.5 * iqr))
}

/// Clips every value into `[low, high]`; returns how many changed.
pub(super) fn clip(values: &mut [f64], (low, high): (f64, f64)) -> usize {
    let mut changed = 0;
    for x in values.iter_mut().filter(|x| !x.is_nan()) {
        let clipped = x.clamp(low, high);
        if clipped != *x {
            *x = clipped;
            changed += 1;
        }
    }
    changed
}

/// `np.log1p`, which keeps zeros at zero; a value of −1 or less has no logarithm.
pub(super) fn log1p(values: &mut [f64], name: &str) -> Result<usize, Error> {
    if let Some(&bad) = values.iter().find(|&&x| x <= -1.0) {
        return Err(Error::StepLogDomain {
            column: name.to_string(),
            value: bad,
        });
    }
    values.iter_mut().for_each(|x| *x = x.ln_1p());
    Ok(values.iter().filter(|x| !x.is_nan()).count())
}

/// The edges of `bins` equal-width bins over the training rows' range, as
/// `KBinsDiscretizer(strategy="uniform")` learns them (`np.linspace(min, max, bins + 1)`).
pub(super) fn uniform_edges(
    values: &[f64],
    train: &[usize],
    bins: u32,
    name: &str,
) -> Result<Vec<f64>, Error> {
    let present: Vec<f64> = present_at(values, train);
    let low = present.iter().copied().reduce(f64::min);
    let high = present.iter().copied().reduce(f64::max);
    let (Some(low), Some(high)) = (low, high) else {
        return Err(Error::ColumnAllMissing {
            column: name.to_string(),
        });
    };
    if low == high {
        // scikit-learn's edges for a constant column: one bin, every value in it.
        return Ok(vec![f64::NEG_INFINITY, f64::INFINITY]);
    }
    // numpy's linspace: start + i * step, with the last edge exactly the end.
    let step = (high - low) / f64::from(bins);
    let mut edges: Vec<f64> = (0..bins).map(|i| low + f64::from(i) * step).collect();
    edges.push(high);
    Ok(edges)
}

/// Each value's bin: `np.searchsorted(edges[1:-1], x, side="right")`, so a value below the
/// training range is in the first bin and one above it in the last. Missing stays missing.
pub(super) fn bin(values: &mut [f64], edges: &[f64]) -> usize {
    let inner = edges
        .get(1..edges.len().saturating_sub(1))
        .unwrap_or_default();
    for x in values.iter_mut().filter(|x| !x.is_nan()) {
        *x = inner.partition_point(|&edge| edge <= *x) as f64;
    }
    values.iter().filter(|x| !x.is_nan()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_come_from_the_training_rows_and_unseen_categories_are_minus_one() {
        let mut data = ColumnData::Categorical(
            ["b", "a", "c", "b", "z"]
                .iter()
                .map(|s| Some(s.to_string()))
                .chain([None])
                .collect(),
        );
        assert_eq!(
            ordinal(&mut data, &[0, 1, 3], "k"),
            Ok((5, vec!["a".to_string(), "b".to_string()]))
        );
        assert_eq!(
            data,
            ColumnData::Numeric(vec![1.0, 0.0, -1.0, 1.0, -1.0, f64::NAN])
        );
        let mut numbers = ColumnData::Numeric(vec![1.0]);
        assert_eq!(
            ordinal(&mut numbers, &[0], "n"),
            Err(Error::StepNeedsCategories { column: "n".into() })
        );
    }

    #[test]
    fn bins_cover_the_training_range_and_catch_values_beyond_it() {
        let mut values = vec![0.0, 10.0, 5.0, -3.0, 12.0, f64::NAN];
        let edges = uniform_edges(&values, &[0, 1, 2], 4, "x").unwrap();
        assert_eq!(edges, [0.0, 2.5, 5.0, 7.5, 10.0]);
        bin(&mut values, &edges);
        assert_eq!(values[..5], [0.0, 3.0, 2.0, 0.0, 3.0]);
        assert!(values[5].is_nan(), "missing stays missing");
        let mut constant = vec![2.0, 2.0, 9.0];
        let edges = uniform_edges(&constant, &[0, 1], 3, "x").unwrap();
        bin(&mut constant, &edges);
        assert_eq!(constant, [0.0, 0.0, 0.0]);
    }

    #[test]
    fn log_keeps_zero_and_refuses_minus_one_and_below() {
        let mut values = vec![0.0, std::f64::consts::E - 1.0, f64::NAN];
        assert_eq!(log1p(&mut values, "x"), Ok(2));
        assert_eq!(values[0], 0.0);
        assert!((values[1] - 1.0).abs() < 1e-15);
        assert!(values[2].is_nan());
        assert_eq!(
            log1p(&mut [-1.0], "x"),
            Err(Error::StepLogDomain {
                column: "x".into(),
                value: -1.0
            })
        );
    }
}
