//! The clusters cell: how many groups k-means makes and its seed, or DBSCAN's radius and core
//! size instead; then the groups in words, the elbow (inertia and silhouette for each number of
//! clusters) as a table, and the rows on the first two principal components, coloured by group.

use super::explore::ScatterFigure;
use super::{field_id, show_output};
use crate::components::fields::{parse_decimal, whole, CheckboxField, NumberField};
use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::models::DbscanParams;
use latih_engine::notebook::{CellOutput, ClustersCell, ClustersOutput};
use latih_i18n::{clusters_lines, format_decimal, format_number};
use leptos::prelude::*;

#[component]
pub fn ClustersCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let cell = state.cell::<ClustersCell>(index).unwrap_or_default();
    let set_k = whole(move |k| state.edit(index, |c: &mut ClustersCell| c.n_clusters = k));
    let set_seed =
        whole(move |seed| state.edit(index, |c: &mut ClustersCell| c.seed = u64::from(seed)));
    let set_dbscan = move |change: &dyn Fn(&mut DbscanParams)| {
        state.edit(index, |c: &mut ClustersCell| {
            c.dbscan.as_mut().map(change);
        })
    };
    let set_eps = Callback::new(move |text: String| {
        let eps = parse_decimal(&text).filter(|&eps| eps > 0.0);
        eps.inspect(|&eps| set_dbscan(&|p| p.eps = eps)).is_some()
    });
    let set_min_samples = whole(move |n| set_dbscan(&|p| p.min_samples = n));
    let use_dbscan = Memo::new(move |_| {
        state
            .cell::<ClustersCell>(index)
            .is_some_and(|c| c.dbscan.is_some())
    });
    let toggle = Callback::new(move |on: bool| {
        state.edit(index, |c: &mut ClustersCell| {
            c.dbscan = on.then(DbscanParams::default)
        })
    });
    let dbscan_fields = move || {
        use_dbscan.get().then(|| {
            let params = untrack(|| state.cell::<ClustersCell>(index))
                .and_then(|c| c.dbscan)
                .unwrap_or_default();
            view! {
                <NumberField id=field_id(index, "eps") label_key="field-eps" hint_key="field-eps-hint"
                    initial=format_number(i18n.lang(), params.eps) accept=set_eps />
                <NumberField id=field_id(index, "min-samples") label_key="field-min-samples"
                    initial=params.min_samples.to_string() accept=set_min_samples />
            }
        })
    };
    view! {
        <p class="hint">{i18n.text("clusters-hint")}</p>
        <div class="cell-form">
            <NumberField id=field_id(index, "n-clusters") label_key="field-n-clusters"
                initial=cell.n_clusters.to_string() accept=set_k />
            <NumberField id=field_id(index, "clusters-seed") label_key="field-clusters-seed"
                initial=cell.seed.to_string() accept=set_seed />
            <CheckboxField id=field_id(index, "dbscan") label_key="field-dbscan"
                checked=cell.dbscan.is_some() on_change=toggle />
            {dbscan_fields}
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
