//! How a cell shows an error.

use crate::i18n::use_i18n;
use latih_engine::Error;
use leptos::prelude::*;

/// An engine error on its cell, in the reader's language. A cell that only waits for a broken
/// cell above is a quiet status; the cell that actually failed is an alert.
#[component]
pub fn CellError(error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = matches!(error, Error::NeedsCellAbove { .. });
    let message = {
        let error = error.clone();
        move || latih_i18n::error_message(i18n.lang(), &error)
    };
    view! {
        <div
            class=if waiting { "cell-error waiting" } else { "cell-error" }
            role=if waiting { "status" } else { "alert" }
        >
            <p class="error-heading">{i18n.text("error-heading")}</p>
            <p>{message}</p>
        </div>
    }
}
