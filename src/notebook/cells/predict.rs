//! The predict cell: a form of the data's columns, filled from the first test row, and what the
//! pipeline above predicts for the row typed there. The engine names the columns, their kinds
//! and their categories; the form keeps the last run's while a run fails, so that a wrong value
//! can be put right.

use super::{field_id, show_output};
use crate::components::fields::parse_decimal;
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::file::{chosen_file, download};
use crate::notebook::NotebookState;
use latih_engine::datasets::user_dataset_id;
use latih_engine::notebook::{BatchPrediction, CellOutput, PredictCell, PredictField};
use latih_engine::table::decode_text;
use latih_i18n::{format_count, missing_choice, prediction_lines};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn PredictCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    // The last run's columns; the form is drawn again only when they change, not when a value
    // does (the field being typed in keeps its focus), and stays while a run fails.
    let fields = StoredValue::new(Vec::<PredictField>::new());
    let columns = Memo::new(
        move |previous: Option<&Vec<String>>| match state.output(index) {
            Some(Ok(CellOutput::Predict(out))) => {
                let names = out.fields.iter().map(|f| f.column.clone()).collect();
                fields.set_value(out.fields);
                names
            }
            _ => previous.cloned().unwrap_or_default(),
        },
    );
    let set = move |column: String, value: String| {
        state.edit(index, |c: &mut PredictCell| {
            c.values.insert(column, value);
        })
    };
    let form = move || {
        columns
            .get()
            .into_iter()
            .enumerate()
            .filter_map(|(n, column)| {
                let field =
                    fields.with_value(|all| all.iter().find(|f| f.column == column).cloned())?;
                let id = field_id(index, &format!("predict-{n}"));
                let PredictField {
                    column,
                    choices,
                    numeric,
                    value,
                } = field;
                Some(if numeric {
                    number_field(id, column, value, set).into_any()
                } else if choices.is_empty() {
                    text_field(id, column, value, set).into_any()
                } else {
                    choice_field(id, column, value, choices, set).into_any()
                })
            })
            .collect_view()
    };
    // A file of rows: read here, given to the worker as data, named in the cell.
    let choose_batch = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        spawn_local(async move {
            if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
                let text = decode_text(&js_sys::Uint8Array::new(&buffer).to_vec()).text;
                let id = user_dataset_id(&file.name());
                state.add_data(id.clone(), text);
                state.edit(index, |c: &mut PredictCell| c.batch = Some(id));
            }
        });
    };
    let batch_id = field_id(index, "predict-batch");
    view! {
        <p class="hint">{i18n.text("predict-hint")}</p>
        <div class="cell-form">{form}</div>
        <div class="field">
            <label for=batch_id.clone()>{i18n.text("predict-batch-file")}</label>
            <input id=batch_id type="file" accept=".csv,.tsv,.txt,.json" on:change=choose_batch />
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Predict(out) => Some(view! {
                {
                    let out = out.clone();
                    move || prediction_lines(i18n.lang(), &out)
                        .into_iter()
                        .map(|line| view! { <p>{line}</p> })
                        .collect_view()
                }
                {out.batch.map(|batch| view! { <Batch batch /> })}
            }.into_any()),
            _ => None,
        })}
    }
}

/// A batch file predicted: how many rows, its first rows with their predictions, and the whole
/// file to download (a submission file, for a competition).
#[component]
fn Batch(batch: BatchPrediction) -> impl IntoView {
    let i18n = use_i18n();
    let caption = Signal::derive(i18n.text("predict-batch-caption"));
    let header = batch
        .header
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = batch
        .preview
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|v| view! { <td>{v.clone()}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let count = batch.rows;
    let csv = batch.csv;
    view! {
        <p>{move || i18n.trf("predict-batch-done", &[("rows", format_count(i18n.lang(), count))])}</p>
        <TableScroll label=caption>
            <table>
                <caption>{caption}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        <button type="button" on:click=move |_| {
            download(&csv, "predictions.csv", "text/csv");
        }>{i18n.text("predict-batch-download")}</button>
    }
}

/// A column of numbers: any number in either language's notation, or nothing (missing).
fn number_field(
    id: String,
    column: String,
    value: String,
    set: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let name = column.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{column}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" value=value
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let text = event_target_value(&ev).trim().replace(',', ".");
                    let usable = text.is_empty() || parse_decimal(&text).is_some();
                    invalid.set(!usable);
                    if usable {
                        set(name.clone(), text);
                    }
                } />
            <Show when=move || invalid.get()>
                <p class="field-error" id=error_id.clone() role="alert">{i18n.text("field-not-a-number")}</p>
            </Show>
        </div>
    }
}

/// A column of text that a step reads as another kind: typed as it is.
fn text_field(
    id: String,
    column: String,
    value: String,
    set: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = column.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{column}</label>
            <input id=id type="text" autocomplete="off" value=value
                on:input=move |ev| set(name.clone(), event_target_value(&ev)) />
        </div>
    }
}

/// A column of categories: one of those seen in the training rows, or missing.
fn choice_field(
    id: String,
    column: String,
    value: String,
    choices: Vec<String>,
    set: impl Fn(String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = column.clone();
    let options = choices
        .into_iter()
        .map(|choice| {
            let selected = choice == value;
            let label = choice.clone();
            view! { <option value=choice selected=selected>{label}</option> }
        })
        .collect_view();
    let missing = value.is_empty();
    view! {
        <div class="field">
            <label for=id.clone()>{column}</label>
            <select id=id on:change=move |ev| set(name.clone(), event_target_value(&ev))>
                <option value="" selected=missing>{move || missing_choice(i18n.lang())}</option>
                {options}
            </select>
        </div>
    }
}
