//! The notebook's searches (tune cells), run natively on every core (or the threads asked for):
//! the candidates are dealt out to threads as the browser deals them out to workers, and, as
//! there, the results do not depend on how many ran.

use crate::cores::Progress;
use latih_engine::notebook::budget::Estimate;
use latih_engine::notebook::{run_candidates, CellOutput, Notebook};
use latih_engine::tune::CandidateResult;
use latih_engine::Error;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

pub type SearchResults = Option<Result<Vec<CandidateResult>, Error>>;

/// One entry per cell: the search's results for a tune cell whose plan ran, else `None`.
pub fn run_searches(
    notebook: &Notebook,
    outputs: &[Result<CellOutput, Error>],
    sources: &HashMap<String, String>,
    threads: usize,
    progress: &Progress,
) -> Vec<SearchResults> {
    outputs
        .iter()
        .enumerate()
        .map(|(cell, output)| match output {
            Ok(CellOutput::Tune(plan)) => Some(search(
                notebook,
                cell,
                plan.candidates,
                threads,
                sources,
                progress,
            )),
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

fn search(
    notebook: &Notebook,
    cell: usize,
    candidates: usize,
    threads: usize,
    sources: &HashMap<String, String>,
    progress: &Progress,
) -> Result<Vec<CandidateResult>, Error> {
    let started = Instant::now();
    let clock = move || started.elapsed().as_secs_f64() * 1000.0;
    let threads = threads.clamp(1, candidates.max(1));
    let shares: Vec<Vec<usize>> = (0..threads)
        .map(|t| (t..candidates).step_by(threads).collect())
        .collect();
    let parts = Mutex::new(vec![0.0; shares.len()]);
    let done: Vec<Result<Vec<CandidateResult>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .iter()
            .enumerate()
            .map(|(part, share)| {
                let parts = &parts;
                scope.spawn(move || {
                    run_candidates(notebook, cell, share, None, sources, &clock, &mut |f| {
                        progress.report_part("cli-progress-search", cell, parts, part, f)
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(Error::EmptyInput)))
            .collect()
    });
    let mut results: Vec<Option<CandidateResult>> = vec![None; candidates];
    for (share, outcome) in shares.iter().zip(done) {
        for (&i, result) in share.iter().zip(outcome?) {
            results[i] = Some(result);
        }
    }
    Ok(results.into_iter().flatten().collect())
}
