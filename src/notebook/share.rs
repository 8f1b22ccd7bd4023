//! Sharing: the notebook in a link (`/notebook#nb=…`, see `latih_engine::notebook::link`), and
//! opening such a link. The fragment never reaches a server. The link is made by a worker after
//! each change (`exports`); opening one is done here, before any worker has started.

use crate::components::fields::CheckboxField;
use crate::i18n::use_i18n;
use crate::notebook::exports::Exports;
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

pub fn share_url(encoded: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}/notebook#nb={encoded}")
}

/// What the panel shows once "Copy a link" is pressed.
#[derive(Clone, PartialEq)]
enum Shared {
    /// A worker is still making the link (it compresses the notebook; see `exports`).
    Waiting,
    Shown {
        url: String,
        copied: bool,
    },
}

/// "Copy a link" and, once pressed (below the toolbar it sits in), the link itself in a read-only field (for browsers that do
/// not allow writing to the clipboard) with a status that says which happened.
#[component]
pub fn SharePanel(state: NotebookState) -> impl IntoView {
    let i18n = use_i18n();
    let shared = RwSignal::new(None::<Shared>);
    let share = move |_| {
        let Exports::Ready(exported) = &*state.exports.read_untracked() else {
            shared.set(Some(Shared::Waiting));
            return;
        };
        let url = share_url(&exported.link);
        let promise = window().navigator().clipboard().write_text(&url);
        shared.set(Some(Shared::Shown { url, copied: false }));
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            shared.update(|s| {
                if let Some(Shared::Shown { copied: done, .. }) = s {
                    *done = copied;
                }
            });
        });
    };
    // A link asked for while it was being made is shown when it is ready, to copy by hand (the
    // browser allows the clipboard only right after a press).
    Effect::new(move |_| {
        if let Exports::Ready(exported) = &*state.exports.read() {
            if shared.get_untracked() == Some(Shared::Waiting) {
                let url = share_url(&exported.link);
                shared.set(Some(Shared::Shown { url, copied: false }));
            }
        }
    });
    view! {
        <button type="button" on:click=share>{i18n.text("share-button")}</button>
        {move || shared.get().map(|shared| match shared {
                Shared::Waiting => view! { <p role="status">{i18n.text("share-preparing")}</p> }.into_any(),
                Shared::Shown { url, copied } => {
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
                    .into_any()
                }
            })}
    }
}

/// Teacher mode: the cells' lock switches shown, for a class's link.
#[component]
pub fn TeacherMode(state: NotebookState) -> impl IntoView {
    let teach = Callback::new(move |on: bool| state.teaching.set(on));
    view! {
        <CheckboxField id="teacher-mode" label_key="teacher-mode" checked=state.teaching.get_untracked() on_change=teach />
    }
}
