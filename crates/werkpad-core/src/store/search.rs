//! Full-text search over kandidaat names and current note versions (SQLite FTS5, diacritics
//! folded).

use crate::domain::candidate::display_name;
use crate::domain::dates::iso_to_dutch;
use crate::CoreResult;
use rusqlite::Connection;
use werkpad_proto::{HitSource, SearchHit, Segment};

const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// Turns what the coach typed into an FTS5 query: every word must occur, each as a prefix,
/// all quoted so no character of the input is read as FTS syntax.
pub fn match_expression(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" AND "))
}

/// Splits FTS5 highlight output into plain and hit segments.
fn segments(marked: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut buf = String::new();
    for ch in marked.chars() {
        if ch == OPEN || ch == CLOSE {
            if !buf.is_empty() {
                out.push(Segment {
                    text: std::mem::take(&mut buf),
                    hit,
                });
            }
            hit = ch == OPEN;
        } else {
            buf.push(ch);
        }
    }
    if !buf.is_empty() {
        out.push(Segment { text: buf, hit });
    }
    out
}

/// Names come ranked by relevance; notes newest first, which is what a coach looks for and
/// lets FTS5 stop after `limit` hits instead of ranking every match.
pub fn search(conn: &Connection, text: &str, limit: u32) -> CoreResult<Vec<SearchHit>> {
    let Some(expr) = match_expression(text) else {
        return Ok(Vec::new());
    };
    let mut hits = Vec::new();
    let mut names = conn.prepare_cached(
        "SELECT c.id, highlight(candidate_fts, 0, char(1), char(2))
         FROM candidate_fts JOIN candidates c ON c.n = candidate_fts.rowid
         WHERE candidate_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = names.query_map((&expr, limit), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, marked) = row?;
        hits.push(SearchHit {
            candidate_id: id,
            candidate_name: marked.replace([OPEN, CLOSE], ""),
            source: HitSource::Kandidaat,
            note_id: None,
            noted_on: None,
            snippet: segments(&marked),
        });
    }
    let left = limit.saturating_sub(hits.len() as u32);
    if left == 0 {
        return Ok(hits);
    }
    let mut notes = conn.prepare_cached(
        "SELECT n.id, n.candidate_id, n.noted_on, c.first_name, c.name_prefix, c.last_name,
                snippet(note_fts, 0, char(1), char(2), '…', 14)
         FROM note_fts JOIN notes n ON n.n = note_fts.rowid
         JOIN candidates c ON c.id = n.candidate_id
         WHERE note_fts MATCH ?1 ORDER BY note_fts.rowid DESC LIMIT ?2",
    )?;
    let rows = notes.query_map((&expr, left), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            display_name(
                &r.get::<_, String>(3)?,
                &r.get::<_, String>(4)?,
                &r.get::<_, String>(5)?,
            ),
            r.get::<_, String>(6)?,
        ))
    })?;
    for row in rows {
        let (note_id, candidate_id, noted_on, name, marked) = row?;
        hits.push(SearchHit {
            candidate_id,
            candidate_name: name,
            source: HitSource::Notitie,
            note_id: Some(note_id),
            noted_on: Some(iso_to_dutch(&noted_on)),
            snippet: segments(&marked),
        });
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_cannot_inject_fts_syntax() {
        assert_eq!(
            match_expression("oriënt NEAR"),
            Some("\"oriënt\"* AND \"NEAR\"*".into())
        );
        assert_eq!(
            match_expression("\"*)("),
            None,
            "punctuation alone searches nothing"
        );
    }

    #[test]
    fn highlight_markers_become_segments() {
        let s = segments("a \u{1}VCA\u{2} cursus");
        assert_eq!(s.len(), 3);
        assert!(s[1].hit && s[1].text == "VCA" && !s[0].hit && !s[2].hit);
    }
}
