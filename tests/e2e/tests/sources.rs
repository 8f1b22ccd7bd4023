//! Data from where learners find it (issue 3): a JSON file as an API returns it, an old
//! spreadsheet's Latin-1 CSV, and a URL; and when a URL gives no data, a message that says what
//! happened and what to try.

use latih_e2e::{BrowserLanguage, Site};

/// A folder of this test run holding `name` with `bytes`.
fn file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("latih-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Study hours as JSON records, with a null and a key some records lack.
fn grades_json() -> String {
    let records: Vec<String> = (0..60)
        .map(|i| {
            let (hours, sleep) = (i % 10, 5 + (i * 7) % 4);
            let grade = if hours + sleep > 10 { "pass" } else { "retake" };
            let sleep = if i == 7 {
                "null".to_string()
            } else {
                sleep.to_string()
            };
            let note = if i % 2 == 0 { r#", "note": "ok""# } else { "" };
            format!(r#"{{"hours": {hours}, "sleep": {sleep}{note}, "grade": "{grade}"}}"#)
        })
        .collect();
    format!("[\n{}\n]", records.join(",\n"))
}

#[tokio::test]
async fn a_json_file_and_a_latin1_csv_load_through_the_file_input() {
    let json = file("grades.json", grades_json().as_bytes());
    // "São Paulo" and "Zürich" written by an old spreadsheet: one byte per accented letter.
    let mut latin1 = b"city,rain_mm,season\n".to_vec();
    for i in 0..40 {
        let city: &[u8] = if i % 2 == 0 {
            b"S\xe3o Paulo"
        } else {
            b"Z\xfcrich"
        };
        latin1.extend_from_slice(city);
        let season = if i % 3 == 0 { "wet" } else { "dry" };
        latin1.extend_from_slice(format!(",{},{season}\n", 50 + i * 3).as_bytes());
    }
    let latin1 = file("weather.csv", &latin1);

    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.heading("1. Data set").await;
    let input = site.labelled("Or use your own CSV or JSON file").await;
    input.send_keys(&json.display().to_string()).await.unwrap();
    site.text("“grades.json” is loaded, and kept in this browser for your next visit.")
        .await;
    // Every key any record has is a column: hours, sleep, note, grade.
    site.text("60 rows × 4 columns").await;
    site.settled().await;
    assert!(
        !site.definition("Accuracy").await.is_empty(),
        "a model trains and is evaluated on the JSON file"
    );

    let input = site.labelled("Or use your own CSV or JSON file").await;
    input
        .send_keys(&latin1.display().to_string())
        .await
        .unwrap();
    site.text("“weather.csv” is not UTF-8 text, so it was read as Latin-1 (ISO 8859-1).")
        .await;
    site.text("40 rows × 3 columns").await;
    site.text("São Paulo").await;
    site.text("Zürich").await;

    // Two rows with a field too few or too many: refused with the first one's line, until the
    // learner asks for such rows to be skipped.
    let mut ragged = String::from("hours,sleep,grade\n");
    for i in 0..30 {
        ragged += &match i {
            4 => "3,7\n".to_string(),
            9 => "3,7,pass,extra\n".to_string(),
            _ => format!("{},{},{}\n", i % 10, 5 + i % 4, ["pass", "retake"][i % 2]),
        };
    }
    let ragged = file("ragged.csv", ragged.as_bytes());
    let input = site.labelled("Or use your own CSV or JSON file").await;
    input
        .send_keys(&ragged.display().to_string())
        .await
        .unwrap();
    site.text("Line 6 of the file has 2 fields where the header has 3.")
        .await;
    site.labelled("Skip rows with the wrong number of fields (instead of stopping at the first)")
        .await
        .click()
        .await
        .unwrap();
    site.text("2 rows with the wrong number of fields were skipped, on lines 6, 11.")
        .await;
    site.text("28 rows × 3 columns").await;
    site.close().await;
}

#[tokio::test]
async fn data_from_a_url_is_used_and_a_url_without_data_says_what_to_try() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/notebook").await;
    site.heading("1. Data set").await;
    site.settled().await;
    let fetch = |url: String| {
        let site = &site;
        async move {
            // The form is opened (again) until its field shows: the first run may redraw the
            // cell, closing it, after the page looked settled.
            site.until("the URL form to open", || async {
                let field = site.labelled("Address (URL)").await;
                if field.is_displayed().await.unwrap_or(false) {
                    return true;
                }
                let _ = site.text("Fetch from a URL").await.click().await;
                false
            })
            .await;
            site.fill("Address (URL)", &url).await;
            site.button("Fetch the data").await.click().await.unwrap();
        }
    };

    // The site's own penguins, as any server that allows reading them would give them.
    fetch(format!("{}/data/penguins.csv", site.base)).await;
    site.text("“penguins.csv” is loaded").await;
    site.text("344 rows × 8 columns").await;

    fetch("example.org/data.csv".into()).await;
    site.text("That is not a web address: it must start with https://")
        .await;

    // A server without the file, and a failing one: the status, in words.
    let gone = format!("{}/gone/data.csv", site.base);
    fetch(gone.clone()).await;
    site.text(&format!("{gone} does not exist (HTTP 404)."))
        .await;
    let failing = format!("{}/failing/data.csv", site.base);
    fetch(failing.clone()).await;
    site.text(&format!(
        "The server at {failing} answered with an error (HTTP 503)."
    ))
    .await;

    // This server answers any unknown path with its page, as many do instead of a 404.
    let page = format!("{}/no/such/data.csv", site.base);
    fetch(page.clone()).await;
    site.text(&format!("{page} gave a web page, not data."))
        .await;

    // A server that never stops sending: reading stops at the cap, with a message (issue 18).
    let endless = format!("{}/endless/data.csv", site.base);
    fetch(endless.clone()).await;
    site.text(&format!(
        "{endless} sent more than 64,000,000 bytes, more than any data set Latih reads"
    ))
    .await;

    // Nothing listens on port 9 (discard): the browser gets no answer at all.
    let nowhere = "http://127.0.0.1:9/data.csv".to_string();
    fetch(nowhere.clone()).await;
    site.text(&format!("Nothing could be read from {nowhere}."))
        .await;
    // The data fetched first is still the notebook's.
    site.text("344 rows × 8 columns").await;
    site.close().await;
}

#[tokio::test]
async fn every_shipped_data_set_is_listed_with_its_note_and_opens_in_a_notebook() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/datasets").await;
    for info in latih_engine::datasets::DATASETS {
        site.heading(info.title).await;
    }
    site.text("1,797 handwritten digits, each an 8×8 image")
        .await;
    // The houses' suggested target is their price: a number to predict, by linear regression.
    let houses = "//li[h2[normalize-space(.)='Saratoga houses']]";
    site.find(&format!("{houses}//dd[normalize-space(.)='price']"))
        .await;
    site.find(&format!(
        "{houses}//a[normalize-space(.)='Open the notebook']"
    ))
    .await
    .click()
    .await
    .unwrap();
    site.text("1,728 rows × 16 columns").await;
    site.settled().await;
    assert!(!site
        .definition("R² (1 is perfect, 0 is no better than the mean)")
        .await
        .is_empty());
    site.close().await;
}
