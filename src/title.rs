//! A page title per route, in the current language.

use crate::i18n::use_i18n;
use leptos::prelude::*;

pub fn use_page_title(key: &'static str) {
    let i18n = use_i18n();
    Effect::new(move |_| document().set_title(&i18n.tr(key)));
}
