//! The data sets shipped with the site (files under `static/data/`, sources in
//! `shared/datasets/README.md`). Their "About this data" notes are translated text and live in
//! the i18n catalogs under `dataset-<id>-about`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatasetInfo {
    /// Stable name used in notebooks and links; the file is `data/<id>.csv`.
    pub id: &'static str,
    pub title: &'static str,
    pub suggested_target: &'static str,
    /// Whether the suggested target is a number to predict (regression).
    pub regression: bool,
    pub rows: usize,
    pub columns: usize,
    pub missing_cells: usize,
    /// The file's size in bytes, said before the learner saves the data sets for offline use.
    pub bytes: usize,
    pub source: &'static str,
    pub licence: &'static str,
}

pub const DATASETS: &[DatasetInfo] = &[
    DatasetInfo {
        id: "iris",
        title: "Iris",
        suggested_target: "species",
        regression: false,
        rows: 150,
        columns: 5,
        missing_cells: 0,
        bytes: 3878,
        source: "Fisher (1936), via scikit-learn load_iris; UCI Machine Learning Repository",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "penguins",
        title: "Palmer Penguins",
        suggested_target: "species",
        regression: false,
        rows: 344,
        columns: 8,
        missing_cells: 19,
        bytes: 16735,
        source: "Gorman, Williams & Fraser (2014), palmerpenguins R package",
        licence: "CC0",
    },
    DatasetInfo {
        id: "titanic",
        title: "Titanic",
        suggested_target: "survived",
        regression: false,
        rows: 1309,
        columns: 5,
        missing_cells: 263,
        bytes: 58908,
        source: "Titanic passenger list, R package carData (TitanicSurvival)",
        licence: "GPL-2+ package; historical facts",
    },
    DatasetInfo {
        id: "wine",
        title: "Wine",
        suggested_target: "cultivar",
        regression: false,
        rows: 178,
        columns: 14,
        missing_cells: 0,
        bytes: 12263,
        source: "UCI Wine, via scikit-learn load_wine",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "breast_cancer",
        title: "Breast Cancer Wisconsin",
        suggested_target: "diagnosis",
        regression: false,
        rows: 569,
        columns: 31,
        missing_cells: 0,
        bytes: 124869,
        source: "UCI Breast Cancer Wisconsin (Diagnostic), via scikit-learn",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "credit",
        title: "Credit scoring",
        suggested_target: "Status",
        regression: false,
        rows: 4454,
        columns: 14,
        missing_cells: 455,
        bytes: 291480,
        source: "Credit scoring data (J. A. Gómez), R package modeldata (credit_data)",
        licence: "MIT",
    },
    DatasetInfo {
        id: "credit_default",
        title: "Credit card default",
        suggested_target: "default",
        regression: false,
        rows: 10000,
        columns: 4,
        missing_cells: 0,
        bytes: 242378,
        source: "Simulated credit card default data, R package ISLR (Default)",
        licence: "GPL-2 package",
    },
    DatasetInfo {
        id: "churn",
        title: "Telecom churn",
        suggested_target: "churn",
        regression: false,
        rows: 5000,
        columns: 20,
        missing_cells: 0,
        bytes: 456064,
        source: "Telecom customer churn, R package modeldata (mlc_churn)",
        licence: "MIT",
    },
    DatasetInfo {
        id: "digits",
        title: "Handwritten digits",
        suggested_target: "digit",
        regression: false,
        rows: 1797,
        columns: 65,
        missing_cells: 0,
        bytes: 495374,
        source: "UCI Optical Recognition of Handwritten Digits, via scikit-learn load_digits",
        licence: "CC BY 4.0",
    },
    DatasetInfo {
        id: "houses",
        title: "Saratoga houses",
        suggested_target: "price",
        regression: true,
        rows: 1728,
        columns: 16,
        missing_cells: 0,
        bytes: 133639,
        source: "Saratoga County houses (De Veaux), R package mosaicData (SaratogaHouses)",
        licence: "GPL-2+ package",
    },
    DatasetInfo {
        id: "diabetes",
        title: "Diabetes progression",
        suggested_target: "progression",
        regression: true,
        rows: 442,
        columns: 11,
        missing_cells: 0,
        bytes: 25682,
        source: "Efron, Hastie, Johnstone & Tibshirani (2004), via scikit-learn load_diabetes",
        licence: "BSD-3-Clause",
    },
];

pub fn find(id: &str) -> Option<&'static DatasetInfo> {
    DATASETS.iter().find(|d| d.id == id)
}

/// A shipped data set's path on the site (`static/data/` is copied to `/data/`): where the app
/// fetches it, and the exported code reads it from when it is not beside the code.
pub fn dataset_path(id: &str) -> String {
    format!("/data/{id}.csv")
}

/// A learner's own file goes into a notebook under this prefix and its file name; its text stays
/// on the learner's device.
const USER_PREFIX: &str = "file:";

/// The data set id of a learner's own file.
pub fn user_dataset_id(file_name: &str) -> String {
    format!("{USER_PREFIX}{file_name}")
}

/// The file name behind a learner's own data set id.
pub fn user_file_name(id: &str) -> Option<&str> {
    id.strip_prefix(USER_PREFIX)
}

/// A SQL cell's result goes into a notebook under this prefix and the cell's name.
const QUERY_PREFIX: &str = "sql:";

/// The data set id of the result of the SQL cell named `name`.
pub fn query_result_id(name: &str) -> String {
    format!("{QUERY_PREFIX}{name}")
}

/// The SQL cell name behind a query result's data set id.
pub fn query_result_name(id: &str) -> Option<&str> {
    id.strip_prefix(QUERY_PREFIX)
}

/// The table name a data set goes by in SQL: a shipped data set by its id (`penguins`), a
/// learner's file by its name without the extension (`file:nilai ujian.csv` → `nilai_ujian`), a
/// query's result by its cell's name; letters, digits and underscores only, lower case.
pub fn table_name(dataset: &str) -> String {
    let name = user_file_name(dataset)
        .map(|file| file.rsplit_once('.').map_or(file, |(stem, _)| stem))
        .or_else(|| query_result_name(dataset))
        .unwrap_or(dataset);
    sql_name(name)
}

/// `name` as a SQL name: letters, digits and underscores only, lower case, not starting with a
/// digit. ASCII case mapping only: Unicode's tables would cost the app's first load 12 KB.
pub fn sql_name(name: &str) -> String {
    let mut clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() || clean.starts_with(|c: char| c.is_ascii_digit()) {
        clean.insert(0, 't');
    }
    clean
}

/// The file name data fetched from `url` goes by: the last part of its path, with an extension
/// that says how it reads (the exported Python reads JSON by its name), else the host's name.
/// `https://example.org/api/v1/stations?limit=50` holding JSON is `stations.json`.
pub fn file_name_for_url(url: &str, json: bool) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or_default();
    let after_scheme = without_query
        .split_once("://")
        .map_or(without_query, |(_, rest)| rest);
    let mut parts = after_scheme.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default();
    let last = parts.next_back().unwrap_or(host);
    let name: String = last
        .chars()
        .map(|c| if c.is_control() || c == '\\' { '_' } else { c })
        .collect();
    let name = if name.is_empty() { "data".into() } else { name };
    let lower = name.to_ascii_lowercase();
    let extension = if json { ".json" } else { ".csv" };
    let readable = if json {
        lower.ends_with(".json")
    } else {
        [".csv", ".tsv", ".txt"].iter().any(|e| lower.ends_with(e))
    };
    if readable {
        name
    } else {
        format!("{name}{extension}")
    }
}

/// The most bytes the page reads from one data URL: as much as a file it opens from the device.
pub const PAGE_FETCH_BYTES: u64 = 64_000_000;
/// The longest the page waits for one data URL, its whole answer included (60 s reads about
/// 12 MB at 1.6 Mbit/s; a larger file on a slow connection is better saved and opened).
pub const PAGE_FETCH_SECONDS: u32 = 60;

/// Why data could not be fetched from a URL the learner gave (the app's and the command line's
/// words for each are `latih_i18n::fetch_failure_message`'s).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum FetchFailure {
    /// Not an http(s) address.
    NotAnAddress,
    /// No answer could be read: the server is unreachable, the device is offline, or (in a
    /// browser) the server does not allow other sites to read it (CORS), which it does not say.
    Unreachable { url: String },
    /// The server answered with an error status, e.g. 404.
    Status { url: String, status: u16 },
    /// The server answered with a web page, not CSV or JSON.
    WebPage { url: String },
    /// The address is on this computer or a private network, which a notebook from someone
    /// else may not reach into (the command line fetches from there only when allowed).
    PrivateAddress { url: String },
    /// The answer went on past `limit` bytes; reading stopped there.
    TooLarge { url: String, limit: u64 },
    /// The answer had not all come after `seconds`; reading stopped there.
    TimedOut { url: String, seconds: u32 },
}

/// The host of `url` as a person reads it (`data.example.org`, `127.0.0.1:8080`), without the
/// scheme, any user name and password, the path, and control characters: what a question
/// about fetching names.
pub fn url_host(url: &str) -> String {
    // By hand rather than with `split` and friends: each pattern type they are given adds its
    // own searching code to the app's first load.
    let scheme_end = url.as_bytes().windows(3).position(|w| w == b"://");
    let rest = scheme_end.map_or(url, |at| &url[at + 3..]);
    let mut host = String::new();
    for c in rest.chars() {
        match c {
            '/' | '?' | '#' | '\\' => break,
            // What came before is a user name and password, not the host.
            '@' => host.clear(),
            c if !c.is_control() => host.push(c),
            _ => {}
        }
    }
    host
}

/// Whether `url` is one to fetch data from: http or https.
pub fn check_data_url(url: &str) -> Result<(), FetchFailure> {
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(())
    } else {
        Err(FetchFailure::NotAnAddress)
    }
}

/// What a server's answer to a data URL gives: its text, if that is data rather than an error
/// status or a web page.
pub fn fetched_data(url: &str, status: u16, text: String) -> Result<String, FetchFailure> {
    let url = url.to_string();
    if !(200..300).contains(&status) {
        Err(FetchFailure::Status { url, status })
    } else if looks_like_web_page(&text) {
        Err(FetchFailure::WebPage { url })
    } else {
        Ok(text)
    }
}

/// Whether fetched text is a web page (an error or a login page where data was expected).
pub fn looks_like_web_page(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    start.starts_with('<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_named_by_its_host_without_credentials_or_path() {
        for (url, host) in [
            ("https://data.example.org/iris.csv", "data.example.org"),
            (
                "http://127.0.0.1:8080/data/credit.csv?x=1",
                "127.0.0.1:8080",
            ),
            ("https://user:secret@example.org/a", "example.org"),
            ("https://example.org#frag", "example.org"),
            ("https://evil.example\\@good.example/", "evil.example"),
            ("https://exa\u{1b}[2Jmple.org/", "exa[2Jmple.org"),
        ] {
            assert_eq!(url_host(url), host, "{url}");
        }
    }

    #[test]
    fn a_url_names_its_file_by_its_path_and_what_it_holds() {
        let cases = [
            (
                "https://example.org/api/v1/stations?limit=50",
                true,
                "stations.json",
            ),
            ("https://example.org/data/iris.csv", false, "iris.csv"),
            ("https://example.org/data/iris.csv#top", false, "iris.csv"),
            ("https://example.org/export", false, "export.csv"),
            ("https://example.org/", true, "example.org.json"),
            ("https://example.org/x.json", true, "x.json"),
            ("https://example.org/table.tsv", false, "table.tsv"),
            ("example.org", false, "example.org.csv"),
            ("", false, "data.csv"),
        ];
        for (url, json, name) in cases {
            assert_eq!(file_name_for_url(url, json), name, "{url}");
        }
        assert!(looks_like_web_page("\n  <!DOCTYPE html><html>"));
        assert!(!looks_like_web_page("a,b\n1,2"));
    }

    #[test]
    fn tables_have_sql_friendly_names() {
        assert_eq!(table_name("penguins"), "penguins");
        assert_eq!(table_name("file:Nilai Ujian.csv"), "nilai_ujian");
        assert_eq!(table_name("file:2024.json"), "t2024");
        assert_eq!(table_name(&query_result_id("per species")), "per_species");
        assert_eq!(query_result_name("sql:counts"), Some("counts"));
        assert_eq!(query_result_name("file:counts"), None);
    }
}
