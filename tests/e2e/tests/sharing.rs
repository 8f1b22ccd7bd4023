//! Links that carry the learner's own data (issue 6): a small file travels inside the link; a
//! larger one goes by name and fingerprint, so the person opening the link is asked for it and
//! told when the file they give is not the same.

use latih_e2e::{BrowserLanguage, Site};

/// A study-hours table of `rows` rows in a file of this test run named `name`.
fn grades_file(name: &str, rows: usize, twist: usize) -> std::path::PathBuf {
    let mut csv = String::from("jam_belajar;tidur;nilai\n");
    for i in 0..rows {
        let (hours, sleep) = (i % 10, 5 + (i * 7 + twist) % 4);
        let grade = if hours + sleep > 10 {
            "lulus"
        } else {
            "mengulang"
        };
        csv.push_str(&format!("{hours};{sleep};{grade}\n"));
    }
    let dir =
        std::env::temp_dir().join(format!("latih-share-{}-{rows}-{twist}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    path
}

/// Loads `path` as the data set and returns the link "Copy a link" gives.
async fn link_of_own_file(site: &Site, path: &std::path::Path, shape: &str) -> String {
    site.open("/notebook").await;
    site.heading("1. Data set").await;
    let input = site.labelled("Or use your own CSV or JSON file").await;
    input.send_keys(&path.display().to_string()).await.unwrap();
    site.text(shape).await;
    site.settled().await;
    site.copy_link().await
}

#[tokio::test]
async fn a_small_own_file_travels_inside_the_link() {
    let path = grades_file("nilai.csv", 60, 0);
    let first = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    let fragment = link_of_own_file(&first, &path, "60 rows × 3 columns").await;
    assert!(fragment.starts_with("#nb=2."), "{fragment}");
    let theirs = first.definition("Accuracy").await;
    first.close().await;

    let second = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    second.open(&format!("/notebook{fragment}")).await;
    second.text("60 rows × 3 columns").await;
    second.settled().await;
    assert_eq!(second.definition("Accuracy").await, theirs);
    second.close().await;
}

#[tokio::test]
async fn a_large_own_file_is_asked_for_and_a_different_one_refused() {
    let original = grades_file("nilai.csv", 2000, 0);
    let first = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    let fragment = link_of_own_file(&first, &original, "2,000 rows × 3 columns").await;
    first.close().await;

    let second = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    second.open(&format!("/notebook{fragment}")).await;
    second
        .text("The file “nilai.csv” is not in this browser")
        .await;
    // Same name, other content: refused, and the notebook keeps waiting for the right one.
    let other = grades_file("nilai.csv", 2000, 1);
    let input = second.labelled("Or use your own CSV or JSON file").await;
    input.send_keys(&other.display().to_string()).await.unwrap();
    second
        .text("“nilai.csv” is not the file this shared notebook was made with")
        .await;
    let input = second.labelled("Or use your own CSV or JSON file").await;
    input
        .send_keys(&original.display().to_string())
        .await
        .unwrap();
    second.text("2,000 rows × 3 columns").await;
    second.definition("Accuracy").await;
    assert!(second.find_all("//*[@id='latih-panic']").await.is_empty());
    second.close().await;
}

#[tokio::test]
async fn every_committed_fixture_link_opens_and_runs() {
    let folder = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../crates/engine/tests/fixtures/links"
    );
    let mut links: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "link"))
        .collect();
    links.sort();
    assert!(links.len() >= 2, "one fixture per link format: {links:?}");
    for path in links {
        let link = std::fs::read_to_string(&path).unwrap();
        let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
        site.open(&format!("/notebook#nb={}", link.trim())).await;
        site.text("You opened a shared notebook.").await;
        site.settled().await;
        assert!(
            !site.definition("Accuracy").await.is_empty(),
            "{} runs to an accuracy",
            path.display()
        );
        assert!(
            site.find_all("//*[@role='alert']").await.is_empty(),
            "{}",
            path.display()
        );
        site.close().await;
    }
}

#[tokio::test]
async fn data_fetched_from_a_url_is_fetched_again_by_whoever_opens_the_link() {
    let first = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    first.open("/notebook").await;
    // Opened once the first run has drawn the cells (it redraws the form).
    first.definition("Accuracy").await;
    first.text("Fetch from a URL").await.click().await.unwrap();
    // Credit scoring, 291 KB: too large to travel inside a link.
    let url = format!("{}/data/credit.csv", first.base);
    first.fill("Address (URL)", &url).await;
    first.button("Fetch the data").await.click().await.unwrap();
    first.text("“credit.csv” is loaded").await;
    first
        .choose("Target column (what to predict)", "Status")
        .await;
    first.text("4,454 rows × 14 columns").await;
    first.settled().await;
    let theirs = first.definition("Accuracy").await;
    let fragment = first.copy_link().await;

    // A fresh browser, without the file: the notebook asks before it fetches from the address
    // the link names (the first site's server, still up), and fetches nothing until then.
    let second = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    second.open(&format!("/notebook{fragment}")).await;
    let host = first
        .base
        .split_once("://")
        .unwrap()
        .1
        .trim_end_matches('/');
    second
        .text(&format!("This notebook reads its data from {host}."))
        .await;
    let asked_for = "return performance.getEntriesByType('resource') \
                     .filter(e => e.name.includes('/data/credit.csv')).length";
    assert_eq!(second.eval(asked_for).await.as_i64(), Some(0));
    second
        .button(&format!("Fetch the data from {host}"))
        .await
        .click()
        .await
        .unwrap();
    second.text("4,454 rows × 14 columns").await;
    second.settled().await;
    assert_eq!(second.definition("Accuracy").await, theirs);
    second.close().await;
    first.close().await;
}

/// Issue 18: a file inside a stranger's link is kept only beside the learner's own kept file,
/// never in its place: after the link, the learner's notebook still opens with its file.
#[tokio::test]
async fn a_links_file_does_not_evict_the_learners_kept_file() {
    let theirs = grades_file("nilai.csv", 60, 0);
    let first = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    let fragment = link_of_own_file(&first, &theirs, "60 rows × 3 columns").await;
    first.close().await;

    let mine = grades_file("punyaku.csv", 40, 1);
    let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    link_of_own_file(&site, &mine, "40 rows × 3 columns").await;
    site.open(&format!("/notebook{fragment}")).await;
    site.text("60 rows × 3 columns").await;
    let kept = site
        .eval("return Object.keys(localStorage).filter(k => k.startsWith('latih.data.')).sort()")
        .await;
    let kept: Vec<&str> = kept
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .collect();
    assert!(kept.contains(&"latih.data.file:punyaku.csv"), "{kept:?}");
    // Back to the learner's notebook, after a reload: its file is there, nothing is asked.
    site.button("Go back to my notebook")
        .await
        .click()
        .await
        .unwrap();
    site.text("40 rows × 3 columns").await;
    site.client.refresh().await.unwrap();
    site.text("40 rows × 3 columns").await;
    site.close().await;
}
