//! The notebook as reactive state: the document, the CSV text of the data sets it uses, and its
//! outputs. Whenever the document or its data change, the whole notebook runs again in a Web
//! Worker ([`crate::jobs`]); the outputs shown stay those of the last finished run until then.

use super::exports::Exports;
use super::queries::{DataVersions, QueryRun};
use super::run::RunBook;
use super::search::{BatchKey, SearchRun, Searches};
use crate::jobs::{sql_pool, worker_pool, JobFailure, SharedJobs};
use crate::maps::Map;
use latih_engine::notebook::budget::Estimate;
use latih_engine::notebook::{
    tables_for, BoundaryCell, Cell, CellOutput, ClustersCell, DatasetCell, ExploreCell, NoteCell,
    Notebook, PredictCell, SplitCell, SqlCell, StepsCell, TrainCell, TuneCell,
};
use latih_engine::Error;
use leptos::prelude::*;
use std::time::Duration;

pub type Outputs = Vec<Result<CellOutput, Error>>;

/// Where the notebook's run stands.
#[derive(Debug, Clone, PartialEq)]
pub enum RunStatus {
    /// The outputs belong to the document as it is (or nothing has run yet).
    Idle,
    /// A run is under way: `fraction` done, started at `started_ms` (`performance.now()`).
    Running { fraction: f64, started_ms: f64 },
    /// The learner stopped the run; the document went back to the run before it.
    Cancelled,
    /// A worker failed, on cell `cell` when that is known; the outputs are from the run before.
    Failed {
        failure: JobFailure,
        cell: Option<usize>,
    },
    /// The run would compute this much, more than runs without asking: it waits for the
    /// learner's yes (a link can ask for hours of training in a few kilobytes).
    Expensive(Estimate),
}

#[derive(Clone, Copy)]
pub struct NotebookState {
    pub doc: RwSignal<Notebook>,
    /// CSV text by data set id, filled as downloads finish (see [`add_data`](Self::add_data)).
    pub csv: RwSignal<Map<String, String>>,
    /// One output per cell, from the last finished run; empty until the first.
    pub outputs: RwSignal<Outputs>,
    pub status: RwSignal<RunStatus>,
    /// Bumped when cells are added, removed or replaced: the cell views are rebuilt, since each
    /// form starts from its cell's values.
    pub layout: RwSignal<u32>,
    /// The tune cells' searches, by cell (see [`super::search`]).
    pub searches: RwSignal<Map<BatchKey, SearchRun>>,
    /// Whether the notebook runs as it is edited (the default) or when the learner asks; the
    /// choice is remembered in this browser.
    pub auto_run: RwSignal<bool>,
    /// The fingerprints of the learner's files a shared link asked for (by data set id): a file
    /// given for one of them must be the same file.
    pub expected_files: RwSignal<Map<String, String>>,
    /// Teacher mode: cells can be locked for the learners a link is shared with.
    pub teaching: RwSignal<bool>,
    /// Cells whose contents are hidden (by index); a view setting, not part of the notebook.
    pub collapsed: RwSignal<Map<usize, ()>>,
    /// The notebook in Python and as a link, kept current by
    /// [`super::exports::keep_exports_current`].
    pub exports: RwSignal<Exports>,
    /// The SQL cells' last runs, by cell name (see [`super::queries`]).
    pub queries: RwSignal<Map<String, QueryRun>>,
    pub(super) versions: StoredValue<DataVersions, LocalStorage>,
    pub(super) sql_runner: StoredValue<SharedJobs, LocalStorage>,
    pub(super) search_jobs: StoredValue<Searches, LocalStorage>,
    pub(super) runner: StoredValue<SharedJobs, LocalStorage>,
    pub(super) run: StoredValue<RunBook, LocalStorage>,
    /// The run waiting for the learner to pause typing.
    pending_run: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// How much work the learner agreed to run (see [`RunStatus::Expensive`]).
    pub(super) agreed_work: StoredValue<f64, LocalStorage>,
}

/// How long a run waits after a change, so that typing "100" runs once, not three times.
const PAUSE_BEFORE_RUN: Duration = Duration::from_millis(300);

impl NotebookState {
    /// A notebook whose runs go to the app's worker pool.
    pub fn new(notebook: Notebook) -> Self {
        Self::with_runner(notebook, worker_pool())
    }

    pub fn with_runner(notebook: Notebook, runner: SharedJobs) -> Self {
        let state = Self {
            doc: RwSignal::new(notebook),
            csv: RwSignal::new(Map::new()),
            outputs: RwSignal::new(Vec::new()),
            status: RwSignal::new(RunStatus::Idle),
            layout: RwSignal::new(0),
            searches: RwSignal::new(Map::new()),
            auto_run: RwSignal::new(super::storage::runs_automatically()),
            expected_files: RwSignal::new(Map::new()),
            teaching: RwSignal::new(false),
            collapsed: RwSignal::new(Map::new()),
            exports: RwSignal::new(Exports::Pending),
            queries: RwSignal::new(Map::new()),
            versions: StoredValue::new_local(DataVersions::default()),
            sql_runner: StoredValue::new_local(sql_pool()),
            search_jobs: StoredValue::new_local(Searches::default()),
            runner: StoredValue::new_local(runner),
            run: StoredValue::new_local(RunBook::default()),
            pending_run: StoredValue::new_local(None),
            agreed_work: StoredValue::new_local(0.0),
        };
        // Run whenever the document or its data change and everything it needs is loaded;
        // when the learner runs it by hand, only once, to show the notebook as it opened.
        Effect::new(move |_| {
            let first = state.run.with_value(|run| run.evaluated.is_none());
            if (state.auto_run.get() || first) && state.can_run() {
                if first {
                    state.start_run();
                } else {
                    state.start_run_after_a_pause();
                }
            }
        });
        Effect::new(move |_| state.run_changed_queries());
        state
    }

    /// Runs the notebook once no change has come for a moment.
    fn start_run_after_a_pause(self) {
        let handle = set_timeout_with_handle(
            move || {
                self.pending_run.set_value(None);
                if self.can_run() {
                    self.start_run();
                }
            },
            PAUSE_BEFORE_RUN,
        )
        .ok();
        if let Some(Some(before)) = self
            .pending_run
            .try_update_value(|p| std::mem::replace(p, handle))
        {
            before.clear();
        }
    }

    /// Whether the outputs are behind the document and every data set it needs is loaded
    /// (reactive on the document and the data, not on the outputs).
    pub fn can_run(self) -> bool {
        let ready = self.doc.with(|nb| {
            self.csv.with(|data| {
                nb.cells.iter().all(|cell| match cell {
                    Cell::Dataset(d) => data.contains_key(&d.dataset) || !is_shipped(&d.dataset),
                    _ => true,
                })
            })
        }) && !self.awaited_queries_running();
        let current = self.run.with_value(|run| {
            self.doc
                .with_untracked(|nb| run.evaluated.as_ref().map(|ev| &ev.cells) == Some(&nb.cells))
        });
        ready && !current
    }

    /// Gives a downloaded data set to the notebook and to the workers.
    pub fn add_data(self, id: String, text: String) {
        self.runner.with_value(|runner| runner.put_data(&id, &text));
        self.versions.update_value(|v| v.bump(&id));
        self.rerun_if_used(&id);
        self.csv.update(|data| {
            data.insert(id, text);
        });
    }

    /// Takes a data set away from the notebook and its workers (the result of a query that
    /// failed, or whose cell is gone): the cells that read it say it is missing.
    pub fn remove_data(self, id: &str) {
        if !self.csv.with_untracked(|data| data.contains_key(id)) {
            return;
        }
        self.runner.with_value(|runner| runner.forget_data(id));
        self.sql_runner.with_value(|runner| runner.forget_data(id));
        self.versions.update_value(|v| v.forget(id));
        self.rerun_if_used(id);
        self.csv.update(|data| {
            data.remove(id);
        });
    }

    /// Other data under a name the notebook uses (a file given again, as a shared link asks, or
    /// a query's result gone) changes the results without changing the document: run again.
    fn rerun_if_used(self, id: &str) {
        let used = self.doc.with_untracked(|nb| {
            nb.cells.iter().any(|c| match c {
                Cell::Dataset(d) => d.dataset == id,
                Cell::Sql(sql) => sql.result_id() == id,
                Cell::Predict(p) => p.batch.as_deref() == Some(id),
                _ => false,
            })
        });
        if used {
            self.run.update_value(|run| run.evaluated = None);
        }
    }

    /// The files a shared link brought: small ones arrive with it (and are kept where storage
    /// has room); larger ones are asked for, and checked against their fingerprints when given.
    pub fn open_shared_files(self, shared: latih_engine::jobs::OpenedLink) {
        for (id, text) in shared.data {
            super::storage::keep_user_data(&id, &text, super::storage::Keeper::Link);
            self.add_data(id, text);
        }
        self.expected_files
            .set(shared.fingerprints.into_iter().collect());
    }

    pub(super) fn runner(self) -> StoredValue<SharedJobs, LocalStorage> {
        self.runner
    }

    /// Runs `job` on the workers that hold this notebook's data.
    pub fn run_job(
        self,
        job: latih_engine::jobs::Job,
        on_event: Box<dyn FnMut(crate::jobs::JobEvent)>,
    ) {
        self.runner.get_value().run(job, on_event);
    }

    /// Replaces the whole notebook and rebuilds the cell views.
    pub fn replace(self, notebook: Notebook) {
        self.forget_searches();
        self.collapsed.update(Map::clear);
        self.doc.set(notebook);
        self.layout.update(|n| *n = n.wrapping_add(1));
    }

    /// Changes the list of cells (adding or removing some) and rebuilds the cell views.
    pub fn restructure(self, change: impl FnOnce(&mut Notebook)) {
        self.forget_searches();
        self.collapsed.update(Map::clear);
        self.doc.update(change);
        self.layout.update(|n| *n = n.wrapping_add(1));
    }

    /// Moves cell `index` one place up or down, keeping it collapsed or not as it was.
    pub fn move_cell(self, index: usize, up: bool) {
        let mut moved = None;
        self.forget_searches();
        self.doc.update(|nb| {
            if nb.move_cell(index, up) {
                moved = Some(if up { index - 1 } else { index + 1 });
            }
        });
        if let Some(other) = moved {
            self.collapsed.update(|set| {
                let (a, b) = (set.remove(&index), set.remove(&other));
                if a.is_some() {
                    set.insert(other, ());
                }
                if b.is_some() {
                    set.insert(index, ());
                }
            });
            self.layout.update(|n| *n = n.wrapping_add(1));
        }
    }

    /// Whether a learner finds cell `index` locked: it is, and this is not teacher mode.
    pub fn held(self, index: usize) -> bool {
        !self.teaching.get() && self.doc.with(|nb| nb.is_locked(index))
    }

    pub fn toggle_collapsed(self, index: usize) {
        self.collapsed.update(|set| {
            if set.remove(&index).is_none() {
                set.insert(index, ());
            }
        });
    }

    /// The output of cell `index` from the last run, if it has run as the kind of cell it is now.
    pub fn output(self, index: usize) -> Option<Result<CellOutput, Error>> {
        // The run book is not reactive; the outputs change with it, so track them first.
        self.outputs.track();
        let same_kind = self.doc.with(|nb| {
            self.run.with_value(|run| {
                let kind_then = run.evaluated.as_ref().and_then(|ev| ev.cells.get(index));
                let kind_now = nb.cells.get(index);
                kind_then.map(std::mem::discriminant) == kind_now.map(std::mem::discriminant)
            })
        });
        if !same_kind {
            return None;
        }
        self.outputs.with(|o| o.get(index).cloned())
    }

    /// Whether cell `index`'s output is out of date: it, or a cell above it (each cell depends on
    /// all above it), changed since the run that computed the output.
    pub fn is_stale(self, index: usize) -> bool {
        self.outputs.track();
        self.doc.with(|nb| {
            self.run.with_value(|run| {
                run.evaluated
                    .as_ref()
                    .is_some_and(|ev| ev.cells.get(..=index) != nb.cells.get(..=index))
            })
        })
    }

    /// Cell `index` as the kind `C`, if it is one (reactive).
    pub fn cell<C: CellKindOf>(self, index: usize) -> Option<C> {
        self.doc
            .with(|nb| nb.cells.get(index).and_then(C::of).cloned())
    }

    /// Cell `index` as the kind `C`, without subscribing: for a form's first values.
    pub fn cell_untracked<C: CellKindOf>(self, index: usize) -> Option<C> {
        self.doc
            .with_untracked(|nb| nb.cells.get(index).and_then(C::of).cloned())
    }

    /// Changes cell `index` in place if it is a `C`; the outputs recompute.
    pub fn edit<C: CellKindOf>(self, index: usize, change: impl FnOnce(&mut C)) {
        self.doc.update(|nb| {
            if let Some(cell) = nb.cells.get_mut(index).and_then(C::of_mut) {
                change(cell);
            }
        });
    }

    /// Whether the data set cell above cell `index` has a number to predict (a regression), as
    /// its last run found; `None` before it has run or when it failed (reactive).
    pub fn predicts_numbers_above(self, index: usize) -> Option<bool> {
        let dataset = self.doc.with(|nb| {
            let above = nb.cells.get(..index)?;
            above.iter().rposition(|c| matches!(c, Cell::Dataset(_)))
        })?;
        match self.output(dataset)? {
            Ok(CellOutput::Dataset(out)) => Some(out.numeric_target.is_some()),
            _ => None,
        }
    }

    /// The data set ids the notebook needs that are not loaded yet.
    /// Whether the outputs are those of the document as it is now (reactive).
    pub fn outputs_are_current(self) -> bool {
        let idle = self.status.with(|status| *status == RunStatus::Idle);
        idle && self.doc.with(|doc| {
            self.run
                .with_value(|run| run.evaluated.as_ref() == Some(doc))
        })
    }

    pub fn missing_datasets(self) -> Vec<String> {
        self.doc.with(|nb| {
            self.csv.with(|data| {
                let mut missing: Vec<String> = Vec::new();
                for cell in &nb.cells {
                    let needs = match cell {
                        Cell::Dataset(d) => vec![d.dataset.clone()],
                        // The shipped data sets a query names (only those are looked for).
                        Cell::Sql(sql) => tables_for(&sql.query, []),
                        _ => Vec::new(),
                    };
                    for id in needs {
                        if !data.contains_key(&id) && is_shipped(&id) && !missing.contains(&id) {
                            missing.push(id);
                        }
                    }
                }
                missing
            })
        })
    }
}

/// The app's one notebook, kept for the life of the app so that a run goes on (and its results
/// are there) while the learner visits other pages.
#[derive(Clone)]
pub struct NotebookSession {
    /// The app's owner: the notebook's signals and effects must outlive the notebook page.
    owner: Owner,
    state: StoredValue<Option<NotebookState>>,
    /// The lessons opened, by slug: each lesson's notebook as it starts, and the learner's.
    lessons: StoredValue<Vec<(String, LessonNotebooks)>>,
}

/// A lesson's two notebooks: as it starts (whose outputs its questions ask about), and the
/// learner's attempt.
#[derive(Clone, Copy)]
pub struct LessonNotebooks {
    pub start: NotebookState,
    pub attempt: NotebookState,
}

impl NotebookSession {
    /// Makes the session available to the pages; call once, in the app's root.
    pub fn provide() {
        let Some(owner) = Owner::current() else {
            return;
        };
        provide_context(Self {
            owner,
            state: StoredValue::new(None),
            lessons: StoredValue::new(Vec::new()),
        });
    }

    /// Lesson `slug`'s notebooks: kept from an earlier visit (holding `attempt`), else new. Like
    /// the notebook, they outlive the page, so a run in flight ends in a live notebook.
    pub fn open_lesson(slug: &str, start: Notebook, attempt: Notebook) -> LessonNotebooks {
        let fresh = |start, attempt| LessonNotebooks {
            start: NotebookState::new(start),
            attempt: NotebookState::new(attempt),
        };
        let Some(session) = use_context::<Self>() else {
            return fresh(start, attempt);
        };
        let kept = session
            .lessons
            .with_value(|lessons| lessons.iter().find(|(s, _)| s == slug).map(|(_, n)| *n));
        if let Some(notebooks) = kept {
            if notebooks.attempt.doc.with_untracked(|nb| nb != &attempt) {
                notebooks.attempt.replace(attempt);
            }
            return notebooks;
        }
        let notebooks = session.owner.with(|| fresh(start, attempt));
        session
            .lessons
            .update_value(|lessons| lessons.push((slug.to_string(), notebooks)));
        notebooks
    }

    /// The notebook, now holding `notebook`: the running one if there is one (a page visit
    /// that finds the same document keeps its outputs and its run), else a new one.
    pub fn open(notebook: Notebook) -> NotebookState {
        let Some(session) = use_context::<Self>() else {
            return NotebookState::new(notebook);
        };
        if let Some(state) = session.state.get_value() {
            if state.doc.with_untracked(|nb| nb != &notebook) {
                state.replace(notebook);
            }
            return state;
        }
        let state = session.owner.with(|| NotebookState::new(notebook));
        // The learner's own file from an earlier visit, if it was kept.
        for (id, text) in super::storage::kept_user_data() {
            state.add_data(id, text);
        }
        session.state.set_value(Some(state));
        state
    }
}

/// The content of one kind of cell, reachable from a [`Cell`].
pub trait CellKindOf: Clone + Send + Sync + 'static {
    fn of(cell: &Cell) -> Option<&Self>;
    fn of_mut(cell: &mut Cell) -> Option<&mut Self>;
}

macro_rules! cell_kind_of {
    ($variant:ident, $content:ty) => {
        impl CellKindOf for $content {
            fn of(cell: &Cell) -> Option<&Self> {
                match cell {
                    Cell::$variant(c) => Some(c),
                    _ => None,
                }
            }
            fn of_mut(cell: &mut Cell) -> Option<&mut Self> {
                match cell {
                    Cell::$variant(c) => Some(c),
                    _ => None,
                }
            }
        }
    };
}

cell_kind_of!(Dataset, DatasetCell);
cell_kind_of!(Split, SplitCell);
cell_kind_of!(Train, TrainCell);
cell_kind_of!(Tune, TuneCell);
cell_kind_of!(Note, NoteCell);
cell_kind_of!(Steps, StepsCell);
cell_kind_of!(Sql, SqlCell);
cell_kind_of!(Explore, ExploreCell);
cell_kind_of!(Clusters, ClustersCell);
cell_kind_of!(Predict, PredictCell);
cell_kind_of!(Boundary, BoundaryCell);

/// Only shipped data sets are fetched; any other name is reported by the engine as unknown.
pub fn is_shipped(id: &str) -> bool {
    latih_engine::datasets::find(id).is_some()
}
