//! The CLI runs notebooks with the browser's engine: its numbers are the engine's, for a saved
//! notebook and for a shared link alike, and bad input is a message and a failing exit code.

use latih_engine::notebook::{evaluate, link, CellOutput, Notebook};
use serde_json::Value;
use std::collections::HashMap;
use std::process::Command;

mod common;
use common::serve;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../engine/tests/fixtures/links/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn latih(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_latih"))
        .args(args)
        .output()
        .unwrap()
}

fn temp_file(name: &str, text: &str) -> String {
    // Under target/tmp, not the system's temporary folder, which the runs would fill.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("latih-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_saved_notebook_and_its_link_give_the_engine_s_numbers() {
    let notebook = Notebook::from_json(&fixture("v1.json")).unwrap();
    let csv = std::fs::read_to_string(format!(
        "{}/../../static/data/credit.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let expected = match evaluate(&notebook, &HashMap::from([("credit".to_string(), csv)])).pop() {
        Some(Ok(CellOutput::Evaluate(e))) => e,
        other => panic!("{other:?}"),
    };
    let saved = temp_file("saved.latih.json", &notebook.to_json());
    let shared = temp_file(
        "link.txt",
        &format!(
            "https://latih.example/notebook#nb={}",
            link::encode(&notebook)
        ),
    );
    for file in [&saved, &shared] {
        let out = latih(&["run", file, "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let evaluation = &json["cells"][3];
        assert_eq!(evaluation["accuracy"].as_f64(), Some(expected.accuracy));
        assert_eq!(
            evaluation["roc_auc"].as_f64(),
            expected.roc.as_ref().ok().map(|r| r.auc)
        );
        let matrix: Vec<Vec<u64>> =
            serde_json::from_value(evaluation["confusion_matrix"].clone()).unwrap();
        assert_eq!(matrix, expected.confusion);
    }
    let text = latih(&["run", &saved, "--lang", "id"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("4. Evaluasi dengan data uji") && text.contains("Akurasi: 0,"),
        "{text}"
    );
}

#[test]
fn own_data_replaces_a_shipped_set_and_bad_input_fails_with_a_message() {
    let notebook = Notebook::starter("iris", "species");
    let saved = temp_file("iris.latih.json", &notebook.to_json());
    let tiny = temp_file("tiny.csv", "x,species\n1,a\n2,a\n3,a\n");
    let out = latih(&["run", &saved, "--data", &format!("iris={tiny}"), "--json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let message = json["cells"][0]["error"].as_str().unwrap_or_default();
    assert!(message.contains("only one class"), "{json}");

    let broken = temp_file("broken.txt", "https://latih.example/notebook#nb=1.AAAA");
    let out = latih(&["run", &broken]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged or incomplete"));
    let out = latih(&["run", "/no/such/notebook.latih.json"]);
    assert!(!out.status.success());
}

#[test]
fn a_search_on_every_core_gives_the_engine_s_single_threaded_results() {
    let mut notebook = Notebook::starter("iris", "species");
    notebook.add_tune();
    let cell = notebook.cells.len() - 1;
    let csv = std::fs::read_to_string(format!(
        "{}/../../static/data/iris.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let sources = HashMap::from([("iris".to_string(), csv)]);
    let all: Vec<usize> = (0..12).collect();
    let expected = latih_engine::notebook::run_candidates(
        &notebook,
        cell,
        &all,
        None,
        &sources,
        &|| 0.0,
        &mut |_| {},
    )
    .unwrap();
    let saved = temp_file("tuned.latih.json", &notebook.to_json());
    let out = latih(&["run", &saved, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let search = &json["cells"][cell];
    assert_eq!(search["candidates"].as_u64(), Some(12));
    let rows = search["results"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    for (row, want) in rows.iter().zip(&expected) {
        let scores: Vec<f64> = serde_json::from_value(row["split_test_scores"].clone()).unwrap();
        assert_eq!(scores, want.test_scores);
        assert_eq!(
            row["params"]["max_depth"].as_f64(),
            Some(want.candidate.values[0].1)
        );
    }
    let text = String::from_utf8(latih(&["run", &saved]).stdout).unwrap();
    assert!(
        text.contains("12 candidates × 5 folds = 60 fits") && text.contains("Best: max_depth = "),
        "{text}"
    );
    assert!(
        search.get("learning_curve").is_none(),
        "drawn only when asked"
    );

    // The learning curve, asked for: each point the engine's, its sizes dealt out to threads.
    let out = latih(&["run", &saved, "--json", "--learning-curve"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let points = json["cells"][cell]["learning_curve"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(points.len(), 5);
    for (size, point) in points.iter().enumerate() {
        let want = latih_engine::notebook::run_learning_point(
            &notebook,
            cell,
            size,
            &sources,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(point["train_size"].as_u64(), Some(want.rows as u64));
        let test: Vec<f64> = serde_json::from_value(point["test_scores"].clone()).unwrap();
        let train: Vec<f64> = serde_json::from_value(point["train_scores"].clone()).unwrap();
        assert_eq!((test, train), (want.test_scores, want.train_scores));
    }
    let text =
        String::from_utf8(latih(&["run", &saved, "--learning-curve", "--lang", "id"]).stdout)
            .unwrap();
    assert!(
        text.contains("Kurva belajar:") && text.contains("pada fold validasi"),
        "{text}"
    );
}

#[test]
fn a_link_with_the_learners_own_file_inside_runs_on_that_file() {
    let path = temp_file("v2.link", &fixture("v2.link"));
    let out = latih(&["run", &path, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dataset = &json["cells"][0];
    assert_eq!(dataset["rows"], 6, "{dataset}");
    assert!(json["cells"][3]["accuracy"].is_number(), "{json}");
}

#[test]
fn a_latin1_file_is_read_as_latin1_and_the_reader_is_told() {
    // iris with its classes renamed to words with ü, written as Latin-1 (ü is the byte 0xFC).
    let iris = std::fs::read_to_string(format!(
        "{}/../../static/data/iris.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let renamed = iris.replace("setosa", "süß").replace("virginica", "grün");
    let latin1: Vec<u8> = renamed.chars().map(|c| c as u32 as u8).collect();
    assert!(
        std::str::from_utf8(&latin1).is_err(),
        "the file must not be UTF-8"
    );
    let path = std::env::temp_dir().join(format!("latih-cli-{}-latin1.csv", std::process::id()));
    std::fs::write(&path, latin1).unwrap();
    let saved = temp_file(
        "latin1.latih.json",
        &Notebook::starter("iris", "species").to_json(),
    );
    let data = format!("iris={}", path.display());
    let out = latih(&["run", &saved, "--data", &data, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("read as Latin-1"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let classes = json["cells"][3]["classes"].to_string();
    assert!(
        classes.contains("süß") && classes.contains("grün"),
        "{classes}"
    );
}

#[test]
fn a_sql_query_groups_and_counts_the_shipped_data_and_a_bad_one_says_why() {
    let out = latih(&[
        "sql",
        "SELECT species, COUNT(*) AS n FROM penguins GROUP BY species ORDER BY species",
    ]);
    assert!(out.status.success());
    // pandas: penguins.groupby("species").size()
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "species,n\nAdelie,152\nChinstrap,68\nGentoo,124"
    );
    let file = temp_file("nilai.csv", "nama;nilai\nAni;80,5\nBudi;70\n");
    let out = latih(&[
        "sql",
        "SELECT AVG(nilai) AS rata FROM nilai",
        "--data",
        &format!("file:nilai.csv={file}"),
    ]);
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "rata\n75.25");
    let out = latih(&["sql", "DROP TABLE penguins", "--lang", "id"]);
    assert!(!out.status.success());
    let message = String::from_utf8(out.stderr).unwrap();
    assert!(message.contains("satu pernyataan SELECT"), "{message}");
}

#[test]
fn a_notebook_trains_on_a_query_s_result_and_a_failed_query_shows_its_error() {
    let notebook = |query: &str| {
        format!(
            r#"{{"version":1,"cells":[
             {{"kind":"sql","name":"gentoo_adelie","query":"{query}"}},
             {{"kind":"dataset","dataset":"sql:gentoo_adelie","target":"species"}},
             {{"kind":"split","test_fraction":0.25,"stratify":true,"seed":1}},
             {{"kind":"train","model":"decision_tree","max_depth":3,"min_samples_split":2}},
             {{"kind":"evaluate"}}]}}"#
        )
    };
    let good = temp_file(
        "sql.latih.json",
        &notebook("SELECT * FROM penguins WHERE species <> 'Chinstrap'"),
    );
    let out = latih(&["run", &good, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cells = json["cells"].as_array().unwrap();
    // pandas: (penguins.species != "Chinstrap").sum() is 276, of 8 columns.
    assert_eq!(cells[0]["kind"], "sql");
    assert_eq!(cells[0]["rows"], 276);
    assert_eq!(cells[0]["columns"].as_array().unwrap().len(), 8);
    assert_eq!(cells[1]["rows"], 276);
    assert_eq!(cells[4]["classes"], serde_json::json!(["Adelie", "Gentoo"]));
    // In words, the model is named with the hyperparameters it uses, as declared.
    let out = latih(&["run", &good]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Decision tree: max_depth = 3; min_samples_split = 2"),
        "{text}"
    );
    let bad = temp_file(
        "bad-sql.latih.json",
        &notebook("SELECT * FROM penguins WHERE"),
    );
    let out = latih(&["run", &bad, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = json["cells"][0]["error"].as_str().unwrap();
    assert!(error.starts_with("The query could not run"), "{error}");
    let waiting = json["cells"][1]["error"].as_str().unwrap();
    assert!(waiting.contains("gentoo_adelie"), "{waiting}");
}

#[test]
fn data_fetched_from_a_url_is_fetched_again_and_a_bad_url_is_explained() {
    let csv = std::fs::read_to_string(format!(
        "{}/../../static/data/iris.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let server = serve(vec![
        ("/iris.csv", 200, csv.clone()),
        (
            "/page",
            200,
            "<!DOCTYPE html><html><body>Sign in</body></html>".into(),
        ),
        ("/gone.csv", 404, "Not Found".into()),
    ]);
    let notebook = |path: &str| {
        let mut notebook = Notebook::starter("file:iris.csv", "species");
        if let latih_engine::notebook::Cell::Dataset(d) = &mut notebook.cells[0] {
            d.url = Some(format!("{server}{path}"));
        }
        temp_file(
            &format!("url-{}.latih.json", &path[1..]),
            &notebook.to_json(),
        )
    };
    // Nothing is fetched unless asked, and this computer only when allowed: the link may be a
    // stranger's. Neither asks the server anything (it answers as many requests as it has pages).
    let not_asked = latih(&["run", &notebook("/iris.csv"), "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&not_asked.stderr);
    assert!(stderr.contains("Run again with --fetch"), "{stderr}");
    assert!(String::from_utf8_lossy(&not_asked.stdout).contains("iris.csv"));
    let private = latih(&["run", &notebook("/iris.csv"), "--fetch", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&private.stderr);
    assert!(
        stderr.contains("is on this computer or a private network") && stderr.contains(&server),
        "{stderr}"
    );
    let fetch = ["--fetch", "--allow-private"];
    // As --data would have given it: the same numbers.
    let fetched = latih(&["run", &notebook("/iris.csv"), "--json", fetch[0], fetch[1]]);
    assert!(fetched.status.success(), "{fetched:?}");
    let given = latih(&[
        "run",
        &notebook("/iris.csv"),
        "--json",
        "--data",
        &format!("file:iris.csv={}", temp_file("iris.csv", &csv)),
    ]);
    let accuracy = |out: &std::process::Output| {
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["cells"][3]["accuracy"].as_f64()
    };
    assert!(accuracy(&fetched).is_some());
    assert_eq!(accuracy(&fetched), accuracy(&given));
    // A web page where data was expected, and a 404: said, and the cell says the file is missing.
    for (path, said) in [
        ("/page", "gave a web page, not data"),
        ("/gone.csv", "HTTP 404"),
    ] {
        let out = latih(&["run", &notebook(path), "--lang", "en", fetch[0], fetch[1]]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{path}: {stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("iris.csv"), "{path}: {stdout}");
    }
}

#[test]
fn columns_read_as_another_kind_say_what_they_lost_in_words_and_in_json() {
    let notebook = temp_file(
        "types.latih.json",
        r#"{"version":1,"cells":[
         {"kind":"dataset","dataset":"titanic","target":"survived","types":[["age","boolean"]]},
         {"kind":"split","test_fraction":0.25,"stratify":true,"seed":42}]}"#,
    );
    // pandas: 1,036 of titanic's 1,046 ages are neither 0 nor 1.
    let json = latih(&["run", &notebook, "--json"]);
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        json["cells"][0]["lost_to_types"],
        serde_json::json!([["age", 1036]])
    );
    let text = latih(&["run", &notebook, "--lang", "id"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("kini kosong: age (1.036)"), "{text}");
}

#[test]
fn a_note_s_control_characters_never_reach_the_terminal() {
    // A title change and a bell, as escape sequences in a stranger's note.
    let notebook = temp_file(
        "escapes.latih.json",
        r#"{"version":1,"cells":[{"kind":"note","text":"Hello \u001b]0;pwned\u0007 world\u001b[2J"}]}"#,
    );
    let out = latih(&["run", &notebook]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Hello ]0;pwned world[2J"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

/// Issue 18: a notebook estimated to compute for minutes is not run without --yes; it says
/// which cell costs most and how long it may take.
#[test]
fn an_expensive_notebook_runs_only_with_yes() {
    use latih_engine::models::{MlpParams, ModelSpec};
    use latih_engine::notebook::{Cell, TrainCell};
    // Two layers of a thousand units for 200 epochs: over an hour on a phone.
    let mut notebook = Notebook::starter("credit", "Status");
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::NeuralNetwork(MlpParams {
            hidden_layer_sizes: vec![1000, 1000],
            ..MlpParams::default()
        }),
    });
    let path = temp_file("expensive.latih.json", &notebook.to_json());
    let refused = latih(&["run", &path, "--lang", "en"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("has a lot to compute") && said.contains("most of it in cell 3"),
        "{said}"
    );
    assert!(refused.stdout.is_empty(), "nothing ran");
    let id = latih(&["run", &path, "--lang", "id"]);
    assert!(String::from_utf8_lossy(&id.stderr).contains("--yes"));
}

/// Issue 18: a search counts in the budget too: a grid of forests of up to a thousand trees on ten
/// folds (30,000 trees) is not started without --yes, and the tune cell is named as the costliest.
#[test]
fn an_expensive_search_runs_only_with_yes() {
    use latih_engine::models::{ModelSpec, RandomForestParams};
    use latih_engine::notebook::{Cell, TrainCell};
    use latih_engine::tune::{Param, SpaceText};
    let mut notebook = Notebook::starter("credit", "Status");
    // Ten trees: the notebook itself is quick.
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 10,
            ..RandomForestParams::default()
        }),
    });
    notebook.add_tune();
    let tune = notebook.cells.len();
    let Some(Cell::Tune(cell)) = notebook.cells.last_mut() else {
        panic!("no tune cell");
    };
    cell.folds = 10;
    cell.spaces = vec![SpaceText {
        param: Param::named("n_estimators").unwrap(),
        text: "200, 400, 600, 800, 1000".into(),
    }];
    let path = temp_file("expensive-search.latih.json", &notebook.to_json());
    let refused = latih(&["run", &path, "--lang", "en"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("has a lot to compute")
            && said.contains(&format!("most of it in cell {tune}")),
        "{said}"
    );
    assert!(refused.stdout.is_empty(), "nothing printed as if it ran");
    // The same search on ten trees each runs at once.
    let Some(Cell::Tune(cell)) = notebook.cells.last_mut() else {
        unreachable!()
    };
    cell.spaces[0].text = "5, 10".into();
    cell.folds = 3;
    let path = temp_file("quick-search.latih.json", &notebook.to_json());
    let ran = latih(&["run", &path, "--lang", "en"]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
}

/// Issue 18: a query told to make a hundred million rows is refused before it runs, with a
/// message, instead of filling the memory.
#[test]
fn a_query_that_would_make_too_much_is_refused_before_it_runs() {
    let out = latih(&["sql", "SELECT * FROM SERIES(100000000)", "--lang", "en"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("This query would make or go through 100,000,000 rows"),
        "{said}"
    );
}

/// Issue 19: the lessons are listed with their checks, and every lesson's solution passes all of
/// its checks through `latih check`, as in the page, given as itself and as an attempt link.
#[test]
fn every_lesson_is_listed_and_its_solution_passes_at_the_command_line() {
    let out = latih(&["lessons", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    assert!(listed.len() >= 2);
    for lesson in listed {
        let slug = lesson["slug"].as_str().unwrap();
        let checks = lesson["checks"].as_array().unwrap();
        assert!(checks.len() >= 2, "{slug}");
        // The solution as a shared attempt link, as a learner's would be.
        // A lesson's slug, or a project's or challenge's folder and slug: its file's path.
        let lessons_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/en/");
        let lesson = latih_engine::lessons::parse_lesson(
            &std::fs::read_to_string(format!("{lessons_dir}{slug}.md")).unwrap(),
        )
        .unwrap();
        let link = latih_engine::lessons::encode_attempt(&lesson.solution_attempt());
        let page = match slug.contains('/') {
            true => slug.to_string(),
            false => format!("lessons/{slug}"),
        };
        let shared = temp_file(
            &format!("{}-attempt.txt", slug.replace('/', "-")),
            &format!("https://latih.example/{page}#attempt={link}"),
        );
        let out = latih(&["check", slug, &shared, "--json"]);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        for result in report["checks"].as_array().unwrap() {
            assert_eq!(result["outcome"], "pass", "{slug}, from its link: {result}");
        }
        for lang in ["id", "en"] {
            let out = latih(&["check", slug, "--solution", "--json", "--lang", lang]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let report: Value = serde_json::from_slice(&out.stdout).unwrap();
            let results = report["checks"].as_array().unwrap();
            assert_eq!(results.len(), checks.len(), "{slug}");
            for result in results {
                assert_eq!(result["outcome"], "pass", "{slug} ({lang}): {result}");
            }
        }
    }
}

/// Issue 19: a learner's attempt is checked as the page checks it: each check not passed says
/// why, in the reader's language; a notebook or a link without answers leaves the questions
/// not attempted, and its metric exercise is measured.
#[test]
fn a_learners_work_is_checked_with_a_reason_for_each_check_not_passed() {
    use latih_engine::models::{LogisticRegressionParams, ModelSpec};
    use latih_engine::notebook::{Cell, TrainCell};
    let out = latih(&["lessons", "--json", "--lang", "en"]);
    assert!(out.status.success());
    let tree = r#"{"version":1,"locked":[0,1,3],"cells":[{"kind":"dataset","dataset":"breast_cancer","target":"diagnosis"},{"kind":"split","test_fraction":0.25,"stratify":true,"seed":42},{"kind":"train","model":"decision_tree","max_depth":1},{"kind":"evaluate"}]}"#;
    let attempt = temp_file(
        "attempt.json",
        &format!(
            r#"{{"notebook":{},"answers":{{"missed-malignant":8,"metric-for-screening":0,"recall-from-confusion":[1,0,2,3,4]}}}}"#,
            tree.replace(r#""locked":[0,1,3],"#, "")
        ),
    );
    let out = latih(&["check", "precision-recall", &attempt, "--lang", "en"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("✗ missed-malignant: Not yet\n    8 is not it yet."),
        "{text}"
    );
    assert!(
        text.contains("so it does not show which class the mistakes fall on"),
        "{text}"
    );
    assert!(
        text.contains("The recall (malignant) is 0.736; this exercise asks for at least 0.920."),
        "{text}"
    );
    assert!(text.contains("Line 1 is not in its place yet."), "{text}");

    // The same lesson's notebook with a better model, as a shared link: no answers yet, and
    // the metric exercise passes.
    let mut better = Notebook::from_json(tree).unwrap();
    better.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::LogisticRegression(LogisticRegressionParams::default()),
    });
    let shared = temp_file(
        "better.txt",
        &format!("https://latih.example/lessons#nb={}", link::encode(&better)),
    );
    let out = latih(&["check", "precision-recall", &shared, "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let outcomes: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        ["not_attempted", "not_attempted", "pass", "not_attempted"]
    );

    let out = latih(&["check", "no-such-lesson", "--solution"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("There is no lesson “no-such-lesson”"));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_without_a_panic() {
    // As `latih lessons --json | head -c 0`: the reading end is closed before anything is written.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_latih"))
        .args(["lessons", "--json"])
        .stdout(writer)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

/// A notebook whose long work can be shared out: a forest of `trees` on `dataset`, then a
/// search of two depths over it (Issue 23's notebooks: credit, titanic, diabetes).
fn forest_and_search(dataset: &str, target: &str, trees: u32) -> String {
    use latih_engine::models::{ModelSpec, RandomForestParams};
    use latih_engine::notebook::{Cell, TrainCell};
    let mut notebook = Notebook::starter(dataset, target);
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: trees,
            ..RandomForestParams::default()
        }),
    });
    notebook.add_tune();
    if let Some(Cell::Tune(tune)) = notebook.cells.last_mut() {
        tune.spaces.retain(|s| s.param.name() == "max_depth");
        tune.spaces[0].text = "2, 4".into();
    }
    notebook.to_json()
}

#[test]
fn any_number_of_threads_gives_the_json_of_one() {
    let mut notebooks = vec![
        ("v1.link", fixture("v1.link")),
        ("v2.link", fixture("v2.link")),
    ];
    for (dataset, target) in [
        ("credit", "Status"),
        ("titanic", "survived"),
        ("diabetes", "progression"),
    ] {
        notebooks.push((dataset, forest_and_search(dataset, target, 12)));
    }
    for (name, text) in notebooks {
        let saved = temp_file(&format!("threads-{name}"), &text);
        let run = |threads: &str| {
            let out = latih(&[
                "run",
                &saved,
                "--json",
                "--yes",
                "--learning-curve",
                "--threads",
                threads,
            ]);
            assert!(
                out.status.success(),
                "{name} on {threads} threads: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let one = run("1");
        assert!(one.contains("\"cells\""), "{name}: {one}");
        for threads in ["2", "3"] {
            assert_eq!(run(threads), one, "{name} on {threads} threads");
        }
    }
    // No threads is not a number of threads.
    let out = latih(&[
        "run",
        &temp_file("threads-zero", &fixture("v1.link")),
        "--threads",
        "0",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads"));
}
