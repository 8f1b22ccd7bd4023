//! Numeric summaries as pandas' `DataFrame.describe()` gives them: count of present values,
//! mean, sample standard deviation (ddof = 1), min, the 25 / 50 / 75 % quantiles with linear
//! interpolation (numpy's default), max.

/// `describe()` of one numeric column; `None` statistics where pandas shows NaN.
#[derive(Debug, Clone, PartialEq)]
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

pub fn describe(values: &[Option<f64>]) -> Describe {
    let mut present: Vec<f64> = values.iter().flatten().copied().collect();
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
