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
    ) + &long_search_text(lang, plan)
}

/// A sentence that warns of a long search before it is started, or nothing for a quick one.
fn long_search_text(lang: Lang, plan: &TuneOutput) -> String {
    let work = plan.search_estimate();
    if !work.asks(0.0) {
        return String::new();
    }
    let minutes = format_count(lang, work.minutes() as usize);
    format!(
        " {}",
        tf(lang, "out-tune-plan-long", &[("minutes", minutes)])
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use latih_engine::notebook::budget::ASK_ABOVE_UNITS;
    use latih_engine::tune::Scoring;

    fn plan(work: f64) -> TuneOutput {
        TuneOutput {
            model_cell: 2,
            candidates: 4,
            folds: 5,
            rows: 3340,
            params: Vec::new(),
            learning_sizes: Vec::new(),
            scoring: Scoring::Accuracy,
            work,
        }
    }

    #[test]
    fn a_long_search_says_so_before_it_starts_and_a_quick_one_does_not() {
        let quick = plan_text(Lang::En, &plan(ASK_ABOVE_UNITS / 10.0));
        assert!(
            quick.starts_with("4 candidates × 5 folds = 20 fits"),
            "{quick}"
        );
        assert!(!quick.contains("heavy"), "{quick}");
        // Sixty times the threshold: 20 min at the budget's pace.
        let long = plan(ASK_ABOVE_UNITS * 60.0);
        let minutes = long.search_estimate().minutes();
        let en = plan_text(Lang::En, &long);
        assert!(en.ends_with(&format!("roughly {minutes} min on a mid-range phone. Fewer values, folds or trees make it quicker.")), "{en}");
        assert!(plan_text(Lang::Id, &long).contains(&format!("kira-kira {minutes} menit")));
    }
}
