//! Offline and installable (issue 22): once visited, the site works with no connection (Home,
//! a lesson, a notebook on a shipped data set used before, My notebooks), and Chromium finds
//! nothing that keeps it from being installed; a new release says so, politely, and is used
//! when the learner asks.

use latih_e2e::{BrowserLanguage, Fault, Site};

#[tokio::test]
async fn a_visited_site_works_offline_and_can_be_installed() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/").await;
    site.heading("Learn machine learning by doing it").await;
    site.until_offline_ready().await;
    let errors = site
        .devtools("Page.getInstallabilityErrors", serde_json::json!({}))
        .await;
    assert_eq!(
        errors["installabilityErrors"].as_array().map(Vec::len),
        Some(0),
        "{errors}"
    );
    // The notebook, once: its data set (iris) is kept as it is used.
    site.link("Notebook").await.click().await.unwrap();
    site.definition("Accuracy").await;
    site.settled().await;

    // A lesson, once: its app, its file and its data set (breast_cancer) are kept.
    site.open("/lessons/precision-recall").await;
    site.heading("Precision, recall and F1").await;
    site.settled().await;

    site.set_offline(true).await;
    site.open("/lessons/precision-recall").await;
    site.heading("Precision, recall and F1").await;
    site.find("//section[@class='exercise']").await;
    site.settled().await;
    site.definition("Accuracy").await;
    site.open("/notebook").await;
    site.heading("Notebook").await;
    site.definition("Accuracy").await;
    site.text("150 rows × 5 columns").await;
    site.open("/").await;
    site.heading("Learn machine learning by doing it").await;
    site.open("/notebooks").await;
    site.heading("My notebooks").await;
    // A data set never opened is not there: said, not hung.
    site.set_offline(false).await;
    site.close().await;
}

#[tokio::test]
async fn a_new_release_says_it_is_ready_and_is_used_when_asked() {
    let site = Site::start_with(Fault::NewRelease, BrowserLanguage::Indonesian, 360, 740, 1).await;
    site.open("/notebook").await;
    site.definition("Akurasi").await;
    site.until_offline_ready().await;
    // The first worker of a first visit says nothing: there was no version before it.
    assert!(site.find_all("//*[@id='update-ready']").await.is_empty());
    // The browser looks again (as on the learner's return to the tab) and finds a new release.
    site.eval("window.beforeTheUpdate = true; navigator.serviceWorker.getRegistration().then(r => r.update()); return null")
        .await;
    site.text("Versi baru Latih sudah siap. Pekerjaanmu sudah tersimpan.")
        .await;
    // Its words follow the page's language.
    site.button("English").await.click().await.unwrap();
    site.text("A new version of Latih is ready. Your work is saved.")
        .await;
    site.button("Use it now").await.click().await.unwrap();
    site.until("the page to reload under the new version", || async {
        site.eval(
            "return window.beforeTheUpdate === undefined && !!navigator.serviceWorker.controller",
        )
        .await
        .as_bool()
            == Some(true)
    })
    .await;
    site.definition("Accuracy").await;
    assert!(site.find_all("//*[@id='update-ready']").await.is_empty());
    site.close().await;
}

#[tokio::test]
async fn the_data_sets_saved_for_offline_open_with_no_connection() {
    let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    site.open("/datasets").await;
    site.heading("Use them with no connection").await;
    site.until_offline_ready().await;
    // Their size is said before anything is saved.
    site.text("Save all 11 data sets on this device (1.9 MB).")
        .await;
    site.open("/datasets").await;
    site.text("0 of 11 are saved on this device.").await;
    site.button("Save for offline").await.click().await.unwrap();
    site.text("All 11 data sets are saved on this device.")
        .await;
    // Asked of the browser's caches again, after a reload.
    site.client.refresh().await.unwrap();
    site.text("All 11 data sets are saved on this device.")
        .await;

    // With no connection, a data set never opened before opens in the notebook.
    site.set_offline(true).await;
    site.open("/notebook?dataset=churn").await;
    site.text("5,000 rows × 20 columns").await;
    site.definition("Accuracy").await;
    site.set_offline(false).await;
    site.close().await;
}
