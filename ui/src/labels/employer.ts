import type {
  EmployerSort,
  FollowUpKind,
  InclusiveInterest,
  StartKind,
  TimelineKind,
  VacancySource,
  VacancyStatus,
  VisitOutcome,
  VisitTopic,
} from "../ipc";

export const SIZE_CLASSES: readonly string[] = ["1-9", "10-49", "50-249", "250+"];

export function sizeClassLabel(size: string): string {
  return size === "" ? "" : `${size} medewerkers`;
}

export const INTERESTS: readonly InclusiveInterest[] = ["sroi", "pso", "open_hiring", "jobcarving"];

const INTEREST_LABELS: Record<InclusiveInterest, string> = {
  sroi: "SROI (social return)",
  pso: "PSO (prestatieladder socialer ondernemen)",
  open_hiring: "Open hiring",
  jobcarving: "Jobcarving",
};

export function interestLabel(interest: InclusiveInterest): string {
  return INTEREST_LABELS[interest];
}

export const VISIT_OUTCOMES: readonly VisitOutcome[] = ["gesprek", "geen_tijd", "niet_aanwezig"];

const OUTCOME_LABELS: Record<VisitOutcome, string> = {
  gesprek: "Gesprek gehad",
  geen_tijd: "Geen tijd – infopakket gegeven",
  niet_aanwezig: "Niet aanwezig",
};

export function visitOutcomeLabel(outcome: VisitOutcome): string {
  return OUTCOME_LABELS[outcome];
}

export const TOPICS: readonly VisitTopic[] = [
  "vacatures",
  "juridische_vraag",
  "mobiliteit",
  "scholing",
  "inclusief_werkgeverschap",
];

const TOPIC_LABELS: Record<VisitTopic, string> = {
  vacatures: "Vacatures",
  juridische_vraag: "Juridische vraag",
  mobiliteit: "Mobiliteit",
  scholing: "Scholing",
  inclusief_werkgeverschap: "Inclusief werkgeverschap",
};

export function topicLabel(topic: VisitTopic): string {
  return TOPIC_LABELS[topic];
}

export const VACANCY_STATUSES: readonly VacancyStatus[] = ["open", "vervuld", "ingetrokken"];

const STATUS_LABELS: Record<VacancyStatus, string> = {
  open: "Open",
  vervuld: "Vervuld",
  ingetrokken: "Ingetrokken",
};

export function vacancyStatusLabel(status: VacancyStatus): string {
  return STATUS_LABELS[status];
}

export const VACANCY_SOURCES: readonly VacancySource[] = ["bezoek", "telefoon", "portal", "event"];

const SOURCE_LABELS: Record<VacancySource, string> = {
  bezoek: "Bedrijfsbezoek",
  telefoon: "Telefoon",
  portal: "Vacatureportal",
  event: "Evenement",
};

export function vacancySourceLabel(source: VacancySource): string {
  return SOURCE_LABELS[source];
}

export function startLabel(kind: StartKind, expected: string): string {
  return kind === "direct" ? "Direct" : `Vanaf ${expected}`;
}

export function followUpKindLabel(kind: FollowUpKind): string {
  return kind === "vraag" ? "Vraag van de werkgever" : "Opvolging na bezoek";
}

const TIMELINE_LABELS: Record<TimelineKind, string> = {
  bezoek: "Bezoek",
  vacature: "Vacature",
  opvolging: "Opvolging",
  plaatsing: "Plaatsing",
  notitie: "Notitie",
  contactpersoon: "Contactpersoon",
};

export function timelineKindLabel(kind: TimelineKind): string {
  return TIMELINE_LABELS[kind];
}

export const EMPLOYER_SORTS: readonly { value: EmployerSort; label: string }[] = [
  { value: "naam", label: "Naam" },
  { value: "laatste_contact", label: "Laatste contact (langst geleden eerst)" },
  { value: "bedrijventerrein", label: "Bedrijventerrein" },
  { value: "sector", label: "Sector" },
];
