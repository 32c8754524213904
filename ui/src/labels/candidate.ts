import type { BenefitSituation, TargetGroup } from "../ipc";

/** Uitkeringssituaties in the order the form offers them. */
export const BENEFIT_SITUATIONS: readonly BenefitSituation[] = [
  "bijstand",
  "ww",
  "wia_wga",
  "wajong",
  "zw",
  "nug",
  "onbekend",
];

const BENEFIT_LABELS: Record<BenefitSituation, string> = {
  bijstand: "Bijstand (Participatiewet)",
  ww: "WW",
  wia_wga: "WIA/WGA",
  wajong: "Wajong",
  zw: "ZW",
  nug: "Niet-uitkeringsgerechtigd (NUG)",
  onbekend: "Onbekend",
};

export function benefitLabel(value: BenefitSituation): string {
  return BENEFIT_LABELS[value];
}

/** Doelgroepen in the order the form and the filter offer them. */
export const TARGET_GROUPS: readonly TargetGroup[] = [
  "doelgroepregister",
  "beschut_werk",
  "statushouder",
  "jongere_zonder_startkwalificatie",
  "vijftig_plus",
];

const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  doelgroepregister: "Doelgroepregister / banenafspraak",
  beschut_werk: "Beschut werk",
  statushouder: "Statushouder",
  jongere_zonder_startkwalificatie: "Jongere zonder startkwalificatie",
  vijftig_plus: "50-plus",
};

export function targetGroupLabel(value: TargetGroup): string {
  return TARGET_GROUP_LABELS[value];
}
