//! The API bundle: a zip that serves the trained pipeline as a web API. FastAPI in front of
//! onnxruntime (`main.py`, the graph of [`super::onnx_of`] with the steps inside), request
//! validation from `schema.json`, pinned `requirements.txt`, a `Dockerfile`, `test_api.py` with
//! golden rows (the notebook's test rows and its own predictions of them) so that the learner
//! proves the served model is the trained one, the JavaScript predictor for a serverless
//! function, and a README in the learner's language.

use super::page::predictor_module;
use super::recipe::Recipe;
use super::schema::schema_json;
use crate::notebook::{read_number, trained_model, DataSource, Notebook, Prediction};
use crate::Error;
use serde_json::{json, Map, Value};

const MAIN: &str = include_str!("main.py");
const TESTS: &str = include_str!("test_api.py");
const REQUIREMENTS: &str = include_str!("requirements.txt");
const DOCKERFILE: &str = include_str!("Dockerfile");
const README_EN: &str = include_str!("README.en.md");
const README_ID: &str = include_str!("README.id.md");

/// The bundle as zip bytes; `lang` ("id" or "en") is the README's language, `link` the
/// notebook's address.
pub fn api_of(
    notebook: &Notebook,
    source: &dyn DataSource,
    lang: &str,
    link: &str,
) -> Result<Vec<u8>, Error> {
    let trained = trained_model(notebook, source)?;
    let recipe = Recipe::of(&trained)?;
    let model = super::onnx::onnx_model(&recipe)?;
    let golden: Vec<Value> = trained
        .examples
        .iter()
        .map(|example| {
            let row = typed_row(&recipe, &example.row);
            let expected = match &example.prediction {
                Prediction::Class {
                    class,
                    classes,
                    probabilities,
                    ..
                } => json!({
                    "class": class,
                    "probabilities": classes.iter().zip(probabilities)
                        .map(|(c, p)| (c.clone(), json!(p)))
                        .collect::<Map<String, Value>>(),
                }),
                Prediction::Number(value) => json!({ "prediction": value }),
            };
            json!({ "row": row, "expected": expected })
        })
        .collect();
    let example = golden
        .first()
        .map(|g| g["row"].to_string())
        .unwrap_or_else(|| "{}".into());
    let readme = if lang == "en" { README_EN } else { README_ID }
        .replace("{{target}}", &trained.target)
        .replace("{{model}}", trained.model_name)
        .replace("{{notebook}}", link)
        .replace("{{slug}}", &slug(&trained.target))
        .replace("{{example_js}}", &example)
        // In a shell's single quotes: a quote in the data ends them, so it is written '\''.
        .replace("{{example}}", &example.replace('\'', "'\\''"));
    let pretty = |value: &Value| serde_json::to_string_pretty(value).unwrap_or_default();
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("README.md", readme.into_bytes()),
        ("main.py", MAIN.into()),
        ("test_api.py", TESTS.into()),
        ("requirements.txt", REQUIREMENTS.into()),
        ("Dockerfile", DOCKERFILE.into()),
        ("model.onnx", model),
        ("schema.json", schema_json(&trained, link)?.into_bytes()),
        ("golden.json", pretty(&Value::Array(golden)).into_bytes()),
        ("predictor.mjs", predictor_module(&recipe)?.into_bytes()),
    ];
    Ok(super::zip::zip_of(&files))
}

/// A row as the API takes it: numbers as JSON numbers, categories as text, missing as null.
fn typed_row(recipe: &Recipe, row: &std::collections::BTreeMap<String, String>) -> Value {
    recipe
        .inputs
        .iter()
        .map(|input| {
            let text = row.get(&input.column).map(|t| t.trim()).unwrap_or("");
            let value = match () {
                _ if text.is_empty() => Value::Null,
                _ if input.numeric => read_number(text).map_or(Value::Null, |x| json!(x)),
                _ => json!(text),
            };
            (input.column.clone(), value)
        })
        .collect::<Map<String, Value>>()
        .into()
}

/// A name for a container image: lowercase letters, digits and dashes.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() { "model" } else { slug }.to_string()
}
