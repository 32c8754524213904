//! Any bytes as the body of `POST /v1/push`, through the server's own decoder, checks and
//! merge rules: a refusal is fine, a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use werkpad_server::store::{plan, Caller};

fuzz_target!(|data: &[u8]| {
    let caller = Caller {
        device_id: "dev-1".into(),
        user_id: 1,
        user_name: "anna".into(),
    };
    // 2026-06-01: stamps around then pass the clock check, so the merge rules run too.
    let _ = plan::plan_body(data, &caller, 1_780_300_000);
});
