//! "My notebooks": the index of the notebooks a learner keeps in this browser (names, when each
//! last changed, which one is open). The app stores the index and each notebook's document; the
//! bookkeeping is here, plain and tested.
//!
//! The index comes back from storage, which anything may have written, so it is read checked:
//! a broken index is an error for the app to report, and entries with a bad name or a repeated
//! id are dropped rather than trusted.

use crate::Error;
use serde::{Deserialize, Serialize};

pub type NotebookId = u32;

/// The longest name kept, in characters; longer ones are cut.
pub const MAX_NAME_CHARS: usize = 80;
/// The most notebooks kept (browser storage holds a few megabytes per site).
pub const MAX_NOTEBOOKS: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: NotebookId,
    pub name: String,
    /// When it last changed, in milliseconds since 1970 (JavaScript's `Date.now()`).
    pub changed_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Library {
    /// The notebook open on the notebook page.
    pub current: NotebookId,
    pub entries: Vec<Entry>,
}

/// A name as kept: trimmed, inner runs of white space made one space, and cut to
/// [`MAX_NAME_CHARS`]; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(MAX_NAME_CHARS).collect();
    let cut = cut.trim_end().to_string();
    (!cut.is_empty()).then_some(cut)
}

impl Library {
    /// A library holding one notebook, open, named `name`.
    pub fn with_first(name: &str, now_ms: f64) -> Self {
        let mut library = Library::default();
        library.current = library.add(name, now_ms);
        library
    }

    pub fn get(&self, id: NotebookId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The entries, most recently changed first.
    pub fn by_recent(&self) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self.entries.iter().collect();
        // Ids are unique, so the order is total and an unstable sort (less code in the app) is
        // as good as a stable one.
        entries
            .sort_unstable_by(|a, b| b.changed_ms.total_cmp(&a.changed_ms).then(b.id.cmp(&a.id)));
        entries
    }

    pub fn is_full(&self) -> bool {
        self.entries.len() >= MAX_NOTEBOOKS
    }

    /// Adds a notebook named `name` (a blank name becomes "1", "2"… by its id) and returns its
    /// id, which no notebook has had in this library. It is not opened.
    pub fn add(&mut self, name: &str, now_ms: f64) -> NotebookId {
        let id = self.entries.iter().map(|e| e.id).max().unwrap_or(0) + 1;
        self.entries.push(Entry {
            id,
            name: clean_name(name).unwrap_or_else(|| id.to_string()),
            changed_ms: now_ms,
        });
        id
    }

    /// Adds a notebook named `name` and opens it, for a shared link or a file, which never
    /// take the place of the learner's own. Returns the notebook that was open, to go back to;
    /// `None` (and nothing changed) when the library is full.
    pub fn open_new(&mut self, name: &str, now_ms: f64) -> Option<NotebookId> {
        if self.is_full() {
            return None;
        }
        let before = self.current;
        self.current = self.add(name, now_ms);
        Some(before)
    }

    /// Renames notebook `id`; a blank name is refused. Says whether it was renamed.
    pub fn rename(&mut self, id: NotebookId, name: &str) -> bool {
        match (
            clean_name(name),
            self.entries.iter_mut().find(|e| e.id == id),
        ) {
            (Some(name), Some(entry)) => {
                entry.name = name;
                true
            }
            _ => false,
        }
    }

    pub fn touch(&mut self, id: NotebookId, now_ms: f64) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.id == id) {
            entry.changed_ms = now_ms;
        }
    }

    /// Removes notebook `id`. The open one cannot be removed while it is the only one; when
    /// the open one goes, the most recently changed other one opens. Says whether it went.
    pub fn remove(&mut self, id: NotebookId) -> bool {
        let Some(at) = self.entries.iter().position(|e| e.id == id) else {
            return false;
        };
        if self.entries.len() == 1 {
            return false;
        }
        self.entries.remove(at);
        if self.current == id {
            self.current = self.by_recent()[0].id;
        }
        true
    }

    /// Reads a stored index, checked: repeated ids and blank names are dropped, names are
    /// cleaned, and an open notebook that is not listed becomes the most recent one.
    pub fn from_json(text: &str) -> Result<Library, Error> {
        let unreadable = |message: String| Error::NotebookUnreadable { message };
        if text.len() > MAX_NOTEBOOKS * 1024 {
            return Err(unreadable(format!("the index is {} bytes", text.len())));
        }
        let stored: Library = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
        let mut library = Library {
            current: stored.current,
            entries: Vec::new(),
        };
        for entry in stored.entries.into_iter().take(MAX_NOTEBOOKS) {
            let fresh = library.get(entry.id).is_none();
            if let (true, Some(name)) = (fresh, clean_name(&entry.name)) {
                let changed_ms = if entry.changed_ms.is_finite() {
                    entry.changed_ms
                } else {
                    0.0
                };
                library.entries.push(Entry {
                    name,
                    changed_ms,
                    ..entry
                });
            }
        }
        if library.entries.is_empty() {
            return Err(unreadable("the index lists no notebook".into()));
        }
        if library.get(library.current).is_none() {
            library.current = library.by_recent()[0].id;
        }
        Ok(library)
    }

    pub fn to_json(&self) -> String {
        // Plain data: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_blank_ones_refused() {
        assert_eq!(
            clean_name("  Titanic \n  cleaned\t"),
            Some("Titanic cleaned".into())
        );
        assert_eq!(clean_name(" \t\n"), None);
        let long = "é".repeat(200);
        assert_eq!(clean_name(&long).unwrap().chars().count(), MAX_NAME_CHARS);
    }

    #[test]
    fn notebooks_are_added_renamed_and_removed_with_one_always_open() {
        let mut library = Library::with_first("Iris", 10.0);
        assert_eq!(library.current, 1);
        let wine = library.add("Wine", 20.0);
        let blank = library.add("   ", 30.0);
        assert_eq!((wine, blank), (2, 3));
        assert_eq!(library.get(blank).unwrap().name, "3");
        assert!(library.rename(wine, " Wine, tuned "));
        assert!(!library.rename(wine, " "));
        assert!(!library.rename(99, "x"));
        assert_eq!(library.get(wine).unwrap().name, "Wine, tuned");
        library.touch(1, 40.0);
        let order: Vec<NotebookId> = library.by_recent().iter().map(|e| e.id).collect();
        assert_eq!(order, [1, 3, 2]);

        // Removing the open one opens the most recent other; ids are never reused.
        assert!(library.remove(1));
        assert_eq!(library.current, 3);
        assert_eq!(library.add("Penguins", 50.0), 4);
        assert!(library.remove(3) && library.remove(2));
        assert_eq!(library.current, 4);
        assert!(!library.remove(4), "the last notebook stays");
        assert!(!library.remove(99));
    }

    #[test]
    fn a_link_opens_as_a_new_notebook_beside_the_open_one_until_the_library_is_full() {
        let mut library = Library::with_first("Mine", 1.0);
        assert_eq!(library.open_new("Shared", 2.0), Some(1));
        assert_eq!(library.current, 2);
        assert_eq!(library.get(1).unwrap().name, "Mine");
        while !library.is_full() {
            library.add("more", 3.0);
        }
        let full = library.clone();
        assert_eq!(library.open_new("One too many", 4.0), None);
        assert_eq!(library, full, "a full library is left as it was");
    }

    #[test]
    fn a_stored_index_is_read_checked() {
        let mut library = Library::with_first("Iris", 1.0);
        library.add("Wine", 2.0);
        assert_eq!(Library::from_json(&library.to_json()).unwrap(), library);

        let messy = r#"{"current":9,"entries":[
            {"id":1,"name":"  Iris  ","changed_ms":1.0},
            {"id":1,"name":"again","changed_ms":5.0},
            {"id":2,"name":"   ","changed_ms":6.0},
            {"id":3,"name":"Wine","changed_ms":3.0}]}"#;
        let read = Library::from_json(messy).unwrap();
        let names: Vec<&str> = read.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Iris", "Wine"]);
        assert_eq!(
            read.current, 3,
            "an unlisted open notebook becomes the latest"
        );

        for broken in ["", "[]", r#"{"current":1,"entries":[]}"#, "{\"current\":1"] {
            assert!(
                matches!(
                    Library::from_json(broken),
                    Err(Error::NotebookUnreadable { .. })
                ),
                "{broken}"
            );
        }
    }
}
