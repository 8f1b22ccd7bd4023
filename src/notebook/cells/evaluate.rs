//! The evaluate cell: the scores, the confusion matrix (table and heatmap), precision / recall /
//! F1 per class, ROC curves with their AUC, and for two classes a decision threshold to move.

use super::{field_id, show_output};
use crate::components::confusion_heatmap::ConfusionHeatmap;
use crate::components::confusion_table::ConfusionTable;
use crate::components::fields::parse_decimal;
use crate::components::roc_chart::{pr_curves, roc_curves, RankingCurves, PR_WORDS, ROC_WORDS};
use crate::components::score::{Measure, Score};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::metrics::{at_threshold, ClassificationReport, ReportRow};
use latih_engine::notebook::{CellOutput, EvaluateOutput};
use latih_i18n::{format_count, format_decimal};
use leptos::prelude::*;

#[component]
pub fn EvaluateCellView(state: NotebookState, index: usize) -> impl IntoView {
    show_output(state, index, move |output| match output {
        CellOutput::Evaluate(out) => Some(view! { <Evaluation out index /> }.into_any()),
        CellOutput::EvaluateRegression(out) => {
            Some(view! { <super::regression::RegressionEvaluation out /> }.into_any())
        }
        _ => None,
    })
}

/// The decision threshold a binary evaluation starts at: the usual 0.5.
const DEFAULT_THRESHOLD: f64 = 0.5;

#[component]
fn Evaluation(out: EvaluateOutput, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let correct: u64 = (0..out.classes.len()).map(|i| out.confusion[i][i]).sum();
    let total = out.test_rows;
    let report = out.report.clone();
    let classes = out.classes.clone();
    let threshold = RwSignal::new(DEFAULT_THRESHOLD);
    let binary = out.binary_scores();
    let point = {
        let (binary, y_true) = (binary.clone(), out.y_true.clone());
        Signal::derive(move || {
            let (pos, scores) = binary.as_ref()?;
            let at = at_threshold(&y_true, scores, *pos, threshold.get()).ok()?;
            Some((at.false_positive_rate, at.recall))
        })
    };
    let roc_score = match &out.roc {
        Ok(summary) => {
            let key = if binary.is_some() {
                crate::key!("out-roc-auc-binary")
            } else {
                crate::key!("out-roc-auc-ovr")
            };
            let positive = classes.get(1).cloned().unwrap_or_default();
            let auc = summary.auc;
            view! {
                <div>
                    <dt>{move || i18n.trf(key, &[("class", positive.clone())])}</dt>
                    <dd>{move || format_decimal(i18n.lang(), auc, 3)}</dd>
                </div>
            }
            .into_any()
        }
        Err(_) => ().into_any(),
    };
    let roc_note = out.roc.as_ref().err().cloned().map(|error| {
        view! {
            <p class="note" role="status">
                {move || i18n.trf("out-roc-undefined", &[("reason", latih_i18n::error_message(i18n.lang(), &error))])}
            </p>
        }
    });
    let roc_section = out.roc.as_ref().ok().map(|summary| {
        view! {
            <h3>{i18n.text("out-roc-heading")}</h3>
            <RankingCurves curves=roc_curves(summary) classes=classes.clone() words=ROC_WORDS chance_diagonal=true point />
        }
    });
    let pr_section = out.pr.as_ref().ok().map(|summary| {
        view! {
            <h3>{i18n.text("out-pr-heading")}</h3>
            <RankingCurves curves=pr_curves(summary) classes=classes.clone() words=PR_WORDS chance_diagonal=false point=Signal::stored(None) />
        }
    });
    let ap_score = out.pr.as_ref().ok().map(|summary| {
        let key = if binary.is_some() {
            crate::key!("out-average-precision-binary")
        } else {
            crate::key!("out-average-precision-ovr")
        };
        let positive = classes.get(1).cloned().unwrap_or_default();
        let ap = summary.average_precision;
        view! {
            <div>
                <dt>{move || i18n.trf(key, &[("class", positive.clone())])}</dt>
                <dd>{move || format_decimal(i18n.lang(), ap, 3)}</dd>
            </div>
        }
    });
    let threshold_section = binary.map(|(pos, scores)| {
        view! {
            <ThresholdExplorer
                index
                y_true=out.y_true.clone()
                scores
                pos_label=pos
                classes=classes.clone()
                threshold
                probabilities=out.probabilities
            />
        }
    });
    view! {
        <dl class="metrics">
            <Score label_key="out-accuracy" value=out.accuracy />
            <Score label_key="out-balanced-accuracy" value=out.balanced_accuracy />
            <Score label_key="out-precision-macro" value=out.report.macro_avg.precision />
            <Score label_key="out-recall-macro" value=out.report.macro_avg.recall />
            <Score label_key="out-f1-macro" value=out.report.macro_avg.f1 />
            {roc_score}
            {ap_score}
            <Measure label_key="out-mcc" value=out.matthews />
            <Measure label_key="out-kappa" value=out.kappa />
            <Measure label_key="out-log-loss" value=out.log_loss />
        </dl>
        {roc_note}
        <p>{move || i18n.trf("out-accuracy-explained", &[
            ("correct", format_count(i18n.lang(), correct as usize)),
            ("total", format_count(i18n.lang(), total)),
        ])}</p>
        <ConfusionTable
            caption=Signal::derive(i18n.text("out-confusion-caption"))
            counts=out.confusion.clone()
            classes=out.classes.clone()
        />
        <ConfusionHeatmap counts=out.confusion classes=out.classes.clone() />
        <ReportTable report classes=out.classes />
        {roc_section}
        {pr_section}
        {threshold_section}
    }
}

/// scikit-learn's classification report as a table.
#[component]
fn ReportTable(report: ClassificationReport, classes: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |name: Signal<String>, r: ReportRow| {
        let score = move |v: f64| move || format_decimal(i18n.lang(), v, 3);
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{score(r.precision)}</td>
                <td>{score(r.recall)}</td>
                <td>{score(r.f1)}</td>
                <td>{move || format_count(i18n.lang(), r.support as usize)}</td>
            </tr>
        }
    };
    let fixed = |name: String| Signal::derive(move || name.clone());
    let heading = move |key: &'static str| view! { <th scope="col">{i18n.text(key)}</th> };
    view! {
        <TableScroll label=Signal::derive(i18n.text("out-report-caption"))>
            <table class="report">
                <caption>{i18n.text("out-report-caption")}</caption>
                <thead>
                    <tr>
                        {heading(crate::key!("out-report-class"))}
                        {heading(crate::key!("out-report-precision"))}
                        {heading(crate::key!("out-report-recall"))}
                        {heading(crate::key!("out-report-f1"))}
                        {heading(crate::key!("out-report-support"))}
                    </tr>
                </thead>
                <tbody>
                    {classes
                        .into_iter()
                        .zip(report.per_class)
                        .map(|(class, r)| row(fixed(class), r))
                        .collect_view()}
                    {row(Signal::derive(i18n.text("out-report-macro")), report.macro_avg)}
                    {row(Signal::derive(i18n.text("out-report-weighted")), report.weighted_avg)}
                </tbody>
            </table>
        </TableScroll>
    }
}

/// A slider for the probability (or score) above which a row is predicted positive, with the confusion
/// matrix, precision and recall it gives, live. Keyboard: arrows move it by 0.01.
#[component]
fn ThresholdExplorer(
    index: usize,
    y_true: Vec<u32>,
    scores: Vec<f64>,
    pos_label: u32,
    classes: Vec<String>,
    threshold: RwSignal<f64>,
    /// Whether the scores are probabilities; else a support vector machine's squashed scores.
    probabilities: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let intro_key = if probabilities {
        "out-threshold-intro"
    } else {
        crate::key!("out-threshold-intro-scores")
    };
    let positive = classes.get(pos_label as usize).cloned().unwrap_or_default();
    let outcome =
        Memo::new(move |_| at_threshold(&y_true, &scores, pos_label, threshold.get()).ok());
    let shown = move || format_decimal(i18n.lang(), threshold.get(), 2);
    let precision = Signal::derive(move || outcome.get().map_or(f64::NAN, |o| o.precision));
    let recall = Signal::derive(move || outcome.get().map_or(f64::NAN, |o| o.recall));
    let counts = Signal::derive(move || outcome.get().map(|o| o.confusion).unwrap_or_default());
    let (intro_class, label_class) = (positive.clone(), positive);
    let (heading_id, slider_id) = (
        field_id(index, "threshold-heading"),
        field_id(index, "threshold"),
    );
    view! {
        <section class="threshold" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{i18n.text("out-threshold-heading")}</h3>
            <p>{move || i18n.trf(intro_key, &[("class", intro_class.clone())])}</p>
            <div class="field">
                <label for=slider_id.clone()>{move || i18n.trf("out-threshold-label", &[("class", label_class.clone())])}</label>
                <input
                    id=slider_id.clone()
                    type="range"
                    min="0"
                    max="1"
                    step="0.01"
                    prop:value=move || threshold.get().to_string()
                    aria-valuetext=shown
                    on:input=move |ev| {
                        if let Some(value) = parse_decimal(&event_target_value(&ev)) {
                            threshold.set(value.clamp(0.0, 1.0));
                        }
                    }
                />
                <output for=slider_id.clone()>{move || i18n.trf("out-threshold-value", &[("value", shown())])}</output>
            </div>
            <dl class="metrics">
                <Score label_key="out-threshold-precision" value=precision />
                <Score label_key="out-threshold-recall" value=recall />
            </dl>
            <ConfusionTable
                caption=Signal::derive(move || i18n.trf("out-threshold-caption", &[("value", shown())]))
                counts
                classes
            />
        </section>
    }
}
