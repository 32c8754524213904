import { useEffect, useState } from "react";
import { decodeError, ipc, onWindowCloseRequested } from "../../ipc";

/** Quiet time after the last change before the draft is written (notes use the same). */
const AUTOSAVE_DEBOUNCE_MS = 700;
const RETRY_MS = 3_000;

export type DraftState =
  | { kind: "idle" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

/**
 * Writes the visit log's draft: saves run one after another, so the newest text always
 * wins, and a failed save is tried again by itself.
 */
class DraftSaver {
  private rev = 0;
  private savedRev = 0;
  private data = "";
  private chain: Promise<unknown> = Promise.resolve();
  private timer: number | undefined;
  private stopped = false;

  constructor(
    private readonly employerId: string,
    private readonly stopId: string | null,
    private draftId: string | null,
    private readonly report: (state: DraftState) => void,
  ) {}

  changed(data: string) {
    this.data = data;
    this.rev += 1;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, AUTOSAVE_DEBOUNCE_MS);
  }

  flush(): Promise<unknown> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped || this.rev === this.savedRev) return this.chain;
    this.draftId ??= crypto.randomUUID();
    const input = {
      draft_id: this.draftId,
      employer_id: this.employerId,
      stop_id: this.stopId,
      data: this.data,
    };
    const rev = this.rev;
    this.chain = this.chain.then(() => this.write(input, rev));
    return this.chain;
  }

  private async write(input: Parameters<typeof ipc.saveVisitDraft>[0], rev: number) {
    if (this.savedRev >= rev) return;
    try {
      const saved = await ipc.saveVisitDraft(input);
      this.savedRev = Math.max(this.savedRev, rev);
      this.report({ kind: "saved", at: saved.saved_at });
    } catch (error) {
      this.report({ kind: "error", message: decodeError(error).message });
      this.timer ??= window.setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, RETRY_MS);
    }
  }

  /** Waits for every pending write; then no more drafts are written. Returns the draft id. */
  async finish(): Promise<string | null> {
    await this.flush();
    await this.chain;
    this.stopped = true;
    window.clearTimeout(this.timer);
    return this.draftId;
  }

  /** Saving the visit failed: the draft is kept up to date again. */
  resume() {
    this.stopped = false;
  }
}

/**
 * Saves the visit log as typed: a draft at most ~1 s after the last change, when the screen
 * is left, when the window hides and before it closes.
 */
export function useVisitAutosave(
  employerId: string,
  stopId: string | null,
  initialDraftId: string | null,
  initialSavedAt: string | null,
) {
  const [state, setState] = useState<DraftState>(
    initialSavedAt === null ? { kind: "idle" } : { kind: "saved", at: initialSavedAt },
  );
  const [saver] = useState(() => new DraftSaver(employerId, stopId, initialDraftId, setState));

  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | undefined;
    onWindowCloseRequested(async () => {
      await saver.flush();
    })
      .then((remove) => {
        if (active) unlisten = remove;
        else remove();
      })
      .catch((error: unknown) => {
        console.error("Werkpad: cannot watch the window closing", error);
      });
    const onHidden = () => {
      if (document.visibilityState === "hidden") void saver.flush();
    };
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onHidden);
    return () => {
      active = false;
      unlisten?.();
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onHidden);
      // Leaving the screen: what was typed is saved.
      void saver.flush();
    };
  }, [saver]);

  return { state, saver };
}
