import type {
  CompetenceKind,
  CompetenceStatus,
  LifeDomain,
  ObstacleKind,
  Urgency,
} from "../ipc";

/** The 13 levensgebieden of the Zelfredzaamheidsmatrix, in the matrix's own order. */
export const LIFE_DOMAINS: readonly LifeDomain[] = [
  "financien",
  "werk_opleiding",
  "tijdsbesteding",
  "huisvesting",
  "huiselijke_relaties",
  "geestelijke_gezondheid",
  "lichamelijke_gezondheid",
  "middelengebruik",
  "basale_adl",
  "instrumentele_adl",
  "sociaal_netwerk",
  "maatschappelijke_participatie",
  "justitie",
];

const LIFE_DOMAIN_LABELS: Record<LifeDomain, string> = {
  financien: "Financiën",
  werk_opleiding: "Werk en opleiding",
  tijdsbesteding: "Tijdsbesteding",
  huisvesting: "Huisvesting",
  huiselijke_relaties: "Huiselijke relaties",
  geestelijke_gezondheid: "Geestelijke gezondheid",
  lichamelijke_gezondheid: "Lichamelijke gezondheid",
  middelengebruik: "Middelengebruik",
  basale_adl: "Basale ADL",
  instrumentele_adl: "Instrumentele ADL",
  sociaal_netwerk: "Sociaal netwerk",
  maatschappelijke_participatie: "Maatschappelijke participatie",
  justitie: "Justitie",
};

export function lifeDomainLabel(domain: LifeDomain): string {
  return LIFE_DOMAIN_LABELS[domain];
}

/** The five steps of the scale, 1 … 5. */
export const SCORES = [1, 2, 3, 4, 5] as const;

const SCORE_LABELS: Record<number, string> = {
  1: "Acuut probleem",
  2: "Niet zelfredzaam",
  3: "Beperkt zelfredzaam",
  4: "Voldoende zelfredzaam",
  5: "Volledig zelfredzaam",
};

export function scoreLabel(score: number): string {
  return SCORE_LABELS[score] ?? "";
}

export const OBSTACLE_KINDS: readonly ObstacleKind[] = ["fysiek", "mentaal", "praktisch"];

const OBSTACLE_KIND_LABELS: Record<ObstacleKind, string> = {
  fysiek: "Fysiek",
  mentaal: "Mentaal",
  praktisch: "Praktisch",
};

export function obstacleKindLabel(kind: ObstacleKind): string {
  return OBSTACLE_KIND_LABELS[kind];
}

export const URGENCIES: readonly Urgency[] = ["laag", "middel", "hoog"];

const URGENCY_LABELS: Record<Urgency, string> = {
  laag: "Laag",
  middel: "Middel",
  hoog: "Hoog",
};

export function urgencyLabel(urgency: Urgency): string {
  return URGENCY_LABELS[urgency];
}

export const COMPETENCE_KINDS: readonly CompetenceKind[] = ["kennis", "vaardigheid", "houding"];

const COMPETENCE_KIND_LABELS: Record<CompetenceKind, string> = {
  kennis: "Kennis",
  vaardigheid: "Vaardigheid",
  houding: "Houding",
};

export function competenceKindLabel(kind: CompetenceKind): string {
  return COMPETENCE_KIND_LABELS[kind];
}

export const COMPETENCE_STATUSES: readonly CompetenceStatus[] = ["aanwezig", "te_ontwikkelen"];

const COMPETENCE_STATUS_LABELS: Record<CompetenceStatus, string> = {
  aanwezig: "Aanwezig",
  te_ontwikkelen: "Te ontwikkelen",
};

export function competenceStatusLabel(status: CompetenceStatus): string {
  return COMPETENCE_STATUS_LABELS[status];
}
