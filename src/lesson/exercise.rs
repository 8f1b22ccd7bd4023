//! One exercise of a lesson: the question, the learner's answer (a number, a choice, lines put
//! in order, or the notebook itself for a metric's bar), "Check my answer", the engine's verdict
//! with its reasons, hints one at a time, and the solution, which the learner can load.

use super::LessonContext;
use crate::components::fields::parse_decimal;
use crate::i18n::use_i18n;
use latih_engine::lessons::{Answer, Check, CheckKind, Outcome, Quantity, Rubric};
use leptos::prelude::*;

#[component]
pub fn Exercise(check: Check, number: usize, lesson: LessonContext) -> impl IntoView {
    let i18n = use_i18n();
    let id = check.id.clone();
    let heading_id = format!("exercise-{id}");
    let answer_view = match check.kind.clone() {
        CheckKind::Number { .. } => number_answer(&id, lesson, || false).into_any(),
        CheckKind::Predict { of, hide } => predict_answer(&id, of, hide, lesson).into_any(),
        CheckKind::Choice { options, .. } => {
            let texts = options.into_iter().map(|o| o.text).collect();
            choice_answer(&id, texts, &check.question, lesson).into_any()
        }
        CheckKind::Order { lines } => order_answer(&id, lines, lesson).into_any(),
        CheckKind::Metric {
            cell,
            name,
            ref class,
            ..
        } => {
            let kind = check.kind.clone();
            let class = class.clone();
            let quantity = Quantity::Metric {
                cell,
                name,
                class: class.clone(),
            };
            let (start, attempt) = (lesson.notebooks.start, lesson.notebooks.attempt);
            // The bar (a relative one from the starting notebook's run), and where the
            // learner's notebook stands.
            let line = move || {
                let lang = i18n.lang();
                let metric = latih_i18n::metric_label(lang, name, class.as_deref());
                let score = |x: f64| latih_i18n::format_decimal(lang, x, 3);
                let bars = start
                    .outputs
                    .with(|outputs| kind.bars(outputs))
                    .unwrap_or_default();
                let mut line: Vec<String> = [
                    bars.at_least.map(|bar| ("lesson-bar-at-least", bar)),
                    bars.at_most.map(|bar| ("lesson-bar-at-most", bar)),
                ]
                .into_iter()
                .flatten()
                .map(|(key, bar)| i18n.trf(key, &[("metric", metric.clone()), ("bar", score(bar))]))
                .collect();
                if let Some(value) = attempt.outputs.with(|outputs| quantity.value(outputs).ok()) {
                    line.push(i18n.trf("lesson-now", &[("value", score(value))]));
                }
                line.join(" ")
            };
            view! { <p class="bar">{line}</p> }.into_any()
        }
        // The notebook is the answer: the question says what it must hold.
        CheckKind::Shape { .. } => ().into_any(),
    };
    let question = match check.kind {
        // A choice's question is its group's legend.
        CheckKind::Choice { .. } => None,
        _ => Some(view! { <p class="question">{check.question.clone()}</p> }),
    };
    let check_label = match check.kind {
        CheckKind::Predict { .. } => "lesson-commit",
        _ => "lesson-check",
    };
    let check_id = id.clone();
    let lines = match &check.kind {
        CheckKind::Order { lines } => lines.len(),
        _ => 0,
    };
    let ask = move |_| {
        // Lines never moved are answered in the order shown.
        if lines > 0
            && lesson
                .answers
                .with_untracked(|a| !a.contains_key(&check_id))
        {
            let shown = Answer::Order(shuffled(lines, &check_id));
            lesson.answers.update(|a| {
                a.insert(check_id.clone(), shown);
            });
        }
        lesson.checked.update(|c| {
            c.insert(check_id.clone());
        })
    };
    let outcome = {
        let id = id.clone();
        let class = match &check.kind {
            CheckKind::Metric { class, .. } => class.clone(),
            _ => None,
        };
        move || {
            if !lesson.checked.with(|c| c.contains(&id)) {
                return None;
            }
            let lang = i18n.lang();
            let Some(outcome) = lesson.outcome(&id) else {
                return Some(
                    view! { <p class="outcome" role="status">{i18n.tr("lesson-wait")}</p> }
                        .into_any(),
                );
            };
            let reasons = match &outcome {
                Outcome::NotYet(reasons) => reasons
                    .iter()
                    .map(
                        |r| view! { <li>{latih_i18n::reason_text(lang, r, class.as_deref())}</li> },
                    )
                    .collect_view()
                    .into_any(),
                _ => ().into_any(),
            };
            let class = match outcome {
                Outcome::Pass => "outcome pass",
                Outcome::NotYet(_) => "outcome not-yet",
                Outcome::NotAttempted => "outcome",
            };
            Some(
                view! {
                    <div class=class role="status">
                        <p><strong>{latih_i18n::outcome_label(lang, &outcome)}</strong></p>
                        <ul>{reasons}</ul>
                    </div>
                }
                .into_any(),
            )
        }
    };
    view! {
        <section class="exercise" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{move || heading(number, check.rubric)}</h3>
            {question}
            {answer_view}
            <p class="actions">
                <button type="button" on:click=ask>{i18n.text(check_label)}</button>
            </p>
            {outcome}
            <Help check lesson />
        </section>
    }
}

/// "Exercise 2", or in a project's rubric "Main criterion 2" / "For excellence 5".
fn heading(number: usize, rubric: Option<Rubric>) -> String {
    let key = match rubric {
        None => "lesson-exercise",
        Some(Rubric::Criterion) => "project-criterion",
        Some(Rubric::Excellent) => "project-excellent",
    };
    use_i18n().trf(key, &[("number", number.to_string())])
}

/// Hints one at a time, then the solution, with a way to load it.
#[component]
fn Help(check: Check, lesson: LessonContext) -> impl IntoView {
    let i18n = use_i18n();
    let total = check.hints.len();
    let id = check.id.clone();
    let seen = {
        let id = id.clone();
        Memo::new(move |_| {
            lesson
                .hints
                .with(|h| h.get(&id).copied().unwrap_or(0).min(total))
        })
    };
    let hints = check.hints.clone();
    let shown_hints = move || {
        hints[..seen.get()]
            .iter()
            .enumerate()
            .map(|(i, hint)| {
                let label = i18n.trf(
                    "lesson-hint-label",
                    &[
                        ("number", (i + 1).to_string()),
                        ("total", total.to_string()),
                    ],
                );
                view! { <li><strong>{label}</strong>" " {hint.clone()}</li> }
            })
            .collect_view()
    };
    let more = {
        let id = id.clone();
        move |_| {
            lesson.hints.update(|h| {
                let n = h.entry(id.clone()).or_insert(0);
                *n = (*n + 1).min(total);
            })
        }
    };
    let solution_open = RwSignal::new(false);
    let load = {
        let id = id.clone();
        let in_notebook = answered_in_notebook(&check.kind);
        // A metric's solution is the solved cells: the learner's own notes stay (a note's
        // solution is the note itself).
        let keep_notes = matches!(check.kind, CheckKind::Metric { .. });
        move |_| lesson.load_solution(&id, in_notebook, keep_notes)
    };
    let load_key = match answered_in_notebook(&check.kind) {
        true => "lesson-load-solution",
        false => "lesson-fill-answer",
    };
    let solution = check.solution.clone();
    view! {
        <ol class="hints">{shown_hints}</ol>
        <p class="actions">
            <Show when=move || seen.get() < total>
                <button type="button" on:click=more.clone()>{i18n.text("lesson-hint")}</button>
            </Show>
            <button type="button" aria-expanded=move || solution_open.get().to_string()
                on:click=move |_| solution_open.update(|o| *o = !*o)>
                {i18n.text("lesson-solution")}
            </button>
        </p>
        <Show when=move || solution_open.get()>
            <div class="solution">
                <p>{solution.clone()}</p>
                <button type="button" on:click=load.clone()>{i18n.text(load_key)}</button>
            </div>
        </Show>
    }
}

/// Whether the learner answers by changing the notebook (so its solution is a notebook).
fn answered_in_notebook(kind: &CheckKind) -> bool {
    matches!(kind, CheckKind::Metric { .. } | CheckKind::Shape { .. })
}

/// A guess, typed and committed before the cells that would give it away are opened; then the
/// guess beside the notebook's number.
fn predict_answer(
    id: &str,
    of: Quantity,
    hide: Vec<usize>,
    lesson: LessonContext,
) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = lesson.notebooks.attempt;
    let committed = {
        let id = id.to_string();
        Memo::new(move |_| lesson.checked.with(|c| c.contains(&id)))
    };
    // The cells that would tell stay folded until the guess is in.
    Effect::new(move |_| {
        let fold = !committed.get();
        attempt.collapsed.update(|folded| {
            for &cell in &hide {
                match fold {
                    true => folded.insert(cell, ()),
                    false => folded.remove(&cell),
                };
            }
        });
    });
    let key = id.to_string();
    let compared = move || {
        if !committed.get() {
            return None;
        }
        let lang = i18n.lang();
        let given = lesson.answers.with(|a| match a.get(&key) {
            Some(Answer::Number(x)) => Some(*x),
            _ => None,
        })?;
        let actual = lesson
            .notebooks
            .start
            .outputs
            .with(|outputs| of.value(outputs).ok())?;
        let args = [
            ("given", latih_i18n::format_number(lang, given)),
            ("actual", latih_i18n::quantity_text(lang, &of, actual)),
        ];
        Some(view! { <p class="compared">{i18n.trf("lesson-predicted", &args)}</p> })
    };
    // A guess committed stays as it was: the exercise is to compare it with the number.
    view! {
        {number_answer(id, lesson, move || committed.get())}
        {compared}
    }
}

fn number_answer(
    id: &str,
    lesson: LessonContext,
    read_only: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("answer-{id}");
    let error_id = format!("answer-{id}-error");
    let key = id.to_string();
    let answer = Memo::new(move |_| {
        lesson.answers.with(|a| match a.get(&key) {
            Some(Answer::Number(x)) => Some(*x),
            _ => None,
        })
    });
    let typed = RwSignal::new(String::new());
    // What the learner typed, unless the answer was put in another way (the solution).
    let shown = move || {
        let typed = typed.get();
        match answer.get() {
            Some(x) if parse_decimal(&typed) != Some(x) => {
                latih_i18n::format_number(i18n.lang(), x)
            }
            _ => typed,
        }
    };
    let invalid = RwSignal::new(false);
    let key = id.to_string();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        let number = parse_decimal(&text);
        invalid.set(number.is_none() && !text.trim().is_empty());
        lesson.answers.update(|answers| match number {
            Some(x) => {
                answers.insert(key.clone(), Answer::Number(x));
            }
            None => {
                answers.remove(&key);
            }
        });
    };
    view! {
        <p class="field">
            <label for=input_id.clone()>{i18n.text("lesson-answer")}</label>
            <input id=input_id type="text" inputmode="decimal" autocomplete="off" prop:value=shown
                readonly=read_only
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=error_id.clone() on:input=on_input />
            <span id=error_id class="field-error">
                {move || invalid.get().then(|| i18n.tr("lesson-not-a-number"))}
            </span>
        </p>
    }
}

fn choice_answer(
    id: &str,
    options: Vec<String>,
    question: &str,
    lesson: LessonContext,
) -> impl IntoView {
    let name = format!("choice-{id}");
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            let key = id.to_string();
            let key_checked = key.clone();
            let checked = move || {
                lesson.answers.with(|a| {
                    matches!(a.get(&key_checked), Some(Answer::Number(x)) if *x == index as f64)
                })
            };
            let choose = move |_| {
                lesson.answers.update(|a| {
                    a.insert(key.clone(), Answer::Number(index as f64));
                })
            };
            view! {
                <label class="choice">
                    <input type="radio" name=name.clone() prop:checked=checked on:change=choose />
                    " " {text}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{question.to_string()}</legend>
            {radios}
        </fieldset>
    }
}

/// The lines in the learner's order (shuffled at first), each with buttons to move it.
fn order_answer(id: &str, lines: Vec<String>, lesson: LessonContext) -> impl IntoView {
    let i18n = use_i18n();
    let count = lines.len();
    let start = shuffled(count, id);
    let key = id.to_string();
    let order = Memo::new(move |_| {
        lesson.answers.with(|a| match a.get(&key) {
            Some(Answer::Order(order)) if is_permutation(order, count) => order.clone(),
            _ => start.clone(),
        })
    });
    let key = id.to_string();
    let swap = move |at: usize, with: usize| {
        let mut now = order.get_untracked();
        if at < count && with < count {
            now.swap(at, with);
            lesson.answers.update(|a| {
                a.insert(key.clone(), Answer::Order(now));
            });
        }
    };
    let items = move || {
        order
            .get()
            .into_iter()
            .enumerate()
            .map(|(position, line)| {
                let text = lines.get(line).cloned().unwrap_or_default();
                let up = i18n.trf("lesson-order-up", &[("line", text.clone())]);
                let down = i18n.trf("lesson-order-down", &[("line", text.clone())]);
                let swap = swap.clone();
                let swap_down = swap.clone();
                view! {
                    <li>
                        <code>{text}</code>
                        <span class="order-buttons">
                            <button type="button" aria-label=up disabled=position == 0
                                on:click=move |_| swap(position, position.wrapping_sub(1))>"↑"</button>
                            <button type="button" aria-label=down disabled=position + 1 == count
                                on:click=move |_| swap_down(position, position + 1)>"↓"</button>
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p class="hint">{i18n.text("lesson-order-how")}</p>
        <ol class="order">{items}</ol>
    }
}

fn is_permutation(order: &[usize], count: usize) -> bool {
    let mut seen = vec![false; count];
    order.len() == count
        && order
            .iter()
            .all(|&i| i < count && !std::mem::replace(&mut seen[i], true))
}

/// The lines' first order: shuffled the same way on every device (from the check's id), and
/// never already right.
fn shuffled(count: usize, id: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    // FNV-1a of the id seeds a small linear congruential generator: enough to shuffle lines.
    let mut state = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    for i in (1..count).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, ((state >> 33) % (i as u64 + 1)) as usize);
    }
    if count > 1 && order.iter().enumerate().all(|(i, &line)| i == line) {
        order.rotate_left(1);
    }
    order
}
