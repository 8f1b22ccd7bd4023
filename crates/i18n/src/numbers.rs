//! Numbers as each language writes them: Indonesian swaps the separators (1.234,5), English
//! keeps them (1,234.5). Only what is shown changes; values and exports stay exact.

use crate::Lang;

/// The decimal sign and the thousands separator of `lang` (for charts, which write their own
/// ticks).
pub fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => (',', '.'),
        Lang::En => ('.', ','),
    }
}

/// Groups the integer digits of an ASCII number in thousands and sets the separators.
fn localise(plain: &str, lang: Lang) -> String {
    let (decimal, group) = separators(lang);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    if !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return plain.to_string(); // inf, NaN: nothing to group
    }
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    match frac_part {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number with a fixed count of decimals: `format_decimal(Id, 0.9473, 3)` is `0,947`.
pub fn format_decimal(lang: Lang, value: f64, decimals: usize) -> String {
    localise(&format!("{value:.decimals$}"), lang)
}

/// A number in its shortest exact form, for echoing what a person typed.
pub fn format_number(lang: Lang, value: f64) -> String {
    localise(&value.to_string(), lang)
}

/// A size in megabytes with one decimal, from bytes, in whole-number arithmetic:
/// `format_megabytes(Id, 1_869_462)` is `1,9`. The first pages' app carries no float
/// formatting (about 10 KB of code), and the Data sets page, which says sizes, is one of them.
pub fn format_megabytes(lang: Lang, bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    localise(&format!("{}.{}", tenths / 10, tenths % 10), lang)
}

/// A whole count: `format_count(Id, 4454)` is `4.454`.
pub fn format_count(lang: Lang, count: usize) -> String {
    localise(&count.to_string(), lang)
}

/// Columns, each with a count of its values something befell: `age (3), fare (1,024)`.
pub fn counted_columns(lang: Lang, columns: &[(String, usize)]) -> String {
    let counted: Vec<String> = columns
        .iter()
        .map(|(name, n)| format!("{name} ({})", format_count(lang, *n)))
        .collect();
    counted.join(", ")
}

/// A fraction as a percentage: `format_percent(En, 0.9473, 1)` is `94.7%`.
pub fn format_percent(lang: Lang, fraction: f64, decimals: usize) -> String {
    format!("{}%", format_decimal(lang, fraction * 100.0, decimals))
}

/// A score in `0..=1` as Latih shows metrics: three decimals and the percentage,
/// `format_score(Id, 0.9473)` is `0,947 (94,7%)`.
pub fn format_score(lang: Lang, score: f64) -> String {
    format!(
        "{} ({})",
        format_decimal(lang, score, 3),
        format_percent(lang, score, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_round_to_one_decimal_in_each_languages_notation() {
        assert_eq!(format_megabytes(Lang::Id, 1_869_462), "1,9");
        assert_eq!(format_megabytes(Lang::En, 1_869_462), "1.9");
        assert_eq!(format_megabytes(Lang::En, 1_049_999), "1.0");
        assert_eq!(format_megabytes(Lang::En, 12_345_678_901), "12,345.7");
    }

    #[test]
    fn decimals_and_groups_follow_the_language() {
        assert_eq!(format_decimal(Lang::Id, 0.947368, 3), "0,947");
        assert_eq!(format_decimal(Lang::En, 0.947368, 3), "0.947");
        assert_eq!(format_decimal(Lang::Id, 1234567.891, 2), "1.234.567,89");
        assert_eq!(format_decimal(Lang::En, -1234.5, 1), "-1,234.5");
        assert_eq!(format_count(Lang::Id, 4454), "4.454");
        assert_eq!(format_count(Lang::En, 999), "999");
        assert_eq!(format_count(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(format_percent(Lang::Id, 0.9473, 1), "94,7%");
        assert_eq!(format_number(Lang::Id, 0.25), "0,25");
        assert_eq!(format_number(Lang::En, f64::NAN), "NaN");
        assert_eq!(format_score(Lang::Id, 0.947368), "0,947 (94,7%)");
        assert_eq!(format_score(Lang::En, 1.0), "1.000 (100.0%)");
    }
}
