//! Latih's user-facing text in Bahasa Indonesia and English, and numbers written the way each
//! language writes them (0,95 / 0.95).
//!
//! Catalogs are plain `key = text` files (`locales/*.txt`), one per language, so a translator
//! edits one file. We read them ourselves instead of using Fluent: two languages, messages phrased
//! without plural forms (Indonesian has none), and a 30-line reader keeps the first page load
//! small, which matters on the slow phone connections Latih is built for.

mod errors;
mod models;
mod numbers;
mod search;
mod steps;

pub use errors::error_message;
pub use models::{convergence_warning, loss_text, model_shape_text};
pub use numbers::{format_count, format_decimal, format_number, format_percent, format_score};
pub use search::{candidate_text, plan_text};
pub use steps::{step_report_lines, steps_summary_text};

use std::collections::HashMap;
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

    fn catalog_source(self) -> &'static str {
        match self {
            Lang::Id => include_str!("../locales/id.txt"),
            Lang::En => include_str!("../locales/en.txt"),
        }
    }
}

type Catalog = HashMap<&'static str, &'static str>;

/// Parses a catalog: `key = text` lines; blank lines and `#` comments are skipped.
fn parse(source: &'static str) -> Catalog {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, text)| (key.trim(), text.trim()))
        .collect()
}

fn catalog(lang: Lang) -> &'static Catalog {
    static ID: OnceLock<Catalog> = OnceLock::new();
    static EN: OnceLock<Catalog> = OnceLock::new();
    let cell = match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    };
    cell.get_or_init(|| parse(lang.catalog_source()))
}

/// The text for `key`. A missing key shows as the key itself (a test keeps that from shipping).
pub fn t(lang: Lang, key: &str) -> String {
    catalog(lang)
        .get(key)
        .map_or_else(|| key.to_string(), |s| s.to_string())
}

/// The text for `key` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let mut text = t(lang, key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Every key of a language's catalog, for tests and tools.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = catalog(lang).keys().copied().collect();
    keys.sort_unstable();
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

/// The learning path's steps have keys `path-1` … `path-<LEARNING_PATH_STEPS>`.
pub const LEARNING_PATH_STEPS: usize = 6;
