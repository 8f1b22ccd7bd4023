//! Untrusted input never panics (a panic in wasm kills the page): arbitrary text through every
//! reader of outside input, and random small data with random parameters through whole
//! notebooks. Fuzzing with libFuzzer needs a nightly toolchain this project does not have; these
//! property tests run on stable, in every test run.

use latih_engine::models::{
    BernoulliNbParams, DbscanParams, DecisionTreeParams, GaussianNbParams, Kernel, KnnParams,
    MaxFeatures, ModelSpec, NeighbourWeights, RandomForestParams, SvmParams,
};
use latih_engine::notebook::link;
use latih_engine::notebook::{
    evaluate, parse_note, BoundaryCell, Cell, ClustersCell, NoteCell, NoteNode, Notebook,
    SplitCell, TrainCell,
};
use latih_engine::table::retype::ValueType;
use latih_engine::table::{read_csv, read_csv_header, read_header, read_json, read_table};
use latih_engine::tune::space::Param;
use latih_engine::tune::{candidates, SearchKind, SpaceText};
use proptest::prelude::*;
use std::collections::HashMap;

/// Cases per property: 512 in every test run; `make fuzz` sets LATIH_FUZZ_CASES to run the
/// readers for minutes.
fn cases() -> u32 {
    std::env::var("LATIH_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn csv_and_json_readers_take_any_text(text in "(?s).{0,400}") {
        let _ = read_csv(&text);
        let _ = read_csv_header(&text);
        let _ = read_json(&text);
        let _ = read_table(&text);
        let _ = read_header(&text);
    }

    #[test]
    fn json_readers_take_json_like_text(
        text in "[\\[{]( ?(\\{|\\}|\\[|\\]|\"[a-z]{0,3}\"|[0-9.e-]{1,4}|null|true|,|:)){0,40}"
    ) {
        let _ = read_table(&text);
        let _ = read_header(&text);
    }

    #[test]
    fn csv_readers_take_csv_like_text(
        text in "([a-z0-9.,\"?\\- ]{0,12}(,|;|\t)?){0,12}(\r?\n([a-z0-9.,\"?\\- ]{0,8},?){0,6}){0,20}"
    ) {
        let _ = read_csv(&text);
    }

    #[test]
    fn links_and_stored_notebooks_take_any_text(text in "(?s).{0,300}") {
        let _ = link::decode(&text);
        let _ = link::decode(&format!("1.{text}"));
        let _ = Notebook::from_json(&text);
        // Lesson files and attempt links come over the network too.
        let _ = latih_engine::lessons::decode_attempt(&format!("1.{text}"));
        let _ = latih_engine::lessons::parse_lesson(&text);
        let front = "---\nslug: s\nstage: collect\norder: 1\ntitle: t\nmisconception: m\n---\n";
        let _ = latih_engine::lessons::parse_lesson(&format!("{front}{text}"));
        let _ = latih_engine::lessons::parse_lesson(&format!("{front}```cells\n{text}\n```\n```check\n{text}\n```"));
    }

    /// Markdown-like text, nested and unbalanced: a note from a link is read into its tree,
    /// which is encoded and read back, as the worker sends it to the page.
    #[test]
    fn notes_take_any_markdown(
        text in "(?s)([>*_`#~|!\\-]|\\[|\\]|\\(|\\)|<[a-z/]{0,4}>?|https?://[a-z.]{0,6}|[a-z0-9 ]{0,4}|\n){0,120}"
    ) {
        let nodes = parse_note(&text);
        let json = serde_json::to_string(&nodes).unwrap();
        let back: Vec<NoteNode> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, nodes);
    }

    /// A tune cell's search spaces as typed (or as a link writes them), for every parameter
    /// of every model: read, or refused with a message.
    #[test]
    fn search_spaces_take_any_text(
        text in "(?s)(log|[0-9]{0,3}|[.,e+\\-]|\\.\\.| |inf|NaN|none|sqrt|[a-z]{1,3}|.){0,14}",
        model in 0usize..64,
        random in any::<bool>(),
    ) {
        let kinds = ModelSpec::KINDS;
        let base = ModelSpec::named(kinds[model % kinds.len()].name).unwrap();
        let spaces: Vec<SpaceText> = Param::for_model(&base)
            .into_iter()
            .map(|param| SpaceText { param, text: text.clone() })
            .collect();
        let kind = if random { SearchKind::Random { iterations: 5, seed: 1 } } else { SearchKind::Grid };
        if let Ok(found) = candidates(&base, &spaces, kind) {
            for candidate in found {
                let _ = candidate.model(&base);
            }
        }
    }

    /// Any note in a link: encoded, decoded, and read, as opening the link does.
    #[test]
    fn links_take_any_note(text in "(?s).{0,300}") {
        let mut notebook = Notebook::starter("iris", "species");
        notebook.cells.push(Cell::Note(NoteCell { text }));
        let shared = link::decode(&link::encode(&notebook)).unwrap();
        if let Some(Cell::Note(note)) = shared.cells.last() {
            let _ = parse_note(&note.text);
        }
    }

    #[test]
    fn a_valid_link_with_any_one_character_changed_is_read_or_refused(
        position in 0usize..200, replacement in proptest::char::any()
    ) {
        let good = link::encode(&Notebook::starter("iris", "species"));
        let mut chars: Vec<char> = good.chars().collect();
        let at = position % chars.len();
        chars[at] = replacement;
        let _ = link::decode(&chars.into_iter().collect::<String>());
    }
}

fn model(kind: u8, depth: Option<u32>, split: u32, k: u32, trees: u32, seed: u64) -> ModelSpec {
    match kind % 6 {
        0 => ModelSpec::DecisionTree(DecisionTreeParams {
            max_depth: depth,
            min_samples_split: split,
        }),
        1 => ModelSpec::RandomForest(RandomForestParams {
            n_estimators: trees,
            max_depth: depth,
            min_samples_split: split,
            max_features: [MaxFeatures::Sqrt, MaxFeatures::Log2, MaxFeatures::All]
                [(seed % 3) as usize],
            bootstrap: seed.is_multiple_of(2),
            seed,
        }),
        2 => ModelSpec::KNearestNeighbors(KnnParams {
            n_neighbors: k,
            weights: if seed.is_multiple_of(2) {
                NeighbourWeights::Uniform
            } else {
                NeighbourWeights::Distance
            },
        }),
        3 => ModelSpec::SupportVectorMachine(SvmParams {
            kernel: if seed.is_multiple_of(2) {
                Kernel::Rbf
            } else {
                Kernel::Linear
            },
            c: f64::from(split) / 4.0,
            gamma: depth.map(|d| f64::from(d) / 8.0),
            epsilon: f64::from(k) / 10.0,
            standardize: trees.is_multiple_of(2),
        }),
        4 => ModelSpec::BernoulliNaiveBayes(BernoulliNbParams {
            alpha: f64::from(k) / 4.0,
            binarize: f64::from(split) / 2.0 - 1.0,
        }),
        _ => ModelSpec::GaussianNaiveBayes(GaussianNbParams::default()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// Tiny, constant, duplicated, missing-riddled or single-class data, absurd fractions and
    /// hyperparameters: every cell answers with an output or an error, and nothing panics.
    #[test]
    fn whole_notebooks_take_any_small_data_and_any_parameters(
        // Mostly usable rows, so the cases reach training and prediction, not only the
        // early refusals.
        rows in proptest::collection::vec(
            (prop_oneof![1 => Just(None), 9 => (-3i8..3).prop_map(|v| Some(f64::from(v) / 2.0))],
             prop_oneof![1 => Just(None), 9 => (0u8..3).prop_map(Some)],
             0u8..3),
            0..40,
        ),
        test_fraction in prop_oneof![1 => Just(0.0), 1 => Just(1.0), 1 => Just(f64::NAN), 12 => 0.01f64..0.99],
        stratify in any::<bool>(),
        seed in any::<u64>(),
        kind in any::<u8>(),
        depth in prop_oneof![Just(None), (0u32..6).prop_map(Some), (60u32..70).prop_map(Some)],
        split in 0u32..6,
        k in 0u32..10,
        trees in 0u32..4,
        // Columns read as other kinds, the target too, and a column that is not there.
        types in proptest::collection::vec((0usize..4, 0usize..5), 0..3),
    ) {
        let mut csv = String::from("x,c,y\n");
        for (x, c, y) in &rows {
            let x = x.map(|v| v.to_string()).unwrap_or_default();
            let c = c.map(|v| ["red", "green", "blue"][v as usize]).unwrap_or("NA");
            csv += &format!("{x},{c},{}\n", ["a", "b", "c"][*y as usize]);
        }
        let data = HashMap::from([("random".to_string(), csv)]);
        let mut notebook = Notebook::starter("random", "y");
        if let Cell::Dataset(d) = &mut notebook.cells[0] {
            d.types = types
                .iter()
                .map(|&(c, t)| (["x", "c", "y", "nope"][c].to_string(), ValueType::ALL[t]))
                .collect();
        }
        notebook.cells[1] = Cell::Split(SplitCell { test_fraction, stratify, seed });
        notebook.cells[2] = Cell::Train(TrainCell { model: model(kind, depth, split, k, trees, seed) });
        notebook.add_model();
        // DBSCAN on every third run, with eps from 0 (refused) up and any min_samples.
        let dbscan = seed.is_multiple_of(3).then(|| DbscanParams {
            eps: f64::from(depth.unwrap_or(0)) / 4.0,
            min_samples: split,
        });
        notebook.cells.push(Cell::Clusters(ClustersCell { n_clusters: k, seed, dbscan }));
        notebook.cells.push(Cell::Boundary(BoundaryCell::default()));
        let outputs = evaluate(&notebook, &data);
        prop_assert_eq!(outputs.len(), notebook.cells.len());
    }
}
