//! A confusion matrix as a table: true classes down, predicted classes across, with a caption
//! that names it for screen readers and tests.

use crate::components::table_scroll::TableScroll;
use crate::i18n::use_i18n;
use latih_i18n::format_count;
use leptos::prelude::*;

#[component]
pub fn ConfusionTable(
    #[prop(into)] caption: Signal<String>,
    #[prop(into)] counts: Signal<Vec<Vec<u64>>>,
    classes: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let header = classes.clone();
    view! {
        <TableScroll label=caption>
            <table class="confusion">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {header.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        counts
                            .get()
                            .into_iter()
                            .zip(classes.clone())
                            .map(|(row, class)| {
                                view! {
                                    <tr>
                                        <th scope="row">{class}</th>
                                        {row
                                            .into_iter()
                                            .map(|n| view! { <td>{move || format_count(i18n.lang(), n as usize)}</td> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </TableScroll>
    }
}
