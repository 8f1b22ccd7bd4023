//! ColorBrewer "Blues": a single-hue sequential palette that reads the same to people with any
//! common colour-vision deficiency, because only lightness changes.

use plotters::style::RGBColor;

const BLUES: [(u8, u8, u8); 9] = [
    (247, 251, 255),
    (222, 235, 247),
    (198, 219, 239),
    (158, 202, 225),
    (107, 174, 214),
    (66, 146, 198),
    (33, 113, 181),
    (8, 81, 156),
    (8, 48, 107),
];

/// The colour for `t` in `0..=1` (clamped), linearly between the palette's stops.
pub fn blues(t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let scaled = t * (BLUES.len() - 1) as f64;
    let i = (scaled.floor() as usize).min(BLUES.len() - 2);
    let f = scaled - i as f64;
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    let (a, b) = (BLUES[i], BLUES[i + 1]);
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Text that stays readable on `blues(t)`.
pub fn text_on_blues(t: f64) -> RGBColor {
    if t > 0.5 {
        RGBColor(255, 255, 255)
    } else {
        RGBColor(8, 48, 107)
    }
}

/// Okabe & Ito's colours for categories (the engine's, which its tree drawings use too).
/// Index wraps around.
pub fn categorical(index: usize) -> RGBColor {
    use latih_engine::figures::OKABE_ITO;
    let (r, g, b) = OKABE_ITO[index % OKABE_ITO.len()];
    RGBColor(r, g, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_are_the_palette_ends_and_lightness_falls() {
        assert_eq!(blues(0.0), RGBColor(247, 251, 255));
        assert_eq!(blues(1.0), RGBColor(8, 48, 107));
        assert_eq!(blues(f64::NAN), blues(0.0));
        let light = |c: RGBColor| u32::from(c.0) + u32::from(c.1) + u32::from(c.2);
        assert!(
            (0..10).all(|i| light(blues(i as f64 / 10.0)) > light(blues((i + 1) as f64 / 10.0)))
        );
    }
}
