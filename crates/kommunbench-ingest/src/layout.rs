//! Lines to blocks: page furniture dropped, headings, paragraphs, lists,
//! `Label: text` lines, quotes and table rows recovered, paragraphs broken
//! by page breaks joined again, and the title found.

use rustc_hash::FxHashMap;

use crate::furniture::{furniture_reason, heads_links, starts_footer};
use crate::list_marker::{is_bullet, is_item, list_marker, may_open_item};
use crate::patterns;
use crate::vocabulary::{has, vocabulary};
use kommunbench_core::{Block, BlockKind, DropReason, Dropped, Span};
use kommunbench_text::{has_byte, join_wrapped, same_ignoring_case, split_byte, word_count, words_at_most};

/// A non-blank line, trimmed, with its span in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub span: Span,
    /// Whether the line is indented (starts with white space).
    pub indented: bool,
}

/// The text's lines; `None` for blank ones.
pub(crate) fn lines(text: &str) -> Vec<Option<Line<'_>>> {
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut start = 0;
    // The line breaks by a byte search, as `split('\n')` would give them.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let raw = &text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        out.push((!trimmed.is_empty()).then(|| Line {
            text: trimmed,
            span: Span::new(start + lead, start + lead + trimmed.len()),
            indented: lead > 0,
        }));
        start += raw.len() + 1;
    }
    out
}

/// The content blocks of a text and the lines dropped from it.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub blocks: Vec<Block>,
    pub dropped: Vec<Dropped>,
    /// Index into `blocks` of the title, when one was found.
    pub title: Option<usize>,
}

/// Builds the layout of a text from its [`lines`].
pub(crate) fn layout<'a>(text: &'a str, lines: &[Option<Line<'a>>]) -> Layout {
    let mut layout = Layout::default();

    // 1. Furniture, line by line; the footer from its first closing line on.
    // A short line that recurs on three pages or more is a running header
    // or footer: its first occurrence stays (a title page), the rest go.
    // Hashed with rustc-hash: every line of every document goes in.
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for line in lines.iter().flatten() {
        if running_candidate(line.text) {
            *seen.entry(line.text).or_default() += 1;
        }
    }
    // `Åtgärder` over every focus area recurs by design: priority headings stay.
    seen.retain(|line, n| *n >= 3 && crate::headings::heading_level(line).is_none());
    let half = text.len() / 2;
    let mut footer = false;
    // A metadata label on a line of its own (`Ämne:`) has its value on the next.
    let mut value_of_label = false;
    // Under `Relaterade sidor`, the short lines up to a blank one are links.
    let mut links = false;
    let mut kept: Vec<Option<Line<'_>>> = Vec::with_capacity(lines.len());
    for &line in lines {
        let Some(line) = line else {
            links = false;
            kept.push(None);
            continue;
        };
        let mut reason = furniture_reason(line.text);
        if reason.is_none() && links && words_at_most(line.text, 8) {
            reason = Some(DropReason::Navigation);
        }
        links = reason == Some(DropReason::Navigation) && (links || heads_links(line.text));
        if reason.is_none()
            && let Some(n) = seen.get_mut(line.text)
        {
            if *n == usize::MAX {
                reason = Some(DropReason::PageNoise);
            }
            *n = usize::MAX;
        }
        if reason.is_none() && value_of_label && words_at_most(line.text, 6) {
            reason = Some(DropReason::Metadata);
        }
        value_of_label = reason == Some(DropReason::Metadata) && line.text.ends_with(':');
        if let Some(reason) = reason
            && line.span.start >= half
            && starts_footer(reason, line.text)
        {
            footer = true;
        }
        match (reason, footer) {
            (Some(reason), _) => layout.dropped.push(Dropped { span: line.span, reason }),
            (None, true) => layout.dropped.push(Dropped { span: line.span, reason: DropReason::Footer }),
            (None, false) => {
                kept.push(Some(line));
                continue;
            }
        }
        kept.push(None);
    }

    // 2. Groups of adjacent lines become blocks.
    for group in kept.split(Option::is_none).filter(|g| !g.is_empty()) {
        let group: Vec<Line<'_>> = group.iter().flatten().copied().collect();
        group_blocks(&group, &mut layout.blocks);
    }

    join_page_breaks(&mut layout.blocks);
    find_title(&mut layout);
    layout
}

fn group_blocks(group: &[Line<'_>], out: &mut Vec<Block>) {
    let single = group.len() == 1;
    let mut paragraph: Vec<Line<'_>> = Vec::new();
    let flush = |paragraph: &mut Vec<Line<'_>>, out: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            out.push(text_block(paragraph));
            paragraph.clear();
        }
    };
    // Lines after `i` that continue it: no marker, no `Label:` of their
    // own, and starting in lower case or indented (a wrapped item, or a
    // second paragraph of it).
    let item_lines: Vec<bool> = group.iter().map(|l| is_item(l.text)).collect();
    let continuation = |i: usize| {
        group[i + 1..]
            .iter()
            .zip(&item_lines[i + 1..])
            .take_while(|(l, item)| !**item && !is_labeled(l.text) && (l.text.starts_with(char::is_lowercase) || l.indented))
            .count()
    };
    // A numbered line is a chapter heading unless other numbered lines
    // around it make a list.
    let numbered = group
        .iter()
        .filter(|l| l.text.starts_with(|c: char| c.is_ascii_digit()) && patterns::layout().numbered_item.is_match(l.text))
        .count();
    let items = item_lines.iter().filter(|&&b| b).count();
    let single = single || numbered == 1 && items <= 1;
    // Lines that open alike, three or more in a row (`Vi vill att ...`,
    // one demand a line): a list without markers.
    // The first two words, borrowed; compared without case below.
    let same = |x: &Option<(&str, &str)>, y: &Option<(&str, &str)>| match (x, y) {
        (Some((a, b)), Some((c, d))) => same_ignoring_case(a, c) && same_ignoring_case(b, d),
        _ => false,
    };
    let openings: Vec<Option<(&str, &str)>> =
        group.iter().zip(&item_lines).map(|(l, item)| if *item || is_labeled(l.text) { None } else { opening(l.text) }).collect();
    let mut anaphora = vec![false; group.len()];
    let mut k = 0;
    while k < group.len() {
        let run = openings[k..].iter().take_while(|o| same(o, &openings[k])).count();
        if run >= 3 {
            anaphora[k..k + run].iter_mut().for_each(|a| *a = true);
        }
        k += run.max(1);
    }
    // A table of contents as plain text extracts give it: three or more
    // numbered lines in a group, each ending in a page number after a space.
    let plain_toc = group.iter().filter(|l| patterns::layout().toc_plain.is_match(l.text)).count() >= 3;
    let mut i = 0;
    // A heading on the line right above its paragraph (no blank line in
    // between, as PDF and web extracts give them).
    if let [first, next, ..] = group
        && glued_heading(first.text, next.text)
    {
        out.push(Block {
            kind: BlockKind::Heading { level: 2 },
            text: first.text.to_owned(),
            span: first.span,
            outside: false,
            page: None,
        });
        i = 1;
    }
    while i < group.len() {
        let line = group[i];
        i += 1;
        let toc = if plain_toc && patterns::layout().toc_plain.is_match(line.text) {
            patterns::layout().toc_plain.captures(line.text)
        } else {
            may_be_toc_entry(line.text).then(|| patterns::layout().toc_entry.captures(line.text)).flatten()
        };
        if let Some(toc) = toc {
            flush(&mut paragraph, out);
            let depth = toc.get(1).map_or(1, |n| numbering_depth(n.as_str()));
            out.push(Block {
                kind: BlockKind::Heading { level: 1 + depth },
                text: toc[2].trim_end_matches(['.', ' ']).to_owned(),
                span: line.span,
                outside: false,
                page: None,
            });
            continue;
        }
        if has_byte(line.text, b'\t') {
            let cells: Vec<String> =
                split_byte(line.text, b'\t').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect();
            if cells.len() >= 2 {
                flush(&mut paragraph, out);
                out.push(Block {
                    text: cells.join(" | "),
                    kind: BlockKind::TableRow { cells },
                    span: line.span,
                    outside: false,
                    page: None,
                });
                continue;
            }
        }
        if let Some((level, rest)) = numbered_heading(line.text, single) {
            flush(&mut paragraph, out);
            out.push(Block {
                kind: BlockKind::Heading { level },
                text: rest.to_owned(),
                span: line.span,
                outside: false,
                page: None,
            });
            continue;
        }
        if anaphora[i - 1] {
            flush(&mut paragraph, out);
            out.push(Block {
                kind: BlockKind::ListItem { marker: String::new() },
                text: line.text.to_owned(),
                span: line.span,
                outside: false,
                page: None,
            });
            continue;
        }
        if let Some((marker, rest)) = item_lines[i - 1].then(|| list_marker(line.text)).flatten() {
            flush(&mut paragraph, out);
            let start = line.span.start + (line.text.len() - rest.len());
            let mut block = Block {
                kind: BlockKind::ListItem { marker: marker.to_owned() },
                text: rest.to_owned(),
                span: Span::new(start, line.span.end),
                outside: false,
                page: None,
            };
            // A dash opening a long sentence is a quotation, the Swedish
            // way, unless other dash items stand beside it (a list).
            let dash = |l: Option<&Line<'_>>| l.is_some_and(|l| l.text.starts_with(['–', '—']) && is_item(l.text));
            let in_run = dash(i.checked_sub(2).and_then(|j| group.get(j))) || dash(group.get(i));
            let says = patterns::layout().quote_verbs.iter().any(|w| rest.contains(w.as_str()));
            if matches!(marker, "–" | "—") && (says || word_count(rest) > 14 && !in_run) {
                block.kind = BlockKind::Quote;
            }
            for next in &group[i..i + continuation(i - 1)] {
                join_wrapped(&mut block.text, next.text);
                block.span = block.span.cover(next.span);
                i += 1;
            }
            out.push(block);
            continue;
        }
        // `Mål 1:` alone, its goal on the lines below: a label and its text.
        if let Some(label) = kind_label_alone(line.text)
            && group.get(i).is_some_and(|next| !is_item(next.text))
        {
            flush(&mut paragraph, out);
            let mut block = Block {
                kind: BlockKind::Labeled { label: label.to_owned() },
                text: String::new(),
                span: line.span,
                outside: false,
                page: None,
            };
            while let Some(next) = group.get(i).filter(|l| !is_item(l.text)) {
                if block.text.is_empty() {
                    next.text.clone_into(&mut block.text);
                } else {
                    join_wrapped(&mut block.text, next.text);
                }
                block.span = block.span.cover(next.span);
                i += 1;
            }
            out.push(block);
            continue;
        }
        if let Some(labeled) = split_label(line.text) {
            flush(&mut paragraph, out);
            let mut block = Block {
                kind: BlockKind::Labeled { label: labeled.0.trim().to_owned() },
                text: labeled.1.trim().to_owned(),
                span: line.span,
                outside: false,
                page: None,
            };
            // A label's text wraps like a paragraph: lower-case lines go on.
            while let Some(next) = group.get(i).filter(|l| !is_item(l.text) && l.text.starts_with(char::is_lowercase)) {
                join_wrapped(&mut block.text, next.text);
                block.span = block.span.cover(next.span);
                i += 1;
            }
            out.push(block);
            continue;
        }
        paragraph.push(line);
    }
    flush(&mut paragraph, out);
}

/// The label of a line that is only a kind of priority and its colon
/// (`Mål 1:`, `Delmål:`, `Fokusområde 2:`; `[kinds]`), with a capital:
/// what follows it on the lines below is its text.
fn kind_label_alone(text: &str) -> Option<&str> {
    let label = text.trim_end().strip_suffix(':')?.trim_end();
    // The same table the priority rules read a kind's label in.
    let kind = patterns::cues().kind_named(label).is_some();
    (kind && label.starts_with(char::is_uppercase)).then_some(label)
}

/// A line's first two words, when it opens with a capital and has more:
/// what lines that open alike share.
fn opening(text: &str) -> Option<(&str, &str)> {
    let mut w = text.split_whitespace();
    let (a, b) = (w.next()?, w.next()?);
    (text.starts_with(char::is_uppercase) && w.next().is_some()).then_some((a, b))
}

/// A `Label: text` line split in two: a short label (at most six words)
/// and a text of two or more words, or a one- or two-word label. The label opens with a
/// capital or a digit and runs to the first colon, at most 61 characters
/// without `.;,!?`; white space follows the colon, then the text, to the
/// end of the line. (A scan, not a regex with captures: every line with a
/// colon passes here, and captures read the whole line.)
pub(crate) fn split_label(text: &str) -> Option<(&str, &str)> {
    let colon = memchr::memchr(b':', text.as_bytes())?;
    let (label, rest) = (&text[..colon], &text[colon + 1..]);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let (label, body) = (label.trim_end(), rest.trim_start());
    if label.chars().nth(61).is_some()
        || label.contains(['.', ';', ',', '!', '?'])
        || body.is_empty()
        || body.contains('\n')
        || !patterns::layout().label_opening.is_match(label)
    {
        return None;
    }
    (words_at_most(label, 6) && (!words_at_most(body, 1) || words_at_most(label, 2))).then_some((label, body))
}

fn is_labeled(text: &str) -> bool {
    split_label(text).is_some()
}

/// Whether a line could be a running header or footer: short, not a list
/// item, a label or a bare number (those recur in the text itself).
fn running_candidate(text: &str) -> bool {
    text.len() <= 100
        && !text.contains([':', '\t'])
        && words_at_most(text, 10)
        && !words_at_most(text, 1)
        && !may_open_item(text)
        && text.chars().any(char::is_alphabetic)
}

/// Whether `first`, a group's first line, is a heading over `next`: it
/// reads as a heading, is not a list item, a label or a table-of-contents
/// entry, does not end the way a wrapped line does, and the next line
/// starts a sentence or a list.
fn glued_heading(first: &str, next: &str) -> bool {
    let last = first.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    is_heading_like(first)
        && words_at_most(first, 12)
        && !first.starts_with(|c: char| c.is_ascii_digit())
        && !first.contains('\t')
        && !is_item(first)
        && !is_labeled(first)
        && !first.ends_with(|c: char| c.is_ascii_digit())
        && !has(&vocabulary().layout.open_endings, &last)
        && !first.ends_with('-')
        && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || is_bullet(c))
}

/// Whether a line can be a table-of-contents entry (see `patterns::Layout::toc_entry`):
/// it ends with a page number after dot leaders, an ellipsis, a tab or a
/// wide gap. A cheap test that spares other lines ending in a number.
fn may_be_toc_entry(text: &str) -> bool {
    text.ends_with(|c: char| c.is_ascii_digit())
        && (text.contains("...") || text.contains(". .") || text.contains('…') || text.contains('\t') || text.contains("   "))
}

/// A paragraph or, for a single heading-like line, a heading.
fn text_block(lines: &[Line<'_>]) -> Block {
    let span = lines[0].span.cover(lines[lines.len() - 1].span);
    let mut text = String::with_capacity(span.len() + 1);
    for line in lines {
        if text.is_empty() {
            text.push_str(line.text);
        } else {
            join_wrapped(&mut text, line.text);
        }
    }
    let kind = if lines.len() == 1 && is_heading_like(&text) { BlockKind::Heading { level: 2 } } else { BlockKind::Paragraph };
    Block { kind, text, span, outside: false, page: None }
}

/// A short line without closing punctuation, starting with a capital.
pub(crate) fn is_heading_like(text: &str) -> bool {
    // Cheap tests first: most lines are long paragraphs.
    if text.len() > 4 * 110 || text.chars().count() > 110 || text.ends_with(['.', ',', ';']) {
        return false;
    }
    let words = word_count(text);
    // A line ending with a colon introduces what follows (`Vi vill:`).
    let ends_open = !text.ends_with(':');
    let capital = text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // A lettered chapter (`B. Svenska språket`) is one sentence all the same.
    // (The letter may be any capital, `𝔛` four bytes long among them.)
    let mut chars = text.chars();
    let lettered = match (chars.next(), chars.next(), chars.next()) {
        (Some(c), Some('.' | ')'), Some(' ')) if c.is_uppercase() => c.len_utf8() + 2,
        _ => 0,
    };
    let one_sentence = !text[lettered..].contains(". ");
    words <= 14 && ends_open && capital && one_sentence
}

/// `2.1.3` is three deep; deeper numberings count as five (heading level
/// six, the deepest there is).
fn numbering_depth(numbering: &str) -> u8 {
    numbering.trim().trim_end_matches('.').split('.').count().min(5) as u8
}

/// `2.1 Arbete och försörjning` is a level-3 heading. A single `1. Text` or
/// `1 Text` is one only when no other numbered line stands in its group
/// and it reads as a heading; among numbered lines it is a list item.
fn numbered_heading(text: &str, alone: bool) -> Option<(u8, &str)> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let caps = patterns::layout().numbered_heading.captures(text)?;
    let numbering = caps.get(1)?.as_str();
    let rest = caps.get(2)?.as_str();
    let depth = numbering_depth(numbering);
    let sub = depth > 1;
    (is_heading_like(rest) && (sub || alone)).then_some((1 + depth, rest))
}

/// Paragraphs split by a PDF page break (or a dropped page number) are one
/// paragraph: the first ends without punctuation, the next starts in lower
/// case.
fn join_page_breaks(blocks: &mut Vec<Block>) {
    let mut joined: Vec<Block> = Vec::with_capacity(blocks.len());
    for b in blocks.drain(..) {
        if let Some(a) = joined.last_mut() {
            let open = matches!(a.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
                && !a.text.ends_with(['.', '!', '?', ':', ';', '"', '”', ')']);
            let continues = b.kind == BlockKind::Paragraph && b.text.starts_with(char::is_lowercase);
            if open && continues {
                join_wrapped(&mut a.text, &b.text);
                a.span = a.span.cover(b.span);
                a.kind = BlockKind::Paragraph;
                continue;
            }
        }
        joined.push(b);
    }
    *blocks = joined;
}

/// The title is the first heading before the body that names the subject
/// (integration, policy, programme); failing that the last heading before
/// the body. Short headings and lines before it are navigation.
fn find_title(layout: &mut Layout) {
    let blocks = &layout.blocks;
    let body = blocks.iter().position(is_body).unwrap_or(blocks.len());
    let head = &blocks[..body];
    let candidate =
        |b: &Block| matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Paragraph) && b.text.starts_with(char::is_uppercase);
    let named = head.iter().position(|b| {
        let lower = kommunbench_text::lowercase(&b.text);
        candidate(b) && vocabulary().layout.title_stems.iter().any(|w| lower.contains(w.as_str()))
    });
    let Some(title) = named.or_else(|| head.iter().rposition(candidate)) else {
        return;
    };
    let mut removed = 0;
    let mut i = 0;
    layout.blocks.retain(|b| {
        let before_title = i < title;
        i += 1;
        if before_title && word_count(&b.text) <= 8 {
            layout.dropped.push(Dropped { span: b.span, reason: DropReason::Navigation });
            removed += 1;
            false
        } else {
            true
        }
    });
    let title = title - removed;
    layout.blocks[title].kind = BlockKind::Heading { level: 1 };
    layout.title = Some(title);
    layout.dropped.sort_by_key(|d| d.span);
}

/// Running text: a real paragraph (a sentence), a list, a quote.
fn is_body(b: &Block) -> bool {
    match b.kind {
        BlockKind::Paragraph => word_count(&b.text) >= 6 || b.text.ends_with(['.', '!', '?']),
        BlockKind::Heading { .. } => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lettered chapter whose letter is wider than a byte (`𝔛.`, `Ö)`)
    /// is read as one, not cut inside its letter.
    #[test]
    fn lettered_chapters_with_wide_letters() {
        assert!(is_heading_like("Ö) Svenska språket"));
        assert!(is_heading_like("𝔛. Arbete och studier"));
        assert!(!is_heading_like("𝔛. Arbete. Och studier"));
        let text = "Integrationsplan\n\n𝔛. A𑖐\nText om arbete.\n";
        assert!(!layout(text, &lines(text)).blocks.is_empty());
    }

    #[test]
    fn numberings_of_any_depth_give_a_heading_level() {
        let numbering = vec!["1"; 511].join("."); // 511 % 256 = 255: overflowed before
        let text = format!("Integrationsplan\n\n{numbering} Arbete och studier\n\nText.\n");
        let heading = layout(&text, &lines(&text)).blocks.into_iter().find(|b| b.text.contains("Arbete")).unwrap();
        assert_eq!(heading.kind, BlockKind::Heading { level: 6 });
    }

    fn kinds(text: &str) -> Vec<(String, String)> {
        layout(text, &lines(text))
            .blocks
            .iter()
            .map(|b| {
                let kind = match &b.kind {
                    BlockKind::Heading { level } => format!("h{level}"),
                    BlockKind::Paragraph => "p".into(),
                    BlockKind::ListItem { marker } => format!("li{marker}"),
                    BlockKind::Labeled { label } => format!("label:{label}"),
                    BlockKind::Quote => "quote".into(),
                    BlockKind::TableRow { .. } => "row".into(),
                    other => format!("{other:?}"),
                };
                (kind, b.text.clone())
            })
            .collect()
    }

    #[test]
    fn spans_point_at_the_trimmed_line() {
        let text = "  Mål  \n\nArbete för alla.\n";
        let ls: Vec<_> = lines(text).into_iter().flatten().collect();
        assert_eq!(&text[ls[0].span.range()], "Mål");
        assert_eq!(&text[ls[1].span.range()], "Arbete för alla.");
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let text = "Integrationsplan\n\nPrioriterade områden\n\n- Arbete och studier\n- Bostäder\n• Folkhälsa\n1. Samverkan\n\nKommunen ska arbeta för att alla får ett arbete.\n";
        assert_eq!(
            kinds(text),
            [
                ("h1".into(), "Integrationsplan".into()),
                ("h2".into(), "Prioriterade områden".into()),
                ("li-".into(), "Arbete och studier".into()),
                ("li-".into(), "Bostäder".into()),
                ("li•".into(), "Folkhälsa".into()),
                ("li1.".into(), "Samverkan".into()),
                ("p".into(), "Kommunen ska arbeta för att alla får ett arbete.".into()),
            ]
        );
    }

    #[test]
    fn labels_are_read_as_the_regex_reads_them() {
        // The definition the scan replaces, kept here as its reference.
        let regex = regex::Regex::new(r"^([\p{Lu}\d][^:.;,!?]{0,60}?)\s*:\s+(\S.*)$").unwrap();
        let by_regex = |text: &'static str| {
            let c = regex.captures(text)?;
            let (label, body) = (c.get(1)?.as_str(), c.get(2)?.as_str());
            (word_count(label) <= 6 && (word_count(body) >= 2 || word_count(label) <= 2)).then_some((label, body))
        };
        let lines = [
            "Arbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.",
            "Mål: Fler i arbete",
            "Mål:Fler i arbete",
            "Mål :  fler",
            "Mål:  ",
            "Mål: en\nrad till",
            "Mål\u{a0}:\u{a0}Fler i arbete och studier",
            "mål: fler i arbete",
            "2. Delmål: Alla barn ska ha en trygg skolgång",
            "Ärende 12: Integrationsprogram för Vingåker",
            "Vi har sex mål, bland annat: arbete och bostad",
            "Kommunen ska: se till att alla får stöd",
            "En två tre fyra fem sex sju: åtta nio",
            "En två tre fyra fem sex: åtta nio",
            "En två: tre",
            "En två tre: fyra",
            "Ⅻ Mål: något",
            "Δέλτα: något här",
            "Tid: 10:30 i salen",
            "Ett mycket långt namn på en rubrik som fortsätter och fortsätter utan slut här: och sedan text",
            "Utgångspunkten är att: ge möjligheter.",
            "Läs mer (pdf): Integrationsprogram 2024",
        ];
        for line in lines {
            assert_eq!(split_label(line), by_regex(line), "{line:?}");
        }
    }

    #[test]
    fn labeled_lines_keep_label_and_body() {
        let text = "Delmål\n\nArbete och försörjning: Genom aktiva insatser skall egen försörjning skapas.\n";
        assert_eq!(
            kinds(text)[1],
            ("label:Arbete och försörjning".into(), "Genom aktiva insatser skall egen försörjning skapas.".into())
        );
    }

    #[test]
    fn a_kind_alone_on_its_line_labels_the_lines_below() {
        let text = "Program\n\nMål 1:\nAlla ska ha ett arbete\noch en bostad.\n\nDelmål:\n• fler i arbete\n";
        let kinds = kinds(text);
        assert_eq!(kinds[1], ("label:Mål 1".into(), "Alla ska ha ett arbete och en bostad.".into()));
        // Before a list it introduces the list.
        assert_eq!(kinds[2].0, "p");
        // Not a kind: a paragraph as before.
        assert_eq!(super::kind_label_alone("Kontakt:"), None);
        assert_eq!(super::kind_label_alone("mål:"), None);
    }

    #[test]
    fn a_colon_inside_a_sentence_is_not_a_label() {
        let text = "Policy\n\nDen kommunala integrationspolicyn ska utgå från dessa områden, med fokus på arbete. Utgångspunkten är att: ge möjligheter.\n";
        assert_eq!(kinds(text)[1].0, "p");
    }

    #[test]
    fn dash_opening_a_long_sentence_is_a_quote() {
        let text =
            "Nytt program\n\n– Jag är glad över vårt övergripande mål som säger att nyanlända är en resurs, säger ordföranden.\n";
        assert_eq!(kinds(text)[1].0, "quote");
        let list = "Nytt program\n\nVi vill:\n– fler i arbete\n– bättre skola\n";
        assert_eq!(kinds(list)[2], ("li–".into(), "fler i arbete".into()));
    }

    #[test]
    fn wrapped_lines_and_hyphenation_are_mended() {
        let text = "Program\n\nKommunen ska stärka arbets-\nmarknaden och barn-\noch ungdomsverksamheten.\n";
        assert_eq!(kinds(text)[1].1, "Kommunen ska stärka arbetsmarknaden och barn- och ungdomsverksamheten.");
    }

    #[test]
    fn paragraph_broken_by_a_page_break_is_joined() {
        let text = "Policy\n\nIntegrationspolicyn ska genomsyra verksamheterna genom förvaltningarnas\n\n4 (4)\n\nverksamhetsplaner. Samverkan är viktig.\n";
        let blocks = layout(text, &lines(text)).blocks;
        assert_eq!(
            blocks[1].text,
            "Integrationspolicyn ska genomsyra verksamheterna genom förvaltningarnas verksamhetsplaner. Samverkan är viktig."
        );
        assert_eq!(&text[blocks[1].span.range()].lines().last().unwrap(), &"verksamhetsplaner. Samverkan är viktig.");
    }

    #[test]
    fn numbered_headings_and_table_of_contents() {
        let text = "Integrationsprogram 2024–2027\n\nInnehåll\n1. Inledning ........ 3\n2 Mål och insatsområden ..... 4\n2.1 Arbete och försörjning ....... 5\n2.2 Språk och utbildning\t6\n";
        let k = kinds(text);
        assert_eq!(k[2], ("h2".into(), "Inledning".into()));
        assert_eq!(k[3], ("h2".into(), "Mål och insatsområden".into()));
        assert_eq!(k[4], ("h3".into(), "Arbete och försörjning".into()));
        assert_eq!(k[5], ("h3".into(), "Språk och utbildning".into()));
    }

    #[test]
    fn tab_separated_rows_are_table_rows() {
        let text = "Handlingsplan\n\nÅtgärd\tAnsvarig\tTidplan\nSfi med praktik\tVuxenutbildningen\t2024\n";
        let k = kinds(text);
        assert_eq!(k[1], ("row".into(), "Åtgärd | Ansvarig | Tidplan".into()));
        assert_eq!(k[2], ("row".into(), "Sfi med praktik | Vuxenutbildningen | 2024".into()));
    }

    #[test]
    fn navigation_before_the_title_and_the_footer_are_dropped() {
        let text = "Huvudmeny\n\nKommun och politik\n\nKollagebild\n\nMål för integrationsarbete\n\nKommunstyrelsen har beslutat om mål för integrationsarbetet.\n\nVision\n\nAlla ska ha lika möjligheter i kommunen oavsett bakgrund.\n\nMer text som är lång nog för att stå i andra halvan av sidan, med flera ord.\n\nHjälpte informationen dig?\n\nEn plats i rörelse som bygger på mångfald och hållbarhet.\n";
        let l = layout(text, &lines(text));
        let kept: Vec<_> = l.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(kept[0], "Mål för integrationsarbete");
        assert!(!kept.iter().any(|t| t.contains("Kommun och politik") || t.contains("mångfald och hållbarhet")), "{kept:?}");
        assert!(l.dropped.iter().any(|d| d.reason == DropReason::Footer));
    }
}
