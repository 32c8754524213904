import { useEffect, useRef, useState, type SubmitEvent } from "react";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/TextField";
import { useUnlock } from "../../queries/useAccessMutations";
import { AccessLayout } from "./AccessLayout";

/** Ontgrendelen: the passphrase opens the encrypted store on this laptop. */
export function UnlockScreen() {
  const unlock = useUnlock();
  const [passphrase, setPassphrase] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [serverError, setServerError] = useState<string | null>(null);
  // Bumped on every failed attempt, so the same message is announced again.
  const [attempt, setAttempt] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = unlock.isPending;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setServerError(null);
    if (passphrase === "") {
      setFieldError("Vul uw wachtwoordzin in.");
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    unlock.mutate(
      { passphrase },
      {
        onError: (error) => {
          // Empty the field and keep the focus in it, whatever went wrong, so the next try
          // starts at once; the message (Dutch, from Rust) says what to do.
          setPassphrase("");
          setServerError(error.message);
          setAttempt((n) => n + 1);
          inputRef.current?.focus();
        },
        onSuccess: () => {
          if (window.location.hash === "" || window.location.hash === "#/") {
            window.location.hash = "#/vandaag";
          }
        },
      },
    );
  }

  return (
    <AccessLayout title="Ontgrendelen">
      <h1>Werkpad ontgrendelen</h1>
      <p className="intro">
        Uw gegevens staan versleuteld op deze laptop. Vul uw wachtwoordzin in om ze te openen.
      </p>
      <form className="form" noValidate onSubmit={handleSubmit}>
        {serverError && (
          <Alert tone="error" role="alert" id="unlock-error" key={attempt}>
            <p>{serverError}</p>
          </Alert>
        )}
        <TextField
          id="unlock-passphrase"
          label="Wachtwoordzin"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          readOnly={busy}
          error={fieldError}
          inputRef={inputRef}
          size="m"
          onChange={setPassphrase}
        />
        <div className="form__actions">
          <button
            id="unlock-submit"
            type="submit"
            className="button button--primary"
            aria-disabled={busy ? true : undefined}
          >
            {busy ? "Bezig met ontgrendelen…" : "Ontgrendelen"}
          </button>
        </div>
      </form>
    </AccessLayout>
  );
}
