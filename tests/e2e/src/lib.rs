//! The end-to-end harness: serves the release build (`dist/`) on loopback, starts ChromeDriver
//! and a headless Chromium with a fresh profile, and offers helpers that find things the way a
//! person does: by role, label and visible text.
//!
//! Everything the harness starts is stopped when the [`Site`] is dropped, also when a test fails
//! (ChromeDriver and the browsers it launched are killed as one process group).

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tower_http::services::{ServeDir, ServeFile};

/// How long to wait for something to appear before a test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A browser language preference, as the operating system would give it.
#[derive(Clone, Copy, Debug)]
pub enum BrowserLanguage {
    Indonesian,
    English,
}

pub struct Site {
    pub client: Client,
    pub base: String,
    /// The viewport width in CSS pixels.
    pub width: u32,
    driver: Child,
    /// The browser's profile and temporary files, removed on drop.
    root: PathBuf,
    server: tokio::task::JoinHandle<()>,
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

/// What the server does to the site, to test how the app copes with failures.
#[derive(Clone, Copy, PartialEq)]
pub enum Fault {
    None,
    /// The first Web Worker the app starts says it is ready and then dies on its first job,
    /// as a worker does when it runs out of memory; every later worker is the real one.
    FirstWorkerCrashes,
    /// The English catalog is not found (404), as when a connection drops mid-visit.
    EnglishCatalogMissing,
    /// A new release is out after the first visit: the service worker is served as built
    /// once, then changed (as every release changes its version), so the browser's next check
    /// installs a new one.
    NewRelease,
}

/// Stands in for the worker's loader once: says ready as the real worker does; on the first
/// notebook run, says the evaluation is at cell 3 (index 2), then throws, which the page sees as
/// the worker's error event. An export or link job, which the pool sends first, it declines (as a
/// worker of another build would), so that the crash happens in the run. Messages are the engine's
/// postcard bytes (`latih_engine::jobs::wire`): `Request::Run` is variant 1, then the job id and
/// the job's variant (one byte each while small: `Job::Evaluate` is 0, `Job::Export` 4, `Job::OpenLink` 5);
/// `Response::Ready` is variant 0, `Response::AtCell { id, cell }` variant 2 and
/// `Response::Unreadable { message }` variant 5 (then the message's length and bytes).
const CRASHING_WORKER: &str = r#"postMessage(new Uint8Array([0]));
onmessage = (event) => {
  const request = new Uint8Array(event.data);
  if (request[0] === 1 && request[2] >= 4) {
    const message = new TextEncoder().encode("declined by the test's worker");
    postMessage(new Uint8Array([5, message.length, ...message]));
  } else if (request[0] === 1) {
    postMessage(new Uint8Array([2, request[1], 2]));
    throw new Error("simulated crash: out of memory");
  }
};"#;

/// A command of chromedriver's own (Chromium's extensions of WebDriver): `path` under the
/// session, with a JSON body.
#[derive(Debug)]
struct ChromiumCommand {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromiumCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Replaces a field's text as a person does: select all, then type over it (or delete it).
async fn type_over(field: &Element, text: &str) {
    const CONTROL: &str = "\u{E009}";
    const RELEASE_MODIFIERS: &str = "\u{E000}";
    const BACKSPACE: &str = "\u{E003}";
    field
        .send_keys(&format!("{CONTROL}a{RELEASE_MODIFIERS}"))
        .await
        .expect("select all");
    let keys = if text.is_empty() { BACKSPACE } else { text };
    field.send_keys(keys).await.expect("type");
}

/// Serves the release build like `trunk serve` does: files as they are, any other path as
/// index.html (the app routes on the client). The build is `$LATIH_SITE` (scripts/test.sh builds
/// it in target/site), else dist/.
async fn serve_dist(fault: Fault) -> (String, tokio::task::JoinHandle<()>) {
    let dist = std::env::var_os("LATIH_SITE")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("dist"));
    assert!(
        dist.join("index.html").exists(),
        "no release build in {}: run the README's test command (make test), which builds it first",
        dist.display()
    );
    let service = ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html")));
    // Addresses that answer as a server that has no such file does, or is failing: for the
    // messages a learner gets when fetching data from a URL.
    let mut app = axum::Router::new()
        .route(
            "/gone/data.csv",
            axum::routing::get(|| async { axum::http::StatusCode::NOT_FOUND }),
        )
        .route(
            "/failing/data.csv",
            axum::routing::get(|| async { axum::http::StatusCode::SERVICE_UNAVAILABLE }),
        )
        // A body without end, as a hostile or broken server sends: the page stops at its cap.
        .route(
            "/endless/data.csv",
            axum::routing::get(|| async {
                let chunk = axum::body::Bytes::from(b"1,2,3\n".repeat(10_000));
                let endless = futures_util::stream::repeat_with(move || {
                    Ok::<_, std::io::Error>(chunk.clone())
                });
                axum::body::Body::from_stream(endless)
            }),
        )
        .fallback_service(service.clone());
    // A fault is served once, or to the page only: a service worker would keep (or precache)
    // it for every later request, so sites with a fault have none.
    if fault == Fault::NewRelease {
        let built = std::fs::read_to_string(dist.join("sw.js")).expect("the build's sw.js");
        let served = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let worker = move || {
            let next = served.swap(true, std::sync::atomic::Ordering::SeqCst);
            let body = match next {
                true => format!("{built}\n// the next release\n"),
                false => built.clone(),
            };
            async move { ([("content-type", "text/javascript")], body) }
        };
        app = app.route("/sw.js", axum::routing::get(worker));
    } else if fault != Fault::None {
        let none = || async { axum::http::StatusCode::NOT_FOUND };
        app = app.route("/sw.js", axum::routing::get(none));
    }
    if fault == Fault::FirstWorkerCrashes {
        let served = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let loader = move |request: axum::extract::Request| {
            let served = served.clone();
            let real = service.clone();
            async move {
                use axum::response::IntoResponse;
                use tower::ServiceExt;
                if served.swap(true, std::sync::atomic::Ordering::SeqCst) {
                    return real.oneshot(request).await.into_response();
                }
                (
                    [
                        ("content-type", "text/javascript"),
                        ("cache-control", "no-store"),
                    ],
                    CRASHING_WORKER,
                )
                    .into_response()
            }
        };
        app = app.route("/latih-worker_loader.js", axum::routing::get(loader));
    }
    if fault == Fault::EnglishCatalogMissing {
        let missing = || async { axum::http::StatusCode::NOT_FOUND };
        app = app.route("/locales/en.txt", axum::routing::get(missing));
    }
    // As open-data hosts do, other sites may read the files: a link made on one test site
    // fetches its data from another's server.
    let app = app.layer(axum::middleware::map_response(
        |mut response: axum::response::Response| async move {
            response.headers_mut().insert(
                "access-control-allow-origin",
                axum::http::HeaderValue::from_static("*"),
            );
            response
        },
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let handle = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), handle)
}

fn chromedriver_path() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into())
}

fn chromium_path() -> Option<String> {
    std::env::var("CHROME_BIN").ok().or_else(|| {
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(String::from)
    })
}

impl Site {
    /// Starts the server, ChromeDriver and a browser whose preferred language is `language`,
    /// with a viewport of `width` × `height` CSS pixels at `scale` device pixels per CSS pixel
    /// (2 is a typical phone).
    pub async fn start(language: BrowserLanguage, width: u32, height: u32, scale: u32) -> Site {
        Self::start_with(Fault::None, language, width, height, scale).await
    }

    /// [`start`](Self::start), with the server injecting `fault`.
    pub async fn start_with(
        fault: Fault,
        language: BrowserLanguage,
        width: u32,
        height: u32,
        scale: u32,
    ) -> Site {
        let (base, server) = serve_dist(fault).await;
        let port = free_port();
        // Everything the browser writes (profile, temporary files) goes under one folder that
        // the drop removes, even when the browser itself is killed before it can clean up.
        let root = std::env::temp_dir().join(format!("latih-e2e-{}-{port}", std::process::id()));
        let profile = root.join("profile");
        let scratch = root.join("tmp");
        std::fs::create_dir_all(&scratch).expect("create the browser's folders");
        let driver = Command::new(chromedriver_path())
            .arg(format!("--port={port}"))
            .env("TMPDIR", &scratch)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so the browsers it starts die with it.
            .process_group(0)
            .spawn()
            .expect("start chromedriver (is it installed? scripts/setup.sh installs it)");
        let accept = match language {
            BrowserLanguage::Indonesian => "id-ID,id",
            BrowserLanguage::English => "en-US,en",
        };
        let lang_flag = accept.split(',').next().unwrap_or("en-US");
        let mut options = serde_json::json!({
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--disable-extensions",
                // The window only needs room; the viewport comes from mobileEmulation below
                // (headless Chromium will not make a window narrower than 500 px).
                format!("--window-size={},{}", width.max(500), height),
                format!("--user-data-dir={}", profile.display()),
                format!("--lang={lang_flag}"),
            ],
            "prefs": {
                "intl.accept_languages": accept,
                // Downloads land, unasked, where a test can read them (see `downloaded`).
                "download.default_directory": root.join("downloads").display().to_string(),
                "download.prompt_for_download": false,
            },
            // A phone's viewport, exactly: width and height in CSS pixels, device pixel ratio.
            "mobileEmulation": {
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": scale }
            },
        });
        if let Some(binary) = chromium_path() {
            options["binary"] = binary.into();
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), options);
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut site = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    site = Some(client);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = site.expect("could not start a browser session through chromedriver");
        Site {
            client,
            base,
            width,
            driver,
            root,
            server,
        }
    }

    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    /// Waits for an element matching the XPath and returns it.
    pub async fn find(&self, xpath: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
        {
            Ok(element) => element,
            Err(e) => {
                let saved = self.save_evidence().await;
                panic!("not found: {xpath}: {e}; the page is saved in {saved}")
            }
        }
    }

    /// Saves a screenshot and the page's text under target/e2e-failures/, for a failed test.
    pub async fn save_evidence(&self) -> String {
        let dir = repo_root().join("target/e2e-failures");
        let _ = std::fs::create_dir_all(&dir);
        let stem = dir.join(format!("{}-{}", std::process::id(), free_port()));
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(stem.with_extension("png"), png);
        }
        if let Ok(text) = self.client.source().await {
            let _ = std::fs::write(stem.with_extension("html"), text);
        }
        stem.display().to_string()
    }

    /// All elements matching the XPath now (no waiting).
    pub async fn find_all(&self, xpath: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::XPath(xpath))
            .await
            .expect("find_all")
    }

    pub async fn button(&self, name: &str) -> Element {
        self.find(&format!("//button[normalize-space(.)={}]", quote(name)))
            .await
    }

    pub async fn link(&self, name: &str) -> Element {
        self.find(&format!("//a[normalize-space(.)={}]", quote(name)))
            .await
    }

    pub async fn heading(&self, text: &str) -> Element {
        self.find(&format!(
            "//*[self::h1 or self::h2 or self::h3][normalize-space(.)={}]",
            quote(text)
        ))
        .await
    }

    /// The form control whose `<label>` reads `label`.
    pub async fn labelled(&self, label: &str) -> Element {
        self.find(&format!(
            "//*[@id=//label[normalize-space(.)={}]/@for]",
            quote(label)
        ))
        .await
    }

    /// The form control labelled `label` inside the section whose heading reads `section`
    /// (a notebook cell such as "5. Train a model").
    pub async fn labelled_in(&self, section: &str, label: &str) -> Element {
        self.find(&format!(
            "//*[@id=//section[div/h2[normalize-space(.)={}]]//label[normalize-space(.)={}]/@for]",
            quote(section),
            quote(label)
        ))
        .await
    }

    /// [`Self::choose`] within one section.
    pub async fn choose_in(&self, section: &str, label: &str, option: &str) {
        self.labelled_in(section, label)
            .await
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("choose {option} in {label} of {section}: {e}"));
    }

    /// Picks `option` in the select labelled `label` of step `n` of a steps cell (each step is a
    /// fieldset whose legend is "Step n").
    pub async fn choose_in_step(&self, n: usize, label: &str, option: &str) {
        let step = format!("//fieldset[legend[normalize-space(.)='Step {n}']]");
        self.find(&format!(
            "{step}//select[@id={step}//label[normalize-space(.)={}]/@for]",
            quote(label)
        ))
        .await
        .select_by_label(option)
        .await
        .unwrap_or_else(|e| panic!("choose {option} in {label} of step {n}: {e}"));
    }

    /// Picks the option with visible text `option` in the select labelled `label`, once the
    /// select offers it (options may arrive with data still downloading, as a person would see).
    pub async fn choose(&self, label: &str, option: &str) {
        let option_path = format!(
            "//*[@id=//label[normalize-space(.)={}]/@for]/option[normalize-space(.)={}]",
            quote(label),
            quote(option)
        );
        self.find(&option_path).await;
        self.labelled(label)
            .await
            .select_by_label(option)
            .await
            .unwrap_or_else(|e| panic!("choose {option} in {label}: {e}"));
    }

    /// Replaces the text of the field labelled `label` as a person does: select all, then type
    /// over it (or delete it). WebDriver's own `clear` fires no input event, so the app would
    /// never hear of it.
    pub async fn fill(&self, label: &str, text: &str) {
        type_over(&self.labelled(label).await, text).await;
    }

    /// [`fill`](Self::fill) for the field labelled `label` in step `n` of a steps cell.
    pub async fn fill_in_step(&self, n: usize, label: &str, text: &str) {
        let step = format!("//fieldset[legend[normalize-space(.)='Step {n}']]");
        let field = self
            .find(&format!(
                "{step}//input[@id={step}//label[normalize-space(.)={}]/@for]",
                quote(label)
            ))
            .await;
        type_over(&field, text).await;
    }

    /// The value shown for the term `term` of a description list.
    pub async fn definition(&self, term: &str) -> String {
        self.find(&format!(
            "//dt[normalize-space(.)={}]/following-sibling::dd[1]",
            quote(term)
        ))
        .await
        .text()
        .await
        .expect("text")
    }

    /// Waits until an element containing `text` is on the page and returns it.
    pub async fn text(&self, text: &str) -> Element {
        self.find(&format!(
            "//*[contains(normalize-space(.), {})][not(*[contains(normalize-space(.), {})])]",
            quote(text),
            quote(text)
        ))
        .await
    }

    /// The cells of the table with caption `caption`: header row first, then the body rows,
    /// each as the text of its `th`/`td` cells.
    pub async fn table(&self, caption: &str) -> Vec<Vec<String>> {
        let table = format!("//table[caption[normalize-space(.)={}]]", quote(caption));
        self.find(&table).await;
        let mut rows = Vec::new();
        for row in self.find_all(&format!("{table}//tr")).await {
            let mut cells = Vec::new();
            for cell in row
                .find_all(Locator::XPath("./th|./td"))
                .await
                .expect("cells")
            {
                cells.push(cell.text().await.expect("cell text"));
            }
            rows.push(cells);
        }
        rows
    }

    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("execute script")
    }

    /// Whether the page is no wider than the viewport (nothing makes a phone scroll sideways).
    pub async fn fits_width(&self) -> bool {
        let widths = self
            .eval("return [document.documentElement.scrollWidth, document.body.scrollWidth]")
            .await;
        let widths: Vec<u64> = widths
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_u64()).collect())
            .unwrap_or_default();
        widths.len() == 2 && widths.iter().all(|&w| w <= u64::from(self.width))
    }

    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// Waits until `check` holds, polling; fails with `what` after [`PATIENCE`].
    pub async fn until<F, Fut>(&self, what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while !check().await {
            if tokio::time::Instant::now() >= deadline {
                let saved = self.save_evidence().await;
                panic!("timed out waiting for: {what}; the page is saved in {saved}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of the file the page downloaded as `name`, once the browser has finished it.
    pub async fn downloaded(&self, name: &str) -> String {
        String::from_utf8(self.downloaded_bytes(name).await).expect("a text file")
    }

    /// Opens a file the page downloaded (a prediction page) in this browser, as a learner who
    /// double-clicks it would.
    pub async fn open_download(&self, name: &str) {
        let path = self.root.join("downloads").join(name);
        self.client
            .goto(&format!("file://{}", path.display()))
            .await
            .expect("open the downloaded file");
    }

    /// The bytes of the file the page downloaded as `name` (a binary file too), once the
    /// browser has finished it.
    pub async fn downloaded_bytes(&self, name: &str) -> Vec<u8> {
        let folder = self.root.join("downloads");
        let deadline = tokio::time::Instant::now() + PATIENCE;
        // Chrome reserves the name with an empty file first and writes into a .crdownload
        // beside it: the download is done when the file has content and no partial one is left.
        let done = || {
            let written = std::fs::metadata(folder.join(name)).is_ok_and(|m| m.len() > 0);
            let partial = std::fs::read_dir(&folder).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
            });
            written && !partial
        };
        while !done() {
            if tokio::time::Instant::now() >= deadline {
                let there: Vec<String> = std::fs::read_dir(&folder)
                    .map(|entries| {
                        entries
                            .flatten()
                            .map(|e| e.file_name().to_string_lossy().into_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                let saved = self.save_evidence().await;
                panic!("no download of {name} (the folder has {there:?}); the page is saved in {saved}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        std::fs::read(folder.join(name)).expect("read the downloaded file")
    }

    /// Takes the browser off the network, or puts it back (DevTools' network conditions).
    pub async fn set_offline(&self, offline: bool) {
        let conditions = serde_json::json!({"network_conditions": {
            "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1,
        }});
        self.client
            .issue_cmd(ChromiumCommand {
                path: "chromium/network_conditions",
                body: conditions,
            })
            .await
            .expect("set the network conditions");
    }

    /// Calls a method of the DevTools protocol on the page, and gives its result.
    pub async fn devtools(&self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(ChromiumCommand {
                path: "goog/cdp/execute",
                body: serde_json::json!({"cmd": method, "params": params}),
            })
            .await
            .unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Waits until the notebook's results are those of the notebook as it is: no run in
    /// progress and no cell saying it is out of date (in any language).
    pub async fn settled(&self) {
        self.until("the notebook's run to finish", || async {
            self.find_all("//progress | //*[contains(@class, 'stale-note')]")
                .await
                .is_empty()
        })
        .await;
    }

    /// The text of the exercise (or rubric line) whose heading reads `heading`.
    pub async fn exercise_text(&self, heading: &str) -> String {
        self.find(&format!("//section[h3[normalize-space(.)='{heading}']]"))
            .await
            .text()
            .await
            .unwrap_or_default()
    }

    /// Presses `button` inside the exercise whose heading reads `heading`.
    pub async fn press_in_exercise(&self, heading: &str, button: &str) {
        self.find(&format!(
            "//section[h3[normalize-space(.)='{heading}']]//button[normalize-space(.)='{button}']"
        ))
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("press {button} in {heading}: {e}"));
    }

    /// Waits until the exercise whose heading reads `heading` says `words`.
    pub async fn until_exercise_says(&self, heading: &str, words: &str) {
        self.until(&format!("{heading} to say {words}"), || async {
            self.exercise_text(heading).await.contains(words)
        })
        .await;
    }

    /// Passes exercise `heading` with its own solution, as a learner may: shows it, puts it in,
    /// checks it, and waits for "Passed".
    pub async fn pass_exercise_with_its_solution(&self, heading: &str) {
        for button in ["Show the solution", "Put this answer in", "Check my answer"] {
            self.press_in_exercise(heading, button).await;
        }
        self.until_exercise_says(heading, "Passed").await;
    }

    /// Waits until every number a lesson's text states is filled in (no "…" left): its
    /// starting notebook has run.
    pub async fn numbers_stated(&self) {
        self.until("the lesson's numbers", || async {
            let mut filled = true;
            for number in self.find_all("//span[@class='quantity']").await {
                filled &= !number.text().await.unwrap_or_default().contains('…');
            }
            filled
        })
        .await;
    }

    /// Waits until the site's service worker controls the page (it keeps the site from then).
    pub async fn until_offline_ready(&self) {
        self.until("the service worker to control the page", || async {
            self.eval("return !!navigator.serviceWorker.controller")
                .await
                .as_bool()
                == Some(true)
        })
        .await;
    }

    /// Opens the notebook's menu (new, save, open, downloads, settings), unless it is open.
    pub async fn notebook_menu(&self) {
        let toggle = self.button("Notebook menu").await;
        if toggle.attr("aria-expanded").await.ok().flatten().as_deref() != Some("true") {
            toggle.click().await.expect("open the notebook menu");
        }
    }

    /// Presses "Copy a link to this notebook" and returns the link's fragment (`#nb=…`), read
    /// from the field that shows it.
    pub async fn copy_link(&self) -> String {
        self.button("Copy a link to this notebook")
            .await
            .click()
            .await
            .expect("press Copy a link");
        let url = self
            .labelled("Link to this notebook")
            .await
            .prop("value")
            .await
            .expect("the link's field")
            .unwrap_or_default();
        url.split_once('#')
            .map(|(_, f)| format!("#{f}"))
            .unwrap_or_else(|| panic!("not a #nb= link: {url}"))
    }

    /// Ends the browser session politely; dropping the site kills whatever is left.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        // SAFETY: kill(2) on the process group we created; no memory is touched.
        unsafe {
            libc::kill(-(self.driver.id() as i32), libc::SIGKILL);
        }
        let _ = self.driver.wait();
        self.server.abort();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// An XPath string literal for any text (XPath 1.0 has no escapes: use concat for quotes).
pub fn quote(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// Reads a number as shown in either language ("0,947" or "0.947"), ignoring what follows it.
pub fn parse_shown_number(text: &str, decimal_comma: bool) -> f64 {
    let number: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let normalised = if decimal_comma {
        number.replace('.', "").replace(',', ".")
    } else {
        number.replace(',', "")
    };
    normalised
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}
