//! The current language as app state: chosen from the browser's preference on the first visit,
//! switchable, remembered in local storage, and mirrored on `<html lang>`.

use gloo_storage::{LocalStorage, Storage};
use latih_i18n::Lang;
use leptos::prelude::*;
use std::cell::Cell;

const STORAGE_KEY: &str = "latih.lang";

/// Marks a catalog key kept in a constant or chosen by a `match`, so that the catalog tests
/// (crates/i18n/tests/catalogs.rs) check it exists; it is the literal itself.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $key
    };
}

thread_local! {
    /// The language outside the reactive world (the panic banner reads it).
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Id) };
    /// Whether every word of the language is here: the app starts with the first pages' words
    /// only, and fetches the rest at once. Not a field of [`I18n`], which hundreds of closures
    /// capture: each would carry it (3 KB of the first load).
    static COMPLETE: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

fn complete_signal() -> Option<RwSignal<bool>> {
    COMPLETE.with(Cell::get)
}

pub fn current_lang() -> Lang {
    CURRENT.with(Cell::get)
}

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    /// A language that was chosen but whose catalog could not be fetched.
    unavailable: RwSignal<Option<Lang>>,
}

impl I18n {
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// Switches to `lang`, once its catalog is here (fetched now if it is not); if it cannot be
    /// fetched, the page stays in its language and [`Self::unavailable`] says which failed.
    pub fn set_lang(self, lang: Lang) {
        self.unavailable.set(None);
        // At once when its words are here: the page must not change under the next click.
        if latih_i18n::is_complete(lang) {
            self.lang.set(lang);
        } else {
            self.switch_when_whole(lang);
        }
    }

    /// Switches to `lang` once its whole catalog is here (fetching what is missing); else says
    /// it is unavailable.
    fn switch_when_whole(self, lang: Lang) {
        leptos::task::spawn_local(async move {
            match load_catalog(lang, true).await {
                Ok(()) => {
                    self.lang.set(lang);
                    // Once: the pages past the first ones are drawn again when it changes.
                    if let Some(complete) = complete_signal().filter(|c| !c.get_untracked()) {
                        complete.set(true);
                    }
                }
                Err(_) => self.unavailable.set(Some(lang)),
            }
        });
    }

    /// Whether every word of the language is here (reactive): pages past the first ones wait
    /// for it.
    pub fn complete(self) -> bool {
        complete_signal().is_none_or(|complete| complete.get())
    }

    pub fn unavailable(self) -> Option<Lang> {
        self.unavailable.get()
    }

    /// The text for `key` in the current language (reactive: re-read when the language changes).
    pub fn tr(self, key: &str) -> String {
        latih_i18n::t(self.lang.get(), key)
    }

    /// A reactive text for `key`. Every call returns the same closure type, so the views that show
    /// catalog text share one piece of rendering code instead of one per text (a closure written
    /// at each place is a type of its own, and the wasm grows with each).
    pub fn text(self, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || self.tr(key)
    }

    /// [`Self::tr`] with `{placeholders}` filled.
    pub fn trf(self, key: &str, args: &[(&str, String)]) -> String {
        latih_i18n::tf(self.lang.get(), key, args)
    }
}

/// Fetches and installs what is missing of `lang`'s catalog: the first pages' words, and with
/// `whole` the rest too.
pub async fn load_catalog(lang: Lang, whole: bool) -> Result<(), String> {
    if !latih_i18n::is_installed(lang) {
        latih_i18n::install(lang, crate::data::fetch_text(&lang.catalog_url()).await?);
    }
    if whole && !latih_i18n::is_complete(lang) {
        latih_i18n::install_more(
            lang,
            crate::data::fetch_text(&lang.more_catalog_url()).await?,
        );
    }
    Ok(())
}

/// The language remembered from an earlier visit, else the browser's preference.
pub fn initial_lang() -> Lang {
    let stored = LocalStorage::get::<String>(STORAGE_KEY)
        .ok()
        .and_then(|code| Lang::from_code(&code));
    stored.unwrap_or_else(|| {
        let preferred = window().navigator().language().unwrap_or_default();
        Lang::from_browser_preference(&preferred)
    })
}

/// Provides the language to every component below; call once at the root.
pub fn provide_i18n() -> I18n {
    let lang = initial_lang();
    let complete = latih_i18n::is_complete(lang);
    COMPLETE.with(|c| c.set(Some(RwSignal::new(complete))));
    let i18n = I18n {
        lang: RwSignal::new(lang),
        unavailable: RwSignal::new(None),
    };
    // The app started with the first pages' words: the rest comes now.
    if !complete {
        i18n.switch_when_whole(lang);
    }
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        CURRENT.with(|c| c.set(lang));
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
    });
    Effect::new(move |previous: Option<Lang>| {
        let lang = i18n.lang.get();
        // Only a choice the person made is remembered, not the detected default.
        if previous.is_some_and(|p| p != lang) {
            let _ = LocalStorage::set(STORAGE_KEY, lang.code());
        }
        lang
    });
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}
