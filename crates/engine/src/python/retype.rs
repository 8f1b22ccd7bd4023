//! A column read as another kind of values ([`crate::table::retype`]), in pandas.

use super::literal::py_str_list;
use crate::table::retype::{ValueType, FALSE_WORDS, TRUE_WORDS};

/// The pandas expression that reads the Series `series` as `to`, as Latih does: what is not of
/// that kind becomes missing, and missing stays missing.
pub(crate) fn py_retyped(series: &str, to: ValueType) -> String {
    // Numbers as Latih writes them as categories: 3.0 is "3".
    const AS_TEXT: &str =
        "lambda v: repr(v).removesuffix(\".0\") if isinstance(v, float) else str(v)";
    match to {
        ValueType::Float => format!("pd.to_numeric({series}, errors=\"coerce\")"),
        // numpy rounds halves to even, as Latih.
        ValueType::Integer => format!("pd.to_numeric({series}, errors=\"coerce\").round()"),
        ValueType::Boolean => {
            let words = |words: &[&str]| {
                py_str_list(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
            };
            format!(
                "{series}.map(lambda v: str(v).strip().lower(), na_action=\"ignore\").map(\n\
                 \x20   {{**dict.fromkeys({}, \"True\"), **dict.fromkeys({}, \"False\")}}\n)",
                words(&TRUE_WORDS),
                words(&FALSE_WORDS)
            )
        }
        ValueType::Categorical | ValueType::Text => {
            format!("{series}.map({AS_TEXT}, na_action=\"ignore\")")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reads_the_series_it_is_given() {
        for to in ValueType::ALL {
            let code = py_retyped("raw[\"a\"]", to);
            assert!(code.contains("raw[\"a\"]"), "{code}");
        }
        assert!(py_retyped("x", ValueType::Boolean).contains("\"tidak\""));
    }
}
