//! The clusters cell: groups in the data without looking at the target. k-means on the
//! standardised features (scikit-learn's `make_pipeline(StandardScaler(), KMeans(…))`), its
//! inertia and silhouette for each number of clusters (the elbow), how the chosen groups match
//! the classes (adjusted Rand index), and the rows in two dimensions by PCA, coloured by group.
//! With DBSCAN chosen, the groups are DBSCAN's (as many as it finds, and the rows it calls
//! noise), beside the same k-means elbow: the lesson on clusters compares the two.

use super::eval::{missing_values_left, State};
use crate::error::{CellKind, Expected};
use crate::features::{FeatureEncoder, Target};
use crate::metrics;
use crate::models::{dbscan, DbscanParams, KMeans, KMeansParams, Pca, Standardizer};
use crate::rng::SeededRng;
use crate::table::scatter::Scatter;
use crate::Error;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClustersCell {
    /// k-means' number of clusters (unused by DBSCAN, which finds its own).
    pub n_clusters: u32,
    pub seed: u64,
    /// Group with DBSCAN instead of k-means; absent in notebooks from before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dbscan: Option<DbscanParams>,
}

impl Default for ClustersCell {
    fn default() -> Self {
        Self {
            n_clusters: 3,
            seed: 42,
            dbscan: None,
        }
    }
}

/// scikit-learn's label of DBSCAN's noise, the name of its colour in the projection.
pub const NOISE_LABEL: &str = "-1";

/// The elbow's numbers of clusters: 1 to this.
pub const ELBOW_CLUSTERS: u32 = 8;
/// The most clusters a learner may ask for.
pub const MAX_CLUSTERS: u32 = 20;
/// The silhouette compares every pair of rows; above this many rows it is measured on a sample
/// of them (scikit-learn's `sample_size`).
pub const SILHOUETTE_ROWS: usize = 1_000;
/// Rows drawn in the projection (evenly spaced through the table when there are more).
pub const PROJECTED_ROWS: usize = 2_000;

/// One number of clusters tried: the rows' squared distance to their centres, and the
/// silhouette (none for one cluster).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterFit {
    pub k: u32,
    pub inertia: f64,
    pub silhouette: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClustersOutput {
    pub rows: usize,
    pub features: usize,
    pub elbow: Vec<ClusterFit>,
    /// The chosen clusters: k-means' `n_clusters`, or as many as DBSCAN found.
    pub n_clusters: u32,
    /// Rows in each of the chosen clusters.
    pub sizes: Vec<usize>,
    /// Rows DBSCAN left out of every cluster; `None` for k-means.
    #[serde(default)]
    pub noise: Option<usize>,
    /// Of the clustered rows (DBSCAN's noise left out); none for fewer than two clusters.
    pub silhouette: Option<f64>,
    /// How well the chosen clusters match the target's classes; none for a number target.
    pub adjusted_rand: Option<f64>,
    /// Whether the silhouettes are of a sample of [`SILHOUETTE_ROWS`] rows.
    pub sampled: bool,
    /// PCA's share of the variance of each component (all of them, largest first).
    pub explained_variance_ratio: Vec<f64>,
    /// Rows on the first two components (PC1, PC2), coloured by cluster.
    pub projection: Scatter,
}

/// Rows on the first two principal components, each coloured by its group (`classes`: the
/// groups' names, DBSCAN's noise among them); every `step`-th of `rows` drawn.
pub fn projection(
    classes: Vec<String>,
    points: Vec<(f64, f64, u32)>,
    rows: usize,
    step: usize,
) -> Scatter {
    Scatter {
        x: "PC1".into(),
        y: "PC2".into(),
        target: "cluster".into(),
        classes,
        points,
        rows,
        step,
    }
}

pub(super) fn run(
    cell: &ClustersCell,
    state: &State,
    progress: &mut dyn FnMut(f64),
) -> Result<ClustersOutput, Error> {
    if !(1..=MAX_CLUSTERS).contains(&cell.n_clusters) {
        return Err(Error::InvalidParameter {
            name: "n_clusters".into(),
            value: cell.n_clusters.to_string(),
            expected: Expected::IntegerBetween {
                min: 1,
                max: MAX_CLUSTERS.into(),
            },
        });
    }
    let (table, target, outcome) = state.data.as_deref().ok_or(Error::NeedsCellAbove {
        cell: CellKind::Dataset,
    })?;
    missing_values_left(table, target)?;
    let rows: Vec<usize> = (0..table.n_rows()).collect();
    let encoder = FeatureEncoder::fit(table, target, &rows)?;
    let x = encoder.transform(table, &rows)?;
    let x = Standardizer::fit(&x, true).transform(&x);
    if x.rows < 3 {
        return Err(Error::TooFewRows {
            rows: x.rows,
            needed: 3,
        });
    }
    let sample = silhouette_sample(x.rows, cell.seed);
    let fit = |k: u32| {
        let params = KMeansParams {
            n_clusters: k,
            seed: cell.seed,
            ..KMeansParams::default()
        };
        KMeans::fit(&params, &x)
    };
    let silhouette = |labels: &[u32]| {
        let (sub, labels) = match &sample {
            Some(rows) => (
                x.select_rows(rows),
                rows.iter().map(|&r| labels[r]).collect(),
            ),
            None => (x.clone(), labels.to_vec()),
        };
        metrics::silhouette_score(&sub, &labels).ok()
    };
    let most = ELBOW_CLUSTERS.min(x.rows as u32 - 1);
    let mut elbow = Vec::new();
    for k in 1..=most {
        let model = fit(k)?;
        elbow.push(ClusterFit {
            k,
            inertia: model.inertia,
            silhouette: (k > 1).then(|| silhouette(&model.labels)).flatten(),
        });
        progress(f64::from(k) / f64::from(most + 1));
    }
    // Each row's group, 0..groups; DBSCAN's noise is the last group, after its clusters.
    let (labels, n_clusters, noise) = match &cell.dbscan {
        None => (fit(cell.n_clusters)?.labels, cell.n_clusters, None),
        Some(params) => {
            let found = dbscan(params, &x)?;
            let clusters = found.iter().flatten().max().map_or(0, |&c| c + 1);
            let labels: Vec<u32> = found.iter().map(|l| l.unwrap_or(clusters)).collect();
            let noise = found.iter().filter(|l| l.is_none()).count();
            (labels, clusters, Some(noise))
        }
    };
    let mut sizes = vec![0; n_clusters as usize + 1];
    labels.iter().for_each(|&c| sizes[c as usize] += 1);
    sizes.truncate(n_clusters as usize);
    let adjusted_rand = match outcome {
        Target::Classes(classes) => metrics::adjusted_rand_score(&classes.codes, &labels).ok(),
        Target::Numbers(_) => None,
    };
    let clustered: Vec<usize> = (0..x.rows).filter(|&r| labels[r] < n_clusters).collect();
    let chosen_silhouette = if n_clusters < 2 {
        None
    } else if noise.is_some() {
        let kept = x.select_rows(&clustered);
        let kept_labels: Vec<u32> = clustered.iter().map(|&r| labels[r]).collect();
        let sample = silhouette_sample(kept.rows, cell.seed);
        match &sample {
            Some(rows) => metrics::silhouette_score(
                &kept.select_rows(rows),
                &rows.iter().map(|&r| kept_labels[r]).collect::<Vec<_>>(),
            ),
            None => metrics::silhouette_score(&kept, &kept_labels),
        }
        .ok()
    } else {
        silhouette(&labels)
    };
    let pca = Pca::fit(&x)?;
    let step = x.rows.div_ceil(PROJECTED_ROWS);
    let shown = x.select_rows(&(0..x.rows).step_by(step).collect::<Vec<_>>());
    let points = pca
        .transform(&shown, 2.min(x.cols))
        .into_iter()
        .zip((0..x.rows).step_by(step))
        .map(|(p, r)| (p[0], p.get(1).copied().unwrap_or(0.0), labels[r]))
        .collect();
    let mut classes: Vec<String> = (1..=n_clusters).map(|c| c.to_string()).collect();
    if noise.is_some_and(|n| n > 0) {
        classes.push(NOISE_LABEL.into());
    }
    let projection = projection(classes, points, x.rows, step);
    Ok(ClustersOutput {
        rows: x.rows,
        features: x.cols,
        elbow,
        n_clusters,
        sizes,
        noise,
        silhouette: chosen_silhouette,
        adjusted_rand,
        sampled: sample.is_some(),
        explained_variance_ratio: pca.explained_variance_ratio,
        projection,
    })
}

/// The rows the silhouette is measured on when there are too many for every pair: a seeded
/// sample without repeats, in table order.
fn silhouette_sample(rows: usize, seed: u64) -> Option<Vec<usize>> {
    if rows <= SILHOUETTE_ROWS {
        return None;
    }
    let mut all: Vec<usize> = (0..rows).collect();
    SeededRng::new(seed).shuffle(&mut all);
    let mut sample = all[..SILHOUETTE_ROWS].to_vec();
    sample.sort_unstable();
    Some(sample)
}
