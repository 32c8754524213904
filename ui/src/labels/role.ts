import type { Role } from "../ipc";

/** Roles in the order the setup form offers them. */
export const ROLES: readonly Role[] = ["jobcoach", "accountmanager", "beide"];

const ROLE_LABELS: Record<Role, string> = {
  jobcoach: "Jobcoach",
  accountmanager: "Accountmanager",
  beide: "Jobcoach en accountmanager",
};

/** Label for the radio button in the setup form. */
export function roleOptionLabel(role: Role): string {
  return role === "beide" ? "Beide" : ROLE_LABELS[role];
}

/** Label used when describing the person elsewhere (header, Instellingen). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
