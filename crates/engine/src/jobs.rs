//! Jobs: the long work the web app hands to its Web Workers, as plain data.
//!
//! The messages are typed here, beside the engine that does the work, so the app (which sends
//! requests) and the worker (a thin shell around [`JobRunner`]) cannot disagree about them, and so
//! the whole protocol is tested natively. A worker first says [`Response::Ready`]; then it receives
//! data sets once ([`Request::PutData`]) and jobs that name them ([`Request::Run`]), and answers each
//! job with progress and one final result.

use crate::datasets::FetchFailure;
use crate::export::Exported;
use crate::notebook::budget::{self, DataShape, Estimate};
use crate::notebook::{
    evaluate_with, fingerprint, grow_trees, link, run_candidates, run_learning_point, CellOutput,
    DataSource, GrownForest, Notebook, Prefitted, RunCache, RunEvent,
};
use crate::tune::{CandidateResult, LearningPoint};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

pub mod batch;
pub mod plan;

/// Identifies one job from the request to its last response.
pub type JobId = u64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The CSV text of a data set, kept by the worker for the jobs that follow.
    PutData {
        name: String,
        text: String,
    },
    Run {
        id: JobId,
        job: Job,
    },
    /// Drops a data set put before: a query result that failed or whose cell is gone must not
    /// be read as data any more. (Last, so that the others keep their numbers on the wire.)
    ForgetData {
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Run every cell of a notebook, on the data sets put so far, using the forests whose trees
    /// other jobs grew (`grown`, in the order of their trees) for their train cells.
    Evaluate {
        #[serde(with = "as_json")]
        notebook: Notebook,
        grown: Vec<ForestPart>,
        /// The work the learner agreed to (see [`budget`]); more is not started.
        agreed_work: f64,
    },
    /// Grow trees `trees` of the random forest in the train cell at `cell`.
    GrowTrees {
        #[serde(with = "as_json")]
        notebook: Notebook,
        cell: usize,
        trees: Range<u32>,
        /// As for [`Job::Evaluate`].
        agreed_work: f64,
    },
    /// Cross-validate some candidates of the search in the tune cell at `cell`.
    Tune {
        #[serde(with = "as_json")]
        notebook: Notebook,
        cell: usize,
        candidates: Vec<usize>,
        /// Only these folds (indices), to share one candidate's folds out; all when `None`.
        folds: Option<Vec<usize>>,
    },
    /// One point (`size`, an index into the plan's sizes) of the learning curve of the model
    /// searched by the tune cell at `cell`.
    LearningCurve {
        #[serde(with = "as_json")]
        notebook: Notebook,
        cell: usize,
        size: usize,
    },
    /// The notebook in Python, its comments in the words given (catalog key → text), and its
    /// share link.
    Export {
        #[serde(with = "as_json")]
        notebook: Notebook,
        words: Vec<(String, String)>,
    },
    /// The notebook's last model as a file to take out of the page: it is fitted again here,
    /// on request (see [`ModelFile`]); `link` is the notebook's address, for the schema.
    ExportModel {
        #[serde(with = "as_json")]
        notebook: Notebook,
        file: ModelFile,
        link: String,
        /// The prediction page's words in both languages (empty for the other files).
        words: crate::export::PageWords,
        /// The learner's language ("id" or "en"), for the API bundle's README.
        lang: String,
    },
    /// The notebook as a GitHub project, zipped ([`crate::export::repository_of`]): `words`
    /// are the catalog's in the learner's language (the repository's and the Python export's
    /// keys), `page_words` both languages' for the prediction page.
    MakeRepository {
        #[serde(with = "as_json")]
        notebook: Notebook,
        options: Box<crate::export::RepositoryOptions>,
        words: Vec<(String, String)>,
        page_words: crate::export::PageWords,
    },
    /// What a shared link (the text after `#nb=`) carries, checked. Decoding (base64, inflate)
    /// happens here so that the page's first load carries none of it.
    OpenLink { link: String },
    /// A SQL cell's query over the data sets put so far, each under its table name
    /// ([`crate::datasets::table_name`]). Only a worker built with a SQL engine runs it (see
    /// [`JobRunner::with_sql`]).
    Query { sql: String },
    /// The data at a URL the learner agreed to fetch, read as a stream within
    /// [`crate::datasets::PAGE_FETCH_BYTES`] and [`crate::datasets::PAGE_FETCH_SECONDS`], and checked to be data
    /// ([`crate::datasets::fetched_data`]). The browser's worker runs it (it waits on the
    /// network, so the page's thread never holds the text while it comes, and the page's first
    /// load carries none of it); this runner has no network, and answers that nothing could be
    /// read.
    FetchData { url: String },
    /// A lesson attempt (as JSON) as the text of an `#attempt=` link: compressing happens here,
    /// so the page carries none of it.
    AttemptLink { attempt: String },
    /// What an `#attempt=` link carries, checked ([`crate::lessons::decode_attempt`]), as JSON.
    OpenAttempt { link: String },
    /// Markdown texts (a lesson's, placeholders marked: [`crate::lessons::marked_text`]) read
    /// as note cells are ([`crate::notebook::parse_note`]): the reader is not in the page.
    ReadMarkdown { texts: Vec<String> },
    /// A challenge's real competition entered: the competition's test file (`test_csv`)
    /// predicted by the notebook, as the competition's submission file (answered as
    /// [`JobResult::ModelExported`], the file's bytes; see
    /// [`crate::competition::kaggle_submission`]).
    KaggleSubmission {
        #[serde(with = "as_json")]
        notebook: Notebook,
        challenge: String,
        test_csv: String,
    },
}

/// A shared link's content on the wire: [`link::Shared`] with the notebook as JSON, which the
/// app reads anyway (its saved notebooks are JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedLink {
    #[serde(with = "as_json")]
    pub notebook: Notebook,
    pub data: Vec<(String, String)>,
    pub fingerprints: Vec<(String, String)>,
}

impl From<link::Shared> for OpenedLink {
    fn from(shared: link::Shared) -> Self {
        OpenedLink {
            notebook: shared.notebook,
            data: shared.data,
            fingerprints: shared.fingerprints,
        }
    }
}

/// Some trees of a train cell's forest, grown by one job. The app passes them on to the job that
/// evaluates the notebook without reading them: they stay bytes outside the workers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestPart {
    pub cell: usize,
    /// The postcard bytes of a [`GrownForest`] holding only these trees.
    pub bytes: Vec<u8>,
}

impl ForestPart {
    pub fn new(cell: usize, forest: &GrownForest) -> Self {
        Self {
            cell,
            // Plain data: serialising cannot fail.
            bytes: postcard::to_allocvec(forest).unwrap_or_default(),
        }
    }

    /// The parts' forests joined by cell, in the order given. A part that cannot be read is
    /// left out, and the train cell checks the forest it gets (its trees, classes and columns),
    /// so bad bytes cost a fresh fit, never a wrong model.
    pub fn join(parts: &[ForestPart]) -> Prefitted {
        let mut by_cell: HashMap<usize, Vec<GrownForest>> = HashMap::new();
        for part in parts {
            if let Ok(forest) = postcard::from_bytes(&part.bytes) {
                by_cell.entry(part.cell).or_default().push(forest);
            }
        }
        by_cell
            .into_iter()
            .filter_map(|(cell, forests)| GrownForest::merge(forests).map(|f| (cell, f)))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker has started and takes requests.
    Ready,
    /// The fraction of job `id` done, from 0 to 1.
    Progress {
        id: JobId,
        fraction: f64,
    },
    /// A notebook run (job `id`) starts on cell `cell`.
    AtCell {
        id: JobId,
        cell: usize,
    },
    Done {
        id: JobId,
        result: JobResult,
    },
    /// The worker panicked (and is about to stop): a bug, reported with its message.
    Crashed {
        message: String,
    },
    /// A request the worker could not read: the app and the worker are from different builds.
    Unreadable {
        message: String,
    },
    /// A notebook run (job `id`) took cell `cell` from the run before: its inputs had not
    /// changed, so nothing was computed (nor a model trained) for it. (Last, so that the others
    /// keep their numbers on the wire.)
    Reused {
        id: JobId,
        cell: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum JobResult {
    /// One output (or error) per cell.
    Outputs(Vec<Result<CellOutput, Error>>),
    /// A [`Job::ExportModel`]'s file's bytes.
    ModelExported(Result<Vec<u8>, Error>),
    /// The candidates' results, in the order the job listed them.
    Tuned(Result<Vec<CandidateResult>, Error>),
    Learned(Result<LearningPoint, Error>),
    Grown(Result<ForestPart, Error>),
    Exported(Exported),
    Opened(Result<OpenedLink, Error>),
    /// A query's result, as CSV text.
    Queried(Result<String, Error>),
    /// The run was not started: it would compute this much, more than runs without asking and
    /// more than the learner agreed to.
    OverBudget(Estimate),
    /// A data URL's text (see [`Job::FetchData`]).
    Fetched(Result<String, FetchFailure>),
    /// The text of an `#attempt=` link (see [`Job::AttemptLink`]).
    AttemptLink(Result<String, Error>),
    /// The attempt a link carries, as JSON (see [`Job::OpenAttempt`]).
    AttemptOpened(Result<String, Error>),
    /// Each text of a [`Job::ReadMarkdown`], read.
    MarkdownRead(Vec<Vec<crate::notebook::NoteNode>>),
}

/// The files of a trained model a learner can download.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum ModelFile {
    /// The model as ONNX (tree models so far; see [`crate::export::onnx_of`]).
    Onnx,
    /// Gradient-boosted trees as a LightGBM text model.
    Lightgbm,
    /// `schema.json`: the inputs, classes and test scores.
    Schema,
    /// The prediction page: one HTML file with the model and its predictor inside.
    Page,
    /// The API bundle: a zip of a FastAPI app around the ONNX model, with its tests.
    Api,
}

/// The wire format: postcard bytes both ways. They are compact (a forest's trees travel through
/// the app), exact for every float (a ROC curve starts at an infinite threshold, which JSON
/// cannot carry), and cheap to decode in the app's first-load wasm.
pub mod wire {
    use super::{Request, Response};

    pub fn encode_request(request: &Request) -> Vec<u8> {
        // Plain data: serialising cannot fail.
        postcard::to_allocvec(request).unwrap_or_default()
    }

    pub fn decode_request(bytes: &[u8]) -> Result<Request, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    pub fn encode_response(response: &Response) -> Vec<u8> {
        postcard::to_allocvec(response).unwrap_or_default()
    }

    pub fn decode_response(bytes: &[u8]) -> Result<Response, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

/// A notebook inside a message travels as its JSON text: the document's serde shape (tagged
/// cells, flattened models) is one that postcard cannot read back.
mod as_json {
    use crate::notebook::Notebook;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(notebook: &Notebook, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&notebook.to_json())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Notebook, D::Error> {
        let text = String::deserialize(deserializer)?;
        // Both ends hold notebooks already checked; a failure here is a bug, not the learner's.
        // (No `Debug` of the error: the app reads this too, and would carry its code.)
        Notebook::from_json(&text).map_err(|_| D::Error::custom("a notebook that does not read"))
    }
}

/// Progress is posted only when it has moved by this much, so a forest of a thousand trees does
/// not send a thousand messages.
const PROGRESS_STEP: f64 = 0.01;

/// Runs one SELECT over the data sets it names (of those given, id → text) and gives its result
/// as CSV text: `latih_sql::query_data`, which the engine cannot depend on (it is far larger
/// than the engine).
pub type SqlEngine = Box<dyn Fn(&HashMap<String, String>, &str) -> Result<String, Error>>;

/// The data sets a worker has been given, with their fingerprints, and what its runs computed
/// (see [`RunCache`]): a run redoes only the cells whose inputs changed, and the jobs of a search
/// read each file once.
#[derive(Default)]
pub struct Datasets {
    /// The site's address, for the exports ([`DataSource::site`]).
    site: Option<String>,
    texts: HashMap<String, String>,
    fingerprints: HashMap<String, u64>,
    cache: RefCell<RunCache>,
}

impl Datasets {
    fn put(&mut self, name: String, text: String) {
        self.fingerprints.insert(name.clone(), fingerprint(&text));
        self.texts.insert(name, text);
        self.cache.borrow_mut().clear();
    }

    fn forget(&mut self, name: &str) {
        self.texts.remove(name);
        self.fingerprints.remove(name);
        self.cache.borrow_mut().clear();
    }

    /// How many cells' results the cache holds.
    pub fn cached_cells(&self) -> usize {
        self.cache.borrow().len()
    }
}

impl DataSource for Datasets {
    fn csv(&self, dataset: &str) -> Option<&str> {
        self.texts.get(dataset).map(String::as_str)
    }
    fn ids(&self) -> Vec<&str> {
        self.texts.keys().map(String::as_str).collect()
    }
    fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }
    fn fingerprint(&self, dataset: &str) -> Option<u64> {
        self.fingerprints.get(dataset).copied()
    }
    fn cache(&self) -> Option<&RefCell<RunCache>> {
        Some(&self.cache)
    }
}

/// A catalog word the app sent with a job, or its key where it sent none.
fn word(words: &HashMap<String, String>, key: &str) -> String {
    words.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// What a worker holds between requests: the data sets it has been given, its clock, and in the
/// SQL worker, the SQL engine.
pub struct JobRunner {
    data: Datasets,
    /// Milliseconds, for fit times (`performance.now()` in a worker; `Instant` traps on wasm).
    clock: Box<dyn Fn() -> f64>,
    sql: Option<SqlEngine>,
}

impl JobRunner {
    pub fn new(clock: Box<dyn Fn() -> f64>) -> Self {
        Self {
            data: Datasets::default(),
            clock,
            sql: None,
        }
    }

    /// How many cells' results its runs keep for the next run.
    pub fn cached_cells(&self) -> usize {
        self.data.cached_cells()
    }

    /// A runner on the site at `origin` (`https://host`), whose exports read the shipped data
    /// sets from there when they are not beside them.
    pub fn with_site(mut self, origin: String) -> Self {
        self.data.site = Some(origin);
        self
    }

    /// A runner that also runs [`Job::Query`] with `engine`.
    pub fn with_sql(mut self, engine: SqlEngine) -> Self {
        self.sql = Some(engine);
        self
    }

    /// Handles one request, posting its responses (progress, then the result) through `post`.
    pub fn handle(&mut self, request: Request, post: &mut dyn FnMut(Response)) {
        match request {
            Request::PutData { name, text } => self.data.put(name, text),
            Request::ForgetData { name } => self.data.forget(&name),
            Request::Run { id, job } => {
                let mut last_posted = 0.0;
                let mut watch = |event: RunEvent| match event {
                    RunEvent::Progress(fraction) => {
                        if fraction - last_posted >= PROGRESS_STEP {
                            last_posted = fraction;
                            post(Response::Progress { id, fraction });
                        }
                    }
                    RunEvent::Cell(cell) => post(Response::AtCell { id, cell }),
                    RunEvent::Reused(cell) => post(Response::Reused { id, cell }),
                };
                let result = self.run(job, &mut watch);
                post(Response::Done { id, result });
            }
        }
    }

    /// The work a run of `notebook` would do, if it is more than `agreed` and than runs do
    /// without asking. Checked here, in the worker, where the data is: its code stays out of
    /// the page's first load.
    fn over_budget(&self, notebook: &Notebook, agreed: f64) -> Option<Estimate> {
        let shape = |id: &str| self.data.texts.get(id).map(|text| DataShape::of_text(text));
        Some(budget::estimate(notebook, &shape)).filter(|work| work.asks(agreed))
    }

    fn run(&self, job: Job, watch: &mut dyn FnMut(RunEvent)) -> JobResult {
        let mut progress = |fraction| watch(RunEvent::Progress(fraction));
        if let Job::Evaluate {
            notebook,
            agreed_work,
            ..
        }
        | Job::GrowTrees {
            notebook,
            agreed_work,
            ..
        } = &job
        {
            if let Some(work) = self.over_budget(notebook, *agreed_work) {
                return JobResult::OverBudget(work);
            }
        }
        match job {
            Job::Evaluate {
                notebook, grown, ..
            } => JobResult::Outputs(evaluate_with(
                &notebook,
                &self.data,
                ForestPart::join(&grown),
                watch,
            )),
            Job::GrowTrees {
                notebook,
                cell,
                trees,
                ..
            } => JobResult::Grown(
                grow_trees(&notebook, cell, trees, &self.data, &mut progress)
                    .map(|forest| ForestPart::new(cell, &forest)),
            ),
            Job::Tune {
                notebook,
                cell,
                candidates,
                folds,
            } => JobResult::Tuned(run_candidates(
                &notebook,
                cell,
                &candidates,
                folds.as_deref(),
                &self.data,
                &*self.clock,
                &mut progress,
            )),
            Job::LearningCurve {
                notebook,
                cell,
                size,
            } => JobResult::Learned(run_learning_point(
                &notebook,
                cell,
                size,
                &self.data,
                &mut progress,
            )),
            Job::Export { notebook, words } => {
                let words: HashMap<String, String> = words.into_iter().collect();
                JobResult::Exported(Exported::of(
                    &notebook,
                    &|key| word(&words, key),
                    &self.data,
                ))
            }
            Job::ExportModel {
                notebook,
                file,
                link,
                words,
                lang,
            } => JobResult::ModelExported(match file {
                ModelFile::Onnx => crate::export::onnx_of(&notebook, &self.data),
                ModelFile::Lightgbm => {
                    crate::export::lightgbm_of(&notebook, &self.data).map(String::into_bytes)
                }
                ModelFile::Schema => {
                    crate::export::schema_of(&notebook, &self.data, &link).map(String::into_bytes)
                }
                ModelFile::Page => crate::export::page_of(&notebook, &self.data, &words, &link)
                    .map(String::into_bytes),
                ModelFile::Api => crate::export::api_of(&notebook, &self.data, &lang, &link),
            }),
            Job::MakeRepository {
                notebook,
                options,
                words,
                page_words,
            } => {
                let words: HashMap<String, String> = words.into_iter().collect();
                JobResult::ModelExported(crate::export::repository_of(
                    &notebook,
                    &self.data,
                    &|key| word(&words, key),
                    Some(&page_words),
                    &options,
                ))
            }
            Job::OpenLink { link } => {
                JobResult::Opened(link::decode_shared(&link).map(OpenedLink::from))
            }
            Job::FetchData { url } => JobResult::Fetched(Err(FetchFailure::Unreachable { url })),
            Job::AttemptLink { attempt } => JobResult::AttemptLink(
                serde_json::from_str::<crate::lessons::Attempt>(&attempt)
                    .map(|attempt| crate::lessons::encode_attempt(&attempt))
                    .map_err(|e| Error::NotebookUnreadable {
                        message: e.to_string(),
                    }),
            ),
            Job::KaggleSubmission {
                notebook,
                challenge,
                test_csv,
            } => JobResult::ModelExported(
                match crate::competition::Challenge::find(&challenge).and_then(|c| c.kaggle) {
                    Some(format) => crate::competition::kaggle_submission(
                        &notebook, &self.data, format, &test_csv,
                    )
                    .map(String::into_bytes),
                    None => Err(Error::UnknownDataset { name: challenge }),
                },
            ),
            Job::ReadMarkdown { texts } => JobResult::MarkdownRead(
                texts
                    .iter()
                    .map(|text| crate::notebook::parse_note(text))
                    .collect(),
            ),
            Job::OpenAttempt { link } => JobResult::AttemptOpened(
                crate::lessons::decode_attempt(&link)
                    .map(|attempt| serde_json::to_string(&attempt).unwrap_or_default()),
            ),
            Job::Query { sql } => JobResult::Queried(match &self.sql {
                Some(engine) => engine(&self.data.texts, &sql),
                None => Err(Error::Sql {
                    message: "this worker has no SQL engine".into(),
                }),
            }),
        }
    }
}
