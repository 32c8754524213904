import type {
  Channel,
  ContactSubject,
  ContractType,
  Intensity,
  Outcome,
  PlacementStatus,
  Route,
} from "../ipc";

export const ROUTES_LIST: readonly Route[] = [
  "leerwerktraject",
  "jobcarving",
  "open_hiring",
  "innovatieve_matching",
];

const ROUTE_LABELS: Record<Route, string> = {
  leerwerktraject: "Leerwerktraject",
  jobcarving: "Jobcarving / functiecreatie",
  open_hiring: "Open hiring",
  innovatieve_matching: "Innovatieve matching",
};

export function routeLabel(route: Route): string {
  return ROUTE_LABELS[route];
}

export const CONTRACT_TYPES: readonly ContractType[] = [
  "tijdelijk",
  "vast",
  "oproep",
  "uitzend",
  "leerwerk",
  "anders",
];

const CONTRACT_LABELS: Record<ContractType, string> = {
  tijdelijk: "Tijdelijk contract",
  vast: "Vast contract",
  oproep: "Oproepcontract",
  uitzend: "Uitzendcontract",
  leerwerk: "Leerwerkovereenkomst (BBL)",
  anders: "Anders",
};

export function contractLabel(type: ContractType): string {
  return CONTRACT_LABELS[type];
}

const INTENSITY_LABELS: Record<Intensity, string> = {
  intensief: "Intensieve nazorg",
  nazorg: "Nazorg (minder intensief)",
  waakvlam: "Waakvlam",
  beeindigd: "Beëindigd",
};

export function intensityLabel(intensity: Intensity): string {
  return INTENSITY_LABELS[intensity];
}

export const SUBJECTS: readonly ContactSubject[] = ["werknemer", "werkgever", "beide"];

const SUBJECT_LABELS: Record<ContactSubject, string> = {
  werknemer: "Werknemer",
  werkgever: "Werkgever",
  beide: "Beiden",
};

export function subjectLabel(subject: ContactSubject): string {
  return SUBJECT_LABELS[subject];
}

export const CHANNELS: readonly Channel[] = ["telefoon", "bezoek", "werkvloer", "mail"];

const CHANNEL_LABELS: Record<Channel, string> = {
  telefoon: "Telefonisch",
  bezoek: "Gesprek op kantoor of thuis",
  werkvloer: "Op de werkvloer",
  mail: "Per e-mail",
};

export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel];
}

export const OUTCOMES: readonly Outcome[] = ["goed", "aandacht_nodig", "zorg"];

const OUTCOME_LABELS: Record<Outcome, string> = {
  goed: "Goed",
  aandacht_nodig: "Aandacht nodig",
  zorg: "Zorg",
};

export function outcomeLabel(outcome: Outcome): string {
  return OUTCOME_LABELS[outcome];
}

const STATUS_LABELS: Record<PlacementStatus, string> = {
  lopend: "Lopend",
  beeindigd: "Beëindigd",
  mislukt: "Mislukt",
};

export function placementStatusLabel(status: PlacementStatus): string {
  return STATUS_LABELS[status];
}
