//! CSV → [`Table`] with per-column type inference. Uses the `csv` crate for the format itself
//! (quotes, embedded newlines, CRLF); what is ours is deciding what each column holds.

use super::{Column, ColumnData, Table};
use crate::Error;

/// Cells that mean "no value", as pandas' `read_csv` treats them by default (a subset).
const MISSING_MARKERS: &[&str] = &["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"];

/// A string column with more distinct values than this, and more than half as many as rows,
/// is free text (names, ids), not a category.
const MAX_CATEGORY_LEVELS: usize = 50;

pub fn read_csv(text: &str) -> Result<Table, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if headers.is_empty() || headers.iter().all(String::is_empty) {
        return Err(Error::EmptyTable);
    }
    let mut raw: Vec<Vec<Option<String>>> = vec![Vec::new(); headers.len()];
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        for (column, cell) in raw.iter_mut().zip(record.iter()) {
            let cell = cell.trim();
            column.push((!MISSING_MARKERS.contains(&cell)).then(|| cell.to_string()));
        }
    }
    if raw[0].is_empty() {
        return Err(Error::EmptyTable);
    }
    let columns = headers
        .into_iter()
        .zip(raw)
        .map(|(name, cells)| Column {
            name,
            data: infer(cells),
        })
        .collect();
    Ok(Table { columns })
}

/// Just the column names, without reading the rows: for pickers that must work even when the
/// data itself is unusable.
pub fn read_csv_header(text: &str) -> Result<Vec<String>, Error> {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(csv_error)?;
    Ok(headers.iter().map(|h| h.trim().to_string()).collect())
}

fn infer(cells: Vec<Option<String>>) -> ColumnData {
    let numbers: Option<Vec<Option<f64>>> = cells
        .iter()
        .map(|c| match c {
            None => Some(None),
            Some(s) => s.parse::<f64>().ok().filter(|x| x.is_finite()).map(Some),
        })
        .collect();
    match numbers {
        Some(values) if values.iter().any(Option::is_some) => ColumnData::Numeric(values),
        _ => {
            let mut distinct: Vec<&str> = cells.iter().flatten().map(String::as_str).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() > MAX_CATEGORY_LEVELS && distinct.len() * 2 > cells.len() {
                ColumnData::Text(cells)
            } else {
                ColumnData::Categorical(cells)
            }
        }
    }
}

fn csv_error(err: csv::Error) -> Error {
    let line = err.position().map_or(0, |p| p.line());
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields, found {len}"),
        _ => err.to_string(),
    };
    Error::Csv { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ColumnType;

    #[test]
    fn infers_numeric_categorical_and_text_columns() {
        let mut text = String::from("id,size,colour\n");
        for i in 0..120 {
            let colour = ["red", "blue"][i % 2];
            text += &format!("\"person, {i}\",{}.5,{colour}\n", i % 7);
        }
        let table = read_csv(&text).unwrap();
        let types: Vec<ColumnType> = table.columns.iter().map(|c| c.column_type()).collect();
        assert_eq!(
            types,
            [
                ColumnType::Text,
                ColumnType::Numeric,
                ColumnType::Categorical
            ]
        );
        assert_eq!(table.n_rows(), 120);
        assert_eq!(table.columns[0].display(3), "person, 3");
    }

    #[test]
    fn missing_markers_become_missing_and_keep_the_column_numeric() {
        let table = read_csv("a,b\n1,x\nNA,y\n?,\n4.5,z\n").unwrap();
        assert_eq!(
            table.columns[0].data,
            ColumnData::Numeric(vec![Some(1.0), None, None, Some(4.5)])
        );
        assert!(table.columns[1].is_missing(2));
    }

    #[test]
    fn ragged_row_is_an_error_with_its_line() {
        let err = read_csv("a,b\n1,2\n3\n").unwrap_err();
        assert!(matches!(err, Error::Csv { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn header_is_read_even_when_rows_are_broken() {
        assert_eq!(read_csv_header("a, b\n1\n").unwrap(), ["a", "b"]);
    }

    #[test]
    fn header_only_or_empty_input_is_an_empty_table() {
        assert_eq!(read_csv("a,b\n"), Err(Error::EmptyTable));
        assert_eq!(read_csv(""), Err(Error::EmptyTable));
    }

    #[test]
    fn drop_incomplete_rows_counts_what_it_dropped_per_column() {
        let table = read_csv("a,b,c\n1,x,\nNA,y,\n3,,\n4,z,\n").unwrap();
        let (kept, dropped) = table.drop_incomplete_rows(&["a", "b"]);
        assert_eq!(kept.n_rows(), 2);
        assert_eq!(dropped.rows, 2);
        assert_eq!(
            dropped.missing_by_column,
            vec![("a".to_string(), 1), ("b".to_string(), 1)]
        );
    }
}
