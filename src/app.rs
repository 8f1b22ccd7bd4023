//! The shell: header with navigation and the language switch, the routes, the footer.
//!
//! The app is built twice (Cargo.toml's two bins): [`App`], with every page, and
//! [`FirstPagesApp`], the first load, with only the pages a first visit reads (Home, Lessons,
//! Not found). A first visit to the Home page then downloads neither the notebook nor the
//! lessons; index.html's loader starts the whole app for any other address, and the first-pages
//! app reloads into it when the learner goes on to such a page.

use crate::components::header::Header;
use crate::i18n::{provide_i18n, use_i18n};
use crate::notebook::NotebookSession;
use crate::pages::{
    DatasetsPage, HomePage, LessonPage, LessonsPage, NotFoundPage, NotebookPage, NotebooksPage,
};
use crate::router::{current_page, provide_router, Page};
use leptos::prelude::*;

/// Every page (bin `latih`).
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    NotebookSession::provide();
    provide_router();
    view! { <Shell other_pages=every_other_page /> }
}

/// The first load (bin `latih-home`): the first pages, and a reload for any other.
#[component]
pub fn FirstPagesApp() -> impl IntoView {
    provide_i18n();
    provide_router();
    view! { <Shell other_pages=reload_into_whole_app /> }
}

/// The pages past the first ones, in the whole app.
fn every_other_page(page: Page) -> AnyView {
    // Their words come after the app has started (see i18n.rs).
    if !use_i18n().complete() {
        return loading();
    }
    match page {
        Page::Notebook => view! { <NotebookPage /> }.into_any(),
        Page::Notebooks => view! { <NotebooksPage /> }.into_any(),
        Page::Datasets => view! { <DatasetsPage /> }.into_any(),
        Page::Lesson => view! { <LessonPage /> }.into_any(),
        Page::Home | Page::Lessons | Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// In the first-pages app, a page it does not have: the same address, loaded again, starts the
/// whole app (index.html's loader chooses by the address).
fn reload_into_whole_app(_: Page) -> AnyView {
    let _ = window().location().reload();
    loading()
}

fn loading() -> AnyView {
    view! { <p role="status">{use_i18n().text("app-loading")}</p> }.into_any()
}

#[component]
fn Shell(other_pages: fn(Page) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    // A page is drawn again only when it is another page (not when the query changes).
    let page = Memo::new(move |_| current_page());
    view! {
        <a class="skip-link" href="#main">{i18n.text("skip-to-content")}</a>
        <Header />
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::Home => view! { <HomePage /> }.into_any(),
                Page::Lessons => view! { <LessonsPage /> }.into_any(),
                Page::NotFound => view! { <NotFoundPage /> }.into_any(),
                page => other_pages(page),
            }}
        </main>
        <footer class="site-footer">
            <p>{i18n.text("footer-privacy")}</p>
        </footer>
    }
}
