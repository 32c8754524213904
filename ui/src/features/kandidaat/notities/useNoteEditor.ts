import { useCallback, useEffect, useRef, useState } from "react";
import { onWindowCloseRequested, type NoteKind, type SaveDraftInput } from "../../../ipc";
import { draftSavesIdle, onDraftSaved, queueDraftSave } from "../../../queries/noteDrafts";
import { isDutchDate } from "../../kandidaten/candidateForm";
import { formatDate } from "../../../components/formatDate";

/** Quiet time after the last keystroke before the text is saved (the issue allows 1 s). */
export const AUTOSAVE_DEBOUNCE_MS = 700;
/** After a failed save, try again this much later even when nothing is typed. */
const RETRY_MS = 3_000;

/** What is in the editor. */
export interface EditorText {
  /** Made when typing starts (or when a note is opened for editing); null for an empty editor. */
  draftId: string | null;
  /** The note being edited; null for a new note. */
  noteId: string | null;
  /** Version of the note being edited, for the heading. */
  noteVersion: number | null;
  kind: NoteKind;
  notedOn: string;
  body: string;
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

export function emptyEditor(): EditorText {
  return {
    draftId: null,
    noteId: null,
    noteVersion: null,
    kind: "gesprek",
    notedOn: formatDate(new Date()),
    body: "",
  };
}

function toInput(candidateId: string, text: EditorText, draftId: string): SaveDraftInput {
  return {
    draft_id: draftId,
    candidate_id: candidateId,
    note_id: text.noteId,
    kind: text.kind,
    body: text.body,
    // A half-typed date must never stop the text from being saved: store today's date
    // until the date is right (the field shows what is expected meanwhile).
    noted_on: isDutchDate(text.notedOn) ? text.notedOn.trim() : formatDate(new Date()),
  };
}

interface Live {
  text: EditorText;
  /** Bumped on every change. */
  rev: number;
  /** The newest rev known to be stored. */
  savedRev: number;
}

/**
 * The note editor's text and its autosave: a save at most ~1 s after the last keystroke, on
 * blur, when the screen is left and before the window closes. Saves go through the serialised
 * queue in `queries/noteDrafts`, so the last text always wins.
 */
export function useNoteEditor(
  candidateId: string,
  initial: EditorText,
  initialSavedAt: string | null,
  /** True when the initial text may not be stored yet (taken from this session's queue). */
  initialUnsaved = false,
) {
  const [text, setText] = useState<EditorText>(initial);
  const [save, setSave] = useState<SaveState>(
    initialSavedAt === null ? { kind: "idle" } : { kind: "saved", at: initialSavedAt },
  );
  const live = useRef<Live>({ text: initial, rev: initialUnsaved ? 1 : 0, savedRev: 0 });
  const timer = useRef<number | undefined>(undefined);
  const revOfInput = useRef(new WeakMap<SaveDraftInput, { draftId: string; rev: number }>());

  /** Saves the newest text now; resolves true once it is stored. */
  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const state = live.current;
    const draftId = state.text.draftId;
    if (draftId === null || state.savedRev === state.rev) {
      await draftSavesIdle();
      return live.current.savedRev === live.current.rev;
    }
    const input = toInput(candidateId, state.text, draftId);
    revOfInput.current.set(input, { draftId, rev: state.rev });
    const ok = await queueDraftSave(input);
    return ok && live.current.text.draftId === draftId && live.current.savedRev >= state.rev;
  }, [candidateId]);

  // Follow the results of the saves of this editor's draft.
  useEffect(
    () =>
      onDraftSaved((result) => {
        const sent = revOfInput.current.get(result.input);
        const current = live.current;
        const draftId = current.text.draftId;
        if (draftId === null || sent?.draftId !== draftId) return;
        if (result.ok) {
          current.savedRev = Math.max(current.savedRev, sent.rev);
          setSave({ kind: "saved", at: result.draft.saved_at });
        } else {
          setSave({ kind: "error", message: result.error.message });
          // Try again by itself; the text stays in the editor meanwhile.
          timer.current ??= window.setTimeout(() => {
            timer.current = undefined;
            void flush();
          }, RETRY_MS);
        }
      }),
    [flush],
  );

  // Leaving the screen (another tab, another screen): save what is there.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  // Closing the window or the app: save first, then let it close.
  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | undefined;
    onWindowCloseRequested(async () => {
      await flush();
      await draftSavesIdle();
    })
      .then((remove) => {
        if (active) unlisten = remove;
        else remove();
      })
      .catch((error: unknown) => {
        console.error("Werkpad: cannot watch the window closing", error);
      });
    const onHidden = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onHidden);
    return () => {
      active = false;
      unlisten?.();
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onHidden);
    };
  }, [flush]);

  /** A change typed or chosen; `now` saves at once (kind, date) instead of after the pause. */
  function change(patch: Partial<EditorText>, now = false) {
    const previous = live.current.text;
    const next: EditorText = { ...previous, ...patch };
    if (next.draftId === null && patch.body !== undefined && patch.body !== "") {
      next.draftId = crypto.randomUUID();
    }
    live.current.text = next;
    live.current.rev += 1;
    setText(next);
    if (next.draftId === null) return;
    window.clearTimeout(timer.current);
    if (now) {
      timer.current = undefined;
      void flush();
    } else {
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        void flush();
      }, AUTOSAVE_DEBOUNCE_MS);
    }
  }

  /** Puts another text in the editor; what was there is saved first and stays a draft. */
  function load(next: EditorText, savedAt: string | null) {
    void flush();
    live.current = { text: next, rev: 0, savedRev: 0 };
    setText(next);
    setSave(savedAt === null ? { kind: "idle" } : { kind: "saved", at: savedAt });
  }

  /** Empties the editor without saving anything more of the old text. */
  function clear() {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const next = emptyEditor();
    live.current = { text: next, rev: 0, savedRev: 0 };
    setText(next);
    setSave({ kind: "idle" });
  }

  /** True when something was changed since the text was loaded. */
  function isChanged(): boolean {
    return live.current.rev > 0;
  }

  return { text, save, change, flush, load, clear, isChanged };
}
