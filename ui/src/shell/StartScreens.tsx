import { AccessLayout } from "../features/toegang/AccessLayout";
import type { ApiError } from "../ipc";
import { Alert } from "../components/Alert";

/** The blink between opening the window and knowing whether the store is set up. */
export function StartingScreen() {
  return (
    <AccessLayout title="Starten">
      <h1>Werkpad</h1>
      <p role="status">Werkpad wordt gestart…</p>
    </AccessLayout>
  );
}

interface StartErrorScreenProps {
  error: ApiError;
  onRetry: () => void;
}

/** The status could not be read: say so in Dutch and offer another try. */
export function StartErrorScreen({ error, onRetry }: StartErrorScreenProps) {
  return (
    <AccessLayout title="Starten mislukt">
      <h1>Werkpad kan niet starten</h1>
      <Alert tone="error" role="alert" id="start-error">
        <p>{error.message}</p>
      </Alert>
      <p>
        <button type="button" className="button button--primary" onClick={onRetry}>
          Opnieuw proberen
        </button>
      </p>
    </AccessLayout>
  );
}
