//! The worker protocol, run natively: what a Web Worker answers is what the engine computes.

use latih_engine::jobs::{wire, ForestPart, Job, JobResult, JobRunner, Request, Response};
use latih_engine::models::{ModelSpec, RandomForestParams};
use latih_engine::notebook::{evaluate, link, Cell, CellOutput, Notebook, TrainCell};
use latih_engine::tune::CandidateResult;

mod common;
use common::{shipped, shipped_csv};

fn forest_notebook(trees: u32) -> Notebook {
    forest_notebook_of("penguins", "species", trees)
}

fn forest_notebook_of(dataset: &str, target: &str, trees: u32) -> Notebook {
    let mut notebook = Notebook::starter(dataset, target);
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
    run_on("penguins", job)
}

/// [`run_on_penguins`] with the shipped data set `dataset`.
fn run_on(dataset: &str, job: Job) -> Vec<Response> {
    let mut runner = JobRunner::new(Box::new(|| 0.0));
    let mut responses = Vec::new();
    let put = Request::PutData {
        name: dataset.into(),
        text: shipped_csv(dataset),
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
        grown: Vec::new(),
        agreed_work: 0.0,
    });

    let (last, events) = responses.split_last().unwrap();
    assert_eq!(
        last,
        &Response::Done {
            id: 7,
            result: JobResult::Outputs(evaluate(&notebook, &shipped())),
        }
    );
    let mut cells = Vec::new();
    let mut fractions = Vec::new();
    for event in events {
        match event {
            Response::Progress { id: 7, fraction } => fractions.push(*fraction),
            Response::AtCell { id: 7, cell } => cells.push(*cell),
            other => panic!("expected progress of job 7, got {other:?}"),
        }
    }
    // Each cell is announced as it starts, so a crash can be put on the cell it happened in.
    assert_eq!(cells, (0..notebook.cells.len()).collect::<Vec<_>>());
    assert!(
        fractions.len() >= 20,
        "a forest of 60 trees reports as it grows, got {fractions:?}"
    );
    assert!(fractions.windows(2).all(|w| w[0] < w[1]), "{fractions:?}");
    assert!(fractions[0] > 0.0 && *fractions.last().unwrap() <= 1.0);
}

#[test]
fn a_job_on_data_never_put_reports_it_on_the_cells() {
    let mut runner = JobRunner::new(Box::new(|| 0.0));
    let mut responses = Vec::new();
    let job = Job::Evaluate {
        notebook: Notebook::starter("penguins", "species"),
        grown: Vec::new(),
        agreed_work: 0.0,
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

/// Penguins with a random forest of 10 trees and a tune cell searching it.
fn tuned_notebook() -> Notebook {
    let mut notebook = forest_notebook(10);
    notebook.add_tune();
    notebook
}

fn tuned(responses: Vec<Response>) -> Vec<CandidateResult> {
    match responses.last() {
        Some(Response::Done {
            result: JobResult::Tuned(Ok(results)),
            ..
        }) => results.clone(),
        other => panic!("expected search results, got {other:?}"),
    }
}

#[test]
fn a_search_gives_the_same_results_however_its_candidates_are_shared_out() {
    let notebook = tuned_notebook();
    let outputs = evaluate(&notebook, &shipped());
    let Some(Ok(CellOutput::Tune(plan))) = outputs.last() else {
        panic!("expected a search plan, got {:?}", outputs.last());
    };
    // The suggested search for a forest: 3 × 4 × 3 values, 5 folds of the training rows.
    assert_eq!((plan.candidates, plan.folds, plan.model_cell), (36, 5, 2));
    let cell = notebook.cells.len() - 1;
    let job = |candidates: Vec<usize>| Job::Tune {
        notebook: notebook.clone(),
        cell,
        candidates,
        folds: None,
    };
    let all = tuned(run_on_penguins(job(vec![0, 1, 2, 3])));
    let mut shared = tuned(run_on_penguins(job(vec![0, 2])));
    shared.extend(tuned(run_on_penguins(job(vec![1, 3]))));
    let order = [0, 2, 1, 3];
    for (result, &i) in shared.iter().zip(&order) {
        assert_eq!(result, &all[i]);
    }
    assert_eq!(all[0].test_scores.len(), 5);
    assert!(all.iter().all(|r| r.error.is_none()));
    assert!(all
        .iter()
        .flat_map(|r| &r.test_scores)
        .all(|s| (0.5..=1.0).contains(s)));
}

#[test]
fn requests_and_responses_cross_the_wire_exactly_infinite_thresholds_included() {
    let mut notebook = tuned_notebook();
    notebook.cells[1] = Cell::Split(latih_engine::notebook::SplitCell {
        seed: u64::MAX,
        ..Default::default()
    });
    let request = Request::Run {
        id: 3,
        job: Job::Evaluate {
            notebook: notebook.clone(),
            grown: vec![ForestPart {
                cell: 2,
                bytes: vec![0, 255, 7],
            }],
            agreed_work: 0.0,
        },
    };
    assert_eq!(
        wire::decode_request(&wire::encode_request(&request)),
        Ok(request)
    );

    let cell = notebook.cells.len() - 1;
    let mut responses = run_on_penguins(Job::Evaluate {
        notebook: notebook.clone(),
        grown: Vec::new(),
        agreed_work: 0.0,
    });
    responses.extend(run_on_penguins(Job::Tune {
        notebook,
        cell,
        candidates: vec![0, 5],
        folds: Some(vec![4, 1]),
    }));
    responses.push(Response::Crashed {
        message: "ran out of memory".into(),
    });
    let roc_starts_at_infinity = responses.iter().any(|r| match r {
        Response::Done {
            result: JobResult::Outputs(outputs),
            ..
        } => outputs.iter().any(|o| match o {
            Ok(CellOutput::Evaluate(e)) => e.roc.as_ref().is_ok_and(|roc| {
                roc.curves
                    .iter()
                    .all(|c| c.curve.thresholds[0] == f64::INFINITY)
            }),
            _ => false,
        }),
        _ => false,
    });
    assert!(roc_starts_at_infinity);
    for response in responses {
        let bytes = wire::encode_response(&response);
        assert_eq!(wire::decode_response(&bytes), Ok(response));
    }
    assert!(wire::decode_response(&[250, 1, 2]).is_err());
    assert!(wire::decode_request(b"{\"Run\":").is_err());
}

#[test]
fn one_candidate_s_folds_shared_out_merge_into_its_whole_cross_validation() {
    let notebook = tuned_notebook();
    let cell = notebook.cells.len() - 1;
    let job = |folds: Option<Vec<usize>>| Job::Tune {
        notebook: notebook.clone(),
        cell,
        candidates: vec![3],
        folds,
    };
    let whole = tuned(run_on_penguins(job(None))).pop().unwrap();
    let parts: Vec<CandidateResult> = (0..5)
        .flat_map(|f| tuned(run_on_penguins(job(Some(vec![f])))))
        .collect();
    assert!(parts.iter().all(|p| p.test_scores.len() == 1));
    let merged = latih_engine::tune::merge_folds(parts).unwrap();
    assert_eq!(merged.test_scores, whole.test_scores);
    assert_eq!(merged.train_scores, whole.train_scores);
    assert_eq!(merged.candidate, whole.candidate);
    // Folds out of the plan are an error, not a panic.
    let beyond = run_on_penguins(job(Some(vec![9])));
    assert!(matches!(
        beyond.last(),
        Some(Response::Done {
            result: JobResult::Tuned(Err(_)),
            ..
        })
    ));
}

fn grown(responses: Vec<Response>) -> ForestPart {
    match responses.last() {
        Some(Response::Done {
            result: JobResult::Grown(Ok(part)),
            ..
        }) => part.clone(),
        other => panic!("expected grown trees, got {other:?}"),
    }
}

fn outputs(responses: Vec<Response>) -> Vec<Result<CellOutput, latih_engine::Error>> {
    match responses.last() {
        Some(Response::Done {
            result: JobResult::Outputs(outputs),
            ..
        }) => outputs.clone(),
        other => panic!("expected the notebook's outputs, got {other:?}"),
    }
}

#[test]
fn a_forest_grown_by_several_workers_evaluates_as_one_grown_by_one() {
    // Classes, and numbers to predict (a regression forest).
    shared_forest_evaluates_as_one("penguins", "species");
    shared_forest_evaluates_as_one("diabetes", "progression");
}

fn shared_forest_evaluates_as_one(dataset: &str, target: &str) {
    let notebook = forest_notebook_of(dataset, target, 30);
    let whole = evaluate(&notebook, &shipped());
    let grow = |trees| Job::GrowTrees {
        notebook: notebook.clone(),
        cell: 2,
        trees,
        agreed_work: 0.0,
    };
    // Three runners stand for three workers, each with its own share of the trees.
    let parts: Vec<ForestPart> = [0..11, 11..20, 20..30]
        .into_iter()
        .map(|trees| grown(run_on(dataset, grow(trees))))
        .collect();
    let evaluate_with = |grown: Vec<ForestPart>| {
        outputs(run_on(
            dataset,
            Job::Evaluate {
                notebook: notebook.clone(),
                grown,
                agreed_work: 0.0,
            },
        ))
    };
    let shared = evaluate_with(parts.clone());
    assert_eq!(shared, whole);
    assert!(matches!(
        &shared[3],
        Ok(CellOutput::Evaluate(_) | CellOutput::EvaluateRegression(_))
    ));

    // Parts missing, or bytes that are not a forest, cost a fresh fit, never a wrong model.
    assert_eq!(evaluate_with(parts[..2].to_vec()), whole);
    let mut garbled = parts.clone();
    let half = garbled[1].bytes.len() / 2;
    garbled[1].bytes.truncate(half);
    assert_eq!(evaluate_with(garbled), whole);
    // The trees of another notebook's forest (another seed) are used only if they fit: here
    // they do, and the result differs, which shows the parts really are what is evaluated.
    let mut other = forest_notebook_of(dataset, target, 30);
    if let Cell::Train(train) = &mut other.cells[2] {
        if let ModelSpec::RandomForest(params) = &mut train.model {
            params.seed = 7;
        }
    }
    let other_part = grown(run_on(
        dataset,
        Job::GrowTrees {
            notebook: other,
            cell: 2,
            trees: 0..30,
            agreed_work: 0.0,
        },
    ));
    assert_ne!(evaluate_with(vec![other_part]), whole);
}

#[test]
fn growing_trees_of_a_cell_that_has_no_forest_is_an_error() {
    let notebook = Notebook::starter("penguins", "species");
    for cell in [0, 2, 99] {
        let responses = run_on_penguins(Job::GrowTrees {
            notebook: notebook.clone(),
            cell,
            trees: 0..4,
            agreed_work: 0.0,
        });
        assert!(
            matches!(
                responses.last(),
                Some(Response::Done {
                    result: JobResult::Grown(Err(_)),
                    ..
                })
            ),
            "{responses:?}"
        );
    }
}

#[test]
fn an_export_job_writes_the_notebook_in_the_words_it_was_given_and_its_link() {
    let notebook = forest_notebook(30);
    let words = vec![
        (
            "export-title".to_string(),
            "Notebook Latih, dalam Python".to_string(),
        ),
        ("cell-train-title".to_string(), "Latih model".to_string()),
    ];
    let responses = run_on_penguins(Job::Export {
        notebook: notebook.clone(),
        words,
    });
    let [Response::Done {
        id: 7,
        result: JobResult::Exported(exported),
    }] = responses.as_slice()
    else {
        panic!("expected the export of job 7, got {responses:?}");
    };
    assert_eq!(link::decode(&exported.link).unwrap(), notebook);
    let export = &exported.python;
    assert_eq!(export.cells.len(), notebook.cells.len());
    let train = export.cells[2].as_deref().unwrap();
    assert!(
        train.contains("RandomForestClassifier(n_estimators=30,"),
        "{train}"
    );
    assert!(export.script.contains("# Notebook Latih, dalam Python"));
    assert!(export.script.contains("# %% 3. Latih model"));
    // A key without words shows as itself, as a missing catalog key does in the app.
    assert!(export.script.contains("# %% 1. cell-dataset-title"));
    assert!(export.ipynb.contains("\"nbformat\": 4"));
    // The job's answer crosses to the app intact.
    let bytes = wire::encode_response(&responses[0]);
    assert_eq!(wire::decode_response(&bytes).unwrap(), responses[0]);
}

#[test]
fn a_link_job_opens_what_the_link_carries_and_refuses_a_damaged_one() {
    let notebook = Notebook::starter("file:grades.csv", "grade");
    let file = "hours,grade\n1,retake\n9,pass\n".to_string();
    let files = std::collections::HashMap::from([("file:grades.csv".to_string(), file.clone())]);
    let text = link::encode_with_data(&notebook, &files);
    let opened = |link: &str| {
        let responses = run_on_penguins(Job::OpenLink { link: link.into() });
        let [Response::Done {
            id: 7,
            result: JobResult::Opened(opened),
        }] = responses.as_slice()
        else {
            panic!("expected the link of job 7, got {responses:?}");
        };
        // The answer crosses to the app intact.
        let bytes = wire::encode_response(&responses[0]);
        assert_eq!(wire::decode_response(&bytes).unwrap(), responses[0]);
        opened.clone()
    };
    let shared = opened(&text).unwrap();
    assert_eq!(shared.notebook, notebook);
    assert_eq!(shared.data, [("file:grades.csv".to_string(), file)]);
    assert_eq!(
        opened(&text[..text.len() - 5]).unwrap_err(),
        latih_engine::Error::LinkDamaged
    );
}

#[test]
fn a_forgotten_data_set_is_no_longer_read_by_the_jobs_that_follow() {
    let notebook = Notebook::starter("sql:counts", "species");
    let mut runner = JobRunner::new(Box::new(|| 0.0));
    let evaluated = |runner: &mut JobRunner| {
        let mut last = None;
        let job = Job::Evaluate {
            notebook: notebook.clone(),
            grown: Vec::new(),
            agreed_work: 0.0,
        };
        runner.handle(Request::Run { id: 1, job }, &mut |r| last = Some(r));
        match last {
            Some(Response::Done {
                result: JobResult::Outputs(outputs),
                ..
            }) => outputs[0].clone(),
            other => panic!("expected outputs, got {other:?}"),
        }
    };
    let put = Request::PutData {
        name: "sql:counts".into(),
        text: shipped_csv("penguins"),
    };
    runner.handle(put, &mut |_| {});
    assert!(matches!(evaluated(&mut runner), Ok(CellOutput::Dataset(_))));
    let forget = Request::ForgetData {
        name: "sql:counts".into(),
    };
    // It travels as every request does.
    let forget = wire::decode_request(&wire::encode_request(&forget)).unwrap();
    runner.handle(forget, &mut |_| panic!("forgetting answers nothing"));
    assert_eq!(
        evaluated(&mut runner),
        Err(latih_engine::Error::QueryResultMissing {
            name: "counts".into()
        })
    );
}

/// Runs every job of batch `batch` of the tune cell of `notebook` on its own runner (one worker
/// each), gathering the answers as the app does, in the order given by `order`.
fn run_batch(
    notebook: &Notebook,
    batch: latih_engine::jobs::batch::Batch,
    order: impl Fn(usize) -> Vec<usize>,
) -> latih_engine::jobs::batch::BatchGathered {
    use latih_engine::jobs::batch::{plan_batch, BatchGathered};
    let cell = notebook.cells.len() - 1;
    let outputs = evaluate(notebook, &shipped());
    let Some(Ok(CellOutput::Tune(plan))) = outputs.last() else {
        panic!("expected a search plan, got {:?}", outputs.last());
    };
    let (jobs, mut gathering) = plan_batch(notebook, cell, plan, batch);
    let mut last = BatchGathered::Running(Vec::new());
    for i in order(jobs.len()) {
        let responses = run_on_penguins(jobs[i].clone());
        for response in responses {
            last = match response {
                Response::Progress { fraction, .. } => gathering.progress(i, fraction),
                Response::Done { result, .. } => gathering.done(i, result),
                _ => continue,
            };
        }
    }
    last
}

#[test]
fn a_planned_search_gathers_the_same_results_in_any_order_of_answers() {
    use latih_engine::jobs::batch::{Batch, BatchGathered, BatchResult};
    let mut notebook = tuned_notebook();
    // Two candidates: one job each.
    if let Some(Cell::Tune(tune)) = notebook.cells.last_mut() {
        tune.spaces.retain(|s| s.param.name() == "max_depth");
        tune.spaces[0].text = "2, 4".into();
    }
    let forwards = run_batch(&notebook, Batch::Search, |n| (0..n).collect());
    let backwards = run_batch(&notebook, Batch::Search, |n| (0..n).rev().collect());
    assert_eq!(forwards, backwards);
    let BatchGathered::Done(BatchResult::Search { results, rows }) = forwards else {
        panic!("{forwards:?}")
    };
    assert_eq!((results.len(), rows.len()), (2, 2));
    assert!(results.iter().all(|r| r.test_scores.len() == 5));

    // One candidate: its five folds are five jobs, merged into one cross-validation.
    if let Some(Cell::Tune(tune)) = notebook.cells.last_mut() {
        tune.spaces.clear();
    }
    let BatchGathered::Done(BatchResult::Search { results, .. }) =
        run_batch(&notebook, Batch::Search, |n| (0..n).rev().collect())
    else {
        panic!("a plain cross-validation")
    };
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].test_scores.len(), 5);

    // The learning curve: one point per size, in the plan's order whatever the answers' order.
    let BatchGathered::Done(BatchResult::LearningCurve(points)) =
        run_batch(&notebook, Batch::LearningCurve, |n| (0..n).rev().collect())
    else {
        panic!("a learning curve")
    };
    assert!(points.len() >= 2);
    assert!(points.windows(2).all(|w| w[0].rows < w[1].rows));
}

#[test]
fn a_job_of_a_batch_that_fails_stops_it_with_its_error() {
    use latih_engine::jobs::batch::{plan_batch, Batch, BatchGathered};
    let notebook = tuned_notebook();
    let outputs = evaluate(&notebook, &shipped());
    let Some(Ok(CellOutput::Tune(plan))) = outputs.last() else {
        panic!("a plan")
    };
    let (_, mut gathering) = plan_batch(&notebook, notebook.cells.len() - 1, plan, Batch::Search);
    let failed = JobResult::Tuned(Err(latih_engine::Error::EmptyInput));
    assert_eq!(
        gathering.done(0, failed),
        BatchGathered::Failed(latih_engine::Error::EmptyInput)
    );
}

/// Issue 18: a worker does not start a run heavier than the learner agreed to (the work
/// budget, checked where the data is), neither its evaluation nor its forests' trees; it says
/// how heavy, and which cell.
#[test]
fn a_run_over_the_work_budget_is_refused_by_the_worker_without_computing() {
    use latih_engine::models::MlpParams;
    let mut heavy = Notebook::starter("penguins", "species");
    heavy.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::NeuralNetwork(MlpParams {
            hidden_layer_sizes: vec![1000, 1000],
            ..MlpParams::default()
        }),
    });
    heavy.cells.push(forest_notebook(50).cells[2].clone());
    let refused = |responses: Vec<Response>| match responses.as_slice() {
        [Response::Done {
            result: JobResult::OverBudget(work),
            ..
        }] => *work,
        other => panic!("refused at once, without progress: {other:?}"),
    };
    let evaluate = refused(run_on_penguins(Job::Evaluate {
        notebook: heavy.clone(),
        grown: Vec::new(),
        agreed_work: 0.0,
    }));
    assert_eq!(evaluate.costliest, Some(2));
    assert!(evaluate.minutes() >= 1);
    let grow = refused(run_on_penguins(Job::GrowTrees {
        notebook: heavy,
        cell: 4,
        trees: 0..25,
        agreed_work: evaluate.units / 2.0,
    }));
    assert_eq!(grow, evaluate);
}
