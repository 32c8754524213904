import { useRef, useState } from "react";
import { Alert } from "../../../components/Alert";
import { LoadingState } from "../../../components/LoadingState";
import { QueryError } from "../../../components/QueryError";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import type { Note, NoteDraft, NoteKind, NotesView } from "../../../ipc";
import { countLabel } from "../../../labels/count";
import { NOTE_KINDS, noteKindLabel } from "../../../labels/note";
import { draftSavesIdle } from "../../../queries/noteDrafts";
import { useDiscardNoteDraft, useFinishNoteDraft, useNotes } from "../../../queries/useNotes";
import { isDutchDate } from "../../kandidaten/candidateForm";
import { draftToEditor, initialEditor } from "./initialEditor";
import { NoteList } from "./NoteList";
import { useNoteEditor, type SaveState } from "./useNoteEditor";

function SaveStatus({ save, hasDraft }: { save: SaveState; hasDraft: boolean }) {
  let message = "";
  if (save.kind === "saved") message = `Opgeslagen om ${save.at}`;
  if (save.kind === "error") {
    message = `Nog niet opgeslagen: ${save.message} Uw tekst blijft staan; Werkpad probeert het zo opnieuw.`;
  }
  return (
    <p
      id="note-save-status"
      className={`save-status${save.kind === "error" ? " save-status--error" : ""}`}
      aria-live="polite"
      data-state={save.kind}
    >
      {message === "" && !hasDraft ? "Wat u typt, wordt vanzelf opgeslagen." : message}
    </p>
  );
}

interface NotesPanelProps {
  candidateId: string;
  view: NotesView;
}

function NotesPanel({ candidateId, view }: NotesPanelProps) {
  const [start] = useState(() => initialEditor(candidateId, view));
  const editor = useNoteEditor(candidateId, start.text, start.savedAt, start.unsaved);
  const finish = useFinishNoteDraft(candidateId);
  const discard = useDiscardNoteDraft(candidateId);
  const [restored, setRestored] = useState(start.restored);
  const [bodyError, setBodyError] = useState<string | undefined>(undefined);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [finished, setFinished] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { text } = editor;
  const busy = finishing || discard.isPending;

  function checkDate(value: string): string | undefined {
    return isDutchDate(value) ? undefined : "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 25-11-2026.";
  }

  async function handleFinish() {
    if (busy) return;
    setActionError(null);
    setFinished(null);
    if (text.body.trim() === "") {
      setBodyError("Typ eerst de notitie.");
      bodyRef.current?.focus();
      return;
    }
    const wrongDate = checkDate(text.notedOn);
    if (wrongDate) {
      setDateError(wrongDate);
      document.getElementById("note-date")?.focus();
      return;
    }
    if (text.draftId === null) return;
    if (text.noteId !== null && !editor.isChanged()) {
      setActionError("U hebt deze notitie niet gewijzigd. Pas de tekst aan, of kies Bewerken annuleren.");
      return;
    }
    setFinishing(true);
    const stored = await editor.flush();
    if (!stored) {
      setFinishing(false);
      setActionError(
        "De notitie kon nog niet worden opgeslagen, dus ook niet worden afgerond. Uw tekst blijft staan; probeer het zo opnieuw.",
      );
      return;
    }
    finish.mutate(text.draftId, {
      onSuccess: (note) => {
        editor.clear();
        setRestored(false);
        setBodyError(undefined);
        setFinished(
          note.version > 1
            ? `Notitie afgerond: versie ${note.version} is opgeslagen.`
            : "Notitie afgerond en opgeslagen.",
        );
        bodyRef.current?.focus();
      },
      onError: (error) => {
        if (error.field === "body") setBodyError(error.message);
        else if (error.field === "noted_on") setDateError(error.message);
        else setActionError(error.message);
      },
      onSettled: () => {
        setFinishing(false);
      },
    });
  }

  async function handleDiscard() {
    const draftId = text.draftId;
    setConfirmDiscard(false);
    if (draftId === null) {
      editor.clear();
      return;
    }
    // Nothing more of this text may be saved after it is thrown away.
    editor.clear();
    setRestored(false);
    await draftSavesIdle();
    discard.mutate(draftId, {
      onError: (error) => {
        setActionError(error.message);
      },
    });
    bodyRef.current?.focus();
  }

  function openDraft(draft: NoteDraft) {
    editor.load(
      draftToEditor(
        draft,
        draft.note_id === null
          ? null
          : (view.notes.find((note) => note.id === draft.note_id)?.version ?? null),
      ),
      draft.saved_at,
    );
    setRestored(false);
    setFinished(null);
    bodyRef.current?.focus();
  }

  function editNote(note: Note) {
    editor.load(
      {
        draftId: crypto.randomUUID(),
        noteId: note.id,
        noteVersion: note.version,
        kind: note.kind,
        notedOn: note.noted_on,
        body: note.body,
      },
      null,
    );
    setRestored(false);
    setFinished(null);
    setActionError(null);
    bodyRef.current?.focus();
  }

  const otherDrafts = view.drafts.filter((draft) => draft.id !== text.draftId);
  const editing = text.noteId !== null;
  const hasText = text.body !== "" || text.draftId !== null;

  return (
    <>
      <section className="section note-editor card" aria-labelledby="note-editor-title">
        <h2 id="note-editor-title">
          {editing
            ? `Notitie bewerken${text.noteVersion !== null ? ` (nu versie ${text.noteVersion})` : ""}`
            : "Nieuwe notitie"}
        </h2>
        {restored && (
          <div id="note-restored" className="alert alert--info" role="status">
            <p>
              <strong>Niet afgeronde notitie hersteld.</strong> Deze tekst was nog niet
              afgerond{start.savedAt !== null ? ` (laatst opgeslagen om ${start.savedAt})` : ""}.
              Schrijf verder en kies Notitie afronden, of gooi de tekst weg.
            </p>
          </div>
        )}
        {editing && (
          <p className="muted">
            Bij afronden wordt dit een nieuwe versie; de vorige versie blijft bewaard.
          </p>
        )}
        <div className="form-grid form-grid--note">
          <SelectField
            id="note-kind"
            label="Soort"
            value={text.kind}
            disabled={busy}
            options={NOTE_KINDS.map((kind) => ({ value: kind, label: noteKindLabel(kind) }))}
            onChange={(value) => {
              editor.change({ kind: value as NoteKind }, true);
            }}
          />
          <TextField
            id="note-date"
            label="Datum (dd-mm-jjjj)"
            size="s"
            autoComplete="off"
            value={text.notedOn}
            error={dateError}
            readOnly={busy}
            onChange={(value) => {
              if (dateError && !checkDate(value)) setDateError(undefined);
              editor.change({ notedOn: value });
            }}
          />
        </div>
        <div className={`form-field${bodyError ? " form-field--invalid" : ""}`}>
          <label className="form-field__label" htmlFor="note-body">
            Notitie
          </label>
          {bodyError && (
            <p className="form-field__error" id="note-body-error">
              <span className="visually-hidden">Fout: </span>
              {bodyError}
            </p>
          )}
          <textarea
            ref={bodyRef}
            id="note-body"
            name="note-body"
            className="textarea textarea--l"
            rows={12}
            value={text.body}
            readOnly={busy}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? "note-body-error note-save-status" : "note-save-status"}
            onChange={(event) => {
              if (bodyError && event.target.value.trim() !== "") setBodyError(undefined);
              setFinished(null);
              editor.change({ body: event.target.value });
            }}
            onBlur={() => {
              setDateError(checkDate(text.notedOn));
              void editor.flush();
            }}
          />
        </div>
        <SaveStatus save={editor.save} hasDraft={text.draftId !== null} />
        {actionError && (
          <Alert tone="error" role="alert">
            <p>{actionError}</p>
          </Alert>
        )}
        <div className="form__actions form__actions--tight">
          <button
            id="note-finish"
            type="button"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
            onClick={() => {
              void handleFinish();
            }}
          >
            {finishing ? "Bezig met afronden…" : "Notitie afronden"}
          </button>
          {hasText && !confirmDiscard && (
            <button
              id="note-discard"
              type="button"
              className="button button--secondary"
              onClick={() => {
                if (editing && !editor.isChanged()) {
                  editor.clear();
                  return;
                }
                setConfirmDiscard(true);
              }}
            >
              {editing ? "Bewerken annuleren" : "Tekst weggooien"}
            </button>
          )}
          {confirmDiscard && (
            <div className="confirm" role="group" aria-labelledby="discard-question">
              <p id="discard-question" className="confirm__question">
                {editing
                  ? "Uw wijzigingen weggooien? De notitie zelf blijft zoals hij was."
                  : "Deze tekst weggooien? Dit kunt u niet ongedaan maken."}
              </p>
              <button
                id="note-discard-confirm"
                type="button"
                className="button button--danger"
                onClick={() => {
                  void handleDiscard();
                }}
              >
                Ja, weggooien
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setConfirmDiscard(false);
                }}
              >
                Nee, bewaren
              </button>
            </div>
          )}
          <p className="form__busy" role="status">
            {finished}
          </p>
        </div>
        {otherDrafts.length > 0 && (
          <div className="other-drafts">
            <h3>
              Nog {countLabel(otherDrafts.length, "niet afgeronde notitie", "niet afgeronde notities")}
            </h3>
            <ul className="plain-list">
              {otherDrafts.map((draft) => (
                <li key={draft.id} className="other-drafts__item">
                  <span>
                    {noteKindLabel(draft.kind)}, {draft.noted_on}: “
                    {draft.body.length > 80 ? `${draft.body.slice(0, 80)}…` : draft.body}”
                  </span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      openDraft(draft);
                    }}
                  >
                    Verder schrijven
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <NoteList notes={view.notes} onEdit={editNote} editingNoteId={text.noteId} />
    </>
  );
}

/** Notities: the editor that saves as you type, and the notes, newest first. */
export function NotitiesTab({ candidateId }: { candidateId: string }) {
  const query = useNotes(candidateId);
  if (query.isPending) return <LoadingState label="Notities worden geladen…" />;
  if (query.isError) {
    return (
      <QueryError
        error={query.error}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  return <NotesPanel key={candidateId} candidateId={candidateId} view={query.data} />;
}
