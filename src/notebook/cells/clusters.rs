//! The clusters cell: how many groups k-means makes and its seed; then the groups in words, the
//! elbow (inertia and silhouette for each number of clusters) as a table, and the rows on the
//! first two principal components, coloured by group.

use super::explore::ScatterFigure;
use super::{field_id, show_output};
use crate::components::fields::{whole, NumberField};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, ClustersCell, ClustersOutput};
use latih_i18n::{clusters_lines, format_decimal};
use leptos::prelude::*;

#[component]
pub fn ClustersCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cell = state.cell::<ClustersCell>(index).unwrap_or_default();
    let set_k = whole(move |k| state.edit(index, |c: &mut ClustersCell| c.n_clusters = k));
    let set_seed =
        whole(move |seed| state.edit(index, |c: &mut ClustersCell| c.seed = u64::from(seed)));
    view! {
        <p class="hint">{i18n.text("clusters-hint")}</p>
        <div class="cell-form">
            <NumberField id=field_id(index, "n-clusters") label_key="field-n-clusters"
                initial=cell.n_clusters.to_string() accept=set_k />
            <NumberField id=field_id(index, "clusters-seed") label_key="field-clusters-seed"
                initial=cell.seed.to_string() accept=set_seed />
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Clusters(out) => Some(view! { <Clusters out /> }.into_any()),
            _ => None,
        })}
    }
}

#[component]
fn Clusters(out: ClustersOutput) -> impl IntoView {
    let i18n = use_i18n();
    let lines = {
        let out = out.clone();
        move || {
            clusters_lines(i18n.lang(), &out)
                .into_iter()
                .map(|line| view! { <p>{line}</p> })
                .collect_view()
        }
    };
    let caption = Signal::derive(i18n.text("out-elbow-caption"));
    let number =
        move |value: Option<f64>| value.map_or("—".into(), |v| format_decimal(i18n.lang(), v, 3));
    let rows = out
        .elbow
        .into_iter()
        .map(|fit| {
            view! {
                <tr>
                    <th scope="row">{fit.k}</th>
                    <td>{move || number(Some(fit.inertia))}</td>
                    <td>{move || number(fit.silhouette)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {lines}
        <TableScroll label=caption>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.text("out-elbow-k")}</th>
                        <th scope="col">{i18n.text("out-elbow-inertia")}</th>
                        <th scope="col">{i18n.text("out-elbow-silhouette")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        <h3>{i18n.text("out-clusters-chart")}</h3>
        <ScatterFigure scatter=out.projection />
    }
}
