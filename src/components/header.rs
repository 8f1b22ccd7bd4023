//! Site header: the name, the main navigation and the language switch.

use crate::i18n::use_i18n;
use crate::router::Link;
use latih_i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let link = |href: &'static str, key: &'static str| {
        view! { <li><Link href=href>{i18n.text(key)}</Link></li> }
    };
    view! {
        <header class="site-header">
            <Link href="/" class="brand">
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>{i18n.text("app-name")}</span>
            </Link>
            <nav aria-label=i18n.text("nav-label")>
                <ul>
                    {link("/", crate::key!("nav-home"))}
                    {link("/lessons", crate::key!("nav-lessons"))}
                    {link("/notebook", crate::key!("nav-notebook"))}
                    {link("/notebooks", crate::key!("nav-notebooks"))}
                    {link("/datasets", crate::key!("nav-datasets"))}
                    {link("/career", crate::key!("nav-career"))}
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
        let code = lang.code();
        view! {
            <button
                type="button"
                lang=code
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |_| i18n.set_lang(lang)
            >
                {lang.native_name()}
            </button>
        }
    };
    let unavailable = move || {
        i18n.unavailable().map(|lang| {
            let language = ("language", lang.native_name().to_string());
            view! { <p class="language-error" role="alert">{i18n.trf("language-unavailable", &[language])}</p> }
        })
    };
    view! {
        <div class="language-switch" role="group" aria-label=i18n.text("language-label")>
            {Lang::ALL.map(button).into_iter().collect_view()}
            {unavailable}
        </div>
    }
}
