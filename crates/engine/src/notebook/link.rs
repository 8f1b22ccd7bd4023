//! Notebooks in links. The part after `#nb=` in a shared URL is `<format>.<payload>`: the payload
//! is JSON, compressed (raw DEFLATE) and written in URL-safe base64. The fragment never reaches a
//! server, so a shared notebook stays between the people who share it.
//!
//! Format 1 holds the notebook. Format 2 holds the notebook and the learner's own data: a small
//! file goes inline, a larger one by its name and a fingerprint, so that whoever opens the link
//! is asked for that file and told if the one they give is different. Links of notebooks on
//! shipped data sets only are still written in format 1.
//!
//! A link is untrusted input: its length is limited before anything is decoded, decompression
//! stops at a limit (a small link must not inflate into gigabytes), and the notebook inside is
//! checked like any stored one. Links of every format this module ever wrote keep opening: each
//! format has a fixture link in tests/fixtures/links/.

use super::{Cell, DataSource, Notebook};
use crate::datasets::user_file_name;
use crate::Error;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// The newest format this version writes (and the newest it reads).
pub const LINK_FORMAT: u32 = 2;
/// A learner's file up to this many bytes travels inside the link; a larger one by fingerprint.
pub const INLINE_DATA_BYTES: usize = 8 * 1024;
/// The longest link payload read; longer ones are refused before decoding.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most bytes a link may inflate to.
pub const MAX_INFLATED_BYTES: usize = super::MAX_NOTEBOOK_BYTES;

/// The text to put after `#nb=`.
/// What a link carries: the notebook and, for the learner's own files it uses, their text
/// (small ones) or their fingerprints ([`fingerprint`]), by data set id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    pub notebook: Notebook,
    #[serde(default)]
    pub data: Vec<(String, String)>,
    #[serde(default)]
    pub fingerprints: Vec<(String, String)>,
}

/// A file's fingerprint: its length and a 64-bit FNV-1a hash of its bytes, enough to tell a
/// different file from the one a link was made with (not a defence against forgery: a link is
/// shared by people who trust each other). Written here: it is five lines, and a hashing crate
/// would add to the app's first load for no gain.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in text.as_bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}-{hash:016x}", text.len())
}

/// The link of a notebook on shipped data sets only (format 1).
pub fn encode(notebook: &Notebook) -> String {
    deflated(1, &notebook.to_json())
}

/// The link of `notebook`, with the learner's own files it uses, read from `files`; a file not
/// found there goes by name only, as in format 1.
pub fn encode_with_data(notebook: &Notebook, files: &dyn DataSource) -> String {
    let mut shared = Shared {
        notebook: notebook.clone(),
        data: Vec::new(),
        fingerprints: Vec::new(),
    };
    // The files of data set cells, then those only SQL queries read.
    let mut used: Vec<String> = notebook
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Dataset(d) => Some(d.dataset.clone()),
            _ => None,
        })
        .collect();
    used.extend(
        files
            .ids()
            .into_iter()
            .filter(|id| uses(notebook, id))
            .map(str::to_string),
    );
    for dataset in used {
        let seen = shared
            .data
            .iter()
            .chain(&shared.fingerprints)
            .any(|(id, _)| *id == dataset);
        if user_file_name(&dataset).is_none() || seen {
            continue;
        }
        match files.csv(&dataset) {
            Some(text) if text.len() <= INLINE_DATA_BYTES => {
                let text = text.to_string();
                shared.data.push((dataset, text));
            }
            Some(text) => {
                let print = fingerprint(text);
                shared.fingerprints.push((dataset, print));
            }
            None => {}
        }
    }
    if shared.data.is_empty() && shared.fingerprints.is_empty() {
        return encode(notebook);
    }
    // Plain data: serialising cannot fail.
    deflated(2, &serde_json::to_string(&shared).unwrap_or_default())
}

/// `json` compressed and written as a link's text: `<format>.<URL-safe base64 of DEFLATE>`.
pub(crate) fn deflated(format: u32, json: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{format}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads the text after `#nb=` back into a notebook.
/// The notebook of a link of any format.
pub fn decode(link: &str) -> Result<Notebook, Error> {
    decode_shared(link).map(|shared| shared.notebook)
}

/// A link's text read back: its format, and its JSON, within the size limits. Formats up to
/// `newest` are read; a larger one is from a newer Latih.
pub(crate) fn inflated(link: &str, newest: u32) -> Result<(u32, String), Error> {
    let link = link.trim();
    if link.len() > MAX_LINK_CHARS {
        return Err(Error::LinkTooLong {
            chars: link.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let (format, payload) = link.split_once('.').ok_or(Error::LinkDamaged)?;
    let format = match format.parse::<u32>() {
        Ok(format @ 1..) if format <= newest => format,
        Ok(found) if found > newest => return Err(Error::LinkFromNewerVersion { found }),
        _ => return Err(Error::LinkDamaged),
    };
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
    Ok((format, json))
}

/// Everything a link of any format carries, checked.
pub fn decode_shared(link: &str) -> Result<Shared, Error> {
    let (format, json) = inflated(link, LINK_FORMAT)?;
    if format == 1 {
        return Notebook::from_json(&json).map(|notebook| Shared {
            notebook,
            data: Vec::new(),
            fingerprints: Vec::new(),
        });
    }
    // Format 2: the envelope; the notebook inside is checked as any stored one.
    let shared: Shared = serde_json::from_str(&json).map_err(|e| Error::NotebookUnreadable {
        message: e.to_string(),
    })?;
    let notebook = shared.notebook.checked()?;
    // Only the learner's own files, and only those the notebook uses.
    let wanted = |(id, _): &(String, String)| user_file_name(id).is_some() && uses(&notebook, id);
    Ok(Shared {
        data: shared.data.into_iter().filter(wanted).collect(),
        fingerprints: shared.fingerprints.into_iter().filter(wanted).collect(),
        notebook,
    })
}

/// Whether a data set cell reads `dataset`, or a SQL query names it as a table.
fn uses(notebook: &Notebook, dataset: &str) -> bool {
    notebook.cells.iter().any(|c| match c {
        Cell::Dataset(d) => d.dataset == dataset,
        Cell::Sql(sql) => !super::tables_of(&sql.query, [dataset]).is_empty(),
        _ => false,
    })
}

/// The link part of a URL fragment (`#nb=…`), if the fragment is a notebook link.
pub fn from_fragment(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix("nb=")
}
