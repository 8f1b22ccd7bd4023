//! The data set cell: pick a shipped data set and the target; see its shape, first rows,
//! what was dropped for missing values, and the classes.

use super::{field_id, show_output};
use crate::components::fields::{CheckboxField, SelectField};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::datasets::{self, query_result_name, user_file_name, DATASETS};
use latih_engine::notebook::{Cell, CellOutput, DatasetCell, DatasetOutput};
use latih_engine::table::retype::ValueType;
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn DatasetCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cell = Memo::new(move |_| state.cell::<DatasetCell>(index));
    let dataset = Signal::derive(move || cell.get().map(|c| c.dataset).unwrap_or_default());
    let target = Signal::derive(move || cell.get().map(|c| c.target).unwrap_or_default());
    // The shipped data sets, then the learner's own files and the SQL cells' results, and the
    // data set chosen even when it is gone (a renamed query's), so the select shows the truth.
    let dataset_options = Signal::derive(move || {
        let mut own: Vec<String> = state.csv.with(|data| {
            data.keys()
                .filter(|id| user_file_name(id).is_some())
                .cloned()
                .collect()
        });
        state.doc.with(|nb| {
            own.extend(nb.cells.iter().filter_map(|c| match c {
                Cell::Sql(sql) => Some(sql.result_id()),
                _ => None,
            }))
        });
        let chosen = dataset.get();
        if datasets::find(&chosen).is_none() {
            own.push(chosen);
        }
        own.sort();
        own.dedup();
        let own = own.into_iter().filter_map(|id| {
            let (key, name) = match (user_file_name(&id), query_result_name(&id)) {
                (Some(file), _) => ("own-data-option", file),
                (_, Some(query)) => ("sql-result-option", query),
                _ => return None,
            };
            let label = i18n.trf(key, &[("name", name.to_string())]);
            Some((id, label))
        });
        DATASETS
            .iter()
            .map(|d| (d.id.to_string(), d.title.to_string()))
            .chain(own)
            .collect::<Vec<_>>()
    });
    // The header alone, so the target can be changed even when the current one fails.
    let target_options = Signal::derive(move || {
        let id = dataset.get();
        state.csv.with(|data| {
            data.get(&id)
                .map(|text| crate::data::column_names(text))
                .unwrap_or_default()
                .into_iter()
                .map(|name| (name.clone(), name))
                .collect::<Vec<_>>()
        })
    });
    let choose_dataset = Callback::new(move |id: String| {
        // A shipped set's suggested target; else the last column, where tables usually keep it.
        let target = datasets::find(&id)
            .map(|d| d.suggested_target.to_string())
            .or_else(|| {
                state.csv.with_untracked(|data| {
                    data.get(&id)
                        .and_then(|text| crate::data::column_names(text).pop())
                })
            })
            .unwrap_or_default();
        // A shipped set's task is known: the models below are made to suit it.
        let regression = datasets::find(&id).map(|d| d.regression);
        state.doc.update(|nb| {
            if let Some(Cell::Dataset(d)) = nb.cells.get_mut(index) {
                d.dataset = id;
                d.target = target;
                d.url = None;
                d.types.clear();
            }
            if let Some(regression) = regression {
                nb.suit_models_below(index, regression);
            }
        });
    });
    let choose_target = Callback::new(move |column: String| {
        state.edit(index, |d: &mut DatasetCell| d.target = column);
    });
    let title = move || {
        let id = dataset.get();
        match (datasets::find(&id), user_file_name(&id)) {
            (Some(d), _) => d.title.to_string(),
            (None, Some(name)) => name.to_string(),
            (None, None) => query_result_name(&id).unwrap_or(&id).to_string(),
        }
    };
    view! {
        <div class="cell-form">
            <SelectField
                id=field_id(index, "dataset")
                label_key="field-dataset"
                options=dataset_options
                selected=dataset
                on_change=choose_dataset
            />
            <SelectField
                id=field_id(index, "target")
                label_key="field-target"
                options=target_options
                selected=target
                on_change=choose_target
            />
        </div>
        {move || user_file_name(&dataset.get()).is_some().then(|| view! {
            <CheckboxField
                id=field_id(index, "skip-bad-rows")
                label_key="field-skip-bad-rows"
                checked=cell.get_untracked().is_some_and(|c| c.skip_bad_rows)
                on_change=Callback::new(move |on: bool| {
                    state.edit(index, |d: &mut DatasetCell| d.skip_bad_rows = on);
                })
            />
        })}
        <super::own_data::OwnData state index />
        {show_output(state, index, move |output| match output {
            CellOutput::Dataset(out) => Some(view! { <DatasetSummary out title=title() /> }.into_any()),
            _ => None,
        })}
        <ColumnTypes state index columns=target_options />
    }
}

/// How the columns were read, changeable when one was read wrong (codes read as numbers, yes/no
/// as categories, an id as a number to learn from): a column, and the kind to read it as. The
/// columns come from the header, so a choice that left no rows can be undone.
#[component]
fn ColumnTypes(
    state: NotebookState,
    index: usize,
    columns: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let picked = RwSignal::new(String::new());
    let column = Signal::derive(move || {
        let picked = picked.get();
        let first = || columns.with(|c| c.first().map(|(name, _)| name.clone()));
        if picked.is_empty() {
            first().unwrap_or_default()
        } else {
            picked
        }
    });
    // As the last run read it; else as the learner chose it (the run failed).
    let kind = Signal::derive(move || {
        let name = column.get();
        let read = match state.output(index) {
            Some(Ok(CellOutput::Dataset(out))) => out
                .column_names
                .iter()
                .position(|c| *c == name)
                .and_then(|i| out.types.get(i).copied()),
            _ => None,
        };
        let chosen = || {
            let cell = state.cell::<DatasetCell>(index)?;
            cell.types
                .iter()
                .rev()
                .find(|(c, _)| *c == name)
                .map(|(_, to)| *to)
        };
        let kind = read.or_else(chosen);
        kind.and_then(|k| ValueType::ALL.iter().position(|&each| each == k))
            .map(|i| i.to_string())
            .unwrap_or_default()
    });
    let kinds = Signal::derive(move || {
        let kinds = ValueType::ALL.iter().enumerate();
        kinds
            .map(|(i, &k)| (i.to_string(), i18n.tr(super::explore::type_key(k))))
            .collect()
    });
    let retype = Callback::new(move |choice: String| {
        let choice: Option<usize> = choice.parse().ok();
        let Some(&to) = choice.and_then(|i| ValueType::ALL.get(i)) else {
            return;
        };
        let name = column.get_untracked();
        state.edit(index, move |d: &mut DatasetCell| {
            d.types.retain(|(c, _)| *c != name);
            d.types.push((name, to));
        });
    });
    view! {
        <details class="column-types">
            <summary>{i18n.text("types-title")}</summary>
            <p class="hint">{i18n.text("types-hint")}</p>
            <div class="cell-form">
                <SelectField id=field_id(index, "type-column") label_key="types-column"
                    options=columns selected=column on_change=Callback::new(move |c| picked.set(c)) />
                <SelectField id=field_id(index, "type-kind") label_key="types-read-as"
                    options=kinds selected=kind on_change=retype />
            </div>
        </details>
    }
}

#[component]
fn DatasetSummary(out: DatasetOutput, title: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let count = move |n: usize| format_count(lang(), n);
    let shape = {
        let (rows, columns) = (out.rows, out.columns);
        move || {
            i18n.trf(
                "out-shape",
                &[("rows", count(rows)), ("columns", count(columns))],
            )
        }
    };
    let dropped = {
        let dropped = out.dropped.clone();
        move || {
            if dropped.rows == 0 {
                return i18n.tr("out-dropped-none");
            }
            let columns = latih_i18n::counted_columns(lang(), &dropped.missing_by_column);
            i18n.trf(
                "out-dropped",
                &[("rows", count(dropped.rows)), ("columns", columns)],
            )
        }
    };
    let rows_used = out.rows_used;
    let skipped = (!out.skipped_lines.is_empty()).then(|| {
        let lines = &out.skipped_lines;
        let shown: Vec<String> = lines.iter().take(10).map(u64::to_string).collect();
        let more = if lines.len() > 10 { ", …" } else { "" };
        let (rows, lines) = (lines.len(), format!("{}{more}", shown.join(", ")));
        view! {
            <p>{move || i18n.trf("out-skipped-rows", &[("rows", count(rows)), ("lines", lines.clone())])}</p>
        }
    });
    let kept = (!out.missing_kept.is_empty()).then(|| {
        let missing = out.missing_kept.clone();
        move || {
            let columns = latih_i18n::counted_columns(lang(), &missing);
            view! { <p>{i18n.trf("out-missing-kept", &[("columns", columns)])}</p> }
        }
    });
    let lost = (!out.lost_to_types.is_empty()).then(|| {
        let lost = out.lost_to_types.clone();
        move || {
            let columns = latih_i18n::counted_columns(lang(), &lost);
            view! { <p>{i18n.trf("types-lost", &[("columns", columns)])}</p> }
        }
    });
    let ignored = (!out.ignored_columns.is_empty()).then(|| {
        let columns = out.ignored_columns.join(", ");
        view! { <p>{move || i18n.trf("out-ignored", &[("columns", columns.clone())])}</p> }
    });
    let classes = out.class_counts.clone();
    // A regression target has no classes to count: its range, in words.
    let target = match out.numeric_target {
        Some(range) => view! {
            <p>{move || {
                let lang = i18n.lang();
                let value = |v: f64| latih_i18n::format_number(lang, v);
                i18n.trf("out-regression-target", &[
                    ("min", value(range.min)),
                    ("max", value(range.max)),
                    ("mean", latih_i18n::format_decimal(lang, range.mean, 2)),
                ])
            }}</p>
        }
        .into_any(),
        None => view! {
            <h3>{i18n.text("out-class-balance")}</h3>
            <ul class="classes">
                {classes
                    .into_iter()
                    .map(|(class, n)| {
                        view! { <li>{move || i18n.trf("out-class-count", &[("class", class.clone()), ("count", count(n))])}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <p class="shape">{shape}</p>
        <PreviewTable name=title header=out.column_names rows=out.preview />
        {skipped}
        {lost}
        <p>{dropped}</p>
        {kept}
        <p>{move || i18n.trf("out-rows-used", &[("rows", count(rows_used))])}</p>
        {ignored}
        {target}
    }
}

/// The first rows of a table, captioned with its name.
#[component]
pub(super) fn PreviewTable(
    name: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let caption =
        Signal::derive(move || i18n.trf("out-preview-caption", &[("name", name.clone())]));
    view! {
        <TableScroll label=caption>
            <table class="preview">
                <caption>{caption}</caption>
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| view! { <tr>{row.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
}
