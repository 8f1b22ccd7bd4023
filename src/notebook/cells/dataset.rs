//! The data set cell: pick a shipped data set and the target; see its shape, first rows,
//! what was dropped for missing values, and the classes.

use super::{field_id, show_output};
use crate::components::fields::{CheckboxField, SelectField};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::datasets::{self, query_result_name, user_file_name, DATASETS};
use latih_engine::notebook::{Cell, CellOutput, DatasetCell, DatasetOutput};
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn DatasetCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cell = Memo::new(move |_| state.cell::<DatasetCell>(index));
    let dataset = Signal::derive(move || cell.get().map(|c| c.dataset).unwrap_or_default());
    let target = Signal::derive(move || cell.get().map(|c| c.target).unwrap_or_default());
    // The shipped data sets, then the learner's own files.
    let dataset_options = Signal::derive(move || {
        let own: Vec<(String, String)> = state.csv.with(|data| {
            let mut own: Vec<(String, String)> = data
                .keys()
                .filter_map(|id| {
                    let (key, name) = match (user_file_name(id), query_result_name(id)) {
                        (Some(file), _) => ("own-data-option", file),
                        (_, Some(query)) => ("sql-result-option", query),
                        _ => return None,
                    };
                    Some((id.clone(), i18n.trf(key, &[("name", name.to_string())])))
                })
                .collect();
            own.sort();
            own
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
            let columns = dropped
                .missing_by_column
                .iter()
                .map(|(name, n)| format!("{name} ({})", count(*n)))
                .collect::<Vec<_>>()
                .join(", ");
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
            let columns = missing
                .iter()
                .map(|(name, n)| format!("{name} ({})", count(*n)))
                .collect::<Vec<_>>()
                .join(", ");
            view! { <p>{i18n.trf("out-missing-kept", &[("columns", columns)])}</p> }
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
