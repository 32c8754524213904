use super::Session;
use crate::{CoreError, CoreResult};
use werkpad_proto::{DemoInput, DemoResult};

/// Upper bound per run: the benchmark set (10,000 kandidaten, 100,000 notes) fits.
pub const MAX_DEMO_RECORDS: u32 = 200_000;

pub fn load_demo_data(s: &mut Session, input: DemoInput, seed: u64) -> CoreResult<DemoResult> {
    let total = u64::from(input.candidates) * (1 + u64::from(input.notes_per_candidate))
        + u64::from(input.employers);
    if total > u64::from(MAX_DEMO_RECORDS) {
        return Err(CoreError::invalid(
            "candidates",
            format!("{total} demo records requested, at most {MAX_DEMO_RECORDS}"),
            format!("Kies minder demodata: hooguit {MAX_DEMO_RECORDS} records per keer."),
        ));
    }
    let result = crate::demo::generate(&mut s.store, input, seed)?;
    log::info!("generated demo data: {result:?}");
    Ok(result)
}
