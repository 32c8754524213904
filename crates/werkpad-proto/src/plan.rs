//! Plan van aanpak: goals with concrete actions, and notes.

use crate::Tile;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Open,
    Behaald,
    Vervallen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Bezig,
    Gedaan,
    Vervallen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlanAction {
    pub id: String,
    pub goal_id: String,
    pub description: String,
    /// Who does it: the kandidaat, the coach, someone else.
    pub who: String,
    /// dd-mm-jjjj, or empty.
    pub due_on: String,
    pub status: ActionStatus,
    pub tile: Option<Tile>,
    pub instrument: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
    pub actions: Vec<PlanAction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub candidate_id: String,
    pub trajectory_id: String,
    pub goals: Vec<Goal>,
}

/// New goal when `id` is none, else an update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GoalInput {
    pub candidate_id: String,
    pub id: Option<String>,
    pub title: String,
    pub description: String,
    pub status: GoalStatus,
}

/// New action when `id` is none, else an update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionInput {
    pub candidate_id: String,
    pub goal_id: String,
    pub id: Option<String>,
    pub description: String,
    pub who: String,
    /// dd-mm-jjjj or empty.
    pub due_on: String,
    pub status: ActionStatus,
    pub tile: Option<Tile>,
    pub instrument: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportedFile {
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Gesprek,
    Telefoon,
    Huisbezoek,
    Werkvloerbezoek,
    Overleg,
}

/// One version of a note. Notes are never overwritten: an edit is a new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: String,
    pub candidate_id: String,
    pub kind: NoteKind,
    pub body: String,
    pub author: String,
    /// dd-mm-jjjj
    pub noted_on: String,
    pub version: u32,
    pub previous_version_id: Option<String>,
}

/// Text being typed, saved as typed; it becomes a note version when it is finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoteDraft {
    pub id: String,
    pub candidate_id: String,
    /// The note this draft edits; none for a new note.
    pub note_id: Option<String>,
    pub kind: NoteKind,
    pub body: String,
    /// dd-mm-jjjj
    pub noted_on: String,
    /// HH:MM:SS of the last save, Europe/Amsterdam.
    pub saved_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveDraftInput {
    /// Made by the editor when typing starts, so every save of one text hits one draft.
    pub draft_id: String,
    pub candidate_id: String,
    pub note_id: Option<String>,
    pub kind: NoteKind,
    pub body: String,
    /// dd-mm-jjjj
    pub noted_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NotesView {
    /// Current versions, newest first.
    pub notes: Vec<Note>,
    /// Unfinished texts, e.g. after a crash.
    pub drafts: Vec<NoteDraft>,
}
