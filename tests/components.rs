//! Component tests: pieces of the app mounted into a real page in headless Chromium
//! (`cargo test -p latih --target wasm32-unknown-unknown --test components`).
//! Things are found by role, label and text, as in the end-to-end tests.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use latih::components::confusion_heatmap::ConfusionHeatmap;
use latih::components::fields::{parse_decimal, NumberField};
use latih::components::header::LanguageSwitch;
use latih::i18n::{current_lang, provide_i18n, use_i18n};
use latih::jobs::{JobEvent, Jobs};
use latih::notebook::cells::NotebookCell;
use latih::notebook::NotebookState;
use latih::panic_banner;
use latih_engine::jobs::{Job, JobId, JobRunner, Request, Response};
use latih_engine::models::{ModelSpec, RandomForestParams};
use latih_engine::notebook::{evaluate, Cell, Notebook, SplitCell, TrainCell};
use latih_i18n::Lang;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element to mount into (the test page's body holds the runner's own output), and a
/// clean slate of stored preferences.
fn container() -> HtmlElement {
    let document = document();
    let _ = window().local_storage().unwrap().unwrap().clear();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Runs the engine's jobs in this page, answering later as a worker would, so that cell views can
/// be tested without the worker's files (the worker itself is tested end to end).
struct InPageJobs {
    runner: RefCell<JobRunner>,
    next_id: std::cell::Cell<JobId>,
    /// The pool size it claims, for the app to share work out as it would over that many.
    workers: usize,
    /// The kind of each job run, in order.
    log: RefCell<Vec<&'static str>>,
}

impl Default for InPageJobs {
    fn default() -> Self {
        Self::claiming(1)
    }
}

impl InPageJobs {
    fn claiming(workers: usize) -> Self {
        Self {
            runner: RefCell::new(JobRunner::new(Box::new(|| 0.0))),
            next_id: Default::default(),
            workers,
            log: RefCell::default(),
        }
    }
}

impl Jobs for InPageJobs {
    fn put_data(&self, name: &str, text: &str) {
        let request = Request::PutData {
            name: name.into(),
            text: text.into(),
        };
        self.runner.borrow_mut().handle(request, &mut |_| {});
    }

    fn forget_data(&self, name: &str) {
        let request = Request::ForgetData { name: name.into() };
        self.runner.borrow_mut().handle(request, &mut |_| {});
    }

    fn workers(&self) -> usize {
        self.workers
    }

    fn run(&self, job: Job, mut on_event: Box<dyn FnMut(JobEvent)>) -> JobId {
        self.log.borrow_mut().push(match job {
            Job::Evaluate { .. } => "evaluate",
            Job::GrowTrees { .. } => "grow",
            Job::Tune { .. } => "tune",
            Job::LearningCurve { .. } => "learning curve",
            Job::Export { .. } => "export",
            Job::OpenLink { .. } => "open link",
            Job::Query { .. } => "query",
            Job::FetchData { .. } => "fetch",
            Job::AttemptLink { .. } => "attempt link",
            Job::OpenAttempt { .. } => "open attempt",
            Job::ReadMarkdown { .. } => "read markdown",
            Job::ExportModel { .. } => "export model",
            Job::MakeRepository { .. } => "make repository",
            Job::KaggleSubmission { .. } => "kaggle submission",
        });
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        let mut responses = Vec::new();
        self.runner
            .borrow_mut()
            .handle(Request::Run { id, job }, &mut |r| responses.push(r));
        leptos::task::spawn_local(async move {
            for response in responses {
                match response {
                    Response::Progress { fraction, .. } => on_event(JobEvent::Progress(fraction)),
                    Response::AtCell { cell, .. } => on_event(JobEvent::AtCell(cell)),
                    Response::Reused { cell, .. } => on_event(JobEvent::Reused(cell)),
                    Response::Done { result, .. } => on_event(JobEvent::Done(result)),
                    other => panic!("unexpected response {other:?}"),
                }
            }
        });
        id
    }

    fn cancel(&self, _: JobId) {}
}

/// Mounts every cell of `notebook` in English on `root`, running jobs in this page, with iris
/// loaded; returns the notebook's state (made inside the app, whose owner runs its effects).
fn mount_notebook(root: &HtmlElement, notebook: Notebook) -> (NotebookState, impl Drop) {
    mount_notebook_on(root, notebook, Rc::new(InPageJobs::default()))
}

/// [`mount_notebook`], running its jobs on `jobs`.
fn mount_notebook_on(
    root: &HtmlElement,
    notebook: Notebook,
    jobs: Rc<InPageJobs>,
) -> (NotebookState, impl Drop) {
    let made = Rc::new(RefCell::new(None));
    let made_in_app = made.clone();
    let mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n().set_lang(Lang::En);
        let state = NotebookState::with_runner(notebook, jobs.clone());
        state.add_data(
            "iris".into(),
            include_str!("../static/data/iris.csv").into(),
        );
        *made_in_app.borrow_mut() = Some(state);
        let cells = state.doc.with_untracked(|nb| nb.cells.len());
        (0..cells)
            .map(|index| view! { <NotebookCell state index /> })
            .collect_view()
    });
    let state = made.borrow().expect("the notebook state");
    (state, mounted)
}

/// What `find` finds once the page has had up to two seconds to produce it.
async fn eventually<T>(find: impl Fn() -> Option<T>) -> Option<T> {
    for _ in 0..100 {
        if let Some(found) = find() {
            return Some(found);
        }
        settle().await;
    }
    None
}

/// Lets effects and re-renders run.
async fn settle() {
    TimeoutFuture::new(30).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn by_text(root: &Element, selector: &str, text: &str) -> Option<Element> {
    all(root, selector)
        .into_iter()
        .find(|e| e.text_content().unwrap_or_default().trim() == text)
}

fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}

fn type_into(input: &Element, text: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// The form control whose `<label>` reads `label`.
fn labelled(root: &Element, label: &str) -> Element {
    let label = by_text(root, "label", label).unwrap_or_else(|| panic!("no label {label}"));
    let id = label.get_attribute("for").unwrap();
    document().get_element_by_id(&id).unwrap()
}

#[wasm_bindgen_test]
async fn language_switch_changes_text_html_lang_and_is_remembered() {
    let root = container();
    let _mounted = leptos::mount::mount_to(root.clone(), || {
        provide_i18n();
        let i18n = use_i18n();
        view! {
            <LanguageSwitch />
            <p id="probe">{move || i18n.tr("nav-home")}</p>
        }
    });
    settle().await;
    let english = by_text(&root, "button", "English").expect("an English button");
    click(&english);
    settle().await;
    let probe = document().get_element_by_id("probe").unwrap();
    assert_eq!(probe.text_content().unwrap(), "Home");
    assert_eq!(
        english.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    assert_eq!(current_lang(), Lang::En);

    click(&by_text(&root, "button", "Bahasa Indonesia").unwrap());
    settle().await;
    assert_eq!(probe.text_content().unwrap(), "Beranda");
    assert_eq!(
        english.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("latih.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("\"id\""));
}

#[wasm_bindgen_test]
async fn number_field_flags_text_that_is_not_a_number_and_recovers() {
    let root = container();
    let accepted = RwSignal::new(Vec::<String>::new());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n().set_lang(Lang::En);
        let accept = Callback::new(move |text: String| {
            let ok = text.parse::<u32>().is_ok();
            if ok {
                accepted.update(|a| a.push(text));
            }
            ok
        });
        view! { <NumberField id="seed-test" label_key="field-seed" initial="42".into() accept /> }
    });
    settle().await;
    let input = labelled(&root, "Random seed");
    assert_eq!(input.unchecked_ref::<HtmlInputElement>().value(), "42");
    type_into(&input, "4x");
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let alert = all(&root, "[role=alert]");
    assert_eq!(alert.len(), 1);
    assert_eq!(alert[0].text_content().unwrap(), "Enter a number here.");
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .contains(&alert[0].id()));

    type_into(&input, "7");
    settle().await;
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(all(&root, "[role=alert]").is_empty());
    assert_eq!(accepted.get_untracked(), ["7"]);
}

#[wasm_bindgen_test]
async fn heatmap_is_labelled_drawn_and_sized_in_device_pixels() {
    let root = container();
    root.set_attribute("style", "width: 300px").unwrap();
    let counts = vec![vec![9, 1], vec![2, 8]];
    let classes = vec!["no".to_string(), "yes".to_string()];
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n().set_lang(Lang::En);
        view! { <ConfusionHeatmap counts=Signal::stored(counts) classes=Signal::stored(classes) /> }
    });
    settle().await;
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas[role=img]")
        .unwrap()
        .expect("a canvas with role img")
        .unchecked_into();
    let label = canvas.get_attribute("aria-label").unwrap();
    assert!(label.contains("no, yes"), "{label}");
    let dpr = window().device_pixel_ratio();
    assert_eq!(
        canvas.width(),
        (f64::from(canvas.client_width()) * dpr).round() as u32
    );
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let pixels = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let dark = pixels.chunks(4).filter(|p| p[0] < 100 && p[3] > 0).count();
    assert!(
        dark > 50,
        "the darkest cells are painted: {dark} dark pixels"
    );
}

#[wasm_bindgen_test]
async fn notebook_cells_run_on_loaded_data_and_show_errors_on_the_right_cell() {
    let root = container();
    let (state, _mounted) = mount_notebook(&root, Notebook::starter("iris", "species"));
    let table = eventually(|| {
        by_text(
            &root,
            "caption",
            "Confusion matrix (rows: true class, columns: predicted class)",
        )
    })
    .await
    .expect("a confusion matrix table")
    .parent_element()
    .unwrap();
    let body_rows = all(&table, "tbody tr");
    assert_eq!(body_rows.len(), 3);
    let total: u64 = all(&table, "tbody td")
        .iter()
        .map(|td| td.text_content().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(total, 38);
    assert!(by_text(&root, "dt", "Accuracy").is_some());

    // A test fraction of 1 fails the split cell (once the learner pauses typing); the cells
    // below wait for it.
    state.edit(1, |split: &mut SplitCell| split.test_fraction = 1.0);
    let alert = eventually(|| {
        all(&root, "section.cell")
            .get(1)
            .and_then(|split| split.query_selector("[role=alert]").unwrap())
    })
    .await
    .expect("alert on split");
    let sections = all(&root, "section.cell");
    assert!(alert.text_content().unwrap().contains("between 0 and 1"));
    assert!(sections[0]
        .query_selector("[role=alert]")
        .unwrap()
        .is_none());
    assert!(sections[3]
        .query_selector("[role=status]")
        .unwrap()
        .is_some());
    assert!(by_text(&root, "dt", "Accuracy").is_none());
}

#[wasm_bindgen_test]
fn panic_banner_is_one_translated_alert_with_the_message() {
    panic_banner::show("first failure");
    panic_banner::show("index out of bounds: the len is 3 but the index is 7");
    let banners = all(&document().document_element().unwrap(), "#latih-panic");
    assert_eq!(banners.len(), 1, "a second panic replaces the banner");
    let banner = &banners[0];
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap();
    // The catalog's words, or both languages' built in before it has loaded: never its keys.
    assert!(!text.contains("panic-"), "{text}");
    if latih_i18n::is_installed(current_lang()) {
        let heading = latih_i18n::t(current_lang(), "panic-heading");
        assert!(text.contains(&heading), "{text}");
    } else {
        assert!(text.contains("Something went wrong"), "{text}");
    }
    assert!(text.contains("the index is 7") && !text.contains("first failure"));
    assert_eq!(all(banner, "button").len(), 1, "one reload button");
    banner.remove();
}

#[wasm_bindgen_test]
fn decimals_read_the_way_either_language_writes_them() {
    for (text, value) in [
        ("0,25", 0.25),
        ("0.25", 0.25),
        (" .5 ", 0.5),
        ("-,5", -0.5),
        ("5.", 5.0),
        ("+2", 2.0),
        ("1e-3", 0.001),
        ("0.1", 0.1),
    ] {
        assert_eq!(parse_decimal(text), Some(value), "{text}");
    }
    for text in ["", "abc", "NaN", "inf", "1.2.3", "1e999", "--1"] {
        assert_eq!(parse_decimal(text), None, "{text}");
    }
}

#[wasm_bindgen_test]
async fn a_note_cell_renders_its_markdown_from_the_run() {
    let root = container();
    let mut notebook = Notebook::starter("iris", "species");
    notebook.add_note();
    if let Some(latih_engine::notebook::Cell::Note(n)) = notebook.cells.last_mut() {
        n.text = "## Hello\n\n<b>not bold</b>".into();
    }
    let (_state, _mounted) = mount_notebook(&root, notebook);
    let heading = eventually(|| by_text(&root, "h4", "Hello")).await;
    assert!(heading.is_some(), "{}", root.inner_html());
    assert!(
        by_text(&root, "span", "<b>not bold</b>").is_some()
            || root.text_content().unwrap().contains("<b>not bold</b>")
    );
    assert!(root.query_selector("b").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_forest_shared_out_over_three_workers_gives_the_numbers_of_one() {
    let mut notebook = Notebook::starter("iris", "species");
    notebook.cells[2] = Cell::Train(TrainCell {
        model: ModelSpec::RandomForest(RandomForestParams {
            n_estimators: 25,
            ..RandomForestParams::default()
        }),
    });
    let root = container();
    let jobs = Rc::new(InPageJobs::claiming(3));
    let (state, _mounted) = mount_notebook_on(&root, notebook.clone(), jobs.clone());
    eventually(|| by_text(&root, "dt", "Accuracy"))
        .await
        .expect("the evaluation");
    assert_eq!(*jobs.log.borrow(), ["grow", "grow", "grow", "evaluate"]);
    let data: HashMap<String, String> = [(
        "iris".to_string(),
        include_str!("../static/data/iris.csv").to_string(),
    )]
    .into();
    assert_eq!(state.outputs.get_untracked(), evaluate(&notebook, &data));
}
