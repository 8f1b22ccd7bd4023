//! Starting the app. The catalogs are not compiled into the wasm (each language is ~16 KB
//! gzip of a first load that must stay small), so the first pages' words in the reader's language
//! are fetched first (1.4 KB) and the app mounts once they are here; the rest follows (i18n.rs). Until then index.html shows
//! what Latih is and a "Loading" line, in both languages.

use crate::i18n::{initial_lang, load_catalog};

const BOOT_ID: &str = "boot";

/// Shown when the words themselves cannot be fetched, so it cannot come from a catalog.
const CATALOG_FAILED: &str = "Latih tidak dapat memuat teksnya. Periksa koneksi, lalu muat ulang \
     halaman. · Latih could not load its text. Check your connection, then reload the page.";

pub fn mount_when_catalog_loaded<View: leptos::IntoView + 'static>(app: fn() -> View) {
    // Not Leptos's spawn_local: its executor is set up by the mount that this waits to do.
    wasm_bindgen_futures::spawn_local(async move {
        let lang = initial_lang();
        match load_catalog(lang, false).await {
            Ok(()) => {
                remove_boot_line();
                leptos::mount::mount_to_body(app);
            }
            Err(reason) => show_failure(&reason),
        }
    });
}

fn boot_line() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(BOOT_ID)
}

fn remove_boot_line() {
    if let Some(line) = boot_line() {
        line.remove();
    }
}

/// Says why in the start-up block's status line, under the text about Latih, which stays.
fn show_failure(reason: &str) {
    let status = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("#boot [role=status]").ok().flatten());
    if let Some(line) = status {
        line.set_text_content(Some(&format!("{CATALOG_FAILED} ({reason})")));
        let _ = line.set_attribute("role", "alert");
    }
}
