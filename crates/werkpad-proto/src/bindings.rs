//! TypeScript bindings for the UI, rendered from the Rust types. The committed files in
//! `ui/src/bindings` must equal what this renders; a test fails when they drift, and
//! `UPDATE_BINDINGS=1 cargo test -p werkpad-proto` rewrites them.

use crate::*;
use ts_rs::{Config, TS};

/// (file name, file content) for every type the UI uses.
pub fn render_all() -> Vec<(String, String)> {
    let cfg = Config::default();
    let mut out = Vec::new();
    macro_rules! render {
        ($($t:ty),* $(,)?) => {$(
            out.push((
                format!("{}.ts", <$t as TS>::ident(&cfg)),
                <$t as TS>::export_to_string(&cfg).expect("a binding renders"),
            ));
        )*};
    }
    render!(
        ErrorCode,
        ApiError,
        Role,
        Profile,
        LockState,
        AppStatus,
        SetupInput,
        UnlockInput,
        DemoInput,
        Phase,
        PhaseCount,
        Overview,
        DemoResult,
        CandidateRow,
        EmployerRow,
        PageInput,
        Page<CandidateRow>,
        BenefitSituation,
        TargetGroup,
        CandidateInput,
        Candidate,
        PhaseChange,
        Tile,
        ChecklistItem,
        Activity,
        Trajectory,
        CandidateDetail,
        UpdateCandidateInput,
        ChangePhaseInput,
        OpenActivityInput,
        CloseActivityInput,
        TickInput,
        CaseloadSort,
        CaseloadQuery,
        CaseloadRow,
        Caseload,
        SearchQuery,
        Segment,
        HitSource,
        SearchHit,
        LifeDomain,
        LifeDomainScore,
        ObstacleKind,
        Urgency,
        Obstacle,
        CompetenceKind,
        CompetenceStatus,
        Competence,
        KlantbeeldData,
        KlantbeeldVersion,
        Klantbeeld,
        KlantbeeldInput,
        GoalStatus,
        ActionStatus,
        PlanAction,
        Goal,
        Plan,
        GoalInput,
        ActionInput,
        ExportedFile,
        NoteKind,
        Note,
        NoteDraft,
        SaveDraftInput,
        NotesView,
        ForWhom,
        InstrumentDef,
        DeadlineAnchor,
        DeadlineRuleDef,
        InstrumentInput,
        Schedules,
        Route,
        ContractType,
        PlacementInstrumentInput,
        PlacementInput,
        PlacementStatus,
        Intensity,
        PlacementInstrument,
        Placement,
        ReminderKind,
        ContactSubject,
        ReminderStatus,
        Reminder,
        Channel,
        Outcome,
        CheckIn,
        CheckInInput,
        NazorgView,
        EndPlacementInput,
        IntensityInput,
        ReminderAction,
        ReminderUpdate,
        DueCase,
        DueList,
        EnrolInput,
        SyncPhase,
        SyncStatus,
        ConflictSideView,
        SyncNoticeView,
        ConflictView,
        ConflictKeep,
        ResolveConflictInput,
        Employer,
        EmployerInput,
        InclusiveInterest,
        EmployerProfile,
        EmployerProfileInput,
        EmployerContact,
        ContactInput,
        VacancyStatus,
        VacancySource,
        StartKind,
        Vacancy,
        VacancyInput,
        FollowUpKind,
        FollowUpStatus,
        EmployerFollowUp,
        FollowUpInput,
        TimelineKind,
        TimelineEntry,
        EmployerDetail,
        EmployerSort,
        EmployerQuery,
        EmployerListRow,
        EmployerList,
        RoundDayInput,
        RoundAreaInput,
        RoundInput,
        StopInput,
        VisitOutcome,
        VisitTopic,
        StopView,
        RoundDayView,
        RoundAreaView,
        RoundDetail,
        RoundSummary,
        OutcomeCount,
        RoundResults,
        VisitFollowUpInput,
        VisitInput,
        Visit,
        VisitDraft,
        SaveVisitDraftInput,
        VisitLogQuery,
        VisitLogContext,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn bindings_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings")
    }

    #[test]
    fn committed_bindings_match_the_rust_types() {
        let dir = bindings_dir();
        let update = std::env::var_os("UPDATE_BINDINGS").is_some();
        if update {
            std::fs::create_dir_all(&dir).unwrap();
        }
        let mut stale = Vec::new();
        for (name, content) in render_all() {
            let path = dir.join(&name);
            if update {
                std::fs::write(&path, &content).unwrap();
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(content.as_str()) {
                stale.push(name);
            }
        }
        assert!(
            stale.is_empty(),
            "the UI would talk to the core with outdated types; regenerate with \
             UPDATE_BINDINGS=1 cargo test -p werkpad-proto. Stale: {stale:?}"
        );
    }
}
