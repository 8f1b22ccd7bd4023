//! The prediction page: one HTML file that anyone can open or host on any static host, with
//! the trained pipeline ([`Recipe`]) and a small predictor inside (`predictor.js`, no
//! framework, no network), a form of the inputs and the prediction, in both languages. The
//! predictor is also a JavaScript module on its own ([`predictor_module`]), for a serverless
//! function or Node.
//!
//! Why JavaScript written here rather than the engine's wasm: the page must stay small and
//! readable by whoever hosts it, and the pipeline's arithmetic is a few dozen lines; the tests
//! hold the script against the engine's predictions in Node.

use super::recipe::Recipe;
use super::schema::test_scores;
use crate::notebook::{trained_model, DataSource, Notebook, TrainedModel};
use crate::Error;
use serde::Serialize;
use std::collections::BTreeMap;

const PREDICTOR: &str = include_str!("predictor.js");
const PAGE: &str = include_str!("page.html");
const PAGE_SCRIPT: &str = include_str!("page.js");

/// The page's words by language code, then catalog key.
pub type PageWords = BTreeMap<String, BTreeMap<String, String>>;

/// The catalog keys the page shows (a catalog test checks both languages have them).
pub const PAGE_KEYS: &[&str] = &[
    "page-title",
    "page-intro",
    "page-switch",
    "page-predict",
    "page-missing-choice",
    "page-number-hint",
    "page-result",
    "page-probabilities",
    "page-class",
    "page-probability",
    "page-error-not-number",
    "page-error-missing",
    "page-error-log-domain",
    "page-error-other",
    "page-model",
    "page-source",
    "page-score-accuracy",
    "page-score-balanced_accuracy",
    "page-score-roc_auc",
    "page-score-r2",
    "page-score-mae",
    "page-score-rmse",
];

/// What the page says of where its model came from.
#[derive(Serialize)]
struct About<'a> {
    model: &'a str,
    test_rows: usize,
    test_scores: BTreeMap<&'static str, f64>,
    notebook: &'a str,
}

/// JSON to put inside a script: `<` escaped, so that no text from the data (a category named
/// `</script>`) can end the script early. JSON has `<` only inside strings, where `\u003c`
/// reads the same.
fn script_json(value: &impl Serialize) -> Result<String, Error> {
    serde_json::to_string(value)
        .map(|json| json.replace('<', "\\u003c"))
        .map_err(|e| Error::NotebookUnreadable {
            message: e.to_string(),
        })
}

/// The predictor with the recipe inside, as an ES module (`predict`, `recipe`).
pub fn predictor_module(recipe: &Recipe) -> Result<String, Error> {
    Ok(PREDICTOR.replace("/*RECIPE*/", &script_json(recipe)?))
}

/// The notebook's last model as the prediction page; `words` are the page's words in each
/// language ([`PAGE_KEYS`]); `link` is the notebook's address.
pub fn page_of(
    notebook: &Notebook,
    source: &dyn DataSource,
    words: &PageWords,
    link: &str,
) -> Result<String, Error> {
    page_html(&trained_model(notebook, source)?, words, link)
}

/// [`page_of`] of a model already trained.
pub(super) fn page_html(
    trained: &TrainedModel,
    words: &PageWords,
    link: &str,
) -> Result<String, Error> {
    let recipe = Recipe::of(trained)?;
    let about = About {
        model: trained.model_name,
        test_rows: trained.test_rows.rows,
        test_scores: test_scores(trained),
        notebook: link,
    };
    // The parts go in last to first, so that no part's text is searched for another's mark.
    Ok(PAGE
        .replace(
            "/*PAGE*/",
            &PAGE_SCRIPT.replace("/*MAX_CHOICES*/", &crate::notebook::MAX_CHOICES.to_string()),
        )
        .replace("/*ABOUT*/", &script_json(&about)?)
        .replace("/*WORDS*/", &script_json(words)?)
        .replace("/*PREDICTOR*/", &predictor_module(&recipe)?))
}
