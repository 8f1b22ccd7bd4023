//! `latih run notebook.latih.json [--data NAME=path.csv] [--json] [--threads N]`: runs a notebook natively with
//! the engine the browser uses, so the numbers are the same; the way out when a data set
//! outgrows a browser tab. The shipped data sets are built in.
//!
//! `latih export notebook.latih.json --to py|ipynb|onnx|lightgbm|schema|page|api|repo [-o FILE]`: prints
//! the notebook as a Python script or a Jupyter notebook that repeats it with pandas and
//! scikit-learn, or its last pipeline as ONNX (steps included), as a LightGBM text model
//! (gradient-boosted trees), as its schema (inputs, classes, test scores), or as a prediction
//! page (one HTML file, with the cleaning steps and the model inside), or an API bundle (a zip).
//! With `--site URL`, the Python reads a shipped data set from that Latih site when its file is
//! not beside the code. `--to repo` writes the notebook as a GitHub project (a zip: README with
//! the notebook's scores, notebook.ipynb, pipeline.py, the data, a licence, the model).
//!
//! `latih lessons` and `latih check <lesson> <work>`: the course's lessons, and their checks run
//! on a learner's work (see `lessons.rs`).

mod cores;
mod fetch;
mod lessons;
mod report;
mod search;

use clap::{Parser, Subcommand};
use fetch::{fetch_data, FetchLimits};
use latih_engine::export::{
    api_of, ipynb, lightgbm_of, onnx_of, page_of, python_script, repository_of, schema_of,
    spark_script, Licence, OnSite, RepositoryOptions,
};
use latih_engine::notebook::budget::{estimate, DataShape, Estimate};
use latih_engine::notebook::{link, Cell, DataSource, DatasetCell, Notebook};
use latih_engine::table::decode_text;
use latih_i18n::Lang;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "latih", version, about = "Run Latih notebooks natively")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs a notebook and prints each cell's results.
    Run {
        /// A saved notebook (.latih.json), or a file holding a shared link (…#nb=…).
        notebook: PathBuf,
        /// Use this CSV file for the data set NAME (repeatable): --data credit=my_credit.csv
        #[arg(long = "data", value_name = "NAME=PATH")]
        data: Vec<String>,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
        /// Run even a notebook estimated to compute for minutes (without it, such a notebook
        /// is not run: it says what is expensive).
        #[arg(long)]
        yes: bool,
        /// Threads to share the forests' trees and the searches' candidates among (default:
        /// one per core). The numbers are the same for any number.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        threads: Option<u16>,
        /// Draw each search's learning curve too: its model's scores on more and more of the
        /// training rows, as the page's "Draw the learning curve" does.
        #[arg(long)]
        learning_curve: bool,
        /// The language of the text: id or en.
        #[arg(long, default_value = "en")]
        lang: String,
        #[command(flatten)]
        fetching: Fetching,
    },
    /// Lists the lessons: slug, stage, title, and each check's id and kind.
    Lessons {
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Runs a lesson's checks on a learner's work: an attempt file, a notebook file or a file
    /// holding a shared link; or, with --solution, on the lesson's own solution. LESSON is a
    /// lesson's slug, or the path of a lesson file being written (ending in .md).
    Check {
        lesson: String,
        #[arg(required_unless_present = "solution")]
        work: Option<PathBuf>,
        #[arg(long, conflicts_with = "work")]
        solution: bool,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Runs one SQL SELECT over the shipped data sets (by name: penguins, titanic, …) and the
    /// --data files (a file:NAME.csv goes by NAME), and prints the result as CSV.
    Sql {
        query: String,
        /// Use this CSV or JSON file as the data set NAME (repeatable): --data file:nilai.csv=nilai.csv
        #[arg(long = "data", value_name = "NAME=PATH")]
        data: Vec<String>,
        /// The language of messages: id or en.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Prints the notebook as Python (pandas and scikit-learn).
    Export {
        /// A saved notebook (.latih.json), or a file holding a shared link (…#nb=…).
        notebook: PathBuf,
        /// py: a script with `# %%` cells; ipynb: a Jupyter notebook; onnx: the last model with
        /// its cleaning steps as ONNX (trees, forests, boosted trees, logistic and linear
        /// regression), one input per column; lightgbm: the last model, gradient-boosted trees,
        /// as a LightGBM text model (`lightgbm.Booster(model_file=…)`); schema: the last
        /// model's inputs, classes and test scores (schema.json); page: a prediction page (one
        /// HTML file, both languages); pyspark: the notebook as a PySpark MLlib pipeline that
        /// reads its data from a path given to it (a file, hdfs://, s3a://), on a laptop or a
        /// cluster.
        #[arg(long, value_enum, default_value = "py")]
        to: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// The CSV file of the data set NAME (repeatable), for how the code should read it
        /// (decimal commas, no header): --data file:nilai.csv=nilai.csv
        #[arg(long = "data", value_name = "NAME=PATH")]
        data: Vec<String>,
        /// The language of the comments: id or en.
        #[arg(long, default_value = "en")]
        lang: String,
        /// The address of a Latih site (https://host): the py and ipynb code read a shipped
        /// data set from it when the file is not beside them, and a repository's README links
        /// the notebook there.
        #[arg(long, value_name = "URL")]
        site: Option<String>,
        /// A repository's code licence.
        #[arg(long, value_enum, default_value = "mit")]
        licence: LicenceChoice,
        /// A repository's copyright holder, named in its licence.
        #[arg(long, default_value = "the author")]
        author: String,
        #[command(flatten)]
        fetching: Fetching,
    },
}

/// Whether the notebook's data URLs are fetched: a notebook from someone else's link names
/// addresses of their choosing, so nothing is fetched unless asked.
#[derive(clap::Args, Clone, Copy)]
struct Fetching {
    /// Download the data of data set cells that name a URL (up to 256 MB and 60 s each).
    #[arg(long)]
    fetch: bool,
    /// With --fetch, also from this computer and private networks (refused otherwise, after
    /// redirects too).
    #[arg(long, requires = "fetch")]
    allow_private: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Py,
    Ipynb,
    Onnx,
    Lightgbm,
    Schema,
    /// The prediction page (one HTML file).
    Page,
    /// The API bundle (a zip: FastAPI, the ONNX model, tests, Dockerfile).
    Api,
    /// A GitHub repository (a zip: README with the notebook's numbers, notebook.ipynb,
    /// pipeline.py, the data, requirements, licence, the trained model).
    Repo,
    /// The notebook as a PySpark MLlib pipeline (one script).
    Pyspark,
}

/// The repository's code licence.
#[derive(Clone, Copy, clap::ValueEnum)]
enum LicenceChoice {
    Mit,
    #[value(name = "bsd-3-clause")]
    Bsd3Clause,
}

/// The data sets shipped with the site, built into the binary.
const SHIPPED: &[(&str, &str)] = &[
    ("iris", include_str!("../../../static/data/iris.csv")),
    (
        "penguins",
        include_str!("../../../static/data/penguins.csv"),
    ),
    ("titanic", include_str!("../../../static/data/titanic.csv")),
    ("wine", include_str!("../../../static/data/wine.csv")),
    (
        "breast_cancer",
        include_str!("../../../static/data/breast_cancer.csv"),
    ),
    ("credit", include_str!("../../../static/data/credit.csv")),
    (
        "credit_default",
        include_str!("../../../static/data/credit_default.csv"),
    ),
    ("churn", include_str!("../../../static/data/churn.csv")),
    ("digits", include_str!("../../../static/data/digits.csv")),
    ("houses", include_str!("../../../static/data/houses.csv")),
    (
        "diabetes",
        include_str!("../../../static/data/diabetes.csv"),
    ),
];

/// Reads a notebook from JSON or from a shared link (the whole URL or the part after `#nb=`),
/// with the learner's files a link carries inside it.
fn read_notebook(text: &str) -> Result<link::Shared, latih_engine::Error> {
    let text = text.trim();
    if text.starts_with('{') {
        return Notebook::from_json(text).map(|notebook| link::Shared {
            notebook,
            data: Vec::new(),
            fingerprints: Vec::new(),
        });
    }
    let encoded = text.rsplit_once("#nb=").map_or(text, |(_, l)| l);
    link::decode_shared(encoded)
}

fn load(path: &PathBuf, lang: Lang) -> Result<link::Shared, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read_notebook(&text).map_err(|e| latih_i18n::error_message(lang, &e))
}

fn export(
    path: PathBuf,
    (to, output): (ExportFormat, Option<PathBuf>),
    data: Vec<String>,
    lang: Lang,
    (site, licence, author): (Option<String>, LicenceChoice, String),
    fetching: Fetching,
) -> Result<String, String> {
    let shared = load(&path, lang)?;
    let mut sources = data_sources(shared.data, data, lang)?;
    fetch_urls(&shared.notebook, &mut sources, lang, fetching);
    let on_site = site.as_deref().map(|site| OnSite {
        files: &sources,
        site: Some(site),
        folder: "",
    });
    let code_sources: &dyn DataSource = match &on_site {
        Some(on_site) => on_site,
        None => &sources,
    };
    let words = |key: &str| latih_i18n::t(lang, key);
    let failed = |e: latih_engine::Error| latih_i18n::error_message(lang, &e);
    let text = match to {
        // Binary: written as bytes, to the file or to standard output.
        ExportFormat::Onnx | ExportFormat::Api | ExportFormat::Repo => {
            let bytes = match to {
                ExportFormat::Api => {
                    let link = format!("/notebook#nb={}", link::encode(&shared.notebook));
                    api_of(&shared.notebook, &sources, lang.code(), &link)
                }
                ExportFormat::Repo => {
                    let options = RepositoryOptions {
                        lang: lang.code().to_string(),
                        link: format!(
                            "{}/notebook#nb={}",
                            site.as_deref().unwrap_or("").trim_end_matches('/'),
                            link::encode_with_data(&shared.notebook, &sources)
                        ),
                        site: site.clone(),
                        licence: match licence {
                            LicenceChoice::Mit => Licence::Mit,
                            LicenceChoice::Bsd3Clause => Licence::Bsd3Clause,
                        },
                        author,
                        year: this_year(),
                        // The README's prose is written from the notebook (the page lets the
                        // learner write their own).
                        prose: Default::default(),
                    };
                    let page_words = latih_i18n::page_words();
                    repository_of(
                        &shared.notebook,
                        &sources,
                        &words,
                        Some(&page_words),
                        &options,
                    )
                }
                _ => onnx_of(&shared.notebook, &sources),
            }
            .map_err(failed)?;
            return match output {
                Some(file) => std::fs::write(&file, bytes)
                    .map(|()| String::new())
                    .map_err(|e| format!("{}: {e}", file.display())),
                None => {
                    use std::io::Write;
                    std::io::stdout()
                        .write_all(&bytes)
                        .map(|()| String::new())
                        .map_err(|e| e.to_string())
                }
            };
        }
        ExportFormat::Py => python_script(&shared.notebook, &words, code_sources),
        ExportFormat::Ipynb => ipynb(&shared.notebook, &words, code_sources),
        ExportFormat::Pyspark => spark_script(&shared.notebook, &words, &sources),
        ExportFormat::Lightgbm => lightgbm_of(&shared.notebook, &sources).map_err(failed)?,
        // The notebook's link, to be opened on any Latih site.
        ExportFormat::Schema => {
            let link = format!("/notebook#nb={}", link::encode(&shared.notebook));
            schema_of(&shared.notebook, &sources, &link).map_err(failed)?
        }
        ExportFormat::Page => {
            let link = format!("/notebook#nb={}", link::encode(&shared.notebook));
            page_of(&shared.notebook, &sources, &latih_i18n::page_words(), &link).map_err(failed)?
        }
    };
    match output {
        None => Ok(text),
        Some(file) => std::fs::write(&file, text)
            .map(|()| String::new())
            .map_err(|e| format!("{}: {e}", file.display())),
    }
}

/// The calendar year now (UTC), for a licence's copyright line.
fn this_year() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Days since 1970 to a civil year (Howard Hinnant's days_from_civil, inverted).
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let year = year_of_era + era * 400 + i64::from(month_index >= 10);
    year as i32
}

fn check(lesson: &str, work: Option<PathBuf>, json: bool, lang: Lang) -> Result<String, String> {
    let work = match work {
        Some(path) => lessons::Work::Text(
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?,
        ),
        None => lessons::Work::Solution,
    };
    let data = data_sources(Vec::new(), Vec::new(), lang)?;
    let report = lessons::check(lesson, work, json, lang, &data)?;
    Ok(if json { report } else { printable(&report) })
}

fn sql(query: &str, data: Vec<String>, lang: Lang) -> Result<String, String> {
    let sources = data_sources(Vec::new(), data, lang)?;
    latih_sql::query_data_within(&sources, query, query_time_limit())
        .map(|csv| csv.trim_end().to_string())
        .map_err(|e| latih_i18n::error_message(lang, &e))
}

/// The shipped data sets, the files a link carries, and the `--data NAME=PATH` files.
fn data_sources(
    carried: Vec<(String, String)>,
    data: Vec<String>,
    lang: Lang,
) -> Result<HashMap<String, String>, String> {
    let mut sources: HashMap<String, String> = SHIPPED
        .iter()
        .map(|(name, csv)| (name.to_string(), csv.to_string()))
        .chain(carried)
        .collect();
    for pair in data {
        let (name, path) = pair
            .split_once('=')
            .ok_or_else(|| format!("--data {pair}: expected NAME=PATH"))?;
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let decoded = decode_text(&bytes);
        if decoded.latin1 {
            eprintln!(
                "latih: {}",
                latih_i18n::tf(lang, "data-read-as-latin1", &[("file", path.to_string())])
            );
        }
        sources.insert(name.to_string(), decoded.text);
    }
    Ok(sources)
}

/// With `--fetch`, fetches the data of each data set cell that names the URL it came from,
/// unless `--data` (or the link) gave it already, as the site does for whoever opens the
/// notebook and agrees. A URL not fetched, or that gives no data, is said on stderr; its cell
/// then says the file is missing.
fn fetch_urls(
    notebook: &Notebook,
    sources: &mut HashMap<String, String>,
    lang: Lang,
    fetching: Fetching,
) {
    for cell in &notebook.cells {
        let Cell::Dataset(DatasetCell {
            dataset,
            url: Some(url),
            ..
        }) = cell
        else {
            continue;
        };
        if sources.contains_key(dataset) {
            continue;
        }
        if !fetching.fetch {
            let words = latih_i18n::tf(lang, "cli-fetch-needed", &[("url", url.clone())]);
            eprintln!("latih: {}", printable(&words));
            continue;
        }
        match fetch_data(url, FetchLimits::new(fetching.allow_private)) {
            Ok(text) => {
                sources.insert(dataset.clone(), text);
            }
            Err(failure) => eprintln!(
                "latih: {}",
                printable(&latih_i18n::fetch_failure_message(lang, &failure))
            ),
        }
    }
}

fn run(
    notebook: PathBuf,
    data: Vec<String>,
    (json, yes): (bool, bool),
    (threads, learning_curve): (Option<u16>, bool),
    lang: Lang,
    fetching: Fetching,
) -> Result<String, String> {
    let shared = load(&notebook, lang)?;
    let notebook = shared.notebook;
    let mut sources = data_sources(shared.data, data, lang)?;
    fetch_urls(&notebook, &mut sources, lang, fetching);
    let failed_queries = latih_sql::run_queries(&notebook, &mut sources, query_time_limit());
    let work = estimate(&notebook, &|id| {
        sources.get(id).map(|t| DataShape::of_text(t))
    });
    if !yes {
        over_budget(work, lang)?;
    }
    let progress = cores::Progress::new(lang);
    let runner = cores::Runner {
        notebook: &notebook,
        sources: &sources,
        threads: cores::threads(threads.map(usize::from)),
        progress: &progress,
    };
    let mut outputs = cores::evaluate_on(&runner);
    // A query that failed shows its own error, not that its result is missing.
    for (index, error) in failed_queries {
        outputs[index] = Err(error);
    }
    // The searches run after the notebook, here as in the page: with the plans known, their
    // work is known, and counts with the notebook's.
    if !yes {
        over_budget(search::searches_work(&outputs, work), lang)?;
    }
    let searches = search::run_searches(&runner, &outputs, learning_curve);
    let cells: Vec<&Cell> = notebook.cells.iter().collect();
    Ok(if json {
        report::json(&cells, &outputs, &searches).to_string()
    } else {
        printable(&report::text(&cells, &outputs, &searches, lang))
    })
}

/// How long one SQL query may run, as in the page.
fn query_time_limit() -> std::time::Duration {
    std::time::Duration::from_secs(latih_engine::notebook::QUERY_SECONDS.into())
}

/// The message that stops a run estimated over the budget (see `--yes`).
fn over_budget(work: Estimate, lang: Lang) -> Result<(), String> {
    if !work.asks(0.0) {
        return Ok(());
    }
    let cell = work.costliest.unwrap_or(0) + 1;
    Err(latih_i18n::tf(
        lang,
        "cli-expensive",
        &[
            ("minutes", work.minutes().to_string()),
            ("cell", cell.to_string()),
        ],
    ))
}

/// `text` without control characters but line ends and tabs: a note or a column name from a
/// stranger's link must not reach the terminal as escape sequences (a title, the screen, the
/// clipboard). JSON escapes them itself.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

fn main() -> ExitCode {
    let language = |code: &str| Lang::from_code(code).unwrap_or(Lang::En);
    let result = match Cli::parse().command {
        Command::Run {
            notebook,
            data,
            json,
            yes,
            threads,
            learning_curve,
            lang,
            fetching,
        } => run(
            notebook,
            data,
            (json, yes),
            (threads, learning_curve),
            language(&lang),
            fetching,
        ),
        Command::Export {
            notebook,
            to,
            output,
            data,
            lang,
            site,
            licence,
            author,
            fetching,
        } => export(
            notebook,
            (to, output),
            data,
            language(&lang),
            (site, licence, author),
            fetching,
        ),
        Command::Sql { query, data, lang } => sql(&query, data, language(&lang)),
        Command::Lessons { json, lang } => lessons::list(json, language(&lang)),
        Command::Check {
            lesson,
            work,
            solution: _,
            json,
            lang,
        } => check(&lesson, work, json, language(&lang)),
    };
    match result {
        Ok(out) => {
            // Written to a file: nothing to print. A reader that stops early (`latih run | head`)
            // closes the pipe: that ends the output, not in a panic as println! would.
            use std::io::Write;
            if !out.is_empty() {
                let mut stdout = std::io::stdout().lock();
                match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        eprintln!("latih: {e}");
                        return ExitCode::FAILURE;
                    }
                    _ => {}
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("latih: {message}");
            ExitCode::FAILURE
        }
    }
}
