//! A zip of a few files, deflated. Written here rather than with the `zip` crate: that crate
//! (with flate2) added about 60 KB to the worker that every learner on a phone downloads, for
//! what is three fixed headers per file; deflate is miniz_oxide, already in the engine for the
//! share links. The tests read the result back with the `zip` crate and Python's zipfile.

/// CRC-32 (IEEE), as zip files check their contents.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The zip archive of `files` (name, bytes), in order.
pub(crate) fn zip_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    // Every file: version 2.0, UTF-8 names (flag 11), deflated (8), dated 1980-01-01.
    const VERSION: u16 = 20;
    const UTF8_NAMES: u16 = 1 << 11;
    const DEFLATED: u16 = 8;
    const DATE: u16 = (1 << 5) | 1;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, bytes) in files {
        let packed = miniz_oxide::deflate::compress_to_vec(bytes, 6);
        let offset = out.len() as u32;
        let (crc, packed_len, len) = (crc32(bytes), packed.len() as u32, bytes.len() as u32);
        let common = |h: &mut Vec<u8>| {
            h.extend(VERSION.to_le_bytes());
            h.extend(UTF8_NAMES.to_le_bytes());
            h.extend(DEFLATED.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // time
            h.extend(DATE.to_le_bytes());
            h.extend(crc.to_le_bytes());
            h.extend(packed_len.to_le_bytes());
            h.extend(len.to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra field
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut out);
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(VERSION.to_le_bytes()); // made by
        common(&mut central);
        central.extend([0u8; 6]); // comment, disk, internal attributes
        central.extend(0u32.to_le_bytes()); // external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let (at, size, count) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]); // this disk, the central directory's disk
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_checksum() {
        // The standard check value of CRC-32.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
