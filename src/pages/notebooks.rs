//! "My notebooks": every notebook kept in this browser, most recently changed first, to open,
//! rename, duplicate or delete, and a new one to start. The bookkeeping is the engine's
//! (`latih_engine::notebook::library`); the documents are in local storage (`storage`).

use crate::i18n::use_i18n;
use crate::notebook::backup::BackupPanel;
use crate::notebook::storage::{self, Restored};
use crate::router::navigate;
use crate::title::use_page_title;
use latih_engine::notebook::library::{Entry, Library, NotebookId, MAX_NAME_CHARS};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Writes the library; `false` (storage full or off) is shown to the learner.
fn keep(library: &Library, problem: RwSignal<Option<&'static str>>) -> bool {
    let saved = storage::save_library(library);
    problem.set((!saved).then_some(crate::key!("notebooks-storage-full")));
    saved
}

#[component]
pub fn NotebooksPage() -> impl IntoView {
    use_page_title(crate::key!("title-notebooks"));
    let i18n = use_i18n();
    let library = RwSignal::new(storage::library());
    let problem = RwSignal::new(None::<&'static str>);
    let create = move |_| {
        let notebook = super::notebook::starter(None);
        storage::start_new(&notebook);
        navigate("/notebook");
    };
    let entries = move || {
        library.with(|l| {
            let only_one = l.entries.len() == 1;
            l.by_recent()
                .into_iter()
                .map(|entry| {
                    let open = entry.id == l.current;
                    view! { <NotebookEntry entry=entry.clone() open only_one library problem /> }
                })
                .collect_view()
        })
    };
    view! {
        <h1>{i18n.text("notebooks-heading")}</h1>
        <p class="lead">{i18n.text("notebooks-intro")}</p>
        <p class="actions">
            <button type="button" class="primary" on:click=create>{i18n.text("notebook-new")}</button>
        </p>
        {move || problem.get().map(|key| view! { <p class="cell-error" role="alert">{i18n.tr(key)}</p> })}
        <ul class="notebooks">{entries}</ul>
        <BackupPanel on_restored=move |_| library.set(storage::library()) />
    }
}

#[component]
fn NotebookEntry(
    entry: Entry,
    open: bool,
    only_one: bool,
    library: RwSignal<Library>,
    problem: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id: NotebookId = entry.id;
    let draft = RwSignal::new(entry.name.clone());
    let heading_id = format!("notebook-{id}");
    let name_id = format!("notebook-{id}-name");
    let changed = move || {
        let date = js_sys::Date::new(&JsValue::from_f64(entry.changed_ms));
        let when = date.to_locale_string(i18n.lang().code(), &JsValue::UNDEFINED);
        i18n.trf("notebooks-changed", &[("when", String::from(when))])
    };
    let open_it = move |_| {
        let mut next = library.get_untracked();
        next.current = id;
        if keep(&next, problem) {
            navigate("/notebook");
        }
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut next = library.get_untracked();
        // The list is drawn again, with this form closed.
        if next.rename(id, &draft.get_untracked()) && keep(&next, problem) {
            library.set(next);
        }
    };
    let duplicate = move |_| {
        let Restored::Saved(notebook) = storage::load(id) else {
            problem.set(Some(crate::key!("notebooks-unreadable")));
            return;
        };
        let mut next = library.get_untracked();
        if next.is_full() {
            problem.set(Some(crate::key!("notebooks-too-many")));
            return;
        }
        let name = next.get(id).map(|e| e.name.clone()).unwrap_or_default();
        let copy = next.add(
            &i18n.trf("notebooks-copy-name", &[("name", name)]),
            js_sys::Date::now(),
        );
        if storage::save_as(copy, &notebook) && keep(&next, problem) {
            library.set(next);
        } else {
            storage::remove(copy);
            problem.set(Some(crate::key!("notebooks-storage-full")));
        }
    };
    let delete = move |_| {
        let name =
            library.with_untracked(|l| l.get(id).map(|e| e.name.clone()).unwrap_or_default());
        let question = i18n.trf("notebooks-delete-confirm", &[("name", name)]);
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let mut next = library.get_untracked();
        if next.remove(id) && keep(&next, problem) {
            storage::remove(id);
            library.set(next);
        }
    };
    view! {
        <li class="card" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{entry.name.clone()}</h2>
            <p class="note">
                {changed}
                {open.then(|| view! { " · " <strong>{i18n.text("notebooks-open-now")}</strong> })}
            </p>
            <p class="actions">
                <button type="button" class="primary" on:click=open_it>{i18n.text("notebooks-open")}</button>
                <button type="button" on:click=duplicate>{i18n.text("notebooks-duplicate")}</button>
                <button type="button" class="remove" disabled=only_one on:click=delete>{i18n.text("notebooks-delete")}</button>
            </p>
            <details>
                <summary>{i18n.text("notebooks-rename")}</summary>
                <form class="rename" on:submit=rename>
                    <label for=name_id.clone()>{i18n.text("notebooks-name")}</label>
                    <input id=name_id.clone() type="text" maxlength=MAX_NAME_CHARS.to_string() required
                        prop:value=entry.name.clone() on:input=move |ev| draft.set(event_target_value(&ev)) />
                    <button type="submit">{i18n.text("notebooks-save-name")}</button>
                </form>
            </details>
        </li>
    }
}
