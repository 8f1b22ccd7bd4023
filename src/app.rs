//! The shell: header with navigation and the language switch, the routes, the footer.

use crate::components::header::Header;
use crate::i18n::{provide_i18n, use_i18n};
use crate::notebook::NotebookSession;
use crate::pages::{
    DatasetsPage, HomePage, LessonsPage, NotFoundPage, NotebookPage, NotebooksPage,
};
use crate::router::{current_page, provide_router, Page};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    NotebookSession::provide();
    provide_router();
    view! { <Shell /> }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.text("skip-to-content")}</a>
        <Header />
        <main id="main" tabindex="-1">
            {move || match current_page() {
                Page::Home => view! { <HomePage /> }.into_any(),
                Page::Lessons => view! { <LessonsPage /> }.into_any(),
                Page::NotFound => view! { <NotFoundPage /> }.into_any(),
                // The other pages' words come after the app has started (see i18n.rs).
                _ if !i18n.complete() => {
                    view! { <p role="status">{i18n.text("app-loading")}</p> }.into_any()
                }
                Page::Notebook => view! { <NotebookPage /> }.into_any(),
                Page::Notebooks => view! { <NotebooksPage /> }.into_any(),
                Page::Datasets => view! { <DatasetsPage /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{i18n.text("footer-privacy")}</p>
        </footer>
    }
}
