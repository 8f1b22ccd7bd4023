//! The notebook's long work shared over the machine's cores ([`deal`]): a random forest's trees
//! grown in parts, one per thread, and joined in order (each tree draws from its own stream of the
//! forest's seed, so the forest is the one a single thread grows); and, while it runs, how far
//! it has got, on standard error when that is a terminal.
//!
//! Plain scoped threads, not a pool such as rayon: the work comes in as many equal parts as
//! there are threads, each long, so there is nothing for a pool's work stealing to balance, and
//! the browser shares it out the same way among its workers.

use latih_engine::notebook::{
    evaluate_with, shareable_forests, tree_shares, CellOutput, ForestRows, GrownForest, Notebook,
    Prefitted, RunEvent,
};
use latih_engine::Error;
use latih_i18n::Lang;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The threads asked for, or one per core.
pub fn threads(asked: Option<usize>) -> usize {
    asked
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1)
}

/// What to run and on how many threads.
pub struct Runner<'a> {
    pub notebook: &'a Notebook,
    pub sources: &'a HashMap<String, String>,
    pub threads: usize,
    pub progress: &'a Progress,
}

/// The notebook run with its forests grown on the runner's threads first: the same outputs as
/// [`latih_engine::notebook::evaluate`].
pub fn evaluate_on(runner: &Runner) -> Vec<Result<CellOutput, Error>> {
    let mut prefitted = Prefitted::new();
    if runner.threads > 1 {
        for (cell, trees) in shareable_forests(runner.notebook) {
            // A forest that cannot grow here is grown again by the run, which says why.
            if let Some(forest) = grow_forest(runner, cell, trees) {
                prefitted.insert(cell, forest);
            }
        }
    }
    evaluate_with(runner.notebook, runner.sources, prefitted, &mut |event| {
        if let RunEvent::Progress(fraction) = event {
            runner.progress.report("cli-progress-run", None, fraction);
        }
    })
}

/// The forest of the train cell `cell`, its trees grown in consecutive parts, one per thread,
/// and joined in order.
fn grow_forest(runner: &Runner, cell: usize, trees: u32) -> Option<GrownForest> {
    let ranges = tree_shares(trees, runner.threads);
    // One encoded copy of the training rows for every thread.
    let rows = ForestRows::of(runner.notebook, cell, runner.sources).ok()?;
    let parts = deal(
        runner,
        cell,
        ranges.len(),
        "cli-progress-forest",
        |share, progress| {
            share
                .iter()
                .map(|&part| rows.grow(ranges[part].clone(), progress))
                .collect()
        },
    );
    GrownForest::merge(parts.ok()?)
}

/// Jobs `0..count` of cell `cell` dealt out round-robin to the runner's threads, each share run
/// by `job`, and the results put back in the jobs' order.
pub fn deal<T: Send>(
    runner: &Runner,
    cell: usize,
    count: usize,
    progress_key: &str,
    job: impl Fn(&[usize], &mut dyn FnMut(f64)) -> Result<Vec<T>, Error> + Sync,
) -> Result<Vec<T>, Error> {
    let threads = runner.threads.clamp(1, count.max(1));
    let shares: Vec<Vec<usize>> = (0..threads)
        .map(|t| (t..count).step_by(threads).collect())
        .collect();
    let parts = Mutex::new(vec![0.0; shares.len()]);
    let done: Vec<Result<Vec<T>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .iter()
            .enumerate()
            .map(|(part, share)| {
                let (parts, job) = (&parts, &job);
                scope.spawn(move || {
                    job(share, &mut |f| {
                        runner
                            .progress
                            .report_part(progress_key, cell, parts, part, f)
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            // A thread's panic is the engine's bug: raised again, not passed off as an error.
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut results: Vec<Option<T>> = (0..count).map(|_| None).collect();
    for (share, outcome) in shares.iter().zip(done) {
        for (&i, result) in share.iter().zip(outcome?) {
            results[i] = Some(result);
        }
    }
    Ok(results.into_iter().flatten().collect())
}

/// How far a long run has got, said on standard error once it has taken a while (and at most
/// once a second), only where a person watches it: a terminal, not a file or a pipe.
pub struct Progress {
    lang: Lang,
    shown: bool,
    started: Instant,
    last: Mutex<Option<Instant>>,
}

/// A run shorter than this says nothing of its progress.
const QUIET_FOR: Duration = Duration::from_secs(2);
const EVERY: Duration = Duration::from_secs(1);

impl Progress {
    pub fn new(lang: Lang) -> Self {
        Progress {
            lang,
            shown: std::io::stderr().is_terminal(),
            started: Instant::now(),
            last: Mutex::new(None),
        }
    }

    /// `fraction` (0 to 1) of the work `key` names done (of cell `cell`, counted from one).
    pub fn report(&self, key: &str, cell: Option<usize>, fraction: f64) {
        if !self.shown || self.started.elapsed() < QUIET_FOR {
            return;
        }
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.is_some_and(|at| at.elapsed() < EVERY) && fraction < 1.0 {
            return;
        }
        *last = Some(Instant::now());
        let line = latih_i18n::tf(
            self.lang,
            key,
            &[
                (
                    "cell",
                    cell.map_or_else(String::new, |c| (c + 1).to_string()),
                ),
                (
                    "percent",
                    latih_i18n::format_percent(self.lang, fraction.clamp(0.0, 1.0), 0),
                ),
            ],
        );
        let _ = write!(std::io::stderr(), "\rlatih: {line}\x1b[K");
    }

    /// Part `part` of work shared among threads is `fraction` done: the work's share done is
    /// the parts' mean.
    pub fn report_part(
        &self,
        key: &str,
        cell: usize,
        parts: &Mutex<Vec<f64>>,
        part: usize,
        fraction: f64,
    ) {
        let done = match parts.lock() {
            Ok(mut parts) => {
                parts[part] = fraction;
                parts.iter().sum::<f64>() / parts.len() as f64
            }
            Err(_) => return,
        };
        self.report(key, Some(cell), done);
    }
}

/// The line of progress, if one was shown, is cleared however the run ends (an error printed
/// after it starts a line of its own).
impl Drop for Progress {
    fn drop(&mut self) {
        if self.last.lock().is_ok_and(|last| last.is_some()) {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
