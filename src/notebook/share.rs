//! Sharing: the notebook in a link (`/notebook#nb=…`, see `latih_engine::notebook::link`), and
//! opening such a link. The fragment never reaches a server.

use crate::i18n::use_i18n;
use crate::notebook::NotebookState;
use latih_engine::notebook::link;
use leptos::prelude::*;

/// The `#nb=` link in the address bar, if there is one.
pub fn link_in_address() -> Option<String> {
    let hash = window().location().hash().ok()?;
    link::from_fragment(&hash).map(str::to_string)
}

/// Removes the link from the address bar once it is opened, so a reload shows the saved
/// notebook (with the learner's changes) rather than the link's original.
pub fn clear_link_from_address() {
    let location = window().location();
    let path = location.pathname().unwrap_or_else(|_| "/notebook".into());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
}

fn share_url(state: NotebookState) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let encoded = state.doc.with_untracked(link::encode);
    format!("{origin}/notebook#nb={encoded}")
}

/// "Copy a link" and, once pressed, the link itself in a read-only field (for browsers that do
/// not allow writing to the clipboard) with a status that says which happened.
#[component]
pub fn SharePanel(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let shared = RwSignal::new(None::<(String, bool)>);
    let share = move |_| {
        let url = share_url(state);
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&url);
        shared.set(Some((url, false)));
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            shared.update(|s| {
                if let Some((_, done)) = s {
                    *done = copied;
                }
            });
        });
    };
    view! {
        <div class="share">
            <button type="button" on:click=share>{i18n.text("share-button")}</button>
            {move || shared.get().map(|(url, copied)| {
                let status = if copied { crate::key!("share-copied") } else { crate::key!("share-copy-manually") };
                view! {
                    <p role="status">{i18n.text(status)}</p>
                    <div class="field">
                        <label for="shared-url">{i18n.text("share-link-label")}</label>
                        <input id="shared-url" type="text" readonly value=url.clone() prop:value=url
                            on:focus=|ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }
                        />
                    </div>
                }
            })}
        </div>
    }
}
