//! The fields of a model's hyperparameters, built from the engine's declaration
//! (`latih_engine::models::declare`): a number field, a select or a checkbox per parameter in use,
//! labelled with the declared words. The engine checks the values when the notebook runs and
//! says, on this cell, which one is out of bounds; a field only refuses text that is no number.

use crate::components::fields::{parse_decimal, CheckboxField, NumberField, SelectField};
use crate::i18n::use_i18n;
use crate::notebook::cells::field_id;
use crate::notebook::NotebookState;
use latih_engine::models::declare::{Kind, Param, Value};
use latih_engine::models::ModelSpec;
use latih_engine::notebook::TrainCell;
use latih_i18n::{format_number, Lang};
use leptos::prelude::*;

/// The declared parameters of `spec` that its form shows with its current values.
pub fn shown_params(spec: &ModelSpec) -> Vec<&'static Param> {
    spec.kind()
        .params
        .iter()
        .filter(|p| p.in_form && spec.applies(p))
        .collect()
}

/// The field of one hyperparameter of the model in train cell `index`, starting at `value`.
pub fn param_field(
    state: NotebookState,
    index: usize,
    param: &'static Param,
    value: Value,
) -> AnyView {
    let i18n = use_i18n();
    let id = field_id(index, param.name);
    let store = move |value: Value| {
        state.edit(index, |t: &mut TrainCell| {
            t.model.set(param.name, &value);
        })
    };
    match param.kind {
        Kind::Choice(choices) => {
            let options = Signal::derive(move || {
                choices
                    .iter()
                    .map(|c| (c.value.to_string(), i18n.tr(c.label)))
                    .collect::<Vec<_>>()
            });
            let selected = match value {
                Value::Choice(v) => v,
                _ => "",
            };
            let on_change = Callback::new(move |chosen: String| {
                if let Some(c) = choices.iter().find(|c| c.value == chosen) {
                    store(Value::Choice(c.value));
                }
            });
            view! {
                <SelectField id label_key=param.label options
                    selected=Signal::stored(selected.to_string()) on_change />
            }
            .into_any()
        }
        Kind::Flag => {
            let on_change = Callback::new(move |on: bool| store(Value::Flag(on)));
            view! {
                <CheckboxField id label_key=param.label checked=value == Value::Flag(true) on_change />
            }
            .into_any()
        }
        kind => {
            let accept = Callback::new(move |text: String| match read(kind, &text) {
                Some(value) => {
                    store(value);
                    true
                }
                None => false,
            });
            let initial = written(i18n.lang(), &value);
            match param.hint {
                Some(hint_key) => view! {
                    <NumberField id label_key=param.label hint_key initial accept />
                }
                .into_any(),
                None => {
                    view! { <NumberField id label_key=param.label initial accept /> }.into_any()
                }
            }
        }
    }
}

/// The value typed as `text`, if it is one of the kind (bounds are the engine's to check): a
/// whole number, a decimal in either language's way, layer sizes as `64, 32`, and empty text
/// for scikit-learn's `None` where the kind has it.
fn read(kind: Kind, text: &str) -> Option<Value> {
    let optional = matches!(
        kind,
        Kind::OptionalWhole { .. } | Kind::OptionalDecimal { .. }
    );
    if text.is_empty() && optional {
        return Some(Value::Empty);
    }
    match kind {
        Kind::Whole { .. } | Kind::OptionalWhole { .. } => {
            text.parse::<u32>().ok().map(|n| Value::Whole(n.into()))
        }
        Kind::Seed => text.parse::<u64>().ok().map(Value::Whole),
        Kind::Decimal { .. } | Kind::OptionalDecimal { .. } => {
            parse_decimal(text).map(Value::Decimal)
        }
        Kind::Layers { .. } => text
            .split([',', ';', ' '])
            .filter(|part| !part.is_empty())
            .map(str::parse::<u32>)
            .collect::<Result<Vec<u32>, _>>()
            .ok()
            .map(Value::List),
        Kind::Choice(_) | Kind::Flag => None,
    }
}

/// How a field shows `value` at first.
fn written(lang: Lang, value: &Value) -> String {
    match value {
        Value::Whole(n) => n.to_string(),
        Value::Decimal(x) => format_number(lang, *x),
        Value::List(sizes) => {
            let sizes: Vec<String> = sizes.iter().map(u32::to_string).collect();
            sizes.join(", ")
        }
        Value::Empty | Value::Choice(_) | Value::Flag(_) => String::new(),
    }
}
