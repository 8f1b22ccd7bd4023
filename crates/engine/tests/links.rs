//! Shared links: they carry a notebook exactly, old formats keep opening, and hostile or broken
//! links are refused with a reason instead of crashing or running away with memory.

use latih_engine::models::{ModelSpec, RandomForestParams};
use latih_engine::notebook::link::{decode, encode, from_fragment, MAX_LINK_CHARS};
use latih_engine::notebook::{Cell, Notebook, TrainCell};
use latih_engine::Error;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/links/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap().trim().to_string()
}

#[test]
fn a_link_carries_the_notebook_exactly() {
    let mut nb = Notebook::starter("titanic", "survived");
    nb.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 12,
            seed: 123_456_789_012,
            ..Default::default()
        }),
    });
    let link = encode(&nb);
    assert!(link.starts_with("1."));
    assert!(
        link.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
        "URL-safe: {link}"
    );
    assert_eq!(decode(&link).unwrap(), nb);
    assert_eq!(from_fragment(&format!("#nb={link}")), Some(link.as_str()));
    assert_eq!(from_fragment("#section-2"), None);
}

#[test]
fn links_written_by_every_earlier_format_still_open() {
    // One fixture per link format; a new format adds a file, never replaces one.
    let expected = Notebook::from_json(&fixture("v1.json")).unwrap();
    assert_eq!(decode(&fixture("v1.link")).unwrap(), expected);
}

#[test]
fn broken_and_hostile_links_are_refused_with_a_reason() {
    let good = fixture("v1.link");
    let truncated = &good[..good.len() / 2];
    assert_eq!(decode(truncated), Err(Error::LinkDamaged));
    for nonsense in ["", "1", "1.", "x.abc", "1.!!!!", "-3.abc", "1.AAAA"] {
        assert!(decode(nonsense).is_err(), "{nonsense:?}");
    }
    // One character changed inside the payload.
    let mut altered: Vec<char> = good.chars().collect();
    let middle = altered.len() / 2;
    altered[middle] = if altered[middle] == 'A' { 'B' } else { 'A' };
    let altered: String = altered.into_iter().collect();
    assert!(decode(&altered).is_err());

    assert!(matches!(
        decode(&format!("1.{}", "A".repeat(MAX_LINK_CHARS))),
        Err(Error::LinkTooLong { .. })
    ));
    assert_eq!(
        decode(&format!("2.{}", &good[2..])),
        Err(Error::LinkFromNewerVersion { found: 2 })
    );
}

#[test]
fn a_small_link_that_would_inflate_past_the_limit_is_stopped() {
    use base64::Engine;
    // 8 MB of spaces compresses to a few KB: a decompression bomb.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 8 << 20], 9);
    let link = format!(
        "1.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb)
    );
    assert!(
        link.len() < MAX_LINK_CHARS,
        "the bomb fits in a link: {}",
        link.len()
    );
    assert!(matches!(decode(&link), Err(Error::LinkTooLong { .. })));
}
