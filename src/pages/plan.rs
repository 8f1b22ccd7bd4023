//! The learner's study plan (`/plan`): where they start and their hours a week make a week-by-
//! week plan of the roadmap's six steps (`latih_engine::plan`); the lessons' checks and the
//! projects' criteria tick it off, the learner ticks off the steps outside Latih, and the plan
//! says whether they are ahead or behind, and lays the rest out again on request. Kept in this
//! browser; printable; exported as Markdown and as an `.ics` calendar of the weekly sessions.

use crate::i18n::use_i18n;
use crate::lesson::progress;
use crate::notebook::file::download;
use crate::router::Link;
use crate::title::use_page_title;
use gloo_storage::{LocalStorage, Storage};
use latih_engine::plan::{
    is_done, path_items, plan_ics, plan_markdown, standing, Date, Done, Item, ItemKind, Plan,
    Session, StartingPoint, HOURS_PER_WEEK,
};
use leptos::prelude::*;
use std::collections::BTreeSet;

const PLAN_KEY: &str = "latih.plan";
const OUTSIDE_KEY: &str = "latih.plan.outside";

/// Today in the learner's own time zone.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::from_days((js_sys::Date::now() / 86_400_000.0).floor() as i64))
}

/// How much is done: a lesson's share of exercises passed and a project's of main criteria
/// met (from the lessons' progress), and the outside steps the learner ticked.
fn done_items(outside: &BTreeSet<String>) -> Done {
    progress::summaries()
        .into_iter()
        .filter(|(_, (_, total))| *total > 0)
        .map(|(slug, (passed, total))| (slug, passed as f64 / total as f64))
        .chain(outside.iter().map(|id| (id.clone(), 1.0)))
        .collect()
}

#[component]
pub fn PlanPage() -> impl IntoView {
    use_page_title(crate::key!("title-plan"));
    let i18n = use_i18n();
    // A stored plan that does not read (an older or tampered one) is no plan: make one again.
    let plan = RwSignal::new(LocalStorage::get::<Plan>(PLAN_KEY).ok());
    let outside =
        RwSignal::new(LocalStorage::get::<BTreeSet<String>>(OUTSIDE_KEY).unwrap_or_default());
    let editing = RwSignal::new(false);
    let saved = RwSignal::new(true);
    Effect::new(move |_| {
        let kept = match plan.get() {
            Some(plan) => LocalStorage::set(PLAN_KEY, &plan).is_ok(),
            None => true,
        };
        saved.set(kept && LocalStorage::set(OUTSIDE_KEY, outside.get()).is_ok());
    });
    view! {
        <h1>{i18n.text("plan-heading")}</h1>
        <p class="lead">{i18n.text("plan-intro")}</p>
        <Show when=move || !saved.get()>
            <p class="cell-error" role="alert">{i18n.text("notebook-not-saved")}</p>
        </Show>
        {move || match plan.get() {
            Some(made) if !editing.get() => view! { <PlanView plan made outside editing /> }.into_any(),
            made => view! { <PlanForm plan made editing /> }.into_any(),
        }}
    }
}

/// Where the learner starts and their hours a week; a new plan starts today.
#[component]
fn PlanForm(
    plan: RwSignal<Option<Plan>>,
    made: Option<Plan>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = RwSignal::new(
        made.as_ref()
            .map_or(StartingPoint::KnowsPython, |p| p.start),
    );
    let hours = RwSignal::new(made.as_ref().map_or(6, |p| p.hours_per_week).to_string());
    let wrong = RwSignal::new(false);
    let choices = StartingPoint::ALL.map(|point| {
        let id = format!("plan-start-{}", point.code());
        let label = id.clone();
        view! {
            <label class="choice">
                <input type="radio" name="plan-start" id=id
                    prop:checked=move || start.get() == point
                    on:change=move |_| start.set(point) />
                " " {move || i18n.tr(&label)}
            </label>
        }
    });
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (low, high) = HOURS_PER_WEEK;
        match hours.get_untracked().trim().parse::<u32>() {
            Ok(h) if (low..=high).contains(&h) => {
                wrong.set(false);
                plan.set(Some(Plan::new(start.get_untracked(), h, today())));
                editing.set(false);
            }
            _ => wrong.set(true),
        }
    };
    let (low, high) = HOURS_PER_WEEK;
    view! {
        <form class="plan-form" on:submit=make>
            <fieldset class="choices">
                <legend>{i18n.text("plan-start-question")}</legend>
                {choices.into_iter().collect_view()}
            </fieldset>
            <div class="field">
                <label for="plan-hours">{i18n.text("plan-hours-label")}</label>
                <input id="plan-hours" type="number" inputmode="numeric" min=low max=high step="1"
                    aria-describedby="plan-hours-help"
                    prop:value=move || hours.get()
                    on:input=move |ev| hours.set(event_target_value(&ev)) />
                <p id="plan-hours-help" class="help">
                    {move || i18n.trf("plan-hours-help", &[("low", low.to_string()), ("high", high.to_string())])}
                </p>
            </div>
            <Show when=move || wrong.get()>
                <p class="cell-error" role="alert">
                    {move || i18n.trf("plan-hours-wrong", &[("low", low.to_string()), ("high", high.to_string())])}
                </p>
            </Show>
            <p class="actions">
                <button type="submit">{i18n.text("plan-make")}</button>
                {made.is_some().then(|| view! {
                    <button type="button" on:click=move |_| editing.set(false)>{i18n.text("plan-keep")}</button>
                })}
            </p>
        </form>
    }
}

#[component]
fn PlanView(
    plan: RwSignal<Option<Plan>>,
    made: Plan,
    outside: RwSignal<BTreeSet<String>>,
    editing: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = today();
    let done = Memo::new(move |_| outside.with(done_items));
    let made_for_schedule = made.clone();
    let schedule = Memo::new(move |_| done.with(|d| made_for_schedule.schedule(d, today)));
    let made_for_standing = made.clone();
    let stand = Memo::new(move |_| done.with(|d| standing(&made_for_standing, d, today)));
    let number = move |x: f64| latih_i18n::format_decimal(i18n.lang(), x, 1);
    let summary = move || {
        let s = stand.get();
        i18n.trf(
            "plan-standing",
            &[
                ("week", s.week.to_string()),
                ("done", s.items_done.to_string()),
                ("items", s.items.to_string()),
                ("hours_done", number(s.hours_done)),
                ("hours", number(s.hours)),
            ],
        )
    };
    let pace = move || {
        let s = stand.get();
        let finish = ("finish", s.finish.to_string());
        let weeks = ("weeks", s.weeks_late.unsigned_abs().to_string());
        match s.weeks_late {
            _ if s.items_done == s.items => i18n.tr("plan-finished"),
            0 => i18n.trf("plan-on-track", &[finish]),
            late if late > 0 => i18n.trf("plan-behind", &[weeks, finish]),
            _ => i18n.trf("plan-ahead", &[weeks, finish]),
        }
    };
    let off_plan = move || stand.with(|s| s.weeks_late != 0 && s.items_done < s.items);
    let replan = {
        let made = made.clone();
        move |_| plan.set(Some(done.with_untracked(|d| made.replanned(d, today))))
    };
    let site = window().location().origin().unwrap_or_default();
    let words = move |key: &str| i18n.tr(key);
    let markdown = {
        let (made, site) = (made.clone(), site.clone());
        move |_| {
            let text = done.with_untracked(|d| {
                schedule.with_untracked(|weeks| plan_markdown(&made, weeks, d, &site, &words))
            });
            download(&text, "study-plan.md", "text/markdown");
        }
    };
    let calendar = {
        let made = made.clone();
        move |_| {
            let text = schedule.with_untracked(|weeks| plan_ics(&made, weeks, &site, &words));
            download(&text, "study-plan.ics", "text/calendar");
        }
    };
    let print = move |_| {
        let _ = window().print();
    };
    let start = made.start;
    let finished = move || {
        let items: Vec<Item> = done.with(|d| {
            path_items(start)
                .into_iter()
                .filter(|i| is_done(d, &i.id))
                .collect()
        });
        (!items.is_empty()).then(|| {
            let lines = items
                .into_iter()
                .map(|item| {
                    let session = Session {
                        hours: item.hours,
                        item,
                        continued: false,
                        continues: false,
                    };
                    view! { <SessionLine session outside done=true /> }
                })
                .collect_view();
            view! {
                <details class="plan-done">
                    <summary>{i18n.text("plan-done-heading")}</summary>
                    <ul>{lines}</ul>
                </details>
            }
        })
    };
    let settings = move || {
        i18n.trf(
            "plan-settings",
            &[
                (
                    "start",
                    i18n.tr(&format!("plan-start-{}", made.start.code())),
                ),
                ("hours", made.hours_per_week.to_string()),
                ("date", made.first_day.iso()),
            ],
        )
    };
    let weeks = move || {
        schedule
            .get()
            .into_iter()
            .map(|week| {
                let heading = i18n.trf(
                    "plan-week",
                    &[
                        ("number", week.number.to_string()),
                        ("date", made_week_start(plan, week.number)),
                    ],
                );
                let current = week.number == stand.with_untracked(|s| s.week);
                // The path's step each part belongs to, named where it begins.
                let mut step = 0;
                let sessions = week
                    .sessions
                    .into_iter()
                    .map(|session| {
                        let begins = (session.item.step != step).then(|| {
                            step = session.item.step;
                            let key = format!("path-{step}");
                            view! { <li class="plan-step"><em>{move || i18n.tr(&key)}</em></li> }
                        });
                        view! { {begins} <SessionLine session outside /> }
                    })
                    .collect_view();
                view! {
                    <li class="plan-week" class:current=current>
                        <h2>{heading}</h2>
                        <ul>{sessions}</ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p>{settings}</p>
        <div class="plan-status" role="status">
            <p>{summary}</p>
            <p><strong>{pace}</strong></p>
        </div>
        <label for="plan-progress">{i18n.text("plan-progress-label")}</label>
        <progress id="plan-progress" max=move || stand.get().hours value=move || stand.get().hours_done></progress>
        <p class="actions no-print">
            <Show when=off_plan>
                <button type="button" on:click=replan.clone()>{i18n.text("plan-replan")}</button>
            </Show>
            <button type="button" on:click=print>{i18n.text("plan-print")}</button>
            <button type="button" on:click=markdown>{i18n.text("plan-download-md")}</button>
            <button type="button" on:click=calendar>{i18n.text("plan-download-ics")}</button>
            <button type="button" on:click=move |_| editing.set(true)>{i18n.text("plan-change")}</button>
        </p>
        <ol class="plan-weeks">{weeks}</ol>
        {finished}
        <p class="no-print">
            <Link href="/projects">{i18n.text("plan-projects")}</Link> " · "
            <Link href="/career">{i18n.text("plan-career")}</Link>
        </p>
    }
}

/// Hours to the quarter, without trailing zeros ("1.5", "24"), in the reader's way of writing.
fn hours_text(hours: f64) -> String {
    let written = latih_i18n::format_decimal(use_i18n().lang(), (hours * 4.0).round() / 4.0, 2);
    match written.contains(['.', ',']) {
        true => written
            .trim_end_matches('0')
            .trim_end_matches(['.', ','])
            .to_string(),
        false => written,
    }
}

fn made_week_start(plan: RwSignal<Option<Plan>>, number: u32) -> String {
    plan.with_untracked(|p| p.as_ref().map(|p| p.week_start(number).iso()))
        .unwrap_or_default()
}

/// One item of a week: what it is, its page, its hours; a tick for a step outside Latih.
#[component]
fn SessionLine(
    session: Session,
    outside: RwSignal<BTreeSet<String>>,
    /// Shown among the steps done (an outside step's tick can be taken back there).
    #[prop(optional)]
    done: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let item = session.item.clone();
    let (kind, title, href) = match item.kind {
        ItemKind::Lesson => (
            "plan-kind-lesson",
            format!("lessons-title-{}", item.id),
            Some(format!("/lessons/{}", item.id)),
        ),
        ItemKind::Project => (
            "plan-kind-project",
            format!("projects-title-{}", item.id),
            Some(format!("/projects/{}", item.id)),
        ),
        ItemKind::Outside => (
            "plan-kind-outside",
            format!("plan-outside-{}", item.id),
            None,
        ),
    };
    let hours = move || {
        let mut text = i18n.trf("plan-hours", &[("hours", hours_text(session.hours))]);
        if session.continued {
            text += &format!(" {}", i18n.tr("plan-continued"));
        }
        if session.continues {
            text += &format!(" {}", i18n.tr("plan-continues"));
        }
        text
    };
    let title_text = {
        let title = title.clone();
        move || i18n.tr(&title)
    };
    let name = match href {
        Some(href) => view! { <Link href>{title_text}</Link> }.into_any(),
        None => {
            let id = format!("plan-done-{}", item.id);
            let ticked = item.id.clone();
            let toggle = move |_| {
                outside.update(|o| {
                    if !o.remove(&ticked) {
                        o.insert(ticked.clone());
                    }
                })
            };
            view! {
                <input type="checkbox" id=id.clone() prop:checked=done on:change=toggle />
                " " <label for=id>{title_text}</label>
            }
            .into_any()
        }
    };
    view! {
        <li>
            <span class="plan-kind">{move || i18n.tr(kind)}</span> ": " {name} " · " <span>{hours}</span>
        </li>
    }
}
