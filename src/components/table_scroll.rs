//! A wide table in a box that scrolls sideways on a phone. The box is a named region that takes
//! keyboard focus, so the hidden columns can be reached with the arrow keys.

use leptos::prelude::*;

#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
