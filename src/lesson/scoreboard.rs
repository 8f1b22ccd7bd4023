//! A challenge's scoreboard (issue 21): the judge's score of the learner's entry on the
//! held-out part, the personal best kept in this browser, the honest word that a score in one's
//! own browser is honour-based (a shared link lets anyone re-score it), and, where the challenge
//! has a real Kaggle competition, its submission file written from Kaggle's own test file.

use super::LessonContext;
use crate::i18n::{current_lang, use_i18n};
use crate::jobs::{JobEvent, JobFailure};
use crate::notebook::file::{chosen_file, download_bytes, file_text};
use gloo_storage::{LocalStorage, Storage};
use latih_engine::competition::{Challenge, Judged};
use latih_engine::jobs::{Job, JobResult};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};

/// The best score an entry of this browser reached, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Best {
    score: f64,
    /// `YYYY-MM-DD`, the learner's local day.
    day: String,
}

fn best_key(slug: &str) -> String {
    format!("latih.challenge-best.{slug}")
}

#[component]
pub fn Scoreboard(
    challenge: &'static Challenge,
    lesson: LessonContext,
    /// A shared entry is shown: it is scored, but it is not the learner's own best.
    shared: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = lesson.notebooks.attempt;
    let verdict = Memo::new(move |_| {
        if !attempt.outputs_are_current() {
            return None;
        }
        attempt
            .doc
            .with(|nb| attempt.outputs.with(|outputs| challenge.judge(nb, outputs)))
    });
    let score = Memo::new(move |_| match verdict.get() {
        Some(Judged::Scored(score)) => Some(score),
        _ => None,
    });
    let best = RwSignal::new(
        LocalStorage::get::<Best>(best_key(challenge.slug))
            .ok()
            .filter(|b| b.score.is_finite()),
    );
    Effect::new(move |_| {
        let Some(score) = score.get() else { return };
        if shared.get()
            || !challenge.betters(score, best.with_untracked(|b| b.as_ref().map(|b| b.score)))
        {
            return;
        }
        // The learner's own calendar day, not the UTC one.
        let now = js_sys::Date::new_0();
        let day = format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        );
        let new = Best { score, day };
        let _ = LocalStorage::set(best_key(challenge.slug), &new);
        best.set(Some(new));
    });
    let metric = move || latih_i18n::metric_label(i18n.lang(), challenge.metric, challenge.class);
    let shown = move |x: f64| latih_i18n::format_decimal(i18n.lang(), x, 4);
    let score_line = move || match verdict.get() {
        Some(Judged::Scored(x)) => i18n.trf(
            "challenge-score",
            &[("metric", metric()), ("score", shown(x))],
        ),
        Some(Judged::DroppedRows { scored, held_out }) => i18n.trf(
            "challenge-dropped-rows",
            &[
                ("scored", scored.to_string()),
                ("held_out", held_out.to_string()),
            ],
        ),
        None => i18n.tr("challenge-scoring"),
    };
    let best_line = move || match best.get() {
        Some(b) => i18n.trf(
            "challenge-best",
            &[("score", shown(b.score)), ("day", b.day)],
        ),
        None => i18n.tr("challenge-no-best"),
    };
    view! {
        <section class="scoreboard" aria-labelledby="scoreboard-heading">
            <h2 id="scoreboard-heading">{i18n.text("challenge-scoreboard")}</h2>
            <p role="status"><strong>{score_line}</strong></p>
            <p>{best_line}</p>
            <p class="hint">{i18n.text("challenge-honour")}</p>
            {challenge.kaggle.map(|_| view! { <KaggleSubmission challenge lesson /> })}
        </section>
    }
}

/// Kaggle's test file in, the submission file out.
#[component]
fn KaggleSubmission(challenge: &'static Challenge, lesson: LessonContext) -> impl IntoView {
    let i18n = use_i18n();
    // None before a file is chosen; Some(Ok(false)) while the worker writes the submission.
    let status = RwSignal::new(None::<Result<bool, String>>);
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        status.set(Some(Ok(false)));
        spawn_local(async move {
            let test_csv = file_text(&file).await;
            let on_event = move |event: JobEvent| match event {
                JobEvent::Done(JobResult::ModelExported(Ok(bytes))) => {
                    download_bytes(&bytes, "submission.csv", "text/csv");
                    status.set(Some(Ok(true)));
                }
                JobEvent::Done(JobResult::ModelExported(Err(error))) => {
                    status.set(Some(Err(latih_i18n::error_message(current_lang(), &error))))
                }
                JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                    status.set(Some(Err(reason)))
                }
                _ => {}
            };
            let job = Job::KaggleSubmission {
                notebook: lesson.notebooks.attempt.doc.get_untracked(),
                challenge: challenge.slug.to_string(),
                test_csv,
            };
            lesson.notebooks.attempt.run_job(job, Box::new(on_event));
        });
    };
    view! {
        <h3>{i18n.text("challenge-kaggle-heading")}</h3>
        <p>{i18n.text("challenge-kaggle-how")}</p>
        <div class="field">
            <label for="kaggle-test">{i18n.text("challenge-kaggle-file")}</label>
            <input id="kaggle-test" type="file" accept=".csv,text/csv" on:change=chosen />
        </div>
        {move || status.get().map(|s| match s {
            Ok(false) => view! { <p role="status">{i18n.text("challenge-kaggle-working")}</p> }.into_any(),
            Ok(true) => view! { <p role="status">{i18n.text("challenge-kaggle-done")}</p> }.into_any(),
            Err(reason) => view! { <p class="cell-error" role="alert">{reason}</p> }.into_any(),
        })}
    }
}
