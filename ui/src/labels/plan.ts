import type { ActionStatus, GoalStatus } from "../ipc";

export const GOAL_STATUSES: readonly GoalStatus[] = ["open", "behaald", "vervallen"];

const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  open: "Open",
  behaald: "Behaald",
  vervallen: "Vervallen",
};

export function goalStatusLabel(status: GoalStatus): string {
  return GOAL_STATUS_LABELS[status];
}

export const ACTION_STATUSES: readonly ActionStatus[] = ["open", "bezig", "gedaan", "vervallen"];

const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  bezig: "Bezig",
  gedaan: "Gedaan",
  vervallen: "Vervallen",
};

export function actionStatusLabel(status: ActionStatus): string {
  return ACTION_STATUS_LABELS[status];
}
