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

/// Ticks for an axis from `low` to `high`: about `wanted` round values (steps of 1, 2 or 5
/// times a power of ten) inside the range, each with the text it shows (as many decimals as
/// the step needs, and thin spaces between thousands: the same in both languages, which write
/// other separators). Raw extremes such as 76045.768 read badly; 70 000, 72 000, … do not.
pub(crate) fn nice_ticks(low: f64, high: f64, wanted: usize) -> Vec<(f64, String)> {
    if !(low.is_finite() && high.is_finite() && high > low) {
        return Vec::new();
    }
    // d3's rule: the round step nearest (by ratio) to an even split into `wanted` parts.
    let rough = (high - low) / wanted.max(1) as f64;
    let power = 10f64.powi(rough.log10().floor() as i32);
    let error = rough / power;
    let multiple = match error {
        e if e >= 50f64.sqrt() => 10.0,
        e if e >= 10f64.sqrt() => 5.0,
        e if e >= 2f64.sqrt() => 2.0,
        _ => 1.0,
    };
    let step = multiple * power;
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    // A step under 1 divides by its whole inverse: 78 / 20 is 3.9, 78 × 0.05 is not quite.
    let at = |i: i64| match step < 1.0 {
        true => i as f64 / (1.0 / step).round(),
        false => i as f64 * step,
    };
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(at)
        .filter(|value| (low..=high).contains(value))
        .map(|value| (value, grouped(value, decimals)))
        .collect()
}

/// `value` with `decimals` decimals and thin spaces between groups of three digits.
fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value);
    let text = if text.trim_start_matches(['-', '0', '.']).is_empty() {
        format!("{:.*}", decimals, 0.0)
    } else {
        text
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("−", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && whole.len() > 4 {
            out.push('\u{2009}');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A drawing's tick labels (`<text class="tick">`) with `decimal` as their decimal sign: the
/// worker draws a figure once, for any reader, and the page writes its ticks as the reader does
/// (a decimal comma in Indonesian). Thousands are thin spaces in both languages.
pub fn with_decimal_sign(svg: &str, decimal: char) -> String {
    const OPEN: &str = "<text class=\"tick\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find(OPEN) {
        let Some(end) = rest[start..].find("</text>").map(|e| start + e) else {
            break;
        };
        let text_from = rest[start..end].find('>').map_or(end, |t| start + t + 1);
        out.push_str(&rest[..text_from]);
        out.extend(rest[text_from..end].chars().map(|c| match c {
            '.' => decimal,
            c => c,
        }));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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
    use super::{escaped, nice_ticks, with_decimal_sign};

    #[test]
    fn only_the_tick_labels_take_the_readers_decimal_sign() {
        let svg =
            "<svg><text class=\"tick\" x=\"1.5\">0.25</text><text x=\"2.5\">bill.length</text>\
                   <text class=\"tick\" x=\"3.5\">70\u{2009}000</text></svg>";
        assert_eq!(
            with_decimal_sign(svg, ','),
            "<svg><text class=\"tick\" x=\"1.5\">0,25</text><text x=\"2.5\">bill.length</text>\
             <text class=\"tick\" x=\"3.5\">70\u{2009}000</text></svg>"
        );
        assert_eq!(with_decimal_sign(svg, '.'), svg);
    }

    fn labels(low: f64, high: f64) -> Vec<String> {
        nice_ticks(low, high, 5)
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    #[test]
    fn ticks_are_round_values_inside_the_range() {
        // The ranges a new user met: raw extremes as ticks.
        assert_eq!(
            labels(-125.134, 563.104),
            ["−100", "0", "100", "200", "300", "400", "500"]
        );
        assert_eq!(
            labels(0.0, 76045.768),
            ["0", "20\u{2009}000", "40\u{2009}000", "60\u{2009}000"]
        );
        assert_eq!(labels(0.95, 2.55), ["1.0", "1.5", "2.0", "2.5"]);
        // As d3.ticks(-0.003, 0.012, 5) gives them.
        assert_eq!(
            labels(-0.003, 0.012),
            ["−0.002", "0.000", "0.002", "0.004", "0.006", "0.008", "0.010", "0.012"]
        );
        for (low, high) in [(-125.134, 563.104), (3.7, 3.9), (1e-6, 9e-6), (-5e6, 2e6)] {
            let ticks = nice_ticks(low, high, 5);
            assert!((3..=11).contains(&ticks.len()), "{low}..{high}: {ticks:?}");
            assert!(ticks.iter().all(|(v, _)| (low..=high).contains(v)));
        }
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
    }

    #[test]
    fn names_in_figures_are_escaped_and_lose_their_control_characters() {
        assert_eq!(
            escaped("a<b>&\"c\u{1b}[2J\u{7}\n"),
            "a&lt;b&gt;&amp;&quot;c[2J"
        );
    }
}
