//! Every lesson in content/ (issue 19): both languages say the same lesson (same notebook, same
//! cells in the same places, same checks), the solution passes every check, the starting state
//! passes none, and every number the text states can be computed.

use latih_engine::lessons::{
    check_attempt, parse_lesson, placeholders, CheckKind, Lesson, Outcome, Part, Runs,
};
use latih_engine::notebook::evaluate;
use std::collections::HashMap;
use std::path::PathBuf;

mod common;
use common::shipped;

const LANGUAGES: [&str; 2] = ["id", "en"];

fn content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// Every lesson, portfolio project and challenge (lesson files under `projects/` and
/// `challenges/`), by slug, in each language.
fn lessons() -> Vec<(String, Vec<Lesson>)> {
    let mut files: Vec<(String, &str)> = ["", "projects/", "challenges/"]
        .into_iter()
        .flat_map(|folder| {
            std::fs::read_dir(content().join("en").join(folder))
                .unwrap()
                .flatten()
                .filter_map(move |e| {
                    let slug = e.file_name().to_str()?.strip_suffix(".md")?.to_string();
                    Some((slug, folder))
                })
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|(slug, folder)| {
            let each = LANGUAGES
                .iter()
                .map(|lang| {
                    let path = content().join(lang).join(format!("{folder}{slug}.md"));
                    let text = std::fs::read_to_string(&path)
                        .unwrap_or_else(|_| panic!("{} is missing", path.display()));
                    parse_lesson(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                })
                .collect();
            (slug, each)
        })
        .collect()
}

/// A check's kind without its words: what must be the same in every language.
fn shape_of(kind: &CheckKind) -> String {
    match kind {
        CheckKind::Choice { options, correct } => {
            format!("choice of {} ({correct})", options.len())
        }
        other => format!("{other:?}"),
    }
}

#[test]
fn both_languages_teach_the_same_lesson() {
    let all = lessons();
    assert!(all.len() >= 2, "{} lessons", all.len());
    for (slug, each) in &all {
        let [id, en] = [&each[0], &each[1]];
        assert_eq!(id.slug, *slug);
        assert_eq!(en.slug, *slug);
        assert_eq!((&id.stage, id.order), (&en.stage, en.order), "{slug}");
        assert_eq!(id.notebook, en.notebook, "{slug}: the notebooks differ");
        assert_eq!(id.solution, en.solution, "{slug}: the solutions differ");
        let places = |l: &Lesson| -> Vec<String> {
            l.parts
                .iter()
                .filter(|p| !matches!(p, Part::Text(_)))
                .map(|p| format!("{p:?}"))
                .collect()
        };
        assert_eq!(
            places(id),
            places(en),
            "{slug}: cells and checks sit elsewhere"
        );
        let checks = |l: &Lesson| -> Vec<(String, String)> {
            l.checks
                .iter()
                .map(|c| (c.id.clone(), shape_of(&c.kind)))
                .collect()
        };
        assert_eq!(checks(id), checks(en), "{slug}: the checks differ");
        for lesson in each {
            assert!(lesson.checks.len() >= 2, "{slug}: fewer than two exercises");
            assert!(
                !lesson.misconception.trim().is_empty(),
                "{slug}: no misconception named"
            );
            for check in &lesson.checks {
                assert!(
                    check.hints.len() >= 2,
                    "{slug}/{}: hints in tiers",
                    check.id
                );
                assert!(!check.solution.trim().is_empty(), "{slug}/{}", check.id);
                if let CheckKind::Choice { options, correct } = &check.kind {
                    for (i, option) in options.iter().enumerate() {
                        assert_eq!(
                            option.why.is_none(),
                            i == *correct,
                            "{slug}/{} option {i}: a wrong option says why, the right one does not",
                            check.id
                        );
                    }
                }
            }
        }
    }
}

/// A project's checks are its rubric: each a main criterion or a suggestion for excellence,
/// with both kinds there; a lesson's checks are exercises, none a rubric line.
#[test]
fn a_projects_checks_are_its_rubric() {
    use latih_engine::lessons::Rubric;
    let all = lessons();
    let projects: Vec<&(String, Vec<Lesson>)> = all
        .iter()
        .filter(|(_, each)| each[0].stage == "project")
        .collect();
    assert!(projects.len() >= 8, "{} projects", projects.len());
    for (slug, each) in all.iter() {
        for lesson in each {
            let rubric: Vec<Option<Rubric>> = lesson.checks.iter().map(|c| c.rubric).collect();
            if lesson.stage != "project" {
                assert!(
                    rubric.iter().all(Option::is_none),
                    "{slug}: a lesson with a rubric"
                );
                continue;
            }
            assert!(
                rubric.iter().all(Option::is_some),
                "{slug}: a check outside the rubric"
            );
            for level in [Rubric::Criterion, Rubric::Excellent] {
                assert!(rubric.contains(&Some(level)), "{slug}: no {level:?} line");
            }
        }
        assert_eq!(
            each[0].checks.iter().map(|c| c.rubric).collect::<Vec<_>>(),
            each[1].checks.iter().map(|c| c.rubric).collect::<Vec<_>>(),
            "{slug}: the rubric differs between languages"
        );
    }
}

#[test]
fn every_solution_passes_and_every_start_passes_nothing() {
    let data: HashMap<String, String> = shipped();
    for (slug, each) in lessons() {
        let lesson = &each[1];
        let start_outputs = evaluate(&lesson.notebook, &data);
        let solved = lesson.solution_attempt();
        let outputs = evaluate(&solved.notebook, &data);
        let runs = Runs {
            start: &start_outputs,
            attempt: &outputs,
        };
        for result in check_attempt(lesson, &solved, &runs) {
            assert_eq!(
                result.outcome,
                Outcome::Pass,
                "{slug}/{}: the solution",
                result.id
            );
        }
        // As it starts: nothing answered, nothing changed.
        let start = lesson.starting_attempt();
        let runs = Runs {
            start: &start_outputs,
            attempt: &start_outputs,
        };
        for result in check_attempt(lesson, &start, &runs) {
            assert_eq!(
                result.outcome,
                Outcome::NotAttempted,
                "{slug}/{}",
                result.id
            );
        }
        // Even counted as attempted (a cell touched and put back), the starting notebook
        // reaches no bar: the metric exercises ask for a change.
        let mut touched = start.clone();
        touched.notebook.locked.clear();
        for result in check_attempt(lesson, &touched, &runs) {
            assert_ne!(
                result.outcome,
                Outcome::Pass,
                "{slug}/{}: passes as it starts",
                result.id
            );
        }
    }
}

#[test]
fn every_number_the_text_states_is_computed() {
    let data = shipped();
    for (slug, each) in lessons() {
        let outputs = evaluate(&each[0].notebook, &data);
        for lesson in &each {
            for part in &lesson.parts {
                let Part::Text(text) = part else { continue };
                for (_, quantity) in placeholders(text).unwrap() {
                    assert!(
                        quantity.value(&outputs).is_ok(),
                        "{slug}: {quantity:?} has no value"
                    );
                }
                // No digits typed outside placeholders and code: the engine states the numbers.
                let mut rest = text.clone();
                for (range, _) in placeholders(text).unwrap().into_iter().rev() {
                    rest.replace_range(range, "");
                }
                // (F1 is a name, not a number.)
                let prose: String = rest
                    .split('`')
                    .step_by(2)
                    .collect::<String>()
                    .replace("F1", "");
                assert!(
                    !prose.chars().any(|c| c.is_ascii_digit()),
                    "{slug} ({}): a number typed in the text: {prose}",
                    lesson.title
                );
            }
        }
    }
}

/// Every placeholder of every text survives the Markdown reader, in a run of text where the
/// page draws its number (not, say, inside a code span, where it would be lost).
#[test]
fn every_placeholder_reaches_the_page_through_the_markdown_reader() {
    use latih_engine::lessons::{marked_text, pieces, Piece};
    use latih_engine::notebook::{parse_note, NoteNode};
    fn found(nodes: &[NoteNode], out: &mut Vec<usize>) {
        for node in nodes {
            match node {
                NoteNode::Text(text) => {
                    out.extend(pieces(text).into_iter().filter_map(|p| match p {
                        Piece::Placeholder(i) => Some(i),
                        Piece::Words(_) => None,
                    }))
                }
                NoteNode::Block(_, children) => found(children, out),
                _ => {}
            }
        }
    }
    for (slug, each) in lessons() {
        for lesson in &each {
            for part in &lesson.parts {
                let Part::Text(text) = part else { continue };
                let (marked, quantities) = marked_text(text).unwrap();
                let mut seen = Vec::new();
                found(&parse_note(&marked), &mut seen);
                assert_eq!(
                    seen,
                    (0..quantities.len()).collect::<Vec<_>>(),
                    "{slug} ({}): a placeholder lost or out of place",
                    lesson.title
                );
            }
        }
    }
}
