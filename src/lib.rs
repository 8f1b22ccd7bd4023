//! Latih's web app: a thin Leptos shell around the engine. Pages and components render; the
//! engine (crates/engine) computes; the i18n crate words everything in Indonesian and English.

pub mod app;
mod boot;
pub mod components;
pub mod data;
pub mod i18n;
pub mod jobs;
pub mod lesson;
mod maps;
pub mod notebook;
pub mod pages;
pub mod panic_banner;
pub mod router;
pub mod title;

/// The whole app but lessons (bin `latih`): installs the panic banner, fetches the reader's words
/// and then mounts every page but a lesson's on `<body>`.
pub fn start() {
    panic_banner::install();
    boot::mount_when_catalog_loaded(app::App);
}

/// A lesson's address (bin `latih-lessons`): every page, a lesson's too.
pub fn start_with_lessons() {
    panic_banner::install();
    boot::mount_when_catalog_loaded(app::AppWithLessons);
}

/// The first load (bin `latih-home`): the same, with the pages of a first visit only.
pub fn start_first_pages() {
    panic_banner::install();
    boot::mount_when_catalog_loaded(app::FirstPagesApp);
}
