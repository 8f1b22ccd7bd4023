//! The app's routing: the path names the page; links to the app's own pages change the path with
//! `history.pushState` instead of reloading; Back and Forward work (`popstate`).
//!
//! Written here rather than taken from leptos_router: the app has five pages, no parameters and
//! no nesting, and the crate's route matching cost about 15 KB of the 400 KB first-load budget
//! (gzip), which the notebook's own features need more.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Page {
    Home,
    Lessons,
    Notebook,
    Notebooks,
    Datasets,
    /// A lesson: `/lessons/<slug>` (see [`lesson_slug`]).
    Lesson,
    /// The portfolio projects, and one: `/projects/<slug>` (see [`project_slug`]).
    Projects,
    Project,
    /// A competition challenge: `/challenges/<slug>` (see [`challenge_slug`]).
    Challenge,
    /// The job, its skills, who hires and what it pays.
    Career,
    /// The learner's study plan.
    Plan,
    NotFound,
}

impl Page {
    /// The page at `path`. Home and Lessons are the first pages: index.html's loader starts the
    /// first-pages app for exactly their paths, so the two must agree.
    pub fn from_path(path: &str) -> Page {
        match path.trim_end_matches('/') {
            "" => Page::Home,
            "/lessons" => Page::Lessons,
            "/notebook" => Page::Notebook,
            "/notebooks" => Page::Notebooks,
            "/datasets" => Page::Datasets,
            "/projects" => Page::Projects,
            "/career" => Page::Career,
            "/plan" => Page::Plan,
            _ if lesson_slug(path).is_some() => Page::Lesson,
            _ if project_slug(path).is_some() => Page::Project,
            _ if challenge_slug(path).is_some() => Page::Challenge,
            _ => Page::NotFound,
        }
    }
}

/// The lesson a path names: `/lessons/precision-recall` → `precision-recall` (lower-case
/// letters, digits and dashes: a slug is also a file name).
pub fn lesson_slug(path: &str) -> Option<&str> {
    slug_under(path, "/lessons/")
}

/// The portfolio project a path names: `/projects/house-prices` → `house-prices`.
pub fn project_slug(path: &str) -> Option<&str> {
    slug_under(path, "/projects/")
}

/// The challenge a path names: `/challenges/titanic` → `titanic`.
pub fn challenge_slug(path: &str) -> Option<&str> {
    slug_under(path, "/challenges/")
}

fn slug_under<'a>(path: &'a str, folder: &str) -> Option<&'a str> {
    let slug = path.trim_end_matches('/').strip_prefix(folder)?;
    let fits = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    (!slug.is_empty() && slug.chars().all(fits)).then_some(slug)
}

/// Where the app is: the path and the query (`?…`), kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

impl Location {
    fn read(self) {
        let location = window().location();
        self.path.set(location.pathname().unwrap_or_default());
        self.search.set(location.search().unwrap_or_default());
    }
}

/// Starts following the address bar; call once, in the app's root.
pub fn provide_router() {
    let location = Location {
        path: RwSignal::new(String::new()),
        search: RwSignal::new(String::new()),
    };
    location.read();
    // For the life of the app: Back and Forward change the page.
    let listener = window_event_listener(leptos::ev::popstate, move |_| location.read());
    std::mem::forget(listener);
    provide_context(location);
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// The page the address names (reactive).
pub fn current_page() -> Page {
    Page::from_path(&use_location().path.get())
}

/// Goes to `href` (a path of the app, with an optional query) without reloading.
pub fn navigate(href: &str) {
    let _ = window()
        .history()
        .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(href)));
    use_location().read();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// A query parameter of the address as it is now (`?dataset=iris` → `Some("iris")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// A link to a page of the app: a real `<a href>` (it opens in a new tab, and a screen reader
/// announces it as a link) that changes the page in place on a plain click, and says which page
/// is current (`aria-current="page"`).
#[component]
pub fn Link(
    #[prop(into)] href: String,
    #[prop(optional, into)] class: Option<String>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let path = href.split('?').next().unwrap_or_default().to_string();
    let current = move || (location.path.get() == path).then_some("page");
    let target = href.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.button() == 0 && !modified {
            ev.prevent_default();
            navigate(&target);
        }
    };
    view! {
        <a href=href class=class aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}
