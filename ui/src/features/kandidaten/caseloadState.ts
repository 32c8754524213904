import type { CaseloadQuery, CaseloadSort, Phase, TargetGroup } from "../../ipc";
import { PAGE_SIZE } from "../../queries/usePagedList";

/** What the coach chose on the caseload; kept while they visit a kandidaat and come back. */
export interface CaseloadChoice {
  pageIndex: number;
  phase: Phase | null;
  targetGroup: TargetGroup | null;
  owner: string | null;
  sort: CaseloadSort;
  descending: boolean;
  search: string;
}

export const DEFAULT_CHOICE: CaseloadChoice = {
  pageIndex: 0,
  phase: null,
  targetGroup: null,
  owner: null,
  sort: "name",
  descending: false,
  search: "",
};

let remembered: CaseloadChoice = DEFAULT_CHOICE;

export function rememberedChoice(): CaseloadChoice {
  return remembered;
}

export function rememberChoice(choice: CaseloadChoice) {
  remembered = choice;
}

export function toQuery(choice: CaseloadChoice): CaseloadQuery {
  return {
    offset: choice.pageIndex * PAGE_SIZE,
    limit: PAGE_SIZE,
    phase: choice.phase,
    target_group: choice.targetGroup,
    owner: choice.owner,
    sort: choice.sort,
    descending: choice.descending,
  };
}

export function hasFilters(choice: CaseloadChoice): boolean {
  return choice.phase !== null || choice.targetGroup !== null || choice.owner !== null;
}

export const SORT_OPTIONS: readonly { value: CaseloadSort; label: string }[] = [
  { value: "name", label: "Naam" },
  { value: "phase", label: "Fase" },
  { value: "last_contact", label: "Laatste contact" },
  { value: "next_action", label: "Volgende actie" },
];
