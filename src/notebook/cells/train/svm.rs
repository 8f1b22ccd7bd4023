//! The form of the support vector machine: its kernel, C, the RBF kernel's γ (empty for
//! scikit-learn's `'scale'`), the regression tube's ε, and standardisation.

use super::{decimal, edit_model};
use crate::components::fields::{
    parse_decimal, translated_options, CheckboxField, NumberField, SelectField,
};
use crate::i18n::use_i18n;
use crate::notebook::cells::field_id;
use crate::notebook::NotebookState;
use latih_engine::models::{Kernel, ModelSpec, SvmParams};
use latih_i18n::format_number;
use leptos::prelude::*;

#[component]
pub fn SvmFields(state: NotebookState, index: usize, params: SvmParams) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let svm = move |change: &dyn Fn(&mut SvmParams)| {
        edit_model(state, index, |m| {
            if let ModelSpec::SupportVectorMachine(p) = m {
                change(p);
            }
        })
    };
    let set_kernel = Callback::new(move |value: String| {
        let kernel = if value == "linear" {
            Kernel::Linear
        } else {
            Kernel::Rbf
        };
        svm(&|p| p.kernel = kernel);
    });
    let set_c = decimal(move |c| svm(&|p| p.c = c));
    // Empty γ is 'scale'; a number goes to the engine, which says why 0 or less is refused.
    let set_gamma = Callback::new(move |text: String| {
        let gamma = (!text.is_empty()).then(|| parse_decimal(&text));
        if gamma == Some(None) {
            return false;
        }
        svm(&|p| p.gamma = gamma.flatten());
        true
    });
    let set_epsilon = decimal(move |epsilon| svm(&|p| p.epsilon = epsilon));
    let set_standardize = Callback::new(move |on: bool| svm(&|p| p.standardize = on));
    let kernel = match params.kernel {
        Kernel::Linear => "linear",
        Kernel::Rbf => "rbf",
    };
    view! {
        <p class="hint">{i18n.text("model-svm-hint")}</p>
        <SelectField
            id=field_id(index, "kernel")
            label_key="field-kernel"
            options=translated_options(&[
                ("rbf", crate::key!("kernel-rbf")),
                ("linear", crate::key!("kernel-linear")),
            ])
            selected=Signal::stored(kernel.to_string())
            on_change=set_kernel
        />
        <NumberField id=field_id(index, "c") label_key="field-c" hint_key="field-c-hint"
            initial=format_number(lang, params.c) accept=set_c />
        <NumberField id=field_id(index, "gamma") label_key="field-gamma" hint_key="field-gamma-hint"
            initial=params.gamma.map(|g| format_number(lang, g)).unwrap_or_default() accept=set_gamma />
        <NumberField id=field_id(index, "epsilon") label_key="field-epsilon" hint_key="field-epsilon-hint"
            initial=format_number(lang, params.epsilon) accept=set_epsilon />
        <CheckboxField id=field_id(index, "standardize") label_key="field-standardize"
            checked=params.standardize on_change=set_standardize />
    }
}
