//! Latih's user-facing text in Bahasa Indonesia and English, and numbers written the way each
//! language writes them (0,95 / 0.95).
//!
//! Catalogs are plain `key = text` files (`locales/*.txt`), one per language, so a translator
//! edits one file. We read them ourselves instead of using Fluent: two languages, messages phrased
//! without plural forms (Indonesian has none), and a 30-line reader keeps the first page load
//! small, which matters on the slow phone connections Latih is built for.
//!
//! For the same reason the web app does not compile the catalogs in: it fetches the reader's
//! language only and hands it over with [`install`]. Native users (the CLI, tests) turn on the
//! `embedded-catalogs` feature and have both built in.

mod clusters;
mod errors;
mod lessons;
mod models;
mod numbers;
mod predict;
mod search;
mod steps;

pub use clusters::clusters_lines;
pub use errors::{error_message, fetch_failure_message};
pub use lessons::{metric_label, outcome_label, quantity_text, reason_text};
pub use models::{convergence_warning, loss_text, model_shape_text};
pub use numbers::{
    counted_columns, format_count, format_decimal, format_megabytes, format_number, format_percent,
    format_score, separators,
};
pub use predict::{missing_choice, prediction_lines};
pub use search::{candidate_text, plan_text};
pub use steps::{step_report_lines, steps_summary_text};

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Bahasa Indonesia, Latih's first language.
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, for `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Indonesian for a browser whose preferred language is Indonesian (`id`, `id-ID`, …),
    /// English otherwise.
    pub fn from_browser_preference(preferred: &str) -> Lang {
        let primary = preferred.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }

    /// The language's name in itself, as a language switch shows it: the same in every
    /// catalog, and needed before the other language's catalog is loaded.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// Where the web app fetches this language's catalog (Trunk copies `locales/` there). The
    /// query changes whenever a catalog does, so a browser never keeps a stale one.
    pub fn catalog_url(self) -> String {
        format!("/locales/{}.txt?v={CATALOG_VERSION:08x}", self.code())
    }

    /// Where the rest of the catalog is: the words of every page but the first ones a visitor
    /// sees (see [`FIRST_PAGE_PREFIXES`]), which the app fetches once it has started.
    pub fn more_catalog_url(self) -> String {
        format!("/locales/{}.more.txt?v={CATALOG_VERSION:08x}", self.code())
    }

    #[cfg(feature = "embedded-catalogs")]
    fn embedded_source(self) -> Option<&'static str> {
        Some(match self {
            Lang::Id => include_str!("../locales/id.txt"),
            Lang::En => include_str!("../locales/en.txt"),
        })
    }

    #[cfg(not(feature = "embedded-catalogs"))]
    fn embedded_source(self) -> Option<&'static str> {
        None
    }
}

/// A hash of both catalogs, computed at compile time (the bytes are not kept in the binary).
const CATALOG_VERSION: u32 = {
    let id = fnv1a(0x811c_9dc5, include_bytes!("../locales/id.txt"));
    fnv1a(id, include_bytes!("../locales/en.txt"))
};

const fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// `(key, text)` sorted by key and read by binary search: a few hundred entries, found as fast
/// as in a hash map, with none of a hash table's code in the app's first load.
type Catalog = Vec<(&'static str, &'static str)>;

/// Parses a catalog: `key = text` lines; blank lines and `#` comments are skipped.
fn parse(source: &'static str) -> Catalog {
    let mut catalog: Catalog = source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect();
    catalog.sort_unstable_by(|a, b| a.0.cmp(b.0));
    catalog
}

/// The key prefixes of the words that the first pages (Home, Lessons, the header and footer,
/// the not-found page, the crash banner) use. The build serves them as the catalog the app
/// waits for, and the rest as a second file fetched after it starts (scripts/catalogs.mjs reads
/// this list; a test checks those pages use no other key).
pub const FIRST_PAGE_PREFIXES: &str = include_str!("../first-page-keys.txt");

fn catalog_cell(lang: Lang) -> &'static OnceLock<Catalog> {
    static ID: OnceLock<Catalog> = OnceLock::new();
    static EN: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// The rest of a fetched catalog ([`Lang::more_catalog_url`]).
fn more_cell(lang: Lang) -> &'static OnceLock<Catalog> {
    static ID: OnceLock<Catalog> = OnceLock::new();
    static EN: OnceLock<Catalog> = OnceLock::new();
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// The language's catalog: installed, or built in; `None` while neither.
fn catalog(lang: Lang) -> Option<&'static Catalog> {
    let cell = catalog_cell(lang);
    match lang.embedded_source() {
        Some(source) => Some(cell.get_or_init(|| parse(source))),
        None => cell.get(),
    }
}

/// Hands over a fetched catalog. It lives as long as the page (at most one per language), so it
/// is leaked rather than copied into owned keys and texts. A second install of a language is
/// ignored: the first one is already being read.
pub fn install(lang: Lang, source: String) {
    install_into(catalog_cell(lang), source);
}

/// Hands over the rest of a fetched catalog, as [`install`] does its first part.
pub fn install_more(lang: Lang, source: String) {
    install_into(more_cell(lang), source);
}

// Once, not inlined into each caller: the page's first load carries the parser once.
#[inline(never)]
fn install_into(cell: &'static OnceLock<Catalog>, source: String) {
    let source: &'static str = Box::leak(source.into_boxed_str());
    let _ = cell.set(parse(source));
}

/// Whether `t(lang, …)` has the first pages' words to give (always, with the built-in catalogs).
pub fn is_installed(lang: Lang) -> bool {
    catalog(lang).is_some()
}

/// Whether `t(lang, …)` has every word to give: the rest of the catalog is here too.
pub fn is_complete(lang: Lang) -> bool {
    lang.embedded_source().is_some() || more_cell(lang).get().is_some()
}

/// The text for `key`. A missing key shows as the key itself (a test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> String {
    find(catalog(lang), key)
        .or_else(|| find(more_cell(lang).get(), key))
        .map_or_else(|| key.to_string(), str::to_string)
}

#[inline(never)]
fn find(catalog: Option<&'static Catalog>, key: &str) -> Option<&'static str> {
    let catalog = catalog?;
    let at = catalog.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
    Some(catalog[at].1)
}

/// The text for `key` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let mut text = t(lang, key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The prediction page's words in both languages (it switches between them), from catalogs
/// that must be complete: the page is written once and read offline.
pub fn page_words() -> latih_engine::export::PageWords {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let words = latih_engine::export::PAGE_KEYS
                .iter()
                .map(|key| (key.to_string(), t(lang, key)))
                .collect();
            (lang.code().to_string(), words)
        })
        .collect()
}

/// Every key of a language's catalog (its first part and, once fetched, the rest), for tests,
/// tools, and the worker that writes a repository's README.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = [catalog(lang), more_cell(lang).get()]
        .into_iter()
        .flatten()
        .flat_map(|catalog| catalog.iter().map(|(key, _)| *key))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The `{placeholders}` a message uses, sorted.
pub fn placeholders(lang: Lang, key: &str) -> Vec<String> {
    let text = t(lang, key);
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The roadmap stages of `shared/seed/`, in order; each has `stage-<id>-title` and `-body` keys.
pub const ROADMAP_STAGES: [&str; 6] =
    ["collect", "train", "evaluate", "tune", "deploy", "document"];

/// The course's lessons in their order, each with its roadmap stage. A lesson is the files
/// `content/<lang>/<slug>.md`; its title is also the catalog's `lessons-title-<slug>`, so that
/// the Lessons page lists every lesson without fetching one (tests/lessons.rs checks both
/// against the files).
pub const LESSONS: [(&str, &str); 18] = [
    ("data-as-a-table", "collect"),
    ("statistics-you-need", "collect"),
    ("probability-and-bayes", "train"),
    ("distance-and-scaling", "train"),
    ("collecting-data", "collect"),
    ("cleaning-without-leaking", "collect"),
    ("how-a-tree-decides", "train"),
    ("forests-and-boosting", "train"),
    ("neural-networks", "train"),
    ("linear-models-regularisation", "train"),
    ("train-test-baseline", "evaluate"),
    ("precision-recall", "evaluate"),
    ("roc-auc-imbalanced", "evaluate"),
    ("tuning", "tune"),
    ("clusters-and-pca", "train"),
    ("deploying-a-model", "deploy"),
    ("documenting-and-collaborating", "document"),
    ("mini-competition", "tune"),
];

/// The portfolio projects in their order, each with its data set. A project is a lesson file
/// (`content/<lang>/projects/<slug>.md`) whose checks are its rubric; its title is also the
/// catalog's `projects-title-<slug>` and its question `projects-question-<slug>`, so that the
/// Projects page lists them without fetching one.
pub const PROJECTS: [(&str, &str); 8] = [
    ("credit-scoring", "credit"),
    ("card-default-risk", "credit_default"),
    ("customer-churn", "churn"),
    ("customer-segmentation", "churn"),
    ("house-prices", "houses"),
    ("medical-screening", "breast_cancer"),
    ("titanic-competition", "titanic"),
    ("handwritten-digits", "digits"),
];

/// The learning path's steps have keys `path-1` … `path-<LEARNING_PATH_STEPS>`.
pub const LEARNING_PATH_STEPS: usize = 6;
