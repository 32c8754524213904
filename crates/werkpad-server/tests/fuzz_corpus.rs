//! The fuzz target's seed corpus (`fuzz/corpus/push_decoder/`), run as a regular test
//! through the same function: every file must be decided without a panic, and the
//! well-known ones must be decided as the protocol says.

use std::path::PathBuf;
use werkpad_proto::sync::SyncErrorCode;
use werkpad_server::store::{plan, Caller};

/// What a seed must give: `Ok(applied operations)` or the refusal's code.
fn expected(name: &str) -> Option<Result<u64, SyncErrorCode>> {
    Some(match name {
        "employer_fields.json" => Ok(3),
        "candidate_with_note.json" => Ok(4),
        "note_joins_case_later.json" => Ok(2),
        "visit.json" => Ok(2),
        "empty.json" => Ok(0),
        "deleted.json" => Ok(1),
        "values_of_every_type.json" => Ok(3),
        // Four fields, then two of them again (the same device's later write wins both).
        "record_operation.json" => Ok(6),
        "record_operation_bad_bases.json" => Err(SyncErrorCode::Invalid),
        "note_rewritten.json" => Err(SyncErrorCode::Invalid),
        "conflict_resolution.json" => Err(SyncErrorCode::Invalid),
        "truncated.json" => Err(SyncErrorCode::Invalid),
        "gap.json" => Err(SyncErrorCode::Invalid),
        "clock_ahead.json" => Err(SyncErrorCode::ClockAhead),
        _ => return None,
    })
}

#[test]
fn the_seed_corpus_decodes_as_the_protocol_says() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/push_decoder");
    let caller = Caller {
        device_id: "dev-1".into(),
        user_id: 1,
        user_name: "anna".into(),
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("the seed corpus is in the repository") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let body = std::fs::read(&path).unwrap();
        let got = plan::plan_body(&body, &caller, 1_780_300_000)
            .map(|p| p.applied)
            .map_err(|e| e.code());
        if let Some(want) = expected(&name) {
            assert_eq!(got, want, "{name}: decided against the protocol");
            checked += 1;
        }
    }
    assert_eq!(checked, 14, "every well-known seed is still in the corpus");
}
