import { useState } from "react";
import { LoadingState } from "../../../components/LoadingState";
import { QueryError } from "../../../components/QueryError";
import type { Note } from "../../../ipc";
import { noteKindLabel } from "../../../labels/note";
import { useNoteHistory } from "../../../queries/useNotes";

function NoteHistory({ noteId }: { noteId: string }) {
  const query = useNoteHistory(noteId, true);
  if (query.isPending) return <LoadingState label="Eerdere versies worden geladen…" />;
  if (query.isError) return <QueryError error={query.error} />;
  return (
    <ol className="note-versions" aria-label="Alle versies, oudste eerst">
      {query.data.map((version) => (
        <li key={version.id} className="note-versions__item">
          <p className="note__meta">
            <strong>Versie {version.version}</strong> · {noteKindLabel(version.kind)} ·{" "}
            {version.noted_on} · {version.author}
          </p>
          <p className="note__body">{version.body}</p>
        </li>
      ))}
    </ol>
  );
}

function NoteItem({
  note,
  onEdit,
  editing,
}: {
  note: Note;
  onEdit: (note: Note) => void;
  editing: boolean;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const historyId = `note-${note.id}-history`;
  const titleId = `note-${note.id}-title`;
  return (
    <li className="note card" data-note-id={note.id}>
      <h3 id={titleId} className="note__title">
        {noteKindLabel(note.kind)} <span className="note__date">{note.noted_on}</span>
      </h3>
      <p className="note__meta">
        {note.author} · versie {note.version}
        {editing && <strong> · wordt nu bewerkt</strong>}
      </p>
      <p className="note__body">{note.body}</p>
      <div className="note__actions">
        <button
          type="button"
          className="button button--secondary button--small note-edit"
          aria-describedby={titleId}
          onClick={() => {
            onEdit(note);
          }}
        >
          Bewerken
        </button>
        <button
          type="button"
          className="button button--secondary button--small note-history"
          aria-expanded={showHistory}
          aria-controls={historyId}
          aria-describedby={titleId}
          onClick={() => {
            setShowHistory(!showHistory);
          }}
        >
          {showHistory ? "Eerdere versies verbergen" : "Eerdere versies"}
        </button>
      </div>
      <div id={historyId} hidden={!showHistory}>
        {showHistory && <NoteHistory noteId={note.id} />}
      </div>
    </li>
  );
}

interface NoteListProps {
  notes: readonly Note[];
  onEdit: (note: Note) => void;
  editingNoteId: string | null;
}

/** The notes of this kandidaat, newest first. */
export function NoteList({ notes, onEdit, editingNoteId }: NoteListProps) {
  return (
    <section className="section" aria-labelledby="notes-title">
      <h2 id="notes-title">Notities</h2>
      {notes.length === 0 ? (
        <p className="muted">Nog geen afgeronde notities.</p>
      ) : (
        <ol className="note-list">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onEdit={onEdit}
              editing={note.id === editingNoteId}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
