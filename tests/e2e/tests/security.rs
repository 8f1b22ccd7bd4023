//! The built site's Content-Security-Policy (issue 18): written into the page by the build, in
//! force (an injected inline script does not run), and never in the way of the site itself
//! (no violation while a notebook loads data, trains, draws its bars and charts and runs SQL:
//! plotters measures chart text with a styled span, which a first version of the policy
//! blocked).

use latih_e2e::{BrowserLanguage, Site};

#[tokio::test]
async fn the_policy_is_in_force_and_the_site_never_breaks_it() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    // The notebook's app (the Home page's is another module under the same page and policy;
    // going from one to the other reloads the page, which would forget the violations).
    site.open("/notebook").await;
    site.definition("Accuracy").await;
    let policy = site
        .eval(
            "const meta = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); \
             return meta ? meta.content : '';",
        )
        .await;
    let policy = policy.as_str().unwrap_or_default().to_string();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-")
            && policy.contains("style-src 'self'; style-src-attr 'unsafe-inline'"),
        "{policy}"
    );
    // What a note or a column name would be if it ever reached the page as markup.
    let ran = site
        .eval(
            "window.__violations = []; \
             document.addEventListener('securitypolicyviolation', \
               e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); \
             const s = document.createElement('script'); \
             s.textContent = 'window.__injected = true'; \
             document.head.append(s); \
             return window.__injected === true;",
        )
        .await;
    assert_eq!(ran.as_bool(), Some(false), "an inline script ran");
    site.until("the injected script's violation to be reported", || async {
        site.eval("return window.__violations.length")
            .await
            .as_i64()
            == Some(1)
    })
    .await;

    // The site itself, in the same page: a forest's importance bars, an explore cell's
    // histograms, the SQL worker.
    site.choose_in("3. Train a model", "Model", "Random forest")
        .await;
    site.settled().await;
    site.button("Add an explore cell (profile the data)")
        .await
        .click()
        .await
        .unwrap();
    site.heading("2. Explore the data").await;
    site.button("Add a SQL query (a table from the data, with SELECT)")
        .await
        .click()
        .await
        .unwrap();
    site.text("10 rows × 5 columns").await;
    site.settled().await;
    let bars = site
        .eval("return document.querySelectorAll('.importance-bar span[style*=\"width\"]').length")
        .await;
    assert!(bars.as_i64().unwrap_or(0) > 0, "no importance bars: {bars}");
    let violations = site.eval("return window.__violations").await;
    assert_eq!(
        violations.as_array().map(Vec::len),
        Some(1),
        "only the injected script: {violations}"
    );
    site.close().await;
}
