//! Arranging the notebook in the built site (issue 6): cells move up and down with focus
//! following them, hide and show their contents, and Shift+Enter goes on to the next cell.

use fantoccini::key::Key;
use latih_e2e::{BrowserLanguage, Site};

async fn headings(site: &Site) -> Vec<String> {
    let mut texts = Vec::new();
    for h in site.find_all("//section[@class='cell']/div/h2").await {
        texts.push(h.text().await.unwrap());
    }
    texts
}

async fn focused_id(site: &Site) -> String {
    site.eval("return document.activeElement.id")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn cells_move_hide_and_shift_enter_goes_on_to_the_next() {
    let site = Site::start(BrowserLanguage::English, 412, 900, 2).await;
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    site.settled().await;
    site.button("Add a note").await.click().await.unwrap();
    site.heading("5. Note").await;
    site.settled().await;

    // Up, twice: the note goes above the evaluation, then above the model; focus follows it.
    let up =
        "//section[div/h2[normalize-space(.)='5. Note']]//button[@aria-label='Move this cell up']";
    site.find(up).await.click().await.unwrap();
    site.heading("4. Note").await;
    assert_eq!(focused_id(&site).await, "cell-3-up");
    site.find(
        "//section[div/h2[normalize-space(.)='4. Note']]//button[@aria-label='Move this cell up']",
    )
    .await
    .click()
    .await
    .unwrap();
    assert_eq!(
        headings(&site).await,
        [
            "1. Data set",
            "2. Split into training and test sets",
            "3. Note",
            "4. Train a model",
            "5. Evaluate on the test set"
        ]
    );
    // The model still trains and is evaluated where it now is.
    site.settled().await;
    site.definition("Accuracy").await;

    // Hide the model's contents and show them again.
    let train = "//section[div/h2[normalize-space(.)='4. Train a model']]";
    let toggle = site
        .find(&format!("{train}//button[normalize-space(.)='Hide']"))
        .await;
    assert_eq!(
        toggle.attr("aria-expanded").await.unwrap().as_deref(),
        Some("true")
    );
    toggle.click().await.unwrap();
    let shown = site
        .find(&format!("{train}//button[normalize-space(.)='Show']"))
        .await;
    assert_eq!(
        shown.attr("aria-expanded").await.unwrap().as_deref(),
        Some("false")
    );
    assert!(!site
        .labelled("Maximum depth")
        .await
        .is_displayed()
        .await
        .unwrap());
    shown.click().await.unwrap();
    assert!(site
        .labelled("Maximum depth")
        .await
        .is_displayed()
        .await
        .unwrap());

    // Shift+Enter in the model's field goes on to the evaluation's heading.
    let depth = site.labelled("Maximum depth").await;
    depth
        .send_keys(&format!("4{}{}", Key::Shift, Key::Enter))
        .await
        .unwrap();
    site.until("focus on the next cell", || async {
        focused_id(&site).await == "cell-4-heading"
    })
    .await;

    // And down again: the note goes below the model.
    site.settled().await;
    site.find("//section[div/h2[normalize-space(.)='3. Note']]//button[@aria-label='Move this cell down']")
        .await
        .click()
        .await
        .unwrap();
    site.heading("4. Note").await;
    assert_eq!(focused_id(&site).await, "cell-3-down");
    site.heading("3. Train a model").await;
    site.close().await;
}

#[tokio::test]
async fn a_notebook_can_run_only_when_asked_and_remembers_that() {
    let site = Site::start(BrowserLanguage::English, 412, 900, 2).await;
    site.open("/notebook").await;
    let before = site.definition("Accuracy").await;
    site.settled().await;
    site.notebook_menu().await;
    let automatic = site.labelled("Run the notebook as I edit it").await;
    assert!(automatic.is_selected().await.unwrap());
    automatic.click().await.unwrap();
    let run_now = site.button("Run now").await;
    assert!(
        run_now.attr("disabled").await.unwrap().is_some(),
        "nothing to run yet"
    );

    // An edit waits for the learner.
    site.fill("Maximum depth", "1").await;
    site.text("Out of date: press “Run now” to update it").await;
    assert_eq!(site.definition("Accuracy").await, before);
    site.until("Run now to be enabled", || async {
        run_now.attr("disabled").await.unwrap().is_none()
    })
    .await;
    run_now.click().await.unwrap();
    site.until("the run to update the accuracy", || async {
        site.definition("Accuracy").await != before
            && site
                .find_all("//*[contains(., 'Out of date')]")
                .await
                .is_empty()
    })
    .await;

    // The choice is kept; switching back runs as before.
    site.client.refresh().await.unwrap();
    site.definition("Accuracy").await;
    site.notebook_menu().await;
    let automatic = site.labelled("Run the notebook as I edit it").await;
    assert!(!automatic.is_selected().await.unwrap());
    automatic.click().await.unwrap();
    site.fill("Maximum depth", "3").await;
    site.until("an automatic run", || async {
        site.definition("Accuracy").await == before
    })
    .await;
    site.close().await;
}

#[tokio::test]
async fn a_teacher_locks_cells_and_a_class_opening_the_link_finds_them_locked() {
    let teacher = Site::start(BrowserLanguage::English, 412, 900, 2).await;
    teacher.open("/notebook").await;
    teacher.definition("Accuracy").await;
    teacher.settled().await;
    teacher.notebook_menu().await;
    teacher
        .labelled("Teacher mode: lock cells before sharing the link with a class")
        .await
        .click()
        .await
        .unwrap();
    for cell in ["1. Data set", "2. Split into training and test sets"] {
        let lock = format!(
            "//section[div/h2[normalize-space(.)='{cell}']]//button[normalize-space(.)='Lock for learners']"
        );
        teacher.find(&lock).await.click().await.unwrap();
        let pressed = teacher
            .find(&lock)
            .await
            .attr("aria-pressed")
            .await
            .unwrap();
        assert_eq!(pressed.as_deref(), Some("true"), "{cell}");
    }
    // In teacher mode the locked cells stay editable.
    assert!(teacher
        .labelled("Test fraction")
        .await
        .is_enabled()
        .await
        .unwrap());
    teacher.settled().await;
    let fragment = teacher.copy_link().await;
    teacher.close().await;

    let learner = Site::start(BrowserLanguage::English, 412, 900, 2).await;
    learner.open(&format!("/notebook{fragment}")).await;
    let before = learner.definition("Accuracy").await;
    let locked = learner
        .find_all("//section[.//p[starts-with(normalize-space(.), 'Your teacher locked this cell')]]/div/h2")
        .await;
    let mut names = Vec::new();
    for h in locked {
        names.push(h.text().await.unwrap());
    }
    assert_eq!(
        names,
        ["1. Data set", "2. Split into training and test sets"]
    );
    assert!(!learner
        .labelled("Test fraction")
        .await
        .is_enabled()
        .await
        .unwrap());
    assert!(!learner
        .labelled("Data set")
        .await
        .is_enabled()
        .await
        .unwrap());
    // The cells left open are the lesson: the model can be changed and is trained again.
    assert!(learner
        .labelled("Maximum depth")
        .await
        .is_enabled()
        .await
        .unwrap());
    learner.fill("Maximum depth", "1").await;
    learner
        .until("the model to be trained again", || async {
            learner.definition("Accuracy").await != before
        })
        .await;
    assert!(learner.find_all("//*[@id='latih-panic']").await.is_empty());
    learner.close().await;
}
