use super::Session;
use crate::{CoreError, CoreResult};
use werkpad_proto::{DemoInput, DemoResult};

/// Upper bound per run: the benchmark set (10,000 kandidaten, 100,000 notes) fits.
pub const MAX_DEMO_RECORDS: u32 = 200_000;

pub fn load_demo_data(s: &mut Session, input: DemoInput, seed: u64) -> CoreResult<DemoResult> {
    let total = u64::from(input.candidates) * (1 + u64::from(input.notes_per_candidate))
        // Each werkgever comes with two visits on average.
        + u64::from(input.employers) * 3;
    if total > u64::from(MAX_DEMO_RECORDS) {
        return Err(CoreError::invalid(
            "candidates",
            format!("{total} demo records requested, at most {MAX_DEMO_RECORDS}"),
            format!("Kies minder demodata: hooguit {MAX_DEMO_RECORDS} records per keer."),
        ));
    }
    let result = crate::demo::generate(&mut s.store, input, seed)?;
    let placed = place_nazorg_cases(s, seed)?;
    // The accountmanager's side: two visits per werkgever on average, and a bustour.
    let today = super::candidates::today(s);
    let visits = crate::demo_visits::generate_visits(
        &mut s.store,
        input.employers.saturating_mul(2),
        seed,
        today,
    )?;
    let me = s.profile.name.clone();
    crate::demo_visits::generate_round(&mut s.store, today, &me)?;
    log::info!("generated demo data: {result:?}, {placed} placements, {visits} visits");
    Ok(result)
}

/// Cases in nazorg get a real placement, started between a week and ten months ago, so
/// Vandaag shows the follow-ups and deadlines a coach would have.
fn place_nazorg_cases(s: &mut Session, seed: u64) -> CoreResult<u32> {
    use rand::{Rng, SeedableRng};
    let ids: Vec<String> = s
        .store
        .conn()
        .prepare(
            "SELECT c.id FROM candidates c JOIN trajectories t ON t.candidate_id = c.id
             WHERE t.phase = 'nazorg'
               AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.trajectory_id = t.id)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed ^ 0x5eed);
    let today = super::candidates::today(s);
    let functions = [
        "Orderpicker",
        "Medewerker groenvoorziening",
        "Schoonmaker",
        "Productiemedewerker",
        "Medewerker bediening",
    ];
    let employers = [
        "Bakker Logistiek B.V.",
        "Groenwerk Eemland",
        "Schoon & Zo",
        "Metaalwerk Hoefslag",
        "Eetcafé De Kampen",
    ];
    let mut placed = 0;
    for id in ids {
        let start = today
            .checked_sub(jiff::Span::new().days(rng.random_range(7..300)))
            .expect("date in range");
        let with_lks = rng.random_bool(0.5);
        let mut instruments = vec![werkpad_proto::PlacementInstrumentInput {
            instrument_id: "proefplaatsing".into(),
            started_on: String::new(),
            ended_on: String::new(),
            amount: String::new(),
        }];
        if with_lks {
            instruments.push(werkpad_proto::PlacementInstrumentInput {
                instrument_id: "loonkostensubsidie".into(),
                started_on: String::new(),
                ended_on: String::new(),
                amount: String::new(),
            });
        }
        let input = werkpad_proto::PlacementInput {
            candidate_id: id,
            employer_name: employers[rng.random_range(0..employers.len())].into(),
            function_title: functions[rng.random_range(0..functions.len())].into(),
            started_on: crate::domain::dates::to_dutch(start),
            contract_type: werkpad_proto::ContractType::Tijdelijk,
            hours_per_week: rng.random_range(16..=36),
            routes: vec![werkpad_proto::Route::InnovatieveMatching],
            instruments,
            agreements: "Jobcoach komt de eerste weken wekelijks langs.".into(),
            risks: "Reistijd met het openbaar vervoer.".into(),
            fallback_plan: "Bij uitval direct contact met de jobcoach.".into(),
            beschut: false,
        };
        super::nazorg::record_placement(s, &input)?;
        placed += 1;
    }
    Ok(placed)
}
