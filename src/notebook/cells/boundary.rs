//! The decision boundary cell: the two features to draw over, and the worker's drawing of the
//! model above refitted on them (an SVG image), with its accuracy on the training rows in words.

use super::{axis_choice, field_id, show_output};
use crate::components::fields::SelectField;
use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::{BoundaryCell, BoundaryOutput, CellOutput};
use latih_i18n::format_percent;
use leptos::prelude::*;

#[component]
pub fn BoundaryCellView(state: NotebookState, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hint">{i18n.text("boundary-hint")}</p>
        {show_output(state, index, move |output| match output {
            CellOutput::Boundary(out) => Some(view! { <Boundary state index out /> }.into_any()),
            _ => None,
        })}
    }
}

#[component]
fn Boundary(state: NotebookState, index: usize, out: BoundaryOutput) -> impl IntoView {
    let i18n = use_i18n();
    let options = Signal::derive(move || {
        out.features
            .iter()
            .map(|f| (f.clone(), f.clone()))
            .collect()
    });
    let (x, y) = (out.x.clone(), out.y.clone());
    let choose = axis_choice(
        state,
        index,
        (x, y),
        |c: &BoundaryCell| (c.x.clone(), c.y.clone()),
        |c: &mut BoundaryCell, x, y| (c.x, c.y) = (Some(x), Some(y)),
    );
    // Its ticks in the reader's decimal sign, again on a switch of language.
    let svg = out.svg.clone();
    let src = move || {
        let (decimal, _) = latih_i18n::separators(i18n.lang());
        let svg = latih_engine::figures::with_decimal_sign(&svg, decimal);
        format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&svg))
        )
    };
    let alt = {
        let (x, y) = (out.x.clone(), out.y.clone());
        move || {
            i18n.trf(
                "out-boundary-drawing",
                &[("x", x.clone()), ("y", y.clone())],
            )
        }
    };
    let accuracy = move || {
        let shown = format_percent(i18n.lang(), out.train_accuracy, 1);
        i18n.trf("out-boundary-accuracy", &[("accuracy", shown)])
    };
    let (x, y) = (out.x, out.y);
    view! {
        <div class="cell-form">
            <SelectField id=field_id(index, "boundary-x") label_key="field-boundary-x" options
                selected=Signal::derive(move || x.clone()) on_change=choose(true) />
            <SelectField id=field_id(index, "boundary-y") label_key="field-boundary-y" options
                selected=Signal::derive(move || y.clone()) on_change=choose(false) />
        </div>
        <p>{accuracy}</p>
        <img class="boundary" src=src alt=alt />
    }
}
