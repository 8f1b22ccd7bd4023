//! The README's images, as SVG that GitHub shows: the confusion matrix (a grid of counts, darker
//! where more rows fell) and the residuals (each test row's error against its prediction).
//! Written by hand rather than with plotters: a grid of rectangles and a cloud of dots are a
//! few lines, and plotters' SVG backend and its fonts would weigh on the worker.

/// Text inside SVG: `<`, `&` and quotes escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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

/// Each test row as a dot: its prediction across, its error (truth − prediction) up, with the
/// line of no error.
/// `axes`: the words for the prediction and the error.
pub fn residuals_svg(truth: &[f64], predicted: &[f64], axes: (&str, &str)) -> String {
    let (width, height, margin) = (480.0, 320.0, 40.0);
    let errors: Vec<(f64, f64)> = truth
        .iter()
        .zip(predicted)
        .map(|(t, p)| (*p, t - p))
        .filter(|(p, e)| p.is_finite() && e.is_finite())
        .collect();
    let span = |values: &mut dyn Iterator<Item = f64>| {
        values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
    };
    let (x_low, x_high) = span(&mut errors.iter().map(|e| e.0));
    let (e_low, e_high) = span(&mut errors.iter().map(|e| e.1));
    let reach = e_low.abs().max(e_high.abs()).max(f64::MIN_POSITIVE);
    let x_range = (x_high - x_low).max(f64::MIN_POSITIVE);
    let x_of = |p: f64| margin + (p - x_low) / x_range * (width - 2.0 * margin);
    let y_of = |e: f64| height / 2.0 - e / reach * (height / 2.0 - margin);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" {FONT}>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n\
         <line x1=\"{margin}\" y1=\"{mid}\" x2=\"{right}\" y2=\"{mid}\" stroke=\"#767676\"/>\n\
         <text x=\"{margin}\" y=\"{bottom}\">{across} →</text>\n\
         <text x=\"4\" y=\"16\">{up} ↑</text>\n",
        mid = height / 2.0,
        right = width - margin,
        bottom = height - 8.0,
        across = escaped(axes.0),
        up = escaped(axes.1)
    );
    for (p, e) in errors.iter().take(2000) {
        svg += &format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"#0b5394\" fill-opacity=\"0.6\"/>\n",
            x_of(*p),
            y_of(*e)
        );
    }
    svg + "</svg>\n"
}
