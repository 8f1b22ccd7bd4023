//! Notebooks in links. The part after `#nb=` in a shared URL is `<format>.<payload>`: the payload
//! is the notebook's JSON, compressed (raw DEFLATE) and written in URL-safe base64. The fragment
//! never reaches a server, so a shared notebook stays between the people who share it.
//!
//! A link is untrusted input: its length is limited before anything is decoded, decompression
//! stops at a limit (a small link must not inflate into gigabytes), and the notebook inside is
//! checked like any stored one. Links of every format this module ever wrote keep opening: each
//! format has a fixture link in tests/fixtures/links/.

use super::Notebook;
use crate::Error;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The format this version writes.
pub const LINK_FORMAT: u32 = 1;
/// The longest link payload read; longer ones are refused before decoding.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most bytes a link may inflate to.
pub const MAX_INFLATED_BYTES: usize = super::MAX_NOTEBOOK_BYTES;

/// The text to put after `#nb=`.
pub fn encode(notebook: &Notebook) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(notebook.to_json().as_bytes(), 9);
    format!("{LINK_FORMAT}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads the text after `#nb=` back into a notebook.
pub fn decode(link: &str) -> Result<Notebook, Error> {
    let link = link.trim();
    if link.len() > MAX_LINK_CHARS {
        return Err(Error::LinkTooLong {
            chars: link.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let (format, payload) = link.split_once('.').ok_or(Error::LinkDamaged)?;
    match format.parse::<u32>() {
        Ok(1) => {}
        Ok(found) if found > LINK_FORMAT => {
            return Err(Error::LinkFromNewerVersion { found });
        }
        _ => return Err(Error::LinkDamaged),
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| Error::LinkDamaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Error::LinkTooLong {
                chars: link.len(),
                limit: MAX_LINK_CHARS,
            },
            _ => Error::LinkDamaged,
        })?;
    let json = String::from_utf8(json).map_err(|_| Error::LinkDamaged)?;
    Notebook::from_json(&json)
}

/// The link part of a URL fragment (`#nb=…`), if the fragment is a notebook link.
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix("nb=")
}
