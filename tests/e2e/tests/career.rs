//! From course to career (issue 21), as a new learner goes: a study plan for "I know Python,
//! 6 hours a week" whose week 1 names lessons; a lesson's exercise passed, and the plan's
//! progress moving; the career page's tables; a portfolio project built until its rubric's
//! main criterion passes; and that notebook made into a repository whose README's scores are
//! the notebook's and whose notebook.ipynb runs in a Jupyter kernel where Python has one.

use latih_e2e::{BrowserLanguage, Site};
use latih_engine::notebook::{evaluate, CellOutput, Notebook};
use std::io::Read;
use std::process::Command;

/// The plan's standing line ("You are in week 1. Done: …").
async fn standing(site: &Site) -> String {
    site.find("//div[@class='plan-status']")
        .await
        .text()
        .await
        .unwrap_or_default()
}

#[tokio::test]
async fn a_learner_plans_passes_a_check_and_sees_the_plan_move() {
    let site = Site::start(BrowserLanguage::English, 360, 900, 1).await;
    site.open("/lessons").await;
    site.link("Make your study plan")
        .await
        .click()
        .await
        .unwrap();
    site.heading("My study plan").await;
    site.find("//label[normalize-space(.)='I know Python']/input")
        .await
        .click()
        .await
        .unwrap();
    site.labelled("Hours a week").await.clear().await.unwrap();
    site.fill("Hours a week", "6").await;
    site.button("Make my plan").await.click().await.unwrap();
    // Week 1 names lessons, linked.
    let week_one = site
        .find("//li[contains(@class,'plan-week')][h2[starts-with(normalize-space(.),'Week 1 ·')]]")
        .await;
    let lessons = week_one
        .find_all(fantoccini::Locator::XPath(
            ".//a[starts-with(@href,'/lessons/')]",
        ))
        .await
        .unwrap();
    assert!(!lessons.is_empty(), "week 1 names a lesson");
    assert!(
        week_one.text().await.unwrap().contains("Data as a table"),
        "{}",
        week_one.text().await.unwrap()
    );
    let before = standing(&site).await;
    assert!(before.contains("Done: 0 of"), "{before}");
    assert!(before.contains("On track"), "{before}");
    assert!(site.fits_width().await, "the plan fits 360 px");

    // A lesson's first exercise passed (its solution put in, as a learner may).
    site.link("Data as a table").await.click().await.unwrap();
    site.heading("Data as a table").await;
    site.numbers_stated().await;
    site.pass_exercise_with_its_solution("Exercise 1").await;

    // Back in the plan: the hours done have moved, the lesson still to finish.
    site.open("/plan").await;
    site.heading("My study plan").await;
    site.until("the plan's progress to move", || async {
        let now = standing(&site).await;
        !now.is_empty() && now != before
    })
    .await;
    let after = standing(&site).await;
    assert!(
        after.contains("Done: 0 of"),
        "one exercise is not the whole lesson: {after}"
    );
    let progress: f64 = site
        .eval("return document.getElementById('plan-progress').value")
        .await
        .as_f64()
        .unwrap();
    assert!(progress > 0.0, "{after}");

    // Kept over a reload; the Markdown and the calendar download.
    site.client.refresh().await.unwrap();
    site.find("//h2[starts-with(normalize-space(.),'Week 1 · from')]")
        .await;
    site.button("Download as Markdown")
        .await
        .click()
        .await
        .unwrap();
    let markdown = site.downloaded("study-plan.md").await;
    assert!(
        markdown.starts_with("# My machine-learning study plan (Latih)"),
        "{markdown}"
    );
    assert!(markdown.contains("/lessons/data-as-a-table>"), "{markdown}");
    site.button("Add to my calendar (.ics)")
        .await
        .click()
        .await
        .unwrap();
    let calendar = site.downloaded("study-plan.ics").await;
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n"), "{calendar}");
    assert_eq!(
        calendar.matches("BEGIN:VEVENT").count(),
        calendar.matches("END:VEVENT").count()
    );
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;
}

#[tokio::test]
async fn the_career_page_reads_in_both_languages_with_its_tables() {
    for (language, heading, column) in [
        (
            BrowserLanguage::English,
            "Working as an ML engineer",
            "Category",
        ),
        (
            BrowserLanguage::Indonesian,
            "Bekerja sebagai ML engineer",
            "Kategori",
        ),
    ] {
        let site = Site::start(language, 360, 900, 1).await;
        site.open("/").await;
        let nav = if column == "Category" {
            "Career"
        } else {
            "Karier"
        };
        site.link(nav).await.click().await.unwrap();
        site.heading(heading).await;
        let headers = site
            .find_all(&format!("//table//th[normalize-space(.)='{column}']"))
            .await;
        assert_eq!(headers.len(), 1, "the skills table's head");
        // Its links to lessons open in the app.
        assert!(!site
            .find_all("//table//a[starts-with(@href,'/lessons/')]")
            .await
            .is_empty());
        assert!(
            site.fits_width().await,
            "the page fits 360 px (tables scroll)"
        );
        site.close().await;
    }
}

/// Runs `notebook.ipynb` in `folder` in a Jupyter kernel; its printed lines, or `None` where
/// Python has no kernel.
fn run_in_kernel(folder: &std::path::Path) -> Option<String> {
    let python = std::env::var("LATIH_PYTHON").unwrap_or_else(|_| "python3".into());
    let kernel = Command::new(&python)
        .args(["-c", "import nbclient, ipykernel, pandas, sklearn"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !kernel {
        return None;
    }
    let out = Command::new(&python)
        .args([
            "-c",
            "import nbformat; from nbclient import NotebookClient; \
             nb = nbformat.read('notebook.ipynb', as_version=4); \
             NotebookClient(nb, timeout=600, kernel_name='python3', \
             resources={'metadata': {'path': '.'}}).execute(); \
             print(''.join(o.get('text', '') for c in nb.cells \
             if c.cell_type == 'code' for o in c.get('outputs', [])))",
        ])
        .current_dir(folder)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[tokio::test]
async fn a_learner_builds_a_project_meets_its_rubric_and_makes_a_repository() {
    let site = Site::start(BrowserLanguage::English, 1000, 900, 1).await;
    site.open("/projects").await;
    site.text("Not started").await;
    site.link(PROJECT_TITLE).await.click().await.unwrap();
    site.heading(PROJECT_TITLE).await;
    site.text(&format!("0 of {CRITERIA} main criteria met"))
        .await;
    site.numbers_stated().await;
    // Both notebooks have run: the page no longer moves under a click.
    site.settled().await;
    // Built as the rubric asks (its solved notebook put in), then checked.
    site.press_in_exercise(METRIC_LINE, "Show a hint").await;
    site.until_exercise_says(METRIC_LINE, "Hint 1 of").await;
    site.press_in_exercise(METRIC_LINE, "Show the solution")
        .await;
    site.press_in_exercise(METRIC_LINE, "Load the solution into the notebook")
        .await;
    site.settled().await;
    site.press_in_exercise(METRIC_LINE, "Check my answer").await;
    site.until_exercise_says(METRIC_LINE, "Passed").await;
    site.text(&format!("1 of {CRITERIA} main criteria met"))
        .await;

    // The notebook as it is now, into the notebook page, and out as a repository.
    site.button("Open in the notebook")
        .await
        .click()
        .await
        .unwrap();
    site.definition("Accuracy").await;
    site.notebook_menu().await;
    site.heading("Make a repository").await;
    site.fill("Your name, for the licence", "Budi Santoso")
        .await;
    site.button("Make a repository (.zip)")
        .await
        .click()
        .await
        .unwrap();
    let bytes = site.downloaded_bytes("repository.zip").await;
    assert!(site.find_all("//*[@id='latih-panic']").await.is_empty());
    site.close().await;

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut readme = String::new();
    zip.by_name("README.md")
        .unwrap()
        .read_to_string(&mut readme)
        .unwrap();
    // The README's accuracy is the engine's on the project's solved notebook (what the rubric's
    // solution put in).
    let notebook = solved_notebook();
    let data = shipped(PROJECT_DATASET);
    let outputs = evaluate(&notebook, &data);
    let accuracy = outputs
        .iter()
        .rev()
        .find_map(|o| match o {
            Ok(CellOutput::Evaluate(scores)) => Some(scores.accuracy),
            _ => None,
        })
        .expect("the project's notebook evaluates");
    assert!(
        readme.contains(&format!("| {accuracy:.3} |")),
        "{accuracy:.3}\n{readme}"
    );
    // Unzipped as it is, its notebook runs in a kernel.
    let dir = std::env::temp_dir().join(format!("latih-e2e-project-{}", std::process::id()));
    zip.extract(&dir).unwrap();
    match run_in_kernel(&dir) {
        // It ran to its evaluation, which prints the test accuracy.
        Some(printed) => assert!(
            printed.lines().any(|l| l.starts_with("accuracy ")),
            "{printed}"
        ),
        None => eprintln!("skipped running notebook.ipynb in a kernel: nbclient, ipykernel, pandas or scikit-learn is missing"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn shipped(id: &str) -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(format!(
        "{}/../../static/data/{id}.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    [(id.to_string(), text)].into()
}

/// The project's solved notebook.
fn solved_notebook() -> Notebook {
    let file = std::fs::read_to_string(format!(
        "{}/../../content/en/projects/{PROJECT_SLUG}.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    latih_engine::lessons::parse_lesson(&file)
        .unwrap()
        .solution
        .notebook
}

/// The project the journey builds: its slug, title and data set, its rubric's main criteria,
/// and the heading of the criterion its solved notebook meets.
const PROJECT_SLUG: &str = "customer-churn";
const PROJECT_TITLE: &str = "Customer churn: who will leave?";
const PROJECT_DATASET: &str = "churn";
const CRITERIA: usize = 4;
const METRIC_LINE: &str = "Main criterion 3";
