//! The notebook's SQL cells, run before the notebook: each query goes to the SQL worker (see
//! [`crate::jobs::sql_pool`]) with the tables it names, and its result becomes a data set of the
//! notebook (`sql:<name>`) that data set cells can pick and later queries can read. A query runs
//! again when its text changes or a table it reads is replaced.

use super::NotebookState;
use crate::jobs::{JobEvent, JobFailure};
use crate::maps::Map;
use latih_engine::datasets::query_result_name;
use latih_engine::jobs::{Job, JobId, JobResult};
use latih_engine::notebook::{tables_for, Cell};
use latih_engine::Error;
use leptos::prelude::*;

/// Where a SQL cell's query stands; its result, once there, is in the notebook's data.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryStatus {
    Running,
    Done,
    /// The query did not run: its error, or why the SQL worker stopped.
    Failed(Result<Error, String>),
}

/// The last run of one SQL cell's query: what it ran on, and how it went.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryRun {
    pub query: String,
    /// The tables it read, with the version of each (see [`DataVersions`]).
    inputs: Vec<(String, u64)>,
    pub status: QueryStatus,
    /// The SQL worker's job, to stop when the query changes before it ends (a query can take
    /// long, and the notebook waits for it).
    job: JobId,
}

/// A number per data set that changes whenever its text is replaced: a query re-runs when the
/// version of a table it reads changes, without comparing texts of many megabytes.
#[derive(Default)]
pub struct DataVersions {
    current: Map<String, u64>,
    /// What the SQL worker holds, by the same numbers: each text is sent to it once.
    sent: Map<String, u64>,
    next: u64,
}

impl DataVersions {
    pub(super) fn bump(&mut self, id: &str) {
        self.next += 1;
        self.current.insert(id.to_string(), self.next);
    }

    /// The version of the text put last for `id`.
    pub(super) fn current(&self, id: &str) -> Option<u64> {
        self.current.get(id).copied()
    }

    pub(super) fn forget(&mut self, id: &str) {
        self.current.remove(id);
        self.sent.remove(id);
    }
}

impl NotebookState {
    /// Starts the queries whose text or tables changed since they last ran (reactive on the
    /// document and the data). Tables that are shipped data sets and not loaded yet are fetched
    /// by the page ([`NotebookState::missing_datasets`]); their queries wait for them.
    pub fn run_changed_queries(self) {
        let cells: Vec<(String, String)> = self.doc.with(|nb| {
            nb.cells
                .iter()
                .filter_map(|c| match c {
                    Cell::Sql(sql) => Some((sql.name.clone(), sql.query.clone())),
                    _ => None,
                })
                .collect()
        });
        self.forget_queries_of_gone_cells(&cells);
        for (name, query) in cells {
            let result_id = latih_engine::datasets::query_result_id(&name);
            let tables = self.csv.with(|data| {
                let loaded = data
                    .keys()
                    .map(String::as_str)
                    .filter(|id| *id != result_id);
                tables_for(&query, loaded)
            });
            if !self
                .csv
                .with(|data| tables.iter().all(|t| data.contains_key(t)))
            {
                continue;
            }
            let inputs: Vec<(String, u64)> = self.versions.with_value(|v| {
                let version = |id: &String| v.current.get(id).copied().unwrap_or_default();
                tables.iter().map(|id| (id.clone(), version(id))).collect()
            });
            let unchanged = self.queries.with_untracked(|runs| {
                runs.get(&name)
                    .is_some_and(|run| run.query == query && run.inputs == inputs)
            });
            if unchanged {
                continue;
            }
            let overtaken = self.queries.with_untracked(|runs| {
                runs.get(&name)
                    .filter(|run| run.status == QueryStatus::Running)
                    .map(|run| run.job)
            });
            if let Some(job) = overtaken {
                self.sql_runner.with_value(|runner| runner.cancel(job));
            }
            self.send_tables(&inputs);
            let run = QueryRun {
                query: query.clone(),
                inputs,
                status: QueryStatus::Running,
                job: 0,
            };
            self.queries.update(|runs| {
                runs.insert(name.clone(), run.clone());
            });
            let on_event = {
                let name = name.clone();
                Box::new(move |event| self.on_query_event(&name, &run, event))
            };
            let job = self
                .sql_runner
                .with_value(|runner| runner.run(Job::Query { sql: query }, on_event));
            self.queries.update_untracked(|runs| {
                if let Some(run) = runs.get_mut(&name) {
                    run.job = job;
                }
            });
        }
    }

    /// Gives the SQL worker the tables it does not have in their current version.
    fn send_tables(self, inputs: &[(String, u64)]) {
        for (id, version) in inputs {
            let stale = self
                .versions
                .with_value(|v| v.sent.get(id) != Some(version));
            if !stale {
                continue;
            }
            self.csv.with_untracked(|data| {
                if let Some(text) = data.get(id) {
                    self.sql_runner.with_value(|r| r.put_data(id, text));
                }
            });
            self.versions.update_value(|v| {
                v.sent.insert(id.clone(), *version);
            });
        }
    }

    fn on_query_event(self, name: &str, run: &QueryRun, event: JobEvent) {
        let status = match event {
            JobEvent::Done(JobResult::Queried(Ok(csv))) => {
                if self.is_current(name, run) {
                    self.add_data(latih_engine::datasets::query_result_id(name), csv);
                }
                QueryStatus::Done
            }
            JobEvent::Done(JobResult::Queried(Err(error))) => QueryStatus::Failed(Ok(error)),
            JobEvent::Failed(JobFailure::Crashed(reason) | JobFailure::NotStarted(reason)) => {
                QueryStatus::Failed(Err(reason))
            }
            _ => return,
        };
        // A run overtaken by a newer one (the query was edited meanwhile) reports nothing.
        if self.is_current(name, run) {
            // A failed query has no result: an earlier one must not pass for it.
            if matches!(status, QueryStatus::Failed(_)) {
                self.remove_data(&latih_engine::datasets::query_result_id(name));
            }
            self.queries.update(|runs| {
                if let Some(current) = runs.get_mut(name) {
                    current.status = status;
                }
            });
        }
    }

    /// Stops and forgets the queries of SQL cells removed or renamed (`cells` are the SQL
    /// cells as they are), with their results: the data set picker no longer offers them.
    fn forget_queries_of_gone_cells(self, cells: &[(String, String)]) {
        let gone: Vec<(String, QueryRun)> = self.queries.with_untracked(|runs| {
            runs.iter()
                .filter(|(name, _)| !cells.iter().any(|(cell, _)| cell == *name))
                .map(|(name, run)| (name.clone(), run.clone()))
                .collect()
        });
        for (name, run) in gone {
            if run.status == QueryStatus::Running {
                self.sql_runner.with_value(|runner| runner.cancel(run.job));
            }
            self.queries.update(|runs| {
                runs.remove(&name);
            });
            self.remove_data(&latih_engine::datasets::query_result_id(&name));
        }
    }

    fn is_current(self, name: &str, run: &QueryRun) -> bool {
        self.queries.with_untracked(|runs| {
            runs.get(name)
                .is_some_and(|r| r.query == run.query && r.inputs == run.inputs)
        })
    }

    /// How the query of the SQL cell named `name`, as it reads now, stands (reactive).
    pub fn query_status(self, name: &str, query: &str) -> Option<QueryStatus> {
        self.queries.with(|runs| {
            runs.get(name)
                .filter(|run| run.query == query)
                .map(|run| run.status.clone())
        })
    }

    /// Whether a query whose result a data set cell reads is running: the notebook waits for
    /// it (and for no other, so a slow query elsewhere holds nothing up).
    pub fn awaited_queries_running(self) -> bool {
        let read: Vec<String> = self.doc.with(|nb| {
            nb.cells
                .iter()
                .filter_map(|c| match c {
                    Cell::Dataset(d) => query_result_name(&d.dataset).map(str::to_string),
                    _ => None,
                })
                .collect()
        });
        self.queries.with(|runs| {
            read.iter().any(|name| {
                runs.get(name)
                    .is_some_and(|run| run.status == QueryStatus::Running)
            })
        })
    }
}
