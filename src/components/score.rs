//! A named score in a description list (`<dl class="metrics">`), e.g. "Accuracy 0.947 (94.7%)":
//! a term and a value a screen reader, and a test, can find by the term's text.

use crate::i18n::use_i18n;
use latih_i18n::{format_decimal, format_score};
use leptos::prelude::*;

#[component]
pub fn Score(label_key: &'static str, #[prop(into)] value: Signal<f64>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div>
            <dt>{i18n.text(label_key)}</dt>
            <dd>{move || format_score(i18n.lang(), value.get())}</dd>
        </div>
    }
}

/// A named measure that is not a share (a correlation, a loss): three decimals, or a dash when
/// the test set leaves it undefined.
#[component]
pub fn Measure(label_key: &'static str, value: Option<f64>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div>
            <dt>{i18n.text(label_key)}</dt>
            <dd>{move || value.map_or("—".into(), |v| format_decimal(i18n.lang(), v, 3))}</dd>
        </div>
    }
}
