import type { Klantbeeld, KlantbeeldData, LifeDomainScore } from "../../../ipc";
import { LIFE_DOMAINS } from "../../../labels/klantbeeld";

/** All 13 levensgebieden, in matrix order, with what the given scores say about them. */
export function allDomains(scores: readonly LifeDomainScore[]): LifeDomainScore[] {
  return LIFE_DOMAINS.map(
    (domain) => scores.find((score) => score.domain === domain) ?? { domain, score: null, remark: "" },
  );
}

export const EMPTY_DATA: KlantbeeldData = {
  life_domains: allDomains([]),
  possibilities: "",
  obstacles: [],
  motivation: "",
  drives: "",
  work_history: "",
  education_history: "",
  competences: [],
  self_image: "",
  network: "",
  hook: "",
};

/** The form starts from the newest version, so an update only changes what changed. */
export function initialData(klantbeeld: Klantbeeld): KlantbeeldData {
  const newest = klantbeeld.versions[0];
  if (newest === undefined) return EMPTY_DATA;
  return {
    ...newest.data,
    life_domains: allDomains(newest.data.life_domains),
    obstacles: newest.data.obstacles.map((obstacle) => ({ ...obstacle })),
    competences: newest.data.competences.map((competence) => ({ ...competence })),
  };
}

/** The text fields of the klantbeeld, in screen order, with their Dutch labels. */
export const TEXT_FIELDS = [
  { key: "possibilities", label: "Mogelijkheden", hint: "Wat kan deze persoon, wat gaat goed?" },
  { key: "motivation", label: "Motivatie", hint: "Hoe graag wil deze persoon aan het werk, en waarom?" },
  { key: "drives", label: "Drijfveren", hint: "Wat geeft energie: geld, collega's, structuur, iets betekenen?" },
  { key: "work_history", label: "Werkachtergrond", hint: "Eerder werk, stages, vrijwilligerswerk." },
  { key: "education_history", label: "Opleidingsachtergrond", hint: "Opleidingen, diploma's, certificaten." },
  { key: "self_image", label: "Zelfbeeld", hint: "Hoe ziet de persoon zichzelf? In eigen woorden." },
  { key: "network", label: "Netwerk", hint: "Familie, vrienden, hulpverleners, contacten met werkgevers." },
  { key: "hook", label: "Aanhaakpunt", hint: "Waarop kunt u deze persoon aanspreken om in beweging te komen?" },
] as const;

export type TextFieldKey = (typeof TEXT_FIELDS)[number]["key"];
