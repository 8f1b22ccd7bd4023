//! The SQL cell: a query over the notebook's tables whose result is a data set of its own
//! (`sql:<name>`, see [`query_result_id`]) that data set cells can pick.
//!
//! The SQL engine itself is not here: it is large, so it lives in its own crate (`latih-sql`)
//! and, in the app, in a worker of its own that only notebooks with a SQL cell start. Whoever
//! runs the notebook runs its queries first and hands the results over as data; the evaluation
//! then shows each result's first rows.

use super::DataSource;
use crate::datasets::{
    query_result_id, query_result_name, sql_name, table_name, user_file_name, DATASETS,
};
use crate::table::read_table;
use crate::Error;
use serde::{Deserialize, Serialize};

/// How long one query may run. The SQL engine cannot be interrupted, so whoever runs it gives
/// it up after this: the page replaces its SQL worker, `latih run` leaves its thread behind.
/// Within the SQL limits (`latih-sql`'s 20 million rows) a query ends sooner on a phone.
pub const QUERY_SECONDS: u32 = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SqlCell {
    /// The result's name: its data set is `sql:<name>`, and later queries read it as a table.
    pub name: String,
    /// One SELECT.
    pub query: String,
}

impl SqlCell {
    /// The data set id of this cell's result.
    pub fn result_id(&self) -> String {
        query_result_id(&self.name)
    }
}

/// The first rows of a query's result, and its shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueryOutput {
    pub rows: usize,
    pub column_names: Vec<String>,
    /// At most [`QUERY_PREVIEW_ROWS`] rows, as text.
    pub preview: Vec<Vec<String>>,
}

/// Grouped and counted results are short: most show whole.
pub const QUERY_PREVIEW_ROWS: usize = 20;

/// The data sets a query reads, of those `available` (ids): those whose table name appears in it
/// as a word, outside string literals and comments. Only these need loading, and only these go
/// to the SQL engine. Where two
/// data sets have the same table name, the notebook's own comes first: a query's result, then
/// a learner's file, then a shipped data set (a file `penguins.json` is the table `penguins`).
pub fn tables_of<'a>(query: &str, available: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let words = identifiers(query);
    let rank = |id: &str| match (query_result_name(id), user_file_name(id)) {
        (Some(_), _) => 0,
        (_, Some(_)) => 1,
        _ => 2,
    };
    // A handful of tables: a plain scan keeps the app free of another sort's code.
    let mut tables: Vec<(String, &str)> = Vec::new();
    for id in available {
        let name = table_name(id);
        if !words.contains(&name) {
            continue;
        }
        match tables.iter_mut().find(|(n, _)| *n == name) {
            Some(kept) if rank(id) < rank(kept.1) => kept.1 = id,
            Some(_) => {}
            None => tables.push((name, id)),
        }
    }
    tables.into_iter().map(|(_, id)| id.to_string()).collect()
}

/// Every data set a query may name: the shipped ones, and `loaded` ones (the learner's files,
/// earlier results).
pub fn tables_for<'a>(query: &str, loaded: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    tables_of(query, DATASETS.iter().map(|d| d.id).chain(loaded))
}

/// The words of a query that can name a table, lower case (quoted names as table names).
fn identifiers(query: &str) -> Vec<String> {
    sql_tokens(query)
        .into_iter()
        .filter_map(|token| match token {
            SqlToken::Word(word) => Some(word),
            SqlToken::Quoted(name) => Some(sql_name(&name)),
            SqlToken::Punct(_) => None,
        })
        .collect()
}

/// One piece of a SQL query that tells which tables it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqlToken {
    /// A run of ASCII letters, digits and underscores, lower case.
    Word(String),
    /// A name in double quotes (`""` inside is one quote) or backticks, as written.
    Quoted(String),
    /// One of `( ) , ; .`.
    Punct(char),
}

/// A query's tokens, string literals and `--` comments left out: the one reading of a query that
/// both the page (which tables to load) and the SQL worker (which name a learner mistyped) use,
/// so that they agree.
pub fn sql_tokens(query: &str) -> Vec<SqlToken> {
    let mut tokens = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                // A literal ends at a quote that is not doubled.
                while let Some(c) = chars.next() {
                    if c == '\'' && chars.next_if_eq(&'\'').is_none() {
                        break;
                    }
                }
            }
            '-' if chars.peek() == Some(&'-') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' | '`' => {
                let mut name = String::new();
                while let Some(next) = chars.next() {
                    if next == c && (c == '`' || chars.next_if_eq(&'"').is_none()) {
                        break;
                    }
                    name.push(next);
                }
                tokens.push(SqlToken::Quoted(name));
            }
            '(' | ')' | ',' | ';' | '.' => tokens.push(SqlToken::Punct(c)),
            // ASCII only: table names are (see `sql_name`), and Unicode's case tables would
            // weigh on the page's first load.
            c if c.is_ascii_alphanumeric() || c == '_' => {
                let mut word = c.to_ascii_lowercase().to_string();
                while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '_') {
                    word.push(c.to_ascii_lowercase());
                }
                tokens.push(SqlToken::Word(word));
            }
            _ => {}
        }
    }
    tokens
}

/// A new SQL cell's name: `query_1`, or the first of `query_2`, `query_3`, … not `taken`.
pub fn fresh_query_name<'a>(taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("query_{n}"))
        .find(|name| !taken.clone().into_iter().any(|t| t == name))
        .unwrap_or_default()
}

/// The SQL cell's output: its result's first rows, once whoever runs the notebook has run the
/// query. `earlier` are the names of the SQL cells above it: two results cannot share a name.
pub(super) fn run_sql(
    cell: &SqlCell,
    earlier: &[&str],
    source: &dyn DataSource,
) -> Result<QueryOutput, Error> {
    if earlier
        .iter()
        .any(|name| table_name(&query_result_id(name)) == table_name(&cell.result_id()))
    {
        return Err(Error::SqlNameTaken {
            name: cell.name.clone(),
        });
    }
    let text = source
        .csv(&cell.result_id())
        .ok_or(Error::QueryResultMissing {
            name: cell.name.clone(),
        })?;
    let table = read_table(text)?;
    let shown = table.n_rows().min(QUERY_PREVIEW_ROWS);
    Ok(QueryOutput {
        rows: table.n_rows(),
        column_names: table.columns.iter().map(|c| c.name.clone()).collect(),
        preview: (0..shown)
            .map(|r| table.columns.iter().map(|c| c.display(r)).collect())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn a_query_reads_the_tables_it_names() {
        let loaded = ["file:Nilai Ujian.csv", "sql:per_species", "file:other.csv"];
        let query = "SELECT s.species, COUNT(*) FROM penguins AS s\n\
                     JOIN \"Nilai_Ujian\" ON 1 = 1 JOIN per_species USING (species)\n\
                     WHERE s.island <> 'titanic' GROUP BY 1";
        let mut tables = tables_for(query, loaded);
        tables.sort();
        assert_eq!(
            tables,
            ["file:Nilai Ujian.csv", "penguins", "sql:per_species"]
        );
        // A table named only inside a string, or as part of a longer word, is not read.
        assert!(tables_for("SELECT 'iris' AS irises FROM t", loaded).is_empty());
        assert_eq!(tables_for("select * from IRIS", []), ["iris"]);
        // A table named in a comment is not read (the SQL worker reads comments the same way).
        assert_eq!(
            tables_for("SELECT * FROM iris -- or penguins?", []),
            ["iris"]
        );
        assert_eq!(tables_for("SELECT * FROM `wine`", []), ["wine"]);
        // The notebook's own data comes before a shipped set of the same name.
        let own = ["file:iris.json", "sql:iris"];
        assert_eq!(tables_for("SELECT * FROM iris", own), ["sql:iris"]);
        assert_eq!(
            tables_for("SELECT * FROM iris", ["file:iris.json"]),
            ["file:iris.json"]
        );
    }

    #[test]
    fn new_queries_get_names_not_taken() {
        assert_eq!(fresh_query_name([]), "query_1");
        assert_eq!(fresh_query_name(["query_1", "query_3"]), "query_2");
    }

    #[test]
    fn the_cell_shows_its_result_or_says_it_has_none() {
        let cell = SqlCell {
            name: "counts".into(),
            query: "SELECT species, COUNT(*) AS n FROM penguins GROUP BY species".into(),
        };
        let mut data = HashMap::new();
        assert_eq!(
            run_sql(&cell, &[], &data),
            Err(Error::QueryResultMissing {
                name: "counts".into()
            })
        );
        data.insert(
            "sql:counts".to_string(),
            "species,n\nAdelie,152\nGentoo,124\n".to_string(),
        );
        let output = run_sql(&cell, &[], &data).unwrap();
        assert_eq!(output.rows, 2);
        assert_eq!(output.column_names, ["species", "n"]);
        assert_eq!(output.preview[1], ["Gentoo", "124"]);
        assert_eq!(
            run_sql(&cell, &["Counts"], &data),
            Err(Error::SqlNameTaken {
                name: "counts".into()
            })
        );
    }
}
