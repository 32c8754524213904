import { Alert } from "./Alert";

interface FormActionsProps {
  /** Id of the submit button, a stable handle for tests. */
  submitId: string;
  label: string;
  busy: boolean;
  /** Shown on the submit button while saving. */
  busyLabel?: string;
  /** A message for the whole form (not tied to one field); announced at once. */
  error?: string | null | undefined;
  onCancel?: () => void;
}

/** The bottom of a form: its error, if any, then "save" and (optionally) "Annuleren". */
export function FormActions({
  submitId,
  label,
  busy,
  busyLabel = "Bezig met opslaan…",
  error,
  onCancel,
}: FormActionsProps) {
  return (
    <>
      {error && (
        <Alert tone="error" role="alert">
          <p>{error}</p>
        </Alert>
      )}
      <div className="form__actions form__actions--tight">
        <button
          id={submitId}
          type="submit"
          className="button button--primary"
          aria-disabled={busy ? true : undefined}
        >
          {busy ? busyLabel : label}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Annuleren
          </button>
        )}
      </div>
    </>
  );
}
