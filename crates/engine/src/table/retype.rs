//! What a column's values are (whole numbers, decimals, true/false, categories, text), as read
//! and as the learner says they are: a column of codes read as numbers can be made categories,
//! a yes/no column true/false, an id column text that no model learns from.

use super::{present, Column, ColumnData, MISSING};
use serde::{Deserialize, Serialize};

/// A column's kind of values, finer than how Latih stores them (numbers, categories, text):
/// integers and decimals are numbers; true/false are categories "True" and "False". Named in
/// JSON as the cast step has named them from the first ("number", "category").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    Integer,
    #[serde(rename = "number")]
    Float,
    Boolean,
    #[serde(rename = "category")]
    Categorical,
    Text,
}

impl ValueType {
    pub const ALL: [ValueType; 5] = [
        ValueType::Integer,
        ValueType::Float,
        ValueType::Boolean,
        ValueType::Categorical,
        ValueType::Text,
    ];

    /// Their names in JSON, in the order of [`ValueType::ALL`].
    pub const NAMES: [&'static str; 5] = ["integer", "number", "boolean", "category", "text"];

    pub fn name(self) -> &'static str {
        ValueType::NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<ValueType> {
        ValueType::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// What the values are: numbers that are all whole are integers, and categories that are
    /// only true and false (in any case, as pandas reads them) are booleans.
    pub fn of(data: &ColumnData) -> ValueType {
        match data {
            ColumnData::Numeric(values)
                if values.iter().all(|x| x.is_nan() || x.fract() == 0.0) =>
            {
                ValueType::Integer
            }
            ColumnData::Numeric(_) => ValueType::Float,
            ColumnData::Categorical(values)
                if values
                    .iter()
                    .flatten()
                    .all(|v| v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("false")) =>
            {
                ValueType::Boolean
            }
            ColumnData::Categorical(_) => ValueType::Categorical,
            ColumnData::Text(_) => ValueType::Text,
        }
    }
}

/// The words read as true and as false (trimmed, in any case), in English and Indonesian.
pub const TRUE_WORDS: [&str; 8] = ["true", "t", "yes", "y", "ya", "benar", "1", "1.0"];
pub const FALSE_WORDS: [&str; 8] = ["false", "f", "no", "n", "tidak", "salah", "0", "0.0"];

/// Reads the column as `to`; returns how many present values could not be read so and are now
/// missing.
pub fn retype(column: &mut Column, to: ValueType) -> usize {
    let data = &mut column.data;
    match to {
        ValueType::Float => to_numbers(data),
        ValueType::Integer => {
            let lost = to_numbers(data);
            if let ColumnData::Numeric(values) = data {
                // numpy's round: halves to even.
                values.iter_mut().for_each(|x| *x = x.round_ties_even());
            }
            lost
        }
        ValueType::Boolean => to_truths(data),
        ValueType::Categorical => {
            to_categories(data);
            0
        }
        ValueType::Text => {
            to_categories(data);
            if let ColumnData::Categorical(values) = data {
                *data = ColumnData::Text(std::mem::take(values));
            }
            0
        }
    }
}

/// The column as numbers (`pd.to_numeric(errors="coerce")`); returns how many present values
/// did not read as one (now missing).
fn to_numbers(data: &mut ColumnData) -> usize {
    let (ColumnData::Categorical(values) | ColumnData::Text(values)) = data else {
        return 0;
    };
    let mut lost = 0;
    let numbers = values
        .iter()
        .map(|v| {
            let number = v.as_deref().and_then(|s| s.trim().parse::<f64>().ok());
            let number = number.filter(|x| x.is_finite());
            if v.is_some() && number.is_none() {
                lost += 1;
            }
            number.unwrap_or(MISSING)
        })
        .collect();
    *data = ColumnData::Numeric(numbers);
    lost
}

/// The column as categories (numbers written as Rust writes them, which is how the model sees
/// them); returns how many values changed.
pub(crate) fn to_categories(data: &mut ColumnData) -> usize {
    match data {
        ColumnData::Numeric(values) => {
            let changed = values.iter().filter(|x| !x.is_nan()).count();
            *data = ColumnData::Categorical(
                values
                    .iter()
                    .map(|&x| present(x).map(|x| x.to_string()))
                    .collect(),
            );
            changed
        }
        ColumnData::Text(values) => {
            let changed = values.iter().flatten().count();
            *data = ColumnData::Categorical(std::mem::take(values));
            changed
        }
        ColumnData::Categorical(_) => 0,
    }
}

/// The column as the categories "True" and "False", from the words above (and the numbers 1
/// and 0); returns how many present values were neither (now missing).
fn to_truths(data: &mut ColumnData) -> usize {
    fn truth(word: &str) -> Option<bool> {
        let word = word.trim().to_lowercase();
        let is = |words: &[&str]| words.contains(&word.as_str());
        match () {
            _ if is(&TRUE_WORDS) => Some(true),
            _ if is(&FALSE_WORDS) => Some(false),
            _ => None,
        }
    }
    let (truths, present): (Vec<Option<bool>>, usize) = match data {
        ColumnData::Numeric(values) => (
            values
                .iter()
                .map(|&x| truth(&present(x)?.to_string()))
                .collect(),
            values.iter().filter(|x| !x.is_nan()).count(),
        ),
        ColumnData::Categorical(values) | ColumnData::Text(values) => (
            values.iter().map(|v| truth(v.as_deref()?)).collect(),
            values.iter().flatten().count(),
        ),
    };
    let lost = present - truths.iter().flatten().count();
    *data = ColumnData::Categorical(
        truths
            .into_iter()
            .map(|t| t.map(|t| if t { "True" } else { "False" }.to_string()))
            .collect(),
    );
    lost
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(data: ColumnData) -> Column {
        Column {
            name: "c".into(),
            data,
        }
    }

    fn words(values: &[Option<&str>]) -> ColumnData {
        ColumnData::Categorical(values.iter().map(|v| v.map(str::to_string)).collect())
    }

    #[test]
    fn integers_round_halves_to_even_and_lose_what_is_not_a_number() {
        let mut c = column(words(&[
            Some("2.5"),
            Some(" 3.5"),
            Some("x"),
            None,
            Some("-0.5"),
        ]));
        assert_eq!(retype(&mut c, ValueType::Integer), 1);
        let ColumnData::Numeric(values) = &c.data else {
            panic!("numbers expected")
        };
        let shown: Vec<String> = (0..5).map(|r| c.display(r)).collect();
        assert_eq!(shown, ["2", "4", "", "", "-0"]);
        assert_eq!(values.len(), 5);
        assert_eq!(ValueType::of(&c.data), ValueType::Integer);
    }

    #[test]
    fn truths_read_words_of_either_language_and_the_numbers_one_and_zero() {
        let mut c = column(words(&[
            Some("Ya"),
            Some("tidak"),
            Some(" YES"),
            Some("maybe"),
            None,
        ]));
        assert_eq!(retype(&mut c, ValueType::Boolean), 1);
        assert_eq!(
            c.data,
            words(&[Some("True"), Some("False"), Some("True"), None, None])
        );
        assert_eq!(ValueType::of(&c.data), ValueType::Boolean);

        let mut c = column(ColumnData::Numeric(vec![1.0, 0.0, 2.0, MISSING]));
        assert_eq!(retype(&mut c, ValueType::Boolean), 1);
        assert_eq!(c.data, words(&[Some("True"), Some("False"), None, None]));
    }

    #[test]
    fn numbers_become_categories_or_text_as_the_model_sees_them() {
        let mut c = column(ColumnData::Numeric(vec![3.0, 2.5, MISSING]));
        assert_eq!(retype(&mut c, ValueType::Categorical), 0);
        assert_eq!(c.data, words(&[Some("3"), Some("2.5"), None]));
        assert_eq!(retype(&mut c, ValueType::Text), 0);
        assert_eq!(
            c.data,
            ColumnData::Text(vec![Some("3".into()), Some("2.5".into()), None])
        );
        assert_eq!(retype(&mut c, ValueType::Float), 0);
        assert_eq!(ValueType::of(&c.data), ValueType::Float);
    }

    #[test]
    fn text_that_is_not_a_number_becomes_missing_and_is_counted() {
        let mut data = ColumnData::Categorical(vec![
            Some("1.5".into()),
            Some("dua".into()),
            None,
            Some(" 7 ".into()),
        ]);
        assert_eq!(to_numbers(&mut data), 1);
        assert_eq!(
            data,
            ColumnData::Numeric(vec![1.5, f64::NAN, f64::NAN, 7.0])
        );
        assert_eq!(to_categories(&mut data), 2);
        assert_eq!(
            data,
            ColumnData::Categorical(vec![Some("1.5".into()), None, None, Some("7".into())])
        );
    }
}
