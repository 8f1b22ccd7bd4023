//! Everything a learner keeps in one browser as one file, to keep safe or to carry to another
//! device: their notebooks by name, and their work in each lesson (issue 19: progress "exported
//! and imported with the learner's notebooks"). A backup file is untrusted on the way back in,
//! as a saved notebook is: its size, its format and every notebook in it are checked.

use crate::lessons::Progress;
use crate::notebook::library::MAX_NOTEBOOKS;
use crate::notebook::{Notebook, MAX_NOTEBOOK_BYTES};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The backups this Latih writes; it reads these.
pub const BACKUP_FORMAT: u32 = 1;

/// The largest backup read: every notebook at its largest, and room for the lessons.
pub const MAX_BACKUP_BYTES: usize = MAX_NOTEBOOKS * MAX_NOTEBOOK_BYTES / 8;

/// At most this many lessons' work in a backup (the course has far fewer).
const MAX_LESSONS: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// Each notebook with the name it had in My notebooks.
    pub notebooks: Vec<(String, Notebook)>,
    /// The work in each lesson, by slug, with its number of exercises.
    pub lessons: BTreeMap<String, LessonBackup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonBackup {
    pub work: Progress,
    pub exercises: usize,
}

/// The file's shape: each notebook as its own JSON text (the text My notebooks stores), read
/// back through [`Notebook::from_json`], which needs its keys in their written order.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    latih_backup: u32,
    notebooks: Vec<NamedNotebook>,
    #[serde(default)]
    lessons: BTreeMap<String, LessonBackup>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedNotebook {
    name: String,
    notebook: String,
}

impl Backup {
    pub fn to_json(&self) -> String {
        let file = File {
            latih_backup: BACKUP_FORMAT,
            notebooks: self
                .notebooks
                .iter()
                .map(|(name, notebook)| NamedNotebook {
                    name: name.clone(),
                    notebook: notebook.to_json(),
                })
                .collect(),
            lessons: self.lessons.clone(),
        };
        // Plain data: serialising cannot fail.
        serde_json::to_string(&file).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Backup, Error> {
        let unreadable = |message: String| Error::NotebookUnreadable { message };
        if text.len() > MAX_BACKUP_BYTES {
            return Err(Error::NotebookTooLarge {
                bytes: text.len(),
                limit: MAX_BACKUP_BYTES,
            });
        }
        let file: File = serde_json::from_str(text).map_err(|e| unreadable(e.to_string()))?;
        if file.latih_backup != BACKUP_FORMAT {
            return Err(unreadable(format!(
                "a backup of format {}, which this Latih does not read",
                file.latih_backup
            )));
        }
        if file.notebooks.len() > MAX_NOTEBOOKS || file.lessons.len() > MAX_LESSONS {
            return Err(unreadable(
                "more notebooks or lessons than Latih keeps".into(),
            ));
        }
        let notebooks = file
            .notebooks
            .into_iter()
            .map(|named| Ok((named.name, Notebook::from_json(&named.notebook)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        let mut lessons = BTreeMap::new();
        for (slug, mut lesson) in file.lessons {
            lesson.work = lesson.work.checked();
            lessons.insert(slug, lesson);
        }
        Ok(Backup { notebooks, lessons })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::Attempt;
    use std::collections::BTreeSet;

    fn notebook() -> Notebook {
        Notebook::starter("iris", "species")
    }

    fn backup() -> Backup {
        let work = Progress {
            attempt: Some(Attempt {
                notebook: notebook(),
                answers: BTreeMap::new(),
            }),
            checked: BTreeSet::from(["rows".to_string()]),
            passed: BTreeSet::from(["rows".to_string()]),
            hints: BTreeMap::from([("rows".to_string(), 2)]),
        };
        Backup {
            notebooks: vec![("Iris".into(), notebook()), ("Lagi".into(), notebook())],
            lessons: BTreeMap::from([(
                "data-as-a-table".to_string(),
                LessonBackup { work, exercises: 3 },
            )]),
        }
    }

    #[test]
    fn a_backup_reads_back_as_it_was_written() {
        let written = backup();
        assert_eq!(Backup::from_json(&written.to_json()).unwrap(), written);
    }

    #[test]
    fn a_damaged_newer_or_oversized_backup_is_refused_with_a_reason() {
        let text = backup().to_json();
        assert!(Backup::from_json(&text[..text.len() / 2]).is_err());
        assert!(
            Backup::from_json(&text.replace("\"latih_backup\":1", "\"latih_backup\":2")).is_err()
        );
        // A notebook inside that is not one.
        let broken = text.replacen("{\\\"version\\\":1", "{\\\"version\\\":999", 1);
        assert_ne!(broken, text);
        assert!(Backup::from_json(&broken).is_err());
        let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert!(matches!(
            Backup::from_json(&huge),
            Err(Error::NotebookTooLarge { .. })
        ));
    }
}
