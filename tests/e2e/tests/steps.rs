//! Cleaning steps in the built site (issue 3): titanic's missing ages filled from the training
//! rows, its categories one-hot encoded, then a model trained and evaluated.

use latih_e2e::{BrowserLanguage, Site};

const STEPS: &str = "3. Clean and prepare the data";

#[tokio::test]
async fn titanic_ages_are_filled_by_median_classes_one_hot_then_a_model_trains() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Titanic").await;
    site.text("1,309 rows × 5 columns").await;
    site.text("263 rows with missing values were dropped").await;
    site.definition("Accuracy").await;

    site.button("Add cleaning steps (fill in, encode, scale, drop)")
        .await
        .click()
        .await
        .unwrap();
    site.heading(STEPS).await;
    // The data set keeps every row now; the steps must deal with the missing ages.
    site.text("Missing values kept for the cleaning steps below: age (263)")
        .await;
    let train = "4. Train a model";
    let alert = site
        .find(&format!(
            "//section[div/h2[normalize-space(.)='{train}']]//*[@role='alert']"
        ))
        .await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("still have missing values") && message.contains("age"),
        "{message}"
    );

    // Step 1: fill in age with the median of the training rows.
    site.settled().await;
    site.button("Add a step").await.click().await.unwrap();
    site.choose_in(STEPS, "Step", "Fill in missing values (SimpleImputer)")
        .await;
    site.choose_in(STEPS, "Column", "age").await;
    site.choose_in(STEPS, "Fill with", "The median of the training rows")
        .await;
    site.text("263 cells changed").await;
    let learned = site.text("Learned from the training rows: age = ").await;
    let learned = learned.text().await.unwrap();
    assert!(
        learned.contains("age = 2"),
        "a median age in the twenties: {learned}"
    );
    site.text("1,309 → 1,309 rows").await;
    // The Python beside it says the same thing.
    site.find("//summary[normalize-space(.)='pandas / scikit-learn']")
        .await
        .click()
        .await
        .unwrap();
    site.text("imputer = SimpleImputer(strategy=\"median\")")
        .await;

    // Steps 2 and 3: sex and passenger class as categories.
    for (n, column) in [(2, "sex"), (3, "passengerClass")] {
        site.settled().await;
        site.button("Add a step").await.click().await.unwrap();
        site.choose_in_step(n, "Step", "Treat as categories (one-hot encode)")
            .await;
        site.choose_in_step(n, "Column", column).await;
        site.text(&format!(
            "X_train[\"{column}\"] = X_train[\"{column}\"].astype(str)"
        ))
        .await;
    }
    site.text("After the steps: ").await;
    // Every row is used: 1,309 rows split, none dropped.
    let after = site.text("After the steps: ").await.text().await.unwrap();
    assert!(
        after.contains("training rows") && after.contains("test rows"),
        "{after}"
    );
    let train_rows: usize = after
        .split("After the steps: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .map(|n| n.replace(',', "").parse().unwrap())
        .unwrap();
    assert!(train_rows > 900, "most of the 1,309 rows train: {after}");
    site.definition("Accuracy").await;
    assert!(site
        .find_all(&format!(
            "//section[div/h2[normalize-space(.)='{train}']]//*[@role='alert']"
        ))
        .await
        .is_empty());
    assert!(site.fits_width().await, "the steps widen the phone's page");

    // The steps survive a reload, in order.
    site.client.refresh().await.unwrap();
    site.heading(STEPS).await;
    site.find("//legend[normalize-space(.)='Step 3']").await;
    site.definition("Accuracy").await;

    // Columns read as other kinds: "yes"/"no" as true/false, and ages as true/false too, which
    // only 0 and 1 are (pandas: 1,036 of the 1,046 ages are neither, and become missing).
    site.find("//summary[normalize-space(.)='Column types (change one that was read wrong)']")
        .await
        .click()
        .await
        .unwrap();
    let read_as = |column: &'static str, kind: &'static str| {
        let site = &site;
        async move {
            site.choose_in("1. Data set", "Column", column).await;
            site.choose_in("1. Data set", "Read it as", kind).await;
        }
    };
    read_as("survived", "true/false").await;
    assert!(
        site.fits_width().await,
        "the column types widen the phone's page"
    );
    site.text("True: 500").await;
    site.text("False: 809").await;
    site.settled().await;
    read_as("age", "true/false").await;
    site.text(
        "Values that are not of the kind chosen for their column are now missing: age (1,036).",
    )
    .await;
    // Back to numbers: the median fills them in again, and the model trains.
    site.settled().await;
    read_as("age", "number").await;
    site.text("Missing values kept for the cleaning steps below: age (263)")
        .await;
    site.definition("Accuracy").await;
    site.close().await;
}

async fn add_step(site: &Site, n: usize, kind: &str) {
    site.settled().await;
    site.button("Add a step").await.click().await.unwrap();
    site.choose_in_step(n, "Step", kind).await;
}

#[tokio::test]
async fn penguins_are_filtered_renamed_and_binned_and_a_bad_filter_value_is_explained() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Palmer Penguins").await;
    site.definition("Accuracy").await;
    site.button("Add cleaning steps (fill in, encode, scale, drop)")
        .await
        .click()
        .await
        .unwrap();
    site.heading(STEPS).await;

    // Heavier penguins only: pandas keeps 177 of 344 (body_mass_g >= 4000).
    add_step(&site, 1, "Keep rows where… (filter)").await;
    site.choose_in_step(1, "Column", "body_mass_g").await;
    site.choose_in_step(1, "Condition", "is at least").await;
    site.fill_in_step(1, "Value", "4000").await;
    site.text("344 → 177 rows").await;
    site.text("keep = X_train[\"body_mass_g\"] >= 4000.0").await;

    add_step(&site, 2, "Rename a column").await;
    site.choose_in_step(2, "Column", "sex").await;
    site.fill_in_step(2, "New name", "gender").await;
    site.text("X_train = X_train.rename(columns={\"sex\": \"gender\"})")
        .await;

    add_step(&site, 3, "Cut into equal-width bins (KBinsDiscretizer)").await;
    site.choose_in_step(3, "Column", "flipper_length_mm").await;
    site.choose_in_step(3, "Number of bins", "4").await;
    site.text("KBinsDiscretizer(n_bins=4, encode=\"ordinal\", strategy=\"uniform\")")
        .await;

    add_step(&site, 4, "Drop rows with missing values (dropna)").await;
    let after = site.text("After the steps: ").await.text().await.unwrap();
    assert!(after.contains("gender"), "the renamed column: {after}");
    site.settled().await;
    assert!(!site.definition("Accuracy").await.is_empty());

    // The year as text: kept, but no feature (in pandas, dropped from the features).
    // (Its name has an apostrophe, which WebDriver's choice by label cannot quote: by value.)
    site.settled().await;
    site.button("Add a step").await.click().await.unwrap();
    let step = "//fieldset[legend[normalize-space(.)='Step 5']]";
    site.find(&format!(
        "{step}//select[@id={step}//label[normalize-space(.)='Step']/@for]"
    ))
    .await
    .select_by_value("cast")
    .await
    .unwrap();
    site.text("Change a column's type").await;
    site.choose_in_step(5, "Column", "year").await;
    site.choose_in_step(5, "Read as", "Text (no model learns from it)")
        .await;
    site.text("X_train = X_train.drop(columns=[\"year\"])")
        .await;
    site.settled().await;
    assert!(!site.definition("Accuracy").await.is_empty());

    // A word where the column holds numbers: the step says what is wrong, and nothing is lost.
    site.fill_in_step(1, "Value", "berat").await;
    site.text(
        "“body_mass_g” holds numbers, so the filter's value must be a number; “berat” is not one",
    )
    .await;
    site.fill_in_step(1, "Value", "4000").await;
    site.text("344 → 177 rows").await;
    site.close().await;
}
