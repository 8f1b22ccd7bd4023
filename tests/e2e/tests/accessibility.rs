//! Every page against axe-core's WCAG 2.1 A and AA rules (issue 22), in both languages, at a
//! phone's width and a desktop's: no violations. axe-core is installed by scripts/setup.sh
//! (tools/node_modules) and run in the page through WebDriver, which the page's policy allows.

use latih_e2e::{BrowserLanguage, Site};

/// The violations axe-core finds on the page as it is: each rule's id, impact and the first
/// elements it names.
async fn violations(site: &Site) -> Vec<String> {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tools/node_modules/axe-core/axe.min.js"),
    )
    .expect("axe-core is installed by scripts/setup.sh");
    site.client
        .execute(&source, Vec::new())
        .await
        .expect("load axe-core");
    let found = site
        .eval(
            "return axe.run(document, {runOnly: {type: 'tag', \
               values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}) \
             .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + \
               v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')));",
        )
        .await;
    found
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn every_page_passes_wcag_2_1_aa_in_both_languages_at_both_widths() {
    let mut all = Vec::new();
    for (language, width) in [
        (BrowserLanguage::English, 360),
        (BrowserLanguage::Indonesian, 360),
        (BrowserLanguage::English, 1200),
        (BrowserLanguage::Indonesian, 1200),
    ] {
        let site = Site::start(language, width, 800, 1).await;
        for path in [
            "/",
            "/lessons",
            "/lessons/precision-recall",
            "/notebook",
            "/notebooks",
            "/datasets",
            "/career",
            "/plan",
            "/projects",
            "/projects/credit-scoring",
            "/challenges/titanic",
            "/no-such-page",
        ] {
            site.open(path).await;
            site.find("//main//h1").await;
            if path == "/notebook" {
                site.settled().await;
                // Its menu open, so that what it holds is checked too.
                site.find("//button[@aria-controls='notebook-menu']")
                    .await
                    .click()
                    .await
                    .unwrap();
            }
            if path == "/plan" && !site.find_all("//button[normalize-space(.)='Make my plan' or normalize-space(.)='Buat rencanaku']").await.is_empty() {
                // The plan made, so that its weeks are checked too.
                site.find("//button[@type='submit']").await.click().await.unwrap();
                site.find("//ol[@class='plan-weeks']").await;
            }
            if ["/lessons/", "/projects/", "/challenges/"]
                .iter()
                .any(|folder| path.starts_with(folder))
            {
                // Its exercises, with a hint and a solution open, and its cells run.
                site.find("//section[@class='exercise']//button").await;
                site.settled().await;
                for button in site
                    .find_all("(//section[@class='exercise'])[1]//button[@aria-expanded]")
                    .await
                {
                    button.click().await.unwrap();
                }
            }
            for violation in violations(&site).await {
                all.push(format!("{path} at {width} px ({language:?}): {violation}"));
            }
        }
        site.close().await;
    }
    assert!(
        all.is_empty(),
        "{} violations:\n{}",
        all.len(),
        all.join("\n")
    );

    // axe-core does run and finds what it should: an image without a text equivalent.
    let site = Site::start(BrowserLanguage::English, 1200, 800, 1).await;
    site.open("/").await;
    site.find("//main//h1").await;
    site.eval(
        "const img = document.createElement('img'); img.src = '/icons/icon-192.png'; \
         document.querySelector('main').append(img); return null;",
    )
    .await;
    let found = violations(&site).await;
    assert!(
        found.iter().any(|v| v.starts_with("image-alt (critical)")),
        "{found:?}"
    );
    site.close().await;
}
