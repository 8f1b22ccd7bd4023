//! CSV → [`Table`] with per-column type inference. Uses the `csv` crate for the format itself
//! (quotes, embedded newlines, CRLF); what is ours is deciding what each column holds.

use super::{Column, ColumnData, Table};
use crate::Error;

/// Cells that mean "no value", as pandas' `read_csv` treats them by default (a subset).
pub(crate) const MISSING_MARKERS: &[&str] =
    &["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"];

/// A string column with more distinct values than this, and more than half as many as rows,
/// is free text (names, ids), not a category.
pub(crate) const MAX_CATEGORY_LEVELS: usize = 50;

/// The delimiters files come with: comma, semicolon (spreadsheets where the comma is the decimal
/// separator, as in Indonesia), tab and pipe.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Records looked at to guess the delimiter.
const SNIFF_RECORDS: usize = 20;

/// The first records of `text` split on `delimiter`, the way the csv crate splits them (double
/// quotes around fields, `""` for a quote inside, line breaks inside quotes, CRLF or LF).
///
/// Written here rather than taken from the csv crate so that the app's first load, which needs
/// only a file's column names, does not carry the crate (the worker reads whole files with it).
fn first_records(text: &str, delimiter: char, limit: usize) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    // A quote opens quoting only at the start of a field; elsewhere it is a character.
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if at_start => quoted = true,
            c if c == delimiter && !quoted => {
                record.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
                if records.len() == limit {
                    return records;
                }
                continue;
            }
            c => field.push(c),
        }
        at_start = false;
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// The delimiter that splits the first records into the same number of fields, more than one
/// (the most fields wins; a comma when it ties or when nothing does). A delimiter inside quotes
/// does not count.
pub fn sniff_delimiter(text: &str) -> u8 {
    DELIMITERS
        .iter()
        .filter_map(|&d| {
            let counts: Vec<usize> = first_records(text, char::from(d), SNIFF_RECORDS)
                .iter()
                .map(Vec::len)
                .collect();
            let first = *counts.first()?;
            (first > 1 && counts.iter().all(|&n| n == first)).then_some((first, d))
        })
        .max_by_key(|&(fields, d)| (fields, d == b','))
        .map_or(b',', |(_, d)| d)
}

pub fn read_csv(text: &str) -> Result<Table, Error> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
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
    let delimiter = char::from(sniff_delimiter(text));
    let header = first_records(text, delimiter, 1)
        .pop()
        .ok_or(Error::EmptyTable)?;
    Ok(header.iter().map(|h| h.trim().to_string()).collect())
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
mod sniffing {
    use super::*;

    #[test]
    fn the_delimiter_that_splits_every_line_alike_is_found() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n\"x|y\"|2\n"), b'|');
        // A comma inside quotes does not make the file comma-separated.
        assert_eq!(sniff_delimiter("name;note\nAni;\"a, b, c\"\n"), b';');
        // One column, or nothing consistent: the comma.
        assert_eq!(sniff_delimiter("value\n1\n2\n"), b',');
        assert_eq!(sniff_delimiter(""), b',');
    }

    #[test]
    fn a_semicolon_file_reads_like_its_comma_twin() {
        let comma = read_csv("x,y,label\n1,2,a\n3,4,b\n").unwrap();
        let semicolon = read_csv("x;y;label\n1;2;a\n3;4;b\n").unwrap();
        assert_eq!(comma, semicolon);
        assert_eq!(
            read_csv_header("x\ty\tlabel\n1\t2\ta\n").unwrap(),
            ["x", "y", "label"]
        );
    }
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
