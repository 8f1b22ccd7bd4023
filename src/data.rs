//! Fetching the site's own files: the shipped data sets (`static/data/*.csv`, copied to `/data/` by Trunk). They are
//! not compiled into the wasm so the first page load stays small.

use gloo_net::http::Request;
pub use latih_engine::datasets::FetchFailure;

pub fn dataset_url(id: &str) -> String {
    latih_engine::datasets::dataset_path(id)
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

/// Whether this site has a service worker here, which keeps files for offline use (none in a
/// private window, over plain HTTP, or in a development build).
pub async fn offline_capable() -> bool {
    use wasm_bindgen::JsCast;
    let container = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|n| js_sys::Reflect::get(&n, &"serviceWorker".into()));
    let Some(container) = container.ok().filter(|c| !c.is_undefined()) else {
        return false;
    };
    let registration = js_sys::Reflect::get(&container, &"getRegistration".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&container).ok());
    match registration {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
            .await
            .is_ok_and(|r| !r.is_undefined()),
        None => false,
    }
}

/// Whether the browser keeps the site's file `url` (the service worker's caches hold it).
/// Through `Reflect`, not web-sys's Cache API: two calls do not need its bindings.
pub async fn is_kept(url: &str) -> bool {
    use wasm_bindgen::JsCast;
    let global = js_sys::global();
    let Ok(caches) = js_sys::Reflect::get(&global, &"caches".into()) else {
        return false;
    };
    let matched = js_sys::Reflect::get(&caches, &"match".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&caches, &url.into()).ok());
    match matched {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
            .await
            .is_ok_and(|answer| !answer.is_undefined()),
        None => false,
    }
}

/// A data file's column names, for the pickers: read in the page even when the data itself is
/// unusable. A CSV header by the engine's header reader; JSON's keys by the browser's own
/// parser, whose code the page does not carry (the engine's JSON reader would add 2 KB to the
/// first load). Both give names as the engine's reader does, in the order written (but for keys
/// that are whole numbers, which JavaScript lists first).
pub fn column_names(text: &str) -> Vec<String> {
    use wasm_bindgen::JsCast;
    if !latih_engine::table::looks_like_json(text) {
        return latih_engine::table::read_csv_header(text).unwrap_or_default();
    }
    let Ok(value) = js_sys::JSON::parse(text.trim_start_matches('\u{feff}')) else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    let mut add_keys = |object: &wasm_bindgen::JsValue| {
        if !object.is_object() || js_sys::Array::is_array(object) {
            return;
        }
        let object: &js_sys::Object = object.unchecked_ref();
        for key in js_sys::Object::keys(object).iter() {
            match key.as_string() {
                Some(key) if !names.contains(&key) => names.push(key),
                _ => {}
            }
        }
    };
    if js_sys::Array::is_array(&value) {
        js_sys::Array::from(&value)
            .iter()
            .for_each(|record| add_keys(&record));
    } else {
        add_keys(&value);
    }
    names
}
