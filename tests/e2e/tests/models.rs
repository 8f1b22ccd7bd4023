//! The models of issue 4 in the built site: a neural network with its loss curve, a learning
//! rate that makes it diverge, and logistic regression with its convergence warning.

use latih_e2e::{BrowserLanguage, Site};

const TRAIN: &str = "3. Train a model";

#[tokio::test]
async fn a_neural_network_shows_its_loss_curve_and_a_diverging_learning_rate_is_explained() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Palmer Penguins").await;
    site.text("344 rows × 8 columns").await;
    site.definition("Accuracy").await;
    site.choose_in(TRAIN, "Model", "Neural network (MLP)").await;
    site.fill("Hidden layer sizes", "16").await;
    site.text("Hidden layers of 16 units").await;
    let chart = site
        .find("//canvas[starts-with(@aria-label, 'Training loss per epoch: ')]")
        .await;
    let label = chart.attr("aria-label").await.unwrap().unwrap();
    assert!(label.contains("after the last"), "{label}");
    site.definition("Accuracy").await;
    assert!(
        site.fits_width().await,
        "the loss curve widens the phone's page"
    );

    // SGD at an absurd learning rate: the loss overflows, and the cell says what to do.
    site.choose_in(
        TRAIN,
        "Optimiser",
        "Stochastic gradient descent with momentum (sgd)",
    )
    .await;
    site.fill("Learning rate (learning_rate_init)", "1e100")
        .await;
    let alert = site
        .find("//section[div/h2[normalize-space(.)='3. Train a model']]//*[@role='alert']")
        .await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("became infinite") && message.contains("Try a smaller one"),
        "{message}"
    );
    // And the page goes on: a sensible rate trains again.
    site.fill("Learning rate (learning_rate_init)", "0.01")
        .await;
    site.text("Hidden layers of 16 units").await;
    site.definition("Accuracy").await;
    site.close().await;
}

#[tokio::test]
async fn logistic_regression_warns_when_it_runs_out_of_iterations() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.choose_in(TRAIN, "Model", "Logistic regression").await;
    site.text("found in").await;
    site.heading("Largest weights (on standardised features, as shares)")
        .await;
    site.definition("ROC-AUC (one-vs-rest, macro average)")
        .await;
    // Unscaled and stopped after two iterations: scikit-learn's ConvergenceWarning, in words.
    site.labelled("Standardise the features first (StandardScaler)")
        .await
        .click()
        .await
        .unwrap();
    site.fill("Maximum iterations (max_iter)", "2").await;
    site.text("Warning: the solver used every iteration").await;
    site.text("found in 2 iterations").await;
    site.close().await;
}

#[tokio::test]
async fn gradient_boosting_draws_its_rounds_and_stops_early_on_held_out_rows() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Palmer Penguins").await;
    site.text("344 rows × 8 columns").await;
    site.definition("Accuracy").await;
    site.choose_in(TRAIN, "Model", "Gradient-boosted trees")
        .await;
    site.text("100 boosting rounds of trees with").await;
    site.find("//canvas[starts-with(@aria-label, 'Training loss per boosting round: ')]")
        .await;
    site.heading("Most important features").await;
    // A fast learning rate and many rounds: the held-out loss stops improving long before.
    site.fill("Learning rate (learning_rate)", "0.5").await;
    site.fill("Boosting rounds at most (max_iter)", "500").await;
    site.labelled(
        "Stop early when the loss on a held-out 10% of the training rows stops improving",
    )
    .await
    .click()
    .await
    .unwrap();
    let note = site.text("Stopped early after round").await;
    let text = note.text().await.unwrap();
    let round: u32 = text
        .split("round ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("a round number in {text}"));
    assert!(round < 500, "{text}");
    site.definition("Accuracy").await;
    site.close().await;
}
