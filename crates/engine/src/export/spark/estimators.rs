//! The train cell's model as an MLlib estimator with the nearest settings, and the tune cell's
//! search as a `CrossValidator` over the same candidates. One mapping from Latih's (scikit-learn's)
//! settings to MLlib's serves both, so that a searched value means what the trained one means.
//!
//! scikit-learn weighs a penalty against the sum of the rows' losses, MLlib against their mean:
//! C becomes `regParam = 1 / (C · rows)`, ridge's alpha `alpha / rows` (lasso's and elastic net's
//! objectives already divide by the rows, in both).

use super::super::Words;
use crate::models::declare::Value;
use crate::models::ModelSpec;
use crate::notebook::TuneCell;
use crate::python::py_float;
use crate::tune::{candidates, Scoring};

/// MLlib's trees grow at most this deep.
const MLLIB_MAX_DEPTH: u64 = 30;
/// Split candidates per feature: scikit-learn's histogram boosting bins into 255, Latih's forests
/// into 256; MLlib's default (32) is coarser.
const MAX_BINS: u32 = 256;

/// The catalog key of the note saying which MLlib model stands in for `model`, where MLlib lacks it.
pub(super) fn nearest(model: &ModelSpec, regression: bool) -> Option<&'static str> {
    match model {
        ModelSpec::KNearestNeighbors(_) => Some("spark-nearest-knn"),
        ModelSpec::GradientBoosting(_) => Some("spark-nearest-boosting"),
        ModelSpec::NeuralNetwork(_) if regression => Some("spark-nearest-network-numbers"),
        ModelSpec::NeuralNetwork(_) => Some("spark-nearest-network"),
        ModelSpec::SupportVectorMachine(_) if regression => Some("spark-nearest-svr"),
        ModelSpec::SupportVectorMachine(_) if choice(model, "kernel") == Some("rbf") => {
            Some("spark-nearest-rbf")
        }
        _ => None,
    }
}

fn choice(model: &ModelSpec, name: &str) -> Option<&'static str> {
    match model.get(name)? {
        Value::Choice(value) => Some(value),
        _ => None,
    }
}

fn number(model: &ModelSpec, name: &str) -> Option<f64> {
    match model.get(name)? {
        Value::Whole(n) => Some(n as f64),
        Value::Decimal(x) => Some(x),
        _ => None,
    }
}

fn flag(model: &ModelSpec, name: &str) -> bool {
    model.get(name) == Some(Value::Flag(true))
}

fn whole(value: f64) -> String {
    format!("{}", value.max(0.0) as u64)
}

/// MLlib's setting for Latih's setting `name` at `value` on `model`, as a Python expression
/// (`rows`: the training rows); `None` where MLlib has no counterpart.
fn setting(model: &ModelSpec, name: &str, value: f64) -> Option<(&'static str, String)> {
    let depth = |d: f64| whole(d.min(MLLIB_MAX_DEPTH as f64));
    Some(match (model, name) {
        (ModelSpec::KNearestNeighbors(_), _) => return None,
        (_, "max_depth") => ("maxDepth", depth(value)),
        // A split needs min_samples_split rows; MLlib asks it of each side instead.
        (_, "min_samples_split") => ("minInstancesPerNode", whole((value / 2.0).max(1.0))),
        (_, "min_samples_leaf") => ("minInstancesPerNode", whole(value)),
        (_, "n_estimators") => ("numTrees", whole(value)),
        // Leaf-wise growth to max_leaf_nodes leaves, as depth-wise growth deep enough for them.
        (ModelSpec::GradientBoosting(_), "max_leaf_nodes")
            if model.get("max_depth") == Some(Value::Empty) =>
        {
            ("maxDepth", depth(value.max(2.0).log2().ceil()))
        }
        (_, "learning_rate" | "learning_rate_init") => ("stepSize", py_float(value)),
        (_, "max_iter") => ("maxIter", whole(value)),
        (ModelSpec::LogisticRegression(_) | ModelSpec::SupportVectorMachine(_), "C") => {
            ("regParam", format!("1 / ({} * rows)", py_float(value)))
        }
        // MLlib weighs the L2 part against the standardised label (`spread`: its deviation).
        (ModelSpec::LinearRegression(_), "alpha") => match choice(model, "penalty") {
            Some("ridge") => ("regParam", format!("{} * spread / rows", py_float(value))),
            Some("elastic_net") => {
                let l1 = number(model, "l1_ratio").unwrap_or(0.5);
                let (l1, l2) = (py_float(l1), py_float(1.0 - l1));
                let alpha = py_float(value);
                ("regParam", format!("{alpha} * ({l1} + {l2} * spread)"))
            }
            _ => ("regParam", py_float(value)),
        },
        (ModelSpec::LinearRegression(_), "l1_ratio") => {
            let (l1, l2) = (py_float(value), py_float(1.0 - value));
            ("elasticNetParam", format!("{l1} / ({l1} + {l2} * spread)"))
        }
        (ModelSpec::BernoulliNaiveBayes(_), "alpha") => ("smoothing", py_float(value)),
        _ => return None,
    })
}

/// The estimator's class and its arguments, and whether the features are standardised first.
struct Estimator {
    class: &'static str,
    arguments: Vec<String>,
    standardize: bool,
    /// The binariser's threshold of a Bernoulli naive Bayes.
    binarize: Option<f64>,
    /// Whether MLlib's model takes two classes only.
    binary_only: bool,
}

fn estimator(model: &ModelSpec, regression: bool) -> Estimator {
    let pick =
        |classes: &'static str, numbers: &'static str| if regression { numbers } else { classes };
    let mut arguments: Vec<String> = Vec::new();
    let kind = model.kind();
    for param in kind.params.iter().filter(|p| model.applies(p)) {
        if let Some((name, value)) =
            number(model, param.name).and_then(|v| setting(model, param.name, v))
        {
            let argument = format!("{name}={value}");
            if !arguments.iter().any(|a| a.starts_with(&format!("{name}="))) {
                arguments.push(argument);
            }
        }
    }
    let seed = number(model, "seed").map_or(0, |s| s as u64);
    let mut standardize = false;
    let mut binary_only = false;
    let mut binarize = None;
    let class = match model {
        ModelSpec::DecisionTree(_) => {
            if model.get("max_depth") == Some(Value::Empty) {
                arguments.push(format!("maxDepth={MLLIB_MAX_DEPTH}"));
            }
            arguments.extend([format!("maxBins={MAX_BINS}"), "seed=0".into()]);
            pick("DecisionTreeClassifier", "DecisionTreeRegressor")
        }
        ModelSpec::RandomForest(_) => {
            if model.get("max_depth") == Some(Value::Empty) {
                arguments.push(format!("maxDepth={MLLIB_MAX_DEPTH}"));
            }
            let subset = match choice(model, "max_features") {
                Some("sqrt") => "sqrt",
                Some("log2") => "log2",
                _ => "all",
            };
            arguments.extend([
                format!("featureSubsetStrategy=\"{subset}\""),
                format!(
                    "bootstrap={}",
                    if flag(model, "bootstrap") {
                        "True"
                    } else {
                        "False"
                    }
                ),
                format!("maxBins={MAX_BINS}"),
                format!("seed={seed}"),
            ]);
            pick("RandomForestClassifier", "RandomForestRegressor")
        }
        ModelSpec::GradientBoosting(_) => {
            arguments.extend([format!("maxBins={MAX_BINS}"), format!("seed={seed}")]);
            binary_only = !regression;
            pick("GBTClassifier", "GBTRegressor")
        }
        ModelSpec::LogisticRegression(_) => {
            arguments.push(format!(
                "standardization={}",
                python_flag(flag(model, "standardize"))
            ));
            "LogisticRegression"
        }
        ModelSpec::NeuralNetwork(_) if regression => {
            arguments = vec![format!("maxBins={MAX_BINS}"), format!("seed={seed}")];
            "GBTRegressor"
        }
        ModelSpec::NeuralNetwork(_) => {
            standardize = flag(model, "standardize");
            let hidden = match model.get("hidden_layer_sizes") {
                Some(Value::List(sizes)) => sizes.iter().map(|s| format!("{s}, ")).collect(),
                _ => String::new(),
            };
            arguments.extend([
                format!("layers=[input_size(train, features), {hidden}len(classes)]"),
                format!("seed={seed}"),
            ]);
            "MultilayerPerceptronClassifier"
        }
        ModelSpec::KNearestNeighbors(_) => {
            arguments = vec![format!("maxBins={MAX_BINS}"), "seed=0".into()];
            pick("RandomForestClassifier", "RandomForestRegressor")
        }
        ModelSpec::GaussianNaiveBayes(_) => {
            arguments.push("modelType=\"gaussian\"".into());
            "NaiveBayes"
        }
        ModelSpec::BernoulliNaiveBayes(_) => {
            binarize = number(model, "binarize");
            arguments.extend([
                "modelType=\"bernoulli\"".into(),
                "featuresCol=\"binary\"".into(),
            ]);
            "NaiveBayes"
        }
        ModelSpec::SupportVectorMachine(_) => {
            arguments.push(format!(
                "standardization={}",
                python_flag(flag(model, "standardize"))
            ));
            if regression {
                arguments.push("loss=\"huber\"".into());
                "LinearRegression"
            } else {
                binary_only = true;
                "LinearSVC"
            }
        }
        ModelSpec::LinearRegression(_) => {
            let mix = match choice(model, "penalty") {
                Some("lasso") => "1.0",
                Some("elastic_net") => "",
                _ => "0.0",
            };
            if !mix.is_empty() {
                arguments.push(format!("elasticNetParam={mix}"));
            }
            if choice(model, "penalty") == Some("none") {
                arguments.push("regParam=0.0".into());
            }
            arguments.push("standardization=False".into());
            "LinearRegression"
        }
    };
    Estimator {
        class,
        arguments,
        standardize,
        binarize,
        binary_only,
    }
}

fn python_flag(on: bool) -> &'static str {
    if on {
        "True"
    } else {
        "False"
    }
}

/// The lines that count what `settings` use: the training rows, the labels' spread.
fn counts(settings: &[String]) -> String {
    let mut code = String::new();
    if settings.iter().any(|s| s.contains("rows")) {
        code += "rows = train.count()\n";
    }
    if settings.iter().any(|s| s.contains("spread")) {
        code += "spread = label_spread()\n";
    }
    code
}

/// The train cell: the encoding stages and the estimator as one pipeline, fitted on the training
/// rows (`pipeline` and `estimator` stay for a search below).
pub(super) fn train(model: &ModelSpec, regression: bool, words: Words) -> String {
    let spark = estimator(model, regression);
    let mut code = String::new();
    if let Some(key) = nearest(model, regression) {
        code += &format!("{}\n", super::comment(&words(key)));
    }
    code += &counts(&spark.arguments);
    code += &format!(
        "estimator = {}({})\n",
        spark.class,
        spark.arguments.join(", ")
    );
    let standardize = if spark.standardize {
        ", standardize=True"
    } else {
        ""
    };
    let mut last = if spark.binary_only {
        "[for_classes(estimator)]".to_string()
    } else {
        "[estimator]".to_string()
    };
    if let Some(threshold) = spark.binarize {
        last = format!(
            "[Binarizer(threshold={}, inputCol=\"features\", outputCol=\"binary\"), estimator]",
            py_float(threshold)
        );
    }
    code += &format!(
        "pipeline = Pipeline(stages=encoded(train, features{standardize}) + {last})\n\
         model = pipeline.fit(train)"
    );
    code
}

/// The tune cell: each candidate Latih tries as one of MLlib's parameter maps (the same values,
/// through the same mapping as the train cell), cross-validated on the training rows.
pub(super) fn tune(
    cell: &TuneCell,
    model: &ModelSpec,
    regression: bool,
    words: Words,
) -> Option<String> {
    let tried = candidates(model, &cell.spaces, cell.search()).ok()?;
    let mut maps: Vec<String> = Vec::new();
    let mut unmapped: Vec<&str> = Vec::new();
    for candidate in &tried {
        let mut entries: Vec<String> = Vec::new();
        for &(param, value) in &candidate.values {
            match setting(model, param.name(), value) {
                Some((name, value)) => entries.push(format!("estimator.{name}: {value}")),
                None if !unmapped.contains(&param.name()) => unmapped.push(param.name()),
                None => {}
            }
        }
        let map = format!("{{{}}}", entries.join(", "));
        if !maps.contains(&map) {
            maps.push(map);
        }
    }
    let evaluator = match cell.scoring.suited(regression) {
        Scoring::Accuracy => "MulticlassClassificationEvaluator(metricName=\"accuracy\")",
        // MLlib has no balanced accuracy or macro F1: the nearest it has.
        Scoring::BalancedAccuracy => {
            "MulticlassClassificationEvaluator(metricName=\"accuracy\")  # nearest to balanced accuracy"
        }
        Scoring::F1Macro => {
            "MulticlassClassificationEvaluator(metricName=\"f1\")  # weighted F1: nearest to macro F1"
        }
        Scoring::RocAuc => {
            "(BinaryClassificationEvaluator() if len(classes) == 2\n\
             \x20            else MulticlassClassificationEvaluator(metricName=\"f1\"))"
        }
        Scoring::R2 => "RegressionEvaluator(metricName=\"r2\")",
        Scoring::NegMeanAbsoluteError => "RegressionEvaluator(metricName=\"mae\")",
    };
    let mut code = String::new();
    if !unmapped.is_empty() {
        let said = format!("{} {}", words("spark-not-searched"), unmapped.join(", "));
        code += &format!("{}\n", super::comment(&said));
    }
    code += &counts(&maps);
    code += &format!(
        "candidates = [\n    {},\n]\n\
         evaluator = {evaluator}\n\
         search = CrossValidator(estimator=pipeline, estimatorParamMaps=candidates, evaluator=evaluator,\n\
         \x20                       numFolds={}, seed={}, parallelism=2).fit(train)\n\
         best_of(search)",
        maps.join(",\n    "),
        cell.folds,
        cell.seed,
    );
    Some(code)
}
