//! The shell: header with navigation and the language switch, the routes, the footer.
//!
//! The app is built three times (Cargo.toml's bins): [`FirstPagesApp`], the first load, with
//! only the pages a first visit reads (Home, Lessons, Not found) and, once started, Data sets;
//! [`App`], with the notebook and My notebooks; [`AppWithLessons`], with a lesson's page too. A first visit to the Home page
//! downloads neither the notebook nor the lessons, and a shared notebook link no lesson code.
//! index.html's loader starts the one the address needs; an app reloads into another when the
//! learner goes on to a page it does not have.

use crate::components::header::Header;
use crate::i18n::{provide_i18n, use_i18n};
use crate::lesson::CourseKind;
use crate::notebook::NotebookSession;
use crate::pages::{
    CareerPage, DatasetsPage, HomePage, LessonPage, LessonsPage, NotFoundPage, NotebookPage,
    NotebooksPage, PlanPage, ProjectsPage,
};
use crate::router::{current_page, provide_router, Page};
use leptos::prelude::*;

/// Every page but a lesson's (bin `latih`).
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    NotebookSession::provide();
    provide_router();
    view! { <Shell other_pages=every_other_page /> }
}

/// Every page (bin `latih-lessons`).
#[component]
pub fn AppWithLessons() -> impl IntoView {
    provide_i18n();
    NotebookSession::provide();
    provide_router();
    view! { <Shell other_pages=every_page_and_lessons /> }
}

fn every_page_and_lessons(page: Page) -> AnyView {
    if !use_i18n().complete() {
        return loading();
    }
    match page {
        Page::Lesson => view! { <LessonPage kind=CourseKind::Lesson /> }.into_any(),
        Page::Project => view! { <LessonPage kind=CourseKind::Project /> }.into_any(),
        Page::Challenge => view! { <LessonPage kind=CourseKind::Challenge /> }.into_any(),
        Page::Projects => view! { <ProjectsPage /> }.into_any(),
        Page::Career => view! { <CareerPage /> }.into_any(),
        Page::Plan => view! { <PlanPage /> }.into_any(),
        page => every_other_page(page),
    }
}

/// The first load (bin `latih-home`): the first pages and the data sets, and a reload for any
/// other page.
#[component]
pub fn FirstPagesApp() -> impl IntoView {
    provide_i18n();
    provide_router();
    view! { <Shell other_pages=data_sets_or_reload /> }
}

/// The Data sets page is browsed like Home, before any notebook: it is in the first pages' app
/// (its words and code come once the app has started), not in the notebook's.
fn data_sets_or_reload(page: Page) -> AnyView {
    match page {
        Page::Datasets if use_i18n().complete() => view! { <DatasetsPage /> }.into_any(),
        Page::Datasets => loading(),
        page => reload_into_whole_app(page),
    }
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
        Page::Lesson
        | Page::Datasets
        | Page::Project
        | Page::Challenge
        | Page::Projects
        | Page::Career
        | Page::Plan => reload_into_whole_app(page),
        Page::Home | Page::Lessons | Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// A page this app does not have: the same address, loaded again, starts the app that has it
/// (index.html's loader chooses by the address).
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
