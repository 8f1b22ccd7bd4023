//! Python literals. A column or file name comes from the learner's data or a shared link, so it
//! is always written as an escaped string, never pasted into code.

/// A Python string literal. JSON's string escapes (`\"`, `\\`, `\n`, `\uXXXX`) are Python's too.
pub(crate) fn py_str(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// `["a", "b"]`.
pub(crate) fn py_str_list(texts: &[String]) -> String {
    let quoted: Vec<String> = texts.iter().map(|t| py_str(t)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A float as Python reads it back exactly (`0.1`, `1e-9`, `100.0`).
pub(crate) fn py_float(value: f64) -> String {
    if value.is_finite() {
        format!("{value:?}")
    } else {
        format!("float(\"{value}\")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_stay_inside_their_string() {
        assert_eq!(py_str("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
        assert_eq!(py_str("umur (th)"), "\"umur (th)\"");
        assert_eq!(py_str_list(&["x".into(), "y".into()]), r#"["x", "y"]"#);
    }

    #[test]
    fn floats_read_back_exactly() {
        assert_eq!(py_float(0.1), "0.1");
        assert_eq!(py_float(100.0), "100.0");
        assert_eq!(py_float(1e-9), "1e-9");
        assert_eq!(py_float(f64::INFINITY), "float(\"inf\")");
    }
}
