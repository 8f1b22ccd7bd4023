//! The two catalogs must say the same things: same keys, same placeholders, nothing left
//! untranslated, and every key the code asks for present.

use latih_engine::datasets::FetchFailure;
use latih_engine::error::{CellKind, Expected, LimitedPart};
use latih_engine::Error;
use latih_i18n::{error_message, keys, placeholders, t, Lang};
use regex::Regex;
use std::path::Path;

#[test]
fn both_catalogs_have_the_same_keys() {
    let (id, en) = (keys(Lang::Id), keys(Lang::En));
    let only_id: Vec<_> = id.iter().filter(|k| !en.contains(k)).collect();
    let only_en: Vec<_> = en.iter().filter(|k| !id.contains(k)).collect();
    assert!(
        only_id.is_empty() && only_en.is_empty(),
        "only in id.txt: {only_id:?}; only in en.txt: {only_en:?}"
    );
    assert!(id.len() > 100, "catalog suspiciously small: {}", id.len());
}

#[test]
fn no_key_is_written_twice() {
    for lang in ["en", "id"] {
        let path = format!("{}/locales/{lang}.txt", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).unwrap();
        let mut seen = std::collections::HashSet::new();
        for key in text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
        {
            // A second line with the same key would silently replace the first message.
            assert!(seen.insert(key), "{lang}.txt has {key} twice");
        }
    }
}

#[test]
fn every_message_has_the_same_placeholders_in_both_languages() {
    for key in keys(Lang::En) {
        assert_eq!(
            placeholders(Lang::Id, key),
            placeholders(Lang::En, key),
            "placeholders differ for {key}"
        );
        assert!(
            !t(Lang::Id, key).is_empty() && !t(Lang::En, key).is_empty(),
            "{key}"
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogs() {
    // Lookups are written t(lang, "key"), tf(lang, "key", …), the app's tr("key") / trf("key", …),
    // text("key"), a component's label_key="key" / hint_key="key" (any *_key prop), or key!("key")
    // for keys kept in constants.
    let call = Regex::new(
        r#"(?:\b(?:t|tf|tr|trf|text)\(\s*(?:[a-z_.()]+,\s*)?|key!\(\s*|[a-z]+_key\s*=\s*)"([a-z0-9_-]+)""#,
    )
    .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("crates/i18n/src"), &mut files);
    rust_files(&root.join("crates/cli/src"), &mut files);
    let known = keys(Lang::En);
    let mut used = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for key in call.captures_iter(&text).map(|c| c[1].to_string()) {
            used += 1;
            assert!(
                known.contains(&key.as_str()),
                "{}: unknown key {key}",
                file.display()
            );
        }
    }
    assert!(
        used > 100,
        "found only {used} lookups: is the pattern still right?"
    );
}

/// The command line's own messages (`cli-…`) are left out of the catalogs the site serves
/// (scripts/catalogs.mjs): no code of the page may name one.
#[test]
fn the_page_names_no_command_line_message() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("\"cli-"),
            "{} names a cli- message",
            file.display()
        );
    }
    assert!(
        keys(Lang::En)
            .iter()
            .filter(|k| k.starts_with("cli-"))
            .count()
            >= 3
    );
}

/// The first pages start with the first part of the catalog only (scripts/catalogs.mjs): every
/// word they name must be in it, or they would show a key until the rest arrives. (The other
/// pages wait for the rest: src/app.rs.)
#[test]
fn the_first_pages_use_only_the_first_part_of_the_catalog() {
    let prefixes: Vec<&str> = latih_i18n::FIRST_PAGE_PREFIXES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    let in_first_part = |key: &str| prefixes.iter().any(|p| key.starts_with(p));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let literal = Regex::new(r#""([a-z0-9-]+)""#).unwrap();
    let known = keys(Lang::En);
    let mut checked = 0;
    for page in [
        "src/app.rs",
        "src/boot.rs",
        "src/title.rs",
        "src/panic_banner.rs",
        "src/components/header.rs",
        "src/pages/home.rs",
        "src/pages/lessons.rs",
        "src/pages/not_found.rs",
    ] {
        let text = std::fs::read_to_string(root.join(page)).unwrap();
        for key in literal.captures_iter(&text).map(|c| c[1].to_string()) {
            if known.contains(&key.as_str()) {
                checked += 1;
                assert!(
                    in_first_part(&key),
                    "{page} names {key}, which is not in the first part"
                );
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} keys found: is the pattern still right?"
    );
    // Most words wait: the first part is small.
    let first = known.iter().filter(|k| in_first_part(k)).count();
    assert!(
        first * 5 < known.len(),
        "{first} of {} keys in the first part",
        known.len()
    );
}

#[test]
fn keys_built_at_run_time_exist() {
    let known = keys(Lang::En);
    for dataset in latih_engine::datasets::DATASETS {
        let key = format!("dataset-{}-about", dataset.id);
        assert!(known.contains(&key.as_str()), "{key}");
    }
    for stage in latih_i18n::ROADMAP_STAGES {
        for part in ["title", "body"] {
            let key = format!("stage-{stage}-{part}");
            assert!(known.contains(&key.as_str()), "{key}");
        }
    }
    for step in 1..=latih_i18n::LEARNING_PATH_STEPS {
        assert!(known.contains(&format!("path-{step}").as_str()));
    }
    for key in latih_engine::export::EXPORT_KEYS
        .iter()
        .chain(latih_engine::export::PAGE_KEYS)
    {
        assert!(known.contains(key), "{key}");
    }
    for key in latih_engine::export::repository_keys() {
        assert!(known.contains(&key.as_str()), "{key}");
    }
}

#[test]
fn every_engine_error_reads_as_a_sentence_with_its_facts_in_both_languages() {
    let errors = [
        Error::Csv {
            line: 7,
            message: "expected 3 fields, found 2".into(),
        },
        Error::Json {
            line: 3,
            column: 14,
            message: "expected value".into(),
        },
        Error::JsonNotATable,
        Error::PredictValueNotNumber {
            column: "age".into(),
            value: "old".into(),
        },
        Error::PredictValuesMissing {
            columns: vec!["fare".into()],
        },
        Error::LightgbmNeedsBoosting {
            model: "random_forest".into(),
        },
        Error::ExportModelNotYet {
            model: "k_nearest_neighbors".into(),
        },
        Error::ExportNotFinite,
        Error::OnnxNameTaken {
            name: "label".into(),
        },
        Error::OnnxStepNotYet {
            step: "cast".into(),
            column: "smoker".into(),
        },
        Error::Sql {
            message: "table 'pinguin' not found".into(),
        },
        Error::SqlNotOneSelect,
        Error::QueryTimedOut { seconds: 60 },
        Error::SqlUnknownTable {
            name: "pinguins".into(),
            suggestion: Some("penguins".into()),
        },
        Error::SqlUnknownTable {
            name: "sales".into(),
            suggestion: None,
        },
        Error::TooFewRows { rows: 2, needed: 3 },
        Error::SqlNameTaken {
            name: "query_1".into(),
        },
        Error::QueryResultMissing {
            name: "query_1".into(),
        },
        Error::CsvUnclosedQuote { line: 2 },
        Error::CsvFieldCount {
            line: 12,
            expected: 5,
            found: 4,
        },
        Error::JsonRecordNotObject { record: 4 },
        Error::JsonColumnLengths {
            column: "suhu".into(),
            expected: 10,
            found: 9,
        },
        Error::EmptyTable,
        Error::UnknownDataset { name: "zoo".into() },
        Error::UnknownColumn {
            name: "colour".into(),
        },
        Error::NoRowsLeft { dropped: 12 },
        Error::SingleClassTarget {
            column: "y".into(),
            class: "yes".into(),
        },
        Error::TooManyClasses {
            column: "price".into(),
            classes: 1728,
            limit: 50,
        },
        Error::NoFeatures,
        Error::TestFractionOutOfRange { value: 1.5 },
        Error::TooFewRowsToSplit {
            rows: 2,
            train: 1,
            test: 1,
            classes: 2,
        },
        Error::ClassTooSmallToStratify {
            class: "rare".into(),
            rows: 1,
        },
        Error::InvalidParameter {
            name: "max_depth".into(),
            value: "0".into(),
            expected: Expected::IntegerBetween { min: 1, max: 64 },
        },
        Error::NeedsCellAbove {
            cell: CellKind::Split,
        },
        Error::UnsupportedNotebookVersion {
            found: 9,
            supported: 1,
        },
        Error::EmptyInput,
        Error::LinkDamaged,
        Error::ColumnAllMissing {
            column: "age".into(),
        },
        Error::LinkTooLong {
            chars: 70_000,
            limit: 65_536,
        },
        Error::LinkFromNewerVersion { found: 2 },
        Error::NotebookUnreadable {
            message: "expected value at line 1 column 1".into(),
        },
        Error::NotebookTooLarge {
            bytes: 2_000_000,
            limit: 1_048_576,
        },
        Error::OverLimit {
            part: LimitedPart::Cells,
            found: 300,
            limit: 200,
        },
        Error::OverLimit {
            part: LimitedPart::NoteText,
            found: 40_000,
            limit: 30_000,
        },
        Error::OverLimit {
            part: LimitedPart::QueryText,
            found: 40_000,
            limit: 30_000,
        },
        Error::OverLimit {
            part: LimitedPart::Columns,
            found: 4_000,
            limit: 2_000,
        },
        Error::OverLimit {
            part: LimitedPart::QueryRows,
            found: 100_000_000,
            limit: 20_000_000,
        },
        Error::OverLimit {
            part: LimitedPart::Features,
            found: 3_412,
            limit: 2_000,
        },
        Error::NonFiniteFeatures,
        Error::ClassifierOnNumbers,
        Error::RegressorOnClasses,
        Error::BoundaryNeedsClasses,
        Error::TargetTooLarge { largest: 1e200 },
        Error::BoundaryNeedsTwoFeatures,
        Error::LengthMismatch { left: 3, right: 4 },
        Error::InvalidMetricParameter {
            name: "beta".into(),
        },
        Error::NotBinary { classes: 3 },
        Error::PositiveClassAbsent,
        Error::ScoresShape {
            expected: 3,
            found: 2,
        },
        Error::ProbabilitiesInvalid,
        Error::ScoresNotFinite,
        Error::OneClassInTruth,
        Error::ClassAbsentFromTruth,
        Error::ClusterCount {
            clusters: 1,
            rows: 10,
        },
        Error::UserDataMissing {
            file: "nilai.csv".into(),
        },
        Error::ClassesSmallerThanFolds {
            folds: 10,
            largest: 4,
        },
        Error::InvalidSearchSpace {
            param: "max_depth".into(),
            text: "two".into(),
        },
        Error::TooManyCandidates {
            candidates: 3136,
            limit: 500,
        },
        Error::InvalidParameter {
            name: "var_smoothing".into(),
            value: "-1".into(),
            expected: latih_engine::error::Expected::PositiveNumber,
        },
        Error::InvalidParameter {
            name: "alpha".into(),
            value: "-1".into(),
            expected: latih_engine::error::Expected::NonNegativeNumber,
        },
        Error::InvalidParameter {
            name: "l1_ratio".into(),
            value: "1.5".into(),
            expected: latih_engine::error::Expected::Fraction,
        },
        Error::InvalidParameter {
            name: "hidden_layer_sizes".into(),
            value: "0".into(),
            expected: latih_engine::error::Expected::LayerSizes {
                layers: 5,
                units: 1024,
            },
        },
        Error::StepOnTarget {
            column: "survived".into(),
        },
        Error::StepNeedsNumbers {
            column: "sex".into(),
        },
        Error::StepNeedsCategories {
            column: "age".into(),
        },
        Error::StepValueNotNumber {
            column: "age".into(),
            value: "tua".into(),
        },
        Error::StepLogDomain {
            column: "saldo".into(),
            value: -250.0,
        },
        Error::StepNameTaken {
            name: "fare".into(),
        },
        Error::MissingValuesLeft {
            columns: vec!["age".into(), "embarked".into()],
        },
        Error::TrainingDiverged {
            epoch: 3,
            learning_rate: 10.0,
        },
    ];
    for lang in Lang::ALL {
        for error in &errors {
            let text = error_message(lang, error);
            assert!(
                !text.contains('{'),
                "{lang:?} {error:?}: unfilled placeholder in {text}"
            );
            assert!(
                !text.starts_with("error-"),
                "{lang:?} {error:?}: missing key"
            );
        }
    }
    let thousands = |lang| {
        error_message(
            lang,
            &Error::TooManyClasses {
                column: "price".into(),
                classes: 1728,
                limit: 50,
            },
        )
    };
    assert!(thousands(Lang::Id).contains("1.728"));
    assert!(thousands(Lang::En).contains("1,728"));
    assert!(error_message(Lang::Id, &Error::TestFractionOutOfRange { value: 1.5 }).contains("1,5"));
    let depth = Error::InvalidParameter {
        name: "max_depth".into(),
        value: "0".into(),
        expected: Expected::IntegerBetween { min: 1, max: 64 },
    };
    assert!(error_message(Lang::En, &depth).ends_with("a whole number from 1 to 64."));
    assert!(error_message(Lang::Id, &depth).ends_with("bilangan bulat dari 1 sampai 64."));
    assert!(error_message(
        Lang::En,
        &Error::NeedsCellAbove {
            cell: CellKind::Split
        }
    )
    .contains("Split"));
}

#[test]
fn the_browser_preference_picks_the_language() {
    assert_eq!(Lang::from_browser_preference("id-ID"), Lang::Id);
    assert_eq!(Lang::from_browser_preference("id"), Lang::Id);
    assert_eq!(Lang::from_browser_preference("en-US"), Lang::En);
    assert_eq!(Lang::from_browser_preference("jv"), Lang::En);
    assert_eq!(Lang::from_browser_preference(""), Lang::En);
    assert_eq!(Lang::from_code("id"), Some(Lang::Id));
    assert_eq!(Lang::from_code("fr"), None);
}

#[test]
fn every_model_and_hyperparameter_declared_has_its_words_in_both_catalogs() {
    use latih_engine::models::declare::Kind;
    use latih_engine::models::ModelSpec;
    let (id, en) = (keys(Lang::Id), keys(Lang::En));
    let mut wanted = Vec::new();
    for kind in ModelSpec::KINDS {
        wanted.push(kind.label);
        wanted.extend(kind.hint);
        for param in kind.params {
            wanted.push(param.label);
            wanted.extend(param.hint);
            if let Kind::Choice(choices) = param.kind {
                wanted.extend(choices.iter().map(|c| c.label));
            }
        }
    }
    let missing: Vec<_> = wanted
        .iter()
        .filter(|k| !id.contains(k) || !en.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "declared but not in both catalogs: {missing:?}"
    );
}

#[test]
fn every_fetch_failure_names_its_address_in_both_languages() {
    let url = || "http://10.0.0.1/data.csv".to_string();
    let failures = [
        FetchFailure::Unreachable { url: url() },
        FetchFailure::Status {
            url: url(),
            status: 404,
        },
        FetchFailure::Status {
            url: url(),
            status: 500,
        },
        FetchFailure::WebPage { url: url() },
        FetchFailure::PrivateAddress { url: url() },
        FetchFailure::TooLarge {
            url: url(),
            limit: 268_435_456,
        },
        FetchFailure::TimedOut {
            url: url(),
            seconds: 60,
        },
    ];
    for lang in Lang::ALL {
        for failure in &failures {
            let text = latih_i18n::fetch_failure_message(lang, failure);
            assert!(
                text.contains("http://10.0.0.1/data.csv") && !text.contains('{'),
                "{lang:?} {failure:?}: {text}"
            );
        }
    }
    let too_large = |lang| {
        latih_i18n::fetch_failure_message(
            lang,
            &FetchFailure::TooLarge {
                url: url(),
                limit: 268_435_456,
            },
        )
    };
    assert!(too_large(Lang::En).contains("268,435,456"));
    assert!(too_large(Lang::Id).contains("268.435.456"));
}
