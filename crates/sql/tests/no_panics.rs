//! Any query a shared link can carry is answered or refused, never a panic (a panic in the SQL
//! worker's wasm kills it): random sequences of SQL's words over the first rows of two shipped
//! tables (few rows, so that random cross joins stay small).

use latih_sql::query_data;
use proptest::prelude::*;
use std::collections::HashMap;

const WORDS: &[&str] = &[
    "SELECT",
    "*",
    "FROM",
    "penguins",
    "iris",
    "WHERE",
    "GROUP BY",
    "ORDER BY",
    "LIMIT 3",
    "COUNT(*)",
    "AVG(",
    "species",
    "island",
    "body_mass_g",
    "(",
    ")",
    ",",
    "=",
    "<",
    "AND",
    "OR",
    "NOT",
    "NULL",
    "IS",
    "1",
    "-1",
    "0.5",
    "'a'",
    "''",
    "AS",
    "x",
    "JOIN",
    "ON",
    "DESC",
    "DISTINCT",
    "HAVING",
    "CAST(",
    "TEXT",
    "INTEGER",
    "--",
    "/*",
    "*/",
    ";",
    "UNION",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "\"",
    "'",
    "LENGTH(",
    "UPPER(",
    "+",
    "/",
    "%",
];

fn data() -> HashMap<String, String> {
    ["penguins", "iris"]
        .iter()
        .map(|name| {
            let path = format!(
                "{}/../../static/data/{name}.csv",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).unwrap();
            let head: Vec<&str> = text.lines().take(12).collect();
            (name.to_string(), head.join("\n"))
        })
        .collect()
}

/// Cases: 1,024 in every test run; `make fuzz` sets LATIH_FUZZ_CASES to run for minutes.
fn cases() -> u32 {
    std::env::var("LATIH_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1024)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn queries_take_any_sequence_of_sql_words(
        words in proptest::collection::vec(0..WORDS.len(), 1..14),
        select_first in any::<bool>(),
    ) {
        let mut sql: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        if select_first {
            sql.insert(0, "SELECT");
        }
        let _ = query_data(&data(), &sql.join(" "));
    }
}

/// The words above make real queries too: the property is not only refusals.
#[test]
fn the_words_make_queries_that_answer() {
    for sql in [
        "SELECT * FROM penguins LIMIT 3",
        "SELECT species , COUNT(*) FROM iris GROUP BY species",
        "SELECT island FROM penguins WHERE body_mass_g < 1 OR NOT body_mass_g IS NULL",
    ] {
        let csv = query_data(&data(), sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        assert!(csv.lines().count() > 1, "{sql}: {csv}");
    }
}
