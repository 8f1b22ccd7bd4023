//! Reading a lesson file: front matter between `---` lines, then Markdown with fenced blocks
//! (`notebook`, `cells`, `check`, `solution`). Lesson files ship with the site, but the page
//! fetches them over the network, so a broken one is an error with its line, never a panic.

use super::{Check, CheckKind, Lesson, Part, Quantity, Solution};
use crate::notebook::Notebook;
use std::fmt;
use std::ops::Range;

/// What is wrong with a lesson file, and on which line (1-based), for its author.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

fn error(line: usize, message: impl Into<String>) -> LessonError {
    LessonError {
        line,
        message: message.into(),
    }
}

/// The front matter's fields, in the order a lesson writes them.
const FIELDS: [&str; 5] = ["slug", "stage", "order", "title", "misconception"];

/// Reads one language's lesson file.
pub fn parse_lesson(source: &str) -> Result<Lesson, LessonError> {
    let lines: Vec<&str> = source.lines().collect();
    if lines.first().map(|l| l.trim()) != Some("---") {
        return Err(error(
            1,
            "a lesson starts with front matter between `---` lines",
        ));
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| error(1, "the front matter has no closing `---`"))?;
    let mut fields: [Option<String>; 5] = Default::default();
    for (i, line) in lines[1..end].iter().enumerate() {
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| error(i + 2, "a front matter line is `key: value`"))?;
        let slot = FIELDS
            .iter()
            .position(|f| *f == key.trim())
            .ok_or_else(|| error(i + 2, format!("unknown field `{}`", key.trim())))?;
        fields[slot] = Some(value.trim().to_string());
    }
    let [Some(slug), Some(stage), Some(order), Some(title), Some(misconception)] = fields else {
        let missing = FIELDS.iter().zip(&fields).find(|(_, v)| v.is_none());
        let name = missing.map_or("", |(name, _)| name);
        return Err(error(1, format!("the front matter has no `{name}`")));
    };
    let order = order
        .parse()
        .map_err(|_| error(1, format!("`order` is a whole number, not `{order}`")))?;
    let body = read_body(&lines, end + 1)?;
    let lesson = Lesson {
        slug,
        stage,
        order,
        title,
        misconception,
        parts: body.parts,
        notebook: body
            .notebook
            .ok_or_else(|| error(lines.len(), "no `notebook` block"))?,
        checks: body.checks,
        solution: body
            .solution
            .ok_or_else(|| error(lines.len(), "no `solution` block"))?,
    };
    check_cells_placed(&lesson, lines.len())?;
    Ok(lesson)
}

#[derive(Default)]
struct Body {
    parts: Vec<Part>,
    notebook: Option<Notebook>,
    checks: Vec<Check>,
    solution: Option<Solution>,
}

/// Reads the lines from `start` (0-based): text, and the fenced blocks between it.
fn read_body(lines: &[&str], start: usize) -> Result<Body, LessonError> {
    let mut body = Body::default();
    let mut text = String::new();
    let mut at = start;
    while at < lines.len() {
        let line = lines[at];
        let Some(name) = line.trim().strip_prefix("```").filter(|n| !n.is_empty()) else {
            text.push_str(line);
            text.push('\n');
            at += 1;
            continue;
        };
        let opened = at + 1;
        let close = lines[opened..]
            .iter()
            .position(|l| l.trim() == "```")
            .map(|i| opened + i)
            .ok_or_else(|| error(opened, format!("the `{name}` block is not closed")))?;
        let inside = lines[opened..close].join("\n");
        if matches!(name, "cells" | "check") {
            push_text(&mut body.parts, &mut text, opened)?;
        }
        read_block(&mut body, name, &inside, opened)?;
        at = close + 1;
    }
    push_text(&mut body.parts, &mut text, lines.len())?;
    Ok(body)
}

fn read_block(body: &mut Body, name: &str, inside: &str, line: usize) -> Result<(), LessonError> {
    let json = |what: &str, e: serde_json::Error| {
        error(line + e.line(), format!("the `{what}` block: {e}"))
    };
    match name {
        "notebook" if body.notebook.is_some() => Err(error(line, "a second `notebook` block")),
        "notebook" => {
            let notebook: Notebook = serde_json::from_str(inside).map_err(|e| json(name, e))?;
            let notebook = notebook
                .checked()
                .map_err(|e| error(line, format!("the notebook: {e:?}")))?;
            body.notebook = Some(notebook);
            Ok(())
        }
        "solution" if body.solution.is_some() => Err(error(line, "a second `solution` block")),
        "solution" => {
            let solution: Solution = serde_json::from_str(inside).map_err(|e| json(name, e))?;
            let notebook = solution
                .notebook
                .checked()
                .map_err(|e| error(line, format!("the solution's notebook: {e:?}")))?;
            body.solution = Some(Solution {
                notebook,
                ..solution
            });
            Ok(())
        }
        "check" => {
            let check: Check = serde_json::from_str(inside).map_err(|e| json(name, e))?;
            if body.checks.iter().any(|c| c.id == check.id) {
                return Err(error(line, format!("a second check `{}`", check.id)));
            }
            body.parts.push(Part::Check(body.checks.len()));
            body.checks.push(check);
            Ok(())
        }
        "cells" => {
            let range = inside.trim();
            let (first, last) = range.split_once('-').unwrap_or((range, range));
            match (first.trim().parse(), last.trim().parse()) {
                (Ok(first), Ok(last)) if first <= last => {
                    body.parts.push(Part::Cells { first, last });
                    Ok(())
                }
                _ => Err(error(
                    line,
                    format!("`{range}` is not a cell or a range `a-b`"),
                )),
            }
        }
        other => Err(error(line, format!("unknown block `{other}`"))),
    }
}

/// Ends the text read so far as a part, checking its placeholders.
fn push_text(parts: &mut Vec<Part>, text: &mut String, line: usize) -> Result<(), LessonError> {
    let taken = std::mem::take(text);
    if taken.trim().is_empty() {
        return Ok(());
    }
    placeholders(&taken).map_err(|message| error(line, message))?;
    parts.push(Part::Text(taken.trim().to_string()));
    Ok(())
}

/// The `{{quantity}}` placeholders of a lesson's text, with where each is.
pub fn placeholders(text: &str) -> Result<Vec<(Range<usize>, Quantity)>, String> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| from + i) {
        let json_start = open + 2;
        let mut stream =
            serde_json::Deserializer::from_str(&text[json_start..]).into_iter::<Quantity>();
        let quantity = match stream.next() {
            Some(Ok(quantity)) => quantity,
            Some(Err(e)) => return Err(format!("a placeholder: {e}")),
            None => return Err("an empty placeholder".into()),
        };
        let json_end = json_start + stream.byte_offset();
        let rest = &text[json_end..];
        let close = rest.len() - rest.trim_start().len();
        if !rest.trim_start().starts_with("}}") {
            return Err("a placeholder is not closed with `}}`".into());
        }
        let end = json_end + close + 2;
        found.push((open..end, quantity));
        from = end;
    }
    Ok(found)
}

/// Every cell of the notebook is placed once, in order, and every cell a check reads exists.
fn check_cells_placed(lesson: &Lesson, last_line: usize) -> Result<(), LessonError> {
    let mut next = 0;
    for part in &lesson.parts {
        if let Part::Cells { first, last } = part {
            if *first != next {
                return Err(error(
                    last_line,
                    format!("cell {next} is placed out of order, or not at all"),
                ));
            }
            next = last + 1;
        }
    }
    if next != lesson.notebook.cells.len() {
        return Err(error(
            last_line,
            format!(
                "the notebook has {} cells; the `cells` blocks place {next}",
                lesson.notebook.cells.len()
            ),
        ));
    }
    for check in &lesson.checks {
        let named: Vec<usize> = match &check.kind {
            CheckKind::Number { of, .. } => vec![of.cell()],
            CheckKind::Metric { cell, .. } => vec![*cell],
            CheckKind::Predict { of, hide } => std::iter::once(of.cell())
                .chain(hide.iter().copied())
                .collect(),
            CheckKind::Shape { rules } => rules.iter().flat_map(|r| r.cells()).collect(),
            CheckKind::Choice { .. } | CheckKind::Order { .. } => Vec::new(),
        };
        if matches!(&check.kind, CheckKind::Shape { rules } if rules.is_empty()) {
            return Err(error(
                last_line,
                format!("check `{}` has no rules: it would pass anything", check.id),
            ));
        }
        if let Some(cell) = named.into_iter().find(|&c| c >= next) {
            return Err(error(
                last_line,
                format!(
                    "check `{}` names cell {cell}, which the notebook has not",
                    check.id
                ),
            ));
        }
    }
    Ok(())
}
