//! The explore cell: the data set as loaded, column by column (type, missing values, distinct
//! values, pandas' describe() and a histogram for numbers, the most frequent values otherwise),
//! the Pearson correlations of the numeric columns as a heatmap and a table, and two numeric
//! columns against each other, coloured by the target.

use super::{axis_choice, field_id, show_output};
use crate::components::chart_canvas::ChartCanvas;
use crate::components::fields::SelectField;
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_charts::heatmap::{self, HeatmapChart};
use latih_charts::scatter::{self as scatter_chart, ScatterChart};
use latih_engine::notebook::{CellOutput, ExploreCell};
use latih_engine::table::profile::{ColumnProfile, TableProfile, ValueType};
use latih_engine::table::scatter::Scatter;
use latih_i18n::{format_count, format_decimal, format_percent, Lang};
use leptos::prelude::*;

#[component]
pub fn ExploreCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hint">{i18n.text("explore-intro")} " " {i18n.text("explore-types-hint")}</p>
        {show_output(state, index, move |output| match output {
            CellOutput::Explore(profile) => {
                let scatter = profile.scatter.clone().map(|scatter| {
                    let numeric = profile.numeric.clone();
                    view! { <ScatterPlot state index scatter numeric /> }
                });
                Some(view! { <Profile profile /> {scatter} }.into_any())
            }
            _ => None,
        })}
    }
}

fn decimal(lang: Lang, value: Option<f64>) -> String {
    value.map_or("—".into(), |v| format_decimal(lang, v, 3))
}

/// A column's summary in words: describe() for numbers, the most frequent value otherwise.
fn summary(i18n: crate::i18n::I18n, column: &ColumnProfile) -> String {
    let lang = i18n.lang();
    match (&column.describe, &column.top) {
        (Some(d), _) => i18n.trf(
            "explore-numeric-summary",
            &[
                ("mean", decimal(lang, d.mean)),
                ("std", decimal(lang, d.std)),
                ("min", decimal(lang, d.min)),
                ("q25", decimal(lang, d.q25)),
                ("q50", decimal(lang, d.q50)),
                ("q75", decimal(lang, d.q75)),
                ("max", decimal(lang, d.max)),
            ],
        ),
        (None, _) if !column.top_values.is_empty() => {
            distribution_words(i18n, column).unwrap_or_default()
        }
        (None, Some((value, count))) => i18n.trf(
            "explore-top",
            &[
                ("value", value.clone()),
                ("count", format_count(lang, *count)),
            ],
        ),
        (None, None) => String::new(),
    }
}

/// A column's distribution in words, for the bars' accessible name: the histogram's bins, or
/// the most frequent categories.
fn distribution_words(i18n: crate::i18n::I18n, column: &ColumnProfile) -> Option<String> {
    let lang = i18n.lang();
    let counts = |counts: &mut dyn Iterator<Item = &usize>| {
        counts
            .map(|&n| format_count(lang, n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(h) = &column.histogram {
        return Some(i18n.trf(
            "explore-histogram",
            &[
                ("column", column.name.clone()),
                ("bins", format_count(lang, h.counts.len())),
                ("low", decimal(lang, Some(h.low))),
                ("high", decimal(lang, Some(h.high))),
                ("counts", counts(&mut h.counts.iter())),
            ],
        ));
    }
    (!column.top_values.is_empty()).then(|| {
        let values = column
            .top_values
            .iter()
            .map(|(value, n)| format!("{value} ({})", format_count(lang, *n)))
            .collect::<Vec<_>>()
            .join(", ");
        i18n.trf(
            "explore-top-values",
            &[("column", column.name.clone()), ("values", values)],
        )
    })
}

/// A column's distribution as a row of bars, heights relative to the tallest; the numbers are
/// its accessible name (and, for categories, the summary beside it).
fn distribution_bars(i18n: crate::i18n::I18n, column: &ColumnProfile) -> Option<impl IntoView> {
    let counts: Vec<usize> = match &column.histogram {
        Some(h) => h.counts.clone(),
        None => column.top_values.iter().map(|(_, n)| *n).collect(),
    };
    let tallest = counts.iter().copied().max()?.max(1);
    let label = {
        let column = column.clone();
        move || distribution_words(i18n, &column).unwrap_or_default()
    };
    let bars = counts
        .into_iter()
        .map(|n| {
            // A bin with rows stays visible, however few.
            let percent = if n == 0 {
                0
            } else {
                (n * 100 / tallest).max(4)
            };
            // Set through the DOM, not a style attribute: the site's policy forbids inline styles.
            view! { <span style:height=format!("{percent}%")></span> }
        })
        .collect_view();
    Some(view! { <span class="bars" role="img" aria-label=label>{bars}</span> })
}

pub(super) fn type_key(inferred: ValueType) -> &'static str {
    match inferred {
        ValueType::Integer => crate::key!("explore-type-integer"),
        ValueType::Float => crate::key!("explore-type-numeric"),
        ValueType::Boolean => crate::key!("explore-type-boolean"),
        ValueType::Categorical => crate::key!("explore-type-categorical"),
        ValueType::Text => crate::key!("explore-type-text"),
    }
}

#[component]
fn Profile(profile: TableProfile) -> impl IntoView {
    let i18n = use_i18n();
    let rows = profile.rows;
    let columns_caption = Signal::derive(i18n.text("explore-columns-caption"));
    let column_rows = profile
        .columns
        .iter()
        .cloned()
        .map(|column| {
            let missing = move || {
                let share = column.missing as f64 / rows.max(1) as f64;
                i18n.trf(
                    "explore-missing",
                    &[
                        ("count", format_count(i18n.lang(), column.missing)),
                        ("percent", format_percent(i18n.lang(), share, 1)),
                    ],
                )
            };
            let text = {
                let column = column.clone();
                move || summary(i18n, &column)
            };
            let bars = distribution_bars(i18n, &column);
            view! {
                <tr>
                    <th scope="row">{column.name.clone()}</th>
                    <td>{move || i18n.tr(type_key(column.inferred))}</td>
                    <td>{missing}</td>
                    <td>{move || format_count(i18n.lang(), column.unique)}</td>
                    <td>{text} {bars}</td>
                </tr>
            }
        })
        .collect_view();
    let correlation = (profile.numeric.len() >= 2).then(|| {
        view! { <Correlations names=profile.numeric.clone() matrix=profile.correlation.clone() /> }
    });
    view! {
        <TableScroll label=columns_caption>
            <table class="profile">
                <caption>{columns_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text("explore-col-name")}</th>
                        <th scope="col">{i18n.text("explore-col-type")}</th>
                        <th scope="col">{i18n.text("explore-col-missing")}</th>
                        <th scope="col">{i18n.text("explore-col-unique")}</th>
                        <th scope="col">{i18n.text("explore-col-summary")}</th>
                    </tr>
                </thead>
                <tbody>{column_rows}</tbody>
            </table>
        </TableScroll>
        {correlation}
    }
}

#[component]
fn Correlations(names: Vec<String>, matrix: Vec<Vec<f64>>) -> impl IntoView {
    let i18n = use_i18n();
    let label = {
        let names = names.clone();
        Signal::derive(move || {
            i18n.trf(
                "explore-correlation-label",
                &[("columns", names.join(", "))],
            )
        })
    };
    let caption = Signal::derive(i18n.text("explore-correlation-caption"));
    let paint_matrix = matrix.clone();
    let texts = move |lang| -> Vec<Vec<String>> {
        matrix
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&r| decimal(lang, r.is_finite().then_some(r)))
                    .collect()
            })
            .collect()
    };
    let (paint_names, paint_texts) = (names.clone(), texts.clone());
    let paint = move |area: &_, dpr: f64| {
        let texts = paint_texts(i18n.lang());
        let chart = HeatmapChart {
            values: &paint_matrix,
            texts: &texts,
            row_labels: &paint_names,
            column_labels: &paint_names,
            row_axis: "",
            column_axis: "",
            range: (-1.0, 1.0),
        };
        heatmap::draw(area, &chart, dpr)
    };
    let header = names.clone();
    let table_rows = move || {
        names
            .iter()
            .zip(texts(i18n.lang()))
            .map(|(name, row)| {
                view! {
                    <tr>
                        <th scope="row">{name.clone()}</th>
                        {row.into_iter().map(|r| view! { <td>{r}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h3>{i18n.text("explore-correlation-heading")}</h3>
        <ChartCanvas label aspect=0.9 draw=paint />
        <TableScroll label=caption>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </TableScroll>
    }
}

/// Two numeric columns against each other, a dot per row coloured by its class; the columns
/// are chosen here and kept in the cell.
#[component]
fn ScatterPlot(
    state: NotebookState,
    index: usize,
    scatter: Scatter,
    numeric: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = Signal::derive(move || numeric.iter().map(|n| (n.clone(), n.clone())).collect());
    // The axes as drawn (the first two numeric columns until some are chosen): choosing one
    // keeps the other as it is.
    let (x, y) = (scatter.x.clone(), scatter.y.clone());
    let choose = axis_choice(
        state,
        index,
        (x.clone(), y.clone()),
        |c: &ExploreCell| (c.x.clone(), c.y.clone()),
        |c: &mut ExploreCell, x, y| (c.x, c.y) = (Some(x), Some(y)),
    );
    view! {
        <h3>{i18n.text("explore-scatter-heading")}</h3>
        <div class="cell-form">
            <SelectField id=field_id(index, "scatter-x") label_key="field-scatter-x" options
                selected=Signal::derive(move || x.clone()) on_change=choose(true) />
            <SelectField id=field_id(index, "scatter-y") label_key="field-scatter-y" options
                selected=Signal::derive(move || y.clone()) on_change=choose(false) />
        </div>
        <ScatterFigure scatter />
    }
}

/// A scatter plot coloured by class, with its numbers in words as its accessible name: the
/// explore cell's two columns, the clusters cell's rows on two principal components.
#[component]
pub(super) fn ScatterFigure(scatter: Scatter) -> impl IntoView {
    let i18n = use_i18n();
    let label = {
        let s = scatter.clone();
        move || {
            i18n.trf(
                "explore-scatter-label",
                &[
                    ("x", s.x.clone()),
                    ("y", s.y.clone()),
                    ("target", s.target.clone()),
                    ("classes", s.classes.join(", ")),
                    ("shown", format_count(i18n.lang(), s.points.len())),
                    ("rows", format_count(i18n.lang(), s.rows)),
                ],
            )
        }
    };
    let paint = move |area: &_, dpr: f64| {
        let chart = ScatterChart {
            numbers: crate::components::chart_canvas::chart_numbers(i18n.lang()),
            points: &scatter.points,
            classes: &scatter.classes,
            x_label: &scatter.x,
            y_label: &scatter.y,
            line: None,
        };
        scatter_chart::draw(area, &chart, dpr)
    };
    view! { <ChartCanvas label=Signal::derive(label) aspect=0.75 draw=paint /> }
}
