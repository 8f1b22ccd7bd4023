//! Site header: the name, the main navigation and the language switch.

use crate::i18n::use_i18n;
use latih_i18n::Lang;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let link = |href: &'static str, key: &'static str| {
        view! { <li><A href=href>{move || i18n.tr(key)}</A></li> }
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{move || i18n.tr("app-name")}</span>
            </A>
            <nav aria-label=move || i18n.tr("nav-label")>
                <ul>
                    {link("/", crate::key!("nav-home"))}
                    {link("/lessons", crate::key!("nav-lessons"))}
                    {link("/notebook", crate::key!("nav-notebook"))}
                    {link("/datasets", crate::key!("nav-datasets"))}
                </ul>
            </nav>
            <LanguageSwitch />
        </header>
    }
}

/// Two buttons, each naming its language in that language, so a person who cannot read the
/// current one still finds their own.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let button = move |lang: Lang| {
        let (name_key, code) = (format!("language-{}", lang.code()), lang.code());
        view! {
            <button
                type="button"
                lang=code
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.set_lang(lang)
            >
                {latih_i18n::t(lang, &name_key)}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || i18n.tr("language-label")>
            {Lang::ALL.map(button).into_iter().collect_view()}
        </div>
    }
}
