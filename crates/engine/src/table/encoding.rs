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
    // UTF-16 says so with its byte-order mark (Excel's "Unicode text" export does).
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, unit)) = utf16 {
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        let text = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return Decoded {
            text,
            latin1: false,
        };
    }
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

    #[test]
    fn utf16_with_its_byte_order_mark_is_read_either_way_round() {
        let text = "kota,suhu\nZürich,9\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for bytes in [le, be] {
            let decoded = decode_text(&bytes);
            assert_eq!((decoded.text.as_str(), decoded.latin1), (text, false));
        }
    }
}
