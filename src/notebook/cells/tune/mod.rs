//! The tune cell: the search's settings (grid or random, the values of each hyperparameter of the
//! model above, the folds and the score), the plan the notebook made of it, and the search itself
//! (run by the worker pool; see `notebook::search`).

mod results;

use super::{field_id, show_output};
use crate::components::fields::{NumberField, SelectField, TextField};
use crate::i18n::use_i18n;
use crate::jobs::JobFailure;
use crate::notebook::compare::model_key;
use crate::notebook::run_status::seconds_left;
use crate::notebook::search::{SearchFailure, SearchRun};
use crate::notebook::state::now_ms;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, TuneCell, TuneOutput};
use latih_engine::tune::{Param, Scoring, SearchKind, SpaceText};
use latih_i18n::{error_message, format_count, format_percent};
use leptos::prelude::*;
use results::SearchResults;

/// The label key of a scoring, shared with the evaluation's scores.
pub(crate) fn scoring_key(scoring: Scoring) -> &'static str {
    match scoring {
        Scoring::Accuracy => crate::key!("out-accuracy"),
        Scoring::BalancedAccuracy => crate::key!("out-balanced-accuracy"),
        Scoring::F1Macro => crate::key!("out-f1-macro"),
        Scoring::RocAuc => crate::key!("out-roc-auc"),
    }
}

fn scoring_id(scoring: Scoring) -> &'static str {
    match scoring {
        Scoring::Accuracy => "accuracy",
        Scoring::BalancedAccuracy => "balanced_accuracy",
        Scoring::F1Macro => "f1_macro",
        Scoring::RocAuc => "roc_auc",
    }
}

#[component]
pub fn TuneCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let initial = state.cell_untracked::<TuneCell>(index).unwrap_or_default();
    let edit = move |change: &dyn Fn(&mut TuneCell)| state.edit(index, change);
    let search = Memo::new(move |_| {
        state
            .cell::<TuneCell>(index)
            .map_or(SearchKind::Grid, |c| c.search)
    });
    let is_random = move || matches!(search.get(), SearchKind::Random { .. });
    let search_options = Signal::derive(move || {
        vec![
            ("grid".to_string(), i18n.tr("search-grid")),
            ("random".to_string(), i18n.tr("search-random")),
        ]
    });
    let choose_search = Callback::new(move |kind: String| {
        edit(&|c| {
            c.search = match (kind.as_str(), c.search) {
                ("random", SearchKind::Grid) => SearchKind::Random {
                    iterations: 10,
                    seed: 42,
                },
                ("grid", _) => SearchKind::Grid,
                (_, kept) => kept,
            }
        })
    });
    let set_random = move |change: fn(&mut u32, &mut u64, u64)| {
        Callback::new(move |text: String| match text.parse::<u64>() {
            Ok(value) => {
                edit(&|c| {
                    if let SearchKind::Random {
                        ref mut iterations,
                        ref mut seed,
                    } = c.search
                    {
                        change(iterations, seed, value);
                    }
                });
                true
            }
            Err(_) => false,
        })
    };
    let set_iterations =
        set_random(|iterations, _, v| *iterations = u32::try_from(v).unwrap_or(u32::MAX));
    let set_seed = set_random(|_, seed, v| *seed = v);
    let (initial_iterations, initial_seed) = match initial.search {
        SearchKind::Random { iterations, seed } => (iterations, seed),
        SearchKind::Grid => (10, 42),
    };
    let random_fields = move || {
        is_random().then(|| {
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
                .map(|(_, model)| Param::for_model(model).to_vec())
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
    let scoring_options = Signal::derive(move || {
        Scoring::ALL
            .iter()
            .map(|&s| (scoring_id(s).to_string(), i18n.tr(scoring_key(s))))
            .collect::<Vec<_>>()
    });
    let scoring = Signal::derive(move || {
        state
            .cell::<TuneCell>(index)
            .map_or("accuracy", |c| scoring_id(c.scoring))
            .to_string()
    });
    let choose_scoring = Callback::new(move |id: String| {
        if let Some(&s) = Scoring::ALL.iter().find(|&&s| scoring_id(s) == id) {
            edit(&|c| c.scoring = s);
        }
    });
    view! {
        <div class="cell-form">
            <SelectField
                id=field_id(index, "search")
                label_key="field-search"
                options=search_options
                selected=Signal::derive(move || if is_random() { "random".to_string() } else { "grid".to_string() })
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

/// The plan, the button that runs it, and the search's progress or results.
#[component]
fn Planned(state: NotebookState, index: usize, plan: TuneOutput) -> impl IntoView {
    let i18n = use_i18n();
    let count = move |n: usize| format_count(i18n.lang(), n);
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
    let plan_text = move || {
        i18n.trf(
            "out-tune-plan",
            &[
                ("candidates", count(plan.candidates)),
                ("folds", count(plan.folds)),
                ("fits", count(plan.candidates * plan.folds)),
                ("rows", count(plan.rows)),
            ],
        )
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
    // The view changes with the phase only: progress updates the bar, not the buttons.
    let phase = Memo::new(move |_| match state.search(index) {
        Some(SearchRun::Running { .. }) => Phase::Running,
        Some(SearchRun::Failed(_)) => Phase::Failed,
        Some(SearchRun::Done(_)) => Phase::Done,
        None => Phase::None,
    });
    let running = move || phase.get() == Phase::Running;
    let progress = move || match state.search(index) {
        Some(SearchRun::Running {
            fractions,
            started_ms,
            ..
        }) => Some((
            fractions.iter().sum::<f64>() / fractions.len().max(1) as f64,
            started_ms,
        )),
        _ => None,
    };
    let fraction = move || progress().map_or(0.0, |(f, _)| f);
    let eta = move || {
        let (fraction, started_ms) = progress()?;
        let seconds = seconds_left(fraction, started_ms, now_ms())?;
        let seconds = format_count(i18n.lang(), seconds.ceil() as usize);
        Some(i18n.trf("run-eta", &[("seconds", seconds)]))
    };
    let failure = move || match state.search(index) {
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
        <p>{searches_text}</p>
        <p>{plan_text}</p>
        <p class="actions">
            <button
                type="button"
                disabled=move || running() || state.is_stale(index)
                on:click=move |_| state.start_search(index)
            >
                {move || i18n.tr("tune-run")}
            </button>
        </p>
        {move || match phase.get() {
            Phase::Running => view! {
                <div class="run-status" role="status">
                    <progress max="1" value=fraction aria-label=move || i18n.tr("tune-progress")></progress>
                    <span>{move || i18n.trf("tune-running", &[("percent", format_percent(i18n.lang(), fraction(), 0))])}</span>
                    <span>{eta}</span>
                    <button type="button" on:click=move |_| state.cancel_search(index)>{move || i18n.tr("run-cancel")}</button>
                </div>
            }
            .into_any(),
            Phase::Failed => view! { <p class="cell-error" role="alert">{failure}</p> }.into_any(),
            Phase::Done => match state.search(index) {
                Some(SearchRun::Done(done)) => view! { <SearchResults state index done=*done /> }.into_any(),
                _ => ().into_any(),
            },
            Phase::None => ().into_any(),
        }}
    }
}
