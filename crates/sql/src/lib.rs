//! SQL over the tables a notebook has loaded: each data set becomes a table of GlueSQL's
//! in-memory storage (numbers as FLOAT, everything else as TEXT, missing values as NULL), the
//! query runs, and its result comes back as CSV text, which the notebook then reads like any
//! data file. One SELECT per query: the tables are the notebook's data, not a database to change.

use gluesql::core::ast::Statement;
use gluesql::core::data::Value;
use gluesql::core::store::StoreMut;
use gluesql::prelude::{Glue, MemoryStorage, Payload};
mod limits;
mod names;

pub use latih_engine::datasets::table_name;
use latih_engine::datasets::DATASETS;
use latih_engine::notebook::tables_of;
#[cfg(not(target_arch = "wasm32"))]
use latih_engine::notebook::{Cell, Notebook};
use latih_engine::table::{present, read_table, ColumnData, Table};
use latih_engine::Error;
use std::collections::HashMap;
#[cfg(not(target_arch = "wasm32"))]
use std::{sync::mpsc, time::Duration};

/// Runs `sql` (one SELECT) over the data sets of `data` (id → text) that it names, each under
/// its [`table_name`].
pub fn query_data(data: &HashMap<String, String>, sql: &str) -> Result<String, Error> {
    let mut tables = Vec::new();
    for id in tables_of(sql, data.keys().map(String::as_str)) {
        let text = data.get(&id).map_or("", String::as_str);
        tables.push((table_name(&id), read_table(text)?));
    }
    let named: Vec<(String, &Table)> = tables.iter().map(|(n, t)| (n.clone(), t)).collect();
    query(&named, sql)
}

/// [`query_data`], given up after `limit` with [`Error::QueryTimedOut`]. GlueSQL cannot be
/// interrupted, so the query runs on a thread of its own (with a copy of the tables it reads),
/// which an overrun leaves behind: for a command that ends soon after, as `latih` does. (Not in
/// the browser, which has no threads: the page replaces its SQL worker instead.)
#[cfg(not(target_arch = "wasm32"))]
pub fn query_data_within(
    data: &HashMap<String, String>,
    sql: &str,
    limit: Duration,
) -> Result<String, Error> {
    let read: HashMap<String, String> = tables_of(sql, data.keys().map(String::as_str))
        .into_iter()
        .filter_map(|id| data.get(&id).map(|text| (id, text.clone())))
        .collect();
    let sql = sql.to_string();
    let (answer, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = answer.send(query_data(&read, &sql));
    });
    result.recv_timeout(limit).unwrap_or_else(|_| {
        Err(Error::QueryTimedOut {
            seconds: limit.as_secs().try_into().unwrap_or(u32::MAX),
        })
    })
}

/// Runs the notebook's SQL cells in order, each over `data` and the results before it, and adds
/// each result to `data` as its cell's data set (`sql:<name>`); each stops after `limit`. Gives
/// the errors, by cell.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_queries(
    notebook: &Notebook,
    data: &mut HashMap<String, String>,
    limit: Duration,
) -> Vec<(usize, Error)> {
    let mut failed = Vec::new();
    for (index, cell) in notebook.cells.iter().enumerate() {
        if let Cell::Sql(sql) = cell {
            match query_data_within(data, &sql.query, limit) {
                Ok(csv) => {
                    data.insert(sql.result_id(), csv);
                }
                Err(e) => failed.push((index, e)),
            }
        }
    }
    failed
}

/// Runs `sql` (one SELECT) over `tables` (name, table) and gives its result as CSV text.
pub fn query(tables: &[(String, &Table)], sql: &str) -> Result<String, Error> {
    let failed = |e: gluesql::prelude::Error| Error::Sql {
        message: e.to_string(),
    };
    let statements = gluesql::core::parse_sql::parse(sql).map_err(failed)?;
    let [statement] = statements.as_slice() else {
        return Err(Error::SqlNotOneSelect);
    };
    // A statement GlueSQL cannot take (a comma join, say) is its message, not "not a SELECT".
    match gluesql::core::translate::translate(statement) {
        Ok(Statement::Query(_)) => {}
        Ok(_) => return Err(Error::SqlNotOneSelect),
        Err(e) => return Err(failed(e)),
    }
    let known: Vec<&str> = tables.iter().map(|(name, _)| name.as_str()).collect();
    if let Some(name) = names::referenced_tables(sql)
        .into_iter()
        .find(|name| !known.contains(&name.as_str()))
    {
        let shipped = DATASETS.iter().map(|d| d.id);
        let suggestion = names::closest(&name, known.iter().copied().chain(shipped));
        return Err(Error::SqlUnknownTable { name, suggestion });
    }
    limits::check(sql, |name| {
        tables
            .iter()
            .find(|(table, _)| table == name)
            .map(|(_, t)| t.n_rows())
    })?;
    let mut glue = Glue::new(MemoryStorage::default());
    for (name, table) in tables {
        load(&mut glue, name, table).map_err(failed)?;
    }
    let payloads = glue.execute(sql).map_err(failed)?;
    match payloads.into_iter().next() {
        Some(Payload::Select { labels, rows }) => {
            limits::check_result(rows.len())?;
            Ok(to_csv(&labels, &rows))
        }
        _ => Err(Error::SqlNotOneSelect),
    }
}

fn load(glue: &mut Glue<MemoryStorage>, name: &str, table: &Table) -> gluesql::prelude::Result<()> {
    let columns: Vec<String> = table
        .columns
        .iter()
        .map(|c| {
            let kind = match c.data {
                ColumnData::Numeric(_) => "FLOAT",
                _ => "TEXT",
            };
            format!("{} {kind} NULL", quoted(&c.name))
        })
        .collect();
    glue.execute(format!(
        "CREATE TABLE {} ({});",
        quoted(name),
        columns.join(", ")
    ))?;
    let rows = (0..table.n_rows())
        .map(|r| {
            table
                .columns
                .iter()
                .map(|c| match &c.data {
                    ColumnData::Numeric(v) => present(v[r]).map_or(Value::Null, Value::F64),
                    ColumnData::Categorical(v) | ColumnData::Text(v) => {
                        v[r].clone().map_or(Value::Null, Value::Str)
                    }
                })
                .collect()
        })
        .collect();
    glue.storage.append_data(name, rows)
}

/// An identifier in double quotes, so that any column name works.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn to_csv(labels: &[String], rows: &[Vec<Value>]) -> String {
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) || text != text.trim() {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    };
    let mut csv = labels
        .iter()
        .map(|l| field(l))
        .collect::<Vec<_>>()
        .join(",");
    csv.push('\n');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|value| match value {
                Value::Null => String::new(),
                Value::Str(s) => field(s),
                Value::F64(x) => x.to_string(),
                other => field(&String::from(other)),
            })
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    csv
}
