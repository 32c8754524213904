import type { AppStatus } from "../bindings/AppStatus";
import type { CandidateDetail } from "../bindings/CandidateDetail";
import type { CandidateInput } from "../bindings/CandidateInput";
import type { Caseload } from "../bindings/Caseload";
import type { CaseloadQuery } from "../bindings/CaseloadQuery";
import type { ChangePhaseInput } from "../bindings/ChangePhaseInput";
import type { CloseActivityInput } from "../bindings/CloseActivityInput";
import type { ActionInput } from "../bindings/ActionInput";
import type { ExportedFile } from "../bindings/ExportedFile";
import type { GoalInput } from "../bindings/GoalInput";
import type { Klantbeeld } from "../bindings/Klantbeeld";
import type { KlantbeeldInput } from "../bindings/KlantbeeldInput";
import type { Note } from "../bindings/Note";
import type { NoteDraft } from "../bindings/NoteDraft";
import type { NotesView } from "../bindings/NotesView";
import type { OpenActivityInput } from "../bindings/OpenActivityInput";
import type { Plan } from "../bindings/Plan";
import type { SaveDraftInput } from "../bindings/SaveDraftInput";
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchQuery } from "../bindings/SearchQuery";
import type { TickInput } from "../bindings/TickInput";
import type { UpdateCandidateInput } from "../bindings/UpdateCandidateInput";
import type { DemoInput } from "../bindings/DemoInput";
import type { DemoResult } from "../bindings/DemoResult";
import type { EmployerRow } from "../bindings/EmployerRow";
import type { Overview } from "../bindings/Overview";
import type { Page } from "../bindings/Page";
import type { PageInput } from "../bindings/PageInput";
import type { SetupInput } from "../bindings/SetupInput";
import type { UnlockInput } from "../bindings/UnlockInput";
import type { CheckInInput } from "../bindings/CheckInInput";
import type { DueList } from "../bindings/DueList";
import type { EndPlacementInput } from "../bindings/EndPlacementInput";
import type { InstrumentDef } from "../bindings/InstrumentDef";
import type { InstrumentInput } from "../bindings/InstrumentInput";
import type { Schedules } from "../bindings/Schedules";
import type { IntensityInput } from "../bindings/IntensityInput";
import type { NazorgView } from "../bindings/NazorgView";
import type { PlacementInput } from "../bindings/PlacementInput";
import type { ReminderUpdate } from "../bindings/ReminderUpdate";
import type { ConflictView } from "../bindings/ConflictView";
import type { SyncNoticeView } from "../bindings/SyncNoticeView";
import type { Employer } from "../bindings/Employer";
import type { EmployerInput } from "../bindings/EmployerInput";
import type { EnrolInput } from "../bindings/EnrolInput";
import type { ResolveConflictInput } from "../bindings/ResolveConflictInput";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { ContactInput } from "../bindings/ContactInput";
import type { EmployerDetail } from "../bindings/EmployerDetail";
import type { EmployerList } from "../bindings/EmployerList";
import type { EmployerProfileInput } from "../bindings/EmployerProfileInput";
import type { EmployerQuery } from "../bindings/EmployerQuery";
import type { FollowUpInput } from "../bindings/FollowUpInput";
import type { VacancyInput } from "../bindings/VacancyInput";
import type { RoundDetail } from "../bindings/RoundDetail";
import type { RoundInput } from "../bindings/RoundInput";
import type { RoundResults } from "../bindings/RoundResults";
import type { RoundSummary } from "../bindings/RoundSummary";
import type { SaveVisitDraftInput } from "../bindings/SaveVisitDraftInput";
import type { StopInput } from "../bindings/StopInput";
import type { Visit } from "../bindings/Visit";
import type { VisitDraft } from "../bindings/VisitDraft";
import type { VisitInput } from "../bindings/VisitInput";
import type { VisitLogContext } from "../bindings/VisitLogContext";
import type { VisitLogQuery } from "../bindings/VisitLogQuery";
import { call } from "./call";

// Typed wrappers around the Tauri commands. Argument keys match the Rust parameter names.

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>("app_status");
}

export function setupProfile(input: SetupInput): Promise<AppStatus> {
  return call<AppStatus>("setup_profile", { input });
}

export function unlock(input: UnlockInput): Promise<AppStatus> {
  return call<AppStatus>("unlock", { input });
}

export function lock(): Promise<AppStatus> {
  return call<AppStatus>("lock");
}

export function overview(): Promise<Overview> {
  return call<Overview>("overview");
}

export function loadDemoData(input: DemoInput): Promise<DemoResult> {
  return call<DemoResult>("load_demo_data", { input });
}

export function listEmployers(page: PageInput): Promise<Page<EmployerRow>> {
  return call<Page<EmployerRow>>("list_employers", { page });
}

// ---- Kandidaten: caseload and search ----

export function caseload(query: CaseloadQuery): Promise<Caseload> {
  return call<Caseload>("caseload", { query });
}

export function search(query: SearchQuery): Promise<SearchHit[]> {
  return call<SearchHit[]>("search", { query });
}

// ---- Kandidaat and traject ----

export function createCandidate(input: CandidateInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("create_candidate", { input });
}

export function updateCandidate(input: UpdateCandidateInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("update_candidate", { input });
}

export function getCandidate(id: string): Promise<CandidateDetail> {
  return call<CandidateDetail>("get_candidate", { id });
}

export function changePhase(input: ChangePhaseInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("change_phase", { input });
}

export function openActivity(input: OpenActivityInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("open_activity", { input });
}

export function closeActivity(input: CloseActivityInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("close_activity", { input });
}

export function tickChecklist(input: TickInput): Promise<CandidateDetail> {
  return call<CandidateDetail>("tick_checklist", { input });
}

// ---- Klantbeeld (id = candidate id) ----

export function getKlantbeeld(id: string): Promise<Klantbeeld> {
  return call<Klantbeeld>("get_klantbeeld", { id });
}

export function saveKlantbeeld(input: KlantbeeldInput): Promise<Klantbeeld> {
  return call<Klantbeeld>("save_klantbeeld", { input });
}

export function verifyKlantbeeld(id: string): Promise<Klantbeeld> {
  return call<Klantbeeld>("verify_klantbeeld", { id });
}

// ---- Plan van aanpak (id = candidate id) ----

export function getPlan(id: string): Promise<Plan> {
  return call<Plan>("get_plan", { id });
}

export function saveGoal(input: GoalInput): Promise<Plan> {
  return call<Plan>("save_goal", { input });
}

export function saveAction(input: ActionInput): Promise<Plan> {
  return call<Plan>("save_action", { input });
}

export function exportPlanPdf(id: string): Promise<ExportedFile> {
  return call<ExportedFile>("export_plan_pdf", { id });
}

// ---- Notities ----

/** Id = candidate id. */
export function listNotes(id: string): Promise<NotesView> {
  return call<NotesView>("list_notes", { id });
}

export function saveNoteDraft(input: SaveDraftInput): Promise<NoteDraft> {
  return call<NoteDraft>("save_note_draft", { input });
}

/** Id = draft id. */
export function finishNoteDraft(id: string): Promise<Note> {
  return call<Note>("finish_note_draft", { id });
}

/** Id = draft id. */
export function discardNoteDraft(id: string): Promise<null> {
  return call<null>("discard_note_draft", { id });
}

/** Id = note id; every version of that note, oldest first. */
export function noteHistory(id: string): Promise<Note[]> {
  return call<Note[]>("note_history", { id });
}

// ---- Plaatsing, nazorg en waakvlam ----

export function listInstruments(): Promise<InstrumentDef[]> {
  return call<InstrumentDef[]>("list_instruments");
}

/** Answers with the whole catalogue as it now is. */
export function saveInstrument(input: InstrumentInput): Promise<InstrumentDef[]> {
  return call<InstrumentDef[]>("save_instrument", { input });
}

export function getSchedules(): Promise<Schedules> {
  return call<Schedules>("get_schedules");
}

export function saveSchedules(input: Schedules): Promise<Schedules> {
  return call<Schedules>("save_schedules", { input });
}

/** Id = candidate id. */
export function getNazorg(id: string): Promise<NazorgView> {
  return call<NazorgView>("get_nazorg", { id });
}

export function recordPlacement(input: PlacementInput): Promise<NazorgView> {
  return call<NazorgView>("record_placement", { input });
}

export function endPlacement(input: EndPlacementInput): Promise<NazorgView> {
  return call<NazorgView>("end_placement", { input });
}

export function logCheckIn(input: CheckInInput): Promise<NazorgView> {
  return call<NazorgView>("log_check_in", { input });
}

export function scaleUp(input: IntensityInput): Promise<NazorgView> {
  return call<NazorgView>("scale_up", { input });
}

export function scaleDown(input: IntensityInput): Promise<NazorgView> {
  return call<NazorgView>("scale_down", { input });
}

export function endWaakvlam(input: IntensityInput): Promise<NazorgView> {
  return call<NazorgView>("end_waakvlam", { input });
}

export function updateReminder(input: ReminderUpdate): Promise<NazorgView> {
  return call<NazorgView>("update_reminder", { input });
}

export function dueList(): Promise<DueList> {
  return call<DueList>("due_list");
}

/** The open follow-ups as an iCalendar (.ics) file for Outlook or Thunderbird. */
export function exportFollowUpsIcal(): Promise<ExportedFile> {
  return call<ExportedFile>("export_follow_ups_ical");
}

// ---- Sync with the regional server ----

export function syncStatus(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_status");
}

export function enrolDevice(input: EnrolInput): Promise<SyncStatus> {
  return call<SyncStatus>("enrol_device", { input });
}

export function syncNow(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_now");
}

export function listConflicts(): Promise<ConflictView[]> {
  return call<ConflictView[]>("list_conflicts");
}

export function listSyncNotices(): Promise<SyncNoticeView[]> {
  return call<SyncNoticeView[]>("list_sync_notices");
}

export async function dismissSyncNotice(id: string): Promise<null> {
  await call<null>("dismiss_sync_notice", { id });
  return null;
}

export async function resolveConflict(input: ResolveConflictInput): Promise<null> {
  await call<null>("resolve_conflict", { input });
  return null;
}

export function getEmployer(id: string): Promise<Employer> {
  return call<Employer>("get_employer", { id });
}

export function saveEmployer(input: EmployerInput): Promise<Employer> {
  return call<Employer>("save_employer", { input });
}

// ---- Werkgevers (accountmanager) ----

export function employerList(query: EmployerQuery): Promise<EmployerList> {
  return call<EmployerList>("employer_list", { query });
}

/** Id = employer id. */
export function employerDetail(id: string): Promise<EmployerDetail> {
  return call<EmployerDetail>("employer_detail", { id });
}

export function saveEmployerProfile(input: EmployerProfileInput): Promise<EmployerDetail> {
  return call<EmployerDetail>("save_employer_profile", { input });
}

export function saveContact(input: ContactInput): Promise<EmployerDetail> {
  return call<EmployerDetail>("save_contact", { input });
}

export function saveVacancy(input: VacancyInput): Promise<EmployerDetail> {
  return call<EmployerDetail>("save_vacancy", { input });
}

export function addFollowUp(input: FollowUpInput): Promise<EmployerDetail> {
  return call<EmployerDetail>("add_follow_up", { input });
}

/** Id = follow-up id. */
export function completeFollowUp(id: string): Promise<EmployerDetail> {
  return call<EmployerDetail>("complete_follow_up", { id });
}

// ---- Bezoekrondes and the visit log ----

export function listRounds(): Promise<RoundSummary[]> {
  return call<RoundSummary[]>("list_rounds");
}

/** Id = round id. */
export function getRound(id: string): Promise<RoundDetail> {
  return call<RoundDetail>("get_round", { id });
}

export function createRound(input: RoundInput): Promise<RoundDetail> {
  return call<RoundDetail>("create_round", { input });
}

export function addStop(input: StopInput): Promise<RoundDetail> {
  return call<RoundDetail>("add_stop", { input });
}

/** Id = round id. */
export function roundResults(id: string): Promise<RoundResults> {
  return call<RoundResults>("round_results", { id });
}

/** Id = day id; the day list as a PDF in the data folder. */
export function exportDayList(id: string): Promise<ExportedFile> {
  return call<ExportedFile>("export_day_list", { id });
}

export function visitLog(query: VisitLogQuery): Promise<VisitLogContext> {
  return call<VisitLogContext>("visit_log", { query });
}

export function saveVisitDraft(input: SaveVisitDraftInput): Promise<VisitDraft> {
  return call<VisitDraft>("save_visit_draft", { input });
}

export function saveVisit(input: VisitInput): Promise<Visit> {
  return call<Visit>("save_visit", { input });
}
