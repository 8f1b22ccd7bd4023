//! The split cell: test fraction, stratify, seed.

use super::{field_id, show_output};
use crate::components::fields::{parse_decimal, CheckboxField, NumberField};
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{CellOutput, SplitCell};
use latih_i18n::{format_count, format_number};
use leptos::prelude::*;

#[component]
pub fn SplitCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let initial = state.cell_untracked::<SplitCell>(index).unwrap_or_default();
    let edit = move |change: &dyn Fn(&mut SplitCell)| state.edit(index, change);
    let set_fraction = Callback::new(move |text: String| match parse_decimal(&text) {
        Some(value) => {
            edit(&|s| s.test_fraction = value);
            true
        }
        None => false,
    });
    let set_stratify = Callback::new(move |on: bool| edit(&|s| s.stratify = on));
    let set_seed = Callback::new(move |text: String| match text.parse::<u64>() {
        Ok(seed) => {
            edit(&|s| s.seed = seed);
            true
        }
        Err(_) => false,
    });
    let lang = i18n.lang();
    view! {
        <div class="cell-form">
            <NumberField
                id=field_id(index, "test-fraction")
                label_key="field-test-fraction"
                hint_key="field-test-fraction-hint"
                initial=format_number(lang, initial.test_fraction)
                accept=set_fraction
            />
            <CheckboxField
                id=field_id(index, "stratify")
                label_key="field-stratify"
                checked=initial.stratify
                on_change=set_stratify
            />
            <NumberField id=field_id(index, "seed") label_key="field-seed" initial=initial.seed.to_string() accept=set_seed />
        </div>
        {show_output(state, index, move |output| match output {
            CellOutput::Split(out) => {
                let count = move |n: usize| format_count(i18n.lang(), n);
                Some(
                    view! {
                        <ul class="facts-list">
                            <li>{move || i18n.trf("out-train-rows", &[("rows", count(out.train_rows))])}</li>
                            <li>{move || i18n.trf("out-test-rows", &[("rows", count(out.test_rows))])}</li>
                        </ul>
                        {out.stratified.then(|| view! { <p>{i18n.text("out-stratified")}</p> })}
                        {out.numeric_target.then(|| view! { <p>{i18n.text("out-not-stratified-numbers")}</p> })}
                    }
                    .into_any(),
                )
            }
            _ => None,
        })}
    }
}
