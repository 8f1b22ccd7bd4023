//! A learner's work in one lesson, as the browser keeps it and a backup carries it: the
//! attempt (the notebook as changed, the answers), the checks asked for and those passed, the
//! hints seen.

use super::Attempt;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The notebook as changed, and the answers given (the lesson's own notebook when `None`).
    #[serde(default)]
    pub attempt: Option<Attempt>,
    /// The checks the learner asked to be checked: their outcomes are shown again on return.
    #[serde(default)]
    pub checked: BTreeSet<String>,
    /// The checks passed at least once: a later change to the model does not undo them.
    #[serde(default)]
    pub passed: BTreeSet<String>,
    /// Hints seen, by check.
    #[serde(default)]
    pub hints: BTreeMap<String, usize>,
}

impl Progress {
    /// Untrusted work made safe to show: an attempt whose notebook fails the engine's checks
    /// is dropped (the lesson starts afresh), the rest is kept.
    pub fn checked(mut self) -> Progress {
        if let Some(attempt) = self.attempt.take() {
            self.attempt = attempt.notebook.checked().ok().map(|notebook| Attempt {
                notebook,
                ..attempt
            });
        }
        self
    }

    /// Joins the work done elsewhere (a backup) to this: every check passed or asked for in
    /// either, the most hints seen; the attempt here stays, or theirs if there is none here.
    pub fn merge(&mut self, other: Progress) {
        self.checked.extend(other.checked);
        self.passed.extend(other.passed);
        for (id, seen) in other.hints {
            let here = self.hints.entry(id).or_insert(0);
            *here = (*here).max(seen);
        }
        if self.attempt.is_none() {
            self.attempt = other.attempt;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_work_keeps_every_pass_the_most_hints_and_the_attempt_here() {
        let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        let mut here = Progress {
            attempt: None,
            checked: set(&["a"]),
            passed: set(&["a"]),
            hints: BTreeMap::from([("a".into(), 1), ("b".into(), 3)]),
        };
        let there = Progress {
            attempt: None,
            checked: set(&["b"]),
            passed: set(&["b"]),
            hints: BTreeMap::from([("a".into(), 2), ("b".into(), 1)]),
        };
        here.merge(there);
        assert_eq!(here.passed, set(&["a", "b"]));
        assert_eq!(here.checked, set(&["a", "b"]));
        assert_eq!(
            here.hints,
            BTreeMap::from([("a".into(), 2), ("b".into(), 3)])
        );
    }
}
