//! Pictures of fitted models, drawn as SVG documents by the worker that fitted them, so that the
//! app shows an image and carries no drawing code: a decision tree ([`TreeView`])
//! and a decision boundary ([`boundary`]). Their words are scikit-learn's technical names and
//! the learner's column names, the same in both languages.

pub mod boundary;
mod tree;

pub use tree::{TreeView, DRAWN_LEVELS};

/// Okabe & Ito's colours for categories, distinguishable with any common colour-vision
/// deficiency (yellow is skipped: it vanishes on white). The charts use them too.
pub const OKABE_ITO: [(u8, u8, u8); 7] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (213, 94, 0),
    (204, 121, 167),
    (86, 180, 233),
    (0, 0, 0),
];

/// Class `index`'s colour as SVG writes it.
pub(crate) fn class_colour(index: usize) -> String {
    let (r, g, b) = OKABE_ITO[index % OKABE_ITO.len()];
    format!("rgb({r},{g},{b})")
}

/// Text made safe inside an SVG element: names come from the learner's files, or a stranger's
/// link. Control characters go too: XML forbids most of them, and a figure with one would not
/// show at all.
pub(crate) fn escaped(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A number as `plot_tree` writes it: up to three decimals, no trailing zeros.
pub(crate) fn trimmed(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// Longer names are cut with "…" so that a label keeps its width.
pub(crate) fn shortened(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        return name.into();
    }
    let mut cut: String = name.chars().take(chars - 1).collect();
    cut.push('…');
    cut
}

/// The opening of an SVG document of `width` × `height` pixels on white.
pub(crate) fn document(width: f64, height: f64) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"sans-serif\" font-size=\"12\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
    )
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn names_in_figures_are_escaped_and_lose_their_control_characters() {
        assert_eq!(
            escaped("a<b>&\"c\u{1b}[2J\u{7}\n"),
            "a&lt;b&gt;&amp;&quot;c[2J"
        );
    }
}
