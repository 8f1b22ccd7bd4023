//! The README's images, as SVG that GitHub shows: the confusion matrix (a grid of counts, darker
//! where more rows fell), the residuals (each test row's error against its prediction) and a
//! clustering's groups (the rows on two principal components, coloured by group).
//! Written by hand rather than with plotters: a grid of rectangles and a cloud of dots are a
//! few lines, and plotters' SVG backend and its fonts would weigh on the worker.

/// Text inside SVG: `<`, `&` and quotes escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

use crate::notebook::NOISE_LABEL;
use crate::table::scatter::Scatter;

const FONT: &str = "font-family=\"sans-serif\" font-size=\"13\"";

/// Rows are the true classes, columns the predicted ones.
/// `axes`: the words for the predicted and the true classes.
pub fn confusion_svg(classes: &[String], counts: &[Vec<u64>], axes: (&str, &str)) -> String {
    let k = classes.len();
    let cell = 56;
    let label = 120;
    let size = label + k * cell + 10;
    let most = counts.iter().flatten().copied().max().unwrap_or(1).max(1);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size}\" height=\"{size}\" \
         viewBox=\"0 0 {size} {size}\" {FONT}>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
         <text x=\"{label}\" y=\"16\">{} →</text>\n\
         <text x=\"4\" y=\"{}\">{} ↓</text>\n",
        escaped(axes.0),
        label - 8,
        escaped(axes.1)
    );
    let short = |name: &str| {
        let name: String = name.chars().take(14).collect();
        escaped(&name)
    };
    for (i, class) in classes.iter().enumerate() {
        let middle = label + i * cell + cell / 2;
        svg += &format!(
            "<text x=\"{middle}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            label - 12,
            short(class)
        );
        svg += &format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            label - 8,
            middle + 5,
            short(class)
        );
    }
    for (r, row) in counts.iter().enumerate().take(k) {
        for (c, &count) in row.iter().enumerate().take(k) {
            let share = count as f64 / most as f64;
            // From white to the site's blue (#0b5394), with the count in a colour that reads.
            let mix = |full: u8| (255.0 - share * (255.0 - f64::from(full))).round() as u8;
            let (x, y) = (label + c * cell, label + r * cell);
            let ink = if share > 0.5 { "#fff" } else { "#1b1b1b" };
            svg += &format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" \
                 fill=\"rgb({},{},{})\" stroke=\"#767676\"/>\n\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\">{count}</text>\n",
                mix(0x0b),
                mix(0x53),
                mix(0x94),
                x + cell / 2,
                y + cell / 2 + 5
            );
        }
    }
    svg + "</svg>\n"
}

/// The least and the greatest of `values`.
fn span(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 320.0;
const MARGIN: f64 = 40.0;
/// Dots drawn at most: enough to see the shape, few enough for a light file.
const MOST_DOTS: usize = 2000;

/// The opening of a plot of dots: white ground, the names of its axes.
fn plot_head(across: &str, up: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" {FONT}>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
         <text x=\"{MARGIN}\" y=\"{bottom}\">{across} →</text>\n\
         <text x=\"4\" y=\"16\">{up} ↑</text>\n",
        bottom = HEIGHT - 8.0,
        across = escaped(across),
        up = escaped(up)
    )
}

fn dot(x: f64, y: f64, colour: &str) -> String {
    format!(
        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\" fill=\"{colour}\" fill-opacity=\"0.6\"/>\n"
    )
}

/// Each test row as a dot: its prediction across, its error (truth − prediction) up, with the
/// line of no error.
/// `axes`: the words for the prediction and the error.
pub fn residuals_svg(truth: &[f64], predicted: &[f64], axes: (&str, &str)) -> String {
    let errors: Vec<(f64, f64)> = truth
        .iter()
        .zip(predicted)
        .map(|(t, p)| (*p, t - p))
        .filter(|(p, e)| p.is_finite() && e.is_finite())
        .collect();
    let (x_low, x_high) = span(errors.iter().map(|e| e.0));
    let (e_low, e_high) = span(errors.iter().map(|e| e.1));
    let reach = e_low.abs().max(e_high.abs()).max(f64::MIN_POSITIVE);
    let x_range = (x_high - x_low).max(f64::MIN_POSITIVE);
    let x_of = |p: f64| MARGIN + (p - x_low) / x_range * (WIDTH - 2.0 * MARGIN);
    let y_of = |e: f64| HEIGHT / 2.0 - e / reach * (HEIGHT / 2.0 - MARGIN);
    let mut svg = plot_head(axes.0, axes.1);
    svg += &format!(
        "<line x1=\"{MARGIN}\" y1=\"{mid}\" x2=\"{right}\" y2=\"{mid}\" stroke=\"#767676\"/>\n",
        mid = HEIGHT / 2.0,
        right = WIDTH - MARGIN,
    );
    for (p, e) in errors.iter().take(MOST_DOTS) {
        svg += &dot(x_of(*p), y_of(*e), "#0b5394");
    }
    svg + "</svg>\n"
}

/// Colours told apart by colour-blind readers (Okabe and Ito), one per group, in turn.
const GROUP_COLOURS: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000",
];
/// DBSCAN's noise, and the groups past the eighth: a colour of their own would not be told apart.
const OTHER_COLOUR: &str = "#767676";

/// A clusters cell's projection: each row drawn on the first two principal components, in the
/// colour of its group, with a key of the groups (the first eight, then one line for the rest).
pub fn clusters_svg(projection: &Scatter) -> String {
    let points: Vec<&(f64, f64, u32)> = projection
        .points
        .iter()
        .filter(|(x, y, _)| x.is_finite() && y.is_finite())
        .collect();
    let (x_low, x_high) = span(points.iter().map(|p| p.0));
    let (y_low, y_high) = span(points.iter().map(|p| p.1));
    let (x_range, y_range) = (
        (x_high - x_low).max(f64::MIN_POSITIVE),
        (y_high - y_low).max(f64::MIN_POSITIVE),
    );
    let x_of = |x: f64| MARGIN + (x - x_low) / x_range * (WIDTH - 2.0 * MARGIN);
    let y_of = |y: f64| HEIGHT - MARGIN - (y - y_low) / y_range * (HEIGHT - 2.0 * MARGIN);
    // Each class's colour: the groups in turn, noise apart.
    let mut colours = Vec::with_capacity(projection.classes.len());
    let mut groups = 0;
    for name in &projection.classes {
        if name == NOISE_LABEL {
            colours.push(OTHER_COLOUR);
        } else {
            colours.push(GROUP_COLOURS.get(groups).copied().unwrap_or(OTHER_COLOUR));
            groups += 1;
        }
    }
    let colour = |class: u32| colours.get(class as usize).copied().unwrap_or(OTHER_COLOUR);
    let mut svg = plot_head(&projection.x, &projection.y);
    for (x, y, class) in points.into_iter().take(MOST_DOTS) {
        svg += &dot(x_of(*x), y_of(*y), colour(*class));
    }
    // The key, top right: a dot and the group's name (DBSCAN's noise is "-1"); past the eighth
    // group, one grey line for the rest, so that the key stays inside the picture.
    let mut key: Vec<(&str, String)> = Vec::new();
    for (i, name) in projection.classes.iter().enumerate() {
        if colour(i as u32) != OTHER_COLOUR || name == NOISE_LABEL {
            key.push((colour(i as u32), escaped(name)));
        }
    }
    if groups > GROUP_COLOURS.len() {
        key.push((OTHER_COLOUR, "…".to_string()));
    }
    for (line, (fill, name)) in key.iter().enumerate() {
        let y = 16.0 + 16.0 * line as f64;
        svg += &format!(
            "<circle cx=\"{x:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"{fill}\"/>\n\
             <text x=\"{tx:.1}\" y=\"{y:.1}\">{name}</text>\n",
            x = WIDTH - 70.0,
            cy = y - 4.0,
            tx = WIDTH - 60.0,
        );
    }
    svg + "</svg>\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_groups_keep_their_key_inside_the_picture_and_noise_is_grey() {
        let mut classes: Vec<String> = vec![NOISE_LABEL.to_string()];
        classes.extend((0..12).map(|g| g.to_string()));
        let points = (0..classes.len() as u32)
            .map(|c| (f64::from(c), f64::from(c % 3), c))
            .collect();
        let svg = clusters_svg(&crate::notebook::projection(classes, points, 13, 1));
        // A dot per row, then the key: noise, eight groups, one line for the other four.
        let key: Vec<&str> = svg.split("r=\"5\"").skip(1).collect();
        assert_eq!(key.len(), 10, "{svg}");
        assert!(
            key[0].contains(OTHER_COLOUR) && key[0].contains(">-1<"),
            "{svg}"
        );
        assert!(
            key[9].contains(OTHER_COLOUR) && key[9].contains(">…<"),
            "{svg}"
        );
        let lowest = 16.0 + 16.0 * 9.0;
        assert!(lowest < HEIGHT - MARGIN);
        // Groups past the eighth share the grey of the rest; the first eight have a colour each.
        let dots: Vec<&str> = svg.split("r=\"3\"").skip(1).collect();
        assert!(dots[0].contains(OTHER_COLOUR));
        for (g, dot) in dots.iter().enumerate().skip(1) {
            let expected = GROUP_COLOURS.get(g - 1).copied().unwrap_or(OTHER_COLOUR);
            assert!(dot.contains(expected), "group {} {dot}", g - 1);
        }
    }
}
