//! A data file's bytes as text. Most files are UTF-8 (with or without a byte-order mark); older
//! spreadsheets and many government data portals still write Latin-1 (ISO 8859-1, or Windows'
//! 1252 close to it), where "é" is one byte that is not valid UTF-8. Such a file is read as
//! Latin-1, and the caller is told so, rather than refused or silently mangled.

/// The text, and whether it was read as Latin-1 because it was not UTF-8.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub latin1: bool,
}

pub fn decode_text(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            latin1: false,
        },
        // Every byte is a Latin-1 character: the code point with the byte's value.
        Err(_) => Decoded {
            text: bytes.iter().map(|&b| char::from(b)).collect(),
            latin1: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_stays_and_latin1_is_read_and_said() {
        let utf8 = decode_text("kota,suhu\nBogor,25\nZürich,9\n".as_bytes());
        assert_eq!(
            (utf8.text.as_str(), utf8.latin1),
            ("kota,suhu\nBogor,25\nZürich,9\n", false)
        );
        // "Zürich" as Latin-1 writes ü as the single byte 0xFC.
        let mut bytes = b"kota,suhu\nZ".to_vec();
        bytes.push(0xFC);
        bytes.extend_from_slice(b"rich,9\n");
        let latin1 = decode_text(&bytes);
        assert!(latin1.latin1);
        assert_eq!(latin1.text, "kota,suhu\nZürich,9\n");
        let table = crate::table::read_csv(&latin1.text).unwrap();
        assert_eq!(table.columns[0].display(0), "Zürich");
    }
}
