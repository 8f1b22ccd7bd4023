//! The worker protocol, run natively: what a Web Worker answers is what the engine computes.

use latih_engine::jobs::{Job, JobResult, JobRunner, Request, Response};
use latih_engine::models::{ModelSpec, RandomForestParams};
use latih_engine::notebook::{evaluate, Cell, Notebook, TrainCell};

mod common;
use common::{shipped, shipped_csv};

fn forest_notebook(trees: u32) -> Notebook {
    let mut notebook = Notebook::starter("penguins", "species");
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: trees,
            ..RandomForestParams::default()
        }),
    });
    notebook
}

/// Puts penguins into a fresh runner, runs `job` as job 7, and returns every response.
fn run_on_penguins(job: Job) -> Vec<Response> {
    let mut runner = JobRunner::new();
    let mut responses = Vec::new();
    let put = Request::PutData {
        name: "penguins".into(),
        text: shipped_csv("penguins"),
    };
    runner.handle(put, &mut |r| responses.push(r));
    assert!(responses.is_empty(), "putting data answers nothing");
    runner.handle(Request::Run { id: 7, job }, &mut |r| responses.push(r));
    responses
}

#[test]
fn an_evaluate_job_answers_what_evaluate_computes_after_rising_progress() {
    let notebook = forest_notebook(60);
    let responses = run_on_penguins(Job::Evaluate {
        notebook: notebook.clone(),
    });

    let (last, progress) = responses.split_last().unwrap();
    assert_eq!(
        last,
        &Response::Done {
            id: 7,
            result: JobResult::Outputs(evaluate(&notebook, &shipped())),
        }
    );
    let fractions: Vec<f64> = progress
        .iter()
        .map(|r| match r {
            Response::Progress { id: 7, fraction } => *fraction,
            other => panic!("expected progress of job 7, got {other:?}"),
        })
        .collect();
    assert!(
        fractions.len() >= 20,
        "a forest of 60 trees reports as it grows, got {fractions:?}"
    );
    assert!(fractions.windows(2).all(|w| w[0] < w[1]), "{fractions:?}");
    assert!(fractions[0] > 0.0 && *fractions.last().unwrap() <= 1.0);
}

#[test]
fn a_job_on_data_never_put_reports_it_on_the_cells() {
    let mut runner = JobRunner::new();
    let mut responses = Vec::new();
    let job = Job::Evaluate {
        notebook: Notebook::starter("penguins", "species"),
    };
    runner.handle(Request::Run { id: 1, job }, &mut |r| responses.push(r));
    match responses.last() {
        Some(Response::Done {
            id: 1,
            result: JobResult::Outputs(outputs),
        }) => assert!(outputs.iter().all(Result::is_err), "{outputs:?}"),
        other => panic!("expected the job's result, got {other:?}"),
    }
}
