import type {
  FollowUpKind,
  VacancyInput,
  Visit,
  VisitInput,
  VisitLogContext,
  VisitOutcome,
  VisitTopic,
} from "../../ipc";

/** The visit log as typed; kept whole in the draft so nothing typed is lost. */
export interface VisitForm {
  visitedOn: string;
  outcome: VisitOutcome;
  /** A contactpersoon's id, "" for nobody, NEW_CONTACT for one met for the first time. */
  contactId: string;
  newContact: { name: string; role: string; phone: string; email: string };
  topics: VisitTopic[];
  instruments: string[];
  report: string;
  vacancies: VacancyInput[];
  followUp: { enabled: boolean; kind: FollowUpKind; description: string; owner: string; dueOn: string };
  handoverTo: string;
  feedbackScore: number;
  feedbackRemark: string;
}

export const NEW_CONTACT = "nieuw";

export function emptyForm(ctx: VisitLogContext, me: string): VisitForm {
  return {
    visitedOn: ctx.today,
    outcome: "gesprek",
    contactId: "",
    newContact: { name: "", role: "", phone: "", email: "" },
    topics: [],
    instruments: [],
    report: "",
    vacancies: [],
    followUp: { enabled: false, kind: "bezoek", description: "", owner: me, dueOn: "" },
    handoverTo: "",
    feedbackScore: 0,
    feedbackRemark: "",
  };
}

/** A report logged earlier at this stop: the form starts from it and saves a new version. */
export function formFromVisit(ctx: VisitLogContext, visit: Visit, me: string): VisitForm {
  return {
    ...emptyForm(ctx, me),
    visitedOn: visit.visited_on,
    outcome: visit.outcome,
    contactId: visit.contact_id ?? "",
    topics: visit.topics,
    instruments: visit.instruments,
    report: visit.report,
    handoverTo: visit.handover_to,
    feedbackScore: visit.feedback_score,
    feedbackRemark: visit.feedback_remark,
  };
}

/** A stored draft back into the form; anything unreadable falls back to the empty form. */
export function formFromDraft(data: string, fallback: VisitForm): VisitForm {
  try {
    const parsed = JSON.parse(data) as Partial<VisitForm>;
    return { ...fallback, ...parsed };
  } catch {
    return fallback;
  }
}

export function toInput(
  form: VisitForm,
  ctx: VisitLogContext,
  draftId: string | null,
): VisitInput {
  const employerId = ctx.employer.id;
  return {
    draft_id: draftId,
    previous_version_id: ctx.visit?.id ?? null,
    employer_id: employerId,
    stop_id: ctx.stop?.id ?? null,
    visited_on: form.visitedOn,
    outcome: form.outcome,
    contact_id: form.contactId === "" || form.contactId === NEW_CONTACT ? null : form.contactId,
    new_contact:
      form.contactId === NEW_CONTACT ? { employer_id: employerId, ...form.newContact } : null,
    topics: form.topics,
    instruments: form.instruments,
    report: form.report,
    vacancies: form.vacancies.map((v) => ({ ...v, employer_id: employerId })),
    follow_up: form.followUp.enabled
      ? {
          kind: form.followUp.kind,
          description: form.followUp.description,
          owner: form.followUp.owner,
          due_on: form.followUp.dueOn,
        }
      : null,
    handover_to: form.handoverTo,
    feedback_score: form.feedbackScore,
    feedback_remark: form.feedbackRemark,
  };
}

/** What must be there before saving: field id → Dutch message. */
export function validateForm(form: VisitForm): [string, string][] {
  const out: [string, string][] = [];
  if (form.contactId === NEW_CONTACT && form.newContact.name.trim() === "") {
    out.push(["visit-contact-name", "Vul de naam van de nieuwe contactpersoon in."]);
  }
  form.vacancies.forEach((v, i) => {
    if (v.function_title.trim() === "") {
      out.push([`visit-vacancy-${i}-function_title`, `Vul de functie van vacature ${i + 1} in.`]);
    }
    if (v.start_kind === "toekomst" && !/^\d{1,2}-\d{1,2}-\d{4}$/.test(v.expected_start.trim())) {
      out.push([`visit-vacancy-${i}-expected_start`, `Vul de verwachte start van vacature ${i + 1} in als dd-mm-jjjj.`]);
    }
  });
  if (form.followUp.enabled) {
    if (form.followUp.description.trim() === "") {
      out.push(["visit-followup-description", "Beschrijf kort wat er moet gebeuren."]);
    }
    if (form.followUp.owner.trim() === "") {
      out.push(["visit-followup-owner", "Vul in wie de opvolging doet: één collega is eigenaar."]);
    }
  }
  return out;
}
