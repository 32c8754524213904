import type { ApiError } from "../bindings/ApiError";
import type { ErrorCode } from "../bindings/ErrorCode";

export type { ApiError, ErrorCode };

const ERROR_CODES: readonly ErrorCode[] = [
  "WRONG_PASSPHRASE",
  "NOT_SET_UP",
  "ALREADY_SET_UP",
  "LOCKED",
  "INVALID_INPUT",
  "SCHEMA_TOO_NEW",
  "STORAGE",
  "INTERNAL",
  "NOT_ENROLLED",
  "OFFLINE",
  "CLOCK_AHEAD",
  "DEVICE_REVOKED",
  "SYNC_FAILED",
];

/** Shown when a failure carries no usable message of its own. */
export const GENERIC_ERROR_MESSAGE =
  "Er ging iets mis in Werkpad. Probeer het opnieuw. Blijft het misgaan, start Werkpad dan opnieuw.";

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/** True for an object shaped like the ApiError that Rust commands reject with. */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    isErrorCode(candidate.code) &&
    typeof candidate.message === "string" &&
    (candidate.field === undefined ||
      candidate.field === null ||
      typeof candidate.field === "string")
  );
}

/**
 * Turns whatever a failed call produced into an ApiError. A rejection from a Rust command is
 * already an ApiError with a Dutch message; anything else (a missing command, a serialisation
 * failure, a thrown JavaScript error) becomes INTERNAL with a generic Dutch message, so the
 * person never sees English or technical text.
 */
export function decodeError(error: unknown): ApiError {
  if (isApiError(error)) {
    const decoded: ApiError = {
      code: error.code,
      message: error.message.trim() === "" ? GENERIC_ERROR_MESSAGE : error.message,
    };
    if (typeof error.field === "string" && error.field !== "") decoded.field = error.field;
    return decoded;
  }
  if (error !== undefined) {
    // Kept for the developer console only; the person sees the generic Dutch message.
    console.error("Werkpad: unexpected failure", error);
  }
  return { code: "INTERNAL", message: GENERIC_ERROR_MESSAGE };
}
