//! A search in words, the same in the app and the CLI.

use crate::{format_count, format_number, t, tf, Lang};
use latih_engine::notebook::TuneOutput;
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

/// What a tune cell will do: candidates × folds on the training rows (or, with nothing to
/// search, a cross-validation of the model as it is).
pub fn plan_text(lang: Lang, plan: &TuneOutput) -> String {
    let n = |x: usize| format_count(lang, x);
    let key = if plan.candidates == 1 {
        "out-tune-plan-one"
    } else {
        "out-tune-plan"
    };
    tf(
        lang,
        key,
        &[
            ("candidates", n(plan.candidates)),
            ("folds", n(plan.folds)),
            ("fits", n(plan.candidates * plan.folds)),
            ("rows", n(plan.rows)),
        ],
    )
}
