//! What several engine test files need: the data sets the site ships.

use std::collections::HashMap;

/// The CSV text of one shipped data set.
pub fn shipped_csv(dataset: &str) -> String {
    let path = format!(
        "{}/../../static/data/{dataset}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

/// Every shipped data set's CSV text by id, as the notebook's data source.
#[allow(dead_code)] // not every test file that includes this module needs all of it
pub fn shipped() -> HashMap<String, String> {
    latih_engine::datasets::DATASETS
        .iter()
        .map(|d| (d.id.to_string(), shipped_csv(d.id)))
        .collect()
}

/// A fixture written by a script in scripts/fixtures/, by file name.
#[allow(dead_code)]
pub fn fixture(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A JSON list of rows as a matrix.
#[allow(dead_code)]
pub fn matrix(rows: &serde_json::Value) -> latih_engine::features::Matrix {
    let rows: Vec<Vec<f64>> = serde_json::from_value(rows.clone()).unwrap();
    latih_engine::features::Matrix {
        rows: rows.len(),
        cols: rows[0].len(),
        data: rows.into_iter().flatten().collect(),
    }
}

/// `ours` within `relative` of scikit-learn's `theirs` (absolutely, for numbers below 1).
#[allow(dead_code)]
#[track_caller]
pub fn close(ours: f64, theirs: f64, relative: f64, what: &str) {
    assert!(
        (ours - theirs).abs() <= relative * theirs.abs().max(1.0),
        "{what}: latih {ours} vs scikit-learn {theirs}"
    );
}

/// Why Python cannot check an export here (it lacks `modules`), or `None` when it can. The
/// interpreter is `$PYTHON`, or python3.
#[allow(dead_code)]
pub fn python_lacks(modules: &str) -> Option<String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    match std::process::Command::new(&python)
        .args(["-c", &format!("import {modules}")])
        .output()
    {
        Ok(out) if out.status.success() => None,
        Ok(out) => Some(String::from_utf8_lossy(&out.stderr).trim().to_string()),
        Err(e) => Some(format!("{python}: {e}")),
    }
}

/// What `script` prints as JSON (a list of rows of numbers), run with a folder holding
/// `files` (name, bytes) as its one argument, and the encoded `rows` as rows.csv.
#[allow(dead_code)]
pub fn python_rows(
    script: &str,
    files: &[(&str, &[u8])],
    rows: &latih_engine::features::Matrix,
) -> Vec<Vec<f64>> {
    let csv: String = (0..rows.rows)
        .map(|r| {
            let row: Vec<String> = rows.row(r).iter().map(|v| format!("{v:?}")).collect();
            row.join(",") + "\n"
        })
        .collect();
    let mut files = files.to_vec();
    files.push(("rows.csv", csv.as_bytes()));
    serde_json::from_value(python_json(script, &files)).unwrap()
}

/// What `script` prints as JSON, run by Python with a folder holding `files` (name, bytes) as
/// its one argument.
#[allow(dead_code)]
pub fn python_json(script: &str, files: &[(&str, &[u8])]) -> serde_json::Value {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    json_printed_by(&python, &["-c", script], files)
}

/// What `program` prints as JSON, run with `args` and then a folder holding `files` (name,
/// bytes), in that folder.
#[allow(dead_code)]
pub fn json_printed_by(program: &str, args: &[&str], files: &[(&str, &[u8])]) -> serde_json::Value {
    // A folder of its own: tests run side by side.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("latih-run-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = std::process::Command::new(program)
        .args(args)
        .arg(&dir)
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (scripts/setup.sh installs it)"));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
