//! The notebook page's state and cells. The document and its evaluation are the engine's
//! (`latih_engine::notebook`); here they become signals and forms.

pub mod backup;
pub mod cells;
pub mod compare;
pub mod exports;
pub mod file;
pub mod loading;
pub mod model_files;
mod output;
pub mod queries;
mod run;
pub mod run_status;
pub mod search;
pub mod share;
mod state;
pub mod storage;

pub use state::{LessonNotebooks, NotebookSession, NotebookState, RunStatus};
