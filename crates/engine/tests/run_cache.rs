//! A run redoes only what changed: a worker keeps each cell's result by the key of its inputs,
//! and the run planner grows a forest again only when its inputs changed. The numbers are
//! always those of a fresh run.

use latih_engine::jobs::plan::{plan_run, Gathered, Gathering};
use latih_engine::jobs::{ForestPart, Job, JobResult, JobRunner, Request, Response};
use latih_engine::models::{ModelSpec, RandomForestParams};
use latih_engine::notebook::{evaluate, Cell, CellOutput, NoteCell, Notebook, TrainCell};

mod common;
use common::{shipped, shipped_csv};

/// Penguins → split → a forest of `trees` → evaluate, with a note at the end.
fn notebook(trees: u32) -> Notebook {
    let mut notebook = Notebook::starter("penguins", "species");
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: trees,
            ..RandomForestParams::default()
        }),
    });
    notebook.cells.push(Cell::Note(NoteCell {
        text: "First thoughts".into(),
    }));
    notebook
}

fn runner() -> JobRunner {
    let mut runner = JobRunner::new(Box::new(|| 0.0));
    let put = Request::PutData {
        name: "penguins".into(),
        text: shipped_csv("penguins"),
    };
    runner.handle(put, &mut |_| {});
    runner
}

/// What one evaluation said: the cells it computed, the cells it reused, its outputs.
struct Run {
    computed: Vec<usize>,
    reused: Vec<usize>,
    outputs: Vec<Result<CellOutput, latih_engine::Error>>,
}

fn run(runner: &mut JobRunner, notebook: &Notebook, grown: Vec<ForestPart>) -> Run {
    let mut responses = Vec::new();
    let job = Job::Evaluate {
        notebook: notebook.clone(),
        grown,
        agreed_work: 0.0,
    };
    runner.handle(Request::Run { id: 1, job }, &mut |r| responses.push(r));
    let mut run = Run {
        computed: Vec::new(),
        reused: Vec::new(),
        outputs: Vec::new(),
    };
    for response in responses {
        match response {
            Response::AtCell { cell, .. } => run.computed.push(cell),
            Response::Reused { cell, .. } => run.reused.push(cell),
            Response::Done {
                result: JobResult::Outputs(outputs),
                ..
            } => run.outputs = outputs,
            _ => {}
        }
    }
    run
}

#[test]
fn editing_a_note_reuses_every_other_cell_and_a_new_seed_retrains() {
    let mut runner = runner();
    let mut notebook = notebook(40);
    let first = run(&mut runner, &notebook, Vec::new());
    assert_eq!(first.computed, vec![0, 1, 2, 3, 4]);
    assert!(first.reused.is_empty());
    assert_eq!(first.outputs, evaluate(&notebook, &shipped()));

    // A note is read by nothing: the cells keep their results, the forest is not grown again.
    let Cell::Note(note) = &mut notebook.cells[4] else {
        unreachable!()
    };
    note.text.push_str(", and second ones");
    let second = run(&mut runner, &notebook, Vec::new());
    assert_eq!(second.computed, vec![4]);
    assert_eq!(second.reused, vec![0, 1, 2, 3]);
    assert_eq!(second.outputs, evaluate(&notebook, &shipped()));

    // A new split: the data set is kept, the split and everything learned from it redone once.
    let Cell::Split(split) = &mut notebook.cells[1] else {
        unreachable!()
    };
    split.seed = 7;
    let third = run(&mut runner, &notebook, Vec::new());
    assert_eq!(third.computed, vec![1, 2, 3]);
    assert_eq!(third.reused, vec![0, 4]);
    assert_eq!(third.outputs, evaluate(&notebook, &shipped()));
    assert_ne!(
        third.outputs[3], second.outputs[3],
        "another split, other scores"
    );

    // The cache holds one run's cells, no more.
    assert_eq!(runner.cached_cells(), notebook.cells.len());
}

#[test]
fn new_data_empties_the_cache_and_a_run_reads_it() {
    let mut runner = runner();
    let notebook = notebook(10);
    run(&mut runner, &notebook, Vec::new());
    assert!(runner.cached_cells() > 0);
    // The same name, other rows: nothing computed on the old rows may be reused.
    let all = shipped_csv("penguins");
    let fewer: Vec<&str> = all.lines().take(200).collect();
    let put = Request::PutData {
        name: "penguins".into(),
        text: fewer.join("\n"),
    };
    runner.handle(put, &mut |_| {});
    assert_eq!(runner.cached_cells(), 0);
    let again = run(&mut runner, &notebook, Vec::new());
    assert_eq!(again.computed, vec![0, 1, 2, 3, 4]);
    let Ok(CellOutput::Dataset(data)) = &again.outputs[0] else {
        panic!("{:?}", again.outputs[0])
    };
    assert_eq!(data.rows, 199);
}

/// Grows the planned shares on one runner each, as workers would, gathering their answers.
fn grow_all(notebook: &Notebook, gathering: &mut Gathering) -> Gathered {
    let mut last = gathering.ready().unwrap_or(Gathered::Growing(0.0));
    for (share, (cell, trees)) in gathering.shares().to_vec().into_iter().enumerate() {
        let mut responses = Vec::new();
        let job = Job::GrowTrees {
            notebook: notebook.clone(),
            cell,
            trees,
            agreed_work: 0.0,
        };
        runner().handle(Request::Run { id: 2, job }, &mut |r| responses.push(r));
        let mut fraction_before = 0.0;
        for response in responses {
            last = match response {
                Response::Progress { fraction, .. } => gathering.progress(share, fraction),
                Response::Done { result, .. } => gathering.done(share, result),
                _ => continue,
            };
            if let Gathered::Growing(done) = last {
                assert!(done >= fraction_before, "progress only rises");
                fraction_before = done;
            }
        }
    }
    last
}

#[test]
fn a_forest_is_grown_by_the_workers_once_and_kept_while_its_inputs_stay() {
    let version = |name: &str| (name == "penguins").then_some(1);
    let mut notebook = notebook(60);
    let plan = plan_run(&notebook, 2, &[], &version);
    let mut gathering = Gathering::new(plan);
    assert_eq!(gathering.shares().len(), 2, "60 trees over two workers");
    let Gathered::Evaluate { parts, done } = grow_all(&notebook, &mut gathering) else {
        panic!("every share answered")
    };
    assert!(done > 0.0 && done < 1.0);
    assert!(gathering.evaluating(0.5) > done && gathering.evaluating(1.0) == 1.0);
    let grown = gathering.grown();
    assert_eq!(grown.len(), 1);
    let whole = evaluate(&notebook, &shipped());
    assert_eq!(run(&mut runner(), &notebook, parts).outputs, whole);

    // A note edited: nothing to grow, the parts grown before are passed on.
    if let Cell::Note(note) = &mut notebook.cells[4] {
        note.text = "Changed".into();
    }
    let plan = plan_run(&notebook, 2, &grown, &version);
    let gathering = Gathering::new(plan);
    assert!(gathering.shares().is_empty());
    let Some(Gathered::Evaluate { parts, .. }) = gathering.ready() else {
        panic!("ready at once")
    };
    assert_eq!(parts, grown[0].parts);
    assert_eq!(gathering.grown(), grown);
    assert_eq!(
        run(&mut runner(), &notebook, parts).outputs,
        evaluate(&notebook, &shipped())
    );

    // A note added above the forest moves its cell, not its inputs: still kept, as that cell's.
    notebook.cells.insert(
        1,
        Cell::Note(NoteCell {
            text: "Above".into(),
        }),
    );
    let plan = plan_run(&notebook, 2, &grown, &version);
    assert!(plan.shares.is_empty());
    assert_eq!(plan.kept[0].cell, 3);
    assert!(plan.kept[0].parts.iter().all(|p| p.cell == 3));
    notebook.cells.remove(1);

    // Another version of the data, or another split seed: grown again.
    let newer = |name: &str| (name == "penguins").then_some(2);
    assert_eq!(plan_run(&notebook, 2, &grown, &newer).shares.len(), 2);
    if let Cell::Split(split) = &mut notebook.cells[1] {
        split.seed = 3;
    }
    assert_eq!(plan_run(&notebook, 2, &grown, &version).shares.len(), 2);
    // One worker grows nothing apart: the evaluation grows the forest itself.
    assert!(plan_run(&notebook, 1, &[], &version).shares.is_empty());
}

#[test]
fn a_crashed_share_stops_the_run_on_its_cell() {
    let version = |_: &str| Some(1);
    let notebook = notebook(60);
    let mut gathering = Gathering::new(plan_run(&notebook, 3, &[], &version));
    assert_eq!(gathering.shares().len(), 3);
    assert_eq!(
        gathering.progress(1, 0.5),
        Gathered::Growing(gathering_fraction(&gathering))
    );
    assert_eq!(gathering.failed(1), Gathered::Failed { cell: 2 });
    // A share that ends without a part (an error) leaves that forest to the evaluation.
    for share in 0..3 {
        let result = JobResult::Grown(Err(latih_engine::Error::EmptyInput));
        let next = gathering.done(share, result);
        if share == 2 {
            assert_eq!(
                next,
                Gathered::Evaluate {
                    parts: Vec::new(),
                    done: gathering_fraction(&gathering)
                }
            );
        }
    }
    assert!(gathering.grown().is_empty(), "nothing grown to keep");
}

/// The growing fraction `gathering` reports now, read through a progress call that changes
/// nothing.
fn gathering_fraction(gathering: &Gathering) -> f64 {
    let mut copy = gathering.clone();
    match copy.progress(usize::MAX, 0.0) {
        Gathered::Growing(done) => done,
        other => panic!("{other:?}"),
    }
}
