//! The steps cell: cleaning and feature steps, added, edited, moved and removed; each shows what
//! it changed, what it learned from the training rows, and the same step in pandas /
//! scikit-learn. The steps themselves are the engine's (`latih_engine::prep::Step`).

use super::step_form::{self, ALL_NUMERIC, KINDS};
use super::{field_id, show_output};
use crate::components::fields::{translated_options, NumberField, SelectField, TextField};
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{Cell, CellOutput, StepsCell};
use latih_engine::prep::Step;
use latih_i18n::{format_count, step_report_lines, steps_summary_text};
use leptos::prelude::*;

#[component]
pub fn StepsCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    // Rebuilt when steps are added, removed, moved or change kind: each form starts from its
    // step's values. Edits within a step change the notebook only.
    let shape = RwSignal::new(0u32);
    let edit = move |change: &dyn Fn(&mut Vec<Step>), rebuild: bool| {
        state.edit(index, |cell: &mut StepsCell| change(&mut cell.steps));
        if rebuild {
            shape.update(|n| *n = n.wrapping_add(1));
        }
    };
    // The feature columns of the data set above, as loaded, with those missing values first
    // (the first step added fills the first of them).
    let columns = Signal::derive(move || {
        let (dataset, target) = state.doc.with(|nb| {
            nb.cells[..index.min(nb.cells.len())]
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, c)| match c {
                    Cell::Dataset(d) => Some((i, d.target.clone())),
                    _ => None,
                })
                .unzip()
        });
        match dataset.and_then(|i| state.output(i)) {
            Some(Ok(CellOutput::Dataset(d))) => {
                let missing = |name: &String| d.missing_kept.iter().any(|(m, _)| m == name);
                let mut names: Vec<String> = d
                    .column_names
                    .iter()
                    .filter(|name| Some(*name) != target.as_ref())
                    .cloned()
                    .collect();
                names.sort_by_key(|name| !missing(name));
                names
            }
            _ => Vec::<String>::new(),
        }
    });
    let add = move |_| {
        let first = columns.with_untracked(|c| c.first().cloned().unwrap_or_default());
        edit(
            &|steps| steps.push(step_form::step_of("impute", first.clone())),
            true,
        );
    };
    let list = move || {
        shape.track();
        let steps = state
            .cell_untracked::<StepsCell>(index)
            .unwrap_or_default()
            .steps;
        let count = steps.len();
        if count == 0 {
            return view! { <p class="hint">{i18n.text("steps-empty")}</p> }.into_any();
        }
        view! {
            <ol class="steps">
                {steps
                    .into_iter()
                    .enumerate()
                    .map(|(n, step)| view! {
                        <StepView state index n count step columns edit=Callback::new(move |(change, rebuild): (StepChange, bool)| {
                            edit(&|steps| change.apply(steps, n), rebuild)
                        }) />
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <div class="cell-form">
            {list}
            <button type="button" on:click=add>{i18n.text("steps-add")}</button>
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Steps(out) => {
                let fit_note = {
                    let (train, test) = (out.train_rows, out.test_rows);
                    move || i18n.trf("steps-fit-note", &[
                        ("train", format_count(i18n.lang(), train)),
                        ("test", format_count(i18n.lang(), test)),
                    ])
                };
                let summary = move || steps_summary_text(i18n.lang(), &out);
                Some(view! {
                    <p>{fit_note}</p>
                    <p>{summary}</p>
                }
                .into_any())
            }
            _ => None,
        })}
    }
}

/// A change to the step at some position of the list.
#[derive(Clone)]
enum StepChange {
    Replace(Step),
    MoveUp,
    MoveDown,
    Remove,
}

impl StepChange {
    fn apply(&self, steps: &mut Vec<Step>, n: usize) {
        match self {
            StepChange::Replace(step) => {
                if let Some(slot) = steps.get_mut(n) {
                    *slot = step.clone();
                }
            }
            StepChange::MoveUp if n > 0 && n < steps.len() => steps.swap(n - 1, n),
            StepChange::MoveDown if n + 1 < steps.len() => steps.swap(n, n + 1),
            StepChange::Remove if n < steps.len() => {
                steps.remove(n);
            }
            _ => {}
        }
    }
}

#[component]
fn StepView(
    state: NotebookState,
    index: usize,
    n: usize,
    count: usize,
    step: Step,
    columns: Signal<Vec<String>>,
    edit: Callback<(StepChange, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = StoredValue::new(step.clone());
    let replace = move |step: Step| {
        current.set_value(step.clone());
        edit.run((StepChange::Replace(step), false));
    };
    // The fields below the kind are rebuilt when the kind changes; the kind's select stays, so
    // keyboard focus stays on it. Likewise the typed value below the choice.
    let step_kind = RwSignal::new(step_form::kind(&step));
    let chosen = RwSignal::new(0u32);
    let choose_kind = Callback::new(move |value: String| {
        let column = step_form::column_of(&current.get_value()).unwrap_or_default();
        let step = step_form::step_of(&value, column);
        let new_kind = step_form::kind(&step);
        replace(step);
        step_kind.set(new_kind);
    });
    let choose_column = Callback::new(move |column: String| {
        replace(step_form::with_column(current.get_value(), column));
        chosen.update(|n| *n = n.wrapping_add(1));
    });
    let choose = Callback::new(move |value: String| {
        replace(step_form::with_choice(current.get_value(), &value));
        chosen.update(|n| *n = n.wrapping_add(1));
    });
    let type_text = move |value: String| match step_form::with_text(current.get_value(), value) {
        Some(step) => {
            replace(step);
            true
        }
        None => false,
    };
    let fields = move || {
        step_kind.track();
        let step = current.get_value();
        let column_options = {
            let with_all = matches!(step, Step::Scale { .. });
            Signal::derive(move || {
                let mut list: Vec<(String, String)> = Vec::new();
                if with_all {
                    list.push((ALL_NUMERIC.to_string(), i18n.tr("steps-all-numeric")));
                }
                list.extend(columns.get().into_iter().map(|c| (c.clone(), c)));
                list
            })
        };
        let column_field = step_form::column_of(&step).map(|column| {
            view! {
                <SelectField
                    id=field_id(index, &format!("step-{n}-column"))
                    label_key="steps-column"
                    options=column_options
                    selected=Signal::stored(column)
                    on_change=choose_column
                />
            }
        });
        let choice_field = step_form::choice(&step).map(|(label_key, options, selected)| {
            view! {
                <SelectField
                    id=field_id(index, &format!("step-{n}-choice"))
                    label_key
                    options=translated_options(options)
                    selected=Signal::stored(selected)
                    on_change=choose
                />
            }
        });
        view! { {column_field} {choice_field} }
    };
    let text_field = move || {
        step_kind.track();
        chosen.track();
        let (label_key, initial, numeric) = step_form::text(&current.get_value())?;
        let id = field_id(index, &format!("step-{n}-text"));
        Some(if numeric {
            view! { <NumberField id label_key initial accept=Callback::new(type_text) /> }
                .into_any()
        } else {
            let on_input = Callback::new(move |value: String| {
                type_text(value);
            });
            view! { <TextField id label=Signal::derive(move || i18n.tr(label_key)) initial on_input /> }
                .into_any()
        })
    };

    // What this step did in the last run, and its Python, if the cell ran as it is.
    let report = move || match state.output(index) {
        Some(Ok(CellOutput::Steps(out))) if !state.is_stale(index) => out.reports.get(n).cloned(),
        _ => None,
    };
    let lines = move || {
        report()
            .map(|r| step_report_lines(i18n.lang(), &r))
            .unwrap_or_default()
    };
    let python = move || report().map(|r| r.python).unwrap_or_default();
    let number = (n + 1).to_string();
    let label = move |key: &'static str| {
        let number = number.clone();
        move || i18n.trf(key, &[("n", number.clone())])
    };
    view! {
        <li>
            <fieldset class="step">
                <legend>{label("steps-step-heading")}</legend>
                <SelectField
                    id=field_id(index, &format!("step-{n}-kind"))
                    label_key="steps-kind"
                    options=translated_options(&KINDS)
                    selected=Signal::stored(step_form::kind(&step).to_string())
                    on_change=choose_kind
                />
                {fields}
                {text_field}
                <div class="step-report" aria-live="polite">
                    {move || lines().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
                <details>
                    <summary>{i18n.text("steps-python")}</summary>
                    <p class="hint">{i18n.text("steps-python-note")}</p>
                    <pre><code>{python}</code></pre>
                </details>
                <p class="step-actions">
                    <button type="button" disabled=n == 0 aria-label=label("steps-move-up")
                        on:click=move |_| edit.run((StepChange::MoveUp, true))>"↑"</button>
                    <button type="button" disabled=n + 1 == count aria-label=label("steps-move-down")
                        on:click=move |_| edit.run((StepChange::MoveDown, true))>"↓"</button>
                    <button type="button" class="remove" on:click=move |_| edit.run((StepChange::Remove, true))>
                        {label("steps-remove")}
                    </button>
                </p>
            </fieldset>
        </li>
    }
}
