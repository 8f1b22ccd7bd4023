//! "Save all my work" and "Restore from a file" on My notebooks: every notebook and the lessons'
//! progress as one file (`latih_engine::backup`), which is checked as any file from outside when
//! it comes back. Restoring adds the notebooks beside the learner's own and joins the lessons'
//! work to theirs; nothing here is overwritten.

use super::file::{chosen_file, download, file_text};
use super::storage;
use crate::i18n::use_i18n;
use crate::lesson::progress;
use latih_engine::backup::{Backup, MAX_BACKUP_BYTES};
use latih_engine::Error;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, PartialEq)]
enum Restored {
    /// Notebooks added, lessons joined.
    Done(usize, usize),
    Failed(String),
}

#[component]
pub fn BackupPanel(#[prop(into)] on_restored: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let restored = RwSignal::new(None::<Restored>);
    let save = move |_| {
        let backup = Backup {
            notebooks: storage::all_notebooks(),
            lessons: progress::all(),
        };
        download(&backup.to_json(), "latih-backup.json", "application/json");
    };
    let open = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        let failed = move |error: Error| {
            let reason = latih_i18n::error_message(i18n.lang(), &error);
            restored.set(Some(Restored::Failed(reason)));
        };
        if file.size() > MAX_BACKUP_BYTES as f64 {
            return failed(Error::NotebookTooLarge {
                bytes: file.size() as usize,
                limit: MAX_BACKUP_BYTES,
            });
        }
        spawn_local(async move {
            let backup = match Backup::from_json(&file_text(&file).await) {
                Ok(backup) => backup,
                Err(error) => return failed(error),
            };
            let added = backup
                .notebooks
                .iter()
                .filter(|(name, notebook)| storage::add_notebook(name, notebook))
                .count();
            match progress::restore(backup.lessons) {
                Some(lessons) => restored.set(Some(Restored::Done(added, lessons))),
                None => restored.set(Some(Restored::Failed(i18n.tr("notebooks-storage-full")))),
            }
            on_restored.run(());
        });
    };
    let message = move || {
        restored.get().map(|r| match r {
            Restored::Done(notebooks, lessons) => {
                let counts = [("notebooks", notebooks.to_string()), ("lessons", lessons.to_string())];
                view! { <p class="note" role="status">{i18n.trf("backup-restored", &counts)}</p> }.into_any()
            }
            Restored::Failed(reason) => view! {
                <p class="cell-error" role="alert">{i18n.trf("backup-failed", &[("reason", reason)])}</p>
            }
            .into_any(),
        })
    };
    view! {
        <section class="backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{i18n.text("backup-heading")}</h2>
            <p>{i18n.text("backup-intro")}</p>
            <div class="actions">
                <button type="button" on:click=save>{i18n.text("backup-save")}</button>
                <label for="backup-file-input">{i18n.text("backup-open")}</label>
                <input id="backup-file-input" type="file" accept=".json,application/json" on:change=open />
            </div>
            {message}
        </section>
    }
}
