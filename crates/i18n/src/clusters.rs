//! A clusters cell's findings in sentences, for the app and the command line alike.

use crate::{format_count, format_decimal, format_percent, t, tf, Lang};
use latih_engine::notebook::ClustersOutput;

/// The groups found, their quality (silhouette, and the adjusted Rand index against the classes)
/// and how much of the variance PCA's picture keeps: one sentence each.
pub fn clusters_lines(lang: Lang, out: &ClustersOutput) -> Vec<String> {
    let sizes: Vec<String> = out.sizes.iter().map(|s| format_count(lang, *s)).collect();
    let found = match out.noise {
        None => "out-clusters-found",
        Some(_) if out.n_clusters == 0 => "out-clusters-dbscan-none",
        Some(_) => "out-clusters-dbscan",
    };
    let mut lines = vec![tf(
        lang,
        found,
        &[
            ("k", out.n_clusters.to_string()),
            ("rows", format_count(lang, out.rows)),
            ("features", format_count(lang, out.features)),
            ("sizes", sizes.join(", ")),
        ],
    )];
    if let Some(noise) = out.noise.filter(|&n| n > 0 && out.n_clusters > 0) {
        lines.push(tf(
            lang,
            "out-clusters-noise",
            &[("noise", format_count(lang, noise))],
        ));
    }
    let measured = |key: &str, value: Option<f64>| {
        value.map(|v| format!("{}: {}", t(lang, key), format_decimal(lang, v, 3)))
    };
    lines.extend(measured("out-silhouette", out.silhouette));
    lines.extend(measured("out-adjusted-rand", out.adjusted_rand));
    if out.sampled {
        lines.push(tf(
            lang,
            "out-silhouette-sampled",
            &[(
                "rows",
                format_count(lang, latih_engine::notebook::SILHOUETTE_ROWS),
            )],
        ));
    }
    let ratio = &out.explained_variance_ratio;
    if let [first, second, ..] = ratio[..] {
        lines.push(tf(
            lang,
            "out-pca-variance",
            &[
                ("first", format_percent(lang, first, 1)),
                ("second", format_percent(lang, second, 1)),
                ("both", format_percent(lang, first + second, 1)),
            ],
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dbscan_output(n_clusters: u32, sizes: Vec<usize>, noise: usize) -> ClustersOutput {
        ClustersOutput {
            rows: 150,
            features: 4,
            elbow: Vec::new(),
            n_clusters,
            sizes,
            noise: Some(noise),
            silhouette: None,
            adjusted_rand: None,
            sampled: false,
            explained_variance_ratio: Vec::new(),
            projection: latih_engine::notebook::projection(Vec::new(), Vec::new(), 150, 1),
        }
    }

    #[test]
    fn dbscan_s_clusters_and_noise_are_said_and_no_cluster_says_what_to_try() {
        let lines = clusters_lines(Lang::En, &dbscan_output(2, vec![49, 97], 4));
        assert!(lines[0].starts_with("DBSCAN found 2 clusters"), "{lines:?}");
        assert!(lines[1].starts_with("4 rows are noise"), "{lines:?}");
        let id = clusters_lines(Lang::Id, &dbscan_output(0, vec![], 150));
        assert_eq!(id.len(), 1, "{id:?}");
        assert!(id[0].contains("tidak menemukan klaster"), "{id:?}");
    }
}
