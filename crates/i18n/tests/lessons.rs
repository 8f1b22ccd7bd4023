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
