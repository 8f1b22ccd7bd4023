//! A named score in a description list (`<dl class="metrics">`), e.g. "Accuracy 0.947 (94.7%)":
//! a term and a value a screen reader, and a test, can find by the term's text.

use crate::i18n::use_i18n;
use latih_i18n::format_score;
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
