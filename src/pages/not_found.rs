use crate::i18n::use_i18n;
use crate::router::Link;
use crate::title::use_page_title;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_title(crate::key!("title-not-found"));
    let i18n = use_i18n();
    view! {
        <h1>{i18n.text("not-found-heading")}</h1>
        <p>{i18n.text("not-found-body")}</p>
        <p><Link href="/">{i18n.text("not-found-home")}</Link></p>
    }
}
