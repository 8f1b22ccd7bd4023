//! Lessons: short texts between the cells of a live notebook, with exercises whose answers the
//! engine checks on the notebook's own outputs (issue 19).
//!
//! A lesson is a file per language (`content/<lang>/<slug>.md`, read by [`parse_lesson`]): front
//! matter, Markdown, a `notebook` block (the starting notebook, with the cells the learner must
//! not change locked), `cells` blocks that place its cells in the text, `check` blocks (one
//! exercise each) and a `solution` block (the solved notebook and answers). The notebook, the
//! solution and the checks' kinds are the same in every language; only the words differ. The
//! page (in the whole app, never the first load) fetches a lesson when it is opened, reads it
//! and checks it on the outputs of the notebook runs it has; `latih check` runs the same checks
//! at the command line.
//!
//! As in Kaggle's learntools, a check is data, and answers one of three ways: pass, not yet
//! (with a reason per failed criterion, in the engine's facts) or not attempted; it has hints in
//! tiers and a solution. Numbers the text states are placeholders (`{{…}}`) filled by the
//! engine at run time ([`Quantity`]), never typed.

mod check;
mod link;
mod marks;
mod parse;
mod progress;
mod quantity;
mod shape;

pub use check::{
    check_attempt, scored_of_held_out, Answer, Attempt, CheckResult, Outcome, Reason, Runs,
};
pub use link::{attempt_fragment, decode_attempt, encode_attempt, ATTEMPT_FORMAT};
pub use marks::{marked_text, pieces, Piece};
pub use parse::{parse_lesson, placeholders, LessonError};
pub use progress::Progress;
pub use quantity::{MetricName, Quantity, Statistic};
pub use shape::ShapeRule;

use crate::notebook::Notebook;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One lesson in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    pub slug: String,
    /// The roadmap stage it belongs to (`latih_i18n::ROADMAP_STAGES`).
    pub stage: String,
    /// Its place in the course.
    pub order: u32,
    pub title: String,
    /// The wrong idea the lesson sets out to undo, named for the learner at its end.
    pub misconception: String,
    /// The text and the places of the notebook's cells, in reading order.
    pub parts: Vec<Part>,
    pub notebook: Notebook,
    pub checks: Vec<Check>,
    pub solution: Solution,
}

/// A piece of a lesson, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// Markdown, with `{{quantity}}` placeholders.
    Text(String),
    /// These cells of the lesson's notebook (a range of indices).
    Cells { first: usize, last: usize },
    /// The exercise of the check at this index of [`Lesson::checks`].
    Check(usize),
}

/// One exercise: what is asked, how the engine checks it, and the help it offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    pub question: String,
    /// From a nudge to nearly the answer; shown one at a time, on request.
    pub hints: Vec<String>,
    /// The answer, explained.
    pub solution: String,
    /// In a portfolio project, the check is a line of its rubric: a main criterion or a
    /// suggestion that makes the project excellent. Absent in a lesson.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<Rubric>,
}

/// A rubric line's weight: what a project must have, or what lifts it above the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rubric {
    Criterion,
    Excellent,
}

/// How a check is decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckKind {
    /// The learner types a number; it passes within `tolerance` of what the engine computes.
    Number { of: Quantity, tolerance: f64 },
    /// Multiple choice: each wrong option says why it is wrong.
    Choice {
        options: Vec<ChoiceOption>,
        correct: usize,
    },
    /// The learner changes an open cell until an evaluation's metric reaches a bar.
    Metric {
        cell: usize,
        name: MetricName,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        class: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_least: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_most: Option<f64>,
        /// A bar relative to a reference run: the same metric of the lesson's notebook as it
        /// starts (same data, same seed), bettered by this much (higher, or lower for an error).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        beat_start_by: Option<f64>,
        /// The evaluate cell must score every row the split held out: an entry that drops
        /// held-out rows (a row with a missing value, say) is not judged on the rows it kept.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        every_row: bool,
    },
    /// A Parsons puzzle: the lines of pandas / scikit-learn code, in their right order (the page
    /// shuffles them); the answer is the order the learner puts them in.
    Order { lines: Vec<String> },
    /// Predict, then run: the learner commits to a guess of a number of the starting notebook
    /// (`of`) before seeing it; the cells `hide` stay folded until then. A guess passes, right
    /// or wrong: the exercise is to commit, then to compare (the page sets the two side by side).
    Predict {
        of: Quantity,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        hide: Vec<usize>,
    },
    /// The notebook's shape: the learner changes the notebook until it meets every rule (see
    /// [`ShapeRule`]); each rule missed is a reason.
    Shape { rules: Vec<ShapeRule> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub text: String,
    /// Why this option is wrong (the right one has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// The lesson solved: the notebook as it should end, and the answers to its questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    pub notebook: Notebook,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// A metric exercise's bars: at least this, at most that (either may be absent).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bars {
    pub at_least: Option<f64>,
    pub at_most: Option<f64>,
}

impl CheckKind {
    /// A metric exercise's bars, the relative one computed from the starting notebook's
    /// outputs (`None` if that run has no value for it yet).
    pub fn bars(
        &self,
        start: &[Result<crate::notebook::CellOutput, crate::Error>],
    ) -> Option<Bars> {
        let CheckKind::Metric {
            cell,
            name,
            class,
            at_least,
            at_most,
            beat_start_by,
            ..
        } = self
        else {
            return None;
        };
        let mut bars = Bars {
            at_least: *at_least,
            at_most: *at_most,
        };
        if let Some(by) = beat_start_by {
            let reference = match start.get(*cell) {
                Some(Ok(output)) => quantity::metric(output, *name, class.as_deref())?,
                _ => return None,
            };
            match name.lower_is_better() {
                true => bars.at_most = Some(reference - by),
                false => bars.at_least = Some(reference + by),
            }
        }
        Some(bars)
    }
}

impl Lesson {
    /// The solution as an attempt, for `latih check --solution` and the tests.
    pub fn solution_attempt(&self) -> Attempt {
        Attempt {
            notebook: self.solution.notebook.clone(),
            answers: self.solution.answers.clone(),
        }
    }

    /// The lesson as it starts: its notebook, nothing answered.
    pub fn starting_attempt(&self) -> Attempt {
        Attempt {
            notebook: self.notebook.clone(),
            answers: BTreeMap::new(),
        }
    }
}
