//! The Lessons page lists the lessons without fetching them (latih_i18n::LESSONS and the
//! `lessons-title-<slug>` keys): the list must be the lesson files, in their order and stages,
//! and each title the file's own, in both languages.

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

#[test]
fn the_lesson_list_is_the_lesson_files_in_their_order_with_their_titles() {
    let content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/en");
    let mut files: Vec<String> = std::fs::read_dir(content)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(String::from)
        })
        .collect();
    files.sort();
    let mut listed: Vec<String> = LESSONS.iter().map(|(slug, _)| slug.to_string()).collect();
    listed.sort();
    assert_eq!(listed, files, "LESSONS names every lesson file, once");

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
