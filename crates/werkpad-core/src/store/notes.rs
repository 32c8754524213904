//! Notes (append-only versions) and drafts.

use crate::domain::dates::iso_to_dutch;
use crate::CoreResult;
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row};
use werkpad_proto::{Note, NoteDraft, NoteKind};

pub fn count(conn: &Connection) -> CoreResult<u32> {
    Ok(conn.query_row("SELECT count(*) FROM notes", [], |r| r.get(0))?)
}

pub fn kind_str(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Gesprek => "gesprek",
        NoteKind::Telefoon => "telefoon",
        NoteKind::Huisbezoek => "huisbezoek",
        NoteKind::Werkvloerbezoek => "werkvloerbezoek",
        NoteKind::Overleg => "overleg",
    }
}

fn parse_kind(s: &str) -> NoteKind {
    match s {
        "telefoon" => NoteKind::Telefoon,
        "huisbezoek" => NoteKind::Huisbezoek,
        "werkvloerbezoek" => NoteKind::Werkvloerbezoek,
        "overleg" => NoteKind::Overleg,
        _ => NoteKind::Gesprek,
    }
}

const NOTE_COLUMNS: &str =
    "id, coalesce(candidate_id, '') AS candidate_id, kind, body, author, noted_on, version, previous_version_id";

fn note_from_row(r: &Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get("id")?,
        candidate_id: r.get("candidate_id")?,
        kind: parse_kind(&r.get::<_, String>("kind")?),
        body: r.get("body")?,
        author: r.get("author")?,
        noted_on: iso_to_dutch(&r.get::<_, String>("noted_on")?),
        version: r.get("version")?,
        previous_version_id: r.get("previous_version_id")?,
    })
}

/// Current versions (those no later version replaces), newest first.
pub fn current_for_candidate(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<Note>> {
    let sql = format!(
        "SELECT {NOTE_COLUMNS} FROM notes n WHERE candidate_id = ?1
           AND NOT EXISTS (SELECT 1 FROM notes later WHERE later.previous_version_id = n.id)
         ORDER BY noted_on DESC, created_at DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([candidate_id], note_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: &str) -> CoreResult<Option<Note>> {
    let sql = format!("SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], note_from_row)
        .optional()?)
}

/// Whether a later version already replaces this note.
pub fn is_superseded(conn: &Connection, id: &str) -> CoreResult<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS(SELECT 1 FROM notes WHERE previous_version_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

/// All versions of the note's chain up to this one, oldest first.
pub fn history(conn: &Connection, id: &str) -> CoreResult<Vec<Note>> {
    let mut out = Vec::new();
    let mut next = Some(id.to_string());
    while let Some(id) = next {
        match get(conn, &id)? {
            Some(note) => {
                next = note.previous_version_id.clone();
                out.push(note);
            }
            None => break,
        }
        if out.len() > 10_000 {
            break;
        }
    }
    out.reverse();
    Ok(out)
}

fn draft_from_row(r: &Row<'_>) -> rusqlite::Result<NoteDraft> {
    let updated: String = r.get("updated_at")?;
    Ok(NoteDraft {
        id: r.get("id")?,
        candidate_id: r.get("candidate_id")?,
        note_id: r.get("note_id")?,
        kind: parse_kind(&r.get::<_, String>("kind")?),
        body: r.get("body")?,
        noted_on: iso_to_dutch(&r.get::<_, String>("noted_on")?),
        saved_at: updated
            .parse::<Timestamp>()
            .map(|t| {
                t.to_zoned_datetime(crate::clock::amsterdam())
                    .strftime("%H:%M:%S")
                    .to_string()
            })
            .unwrap_or_default(),
    })
}

pub fn drafts_for_candidate(conn: &Connection, candidate_id: &str) -> CoreResult<Vec<NoteDraft>> {
    let mut stmt = conn.prepare_cached(
        "SELECT * FROM note_drafts WHERE candidate_id = ?1 ORDER BY updated_at DESC",
    )?;
    let rows = stmt.query_map([candidate_id], draft_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn draft(conn: &Connection, id: &str) -> CoreResult<Option<NoteDraft>> {
    Ok(conn
        .prepare_cached("SELECT * FROM note_drafts WHERE id = ?1")?
        .query_row([id], draft_from_row)
        .optional()?)
}
