import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc, type Plan } from "../ipc";
import { queryKeys } from "./keys";

/** Id = candidate id. */
export function usePlan(id: string) {
  return useQuery({ queryKey: queryKeys.plan(id), queryFn: () => ipc.getPlan(id) });
}

function useStorePlan() {
  const client = useQueryClient();
  return (plan: Plan) => {
    client.setQueryData(queryKeys.plan(plan.candidate_id), plan);
    // The next action and the overdue marker in the caseload come from the plan.
    void client.invalidateQueries({ queryKey: queryKeys.caseloadAll });
  };
}

export function useSaveGoal() {
  const store = useStorePlan();
  return useMutation({ mutationFn: ipc.saveGoal, onSuccess: store });
}

export function useSaveAction() {
  const store = useStorePlan();
  return useMutation({ mutationFn: ipc.saveAction, onSuccess: store });
}

export function useExportPlanPdf() {
  return useMutation({ mutationFn: ipc.exportPlanPdf });
}
