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
