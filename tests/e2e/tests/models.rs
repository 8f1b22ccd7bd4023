//! The models of issue 4 in the built site: a neural network with its loss curve, a learning
//! rate that makes it diverge, logistic regression with its convergence warning, boosting, the
//! support vector machine, and the regression models.

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

    // SGD at a far too large learning rate: the loss blows up, and the cell says what to do.
    site.choose_in(
        TRAIN,
        "Optimiser",
        "Stochastic gradient descent with momentum (sgd)",
    )
    .await;
    site.fill("Learning rate (learning_rate_init)", "1e5").await;
    let alert = site
        .find("//section[div/h2[normalize-space(.)='3. Train a model']]//*[@role='alert']")
        .await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("blew up at epoch") && message.contains("Try a smaller one"),
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

#[tokio::test]
async fn a_decision_tree_is_drawn_and_written_as_scikit_learn_s_rules() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.heading("The tree").await;
    let image = site
        .find("//img[starts-with(@alt, 'The decision tree, ')]")
        .await;
    let alt = image.attr("alt").await.unwrap().unwrap();
    assert!(alt.contains("levels drawn"), "{alt}");
    // The browser reads the worker's SVG: the image has a size of its own.
    let width = "const i = document.querySelector('.tree-drawing img'); \
                 return i.complete ? [i.naturalWidth, i.clientWidth] : [0, 0]";
    site.until("the drawing to load", || async {
        site.eval(width).await[0].as_u64().unwrap_or(0) > 0
    })
    .await;
    let fitted = site.eval(width).await[1].as_u64().unwrap();
    assert!(fitted <= 360, "fitted to a {fitted} px wide image");
    // Full size: wider than the phone, inside a box that scrolls, not the page.
    let button = site.button("Full size").await;
    button.click().await.unwrap();
    assert_eq!(
        button.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    let full = site.eval(width).await;
    assert!(
        full[1].as_u64() == full[0].as_u64() && full[1].as_u64() > Some(fitted),
        "{full}"
    );
    assert!(
        site.fits_width().await,
        "the drawing widens the phone's page"
    );
    // The whole tree as text, as scikit-learn's export_text writes it.
    let rules = tree_rules(&site).await;
    assert!(
        rules.starts_with("|--- ") && rules.contains("class: "),
        "{rules}"
    );
    // A forest is not one tree: no drawing.
    site.choose_in(TRAIN, "Model", "Random forest").await;
    site.text("trees, mean depth").await;
    site.until("the drawing to go", || async {
        site.find_all("//img[starts-with(@alt, 'The decision tree, ')]")
            .await
            .is_empty()
    })
    .await;
    site.close().await;
}

/// The train cell's tree as rules, opened.
async fn tree_rules(site: &Site) -> String {
    site.text("The tree as rules (scikit-learn's export_text)")
        .await
        .click()
        .await
        .unwrap();
    site.find("//details[contains(@class, 'tree-rules')]/pre")
        .await
        .text()
        .await
        .unwrap()
}

/// The sentence under a decision boundary, with the two-feature model's training accuracy.
async fn boundary_accuracy(site: &Site) -> String {
    site.text("With these two features alone, the model classifies")
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_decision_boundary_is_drawn_over_two_chosen_features() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.button("Add a decision boundary cell (two features)")
        .await
        .click()
        .await
        .unwrap();
    // At first, the two features the tree leans on most.
    let image = "//img[starts-with(@alt, 'Decision boundary over ')]";
    let alt = site.find(image).await.attr("alt").await.unwrap().unwrap();
    assert!(alt.starts_with("Decision boundary over petal"), "{alt}");
    let loaded = "const i = document.querySelector('img.boundary'); \
                  return i.complete && i.naturalWidth > 0 && i.clientWidth <= 360";
    site.until("the drawing to load and fit", || async {
        site.eval(loaded).await == serde_json::json!(true)
    })
    .await;
    let petals = boundary_accuracy(&site).await;
    // Sepals separate the species less well: another picture, a lower accuracy.
    site.choose("Feature across", "sepal length (cm)").await;
    site.choose("Feature up", "sepal width (cm)").await;
    site.until("the sepals' drawing", || async {
        let alt = site.find(image).await.attr("alt").await.unwrap().unwrap();
        alt.contains("sepal length (cm) (across) and sepal width (cm) (up)")
    })
    .await;
    let sepals = boundary_accuracy(&site).await;
    assert_ne!(petals, sepals);
    assert!(
        site.fits_width().await,
        "the drawing widens the phone's page"
    );
    // Its ticks in the reader's decimal sign: sepal widths step by 0.5 (2.5, 3.0, …).
    let ticks = "return decodeURIComponent(document.querySelector('img.boundary').src)\
                 .match(/class=\"tick\"[^>]*>[^<]*/g).map(t => t.split('>')[1]).join(' ')";
    let english = site.eval(ticks).await;
    assert!(english.as_str().unwrap_or("").contains("3.0"), "{english}");
    site.button("Bahasa Indonesia").await.click().await.unwrap();
    site.until("the ticks to take a decimal comma", || async {
        let shown = site.eval(ticks).await;
        shown
            .as_str()
            .is_some_and(|t| t.contains("3,0") && !t.contains('.'))
    })
    .await;
    site.button("English").await.click().await.unwrap();
    // A number target has no classes to separate: said in words, and the page goes on.
    site.choose("Data set", "Diabetes progression").await;
    site.text("A decision boundary separates classes").await;
    site.close().await;
}

#[tokio::test]
async fn k_means_finds_groups_that_pca_draws_and_the_elbow_compares() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.button("Add a clusters cell (k-means and PCA)")
        .await
        .click()
        .await
        .unwrap();
    site.text("k-means made 3 groups of the 150 rows (4 standardised features)")
        .await;
    let line = site
        .text("Silhouette (−1 to 1: higher is tighter, better separated groups): ")
        .await
        .text()
        .await
        .unwrap();
    let silhouette = line.rsplit(": ").next().unwrap();
    assert!(
        latih_e2e::parse_shown_number(silhouette, false) > 0.3,
        "{line}"
    );
    site.text("The first two principal components keep 73.0% and 22.9% of the variance")
        .await;
    let elbow = site
        .table("Each number of clusters: inertia (the elbow) and silhouette")
        .await;
    assert_eq!(elbow.len(), 9, "a header and k = 1 to 8: {elbow:?}");
    assert_eq!(elbow[1][2], "—", "one cluster has no silhouette");
    let chart = site
        .find("//canvas[starts-with(@aria-label, 'Scatter plot of PC2 against PC1')]")
        .await;
    let label = chart.attr("aria-label").await.unwrap().unwrap();
    assert!(label.contains("cluster (1, 2, 3)"), "{label}");
    assert!(site.fits_width().await, "the cell widens the phone's page");

    // Fewer groups, then an impossible number, explained; the page goes on.
    site.fill("Number of clusters (n_clusters)", "2").await;
    site.text("k-means made 2 groups").await;
    site.fill("Number of clusters (n_clusters)", "0").await;
    let alert = site
        .find("//section[div/h2[contains(., 'Find groups')]]//*[@role='alert']")
        .await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("n_clusters = 0 is not allowed"),
        "{message}"
    );
    site.fill("Number of clusters (n_clusters)", "4").await;
    site.text("k-means made 4 groups").await;
    site.close().await;
}

#[tokio::test]
async fn a_support_vector_machine_separates_tumours_and_predicts_numbers() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Breast Cancer Wisconsin").await;
    site.definition("Accuracy").await;
    site.choose_in(TRAIN, "Model", "Support vector machine (SVM)")
        .await;
    site.text("support vectors decide").await;
    let accuracy = latih_e2e::parse_shown_number(&site.definition("Accuracy").await, false);
    assert!(accuracy > 0.9, "accuracy {accuracy}");
    // Scores rank the rows for ROC, but they are not probabilities: no log loss.
    assert_eq!(site.definition("Log loss (lower is better)").await, "—");
    site.heading("Decision threshold").await;
    site.text("which ranks the rows but is not a probability")
        .await;

    // γ of 0 is refused with the rule, and a usable one trains again.
    site.fill("Kernel width gamma", "0").await;
    let alert = site
        .find("//section[div/h2[normalize-space(.)='3. Train a model']]//*[@role='alert']")
        .await;
    let message = alert.text().await.unwrap();
    assert!(message.contains("gamma = 0 is not allowed"), "{message}");
    site.fill("Kernel width gamma", "0.01").await;
    site.text("support vectors decide").await;
    site.choose_in(TRAIN, "Kernel", "Linear (a straight boundary)")
        .await;
    site.text("support vectors decide").await;
    site.definition("Accuracy").await;
    assert!(site.fits_width().await, "the form widens the phone's page");

    // The same model predicts numbers (SVR) when the data set's target is one.
    site.choose("Data set", "Diabetes progression").await;
    site.text("A number to predict (regression)").await;
    site.text("support vectors decide").await;
    let r2 = r_squared(&site).await;
    assert!(r2 > -1.0 && r2 < 1.0, "R² {r2}");
    // The models offered are the ones that predict numbers (the SVM chosen among them).
    let offered = model_choices(&site).await;
    assert!(
        offered.contains(&"Linear regression".to_string()),
        "{offered:?}"
    );
    for classifier in ["Logistic regression", "Gaussian naive Bayes"] {
        assert!(!offered.contains(&classifier.to_string()), "{offered:?}");
    }
    // And back on classes, no linear regression.
    site.choose("Data set", "Breast Cancer Wisconsin").await;
    site.definition("Accuracy").await;
    site.until("the classifiers to be offered", || async {
        let offered = model_choices(&site).await;
        offered.contains(&"Logistic regression".to_string())
            && !offered.contains(&"Linear regression".to_string())
    })
    .await;
    site.close().await;
}

/// The models the train cell's select offers, by their visible names.
async fn model_choices(site: &Site) -> Vec<String> {
    let options = site
        .find_all(&format!(
            "//*[@id=//section[div/h2[normalize-space(.)='{TRAIN}']]\
             //label[normalize-space(.)='Model']/@for]/option"
        ))
        .await;
    let mut names = Vec::new();
    for option in options {
        names.push(option.text().await.unwrap());
    }
    names
}

/// The R² a regression evaluation shows, read as a number.
async fn r_squared(site: &Site) -> f64 {
    let shown = site
        .definition("R² (1 is perfect, 0 is no better than the mean)")
        .await;
    latih_e2e::parse_shown_number(&shown, false)
}

#[tokio::test]
async fn diabetes_progression_is_predicted_by_regression_models_and_compared_by_their_errors() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    // The decision tree predicts numbers too: switching to a regression data set keeps it.
    site.choose("Data set", "Diabetes progression").await;
    site.text("442 rows × 11 columns").await;
    site.text("A number to predict (regression): from 25 to 346")
        .await;
    site.text("the target is a number, with no classes to keep in proportion")
        .await;
    site.definition("R² on the training set").await;
    site.text("Depth ").await;
    // The regression tree is drawn too, its boxes giving the mean target.
    site.find("//img[starts-with(@alt, 'The regression tree, ')]")
        .await;
    let rules = tree_rules(&site).await;
    assert!(rules.contains("value: ["), "{rules}");
    site.choose_in(TRAIN, "Model", "Linear regression").await;
    site.text("solved exactly in one step").await;
    let least_squares = r_squared(&site).await;
    assert!((0.3..0.7).contains(&least_squares), "R² {least_squares}");
    site.definition("R² on the training set").await;
    site.text("a prediction is off by").await;
    let chart = site
        .find(
            "//canvas[starts-with(@aria-label, 'Scatter plot of predicted against actual values')]",
        )
        .await;
    let label = chart.attr("aria-label").await.unwrap().unwrap();
    assert!(label.contains("111"), "{label}");
    let residuals = site
        .find("//canvas[starts-with(@aria-label, 'Scatter plot of the residuals')]")
        .await;
    let label = residuals.attr("aria-label").await.unwrap().unwrap();
    assert!(label.contains("The largest miss is"), "{label}");
    assert!(site.fits_width().await, "the chart widens the phone's page");

    // A strong lasso keeps few features: a different, weaker fit, with its settings shown.
    site.choose_in(TRAIN, "Penalty", "Lasso (L1)").await;
    site.fill("Penalty strength (alpha)", "5").await;
    site.until("the lasso's R²", || async {
        (r_squared(&site).await - least_squares).abs() > 1e-3
    })
    .await;
    site.labelled("Maximum iterations (max_iter)").await;
    let lasso = r_squared(&site).await;
    assert!(
        lasso < least_squares,
        "lasso {lasso}, least squares {least_squares}"
    );

    // A second model, a decision tree, predicts numbers too, and the comparison ranks them by
    // their errors.
    site.button("Add another model to compare")
        .await
        .click()
        .await
        .unwrap();
    site.text("Depth ").await;
    let caption = "Test-set scores by model";
    let table = site.table(caption).await;
    assert_eq!(table.len(), 3, "a header and two models: {table:?}");
    assert_eq!(
        table[0],
        [
            "Model",
            "R² (1 is perfect, 0 is no better than the mean)",
            "Mean absolute error",
            "Root mean squared error",
            "Explained variance"
        ]
    );
    // The lowest error is the best: marked on the row with the smaller one.
    let errors: Vec<f64> = table[1..]
        .iter()
        .map(|r| latih_e2e::parse_shown_number(&r[2], false))
        .collect();
    let best = if errors[0] <= errors[1] { 1 } else { 2 };
    assert!(table[best][2].contains('★'), "{table:?}");
    assert!(!table[3 - best][2].contains('★'), "{table:?}");

    // A classifier cannot predict numbers: it is not offered (a link that asks for one gets
    // the engine's "choose another model", tested natively).
    assert!(!model_choices(&site)
        .await
        .contains(&"Gaussian naive Bayes".to_string()));
    site.choose_in(TRAIN, "Model", "Linear regression").await;
    r_squared(&site).await;

    // A search over the last model, the tree, ranks by R² on plain folds of the training rows.
    site.button("Add a tuning cell (search the last model's hyperparameters)")
        .await
        .click()
        .await
        .unwrap();
    site.heading("7. Tune the hyperparameters").await;
    site.text("12 candidates × 5 folds = 60 fits, on the 331 training rows")
        .await;
    let run = site.button("Run the search").await;
    site.until("the search can run", || async {
        run.is_enabled().await.unwrap_or(false)
    })
    .await;
    run.click().await.unwrap();
    let results = site
        .table("Cross-validation results, one row per candidate (score: R² (1 is perfect, 0 is no better than the mean))")
        .await;
    assert_eq!(results.len(), 13, "a header and 12 candidates: {results:?}");
    assert_eq!(results[0][..3], ["Rank", "max_depth", "min_samples_split"]);
    site.close().await;
}

/// The predict cell (#20): a form of the data's columns, started from the first test row; the
/// learner types a flower with long, wide petals and reads the class and each probability; a
/// value that is not a number is said beside its field, and the last prediction stays; then a
/// file of new flowers comes back with a prediction and each probability per row, downloaded.
#[tokio::test]
async fn a_new_row_typed_in_the_form_is_predicted_with_its_probabilities() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.button("Add a predict cell (the model on a new row)")
        .await
        .click()
        .await
        .unwrap();
    site.text("The model predicts: ").await;
    site.text("Probability of each class: setosa").await;
    site.fill("petal length (cm)", "6,5").await;
    site.fill("petal width (cm)", "2.3").await;
    site.settled().await;
    site.text("The model predicts: virginica").await;
    let shown = site
        .text("Probability of each class: setosa")
        .await
        .text()
        .await
        .unwrap();
    site.fill("petal width (cm)", "wide").await;
    site.text("Enter a number here.").await;
    site.text("The model predicts: virginica").await;
    // A file of new flowers, without the species: each predicted, shown, and downloaded.
    let dir = std::env::temp_dir().join(format!("latih-predict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let flowers = dir.join("flowers.csv");
    std::fs::write(
        &flowers,
        "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)
         5.0,3.4,1.5,0.2
6.9,3.1,5.8,2.2
5.9,2.9,4.3,1.3
",
    )
    .unwrap();
    site.labelled(
        "Or predict a file of new rows (CSV or JSON, with the same columns; no target needed)",
    )
    .await
    .send_keys(&flowers.display().to_string())
    .await
    .unwrap();
    site.text("3 rows predicted.").await;
    site.button("Download the predictions (CSV)")
        .await
        .click()
        .await
        .unwrap();
    let csv = site.downloaded("predictions.csv").await;
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].ends_with(
            "prediction,probability_setosa,probability_versicolor,probability_virginica"
        ),
        "{csv}"
    );
    assert!(
        lines[1].contains(",setosa,") && lines[2].contains(",virginica,"),
        "{csv}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    // The same pipeline as a page of its own, opened from the downloads as a file: the same
    // flower gets the same class and the same probabilities, offline, in either language.
    site.notebook_menu().await;
    site.button("Download a prediction page (.html)")
        .await
        .click()
        .await
        .unwrap();
    let page = site.downloaded("predict.html").await;
    assert!(page.starts_with("<!doctype html>"));
    site.open_download("predict.html").await;
    site.heading("Predict species").await;
    site.fill("petal length (cm)", "6,5").await;
    site.fill("petal width (cm)", "2.3").await;
    site.button("Predict").await.click().await.unwrap();
    site.text("species: virginica").await;
    let probabilities = site.table("How likely each class is").await;
    assert_eq!(probabilities.len(), 4, "{probabilities:?}");
    for row in &probabilities[1..] {
        // Each class's probability, as the notebook's predict cell shows it (`virginica 97.8%`).
        let class = format!("{} {}", row[0], row[1]);
        assert!(shown.contains(&class), "{shown} vs {class}");
    }
    site.fill("petal width (cm)", "wide").await;
    site.button("Predict").await.click().await.unwrap();
    site.text("“wide” in petal width (cm) is not a number.")
        .await;
    site.button("Bahasa Indonesia").await.click().await.unwrap();
    site.heading("Prediksi species").await;
    site.text("“wide” di petal width (cm) bukan angka.").await;
    site.close().await;
}

/// The trained model out of the page (#20): its schema, and boosted trees as a LightGBM model
/// and as ONNX; a model LightGBM cannot load is refused in words, with the model's name.
#[tokio::test]
async fn the_trained_model_downloads_as_a_schema_and_a_lightgbm_model() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.notebook_menu().await;
    site.button("Download the model's schema (schema.json)")
        .await
        .click()
        .await
        .unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&site.downloaded("schema.json").await).unwrap();
    assert_eq!(schema["target"], "species");
    assert_eq!(schema["inputs"].as_array().unwrap().len(), 4);
    assert!(schema["test_scores"]["accuracy"].as_f64().unwrap() > 0.8);
    assert!(schema["notebook"]
        .as_str()
        .unwrap()
        .contains("/notebook#nb="));
    site.button("Download the model for LightGBM (.txt)")
        .await
        .click()
        .await
        .unwrap();
    site.text("A LightGBM model is made of gradient-boosted trees; the last model of this notebook is Decision tree")
        .await;
    site.choose("Model", "Gradient-boosted trees").await;
    site.settled().await;
    site.notebook_menu().await;
    site.button("Download the model for LightGBM (.txt)")
        .await
        .click()
        .await
        .unwrap();
    let model = site.downloaded("model.txt").await;
    assert!(
        model.starts_with("tree\nversion=v4\nnum_class=3\n"),
        "{model}"
    );
    // The same trees as ONNX: a protobuf whose first field is the IR version (10), produced
    // by Latih (onnxruntime's checks are the engine's tests).
    site.button("Download the model as ONNX (model.onnx)")
        .await
        .click()
        .await
        .unwrap();
    let onnx = site.downloaded_bytes("model.onnx").await;
    assert_eq!(&onnx[..2], &[0x08, 10]);
    assert!(onnx.windows(5).any(|w| w == b"latih"));
    // The API bundle: a zip with the FastAPI app and its tests (run by the engine's tests).
    site.button("Download an API bundle (FastAPI, Docker; .zip)")
        .await
        .click()
        .await
        .unwrap();
    let bundle = site.downloaded_bytes("api.zip").await;
    assert_eq!(&bundle[..4], b"PK\x03\x04");
    assert!(bundle.windows(11).any(|w| w == b"test_api.py"));
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}
