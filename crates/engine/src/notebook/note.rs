//! A note cell's Markdown, read into a small tree of text and formatting that the app turns into
//! elements one by one. Nothing here is HTML: raw HTML in a note stays visible text, links keep
//! only web and mail addresses, and images show their description without fetching anything. A
//! note in a shared link is untrusted input, so this is the whole of what a note can do.
//!
//! The parsing runs where the notebook runs (the worker): a Markdown parser is far too large for
//! the app's first load, which only turns the nodes into elements.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoteNode {
    Text(String),
    Code(String),
    LineBreak,
    Rule,
    Block(NoteBlock, Vec<NoteNode>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoteBlock {
    Paragraph,
    /// 1 for `#`, 2 for `##`, …
    Heading(u8),
    Quote,
    CodeBlock,
    /// Numbered from this number, or bulleted.
    List(Option<u64>),
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    /// A link to an address that is safe to follow.
    Link(String),
    /// A GFM pipe table: its head (one row of header cells), then its body rows.
    Table,
    TableHead,
    TableRow,
    /// A cell of the head row.
    HeaderCell,
    TableCell,
    /// Anything else (tables, an image's description, a link to an unsafe address): its content
    /// as plain inline text.
    Plain,
}

/// Only addresses that open a page or a mail: `javascript:`, `data:` and the like are dropped.
fn safe_address(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        // A path on this site; `//host` and `/\host` (browsers read `\` as `/`) are another.
        || url.starts_with('/') && !url[1..].starts_with(['/', '\\'])
        || url.starts_with('#');
    (allowed && !url.chars().any(char::is_control)).then(|| url.to_string())
}

fn block_of(tag: Tag) -> NoteBlock {
    match tag {
        Tag::Paragraph => NoteBlock::Paragraph,
        Tag::Heading { level, .. } => NoteBlock::Heading(match level {
            HeadingLevel::H1 => 1,
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
            _ => 4,
        }),
        Tag::BlockQuote(_) => NoteBlock::Quote,
        Tag::CodeBlock(_) => NoteBlock::CodeBlock,
        Tag::List(start) => NoteBlock::List(start),
        Tag::Item => NoteBlock::Item,
        Tag::Emphasis => NoteBlock::Emphasis,
        Tag::Strong => NoteBlock::Strong,
        Tag::Strikethrough => NoteBlock::Strikethrough,
        Tag::Link { dest_url, .. } => {
            safe_address(&dest_url).map_or(NoteBlock::Plain, NoteBlock::Link)
        }
        Tag::Table(_) => NoteBlock::Table,
        Tag::TableHead => NoteBlock::TableHead,
        Tag::TableRow => NoteBlock::TableRow,
        Tag::TableCell => NoteBlock::TableCell,
        _ => NoteBlock::Plain,
    }
}

/// The deepest nesting of blocks kept (a quote in a list in a quote…); anything deeper is read
/// as the text of the block at this depth. Notes are written by people, who nest a few levels;
/// a link can nest thousands, and the tree is dropped, sent and drawn by recursion, on the
/// browser's small stack.
pub const MAX_NOTE_DEPTH: usize = 24;

/// Reads `markdown` into nodes (CommonMark, with ~~strikethrough~~ and GFM tables), at most
/// [`MAX_NOTE_DEPTH`] blocks deep.
pub fn parse_note(markdown: &str) -> Vec<NoteNode> {
    // The open blocks, innermost last; the first holds the note's top level.
    let mut open: Vec<(NoteBlock, Vec<NoteNode>)> = vec![(NoteBlock::Plain, Vec::new())];
    // Blocks started beyond the deepest kept, whose ends are still to come.
    let mut flattened = 0usize;
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(markdown, options) {
        let node = match event {
            Event::Start(_) if open.len() > MAX_NOTE_DEPTH => {
                flattened += 1;
                continue;
            }
            Event::Start(tag) => {
                let block = match block_of(tag) {
                    // The head's cells come straight in it (no row between).
                    NoteBlock::TableCell
                        if matches!(open.last(), Some((NoteBlock::TableHead, _))) =>
                    {
                        NoteBlock::HeaderCell
                    }
                    block => block,
                };
                open.push((block, Vec::new()));
                continue;
            }
            Event::End(_) if flattened > 0 => {
                flattened -= 1;
                continue;
            }
            Event::End(_) => match open.pop() {
                Some((block, children)) if !open.is_empty() => NoteNode::Block(block, children),
                // Unbalanced events cannot come from the parser; keep what there is.
                Some(top) => {
                    open.push(top);
                    continue;
                }
                None => continue,
            },
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                NoteNode::Text(text.into_string())
            }
            Event::Code(code) => NoteNode::Code(code.into_string()),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                NoteNode::Code(text.into_string())
            }
            Event::SoftBreak => NoteNode::Text(" ".into()),
            Event::HardBreak => NoteNode::LineBreak,
            Event::Rule => NoteNode::Rule,
            Event::TaskListMarker(done) => NoteNode::Text(if done { "☑ " } else { "☐ " }.into()),
            Event::FootnoteReference(label) => NoteNode::Text(format!("[{label}]")),
        };
        if let Some((_, children)) = open.last_mut() {
            children.push(node);
        }
    }
    // Whatever is still open belongs to the top level.
    while open.len() > 1 {
        if let Some((block, children)) = open.pop() {
            if let Some((_, parent)) = open.last_mut() {
                parent.push(NoteNode::Block(block, children));
            }
        }
    }
    open.pop().map(|(_, nodes)| nodes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use NoteBlock::*;
    use NoteNode::*;

    fn text(t: &str) -> NoteNode {
        Text(t.into())
    }

    #[test]
    fn formatting_headings_lists_and_links_become_nodes() {
        let nodes = parse_note("# Iris\n\nA *small* and **famous** set: `150` rows.\n\n1. load\n2. [train](https://scikit-learn.org)\n");
        assert_eq!(nodes[0], Block(Heading(1), vec![text("Iris")]));
        assert_eq!(
            nodes[1],
            Block(
                Paragraph,
                vec![
                    text("A "),
                    Block(Emphasis, vec![text("small")]),
                    text(" and "),
                    Block(Strong, vec![text("famous")]),
                    text(" set: "),
                    Code("150".into()),
                    text(" rows."),
                ]
            )
        );
        let Block(List(Some(1)), items) = &nodes[2] else {
            panic!("a numbered list: {:?}", nodes[2]);
        };
        assert_eq!(
            items[1],
            Block(
                Item,
                vec![Block(
                    Link("https://scikit-learn.org".into()),
                    vec![text("train")]
                )]
            )
        );
    }

    #[test]
    fn a_pipe_table_has_a_head_of_header_cells_and_body_rows() {
        let nodes =
            parse_note("| skill | where |\n|---|---|\n| SQL | [cells](/notebook) |\n| C++ | - |\n");
        let Block(Table, parts) = &nodes[0] else {
            panic!("a table: {:?}", nodes[0]);
        };
        assert_eq!(
            parts[0],
            Block(
                TableHead,
                vec![
                    Block(HeaderCell, vec![text("skill")]),
                    Block(HeaderCell, vec![text("where")])
                ]
            )
        );
        assert_eq!(
            parts[1],
            Block(
                TableRow,
                vec![
                    Block(TableCell, vec![text("SQL")]),
                    Block(
                        TableCell,
                        vec![Block(Link("/notebook".into()), vec![text("cells")])]
                    )
                ]
            )
        );
        assert_eq!(parts.len(), 3, "a head and two rows");
    }

    #[test]
    fn html_stays_text_and_unsafe_links_lose_their_address() {
        let hostile = "<script>alert(1)</script>\n\nHi <img src=x onerror=\"alert(2)\"> [x](javascript:alert(3)) [y](JaVaScRiPt:alert(4)) [z](data:text/html,hi) ![p](https://tracker.example/p.png)";
        let nodes = parse_note(hostile);
        assert_eq!(
            nodes[0],
            Block(Plain, vec![text("<script>alert(1)</script>\n")])
        );
        let Block(Paragraph, inline) = &nodes[1] else {
            panic!("{:?}", nodes[1]);
        };
        assert!(inline.contains(&text("<img src=x onerror=\"alert(2)\">")));
        let links: Vec<&NoteNode> = inline
            .iter()
            .filter(|n| matches!(n, Block(Link(_), _)))
            .collect();
        assert!(links.is_empty(), "no unsafe address survives: {inline:?}");
        assert!(inline.contains(&Block(Plain, vec![text("x")])));
        // The image shows its description only.
        assert!(inline.contains(&Block(Plain, vec![text("p")])));
    }

    fn depth(nodes: &[NoteNode]) -> usize {
        nodes
            .iter()
            .map(|node| match node {
                Block(_, children) => 1 + depth(children),
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn a_note_nested_thousands_deep_is_kept_shallow_and_its_text_kept() {
        let hostile = [
            "> ".repeat(50_000) + "deep",
            "- ".repeat(20_000) + "deep",
            "*".repeat(30_000) + "deep" + &"*".repeat(30_000),
            "[".repeat(30_000) + "deep" + &"](https://a.b)".repeat(30_000),
        ];
        for markdown in hostile {
            // The browser's stack is far smaller than a native thread's: parse, encode, read
            // back and drop on a small one.
            let small_stack = std::thread::Builder::new().stack_size(256 * 1024);
            let nodes = small_stack
                .spawn(move || {
                    let nodes = parse_note(&markdown);
                    let json = serde_json::to_string(&nodes).unwrap();
                    let back: Vec<NoteNode> = serde_json::from_str(&json).unwrap();
                    assert_eq!(back, nodes, "read back as written");
                    nodes
                })
                .unwrap()
                .join()
                .expect("no stack overflow");
            assert!(depth(&nodes) <= MAX_NOTE_DEPTH, "{}", depth(&nodes));
            assert!(format!("{nodes:?}").contains("deep"), "the text is kept");
        }
        // A few levels, as people write them, are kept as they are.
        let nodes = parse_note("> quote\n> - item\n>   > inner *word*");
        assert!(depth(&nodes) >= 4, "{nodes:?}");
    }

    #[test]
    fn addresses_are_judged_by_scheme() {
        for ok in [
            "https://a.b",
            "HTTP://a.b",
            "mailto:a@b.c",
            "/notebook",
            "#top",
        ] {
            assert!(safe_address(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:x",
            " javascript:x",
            "vbscript:x",
            "data:x",
            "//evil.example",
            "/\\evil.example",
            "file:///etc",
            "java\tscript:x",
        ] {
            assert!(safe_address(bad).is_none(), "{bad}");
        }
    }
}
