//! A learner's progress through the lessons, kept in this browser's local storage: for each
//! lesson, the work (its notebook as changed, the answers, the hints seen, the checks asked for
//! and passed), and a summary per lesson (passed of total) that the Lessons page reads without
//! reading the work. What is stored is untrusted on the way back in, as saved notebooks are.

use gloo_storage::{LocalStorage, Storage};
use latih_engine::lessons::Attempt;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const SUMMARY_KEY: &str = "latih.lesson-progress";
const WORK_PREFIX: &str = "latih.lesson.";

/// Exercises passed, of how many, by lesson slug.
pub type Summaries = BTreeMap<String, (usize, usize)>;

/// What the learner has done in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonWork {
    /// The notebook as changed, and the answers given (the lesson's own notebook when `None`).
    pub attempt: Option<Attempt>,
    /// The checks the learner asked to be checked: their outcomes are shown again on return.
    pub checked: BTreeSet<String>,
    /// The checks passed at least once: a later change to the model does not undo them.
    pub passed: BTreeSet<String>,
    /// Hints seen, by check.
    pub hints: BTreeMap<String, usize>,
}

pub fn summaries() -> Summaries {
    LocalStorage::get(SUMMARY_KEY).unwrap_or_default()
}

/// The work kept for lesson `slug`; nothing (a fresh start) if there is none or it does not
/// read, or its notebook does not pass the engine's checks.
pub fn work(slug: &str) -> LessonWork {
    let mut work: LessonWork =
        LocalStorage::get(format!("{WORK_PREFIX}{slug}")).unwrap_or_default();
    if let Some(attempt) = work.attempt.take() {
        work.attempt = attempt.notebook.checked().ok().map(|notebook| Attempt {
            notebook,
            ..attempt
        });
    }
    work
}

/// Keeps lesson `slug`'s work and its summary (`total` exercises); false if storage refused.
pub fn save(slug: &str, work: &LessonWork, total: usize) -> bool {
    let mut all = summaries();
    all.insert(slug.to_string(), (work.passed.len().min(total), total));
    LocalStorage::set(format!("{WORK_PREFIX}{slug}"), work).is_ok()
        && LocalStorage::set(SUMMARY_KEY, &all).is_ok()
}
