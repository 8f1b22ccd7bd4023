//! Planning a notebook run over a pool of workers, and gathering its jobs' answers: all of
//! running that needs no browser, so that it is tested natively. The app's pool only sends the
//! jobs planned here and hands their events back.
//!
//! With more than one worker, each random forest's trees are shared out, one job per share;
//! one job then evaluates the notebook with the joined forests. A forest whose train cell (and
//! every cell and data set it learns from) is unchanged since the last run is not grown again:
//! the parts that run grew are passed on as they are.

use super::{ForestPart, JobResult};
use crate::notebook::{shareable_forests, tree_shares, work_weight, Cell, Notebook};
use std::ops::Range;

/// What a forest is grown from: the cells it learns from (data set, split, steps and its own
/// train cell), as the notebook's JSON writes them, with whether steps follow each data set and
/// the version of each data set they read. JSON, because the page writes it anyway (to save the
/// notebook): comparing texts costs the page no code of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestInputs {
    cells: String,
    data: Vec<(Option<u64>, bool)>,
}

impl ForestInputs {
    fn of(notebook: &Notebook, cell: usize, data_version: &dyn Fn(&str) -> Option<u64>) -> Self {
        let above = notebook.cells.iter().enumerate().take(cell + 1);
        let mut inputs = ForestInputs {
            cells: String::new(),
            data: Vec::new(),
        };
        for (index, c) in above {
            match c {
                Cell::Dataset(d) => {
                    inputs
                        .data
                        .push((data_version(&d.dataset), notebook.steps_follow(index)));
                }
                Cell::Split(_) | Cell::Steps(_) | Cell::Train(_) => {}
                _ => continue,
            }
            inputs
                .cells
                .push_str(&serde_json::to_string(c).unwrap_or_default());
        }
        inputs
    }
}

/// A forest grown by a run: its train cell, what it was grown from, and the parts that grew it.
#[derive(Debug, Clone, PartialEq)]
pub struct GrownForestParts {
    pub cell: usize,
    inputs: ForestInputs,
    pub parts: Vec<ForestPart>,
}

/// What a run sends to the workers before it evaluates the notebook.
#[derive(Debug, Clone, PartialEq)]
pub struct RunPlan {
    /// Shares of forests to grow, one job each: the train cell and its trees.
    pub shares: Vec<(usize, Range<u32>)>,
    /// Forests the run before grew from the same inputs, passed on as they are.
    pub kept: Vec<GrownForestParts>,
    /// Each forest's inputs this run, by train cell.
    inputs: Vec<(usize, ForestInputs)>,
    /// The share of the run's work that growing is, by the cells' weights.
    growing_weight: f64,
}

/// Plans a run of `notebook` over `workers` workers, given the forests the run before grew and
/// each data set's version. A forest is kept when a forest of the run before had the same inputs
/// (same cells above, same data), wherever its cell now is.
pub fn plan_run(
    notebook: &Notebook,
    workers: usize,
    before: &[GrownForestParts],
    data_version: &dyn Fn(&str) -> Option<u64>,
) -> RunPlan {
    let mut plan = RunPlan {
        shares: Vec::new(),
        kept: Vec::new(),
        inputs: Vec::new(),
        growing_weight: 0.0,
    };
    if workers < 2 {
        return plan;
    }
    let mut growing = 0.0;
    for (cell, trees) in shareable_forests(notebook) {
        // The data's versions, as the app numbers each text it puts (a new file, a query's
        // new result), stand for the data.
        let inputs = ForestInputs::of(notebook, cell, data_version);
        // By inputs alone: a cell added or moved above the forest changes its place only.
        match before.iter().find(|g| g.inputs == inputs) {
            Some(grown) => plan.kept.push(GrownForestParts {
                cell,
                inputs: inputs.clone(),
                parts: grown
                    .parts
                    .iter()
                    .map(|part| ForestPart {
                        cell,
                        bytes: part.bytes.clone(),
                    })
                    .collect(),
            }),
            None => {
                growing += work_weight(&notebook.cells[cell]);
                plan.shares.extend(
                    tree_shares(trees, workers)
                        .into_iter()
                        .map(|share| (cell, share)),
                );
            }
        }
        plan.inputs.push((cell, inputs));
    }
    let total: f64 = notebook.cells.iter().map(work_weight).sum();
    plan.growing_weight = if total > 0.0 { growing / total } else { 0.0 };
    plan
}

/// What gathering a run's growing jobs says next.
#[derive(Debug, Clone, PartialEq)]
pub enum Gathered {
    /// Still growing; the run's fraction done.
    Growing(f64),
    /// Every share has answered: evaluate the notebook with `parts` (the fraction done so far).
    Evaluate { parts: Vec<ForestPart>, done: f64 },
    /// The job growing train cell `cell`'s trees failed (its worker crashed): the run stops.
    Failed { cell: usize },
}

/// The answers of a run's jobs, as they come.
#[derive(Debug, Clone, PartialEq)]
pub struct Gathering {
    plan: RunPlan,
    fractions: Vec<f64>,
    /// Per share: `None` until its job ends, then its part (`None` if it had none: the
    /// evaluation grows that forest itself).
    answers: Vec<Option<Option<ForestPart>>>,
}

impl Gathering {
    pub fn new(plan: RunPlan) -> Self {
        let shares = plan.shares.len();
        Self {
            plan,
            fractions: vec![0.0; shares],
            answers: vec![None; shares],
        }
    }

    pub fn shares(&self) -> &[(usize, Range<u32>)] {
        &self.plan.shares
    }

    /// Whether there is nothing to grow: the notebook can be evaluated at once.
    pub fn ready(&self) -> Option<Gathered> {
        self.plan.shares.is_empty().then(|| self.evaluate())
    }

    /// Share `share`'s job is `fraction` done.
    pub fn progress(&mut self, share: usize, fraction: f64) -> Gathered {
        if let Some(f) = self.fractions.get_mut(share) {
            *f = fraction.clamp(0.0, 1.0);
        }
        Gathered::Growing(self.growing_done())
    }

    /// Share `share`'s job has answered.
    pub fn done(&mut self, share: usize, result: JobResult) -> Gathered {
        if let Some(answer) = self.answers.get_mut(share) {
            *answer = Some(match result {
                JobResult::Grown(Ok(part)) => Some(part),
                _ => None,
            });
            self.fractions[share] = 1.0;
        }
        if self.answers.iter().all(Option::is_some) {
            self.evaluate()
        } else {
            Gathered::Growing(self.growing_done())
        }
    }

    /// Share `share`'s job failed: its worker crashed.
    pub fn failed(&self, share: usize) -> Gathered {
        Gathered::Failed {
            cell: self.plan.shares.get(share).map_or(0, |(cell, _)| *cell),
        }
    }

    /// The run's fraction done when the evaluation is `fraction` done.
    pub fn evaluating(&self, fraction: f64) -> f64 {
        let before = self.plan.growing_weight;
        before + (1.0 - before) * fraction
    }

    /// The forests this run used, to keep for the next: the ones kept, and the ones grown
    /// whose every share answered with a part.
    pub fn grown(&self) -> Vec<GrownForestParts> {
        let mut grown = self.plan.kept.clone();
        for (cell, inputs) in &self.plan.inputs {
            let cell = *cell;
            if grown.iter().any(|g| g.cell == cell) {
                continue;
            }
            let answers: Vec<&Option<Option<ForestPart>>> = self
                .plan
                .shares
                .iter()
                .zip(&self.answers)
                .filter(|((c, _), _)| *c == cell)
                .map(|(_, answer)| answer)
                .collect();
            let parts: Option<Vec<ForestPart>> =
                answers.into_iter().map(|a| a.clone().flatten()).collect();
            if let Some(parts) = parts.filter(|p| !p.is_empty()) {
                grown.push(GrownForestParts {
                    cell,
                    inputs: inputs.clone(),
                    parts,
                });
            }
        }
        grown
    }

    fn growing_done(&self) -> f64 {
        let n = self.fractions.len().max(1) as f64;
        self.plan.growing_weight * self.fractions.iter().sum::<f64>() / n
    }

    fn evaluate(&self) -> Gathered {
        let mut parts: Vec<ForestPart> = self
            .plan
            .kept
            .iter()
            .flat_map(|g| g.parts.iter().cloned())
            .collect();
        parts.extend(self.answers.iter().filter_map(|a| a.clone().flatten()));
        Gathered::Evaluate {
            parts,
            done: self.growing_done(),
        }
    }
}
