//! A learner's study plan (issue 21): the roadmap's six steps of the path, from "learn Python"
//! to "apply for an internship", laid out week by week for where the learner starts and the
//! hours a week they have; the lessons, portfolio projects and outside steps of each week; and
//! where the learner stands against the plan as they work.
//!
//! Re-planning is a lay-out again: what is not yet done is laid out from the current week on,
//! so falling behind or getting ahead moves the finish, and [`standing`] says by how many weeks
//! against the plan as it was made. The learner can make the new lay-out the plan
//! ([`Plan::replanned`]). Pure: today's date and what is done are given by the page.

mod calendar;
mod export;

pub use calendar::{Date, DAYS_PER_WEEK};
pub use export::{plan_ics, plan_markdown, PLAN_KEYS};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of each item is done, from 0 to 1, by id: a lesson's share of exercises passed, a
/// project's of main criteria met, an outside step's tick (1). Items not named are not begun.
pub type Done = BTreeMap<String, f64>;

/// The share of `id` done, within 0 and 1.
fn share(done: &Done, id: &str) -> f64 {
    done.get(id)
        .copied()
        .filter(|x| x.is_finite())
        .unwrap_or(0.0)
        .clamp(0.0, 1.0)
}

/// Whether all of `id` is done.
pub fn is_done(done: &Done, id: &str) -> bool {
    share(done, id) >= 1.0
}

/// Where the learner starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StartingPoint {
    NewToProgramming,
    KnowsPython,
    KnowsSomeMl,
}

impl StartingPoint {
    pub const ALL: [StartingPoint; 3] = [
        StartingPoint::NewToProgramming,
        StartingPoint::KnowsPython,
        StartingPoint::KnowsSomeMl,
    ];

    /// Its catalog key's end: `plan-start-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            StartingPoint::NewToProgramming => "new",
            StartingPoint::KnowsPython => "python",
            StartingPoint::KnowsSomeMl => "ml",
        }
    }
}

/// What a step of the plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A lesson of the course (`/lessons/<id>`), done when every exercise is passed.
    Lesson,
    /// A portfolio project (`/projects/<id>`), done when every main criterion is met.
    Project,
    /// A step outside Latih (a Python course, a Kaggle submission, applying), which the learner
    /// ticks off; its words are `plan-outside-<id>`.
    Outside,
}

/// One thing to do, in the order of the path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// The path's step it belongs to, 1 to 6 (`path-<step>` in the catalog).
    pub step: u8,
    /// The hours it takes, as planned.
    pub hours: f64,
}

/// The roadmap's six steps: `(step, kind, id, hours for someone new to programming, for
/// someone who knows Python, for someone who knows some ML)`; 0 hours leaves it out.
/// Lessons take about two hours at first and one as a review; a project about six.
const PATH: &[(u8, ItemKind, &str, [f64; 3])] = &[
    // 1. Python and basic mathematics.
    (1, ItemKind::Outside, "python-basics", [24.0, 0.0, 0.0]),
    (1, ItemKind::Outside, "python-data", [8.0, 4.0, 0.0]),
    (1, ItemKind::Lesson, "data-as-a-table", [2.0, 1.5, 1.0]),
    (1, ItemKind::Lesson, "statistics-you-need", [2.0, 1.5, 1.0]),
    (
        1,
        ItemKind::Lesson,
        "probability-and-bayes",
        [2.0, 1.5, 1.0],
    ),
    (1, ItemKind::Outside, "math-basics", [8.0, 6.0, 2.0]),
    // 2. Machine learning from zero.
    (2, ItemKind::Lesson, "collecting-data", [2.0, 1.5, 1.0]),
    (
        2,
        ItemKind::Lesson,
        "cleaning-without-leaking",
        [2.0, 1.5, 1.0],
    ),
    (2, ItemKind::Lesson, "train-test-baseline", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "how-a-tree-decides", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "distance-and-scaling", [2.0, 1.5, 1.0]),
    (
        2,
        ItemKind::Lesson,
        "linear-models-regularisation",
        [2.0, 1.5, 1.0],
    ),
    (2, ItemKind::Lesson, "forests-and-boosting", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "neural-networks", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "clusters-and-pca", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "precision-recall", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "roc-auc-imbalanced", [2.0, 1.5, 1.0]),
    (2, ItemKind::Lesson, "tuning", [2.0, 1.5, 1.0]),
    // 3. Real projects, on GitHub.
    (3, ItemKind::Project, "house-prices", [6.0, 6.0, 5.0]),
    (3, ItemKind::Project, "credit-scoring", [6.0, 6.0, 5.0]),
    (3, ItemKind::Project, "customer-churn", [6.0, 6.0, 5.0]),
    (
        3,
        ItemKind::Lesson,
        "documenting-and-collaborating",
        [2.0, 1.5, 1.0],
    ),
    (3, ItemKind::Outside, "github", [2.0, 2.0, 1.0]),
    // 4. Deploying a model to the web.
    (4, ItemKind::Lesson, "deploying-a-model", [2.0, 1.5, 1.0]),
    (4, ItemKind::Outside, "deploy-api", [4.0, 4.0, 3.0]),
    // 5. AI competitions.
    (5, ItemKind::Lesson, "mini-competition", [2.0, 1.5, 1.0]),
    (5, ItemKind::Project, "titanic-competition", [6.0, 6.0, 5.0]),
    (5, ItemKind::Outside, "kaggle", [4.0, 4.0, 4.0]),
    // 6. An internship or an entry-level job.
    (6, ItemKind::Outside, "cv", [4.0, 4.0, 4.0]),
    (6, ItemKind::Outside, "apply", [4.0, 4.0, 4.0]),
];

/// The path for a learner who starts at `start`, in order.
pub fn path_items(start: StartingPoint) -> Vec<Item> {
    let column = StartingPoint::ALL
        .iter()
        .position(|s| *s == start)
        .unwrap_or(0);
    PATH.iter()
        .filter(|(.., hours)| hours[column] > 0.0)
        .map(|(step, kind, id, hours)| Item {
            id: id.to_string(),
            kind: *kind,
            step: *step,
            hours: hours[column],
        })
        .collect()
}

/// The fewest and most hours a week a plan takes: under one hour a week the path takes years;
/// over forty it is a full-time job.
pub const HOURS_PER_WEEK: (u32, u32) = (1, 40);

/// The learner's plan as made: where they start, their hours, and the week it starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub start: StartingPoint,
    pub hours_per_week: u32,
    /// The first day of week 1.
    pub first_day: Date,
    /// The weeks the plan took when it was made (or last re-planned): the bar that
    /// [`standing`] measures against.
    pub weeks_planned: u32,
}

impl Plan {
    /// A plan starting on `today`, with nothing done yet; the hours are kept within
    /// [`HOURS_PER_WEEK`].
    pub fn new(start: StartingPoint, hours_per_week: u32, today: Date) -> Plan {
        let hours_per_week = hours_per_week.clamp(HOURS_PER_WEEK.0, HOURS_PER_WEEK.1);
        let hours = f64::from(hours_per_week);
        let weeks = lay_out(&path_items(start), &Done::new(), hours_per_week, 1, hours);
        Plan {
            start,
            hours_per_week,
            first_day: today,
            weeks_planned: weeks.last().map_or(0, |w| w.number),
        }
    }

    /// The plan laid out again from the week of `today`, with what is `done`: the lay-out to
    /// follow now, which makes a new bar.
    pub fn replanned(&self, done: &Done, today: Date) -> Plan {
        let weeks = self.schedule(done, today);
        Plan {
            weeks_planned: weeks.last().map_or(self.week_of(today), |w| w.number),
            ..self.clone()
        }
    }

    /// The week `today` is in: 1 in the first seven days (and before them).
    pub fn week_of(&self, today: Date) -> u32 {
        let days = today.days_since(self.first_day).max(0);
        (days / DAYS_PER_WEEK) as u32 + 1
    }

    /// The first day of week `number`.
    pub fn week_start(&self, number: u32) -> Date {
        self.first_day
            .plus_days(i64::from(number.saturating_sub(1)) * DAYS_PER_WEEK)
    }

    /// What is left to do, laid out from the week of `today` on. The current week holds what
    /// is left of it: the hours the plan gives up to its end, less those already done (so that
    /// a week's work done early in the week is on track, not a week ahead).
    pub fn schedule(&self, done: &Done, today: Date) -> Vec<Week> {
        let items = path_items(self.start);
        let week = self.week_of(today);
        let per_week = f64::from(self.hours_per_week);
        let left_this_week =
            (f64::from(week) * per_week - hours_done(&items, done)).clamp(0.0, per_week);
        lay_out(&items, done, self.hours_per_week, week, left_this_week)
    }
}

/// A week of the plan and what to do in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Week {
    pub number: u32,
    pub sessions: Vec<Session>,
}

impl Week {
    pub fn hours(&self) -> f64 {
        self.sessions.iter().map(|s| s.hours).sum()
    }
}

/// Part (or all) of an item, in a week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub item: Item,
    /// The hours of it in this week.
    pub hours: f64,
    /// It goes on from the week before.
    pub continued: bool,
    /// It goes on in the week after.
    pub continues: bool,
}

/// Lays what is left of the items out in order (an item half done takes half its hours),
/// `hours_per_week` a week from week `first_week`, which has `first_week_hours` free; an item
/// longer than what is left of a week goes on in the next.
pub fn lay_out(
    items: &[Item],
    done: &Done,
    hours_per_week: u32,
    first_week: u32,
    first_week_hours: f64,
) -> Vec<Week> {
    let capacity = f64::from(hours_per_week.max(1));
    let mut weeks = vec![Week {
        number: first_week,
        sessions: Vec::new(),
    }];
    let mut free = first_week_hours.clamp(0.0, capacity);
    for item in items.iter().filter(|i| !is_done(done, &i.id)) {
        let mut left = item.hours * (1.0 - share(done, &item.id));
        let mut continued = false;
        while left > 1e-9 {
            if free <= 1e-9 {
                let number = weeks.last().map_or(first_week, |w| w.number + 1);
                weeks.push(Week {
                    number,
                    sessions: Vec::new(),
                });
                free = capacity;
            }
            let hours = left.min(free);
            left -= hours;
            free -= hours;
            if let Some(week) = weeks.last_mut() {
                week.sessions.push(Session {
                    item: item.clone(),
                    hours,
                    continued,
                    continues: left > 1e-9,
                });
            }
            continued = true;
        }
    }
    // A week with nothing in it (the current one, when its hours are done) is not shown.
    weeks.retain(|w| !w.sessions.is_empty());
    weeks
}

/// The hours of `items` done.
fn hours_done(items: &[Item], done: &Done) -> f64 {
    items.iter().map(|i| i.hours * share(done, &i.id)).sum()
}

/// Where the learner stands: what is done of the path, and the finish against the plan's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub items_done: usize,
    pub items: usize,
    pub hours_done: f64,
    pub hours: f64,
    /// The week the plan says the learner is in.
    pub week: u32,
    /// The week the rest would end, laid out from now (the plan's last week when all is done).
    pub finish: u32,
    /// Weeks later (positive) or earlier (negative) than the plan's finish.
    pub weeks_late: i64,
}

/// How far along the learner is on `today`, with what is `done`.
pub fn standing(plan: &Plan, done: &Done, today: Date) -> Standing {
    let items = path_items(plan.start);
    let done_items = items.iter().filter(|i| is_done(done, &i.id)).count();
    let hours_done = hours_done(&items, done);
    let schedule = plan.schedule(done, today);
    let week = plan.week_of(today);
    // All done: finished this week (or earlier, against the plan).
    let finish = schedule.last().map_or(week, |w| w.number);
    Standing {
        items_done: done_items,
        items: items.len(),
        hours_done,
        hours: items.iter().map(|i| i.hours).sum(),
        week,
        finish,
        weeks_late: i64::from(finish) - i64::from(plan.weeks_planned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn ids(week: &Week) -> Vec<&str> {
        week.sessions.iter().map(|s| s.item.id.as_str()).collect()
    }

    #[test]
    fn the_path_follows_the_roadmaps_six_steps_in_order_and_leaves_out_what_the_learner_knows() {
        let new = path_items(StartingPoint::NewToProgramming);
        let python = path_items(StartingPoint::KnowsPython);
        let ml = path_items(StartingPoint::KnowsSomeMl);
        for items in [&new, &python, &ml] {
            let steps: Vec<u8> = items.iter().map(|i| i.step).collect();
            assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{steps:?}");
            assert_eq!((steps[0], steps[steps.len() - 1]), (1, 6));
        }
        assert_eq!(new[0].id, "python-basics");
        assert!(!python.iter().any(|i| i.id == "python-basics"));
        assert!(!ml.iter().any(|i| i.id == "python-data"));
        let total = |items: &[Item]| items.iter().map(|i| i.hours).sum::<f64>();
        assert!(total(&new) > total(&python) && total(&python) > total(&ml));
    }

    #[test]
    fn every_lesson_and_project_of_the_plan_is_a_file_of_the_course() {
        let content = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content");
        for item in path_items(StartingPoint::NewToProgramming) {
            let file = match item.kind {
                ItemKind::Lesson => format!("{content}/en/{}.md", item.id),
                ItemKind::Project => format!("{content}/en/projects/{}.md", item.id),
                ItemKind::Outside => continue,
            };
            assert!(std::path::Path::new(&file).exists(), "{file}");
        }
    }

    #[test]
    fn a_week_holds_the_learners_hours_and_a_long_item_goes_on_in_the_next() {
        let items = path_items(StartingPoint::NewToProgramming);
        let weeks = lay_out(&items, &Done::new(), 6, 1, 6.0);
        for week in &weeks {
            assert!(week.hours() <= 6.0 + 1e-9, "week {}", week.number);
        }
        // Every week but the last is full.
        for week in &weeks[..weeks.len() - 1] {
            assert!((week.hours() - 6.0).abs() < 1e-9, "week {}", week.number);
        }
        let planned: f64 = weeks.iter().map(Week::hours).sum();
        let needed: f64 = items.iter().map(|i| i.hours).sum();
        assert!((planned - needed).abs() < 1e-9);
        // 24 hours of Python basics: four full weeks, marked as going on.
        assert_eq!(ids(&weeks[0]), ["python-basics"]);
        assert!(weeks[0].sessions[0].continues && !weeks[0].sessions[0].continued);
        assert!(weeks[3].sessions[0].continued && !weeks[3].sessions[0].continues);
        let numbers: Vec<u32> = weeks.iter().map(|w| w.number).collect();
        assert_eq!(numbers, (1..=weeks.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn knowing_python_with_six_hours_a_week_week_one_names_lessons() {
        let plan = Plan::new(StartingPoint::KnowsPython, 6, day(2026, 12, 7));
        let weeks = plan.schedule(&Done::new(), day(2026, 12, 7));
        assert_eq!(weeks[0].number, 1);
        let lessons: Vec<&str> = weeks[0]
            .sessions
            .iter()
            .filter(|s| s.item.kind == ItemKind::Lesson)
            .map(|s| s.item.id.as_str())
            .collect();
        assert_eq!(lessons, ["data-as-a-table", "statistics-you-need"]);
        assert_eq!(plan.weeks_planned, weeks.last().unwrap().number);
    }

    #[test]
    fn falling_behind_moves_the_finish_later_and_getting_ahead_earlier() {
        let first = day(2026, 12, 7);
        let plan = Plan::new(StartingPoint::KnowsPython, 6, first);
        let on_time = standing(&plan, &Done::new(), first);
        assert_eq!((on_time.week, on_time.weeks_late), (1, 0));

        // Three weeks on and nothing done: the whole path is still ahead, from week 4.
        let later = first.plus_days(21);
        let behind = standing(&plan, &Done::new(), later);
        assert_eq!((behind.week, behind.weeks_late), (4, 3));

        // In week 1, a week's worth and more already done: the finish comes sooner.
        let done: Done = path_items(StartingPoint::KnowsPython)
            .iter()
            .take(8)
            .map(|i| (i.id.clone(), 1.0))
            .collect();
        let ahead = standing(&plan, &done, first);
        assert!(ahead.weeks_late < 0, "{ahead:?}");
        assert_eq!(ahead.items_done, 8);

        // Re-planning from the late week makes the new lay-out the bar.
        let replanned = plan.replanned(&Done::new(), later);
        assert_eq!(standing(&replanned, &Done::new(), later).weeks_late, 0);
        assert_eq!(replanned.first_day, plan.first_day);
    }

    #[test]
    fn a_weeks_work_done_early_in_the_week_is_on_track_not_ahead() {
        let first = day(2026, 12, 7);
        let plan = Plan::new(StartingPoint::KnowsPython, 6, first);
        let week_one: Done = plan.schedule(&Done::new(), first)[0]
            .sessions
            .iter()
            .map(|s| (s.item.id.clone(), s.hours / s.item.hours))
            .collect();
        // Two days in, week 1's six hours done: nothing is left for this week, and the rest
        // starts next week, as planned.
        let tuesday = first.plus_days(1);
        let s = standing(&plan, &week_one, tuesday);
        assert!((s.hours_done - 6.0).abs() < 1e-9, "{s:?}");
        assert_eq!(s.weeks_late, 0, "{s:?}");
        assert_eq!(plan.schedule(&week_one, tuesday)[0].number, 2);
        // Half of it: the other half still fits this week.
        let half: Done = week_one
            .iter()
            .map(|(id, x)| (id.clone(), x / 2.0))
            .collect();
        let this_week = &plan.schedule(&half, tuesday)[0];
        assert_eq!(this_week.number, 1);
        assert!((this_week.hours() - 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_lesson_half_done_takes_half_its_hours_and_counts_half() {
        let first = day(2026, 12, 7);
        let plan = Plan::new(StartingPoint::KnowsPython, 6, first);
        let done: Done = [("data-as-a-table".to_string(), 0.5)].into();
        let week = &plan.schedule(&done, first)[0];
        let lesson = week
            .sessions
            .iter()
            .find(|s| s.item.id == "data-as-a-table")
            .unwrap();
        assert!((lesson.hours - 0.75).abs() < 1e-9);
        let s = standing(&plan, &done, first);
        assert_eq!(s.items_done, 0);
        assert!((s.hours_done - 0.75).abs() < 1e-9);
        // Nonsense shares read as nothing done, or all of it.
        let odd: Done = [
            ("data-as-a-table".to_string(), f64::NAN),
            ("python-data".to_string(), 7.0),
        ]
        .into();
        let s = standing(&plan, &odd, first);
        assert_eq!(s.items_done, 1);
        assert!((s.hours_done - 4.0).abs() < 1e-9);
    }

    #[test]
    fn all_done_finishes_in_the_current_week() {
        let first = day(2026, 12, 7);
        let plan = Plan::new(StartingPoint::KnowsSomeMl, 10, first);
        let done: Done = path_items(StartingPoint::KnowsSomeMl)
            .into_iter()
            .map(|i| (i.id, 1.0))
            .collect();
        let all = standing(&plan, &done, first.plus_days(14));
        assert_eq!((all.items_done, all.finish, all.week), (all.items, 3, 3));
        assert!(plan.schedule(&done, first).is_empty());
    }

    #[test]
    fn absurd_hours_are_kept_within_bounds() {
        let today = day(2026, 12, 7);
        assert_eq!(
            Plan::new(StartingPoint::KnowsPython, 0, today).hours_per_week,
            1
        );
        assert_eq!(
            Plan::new(StartingPoint::KnowsPython, 10_000, today).hours_per_week,
            40
        );
        let weeks = lay_out(
            &path_items(StartingPoint::KnowsPython),
            &Done::new(),
            0,
            1,
            0.0,
        );
        assert!(weeks.iter().all(|w| w.hours() <= 1.0 + 1e-9));
    }

    #[test]
    fn weeks_are_counted_from_the_plans_first_day() {
        let plan = Plan::new(StartingPoint::KnowsPython, 6, day(2026, 12, 30));
        assert_eq!(plan.week_of(day(2026, 12, 30)), 1);
        assert_eq!(plan.week_of(day(2027, 1, 5)), 1);
        assert_eq!(plan.week_of(day(2027, 1, 6)), 2);
        assert_eq!(plan.week_of(day(2026, 12, 1)), 1, "before the start");
        assert_eq!(plan.week_start(2), day(2027, 1, 6));
    }
}
