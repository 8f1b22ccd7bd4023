//! A lesson's text goes through the note cells' Markdown reader ([`crate::notebook::parse_note`],
//! in the worker: the same safe tree of text and formatting, never HTML). Its `{{quantity}}`
//! placeholders are first marked, each as one private-use character that the reader keeps
//! inside the text where it stands; the page then draws the engine's number there.

use super::parse::placeholders;
use super::Quantity;

/// The first of the characters that stand for placeholders: the one of index `i` is this + `i`
/// (Unicode's supplementary private use area A, which no lesson types).
const MARK: u32 = 0xF0000;

/// `text` with each placeholder replaced by its mark, and the placeholders' quantities in order.
pub fn marked_text(text: &str) -> Result<(String, Vec<Quantity>), String> {
    let found = placeholders(text)?;
    let mut marked = text.to_string();
    for (index, (range, _)) in found.iter().enumerate().rev() {
        let mark = u32::try_from(index)
            .ok()
            .and_then(|i| char::from_u32(MARK + i))
            .ok_or("too many placeholders")?;
        marked.replace_range(range.clone(), &mark.to_string());
    }
    Ok((marked, found.into_iter().map(|(_, q)| q).collect()))
}

/// A piece of a text node of a marked text: words, or the placeholder of that index.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    Words(&'a str),
    Placeholder(usize),
}

/// Splits a text node of a marked text at its marks.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let Some(index) = (c as u32).checked_sub(MARK).filter(|&i| i < 0xFFFE) else {
            continue;
        };
        if from < at {
            out.push(Piece::Words(&text[from..at]));
        }
        out.push(Piece::Placeholder(index as usize));
        from = at + c.len_utf8();
    }
    if from < text.len() {
        out.push(Piece::Words(&text[from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::{parse_note, NoteBlock, NoteNode};

    #[test]
    fn placeholders_survive_the_markdown_reader_where_they_stand() {
        let text =
            "The set has **{{{\"rows\":{\"cell\":0}}}} rows** and {{{\"columns\":{\"cell\":0}}}}.";
        let (marked, quantities) = marked_text(text).unwrap();
        assert_eq!(
            quantities,
            [Quantity::Rows { cell: 0 }, Quantity::Columns { cell: 0 }]
        );
        let nodes = parse_note(&marked);
        let NoteNode::Block(NoteBlock::Paragraph, inside) = &nodes[0] else {
            panic!("a paragraph: {nodes:?}");
        };
        fn words(node: &NoteNode) -> Vec<Piece<'_>> {
            match node {
                NoteNode::Text(t) => pieces(t),
                NoteNode::Block(NoteBlock::Strong, inner) => inner.iter().flat_map(words).collect(),
                other => panic!("{other:?}"),
            }
        }
        let all: Vec<Piece> = inside.iter().flat_map(words).collect();
        assert_eq!(
            all,
            [
                Piece::Words("The set has "),
                Piece::Placeholder(0),
                Piece::Words(" rows"),
                Piece::Words(" and "),
                Piece::Placeholder(1),
                Piece::Words("."),
            ]
        );
    }

    #[test]
    fn text_without_placeholders_is_one_piece_and_a_bad_one_is_refused() {
        assert_eq!(pieces("plain"), [Piece::Words("plain")]);
        assert!(pieces("").is_empty());
        assert!(marked_text("{{not json}}").is_err());
    }
}
