//! Latih's engine: the whole ML pipeline as pure Rust, in data order
//! (table → split → features → models → metrics), and the notebook that strings them together.
//!
//! It owes the browser nothing: it compiles and is tested natively, and the web app is a thin shell
//! around it. Nothing here panics on user input; every failure is an [`Error`] the UI translates.

pub mod backup;
pub mod competition;
pub mod datasets;
pub mod error;
pub mod export;
pub mod features;
pub mod figures;
pub mod jobs;
pub mod lessons;
pub mod metrics;
pub mod models;
pub mod notebook;
pub mod plan;
pub mod prep;
mod python;
pub mod rng;
pub mod split;
pub mod table;
mod tagged;
pub mod tune;

pub use error::Error;
