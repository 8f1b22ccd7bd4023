//! Deciding a lesson's checks on a learner's attempt: pass, not yet (with a reason per failed
//! criterion, as facts for the catalogs' words), or not attempted. The caller runs the notebooks
//! (a shared attempt's results are recomputed, never trusted): a metric exercise reads the
//! attempt's notebook; a question asks about the lesson's notebook as it starts, so its answer
//! stays right while the learner changes the model for a later exercise.

use super::quantity::{metric, Unavailable};
use super::{Check, CheckKind, Lesson, MetricName, Quantity};
use crate::notebook::{CellOutput, Notebook};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A learner's work on a lesson: the lesson's notebook as they changed it, and their answers
/// by check id. What a shared lesson link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
    pub notebook: Notebook,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// An answer typed or chosen: a number (also a choice's index), or an order of lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Number(f64),
    Order(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub id: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Pass,
    /// Not yet: why, one reason per criterion missed.
    NotYet(Vec<Reason>),
    /// Nothing answered, or the notebook not changed yet.
    NotAttempted,
}

/// Why a check is not passed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// The number given is not the one the engine computes (which is not said: the exercise is
    /// to find it).
    WrongNumber { given: f64 },
    /// The option chosen is wrong, and the lesson says why.
    WrongChoice { why: String },
    /// The answer names no option, or is not of the check's kind.
    NotAnAnswer,
    /// The metric is under its bar.
    Below {
        name: MetricName,
        value: f64,
        bar: f64,
    },
    /// The metric is over its bar (an error that must shrink).
    Above {
        name: MetricName,
        value: f64,
        bar: f64,
    },
    /// The cell the check reads failed or is gone: fix it first.
    CellFailed { cell: usize },
    /// A cell the lesson keeps as it is was changed (a shared attempt can carry anything).
    LockedCellChanged { cell: usize },
    /// The lines are in another order; the first one out of place (1-based).
    OutOfOrder { position: usize },
    /// The note cell does not state this number of the notebook yet.
    NoteLacks { cell: usize, of: Quantity },
    /// The note cell has fewer words than the check asks for.
    NoteTooShort {
        cell: usize,
        words: usize,
        at_least: usize,
    },
    /// The evaluate cell scored fewer rows than the split held out (some were dropped).
    DroppedRows { scored: usize, held_out: usize },
}

/// The rows the evaluate cell at `cell` scored, and the rows the split above it held out; `None`
/// while either has not run.
pub fn scored_of_held_out(
    notebook: &crate::notebook::Notebook,
    outputs: &[Result<CellOutput, Error>],
    cell: usize,
) -> Option<(usize, usize)> {
    let split = notebook
        .cells
        .get(..cell)?
        .iter()
        .rposition(|c| matches!(c, crate::notebook::Cell::Split(_)))?;
    let held_out = match outputs.get(split) {
        Some(Ok(CellOutput::Split(s))) => s.test_rows,
        _ => return None,
    };
    let scored = match outputs.get(cell) {
        Some(Ok(CellOutput::Evaluate(e))) => e.test_rows,
        Some(Ok(CellOutput::EvaluateRegression(r))) => r.y_true.len(),
        _ => return None,
    };
    Some((scored, held_out))
}

/// The outputs the checks read: of the lesson's notebook as it starts, and of the attempt's.
pub struct Runs<'a> {
    pub start: &'a [Result<CellOutput, Error>],
    pub attempt: &'a [Result<CellOutput, Error>],
}

/// Decides every check of `lesson` on `attempt`.
pub fn check_attempt(lesson: &Lesson, attempt: &Attempt, runs: &Runs) -> Vec<CheckResult> {
    let untouched = attempt.notebook == lesson.notebook;
    let changed_lock = lesson
        .notebook
        .locked
        .iter()
        .copied()
        .find(|&cell| lesson.notebook.cells.get(cell) != attempt.notebook.cells.get(cell));
    lesson
        .checks
        .iter()
        .map(|check| CheckResult {
            id: check.id.clone(),
            outcome: match changed_lock {
                Some(cell) if reads_notebook(check) => {
                    Outcome::NotYet(vec![Reason::LockedCellChanged { cell }])
                }
                _ => decide(check, attempt, runs, untouched),
            },
        })
        .collect()
}

/// Whether the check reads the notebook's outputs (not only an answer about code).
fn reads_notebook(check: &Check) -> bool {
    matches!(
        check.kind,
        CheckKind::Number { .. } | CheckKind::Metric { .. } | CheckKind::Shape { .. }
    )
}

fn decide(check: &Check, attempt: &Attempt, runs: &Runs, untouched: bool) -> Outcome {
    let answer = attempt.answers.get(&check.id);
    let verdict = |reasons: Vec<Reason>| match reasons.is_empty() {
        true => Outcome::Pass,
        false => Outcome::NotYet(reasons),
    };
    match (&check.kind, answer) {
        (CheckKind::Metric { .. } | CheckKind::Shape { .. }, _) if untouched => {
            Outcome::NotAttempted
        }
        (CheckKind::Shape { rules }, _) => verdict(
            rules
                .iter()
                .filter_map(|rule| rule.unmet(&attempt.notebook, runs.attempt))
                .collect(),
        ),
        (
            kind @ CheckKind::Metric {
                cell,
                name,
                class,
                every_row,
                ..
            },
            _,
        ) => {
            let value = match runs.attempt.get(*cell) {
                Some(Ok(output)) => metric(output, *name, class.as_deref()),
                _ => None,
            };
            let (Some(value), Some(bars)) = (value, kind.bars(runs.start)) else {
                return verdict(vec![Reason::CellFailed { cell: *cell }]);
            };
            let mut reasons = Vec::new();
            if let Some(bar) = bars.at_least.filter(|&bar| value < bar) {
                reasons.push(Reason::Below {
                    name: *name,
                    value,
                    bar,
                });
            }
            if let Some(bar) = bars.at_most.filter(|&bar| value > bar) {
                reasons.push(Reason::Above {
                    name: *name,
                    value,
                    bar,
                });
            }
            if *every_row {
                match scored_of_held_out(&attempt.notebook, runs.attempt, *cell) {
                    Some((scored, held_out)) if scored < held_out => {
                        reasons.push(Reason::DroppedRows { scored, held_out })
                    }
                    Some(_) => {}
                    None => reasons.push(Reason::CellFailed { cell: *cell }),
                }
            }
            verdict(reasons)
        }
        (_, None) => Outcome::NotAttempted,
        (CheckKind::Number { of, tolerance }, Some(Answer::Number(given))) => {
            match of.value(runs.start) {
                Ok(expected) if (given - expected).abs() <= *tolerance => Outcome::Pass,
                Ok(_) => verdict(vec![Reason::WrongNumber { given: *given }]),
                Err(Unavailable::CellFailed { cell } | Unavailable::NotInOutput { cell }) => {
                    verdict(vec![Reason::CellFailed { cell }])
                }
            }
        }
        (CheckKind::Predict { .. }, Some(Answer::Number(_))) => Outcome::Pass,
        (CheckKind::Choice { options, correct }, Some(Answer::Number(chosen))) => {
            // An option's index: a whole number that names one.
            let index = (chosen.fract() == 0.0 && *chosen >= 0.0).then_some(*chosen as usize);
            match index.and_then(|i| options.get(i).map(|option| (i, option))) {
                Some((i, _)) if i == *correct => Outcome::Pass,
                Some((_, option)) => verdict(vec![Reason::WrongChoice {
                    why: option.why.clone().unwrap_or_default(),
                }]),
                None => verdict(vec![Reason::NotAnAnswer]),
            }
        }
        (CheckKind::Order { lines }, Some(Answer::Order(order))) => {
            let is_permutation = order.len() == lines.len() && {
                let mut sorted = order.clone();
                sorted.sort_unstable();
                sorted.iter().enumerate().all(|(i, &line)| i == line)
            };
            match order.iter().enumerate().find(|&(i, &line)| i != line) {
                _ if !is_permutation => verdict(vec![Reason::NotAnAnswer]),
                Some((position, _)) => verdict(vec![Reason::OutOfOrder {
                    position: position + 1,
                }]),
                None => Outcome::Pass,
            }
        }
        _ => verdict(vec![Reason::NotAnAnswer]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::{parse_lesson, Quantity};
    use crate::notebook::evaluate;
    use std::collections::HashMap;

    fn iris() -> HashMap<String, String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/data/iris.csv");
        HashMap::from([("iris".to_string(), std::fs::read_to_string(path).unwrap())])
    }

    const NOTEBOOK: &str = r#"{"version":1,"locked":[0,1],"cells":[
        {"kind":"dataset","dataset":"iris","target":"species"},
        {"kind":"split","test_fraction":0.25,"stratify":true,"seed":42},
        {"kind":"train","model":"decision_tree","max_depth":1},
        {"kind":"evaluate"}]}"#;

    fn lesson() -> Lesson {
        let solved = NOTEBOOK.replace(r#""max_depth":1"#, r#""max_depth":3"#);
        parse_lesson(&format!(
            "---\nslug: t\nstage: collect\norder: 1\ntitle: T\nmisconception: M\n---\n\
             How many rows? {{{{{{\"rows\":{{\"cell\":0}}}}}}}}\n\
             ```notebook\n{NOTEBOOK}\n```\n```cells\n0-3\n```\n\
             ```check\n{{\"id\":\"rows\",\"kind\":{{\"number\":{{\"of\":{{\"rows\":{{\"cell\":0}}}},\"tolerance\":0}}}},\"question\":\"q\",\"hints\":[\"a\",\"b\"],\"solution\":\"s\"}}\n```\n\
             ```check\n{{\"id\":\"pick\",\"kind\":{{\"choice\":{{\"options\":[{{\"text\":\"x\",\"why\":\"because\"}},{{\"text\":\"y\"}}],\"correct\":1}}}},\"question\":\"q\",\"hints\":[\"a\",\"b\"],\"solution\":\"s\"}}\n```\n\
             ```check\n{{\"id\":\"deeper\",\"kind\":{{\"metric\":{{\"cell\":3,\"name\":\"accuracy\",\"at_least\":0.9}}}},\"question\":\"q\",\"hints\":[\"a\",\"b\"],\"solution\":\"s\"}}\n```\n\
             ```check\n{{\"id\":\"code\",\"kind\":{{\"order\":{{\"lines\":[\"a\",\"b\",\"c\"]}}}},\"question\":\"q\",\"hints\":[\"a\",\"b\"],\"solution\":\"s\"}}\n```\n\
             ```solution\n{{\"notebook\":{solved},\"answers\":{{\"rows\":150,\"pick\":1,\"code\":[0,1,2]}}}}\n```\n"
        ))
        .unwrap()
    }

    fn outcomes(lesson: &Lesson, attempt: &Attempt) -> Vec<Outcome> {
        let start = evaluate(&lesson.notebook, &iris());
        let outputs = evaluate(&attempt.notebook, &iris());
        let runs = Runs {
            start: &start,
            attempt: &outputs,
        };
        check_attempt(lesson, attempt, &runs)
            .into_iter()
            .map(|r| r.outcome)
            .collect()
    }

    #[test]
    fn each_kind_says_pass_not_yet_with_its_reason_or_not_attempted() {
        let lesson = lesson();
        assert_eq!(lesson.parts.len(), 6, "{:?}", lesson.parts);
        let start = lesson.starting_attempt();
        assert!(outcomes(&lesson, &start)
            .iter()
            .all(|o| *o == Outcome::NotAttempted));
        assert!(outcomes(&lesson, &lesson.solution_attempt())
            .iter()
            .all(|o| *o == Outcome::Pass));

        // The starting notebook, touched (its locks taken off: attempted), with wrong answers.
        let mut wrong = start.clone();
        wrong.notebook.locked.clear();
        wrong.answers = BTreeMap::from([
            ("rows".into(), Answer::Number(149.0)),
            ("pick".into(), Answer::Number(0.0)),
            ("code".into(), Answer::Order(vec![0, 2, 1])),
        ]);
        let got = outcomes(&lesson, &wrong);
        assert_eq!(
            got[0],
            Outcome::NotYet(vec![Reason::WrongNumber { given: 149.0 }])
        );
        assert_eq!(
            got[1],
            Outcome::NotYet(vec![Reason::WrongChoice {
                why: "because".into()
            }])
        );
        // A stump on iris separates one class of three: about two thirds right.
        let Outcome::NotYet(reasons) = &got[2] else {
            panic!("{:?}", got[2])
        };
        assert!(
            matches!(reasons[0], Reason::Below { name: MetricName::Accuracy, bar, value } if bar == 0.9 && value < 0.7)
        );
        assert_eq!(
            got[3],
            Outcome::NotYet(vec![Reason::OutOfOrder { position: 2 }])
        );

        // Not answers: an index between options, lines repeated.
        wrong.answers.insert("pick".into(), Answer::Number(0.5));
        wrong
            .answers
            .insert("code".into(), Answer::Order(vec![0, 0, 1]));
        let got = outcomes(&lesson, &wrong);
        assert_eq!(got[1], Outcome::NotYet(vec![Reason::NotAnAnswer]));
        assert_eq!(got[3], Outcome::NotYet(vec![Reason::NotAnAnswer]));
    }

    #[test]
    fn a_prediction_passes_once_committed_whatever_its_value() {
        let mut lesson = lesson();
        lesson.checks[0].kind = CheckKind::Predict {
            of: Quantity::Rows { cell: 0 },
            hide: vec![0],
        };
        let start = lesson.starting_attempt();
        assert_eq!(outcomes(&lesson, &start)[0], Outcome::NotAttempted);
        for guess in [10.0, 150.0] {
            let mut guessed = start.clone();
            guessed.answers.insert("rows".into(), Answer::Number(guess));
            assert_eq!(
                outcomes(&lesson, &guessed)[0],
                Outcome::Pass,
                "guess {guess}"
            );
        }
        let mut lines = start.clone();
        lines.answers.insert("rows".into(), Answer::Order(vec![0]));
        assert_eq!(
            outcomes(&lesson, &lines)[0],
            Outcome::NotYet(vec![Reason::NotAnAnswer])
        );
    }

    #[test]
    fn a_relative_bar_is_the_starting_notebooks_metric_bettered_by_its_margin() {
        let mut lesson = lesson();
        let start = evaluate(&lesson.notebook, &iris());
        let stump = metric(start[3].as_ref().unwrap(), MetricName::Accuracy, None).unwrap();
        for (by, passes) in [(0.1, true), (0.9, false)] {
            if let CheckKind::Metric {
                at_least,
                beat_start_by,
                ..
            } = &mut lesson.checks[2].kind
            {
                *at_least = None;
                *beat_start_by = Some(by);
            }
            let bars = lesson.checks[2].kind.bars(&start).unwrap();
            assert!((bars.at_least.unwrap() - (stump + by)).abs() < 1e-12);
            let deeper = outcomes(&lesson, &lesson.solution_attempt())[2].clone();
            assert_eq!(deeper == Outcome::Pass, passes, "by {by}: {deeper:?}");
        }
    }

    #[test]
    fn a_shape_check_reads_the_attempts_note_against_the_engines_numbers() {
        use crate::lessons::ShapeRule;
        use crate::notebook::{Cell, NoteCell};
        let mut lesson = lesson();
        let note = |text: &str| Cell::Note(NoteCell { text: text.into() });
        lesson.notebook.cells.push(note("todo"));
        let accuracy = Quantity::Metric {
            cell: 3,
            name: MetricName::Accuracy,
            class: None,
        };
        lesson.checks[0].kind = CheckKind::Shape {
            rules: vec![
                ShapeRule::NoteStates {
                    cell: 4,
                    of: accuracy.clone(),
                },
                ShapeRule::NoteWords {
                    cell: 4,
                    at_least: 4,
                },
            ],
        };
        let start = lesson.starting_attempt();
        assert_eq!(outcomes(&lesson, &start)[0], Outcome::NotAttempted);

        let mut attempt = start.clone();
        let mut with_note = |text: &str| {
            attempt.notebook.cells[4] = note(text);
            outcomes(&lesson, &attempt)[0].clone()
        };
        let lacks = Reason::NoteLacks {
            cell: 4,
            of: accuracy.clone(),
        };
        assert_eq!(
            with_note("A stump."),
            Outcome::NotYet(vec![
                lacks.clone(),
                Reason::NoteTooShort {
                    cell: 4,
                    words: 2,
                    at_least: 4
                }
            ])
        );
        let outputs = evaluate(&lesson.notebook, &iris());
        let value = accuracy.value(&outputs).unwrap();
        assert_eq!(
            with_note(&format!("The stump scores {:.2}.", value + 0.05)),
            Outcome::NotYet(vec![lacks])
        );
        assert_eq!(
            with_note(&format!("The stump scores {:.2}.", value)),
            Outcome::Pass
        );
        assert_eq!(
            with_note(&format!("Akurasi tunggul ini: {:.1} %.", value * 100.0).replace('.', ",")),
            Outcome::Pass
        );
        // A rule on a cell that is not a note says to fix that cell.
        if let CheckKind::Shape { rules } = &mut lesson.checks[0].kind {
            rules.truncate(1);
            rules[0] = ShapeRule::NoteWords {
                cell: 3,
                at_least: 1,
            };
        }
        assert_eq!(
            outcomes(&lesson, &attempt)[0],
            Outcome::NotYet(vec![Reason::CellFailed { cell: 3 }])
        );
    }

    #[test]
    fn a_changed_locked_cell_fails_the_checks_that_read_the_notebook() {
        let lesson = lesson();
        let mut cheat = lesson.solution_attempt();
        // A test set of the rows the model learned from would flatter any model.
        if let crate::notebook::Cell::Split(split) = &mut cheat.notebook.cells[1] {
            split.seed = 7;
        }
        let got = outcomes(&lesson, &cheat);
        let changed = Outcome::NotYet(vec![Reason::LockedCellChanged { cell: 1 }]);
        assert_eq!(got[0], changed);
        assert_eq!(got[2], changed);
        assert_eq!(
            got[1],
            Outcome::Pass,
            "a question about the lesson, not the notebook"
        );
    }
}
