//! The app reads a file's column names with the engine's own small reader (the csv crate stays
//! out of the first load); it must agree with the csv crate, which reads the whole file in the
//! worker, whatever the delimiter, the quoting and the line endings.

use latih_engine::table::{read_csv, read_csv_header, sniff_delimiter};
use proptest::prelude::*;

/// A table written by the csv crate with `delimiter`, quoting what needs it.
fn written(rows: &[Vec<String>], delimiter: u8, crlf: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

fn cell() -> impl Strategy<Value = String> {
    // Names and values with the characters that make quoting matter.
    "[a-z]{1,4}([ ,;|\\t\"\\n][a-z]{1,3})?"
}

proptest! {
    #[test]
    fn the_small_reader_agrees_with_the_csv_crate(
        columns in 2usize..5,
        seed_rows in proptest::collection::vec(proptest::collection::vec(cell(), 5), 1..6),
        delimiter in prop::sample::select(vec![b',', b';', b'\t', b'|']),
        crlf in any::<bool>(),
    ) {
        let rows: Vec<Vec<String>> = seed_rows.iter().map(|r| r[..columns].to_vec()).collect();
        let text = written(&rows, delimiter, crlf);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sniff_delimiter(&text))
            .from_reader(text.as_bytes());
        let by_crate: Vec<String> =
            reader.headers().unwrap().iter().map(|h| h.trim().to_string()).collect();
        let small = read_csv_header(&text).unwrap();
        prop_assert_eq!(small.len(), by_crate.len());
        // The names the app shows are the table's columns (repeated ones made unique alike).
        // (A header alone is an empty table, with no columns to compare.)
        if let Ok(table) = read_csv(&text) {
            let names: Vec<String> = table.columns.into_iter().map(|c| c.name).collect();
            prop_assert_eq!(&small, &names);
        }
        for (name, raw) in small.iter().zip(&by_crate) {
            prop_assert!(name.starts_with(raw.as_str()), "{} from {}", name, raw);
        }
    }
}

#[test]
fn a_quoted_header_with_the_delimiter_inside_is_one_name() {
    let text = "\"name; full\";age\nAni;20\nBudi;21\n";
    assert_eq!(sniff_delimiter(text), b';');
    assert_eq!(read_csv_header(text).unwrap(), ["name; full", "age"]);
    let table = read_csv(text).unwrap();
    assert_eq!(table.columns[0].name, "name; full");
    assert_eq!(
        read_csv_header("\u{feff}a,b\r\n1,2\r\n").unwrap(),
        ["a", "b"]
    );
}

#[test]
fn shipped_headers_read_alike() {
    for d in latih_engine::datasets::DATASETS {
        let text = std::fs::read_to_string(format!(
            "{}/../../static/data/{}.csv",
            env!("CARGO_MANIFEST_DIR"),
            d.id
        ))
        .unwrap();
        let names: Vec<String> = read_csv(&text)
            .unwrap()
            .columns
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert_eq!(read_csv_header(&text).unwrap(), names, "{}", d.id);
    }
}
