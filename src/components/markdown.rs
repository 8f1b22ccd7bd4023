//! Markdown that the worker read into nodes (`latih_engine::notebook::parse_note`), turned into
//! elements one by one: a note cell's text, and a lesson's. No HTML from the text ever reaches
//! the page, so nothing in it can run.

use latih_engine::notebook::{NoteBlock, NoteNode};
use leptos::prelude::*;

/// The elements of `nodes`. A `#` heading becomes `<h{top}>` (and deeper ones follow it, to
/// `<h6>`), so that the text's headings sit below the page's own; `text` draws each run of text
/// (a lesson puts its numbers in there).
pub fn render_markdown<T>(nodes: Vec<NoteNode>, top: u8, text: &T) -> AnyView
where
    T: Fn(String) -> AnyView,
{
    nodes
        .into_iter()
        .map(|node| render_node(node, top, text))
        .collect_view()
        .into_any()
}

fn render_node<T>(node: NoteNode, top: u8, text: &T) -> AnyView
where
    T: Fn(String) -> AnyView,
{
    match node {
        NoteNode::Text(words) => text(words),
        NoteNode::Code(code) => view! { <code>{code}</code> }.into_any(),
        NoteNode::LineBreak => view! { <br /> }.into_any(),
        NoteNode::Rule => view! { <hr /> }.into_any(),
        NoteNode::Block(block, children) => {
            let inner = render_markdown(children, top, text);
            match block {
                NoteBlock::Paragraph => view! { <p>{inner}</p> }.into_any(),
                NoteBlock::Heading(level) => match (top + level).saturating_sub(1) {
                    0..=2 => view! { <h2>{inner}</h2> }.into_any(),
                    3 => view! { <h3>{inner}</h3> }.into_any(),
                    4 => view! { <h4>{inner}</h4> }.into_any(),
                    5 => view! { <h5>{inner}</h5> }.into_any(),
                    _ => view! { <h6>{inner}</h6> }.into_any(),
                },
                NoteBlock::Quote => view! { <blockquote>{inner}</blockquote> }.into_any(),
                NoteBlock::CodeBlock => view! { <pre><code>{inner}</code></pre> }.into_any(),
                NoteBlock::List(Some(start)) => view! { <ol start=start>{inner}</ol> }.into_any(),
                NoteBlock::List(None) => view! { <ul>{inner}</ul> }.into_any(),
                NoteBlock::Item => view! { <li>{inner}</li> }.into_any(),
                NoteBlock::Emphasis => view! { <em>{inner}</em> }.into_any(),
                NoteBlock::Strong => view! { <strong>{inner}</strong> }.into_any(),
                NoteBlock::Strikethrough => view! { <s>{inner}</s> }.into_any(),
                // A page of this site opens here; another site's, in a new tab.
                NoteBlock::Link(href) if href.starts_with('/') => {
                    view! { <crate::router::Link href=href>{inner}</crate::router::Link> }
                        .into_any()
                }
                NoteBlock::Link(href) => view! {
                    <a href=href rel="noopener noreferrer nofollow" target="_blank">{inner}</a>
                }
                .into_any(),
                // Focusable, so that a keyboard scrolls a table wider than a phone.
                NoteBlock::Table => view! {
                    <div class="table-scroll" tabindex="0" role="region"
                        aria-label=crate::i18n::use_i18n().text("markdown-table")>
                        <table class="text-table">{inner}</table>
                    </div>
                }
                .into_any(),
                NoteBlock::TableHead => view! { <thead><tr>{inner}</tr></thead> }.into_any(),
                NoteBlock::TableRow => view! { <tr>{inner}</tr> }.into_any(),
                NoteBlock::HeaderCell => view! { <th scope="col">{inner}</th> }.into_any(),
                NoteBlock::TableCell => view! { <td>{inner}</td> }.into_any(),
                NoteBlock::Plain => view! { <span>{inner}</span> }.into_any(),
            }
        }
    }
}
