//! A clusters cell's findings in sentences, for the app and the command line alike.

use crate::{format_count, format_decimal, format_percent, t, tf, Lang};
use latih_engine::notebook::ClustersOutput;

/// The groups found, their quality (silhouette, and the adjusted Rand index against the classes)
/// and how much of the variance PCA's picture keeps: one sentence each.
pub fn clusters_lines(lang: Lang, out: &ClustersOutput) -> Vec<String> {
    let sizes: Vec<String> = out.sizes.iter().map(|s| format_count(lang, *s)).collect();
    let mut lines = vec![tf(
        lang,
        "out-clusters-found",
        &[
            ("k", out.n_clusters.to_string()),
            ("rows", format_count(lang, out.rows)),
            ("features", format_count(lang, out.features)),
            ("sizes", sizes.join(", ")),
        ],
    )];
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
