//! "Make a repository": the notebook as a complete GitHub project in one zip. A README whose
//! numbers are the notebook's own (the models compared on the test set, the confusion matrix or
//! the residuals as an image), the notebook as `notebook.ipynb` and `pipeline.py` reading the
//! data from `data/` (carried in the zip, so that the unzipped folder runs as it is), pinned
//! requirements, a `.gitignore`, a licence of the learner's choice, `data/README.md` on where
//! the data comes from, and the trained model under `model/` where it can leave the page.
//!
//! The README is written in the learner's language from a template per language (its prose)
//! and the catalog's words ([`REPOSITORY_KEYS`], for the parts that depend on the notebook).

mod clusters;
mod figures;

use super::{ipynb, python_script, OnSite, PageWords, Words};
use crate::datasets::{query_result_name, user_file_name, DATASETS};
use crate::metrics::ReportRow;
use crate::notebook::{evaluate, Cell, CellOutput, DataSource, Notebook};
use crate::prep::{ImputeStrategy, Step};
use crate::Error;
use serde::{Deserialize, Serialize};

const README_EN: &str = include_str!("README.en.md");
const README_ID: &str = include_str!("README.id.md");
const DATA_EN: &str = include_str!("data.en.md");
const DATA_ID: &str = include_str!("data.id.md");
const GITIGNORE: &str = include_str!("gitignore");
const REQUIREMENTS: &str = include_str!("requirements.txt");
const MIT: &str = include_str!("MIT.txt");
const BSD_3_CLAUSE: &str = include_str!("BSD-3-Clause.txt");

/// The catalog keys the repository's words come from, besides the step kinds, the model names
/// and the data sets' notes ([`repository_keys`] lists them all).
pub const REPOSITORY_KEYS: &[&str] = &[
    "repo-question-classes",
    "repo-question-numbers",
    "repo-data",
    "repo-own-source",
    "repo-own-licence",
    "repo-url-source",
    "repo-no-steps",
    "repo-all-numbers",
    "repo-split",
    "repo-model",
    "repo-no-models",
    "repo-question-clusters",
    "repo-models-heading",
    "repo-clusters-heading",
    "repo-measure",
    "repo-value",
    "repo-caveat-split",
    "repo-caveat-clusters",
    "repo-caveat-dbscan",
    "out-clusters-found",
    "out-clusters-dbscan",
    "out-clusters-dbscan-none",
    "out-clusters-noise",
    "out-silhouette",
    "out-adjusted-rand",
    "out-silhouette-sampled",
    "out-clusters-chart",
    "repo-confusion",
    "repo-residuals",
    "repo-deployed-heading",
    "repo-deployed",
    "repo-file-read-from",
    "repo-axis-predicted",
    "repo-axis-true",
    "repo-axis-error",
    "repo-baseline",
    "repo-limitations-prompt",
    "repo-per-class",
    "repo-class",
    "repo-test-rows",
    "repo-precision",
    "repo-recall",
    "repo-settings",
    "repo-defaults",
    "repo-features",
    "out-accuracy",
    "out-balanced-accuracy",
    "out-roc-auc",
    "repo-macro-f1",
    "page-score-r2",
    "page-score-mae",
    "page-score-rmse",
];

/// Every catalog key a repository may need.
pub fn repository_keys() -> Vec<String> {
    let steps = [
        "impute",
        "one-hot",
        "scale",
        "drop-columns",
        "drop-missing",
        "filter",
        "drop-duplicates",
        "rename",
        "cast",
        "ordinal",
        "clip-outliers",
        "log",
        "bin",
    ]
    .map(|kind| format!("step-kind-{kind}"));
    let models = crate::models::ModelSpec::KINDS
        .iter()
        .map(|kind| kind.label.to_string());
    let about = DATASETS.iter().map(|d| format!("dataset-{}-about", d.id));
    REPOSITORY_KEYS
        .iter()
        .map(|k| k.to_string())
        .chain(steps)
        .chain(models)
        .chain(about)
        .collect()
}

/// The licence of the repository's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Licence {
    Mit,
    Bsd3Clause,
}

impl Licence {
    fn name(self) -> &'static str {
        match self {
            Licence::Mit => "MIT",
            Licence::Bsd3Clause => "BSD 3-Clause",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Licence::Mit => MIT,
            Licence::Bsd3Clause => BSD_3_CLAUSE,
        }
    }
}

/// What the learner chooses, and where the notebook lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepositoryOptions {
    /// "id" or "en": the README's language.
    pub lang: String,
    /// The live notebook's address (its share link).
    pub link: String,
    /// The site's address, for a data set the zip does not carry.
    pub site: Option<String>,
    pub licence: Licence,
    /// The licence's copyright holder.
    pub author: String,
    pub year: i32,
    /// The README's words the learner wrote in the page; each left empty is written from the
    /// notebook (the numbers always are).
    #[serde(default)]
    pub prose: ReadmeProse,
}

/// The parts of the README that are the learner's to say.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReadmeProse {
    /// The project's title (else the data set and its target).
    pub title: String,
    /// The question the project answers, and for whom (else one sentence from the notebook).
    pub question: String,
    /// What the model must not be used for, and what comes next (else a prompt to write it).
    pub limitations: String,
}

/// `own` trimmed, or `generated` where the learner wrote nothing.
fn own_or(own: &str, generated: String) -> String {
    match own.trim() {
        "" => generated,
        own => own.to_string(),
    }
}

/// The repository as zip bytes. `words` looks up catalog keys in the README's language
/// ([`repository_keys`], and the Python export's); `page_words` (both languages), when given,
/// puts the prediction page among the model's files.
pub fn repository_of(
    notebook: &Notebook,
    source: &dyn DataSource,
    words: Words,
    page_words: Option<&PageWords>,
    options: &RepositoryOptions,
) -> Result<Vec<u8>, Error> {
    let outputs = evaluate(notebook, source);
    let (dataset_at, dataset) = notebook
        .cells
        .iter()
        .enumerate()
        .find_map(|(i, c)| match c {
            Cell::Dataset(d) => Some((i, d)),
            _ => None,
        })
        .ok_or(Error::NeedsCellAbove {
            cell: crate::error::CellKind::Dataset,
        })?;
    // A notebook whose data does not load has nothing to show: its own error says why.
    let loaded = match outputs.get(dataset_at) {
        Some(Ok(CellOutput::Dataset(out))) => out,
        Some(Err(e)) => return Err(e.clone()),
        _ => {
            return Err(Error::NeedsCellAbove {
                cell: crate::error::CellKind::Dataset,
            })
        }
    };
    let evaluated = evaluations(notebook, &outputs, words);
    let regression = evaluated.iter().any(|e| e.regression);
    let clusters = clusters::clusters_section(notebook, &outputs, words);

    // The data: carried in data/ when the notebook has its text.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let info = DATASETS.iter().find(|d| d.id == dataset.dataset);
    let file_name = user_file_name(&dataset.dataset)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}.csv", dataset.dataset));
    let (title, about, data_source, licence) = match info {
        Some(info) => (
            info.title.to_string(),
            words(&format!("dataset-{}-about", info.id)),
            info.source.to_string(),
            info.licence.to_string(),
        ),
        None => (
            file_name.clone(),
            String::new(),
            match &dataset.url {
                Some(url) => fill(&words("repo-url-source"), &[("url", url.clone())]),
                None => words("repo-own-source"),
            },
            words("repo-own-licence"),
        ),
    };
    let carried = data_ids(notebook)
        .into_iter()
        .filter_map(|id| {
            let text = source.csv(&id)?;
            let name = user_file_name(&id)
                .map(str::to_string)
                .unwrap_or_else(|| format!("{id}.csv"));
            Some((format!("data/{name}"), text.as_bytes().to_vec()))
        })
        .collect::<Vec<_>>();
    let data_file = match &dataset.url {
        Some(url) => fill(&words("repo-file-read-from"), &[("url", url.clone())]),
        None => format!("data/{file_name}"),
    };
    let english = options.lang == "en";
    let data_readme = fill_braces(
        if english { DATA_EN } else { DATA_ID },
        &[
            (
                "about",
                if about.is_empty() {
                    title.clone()
                } else {
                    about
                },
            ),
            ("source", data_source.clone()),
            ("licence", licence.clone()),
            ("file", data_file),
        ],
    );

    // The question, the data, the steps, the comparison.
    let target = dataset.target.clone();
    let question = if evaluated.is_empty() && clusters.is_some() {
        fill(
            &words("repo-question-clusters"),
            &[("target", target.clone()), ("dataset", title.clone())],
        )
    } else if regression {
        fill(
            &words("repo-question-numbers"),
            &[("target", target.clone()), ("dataset", title.clone())],
        )
    } else {
        let classes = evaluated
            .iter()
            .find_map(|e| e.classes.as_ref().map(Vec::len))
            .unwrap_or(0);
        fill(
            &words("repo-question-classes"),
            &[
                ("target", target.clone()),
                ("dataset", title.clone()),
                ("classes", classes.to_string()),
            ],
        )
    };
    let data = fill(
        &words("repo-data"),
        &[
            ("dataset", title.clone()),
            ("rows", loaded.rows.to_string()),
            ("columns", loaded.columns.to_string()),
            ("source", data_source),
            ("licence", licence),
        ],
    );
    let steps: Vec<String> = notebook
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Steps(s) => Some(&s.steps),
            _ => None,
        })
        .flatten()
        .map(|step| format!("- {}", step_line(step, words)))
        .collect();
    let steps = if steps.is_empty() {
        words("repo-no-steps")
    } else {
        steps.join("\n")
    };
    let split = notebook.cells.iter().find_map(|c| match c {
        Cell::Split(s) => Some(s),
        _ => None,
    });
    let split = match (split, evaluated.first()) {
        (Some(split), Some(first)) => fill(
            &words("repo-split"),
            &[
                ("rows", first.test_rows.to_string()),
                ("percent", format!("{:.0}", split.test_fraction * 100.0)),
                ("seed", split.seed.to_string()),
            ],
        ),
        _ => String::new(),
    };
    let mut models = models_table(&evaluated, regression, words);
    // What answering the test set's most common class every time would score: the bar a model
    // must clear, from the confusion matrix's rows (the test set's true classes).
    if let Some(Figure::Confusion { classes, counts }) = evaluated.last().map(|e| &e.figure) {
        let sizes: Vec<u64> = counts.iter().map(|row| row.iter().sum()).collect();
        let total: u64 = sizes.iter().sum();
        if let Some((most, &size)) = sizes
            .iter()
            .enumerate()
            .max_by_key(|(i, s)| (**s, std::cmp::Reverse(*i)))
        {
            if total > 0 {
                models += "\n\n";
                models += &fill(
                    &words("repo-baseline"),
                    &[
                        ("class", markdown_text(&classes[most])),
                        ("accuracy", format!("{:.3}", size as f64 / total as f64)),
                    ],
                );
            }
        }
    }
    if let Some(last) = evaluated.last().filter(|e| !e.per_class.is_empty()) {
        models += "\n\n";
        models += &per_class_table(last, words);
    }
    let settings: Vec<String> = evaluated
        .iter()
        .map(|e| {
            let set = match e.settings.is_empty() {
                true => words("repo-defaults"),
                false => format!("`{}`", e.settings.join("`, `")),
            };
            format!("- {}: {set}", markdown_text(&e.model))
        })
        .collect();
    if !settings.is_empty() {
        models += &format!("\n\n{}\n\n{}", words("repo-settings"), settings.join("\n"));
    }
    let mut figure = String::new();
    if let Some(last) = evaluated.last() {
        let (file, svg, key) = match &last.figure {
            Figure::Confusion { classes, counts } => (
                "images/confusion_matrix.svg",
                figures::confusion_svg(
                    classes,
                    counts,
                    (&words("repo-axis-predicted"), &words("repo-axis-true")),
                ),
                "repo-confusion",
            ),
            Figure::Residuals { truth, predicted } => (
                "images/residuals.svg",
                figures::residuals_svg(
                    truth,
                    predicted,
                    (&words("repo-axis-predicted"), &words("repo-axis-error")),
                ),
                "repo-residuals",
            ),
        };
        let caption = fill(&words(key), &[("model", last.model.clone())]);
        figure = format!("![{}]({file})\n\n*{}*", markdown_text(&caption), caption);
        files.push((file.to_string(), svg.into_bytes()));
    }

    // The trained model, where it can leave the page: fitted once for its three files.
    let mut deployed = String::new();
    let trained = crate::notebook::trained_model(notebook, source).ok();
    if let Some(trained) = &trained {
        let columns: Vec<String> = trained
            .inputs
            .iter()
            .map(|f| format!("`{}`", f.column.replace('`', "'")))
            .collect();
        models += "\n\n";
        models += &fill(
            &words("repo-features"),
            &[
                ("count", columns.len().to_string()),
                ("columns", columns.join(", ")),
            ],
        );
    }
    let onnx = trained.as_ref().and_then(|trained| {
        let recipe = super::recipe::Recipe::of(trained).ok()?;
        super::onnx::onnx_model(&recipe).ok()
    });
    if let (Some(trained), Some(onnx)) = (&trained, onnx) {
        files.push(("model/model.onnx".into(), onnx));
        if let Ok(schema) = super::schema::schema_json(trained, &options.link) {
            files.push(("model/schema.json".into(), schema.into_bytes()));
        }
        if let Some(page_words) = page_words {
            if let Ok(page) = super::page::page_html(trained, page_words, &options.link) {
                files.push(("model/predict.html".into(), page.into_bytes()));
            }
        }
        let last_model = notebook
            .model_above(notebook.cells.len())
            .map(|(_, spec)| words(spec.kind().label))
            .unwrap_or_default();
        deployed = format!(
            "## {}\n\n{}",
            words("repo-deployed-heading"),
            fill(&words("repo-deployed"), &[("model", last_model)])
        );
    }

    // The models compared; a clustering's groups, in their place or after them.
    let mut results = Vec::new();
    if !evaluated.is_empty() || clusters.is_none() {
        results.push(format!("## {}", words("repo-models-heading")));
        results.extend(
            [split, models, figure]
                .into_iter()
                .filter(|t| !t.is_empty()),
        );
    }
    // What the numbers above cannot say, for each kind of result shown.
    let mut caveats = Vec::new();
    if !evaluated.is_empty() {
        caveats.push(format!("- {}", words("repo-caveat-split")));
    }
    if let Some(section) = &clusters {
        caveats.push(format!("- {}", words(section.caveat)));
    }
    if let Some(section) = clusters {
        results.push(format!("## {}", words("repo-clusters-heading")));
        results.push(section.text);
        files.push((section.figure.0, section.figure.1.into_bytes()));
    }
    let results = results.join("\n\n");

    let readme = fill_braces(
        if english { README_EN } else { README_ID },
        &[
            (
                "title",
                own_or(&options.prose.title, format!("{title}: {target}")),
            ),
            ("question", own_or(&options.prose.question, question)),
            (
                "limitations",
                own_or(&options.prose.limitations, words("repo-limitations-prompt")),
            ),
            // A link GitHub can follow, or the name alone (a relative link would be a 404 there).
            (
                "latih",
                if options.link.starts_with("http") {
                    format!("[Latih]({})", options.link)
                } else {
                    "Latih".to_string()
                },
            ),
            ("data", data),
            ("steps", steps),
            ("results", results),
            ("caveats", caveats.join("\n")),
            ("deployed", deployed),
            ("licence", options.licence.name().to_string()),
        ],
    );
    let licence_text = fill_braces(
        options.licence.text(),
        &[
            ("year", options.year.to_string()),
            ("author", options.author.trim().to_string()),
        ],
    );
    let code_source = OnSite {
        files: source,
        site: options.site.as_deref(),
        folder: "data/",
    };
    let mut all: Vec<(String, Vec<u8>)> = vec![
        ("README.md".into(), readme.into_bytes()),
        (
            "notebook.ipynb".into(),
            ipynb(notebook, words, &code_source).into_bytes(),
        ),
        (
            "pipeline.py".into(),
            python_script(notebook, words, &code_source).into_bytes(),
        ),
        ("requirements.txt".into(), REQUIREMENTS.into()),
        (".gitignore".into(), GITIGNORE.into()),
        ("LICENSE".into(), licence_text.into_bytes()),
        ("data/README.md".into(), data_readme.into_bytes()),
    ];
    all.extend(carried);
    all.extend(files);
    let named: Vec<(&str, Vec<u8>)> = all
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.clone()))
        .collect();
    Ok(super::zip::zip_of(&named))
}

/// `{name}` in a catalog's words replaced by its value.
fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// `{{name}}` in a template replaced by its value.
fn fill_braces(template: &str, pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{{{name}}}}}"), value)
        })
}

/// The data sets the notebook reads from files (not query results, not URLs).
fn data_ids(notebook: &Notebook) -> Vec<String> {
    // The tables a query may name: the notebook's data sets and the shipped ones.
    let known: Vec<String> = notebook
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Dataset(d) => Some(d.dataset.clone()),
            _ => None,
        })
        .chain(DATASETS.iter().map(|d| d.id.to_string()))
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for cell in &notebook.cells {
        let named: Vec<String> = match cell {
            Cell::Dataset(d) if d.url.is_none() => vec![d.dataset.clone()],
            Cell::Sql(sql) => {
                crate::notebook::tables_for(&sql.query, known.iter().map(String::as_str))
            }
            _ => Vec::new(),
        };
        for id in named {
            if query_result_name(&id).is_none() && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// What the README draws of the last model evaluated.
enum Figure {
    Confusion {
        classes: Vec<String>,
        counts: Vec<Vec<u64>>,
    },
    Residuals {
        truth: Vec<f64>,
        predicted: Vec<f64>,
    },
}

/// One evaluated model: its name and its test scores, in the order of the table's columns.
struct Evaluated {
    model: String,
    regression: bool,
    scores: Vec<Option<f64>>,
    classes: Option<Vec<String>>,
    test_rows: usize,
    figure: Figure,
    /// Each class's precision, recall and rows in the test set (classes only).
    per_class: Vec<(String, ReportRow)>,
    /// The settings the train cell changes from the model's defaults, as `name = value`.
    settings: Vec<String>,
}

/// The settings a train cell sets (its JSON's fields but its kind and model), `name = value`.
fn train_settings(cell: &Cell) -> Vec<String> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(cell) else {
        return Vec::new();
    };
    fields
        .into_iter()
        .filter(|(name, _)| name != "kind" && name != "model")
        .map(|(name, value)| format!("{name} = {value}"))
        .collect()
}

/// Each evaluate cell that ran, with the model above it.
fn evaluations(
    notebook: &Notebook,
    outputs: &[Result<CellOutput, Error>],
    words: Words,
) -> Vec<Evaluated> {
    let mut evaluated = Vec::new();
    for (index, output) in outputs.iter().enumerate() {
        let Some((at, spec)) = notebook.model_above(index) else {
            continue;
        };
        let model = words(spec.kind().label);
        let settings = train_settings(&notebook.cells[at]);
        match output {
            Ok(CellOutput::Evaluate(e)) => evaluated.push(Evaluated {
                model,
                regression: false,
                scores: vec![
                    Some(e.accuracy),
                    Some(e.balanced_accuracy),
                    Some(e.report.macro_avg.f1),
                    e.roc.as_ref().ok().map(|r| r.auc),
                ],
                classes: Some(e.classes.clone()),
                test_rows: e.test_rows,
                figure: Figure::Confusion {
                    classes: e.classes.clone(),
                    counts: e.confusion.clone(),
                },
                per_class: e
                    .classes
                    .iter()
                    .cloned()
                    .zip(e.report.per_class.iter().cloned())
                    .collect(),
                settings,
            }),
            Ok(CellOutput::EvaluateRegression(r)) => evaluated.push(Evaluated {
                model,
                regression: true,
                scores: vec![Some(r.r2), Some(r.mae), Some(r.rmse)],
                classes: None,
                test_rows: r.y_true.len(),
                figure: Figure::Residuals {
                    truth: r.y_true.clone(),
                    predicted: r.y_pred.clone(),
                },
                per_class: Vec::new(),
                settings,
            }),
            _ => {}
        }
    }
    // Two models of one kind: numbered, so that the table's rows can be told apart.
    let names: Vec<String> = evaluated.iter().map(|e| e.model.clone()).collect();
    for (i, e) in evaluated.iter_mut().enumerate() {
        if names.iter().filter(|n| **n == names[i]).count() > 1 {
            let nth = names[..=i].iter().filter(|n| **n == names[i]).count();
            e.model = format!("{} ({nth})", e.model);
        }
    }
    evaluated
}

/// A row per class of the test set: its rows there, then the model's precision and recall on
/// it (the class balance, and where the model errs).
fn per_class_table(evaluated: &Evaluated, words: Words) -> String {
    let mut table = vec![
        format!(
            "{}\n\n| {} | {} | {} | {} |",
            words("repo-per-class").replace("{model}", &markdown_text(&evaluated.model)),
            table_cell(&words("repo-class")),
            table_cell(&words("repo-test-rows")),
            table_cell(&words("repo-precision")),
            table_cell(&words("repo-recall")),
        ),
        "| --- | --- | --- | --- |".to_string(),
    ];
    for (class, row) in &evaluated.per_class {
        table.push(format!(
            "| {} | {} | {:.3} | {:.3} |",
            table_cell(class),
            row.support,
            row.precision,
            row.recall
        ));
    }
    table.join("\n")
}

/// The comparison as a GitHub table: a row per model, its test scores to three decimals.
fn models_table(evaluated: &[Evaluated], regression: bool, words: Words) -> String {
    let rows: Vec<&Evaluated> = evaluated
        .iter()
        .filter(|e| e.regression == regression)
        .collect();
    if rows.is_empty() {
        return words("repo-no-models");
    }
    let metrics: &[&str] = if regression {
        &["page-score-r2", "page-score-mae", "page-score-rmse"]
    } else {
        &[
            "out-accuracy",
            "out-balanced-accuracy",
            "repo-macro-f1",
            "out-roc-auc",
        ]
    };
    let mut header = vec![words("repo-model")];
    header.extend(metrics.iter().map(|k| words(k)));
    let mut table = vec![
        format!(
            "| {} |",
            header
                .iter()
                .map(|h| table_cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        format!("|{}", " --- |".repeat(header.len())),
    ];
    for row in rows {
        let scores = row
            .scores
            .iter()
            .map(|s| s.map_or_else(|| "–".to_string(), |v| format!("{v:.3}")));
        let cells: Vec<String> = std::iter::once(table_cell(&row.model))
            .chain(scores)
            .collect();
        table.push(format!("| {} |", cells.join(" | ")));
    }
    table.join("\n")
}

/// Text for a table cell: a `|` would end the cell.
fn table_cell(text: &str) -> String {
    markdown_text(text).replace('|', "\\|")
}

/// Text that Markdown shows as it is (the data's names may hold `*`, `_`, `[`…).
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#!|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A column's name as inline code, whatever backticks it holds.
fn code(name: &str) -> String {
    let longest = name.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {name} {fence}")
}

/// A step in one line: what it is (the catalog's name for its kind) and what it touches.
fn step_line(step: &Step, words: Words) -> String {
    let (kind, detail) = match step {
        Step::DropColumns { columns } => (
            "drop-columns",
            columns
                .iter()
                .map(|c| code(c))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Step::Impute { column, strategy } => {
            let how = match strategy {
                ImputeStrategy::Mean => "mean".to_string(),
                ImputeStrategy::Median => "median".to_string(),
                ImputeStrategy::MostFrequent => "most_frequent".to_string(),
                ImputeStrategy::Constant(v) => format!("constant {v}"),
            };
            ("impute", format!("{} ({how})", code(column)))
        }
        Step::OneHot { column } => ("one-hot", code(column)),
        Step::Scale { column, kind } => {
            let scaler = match kind {
                crate::features::scale::ScalerKind::Standard => "StandardScaler",
                crate::features::scale::ScalerKind::MinMax => "MinMaxScaler",
                crate::features::scale::ScalerKind::Robust => "RobustScaler",
            };
            let which = column
                .as_deref()
                .map_or_else(|| words("repo-all-numbers"), code);
            ("scale", format!("{which} ({scaler})"))
        }
        Step::DropMissingRows => ("drop-missing", String::new()),
        Step::Rename { column, to } => ("rename", format!("{} → {}", code(column), code(to))),
        Step::Cast { column, to } => ("cast", format!("{} → {}", code(column), to.name())),
        Step::Filter { column, op, value } => (
            "filter",
            match op.python() {
                Some(op) => format!("{} {op} {}", code(column), code(value)),
                None if *op == crate::prep::FilterOp::Missing => format!("{}.isna()", code(column)),
                None => format!("{}.notna()", code(column)),
            },
        ),
        Step::DropDuplicates => ("drop-duplicates", String::new()),
        Step::Ordinal { column } => ("ordinal", code(column)),
        Step::ClipOutliers { column } => ("clip-outliers", code(column)),
        Step::Log { column } => ("log", code(column)),
        Step::Bin { column, bins } => ("bin", format!("{} ({bins})", code(column))),
    };
    let label = words(&format!("step-kind-{kind}"));
    if detail.is_empty() {
        label
    } else {
        format!("{label}: {detail}")
    }
}
