import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { decodeError } from "./errors";

/**
 * The single place that calls Tauri's `invoke`. It resolves with the command's result or
 * rejects with a decoded ApiError, never with anything else.
 */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- ApiError is the contract
    throw decodeError(error);
  }
}
