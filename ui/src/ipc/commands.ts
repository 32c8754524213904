import type { AppStatus } from "../bindings/AppStatus";
import type { CandidateRow } from "../bindings/CandidateRow";
import type { DemoInput } from "../bindings/DemoInput";
import type { DemoResult } from "../bindings/DemoResult";
import type { EmployerRow } from "../bindings/EmployerRow";
import type { Overview } from "../bindings/Overview";
import type { Page } from "../bindings/Page";
import type { PageInput } from "../bindings/PageInput";
import type { SetupInput } from "../bindings/SetupInput";
import type { UnlockInput } from "../bindings/UnlockInput";
import { call } from "./call";

// Typed wrappers around the Tauri commands. Argument keys match the Rust parameter names.

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>("app_status");
}

export function setupProfile(input: SetupInput): Promise<AppStatus> {
  return call<AppStatus>("setup_profile", { input });
}

export function unlock(input: UnlockInput): Promise<AppStatus> {
  return call<AppStatus>("unlock", { input });
}

export function lock(): Promise<AppStatus> {
  return call<AppStatus>("lock");
}

export function overview(): Promise<Overview> {
  return call<Overview>("overview");
}

export function loadDemoData(input: DemoInput): Promise<DemoResult> {
  return call<DemoResult>("load_demo_data", { input });
}

export function listCandidates(page: PageInput): Promise<Page<CandidateRow>> {
  return call<Page<CandidateRow>>("list_candidates", { page });
}

export function listEmployers(page: PageInput): Promise<Page<EmployerRow>> {
  return call<Page<EmployerRow>>("list_employers", { page });
}
