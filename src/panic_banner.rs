//! A panic in wasm stops the whole app. Rather than leave a frozen or blank page, the panic hook
//! writes a visible, translated banner with the message straight into the DOM (the reactive
//! system may be the thing that broke), and logs the panic to the console as usual.

use crate::i18n::current_lang;
use latih_i18n::{is_installed, t};
use wasm_bindgen::JsCast;

pub const BANNER_ID: &str = "latih-panic";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the banner with `message`; a second panic replaces the message, never stacks banners.
pub fn show(message: &str) {
    let lang = current_lang();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    if let Some(old) = document.get_element_by_id(BANNER_ID) {
        old.remove();
    }
    let Some(banner) = document.create_element("div").ok() else {
        return;
    };
    banner.set_id(BANNER_ID);
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    // Before the reader's catalog has arrived there are no words to look up: both languages,
    // built in, as index.html's own message for a browser without JavaScript.
    let say = |key: &str, both: &str| {
        if is_installed(lang) {
            t(lang, key)
        } else {
            both.to_string()
        }
    };
    let parts = [
        element(
            "h2",
            &say("panic-heading", "Terjadi kesalahan · Something went wrong"),
        ),
        element(
            "p",
            &say(
                "panic-body",
                "Latih berhenti karena bug: muat ulang halaman. · \
                 Latih hit a bug and stopped: reload the page.",
            ),
        ),
        element("pre", message),
        element("button", &say("panic-reload", "Muat ulang · Reload")),
    ];
    for part in parts.into_iter().flatten() {
        if part.tag_name() == "BUTTON" {
            let _ = part.set_attribute("type", "button");
            // Inline handler: the wasm module that would run a Rust closure has just panicked.
            let _ = part.set_attribute("onclick", "location.reload()");
        }
        let _ = banner.append_child(&part);
    }
    let _ = body.prepend_with_node_1(banner.unchecked_ref());
}
