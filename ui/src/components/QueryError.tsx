import type { ApiError } from "../ipc";
import { Alert } from "./Alert";

interface QueryErrorProps {
  error: ApiError;
  onRetry?: () => void;
}

/** A failed read: the Dutch message from Rust, and a way to try again. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  return (
    <Alert tone="error" role="alert">
      <p>{error.message}</p>
      {onRetry && (
        <p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Opnieuw proberen
          </button>
        </p>
      )}
    </Alert>
  );
}
