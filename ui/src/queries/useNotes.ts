import { useEffect } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type NotesView } from "../ipc";
import { queryKeys } from "./keys";
import { draftSavesIdle, forgetDraft, onDraftSaved } from "./noteDrafts";

/** Notes and unfinished drafts of one kandidaat (id = candidate id). */
export function useNotes(candidateId: string) {
  const client = useQueryClient();

  // Keep the drafts in the cache as new as what was saved, so opening the tab again shows
  // the newest text.
  useEffect(
    () =>
      onDraftSaved((result) => {
        if (!result.ok || result.draft.candidate_id !== candidateId) return;
        client.setQueryData<NotesView>(queryKeys.notes(candidateId), (view) => {
          if (view === undefined) return view;
          const others = view.drafts.filter((draft) => draft.id !== result.draft.id);
          return { ...view, drafts: [result.draft, ...others] };
        });
      }),
    [client, candidateId],
  );

  return useQuery({
    queryKey: queryKeys.notes(candidateId),
    queryFn: async () => {
      // Never read the drafts while a newer text is still on its way to the store.
      await draftSavesIdle();
      return ipc.listNotes(candidateId);
    },
  });
}

export function useNoteHistory(noteId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.noteHistory(noteId),
    queryFn: () => ipc.noteHistory(noteId),
    enabled,
  });
}

export function useFinishNoteDraft(candidateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.finishNoteDraft,
    onSuccess: (note, draftId) => {
      forgetDraft(draftId);
      client.setQueryData<NotesView>(queryKeys.notes(candidateId), (view) =>
        view === undefined
          ? view
          : {
              notes: [note, ...view.notes.filter((n) => n.id !== note.previous_version_id)],
              drafts: view.drafts.filter((draft) => draft.id !== draftId),
            },
      );
      void client.invalidateQueries({ queryKey: queryKeys.notes(candidateId) });
      if (note.previous_version_id !== null) {
        void client.invalidateQueries({ queryKey: ["store", "note-history"] });
      }
      // Last contact and the search index changed.
      void client.invalidateQueries({ queryKey: queryKeys.caseloadAll });
      void client.invalidateQueries({ queryKey: queryKeys.overview });
    },
  });
}

export function useDiscardNoteDraft(candidateId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ipc.discardNoteDraft,
    onSuccess: (_result, draftId) => {
      forgetDraft(draftId);
      client.setQueryData<NotesView>(queryKeys.notes(candidateId), (view) =>
        view === undefined
          ? view
          : { ...view, drafts: view.drafts.filter((draft) => draft.id !== draftId) },
      );
    },
  });
}
