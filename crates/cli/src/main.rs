//! `latih run notebook.latih.json [--data NAME=path.csv] [--json]`: runs a notebook natively with
//! the engine the browser uses, so the numbers are the same; the way out when a data set
//! outgrows a browser tab. The shipped data sets are built in.

mod report;
mod search;

use clap::{Parser, Subcommand};
use latih_engine::notebook::{evaluate, link, Cell, Notebook};
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
        /// The language of the text: id or en.
        #[arg(long, default_value = "en")]
        lang: String,
    },
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
];

/// Reads a notebook from JSON or from a shared link (the whole URL or the part after `#nb=`).
fn read_notebook(text: &str) -> Result<Notebook, latih_engine::Error> {
    let text = text.trim();
    if text.starts_with('{') {
        return Notebook::from_json(text);
    }
    let encoded = text.rsplit_once("#nb=").map_or(text, |(_, l)| l);
    link::decode(encoded)
}

fn run(notebook: PathBuf, data: Vec<String>, json: bool, lang: Lang) -> Result<String, String> {
    let text =
        std::fs::read_to_string(&notebook).map_err(|e| format!("{}: {e}", notebook.display()))?;
    let notebook = read_notebook(&text).map_err(|e| latih_i18n::error_message(lang, &e))?;
    let mut sources: HashMap<String, String> = SHIPPED
        .iter()
        .map(|(name, csv)| (name.to_string(), csv.to_string()))
        .collect();
    for pair in data {
        let (name, path) = pair
            .split_once('=')
            .ok_or_else(|| format!("--data {pair}: expected NAME=PATH"))?;
        let csv = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        sources.insert(name.to_string(), csv);
    }
    let outputs = evaluate(&notebook, &sources);
    let searches = search::run_searches(&notebook, &outputs, &sources);
    let cells: Vec<&Cell> = notebook.cells.iter().collect();
    Ok(if json {
        report::json(&cells, &outputs, &searches).to_string()
    } else {
        report::text(&cells, &outputs, &searches, lang)
    })
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Run {
            notebook,
            data,
            json,
            lang,
        } => {
            let lang = Lang::from_code(&lang).unwrap_or(Lang::En);
            match run(notebook, data, json, lang) {
                Ok(out) => {
                    println!("{out}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("latih: {message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
