//! The notebook is saved in the browser's local storage as it changes, so a reload, a closed
//! tab or a crash loses nothing. What is stored is untrusted on the way back in (another version
//! of Latih, or anything else, may have written it): the engine's `Notebook::from_json` checks it.

use latih_engine::notebook::Notebook;
use latih_engine::Error;
use leptos::prelude::window;
use web_sys::Storage;

const KEY: &str = "latih.notebook";
/// Where a stored notebook that cannot be read is moved, so it is never silently destroyed.
const UNREADABLE_KEY: &str = "latih.notebook.unreadable";

pub enum Restored {
    Saved(Notebook),
    Nothing,
    Unreadable(Error),
}

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

pub fn restore() -> Restored {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return Restored::Nothing;
    };
    match Notebook::from_json(&text) {
        Ok(notebook) => Restored::Saved(notebook),
        Err(error) => {
            if let Some(s) = storage() {
                let _ = s.set_item(UNREADABLE_KEY, &text);
            }
            Restored::Unreadable(error)
        }
    }
}

const BEFORE_LINK_KEY: &str = "latih.notebook.before-link";

/// Keeps the learner's own notebook aside before a shared one replaces it on screen.
pub fn keep_before_link(notebook: &Notebook) {
    if let Some(s) = storage() {
        let _ = s.set_item(BEFORE_LINK_KEY, &notebook.to_json());
    }
}

/// The notebook kept by [`keep_before_link`], if it is still readable.
pub fn kept_before_link() -> Option<Notebook> {
    let text = storage()?.get_item(BEFORE_LINK_KEY).ok().flatten()?;
    Notebook::from_json(&text).ok()
}

/// Saves quietly: storage that is full or switched off must not stop the learner working.
pub fn save(notebook: &Notebook) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &notebook.to_json());
    }
}

/// A learner's own data file is kept beside the notebook, under this prefix and its data set id,
/// if it is small enough for the browser's storage (which holds a few megabytes per site).
const DATA_PREFIX: &str = "latih.data.";
pub const KEEP_DATA_LIMIT_CHARS: usize = 1_500_000;

/// Keeps the text of the learner's file `id` for the next visit, in place of any kept before
/// (storage is small). Says whether it could.
pub fn keep_user_data(id: &str, text: &str) -> bool {
    let Some(s) = storage() else { return false };
    for key in user_data_keys(&s) {
        let _ = s.remove_item(&key);
    }
    text.chars().count() <= KEEP_DATA_LIMIT_CHARS
        && s.set_item(&format!("{DATA_PREFIX}{id}"), text).is_ok()
}

/// The learner's kept files, as (data set id, text).
pub fn kept_user_data() -> Vec<(String, String)> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    user_data_keys(&s)
        .into_iter()
        .filter_map(|key| {
            let text = s.get_item(&key).ok().flatten()?;
            Some((key.strip_prefix(DATA_PREFIX)?.to_string(), text))
        })
        .collect()
}

fn user_data_keys(s: &Storage) -> Vec<String> {
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|key| key.starts_with(DATA_PREFIX))
        .collect()
}
