//! How quickly the site starts on a cheap phone over a slow connection (issue 22), measured for
//! `make bench` (benches/run.sh); ignored by `make test`: a measurement, not a check (the
//! machines are shared and noisy).
//!
//! Method: headless Chromium, the DevTools protocol's `Network.emulateNetworkConditions` at
//! 1.6 Mbit/s down, 750 kbit/s up and 150 ms round trip, and `Emulation.setCPUThrottlingRate`
//! 4. For Home: its first contentful paint (the Paint Timing API). For the notebook page: the
//! time from the start of the navigation until the page answers a click (a script added to the
//! page presses "Notebook menu" every 20 ms and notes when it opens). Each on a first visit
//! (a fresh browser profile) and on a repeat visit (the same profile, reloaded: the service
//! worker and the browser's cache answer).

use latih_e2e::{BrowserLanguage, Site};
use serde_json::json;

/// Presses the notebook's menu button until the app answers, and notes when.
const PROBE: &str = r#"
const probe = setInterval(() => {
  const menu = document.querySelector("[aria-controls=notebook-menu]");
  if (!menu) return;
  if (menu.getAttribute("aria-expanded") === "true") {
    window.__answered = performance.now();
    clearInterval(probe);
    return;
  }
  menu.click();
}, 20);
"#;

async fn phone_on_a_slow_network() -> Site {
    let site = Site::start(BrowserLanguage::English, 412, 900, 2).await;
    site.devtools("Network.enable", json!({})).await;
    site.devtools(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 1_600_000 / 8,
            "uploadThroughput": 750_000 / 8,
        }),
    )
    .await;
    site.devtools("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await;
    site.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    )
    .await;
    site
}

/// Home's first contentful paint, in milliseconds from the start of the navigation.
async fn home_first_paint(site: &Site) -> f64 {
    site.open("/").await;
    site.heading("Learn machine learning by doing it").await;
    let paint = site
        .eval("return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
        .await;
    paint.as_f64().expect("a first contentful paint")
}

/// When the notebook page first answered a click, in milliseconds from the navigation.
async fn notebook_answers(site: &Site) -> f64 {
    site.open("/notebook").await;
    let answered = || async { site.eval("return window.__answered ?? null").await.as_f64() };
    site.until("the notebook to answer a click", || async {
        answered().await.is_some()
    })
    .await;
    answered().await.expect("the time it answered")
}

#[tokio::test]
#[ignore = "a measurement for make bench"]
async fn start_up_on_a_slow_network_and_a_slow_phone() {
    let home = phone_on_a_slow_network().await;
    let home_first = home_first_paint(&home).await;
    // The service worker has kept the site: a repeat visit.
    home.until_offline_ready().await;
    let home_repeat = home_first_paint(&home).await;
    home.close().await;

    let notebook = phone_on_a_slow_network().await;
    let notebook_first = notebook_answers(&notebook).await;
    notebook.settled().await;
    let notebook_repeat = notebook_answers(&notebook).await;
    notebook.close().await;

    println!("page start-up, 1.6 Mbit/s, 150 ms RTT, CPU 4x slower (ms from navigation)");
    println!("{:<44} {:>10} {:>10}", "", "first", "repeat");
    println!(
        "{:<44} {:>10.0} {:>10.0}",
        "Home: first contentful paint", home_first, home_repeat
    );
    println!(
        "{:<44} {:>10.0} {:>10.0}",
        "Notebook: answers a click", notebook_first, notebook_repeat
    );
}
