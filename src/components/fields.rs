//! Form fields with a visible label, an optional hint, and an inline translated error while the
//! text typed is not a usable value. The notebook only changes once the value is valid, so a
//! half-typed number never wipes a result.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Reads a decimal the way either language writes it: `0,25`, `0.25` and `.25` are all a
/// quarter. The digits go through serde_json's number reader, the one that reads notebooks back
/// from storage and links (and in the worker): a typed value means the same everywhere, and the
/// app carries one float parser instead of two (core's brings a 10 KB table to the first load).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let mut number = text.trim().replace(',', ".");
    if let Some(unsigned) = number.strip_prefix('+') {
        number = unsigned.to_string();
    }
    let digits_from = usize::from(number.starts_with('-'));
    if number[digits_from..].starts_with('.') {
        number.insert(digits_from, '0');
    }
    if number.ends_with('.') {
        number.push('0');
    }
    serde_json::from_str::<f64>(&number)
        .ok()
        .filter(|x| x.is_finite())
}

/// A text field for a number. `accept` gets the trimmed text and says whether it was usable.
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    label_key: &'static str,
    #[prop(optional)] hint_key: Option<&'static str>,
    initial: String,
    accept: Callback<String, bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(false);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint_key.is_some() {
                ids.push(hint_id.clone());
            }
            if invalid.get() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.text(label_key)}</label>
            <input
                id=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value=initial
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=described_by
                on:input=move |ev| invalid.set(!accept.run(event_target_value(&ev).trim().to_string()))
            />
            {hint_key.map(|key| view! { <p class="hint" id=hint_id.clone()>{i18n.text(key)}</p> })}
            <Show when=move || invalid.get()>
                <p class="field-error" id=error_id.clone() role="alert">{i18n.text("field-not-a-number")}</p>
            </Show>
        </div>
    }
}

/// A free text field whose label is computed (it may name something), with an optional hint.
/// What the text means is checked where it is used, and reported there.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] hint_key: Option<&'static str>,
    initial: String,
    on_input: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                value=initial
                aria-describedby=hint_key.map(|_| hint_id.clone())
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {hint_key.map(|key| view! { <p class="hint" id=hint_id.clone()>{i18n.text(key)}</p> })}
        </div>
    }
}

/// Options for a [`SelectField`] from `(value, label key)` pairs, in the reader's language.
pub fn translated_options(
    choices: &'static [(&'static str, &'static str)],
) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    Signal::derive(move || {
        choices
            .iter()
            .map(|(value, key)| (value.to_string(), i18n.tr(key)))
            .collect()
    })
}

/// A select over `(value, label)` options.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    label_key: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.text(label_key)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || {
                    let current = selected.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(value, label)| {
                            let is_selected = value == current;
                            view! { <option value=value selected=is_selected>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
pub fn CheckboxField(
    #[prop(into)] id: String,
    label_key: &'static str,
    checked: bool,
    on_change: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field field-checkbox">
            <input
                id=id.clone()
                type="checkbox"
                checked=checked
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{i18n.text(label_key)}</label>
        </div>
    }
}

/// Parses a whole number from a field; `accept` gets it when it parses.
pub fn whole(accept: impl Fn(u32) + Send + Sync + 'static) -> Callback<String, bool> {
    Callback::new(move |text: String| match text.parse::<u32>() {
        Ok(n) => {
            accept(n);
            true
        }
        Err(_) => false,
    })
}
