//! Training off the main thread (issue 5): a long run shows its progress, can be cancelled, and
//! leaves the notebook as it was; the page stays usable throughout.

use latih_e2e::{BrowserLanguage, Fault, Site};

const PROGRESS: &str = "//progress[@aria-label='Progress of the run']";

/// The run's progress bar's value now, if a run is showing.
async fn progress_now(site: &Site) -> Option<f64> {
    let bars = site.find_all(PROGRESS).await;
    let bar = bars.first()?;
    bar.attr("value").await.ok().flatten()?.parse().ok()
}

#[tokio::test]
async fn a_long_training_shows_progress_and_cancelling_restores_the_notebook() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Credit scoring").await;
    site.text("4,454 rows × 14 columns").await;
    site.choose_in("3. Train a model", "Model", "Random forest")
        .await;
    site.choose("Features tried at each split", "All features")
        .await;
    site.text("100 trees,").await;
    site.until("the run to finish", || async {
        site.find_all(PROGRESS).await.is_empty()
    })
    .await;
    let accuracy_before = site.definition("Accuracy").await;

    // Ten times the trees (one keystroke: 100 becomes 1000) takes a while, even in a worker.
    const END: &str = "\u{E010}";
    let trees = site.labelled("Number of trees").await;
    trees.send_keys(&format!("{END}0")).await.unwrap();
    site.find(PROGRESS).await;
    let mut seen: Vec<f64> = Vec::new();
    for _ in 0..300 {
        if seen.len() >= 3 {
            break;
        }
        let value = progress_now(&site).await.expect("the run is still going");
        if seen.last() != Some(&value) {
            seen.push(value);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen.len() >= 3, "progress moves: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "progress rises: {seen:?}"
    );
    site.text("s left").await;

    // The main thread is free: another page opens while the worker trains, and back again.
    site.link("Data sets").await.click().await.unwrap();
    site.heading("Data sets").await;
    site.link("Notebook").await.click().await.unwrap();
    site.heading("Notebook").await;

    // The bar fades in (so that quick runs do not flicker): wait until it can be pressed.
    let cancel = site.button("Cancel").await;
    site.until("the cancel button to show", || async {
        cancel.is_displayed().await.unwrap_or(false)
    })
    .await;
    cancel.click().await.unwrap();
    site.text("Run cancelled: the notebook is back as it was before the run.")
        .await;
    assert!(
        site.find_all(PROGRESS).await.is_empty(),
        "no run after cancel"
    );
    // As it was before the run: the tree, its depth and its accuracy.
    let trees = site.labelled("Number of trees").await;
    assert_eq!(trees.prop("value").await.unwrap().as_deref(), Some("100"));
    site.text("100 trees,").await;
    assert_eq!(site.definition("Accuracy").await, accuracy_before);

    // And usable: a change runs again.
    site.fill("Number of trees", "20").await;
    site.text("20 trees,").await;
    site.close().await;
}

#[tokio::test]
async fn a_worker_that_crashes_is_reported_and_the_next_run_works() {
    let site = Site::start_with(
        Fault::FirstWorkerCrashes,
        BrowserLanguage::English,
        1000,
        900,
        1,
    )
    .await;
    site.open("/notebook").await;
    let alert = site
        .find("//*[@role='alert'][contains(., 'The worker running the notebook stopped')]")
        .await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("simulated crash: out of memory"),
        "{message}"
    );
    site.button("Run again").await.click().await.unwrap();
    site.text("150 rows × 5 columns").await;
    site.definition("Accuracy").await;
    assert!(site
        .find_all("//*[@role='alert'][contains(., 'The worker running the notebook stopped')]")
        .await
        .is_empty());
    // The pool goes on: a change runs on the fresh worker.
    site.fill("Maximum depth", "2").await;
    site.text("Depth 2,").await;
    site.close().await;
}
