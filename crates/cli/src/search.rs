//! The notebook's searches (tune cells), run natively on every core (or the threads asked for):
//! the candidates, and the learning curve's points, are dealt out to threads as the browser
//! deals them out to workers, and, as there, the results do not depend on how many ran.

use crate::cores::{deal, Runner};
use latih_engine::notebook::budget::Estimate;
use latih_engine::notebook::{run_candidates, run_learning_point, CellOutput};
use latih_engine::tune::{CandidateResult, LearningPoint};
use latih_engine::Error;
use std::time::Instant;

/// What a tune cell's search gave, and its learning curve when one was asked for.
pub struct Searched {
    pub results: Result<Vec<CandidateResult>, Error>,
    pub learning_curve: Option<Result<Vec<LearningPoint>, Error>>,
}

/// `None` for a cell that is not a tune cell whose plan ran.
pub type SearchResults = Option<Searched>;

/// One entry per cell: the search's results for a tune cell whose plan ran (with the learning
/// curve of its model if `learning_curve`), else `None`.
pub fn run_searches(
    runner: &Runner,
    outputs: &[Result<CellOutput, Error>],
    learning_curve: bool,
) -> Vec<SearchResults> {
    outputs
        .iter()
        .enumerate()
        .map(|(cell, output)| match output {
            Ok(CellOutput::Tune(plan)) => Some(Searched {
                results: search(runner, cell, plan.candidates),
                learning_curve: learning_curve
                    .then(|| learning(runner, cell, plan.learning_sizes.len())),
            }),
            _ => None,
        })
        .collect()
}

/// The notebook's work (`run`, estimated before it ran) with its searches' added, the costliest
/// cell among them all.
pub fn searches_work(outputs: &[Result<CellOutput, Error>], run: Estimate) -> Estimate {
    let mut total = run;
    // A search named as the costliest costs more than the whole run before it.
    let mut most = run.units;
    for (cell, output) in outputs.iter().enumerate() {
        if let Ok(CellOutput::Tune(plan)) = output {
            total.units += plan.work;
            if plan.work > most {
                most = plan.work;
                total.costliest = Some(cell);
            }
        }
    }
    total
}

fn search(runner: &Runner, cell: usize, candidates: usize) -> Result<Vec<CandidateResult>, Error> {
    let started = Instant::now();
    let clock = move || started.elapsed().as_secs_f64() * 1000.0;
    deal(
        runner,
        cell,
        candidates,
        "cli-progress-search",
        |share, progress| {
            let sources = runner.sources;
            run_candidates(
                runner.notebook,
                cell,
                share,
                None,
                sources,
                &clock,
                progress,
            )
        },
    )
}

fn learning(runner: &Runner, cell: usize, sizes: usize) -> Result<Vec<LearningPoint>, Error> {
    deal(
        runner,
        cell,
        sizes,
        "cli-progress-learning",
        |share, progress| {
            let mut points = Vec::with_capacity(share.len());
            for (done, &size) in share.iter().enumerate() {
                let base = done as f64 / share.len() as f64;
                let mut within = |f: f64| progress(base + f / share.len() as f64);
                points.push(run_learning_point(
                    runner.notebook,
                    cell,
                    size,
                    runner.sources,
                    &mut within,
                )?);
            }
            Ok(points)
        },
    )
}
