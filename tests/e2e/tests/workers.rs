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

    // The main thread is free: another page of the same app opens while the worker trains,
    // and back again. (Data sets is in the first pages' app: going there reloads.)
    site.link("My notebooks").await.click().await.unwrap();
    site.heading("My notebooks").await;
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
    // On the cell it crashed on (the worker said it was at cell 3), and the bar points there.
    let alert = site
        .find(
            "//section[div/h2[starts-with(., '3. ')]]\
             //*[@role='alert'][contains(., 'The worker running the notebook stopped')]",
        )
        .await;
    site.text("The run stopped at cell 3").await;
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

/// A notebook on penguins in a browser whose pool has `workers` workers.
async fn penguins_with_workers(workers: u32) -> Site {
    with_workers(workers, "Palmer Penguins", "344 rows × 8 columns").await
}

/// A notebook on the data set titled `title` (its shape, `shape`) in a browser whose pool has
/// `workers` workers.
async fn with_workers(workers: u32, title: &str, shape: &str) -> Site {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/").await;
    site.eval(&format!(
        "localStorage.setItem('latih.workers', '{workers}'); return null"
    ))
    .await;
    site.open("/notebook").await;
    site.choose("Data set", title).await;
    site.text(shape).await;
    site
}

/// Makes the model a random forest of 60 trees, and waits for the run to finish.
async fn grow_sixty_trees(site: &Site) {
    site.choose_in("3. Train a model", "Model", "Random forest")
        .await;
    site.fill("Number of trees", "60").await;
    site.text("60 trees,").await;
    site.until("the run to finish", || async {
        site.find_all(PROGRESS).await.is_empty()
    })
    .await;
}

/// Trains a random forest of 60 trees on penguins with a pool of `workers` (their trees are
/// shared out over the pool) and reads the evaluation: accuracy, ROC-AUC, confusion matrix.
async fn penguin_forest(workers: u32) -> (Site, Vec<String>) {
    let site = penguins_with_workers(workers).await;
    grow_sixty_trees(&site).await;
    let mut numbers = vec![
        site.definition("Accuracy").await,
        site.definition("ROC-AUC (one-vs-rest, macro average)")
            .await,
    ];
    let confusion = site.table("Confusion matrix (rows: true class, columns: predicted class)");
    numbers.extend(confusion.await.concat());
    (site, numbers)
}

#[tokio::test]
async fn a_forest_grown_by_two_workers_gives_the_numbers_of_one() {
    let (one, by_one) = penguin_forest(1).await;
    one.close().await;
    let (two, by_two) = penguin_forest(2).await;
    assert_eq!(by_one, by_two);
    // Two numbers, then a header and three rows of the three species' confusion matrix.
    assert_eq!(by_two.len(), 2 + 4 * 4, "{by_two:?}");
    two.close().await;
}

/// A random forest of 60 trees predicting diabetes' progression (numbers) with a pool of
/// `workers`, and its evaluation's errors.
async fn diabetes_forest(workers: u32) -> (Site, Vec<String>) {
    let site = with_workers(workers, "Diabetes progression", "442 rows × 11 columns").await;
    grow_sixty_trees(&site).await;
    let mut numbers = Vec::new();
    for term in [
        "R² (1 is perfect, 0 is no better than the mean)",
        "Mean absolute error",
    ] {
        numbers.push(site.definition(term).await);
    }
    (site, numbers)
}

#[tokio::test]
async fn a_regression_forest_grown_by_two_workers_gives_the_numbers_of_one() {
    let (one, by_one) = diabetes_forest(1).await;
    one.close().await;
    let (two, by_two) = diabetes_forest(2).await;
    assert_eq!(by_one, by_two);
    assert!(by_two.iter().all(|n| !n.is_empty()), "{by_two:?}");
    two.close().await;
}

/// Adds a tuning cell after the notebook's four cells.
async fn add_tune_cell(site: &Site) {
    site.button("Add a tuning cell (search the last model's hyperparameters)")
        .await
        .click()
        .await
        .unwrap();
    site.heading("5. Tune the hyperparameters").await;
}

/// Presses "Run the search" once the notebook has run as it is, and reads the results table.
async fn run_search(site: &Site) -> Vec<Vec<String>> {
    let run = site.button("Run the search").await;
    site.until("the search can run", || async {
        run.is_enabled().await.unwrap_or(false)
    })
    .await;
    run.click().await.unwrap();
    site.table("Cross-validation results, one row per candidate (score: Accuracy)")
        .await
}

/// Runs the suggested grid search of a decision tree on penguins with a pool of `workers`, and
/// returns the results table without its fit-time column (times differ between runs).
async fn penguin_search(workers: u32) -> (Site, Vec<Vec<String>>) {
    let site = penguins_with_workers(workers).await;
    add_tune_cell(&site).await;
    site.text("12 candidates × 5 folds = 60 fits, on the 249 training rows")
        .await;
    let table = run_search(&site).await;
    let fit_column = table[0]
        .iter()
        .position(|h| h == "Mean fit time")
        .expect("a fit time column");
    let table = table
        .into_iter()
        .map(|mut row| {
            row.remove(fit_column);
            row
        })
        .collect();
    (site, table)
}

#[tokio::test]
async fn a_grid_search_on_penguins_gives_the_same_results_with_one_or_two_workers() {
    let (one, by_one) = penguin_search(1).await;
    one.close().await;
    let (site, by_two) = penguin_search(2).await;
    assert_eq!(by_one, by_two, "one worker and two workers rank the same");
    assert_eq!(by_two.len(), 13, "a header and 12 candidates: {by_two:?}");
    assert_eq!(
        by_two[0][..3],
        ["Rank", "max_depth", "min_samples_split"],
        "{:?}",
        by_two[0]
    );
    // Sorted by rank: the first row is the best, and the page says which it is.
    let best = &by_two[1];
    assert!(best[0].starts_with("1"), "{best:?}");
    site.text(&format!(
        "Best: max_depth = {}, min_samples_split = {}",
        best[1], best[2]
    ))
    .await;

    site.button("Use the best in cell 3")
        .await
        .click()
        .await
        .unwrap();
    site.text("Done: the model's cell now has the best values")
        .await;
    let depth = site.labelled_in("3. Train a model", "Maximum depth").await;
    assert_eq!(
        depth.prop("value").await.unwrap().as_deref(),
        Some(best[1].as_str())
    );
    let split = site
        .labelled_in("3. Train a model", "Minimum rows to split a node")
        .await;
    assert_eq!(
        split.prop("value").await.unwrap().as_deref(),
        Some(best[2].as_str())
    );
    site.text(&format!("Depth {},", best[1])).await;

    // The learning curve of the model as it now is: five training-set sizes, in a table.
    let draw = site.button("Draw the learning curve").await;
    site.until("the notebook to run with the best values", || async {
        draw.is_enabled().await.unwrap_or(false)
    })
    .await;
    draw.click().await.unwrap();
    let curve = site
        .table("Learning curve: mean Accuracy ± std over the folds, by training rows")
        .await;
    assert_eq!(curve.len(), 6, "a header and five sizes: {curve:?}");
    assert_eq!(
        curve[5][0], "199",
        "all of a fold's 199 training rows: {curve:?}"
    );
    site.find("//canvas[starts-with(@aria-label, 'Learning curve: the mean Accuracy')]")
        .await;
    site.close().await;
}

#[tokio::test]
async fn a_plain_cross_validation_shares_its_folds_out_and_reports_each_fold() {
    // At phone width: the tune cell, its table and its charts must not widen the page.
    let site = Site::start(BrowserLanguage::English, 360, 800, 2).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    add_tune_cell(&site).await;
    // No values to search: the model as it is, cross-validated.
    site.fill("Values of max_depth", "").await;
    site.fill("Values of min_samples_split", "").await;
    site.text("A cross-validation of the model as it is: 5 folds = 5 fits")
        .await;
    let table = run_search(&site).await;
    assert_eq!(table.len(), 2, "one row, the model as it is: {table:?}");
    let folds = table[1].last().unwrap();
    assert_eq!(folds.split(" · ").count(), 5, "each fold's score: {folds}");
    site.text("Best: the model as it is").await;
    site.button("Draw the learning curve")
        .await
        .click()
        .await
        .unwrap();
    site.table("Learning curve: mean Accuracy ± std over the folds, by training rows")
        .await;
    assert!(site.fits_width().await, "the tune cell fits a phone");
    site.close().await;
}

/// The models trained so far in this page, as it counts them (`<html data-trained>`).
async fn models_trained(site: &Site) -> u64 {
    // A change runs once the learner pauses; let that pause pass, then the run.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    site.settled().await;
    let count = site
        .eval("return document.documentElement.dataset.trained || '0'")
        .await;
    count.as_str().unwrap_or("0").parse().unwrap()
}

#[tokio::test]
async fn a_change_nothing_learns_from_trains_nothing_and_a_new_split_retrains_once() {
    let site = with_workers(2, "Credit scoring", "4,454 rows × 14 columns").await;
    site.choose_in("3. Train a model", "Model", "Random forest")
        .await;
    site.fill("Number of trees", "300").await;
    site.text("300 trees,").await;
    let trained = models_trained(&site).await;
    assert!(trained >= 1, "the forest was trained: {trained}");

    // A note, typed in: no model learns from it.
    site.button("Add a note").await.click().await.unwrap();
    site.fill("Note (Markdown)", "Why a forest? Many trees vote.")
        .await;
    assert_eq!(
        models_trained(&site).await,
        trained,
        "a note retrained nothing"
    );

    // The explore cell's axes: a chart of the data.
    site.button("Add an explore cell (profile the data)")
        .await
        .click()
        .await
        .unwrap();
    site.choose("Horizontal axis (x)", "Income").await;
    assert_eq!(
        models_trained(&site).await,
        trained,
        "the axes retrained nothing"
    );

    // The decision threshold: read from the predictions already made.
    site.eval(
        "const r = document.querySelector('input[type=range]'); r.value = '0.3'; \
         r.dispatchEvent(new Event('input', { bubbles: true })); return null",
    )
    .await;
    assert_eq!(
        models_trained(&site).await,
        trained,
        "the threshold retrained nothing"
    );

    // A new split: the one model is trained once more (its trees shared by the two workers).
    site.fill("Random seed", "7").await;
    assert_eq!(models_trained(&site).await, trained + 1);
    site.text("300 trees,").await;
    site.close().await;
}
