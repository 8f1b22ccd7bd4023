//! A lesson attempt as a link (`/lessons/<slug>#attempt=<text>`): the learner's notebook and
//! answers, compressed as notebook links are ([`crate::notebook::link`]), so a teacher opens
//! exactly the learner's work. Nothing in it is trusted: whoever opens it runs the notebook and
//! decides the checks again, and it is read within the links' size limits.

use super::Attempt;
use crate::notebook::link::{deflated, inflated};
use crate::Error;

/// The attempt links this Latih writes; it reads these and older.
pub const ATTEMPT_FORMAT: u32 = 1;

/// The text after `#attempt=`.
pub fn encode_attempt(attempt: &Attempt) -> String {
    // Plain data: serialising cannot fail.
    deflated(
        ATTEMPT_FORMAT,
        &serde_json::to_string(attempt).unwrap_or_default(),
    )
}

/// The attempt an `#attempt=` link carries, its notebook checked as any stored one.
pub fn decode_attempt(link: &str) -> Result<Attempt, Error> {
    let (_, json) = inflated(link, ATTEMPT_FORMAT)?;
    let attempt: Attempt = serde_json::from_str(&json).map_err(|e| Error::NotebookUnreadable {
        message: e.to_string(),
    })?;
    Ok(Attempt {
        notebook: attempt.notebook.checked()?,
        ..attempt
    })
}

/// The text after `#attempt=` in a page address, or the text itself.
pub fn attempt_fragment(text: &str) -> Option<&str> {
    text.rsplit_once("#attempt=").map(|(_, link)| link.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::Answer;
    use crate::notebook::Notebook;
    use std::collections::BTreeMap;

    #[test]
    fn an_attempt_survives_its_link_and_a_damaged_or_newer_one_is_refused() {
        let attempt = Attempt {
            notebook: Notebook::starter("iris", "species"),
            answers: BTreeMap::from([
                ("rows".into(), Answer::Number(150.0)),
                ("code".into(), Answer::Order(vec![1, 0, 2])),
            ]),
        };
        let link = encode_attempt(&attempt);
        assert_eq!(decode_attempt(&link), Ok(attempt));
        let address = format!("https://latih.example/lessons/data-as-a-table#attempt={link}");
        assert_eq!(attempt_fragment(&address), Some(link.as_str()));
        assert_eq!(
            decode_attempt(&link[..link.len() / 2]),
            Err(Error::LinkDamaged)
        );
        let newer = format!("9.{}", &link[2..]);
        assert_eq!(
            decode_attempt(&newer),
            Err(Error::LinkFromNewerVersion { found: 9 })
        );
    }
}
