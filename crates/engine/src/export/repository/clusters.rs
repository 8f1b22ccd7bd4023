//! The README's section on a clusters cell: the groups found, their sizes, how well they stand
//! apart (silhouette) and match the target (adjusted Rand index), and the rows drawn on the
//! first two principal components. A segmentation notebook has no model to compare: this is
//! its result.

use super::{figures, fill, table_cell, Words};
use crate::notebook::{Cell, CellOutput, ClustersOutput, Notebook};
use crate::Error;

/// The last clusters cell that ran: its findings in Markdown, and its picture (a file name in
/// the repository and its SVG).
pub(super) struct ClustersSection {
    pub text: String,
    pub figure: (String, String),
    /// What the groups cannot promise: k-means' caveat or DBSCAN's.
    pub caveat: &'static str,
}

/// The section of the last clusters cell that ran, if any.
pub(super) fn clusters_section(
    notebook: &Notebook,
    outputs: &[Result<CellOutput, Error>],
    words: Words,
) -> Option<ClustersSection> {
    let (at, out) = outputs
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, o)| match o {
            Ok(CellOutput::Clusters(out)) => Some((i, out)),
            _ => None,
        })?;
    let dbscan = matches!(notebook.cells.get(at), Some(Cell::Clusters(c)) if c.dbscan.is_some());
    let found = match (dbscan, out.n_clusters) {
        (false, _) => "out-clusters-found",
        (true, 0) => "out-clusters-dbscan-none",
        (true, _) => "out-clusters-dbscan",
    };
    let sizes: Vec<String> = out.sizes.iter().map(usize::to_string).collect();
    let mut lines = vec![fill(
        &words(found),
        &[
            ("k", out.n_clusters.to_string()),
            ("rows", out.rows.to_string()),
            ("features", out.features.to_string()),
            ("sizes", sizes.join(", ")),
        ],
    )];
    if let Some(noise) = out.noise.filter(|&n| n > 0 && out.n_clusters > 0) {
        lines.push(fill(
            &words("out-clusters-noise"),
            &[("noise", noise.to_string())],
        ));
    }
    lines.push(measures_table(out, words));
    if out.sampled {
        lines.push(fill(
            &words("out-silhouette-sampled"),
            &[("rows", crate::notebook::SILHOUETTE_ROWS.to_string())],
        ));
    }
    let caption = words("out-clusters-chart");
    let file = "images/clusters.svg".to_string();
    lines.push(format!(
        "![{}]({file})\n\n*{}*",
        super::markdown_text(&caption),
        caption
    ));
    Some(ClustersSection {
        text: lines.join("\n\n"),
        figure: (file, figures::clusters_svg(&out.projection)),
        caveat: if dbscan {
            "repo-caveat-dbscan"
        } else {
            "repo-caveat-clusters"
        },
    })
}

/// The groups' measures as a table: silhouette, and the adjusted Rand index where the target
/// has classes (three decimals, as the cell shows them).
fn measures_table(out: &ClustersOutput, words: Words) -> String {
    let mut table = vec![
        format!(
            "| {} | {} |",
            table_cell(&words("repo-measure")),
            table_cell(&words("repo-value"))
        ),
        "| --- | --- |".to_string(),
    ];
    for (key, value) in [
        ("out-silhouette", out.silhouette),
        ("out-adjusted-rand", out.adjusted_rand),
    ] {
        let value = value.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"));
        table.push(format!("| {} | {value} |", table_cell(&words(key))));
    }
    table.join("\n")
}
