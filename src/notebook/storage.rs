//! Notebooks are saved in the browser's local storage as they change, so a reload, a closed tab
//! or a crash loses nothing; the library (`latih_engine::notebook::library`) lists them. What is stored is untrusted on the way back in (another version
//! of Latih, or anything else, may have written it): the engine's `Notebook::from_json` checks it.

use latih_engine::datasets;
use latih_engine::notebook::library::{clean_name, Entry, Library, NotebookId};
use latih_engine::notebook::{Cell, Notebook};
use latih_engine::Error;
use leptos::prelude::window;
use web_sys::Storage;

/// The index of the learner's notebooks ("My notebooks"); each document is under
/// [`DOC_PREFIX`] and its id.
const LIBRARY_KEY: &str = "latih.library";
const DOC_PREFIX: &str = "latih.notebooks.";
/// Where Latih kept its one notebook before there was a library; moved into it once.
const LEGACY_KEY: &str = "latih.notebook";
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

fn doc_key(id: NotebookId) -> String {
    format!("{DOC_PREFIX}{id}")
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A name for a notebook: its first data set's title, or the learner's file name.
pub fn suggested_name(notebook: &Notebook) -> String {
    let dataset = notebook.cells.iter().find_map(|cell| match cell {
        Cell::Dataset(d) => Some(d.dataset.as_str()),
        _ => None,
    });
    match dataset {
        Some(id) => datasets::user_file_name(id)
            .map(str::to_string)
            .or_else(|| datasets::find(id).map(|d| d.title.to_string()))
            .unwrap_or_default(),
        None => String::new(),
    }
}

/// The library as stored; made on the first visit, with the notebook of an older Latih (if
/// any) moved into it. An index that cannot be read is set aside and started again, listing
/// the documents still stored so that none is lost.
pub fn library() -> Library {
    let Some(s) = storage() else {
        return Library::with_first("", now_ms());
    };
    if let Some(text) = s.get_item(LIBRARY_KEY).ok().flatten() {
        if let Ok(library) = Library::from_json(&text) {
            return library;
        }
        let _ = s.set_item(&format!("{LIBRARY_KEY}.unreadable"), &text);
        return rebuilt_library(&s);
    }
    let legacy = s.get_item(LEGACY_KEY).ok().flatten();
    let name = legacy
        .as_deref()
        .and_then(|text| Notebook::from_json(text).ok())
        .map(|nb| suggested_name(&nb))
        .unwrap_or_default();
    let library = Library::with_first(&name, now_ms());
    if let Some(text) = legacy {
        if s.set_item(&doc_key(library.current), &text).is_ok() {
            let _ = s.remove_item(LEGACY_KEY);
        }
    }
    save_library(&library);
    library
}

/// A new index over the documents found in storage.
fn rebuilt_library(s: &Storage) -> Library {
    let found: Vec<(NotebookId, String)> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(DOC_PREFIX)?.parse().ok())
        .map(|id: NotebookId| {
            let name = s
                .get_item(&doc_key(id))
                .ok()
                .flatten()
                .and_then(|text| Notebook::from_json(&text).ok())
                .map(|nb| suggested_name(&nb))
                .unwrap_or_default();
            (id, name)
        })
        .collect();
    let library = if found.is_empty() {
        Library::with_first("", now_ms())
    } else {
        Library {
            current: found[0].0,
            entries: found
                .into_iter()
                .map(|(id, name)| Entry {
                    id,
                    name: clean_name(&name).unwrap_or_else(|| id.to_string()),
                    changed_ms: now_ms(),
                })
                .collect(),
        }
    };
    save_library(&library);
    library
}

/// Saves the index; says whether storage took it.
pub fn save_library(library: &Library) -> bool {
    storage().is_some_and(|s| s.set_item(LIBRARY_KEY, &library.to_json()).is_ok())
}

/// Reads notebook `id`. One that cannot be read is moved aside, never silently destroyed.
pub fn load(id: NotebookId) -> Restored {
    let Some(text) = storage().and_then(|s| s.get_item(&doc_key(id)).ok().flatten()) else {
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

/// The open notebook, as the notebook page starts with it.
pub fn restore() -> Restored {
    load(library().current)
}

/// Names the open notebook after its data: for one started because nothing (readable) was
/// stored.
pub fn name_open(notebook: &Notebook) {
    let mut library = library();
    if library.rename(library.current, &suggested_name(notebook)) {
        save_library(&library);
    }
}

/// Saves notebook `id`'s document; says whether storage took it.
pub fn save_as(id: NotebookId, notebook: &Notebook) -> bool {
    storage().is_some_and(|s| s.set_item(&doc_key(id), &notebook.to_json()).is_ok())
}

pub fn remove(id: NotebookId) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&doc_key(id));
    }
}

/// Adds `notebook` to the library, named after its data, and opens it.
pub fn start_new(notebook: &Notebook) {
    let mut library = library();
    library.current = library.add(&suggested_name(notebook), now_ms());
    save_as(library.current, notebook);
    save_library(&library);
}

/// Adds a shared link's or an opened file's notebook to My notebooks, named `name` (or after
/// its data), and opens it: it never takes the place of the learner's own, which stays listed.
/// Returns the notebook that was open, to go back to, or the message key of why it could not
/// be kept (the library is full, or storage refused it).
pub fn open_as_new(notebook: &Notebook, name: &str) -> Result<NotebookId, &'static str> {
    let mut library = library();
    let name = clean_name(name).unwrap_or_else(|| suggested_name(notebook));
    let Some(before) = library.open_new(&name, now_ms()) else {
        return Err(crate::key!("notebooks-too-many"));
    };
    if save_as(library.current, notebook) && save_library(&library) {
        Ok(before)
    } else {
        remove(library.current);
        Err(crate::key!("notebooks-storage-full"))
    }
}

/// Opens notebook `id` again (going back from a link's or a file's notebook) and returns it,
/// if it is still listed and readable.
pub fn reopen(id: NotebookId) -> Option<Notebook> {
    let mut library = library();
    library.get(id)?;
    let Restored::Saved(notebook) = load(id) else {
        return None;
    };
    library.current = id;
    save_library(&library).then_some(notebook)
}

/// The data URLs the learner agreed to fetch from, newest last, one per line.
const ALLOWED_URLS_KEY: &str = "latih.fetch-allowed";
/// The most URLs remembered; the oldest are forgotten (and asked about again).
const MAX_ALLOWED_URLS: usize = 100;

/// Whether the learner fetched from `url` before, here: typed it, or agreed when a notebook
/// from a link or a file asked. Nothing else is fetched without asking.
pub fn url_allowed(url: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(ALLOWED_URLS_KEY).ok().flatten())
        .is_some_and(|list| list.lines().any(|line| line == url))
}

/// Remembers that the learner agreed to fetch from `url`.
pub fn allow_url(url: &str) {
    let Some(s) = storage() else { return };
    let list = s
        .get_item(ALLOWED_URLS_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let others: Vec<&str> = list.lines().filter(|line| *line != url).collect();
    let mut kept = String::new();
    for line in &others[others.len().saturating_sub(MAX_ALLOWED_URLS - 1)..] {
        kept.push_str(line);
        kept.push('\n');
    }
    kept.push_str(url);
    let _ = s.set_item(ALLOWED_URLS_KEY, &kept);
}

const AUTO_RUN_KEY: &str = "latih.run-automatically";

/// Whether notebooks run as they are edited: yes, unless the learner chose otherwise here.
pub fn runs_automatically() -> bool {
    storage()
        .and_then(|s| s.get_item(AUTO_RUN_KEY).ok().flatten())
        .is_none_or(|value| value != "no")
}

pub fn set_runs_automatically(yes: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(AUTO_RUN_KEY, if yes { "yes" } else { "no" });
    }
}

/// Saves the open notebook; says whether storage took it. Storage that is full or switched off
/// must not stop the learner working: the page says so and offers the file instead.
pub fn save(notebook: &Notebook) -> bool {
    let mut library = library();
    save_as(library.current, notebook) && {
        library.touch(library.current, now_ms());
        save_library(&library)
    }
}

/// A learner's own data file is kept beside the notebook, under this prefix and its data set id,
/// if it is small enough for the browser's storage (which holds a few megabytes per site).
const DATA_PREFIX: &str = "latih.data.";
pub const KEEP_DATA_LIMIT_CHARS: usize = 1_500_000;

/// Whose file is kept: the learner's own choice takes the place of the files kept before
/// (storage is small); a file that came inside a link is kept only where there is room, so a
/// stranger's link never evicts the learner's files.
#[derive(Clone, Copy, PartialEq)]
pub enum Keeper {
    Learner,
    Link,
}

/// Keeps the text of file `id` for the next visit. Says whether it could.
pub fn keep_user_data(id: &str, text: &str, keeper: Keeper) -> bool {
    let Some(s) = storage() else { return false };
    if keeper == Keeper::Learner {
        for key in user_data_keys(&s) {
            let _ = s.remove_item(&key);
        }
    }
    // A text has at least a quarter as many characters as bytes: a large file is not counted.
    text.len() / 4 <= KEEP_DATA_LIMIT_CHARS
        && text.chars().count() <= KEEP_DATA_LIMIT_CHARS
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

/// Every readable notebook of My notebooks, with its name (for a backup).
pub fn all_notebooks() -> Vec<(String, Notebook)> {
    library()
        .entries
        .iter()
        .filter_map(|entry| match load(entry.id) {
            Restored::Saved(notebook) => Some((entry.name.clone(), notebook)),
            _ => None,
        })
        .collect()
}

/// Adds `notebook` to My notebooks as `name`, leaving the open one open; false if the library
/// is full or storage refused it.
pub fn add_notebook(name: &str, notebook: &Notebook) -> bool {
    let mut library = library();
    if library.is_full() {
        return false;
    }
    let name = clean_name(name).unwrap_or_else(|| suggested_name(notebook));
    let id = library.add(&name, now_ms());
    if save_as(id, notebook) && save_library(&library) {
        true
    } else {
        remove(id);
        false
    }
}
