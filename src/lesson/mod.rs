//! A lesson in the page (issue 19): its text between live cells of its notebook, and its
//! exercises, checked by the engine (`latih_engine::lessons`) on the outputs of two runs: the
//! lesson's notebook as it starts (what its questions ask about) and the learner's attempt
//! (what a metric's bar reads). Progress is kept in this browser ([`progress`]).

pub mod exercise;
pub mod progress;
pub mod scoreboard;
pub mod text;

use crate::notebook::LessonNotebooks;
use crate::router::{challenge_slug, lesson_slug, project_slug};
use latih_engine::competition::CHALLENGES;
use latih_engine::lessons::Progress;
use latih_engine::lessons::{check_attempt, Answer, Attempt, CheckResult, Lesson, Outcome, Runs};
use latih_i18n::{Lang, LESSONS, PROJECTS};
use leptos::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A page read from a lesson file: a lesson of the course, or a portfolio project (the same
/// format: text, a live notebook, checks; a project's checks are its rubric, and its notebook
/// is the learner's to build on).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CourseKind {
    Lesson,
    Project,
    /// A competition: its last cell judges the held-out part, and a scoreboard is added.
    Challenge,
}

impl CourseKind {
    /// The slug the address names.
    pub fn slug(self, path: &str) -> Option<&str> {
        match self {
            CourseKind::Lesson => lesson_slug(path),
            CourseKind::Project => project_slug(path),
            CourseKind::Challenge => challenge_slug(path),
        }
    }

    /// Whether the course has this page (its file is fetched only then).
    pub fn has(self, slug: &str) -> bool {
        match self {
            CourseKind::Lesson => LESSONS.iter().any(|(s, _)| *s == slug),
            CourseKind::Project => PROJECTS.iter().any(|(s, _)| *s == slug),
            CourseKind::Challenge => CHALLENGES.iter().any(|c| c.slug == slug),
        }
    }

    /// The file to fetch in `lang`.
    pub fn file(self, lang: Lang, slug: &str) -> String {
        match self {
            CourseKind::Lesson => format!("/content/{}/{slug}.md", lang.code()),
            CourseKind::Project => format!("/content/{}/projects/{slug}.md", lang.code()),
            CourseKind::Challenge => format!("/content/{}/challenges/{slug}.md", lang.code()),
        }
    }

    /// The index page's address, and the key of the link back to it.
    pub fn index(self) -> (&'static str, &'static str) {
        match self {
            CourseKind::Lesson => ("/lessons", "lesson-all"),
            CourseKind::Project => ("/projects", "project-all"),
            CourseKind::Challenge => ("/projects", "challenge-all"),
        }
    }

    /// The keys of the words that differ: loading, failed to load, no such page, the title
    /// before the file is read.
    pub fn words(self) -> [&'static str; 4] {
        match self {
            CourseKind::Lesson => [
                "lesson-loading",
                "lesson-failed",
                "lesson-unknown",
                "lessons-heading",
            ],
            CourseKind::Project => [
                "project-loading",
                "project-failed",
                "project-unknown",
                "projects-heading",
            ],
            CourseKind::Challenge => [
                "challenge-loading",
                "challenge-failed",
                "challenge-unknown",
                "projects-heading",
            ],
        }
    }
}

/// A lesson's state in the page, shared by its exercises.
#[derive(Clone, Copy)]
pub struct LessonContext {
    pub notebooks: LessonNotebooks,
    pub answers: RwSignal<BTreeMap<String, Answer>>,
    /// The checks the learner asked to be checked.
    pub checked: RwSignal<BTreeSet<String>>,
    /// The checks passed at least once.
    pub passed: RwSignal<BTreeSet<String>>,
    /// Hints seen, by check.
    pub hints: RwSignal<BTreeMap<String, usize>>,
    /// Every check decided on the outputs as they are; `None` while a notebook runs.
    results: Memo<Option<Vec<CheckResult>>>,
    /// The lesson in the reader's language (its notebook, checks and solution are the same in
    /// every language).
    lesson: Signal<Option<Lesson>>,
}

impl LessonContext {
    pub fn new(notebooks: LessonNotebooks, work: Progress, lesson: Signal<Option<Lesson>>) -> Self {
        let answers = RwSignal::new(work.attempt.map(|a| a.answers).unwrap_or_default());
        let results = Memo::new(move |_| {
            let current =
                notebooks.start.outputs_are_current() && notebooks.attempt.outputs_are_current();
            if !current {
                return None;
            }
            let attempt = Attempt {
                notebook: notebooks.attempt.doc.get(),
                answers: answers.get(),
            };
            lesson.with(|lesson| {
                let lesson = lesson.as_ref()?;
                notebooks.start.outputs.with(|start| {
                    notebooks.attempt.outputs.with(|outputs| {
                        let runs = Runs {
                            start,
                            attempt: outputs,
                        };
                        Some(check_attempt(lesson, &attempt, &runs))
                    })
                })
            })
        });
        let context = Self {
            notebooks,
            answers,
            checked: RwSignal::new(work.checked),
            passed: RwSignal::new(work.passed),
            hints: RwSignal::new(work.hints),
            results,
            lesson,
        };
        // A check asked for and passed counts, once and for good.
        Effect::new(move |_| {
            let Some(results) = results.get() else {
                return;
            };
            let newly: Vec<String> = context.checked.with(|checked| {
                results
                    .iter()
                    .filter(|r| r.outcome == Outcome::Pass && checked.contains(&r.id))
                    .filter(|r| !context.passed.with_untracked(|p| p.contains(&r.id)))
                    .map(|r| r.id.clone())
                    .collect()
            });
            if !newly.is_empty() {
                context.passed.update(|passed| passed.extend(newly));
            }
        });
        context
    }

    /// Check `id`'s outcome as things are (reactive); `None` while a notebook runs.
    pub fn outcome(self, id: &str) -> Option<Outcome> {
        self.results.with(|results| {
            results
                .as_ref()?
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.outcome.clone())
        })
    }

    /// The learner's attempt as it is now.
    pub fn attempt(self) -> Attempt {
        Attempt {
            notebook: self.notebooks.attempt.doc.get_untracked(),
            answers: self.answers.get_untracked(),
        }
    }

    /// Everything to keep (reactive: read by the effect that saves).
    pub fn work(self) -> Progress {
        Progress {
            attempt: Some(Attempt {
                notebook: self.notebooks.attempt.doc.get(),
                answers: self.answers.get(),
            }),
            checked: self.checked.get(),
            passed: self.passed.get(),
            hints: self.hints.get(),
        }
    }

    /// The lesson's title in the reader's language.
    pub fn title(self) -> String {
        self.lesson
            .with_untracked(|lesson| lesson.as_ref().map(|l| l.title.clone()))
            .unwrap_or_default()
    }

    /// Puts the solution of check `id` in: the solved notebook for a metric's bar (with the
    /// learner's own notes kept, where `keep_notes`), else the answer. The learner then checks
    /// it as any answer.
    pub fn load_solution(self, id: &str, notebook: bool, keep_notes: bool) {
        let solution = self
            .lesson
            .with_untracked(|lesson| lesson.as_ref().map(|l| l.solution.clone()));
        let Some(solution) = solution else {
            return;
        };
        if notebook {
            let solved = match keep_notes {
                true => solution
                    .notebook
                    .with_notes_of(&self.notebooks.attempt.doc.get_untracked()),
                false => solution.notebook,
            };
            self.notebooks.attempt.replace(solved);
        } else if let Some(answer) = solution.answers.get(id) {
            self.answers.update(|answers| {
                answers.insert(id.to_string(), answer.clone());
            });
        }
    }

    /// Shows `attempt` (a shared one, or the learner's own again) in place of the one here.
    pub fn show(self, attempt: Attempt, checked: BTreeSet<String>) {
        if self
            .notebooks
            .attempt
            .doc
            .with_untracked(|nb| nb != &attempt.notebook)
        {
            self.notebooks.attempt.replace(attempt.notebook);
        }
        self.answers.set(attempt.answers);
        self.checked.set(checked);
    }
}
