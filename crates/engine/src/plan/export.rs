//! The plan out of the page: as Markdown (to print, keep in a repository or paste in notes) and
//! as an iCalendar file of the weekly study sessions (RFC 5545), both in the learner's language.

use super::{is_done, Date, Done, ItemKind, Plan, Session, Week};
use crate::export::Words;
use std::fmt::Write;

/// The catalog keys the exports' words come from, besides `path-<step>`,
/// `plan-start-<code>`, and each item's title (`lessons-title-<slug>`,
/// `projects-title-<slug>`, `plan-outside-<id>`).
pub const PLAN_KEYS: &[&str] = &[
    "plan-md-title",
    "plan-md-settings",
    "plan-md-done",
    "plan-md-week",
    "plan-kind-lesson",
    "plan-kind-project",
    "plan-kind-outside",
    "plan-hours",
    "plan-continued",
    "plan-continues",
    "plan-ics-summary",
];

/// Longest a session is: two hours of study at a time, then a rest.
const SESSION_HOURS: f64 = 2.0;

/// The days of a week that sessions go on, as offsets from its first day, in the order they
/// are taken: spread out, a day or two apart.
const SESSION_DAYS: [i64; 7] = [0, 2, 5, 1, 3, 6, 4];

/// When sessions start, in the learner's own time zone (a "floating" time): at seven in the
/// evening, after work or school; a week of more than seven sessions adds mornings, then
/// afternoons (forty hours a week is twenty sessions: three a day at most).
const SESSION_STARTS: [&str; 3] = ["190000", "090000", "140000"];

/// The title of a session's item in the catalog.
fn title(session: &Session, words: Words) -> String {
    let key = match session.item.kind {
        ItemKind::Lesson => format!("lessons-title-{}", session.item.id),
        ItemKind::Project => format!("projects-title-{}", session.item.id),
        ItemKind::Outside => format!("plan-outside-{}", session.item.id),
    };
    words(&key)
}

fn kind_word(kind: ItemKind, words: Words) -> String {
    words(match kind {
        ItemKind::Lesson => "plan-kind-lesson",
        ItemKind::Project => "plan-kind-project",
        ItemKind::Outside => "plan-kind-outside",
    })
}

/// The page of an item on `site` (`https://latih.example`), where it has one.
fn address(session: &Session, site: &str) -> Option<String> {
    let folder = match session.item.kind {
        ItemKind::Lesson => "lessons",
        ItemKind::Project => "projects",
        ItemKind::Outside => return None,
    };
    Some(format!(
        "{}/{folder}/{}",
        site.trim_end_matches('/'),
        session.item.id
    ))
}

fn hours_text(hours: f64, words: Words) -> String {
    // Quarters of an hour at most: 1.5, 0.75.
    let rounded = (hours * 4.0).round() / 4.0;
    let number = format!("{rounded}");
    fill(&words("plan-hours"), &[("hours", number)])
}

/// `{name}` in `template` replaced by its value.
fn fill(template: &str, pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// One line of a week: kind, title, hours, and whether it goes on.
fn session_line(session: &Session, words: Words) -> String {
    let mut line = format!(
        "{}: {} · {}",
        kind_word(session.item.kind, words),
        title(session, words),
        hours_text(session.hours, words)
    );
    if session.continued {
        line += &format!(" {}", words("plan-continued"));
    }
    if session.continues {
        line += &format!(" {}", words("plan-continues"));
    }
    line
}

/// The plan as Markdown: its settings, what is done, and each week to come with its items
/// (linked to their pages on `site`) as a task list.
pub fn plan_markdown(plan: &Plan, weeks: &[Week], done: &Done, site: &str, words: Words) -> String {
    let mut text = format!("# {}\n\n", words("plan-md-title"));
    let settings = fill(
        &words("plan-md-settings"),
        &[
            ("start", words(&format!("plan-start-{}", plan.start.code()))),
            ("hours", plan.hours_per_week.to_string()),
            ("date", plan.first_day.iso()),
        ],
    );
    let _ = writeln!(text, "{settings}\n");
    let finished: Vec<super::Item> = super::path_items(plan.start)
        .into_iter()
        .filter(|i| is_done(done, &i.id))
        .collect();
    if !finished.is_empty() {
        let _ = writeln!(text, "## {}\n", words("plan-md-done"));
        for item in finished {
            let session = Session {
                hours: item.hours,
                item,
                continued: false,
                continues: false,
            };
            let _ = writeln!(text, "- [x] {}", linked(&session, site, words));
        }
        text.push('\n');
    }
    let mut step = 0;
    for week in weeks {
        let heading = fill(
            &words("plan-md-week"),
            &[
                ("number", week.number.to_string()),
                ("date", plan.week_start(week.number).iso()),
            ],
        );
        let _ = writeln!(text, "## {heading}\n");
        for session in &week.sessions {
            if session.item.step != step {
                step = session.item.step;
                let _ = writeln!(text, "*{}*\n", words(&format!("path-{step}")));
            }
            let _ = writeln!(text, "- [ ] {}", linked(session, site, words));
        }
        text.push('\n');
    }
    text
}

/// A session's line, its title linked to its page.
fn linked(session: &Session, site: &str, words: Words) -> String {
    let line = session_line(session, words);
    match address(session, site) {
        Some(url) => format!("{line} — <{url}>"),
        None => line,
    }
}

/// The weeks as an iCalendar file: each week's hours as sessions of at most two hours on days
/// apart, at seven in the evening, each naming the week's items.
pub fn plan_ics(plan: &Plan, weeks: &[Week], site: &str, words: Words) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Latih//Study plan//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&words("plan-md-title"))),
    ];
    let stamp = format!("DTSTAMP:{}T000000Z", plan.first_day.basic());
    for week in weeks {
        let slots = SESSION_DAYS.len() * SESSION_STARTS.len();
        let sessions = ((week.hours() / SESSION_HOURS).ceil().max(1.0) as usize).min(slots);
        let minutes = (week.hours() * 60.0 / sessions as f64 / 15.0)
            .round()
            .max(1.0) as i64
            * 15;
        // The k-th session: the k-th day of the spread, at the first start, then the second…
        let mut times: Vec<(i64, &str)> = (0..sessions)
            .map(|k| (SESSION_DAYS[k % 7], SESSION_STARTS[k / 7]))
            .collect();
        times.sort_unstable();
        let description: Vec<String> = week
            .sessions
            .iter()
            .map(|s| linked(s, site, words))
            .collect();
        let summary = fill(
            &words("plan-ics-summary"),
            &[("number", week.number.to_string())],
        );
        for (index, (offset, start)) in times.iter().enumerate() {
            let day: Date = plan.week_start(week.number).plus_days(*offset);
            lines.extend([
                "BEGIN:VEVENT".to_string(),
                format!(
                    "UID:latih-plan-{}-w{}-s{}@latih",
                    plan.first_day.basic(),
                    week.number,
                    index + 1
                ),
                stamp.clone(),
                format!("DTSTART:{}T{start}", day.basic()),
                format!("DURATION:PT{}H{}M", minutes / 60, minutes % 60),
                format!("SUMMARY:{}", escape(&summary)),
                format!("DESCRIPTION:{}", escape(&description.join("\n"))),
                format!("URL:{}/plan", site.trim_end_matches('/')),
                "END:VEVENT".to_string(),
            ]);
        }
    }
    lines.push("END:VCALENDAR".to_string());
    lines
        .iter()
        .map(|line| fold(line))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

/// A text value with its special characters escaped (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets, never inside a character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut folded = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            // The space that starts a continuation counts.
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::super::{StartingPoint, HOURS_PER_WEEK};
    use super::*;

    fn words(key: &str) -> String {
        match key {
            "plan-md-week" => "Week {number} ({date})".into(),
            "plan-hours" => "{hours} h".into(),
            "plan-ics-summary" => "Latih, week {number}; study".into(),
            "plan-md-settings" => "{start}: {hours} h a week from {date}".into(),
            other => format!("«{other}»"),
        }
    }

    fn plan() -> Plan {
        Plan::new(
            StartingPoint::KnowsPython,
            6,
            Date::new(2026, 12, 7).unwrap(),
        )
    }

    #[test]
    fn the_markdown_lists_every_week_with_its_items_linked_and_what_is_done() {
        let plan = plan();
        let done: Done = [("python-data".to_string(), 1.0)].into();
        let weeks = plan.schedule(&done, plan.first_day);
        let text = plan_markdown(&plan, &weeks, &done, "https://latih.example/", &words);
        assert!(text
            .starts_with("# «plan-md-title»\n\n«plan-start-python»: 6 h a week from 2026-12-07"));
        assert!(text.contains(
            "## «plan-md-done»\n\n- [x] «plan-kind-outside»: «plan-outside-python-data» · 4 h\n"
        ));
        assert!(text.contains("## Week 1 (2026-12-07)\n\n*«path-1»*\n\n- [ ] «plan-kind-lesson»: «lessons-title-data-as-a-table» · 1.5 h — <https://latih.example/lessons/data-as-a-table>"));
        assert!(text.contains("«projects-title-house-prices»"));
        assert!(text.contains(&format!("## Week {} (", weeks.last().unwrap().number)));
        assert_eq!(
            text.matches("- [ ] ").count(),
            weeks.iter().map(|w| w.sessions.len()).sum::<usize>()
        );
    }

    #[test]
    fn the_calendar_has_sessions_of_at_most_two_hours_folded_and_escaped() {
        let plan = plan();
        let weeks = plan.schedule(&Done::new(), plan.first_day);
        let ics = plan_ics(&plan, &weeks, "https://latih.example", &words);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
            assert!(!line.contains('\n'), "{line:?}");
        }
        // Six hours a week: three sessions of two hours, Monday, Wednesday and Saturday.
        let events = ics.matches("BEGIN:VEVENT").count();
        assert_eq!(events, ics.matches("END:VEVENT").count());
        assert_eq!(
            events,
            3 * weeks.len() - 3 + ((weeks.last().unwrap().hours() / 2.0).ceil() as usize)
        );
        assert!(ics.contains("DTSTART:20261207T190000\r\nDURATION:PT2H0M"));
        assert!(ics.contains("DTSTART:20261209T190000"));
        assert!(ics.contains("DTSTART:20261212T190000"));
        assert!(
            ics.contains("DTSTART:20261214T190000"),
            "week 2 starts a week later"
        );
        // The summary's comma and semicolon are escaped.
        assert!(ics.contains("SUMMARY:Latih\\, week 1\\; study"));
        // Unfolded, the first description names week 1's items, one to a line.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("DESCRIPTION:«plan-kind-outside»: «plan-outside-python-data» · 4 h\\n«plan-kind-lesson»: «lessons-title-data-as-a-table» · 1.5 h — <https://latih.example/lessons/data-as-a-table>\\n"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn a_full_time_week_is_twenty_sessions_of_two_hours_none_past_midnight() {
        let plan = Plan::new(
            StartingPoint::NewToProgramming,
            HOURS_PER_WEEK.1,
            Date::new(2026, 12, 7).unwrap(),
        );
        let weeks = plan.schedule(&Done::new(), plan.first_day);
        let ics = plan_ics(&plan, &weeks, "https://latih.example", &words);
        // Forty hours: twenty sessions of two hours, evenings, then mornings, then afternoons.
        let first_week: Vec<&str> = ics
            .split("BEGIN:VEVENT")
            .filter(|e| e.contains("-w1-"))
            .collect();
        assert_eq!(first_week.len(), 20);
        assert!(first_week.iter().all(|e| e.contains("DURATION:PT2H0M")));
        assert!(ics.contains("DTSTART:20261207T090000") && ics.contains("DTSTART:20261207T140000"));
        assert!(
            !ics.contains("DTSTART:20261211T140000"),
            "Friday has two sessions"
        );
    }
}
