//! JSON data in the two shapes APIs return and `pandas.read_json` reads by default: an array of
//! records (`[{"a": 1, "b": "x"}, …]`) or an object of columns (`{"a": [1, 2], "b": ["x", "y"]}`,
//! or pandas' own `{"a": {"0": 1, "1": 2}}`). Each value becomes a cell as the CSV reader's
//! would, so both kinds of file get the same type inference. Only `null` (or a key a record
//! lacks) is missing, as in pandas: in JSON the string "NA" is a string.

use super::csv_reader::{infer, unique_names};
use super::{Column, Table};
use crate::Error;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// Whether `text` is JSON rather than CSV: its first character (after a byte-order mark and
/// blanks) opens an array or an object, which no CSV header does in practice.
pub fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['[', '{'])
}

pub fn read_json(text: &str) -> Result<Table, Error> {
    let mut de = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    let (names, cells) = de.deserialize_any(TableVisitor).map_err(json_error)??;
    de.end().map_err(json_error)?;
    if names.is_empty() || cells.first().is_none_or(Vec::is_empty) {
        return Err(Error::EmptyTable);
    }
    let columns = unique_names(names)
        .into_iter()
        .zip(cells)
        .map(|(name, cells)| Column {
            name,
            data: infer(cells),
        })
        .collect();
    Ok(Table { columns })
}

/// Column names and each column's cells.
type Columns = (Vec<String>, Vec<Vec<Option<String>>>);

/// What a visitor gives for a plain value where it expected a container.
macro_rules! anything_else_is {
    ($value:expr) => {
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// Reads the table straight from the text with serde's visitors, without a JSON value tree in
/// between: a large file is held once as cells, not twice.
struct TableVisitor;

impl<'de> Visitor<'de> for TableVisitor {
    /// The shape's own errors (a record that is not an object, columns of unequal lengths) are
    /// the engine's, kept apart from serde_json's syntax errors.
    type Value = Result<Columns, Error>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records or an object of columns")
    }

    /// Records: the columns are every key any record has, in the order they first appear; a key
    /// a record lacks is a missing cell.
    fn visit_seq<A: SeqAccess<'de>>(self, mut records: A) -> Result<Self::Value, A::Error> {
        let mut names: Vec<String> = Vec::new();
        let mut cells: Vec<Vec<Option<String>>> = Vec::new();
        let mut row = 0;
        while let Some(record) = records.next_element_seed(RecordSeed)? {
            let Some(fields) = record else {
                while records.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Err(Error::JsonRecordNotObject { record: row + 1 }));
            };
            for (key, value) in fields {
                let column = match names.iter().position(|n| n == &key) {
                    Some(column) => column,
                    None => {
                        names.push(key);
                        cells.push(vec![None; row]);
                        names.len() - 1
                    }
                };
                // A key repeated within one record: the last value wins, as in pandas.
                cells[column].truncate(row);
                cells[column].push(value.0);
            }
            row += 1;
            cells.iter_mut().for_each(|c| c.resize(row, None));
        }
        Ok(Ok((names, cells)))
    }

    /// Columns: each an array of values, or an object from row labels to values (what pandas'
    /// `to_json` writes), read in the order written.
    fn visit_map<A: MapAccess<'de>>(self, mut columns: A) -> Result<Self::Value, A::Error> {
        let mut names = Vec::new();
        let mut cells: Vec<Vec<Option<String>>> = Vec::new();
        let mut problem = None;
        while let Some(name) = columns.next_key::<String>()? {
            let values = columns.next_value::<ColumnValues>()?.0;
            match (&values, cells.first()) {
                (None, _) => problem = problem.or(Some(Error::JsonNotATable)),
                (Some(values), Some(first)) if values.len() != first.len() => {
                    problem = problem.or(Some(Error::JsonColumnLengths {
                        column: name.clone(),
                        expected: first.len(),
                        found: values.len(),
                    }))
                }
                _ => {}
            }
            names.push(name);
            cells.push(values.unwrap_or_default());
        }
        Ok(problem.map_or(Ok((names, cells)), Err))
    }

    anything_else_is!(Err(Error::JsonNotATable));
}

/// One value as the text a CSV cell would hold; nested arrays and objects stay JSON text.
struct CellValue(Option<String>);

impl<'de> Deserialize<'de> for CellValue {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Cell;
        impl<'de> Visitor<'de> for Cell {
            type Value = CellValue;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_unit<E>(self) -> Result<CellValue, E> {
                Ok(CellValue(None))
            }
            fn visit_bool<E>(self, b: bool) -> Result<CellValue, E> {
                Ok(CellValue(Some(b.to_string())))
            }
            fn visit_i64<E>(self, x: i64) -> Result<CellValue, E> {
                Ok(CellValue(Some(x.to_string())))
            }
            fn visit_u64<E>(self, x: u64) -> Result<CellValue, E> {
                Ok(CellValue(Some(x.to_string())))
            }
            fn visit_f64<E>(self, x: f64) -> Result<CellValue, E> {
                Ok(CellValue(Some(x.to_string())))
            }
            fn visit_str<E>(self, s: &str) -> Result<CellValue, E> {
                Ok(CellValue(Some(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<CellValue, E> {
                Ok(CellValue(Some(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<CellValue, A::Error> {
                let nested = Value::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(CellValue(Some(nested.to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CellValue, A::Error> {
                let nested = Value::deserialize(MapAccessDeserializer::new(map))?;
                Ok(CellValue(Some(nested.to_string())))
            }
        }
        de.deserialize_any(Cell)
    }
}

/// A record's fields in the order written, or `None` when the record is not an object.
struct RecordSeed;

impl<'de> DeserializeSeed<'de> for RecordSeed {
    type Value = Option<Vec<(String, CellValue)>>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        struct Record;
        impl<'de> Visitor<'de> for Record {
            type Value = Option<Vec<(String, CellValue)>>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a record")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(field) = map.next_entry::<String, CellValue>()? {
                    fields.push(field);
                }
                Ok(Some(fields))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(None)
            }
            anything_else_is!(None);
        }
        de.deserialize_any(Record)
    }
}

/// One column of an object of columns: an array, or an object of row label → value, in the
/// order written; `None` for anything else.
struct ColumnValues(Option<Vec<Option<String>>>);

impl<'de> Deserialize<'de> for ColumnValues {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct Values;
        impl<'de> Visitor<'de> for Values {
            type Value = Option<Vec<Option<String>>>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a column")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut cells = Vec::new();
                while let Some(CellValue(cell)) = seq.next_element()? {
                    cells.push(cell);
                }
                Ok(Some(cells))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut cells = Vec::new();
                while let Some((IgnoredAny, CellValue(cell))) = map.next_entry()? {
                    cells.push(cell);
                }
                Ok(Some(cells))
            }
            anything_else_is!(None);
        }
        de.deserialize_any(Values).map(ColumnValues)
    }
}

fn json_error(err: serde_json::Error) -> Error {
    let message = err.to_string();
    // serde_json ends its message with " at line L column C"; the line is a field of its own.
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m)
        .to_string();
    Error::Json {
        line: err.line() as u64,
        column: err.column() as u64,
        message,
    }
}

/// Just the column names, without building the table: for the target picker, which runs in the
/// page. It walks the text with serde's visitors and keeps only keys, so it needs no JSON value
/// tree (and none of its code in the page's download).
pub fn read_json_header(text: &str) -> Result<Vec<String>, Error> {
    let mut de = serde_json::Deserializer::from_str(text.trim_start_matches('\u{feff}'));
    let names = de.deserialize_any(KeysVisitor).map_err(json_error)?;
    if names.is_empty() {
        return Err(Error::EmptyTable);
    }
    Ok(unique_names(names))
}

/// The keys of an object of columns, or every key of an array of records.
struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records or an object of columns")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut records: A) -> Result<Self::Value, A::Error> {
        let mut names: Vec<String> = Vec::new();
        while let Some(keys) = records.next_element_seed(RecordKeys)? {
            for key in keys {
                if !names.contains(&key) {
                    names.push(key);
                }
            }
        }
        Ok(names)
    }

    fn visit_map<A: MapAccess<'de>>(self, columns: A) -> Result<Self::Value, A::Error> {
        map_keys(columns)
    }
}

/// An object's keys, its values skipped unread.
fn map_keys<'de, A: MapAccess<'de>>(mut map: A) -> Result<Vec<String>, A::Error> {
    let mut keys = Vec::new();
    while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
        keys.push(key);
    }
    Ok(keys)
}

/// One record's keys (a record that is not an object has none).
struct RecordKeys;

impl<'de> serde::de::DeserializeSeed<'de> for RecordKeys {
    type Value = Vec<String>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Vec<String>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a record")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                map_keys(map)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Vec::new())
            }

            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }

            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }

            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }

            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }

            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }

            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
        }
        de.deserialize_any(Keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{ColumnData, ColumnType};

    #[test]
    fn records_and_columns_give_the_same_table() {
        let records = r#"[{"kota": "Bogor", "suhu": 25.5, "hujan": true},
                          {"kota": "Medan", "suhu": null, "hujan": false}]"#;
        let columns = r#"{"kota": ["Bogor", "Medan"], "suhu": [25.5, null],
                          "hujan": [true, false]}"#;
        let pandas_columns = r#"{"kota": {"0": "Bogor", "1": "Medan"},
                                 "suhu": {"0": 25.5, "1": null}, "hujan": {"0": true, "1": false}}"#;
        let table = read_json(records).unwrap();
        assert_eq!(read_json(columns).unwrap(), table);
        assert_eq!(read_json(pandas_columns).unwrap(), table);
        assert_eq!(
            table.columns[1].data,
            ColumnData::Numeric(vec![25.5, f64::NAN])
        );
        assert_eq!(table.columns[2].column_type(), ColumnType::Categorical);
        assert_eq!(table.columns[2].display(0), "true");
    }

    #[test]
    fn a_key_a_record_lacks_is_missing_and_new_keys_add_columns() {
        let table = read_json(r#"[{"a": 1}, {"b": "x"}, {"a": 3, "b": "NA"}]"#).unwrap();
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(
            table.columns[0].data,
            ColumnData::Numeric(vec![1.0, f64::NAN, 3.0])
        );
        // In JSON "NA" is text, as pandas reads it.
        assert_eq!(
            table.columns[1].data,
            ColumnData::Categorical(vec![None, Some("x".into()), Some("NA".into())])
        );
        assert_eq!(
            read_json_header(r#"[{"a": 1}, {"b": [1, {"c": 2}]}, 5]"#).unwrap(),
            ["a", "b"]
        );
        assert_eq!(
            read_json_header(r#"{"x": [1], "y": {"0": 2}}"#).unwrap(),
            ["x", "y"]
        );
    }

    #[test]
    fn what_is_not_a_table_is_refused_with_where_and_why() {
        assert_eq!(read_json("42"), Err(Error::JsonNotATable));
        assert_eq!(
            read_json(r#"[{"a": 1}, [1, 2]]"#),
            Err(Error::JsonRecordNotObject { record: 2 })
        );
        assert_eq!(
            read_json(r#"{"a": [1, 2], "b": [1]}"#),
            Err(Error::JsonColumnLengths {
                column: "b".into(),
                expected: 2,
                found: 1
            })
        );
        assert_eq!(read_json("[]"), Err(Error::EmptyTable));
        assert_eq!(read_json(r#"{"a": []}"#), Err(Error::EmptyTable));
        let Err(Error::Json { line, column, .. }) = read_json("[{\"a\": 1},\n {\"a\": }]") else {
            panic!("a syntax error is a Json error");
        };
        assert_eq!((line, column), (2, 8));
        assert!(matches!(
            read_json_header("{\"a\": [1,"),
            Err(Error::Json { .. })
        ));
    }

    #[test]
    fn json_is_told_from_csv_by_its_first_character() {
        assert!(looks_like_json("\u{feff}  [{\"a\": 1}]"));
        assert!(looks_like_json("\n{\"a\": [1]}"));
        assert!(!looks_like_json("a,b\n1,2\n"));
    }
}
