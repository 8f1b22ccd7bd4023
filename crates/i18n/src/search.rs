//! A search candidate in words, the same in the app and the CLI.

use crate::{format_number, t, Lang};
use latih_engine::tune::Candidate;

/// `max_depth = 4, min_samples_split = 2` (scikit-learn's names, the reader's numbers), or "the
/// model as it is" for a plain cross-validation.
pub fn candidate_text(lang: Lang, candidate: &Candidate) -> String {
    if candidate.values.is_empty() {
        return t(lang, "tune-model-as-is");
    }
    candidate
        .values
        .iter()
        .map(|(param, value)| format!("{} = {}", param.name(), format_number(lang, *value)))
        .collect::<Vec<_>>()
        .join(", ")
}
