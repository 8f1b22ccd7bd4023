//! The journeys of the notebook through the release build (issue 2, and the learner's own file of
//! issue 3), by role and visible text.

use latih_e2e::{parse_shown_number, quote, BrowserLanguage, Fault, Site};

/// What a person reads in one language along the first notebook journey.
struct Words {
    language_button: &'static str,
    home_heading: &'static str,
    notebook_title: &'static str,
    max_depth: &'static str,
    penguins_shape: &'static str,
    penguins_dropped: &'static str,
    iris_shape: &'static str,
    test_rows: &'static str,
    tree_depth: &'static str,
    accuracy: &'static str,
    confusion_caption: &'static str,
    decimal_comma: bool,
}

const ENGLISH: Words = Words {
    language_button: "English",
    home_heading: "Learn machine learning by doing it",
    notebook_title: "Notebook — Latih",
    max_depth: "Maximum depth",
    penguins_shape: "344 rows × 8 columns",
    penguins_dropped: "11 rows with missing values were dropped",
    iris_shape: "150 rows × 5 columns",
    test_rows: "Test set: ",
    tree_depth: "Depth 3,",
    accuracy: "Accuracy",
    confusion_caption: "Confusion matrix (rows: true class, columns: predicted class)",
    decimal_comma: false,
};

const INDONESIAN: Words = Words {
    language_button: "Bahasa Indonesia",
    home_heading: "Belajar machine learning dengan praktik",
    notebook_title: "Notebook — Latih",
    max_depth: "Kedalaman maksimum",
    penguins_shape: "344 baris × 8 kolom",
    penguins_dropped: "11 baris dengan nilai kosong dibuang",
    iris_shape: "150 baris × 5 kolom",
    test_rows: "Data uji: ",
    tree_depth: "Kedalaman 3,",
    accuracy: "Akurasi",
    confusion_caption: "Confusion matrix (baris: kelas sebenarnya, kolom: kelas prediksi)",
    decimal_comma: true,
};

async fn html_lang(site: &Site) -> String {
    site.eval("return document.documentElement.lang")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Switch language, open the notebook, pick iris, train a tree, read accuracy and the matrix.
async fn notebook_journey(site: &Site, words: &Words, lang_code: &str) {
    site.button(words.language_button)
        .await
        .click()
        .await
        .unwrap();
    // Its words may still be on their way (the whole app fetches a language when it is chosen).
    site.until("the language", || async {
        html_lang(site).await == lang_code
    })
    .await;
    site.link("Notebook").await.click().await.unwrap();
    site.heading("Notebook").await;
    site.until("the page title", || async {
        site.title().await == words.notebook_title
    })
    .await;
    assert_eq!(html_lang(site).await, lang_code);

    site.choose("Data set", "Palmer Penguins").await;
    site.text(words.penguins_shape).await;
    site.text(words.penguins_dropped).await;
    site.choose("Data set", "Iris").await;
    site.text(words.iris_shape).await;
    site.fill(words.max_depth, "3").await;
    site.text(words.tree_depth).await;

    let test_rows = site.text(words.test_rows).await.text().await.unwrap();
    let test_rows = parse_shown_number(
        test_rows.trim_start_matches(words.test_rows),
        words.decimal_comma,
    ) as u64;
    assert_eq!(test_rows, 38, "ceil(0.25 × 150) rows in the test set");

    let shown = site.definition(words.accuracy).await;
    let accuracy = parse_shown_number(&shown, words.decimal_comma);
    assert!((0.0..=1.0).contains(&accuracy), "accuracy {shown}");
    let percent_sign = if words.decimal_comma { "," } else { "." };
    assert!(
        shown.contains('%') && shown.contains(percent_sign),
        "{shown}"
    );

    let table = site.table(words.confusion_caption).await;
    assert_eq!(table.len(), 4, "a header row and three classes: {table:?}");
    assert_eq!(table[0][1..], ["setosa", "versicolor", "virginica"]);
    let counts: Vec<Vec<u64>> = table[1..]
        .iter()
        .map(|row| {
            assert_eq!(row.len(), 4, "{row:?}");
            row[1..].iter().map(|c| c.parse().unwrap()).collect()
        })
        .collect();
    let total: u64 = counts.iter().flatten().sum();
    assert_eq!(total, test_rows, "the matrix counts every test row once");
    let correct: u64 = (0..3).map(|i| counts[i][i]).sum();
    assert!(
        (accuracy - correct as f64 / total as f64).abs() < 0.0005 + 1e-9,
        "accuracy {accuracy} but the diagonal says {correct}/{total}"
    );

    // The heatmap: labelled for screen readers, drawn, and sharp (backing store at device pixels).
    let heatmap = site.find("//canvas[@role='img']").await;
    let label = heatmap
        .attr("aria-label")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(label.contains("setosa, versicolor, virginica"), "{label}");
    let sharp = site
        .eval(
            "const c = document.querySelector('canvas[role=img]');
             const ink = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
               .filter((v, i) => i % 4 === 0 && v < 100).length;
             return [c.width, Math.round(c.clientWidth * devicePixelRatio), devicePixelRatio, ink];",
        )
        .await;
    assert_eq!(
        sharp[0], sharp[1],
        "canvas width vs CSS width × dpr: {sharp}"
    );
    assert_eq!(sharp[2], 2, "the test browser emulates a phone's 2× screen");
    assert!(
        sharp[3].as_u64().unwrap() > 100,
        "the heatmap has dark cells drawn: {sharp}"
    );
}

#[tokio::test]
async fn first_notebook_journey_in_english_then_in_indonesian() {
    let site = Site::start(BrowserLanguage::Indonesian, 412, 900, 2).await;
    site.open("/").await;
    // An Indonesian browser gets Indonesian first.
    site.heading(INDONESIAN.home_heading).await;
    assert_eq!(html_lang(&site).await, "id");

    notebook_journey(&site, &ENGLISH, "en").await;
    let pressed = site
        .button("English")
        .await
        .attr("aria-pressed")
        .await
        .unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    notebook_journey(&site, &INDONESIAN, "id").await;

    // The language and the notebook (iris, depth 3) are remembered across a reload.
    site.button("English").await.click().await.unwrap();
    site.client.refresh().await.unwrap();
    site.heading("Notebook").await;
    site.text(ENGLISH.iris_shape).await;
    site.text(ENGLISH.tree_depth).await;
    let depth = site
        .labelled("Maximum depth")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(depth.as_deref(), Some("3"));
    assert_eq!(html_lang(&site).await, "en");
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}

#[tokio::test]
async fn a_language_whose_words_cannot_be_fetched_is_reported_and_the_page_keeps_its_own() {
    let site = Site::start_with(
        Fault::EnglishCatalogMissing,
        BrowserLanguage::Indonesian,
        412,
        900,
        2,
    )
    .await;
    site.open("/").await;
    site.heading(INDONESIAN.home_heading).await;
    site.button("English").await.click().await.unwrap();
    site.text("English tidak dapat dimuat").await;
    site.heading(INDONESIAN.home_heading).await;
    assert_eq!(html_lang(&site).await, "id");
    let pressed = site
        .button("Bahasa Indonesia")
        .await
        .attr("aria-pressed")
        .await
        .unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    site.close().await;
}

#[tokio::test]
async fn bad_parameters_show_translated_errors_on_their_cell_and_the_page_keeps_working() {
    let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    site.open("/notebook").await;
    site.text(ENGLISH.iris_shape).await;

    for fraction in ["0", "1"] {
        site.fill("Test fraction", fraction).await;
        // The run starts once typing pauses: until then the cell shows the run before's.
        let alert = "//section[div/h2[contains(., 'Split')]]//*[@role='alert']";
        let says = format!("it is {fraction}.");
        site.until("the split's message about the new fraction", || async {
            for shown in site.find_all(alert).await {
                if shown.text().await.is_ok_and(|text| text.contains(&says)) {
                    return true;
                }
            }
            false
        })
        .await;
        let message = site.find(alert).await.text().await.unwrap();
        assert!(
            message.contains("must be between 0 and 1")
                && message.contains(&format!("it is {fraction}.")),
            "{message}"
        );
        site.text("This cell needs a working “Split” cell above it.")
            .await;
    }

    site.fill("Test fraction", "abc").await;
    site.text("Enter a number here.").await;
    let invalid = site
        .labelled("Test fraction")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));

    // A decimal comma is a number too; a test set this small cannot hold all three classes.
    site.fill("Test fraction", "0,001").await;
    site.text("rows are too few to split").await;

    site.fill("Test fraction", "0.25").await;
    site.definition("Accuracy").await;

    site.choose("Data set", "Wine").await;
    site.choose("Target column (what to predict)", "proline")
        .await;
    // A column of many numbers is a number to predict: the tree predicts it (regression).
    site.text("A number to predict (regression): from 278 to 1,680")
        .await;
    site.definition("R² on the training set").await;
    site.choose("Target column (what to predict)", "cultivar")
        .await;
    site.definition("Accuracy").await;

    site.fill("Maximum depth", "0").await;
    site.text("max_depth = 0 is not allowed; it must be a whole number from 1 to 64.")
        .await;
    site.fill("Maximum depth", "").await;
    site.definition("Accuracy").await;

    // More neighbours than the 133 training rows of wine, then a model with no settings at all.
    site.choose("Model", "k-nearest neighbours").await;
    site.fill("Number of neighbours (k)", "500").await;
    site.text("n_neighbors = 500 is not allowed; it must be a whole number from 1 to 133.")
        .await;
    site.fill("Number of neighbours (k)", "5").await;
    site.text("Predicts from the 5 nearest training rows").await;
    site.definition("Accuracy").await;
    site.choose("Model", "Gaussian naive Bayes").await;
    site.text("One normal distribution per class and feature")
        .await;
    site.definition("Accuracy").await;

    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}

#[tokio::test]
async fn every_page_has_its_title_and_fits_a_360_pixel_phone() {
    let site = Site::start(BrowserLanguage::English, 360, 740, 1).await;
    let fits = || site.fits_width();

    site.open("/").await;
    site.heading(ENGLISH.home_heading).await;
    site.heading("Collect and clean data").await;
    assert_eq!(
        site.title().await,
        "Latih — learn machine learning by doing"
    );
    assert!(fits().await, "home overflows 360 px");

    site.link("Lessons").await.click().await.unwrap();
    site.heading("Lessons").await;
    // Every stage lists its lessons, each with the learner's progress.
    site.link("Precision, recall and F1").await;
    site.text("Not started").await;
    assert_eq!(site.title().await, "Lessons — Latih");
    assert!(fits().await, "lessons overflow 360 px");

    site.link("Data sets").await.click().await.unwrap();
    site.heading("Palmer Penguins").await;
    assert_eq!(site.title().await, "Data sets — Latih");
    assert!(fits().await, "data sets overflow 360 px");
    site.text("Titanic passenger list, R package carData").await;

    let open_titanic = format!(
        "//li[h2[normalize-space(.)='Titanic']]//a[normalize-space(.)={}]",
        quote("Open the notebook")
    );
    site.find(&open_titanic).await.click().await.unwrap();
    site.text("263 rows with missing values were dropped (missing: age (263))")
        .await;
    site.text("Ignored as free text, not a feature: name").await;
    site.definition("Accuracy").await;
    assert!(fits().await, "notebook overflows 360 px");
    // The notebook's actions take one row: its first cell starts on the first screen.
    let first_cell_top = site
        .eval("window.scrollTo(0, 0); return document.querySelector('.notebook .cell').getBoundingClientRect().top + 48 <= window.innerHeight")
        .await;
    assert_eq!(
        first_cell_top,
        serde_json::json!(true),
        "the first cell is below the first screen"
    );
    // The rest are one press away, by keyboard too, and every target is at least 44 px tall.
    site.button("Notebook menu")
        .await
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .unwrap();
    site.button("Start a new notebook").await;
    let smallest = site
        .eval("return Math.min(...[...document.querySelectorAll('.toolbar button, .menu button, .menu input[type=file], .menu .field-checkbox')].map(e => e.getBoundingClientRect().height))")
        .await;
    assert!(
        smallest.as_f64().unwrap_or(0.0) >= 44.0,
        "a target of {smallest} px"
    );
    assert!(fits().await, "the notebook's menu overflows 360 px");

    site.link("My notebooks").await.click().await.unwrap();
    site.heading("My notebooks").await;
    // Named after the data set it was opened with.
    site.heading("Titanic").await;
    assert_eq!(site.title().await, "My notebooks — Latih");
    assert!(fits().await, "my notebooks overflow 360 px");

    site.open("/no/such/page").await;
    site.heading("Page not found").await;
    assert_eq!(site.title().await, "Page not found — Latih");
    site.close().await;
}

#[tokio::test]
async fn roc_auc_and_a_threshold_that_trades_precision_for_recall() {
    const HOME: &str = "\u{E011}";
    const END: &str = "\u{E010}";
    const ARROW_LEFT: &str = "\u{E012}";
    let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Breast Cancer Wisconsin").await;
    site.text("569 rows × 31 columns").await;
    // A shallow tree gives leaves of mixed classes, so its probabilities are worth thresholding.
    site.fill("Maximum depth", "3").await;
    site.text("Depth 3,").await;

    let auc = parse_shown_number(
        &site.definition("ROC-AUC (positive class: malignant)").await,
        false,
    );
    assert!((0.5..=1.0).contains(&auc), "ROC-AUC {auc}");
    let chart = site
        .find("//canvas[starts-with(@aria-label, 'ROC curves')]")
        .await;
    let label = chart.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(
        label.contains(&format!("malignant (AUC {auc:.3})")),
        "{label}"
    );
    let report = site.table("Precision, recall and F1 for each class").await;
    assert_eq!(
        report.len(),
        1 + 2 + 2,
        "header, two classes, two averages: {report:?}"
    );

    let score = |term: &'static str| {
        let site = &site;
        async move { parse_shown_number(&site.definition(term).await, false) }
    };
    let at_half = (
        score("Precision at this threshold").await,
        score("Recall at this threshold").await,
    );
    site.text("Threshold: 0.50").await;

    let slider = site.labelled("Threshold for “malignant”").await;
    slider.send_keys(HOME).await.unwrap();
    site.text("Threshold: 0.00").await;
    // At 0 every row is predicted malignant: all of them are found, precision is the prevalence.
    assert_eq!(score("Recall at this threshold").await, 1.0);
    let at_zero_precision = score("Precision at this threshold").await;
    assert!(
        at_zero_precision < at_half.0,
        "precision {at_zero_precision} vs {}",
        at_half.0
    );
    let matrix = site.table("Confusion matrix at threshold 0.00").await;
    assert_eq!(
        matrix[1][1], "0",
        "no row is predicted benign at threshold 0: {matrix:?}"
    );

    slider.send_keys(END).await.unwrap();
    for _ in 0..5 {
        slider.send_keys(ARROW_LEFT).await.unwrap();
    }
    site.text("Threshold: 0.95").await;
    let high_recall = score("Recall at this threshold").await;
    assert!(
        high_recall <= at_half.1,
        "recall cannot grow with the threshold"
    );
    site.close().await;
}

#[tokio::test]
async fn a_damaged_saved_notebook_is_set_aside_and_a_new_one_can_be_started() {
    let site = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    site.open("/").await;
    let damaged = r#"{"version":1,"cells":[{"kind":"rocket"}]}"#;
    site.eval(&format!(
        "localStorage.setItem('latih.notebook', {damaged:?}); return true"
    ))
    .await;
    site.link("Notebook").await.click().await.unwrap();
    site.text("Your saved notebook could not be opened, so a new one was started.")
        .await;
    site.text(ENGLISH.iris_shape).await;
    site.definition("Accuracy").await;
    let kept = site
        .eval("return localStorage.getItem('latih.notebook.unreadable')")
        .await;
    assert_eq!(
        kept.as_str(),
        Some(damaged),
        "the damaged text is kept, not destroyed"
    );

    site.choose("Data set", "Wine").await;
    site.text("178 rows × 14 columns").await;
    // A new notebook replaces nothing: the wine one stays in "My notebooks".
    site.notebook_menu().await;
    site.button("Start a new notebook")
        .await
        .click()
        .await
        .unwrap();
    site.text(ENGLISH.iris_shape).await;
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}

/// The text of every definition termed `term` on the page, in order.
async fn every_definition(site: &Site, term: &str) -> Vec<String> {
    let mut values = Vec::new();
    for dd in site
        .find_all(&format!(
            "//dt[normalize-space(.)={}]/following-sibling::dd[1]",
            quote(term)
        ))
        .await
    {
        values.push(dd.text().await.unwrap());
    }
    values
}

/// The numbers a person reads off an evaluated notebook, parsed from either language.
async fn read_results(site: &Site, words: &Words, auc_term: &str) -> (f64, f64, Vec<Vec<String>>) {
    let accuracy = parse_shown_number(&site.definition(words.accuracy).await, words.decimal_comma);
    let auc = parse_shown_number(&site.definition(auc_term).await, words.decimal_comma);
    let matrix = site.table(words.confusion_caption).await;
    (accuracy, auc, matrix)
}

#[tokio::test]
async fn a_shared_link_reproduces_the_notebook_in_another_browser() {
    let first = Site::start(BrowserLanguage::English, 412, 900, 1).await;
    first.open("/notebook").await;
    first.choose("Data set", "Credit scoring").await;
    first.text("4,454 rows × 14 columns").await;
    first.fill("Test fraction", "0.3").await;
    first.fill("Random seed", "7").await;
    first.choose("Model", "Random forest").await;
    first.fill("Number of trees", "30").await;
    first.fill("Maximum depth", "8").await;
    first.text("30 trees, mean depth").await;
    // Cleaned (every numeric feature scaled on the training rows), and a second model.
    first.settled().await;
    first
        .button("Add cleaning steps (fill in, encode, scale, drop)")
        .await
        .click()
        .await
        .unwrap();
    first.settled().await;
    first.button("Add a step").await.click().await.unwrap();
    first
        .choose_in_step(1, "Step", "Drop rows with missing values (dropna)")
        .await;
    first.settled().await;
    first.button("Add a step").await.click().await.unwrap();
    first.choose_in_step(2, "Step", "Scale numbers").await;
    first
        .choose_in_step(2, "Column", "Every numeric feature column")
        .await;
    first.settled().await;
    first
        .button("Add another model to compare")
        .await
        .click()
        .await
        .unwrap();
    first
        .choose_in("6. Train a model", "Model", "Logistic regression")
        .await;
    first.settled().await;
    let theirs = read_results(&first, &ENGLISH, "ROC-AUC (positive class: good)").await;
    let their_accuracies = every_definition(&first, ENGLISH.accuracy).await;
    assert_eq!(their_accuracies.len(), 2, "two models evaluated");

    let fragment = first.copy_link().await;
    assert!(fragment.starts_with("#nb=1."), "{fragment}");
    first.close().await;

    // Another browser, another language, nothing stored: the link alone carries the notebook.
    let second = Site::start(BrowserLanguage::Indonesian, 412, 900, 1).await;
    second.open(&format!("/notebook{fragment}")).await;
    second.text("Kamu membuka notebook yang dibagikan.").await;
    second.text("4.454 baris × 14 kolom").await;
    second.settled().await;
    let ours = read_results(&second, &INDONESIAN, "ROC-AUC (kelas positif: good)").await;
    // Both models, to the last digit shown, in the other language's notation.
    let our_accuracies: Vec<f64> = every_definition(&second, INDONESIAN.accuracy)
        .await
        .iter()
        .map(|a| parse_shown_number(a, INDONESIAN.decimal_comma))
        .collect();
    let their_accuracies: Vec<f64> = their_accuracies
        .iter()
        .map(|a| parse_shown_number(a, ENGLISH.decimal_comma))
        .collect();
    assert_eq!(our_accuracies, their_accuracies);
    assert_eq!(ours.0, theirs.0, "accuracy");
    assert_eq!(ours.1, theirs.1, "ROC-AUC");
    assert_eq!(ours.2[1..], theirs.2[1..], "confusion matrix counts");
    // And natively, as the command line runs it: the same numbers as either browser.
    let notebook = latih_engine::notebook::link::decode(&fragment["#nb=".len()..]).unwrap();
    let csv = std::fs::read_to_string(format!(
        "{}/../../static/data/credit.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let data = std::collections::HashMap::from([("credit".to_string(), csv)]);
    let natives: Vec<_> = latih_engine::notebook::evaluate(&notebook, &data)
        .into_iter()
        .filter_map(|output| match output {
            Ok(latih_engine::notebook::CellOutput::Evaluate(e)) => Some(e),
            _ => None,
        })
        .collect();
    let native_accuracies: Vec<String> = natives
        .iter()
        .map(|e| format!("{:.3}", e.accuracy))
        .collect();
    let shown: Vec<String> = their_accuracies.iter().map(|a| format!("{a:.3}")).collect();
    assert_eq!(native_accuracies, shown, "native vs browser, both models");
    // The confusion matrices as the page's tables read: each model's header row, then its rows.
    let mut native_matrices: Vec<Vec<String>> = Vec::new();
    for native in &natives {
        let header = std::iter::once(String::new()).chain(native.classes.iter().cloned());
        native_matrices.push(header.collect());
        for (row, class) in native.confusion.iter().zip(&native.classes) {
            let cells = row.iter().map(|c| c.to_string());
            native_matrices.push(std::iter::once(class.clone()).chain(cells).collect());
        }
    }
    assert_eq!(
        native_matrices[1..],
        theirs.2[1..],
        "native vs browser confusion matrix"
    );

    let address = second.eval("return location.hash").await;
    assert_eq!(
        address.as_str(),
        Some(""),
        "the link leaves the address bar once opened"
    );

    // Damaged links: a message, and the learner's own notebook instead.
    let truncated = &fragment[..fragment.len() / 2];
    for broken in [
        truncated.to_string(),
        "#nb=1.AAAA".to_string(),
        "#nb=9.abc".to_string(),
    ] {
        second.open(&format!("/notebook{broken}")).await;
        let alert = second
            .find("//*[@role='alert'][contains(., 'Tautan ini')]")
            .await;
        let text = alert.text().await.unwrap();
        assert!(
            text.contains("Notebook milikmu yang ditampilkan"),
            "{broken}: {text}"
        );
        second.definition("Akurasi").await;
    }
    assert!(second.find_all("//*[@id='latih-panic']").await.is_empty());
    second.close().await;
}

#[tokio::test]
async fn three_models_on_penguins_are_compared_and_sorted() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Palmer Penguins").await;
    site.text(ENGLISH.penguins_shape).await;
    for (cell, model) in [
        ("5. Train a model", "Random forest"),
        ("7. Train a model", "k-nearest neighbours"),
    ] {
        site.button("Add another model to compare")
            .await
            .click()
            .await
            .unwrap();
        site.heading(cell).await;
        site.choose_in(cell, "Model", model).await;
        if cell.starts_with('5') {
            // Two models: the comparison appears, and must not make the phone scroll sideways.
            site.heading("Compare the models").await;
            assert!(site.fits_width().await, "the comparison widens the page");
        }
    }
    site.heading("Compare the models").await;
    let caption = "Test-set scores by model";
    assert!(site.fits_width().await, "the comparison widens the page");
    site.text("Predicts from the 5 nearest training rows").await;
    let table = site.table(caption).await;
    assert_eq!(table.len(), 4, "a header and three models: {table:?}");
    let names: Vec<&str> = table[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        names,
        [
            "Decision tree (cell 3)",
            "Random forest (cell 5)",
            "k-nearest neighbours (cell 7)"
        ]
    );

    let accuracy_column = |table: &[Vec<String>]| -> Vec<f64> {
        table[1..]
            .iter()
            .map(|r| parse_shown_number(&r[1], false))
            .collect()
    };
    site.button("Accuracy").await.click().await.unwrap();
    let th = site
        .find("//th[button[normalize-space(.)='Accuracy']]")
        .await;
    assert_eq!(
        th.attr("aria-sort").await.unwrap().as_deref(),
        Some("descending")
    );
    let sorted = site.table(caption).await;
    let column = accuracy_column(&sorted);
    assert!(
        column.windows(2).all(|w| w[0] >= w[1]),
        "descending: {column:?}"
    );
    assert!(
        sorted[1][1].contains('★'),
        "the best accuracy is marked: {:?}",
        sorted[1]
    );

    site.button("Accuracy").await.click().await.unwrap();
    let column = accuracy_column(&site.table(caption).await);
    assert!(
        column.windows(2).all(|w| w[0] <= w[1]),
        "ascending: {column:?}"
    );

    // Removing a model takes its evaluation with it; the notebook is saved that way.
    let remove = site
        .find("//section[div/h2[normalize-space(.)='7. Train a model']]//button[normalize-space(.)='Remove this model']")
        .await;
    remove.click().await.unwrap();
    site.until("two models left", || async {
        site.find_all("//table[contains(caption, 'Test-set scores')]//tbody/tr")
            .await
            .len()
            == 2
    })
    .await;
    site.client.refresh().await.unwrap();
    site.heading("5. Train a model").await;
    assert!(site
        .find_all("//h2[normalize-space(.)='7. Train a model']")
        .await
        .is_empty());
    site.close().await;
}

#[tokio::test]
async fn a_learners_own_semicolon_file_is_read_trained_on_and_kept_after_a_reload() {
    // An Indonesian-style spreadsheet export: semicolons between fields.
    let mut csv = String::from("jam_belajar;tidur;nilai\n");
    for i in 0..60 {
        let hours = i % 10;
        let sleep = 5 + (i * 7) % 4;
        let grade = if hours + sleep > 10 {
            "lulus"
        } else {
            "mengulang"
        };
        csv.push_str(&format!("{hours};{sleep};{grade}\n"));
    }
    let path = std::env::temp_dir().join(format!("nilai-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();

    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.heading("1. Data set").await;
    let input = site.labelled("Or use your own CSV or JSON file").await;
    input.send_keys(&path.display().to_string()).await.unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    site.text(&format!(
        "“{name}” is loaded, and kept in this browser for your next visit."
    ))
    .await;
    site.text("60 rows × 3 columns").await;
    site.text("mengulang").await;
    assert!(
        !site.definition("Accuracy").await.is_empty(),
        "the model trains and is evaluated on the file"
    );

    // A reload keeps the file (it is small) and the notebook that uses it.
    site.open("/notebook").await;
    site.text("60 rows × 3 columns").await;
    site.definition("Accuracy").await;
    let _ = std::fs::remove_file(&path);
    site.close().await;
}

#[tokio::test]
async fn an_explore_cell_profiles_penguins_as_loaded() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/notebook").await;
    site.choose("Data set", "Palmer Penguins").await;
    site.text(ENGLISH.penguins_shape).await;
    site.button("Add an explore cell (profile the data)")
        .await
        .click()
        .await
        .unwrap();
    site.heading("2. Explore the data").await;
    let columns = site.table("The columns of the data set").await;
    let sex = columns
        .iter()
        .find(|row| row[0] == "sex")
        .unwrap_or_else(|| panic!("a row for sex: {columns:?}"));
    assert_eq!(sex[1], "category");
    assert_eq!(
        sex[2], "11 (3.2%)",
        "missing values are counted before rows are dropped"
    );
    let mass = columns.iter().find(|row| row[0] == "body_mass_g").unwrap();
    assert!(mass[4].starts_with("mean 4,201.754"), "{mass:?}");
    // Types finer than the model's: grams are whole numbers, bill lengths are not.
    assert_eq!(mass[1], "whole number");
    let bill = columns
        .iter()
        .find(|row| row[0] == "bill_length_mm")
        .unwrap();
    assert_eq!(bill[1], "number");
    let correlations = site
        .table("Pearson correlation (rows with both values)")
        .await;
    assert_eq!(
        correlations.len(),
        1 + 5,
        "five numeric columns: {correlations:?}"
    );
    site.find("//canvas[starts-with(@aria-label, \"Heatmap of Pearson's correlation\")]")
        .await;
    // Each numeric column's histogram, counted as numpy.histogram(body_mass_g.dropna(), 10).
    site.find(
        "//*[@role='img'][@aria-label='Histogram of body_mass_g: 10 bins of equal width from \
         2,700.000 to 6,300.000; rows in each: 15, 43, 71, 53, 42, 41, 28, 27, 16, 6']",
    )
    .await;
    // And the categories' most frequent values, as pandas' value_counts().
    site.text("most frequent: Biscoe (168), Dream (124), Torgersen (52)")
        .await;
    // Two columns against each other, coloured by the target: the first two numeric ones, then
    // the ones chosen. pandas: 342 rows have both bill measurements (and both of the others).
    site.find(
        "//canvas[@aria-label='Scatter plot of bill_depth_mm against bill_length_mm, a dot per \
         row coloured by species (Adelie, Chinstrap, Gentoo): 342 of the 342 rows with both values.']",
    )
    .await;
    site.choose_in("2. Explore the data", "Vertical axis (y)", "body_mass_g")
        .await;
    site.find(
        "//canvas[starts-with(@aria-label, 'Scatter plot of body_mass_g against bill_length_mm')]",
    )
    .await;
    assert!(site.fits_width().await, "the profile fits a phone");
    site.close().await;
}

/// The wasm modules this page has fetched: "first pages" (latih-home-*), "whole" (latih_bg),
/// "lessons" (latih-lessons_bg).
async fn modules_fetched(site: &Site) -> Vec<String> {
    let names = site
        .eval(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)\
             .filter(p => /^\\/latih(-home-[0-9a-f]+|-lessons)?_bg\\.wasm$/.test(p))",
        )
        .await;
    let mut modules: Vec<String> = names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|name| name.as_str())
        .map(|name| match name {
            _ if name.starts_with("/latih-home-") => "first pages".to_string(),
            _ if name.starts_with("/latih-lessons") => "lessons".to_string(),
            _ => "whole".to_string(),
        })
        .collect();
    modules.sort();
    modules
}

#[tokio::test]
async fn the_first_load_has_the_first_pages_only_and_the_notebook_starts_the_whole_app() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/").await;
    site.heading("Learn machine learning by doing it").await;
    assert_eq!(modules_fetched(&site).await, ["first pages"]);
    site.link("Lessons").await.click().await.unwrap();
    site.heading("Lessons").await;
    assert_eq!(modules_fetched(&site).await, ["first pages"]);
    site.link("Data sets").await.click().await.unwrap();
    site.heading("Palmer Penguins").await;
    site.open("/datasets").await;
    site.heading("Palmer Penguins").await;
    assert_eq!(modules_fetched(&site).await, ["first pages"]);
    // A page of the whole app: the same address, loaded again, starts it (and only it).
    site.link("Notebook").await.click().await.unwrap();
    site.heading("Notebook").await;
    let path = site.eval("return location.pathname").await;
    assert_eq!(path.as_str(), Some("/notebook"));
    assert_eq!(modules_fetched(&site).await, ["whole"]);
    // Any other address starts the whole app, which says it is not a page.
    site.open("/no-such-page").await;
    site.heading("Page not found").await;
    assert_eq!(modules_fetched(&site).await, ["whole"]);
    // A lesson starts the app that has lessons; from the whole app, a lesson's link reloads
    // into it.
    site.open("/lessons/precision-recall").await;
    site.heading("Precision, recall and F1").await;
    assert_eq!(modules_fetched(&site).await, ["lessons"]);
    site.open("/notebooks").await;
    site.heading("My notebooks").await;
    site.link("Lessons").await.click().await.unwrap();
    site.link("Precision, recall and F1")
        .await
        .click()
        .await
        .unwrap();
    site.heading("Precision, recall and F1").await;
    assert_eq!(modules_fetched(&site).await, ["lessons"]);
    site.close().await;
}

#[tokio::test]
async fn a_first_visit_reads_what_latih_is_before_the_wasm_arrives() {
    let site = Site::start(BrowserLanguage::English, 360, 740, 1).await;
    // As on a slow connection, the app's code has not arrived (here: never does).
    site.devtools("Network.enable", serde_json::json!({})).await;
    site.devtools(
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*.wasm"] }),
    )
    .await;
    site.open("/").await;
    // From the HTML, written from the catalogs: what Latih is, in both languages.
    site.text("Belajar machine learning dengan praktik").await;
    site.text("Learn machine learning by doing it").await;
    site.text("Latih is a course and a playground in one.")
        .await;
    // The module that never comes is said in the status line; the text stays.
    site.text("Latih could not load.").await;
    site.text("Learn machine learning by doing it").await;
    assert!(
        site.fits_width().await,
        "the start-up text overflows 360 px"
    );
    site.close().await;
}

#[tokio::test]
async fn links_change_the_page_in_place_and_back_and_forward_work() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    // The whole app (the first-pages app reloads into it: see first_load_is_the_first_pages_app).
    site.open("/notebooks").await;
    site.heading("My notebooks").await;
    // A marker that a full page load would wipe: links must not reload the app.
    site.eval("window.__stayed = true; return null").await;
    site.link("Lessons").await.click().await.unwrap();
    site.heading("Lessons").await;
    site.link("Notebook").await.click().await.unwrap();
    site.heading("Notebook").await;
    let current = site.find("//nav//a[@aria-current='page']").await;
    assert_eq!(current.text().await.unwrap(), "Notebook");
    site.client.back().await.unwrap();
    site.heading("Lessons").await;
    site.client.forward().await.unwrap();
    site.heading("Notebook").await;
    assert_eq!(site.title().await, "Notebook — Latih");
    assert_eq!(
        site.eval("return window.__stayed === true").await.as_bool(),
        Some(true),
        "no page was reloaded"
    );
    site.close().await;
}

#[tokio::test]
async fn a_note_shows_markdown_and_never_runs_html_from_it() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    // Once the first run has drawn its results (the page stops moving), add a note.
    site.definition("Accuracy").await;
    site.button("Add a note").await.click().await.unwrap();
    site.heading("5. Note").await;
    let note = "## Why a tree\n\nIt is **easy to read**; see [the docs](https://scikit-learn.org).\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror=\"window.__pwned = 2\"> [click](javascript:window.__pwned=3)";
    let field = site.labelled("Note (Markdown)").await;
    field.send_keys(note).await.unwrap();
    site.button("Done writing").await.click().await.unwrap();
    site.find("//h4[normalize-space(.)='Why a tree']").await;
    site.find("//strong[normalize-space(.)='easy to read']")
        .await;
    let docs = site.link("the docs").await;
    assert_eq!(
        docs.attr("href").await.unwrap().as_deref(),
        Some("https://scikit-learn.org")
    );
    // The HTML is there as text for anyone to read, and none of it ran.
    site.text("<script>window.__pwned = 1</script>").await;
    site.text("onerror=").await;
    assert!(site
        .find_all("//a[normalize-space(.)='click']")
        .await
        .is_empty());
    assert!(site
        .find_all("//section//script | //section//img[@src='x']")
        .await
        .is_empty());
    // After a reload the note is as it was, and still inert.
    site.open("/notebook").await;
    site.find("//h4[normalize-space(.)='Why a tree']").await;
    assert_eq!(
        site.eval("return typeof window.__pwned").await.as_str(),
        Some("undefined")
    );
    site.close().await;
}

#[tokio::test]
async fn a_notebook_file_opens_checked_and_the_notebook_before_comes_back() {
    let dir = std::env::temp_dir();
    let good = dir.join(format!("wine-{}.latih.json", std::process::id()));
    let mut notebook = latih_engine::notebook::Notebook::starter("wine", "cultivar");
    notebook.add_note();
    std::fs::write(&good, notebook.to_json()).unwrap();
    let broken = dir.join(format!("broken-{}.latih.json", std::process::id()));
    std::fs::write(
        &broken,
        "{\"version\": 1, \"cells\": [{\"kind\": \"teleport\"}]}",
    )
    .unwrap();

    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.text(ENGLISH.iris_shape).await;
    site.notebook_menu().await;
    let input = site.labelled("Open a notebook file").await;
    input
        .send_keys(&broken.display().to_string())
        .await
        .unwrap();
    site.find("//*[@role='alert'][contains(., 'This file could not be opened as a notebook')]")
        .await;
    site.text(ENGLISH.iris_shape).await;

    site.notebook_menu().await;
    let input = site.labelled("Open a notebook file").await;
    input.send_keys(&good.display().to_string()).await.unwrap();
    site.text("178 rows × 14 columns").await;
    site.heading("5. Note").await;
    site.button("Go back to my notebook")
        .await
        .click()
        .await
        .unwrap();
    site.text(ENGLISH.iris_shape).await;
    let _ = std::fs::remove_file(&good);
    let _ = std::fs::remove_file(&broken);
    site.close().await;
}

#[tokio::test]
async fn a_shared_link_with_a_hostile_note_shows_it_as_text_and_an_oversized_one_is_refused() {
    let mut notebook = latih_engine::notebook::Notebook::starter("iris", "species");
    notebook.add_note();
    if let Some(latih_engine::notebook::Cell::Note(note)) = notebook.cells.last_mut() {
        note.text = "Read me <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> [win](javascript:window.__pwned=3)".into();
    }
    let link = latih_engine::notebook::link::encode(&notebook);

    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open(&format!("/notebook#nb={link}")).await;
    site.text("You opened a shared notebook").await;
    site.text("<script>window.__pwned = 1</script>").await;
    site.text("onerror=").await;
    assert!(site
        .find_all("//a[normalize-space(.)='win']")
        .await
        .is_empty());
    // No element from the note's text (the tree's drawing, above it, is the app's own image).
    assert!(site
        .find_all(
            "//section//script | //section//img[not(starts-with(@src, 'data:image/svg+xml'))]"
        )
        .await
        .is_empty());
    assert_eq!(
        site.eval("return typeof window.__pwned").await.as_str(),
        Some("undefined"),
        "nothing in the note ran"
    );

    // A link far past any notebook's size is refused before it is decoded.
    let oversized = format!("#nb=1.{}", "A".repeat(300_000));
    site.open(&format!("/notebook{oversized}")).await;
    site.find("//*[@role='alert'][contains(., 'characters long')]")
        .await;
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}
