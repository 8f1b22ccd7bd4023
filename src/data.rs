//! Fetching the site's own files: the shipped data sets (`static/data/*.csv`, copied to `/data/` by Trunk). They are
//! not compiled into the wasm so the first page load stays small.

use gloo_net::http::Request;

pub fn dataset_url(id: &str) -> String {
    format!("/data/{id}.csv")
}

/// The CSV text, or a short reason it could not be had (shown inside a translated message).
pub async fn fetch_dataset(id: &str) -> Result<String, String> {
    fetch_text(&dataset_url(id)).await
}

/// A file of the site as text, or a short reason it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}
