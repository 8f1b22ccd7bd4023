//! The shell: header with navigation and the language switch, the routes, the footer.

use crate::components::header::Header;
use crate::i18n::{provide_i18n, use_i18n};
use crate::notebook::NotebookSession;
use crate::pages::{DatasetsPage, HomePage, LessonsPage, NotFoundPage, NotebookPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    NotebookSession::provide();
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.tr("skip-to-content")}</a>
        <Header />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/lessons") view=LessonsPage />
                <Route path=path!("/notebook") view=NotebookPage />
                <Route path=path!("/datasets") view=DatasetsPage />
            </Routes>
        </main>
        <footer class="site-footer">
            <p>{move || i18n.tr("footer-privacy")}</p>
        </footer>
    }
}
