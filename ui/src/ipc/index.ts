// The only way the UI talks to the Rust side. Nothing outside this folder calls `invoke`.
export * as ipc from "./commands";
export { decodeError, isApiError, GENERIC_ERROR_MESSAGE } from "./errors";
export type { ApiError, ErrorCode } from "./errors";
export { isDesktopRuntime } from "./runtime";
export type { AppStatus } from "../bindings/AppStatus";
export type { CandidateRow } from "../bindings/CandidateRow";
export type { DemoInput } from "../bindings/DemoInput";
export type { DemoResult } from "../bindings/DemoResult";
export type { EmployerRow } from "../bindings/EmployerRow";
export type { LockState } from "../bindings/LockState";
export type { Overview } from "../bindings/Overview";
export type { Page } from "../bindings/Page";
export type { PageInput } from "../bindings/PageInput";
export type { Phase } from "../bindings/Phase";
export type { PhaseCount } from "../bindings/PhaseCount";
export type { Profile } from "../bindings/Profile";
export type { Role } from "../bindings/Role";
export type { SetupInput } from "../bindings/SetupInput";
