//! How much one query may make, checked before GlueSQL runs it: a query comes with a link from
//! anyone, and GlueSQL computes a result whole, in the worker's memory, before it can be
//! refused. Two kinds of query make far more than they read: functions told how much to make
//! (`SERIES(100000000)`, `REPEAT('x', 1e9)`, `LPAD`, `RPAD`), and joins, whose rows are up to
//! the product of their tables' rows. Both are bounded here from the query's words and the
//! tables' sizes; a result over the bound after all (a bound built from expressions, say) is
//! refused before it is written out.

use latih_engine::error::LimitedPart;
use latih_engine::notebook::{sql_tokens, SqlToken};
use latih_engine::Error;

/// Functions whose numeric arguments say how much they make (rows, or characters).
const MAKERS: &[&str] = &["series", "repeat", "lpad", "rpad"];

/// The most rows a query may go through or make, and characters a function may make: a few
/// hundred megabytes of the worker's memory at the very most.
pub const MAX_QUERY_ROWS: usize = 20_000_000;

fn over(found: f64) -> Result<(), Error> {
    if found > MAX_QUERY_ROWS as f64 {
        return Err(Error::OverLimit {
            part: LimitedPart::QueryRows,
            found: found.min(usize::MAX as f64) as usize,
            limit: MAX_QUERY_ROWS,
        });
    }
    Ok(())
}

/// Refuses `sql` if a function in it would make, or its joins go through, more than
/// [`MAX_QUERY_ROWS`]; `rows_of` gives a table's rows by its name.
pub fn check(sql: &str, rows_of: impl Fn(&str) -> Option<usize>) -> Result<(), Error> {
    let tokens = sql_tokens(sql);
    let word = |i: usize| match tokens.get(i) {
        Some(SqlToken::Word(w) | SqlToken::Quoted(w)) => Some(w.as_str()),
        _ => None,
    };
    let mut joined = 1.0f64;
    let mut tables = 0;
    for i in 0..tokens.len() {
        match word(i) {
            Some(maker)
                if MAKERS.contains(&maker) && tokens.get(i + 1) == Some(&SqlToken::Punct('(')) =>
            {
                over(made_by_call(&tokens[i + 1..]))?;
            }
            Some("from" | "join") => {
                if let Some(rows) = word(i + 1).and_then(&rows_of) {
                    joined *= rows as f64;
                    tables += 1;
                }
            }
            _ => {}
        }
    }
    if tables > 1 {
        over(joined)?;
    }
    Ok(())
}

/// A result of `rows` rows, refused when over the bound.
pub fn check_result(rows: usize) -> Result<(), Error> {
    over(rows as f64)
}

/// The product of the numbers inside the call that starts at `call` (its opening parenthesis):
/// what an expression of them can make at most, as far as the words tell.
fn made_by_call(call: &[SqlToken]) -> f64 {
    let mut depth = 0;
    let mut product = 1.0f64;
    for token in call {
        match token {
            SqlToken::Punct('(') => depth += 1,
            SqlToken::Punct(')') => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            SqlToken::Word(number) => {
                if let Ok(n) = number.parse::<f64>() {
                    product *= n.abs().max(1.0);
                }
            }
            _ => {}
        }
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(name: &str) -> Option<usize> {
        match name {
            "credit" => Some(4_454),
            "islands" => Some(3),
            _ => None,
        }
    }

    #[test]
    fn functions_told_to_make_too_much_are_refused_before_running() {
        for sql in [
            "SELECT * FROM SERIES(100000000)",
            "SELECT REPEAT('x', 1e9) FROM credit",
            "SELECT LPAD(name, 5000 * 5000) FROM credit",
            "select rpad('a', (100000) * (1000)) from credit",
        ] {
            assert!(
                matches!(
                    check(sql, rows),
                    Err(Error::OverLimit {
                        part: LimitedPart::QueryRows,
                        ..
                    })
                ),
                "{sql}"
            );
        }
        for sql in [
            "SELECT * FROM SERIES(1000)",
            "SELECT LPAD(name, 12, '0') FROM credit",
            "SELECT 'repeat(9999999999)' FROM credit", // a literal, not a call
        ] {
            assert!(check(sql, rows).is_ok(), "{sql}");
        }
    }

    #[test]
    fn joins_are_bounded_by_the_product_of_their_tables() {
        let self_join = "SELECT * FROM credit a JOIN credit b ON a.id = b.id";
        assert!(check(self_join, rows).is_ok(), "4,454² is under the bound");
        let triple = "SELECT * FROM credit JOIN credit ON TRUE JOIN credit ON TRUE";
        assert!(check(triple, rows).is_err());
        assert!(check("SELECT * FROM credit JOIN islands ON TRUE", rows).is_ok());
        assert!(check_result(MAX_QUERY_ROWS + 1).is_err());
        assert!(check_result(10).is_ok());
    }
}
