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
    // Format 2: a learner's own small file inside, and a locked cell.
    let expected: latih_engine::notebook::link::Shared =
        serde_json::from_str(&fixture("v2.json")).unwrap();
    let shared = latih_engine::notebook::link::decode_shared(&fixture("v2.link")).unwrap();
    assert_eq!(shared, expected);
    assert_eq!(shared.data.len(), 1);
    assert!(shared.notebook.is_locked(1));
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
        decode(&format!("3.{}", &good[2..])),
        Err(Error::LinkFromNewerVersion { found: 3 })
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

/// A notebook on the learner's own file `file:<name>`, with its data source.
fn on_own_file(name: &str, csv: &str) -> (Notebook, std::collections::HashMap<String, String>) {
    let id = latih_engine::datasets::user_dataset_id(name);
    let mut nb = Notebook::starter(&id, "species");
    nb.add_note();
    let data = std::collections::HashMap::from([(id, csv.to_string())]);
    (nb, data)
}

#[test]
fn a_small_own_file_travels_in_the_link_and_a_large_one_by_fingerprint() {
    use latih_engine::notebook::link::{decode_shared, encode_with_data, fingerprint};
    let shipped = |name: &str| {
        let path = format!(
            "{}/../../static/data/{name}.csv",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(path).unwrap()
    };
    let small = shipped("iris");
    let (nb, data) = on_own_file("mine.csv", &small);
    let link = encode_with_data(&nb, &data);
    assert!(link.starts_with("2."), "{link}");
    let shared = decode_shared(&link).unwrap();
    assert_eq!(shared.notebook, nb);
    assert_eq!(shared.data, [("file:mine.csv".to_string(), small.clone())]);
    assert!(shared.fingerprints.is_empty());
    assert_eq!(
        decode(&link).unwrap(),
        nb,
        "every reader of links gets the notebook"
    );

    let large = shipped("wine");
    assert!(large.len() > latih_engine::notebook::link::INLINE_DATA_BYTES);
    let (nb, data) = on_own_file("big.csv", &large);
    let shared = decode_shared(&encode_with_data(&nb, &data)).unwrap();
    assert!(shared.data.is_empty());
    assert_eq!(
        shared.fingerprints,
        [("file:big.csv".to_string(), fingerprint(&large))]
    );
    // One changed character is another file.
    assert_ne!(
        fingerprint(&large),
        fingerprint(&large.replacen('1', "2", 1))
    );

    // Shipped data sets only, or a file this browser does not have: format 1, as before.
    let shipped = Notebook::starter("iris", "species");
    assert!(encode_with_data(&shipped, &data).starts_with("1."));
    let (nb, _) = on_own_file("elsewhere.csv", "");
    let none = std::collections::HashMap::<String, String>::new();
    assert!(encode_with_data(&nb, &none).starts_with("1."));
}

#[test]
fn a_link_cannot_slip_in_data_the_notebook_does_not_use() {
    use base64::Engine;
    use latih_engine::notebook::link::{decode_shared, Shared};
    let (nb, _) = on_own_file("mine.csv", "");
    let forged = Shared {
        notebook: nb.clone(),
        data: vec![
            ("file:mine.csv".into(), "a,species\n1,x\n".into()),
            ("file:other.csv".into(), "b\n2\n".into()),
            ("iris".into(), "not,iris\n".into()),
        ],
        fingerprints: vec![("file:nope.csv".into(), "1-00".into())],
    };
    let json = serde_json::to_string(&forged).unwrap();
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 6);
    let link = format!(
        "2.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
    );
    let shared = decode_shared(&link).unwrap();
    assert_eq!(shared.data.len(), 1);
    assert_eq!(shared.data[0].0, "file:mine.csv");
    assert!(shared.fingerprints.is_empty());

    // A format 2 envelope that is not one, and a notebook inside from a newer Latih.
    let not_envelope = miniz_oxide::deflate::compress_to_vec(br#"{"cells":[]}"#, 6);
    let link = format!(
        "2.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(not_envelope)
    );
    assert!(matches!(
        decode_shared(&link),
        Err(Error::NotebookUnreadable { .. })
    ));
    let newer = json.replace(r#""version":1"#, r#""version":99"#);
    let link = format!(
        "2.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .encode(miniz_oxide::deflate::compress_to_vec(newer.as_bytes(), 6))
    );
    assert!(matches!(
        decode_shared(&link),
        Err(Error::UnsupportedNotebookVersion { found: 99, .. })
    ));
}

#[test]
fn a_file_that_only_a_sql_query_reads_travels_in_the_link_too() {
    use latih_engine::notebook::link::{decode_shared, encode_with_data};
    let mut nb = Notebook::starter("sql:query_1", "kelas");
    nb.add_sql();
    if let latih_engine::notebook::Cell::Sql(sql) = &mut nb.cells[0] {
        sql.query = "SELECT * FROM nilai_ujian WHERE nilai > 60".into();
    }
    let grades = "nama,nilai,kelas\nAni,80,A\nBudi,55,B\n".to_string();
    let data = std::collections::HashMap::from([
        ("file:Nilai Ujian.csv".to_string(), grades.clone()),
        ("file:unused.csv".to_string(), "x\n1\n".to_string()),
        (
            "sql:query_1".to_string(),
            "nama,nilai,kelas\nAni,80,A\n".to_string(),
        ),
    ]);
    let shared = decode_shared(&encode_with_data(&nb, &data)).unwrap();
    // The query's file, not the file nobody reads, nor the result (the query makes it again).
    assert_eq!(shared.data, [("file:Nilai Ujian.csv".to_string(), grades)]);
    assert_eq!(shared.notebook, nb);
}
