//! The hostile-link corpus (tests/fixtures/hostile/, written by
//! scripts/fixtures/make_hostile_corpus.py, issue 18): links a stranger could send. Each is
//! refused with the error expected of it, or opens and runs with each listed cell giving its
//! expected error or a result. Every link is opened and run on a thread with a small stack, as
//! in the browser, so a recursion that only a native stack survives fails here.

use latih_engine::notebook::evaluate;
use latih_engine::notebook::link::decode_shared;
use latih_engine::Error;
use serde_json::Value;
use std::path::PathBuf;

mod common;
use common::shipped;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// An error's variant name, as expected.json writes it.
fn variant(error: &Error) -> String {
    let debug = format!("{error:?}");
    debug
        .split([' ', '(', '{'])
        .next()
        .unwrap_or_default()
        .to_string()
}

/// What opening and running `link` gave: the error refusing it, or each cell's variant name
/// (`ok` for a result).
fn open_and_run(link: String) -> Result<Vec<String>, String> {
    let shared = decode_shared(&link).map_err(|e| variant(&e))?;
    let mut data = shipped();
    data.extend(shared.data);
    Ok(evaluate(&shared.notebook, &data)
        .iter()
        .map(|output| match output {
            Ok(_) => "ok".to_string(),
            Err(error) => variant(error),
        })
        .collect())
}

#[test]
fn every_hostile_link_is_refused_or_runs_to_its_expected_outcome() {
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("expected.json")).unwrap())
            .unwrap();
    assert!(expected.len() >= 20, "{} links", expected.len());
    for (name, outcome) in &expected {
        let link = std::fs::read_to_string(corpus().join(name)).unwrap();
        let small_stack = std::thread::Builder::new().stack_size(512 * 1024);
        let got = small_stack
            .spawn(move || open_and_run(link))
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{name} panicked"));
        match (outcome.get("error"), &got) {
            (Some(want), Err(error)) => assert_eq!(want, error, "{name}"),
            (Some(want), Ok(_)) => panic!("{name} opened; it must be refused with {want}"),
            (None, Err(error)) => panic!("{name} was refused with {error}"),
            (None, Ok(cells)) => {
                let wanted = outcome["cells"].as_object().unwrap();
                for (index, want) in wanted {
                    let index: usize = index.parse().unwrap();
                    assert_eq!(
                        cells.get(index).map(String::as_str),
                        want.as_str(),
                        "{name}, cell {index}: {cells:?}"
                    );
                }
            }
        }
    }
}
