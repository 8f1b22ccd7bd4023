//! The tables a query reads, found before GlueSQL runs it, so that a name a learner mistyped
//! gets a translated message with the closest real name instead of GlueSQL's English.

use latih_engine::notebook::{sql_tokens, SqlToken};

/// The words (lower case), quoted names (as written) and punctuation of a query, read by the
/// engine's tokenizer, the same one the page uses to know which tables a query needs.
fn tokens(sql: &str) -> Vec<String> {
    sql_tokens(sql)
        .into_iter()
        .map(|token| match token {
            SqlToken::Word(word) | SqlToken::Quoted(word) => word,
            SqlToken::Punct(c) => c.to_string(),
        })
        .collect()
}

/// Words that end a FROM clause's list of tables.
const CLAUSES: &[&str] = &[
    "where", "group", "order", "limit", "having", "union", "join", "inner", "left", "right",
    "full", "cross", "on", "using", "offset", "select", "natural", "outer",
];

/// The names after FROM and JOIN (and after commas in a FROM list): the tables a query reads,
/// less the names its WITH clause defines and the functions it calls (`FROM SERIES(10)`).
pub fn referenced_tables(sql: &str) -> Vec<String> {
    let tokens = tokens(sql);
    let at = |i: usize| tokens.get(i).map(String::as_str);
    let defined: Vec<&str> = (0..tokens.len())
        .filter(|&i| {
            at(i + 1) == Some("as")
                && at(i + 2) == Some("(")
                && matches!(at(i.wrapping_sub(1)), Some("with" | ","))
        })
        .filter_map(at)
        .collect();
    let mut names = Vec::new();
    let mut in_from = false;
    let mut depth = 0i32;
    let mut from_depth = 0;
    for (i, token) in tokens.iter().enumerate() {
        let token = token.as_str();
        let table_next = match token {
            "from" | "join" => {
                in_from = token == "from";
                from_depth = depth;
                true
            }
            "," if in_from && depth == from_depth => true,
            "(" => {
                depth += 1;
                false
            }
            ")" => {
                depth -= 1;
                if depth < from_depth {
                    in_from = false;
                }
                false
            }
            word if CLAUSES.contains(&word) && depth == from_depth => {
                in_from = false;
                false
            }
            _ => false,
        };
        if !table_next {
            continue;
        }
        if let Some(name) = at(i + 1) {
            let is_word = !matches!(name, "(" | ")" | "," | ";");
            if is_word && at(i + 2) != Some("(") && !defined.contains(&name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a slip of the
/// keyboard (at most a third of the name's letters, and at least one).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance, in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_what_from_and_join_name() {
        assert_eq!(
            referenced_tables(
                "WITH big AS (SELECT * FROM penguins WHERE body_mass_g > 4000)\n\
                 SELECT b.species, i.province FROM big b, \"Nilai\" n -- FROM nowhere\n\
                 JOIN islands i ON b.island = i.island \
                 WHERE 'FROM x' <> '' AND b.year IN (SELECT year FROM years)"
            ),
            ["penguins", "Nilai", "islands", "years"]
        );
        assert!(referenced_tables("SELECT * FROM SERIES(3)").is_empty());
        assert!(referenced_tables("SELECT * FROM (SELECT 1) AS t").is_empty());
    }

    #[test]
    fn a_slip_finds_the_name_meant_and_a_different_name_nothing() {
        let tables = ["penguins", "titanic", "iris"];
        assert_eq!(closest("pinguins", tables), Some("penguins".into()));
        assert_eq!(closest("titanik", tables), Some("titanic".into()));
        assert_eq!(closest("sales", tables), None);
    }
}
