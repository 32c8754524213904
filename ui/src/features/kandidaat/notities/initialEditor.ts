import type { NoteDraft, NotesView } from "../../../ipc";
import { sessionDrafts } from "../../../queries/noteDrafts";
import { emptyEditor, type EditorText } from "./useNoteEditor";

export interface InitialEditor {
  text: EditorText;
  savedAt: string | null;
  /** Shown as "Niet afgeronde notitie hersteld": a draft from an earlier run of Werkpad. */
  restored: boolean;
  /** Taken from this session's save queue; may still be on its way to the store. */
  unsaved: boolean;
}

export function draftToEditor(draft: NoteDraft, noteVersion: number | null): EditorText {
  return {
    draftId: draft.id,
    noteId: draft.note_id,
    noteVersion,
    kind: draft.kind,
    notedOn: draft.noted_on,
    body: draft.body,
  };
}

/**
 * What the editor starts with. A draft typed earlier in this session continues quietly; a
 * draft found in the store (after a crash or a closed laptop) is restored with a notice.
 * `drafts` is newest first.
 */
export function initialEditor(candidateId: string, view: NotesView): InitialEditor {
  const versionOf = (noteId: string | null) =>
    noteId === null ? null : (view.notes.find((note) => note.id === noteId)?.version ?? null);
  const session = sessionDrafts(candidateId).at(-1);
  if (session !== undefined) {
    return {
      text: {
        draftId: session.draft_id,
        noteId: session.note_id,
        noteVersion: versionOf(session.note_id),
        kind: session.kind,
        notedOn: session.noted_on,
        body: session.body,
      },
      savedAt: view.drafts.find((draft) => draft.id === session.draft_id)?.saved_at ?? null,
      restored: false,
      unsaved: true,
    };
  }
  const stored = view.drafts[0];
  if (stored !== undefined) {
    return {
      text: draftToEditor(stored, versionOf(stored.note_id)),
      savedAt: stored.saved_at,
      restored: true,
      unsaved: false,
    };
  }
  return { text: emptyEditor(), savedAt: null, restored: false, unsaved: false };
}
