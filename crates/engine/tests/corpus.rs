//! The awkward-file corpus (tests/fixtures/awkward/, written by
//! scripts/fixtures/make_awkward_corpus.py): every file reads into the table expected of it or
//! fails with the error expected of it, location included. The errors' words in both languages
//! are checked by the i18n crate's catalog tests, for every variant.

use latih_engine::table::{decode_text, read_header, read_table, ColumnType};
use serde_json::Value;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/awkward")
}

fn type_name(t: ColumnType) -> &'static str {
    match t {
        ColumnType::Numeric => "numeric",
        ColumnType::Categorical => "categorical",
        ColumnType::Text => "text",
    }
}

#[test]
fn every_awkward_file_gives_its_table_or_its_error_with_a_location() {
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    assert!(
        expected.len() >= 30,
        "the corpus holds {} files",
        expected.len()
    );
    for (name, outcome) in &expected {
        let bytes = std::fs::read(corpus().join(name)).unwrap();
        let decoded = decode_text(&bytes);
        let read = read_table(&decoded.text);
        match (read, outcome.get("table"), outcome.get("error")) {
            (Ok(table), Some(want), None) => {
                let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
                let types: Vec<&str> = table
                    .columns
                    .iter()
                    .map(|c| type_name(c.column_type()))
                    .collect();
                assert_eq!(
                    table.n_rows() as u64,
                    want["rows"].as_u64().unwrap(),
                    "{name}: rows"
                );
                assert_eq!(
                    names,
                    want["columns"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap())
                        .collect::<Vec<_>>(),
                    "{name}: columns"
                );
                assert_eq!(
                    types,
                    want["types"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap())
                        .collect::<Vec<_>>(),
                    "{name}: types"
                );
                assert_eq!(
                    decoded.latin1,
                    want["latin1"].as_bool().unwrap(),
                    "{name}: Latin-1"
                );
                // The page's column picker reads the same names without the rows.
                assert_eq!(read_header(&decoded.text).unwrap(), names, "{name}: header");
            }
            (Err(err), None, Some(want)) => {
                assert_eq!(&serde_json::to_value(&err).unwrap(), want, "{name}: error");
            }
            (got, _, _) => panic!("{name}: got {got:?}, expected {outcome}"),
        }
    }
}
