//! The tune cell: the search's settings (grid or random, the values of each hyperparameter of the
//! model above, the folds and the score), the plan the notebook made of it, and the search itself
//! (run by the worker pool; see `notebook::search`).

mod charts;
mod learning;
mod results;

use super::{field_id, show_output};
use crate::components::fields::{NumberField, SelectField, TextField};
use crate::components::progress::JobProgress;
use crate::i18n::use_i18n;
use crate::jobs::JobFailure;
use crate::notebook::cells::model_key;
use crate::notebook::search::{Batch, BatchDone, SearchFailure, SearchRun};
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, TuneCell, TuneOutput};
use latih_engine::tune::{Param, Scoring, SearchMethod, SpaceText};
use latih_i18n::error_message;
use learning::LearningCurveResults;
use leptos::prelude::*;
use results::SearchResults;

/// The label key of a scoring, shared with the evaluation's scores.
pub(crate) fn scoring_key(scoring: Scoring) -> &'static str {
    match scoring {
        Scoring::Accuracy => crate::key!("out-accuracy"),
        Scoring::BalancedAccuracy => crate::key!("out-balanced-accuracy"),
        Scoring::F1Macro => crate::key!("out-f1-macro"),
        Scoring::RocAuc => crate::key!("out-roc-auc"),
        Scoring::R2 => crate::key!("out-r2"),
        Scoring::NegMeanAbsoluteError => crate::key!("tune-neg-mae"),
    }
}

/// The score the search ranks by, as the notebook planned it: the cell's, or the task's own
/// where the cell's does not suit the target (numbers or classes).
pub(crate) fn planned_scoring(state: NotebookState, index: usize) -> Scoring {
    match untrack(|| state.output(index)) {
        Some(Ok(CellOutput::Tune(plan))) => plan.scoring,
        _ => {
            state
                .cell_untracked::<TuneCell>(index)
                .unwrap_or_default()
                .scoring
        }
    }
}

/// Whether the cells up to `index` differ from `notebook`'s, the notebook a batch ran on: then
/// the batch's results are out of date.
fn changed_since(
    state: NotebookState,
    index: usize,
    notebook: latih_engine::notebook::Notebook,
) -> impl Fn() -> bool + Clone + Send + Sync + 'static {
    move || {
        state
            .doc
            .with(|nb| nb.cells.get(..=index) != notebook.cells.get(..=index))
    }
}

fn scoring_id(scoring: Scoring) -> &'static str {
    match scoring {
        Scoring::Accuracy => "accuracy",
        Scoring::BalancedAccuracy => "balanced_accuracy",
        Scoring::F1Macro => "f1_macro",
        Scoring::RocAuc => "roc_auc",
        Scoring::R2 => "r2",
        Scoring::NegMeanAbsoluteError => "neg_mean_absolute_error",
    }
}

#[component]
pub fn TuneCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let initial = state.cell_untracked::<TuneCell>(index).unwrap_or_default();
    let edit = move |change: &dyn Fn(&mut TuneCell)| state.edit(index, change);
    let is_random = Memo::new(move |_| {
        state
            .cell::<TuneCell>(index)
            .is_some_and(|c| c.method == SearchMethod::Random)
    });
    let search_options = Signal::derive(move || {
        vec![
            ("grid".to_string(), i18n.tr("search-grid")),
            ("random".to_string(), i18n.tr("search-random")),
        ]
    });
    let choose_search = Callback::new(move |kind: String| {
        let method = if kind == "random" {
            SearchMethod::Random
        } else {
            SearchMethod::Grid
        };
        edit(&|c| c.method = method);
    });
    let set_iterations = Callback::new(move |text: String| match text.parse::<u32>() {
        Ok(n) => {
            edit(&|c| c.iterations = n);
            true
        }
        Err(_) => false,
    });
    let set_seed = Callback::new(move |text: String| match text.parse::<u64>() {
        Ok(seed) => {
            edit(&|c| c.seed = seed);
            true
        }
        Err(_) => false,
    });
    let (initial_iterations, initial_seed) = (initial.iterations, initial.seed);
    let random_fields = move || {
        is_random.get().then(|| {
            view! {
                <NumberField id=field_id(index, "iterations") label_key="field-iterations" initial=initial_iterations.to_string() accept=set_iterations />
                <NumberField id=field_id(index, "search-seed") label_key="field-search-seed" initial=initial_seed.to_string() accept=set_seed />
            }
        })
    };

    // One field per hyperparameter of the model above; rebuilt when that model's kind changes.
    let params = Memo::new(move |_| {
        state.doc.with(|nb| {
            nb.model_above(index)
                .map(|(_, model)| Param::for_model(model))
                .unwrap_or_default()
        })
    });
    let space_fields = move || {
        params
            .get()
            .into_iter()
            .map(|param| {
                let text = state
                    .cell_untracked::<TuneCell>(index)
                    .and_then(|c| c.spaces.into_iter().find(|s| s.param == param))
                    .map(|s| s.text)
                    .unwrap_or_default();
                let label = Signal::derive(move || {
                    i18n.trf("tune-space-label", &[("param", param.name().to_string())])
                });
                let on_input = Callback::new(move |text: String| {
                    edit(&|c| {
                        c.spaces.retain(|s| s.param != param);
                        c.spaces.push(SpaceText {
                            param,
                            text: text.clone(),
                        });
                    })
                });
                view! {
                    <TextField
                        id=field_id(index, &format!("space-{}", param.name()))
                        label
                        hint_key="tune-space-hint"
                        initial=text
                        on_input
                    />
                }
            })
            .collect_view()
    };

    let set_folds = Callback::new(move |text: String| match text.parse::<u32>() {
        Ok(folds) => {
            edit(&|c| c.folds = folds);
            true
        }
        Err(_) => false,
    });
    // The scorings of the task the plan found (classes or numbers), the planned one chosen.
    let planned = Memo::new(move |_| match state.output(index) {
        Some(Ok(CellOutput::Tune(plan))) => Some(plan.scoring),
        _ => None,
    });
    let scoring_options = Signal::derive(move || {
        let task: &[Scoring] = if planned.get().is_some_and(Scoring::for_numbers) {
            &Scoring::REGRESSION
        } else {
            &Scoring::ALL
        };
        task.iter()
            .map(|&s| (scoring_id(s).to_string(), i18n.tr(scoring_key(s))))
            .collect::<Vec<_>>()
    });
    let scoring = Signal::derive(move || {
        let cell = state.cell::<TuneCell>(index).map(|c| c.scoring);
        scoring_id(planned.get().or(cell).unwrap_or_default()).to_string()
    });
    let choose_scoring = Callback::new(move |id: String| {
        let all = Scoring::ALL.iter().chain(&Scoring::REGRESSION);
        if let Some(&s) = all.into_iter().find(|&&s| scoring_id(s) == id) {
            edit(&|c| c.scoring = s);
        }
    });
    view! {
        <div class="cell-form">
            <SelectField
                id=field_id(index, "search")
                label_key="field-search"
                options=search_options
                selected=Signal::derive(move || if is_random.get() { "random".to_string() } else { "grid".to_string() })
                on_change=choose_search
            />
            {random_fields}
            {space_fields}
            <NumberField id=field_id(index, "folds") label_key="field-folds" initial=initial.folds.to_string() accept=set_folds />
            <SelectField id=field_id(index, "scoring") label_key="field-scoring" options=scoring_options selected=scoring on_change=choose_scoring />
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Tune(plan) => Some(view! { <Planned state index plan /> }.into_any()),
            _ => None,
        })}
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    None,
    Running,
    Failed,
    Done,
}

/// The plan, and the cell's two batches: the search and the model's learning curve.
#[component]
fn Planned(state: NotebookState, index: usize, plan: TuneOutput) -> impl IntoView {
    let i18n = use_i18n();
    let model = state.doc.with_untracked(|nb| {
        nb.cells
            .get(plan.model_cell)
            .and_then(|c| match c {
                latih_engine::notebook::Cell::Train(t) => Some(model_key(&t.model)),
                _ => None,
            })
            .unwrap_or("")
    });
    let model_cell = plan.model_cell;
    let plan_text = {
        let plan = plan.clone();
        move || latih_i18n::plan_text(i18n.lang(), &plan)
    };
    let searches_text = move || {
        i18n.trf(
            "tune-searches-model",
            &[
                ("cell", (model_cell + 1).to_string()),
                ("model", i18n.tr(model)),
            ],
        )
    };
    view! {
        <p>{searches_text}</p>
        <p>{plan_text}</p>
        <BatchPanel state index batch=Batch::Search run_key="tune-run" progress_key="tune-progress" running_key="tune-running" />
        <h3>{i18n.text("tune-learning-heading")}</h3>
        <p class="hint">{i18n.text("tune-learning-intro")}</p>
        <BatchPanel state index batch=Batch::LearningCurve run_key="tune-learning-run" progress_key="tune-learning-progress" running_key="tune-learning-running" />
    }
}

/// A batch's button, its progress and cancel while it runs, and its results or failure.
#[component]
fn BatchPanel(
    state: NotebookState,
    index: usize,
    batch: Batch,
    run_key: &'static str,
    progress_key: &'static str,
    running_key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    // The view changes with the phase only: progress updates the bar, not the buttons.
    let phase = Memo::new(move |_| match state.batch(index, batch) {
        Some(SearchRun::Running { .. }) => Phase::Running,
        Some(SearchRun::Failed(_)) => Phase::Failed,
        Some(SearchRun::Done(_)) => Phase::Done,
        None => Phase::None,
    });
    let running = move || phase.get() == Phase::Running;
    let progress = Signal::derive(move || match state.batch(index, batch) {
        Some(SearchRun::Running {
            fractions,
            started_ms,
            ..
        }) => (
            fractions.iter().sum::<f64>() / fractions.len().max(1) as f64,
            started_ms,
        ),
        _ => (0.0, 0.0),
    });
    let failure = move || match state.batch(index, batch) {
        Some(SearchRun::Failed(SearchFailure::Engine(error))) => i18n.trf(
            "tune-failed",
            &[("reason", error_message(i18n.lang(), &error))],
        ),
        Some(SearchRun::Failed(SearchFailure::Worker(JobFailure::Crashed(reason)))) => {
            i18n.trf("tune-crashed", &[("reason", reason)])
        }
        Some(SearchRun::Failed(SearchFailure::Worker(JobFailure::NotStarted(reason)))) => {
            i18n.trf("run-not-started", &[("reason", reason)])
        }
        _ => String::new(),
    };
    view! {
        <p class="actions">
            <button
                type="button"
                disabled=move || running() || state.is_stale(index)
                on:click=move |_| state.start_batch(index, batch)
            >
                {i18n.text(run_key)}
            </button>
        </p>
        {move || match phase.get() {
            Phase::Running => view! {
                <JobProgress
                    progress
                    label_key=progress_key
                    running_key
                    on_cancel=Callback::new(move |()| state.cancel_batch(index, batch))
                />
            }
            .into_any(),
            Phase::Failed => view! { <p class="cell-error" role="alert">{failure}</p> }.into_any(),
            Phase::Done => match state.batch(index, batch) {
                Some(SearchRun::Done(done)) => match *done {
                    BatchDone::Search(done) => view! { <SearchResults state index done /> }.into_any(),
                    BatchDone::LearningCurve(done) => view! { <LearningCurveResults state index done /> }.into_any(),
                },
                _ => ().into_any(),
            },
            Phase::None => ().into_any(),
        }}
    }
}
