//! A learner's progress through the lessons, kept in this browser's local storage: for each
//! lesson, the work (`latih_engine::lessons::Progress`: its notebook as changed, the answers,
//! the hints seen, the checks asked for and passed), and a summary per lesson (passed of total)
//! that the Lessons page reads without reading the work. What is stored is untrusted on the way
//! back in, as saved notebooks are.

use gloo_storage::{LocalStorage, Storage};
use latih_engine::backup::LessonBackup;
use latih_engine::lessons::Progress;
use std::collections::{BTreeMap, BTreeSet};

const SUMMARY_KEY: &str = "latih.lesson-progress";
const WORK_PREFIX: &str = "latih.lesson.";

/// Exercises passed, of how many, by lesson slug.
pub type Summaries = BTreeMap<String, (usize, usize)>;

pub fn summaries() -> Summaries {
    LocalStorage::get(SUMMARY_KEY).unwrap_or_default()
}

/// The work kept for lesson `slug`; nothing (a fresh start) if there is none or it does not
/// read.
pub fn work(slug: &str) -> Progress {
    LocalStorage::get::<Progress>(format!("{WORK_PREFIX}{slug}"))
        .map(Progress::checked)
        .unwrap_or_default()
}

/// Keeps lesson `slug`'s work and its summary: of the `counted` checks (a lesson's exercises,
/// a project's main criteria), how many are passed; false if storage refused.
pub fn save(slug: &str, work: &Progress, counted: &BTreeSet<String>) -> bool {
    let passed = work.passed.intersection(counted).count();
    keep(slug, work, passed, counted.len())
}

fn keep(slug: &str, work: &Progress, passed: usize, total: usize) -> bool {
    let mut all = summaries();
    all.insert(slug.to_string(), (passed.min(total), total));
    LocalStorage::set(format!("{WORK_PREFIX}{slug}"), work).is_ok()
        && LocalStorage::set(SUMMARY_KEY, &all).is_ok()
}

/// Every lesson's work kept here, for a backup.
pub fn all() -> BTreeMap<String, LessonBackup> {
    summaries()
        .into_iter()
        .map(|(slug, (_, exercises))| {
            let work = work(&slug);
            (slug, LessonBackup { work, exercises })
        })
        .collect()
}

/// Joins a backup's lesson work to what is kept here; the number of lessons it touched, or
/// `None` if storage refused.
pub fn restore(lessons: BTreeMap<String, LessonBackup>) -> Option<usize> {
    let count = lessons.len();
    for (slug, lesson) in lessons {
        let mut here = work(&slug);
        here.merge(lesson.work);
        let total = summaries().get(&slug).map_or(lesson.exercises, |(_, t)| *t);
        // A backup knows the count, not which checks it counts.
        if !keep(&slug, &here, here.passed.len(), total) {
            return None;
        }
    }
    Some(count)
}
