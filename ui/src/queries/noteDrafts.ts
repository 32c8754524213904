import { ipc, type ApiError, type NoteDraft, type SaveDraftInput } from "../ipc";

/**
 * Saves note drafts as they are typed, outside React so a save outlives the screen that
 * started it (leaving the tab, closing the window).
 *
 * Per draft, saves are serialised: never two in flight for one draft, and while one is in
 * flight only the newest text waits, so the last text always wins. The newest text queued for
 * every draft is also kept here, so a screen that opens again continues from it even before
 * the save has finished.
 */

export type DraftSaveResult =
  | { ok: true; input: SaveDraftInput; draft: NoteDraft }
  | { ok: false; input: SaveDraftInput; error: ApiError };

type Listener = (result: DraftSaveResult) => void;

const waiting = new Map<string, SaveDraftInput>();
const loops = new Map<string, Promise<void>>();
const failed = new Set<string>();
const newest = new Map<string, SaveDraftInput>();
const listeners = new Set<Listener>();

function notify(result: DraftSaveResult) {
  for (const listener of listeners) listener(result);
}

async function run(draftId: string): Promise<void> {
  for (;;) {
    const input = waiting.get(draftId);
    if (input === undefined) {
      loops.delete(draftId);
      return;
    }
    waiting.delete(draftId);
    try {
      const draft = await ipc.saveNoteDraft(input);
      failed.delete(draftId);
      notify({ ok: true, input, draft });
    } catch (error) {
      failed.add(draftId);
      notify({ ok: false, input, error: error as ApiError });
    }
  }
}

/**
 * Queues the newest text of a draft. Resolves once everything queued for this draft has been
 * tried, with true when the newest text is stored.
 */
export async function queueDraftSave(input: SaveDraftInput): Promise<boolean> {
  const id = input.draft_id;
  waiting.set(id, input);
  // Re-inserted so the Map's order stays "least recently typed first".
  newest.delete(id);
  newest.set(id, input);
  let loop = loops.get(id);
  if (loop === undefined) {
    loop = run(id);
    loops.set(id, loop);
  }
  await loop;
  // A newer text may have started a new loop after this one ended.
  const next = loops.get(id);
  if (next !== undefined) await next;
  return !failed.has(id);
}

/** Resolves when no draft save is waiting or in flight. */
export async function draftSavesIdle(): Promise<void> {
  while (loops.size > 0) await Promise.allSettled([...loops.values()]);
}

/** Follows every save result, e.g. to update what the screen shows. */
export function onDraftSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Newest text queued in this session for drafts of one kandidaat, most recent last. */
export function sessionDrafts(candidateId: string): SaveDraftInput[] {
  return [...newest.values()].filter((input) => input.candidate_id === candidateId);
}

/** Forget a draft that became a note or was thrown away. */
export function forgetDraft(draftId: string) {
  newest.delete(draftId);
  failed.delete(draftId);
}
