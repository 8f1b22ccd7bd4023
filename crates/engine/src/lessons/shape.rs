//! The notebook's shape: what a learner's notebook holds, checked rule by rule.
//!
//! Latih's notebook already refuses the leaks that pandas and scikit-learn allow: a steps cell
//! and a search need a split above them and learn from its training rows only, so "the imputer
//! is fitted after the split" and "the test set is not used for tuning" hold by construction,
//! and no check needs to ask. What a notebook can still get wrong is what it says about itself:
//! a note that states no result, or one that states a number the notebook does not compute.
//! These rules read the attempt's own cells and outputs, so a stated number is checked against
//! the engine's, never against a number typed into the lesson.

use super::check::Reason;
use super::quantity::{Quantity, Unavailable};
use crate::notebook::{Cell, CellOutput, Notebook};
use crate::Error;
use serde::{Deserialize, Serialize};

/// One criterion of a shape check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ShapeRule {
    /// The note cell `cell` states this number of the notebook: written with at least two
    /// significant digits, rounded or cut, with a decimal point or comma, or as a percentage.
    NoteStates { cell: usize, of: Quantity },
    /// The note cell `cell` has at least this many words.
    NoteWords { cell: usize, at_least: usize },
}

impl ShapeRule {
    /// The cells the rule names (the parser refuses a rule naming a cell the notebook has not).
    pub fn cells(&self) -> Vec<usize> {
        match self {
            ShapeRule::NoteStates { cell, of } => vec![*cell, of.cell()],
            ShapeRule::NoteWords { cell, .. } => vec![*cell],
        }
    }

    /// Why `notebook` (with its `outputs`) does not meet the rule, if it does not.
    pub fn unmet(
        &self,
        notebook: &Notebook,
        outputs: &[Result<CellOutput, Error>],
    ) -> Option<Reason> {
        let note = |cell: usize| match notebook.cells.get(cell) {
            Some(Cell::Note(note)) => Ok(note.text.as_str()),
            _ => Err(Reason::CellFailed { cell }),
        };
        match self {
            ShapeRule::NoteStates { cell, of } => {
                let text = match note(*cell) {
                    Ok(text) => text,
                    Err(reason) => return Some(reason),
                };
                match of.value(outputs) {
                    Ok(value) if states(text, value) => None,
                    Ok(_) => Some(Reason::NoteLacks {
                        cell: *cell,
                        of: of.clone(),
                    }),
                    Err(Unavailable::CellFailed { cell } | Unavailable::NotInOutput { cell }) => {
                        Some(Reason::CellFailed { cell })
                    }
                }
            }
            ShapeRule::NoteWords { cell, at_least } => {
                let text = match note(*cell) {
                    Ok(text) => text,
                    Err(reason) => return Some(reason),
                };
                let words = count_words(text);
                (words < *at_least).then_some(Reason::NoteTooShort {
                    cell: *cell,
                    words,
                    at_least: *at_least,
                })
            }
        }
    }
}

/// Words: runs of text with a letter or a digit in them (Markdown's `#`, `-` and `|` are not).
/// Any letter beyond ASCII counts as one: `char::is_alphanumeric` would bring Unicode's tables
/// into the lessons' app (about 20 KB) to tell letters from symbols that no note is made of.
fn count_words(text: &str) -> usize {
    text.split_ascii_whitespace()
        .filter(|word| word.chars().any(is_word_char))
        .count()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !(c.is_ascii() || matches!(c, '—' | '–' | '…' | '•' | '·'))
}

/// Whether `text` writes `value`: some number in it, read every way it can be read (a decimal
/// point or a decimal comma, thousands grouped by either, a percentage as a share), is `value`
/// rounded or cut to its last digit, and has enough digits to say it (two significant ones:
/// "1" does not state 0.79).
fn states(text: &str, value: f64) -> bool {
    // The step of a number's second significant digit (0.01 for 0.79, 1 for 263).
    let needed = match value.abs() {
        v if v.fract() == 0.0 => 1.0,
        v => {
            let mut step = 1.0;
            while step > v && step > 1e-12 {
                step /= 10.0;
            }
            while step * 10.0 <= v {
                step *= 10.0;
            }
            step / 10.0
        }
    };
    written_numbers(text).into_iter().any(|(number, step)| {
        let tiny = step * 1e-9;
        step <= needed + tiny
            && ((number - value).abs() <= step / 2.0 + tiny
                || (value.abs() - number.abs() >= -tiny
                    && value.abs() - number.abs() < step
                    && number.signum() == value.signum()))
    })
}

/// Every reading of every number in `text`, each as (value, the step of its last digit).
fn written_numbers(text: &str) -> Vec<(f64, f64)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let negative = i > 0 && matches!(chars[i - 1], '-' | '−');
        // Digits, with single separators between them.
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], '.' | ',')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let mut rest = i;
        while rest < chars.len() && matches!(chars[rest], ' ' | '\u{a0}' | '\u{202f}') {
            rest += 1;
        }
        let percent = chars.get(rest) == Some(&'%');
        for (mut number, mut step) in readings(&token) {
            if negative {
                number = -number;
            }
            if percent {
                number /= 100.0;
                step /= 100.0;
            }
            found.push((number, step));
        }
    }
    found
}

/// The ways a run of digits and separators reads: "0,79" and "0.79" as decimals; "1.234" also as
/// a thousand and more; "1.234,5" and "1,234.5" with the last separator the decimal one.
fn readings(token: &str) -> Vec<(f64, f64)> {
    let groups: Vec<&str> = token.split(['.', ',']).collect();
    let separators: Vec<char> = token.chars().filter(|c| matches!(c, '.' | ',')).collect();
    // Digits to a number by hand: `str::parse::<f64>` would bring core's float parser and its
    // tables into the lessons' app (about 20 KB); these are whole numbers of a few digits.
    let whole = |digits: &[&str]| {
        let digits: Vec<u32> = digits
            .iter()
            .flat_map(|g| g.chars())
            .filter_map(|c| c.to_digit(10))
            .collect();
        (!digits.is_empty()).then(|| digits.iter().fold(0.0, |n, &d| n * 10.0 + f64::from(d)))
    };
    let grouped_by_thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    let mut readings = Vec::new();
    match separators.as_slice() {
        [] => readings.extend(whole(&groups).map(|n| (n, 1.0))),
        [_] => {
            let decimals = groups[1].len() as i32;
            if let Some(n) = whole(&groups) {
                readings.push((n / 10f64.powi(decimals), 10f64.powi(-decimals)));
            }
            if grouped_by_thousands {
                readings.extend(whole(&groups).map(|n| (n, 1.0)));
            }
        }
        [first, ..] if separators.iter().all(|s| s == first) => {
            if grouped_by_thousands {
                readings.extend(whole(&groups).map(|n| (n, 1.0)));
            }
        }
        _ => {
            // Mixed: thousands by the first kind, decimals after the last separator.
            let (integer, fraction) = groups.split_at(groups.len() - 1);
            let decimals = fraction[0].len() as i32;
            let thousands = integer[1..].iter().all(|g| g.len() == 3);
            if let (true, Some(n)) = (thousands, whole(&groups)) {
                readings.push((n / 10f64.powi(decimals), 10f64.powi(-decimals)));
            }
        }
    }
    readings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_stated_rounded_or_cut_in_either_notation_or_as_a_percentage() {
        let accuracy = 0.789_634;
        for text in [
            "accuracy 0.79",
            "akurasi 0,79",
            "0.78 (cut)",
            "0.7896",
            "79 %",
            "79%",
            "78,96 %",
            "**0.790**",
        ] {
            assert!(states(text, accuracy), "{text}");
        }
        for text in [
            "0.8",
            "1",
            "0.77",
            "80%",
            "7896",
            "accuracy: good",
            "-0.79",
            "0.791",
        ] {
            assert!(!states(text, accuracy), "{text}");
        }
    }

    #[test]
    fn counts_read_with_thousands_grouped_either_way() {
        assert!(states("263 passengers", 263.0));
        assert!(!states("262 passengers", 263.0));
        assert!(!states("26 passengers", 263.0));
        for text in ["1,046 rows", "1.046 baris", "1 046"] {
            assert_eq!(states(text, 1046.0), !text.starts_with("1 "), "{text}");
        }
        // Grouped and with decimals, the last separator is the decimal one.
        assert!(states("1.234,56", 1234.56));
        assert!(states("1,234.56", 1234.56));
        assert!(!states("1,23.4", 123.4));
    }

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        assert_eq!(
            count_words("# Titanic\n\n- model **v3**, final - | 0.79"),
            5
        );
        assert_eq!(count_words("  \n# - | — …"), 0);
        assert_eq!(count_words("Akurasi — naik"), 2);
    }
}
