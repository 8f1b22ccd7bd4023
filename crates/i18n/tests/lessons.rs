//! The Lessons page lists the lessons without fetching them (latih_i18n::LESSONS and the
//! `lessons-title-<slug>` keys): the list must be in the files' order, with their stages, and
//! each title the file's own, in both languages.

use latih_engine::lessons::parse_lesson;
use latih_i18n::{t, Lang, LESSONS, ROADMAP_STAGES};
use std::path::PathBuf;

fn lesson_file(lang: Lang, slug: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../content")
        .join(lang.code())
        .join(format!("{slug}.md"));
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()))
}

/// The slugs of the lesson files in `content/en/<folder>`, sorted.
fn files_in(folder: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../content/en")
        .join(folder);
    let mut slugs: Vec<String> = std::fs::read_dir(path)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(str::to_string)
        })
        .collect();
    slugs.sort();
    slugs
}

#[test]
fn the_lesson_list_is_the_lesson_files_in_their_order_with_their_titles() {
    // That it names every file, once: the command line's test (crates/cli/src/lessons.rs).
    let mut last_order = 0;
    for (slug, stage) in LESSONS {
        assert!(ROADMAP_STAGES.contains(&stage), "{slug}: stage {stage}");
        for lang in Lang::ALL {
            let lesson = parse_lesson(&lesson_file(lang, slug)).unwrap();
            assert_eq!(lesson.slug, slug);
            assert_eq!(lesson.stage, stage, "{slug}: its stage");
            assert_eq!(
                t(lang, &format!("lessons-title-{slug}")),
                lesson.title,
                "{slug} ({lang:?}): the catalog's title is the lesson's"
            );
            assert!(
                lesson.order > last_order,
                "{slug}: LESSONS is in the course's order"
            );
        }
        last_order = parse_lesson(&lesson_file(Lang::En, slug)).unwrap().order;
    }
}

/// The Projects page lists the portfolio projects without fetching them (latih_i18n::PROJECTS,
/// `projects-title-<slug>` and `projects-question-<slug>`): every project file, in its order,
/// with its own title and data set, in both languages.
#[test]
fn the_project_list_is_the_project_files_in_their_order_with_their_titles() {
    use latih_engine::notebook::Cell;
    let on_disk = files_in("projects");
    let mut listed: Vec<String> = latih_i18n::PROJECTS
        .iter()
        .map(|(s, _)| s.to_string())
        .collect();
    listed.sort();
    assert_eq!(listed, on_disk, "PROJECTS names every project file, once");
    let mut last_order = 0;
    for (slug, dataset) in latih_i18n::PROJECTS {
        for lang in Lang::ALL {
            let project = parse_lesson(&lesson_file(lang, &format!("projects/{slug}"))).unwrap();
            assert_eq!(
                (project.slug.as_str(), project.stage.as_str()),
                (slug, "project")
            );
            assert_eq!(
                t(lang, &format!("projects-title-{slug}")),
                project.title,
                "{slug} ({lang:?}): the catalog's title is the project's"
            );
            let question = format!("projects-question-{slug}");
            assert_ne!(
                t(lang, &question),
                question,
                "{slug} ({lang:?}): no question"
            );
            assert!(project.order > last_order, "{slug}: PROJECTS is in order");
            let first = project.notebook.cells.first();
            assert!(
                matches!(first, Some(Cell::Dataset(d)) if d.dataset == dataset),
                "{slug}: its notebook reads {dataset}"
            );
        }
        last_order = parse_lesson(&lesson_file(Lang::En, &format!("projects/{slug}")))
            .unwrap()
            .order;
    }
}

/// The study plan's words (its page, its Markdown and its calendar) are in both catalogs: each
/// key it names, each starting point, each step of the path and each item's title.
#[test]
fn every_word_the_study_plan_uses_is_in_both_catalogs() {
    use latih_engine::plan::{path_items, ItemKind, StartingPoint, PLAN_KEYS};
    let mut keys: Vec<String> = PLAN_KEYS.iter().map(|k| k.to_string()).collect();
    for start in StartingPoint::ALL {
        keys.push(format!("plan-start-{}", start.code()));
        for item in path_items(start) {
            keys.push(format!("path-{}", item.step));
            keys.push(match item.kind {
                ItemKind::Lesson => format!("lessons-title-{}", item.id),
                ItemKind::Project => format!("projects-title-{}", item.id),
                ItemKind::Outside => format!("plan-outside-{}", item.id),
            });
        }
    }
    for lang in Lang::ALL {
        for key in &keys {
            assert_ne!(t(lang, key), *key, "{lang:?}: {key} is missing");
        }
    }
}

/// The career page's links to the course go to pages that exist: each lesson and project it
/// names has its file, in both languages.
#[test]
fn the_career_pages_links_name_lessons_and_projects_that_exist() {
    for lang in Lang::ALL {
        let page = lesson_file(lang, "pages/career");
        let mut named = 0;
        for (at, _) in page.match_indices("](/") {
            let target = &page[at + 2..];
            let target = &target[..target.find(')').unwrap()];
            let file = if let Some(slug) = target.strip_prefix("/lessons/") {
                slug.to_string()
            } else if let Some(slug) = target.strip_prefix("/projects/") {
                format!("projects/{slug}")
            } else {
                let pages = ["/notebook", "/datasets", "/plan", "/projects", "/lessons"];
                assert!(pages.contains(&target), "{lang:?}: a link to {target}");
                continue;
            };
            let _ = lesson_file(lang, &file);
            named += 1;
        }
        assert!(
            named >= 20,
            "{lang:?}: the page links its lessons and projects ({named})"
        );
    }
}

/// The challenges (latih_engine::competition::CHALLENGES, `challenges-title-<slug>`): every
/// challenge file, with its own title, its data set, and a judge (an evaluate cell) last.
#[test]
fn the_challenges_are_the_challenge_files_each_judged_by_its_last_cell() {
    use latih_engine::competition::CHALLENGES;
    use latih_engine::notebook::Cell;
    let on_disk = files_in("challenges");
    let mut listed: Vec<String> = CHALLENGES.iter().map(|c| c.slug.to_string()).collect();
    listed.sort();
    assert_eq!(
        listed, on_disk,
        "CHALLENGES names every challenge file, once"
    );
    for challenge in CHALLENGES {
        let slug = challenge.slug;
        for lang in Lang::ALL {
            let file = parse_lesson(&lesson_file(lang, &format!("challenges/{slug}"))).unwrap();
            assert_eq!(
                (file.slug.as_str(), file.stage.as_str()),
                (slug, "challenge")
            );
            assert_eq!(t(lang, &format!("challenges-title-{slug}")), file.title);
            let cells = &file.notebook.cells;
            assert!(
                matches!(cells.first(), Some(Cell::Dataset(d)) if d.dataset == challenge.dataset),
                "{slug}: reads {}",
                challenge.dataset
            );
            assert!(
                matches!(cells.last(), Some(Cell::Evaluate(_))),
                "{slug}: the judge is last"
            );
            assert!(
                file.notebook.locked.contains(&(cells.len() - 1)),
                "{slug}: the judge is locked"
            );
        }
    }
}
