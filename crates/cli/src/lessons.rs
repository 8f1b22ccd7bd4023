//! `latih lessons` lists the course's lessons and their checks; `latih check <slug> <work>`
//! runs a lesson's checks on a learner's work (an attempt file, a notebook file or a shared
//! link), with the same results as the page, so a teacher can grade a class at the command line;
//! `--solution` runs them on the lesson's own solution. The lesson files are built in, as the
//! data sets are, with the portfolio projects' (`projects/<slug>`: their rubric) and the
//! challenges' (`challenges/<slug>`); a lesson file being written is checked by its path
//! (`latih check draft.md`).

use latih_engine::lessons::{
    attempt_fragment, check_attempt, decode_attempt, parse_lesson, Attempt, CheckKind, CheckResult,
    Lesson, Outcome, Reason, Runs,
};
use latih_engine::notebook::{evaluate, CellOutput, Notebook};
use latih_i18n::Lang;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// Each lesson's file in Indonesian and in English (content/<lang>/<slug>.md); a test keeps the
/// list equal to the folder.
pub const LESSON_FILES: &[(&str, &str, &str)] = &[
    (
        "data-as-a-table",
        include_str!("../../../content/id/data-as-a-table.md"),
        include_str!("../../../content/en/data-as-a-table.md"),
    ),
    (
        "statistics-you-need",
        include_str!("../../../content/id/statistics-you-need.md"),
        include_str!("../../../content/en/statistics-you-need.md"),
    ),
    (
        "probability-and-bayes",
        include_str!("../../../content/id/probability-and-bayes.md"),
        include_str!("../../../content/en/probability-and-bayes.md"),
    ),
    (
        "distance-and-scaling",
        include_str!("../../../content/id/distance-and-scaling.md"),
        include_str!("../../../content/en/distance-and-scaling.md"),
    ),
    (
        "collecting-data",
        include_str!("../../../content/id/collecting-data.md"),
        include_str!("../../../content/en/collecting-data.md"),
    ),
    (
        "cleaning-without-leaking",
        include_str!("../../../content/id/cleaning-without-leaking.md"),
        include_str!("../../../content/en/cleaning-without-leaking.md"),
    ),
    (
        "how-a-tree-decides",
        include_str!("../../../content/id/how-a-tree-decides.md"),
        include_str!("../../../content/en/how-a-tree-decides.md"),
    ),
    (
        "forests-and-boosting",
        include_str!("../../../content/id/forests-and-boosting.md"),
        include_str!("../../../content/en/forests-and-boosting.md"),
    ),
    (
        "neural-networks",
        include_str!("../../../content/id/neural-networks.md"),
        include_str!("../../../content/en/neural-networks.md"),
    ),
    (
        "linear-models-regularisation",
        include_str!("../../../content/id/linear-models-regularisation.md"),
        include_str!("../../../content/en/linear-models-regularisation.md"),
    ),
    (
        "train-test-baseline",
        include_str!("../../../content/id/train-test-baseline.md"),
        include_str!("../../../content/en/train-test-baseline.md"),
    ),
    (
        "precision-recall",
        include_str!("../../../content/id/precision-recall.md"),
        include_str!("../../../content/en/precision-recall.md"),
    ),
    (
        "roc-auc-imbalanced",
        include_str!("../../../content/id/roc-auc-imbalanced.md"),
        include_str!("../../../content/en/roc-auc-imbalanced.md"),
    ),
    (
        "tuning",
        include_str!("../../../content/id/tuning.md"),
        include_str!("../../../content/en/tuning.md"),
    ),
    (
        "clusters-and-pca",
        include_str!("../../../content/id/clusters-and-pca.md"),
        include_str!("../../../content/en/clusters-and-pca.md"),
    ),
    (
        "deploying-a-model",
        include_str!("../../../content/id/deploying-a-model.md"),
        include_str!("../../../content/en/deploying-a-model.md"),
    ),
    (
        "documenting-and-collaborating",
        include_str!("../../../content/id/documenting-and-collaborating.md"),
        include_str!("../../../content/en/documenting-and-collaborating.md"),
    ),
    (
        "mini-competition",
        include_str!("../../../content/id/mini-competition.md"),
        include_str!("../../../content/en/mini-competition.md"),
    ),
];

/// The portfolio projects and the challenges: lesson files in their folders, whose checks a
/// teacher runs as a lesson's (a project's are its rubric).
pub const PROJECT_AND_CHALLENGE_FILES: &[(&str, &str, &str)] = &[
    (
        "projects/credit-scoring",
        include_str!("../../../content/id/projects/credit-scoring.md"),
        include_str!("../../../content/en/projects/credit-scoring.md"),
    ),
    (
        "projects/card-default-risk",
        include_str!("../../../content/id/projects/card-default-risk.md"),
        include_str!("../../../content/en/projects/card-default-risk.md"),
    ),
    (
        "projects/customer-churn",
        include_str!("../../../content/id/projects/customer-churn.md"),
        include_str!("../../../content/en/projects/customer-churn.md"),
    ),
    (
        "projects/customer-segmentation",
        include_str!("../../../content/id/projects/customer-segmentation.md"),
        include_str!("../../../content/en/projects/customer-segmentation.md"),
    ),
    (
        "projects/house-prices",
        include_str!("../../../content/id/projects/house-prices.md"),
        include_str!("../../../content/en/projects/house-prices.md"),
    ),
    (
        "projects/medical-screening",
        include_str!("../../../content/id/projects/medical-screening.md"),
        include_str!("../../../content/en/projects/medical-screening.md"),
    ),
    (
        "projects/titanic-competition",
        include_str!("../../../content/id/projects/titanic-competition.md"),
        include_str!("../../../content/en/projects/titanic-competition.md"),
    ),
    (
        "projects/handwritten-digits",
        include_str!("../../../content/id/projects/handwritten-digits.md"),
        include_str!("../../../content/en/projects/handwritten-digits.md"),
    ),
    (
        "challenges/titanic",
        include_str!("../../../content/id/challenges/titanic.md"),
        include_str!("../../../content/en/challenges/titanic.md"),
    ),
    (
        "challenges/card-default",
        include_str!("../../../content/id/challenges/card-default.md"),
        include_str!("../../../content/en/challenges/card-default.md"),
    ),
    (
        "challenges/churn",
        include_str!("../../../content/id/challenges/churn.md"),
        include_str!("../../../content/en/challenges/churn.md"),
    ),
    (
        "challenges/house-prices",
        include_str!("../../../content/id/challenges/house-prices.md"),
        include_str!("../../../content/en/challenges/house-prices.md"),
    ),
];

/// Every lesson in `lang`, in course order, then the projects and the challenges.
fn lessons(lang: Lang) -> Result<Vec<Lesson>, String> {
    let read = |files: &[(&str, &str, &str)]| {
        let mut read = files
            .iter()
            .map(|(slug, id, en)| {
                let source = if lang == Lang::Id { id } else { en };
                parse_lesson(source).map_err(|e| format!("{slug}: {e}"))
            })
            .collect::<Result<Vec<Lesson>, String>>()?;
        read.sort_by_key(|l| (l.stage == "challenge", l.order));
        Ok::<_, String>(read)
    };
    let mut all = read(LESSON_FILES)?;
    all.extend(read(PROJECT_AND_CHALLENGE_FILES)?);
    Ok(all)
}

/// How the command line names a lesson: its slug, or for a project or a challenge its folder
/// and slug (`projects/house-prices`, `challenges/house-prices`: the two share a slug).
fn named(lesson: &Lesson) -> String {
    match lesson.stage.as_str() {
        "project" => format!("projects/{}", lesson.slug),
        "challenge" => format!("challenges/{}", lesson.slug),
        _ => lesson.slug.clone(),
    }
}

fn kind_name(kind: &CheckKind) -> &'static str {
    match kind {
        CheckKind::Number { .. } => "number",
        CheckKind::Choice { .. } => "choice",
        CheckKind::Metric { .. } => "metric",
        CheckKind::Order { .. } => "order",
        CheckKind::Predict { .. } => "predict",
        CheckKind::Shape { .. } => "shape",
    }
}

/// `latih lessons`: slug, stage, title and each check's id and kind.
pub fn list(json: bool, lang: Lang) -> Result<String, String> {
    let all = lessons(lang)?;
    if json {
        let listed: Vec<Value> = all
            .iter()
            .map(|l| {
                let checks: Vec<Value> = l
                    .checks
                    .iter()
                    .map(|c| json!({"id": c.id, "kind": kind_name(&c.kind)}))
                    .collect();
                json!({"slug": named(l), "stage": l.stage, "order": l.order, "title": l.title, "checks": checks})
            })
            .collect();
        return Ok(Value::Array(listed).to_string());
    }
    let lines: Vec<String> = all
        .iter()
        .map(|l| {
            let checks: Vec<String> = l
                .checks
                .iter()
                .map(|c| format!("{} ({})", c.id, kind_name(&c.kind)))
                .collect();
            format!(
                "{}. {} [{}] {}\n   {}",
                l.order,
                named(l),
                l.stage,
                l.title,
                checks.join(", ")
            )
        })
        .collect();
    Ok(lines.join("\n"))
}

/// What `latih check` is given to check.
pub enum Work {
    Solution,
    /// The text of an attempt file (`{"notebook": …, "answers": …}`), a notebook file, or a
    /// shared link.
    Text(String),
}

/// `latih check`: every check's verdict on `work`, and why where it is not passed.
pub fn check(
    slug: &str,
    work: Work,
    json: bool,
    lang: Lang,
    data: &HashMap<String, String>,
) -> Result<String, String> {
    let all = lessons(lang)?;
    // A lesson file being written (a path ending in .md) is checked as the built-in ones are.
    let drafted = match slug.ends_with(".md") {
        true => {
            let text = std::fs::read_to_string(slug).map_err(|e| format!("{slug}: {e}"))?;
            Some(parse_lesson(&text).map_err(|e| format!("{slug}: {e}"))?)
        }
        false => None,
    };
    let Some(lesson) = drafted
        .as_ref()
        .or_else(|| all.iter().find(|l| named(l) == slug))
        .or_else(|| all.iter().find(|l| l.slug == slug))
    else {
        let slugs: Vec<String> = all.iter().map(named).collect();
        return Err(latih_i18n::tf(
            lang,
            "cli-lesson-unknown",
            &[("slug", slug.to_string()), ("slugs", slugs.join(", "))],
        ));
    };
    let (attempt, carried) = match work {
        Work::Solution => (lesson.solution_attempt(), Vec::new()),
        Work::Text(text) => read_attempt(&text).map_err(|e| latih_i18n::error_message(lang, &e))?,
    };
    let mut data = data.clone();
    data.extend(carried);
    let start = run_notebook(&lesson.notebook, &data);
    let outputs = run_notebook(&attempt.notebook, &data);
    let runs = Runs {
        start: &start,
        attempt: &outputs,
    };
    let results = check_attempt(lesson, &attempt, &runs);
    Ok(if json {
        report_json(lesson, &results, lang).to_string()
    } else {
        report_text(lesson, &results, lang)
    })
}

/// The notebook's outputs, its SQL cells' results included (as `latih run` and the page give
/// them), so that a check reading a cell below a query sees what the learner sees.
fn run_notebook(
    notebook: &Notebook,
    data: &HashMap<String, String>,
) -> Vec<Result<CellOutput, latih_engine::Error>> {
    let mut data = data.clone();
    let failed = latih_sql::run_queries(notebook, &mut data, super::query_time_limit());
    let mut outputs = evaluate(notebook, &data);
    for (index, error) in failed {
        outputs[index] = Err(error);
    }
    outputs
}

/// An attempt from a file's text: a lesson attempt's link (`…#attempt=…`), an attempt's JSON,
/// or a notebook (its file or a link) with nothing answered; with the data a link carries.
fn read_attempt(text: &str) -> Result<(Attempt, Vec<(String, String)>), latih_engine::Error> {
    if let Some(link) = attempt_fragment(text) {
        return Ok((decode_attempt(link)?, Vec::new()));
    }
    if let Ok(attempt) = serde_json::from_str::<Attempt>(text.trim()) {
        let notebook = attempt.notebook.checked()?;
        return Ok((
            Attempt {
                notebook,
                ..attempt
            },
            Vec::new(),
        ));
    }
    let shared = super::read_notebook(text)?;
    let attempt = Attempt {
        notebook: shared.notebook,
        answers: BTreeMap::new(),
    };
    Ok((attempt, shared.data))
}

/// The class a metric check names, for its reasons' words.
fn class_of(lesson: &Lesson, id: &str) -> Option<String> {
    lesson
        .checks
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| match &c.kind {
            CheckKind::Metric { class, .. } => class.clone(),
            _ => None,
        })
}

fn reasons(lesson: &Lesson, result: &CheckResult, lang: Lang) -> Vec<String> {
    let class = class_of(lesson, &result.id);
    match &result.outcome {
        Outcome::NotYet(reasons) => reasons
            .iter()
            .map(|r: &Reason| latih_i18n::reason_text(lang, r, class.as_deref()))
            .collect(),
        _ => Vec::new(),
    }
}

fn report_text(lesson: &Lesson, results: &[CheckResult], lang: Lang) -> String {
    let mut lines = vec![format!("{} — {}", lesson.slug, lesson.title)];
    for result in results {
        let mark = match result.outcome {
            Outcome::Pass => "✓",
            Outcome::NotYet(_) => "✗",
            Outcome::NotAttempted => "·",
        };
        let label = latih_i18n::outcome_label(lang, &result.outcome);
        lines.push(format!("{mark} {}: {label}", result.id));
        for reason in reasons(lesson, result, lang) {
            lines.push(format!("    {reason}"));
        }
    }
    lines.join("\n")
}

fn report_json(lesson: &Lesson, results: &[CheckResult], lang: Lang) -> Value {
    let checks: Vec<Value> = results
        .iter()
        .map(|result| {
            let outcome = match result.outcome {
                Outcome::Pass => "pass",
                Outcome::NotYet(_) => "not_yet",
                Outcome::NotAttempted => "not_attempted",
            };
            json!({"id": result.id, "outcome": outcome, "reasons": reasons(lesson, result, lang)})
        })
        .collect();
    json!({"slug": lesson.slug, "checks": checks})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_in_content_is_built_in_and_reads_in_both_languages() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/en");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".md")
                    .map(str::to_string)
            })
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> =
            LESSON_FILES.iter().map(|(s, _, _)| s.to_string()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
        // The Lessons page's list is the same lessons (its order and titles: i18n's test).
        let mut listed: Vec<String> = latih_i18n::LESSONS
            .iter()
            .map(|(slug, _)| slug.to_string())
            .collect();
        listed.sort();
        assert_eq!(
            listed, on_disk,
            "latih_i18n::LESSONS names every lesson file, once"
        );
        for lang in [Lang::Id, Lang::En] {
            let slugs: Vec<String> = lessons(lang).unwrap().into_iter().map(|l| l.slug).collect();
            assert_eq!(
                slugs.len(),
                on_disk.len() + PROJECT_AND_CHALLENGE_FILES.len()
            );
        }
    }

    #[test]
    fn every_project_and_challenge_in_content_is_built_in() {
        let mut on_disk: Vec<String> = ["projects", "challenges"]
            .iter()
            .flat_map(|folder| {
                let path = format!("{}/../../content/en/{folder}", env!("CARGO_MANIFEST_DIR"));
                std::fs::read_dir(path)
                    .unwrap()
                    .flatten()
                    .filter_map(move |e| {
                        let slug = e.file_name().to_str()?.strip_suffix(".md")?.to_string();
                        Some(format!("{folder}/{slug}"))
                    })
            })
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = PROJECT_AND_CHALLENGE_FILES
            .iter()
            .map(|(s, _, _)| s.to_string())
            .collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
    }
}
