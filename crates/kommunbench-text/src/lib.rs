//! Swedish text as kommunbench's readers need it: case folded fast for
//! Swedish and Finnish letters, word boundaries, white space, words
//! broken at a line's end mended (and Swedish shorthand left alone),
//! titles compared as a coder compares them, and word lists found in one
//! pass.
//!
//! Every crate that reads text uses these: the ingestion rules, the
//! format readers, and the mappers. One copy each, so that a line break
//! or a title means the same to all of them.
//!
//! ```
//! use kommunbench_text::{Overlapping, join_wrapped, lowercase, title_key};
//!
//! let mut text = String::from("Fler i arbets-");
//! join_wrapped(&mut text, "livet och barn-");
//! join_wrapped(&mut text, "och ungdomsverksamheten");
//! assert_eq!(text, "Fler i arbetslivet och barn- och ungdomsverksamheten");
//! assert_eq!(lowercase("ÅTGÄRDER"), "åtgärder");
//! assert_eq!(title_key("Arbete och studier."), title_key("arbete  och studier"));
//!
//! let cues = Overlapping::new(["mål", "delmål"])?;
//! let mut found = Vec::new();
//! cues.each(b"delm\xc3\xa5l", |pattern, start, end| found.push((pattern, start, end)));
//! assert_eq!(found, [(1, 0, 7), (0, 3, 7)]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod bytes;
mod case;
mod folded;
mod hyphen;
mod overlapping;
mod title;
mod words;

pub use bytes::{has_byte, split_byte};
pub use case::{fold_opening, lowercase, lowercase_cow, lowercase_words, same_ignoring_case};
pub use folded::Folded;
pub use hyphen::{join_wrapped, mends_hyphen};
pub use overlapping::Overlapping;
pub use title::title_key;
pub use words::{collapse_whitespace, ends_word, is_word_char, starts_word, word_count, word_spans, words_at_most};
