use crate::i18n::use_i18n;
use crate::title::use_page_title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(crate::key!("title-not-found"));
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.tr("not-found-heading")}</h1>
        <p>{move || i18n.tr("not-found-body")}</p>
        <p><A href="/">{move || i18n.tr("not-found-home")}</A></p>
    }
}
